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
pub(super) fn read_row(
    record: &ByteRecord,
    positions: &[Option<usize>; 13],
) -> Result<ReadRow, Vec<String>> {
    let mut problems = Vec::new();
    // The trimmed text of a field's cell; "" when the column or cell is missing or not UTF-8.
    let mut cell = |column: Column| -> &str {
        let Some(bytes) = positions[column as usize].and_then(|index| record.get(index)) else {
            return "";
        };
        match std::str::from_utf8(bytes) {
            Ok(text) => unguard_formula(text.trim()),
            Err(_) => {
                problems.push(format!(
                    "{} holds bytes that are not UTF-8 text; save the spreadsheet as CSV UTF-8",
                    column.title()
                ));
                ""
            }
        }
    };
    let name = cell(Column::Name).to_owned();
    let state = cell(Column::State);
    let specialty = cell(Column::Specialty).to_owned();
    let nrmp_code = cell(Column::NrmpCode);
    let service = cell(Column::Service);
    let visa = cell(Column::Visa);
    let min_step2 = cell(Column::MinStep2);
    let max_years = cell(Column::MaxYears);
    let usce_months = cell(Column::UsceMonths);
    let step3 = cell(Column::Step3);
    let status = cell(Column::Status);
    let interview = cell(Column::Interview);
    let note = cell(Column::Note).to_owned();
    let specialty = limited(
        Column::Specialty,
        &specialty,
        MAX_TITLE_CHARS,
        &mut problems,
    );
    let note = limited(Column::Note, &note, MAX_NOTE_CHARS, &mut problems);
    // Without a name (or with one over its limit) there is no program: the row cannot be read.
    let before_name = problems.len();
    let name = limited(Column::Name, &name, MAX_TITLE_CHARS, &mut problems);
    if name.is_empty() {
        problems.push("no program name".to_owned());
    }
    let row_cannot_be_read = problems.len() > before_name;
    let (state, nrmp_code) = state_and_code(state, nrmp_code, &mut problems);
    let (visa, status) = visa_and_status(visa, status, &mut problems);
    let requirements = requirements(min_step2, max_years, usce_months, step3, &mut problems);
    let interview = interview_date(interview, &mut problems);

    if row_cannot_be_read {
        return Err(problems);
    }
    let program = Program {
        id: Default::default(), // numbered by the plan when it is added
        name,
        state,
        specialty: (!specialty.is_empty()).then_some(specialty),
        nrmp_code,
        service: parse_service(service),
        visa,
        requirements,
        status,
        interview,
        note: (!note.is_empty()).then_some(note),
    };
    Ok(ReadRow {
        program,
        bad_cells: problems,
    })
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

/// The Interview cell, read by the one date reader; an empty cell is none.
fn interview_date(interview: &str, problems: &mut Vec<String>) -> Option<chrono::NaiveDate> {
    if interview.is_empty() {
        None
    } else {
        read_date(interview)
            .map_err(|err| {
                problems.push(format!("Interview {} {}", quoted(interview), err.reason()));
            })
            .ok()
    }
}
