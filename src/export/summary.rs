//! The summary model: what `imgplan status`, the text export and the Markdown export all say
//! about the plan's deadlines, computed once. Each renderer only lays it out (and cleans or
//! escapes the text for its format).

use chrono::NaiveDate;

use crate::insights::{Deadline, Snapshot};
use crate::journey::Template;
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

/// The deadlines of a summary: what is overdue and what comes next, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Summary<'a> {
    pub overdue: Vec<Due<'a>>,
    pub upcoming: Vec<Due<'a>>,
}

impl<'a> Summary<'a> {
    pub(crate) fn of(template: &Template, snapshot: &'a Snapshot) -> Summary<'a> {
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
        Summary {
            overdue: snapshot.overdue.iter().map(due).collect(),
            upcoming: snapshot.upcoming.iter().map(due).collect(),
        }
    }
}
