//! Exports of a plan: a text summary that reads well at 80 columns, Markdown, an iCalendar file,
//! CSV tables and JSON for scripts.
//!
//! Each is a pure function of a [`Snapshot`] ([`render`] picks one from [`ExportOptions`]);
//! writing it to a file is the caller's job (through [`crate::storage::write_atomic`], never over
//! the plan file). Every piece of user text is cleaned again on the way out, so an export can be
//! `cat`-ed safely.

use crate::wording::{bar, source_status, stale_mark};
use std::collections::BTreeSet;
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::insights::Snapshot;
use crate::journey::{Citation, Source, Template};
use crate::plan::Plan;
use crate::text::{clean_line, pad, truncate, wrap};

pub mod budget;
pub mod ics;
pub mod json;
pub mod letters;
pub mod markdown;
pub mod practice;
pub mod sheet;
pub mod summary;
pub mod trackers;
pub mod writer;

pub use json::json_summary;

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

    let summary = summary::Summary::of(template, plan, snapshot);
    write_profile(&mut out, &summary);
    write_season(&mut out, template, snapshot);
    write_progress(&mut out, &summary);
    write_deadlines(&mut out, "Overdue", &summary.overdue, usize::MAX);
    if !summary.start_now.is_empty() {
        write_deadlines(&mut out, "Start now", &summary.start_now, usize::MAX);
    }
    write_deadlines(
        &mut out,
        "Next deadlines",
        &summary.upcoming,
        UPCOMING_SHOWN,
    );
    write_warnings(&mut out, &summary.warnings);
    write_tasks(&mut out, template, snapshot);
    heading(&mut out, "Visa");
    out.push_str(&trackers::visa_implications(template, plan, snapshot));
    out.push_str("  The J-1 versus H-1B comparison with its sources: `imgplan visa`.\n");
    heading(&mut out, "US clinical experience and letters");
    out.push_str(&trackers::usce_log(plan, snapshot));
    heading(&mut out, "Letters");
    out.push_str(&letters::letters_text(template, plan, Some(TEXT_WIDTH)));
    heading(&mut out, "Step 2 CK practice");
    out.push_str(&practice::practice_text(template, plan, snapshot));
    heading(&mut out, &format!("Programs ({})", plan.programs.len()));
    if plan.programs.is_empty() {
        out.push_str("  (no programs yet)\n");
    } else {
        let all: Vec<&crate::programs::Program> = plan.programs.iter().collect();
        out.push_str(&trackers::programs_table(
            &all,
            plan.profile.visa,
            Some(TEXT_WIDTH),
        ));
        out.push('\n');
        out.push_str(&trackers::cost_lines(template, plan, snapshot.today));
    }
    heading(&mut out, "Rank order list");
    out.push_str(&trackers::rank_list(plan, snapshot));
    heading(&mut out, "Budget");
    out.push_str(&budget::budget_text(
        template,
        &crate::budget::compute(template, plan),
        Some(80),
    ));
    write_facts(&mut out, template, snapshot.today);
    write_sources(&mut out, template, snapshot);
    out
}

fn heading(out: &mut String, text: &str) {
    let _ = writeln!(out, "\n{text}\n{}", "-".repeat(crate::text::width(text)));
}

fn write_profile(out: &mut String, summary: &summary::Summary) {
    heading(out, "Profile");
    for (label, value) in &summary.profile {
        let value = value.as_deref().unwrap_or("(not set)");
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

fn write_progress(out: &mut String, summary: &summary::Summary) {
    heading(out, "Progress");
    for stage in &summary.stages {
        let _ = writeln!(
            out,
            "  {} {} {:>3}/{:<3} {:>3} %",
            pad(&truncate(stage.title, 40), 40),
            bar(stage.percent, 20),
            stage.closed,
            stage.total,
            stage.percent
        );
    }
    let _ = writeln!(
        out,
        "  {} {} {:>3}/{:<3} {:>3} %",
        pad("All stages", 40),
        " ".repeat(22),
        summary.closed,
        summary.total,
        summary.percent
    );
}

fn write_deadlines(out: &mut String, title: &str, deadlines: &[summary::Due], limit: usize) {
    heading(out, title);
    if deadlines.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    for due in deadlines.iter().take(limit) {
        let name = clean_line(due.title);
        let room = TEXT_WIDTH - 2 - 10 - 2 - 2 - due.when.len();
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            due.date,
            pad(&truncate(&name, room), room),
            due.when
        );
    }
    if deadlines.len() > limit {
        let _ = writeln!(out, "  … and {} more", deadlines.len() - limit);
    }
}

fn write_warnings(out: &mut String, warnings: &[summary::WarningLine]) {
    heading(out, "Warnings");
    if warnings.is_empty() {
        out.push_str("  (none)\n");
        return;
    }
    for warning in warnings {
        let lines = wrap(&clean_line(warning.message), TEXT_WIDTH - 4);
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
