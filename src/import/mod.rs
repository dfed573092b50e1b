//! Reading residency programs from a spreadsheet's CSV.
//!
//! IMGs keep their program lists in spreadsheets long before they find this planner, and every
//! spreadsheet names its columns differently ("Program Name", "VISA sponsorship ", "ST"…). So the
//! importer is forgiving about headers and strict about values: a header it does not know is
//! listed and ignored, while a cell it cannot read makes that one row a [`RowProblem`] with its
//! line number, so the user can fix the spreadsheet instead of getting a silently wrong plan.
//!
//! Nothing here touches the plan: [`read_programs`] returns what the file held and the caller
//! decides what to add. The exporter writes [`PROGRAM_COLUMNS`] with [`program_row`], so an
//! exported file reads back as the same programs.
//!
//! The file comes from outside, so nothing in here may panic on it: no `unwrap` on its data, no
//! byte slicing of its text, sizes bounded by [`MAX_IMPORT_BYTES`] and [`MAX_IMPORT_ROWS`].

use std::fmt;

use csv::{ByteRecord, ReaderBuilder};

use crate::plan::{MAX_NOTE_CHARS, MAX_TITLE_CHARS, clean_field};
use crate::programs::{
    Program, ProgramStatus, Requirements, VisaStance, parse_nrmp_code, parse_state,
};
use crate::text::{clean_line, truncate};

mod cells;
mod columns;
mod report;
mod row;
mod strict;
mod tracking;

use crate::dates::read_date;
use cells::{clean_text, number, parse_service, parse_yes_no};
pub use columns::canonical_column;
use columns::{COLUMN_COUNT, Column};

pub use strict::{MAX_CELL_CHARS, MAX_COLUMNS};

/// The columns the exporter writes, in order; the importer reads them (and their synonyms) back.
/// The user's own columns ([`crate::programs::Program::extra`]) follow them in an export.
pub const PROGRAM_COLUMNS: [&str; COLUMN_COUNT] = [
    "Program",
    "State",
    "Specialty",
    "NRMP code",
    "Service",
    "Visa",
    "Min Step 2 CK",
    "Max years since graduation",
    "USCE months",
    "Step 3 before ranking",
    "Status",
    "Interview",
    "Note",
    "Priority",
    "Signal",
    "Applied",
    "Invite",
    "Interview format",
    "Thank-you sent",
    "Contact",
    "Fees paid",
];

/// Largest file read (10 MB): a program list is a few hundred rows; anything far bigger is the
/// wrong file, and reading it whole would only waste memory.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// Most data rows read, for the same reason (there are about 5,000 residency programs in all).
pub const MAX_IMPORT_ROWS: usize = 100_000;

/// How long a cell quoted back in a message may be, so one odd cell cannot flood the screen.
const QUOTED_CELL_CHARS: usize = 40;

/// One program read from a CSV row, with the row's line number.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedProgram {
    /// The line the row starts on (1-based; the header is line 1 unless blank lines precede it;
    /// blank lines and line breaks inside quoted cells are counted).
    pub line: u64,
    /// The program, with `id` 0: the plan gives ids when the program is added.
    pub program: Program,
}

/// A row that could not be read, and why (every problem of the row, joined with " · ").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The line the row starts on (1-based).
    pub line: u64,
    /// The problem in plain words, without the line number (see the `Display` impl for that).
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A row where some cells could not be read: the program without those cells (each left
/// empty) and a message per cell naming its column and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PartlyRead {
    /// The line the row starts on (1-based).
    pub line: u64,
    pub program: Program,
    pub skipped_cells: Vec<String>,
}

/// What a CSV file held.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    /// The rows that were read completely, in file order.
    pub programs: Vec<ImportedProgram>,
    /// The rows with a problem, in file order: a strict import adds none of the file if there
    /// is one.
    pub problems: Vec<RowProblem>,
    /// The rows of `problems` whose only problems are cells that can be left empty (a bad date,
    /// an unknown visa word): what skipping invalid cells adds, with a warning per cell. A row
    /// without a program name is never here.
    pub partly_read: Vec<PartlyRead>,
    /// Headers ignored, cleaned for display: a second column that means the same as an earlier
    /// one, e.g. "Notes (second Note column)".
    pub ignored_columns: Vec<String>,
    /// Headers the importer does not know, in file order: the user's own columns, kept on each
    /// program ([`Program::extra`]) and written back by the CSV export.
    pub kept_columns: Vec<String>,
    /// How the headers were understood: the header as written (cleaned) and the column it was
    /// read as, so a preview can show "Program Name → Program".
    pub matched_columns: Vec<(String, &'static str)>,
}

/// Why a CSV file could not be read at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is empty: it needs a header row naming the columns")]
    Empty,
    #[error("no column holds program names (found: {}); name one \"Program\"", .0.join(", "))]
    NoNameColumn(Vec<String>),
    #[error("line {line}: {message}")]
    Malformed { line: u64, message: String },
    #[error(
        "the file is {} MB; a program list is far smaller (at most {} MB are read): is it the right file?",
        .bytes.div_ceil(1024 * 1024), MAX_IMPORT_BYTES / (1024 * 1024)
    )]
    TooLarge { bytes: usize },
    #[error("the file has more than {limit} rows; split it into smaller files")]
    TooManyRows { limit: usize },
    #[error(
        "line {line}: the file holds {found}; save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\")"
    )]
    Encoding { line: u64, found: String },
    #[error("line {line}: {message}; nothing was added")]
    Quote { line: u64, message: String },
    #[error(
        "line {line} has {cells} cells but the header names {columns}: a separator too many, or a cell that needed quotes; nothing was added"
    )]
    TooManyCells {
        line: u64,
        cells: usize,
        columns: usize,
    },
    #[error(
        "line {line}: a cell of {chars} characters (at most {MAX_CELL_CHARS} are read): is a closing quote missing? Nothing was added"
    )]
    CellTooLong { line: u64, chars: usize },
    #[error(
        "the header has {columns} columns; at most {MAX_COLUMNS} are read: is it the right file?"
    )]
    TooManyColumns { columns: usize },
}

/// Writes one program as CSV cells in [`PROGRAM_COLUMNS`] order, for the exporter.
///
/// Values are written the way [`read_programs`] reads them back (visa code, status and service
/// labels, "yes" or empty for Step 3, ISO dates, plain numbers, empty for nothing). Text is
/// cleaned again on the way out, and a text cell starting with `=`, `+`, `-` or `@` gets a `'`
/// in front so a spreadsheet shows it instead of running it as a formula; the importer takes
/// that `'` off again.
pub fn program_row(program: &Program) -> [String; COLUMN_COUNT] {
    let text = |value: &str| guard_formula(clean_line(value));
    let optional = |value: &Option<String>| value.as_deref().map(text).unwrap_or_default();
    let number = |value: Option<u64>| value.map(|n| n.to_string()).unwrap_or_default();
    let day = |value: Option<chrono::NaiveDate>| {
        value
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let yes = |value: bool| {
        if value {
            "yes".to_owned()
        } else {
            String::new()
        }
    };
    let requirements = &program.requirements;
    [
        text(&program.name),
        optional(&program.state),
        optional(&program.specialty),
        optional(&program.nrmp_code),
        program.service.label().to_owned(),
        program.visa.code().to_owned(),
        number(requirements.min_step2_score.map(u64::from)),
        number(requirements.max_years_since_graduation.map(u64::from)),
        number(requirements.usce_months.map(u64::from)),
        yes(requirements.step3_before_rank),
        program.status.label().to_owned(),
        day(program.interview),
        optional(&program.note),
        number(program.priority.map(u64::from)),
        if program.signal.is_none() {
            String::new()
        } else {
            program.signal.label().to_owned()
        },
        day(program.applied),
        day(program.invited),
        program
            .interview_format
            .map(|f| f.label().to_owned())
            .unwrap_or_default(),
        yes(program.thank_you_sent),
        optional(&program.contact),
        number(program.fees_paid.map(u64::from)),
    ]
}

/// The user's own columns across programs, in name order: what follows [`PROGRAM_COLUMNS`] in
/// an export. Only columns with a value somewhere, so an export imported and exported again
/// has the same columns.
pub fn extra_columns(programs: &[Program]) -> Vec<String> {
    let mut names: Vec<String> = programs
        .iter()
        .flat_map(|p| p.extra.iter())
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, _)| name.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A program's cells for the user's own columns, in the order of `columns`.
pub fn extra_cells(program: &Program, columns: &[String]) -> Vec<String> {
    columns
        .iter()
        .map(|name| {
            program
                .extra
                .get(name)
                .map(|value| guard_formula(clean_line(value)))
                .unwrap_or_default()
        })
        .collect()
}

/// Characters that make a spreadsheet read a cell as a formula (CSV injection).
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

pub(crate) fn guard_formula(text: String) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text
    }
}

/// Undoes [`guard_formula`]: "'=x" → "=x"; any other `'` is the user's own and stays.
fn unguard_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => text,
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The field separator: a comma, unless the header line has none but has semicolons (what
/// spreadsheets write where the comma is the decimal mark) or tabs (a pasted TSV).
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes
        .split(|b| *b == b'\n')
        .find(|line| line.iter().any(|b| !b.is_ascii_whitespace()))
        .unwrap_or_default();
    if first_line.contains(&b',') {
        b','
    } else if first_line.contains(&b';') {
        b';'
    } else if first_line.contains(&b'\t') {
        b'\t'
    } else {
        b','
    }
}

/// Reads programs from CSV bytes (a whole file).
///
/// The first non-blank row names the columns; headers are matched forgivingly (see
/// [`canonical_column`]) and a "Program" column is required. Each later row becomes a program or,
/// if a cell cannot be read, a [`RowProblem`]; blank rows are skipped. A UTF-8 byte-order mark,
/// CRLF or LF line ends, RFC 4180 quoting and semicolon-separated files are all understood.
/// Only a file that cannot be read at all is an [`ImportError`].
pub fn read_programs(bytes: &[u8]) -> Result<ImportReport, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    strict::check_encoding(bytes)?;
    // csv-core drops a BOM too, but the delimiter is sniffed before it sees the bytes.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let delimiter = detect_delimiter(bytes);
    strict::check_quotes(bytes, delimiter)?;
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);

    let mut report = ImportReport::default();
    // Where each program field's cell is in a row, once the header is read.
    let mut positions: Option<Header> = None;
    // How many cells the header has.
    let mut columns = 0;
    let mut rows = 0usize;
    let mut record = ByteRecord::new();
    let mut lines = LineCounter::new(bytes);
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                return Err(ImportError::Malformed {
                    line: error.position().map_or(0, |p| p.line()),
                    message: clean_line(&error.to_string()),
                });
            }
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte()));
        if record.iter().all(|cell| cell.trim_ascii().is_empty()) {
            continue;
        }
        check_cell_lengths(&record, line)?;
        match &positions {
            None => {
                if record.len() > MAX_COLUMNS {
                    return Err(ImportError::TooManyColumns {
                        columns: record.len(),
                    });
                }
                columns = record.len();
                positions = Some(read_header(&record, &mut report)?);
            }
            Some(positions) => {
                check_cell_count(&record, line, columns)?;
                rows += 1;
                if rows > MAX_IMPORT_ROWS {
                    return Err(ImportError::TooManyRows {
                        limit: MAX_IMPORT_ROWS,
                    });
                }
                report.add_row(line, row::read_row(&record, positions));
            }
        }
    }
    if positions.is_none() {
        return Err(ImportError::Empty);
    }
    Ok(report)
}

/// Leaves a trace on a program whose bad cells an import leaves empty, so the value is not lost
/// silently to a user who skimmed the preview: its note gets `Import: Interview "2027-02-30" is
/// not a real date: February 2027 has 28 days; left empty`, after the row's own note. When the
/// note would grow past its limit the trace is left off (the preview and `--skip-invalid`
/// warnings still name the cell); the user's own note is never cut.
fn note_left_out_cells(program: &mut Program, bad_cells: &[String]) {
    let trace: Vec<String> = bad_cells
        .iter()
        .map(|cell| format!("Import: {}; left empty", clean_line(cell)))
        .collect();
    let trace = trace.join(" · ");
    let note = match program.note.as_deref() {
        Some(own) if !own.trim().is_empty() => format!("{own} · {trace}"),
        _ => trace,
    };
    if note.chars().count() <= crate::plan::MAX_NOTE_CHARS {
        program.note = Some(note);
    }
}

impl ImportReport {
    /// Files one row where it belongs: read whole, read in part, or not read.
    fn add_row(&mut self, line: u64, read: Result<row::ReadRow, Vec<String>>) {
        match read {
            Ok(row) if row.bad_cells.is_empty() => self.programs.push(ImportedProgram {
                line,
                program: row.program,
            }),
            Ok(row) => {
                self.problems.push(RowProblem {
                    line,
                    message: row.bad_cells.join(" · "),
                });
                let mut program = row.program;
                note_left_out_cells(&mut program, &row.bad_cells);
                self.partly_read.push(PartlyRead {
                    line,
                    program,
                    skipped_cells: row.bad_cells,
                });
            }
            Err(problems) => self.problems.push(RowProblem {
                line,
                message: problems.join(" · "),
            }),
        }
    }
}

/// Refuses a record with a cell longer than any program field needs.
fn check_cell_lengths(record: &ByteRecord, line: u64) -> Result<(), ImportError> {
    match record
        .iter()
        .map(|cell| String::from_utf8_lossy(cell).chars().count())
        .find(|chars| *chars > MAX_CELL_CHARS)
    {
        Some(chars) => Err(ImportError::CellTooLong { line, chars }),
        None => Ok(()),
    }
}

/// Cells past the header's columns are allowed only when empty (spreadsheets write trailing
/// separators); a filled one means the row is split wrong.
fn check_cell_count(record: &ByteRecord, line: u64, columns: usize) -> Result<(), ImportError> {
    let cells = record
        .iter()
        .rposition(|cell| !cell.trim_ascii().is_empty())
        .map_or(0, |last| last + 1);
    if cells > columns {
        return Err(ImportError::TooManyCells {
            line,
            cells,
            columns,
        });
    }
    Ok(())
}

/// Turns a record's byte offset into the line it starts on.
///
/// The `csv` crate's own line numbers are off by one after a CRLF and skip blank lines, and its
/// byte offset can point at the end of the previous line, so the lines are counted here: the
/// record starts at the first byte from its offset that is not a line break (a record cannot
/// start with one: that would be an empty line, which is skipped). CRLF, LF and a lone CR each
/// end one line. Offsets only grow, so counting goes on from the last record: linear in all.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Bytes counted so far, and the line the next byte is on.
    counted: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for index in self.counted..start {
            match self.bytes.get(index) {
                Some(b'\n') => self.line += 1,
                Some(b'\r') if self.bytes.get(index + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
        }
        self.counted = self.counted.max(start);
        self.line
    }
}

/// Where each known field's cell is in a row, and the user's own columns (cell index, header).
pub(super) struct Header {
    pub positions: [Option<usize>; COLUMN_COUNT],
    pub own: Vec<(usize, String)>,
}

/// Works out which cell holds which field; fills the report's column lists. A header the
/// importer does not know is the user's own column, kept on each program; a second column for
/// the same field (or a second own column of the same name) is ignored.
fn read_header(record: &ByteRecord, report: &mut ImportReport) -> Result<Header, ImportError> {
    let mut header = Header {
        positions: [None; COLUMN_COUNT],
        own: Vec::new(),
    };
    let mut found = Vec::new();
    for (index, cell) in record.iter().enumerate() {
        // A header that is not UTF-8 can still be shown (with U+FFFD) and still be kept.
        // Escape sequences go whole, as in cells, so a header is a clean key to keep a column by.
        let name = clean_field(
            &cells::strip_escape_sequences(unguard_formula(&String::from_utf8_lossy(cell))),
            MAX_TITLE_CHARS,
        );
        if name.is_empty() {
            // Spreadsheets often export trailing empty columns; they say nothing.
            continue;
        }
        found.push(name.clone());
        match Column::for_header(&name) {
            Some(column) if header.positions[column as usize].is_none() => {
                header.positions[column as usize] = Some(index);
                report.matched_columns.push((name, column.title()));
            }
            Some(column) => report
                .ignored_columns
                .push(format!("{name} (second {} column)", column.title())),
            None if header.own.iter().any(|(_, own)| *own == name) => report
                .ignored_columns
                .push(format!("{name} (second column of that name)")),
            None => {
                report.kept_columns.push(name.clone());
                header.own.push((index, name));
            }
        }
    }
    if header.positions[Column::Name as usize].is_none() {
        return Err(ImportError::NoNameColumn(found));
    }
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::cells::{parse_number, strip_escape_sequences};
    use super::*;

    #[test]
    fn headers_fold_case_spaces_and_punctuation() {
        for (header, column) in [
            (" VISA sponsorship ", "Visa"),
            ("program_name", "Program"),
            ("Step2 CK cutoff", "Min Step 2 CK"),
            ("USCE required (months)", "USCE months"),
            ("Minimum Step 2 CK score", "Min Step 2 CK"),
            ("max-years-since-graduation", "Max years since graduation"),
            ("NRMP ID", "NRMP code"),
            ("Applied via", "Service"),
        ] {
            assert_eq!(canonical_column(header), Some(column), "{header:?}");
        }
        assert_eq!(canonical_column("Website"), None);
        assert_eq!(canonical_column("  "), None);
        for (index, title) in PROGRAM_COLUMNS.iter().enumerate() {
            assert_eq!(Column::ALL[index].title(), *title);
            assert_eq!(canonical_column(title), Some(*title));
        }
    }

    #[test]
    fn numbers_allow_signs_and_spaces_only() {
        assert_eq!(parse_number(" 230 "), Ok(Some(230)));
        assert_eq!(parse_number("230+"), Ok(Some(230)));
        assert_eq!(parse_number("≥230"), Ok(Some(230)));
        assert_eq!(parse_number(">= 230"), Ok(Some(230)));
        assert_eq!(parse_number("n/a"), Ok(None));
        assert_eq!(parse_number(""), Ok(None));
        assert_eq!(parse_number("+230"), Err(()));
        assert_eq!(parse_number("two"), Err(()));
        assert_eq!(parse_number("23 0"), Err(()));
        assert_eq!(parse_number("99999999999999999999999"), Err(()));
        let mut problems = Vec::new();
        assert_eq!(number::<u8>(Column::MaxYears, "300", &mut problems), None);
        assert_eq!(
            problems,
            ["Max years since graduation \"300\" is too large"]
        );
    }

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(strip_escape_sequences("\u{1b}[31mRed\u{1b}[0m"), "Red");
        assert_eq!(strip_escape_sequences("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(strip_escape_sequences("a\u{9b}2Jb"), "ab");
        assert_eq!(strip_escape_sequences("tail\u{1b}"), "tail");
        assert_eq!(clean_text("  x\u{1b}[1;2H\u{7}y  "), "xy");
    }

    #[test]
    fn delimiter_is_sniffed_from_the_header_line() {
        assert_eq!(detect_delimiter(b"Program;State\na,b;c"), b';');
        assert_eq!(detect_delimiter(b"\n\nProgram\tState\n"), b'\t');
        assert_eq!(detect_delimiter(b"Program,State;x\n"), b',');
        assert_eq!(detect_delimiter(b""), b',');
    }

    fn lines_of(bytes: &[u8]) -> Vec<u64> {
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes);
        let mut lines = LineCounter::new(bytes);
        let mut record = ByteRecord::new();
        let mut out = Vec::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            out.push(lines.line_at(record.position().map_or(0, |p| p.byte())));
        }
        out
    }

    #[test]
    fn records_get_the_line_they_start_on() {
        assert_eq!(lines_of(b"h\r\na,\"x\r\ny\"\r\nb\r\n"), [1, 2, 4]);
        assert_eq!(lines_of(b"h\na\nb\n\nc\n\r\n\n d\n"), [1, 2, 3, 5, 8]);
        assert_eq!(lines_of(b"h\ra\rb\r"), [1, 2, 3]);
        assert_eq!(lines_of(b"\n\nh\n,\n\"q\"\n"), [3, 4, 5]);
    }

    #[test]
    fn formula_guard_round_trips() {
        assert_eq!(guard_formula("=1+1".to_owned()), "'=1+1");
        assert_eq!(unguard_formula("'=1+1"), "=1+1");
        assert_eq!(unguard_formula("'quoted'"), "'quoted'");
    }
}
