//! Evaluation support, dev-only: where the public test sets are, the split of each into two
//! halves, scoring, and one loader and one measure per set. Shared by the evaluation tests
//! (`tests/eval_*.rs`, `tests/sentences.rs`, `tests/extraction.rs`), `make eval`
//! (`examples/eval`) and `make bench` (`examples/corpus_scale.rs`), each including it with
//! `#[path = "…/examples/support/mod.rs"] mod support;`, so every figure is computed by one
//! piece of code.
//!
//! **Halves.** Every development set is split in two by document ([`Half::of`] on the document
//! id): rules are built on the `build` half and kept only if they hold on the `check` half
//! (the held-out test halves of the sets are measured from outside).
#![allow(dead_code)]

pub mod checkthat;
pub mod golden;
pub mod numbers;
pub mod pages;
pub mod polnear;
pub mod score;
pub mod szeged;

use std::path::{Path, PathBuf};

/// The folder of one public test set in `../shared/evaldata`, or `None` (with a message) when
/// it is absent; absent data is an error under `CI=true`.
pub fn data_dir(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/evaldata")
        .join(name);
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing in CI",
        dir.display()
    );
    eprintln!("skipping: {} is absent", dir.display());
    None
}

/// A JSON file (a leading byte-order mark is allowed), or `None` with a message.
pub fn read_json(path: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| eprintln!("skipping {}: {e}", path.display()))
        .ok()?;
    serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| eprintln!("skipping {}: {e}", path.display()))
        .ok()
}

/// The half of a development set a document belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Half {
    /// Rules are developed on this half.
    Build,
    /// Measured only: a rule is kept only if it holds here too.
    Check,
}

impl Half {
    /// Both halves, build first.
    pub const BOTH: [Half; 2] = [Half::Build, Half::Check];

    /// The half of the document `id`: FNV-1a (64 bit) of its bytes, even → build, odd → check.
    pub fn of(id: &str) -> Half {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in id.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        if h.is_multiple_of(2) {
            Half::Build
        } else {
            Half::Check
        }
    }

    /// "build" or "check".
    pub fn name(self) -> &'static str {
        match self {
            Half::Build => "build",
            Half::Check => "check",
        }
    }
}

/// A figure per half.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Halves<T> {
    /// On the build half.
    pub build: T,
    /// On the check half.
    pub check: T,
}

/// A figure that two halves' figures add up to (counts, not ratios).
pub trait Pooled {
    /// This figure and `other`'s, as if measured on both halves at once.
    fn pooled(&self, other: &Self) -> Self;
}

impl Pooled for (usize, usize) {
    fn pooled(&self, other: &Self) -> Self {
        (self.0 + other.0, self.1 + other.1)
    }
}

impl<T: Clone> Pooled for Vec<T> {
    fn pooled(&self, other: &Self) -> Self {
        self.iter().chain(other).cloned().collect()
    }
}

impl<T: Pooled> Halves<T> {
    /// The figure of the whole development set: both halves pooled.
    pub fn all(&self) -> T {
        self.build.pooled(&self.check)
    }
}

impl<T> Halves<T> {
    /// The figure of `half`.
    pub fn get(&self, half: Half) -> &T {
        match half {
            Half::Build => &self.build,
            Half::Check => &self.check,
        }
    }

    /// The figure of `half`, to update.
    pub fn get_mut(&mut self, half: Half) -> &mut T {
        match half {
            Half::Build => &mut self.build,
            Half::Check => &mut self.check,
        }
    }
}
