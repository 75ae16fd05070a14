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
