//! What an import report says to the user, the same on the command line and in the planner:
//! the columns read and ignored, the warnings for what skipping invalid cells leaves out, and
//! the programs that would be added.

use super::{ImportReport, ImportedProgram};
use crate::programs::Program;
use crate::text::clean_line;

impl ImportReport {
    /// The columns read (with the header as written when it differs), the user's own columns
    /// kept and those ignored, one line each, or none when there are none to name.
    pub fn column_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if !self.matched_columns.is_empty() {
            let read: Vec<String> = self
                .matched_columns
                .iter()
                .map(|(header, column)| {
                    let header = clean_line(header);
                    if header == *column {
                        header
                    } else {
                        format!("{header:?} as {column}")
                    }
                })
                .collect();
            lines.push(format!("Read columns: {}", read.join(", ")));
        }
        if !self.kept_columns.is_empty() {
            let kept: Vec<String> = self.kept_columns.iter().map(|c| clean_line(c)).collect();
            lines.push(format!(
                "Kept as your own columns (shown in each program's details, exported back): {}",
                kept.join(", ")
            ));
        }
        if !self.ignored_columns.is_empty() {
            let ignored: Vec<String> = self.ignored_columns.iter().map(|c| clean_line(c)).collect();
            lines.push(format!("Ignored columns: {}", ignored.join(", ")));
        }
        lines
    }

    /// The rows left out whole (no program name, or a name over its limit).
    pub fn unread_rows(&self) -> usize {
        self.problems.len() - self.partly_read.len()
    }

    /// How many cells skipping invalid cells leaves empty.
    pub fn skipped_cells(&self) -> usize {
        self.partly_read.iter().map(|r| r.skipped_cells.len()).sum()
    }

    /// What skipping invalid cells does, one warning per cell left empty ("LINE: Interview
    /// \"2027-02-30\" is not a real date: …; left empty") and per row left out, in line order.
    pub fn skip_warnings(&self) -> Vec<String> {
        let mut warnings: Vec<(u64, String)> = Vec::new();
        for row in &self.partly_read {
            for cell in &row.skipped_cells {
                warnings.push((
                    row.line,
                    format!("{}: {}; left empty", row.line, clean_line(cell)),
                ));
            }
        }
        for problem in &self.problems {
            if !self.partly_read.iter().any(|r| r.line == problem.line) {
                let message = clean_line(&problem.message);
                warnings.push((
                    problem.line,
                    format!("{}: {message}; row left out", problem.line),
                ));
            }
        }
        warnings.sort_by_key(|(line, _)| *line);
        warnings.into_iter().map(|(_, text)| text).collect()
    }

    /// The rows to add, in file order: the rows read whole and, when invalid cells are
    /// skipped, the rows read in part.
    pub fn rows_to_add(&self, skip_invalid: bool) -> Vec<ImportedProgram> {
        let mut rows = self.programs.clone();
        if skip_invalid {
            rows.extend(self.partly_read.iter().map(|r| ImportedProgram {
                line: r.line,
                program: r.program.clone(),
            }));
            rows.sort_by_key(|r| r.line);
        }
        rows
    }

    /// The programs to add (see [`ImportReport::rows_to_add`]).
    pub fn programs_to_add(&self, skip_invalid: bool) -> Vec<Program> {
        self.rows_to_add(skip_invalid)
            .into_iter()
            .map(|r| r.program)
            .collect()
    }
}
