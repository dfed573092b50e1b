//! What a plan means today: every task with its resolved date, progress per stage, what is
//! overdue and what comes next, and the warnings a careful adviser would give.
//!
//! Everything here is a pure function of the template, the plan and `today`; the planner, the
//! CLI and the exports all read the same [`Snapshot`].

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::{Dated, SeasonCalendar};
use crate::freshness::{Freshness, FreshnessSummary};
use crate::ids::TaskId;
use crate::journey::{Anchor, Citation, DateRule, Template, VisaChoice};
use crate::plan::{Plan, Status};
use crate::programs::{self, Fit};
use crate::situation::{self, Route, Severity, SituationNote};
use crate::text::clean_line;
use crate::usce::UsceSummary;

/// A task as the user sees it: template text merged with the user's state and a resolved date.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskView {
    pub id: TaskId,
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
    /// An open task whose planned date had already passed when the plan was made, or that
    /// counts from a graduation that has happened: it is to start now, not overdue, as nobody
    /// can be late for a date that was past before they began planning.
    pub start_now: bool,
    /// An open prerequisite (direct or through others) of a done task: the done task, which
    /// puts it behind the user. See [`mark_behind`].
    pub behind: Option<TaskId>,
}

impl TaskView {
    /// The day the task sits on in a calendar (the Agenda, the Timeline, the .ics export): a
    /// done task on the day it was done, never on a future day it no longer has (today at the
    /// latest when no day was recorded); a task behind the user on none, as nothing says when
    /// it happened; any other on its due date.
    pub fn calendar_day(&self, today: NaiveDate) -> Option<NaiveDate> {
        let due = self.due.as_ref().map(|d| d.date);
        if self.status == Status::Done {
            self.done_on.or(due.map(|d| d.min(today)))
        } else if self.behind.is_some() {
            None
        } else {
            due
        }
    }

    /// Closed, or behind the user because a task that needs it is done: nothing left to do.
    pub fn is_settled(&self) -> bool {
        self.status.is_closed() || self.behind.is_some()
    }

    /// Days from today to the due date: negative when overdue.
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.due.as_ref().map(|due| (due.date - today).num_days())
    }

    /// Open and past its date (a task to start now is not overdue).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.is_settled() && !self.start_now && self.days_left(today).is_some_and(|days| days < 0)
    }

    /// Open and to start now: see [`TaskView::start_now`].
    pub fn starts_now(&self) -> bool {
        self.start_now && !self.is_settled()
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
    pub task: TaskId,
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
    /// A ranked program's visa stance does not fit the plan's visa choice.
    RankedVisaMisfit,
    /// A ranked program wants Step 3 before ranking and the plan does not have it by then.
    RankedStep3,
    /// A ranked program has no interview on record: NRMP says to rank only programs where you
    /// interviewed.
    RankedNotInterviewed,
    /// A letter is not in ERAS close to (or after) the date letters are due.
    LetterNotUploaded,
    /// Fewer letters are on their way than the target, close to the date letters are due.
    LettersShort,
    /// An entry restriction names the user's nationality, or the H-1B payment applies (the
    /// rule's id).
    Situation(String),
}

/// What a warning is about, so the planner can take the user to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Task(TaskId),
    Program(crate::ids::ProgramId),
    Rotation(crate::ids::RotationId),
    /// The letters as a whole (the target).
    Letters,
}

/// Something the user should look at, about one task, program or rotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub subject: Subject,
    pub message: String,
    pub sources: Vec<String>,
}

impl Warning {
    /// The task the warning is about, if it is about one.
    pub fn task(&self) -> Option<&str> {
        match &self.subject {
            Subject::Task(id) => Some(id.as_str()),
            _ => None,
        }
    }
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
    /// Open tasks whose planned date passed before the plan was made: to start now.
    pub start_now: Vec<Deadline>,
    pub warnings: Vec<Warning>,
    /// Hands-on time and letters.
    pub usce: UsceSummary,
    /// What the situation rules (entry restrictions, the H-1B payment) say about this user.
    pub situation: Vec<SituationNote>,
    /// How recent the facts are, and how many on this plan's path are due for a re-check.
    pub freshness: FreshnessSummary,
    /// Where each task is in `tasks`, so [`Snapshot::task`] is one lookup, not a scan.
    task_index: HashMap<String, usize>,
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
        let tasks = resolve_tasks(template, plan, &calendar, today);
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
            .filter(|task| !task.is_settled())
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
        let (start_now, dated): (Vec<_>, Vec<_>) = dated
            .into_iter()
            .partition(|d| tasks.iter().any(|t| t.id == d.task && t.start_now));
        let (overdue, upcoming): (Vec<_>, Vec<_>) = dated.into_iter().partition(|d| d.days < 0);

        let mut warnings = warnings(template, plan, &tasks, &calendar);
        let usce = UsceSummary::build(&plan.rotations, plan.letter_target(template), today);
        warnings.extend(rank_warnings(template, plan, &tasks, &calendar));
        warnings.extend(letter_warnings(template, plan, &tasks, &usce, today));
        warnings.extend(crate::letters::assignment_warnings(template, plan));
        let situation = situation::notes(template, &plan.profile);
        warnings.extend(situation_warnings(template, &tasks, &situation));
        let freshness = path_freshness(template, plan, &tasks, today);
        let mut task_index = HashMap::with_capacity(tasks.len());
        for (index, task) in tasks.iter().enumerate() {
            // The first of a repeated id, as a scan from the start would find.
            task_index.entry(task.id.to_string()).or_insert(index);
        }
        Snapshot {
            task_index,
            today,
            calendar,
            tasks,
            progress,
            overdue,
            upcoming,
            start_now,
            warnings,
            usce,
            situation,
            freshness,
        }
    }

    /// How old the sources of the facts behind a task are.
    pub fn task_freshness(&self, template: &Template, task: &TaskView) -> Option<Freshness> {
        Freshness::of(template, &task.sources, self.today)
    }

    pub fn task(&self, id: &str) -> Option<&TaskView> {
        self.task_index.get(id).map(|index| &self.tasks[*index])
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

/// Situation warnings, attached to the route's task when the plan has it (a J-1 warning has
/// nowhere to go in an H-1B plan, and is still in the visa panel's notes).
fn situation_warnings(
    template: &Template,
    tasks: &[TaskView],
    notes: &[SituationNote],
) -> Vec<Warning> {
    let routes = &template.situation.route_tasks;
    notes
        .iter()
        .filter(|note| note.severity == Severity::Warning)
        .filter_map(|note| {
            let task = match note.route {
                Route::J1 => &routes.j1,
                Route::H1b => &routes.h1b,
                Route::Visitor => &routes.visitor,
            };
            tasks.iter().any(|t| &t.id == task).then(|| Warning {
                kind: WarningKind::Situation(note.rule.clone()),
                subject: Subject::Task(TaskId::from(task)),
                message: note.message.clone(),
                sources: note.sources.clone(),
            })
        })
        .collect()
}

/// Counts the facts on this plan's path that are due for a re-check: its tasks, the checks and
/// visa rows that concern its visa choice, the statistics, the fees of its season, the season
/// dates and the situation rules.
fn path_freshness(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    today: NaiveDate,
) -> FreshnessSummary {
    let visa = plan.profile.visa;
    let fee_year = template
        .fees_for(plan.profile.match_year)
        .map(|f| f.match_year);
    FreshnessSummary::build(template, today, |citation| match citation {
        Citation::Task(id) => tasks.iter().any(|t| &t.id == id),
        Citation::Check(id) => template
            .checks
            .iter()
            .any(|c| &c.id == id && visa.is_in(&c.visas)),
        Citation::Comparison(_) | Citation::Travel(_) | Citation::H1bPayment => {
            visa != VisaChoice::NotNeeded
        }
        Citation::Fees(year, _) => Some(*year) == fee_year,
        Citation::SeasonDate(year, _) => *year == plan.profile.match_year,
        Citation::Anchor(_) | Citation::Fact(_) | Citation::Letters | Citation::Ranking => true,
        Citation::Budget(id) => crate::budget::on_path(template, &plan.profile, id),
    })
}

/// Whether a planned (not the user's own) date was already past when the plan began: before
/// the plan was made, or counted from a graduation that has happened.
fn past_at_start(
    plan: &Plan,
    rule: Option<DateRule>,
    due: Option<&Dated>,
    today: NaiveDate,
) -> bool {
    let (Some(rule), Some(due)) = (rule, due) else {
        return false;
    };
    let before_plan = plan.created.is_some_and(|made| due.date < made);
    let after_graduation = rule.anchor == Anchor::Graduation
        && plan
            .profile
            .graduation
            .is_some_and(|g| !g.expected && g.date <= today)
        && due.date < today;
    before_plan || after_graduation
}

fn resolve_tasks(
    template: &Template,
    plan: &Plan,
    calendar: &SeasonCalendar,
    today: NaiveDate,
) -> Vec<TaskView> {
    let visa = plan.profile.visa;
    let mut tasks = Vec::new();
    for stage in &template.stages {
        for task in template
            .tasks
            .iter()
            .filter(|task| task.stage == stage.id && task.applies_to(visa))
        {
            let state = plan
                .tasks
                .get(task.id.as_str())
                .cloned()
                .unwrap_or_default();
            let due = match state.due {
                Some(date) => Some(own_date(date)),
                None => task.due.and_then(|rule| calendar.resolve(rule)),
            };
            let start_now =
                state.due.is_none() && past_at_start(plan, task.due, due.as_ref(), today);
            tasks.push(TaskView {
                start_now,
                behind: None,
                id: TaskId::from(&task.id),
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
            let state = plan
                .tasks
                .get(task.id.as_str())
                .cloned()
                .unwrap_or_default();
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
                start_now: false,
                behind: None,
            });
        }
    }
    mark_behind(&mut tasks);
    tasks
}

/// Marks the open prerequisites of each done task, directly or through other prerequisites, as
/// behind the user: nobody passes Step 1 without having applied for it, so an "apply" task left
/// todo (often a step that did not exist in that form when the user did it, like FSMB's portal
/// for someone who passed in 2024) is not due, overdue or to start now, and brings no warning.
/// The user's own word wins: a prerequisite they marked doing or gave their own date is left
/// open, and [`dependency_warnings`] still points out the contradiction.
fn mark_behind(tasks: &mut [TaskView]) {
    let index = |id: &str| tasks.iter().position(|t| t.id == id);
    let mut behind: Vec<Option<TaskId>> = vec![None; tasks.len()];
    for (done, task) in tasks.iter().enumerate() {
        if task.status != Status::Done {
            continue;
        }
        let mut queue: Vec<usize> = vec![done];
        let mut seen = vec![done];
        while let Some(at) = queue.pop() {
            for dep in tasks[at].depends_on.iter().filter_map(|id| index(id)) {
                if seen.contains(&dep) {
                    continue;
                }
                seen.push(dep);
                queue.push(dep);
                if untouched_open(&tasks[dep]) && behind[dep].is_none() {
                    behind[dep] = Some(task.id.clone());
                }
            }
        }
    }
    for (task, behind) in tasks.iter_mut().zip(behind) {
        task.behind = behind;
    }
}

/// Todo with no date of the user's own: a task the user has said nothing about.
fn untouched_open(task: &TaskView) -> bool {
    task.status == Status::Todo
        && task
            .due
            .as_ref()
            .is_none_or(|d| d.origin != crate::calendar::DateOrigin::Yours)
}

fn own_date(date: NaiveDate) -> Dated {
    Dated::new(date, crate::calendar::DateOrigin::Yours)
}

fn warnings(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    calendar: &SeasonCalendar,
) -> Vec<Warning> {
    let mut warnings = dependency_warnings(tasks);
    warnings.extend(check_warnings(template, plan, tasks, calendar));
    warnings
}

/// A task done before its prerequisite is closed, or planned before it. A prerequisite behind
/// the user (see [`mark_behind`]) brings no warning; one the user marked doing or dated
/// themselves does, since their own two entries disagree and one of them is likely a slip.
fn dependency_warnings(tasks: &[TaskView]) -> Vec<Warning> {
    let find = |id: &str| tasks.iter().find(|task| task.id == id);
    let mut warnings = Vec::new();
    for task in tasks {
        for dep in task.depends_on.iter().filter_map(|id| find(id)) {
            if task.status == Status::Done && !dep.is_settled() {
                warnings.push(Warning {
                    kind: WarningKind::DoneBeforePrerequisite,
                    subject: Subject::Task(task.id.clone()),
                    message: format!(
                        "\"{}\" is marked done, but its prerequisite \"{}\" is still {}.",
                        task.title, dep.title, dep.status
                    ),
                    sources: task.sources.clone(),
                });
            }
            if let (Some(due), Some(dep_due)) = (&task.due, &dep.due)
                && !task.is_settled()
                && !dep.is_settled()
                && due.date < dep_due.date
            {
                warnings.push(Warning {
                    kind: WarningKind::PlannedBeforePrerequisite,
                    subject: Subject::Task(task.id.clone()),
                    message: format!(
                        "\"{}\" is planned for {}, before its prerequisite \"{}\" ({}).",
                        task.title, due.date, dep.title, dep_due.date
                    ),
                    sources: task.sources.clone(),
                });
            }
        }
    }
    warnings
}

/// The template's checks: a task skipped, undated or planned after the date it is needed by.
fn check_warnings(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    calendar: &SeasonCalendar,
) -> Vec<Warning> {
    let find = |id: &str| tasks.iter().find(|task| task.id == id);
    let mut warnings = Vec::new();
    for check in &template.checks {
        if !check.visas.is_empty() && !plan.profile.visa.is_in(&check.visas) {
            continue;
        }
        let Some(task) = find(&check.task) else {
            continue;
        };
        if task.status == Status::Done || task.behind.is_some() {
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
                subject: Subject::Task(task.id.clone()),
                message: format!("{problem} {}", check.message),
                sources: check.sources.clone(),
            });
        }
    }
    warnings
}

/// Warnings about the rank order list: programs that do not fit the visa choice, and programs
/// that want Step 3 before ranking when the plan does not have it by the ROL deadline.
fn rank_warnings(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    calendar: &SeasonCalendar,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let choice = plan.profile.visa;
    let deadline = calendar.get(Anchor::RolDeadline).map(|d| d.date);
    let step3 = tasks.iter().find(|t| t.id == template.trackers.step3_task);
    for (rank, program) in plan.rank_list().into_iter().enumerate() {
        let name = clean_line(&program.name);
        let place = rank + 1;
        if program.fit(choice) == Fit::Misfit
            && let Some(reason) = programs::fit_reason(program.visa, choice)
        {
            warnings.push(Warning {
                kind: WarningKind::RankedVisaMisfit,
                subject: Subject::Program(program.id),
                message: format!(
                    "Ranked #{place} {name}: {reason}. A match is binding: rank only programs you could join."
                ),
                sources: template.trackers.rank_sources.clone(),
            });
        }
        if !program.interview_on_record() {
            // Ranking stays allowed (the interview may just not be recorded yet), but the rule
            // stays in sight until it is: a program ranks only applicants it interviewed.
            warnings.push(Warning {
                kind: WarningKind::RankedNotInterviewed,
                subject: Subject::Program(program.id),
                message: format!(
                    "Ranked #{place} {name} has no interview on record: NRMP says rank only programs where you interviewed."
                ),
                sources: vec!["nrmp-rank-interviewed".to_owned()],
            });
        }
        if program.requirements.step3_before_rank {
            let passed = step3.is_some_and(|t| t.status == Status::Done);
            let planned = step3.and_then(|t| t.due.as_ref()).map(|d| d.date);
            let problem = match (passed, planned, deadline) {
                (true, _, _) => None,
                (false, None, _) => Some("your Step 3 has no date".to_owned()),
                (false, Some(date), Some(deadline)) if date > deadline => Some(format!(
                    "your Step 3 is planned for {date}, after the ROL deadline ({deadline})"
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                warnings.push(Warning {
                    kind: WarningKind::RankedStep3,
                    subject: Subject::Program(program.id),
                    message: format!(
                        "Ranked #{place} {name} wants Step 3 passed before it ranks, but {problem}."
                    ),
                    sources: template.trackers.rank_sources.clone(),
                });
            }
        }
    }
    warnings
}

/// Warnings about letters close to the date they are due in ERAS: each letter still on its way,
/// and too few letters in play for the target.
fn letter_warnings(
    template: &Template,
    plan: &Plan,
    tasks: &[TaskView],
    usce: &UsceSummary,
    today: NaiveDate,
) -> Vec<Warning> {
    let rules = &template.trackers;
    let Some(letters_task) = tasks.iter().find(|t| t.id == rules.letters_task) else {
        return Vec::new();
    };
    if letters_task.status.is_closed() {
        return Vec::new();
    }
    let Some(due) = letters_task.due.as_ref().map(|d| d.date) else {
        return Vec::new();
    };
    let days = (due - today).num_days();
    if days > rules.letter_warning_days {
        return Vec::new();
    }
    let when = if days < 0 {
        format!("letters were due in ERAS on {due}")
    } else {
        format!("letters are due in ERAS on {due}, in {days} days")
    };
    let mut warnings: Vec<Warning> = plan
        .rotations
        .iter()
        .filter(|r| r.letter.is_pending() && !crate::letters::followed_here(plan, r.id))
        .map(|rotation| {
            let writer = rotation
                .supervisor
                .as_deref()
                .map(|s| format!(" from {}", clean_line(s)))
                .unwrap_or_default();
            Warning {
                kind: WarningKind::LetterNotUploaded,
                subject: Subject::Rotation(rotation.id),
                message: format!(
                    "The letter{writer} ({}, {}) is {} but not uploaded to ERAS; {when}.",
                    clean_line(&rotation.institution),
                    rotation.kind.label(),
                    rotation.letter.label()
                ),
                sources: rules.letter_sources.clone(),
            }
        })
        .collect();
    warnings.extend(crate::letters::pending_warnings(template, plan, &when));
    let target = usize::try_from(usce.letter_target).unwrap_or(usize::MAX);
    let totals = crate::letters::LetterTotals::of(template, plan);
    let in_play = totals.uploaded + totals.on_the_way;
    if in_play < target {
        warnings.push(Warning {
            kind: WarningKind::LettersShort,
            subject: Subject::Letters,
            message: format!(
                "Only {in_play} of your target of {target} letters are asked for or in hand; {when}."

            ),
            sources: rules.letter_sources.clone(),
        });
    }
    warnings
}
