//! The two halves of a development set: a document key's FNV-1a hash, even → half A, odd → B.

/// Which half a key falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Half {
    /// Even hash.
    A,
    /// Odd hash.
    B,
}

/// The half of `key` (a page folder, an ECB+ topic).
pub fn of(key: &str) -> Half {
    let h = key.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    });
    if h % 2 == 0 {
        Half::A
    } else {
        Half::B
    }
}

/// A count kept per half.
#[derive(Clone, Copy, Debug, Default)]
pub struct Split<T> {
    /// Half A.
    pub a: T,
    /// Half B.
    pub b: T,
}

impl<T: Copy + std::ops::Add<Output = T>> Split<T> {
    /// The count of one half.
    pub fn get_mut(&mut self, half: Half) -> &mut T {
        match half {
            Half::A => &mut self.a,
            Half::B => &mut self.b,
        }
    }

    /// Both halves together.
    pub fn all(&self) -> T {
        self.a + self.b
    }
}

/// A share as "12.3 % (45/366)".
pub fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "– (0)".to_string();
    }
    format!(
        "{:.1} % ({part}/{whole})",
        100.0 * part as f64 / whole as f64
    )
}

/// What a share must hold on each half under `--check`: a regression floor set a little below
/// the figures measured when it was set (the goal, in the table, may be higher).
#[derive(Clone, Copy, Debug)]
pub enum Bound {
    /// At least this fraction.
    AtLeast(f64),
    /// At most this fraction.
    AtMost(f64),
}

/// Rows of the table, with the shares that broke their bound.
#[derive(Default)]
pub struct Table {
    /// Markdown rows.
    pub rows: Vec<String>,
    /// One line per share below its floor (or above its ceiling) on a half.
    pub failures: Vec<String>,
}

impl Table {
    /// Adds a row of shares per half (`ratio` gives part and whole of a count) and checks each
    /// half against `bound`.
    pub fn share<T>(
        &mut self,
        counts: &Split<T>,
        measure: &str,
        goal: &str,
        bound: Bound,
        ratio: impl Fn(&T) -> (usize, usize),
    ) {
        let (a, b) = (ratio(&counts.a), ratio(&counts.b));
        self.rows.push(format!(
            "| {measure} | {} | {} | **{}** | {goal} |",
            share(a.0, a.1),
            share(b.0, b.1),
            share(a.0 + b.0, a.1 + b.1)
        ));
        for (half, t) in [("A", &counts.a), ("B", &counts.b)] {
            let (part, whole) = ratio(t);
            if whole == 0 {
                continue;
            }
            self.check(measure, half, part as f64 / whole as f64, bound);
        }
    }

    /// Records a failure when `value` (a fraction) breaks `bound` on `half`.
    pub fn check(&mut self, measure: &str, half: &str, value: f64, bound: Bound) {
        let broken = match bound {
            Bound::AtLeast(floor) => value < floor,
            Bound::AtMost(ceiling) => value > ceiling,
        };
        if broken {
            self.failures.push(format!(
                "half {half}: {measure}: {:.1} % breaks {bound:?}",
                100.0 * value
            ));
        }
    }

    /// Appends another table's rows and failures.
    pub fn extend(&mut self, other: Table) {
        self.rows.extend(other.rows);
        self.failures.extend(other.failures);
    }
}
