//! The summary model: what `imgplan status`, the text export and the Markdown export all say
//! about the plan (the profile, progress, deadlines and warnings), computed once. Each renderer
//! only lays it out (and cleans or escapes the text for its format).

use chrono::NaiveDate;

use crate::insights::{Deadline, Snapshot};
use crate::journey::{Anchor, Template};
use crate::plan::Plan;
use crate::text::clean_line;
use crate::wording::countdown;

/// One dated task as every summary shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Due<'a> {
    pub date: NaiveDate,
    /// The task's title as written (the id when the task is unknown); not yet cleaned.
    pub title: &'a str,
    /// "in 12 days", "3 days overdue".
    pub when: String,
    /// "checked 13 months ago: confirm" when the task's sources are due for a re-check.
    pub recheck: Option<String>,
}

/// How far one stage is, as every summary shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StageLine<'a> {
    pub title: &'a str,
    /// The stage's short name (the status screen's narrow column).
    pub short: &'a str,
    /// Done or skipped.
    pub closed: usize,
    pub total: usize,
    pub percent: u8,
}

/// One warning, with its sources' re-check mark; the message is not yet cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WarningLine<'a> {
    pub message: &'a str,
    pub recheck: Option<String>,
}

/// What a summary says about the plan: the profile as labelled rows (`None` where the user has
/// set nothing), progress per stage and over all, what is overdue and what comes next (in date
/// order), and the warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary<'a> {
    pub profile: Vec<(&'static str, Option<String>)>,
    pub stages: Vec<StageLine<'a>>,
    /// Closed tasks, all tasks and the share closed, over every stage.
    pub closed: usize,
    pub total: usize,
    pub percent: usize,
    pub overdue: Vec<Due<'a>>,
    pub upcoming: Vec<Due<'a>>,
    /// Open tasks whose planned dates had passed before the plan was made.
    pub start_now: Vec<Due<'a>>,
    pub warnings: Vec<WarningLine<'a>>,
}

impl<'a> Summary<'a> {
    pub(crate) fn of(template: &Template, plan: &Plan, snapshot: &'a Snapshot) -> Summary<'a> {
        let due = |deadline: &'a Deadline| {
            let task = snapshot.task(&deadline.task);
            Due {
                date: deadline.date,
                title: task.map_or(deadline.task.as_str(), |t| t.title.as_str()),
                when: countdown(deadline.days),
                recheck: task
                    .and_then(|t| snapshot.task_freshness(template, t))
                    .and_then(|f| f.mark()),
            }
        };
        let (closed, total) = snapshot.totals();
        Summary {
            profile: profile_rows(plan, snapshot),
            stages: snapshot
                .progress
                .iter()
                .map(|stage| StageLine {
                    title: &stage.title,
                    short: &stage.short,
                    closed: stage.done + stage.skipped,
                    total: stage.total,
                    percent: stage.percent(),
                })
                .collect(),
            closed,
            total,
            percent: snapshot.overall_percent(),
            overdue: snapshot.overdue.iter().map(due).collect(),
            upcoming: snapshot.upcoming.iter().map(due).collect(),
            start_now: snapshot
                .start_now
                .iter()
                .map(|deadline| Due {
                    when: "start now".to_owned(),
                    ..due(deadline)
                })
                .collect(),
            warnings: snapshot
                .warnings
                .iter()
                .map(|warning| WarningLine {
                    message: &warning.message,
                    recheck: crate::freshness::Freshness::of(
                        template,
                        &warning.sources,
                        snapshot.today,
                    )
                    .and_then(|f| f.mark()),
                })
                .collect(),
        }
    }
}

/// The profile as labelled rows for the summaries; `None` where the user has set nothing. Values
/// are clean single lines; each format adds its own "not set" and markup.
fn profile_rows(plan: &Plan, snapshot: &Snapshot) -> Vec<(&'static str, Option<String>)> {
    let profile = &plan.profile;
    let set = |value: &Option<String>| value.as_deref().map(clean_line).filter(|v| !v.is_empty());
    let start = snapshot
        .calendar
        .get(Anchor::TrainingStart)
        .map(|d| format!(" (training starts {})", d.date))
        .unwrap_or_default();
    let graduation = profile.graduation.map(|g| {
        let kind = if g.expected { "expected" } else { "actual" };
        format!("{} ({kind})", g.date)
    });
    let mut rows = vec![
        ("Name", set(&profile.name)),
        (
            "Target",
            Some(format!("{} Match{start}", profile.match_year)),
        ),
        ("Visa", Some(profile.visa.label().to_owned())),
        ("NRMP category", Some(profile.category.label().to_owned())),
        ("Specialty", set(&profile.specialty)),
        ("Graduation", graduation),
    ];
    if let Some(score) = profile.step2_score {
        rows.push(("Step 2 CK", Some(score.to_string())));
    }
    rows
}
