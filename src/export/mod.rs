//! Exports of a plan: a text summary that reads well at 80 columns, Markdown, an iCalendar file,
//! CSV tables and JSON for scripts.
//!
//! Each is a pure function of a [`Snapshot`] ([`render`] picks one from [`ExportOptions`]);
//! writing it to a file is the caller's job (through [`crate::storage::write_atomic`], never over
//! the plan file). Every piece of user text is cleaned again on the way out, so an export can be
//! `cat`-ed safely.

use crate::wording::{bar, countdown, source_status, stale_mark};
use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::DateOrigin;
use crate::freshness::Freshness;
use crate::insights::{Deadline, Snapshot, StageProgress, Warning};
use crate::journey::{Anchor, Citation, Source, Template};
use crate::plan::Plan;
use crate::text::{clean_line, pad, truncate, wrap};

pub mod ics;
pub mod markdown;
pub mod sheet;
pub mod trackers;
pub mod writer;

/// Width the text summary is laid out for.
pub const TEXT_WIDTH: usize = 80;

/// How many upcoming deadlines the summaries list.
pub const UPCOMING_SHOWN: usize = 10;

/// The formats a plan can be exported in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Calendar,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Calendar,
        Format::Csv,
        Format::Json,
    ];

    /// How the planner's export dialog names the format.
    pub fn label(self) -> &'static str {
        match self {
            Format::Text => "text summary",
            Format::Markdown => "Markdown summary",
            Format::Calendar => "calendar (.ics)",
            Format::Csv => "spreadsheet (.csv)",
            Format::Json => "JSON",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Calendar => "ics",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }
}

/// What the user chose for an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub format: Format,
    /// The table a CSV export holds.
    pub table: sheet::Table,
    /// Leave done and skipped tasks out of a calendar or the CSV task table.
    pub open_only: bool,
    /// Calendar reminders: days before each event, largest first; empty for none.
    pub alarm_days: Vec<u32>,
}

impl ExportOptions {
    /// Defaults: CSV of programs; reminders 14 and 3 days before; closed tasks kept.
    pub fn new(format: Format) -> ExportOptions {
        ExportOptions {
            format,
            table: sheet::Table::default(),
            open_only: false,
            alarm_days: ics::DEFAULT_ALARM_DAYS.to_vec(),
        }
    }

    /// The file name this export gets when the user names none.
    pub fn default_file_name(&self, today: NaiveDate) -> String {
        default_file_name(self.format, self.table, today)
    }
}

/// The file name an export gets when the user names none, e.g. `imgplan-summary-2026-11-25.md`
/// or `imgplan-programs-2026-11-25.csv`. A calendar has no date in its name: importing a newer
/// one is meant to update the same events.
pub fn default_file_name(format: Format, table: sheet::Table, today: NaiveDate) -> String {
    match format {
        Format::Calendar => "imgplan-deadlines.ics".to_owned(),
        Format::Csv => format!("imgplan-{}-{today}.csv", table.key()),
        format => format!("imgplan-summary-{today}.{}", format.extension()),
    }
}

/// Why an export was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// RFC 5545 wants at least one event in a calendar; an empty file would be rejected.
    #[error(
        "nothing to put in a calendar: no open task has a date and no interview or rotation is \
         logged{}",
        if *.open_only { " (drop --open-only / \"only open tasks\" to include closed tasks)" } else { "" }
    )]
    EmptyCalendar { open_only: bool },
}

/// The export's text in the chosen format. `stamp` is the export time (UTC), written into a
/// calendar's DTSTAMP and LAST-MODIFIED; callers pass midnight of a fixed `--today` so output
/// can be reproduced.
pub fn render(
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    options: &ExportOptions,
    stamp: chrono::NaiveDateTime,
) -> Result<String, ExportError> {
    Ok(match options.format {
        Format::Text => text_summary(template, plan, snapshot),
        Format::Markdown => markdown::markdown_summary(template, plan, snapshot),
        Format::Calendar => ics::calendar(template, plan, snapshot, options, stamp)?,
        Format::Csv => sheet::csv(options.table, template, plan, snapshot, options.open_only),
        Format::Json => json_summary(template, plan, snapshot),
    })
}

/// The plain-text plan summary.
pub fn text_summary(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let title = "imgplan: plan summary";
    let today = format!("today {}", snapshot.today);
    let _ = writeln!(out, "{}{}", pad(title, TEXT_WIDTH - today.len()), today);
    out.push_str(&"=".repeat(TEXT_WIDTH));
    out.push('\n');

    write_profile(&mut out, plan, snapshot);
    write_season(&mut out, template, snapshot);
    write_progress(&mut out, snapshot);
    write_deadlines(&mut out, "Overdue", &snapshot.overdue, snapshot, usize::MAX);
    write_deadlines(
        &mut out,
        "Next deadlines",
        &snapshot.upcoming,
        snapshot,
        UPCOMING_SHOWN,
    );
    write_warnings(&mut out, &snapshot.warnings);
    write_tasks(&mut out, template, snapshot);
    heading(&mut out, "Visa");
    out.push_str(&trackers::visa_implications(template, plan, snapshot));
    out.push_str("  The J-1 versus H-1B comparison with its sources: `imgplan visa`.\n");
    heading(&mut out, "US clinical experience and letters");
    out.push_str(&trackers::usce_log(plan, snapshot));
    heading(&mut out, &format!("Programs ({})", plan.programs.len()));
    if plan.programs.is_empty() {
        out.push_str("  (no programs yet)\n");
    } else {
        let all: Vec<&crate::programs::Program> = plan.programs.iter().collect();
        out.push_str(&trackers::programs_table(&all, plan.profile.visa));
        out.push('\n');
        out.push_str(&trackers::cost_lines(template, plan, snapshot.today));
    }
    heading(&mut out, "Rank order list");
    out.push_str(&trackers::rank_list(plan, snapshot));
    write_facts(&mut out, template, snapshot.today);
    write_sources(&mut out, template, snapshot);
    out
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n{text}\n{}", "-".repeat(crate::text::width(text)));
}

/// The profile as labelled rows for the summaries; `None` where the user has set nothing. Values
/// are clean single lines; each format adds its own "not set" and markup.
pub fn profile_rows(plan: &Plan, snapshot: &Snapshot) -> Vec<(&'static str, Option<String>)> {
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

fn write_profile(out: &mut String, plan: &Plan, snapshot: &Snapshot) {
    heading(out, "Profile");
    for (label, value) in profile_rows(plan, snapshot) {
        let value = value.unwrap_or_else(|| "(not set)".to_owned());
        let _ = writeln!(out, "  {}{}", pad(&format!("{label}:"), 15), value);
    }
}

fn write_season(out: &mut String, template: &Template, snapshot: &Snapshot) {
    heading(
        out,
        &format!("Season dates ({} Match)", snapshot.calendar.match_year),
    );
    for (anchor, dated) in snapshot.calendar.season_dates() {
        let label = dated.label();
        let name = truncate(template.anchor_title(anchor), TEXT_WIDTH - 16 - label.len());
        let _ = writeln!(
            out,
            "  {}  {}{}",
            dated.date,
            pad(&name, TEXT_WIDTH - 16 - label.len()),
            label
        );
    }
}

fn write_progress(out: &mut String, snapshot: &Snapshot) {
    heading(out, "Progress");
    for stage in &snapshot.progress {
        let _ = writeln!(
            out,
            "  {} {} {:>3}/{:<3} {:>3} %",
            pad(&truncate(&stage.title, 40), 40),
            bar(stage.percent(), 20),
            stage.done + stage.skipped,
            stage.total,
            stage.percent()
        );
    }
    let (closed, total) = snapshot.totals();
    let percent = snapshot.overall_percent();
    let _ = writeln!(
        out,
        "  {} {} {:>3}/{:<3} {:>3} %",
        pad("All stages", 40),
        " ".repeat(22),
        closed,
        total,
        percent
    );
}

fn write_deadlines(
    out: &mut String,
    title: &str,
    deadlines: &[Deadline],
    snapshot: &Snapshot,
    limit: usize,
) {
    heading(out, title);
    if deadlines.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    for deadline in deadlines.iter().take(limit) {
        let name = snapshot
            .task(&deadline.task)
            .map_or_else(|| deadline.task.clone(), |t| clean_line(&t.title));
        let when = countdown(deadline.days);
        let room = TEXT_WIDTH - 2 - 10 - 2 - 2 - when.len();
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            deadline.date,
            pad(&truncate(&name, room), room),
            when
        );
    }
    if deadlines.len() > limit {
        let _ = writeln!(out, "  … and {} more", deadlines.len() - limit);
    }
}

fn write_warnings(out: &mut String, warnings: &[Warning]) {
    heading(out, "Warnings");
    if warnings.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    for warning in warnings {
        let lines = wrap(&clean_line(&warning.message), TEXT_WIDTH - 4);
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 { "  ! " } else { "    " };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
}

fn write_tasks(out: &mut String, template: &Template, snapshot: &Snapshot) {
    // One date column for the whole list, as wide as its longest label; titles that do not fit
    // beside it wrap onto the next lines rather than being cut.
    let date_width = snapshot
        .tasks
        .iter()
        .filter_map(|task| task.due.as_ref())
        .map(|due| 12 + due.label().len())
        .max()
        .unwrap_or(0);
    let room = TEXT_WIDTH - 6 - date_width - 1;
    for stage in &template.stages {
        heading(out, &stage.title);
        let mut any = false;
        for task in snapshot.stage_tasks(&stage.id) {
            any = true;
            let marker = if task.is_overdue(snapshot.today) {
                "! "
            } else {
                "  "
            };
            let date = task
                .due
                .as_ref()
                .map_or_else(String::new, |due| format!("{}  {}", due.date, due.label()));
            let title = wrap(&clean_line(&task.title), room);
            let first = title.first().map_or("", String::as_str);
            let _ = writeln!(
                out,
                "{marker}{} {} {}",
                task.status.checkbox(),
                pad(first, room),
                date
            );
            trim_line_end(out);
            for more in title.iter().skip(1) {
                let _ = writeln!(out, "      {more}");
            }
            if let Some(mark) = snapshot
                .task_freshness(template, task)
                .and_then(|f| f.mark())
            {
                let _ = writeln!(out, "      sources {mark}");
            }
            if let Some(note) = task
                .note
                .as_deref()
                .map(clean_line)
                .filter(|n| !n.is_empty())
            {
                for line in wrap(&format!("note: {note}"), TEXT_WIDTH - 6) {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
        if !any {
            out.push_str("  (no tasks for this visa choice)\n");
        }
    }
}

/// Removes spaces padded before the newline that was just written.
fn trim_line_end(out: &mut String) {
    if out.ends_with('\n') {
        out.pop();
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
}

fn write_facts(out: &mut String, template: &Template, today: NaiveDate) {
    if template.facts.is_empty() {
        return;
    }
    heading(out, "Facts and figures");
    for fact in &template.facts {
        let flag = if fact.verified { "" } else { " [UNVERIFIED]" };
        let line = format!(
            "{}: {}{flag} ({}; source: {}){}",
            fact.label,
            fact.value,
            fact.season,
            fact.sources.join(", "),
            stale_mark(template, &fact.sources, today)
        );
        for (i, part) in wrap(&line, TEXT_WIDTH - 4).iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let _ = writeln!(out, "{lead}{part}");
        }
        if let Some(note) = &fact.note {
            for part in wrap(note, TEXT_WIDTH - 4) {
                let _ = writeln!(out, "    {part}");
            }
        }
    }
}

fn write_sources(out: &mut String, template: &Template, snapshot: &Snapshot) {
    heading(out, "Sources");
    for source in cited_sources(template, snapshot) {
        let line = format!(
            "[{}] {}: {} ({}; {})",
            source.id,
            source.publisher,
            source.title,
            source.season,
            source_status(template, source, snapshot.today)
        );
        for (i, part) in wrap(&line, TEXT_WIDTH - 4).iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let _ = writeln!(out, "{lead}{part}");
        }
        // An address stays whole, even past 80 columns, so it can be copied.
        let _ = writeln!(out, "    {}", clean_line(&source.url));
    }
    let closing = format!(
        "{}. Dates marked \"estimated\" follow the pattern of past seasons, and \"planned\" dates count from them: confirm them when the season's calendar is published.",
        snapshot.freshness.line()
    );
    let _ = writeln!(out);
    for part in wrap(&closing, TEXT_WIDTH) {
        let _ = writeln!(out, "{part}");
    }
}

/// The sources the summary relies on: those of its tasks and of every other fact, date, fee,
/// check and situation rule the template holds, in template order.
pub fn cited_sources<'a>(template: &'a Template, snapshot: &Snapshot) -> Vec<&'a Source> {
    let cited: BTreeSet<&str> = template
        .citations()
        .into_iter()
        .filter(|(citation, _)| match citation {
            Citation::Task(id) => snapshot.task(id).is_some(),
            _ => true,
        })
        .flat_map(|(_, ids)| ids.iter().map(String::as_str))
        .collect();
    template
        .sources
        .iter()
        .filter(|s| cited.contains(s.id.as_str()))
        .collect()
}

/// The JSON export. Its shape is documented in the README ("JSON export").
#[derive(Debug, Serialize)]
pub struct JsonExport<'a> {
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
    pub rank_order: Vec<u32>,
    pub cost_estimate: Option<crate::programs::CostEstimate>,
    pub facts: Vec<Checked<'a, crate::journey::Fact>>,
    /// Entry restrictions and the H-1B payment as they concern this profile.
    pub situation: Vec<Checked<'a, crate::situation::SituationNote>>,
    pub freshness: JsonFreshness,
    pub sources: Vec<JsonSource<'a>>,
}

/// An item with the check date of its sources and whether they are due for a re-check.
#[derive(Debug, Serialize)]
pub struct Checked<'a, T: Serialize> {
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
pub struct JsonFreshness {
    pub checked_up_to: Option<NaiveDate>,
    /// Facts on this plan's path older than their re-check interval.
    pub stale_on_path: usize,
}

/// A source with its age on the export's `today`.
#[derive(Debug, Serialize)]
pub struct JsonSource<'a> {
    #[serde(flatten)]
    pub source: &'a Source,
    pub months_since_check: u32,
    /// Older than its re-check interval: confirm it.
    pub recheck: bool,
}

#[derive(Debug, Serialize)]
pub struct JsonProfile {
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
pub struct JsonSeason {
    pub match_year: i32,
    pub dates: Vec<JsonSeasonDate>,
}

#[derive(Debug, Serialize)]
pub struct JsonSeasonDate {
    pub anchor: Anchor,
    pub title: String,
    pub date: NaiveDate,
    pub origin: DateOrigin,
    pub source: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct JsonProgress<'a> {
    #[serde(flatten)]
    pub stage: &'a StageProgress,
    pub percent: u8,
}

#[derive(Debug, Serialize)]
pub struct JsonDeadline {
    pub task: String,
    pub title: String,
    pub date: NaiveDate,
    pub days: i64,
}

#[derive(Debug, Serialize)]
pub struct JsonTask {
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
}

#[derive(Debug, Serialize)]
pub struct JsonVisa<'a> {
    pub choice: crate::journey::VisaChoice,
    pub implications: Vec<crate::visa::Implication>,
    pub comparison: &'a crate::journey::VisaComparison,
}

#[derive(Debug, Serialize)]
pub struct JsonUsce<'a> {
    pub summary: crate::usce::UsceSummary,
    pub rotations: &'a [crate::usce::Rotation],
}

#[derive(Debug, Serialize)]
pub struct JsonProgram<'a> {
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
                task: d.task.clone(),
                title: title_of(&d.task),
                date: d.date,
                days: d.days,
            })
            .collect()
    };
    let profile = &plan.profile;
    let rank_list: Vec<u32> = plan.rank_list().iter().map(|p| p.id).collect();
    let export = JsonExport {
        imgplan_version: env!("CARGO_PKG_VERSION"),
        plan_version: plan.version,
        today: snapshot.today,
        profile: JsonProfile {
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
        },
        season: JsonSeason {
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
        },
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
        tasks: snapshot
            .tasks
            .iter()
            .map(|task| (task, snapshot.task_freshness(template, task)))
            .map(|(task, freshness)| JsonTask {
                id: task.id.clone(),
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
            })
            .collect(),
        visa: JsonVisa {
            choice: profile.visa,
            implications: crate::visa::implications(template, snapshot, profile.visa),
            comparison: &template.visa_comparison,
        },
        usce: JsonUsce {
            summary: snapshot.usce,
            rotations: &plan.rotations,
        },
        programs: plan
            .programs
            .iter()
            .map(|program| JsonProgram {
                program,
                visa_fit: program.fit(profile.visa),
                rank: rank_list
                    .iter()
                    .position(|id| *id == program.id)
                    .map(|i| i + 1),
            })
            .collect(),
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
        sources: template
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
            .collect(),
    };
    let mut json = serde_json::to_string_pretty(&export).unwrap_or_else(|err| {
        // Serialising these plain structs cannot fail; say so in JSON rather than panic.
        format!("{{\"error\": {:?}}}", err.to_string())
    });
    json = crate::text::escape_unsafe_in_json(&json);
    json.push('\n');
    json
}
