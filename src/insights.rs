//! What a plan means today: every task with its resolved date, progress per stage, what is
//! overdue and what comes next, and the warnings a careful adviser would give.
//!
//! Everything here is a pure function of the template, the plan and `today`; the planner, the
//! CLI and the exports all read the same [`Snapshot`].

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Dated, SeasonCalendar};
use crate::journey::{DateRule, Template};
use crate::plan::{Plan, Status};

/// A task as the user sees it: template text merged with the user's state and a resolved date.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView {
    pub id: String,
    pub stage: String,
    pub title: String,
    pub why: String,
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// The due date: the user's own, or the template rule resolved in the plan's season.
    pub due: Option<Dated>,
    /// The template's rule, kept so the user can see what their own date replaced.
    pub rule: Option<DateRule>,
    pub depends_on: Vec<String>,
    pub sources: Vec<String>,
    /// `true` for tasks the user added.
    pub custom: bool,
}

impl TaskView {
    /// Days from today to the due date: negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.as_ref().map(|due| (due.date - today).num_days())
    }

    /// Open and past its date.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.is_closed() && self.days_left(today).is_some_and(|days| days < 0)
    }
}

/// How far along one stage is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageProgress {
    pub stage: String,
    pub title: String,
    pub short: String,
    pub done: usize,
    pub skipped: usize,
    pub total: usize,
}

impl StageProgress {
    /// Share of the stage that is closed (done or skipped), 0–100.
    pub fn percent(&self) -> u8 {
        if self.total == 0 {
            return 100;
        }
        let closed = self.done + self.skipped;
        u8::try_from(closed * 100 / self.total).unwrap_or(100)
    }
}

/// A dated open task and how many days remain (negative: overdue).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub task: String,
    pub date: NaiveDate,
    pub days: i64,
}

/// What a warning is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A task is done while one of its prerequisites is not.
    DoneBeforePrerequisite,
    /// A task is planned earlier than one of its prerequisites.
    PlannedBeforePrerequisite,
    /// A template timing check failed (its id).
    Deadline(String),
}

/// Something the user should look at, about one task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub task: String,
    pub message: String,
    pub sources: Vec<String>,
}

/// Everything the planner shows, computed once from template + plan + today.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub today: NaiveDate,
    pub calendar: SeasonCalendar,
    /// The tasks that apply to this plan, grouped by stage in template order.
    pub tasks: Vec<TaskView>,
    pub progress: Vec<StageProgress>,
    /// Open tasks past their date, most overdue first.
    pub overdue: Vec<Deadline>,
    /// Open tasks due today or later, soonest first.
    pub upcoming: Vec<Deadline>,
    pub warnings: Vec<Warning>,
}

impl Snapshot {
    pub fn build(template: &Template, plan: &Plan, today: NaiveDate) -> Snapshot {
        let graduation = plan.profile.graduation.map(|g| g.date);
        let calendar = SeasonCalendar::compute(
            template,
            plan.profile.match_year,
            &plan.calendar,
            graduation,
        );
        let tasks = resolve_tasks(template, plan, &calendar);
        let progress = template
            .stages
            .iter()
            .map(|stage| {
                let in_stage = || tasks.iter().filter(|t| t.stage == stage.id);
                StageProgress {
                    stage: stage.id.clone(),
                    title: stage.title.clone(),
                    short: stage.short.clone(),
                    done: in_stage().filter(|t| t.status == Status::Done).count(),
                    skipped: in_stage().filter(|t| t.status == Status::Skipped).count(),
                    total: in_stage().count(),
                }
            })
            .collect();

        let mut dated: Vec<Deadline> = tasks
            .iter()
            .filter(|task| !task.status.is_closed())
            .filter_map(|task| {
                let due = task.due.as_ref()?;
                Some(Deadline {
                    task: task.id.clone(),
                    date: due.date,
                    days: (due.date - today).num_days(),
                })
            })
            .collect();
        dated.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.task.cmp(&b.task)));
        let (overdue, upcoming): (Vec<_>, Vec<_>) = dated.into_iter().partition(|d| d.days < 0);

        let warnings = warnings(template, plan, &tasks, &calendar);
        Snapshot {
            today,
            calendar,
            tasks,
            progress,
            overdue,
            upcoming,
            warnings,
        }
    }

    pub fn task(&self, id: &str) -> Option<&TaskView> {
        self.tasks.iter().find(|task| task.id == id)
    }

    pub fn stage_tasks<'a>(&'a self, stage: &'a str) -> impl Iterator<Item = &'a TaskView> {
        self.tasks.iter().filter(move |task| task.stage == stage)
    }

    /// Share of all applicable tasks that is closed, 0–100.
    pub fn overall_percent(&self) -> usize {
        let (closed, total) = self.totals();
        (closed * 100).checked_div(total).unwrap_or(100)
    }

    /// Closed and total tasks over the whole plan.
    pub fn totals(&self) -> (usize, usize) {
        self.progress.iter().fold((0, 0), |(closed, total), p| {
            (closed + p.done + p.skipped, total + p.total)
        })
    }
}

fn resolve_tasks(template: &Template, plan: &Plan, calendar: &SeasonCalendar) -> Vec<TaskView> {
    let visa = plan.profile.visa;
    let mut tasks = Vec::new();
    for stage in &template.stages {
        for task in template
            .tasks
            .iter()
            .filter(|task| task.stage == stage.id && task.applies_to(visa))
        {
            let state = plan.tasks.get(&task.id).cloned().unwrap_or_default();
            let due = match state.due {
                Some(date) => Some(own_date(date)),
                None => task.due.and_then(|rule| calendar.resolve(rule)),
            };
            tasks.push(TaskView {
                id: task.id.clone(),
                stage: task.stage.clone(),
                title: task.title.clone(),
                why: task.why.clone(),
                status: state.state,
                done_on: state.done_on,
                note: state.note,
                due,
                rule: task.due,
                depends_on: task.depends_on.clone(),
                sources: task.sources.clone(),
                custom: false,
            });
        }
        for task in plan.custom_tasks.iter().filter(|t| t.stage == stage.id) {
            let state = plan.tasks.get(&task.id).cloned().unwrap_or_default();
            tasks.push(TaskView {
                id: task.id.clone(),
                stage: task.stage.clone(),
                title: task.title.clone(),
                why: String::new(),
                status: state.state,
                done_on: state.done_on,
                note: state.note,
                due: state.due.map(own_date),
                rule: None,
                depends_on: task.depends_on.clone(),
                sources: Vec::new(),
                custom: true,
            });
        }
    }
    tasks
}

fn own_date(date: NaiveDate) -> Dated {
    Dated {
        date,
        origin: crate::calendar::DateOrigin::Yours,
        source: None,
        confidence: None,
    }
}

fn warnings(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    calendar: &SeasonCalendar,
) -> Vec<Warning> {
    let find = |id: &str| tasks.iter().find(|task| task.id == id);
    let mut warnings = Vec::new();

    for task in tasks {
        for dep in task.depends_on.iter().filter_map(|id| find(id)) {
            if task.status == Status::Done && !dep.status.is_closed() {
                warnings.push(Warning {
                    kind: WarningKind::DoneBeforePrerequisite,
                    task: task.id.clone(),
                    message: format!(
                        "\"{}\" is marked done, but its prerequisite \"{}\" is still {}.",
                        task.title, dep.title, dep.status
                    ),
                    sources: task.sources.clone(),
                });
            }
            if let (Some(due), Some(dep_due)) = (&task.due, &dep.due)
                && !task.status.is_closed()
                && !dep.status.is_closed()
                && due.date < dep_due.date
            {
                warnings.push(Warning {
                    kind: WarningKind::PlannedBeforePrerequisite,
                    task: task.id.clone(),
                    message: format!(
                        "\"{}\" is planned for {}, before its prerequisite \"{}\" ({}).",
                        task.title, due.date, dep.title, dep_due.date
                    ),
                    sources: task.sources.clone(),
                });
            }
        }
    }

    for check in &template.checks {
        if !check.visas.is_empty() && !check.visas.contains(&plan.profile.visa) {
            continue;
        }
        let Some(task) = find(&check.task) else {
            continue;
        };
        if task.status == Status::Done {
            continue;
        }
        let Some(by) = calendar.resolve(check.by) else {
            continue;
        };
        let limit = format!("{} ({})", template.describe_rule(check.by), by.date);
        let problem = if task.status == Status::Skipped {
            Some(format!(
                "\"{}\" is skipped, but it is needed by {limit}.",
                task.title
            ))
        } else {
            match &task.due {
                None => Some(format!(
                    "\"{}\" has no date; plan it by {limit}.",
                    task.title
                )),
                Some(due) if due.date > by.date => Some(format!(
                    "\"{}\" is planned for {}, after {limit}.",
                    task.title, due.date
                )),
                Some(_) => None,
            }
        };
        if let Some(problem) = problem {
            warnings.push(Warning {
                kind: WarningKind::Deadline(check.id.clone()),
                task: task.id.clone(),
                message: format!("{problem} {}", check.message),
                sources: check.sources.clone(),
            });
        }
    }
    warnings
}
