//! The table: rows of measure, our figure, the anchor and the goal; rewriting the marked section
//! of `EVALUATION.md`.

use std::path::Path;

/// Where the generated table starts and ends in `EVALUATION.md`.
pub const BEGIN: &str = "<!-- eval:begin -->";
/// See [`BEGIN`].
pub const END: &str = "<!-- eval:end -->";

/// One line of the table.
pub struct Row {
    measure: String,
    ours: String,
    anchor: String,
    goal: String,
}

impl Row {
    /// A row from its four cells.
    pub fn new(measure: &str, ours: &str, anchor: &str, goal: &str) -> Row {
        Row {
            measure: measure.into(),
            ours: ours.into(),
            anchor: anchor.into(),
            goal: goal.into(),
        }
    }
}

/// True positives, predictions, gold items.
#[derive(Clone, Copy, Default, Debug)]
pub struct Prf {
    pub tp_predicted: usize,
    pub predicted: usize,
    pub tp_gold: usize,
    pub gold: usize,
}

impl Prf {
    /// Precision, recall, F1.
    pub fn scores(&self) -> (f64, f64, f64) {
        let p = self.tp_predicted as f64 / self.predicted.max(1) as f64;
        let r = self.tp_gold as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// "P 0.81 / R 0.62 / F1 0.70".
    pub fn cell(&self) -> String {
        let (p, r, f) = self.scores();
        format!("P {p:.2} / R {r:.2} / F1 **{f:.2}**")
    }
}

/// The markdown table.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from("| measure | ClaimLens | anchor | goal |\n|---|---|---|---|\n");
    for r in rows {
        out += &format!(
            "| {} | {} | {} | {} |\n",
            r.measure, r.ours, r.anchor, r.goal
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
