//! The `claimlens` command-line tool (to be written).
fn main() {}
