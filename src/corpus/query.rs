//! Query cleanup for claim matching: social-media text carries links, handles, hashtags and
//! signature lines that say nothing about the claim.

use regex::Regex;
use std::sync::LazyLock;

/// Links: web addresses and attached-picture links.
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.|pic\.twitter\.com/)\S*").expect("valid link pattern")
});

/// An embedded-tweet signature: "— Name (@handle) January 26, 2021" closing the text. The
/// name is kept (claims are often about what someone said), handle and date go.
static SIGNATURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[—–]\s*([^—–\n]{0,80}?)\s*\(@\w{1,30}\)\s*[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\W*$")
        .expect("valid signature pattern")
});

/// A mention or hashtag: the marker and the name.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[@#](\w+)").expect("valid tag pattern"));

/// The words of a camel-case name: "RepublicDay" → "Republic Day", "COVID19Vaccine" →
/// "COVID 19 Vaccine".
fn split_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if i > 0 {
            let prev = chars[i - 1];
            let next = chars.get(i + 1).copied();
            let lower_to_upper = prev.is_lowercase() && c.is_uppercase();
            let acronym_end =
                prev.is_uppercase() && c.is_uppercase() && next.is_some_and(char::is_lowercase);
            let digit_edge = prev.is_ascii_digit() != c.is_ascii_digit();
            if lower_to_upper || acronym_end || digit_edge || c == '_' {
                out.push(' ');
            }
        }
        if c != '_' {
            out.push(c);
        }
    }
    out
}

/// A claim-matching query from a post: links removed, a signature line reduced to the
/// author's name, mentions and hashtags turned into words.
///
/// ```
/// use claimlens::corpus::clean_query;
/// let tweet = "Our flag replaced at #RedFort pic.twitter.com/Bfp1 — Rahul (@RShiv) January 26, 2021";
/// assert_eq!(clean_query(tweet), "Our flag replaced at Red Fort Rahul");
/// ```
pub fn clean_query(text: &str) -> String {
    let text = SIGNATURE.replace(text, " $1");
    let text = LINK.replace_all(&text, " ");
    let text = TAG.replace_all(&text, |c: &regex::Captures| split_name(&c[1]));
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_case_and_digit_changes() {
        for (name, words) in [
            ("RepublicDay", "Republic Day"),
            ("COVID19Vaccine", "COVID 19 Vaccine"),
            ("JoeBiden", "Joe Biden"),
            ("tomselliott", "tomselliott"),
            ("stop_the_steal", "stop the steal"),
        ] {
            assert_eq!(split_name(name), words, "{name}");
        }
    }

    #[test]
    fn signatures_and_links_go() {
        let tweet =
            "Biden signed an order. https://t.co/xyz — Glen Keys (@glen_keys) January 27, 2021";
        assert_eq!(clean_query(tweet), "Biden signed an order. Glen Keys");
        assert_eq!(
            clean_query(". @JoeBiden in October"),
            ". Joe Biden in October"
        );
    }
}
