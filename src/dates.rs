//! The one date reader: every date the user types (planner forms, command-line options) or a
//! spreadsheet holds (the importer) is read here, so a date accepted in one place is accepted
//! everywhere and a wrong one gets the same clear message.
//!
//! Three ways of writing a date are read, because they are the ways IMGs' spreadsheets and
//! habits write them:
//! - `YYYY-MM-DD` (ISO, what the planner writes back): `2027-12-02`;
//! - `M/D/YYYY` (US spreadsheets, month first): `12/2/2027`;
//! - `D Mon YYYY` or `D Month YYYY` (how most of the world writes it out): `2 Dec 2027`,
//!   `2 December 2027`.
//!
//! The year always has four digits, so `1/2/25` is never read as the year 25, and `D/M/YYYY` is
//! not guessed at: `2/12/2027` is 12 February, as a US spreadsheet means it. Pure: no clock, no
//! I/O.
//!
//! Also here: years since graduation counted the way programs count them
//! ([`years_since_graduation`]).

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// The earliest year read: anything before is a typo, not a date in a residency plan.
const FIRST_YEAR: i32 = 1900;

/// The ways a date may be written, said in every message about a date.
pub const DATE_FORMATS: &str =
    "YYYY-MM-DD, M/D/YYYY or D Mon YYYY (e.g. 2027-03-19, 3/19/2027, 19 Mar 2027)";

/// The ways a date may be written, short enough for a prompt's hint line.
pub const DATE_HINT: &str = "YYYY-MM-DD, M/D/YYYY or D Mon YYYY";

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not written in any of the accepted ways.
    #[error("{text:?} is not a date: write {DATE_FORMATS}")]
    NotADate { text: String },
    /// Written as a date, but that day does not exist (2027-02-30, 13/1/2027).
    #[error("{text:?} is not a real date: {why}")]
    NotReal { text: String, why: String },
}

impl DateError {
    /// The reason alone, without the text quoted, to follow a cell already named ("Interview
    /// \"2027-02-30\" …").
    pub fn reason(&self) -> String {
        match self {
            DateError::NotADate { .. } => format!("is not a date: write {DATE_FORMATS}"),
            DateError::NotReal { why, .. } => format!("is not a real date: {why}"),
        }
    }
}

/// Reads a date written in one of the accepted ways (see the module comment). Surrounding
/// spaces are ignored; the text in an error is cleaned for display and cut short.
pub fn read_date(text: &str) -> Result<NaiveDate, DateError> {
    let text = text.trim();
    let shown = || crate::text::truncate(&crate::text::clean_line(text), 40);
    let (year, month, day) =
        split_date(text).ok_or_else(|| DateError::NotADate { text: shown() })?;
    check_real(year, month, day).map_err(|why| DateError::NotReal { text: shown(), why })
}

/// The year, month and day as written, before checking that the day exists.
fn split_date(text: &str) -> Option<(i32, u32, u32)> {
    if let Some(parts) = three(text, '-') {
        let [year, month, day] = parts;
        return Some((year_of(year)?, digits(month)?, digits(day)?));
    }
    if let Some(parts) = three(text, '/') {
        let [month, day, year] = parts;
        return Some((year_of(year)?, digits(month)?, digits(day)?));
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let [day, month, year] = words.as_slice() else {
        return None;
    };
    Some((year_of(year)?, month_named(month)?, digits(day)?))
}

/// Exactly three parts around a separator.
fn three(text: &str, separator: char) -> Option<[&str; 3]> {
    let mut parts = text.split(separator);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(found)
}

/// One or two ASCII digits (a month or a day).
fn digits(part: &str) -> Option<u32> {
    let ok = (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| part.parse().ok()).flatten()
}

/// Exactly four ASCII digits.
fn year_of(part: &str) -> Option<i32> {
    let ok = part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| part.parse().ok()).flatten()
}

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

/// A month's name in English, whole or cut to its first three letters ("Sept" too), any case,
/// with an optional full stop ("Dec.").
fn month_named(word: &str) -> Option<u32> {
    let word = word.strip_suffix('.').unwrap_or(word).to_lowercase();
    let position = MONTHS
        .iter()
        .position(|name| *name == word || (word.len() == 3 && name.starts_with(&word)))
        .or_else(|| (word == "sept").then_some(8))?;
    u32::try_from(position + 1).ok()
}

/// The date, or why that day does not exist ("February 2027 has 28 days").
fn check_real(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if year < FIRST_YEAR {
        return Err(format!("the year must be {FIRST_YEAR} or later"));
    }
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}; write {DATE_FORMATS}"));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let name = MONTHS.get(month as usize - 1).copied().unwrap_or_default();
        let mut name = name.to_owned();
        if let Some(first) = name.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        format!("{name} {year} has {} days", days_in_month(year, month))
    })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    (28..=31)
        .rev()
        .find(|day| NaiveDate::from_ymd_opt(year, month, *day).is_some())
        .unwrap_or(28)
}

/// Years since graduation at the start of training, both ways people mean it.
///
/// Programs write their limit as a year of graduation ("graduated in 2022 or later" for 2028
/// starters, or "within 6 years of graduation") and count whole calendar years from the year of
/// graduation to the year training starts, so August 2022 to July 2028 counts as 6 even though
/// only 5 years and 11 months pass. The planner checks programs' limits against
/// [`YearsSince::counted`] and shows [`YearsSince::exact`] beside it, so an applicant near a
/// limit sees both (program details and the profile's graduation line show them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearsSince {
    /// Training start year minus graduation year: what programs compare to their limit.
    pub counted: i32,
    /// Whole years and months that actually pass.
    pub years: u32,
    pub months: u32,
}

impl YearsSince {
    /// "5 years 11 months", "1 year", "3 months".
    pub fn exact(&self) -> String {
        let unit =
            |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match (self.years, self.months) {
            (0, months) => unit(months, "month", "months"),
            (years, 0) => unit(years, "year", "years"),
            (years, months) => format!(
                "{} {}",
                unit(years, "year", "years"),
                unit(months, "month", "months")
            ),
        }
    }
}

impl fmt::Display for YearsSince {
    /// "6 by year of graduation (5 years 11 months)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} by year of graduation ({})",
            self.counted,
            self.exact()
        )
    }
}

/// Years from graduation to the start of training (see [`YearsSince`]); `None` when training
/// starts before graduation.
pub fn years_since_graduation(graduation: NaiveDate, start: NaiveDate) -> Option<YearsSince> {
    if start < graduation {
        return None;
    }
    let mut total =
        (start.year() - graduation.year()) * 12 + start.month() as i32 - graduation.month() as i32;
    if start.day() < graduation.day() {
        total -= 1;
    }
    let total = u32::try_from(total.max(0)).ok()?;
    Some(YearsSince {
        counted: start.year() - graduation.year(),
        years: total / 12,
        months: total % 12,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn the_three_ways_read_the_same_day() {
        let day = ymd(2027, 12, 2);
        for text in [
            "2027-12-02",
            "2027-12-2",
            " 12/2/2027 ",
            "12/02/2027",
            "2 Dec 2027",
            "2 dec. 2027",
            "2 December 2027",
            "02 DECEMBER 2027",
            "2 Dec, 2027",
        ] {
            assert_eq!(read_date(text), Ok(day), "{text:?}");
        }
        assert_eq!(read_date("9 Sept 2027"), Ok(ymd(2027, 9, 9)));
    }

    #[test]
    fn impossible_days_say_why() {
        let err = read_date("2027-02-30").unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"2027-02-30\" is not a real date: February 2027 has 28 days"
        );
        assert_eq!(
            read_date("2/29/2028").map(|d| d.day()),
            Ok(29),
            "2028 is a leap year"
        );
        assert!(
            read_date("13/1/2027")
                .unwrap_err()
                .reason()
                .contains("no month 13")
        );
        assert!(
            read_date("31 Apr 2027")
                .unwrap_err()
                .reason()
                .contains("30 days")
        );
        assert!(
            read_date("0001-01-01")
                .unwrap_err()
                .reason()
                .contains("1900")
        );
    }

    #[test]
    fn other_writings_are_not_dates() {
        for text in [
            "",
            "1/2/25",
            "Nov 4",
            "2025-11/04",
            "٢٠٢٥-11-04",
            "2027-012-01",
            "4 Novem 2027",
            "2027/12/02",
            "12-2-2027",
            "+2027-1-1",
            "2027-12-02-01",
            "tomorrow",
        ] {
            assert!(
                matches!(read_date(text), Err(DateError::NotADate { .. })),
                "{text:?}"
            );
        }
        assert!(
            read_date("Nov 4")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD, M/D/YYYY or D Mon YYYY")
        );
    }

    #[test]
    fn a_long_or_odd_text_is_cleaned_and_cut_in_the_message() {
        let message = read_date(&format!("\u{1b}[31m{}", "x".repeat(200)))
            .unwrap_err()
            .to_string();
        assert!(!message.contains('\u{1b}'), "{message}");
        assert!(message.chars().count() < 200, "{message}");
    }

    #[test]
    fn years_are_counted_as_programs_count_them() {
        let since =
            years_since_graduation(ymd(2022, 8, 1), ymd(2028, 7, 1)).unwrap_or(YearsSince {
                counted: 0,
                years: 0,
                months: 0,
            });
        assert_eq!(since.counted, 6);
        assert_eq!(since.exact(), "5 years 11 months");
        assert_eq!(
            since.to_string(),
            "6 by year of graduation (5 years 11 months)"
        );
        // Whole months only: mid-August to 1 July is 5 years 10 months (and 16 days).
        let mid = years_since_graduation(ymd(2022, 8, 15), ymd(2028, 7, 1));
        assert_eq!(
            mid.map(|s| (s.counted, s.exact())),
            Some((6, "5 years 10 months".to_owned()))
        );
        let one = years_since_graduation(ymd(2027, 7, 1), ymd(2028, 7, 1));
        assert_eq!(one.map(|s| s.exact()), Some("1 year".to_owned()));
        let months = years_since_graduation(ymd(2028, 3, 20), ymd(2028, 7, 1));
        assert_eq!(
            months.map(|s| (s.counted, s.exact())),
            Some((0, "3 months".to_owned()))
        );
        assert_eq!(
            years_since_graduation(ymd(2028, 8, 1), ymd(2028, 7, 1)),
            None
        );
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (1900i32..=2200, 1u32..=12, 1u32..=31)
            .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
    }

    proptest! {
        #[test]
        fn every_way_of_writing_a_day_reads_back_as_that_day(date in any_date()) {
            let iso = date.format("%Y-%m-%d").to_string();
            let us = format!("{}/{}/{}", date.month(), date.day(), date.year());
            let short = date.format("%-d %b %Y").to_string();
            let long = date.format("%-d %B %Y").to_string();
            for text in [iso, us, short, long] {
                prop_assert_eq!(read_date(&text), Ok(date), "{}", text);
            }
        }

        #[test]
        fn any_text_gives_a_date_or_a_message_never_a_panic(text in "\\PC{0,24}") {
            if let Err(err) = read_date(&text) {
                prop_assert!(!err.to_string().is_empty());
            }
        }

        #[test]
        fn counted_years_are_the_exact_years_or_one_more(
            graduation in any_date(),
            later in 0i64..20_000,
        ) {
            let start = graduation + chrono::Days::new(later as u64);
            if let Some(since) = years_since_graduation(graduation, start) {
                let exact = since.years as i32;
                prop_assert!(since.counted == exact || since.counted == exact + 1);
                prop_assert!(since.months < 12);
            }
        }
    }
}
