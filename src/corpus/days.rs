//! Calendar days as numbers, so that a query's date and a document's can be compared in days
//! (claim matching, [`super::rank`]).

/// The number of the day `year`-`month`-`day` counted from 1970-01-01 (proleptic Gregorian
/// calendar; Howard Hinnant's `days_from_civil`).
pub(crate) fn day_number(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The day number of an ISO 8601 date with its day ("2021-01-26"; a time may follow); `None`
/// for a date without a day ("2021-01") or anything else.
pub(crate) fn iso_day(iso: &str) -> Option<i64> {
    let date = iso.trim().get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u32 = parts.next().filter(|m| m.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|d| d.len() == 2)?.parse().ok()?;
    valid(month, day).then(|| day_number(year, month, day))
}

/// The month (1–12) an English month name or its abbreviation names ("January", "Jan",
/// "Sept"), in any case.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.to_ascii_lowercase();
    let found = MONTHS
        .iter()
        .position(|m| word.len() >= 3 && m.starts_with(&word))?;
    Some(found as u32 + 1)
}

/// Whether `month` and `day` can make a date (any month may have 31 days: lenient).
pub(crate) fn valid(month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_1970() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        assert_eq!(day_number(2021, 1, 26) - day_number(2020, 12, 27), 30);
        assert_eq!(iso_day("2021-01-26"), Some(day_number(2021, 1, 26)));
        assert_eq!(iso_day("2021-01-26T10:00:00Z"), iso_day("2021-01-26"));
        assert_eq!((iso_day("2021-01"), iso_day("2021-13-01")), (None, None));
    }

    #[test]
    fn months_are_read_by_name() {
        assert_eq!(month_number("January"), Some(1));
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!((month_number("Ma"), month_number("Mayday")), (None, None));
    }
}
