//! How old a fact is, and whether it is due for a re-check.
//!
//! Every source in the template carries the day it was last checked. A fact (a task's why, a
//! visa row, a fee, a statistic) is as fresh as the oldest source it rests on, and is due for a
//! re-check once today is past that day plus the template's interval: 6 months, or 3 for visa
//! and immigration policy, which moves by proclamation. The planner, `status`, `visa` and the
//! exports then mark it "checked N months ago: confirm". Pure: "today" is passed in.

use chrono::{Datelike, Months, NaiveDate};

use crate::journey::{Citation, Source, Template};

/// How old the sources behind one fact are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// The oldest check date among the fact's sources.
    pub checked: NaiveDate,
    /// Whole months from `checked` to today.
    pub months_old: u32,
    /// The shortest re-check interval among the fact's sources, in months.
    pub interval_months: u32,
    /// Today is past `checked` plus the interval.
    pub stale: bool,
}

impl Freshness {
    /// The freshness of a fact resting on these sources; `None` when none of them is known
    /// (a user's own task has no sources).
    pub fn of(template: &Template, source_ids: &[String], today: NaiveDate) -> Option<Freshness> {
        let sources = source_ids.iter().filter_map(|id| template.source(id));
        let (checked, interval) = sources.fold(None, |acc: Option<(NaiveDate, u32)>, source| {
            let interval = template.recheck_months(source);
            Some(match acc {
                None => (source.checked, interval),
                Some((date, months)) => (date.min(source.checked), months.min(interval)),
            })
        })?;
        Some(Freshness::new(checked, interval, today))
    }

    /// The freshness of one source.
    pub fn of_source(template: &Template, source: &Source, today: NaiveDate) -> Freshness {
        Freshness::new(source.checked, template.recheck_months(source), today)
    }

    /// The freshness of a source checked on `checked` with a re-check interval in months.
    pub fn new(checked: NaiveDate, interval_months: u32, today: NaiveDate) -> Freshness {
        let due = checked
            .checked_add_months(Months::new(interval_months))
            .unwrap_or(NaiveDate::MAX);
        Freshness {
            checked,
            months_old: months_between(checked, today),
            interval_months,
            stale: today > due,
        }
    }

    /// "checked N months ago: confirm" when the fact is due for a re-check.
    pub fn mark(&self) -> Option<String> {
        self.stale.then(|| {
            let months = self.months_old;
            let unit = if months == 1 { "month" } else { "months" };
            format!("checked {months} {unit} ago: confirm")
        })
    }

    /// "checked 2026-11-30", with the mark when it is due: the line a detail pane shows.
    pub fn describe(&self) -> String {
        match self.mark() {
            Some(mark) => format!("Sources {mark} (last checked {})", self.checked),
            None => format!("Sources checked {}", self.checked),
        }
    }
}

/// Whole months from `from` to `to` (0 when `to` is not later).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32
        - from.month() as i32
        - i32::from(to.day() < from.day());
    u32::try_from(months).unwrap_or(0)
}

/// The Overview's one line: how recent the facts are and how many on the user's path are due
/// for a re-check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreshnessSummary {
    /// The newest check date of any source.
    pub checked_up_to: Option<NaiveDate>,
    /// Facts on the plan's path (its tasks, checks, statistics, visa rows, fees and situation
    /// rules) whose sources are older than their re-check interval.
    pub stale_on_path: usize,
    /// Those facts, with how old their sources are: visa policy first, then the oldest.
    pub stale: Vec<(Citation, Freshness)>,
}

impl FreshnessSummary {
    /// Counts the stale facts among the citations `on_path` keeps.
    pub fn build(
        template: &Template,
        today: NaiveDate,
        on_path: impl Fn(&Citation) -> bool,
    ) -> FreshnessSummary {
        let mut stale: Vec<(Citation, Freshness)> = template
            .citations()
            .into_iter()
            .filter(|(citation, _)| on_path(citation))
            .filter_map(|(citation, ids)| {
                Freshness::of(template, ids, today)
                    .filter(|f| f.stale)
                    .map(|f| (citation, f))
            })
            .collect();
        // Visa policy (the shorter interval) first, then the oldest checks.
        stale.sort_by_key(|(_, freshness)| (freshness.interval_months, freshness.checked));
        FreshnessSummary {
            checked_up_to: template.checked_up_to(),
            stale_on_path: stale.len(),
            stale,
        }
    }

    /// "Facts checked up to 2026-11-30; 3 on your path are older than their re-check interval".
    pub fn line(&self) -> String {
        let up_to = self
            .checked_up_to
            .map_or_else(|| "(never)".to_owned(), |date| date.to_string());
        let verb = if self.stale_on_path == 1 {
            "is older than its"
        } else {
            "are older than their"
        };
        format!(
            "Facts checked up to {up_to}; {} on your path {verb} re-check interval",
            self.stale_on_path
        )
    }
}

impl FreshnessSummary {
    /// The same in fewer columns: "Facts checked up to 2026-11-30 · 3 due for a re-check".
    pub fn short_line(&self) -> String {
        let up_to = self
            .checked_up_to
            .map_or_else(|| "(never)".to_owned(), |date| date.to_string());
        format!(
            "Facts checked up to {up_to} · {} due for a re-check",
            self.stale_on_path
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn counts_whole_months() {
        assert_eq!(months_between(day("2026-11-30"), day("2026-11-30")), 0);
        assert_eq!(months_between(day("2026-11-30"), day("2026-12-29")), 0);
        assert_eq!(months_between(day("2026-01-31"), day("2026-02-28")), 0);
        assert_eq!(months_between(day("2026-01-31"), day("2026-03-01")), 1);
        assert_eq!(months_between(day("2026-11-30"), day("2027-11-30")), 12);
        assert_eq!(months_between(day("2027-01-01"), day("2026-01-01")), 0);
    }

    #[test]
    fn stale_only_after_the_interval() {
        let checked = day("2026-05-31");
        assert!(!Freshness::new(checked, 6, day("2026-11-30")).stale);
        assert!(Freshness::new(checked, 6, day("2026-12-01")).stale);
        let fresh = Freshness::new(checked, 3, day("2026-08-31"));
        assert_eq!(fresh.mark(), None);
        let old = Freshness::new(checked, 3, day("2027-05-31"));
        assert_eq!(
            old.mark().as_deref(),
            Some("checked 12 months ago: confirm")
        );
        assert_eq!(
            old.describe(),
            "Sources checked 12 months ago: confirm (last checked 2026-05-31)"
        );
    }

    #[test]
    fn one_month_is_singular() {
        let old = Freshness::new(day("2026-01-15"), 0, day("2026-02-20"));
        assert_eq!(old.mark().as_deref(), Some("checked 1 month ago: confirm"));
    }

    #[test]
    fn summary_line_is_grammatical() {
        let one = FreshnessSummary {
            checked_up_to: Some(day("2026-11-30")),
            stale_on_path: 1,
            stale: vec![(
                Citation::Letters,
                Freshness::new(day("2026-01-01"), 6, day("2026-11-30")),
            )],
        };
        assert_eq!(
            one.line(),
            "Facts checked up to 2026-11-30; 1 on your path is older than its re-check interval"
        );
    }
}
