//! One CSV row read into a program: each cell by its column, every problem named.

use super::*;

/// A cell quoted in a message: one clean line, cut short.
pub(super) fn quoted(cell: &str) -> String {
    format!("{:?}", truncate(&clean_line(cell), QUOTED_CELL_CHARS))
}

/// A row read into a program, with the cells that could not be read (each left empty in the
/// program, its message naming the column and why).
pub(super) struct ReadRow {
    pub program: Program,
    pub bad_cells: Vec<String>,
}

/// Reads one data row into a program. A cell that cannot be read is left empty and named in
/// [`ReadRow::bad_cells`]; a row that cannot be a program at all (no name, or a name over its
/// limit) is an error with everything wrong with it.
pub(super) fn read_row(record: &ByteRecord, header: &Header) -> Result<ReadRow, Vec<String>> {
    let mut problems = Vec::new();
    let cells = Cells::read(record, header, &mut problems);
    let cell = |column: Column| cells.known[column as usize].as_str();
    let specialty = limited(
        Column::Specialty,
        cell(Column::Specialty),
        MAX_TITLE_CHARS,
        &mut problems,
    );
    let note = limited(
        Column::Note,
        cell(Column::Note),
        MAX_NOTE_CHARS,
        &mut problems,
    );
    // Without a name (or with one over its limit) there is no program: the row cannot be read.
    let before_name = problems.len();
    let name = limited(
        Column::Name,
        cell(Column::Name),
        MAX_TITLE_CHARS,
        &mut problems,
    );
    if name.is_empty() {
        problems.push("no program name".to_owned());
    }
    let row_cannot_be_read = problems.len() > before_name;
    let (state, nrmp_code) =
        state_and_code(cell(Column::State), cell(Column::NrmpCode), &mut problems);
    let (visa, status) = visa_and_status(cell(Column::Visa), cell(Column::Status), &mut problems);
    let requirements = requirements(
        cell(Column::MinStep2),
        cell(Column::MaxYears),
        cell(Column::UsceMonths),
        cell(Column::Step3),
        &mut problems,
    );
    let interview = date_cell(Column::Interview, cell(Column::Interview), &mut problems);
    let mut program = Program {
        id: Default::default(), // numbered by the plan when it is added
        name,
        state,
        specialty: (!specialty.is_empty()).then_some(specialty),
        nrmp_code,
        service: parse_service(cell(Column::Service)),
        visa,
        requirements,
        status,
        interview,
        note: (!note.is_empty()).then_some(note),
        ..Program::default()
    };
    tracking::read_tracking(&mut program, &cell, &mut problems);
    program.extra = cells.own;
    if row_cannot_be_read {
        return Err(problems);
    }
    Ok(ReadRow {
        program,
        bad_cells: problems,
    })
}

/// A row's cells: the known columns' trimmed text ("" when the column or cell is missing or not
/// UTF-8) and the user's own columns that hold something.
struct Cells {
    known: Vec<String>,
    own: std::collections::BTreeMap<String, String>,
}

impl Cells {
    fn read(record: &ByteRecord, header: &Header, problems: &mut Vec<String>) -> Cells {
        let mut text = |index: Option<usize>, name: &str| -> String {
            let Some(bytes) = index.and_then(|index| record.get(index)) else {
                return String::new();
            };
            match std::str::from_utf8(bytes) {
                Ok(text) => unguard_formula(text.trim()).to_owned(),
                Err(_) => {
                    problems.push(format!(
                        "{} holds bytes that are not UTF-8 text; save the spreadsheet as CSV UTF-8",
                        clean_line(name)
                    ));
                    String::new()
                }
            }
        };
        let known = Column::ALL
            .iter()
            .map(|column| text(header.positions[*column as usize], column.title()))
            .collect();
        let raw: Vec<(&String, String)> = header
            .own
            .iter()
            .map(|(index, name)| (name, text(Some(*index), name)))
            .collect();
        let mut own = std::collections::BTreeMap::new();
        for (name, value) in raw {
            let value = clean_text(&value);
            if value.chars().count() > MAX_NOTE_CHARS {
                problems.push(format!(
                    "{} is over the limit of {MAX_NOTE_CHARS} characters",
                    clean_line(name)
                ));
            } else if !value.is_empty() {
                own.insert(name.clone(), value);
            }
        }
        Cells { known, own }
    }
}

/// A text cell cleaned; over its limit it is a problem and left empty: never cut without a word.
fn limited(column: Column, value: &str, max: usize, problems: &mut Vec<String>) -> String {
    let cleaned = clean_text(value);
    let chars = cleaned.chars().count();
    if chars > max {
        problems.push(format!(
            "{} is {chars} characters long, over the limit of {max}",
            column.title()
        ));
        return String::new();
    }
    cleaned
}

/// The Visa and Status cells, each with what to write when it is not understood.
fn visa_and_status(
    visa: &str,
    status: &str,
    problems: &mut Vec<String>,
) -> (VisaStance, ProgramStatus) {
    let visa = VisaStance::parse(visa).unwrap_or_else(|| {
        problems.push(format!(
            "Visa {} is not understood; write J-1, H-1B, both, none or unknown",
            quoted(visa)
        ));
        VisaStance::Unknown
    });
    let status = ProgramStatus::parse(status).unwrap_or_else(|| {
        let labels: Vec<&str> = ProgramStatus::ALL.iter().map(|s| s.label()).collect();
        problems.push(format!(
            "Status {} is not understood; write one of: {}",
            quoted(status),
            labels.join(", ")
        ));
        ProgramStatus::Considering
    });
    (visa, status)
}

/// The State and NRMP code cells; an empty cell is none.
fn state_and_code(
    state: &str,
    nrmp_code: &str,
    problems: &mut Vec<String>,
) -> (Option<String>, Option<String>) {
    let state = if state.is_empty() {
        None
    } else {
        // The messages are written here, not taken from `parse_state`, so a long cell is cut.
        parse_state(state)
            .map_err(|_| {
                problems.push(format!(
                    "State {} is not a US state code: use two letters such as NY, CA or TX",
                    quoted(state)
                ));
            })
            .ok()
    };
    let nrmp_code = if nrmp_code.is_empty() {
        None
    } else {
        parse_nrmp_code(nrmp_code)
            .map_err(|_| {
                problems.push(format!(
                    "NRMP code {} is not a program code: letters and digits, e.g. 1234140C0",
                    quoted(nrmp_code)
                ));
            })
            .ok()
    };
    (state, nrmp_code)
}

/// The requirement cells: Step 2 CK minimum, years since graduation, USCE months, Step 3.
fn requirements(
    min_step2: &str,
    max_years: &str,
    usce_months: &str,
    step3: &str,
    problems: &mut Vec<String>,
) -> Requirements {
    Requirements {
        min_step2_score: number(Column::MinStep2, min_step2, problems),
        max_years_since_graduation: number(Column::MaxYears, max_years, problems),
        usce_months: number(Column::UsceMonths, usce_months, problems),
        step3_before_rank: parse_yes_no(step3).unwrap_or_else(|| {
            problems.push(format!(
                "{} {} is not understood; write yes or no (or leave it empty)",
                Column::Step3.title(),
                quoted(step3)
            ));
            false
        }),
    }
}

/// A date cell (Interview, Applied, Invite), read by the one date reader; empty is none.
pub(super) fn date_cell(
    column: Column,
    text: &str,
    problems: &mut Vec<String>,
) -> Option<chrono::NaiveDate> {
    if text.is_empty() {
        None
    } else {
        read_date(text)
            .map_err(|err| {
                problems.push(format!(
                    "{} {} {}",
                    column.title(),
                    quoted(text),
                    err.reason()
                ));
            })
            .ok()
    }
}
