//! The JSON export: the whole plan and everything derived from it, for other tools. Its shape
//! is a contract (`imgplan_version`, `plan_version`), so fields are added, never renamed.

use crate::calendar::DateOrigin;
use crate::insights::StageProgress;
use crate::journey::Anchor;
use chrono::NaiveDate;
use serde::Serialize;

use crate::freshness::Freshness;
use crate::insights::{Deadline, Snapshot, Warning};
use crate::journey::{Source, Template};
use crate::plan::Plan;
use crate::text::clean_line;

/// The JSON export. Its shape is documented in the README ("JSON export").
#[derive(Debug, Serialize)]
pub(crate) struct JsonExport<'a> {
    pub imgplan_version: &'static str,
    pub plan_version: u32,
    pub today: NaiveDate,
    pub profile: JsonProfile,
    pub season: JsonSeason,
    pub progress: Vec<JsonProgress<'a>>,
    pub overdue: Vec<JsonDeadline>,
    pub upcoming: Vec<JsonDeadline>,
    pub warnings: &'a [Warning],
    pub tasks: Vec<JsonTask>,
    pub visa: JsonVisa<'a>,
    pub usce: JsonUsce<'a>,
    pub programs: Vec<JsonProgram<'a>>,
    /// Program ids, first choice first.
    pub rank_order: Vec<crate::ids::ProgramId>,
    pub cost_estimate: Option<crate::programs::CostEstimate>,
    pub facts: Vec<Checked<'a, crate::journey::Fact>>,
    /// Entry restrictions and the H-1B payment as they concern this profile.
    pub situation: Vec<Checked<'a, crate::situation::SituationNote>>,
    pub freshness: JsonFreshness,
    pub sources: Vec<JsonSource<'a>>,
    /// Every cost of the journey: lines (amounts in cents), totals by stage and overall.
    pub budget: crate::budget::BudgetView,
    /// Letters of the user's own, and how many letters each program asks for (by program id).
    pub letters: &'a [crate::letters::Letter],
    pub letters_asked: &'a std::collections::BTreeMap<crate::ids::ProgramId, u8>,
    /// Step 2 CK practice exams and the target.
    pub practice: &'a crate::practice::Practice,
}

/// An item with the check date of its sources and whether they are due for a re-check.
#[derive(Debug, Serialize)]
pub(crate) struct Checked<'a, T: Serialize> {
    #[serde(flatten)]
    pub item: &'a T,
    pub checked: Option<NaiveDate>,
    pub recheck: bool,
}

impl<'a, T: Serialize> Checked<'a, T> {
    fn new(template: &Template, item: &'a T, sources: &[String], today: NaiveDate) -> Self {
        let freshness = Freshness::of(template, sources, today);
        Checked {
            item,
            checked: freshness.map(|f| f.checked),
            recheck: freshness.is_some_and(|f| f.stale),
        }
    }
}

/// How recent the facts are.
#[derive(Debug, Serialize)]
pub(crate) struct JsonFreshness {
    pub checked_up_to: Option<NaiveDate>,
    /// Facts on this plan's path older than their re-check interval.
    pub stale_on_path: usize,
}

/// A source with its age on the export's `today`.
#[derive(Debug, Serialize)]
pub(crate) struct JsonSource<'a> {
    #[serde(flatten)]
    pub source: &'a Source,
    pub months_since_check: u32,
    /// Older than its re-check interval: confirm it.
    pub recheck: bool,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonProfile {
    pub name: Option<String>,
    pub match_year: i32,
    pub visa: crate::journey::VisaChoice,
    pub category: crate::plan::ApplicantCategory,
    pub specialty: Option<String>,
    pub graduation: Option<NaiveDate>,
    pub graduation_expected: Option<bool>,
    /// The user's Step 2 CK score, compared with programs' minimums.
    pub step2_score: Option<u16>,
    /// ISO 3166-1 alpha-2 codes.
    pub citizenship: Vec<String>,
    pub in_us: Option<bool>,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonSeason {
    pub match_year: i32,
    pub dates: Vec<JsonSeasonDate>,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonSeasonDate {
    pub anchor: Anchor,
    pub title: String,
    pub date: NaiveDate,
    pub origin: DateOrigin,
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonProgress<'a> {
    #[serde(flatten)]
    pub stage: &'a StageProgress,
    pub percent: u8,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonDeadline {
    pub task: String,
    pub title: String,
    pub date: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonTask {
    pub id: String,
    pub stage: String,
    pub title: String,
    pub why: String,
    pub status: crate::plan::Status,
    pub done_on: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub due_origin: Option<DateOrigin>,
    /// For a planned date, the origin of the anchor it counts from.
    pub due_basis: Option<DateOrigin>,
    pub rule: Option<String>,
    pub note: Option<String>,
    pub depends_on: Vec<String>,
    pub sources: Vec<String>,
    /// The oldest check date among the task's sources.
    pub checked: Option<NaiveDate>,
    /// Its sources are older than their re-check interval.
    pub recheck: bool,
    pub custom: bool,
    /// Its planned date had passed when the plan was made: to start now, not overdue.
    pub start_now: bool,
    /// An open prerequisite of a done task (that task's id): behind the user, not due.
    pub behind: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonVisa<'a> {
    pub choice: crate::journey::VisaChoice,
    pub implications: Vec<crate::visa::Implication>,
    pub comparison: &'a crate::journey::VisaComparison,
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonUsce<'a> {
    pub summary: crate::usce::UsceSummary,
    pub rotations: &'a [crate::usce::Rotation],
}

#[derive(Debug, Serialize)]
pub(crate) struct JsonProgram<'a> {
    #[serde(flatten)]
    pub program: &'a crate::programs::Program,
    pub visa_fit: crate::programs::Fit,
    /// Place in the rank order list (1 = first choice), when ranked.
    pub rank: Option<usize>,
}

/// The plan as pretty-printed JSON.
pub fn json_summary(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    let title_of = |id: &str| {
        snapshot
            .task(id)
            .map_or_else(|| id.to_owned(), |t| clean_line(&t.title))
    };
    let deadlines = |list: &[Deadline]| {
        list.iter()
            .map(|d| JsonDeadline {
                task: d.task.to_string(),
                title: title_of(&d.task),
                date: d.date,
                days: d.days,
            })
            .collect()
    };
    let profile = &plan.profile;
    let rank_list: Vec<crate::ids::ProgramId> = plan.rank_list().iter().map(|p| p.id).collect();
    let export = JsonExport {
        imgplan_version: env!("CARGO_PKG_VERSION"),
        plan_version: plan.version,
        today: snapshot.today,
        profile: JsonProfile::of(profile),
        season: season(template, snapshot),
        progress: snapshot
            .progress
            .iter()
            .map(|stage| JsonProgress {
                stage,
                percent: stage.percent(),
            })
            .collect(),
        overdue: deadlines(&snapshot.overdue),
        upcoming: deadlines(&snapshot.upcoming),
        warnings: &snapshot.warnings,
        tasks: tasks(template, snapshot),
        visa: JsonVisa {
            choice: profile.visa,
            implications: crate::visa::implications(template, snapshot, profile.visa),
            comparison: &template.visa_comparison,
        },
        usce: JsonUsce {
            summary: snapshot.usce,
            rotations: &plan.rotations,
        },
        programs: programs(plan, &rank_list),
        rank_order: rank_list.clone(),
        cost_estimate: template
            .fees_for(profile.match_year)
            .map(|fees| crate::programs::estimate_cost(&plan.programs, fees, true)),
        facts: template
            .facts
            .iter()
            .map(|fact| Checked::new(template, fact, &fact.sources, snapshot.today))
            .collect(),
        situation: snapshot
            .situation
            .iter()
            .filter(|note| crate::visa::route_open(profile.visa, note.route))
            .map(|note| Checked::new(template, note, &note.sources, snapshot.today))
            .collect(),
        freshness: JsonFreshness {
            checked_up_to: snapshot.freshness.checked_up_to,
            stale_on_path: snapshot.freshness.stale_on_path,
        },
        sources: sources(template, snapshot),
        budget: crate::budget::compute(template, plan),
        letters: &plan.letters,
        letters_asked: &plan.letters_asked,
        practice: &plan.practice,
    };
    let mut json = serde_json::to_string_pretty(&export).unwrap_or_else(|err| {
        // Serialising these plain structs cannot fail; say so in JSON rather than panic.
        format!("{{\"error\": {:?}}}", err.to_string())
    });
    json = crate::text::escape_unsafe_in_json(&json);
    json.push('\n');
    json
}

impl JsonProfile {
    fn of(profile: &crate::plan::Profile) -> JsonProfile {
        JsonProfile {
            name: profile.name.as_deref().map(clean_line),
            match_year: profile.match_year,
            visa: profile.visa,
            category: profile.category,
            specialty: profile.specialty.as_deref().map(clean_line),
            graduation: profile.graduation.map(|g| g.date),
            graduation_expected: profile.graduation.map(|g| g.expected),
            step2_score: profile.step2_score,
            citizenship: profile.citizenship.clone(),
            in_us: profile.in_us,
        }
    }
}

fn tasks(template: &Template, snapshot: &Snapshot) -> Vec<JsonTask> {
    snapshot
        .tasks
        .iter()
        .map(|task| (task, snapshot.task_freshness(template, task)))
        .map(|(task, freshness)| JsonTask {
            id: task.id.to_string(),
            stage: task.stage.clone(),
            title: clean_line(&task.title),
            why: task.why.clone(),
            status: task.status,
            done_on: task.done_on,
            due: task.due.as_ref().map(|d| d.date),
            due_origin: task.due.as_ref().map(|d| d.origin),
            due_basis: task.due.as_ref().and_then(|d| d.basis),
            rule: task.rule.map(|rule| template.describe_rule(rule)),
            note: task.note.as_deref().map(clean_line),
            depends_on: task.depends_on.clone(),
            sources: task.sources.clone(),
            checked: freshness.map(|f| f.checked),
            recheck: freshness.is_some_and(|f| f.stale),
            custom: task.custom,
            start_now: task.start_now,
            behind: task.behind.as_ref().map(ToString::to_string),
        })
        .collect()
}

fn sources<'a>(template: &'a Template, snapshot: &Snapshot) -> Vec<JsonSource<'a>> {
    template
        .sources
        .iter()
        .map(|source| {
            let freshness = Freshness::of_source(template, source, snapshot.today);
            JsonSource {
                source,
                months_since_check: freshness.months_old,
                recheck: freshness.stale,
            }
        })
        .collect()
}

fn season(template: &Template, snapshot: &Snapshot) -> JsonSeason {
    JsonSeason {
        match_year: snapshot.calendar.match_year,
        dates: snapshot
            .calendar
            .season_dates()
            .map(|(anchor, dated)| JsonSeasonDate {
                anchor,
                title: template.anchor_title(anchor).to_owned(),
                date: dated.date,
                origin: dated.origin,
                source: dated.source.clone(),
            })
            .collect(),
    }
}

fn programs<'a>(plan: &'a Plan, rank_list: &[crate::ids::ProgramId]) -> Vec<JsonProgram<'a>> {
    let profile = &plan.profile;
    plan.programs
        .iter()
        .map(|program| JsonProgram {
            program,
            visa_fit: program.fit(profile.visa),
            rank: rank_list
                .iter()
                .position(|id| *id == program.id)
                .map(|i| i + 1),
        })
        .collect()
}
