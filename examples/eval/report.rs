//! The table: rows of measure, our figure on each half and on both pooled, the anchor and the goal; rewriting the
//! marked section of `EVALUATION.md`.

use std::path::Path;

/// Where the generated table starts and ends in `EVALUATION.md`.
pub const BEGIN: &str = "<!-- eval:begin -->";
/// See [`BEGIN`].
pub const END: &str = "<!-- eval:end -->";

/// One line of the table.
pub struct Row {
    measure: String,
    build: String,
    check: String,
    all: String,
    anchor: String,
    goal: String,
}

impl Row {
    /// A row from its cells: the figure on each half and on both pooled (`cells`).
    pub fn new(measure: &str, cells: [String; 3], anchor: &str, goal: &str) -> Row {
        let [build, check, all] = cells;
        Row {
            measure: measure.into(),
            build,
            check,
            all,
            anchor: anchor.into(),
            goal: goal.into(),
        }
    }
}

/// The markdown table.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| measure | build half | check half | whole development set | anchor | goal |\n|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out += &format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.measure, r.build, r.check, r.all, r.anchor, r.goal
        );
    }
    out
}

/// Replaces the text between the markers with `table`; appends a marked section if absent.
pub fn write_section(path: &Path, table: &str) -> std::io::Result<()> {
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let block = format!("{BEGIN}\n{table}{END}");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => format!("{}{block}{}", &old[..b], &old[e + END.len()..]),
        _ => format!(
            "{}\n\n## Accuracy on public test sets\n\n{block}\n",
            old.trim_end()
        ),
    };
    std::fs::write(path, new)
}
