//! The journey template: the stages, tasks, date rules, checks, facts and sources that describe an
//! IMG's road to a US residency.
//!
//! Code here knows *kinds* of things (a task, a date rule, a fact); `assets/journey.ron` knows
//! *which* ones. A new journey step, source, fee or date rule is an edit to that file, not new
//! code. The template is embedded in the binary so a first run needs no setup.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

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
    /// When the facts in this template were last researched (an "as of" date).
    pub researched: NaiveDate,
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

/// The named dates a plan is built around. Season anchors are computed per Match year by the
/// calendar; `Graduation` comes from the user's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Anchor {
    /// The ERAS season opens (MyERAS, tokens usable).
    ErasOpens,
    /// Applicants may submit their ERAS application.
    ErasSubmission,
    /// Programs may begin reviewing applications and MSPEs.
    ProgramsReview,
    /// NRMP applicant registration opens.
    NrmpRegistrationOpens,
    /// The NRMP standard registration deadline (a late fee applies after it).
    NrmpRegistrationDeadline,
    /// The rank order list (ROL) certification deadline.
    RolDeadline,
    /// Monday of Match Week (applicants learn whether they matched; SOAP starts).
    MatchWeek,
    /// Match Day (results released).
    MatchDay,
    /// 1 July: residency training starts.
    TrainingStart,
    /// The user's graduation date (actual or expected), from the profile.
    Graduation,
}

impl Anchor {
    /// The anchors of a Match season, in calendar order.
    pub const SEASON: [Anchor; 9] = [
        Anchor::ErasOpens,
        Anchor::ErasSubmission,
        Anchor::NrmpRegistrationOpens,
        Anchor::ProgramsReview,
        Anchor::NrmpRegistrationDeadline,
        Anchor::RolDeadline,
        Anchor::MatchWeek,
        Anchor::MatchDay,
        Anchor::TrainingStart,
    ];

    /// The identifier used in the plan file and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Anchor::ErasOpens => "ErasOpens",
            Anchor::ErasSubmission => "ErasSubmission",
            Anchor::ProgramsReview => "ProgramsReview",
            Anchor::NrmpRegistrationOpens => "NrmpRegistrationOpens",
            Anchor::NrmpRegistrationDeadline => "NrmpRegistrationDeadline",
            Anchor::RolDeadline => "RolDeadline",
            Anchor::MatchWeek => "MatchWeek",
            Anchor::MatchDay => "MatchDay",
            Anchor::TrainingStart => "TrainingStart",
            Anchor::Graduation => "Graduation",
        }
    }
}

/// A weekday, spelled as in the template (`Mon` … `Sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<Weekday> for chrono::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// How an anchor date is estimated for a season that has no published date. Years are relative
/// to the Match year (`year_offset: -1` is the calendar year before the Match).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum AnchorRule {
    /// The `nth` given weekday of a month (e.g. the first Wednesday of June).
    NthWeekday {
        year_offset: i32,
        month: u32,
        weekday: Weekday,
        nth: u8,
    },
    /// A fixed day of a month (e.g. 15 September).
    DayOfMonth {
        year_offset: i32,
        month: u32,
        day: u32,
    },
    /// A number of days after (or, when negative, before) another season anchor.
    DaysAfter { anchor: Anchor, days: i64 },
}

/// Title, estimation rule and sources of one season anchor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorDefinition {
    pub anchor: Anchor,
    /// How the date reads in a sentence: "programs may review applications".
    pub title: String,
    pub rule: AnchorRule,
    /// Where the pattern was observed.
    pub sources: Vec<String>,
}

/// How far a source can be trusted (from the research file's grades).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confidence {
    /// The official body's own page, or a faithful republication of it.
    High,
    /// A secondary source that cites the official figure, or several that agree.
    Medium,
    /// A single secondary source, a mirror of unclear fidelity, or an undated page.
    Low,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::High => "official",
            Confidence::Medium => "secondary",
            Confidence::Low => "uncertain",
        }
    }
}

/// The dates published for one Match season.
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
    pub source: String,
    pub confidence: Confidence,
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
}

impl VisaChoice {
    pub const ALL: [VisaChoice; 4] = [
        VisaChoice::Undecided,
        VisaChoice::J1,
        VisaChoice::H1b,
        VisaChoice::NotNeeded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VisaChoice::Undecided => "undecided",
            VisaChoice::J1 => "J-1",
            VisaChoice::H1b => "H-1B",
            VisaChoice::NotNeeded => "not needed",
        }
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
        self.visas.is_empty() || self.visas.contains(&visa)
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

/// The J-1 versus H-1B comparison. Visa policy moves fast (2025 alone brought a new H-1B fee, a
/// pause in J-1 interviews and a proposed cap on J-1 stays), so the table carries the date its
/// policy was last checked and every row its own season and sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisaComparison {
    /// When the policy in the rows was last checked against the sources.
    pub policy_as_of: NaiveDate,
    pub rows: Vec<ComparisonRow>,
}

/// One topic of the comparison, with the J-1 and the H-1B side in a few words each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    pub id: String,
    pub topic: String,
    pub j1: String,
    pub h1b: String,
    /// More detail, shown beside the row when it is selected and in `imgplan visa`.
    #[serde(default)]
    pub note: Option<String>,
    pub season: String,
    pub sources: Vec<String>,
    #[serde(default = "default_true")]
    pub verified: bool,
}

/// The ERAS fees of one application season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeSchedule {
    /// The Match the season leads to (the 2026 ERAS season is the 2026 Match).
    pub match_year: i32,
    /// Fees per program applied to, by tier; the count restarts for each specialty.
    pub per_program: Vec<FeeTier>,
    /// Fees paid once a season whatever the number of programs (token, transcript).
    pub once: Vec<OnceFee>,
    pub sources: Vec<String>,
}

/// The fee for each program up to (and including) the `up_to`-th in a specialty; the last tier
/// has no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    #[serde(default)]
    pub up_to: Option<u32>,
    pub usd: u32,
}

/// A fee paid once a season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnceFee {
    pub label: String,
    pub usd: u32,
    pub season: String,
    pub sources: Vec<String>,
}

/// What the program, rank-list and letter checks need from the journey. Kept in the template so
/// renaming a task or changing a threshold stays a data change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackerRules {
    /// The task that stands for passing Step 3 ("Step 3 before ranking" programs read it).
    pub step3_task: String,
    /// The task whose date is when every letter must be in ERAS.
    pub letters_task: String,
    /// Letters to aim for until the user sets their own target.
    pub letter_target: u32,
    /// A letter not yet uploaded this many days before the letters task's date is warned about.
    pub letter_warning_days: i64,
    /// Where the letter advice comes from.
    pub letter_sources: Vec<String>,
    /// Where the ranking advice (rank only programs you could join; Step 3 rules) comes from.
    pub rank_sources: Vec<String>,
}

/// Where a rule, date or figure comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// The season or "as of" date the source speaks of.
    pub season: String,
    pub confidence: Confidence,
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
                let day = match weekday {
                    Weekday::Mon => "Monday",
                    Weekday::Tue => "Tuesday",
                    Weekday::Wed => "Wednesday",
                    Weekday::Thu => "Thursday",
                    Weekday::Fri => "Friday",
                    Weekday::Sat => "Saturday",
                    Weekday::Sun => "Sunday",
                };
                format!(
                    "the {ordinal} {day} of {}, {}",
                    month_name(month),
                    year(year_offset)
                )
            }
            AnchorRule::DayOfMonth {
                year_offset,
                month,
                day,
            } => {
                format!("{day} {}, {}", month_name(month), year(year_offset))
            }
            AnchorRule::DaysAfter { anchor, days } => self.describe_rule(DateRule {
                anchor,
                offset_days: days,
            }),
        }
    }

    /// Everything that makes the template unusable, in words; empty when it is consistent.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let stage_ids: BTreeSet<&str> = self.stages.iter().map(|s| s.id.as_str()).collect();
        let source_ids: BTreeSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let task_ids: BTreeSet<&str> = self.tasks.iter().map(|t| t.id.as_str()).collect();

        duplicates(
            "stage",
            self.stages.iter().map(|s| s.id.as_str()),
            &mut problems,
        );
        duplicates(
            "source",
            self.sources.iter().map(|s| s.id.as_str()),
            &mut problems,
        );
        duplicates(
            "task",
            self.tasks.iter().map(|t| t.id.as_str()),
            &mut problems,
        );
        duplicates(
            "fact",
            self.facts.iter().map(|f| f.id.as_str()),
            &mut problems,
        );
        duplicates(
            "check",
            self.checks.iter().map(|c| c.id.as_str()),
            &mut problems,
        );

        let check_sources = |owner: &str, ids: &[String], problems: &mut Vec<String>| {
            if ids.is_empty() {
                problems.push(format!("{owner} has no source"));
            }
            for id in ids {
                if !source_ids.contains(id.as_str()) {
                    problems.push(format!("{owner} cites unknown source {id:?}"));
                }
            }
        };

        for def in &self.anchors {
            if def.anchor == Anchor::Graduation {
                problems.push("Graduation comes from the profile and has no season rule".into());
            }
            check_sources(
                &format!("anchor {:?}", def.anchor),
                &def.sources,
                &mut problems,
            );
        }
        for anchor in Anchor::SEASON {
            if self.anchor(anchor).is_none() {
                problems.push(format!("anchor {anchor:?} has no estimation rule"));
            }
        }
        if let Some(cycle) = self.anchor_cycle() {
            problems.push(format!("anchor rules form a cycle through {cycle:?}"));
        }
        for season in &self.seasons {
            for date in &season.dates {
                if date.anchor == Anchor::Graduation {
                    problems.push(format!(
                        "{} season publishes a graduation",
                        season.match_year
                    ));
                }
                if !source_ids.contains(date.source.as_str()) {
                    problems.push(format!(
                        "{} {:?} cites unknown source {:?}",
                        season.match_year, date.anchor, date.source
                    ));
                }
            }
        }

        for task in &self.tasks {
            let owner = format!("task {}", task.id);
            if !stage_ids.contains(task.stage.as_str()) {
                problems.push(format!("{owner} is in unknown stage {:?}", task.stage));
            }
            if !task.id.starts_with(&format!("{}.", task.stage)) {
                problems.push(format!(
                    "{owner} should start with its stage id {:?}",
                    task.stage
                ));
            }
            if task.title.trim().is_empty() || task.why.trim().is_empty() {
                problems.push(format!("{owner} needs a title and a why"));
            }
            for dep in &task.depends_on {
                if !task_ids.contains(dep.as_str()) {
                    problems.push(format!("{owner} depends on unknown task {dep:?}"));
                }
                if dep == &task.id {
                    problems.push(format!("{owner} depends on itself"));
                }
            }
            check_sources(&owner, &task.sources, &mut problems);
        }
        if let Some(cycle) = self.dependency_cycle() {
            problems.push(format!(
                "task dependencies form a cycle: {}",
                cycle.join(" -> ")
            ));
        }

        for check in &self.checks {
            let owner = format!("check {}", check.id);
            if !task_ids.contains(check.task.as_str()) {
                problems.push(format!("{owner} names unknown task {:?}", check.task));
            }
            check_sources(&owner, &check.sources, &mut problems);
        }
        for fact in &self.facts {
            let owner = format!("fact {}", fact.id);
            if fact.season.trim().is_empty() {
                problems.push(format!("{owner} has no season"));
            }
            if !stage_ids.contains(fact.stage.as_str()) {
                problems.push(format!("{owner} is in unknown stage {:?}", fact.stage));
            }
            check_sources(&owner, &fact.sources, &mut problems);
        }
        duplicates(
            "comparison row",
            self.visa_comparison.rows.iter().map(|r| r.id.as_str()),
            &mut problems,
        );
        if self.visa_comparison.rows.is_empty() {
            problems.push("the visa comparison has no rows".into());
        }
        for row in &self.visa_comparison.rows {
            let owner = format!("comparison row {}", row.id);
            if row.season.trim().is_empty() {
                problems.push(format!("{owner} has no season"));
            }
            check_sources(&owner, &row.sources, &mut problems);
        }
        for fees in &self.fees {
            let owner = format!("{} fee schedule", fees.match_year);
            let open_ended = fees
                .per_program
                .iter()
                .filter(|t| t.up_to.is_none())
                .count();
            let limits: Vec<u32> = fees.per_program.iter().filter_map(|t| t.up_to).collect();
            if open_ended != 1 || fees.per_program.last().is_some_and(|t| t.up_to.is_some()) {
                problems.push(format!("{owner} needs exactly one last tier without up_to"));
            }
            if limits.windows(2).any(|pair| pair[0] >= pair[1]) {
                problems.push(format!("{owner} tiers must rise"));
            }
            check_sources(&owner, &fees.sources, &mut problems);
            for fee in &fees.once {
                check_sources(
                    &format!("{owner} {:?}", fee.label),
                    &fee.sources,
                    &mut problems,
                );
            }
        }
        let trackers = &self.trackers;
        for (what, id) in [
            ("step3_task", &trackers.step3_task),
            ("letters_task", &trackers.letters_task),
        ] {
            if !task_ids.contains(id.as_str()) {
                problems.push(format!("trackers {what} names unknown task {id:?}"));
            }
        }
        check_sources("trackers letters", &trackers.letter_sources, &mut problems);
        check_sources("trackers ranking", &trackers.rank_sources, &mut problems);
        for source in &self.sources {
            if source.season.trim().is_empty() {
                problems.push(format!("source {} has no season", source.id));
            }
        }
        problems
    }

    /// A dependency cycle among tasks, if there is one (depth-first search with colours).
    fn dependency_cycle(&self) -> Option<Vec<String>> {
        let edges: HashMap<&str, Vec<&str>> = self
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.depends_on.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        find_cycle(&edges).map(|path| path.into_iter().map(str::to_owned).collect())
    }

    fn anchor_cycle(&self) -> Option<Vec<&'static str>> {
        let edges: HashMap<&'static str, Vec<&'static str>> = self
            .anchors
            .iter()
            .map(|def| {
                let deps = match def.rule {
                    AnchorRule::DaysAfter { anchor, .. } => vec![anchor.key()],
                    _ => Vec::new(),
                };
                (def.anchor.key(), deps)
            })
            .collect();
        find_cycle(&edges)
    }
}

fn duplicates<'a>(kind: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            problems.push(format!("a {kind} has an empty id"));
        } else if !seen.insert(id) {
            problems.push(format!("{kind} id {id:?} is used twice"));
        }
    }
}

/// Finds one cycle in a directed graph given as adjacency lists; nodes not in the map are leaves.
fn find_cycle<'a>(edges: &HashMap<&'a str, Vec<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        edges: &HashMap<&'a str, Vec<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Visiting) => {
                let start = path.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(node);
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node, Mark::Visiting);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    let mut nodes: Vec<&str> = edges.keys().copied().collect();
    nodes.sort_unstable();
    for node in nodes {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, edges, &mut marks, &mut path) {
            return Some(cycle);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_dependency_cycle() {
        let mut edges = HashMap::new();
        edges.insert("a", vec!["b"]);
        edges.insert("b", vec!["c"]);
        edges.insert("c", vec!["a"]);
        let cycle = find_cycle(&edges).expect("cycle");
        assert_eq!(cycle.first(), cycle.last());
        assert_eq!(cycle.len(), 4);
    }

    #[test]
    fn no_cycle_in_a_chain() {
        let mut edges = HashMap::new();
        edges.insert("a", vec!["b"]);
        edges.insert("b", vec!["c"]);
        assert!(find_cycle(&edges).is_none());
    }
}
