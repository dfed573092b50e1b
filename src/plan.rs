//! The plan: what the user owns. Their profile, the state of each task, dates they set, and
//! tasks they added. The template says what the journey is; the plan says where this user is on
//! it. The two are merged on load, so a plan picks up tasks a newer template adds and never loses
//! state for tasks an older template had.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::calendar::{self, MATCH_YEARS};
use crate::ids::TaskId;
use crate::journey::{Anchor, Template, VisaChoice};
use crate::programs::{self, Program, ProgramStatus};
use crate::rules;
use crate::text::clean_line;
use crate::usce::{self, LetterState, Rotation};

mod trackers;
pub use trackers::same_program;

/// The plan-file format this program writes. Files with a newer version are refused.
pub const PLAN_VERSION: u32 = 1;

/// Longest note kept, in characters; longer text is refused (never cut) so a paste cannot bloat
/// the file.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Longest title, name or specialty kept, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// The user's plan, as stored in `plan.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Plan-file format version.
    pub version: u32,
    pub profile: Profile,
    /// Season dates the user set themselves; they win over published and estimated dates.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub calendar: BTreeMap<Anchor, NaiveDate>,
    /// The state of every task, by id. Kept sorted so the file diffs cleanly.
    #[serde(default)]
    pub tasks: BTreeMap<TaskId, TaskState>,
    /// Tasks the user added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_tasks: Vec<CustomTask>,
    /// US clinical experience, in the order logged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rotations: Vec<Rotation>,
    /// Letters the user aims for; `None` uses the template's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_target: Option<u32>,
    /// Programs, in the order added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<Program>,
    /// The rank order list: ids of ranked programs, first choice first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rank_order: Vec<crate::ids::ProgramId>,
    /// Letters the user follows on their own (not tied to a rotation's letter), in the order added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub letters: Vec<crate::letters::Letter>,
    /// How many letters each program asks for, by program (set in the Letters panel).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub letters_asked: BTreeMap<crate::ids::ProgramId, u8>,
    /// Practice exams before Step 2 CK and the score aimed for.
    #[serde(default, skip_serializing_if = "crate::practice::Practice::is_empty")]
    pub practice: crate::practice::Practice,
    /// What the user planned and paid for each cost of the journey.
    #[serde(default, skip_serializing_if = "crate::budget::Budget::is_empty")]
    pub budget: crate::budget::Budget,
    /// The day the plan was made: a planned date already past then is to start now, not
    /// overdue. Plans made before this field existed have none (their dates read as before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<NaiveDate>,
}

/// Who the plan is for and what it aims at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The Match the plan aims at (the 2028 Match starts training on 1 July 2028).
    pub match_year: i32,
    pub visa: VisaChoice,
    pub category: ApplicantCategory,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    /// Graduation from medical school, actual or expected: diploma verification and therefore
    /// the ECFMG certificate and Step 3 follow it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graduation: Option<Graduation>,
    /// The user's Step 2 CK score, compared with programs' minimums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step2_score: Option<u16>,
    /// Every citizenship the user holds, as ISO 3166-1 alpha-2 codes: entry restrictions name
    /// nationalities, and a second passport can be an exception.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citizenship: Vec<String>,
    /// Whether the user is in the US now (`None`: not said). Entry restrictions and the H-1B
    /// payment apply to people outside the US.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_us: Option<bool>,
}

/// A graduation date and whether it has happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Graduation {
    pub date: NaiveDate,
    /// `true` while the date is still expected rather than actual.
    #[serde(default)]
    pub expected: bool,
}

/// The NRMP applicant category, which decides which statistics apply.
///
/// The NRMP counts green-card holders as non-US-citizen IMGs, so only US citizens are
/// `UsCitizenImg`. Whether a visa is needed is a separate choice ([`VisaChoice`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApplicantCategory {
    NonUsCitizenImg,
    UsCitizenImg,
}

impl ApplicantCategory {
    pub fn label(self) -> &'static str {
        match self {
            ApplicantCategory::NonUsCitizenImg => "non-US-citizen IMG",
            ApplicantCategory::UsCitizenImg => "US-citizen IMG",
        }
    }
}

/// Where a task stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub enum Status {
    #[default]
    Todo,
    Doing,
    Done,
    Skipped,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Todo, Status::Doing, Status::Done, Status::Skipped];

    pub fn label(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::Doing => "doing",
            Status::Done => "done",
            Status::Skipped => "skipped",
        }
    }

    /// A finished task needs no more attention: done, or deliberately skipped.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Skipped)
    }

    /// The checkbox shown in lists and the text export.
    pub fn checkbox(self) -> &'static str {
        match self {
            Status::Todo => "[ ]",
            Status::Doing => "[~]",
            Status::Done => "[x]",
            Status::Skipped => "[-]",
        }
    }

    /// The next state in the todo → doing → done → skipped cycle.
    pub fn cycled(self) -> Status {
        match self {
            Status::Todo => Status::Doing,
            Status::Doing => Status::Done,
            Status::Done => Status::Skipped,
            Status::Skipped => Status::Todo,
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The user's state for one task.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskState {
    #[serde(default)]
    pub state: Status,
    /// When the task was marked done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// A due date the user set; it wins over the template's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A task the user added to a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomTask {
    /// `<stage>.my-<n>` ([`TaskId::own`]), so it can never clash with a template id.
    pub id: TaskId,
    pub stage: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
}

/// The marker in custom task ids; template ids never contain it.
pub const CUSTOM_MARKER: &str = TaskId::OWN_MARKER;

/// Why a change to the plan was refused.
#[derive(Debug, Error, PartialEq)]
pub enum PlanError {
    #[error("no task has the id {id:?}{}", hint(.suggestions))]
    UnknownTask {
        id: String,
        suggestions: Vec<String>,
    },
    #[error("no stage has the id {id:?} (stages: {})", .known.join(", "))]
    UnknownStage { id: String, known: Vec<String> },
    #[error("the Match year must be between {first} and {last}, not {0}", first = MATCH_YEARS.start(), last = MATCH_YEARS.end())]
    MatchYearOutOfRange(i32),
    #[error("a task needs a title")]
    EmptyTitle,
    #[error("{0} is a template task; only tasks you added can be deleted")]
    NotCustom(String),
    #[error("no program has the number {0}")]
    UnknownProgram(crate::ids::ProgramId),
    #[error("no rotation has the number {0}")]
    UnknownRotation(crate::ids::RotationId),
    #[error("{0}")]
    Invalid(String),
    /// Moving a program on the rank list that is not on it (the program's name).
    #[error("{0} is not ranked: rank it first")]
    NotRanked(String),
    /// Text over its limit: refused whole, never silently cut.
    #[error(
        "{what} is {chars} characters long, over the limit of {max}: shorten it (nothing was changed)"
    )]
    TooLong {
        what: &'static str,
        chars: usize,
        max: usize,
    },
}

/// A broken rule is an invalid value, in the rule's words (callers and tests match on
/// [`PlanError::Invalid`]; the typed [`rules::RuleError`] is there for front ends that need the field).
impl From<rules::RuleError> for PlanError {
    fn from(error: rules::RuleError) -> PlanError {
        PlanError::Invalid(error.to_string())
    }
}

fn hint(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}

/// Keeps a user string safe and bounded: one clean line, at most `max` characters. Only for
/// text that is shown, not kept (headers quoted in messages); text the plan keeps goes through
/// [`checked_field`], which refuses instead of cutting.
pub fn clean_field(text: &str, max: usize) -> String {
    clean_line(text).chars().take(max).collect()
}

/// A user string as the plan keeps it (one clean line), or [`PlanError::TooLong`] naming `what`
/// when it has more than `max` characters: text is never silently cut.
pub fn checked_field(text: &str, max: usize, what: &'static str) -> Result<String, PlanError> {
    let cleaned = clean_line(text);
    let chars = cleaned.chars().count();
    if chars > max {
        return Err(PlanError::TooLong { what, chars, max });
    }
    Ok(cleaned)
}

impl Plan {
    /// A fresh plan for a first run: the earliest Match still open to apply for unless a year is
    /// given, every template task to do.
    pub fn new(
        template: &Template,
        today: NaiveDate,
        match_year: Option<i32>,
        visa: VisaChoice,
    ) -> Result<Plan, PlanError> {
        let match_year =
            match_year.unwrap_or_else(|| calendar::default_match_year(template, today));
        if !MATCH_YEARS.contains(&match_year) {
            return Err(PlanError::MatchYearOutOfRange(match_year));
        }
        let category = if visa == VisaChoice::NotNeeded {
            ApplicantCategory::UsCitizenImg
        } else {
            ApplicantCategory::NonUsCitizenImg
        };
        let mut plan = Plan {
            version: PLAN_VERSION,
            profile: Profile {
                name: None,
                match_year,
                visa,
                category,
                specialty: None,
                graduation: None,
                step2_score: None,
                citizenship: Vec::new(),
                in_us: None,
            },
            calendar: BTreeMap::new(),
            tasks: BTreeMap::new(),
            custom_tasks: Vec::new(),
            rotations: Vec::new(),
            letter_target: None,
            programs: Vec::new(),
            rank_order: Vec::new(),
            letters: Vec::new(),
            letters_asked: BTreeMap::new(),
            practice: Default::default(),
            budget: Default::default(),
            created: Some(today),
        };
        plan.merge_template(template);
        Ok(plan)
    }

    /// Adds an entry for every template task the plan does not have yet. Entries for tasks the
    /// template no longer has are kept untouched: they are the user's data.
    pub fn merge_template(&mut self, template: &Template) {
        for task in &template.tasks {
            self.tasks.entry(TaskId::from(&task.id)).or_default();
        }
        for task in &self.custom_tasks {
            self.tasks.entry(task.id.clone()).or_default();
        }
    }

    /// Task ids that have state in the plan but exist neither in the template nor as custom
    /// tasks (left over from an older template).
    pub fn orphaned_ids<'a>(&'a self, template: &'a Template) -> impl Iterator<Item = &'a str> {
        self.tasks.keys().map(TaskId::as_str).filter(move |id| {
            template.task(id).is_none() && !self.custom_tasks.iter().any(|t| t.id == *id)
        })
    }

    /// Whether a task id names a template task or one of the user's tasks.
    pub fn knows(&self, template: &Template, id: &str) -> bool {
        template.task(id).is_some() || self.custom_tasks.iter().any(|task| task.id == id)
    }

    fn known_ids<'a>(&'a self, template: &'a Template) -> Vec<&'a str> {
        template
            .tasks
            .iter()
            .map(|t| t.id.as_str())
            .chain(self.custom_tasks.iter().map(|t| t.id.as_str()))
            .collect()
    }

    /// The state entry for a known task, or an error with the closest ids as a hint.
    fn state_mut(&mut self, template: &Template, id: &str) -> Result<&mut TaskState, PlanError> {
        if !self.knows(template, id) {
            return Err(PlanError::UnknownTask {
                id: clean_line(id),
                suggestions: closest_ids(id, &self.known_ids(template)),
            });
        }
        Ok(self.tasks.entry(TaskId::from(id)).or_default())
    }

    /// Sets a task's state; marking it done records today as the done date.
    pub fn set_status(
        &mut self,
        template: &Template,
        id: &str,
        status: Status,
        today: NaiveDate,
    ) -> Result<(), PlanError> {
        let state = self.state_mut(template, id)?;
        if status == Status::Done {
            if state.state != Status::Done || state.done_on.is_none() {
                state.done_on = Some(today);
            }
        } else {
            state.done_on = None;
        }
        state.state = status;
        Ok(())
    }

    /// Changes the day a done task was done (it was ticked today, but done long ago). Refused
    /// for a task that is not done, and for a day after today.
    pub fn set_done_on(
        &mut self,
        template: &Template,
        id: &str,
        done_on: NaiveDate,
        today: NaiveDate,
    ) -> Result<(), PlanError> {
        let state = self.state_mut(template, id)?;
        if state.state != Status::Done {
            return Err(PlanError::Invalid(format!(
                "{} is not done: mark it done first, then give the day it was done",
                clean_line(id)
            )));
        }
        if done_on > today {
            return Err(PlanError::Invalid(format!(
                "{done_on} is after today ({today}): a task cannot be done in the future"
            )));
        }
        state.done_on = Some(done_on);
        Ok(())
    }

    /// Sets the user's own due date, or with `None` returns to the template's rule.
    pub fn set_due(
        &mut self,
        template: &Template,
        id: &str,
        due: Option<NaiveDate>,
    ) -> Result<(), PlanError> {
        self.state_mut(template, id)?.due = due;
        Ok(())
    }

    /// Sets or (with empty text) clears a task's note. Control characters are stripped.
    pub fn set_note(&mut self, template: &Template, id: &str, note: &str) -> Result<(), PlanError> {
        let note = checked_field(note, MAX_NOTE_CHARS, "the note")?;
        self.state_mut(template, id)?.note = (!note.is_empty()).then_some(note);
        Ok(())
    }

    /// Adds a task of the user's own to a stage and returns its id.
    pub fn add_custom_task(
        &mut self,
        template: &Template,
        stage: &str,
        title: &str,
    ) -> Result<TaskId, PlanError> {
        if template.stage(stage).is_none() {
            return Err(PlanError::UnknownStage {
                id: clean_line(stage),
                known: template.stages.iter().map(|s| s.id.clone()).collect(),
            });
        }
        let title = checked_field(title, MAX_TITLE_CHARS, "the title")?;
        if title.is_empty() {
            return Err(PlanError::EmptyTitle);
        }
        let prefix = format!("{stage}{CUSTOM_MARKER}");
        let next = self
            .tasks
            .keys()
            .chain(self.custom_tasks.iter().map(|t| &t.id))
            .filter_map(|id| id.strip_prefix(&prefix)?.parse::<u32>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let id = TaskId::own(stage, next);
        self.custom_tasks.push(CustomTask {
            id: id.clone(),
            stage: stage.to_owned(),
            title,
            depends_on: Vec::new(),
        });
        self.tasks.insert(id.clone(), TaskState::default());
        Ok(id)
    }

    /// Deletes one of the user's own tasks with its state.
    pub fn remove_custom_task(&mut self, template: &Template, id: &str) -> Result<(), PlanError> {
        let Some(index) = self.custom_tasks.iter().position(|task| task.id == id) else {
            if template.task(id).is_some() {
                return Err(PlanError::NotCustom(id.to_owned()));
            }
            return Err(PlanError::UnknownTask {
                id: clean_line(id),
                suggestions: closest_ids(id, &self.known_ids(template)),
            });
        };
        self.custom_tasks.remove(index);
        self.tasks.remove(id);
        Ok(())
    }

    /// Changes the target Match year; every rule-based date follows.
    pub fn set_match_year(&mut self, year: i32) -> Result<(), PlanError> {
        if !MATCH_YEARS.contains(&year) {
            return Err(PlanError::MatchYearOutOfRange(year));
        }
        self.profile.match_year = year;
        Ok(())
    }
}

pub use crate::rules::{MAX_LETTER_TARGET, STEP2_SCORES};

/// Up to three known ids closest to a mistyped one.
pub fn closest_ids(wanted: &str, known: &[&str]) -> Vec<String> {
    let wanted = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = known
        .iter()
        .map(|id| {
            let id_lower = id.to_lowercase();
            let mut score = strsim::jaro_winkler(&wanted, &id_lower);
            // "step3" should find "exams.step3": compare with the part after the stage too.
            if let Some((_, name)) = id_lower.split_once('.') {
                score = score.max(strsim::jaro_winkler(&wanted, name));
            }
            if !wanted.is_empty() && id_lower.contains(&wanted) {
                score = score.max(0.95);
            }
            (score, *id)
        })
        .filter(|(score, _)| *score >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_cycles_through_all_states() {
        let mut status = Status::Todo;
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(status);
            status = status.cycled();
        }
        assert_eq!(seen, Status::ALL);
        assert_eq!(status, Status::Todo);
    }

    #[test]
    fn closest_ids_finds_typos_and_short_names() {
        let known = ["exams.step1", "exams.step2ck", "exams.step3", "eras.submit"];
        assert_eq!(closest_ids("exams.stpe3", &known)[0], "exams.step3");
        assert_eq!(closest_ids("step3", &known)[0], "exams.step3");
        assert!(closest_ids("zzzzzz", &known).is_empty());
    }
}
