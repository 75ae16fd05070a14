//! Build script: copies the lexicons of the text layer, the detectors, the corpus and the
//! comparison (`src/text/*.txt`, `src/detect/lexicons/*.txt`, `src/corpus/*.txt`,
//! `src/compare/*.txt`) into `OUT_DIR` without their comments and rationales, so that
//! the `.wasm` carries only the entries (the rationales stay in the source files, where a test
//! requires one per entry: `detect::tests::every_lexicon_is_well_formed`).

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for dir in [
        "src/text",
        "src/detect/lexicons",
        "src/corpus",
        "src/compare",
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let entries = std::fs::read_dir(dir).expect("lexicon folder");
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("txt") {
                continue;
            }
            println!("cargo:rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path).expect("lexicon text");
            let stripped: String = text.lines().map(strip).map(|l| format!("{l}\n")).collect();
            let target = Path::new(&out).join(&path);
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("OUT_DIR folder");
            std::fs::write(&target, stripped).expect("write the stripped lexicon");
        }
    }
}

/// A lexicon line without its comment: a `#` that begins the line or follows a blank starts it
/// (the rule of `text::lexicon`). Blank and comment lines become empty lines, so line numbers
/// stay those of the source file.
fn strip(line: &str) -> &str {
    let trimmed = line.trim();
    if trimmed.starts_with('#') {
        return "";
    }
    let hash = trimmed
        .char_indices()
        .find(|&(i, c)| c == '#' && trimmed[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    match hash {
        Some(i) => trimmed[..i].trim_end(),
        None => trimmed,
    }
}
