//! `extension/protocol.js` carries the core's article-gate constants (src/page/gate.rs) in a
//! generated block: the content script has no threshold of its own. This test fails while the
//! file disagrees with the core; `make protocol` rewrites the block.
#![cfg(not(target_arch = "wasm32"))]

use claimlens::page::{protocol_constants_js, GENERATED_BEGIN, GENERATED_END};

const PROTOCOL_JS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/extension/protocol.js");

#[test]
fn protocol_js_carries_the_cores_constants() {
    let js = std::fs::read_to_string(PROTOCOL_JS).expect("extension/protocol.js");
    let (Some(begin), Some(end)) = (js.find(GENERATED_BEGIN), js.find(GENERATED_END)) else {
        panic!("extension/protocol.js lost its generated block markers");
    };
    let current = &js[begin..end + GENERATED_END.len()];
    let wanted = protocol_constants_js();
    if current == wanted {
        return;
    }
    if std::env::var_os("CLAIMLENS_WRITE_PROTOCOL").is_some() {
        let updated = format!(
            "{}{wanted}{}",
            &js[..begin],
            &js[end + GENERATED_END.len()..]
        );
        std::fs::write(PROTOCOL_JS, updated).expect("write extension/protocol.js");
        return;
    }
    panic!("extension/protocol.js is out of date with src/page/gate.rs: run `make protocol`\n--- in the file:\n{current}\n--- wanted:\n{wanted}");
}
