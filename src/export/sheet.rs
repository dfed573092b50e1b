//! Spreadsheet exports (CSV, RFC 4180): the programs, the USCE log or the task list.
//!
//! The programs table uses exactly the columns `imgplan import programs` reads
//! ([`crate::import::PROGRAM_COLUMNS`]), so exporting and importing again gives back the same
//! programs. Quoting follows RFC 4180 (only where needed), records end in CRLF, the file is UTF-8
//! without a byte-order mark, text is cleaned of control characters, and a text cell that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`) starts with `'`.

use crate::import::{PROGRAM_COLUMNS, extra_cells, extra_columns, guard_formula, program_row};
use crate::insights::Snapshot;
use crate::journey::Template;
use crate::plan::Plan;
use crate::text::clean_line;

/// Which table a CSV export holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Table {
    #[default]
    Programs,
    Usce,
    Tasks,
    /// Every cost of the journey: planned and paid.
    Budget,
    /// Letters of the user's own.
    Letters,
}

impl Table {
    pub(crate) const ALL: [Table; 5] = [
        Table::Programs,
        Table::Usce,
        Table::Tasks,
        Table::Budget,
        Table::Letters,
    ];

    /// The word used on the command line (`--what`) and in file names.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Table::Programs => "programs",
            Table::Usce => "usce",
            Table::Tasks => "tasks",
            Table::Budget => "budget",
            Table::Letters => "letters",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Table::Programs => "programs",
            Table::Usce => "USCE rotations",
            Table::Tasks => "tasks",
            Table::Budget => "budget",
            Table::Letters => "letters",
        }
    }
}

/// Columns of the USCE table.
pub(crate) const ROTATION_COLUMNS: [&str; 10] = [
    "Kind",
    "Institution",
    "Specialty",
    "Start",
    "End",
    "Days",
    "Hands-on",
    "Supervisor",
    "Letter",
    "Note",
];

/// Columns of the task table.
pub(crate) const TASK_COLUMNS: [&str; 10] = [
    "Task id",
    "Stage",
    "Task",
    "State",
    "Due",
    "Date origin",
    "Done on",
    "Note",
    "Why",
    "Sources",
];

/// The table as CSV text. `open_only` leaves done and skipped tasks out of the task table.
pub(crate) fn csv(
    table: Table,
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    open_only: bool,
) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    match table {
        Table::Programs => {
            // Her own columns follow the known ones, so they come back on import.
            let own = extra_columns(&plan.programs);
            let mut header: Vec<String> = PROGRAM_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
            header.extend(own.iter().map(|name| cell(name)));
            rows.push(header);
            rows.extend(plan.programs.iter().map(|p| {
                let mut row = program_row(p).to_vec();
                row.extend(extra_cells(p, &own));
                row
            }));
        }
        Table::Usce => {
            rows.push(ROTATION_COLUMNS.iter().map(|c| (*c).to_owned()).collect());
            for r in &plan.rotations {
                rows.push(vec![
                    r.kind.label().to_owned(),
                    cell(&r.institution),
                    optional(r.specialty.as_deref()),
                    r.start.to_string(),
                    r.end.to_string(),
                    r.days().to_string(),
                    if r.hands_on { "yes" } else { "no" }.to_owned(),
                    optional(r.supervisor.as_deref()),
                    r.letter.label().to_owned(),
                    optional(r.note.as_deref()),
                ]);
            }
        }
        Table::Tasks => {
            rows.push(TASK_COLUMNS.iter().map(|c| (*c).to_owned()).collect());
            for task in &snapshot.tasks {
                if open_only && task.status.is_closed() {
                    continue;
                }
                let stage = template
                    .stage(&task.stage)
                    .map_or_else(|| task.stage.clone(), |s| s.title.clone());
                rows.push(vec![
                    cell(&task.id),
                    cell(&stage),
                    cell(&task.title),
                    task.status.label().to_owned(),
                    task.due
                        .as_ref()
                        .map(|d| d.date.to_string())
                        .unwrap_or_default(),
                    task.due.as_ref().map(|d| d.label()).unwrap_or_default(),
                    task.done_on.map(|d| d.to_string()).unwrap_or_default(),
                    optional(task.note.as_deref()),
                    cell(&task.why),
                    task.sources.join(" "),
                ]);
            }
        }
        Table::Letters => {
            rows.extend(
                super::letters::letter_rows(plan)
                    .into_iter()
                    .map(|row| row.iter().map(|c| cell(c)).collect()),
            );
        }
        Table::Budget => {
            let view = crate::budget::compute(template, plan);
            rows.extend(
                super::budget::budget_rows(template, &view)
                    .into_iter()
                    .map(|row| row.iter().map(|c| cell(c)).collect()),
            );
        }
    }
    write(&rows)
}

fn cell(text: &str) -> String {
    guard_formula(clean_line(text))
}

fn optional(text: Option<&str>) -> String {
    text.map(cell).unwrap_or_default()
}

/// RFC 4180 records: quotes only where needed, CRLF line ends.
fn write(rows: &[Vec<String>]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail short of running out of it.
        let _ = writer.write_record(row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell is a Rust string, so the bytes are UTF-8.
    String::from_utf8(bytes).unwrap_or_default()
}
