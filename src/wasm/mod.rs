//! wasm-bindgen entry points and the sidebar UI (to be written). No logic lives here.
