//! The journey template: the stages, tasks, date rules, checks, facts and sources that describe an
//! IMG's road to a US residency.
//!
//! Code here knows *kinds* of things (a task, a date rule, a fact); `assets/journey.ron` knows
//! *which* ones. A new journey step, source, fee or date rule is an edit to that file, not new
//! code. The template is embedded in the binary so a first run needs no setup.

use std::fmt;

mod anchors;
mod problems;
mod sections;

pub use anchors::*;
pub use sections::*;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The built-in template, embedded at compile time.
pub const EMBEDDED_TEMPLATE: &str = include_str!("../assets/journey.ron");

/// The whole journey template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// Revision of the template's content; bumped whenever facts or tasks change.
    pub revision: u32,
    /// The stages of the journey, in the order the user walks them.
    pub stages: Vec<Stage>,
    /// How each anchor date of a Match season is estimated when no published date is known.
    pub anchors: Vec<AnchorDefinition>,
    /// Dates published by AAMC, NRMP or ECFMG for specific Match seasons.
    pub seasons: Vec<PublishedSeason>,
    /// Every task of the journey.
    pub tasks: Vec<TaskTemplate>,
    /// Timing checks ("this task must be planned before that date") that produce warnings.
    #[serde(default)]
    pub checks: Vec<DeadlineCheck>,
    /// Fees, thresholds and statistics shown for context, each with its season and source.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// J-1 versus H-1B, side by side, for the visa panel and `imgplan visa`.
    pub visa_comparison: VisaComparison,
    /// ERAS fees per season, for the application-cost estimate.
    pub fees: Vec<FeeSchedule>,
    /// Which tasks and numbers the program, rank-list and letter checks read.
    pub trackers: TrackerRules,
    /// Entry restrictions and visa costs that depend on who the user is and where they are.
    pub situation: SituationRules,
    /// When a checked source is due for a re-check.
    pub recheck: RecheckIntervals,
    /// Every cost of the journey, for the budget: a planned amount only where an official
    /// source gives a current one.
    #[serde(default)]
    pub budget: Vec<crate::budget::BudgetItem>,
    /// The sources every task, date and fact points at.
    pub sources: Vec<Source>,
}

/// One stage (panel) of the journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: String,
    pub title: String,
    /// A short name for narrow places (side list, CLI filters).
    pub short: String,
    pub summary: String,
    /// Extra sections the stage's panel shows besides its tasks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<StageSection>,
}

/// A section a stage panel can show besides its checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageSection {
    /// The J-1 versus H-1B comparison and what the plan's choice implies (before the tasks).
    VisaComparison,
    /// The log of rotations and letters (after the tasks).
    UsceLog,
}

/// Whose word a source is. Only an official body's own page is `Official`; anything else
/// (a university office, a law firm, a newspaper) is `Secondary` and may carry a fact only where
/// no official page states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    /// The page of the body that sets the rule or publishes the figure (NRMP, AAMC, ECFMG,
    /// USMLE, FSMB, the State Department, USCIS, the Federal Register...).
    Official,
    /// Someone else's report of it.
    Secondary,
}

impl SourceKind {
    pub fn label(self) -> &'static str {
        match self {
            SourceKind::Official => "official",
            SourceKind::Secondary => "secondary",
        }
    }
}

/// How long a checked fact stays trusted before the planner asks the user to confirm it.
/// Immigration policy moves faster than exam and application rules, so it has its own interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecheckIntervals {
    /// Months after its check date that a source is due for a re-check.
    pub months: u32,
    /// The same for sources on visa and immigration policy (`immigration: true`).
    pub immigration_months: u32,
}

/// The dates published for one Match season: only dates in an official calendar for that
/// season. Past seasons are kept too, so a what-if in a past season shows what was published
/// and every estimation rule can be checked against them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedSeason {
    pub match_year: i32,
    pub dates: Vec<PublishedDate>,
}

/// One published date of a season, with where it was published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedDate {
    pub anchor: Anchor,
    pub date: NaiveDate,
    /// An official source that gives this date for this season.
    pub source: String,
}

/// A date rule: an anchor plus an offset in days ("28 days before programs may review").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateRule {
    pub anchor: Anchor,
    #[serde(default)]
    pub offset_days: i64,
}

/// The visa situation a plan is built for.
///
/// Besides one visa, a plan may state an order: "H-1B preferred, J-1 acceptable" is how many
/// IMGs apply, since which visa they get depends on the program that matches them. A preference
/// keeps both routes open: its plan has the tasks both visas need (as undecided has, without the
/// "decide" task) and the preferred visa's own tasks and timing checks; a program taking only the
/// acceptable visa is a soft mark, not a misfit ([`crate::programs::Fit::Acceptable`]).
/// Plan files written before preferences existed hold one of the other four and load as before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum VisaChoice {
    /// Not decided yet: tasks for both J-1 and H-1B are shown where the template says so.
    Undecided,
    /// J-1 exchange visitor, sponsored by ECFMG.
    J1,
    /// H-1B temporary worker, petitioned by the program.
    H1b,
    /// US citizen or permanent resident: no visa needed.
    NotNeeded,
    /// H-1B preferred, J-1 acceptable.
    H1bPreferred,
    /// J-1 preferred, H-1B acceptable.
    J1Preferred,
}

impl VisaChoice {
    /// In the order the profile form offers them.
    pub const ALL: [VisaChoice; 6] = [
        VisaChoice::Undecided,
        VisaChoice::J1,
        VisaChoice::H1b,
        VisaChoice::H1bPreferred,
        VisaChoice::J1Preferred,
        VisaChoice::NotNeeded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VisaChoice::Undecided => "undecided",
            VisaChoice::J1 => "J-1",
            VisaChoice::H1b => "H-1B",
            VisaChoice::NotNeeded => "not needed",
            VisaChoice::H1bPreferred => "H-1B preferred, J-1 acceptable",
            VisaChoice::J1Preferred => "J-1 preferred, H-1B acceptable",
        }
    }

    /// The visa a choice leans to: the preferred one of a preference, else the choice itself.
    pub fn preferred(self) -> VisaChoice {
        match self {
            VisaChoice::H1bPreferred => VisaChoice::H1b,
            VisaChoice::J1Preferred => VisaChoice::J1,
            other => other,
        }
    }

    /// The second visa a preference accepts; `None` for every other choice.
    pub fn acceptable(self) -> Option<VisaChoice> {
        match self {
            VisaChoice::H1bPreferred => Some(VisaChoice::J1),
            VisaChoice::J1Preferred => Some(VisaChoice::H1b),
            _ => None,
        }
    }

    /// Whether a template list of choices (a task's or a timing check's `visas`; empty means
    /// all) takes in this plan. A preference is in every list that keeps both routes open (one
    /// with `Undecided` beside a visa) and in every list naming its preferred visa: so it gets
    /// both visas' tasks and its preferred visa's checks, but not "decide between J-1 and H-1B"
    /// nor the other visa's checks.
    pub fn is_in(self, visas: &[VisaChoice]) -> bool {
        if visas.is_empty() || visas.contains(&self) {
            return true;
        }
        self.acceptable().is_some()
            && (visas.contains(&self.preferred())
                || (visas.contains(&VisaChoice::Undecided) && visas.len() > 1))
    }
}

impl fmt::Display for VisaChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One task of the journey template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskTemplate {
    /// Stable identifier, prefixed with the stage id (`exams.step1`). Never reuse or rename one:
    /// plan files refer to tasks by it.
    pub id: String,
    pub stage: String,
    pub title: String,
    /// Why the task matters, in a sentence or two.
    pub why: String,
    /// Tasks that must be finished first.
    #[serde(default)]
    pub depends_on: Vec<String>,
    /// When the task is due, relative to an anchor; `None` for undated tasks.
    #[serde(default)]
    pub due: Option<DateRule>,
    /// The visa choices the task applies to; empty means all.
    #[serde(default)]
    pub visas: Vec<VisaChoice>,
    /// Ids of the sources the task rests on (at least one).
    pub sources: Vec<String>,
}

impl TaskTemplate {
    /// Whether the task is part of a plan with this visa choice.
    pub fn applies_to(&self, visa: VisaChoice) -> bool {
        visa.is_in(&self.visas)
    }
}

/// A timing check: the task must be planned on or before a date, or the user is warned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeadlineCheck {
    pub id: String,
    pub task: String,
    /// The latest acceptable due date for the task.
    pub by: DateRule,
    /// Only checked for these visa choices; empty means always.
    #[serde(default)]
    pub visas: Vec<VisaChoice>,
    /// What is at stake, shown with the warning.
    pub message: String,
    pub sources: Vec<String>,
}

/// A fee, threshold or statistic shown for context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub stage: String,
    pub label: String,
    pub value: String,
    #[serde(default)]
    pub note: Option<String>,
    /// The season or "as of" period the figure speaks of, e.g. "2025 Match".
    pub season: String,
    pub sources: Vec<String>,
    /// `false` for figures that could not be confirmed; they are always shown as unverified.
    #[serde(default = "default_true")]
    pub verified: bool,
}

fn default_true() -> bool {
    true
}

/// Where a rule, date or figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    /// An https address a user can open.
    pub url: String,
    pub kind: SourceKind,
    /// The day someone last read the page and confirmed what the template takes from it.
    pub checked: NaiveDate,
    /// The season or "as of" period the source speaks of.
    pub season: String,
    /// Visa and immigration policy: re-checked on the shorter interval.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub immigration: bool,
}

/// A place in the template that cites sources.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Citation {
    Anchor(Anchor),
    SeasonDate(i32, Anchor),
    Task(String),
    Check(String),
    Fact(String),
    Comparison(String),
    /// A season's ERAS fees, or one of its once-a-season fees (by label).
    Fees(i32, Option<String>),
    Letters,
    Ranking,
    Travel(String),
    H1bPayment,
    /// A line of the budget.
    Budget(String),
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Citation::Anchor(anchor) => write!(f, "date rule {}", anchor.key()),
            Citation::SeasonDate(year, anchor) => write!(f, "{year} Match {}", anchor.key()),
            Citation::Task(id) => write!(f, "task {id}"),
            Citation::Check(id) => write!(f, "check {id}"),
            Citation::Fact(id) => write!(f, "fact {id}"),
            Citation::Comparison(id) => write!(f, "visa row {id}"),
            Citation::Fees(year, None) => write!(f, "{year} ERAS fees"),
            Citation::Fees(year, Some(label)) => write!(f, "{year} fee {label:?}"),
            Citation::Letters => f.write_str("letter checks"),
            Citation::Ranking => f.write_str("rank list checks"),
            Citation::Travel(id) => write!(f, "travel restriction {id}"),
            Citation::H1bPayment => f.write_str("H-1B payment"),
            Citation::Budget(id) => write!(f, "budget line {id}"),
        }
    }
}

/// Why a template could not be used.
#[derive(Debug, Error)]
pub enum TemplateError {
    #[error("journey template {line}:{col}: {message}")]
    Parse {
        line: usize,
        col: usize,
        message: String,
    },
    #[error("journey template is inconsistent: {}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl Template {
    /// Parses and validates the template embedded in the binary.
    pub fn embedded() -> Result<Template, TemplateError> {
        Template::parse(EMBEDDED_TEMPLATE)
    }

    /// Parses and validates a template from RON text.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let template: Template =
            ron::Options::default()
                .from_str(text)
                .map_err(|err| TemplateError::Parse {
                    line: err.span.start.line,
                    col: err.span.start.col,
                    message: err.code.to_string(),
                })?;
        let problems = template.problems();
        if problems.is_empty() {
            Ok(template)
        } else {
            Err(TemplateError::Invalid(problems))
        }
    }

    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|stage| stage.id == id)
    }

    pub fn task(&self, id: &str) -> Option<&TaskTemplate> {
        self.tasks.iter().find(|task| task.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// The fee schedule for a Match: its own season's, else the latest earlier one (fees are
    /// published season by season), else the earliest known.
    pub fn fees_for(&self, match_year: i32) -> Option<&FeeSchedule> {
        self.fees
            .iter()
            .filter(|f| f.match_year <= match_year)
            .max_by_key(|f| f.match_year)
            .or_else(|| self.fees.iter().min_by_key(|f| f.match_year))
    }

    pub fn anchor(&self, anchor: Anchor) -> Option<&AnchorDefinition> {
        self.anchors.iter().find(|def| def.anchor == anchor)
    }

    /// How an anchor reads in a sentence ("programs may review applications").
    pub fn anchor_title(&self, anchor: Anchor) -> &str {
        match anchor {
            Anchor::Graduation => "your graduation",
            _ => self
                .anchor(anchor)
                .map(|def| def.title.as_str())
                .unwrap_or_else(|| anchor.key()),
        }
    }

    /// "28 days before programs may review applications".
    pub fn describe_rule(&self, rule: DateRule) -> String {
        let title = self.anchor_title(rule.anchor);
        let days = rule.offset_days.unsigned_abs();
        let unit = if days == 1 { "day" } else { "days" };
        match rule.offset_days {
            0 => format!("the day {title}"),
            n if n < 0 => format!("{days} {unit} before {title}"),
            _ => format!("{days} {unit} after {title}"),
        }
    }

    /// How a season date is estimated, in words: "the 1st Wednesday of June, the year before
    /// the Match".
    pub fn describe_anchor_rule(&self, rule: &AnchorRule) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month_name = |month: u32| {
            usize::try_from(month)
                .ok()
                .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
                .copied()
                .unwrap_or("?")
        };
        let year = |offset: i32| match offset {
            0 => "of the Match year".to_owned(),
            -1 => "the year before the Match".to_owned(),
            n if n < 0 => format!("{} years before the Match", -n),
            n => format!("{n} years after the Match"),
        };
        match *rule {
            AnchorRule::NthWeekday {
                year_offset,
                month,
                weekday,
                nth,
            } => {
                let ordinal = match nth {
                    1 => "1st".to_owned(),
                    2 => "2nd".to_owned(),
                    3 => "3rd".to_owned(),
                    n => format!("{n}th"),
                };
                let day = weekday_name(weekday);
                format!(
                    "the {ordinal} {day} of {}, {}",
                    month_name(month),
                    year(year_offset)
                )
            }
            AnchorRule::WeekdayOnOrAfter {
                year_offset,
                month,
                day,
                weekday,
            } => format!(
                "the first {} on or after {day} {}, {}",
                weekday_name(weekday),
                month_name(month),
                year(year_offset)
            ),
            AnchorRule::DayOfMonth {
                year_offset,
                month,
                day,
                weekend,
            } => {
                let moved = match weekend {
                    WeekendRule::Keep => "",
                    WeekendRule::NextMonday => " (the Monday after, when it falls on a weekend)",
                    WeekendRule::PreviousFriday => {
                        " (the Friday before, when it falls on a weekend)"
                    }
                };
                format!("{day} {}, {}{moved}", month_name(month), year(year_offset))
            }
            AnchorRule::DaysAfter { anchor, days } => self.describe_rule(DateRule {
                anchor,
                offset_days: days,
            }),
        }
    }

    /// Every place in the template that cites sources, with the ids it cites. One list, so the
    /// consistency check, `imgplan sources` ("what cites it") and freshness read the same thing.
    pub fn citations(&self) -> Vec<(Citation, &[String])> {
        let mut all: Vec<(Citation, &[String])> = Vec::new();
        for def in &self.anchors {
            all.push((Citation::Anchor(def.anchor), &def.sources));
        }
        for season in &self.seasons {
            for date in &season.dates {
                all.push((
                    Citation::SeasonDate(season.match_year, date.anchor),
                    std::slice::from_ref(&date.source),
                ));
            }
        }
        for task in &self.tasks {
            all.push((Citation::Task(task.id.clone()), &task.sources));
        }
        for check in &self.checks {
            all.push((Citation::Check(check.id.clone()), &check.sources));
        }
        for fact in &self.facts {
            all.push((Citation::Fact(fact.id.clone()), &fact.sources));
        }
        for row in &self.visa_comparison.rows {
            all.push((Citation::Comparison(row.id.clone()), &row.sources));
        }
        for fees in &self.fees {
            all.push((Citation::Fees(fees.match_year, None), &fees.sources));
            for fee in &fees.once {
                all.push((
                    Citation::Fees(fees.match_year, Some(fee.label.clone())),
                    &fee.sources,
                ));
            }
        }
        all.push((Citation::Letters, &self.trackers.letter_sources));
        all.push((Citation::Ranking, &self.trackers.rank_sources));
        for rule in &self.situation.travel {
            all.push((Citation::Travel(rule.id.clone()), &rule.sources));
        }
        all.push((Citation::H1bPayment, &self.situation.h1b_payment.sources));
        for item in self.budget.iter().filter(|i| !i.sources.is_empty()) {
            all.push((Citation::Budget(item.id.clone()), &item.sources));
        }
        all
    }

    /// Months after its check date that a source is due for a re-check.
    pub fn recheck_months(&self, source: &Source) -> u32 {
        if source.immigration {
            self.recheck.immigration_months
        } else {
            self.recheck.months
        }
    }

    /// The newest check date of any source: "facts checked up to".
    pub fn checked_up_to(&self) -> Option<NaiveDate> {
        self.sources.iter().map(|source| source.checked).max()
    }
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}
