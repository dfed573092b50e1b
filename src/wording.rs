//! The words both front ends and every export use for the same things: how far a date is
//! ("in 12 days"), where a date comes from, how fresh a source is, a progress bar. One place, so
//! the planner, `imgplan status` and the exports never word a thing two ways.

use chrono::NaiveDate;

use crate::calendar::{DateOrigin, Dated};
use crate::freshness::Freshness;
use crate::journey::{DateRule, Source, Template};

/// "in 12 days", "today", "3 days overdue".
pub fn countdown(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        1 => "tomorrow".to_owned(),
        -1 => "1 day overdue".to_owned(),
        d if d < 0 => format!("{} days overdue", -d),
        d => format!("in {d} days"),
    }
}

/// A progress bar of `width` cells between brackets, e.g. `[#####.....]`.
pub fn bar(percent: u8, width: usize) -> String {
    let filled = usize::from(percent.min(100)) * width / 100;
    format!("[{}{}]", "#".repeat(filled), ".".repeat(width - filled))
}

/// Where a task's date comes from, in words: "planned: 35 days before applicants may submit to
/// ERAS (published)", "yours", or a season date's own origin.
pub fn date_origin_line(template: &Template, due: &Dated, rule: Option<DateRule>) -> String {
    match (due.origin, due.basis, rule) {
        (DateOrigin::Planned, Some(basis), Some(rule)) => {
            format!("planned: {} ({basis})", template.describe_rule(rule))
        }
        _ => due.label(),
    }
}

/// "official; checked 2026-11-30", with "checked N months ago: confirm" once it is due for a
/// re-check: how every list of sources describes one.
pub fn source_status(template: &Template, source: &Source, today: NaiveDate) -> String {
    let freshness = Freshness::of_source(template, source, today);
    match freshness.mark() {
        Some(mark) => format!("{}; {mark}", source.kind.label()),
        None => format!("{}; checked {}", source.kind.label(), source.checked),
    }
}

/// " [checked 13 months ago: confirm]" after a fact whose sources are due for a re-check, or
/// nothing.
pub fn stale_mark(template: &Template, sources: &[String], today: NaiveDate) -> String {
    Freshness::of(template, sources, today)
        .and_then(|f| f.mark())
        .map(|mark| format!(" [{mark}]"))
        .unwrap_or_default()
}

/// A settled task's old date, labelled as what was planned ("planned for 2027-03-04", "your
/// date was 2027-03-04"): a done task leads with the day it was done, never with a due date
/// that reads as still ahead.
pub fn was_planned(due: &Dated) -> String {
    match due.origin {
        DateOrigin::Yours => format!("your date was {}", due.date),
        _ => format!("planned for {}", due.date),
    }
}

/// "behind you: Pass USMLE Step 1 is done": why an open prerequisite of a done task is not due
/// (see `insights::TaskView::behind`).
pub fn behind_you(done_title: &str) -> String {
    format!(
        "behind you: {} is done",
        crate::text::clean_line(done_title)
    )
}
