//! The CSV importer: forgiving headers, strict cells, right line numbers, and no panics.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use imgplan::import::*;
use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name);
    fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn read(name: &str) -> ImportReport {
    read_programs(&fixture(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn names(report: &ImportReport) -> Vec<(u64, &str)> {
    report
        .programs
        .iter()
        .map(|p| (p.line, p.program.name.as_str()))
        .collect()
}

fn program(name: &str) -> Program {
    Program {
        id: imgplan::ids::ProgramId(0),
        name: name.to_owned(),
        state: None,
        specialty: None,
        nrmp_code: None,
        service: ApplicationService::Eras,
        visa: VisaStance::Unknown,
        requirements: Requirements::default(),
        status: ProgramStatus::Considering,
        interview: None,
        note: None,
        ..Program::default()
    }
}

#[test]
fn odd_headers_are_matched_and_unknown_ones_kept_as_her_own() {
    let report = read("odd-headers.csv");
    assert_eq!(report.problems, []);
    assert_eq!(report.kept_columns, ["Website"]);
    assert_eq!(report.ignored_columns, Vec::<String>::new());
    assert!(
        report
            .matched_columns
            .contains(&("VISA sponsorship".to_owned(), "Visa"))
    );
    assert!(
        report
            .matched_columns
            .contains(&("USCE required (months)".to_owned(), "USCE months"))
    );
    assert_eq!(report.matched_columns.len(), 13);
    assert_eq!(
        names(&report),
        [
            (2, "Mount Example Hospital"),
            (3, "Lakeside Medical Center"),
            (4, "Prairie Community Program"),
        ]
    );

    let first = &report.programs[0].program;
    assert_eq!(
        *first,
        Program {
            id: imgplan::ids::ProgramId(0),
            name: "Mount Example Hospital".into(),
            state: Some("NY".into()),
            specialty: Some("Internal Medicine".into()),
            nrmp_code: Some("1234140C0".into()),
            service: ApplicationService::Eras,
            visa: VisaStance::J1,
            requirements: Requirements {
                min_step2_score: Some(230),
                max_years_since_graduation: Some(5),
                usce_months: Some(3),
                step3_before_rank: true,
            },
            status: ProgramStatus::Applied,
            interview: date(2025, 11, 4),
            note: Some("Strong IMG history".into()),
            extra: [("Website".to_owned(), "https://example.org".to_owned())].into(),
            ..Program::default()
        }
    );
    assert!(
        report.programs[1].program.extra.is_empty(),
        "an empty cell of her own column is not kept"
    );

    let second = &report.programs[1].program;
    assert_eq!(second.visa, VisaStance::H1b);
    assert_eq!(second.state.as_deref(), Some("TX"));
    assert_eq!(second.requirements.min_step2_score, Some(225));
    assert_eq!(second.requirements.max_years_since_graduation, None);
    assert!(!second.requirements.step3_before_rank);
    assert_eq!(second.status, ProgramStatus::InterviewInvited);
    assert_eq!(second.interview, date(2025, 11, 18), "M/D/YYYY");
    assert_eq!(second.service, ApplicationService::ResidencyCas);
    assert_eq!(second.specialty.as_deref(), Some("OB-GYN"));
    assert_eq!(second.note, None);

    // A row with only a name takes every default.
    assert_eq!(
        report.programs[2].program,
        program("Prairie Community Program")
    );
}

#[test]
fn quoted_fields_keep_commas_quotes_and_newlines() {
    let report = read("quoted.csv");
    assert_eq!(report.problems, []);
    assert_eq!(
        names(&report),
        [
            (2, "Saint Example, Brooklyn"),
            (3, "Harbor Hospital"),
            // The note above spans lines 3 and 4.
            (5, "Valley Program"),
        ]
    );
    let notes: Vec<Option<&str>> = report
        .programs
        .iter()
        .map(|p| p.program.note.as_deref())
        .collect();
    assert_eq!(
        notes,
        [
            Some("Says \"IMG friendly\", asks for 2 letters"),
            // A note is one line in the plan: the break becomes a space.
            Some("first line second line, with comma"),
            Some("plain"),
        ]
    );
    assert_eq!(report.programs[0].program.visa, VisaStance::Both);
    assert_eq!(report.programs[2].program.visa, VisaStance::NoVisa);
}

#[test]
fn bad_rows_are_reported_with_their_lines_and_good_rows_kept() {
    let report = read("bad-row.csv");
    assert_eq!(names(&report), [(2, "Good One"), (6, "Good Two")]);
    assert_eq!(
        report.problems,
        [
            RowProblem {
                line: 3,
                message: "Visa \"maybe\" is not understood; write J-1, H-1B, both, none or unknown"
                    .into(),
            },
            RowProblem {
                line: 5,
                message: "Interview \"2025-02-30\" is not a real date: February 2025 has 28 days"
                    .into(),
            },
        ]
    );
    assert_eq!(
        report.problems[0].to_string(),
        "line 3: Visa \"maybe\" is not understood; write J-1, H-1B, both, none or unknown"
    );
    assert_eq!(report.programs[0].program.interview, date(2025, 10, 1));
    assert_eq!(report.programs[1].program.visa, VisaStance::H1b);
}

#[test]
fn a_bad_cell_is_left_empty_not_the_row_when_cells_are_skipped() {
    let report = read("bad-row.csv");
    // Both bad rows have a name: each can be added without its bad cell.
    let partly: Vec<(u64, &str)> = report
        .partly_read
        .iter()
        .map(|r| (r.line, r.program.name.as_str()))
        .collect();
    assert_eq!(
        partly,
        [(3, "Shaky Visa Hospital"), (5, "Bad Date Program")]
    );
    let bad_date = &report.partly_read[1].program;
    assert_eq!(bad_date.interview, None, "the bad date is left empty");
    assert_eq!(
        bad_date.state.as_deref(),
        Some("PA"),
        "the rest of the row is kept"
    );
    assert_eq!(bad_date.visa, VisaStance::Both);
    // The program keeps a trace of what was left out, so the date is not lost silently.
    assert_eq!(
        bad_date.note.as_deref(),
        Some(
            "Import: Interview \"2025-02-30\" is not a real date: February 2025 has 28 days; left empty"
        )
    );
    assert_eq!(
        report.skip_warnings(),
        [
            "3: Visa \"maybe\" is not understood; write J-1, H-1B, both, none or unknown; left empty",
            "5: Interview \"2025-02-30\" is not a real date: February 2025 has 28 days; left empty",
        ]
    );
    let added: Vec<String> = report
        .programs_to_add(true)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(
        added,
        [
            "Good One",
            "Shaky Visa Hospital",
            "Bad Date Program",
            "Good Two"
        ],
        "file order"
    );
    assert_eq!(report.programs_to_add(false).len(), 2);
}

#[test]
fn a_row_without_a_name_is_left_out_whole_even_when_cells_are_skipped() {
    let csv = "Program,State,Interview\n,NY,2027-12-02\nKept,ZZ,2 Dec 2027\n";
    let report = read_programs(csv.as_bytes()).expect("read");
    assert_eq!(report.unread_rows(), 1);
    assert_eq!(report.skipped_cells(), 1);
    let kept = &report.partly_read[0].program;
    assert_eq!(kept.state, None);
    assert_eq!(kept.interview, date(2027, 12, 2), "D Mon YYYY is read");
    assert_eq!(
        report.skip_warnings(),
        [
            "2: no program name; row left out",
            "3: State \"ZZ\" is not a US state code: use two letters such as NY, CA or TX; left empty",
        ]
    );
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let bytes = fixture("crlf.csv");
    assert!(
        bytes.windows(2).any(|w| w == b"\r\n"),
        "fixture lost its CRLF"
    );
    let report = read_programs(&bytes).expect("crlf");
    assert_eq!(report.problems, []);
    assert_eq!(
        names(&report),
        [(2, "Alpha Hospital"), (4, "Beta Hospital")]
    );
    let alpha = &report.programs[0].program;
    assert_eq!(alpha.state.as_deref(), Some("MA"));
    assert_eq!(alpha.note.as_deref(), Some("two lines"));
    let beta = &report.programs[1].program;
    assert_eq!(beta.note.as_deref(), Some("last"), "no stray \\r");
    assert_eq!(beta.visa, VisaStance::NoVisa);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let bytes = fixture("bom.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "fixture lost its BOM");
    let report = read_programs(&bytes).expect("bom");
    assert_eq!(report.ignored_columns, Vec::<String>::new());
    assert_eq!(report.matched_columns[0], ("Program".to_owned(), "Program"));
    assert_eq!(names(&report), [(2, "Bom Hospital")]);
    assert_eq!(report.programs[0].program.visa, VisaStance::Both);
}

#[test]
fn escape_sequences_and_control_characters_are_cleaned() {
    let bytes = fixture("control-chars.csv");
    assert!(bytes.contains(&0x1b), "fixture lost its ESC");
    let report = read_programs(&bytes).expect("control");
    assert_eq!(report.problems, []);
    let program = &report.programs[0].program;
    assert_eq!(program.name, "Evil Hospital");
    assert_eq!(program.note.as_deref(), Some("ring the bell here"));
}

#[test]
fn semicolon_separated_files_are_understood() {
    let report = read("semicolon.csv");
    assert_eq!(report.problems, []);
    let program = &report.programs[0].program;
    assert_eq!(program.name, "Semicolon General");
    assert_eq!(program.state.as_deref(), Some("FL"));
    assert_eq!(program.requirements.min_step2_score, Some(240));
    assert_eq!(program.note.as_deref(), Some("uses ; and , inside"));
}

fn sample_programs() -> Vec<Program> {
    let mut full = program("Saint Example, \"Brooklyn\" 漢字");
    full.id = imgplan::ids::ProgramId(7);
    full.state = Some("NY".into());
    full.specialty = Some("Internal Medicine".into());
    full.nrmp_code = Some("1234140C0".into());
    full.visa = VisaStance::Both;
    full.requirements = Requirements {
        min_step2_score: Some(245),
        max_years_since_graduation: Some(3),
        usce_months: Some(6),
        step3_before_rank: true,
    };
    full.status = ProgramStatus::InterviewInvited;
    full.interview = date(2026, 1, 9);
    full.note = Some("=HYPERLINK(\"x\") looks like a formula; so does -5".into());

    let mut cas = program("-Dash Hospital");
    cas.id = imgplan::ids::ProgramId(8);
    cas.service = ApplicationService::ResidencyCas;
    cas.visa = VisaStance::NoVisa;
    cas.status = ProgramStatus::Withdrawn;
    cas.note = Some("'quoted' by the user".into());

    let mut programs = vec![full, cas];
    for (index, (visa, status)) in VisaStance::ALL
        .into_iter()
        .zip(ProgramStatus::ALL)
        .enumerate()
    {
        let mut p = program(&format!("Program {index}"));
        p.visa = visa;
        p.status = status;
        p.service = ApplicationService::ALL[index % 3];
        p.requirements.usce_months = Some(index as u8);
        programs.push(p);
    }
    programs
}

#[test]
fn an_export_reads_back_as_the_same_programs() {
    let programs = sample_programs();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(PROGRAM_COLUMNS).expect("header");
    for program in &programs {
        writer.write_record(program_row(program)).expect("row");
    }
    let bytes = writer.into_inner().expect("flush");

    let report = read_programs(&bytes).expect("read back");
    assert_eq!(report.problems, []);
    assert_eq!(report.ignored_columns, Vec::<String>::new());
    let read_back: Vec<Program> = report.programs.into_iter().map(|p| p.program).collect();
    let expected: Vec<Program> = programs
        .into_iter()
        .map(|p| Program {
            id: imgplan::ids::ProgramId(0),
            ..p
        })
        .collect();
    assert_eq!(read_back, expected);
}

#[test]
fn program_row_writes_the_documented_cells() {
    let programs = sample_programs();
    assert_eq!(
        program_row(&programs[0]),
        [
            "Saint Example, \"Brooklyn\" 漢字",
            "NY",
            "Internal Medicine",
            "1234140C0",
            "ERAS",
            "both",
            "245",
            "3",
            "6",
            "yes",
            "interview invited",
            "2026-01-09",
            "'=HYPERLINK(\"x\") looks like a formula; so does -5",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    );
    assert_eq!(
        program_row(&programs[1]),
        [
            "'-Dash Hospital",
            "",
            "",
            "",
            "ResidencyCAS",
            "none",
            "",
            "",
            "",
            "",
            "withdrawn",
            "",
            "'quoted' by the user",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ]
    );
}

#[test]
fn a_file_without_a_program_column_is_refused() {
    let error = read_programs(b"Hospital name?,State,Visa\nX,NY,J-1\n").unwrap_err();
    assert_eq!(
        error,
        ImportError::NoNameColumn(vec!["Hospital name?".into(), "State".into(), "Visa".into()])
    );
    assert_eq!(
        error.to_string(),
        "no column holds program names (found: Hospital name?, State, Visa); name one \"Program\""
    );
}

#[test]
fn empty_files_are_refused() {
    for bytes in [&b""[..], b"\n\n", b"\xEF\xBB\xBF", b" , ,\r\n,,\r\n"] {
        assert_eq!(read_programs(bytes), Err(ImportError::Empty), "{bytes:?}");
    }
    // A header alone is a file with no programs, not an error.
    let report = read_programs(b"Program\n").expect("header only");
    assert_eq!(report.programs, []);
    assert_eq!(report.problems, []);
}

#[test]
fn huge_files_are_refused() {
    let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
    let error = read_programs(&big).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the file is 11 MB; a program list is far smaller (at most 10 MB are read): is it the right file?"
    );

    let mut many = b"Program\n".to_vec();
    for _ in 0..=MAX_IMPORT_ROWS {
        many.extend_from_slice(b"a\n");
    }
    assert_eq!(
        read_programs(&many),
        Err(ImportError::TooManyRows {
            limit: MAX_IMPORT_ROWS
        })
    );
    // Exactly the limit is fine.
    many.truncate(many.len() - 2);
    assert_eq!(
        read_programs(&many).expect("at the limit").programs.len(),
        MAX_IMPORT_ROWS
    );
}

#[test]
fn latin1_and_utf16_files_are_refused_with_the_fix() {
    let latin1 = read_programs(b"Program,Note\nGood,ok\nCaf\xE9 Hospital,latin-1\n")
        .expect_err("Latin-1 is not read");
    assert!(
        matches!(latin1, ImportError::Encoding { line: 3, .. }),
        "{latin1:?}"
    );
    assert!(latin1.to_string().contains("save it as UTF-8"), "{latin1}");
    let text = "Program,Note\nGood,ok\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for bytes in [le, be, no_bom] {
        let err = read_programs(&bytes).expect_err("UTF-16 is not read");
        assert!(err.to_string().contains("UTF-16"), "{err}");
        assert!(err.to_string().contains("save it as UTF-8"), "{err}");
    }
}

#[test]
fn every_problem_of_a_row_is_named() {
    let csv = "Program,State,Step 2,YOG,Step 3,Status,Interview,Code\n\
               ,ZZ,lots,300,maybe,pending,Nov 4,12-34\n";
    let report = read_programs(csv.as_bytes()).expect("read");
    assert_eq!(report.programs, []);
    let message = &report.problems[0].message;
    for part in [
        "no program name",
        "State \"ZZ\" is not a US state code",
        "NRMP code \"12-34\" is not a program code",
        "Min Step 2 CK \"lots\" is not a whole number",
        "Max years since graduation \"300\" is too large",
        "Step 3 before ranking \"maybe\" is not understood",
        "Status \"pending\" is not understood",
        "Interview \"Nov 4\" is not a date",
    ] {
        assert!(message.contains(part), "{part:?} missing from {message:?}");
    }
}

#[test]
fn cells_people_write_are_read() {
    let csv = "program,visa,step 2,usce,step 3,status,service,code\n\
               A,J1 only,≥ 230,n/a,X,Submitted,Residency CAS,1234\n\
               B,?, 240 ,0,N,,SF Match,\n\
               C,J-1/H-1B,,,true,ranked,,\n";
    let report = read_programs(csv.as_bytes()).expect("read");
    assert_eq!(report.problems, []);
    let [a, b, c] = [0, 1, 2].map(|i| &report.programs[i].program);
    assert_eq!(a.visa, VisaStance::J1);
    assert_eq!(a.requirements.min_step2_score, Some(230));
    assert_eq!(a.requirements.usce_months, None);
    assert!(a.requirements.step3_before_rank);
    assert_eq!(a.status, ProgramStatus::Applied);
    assert_eq!(a.service, ApplicationService::ResidencyCas);
    assert_eq!(a.nrmp_code.as_deref(), Some("1234"));
    assert_eq!(b.visa, VisaStance::Unknown);
    assert_eq!(b.requirements.min_step2_score, Some(240));
    assert_eq!(b.requirements.usce_months, Some(0));
    assert!(!b.requirements.step3_before_rank);
    assert_eq!(b.status, ProgramStatus::Considering);
    assert_eq!(b.service, ApplicationService::Other);
    assert_eq!(c.visa, VisaStance::Both);
    assert!(c.requirements.step3_before_rank);
    assert_eq!(c.status, ProgramStatus::Ranked);
    assert_eq!(c.service, ApplicationService::Eras);
}

#[test]
fn short_long_and_repeated_columns_are_tolerated() {
    let csv = "Program,Notes,Comments,\u{1b}[2JWeird\n\
               Short\n\
               Long,first,second,x,,, \n";
    let report = read_programs(csv.as_bytes()).expect("read");
    assert_eq!(report.problems, []);
    assert_eq!(report.ignored_columns, ["Comments (second Note column)"]);
    assert_eq!(report.kept_columns, ["Weird"], "escape sequence gone whole");
    assert_eq!(names(&report), [(2, "Short"), (3, "Long")]);
    assert_eq!(
        report.programs[1]
            .program
            .extra
            .get("Weird")
            .map(String::as_str),
        Some("x")
    );
    assert_eq!(report.programs[0].program.note, None);
    assert_eq!(report.programs[1].program.note.as_deref(), Some("first"));
}

#[test]
fn unterminated_quotes_and_stray_bytes_do_not_panic() {
    // A small deterministic generator over CSV-ish bytes, including broken UTF-8.
    const ALPHABET: &[u8] = b"\",;\r\n \t\x1b\x9b\xff\xc3\xa9\xef\xbb\xbfProgamVisJ-1/20x";
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 80) as usize;
        let mut bytes = b"Program,Visa,Interview,Step 2\n".to_vec();
        for _ in 0..len {
            bytes.push(ALPHABET[(next() % ALPHABET.len() as u64) as usize]);
        }
        let _ = read_programs(&bytes);
        let _ = read_programs(&bytes[30..]);
    }
    let err = read_programs(b"Program,Note\n\"never closed,\nsecond").expect_err("refused");
    assert!(matches!(err, ImportError::Quote { line: 2, .. }), "{err:?}");
}

/// 300 good rows with one broken thing at row `at` (line `at + 1`).
fn hostile(at: usize, broken: &str) -> String {
    let mut csv = String::from("Program,State,Note\n");
    for row in 1..=300 {
        if row == at {
            csv.push_str(broken);
        } else {
            csv.push_str(&format!("Program {row},NY,\"note, with a comma\""));
        }
        csv.push('\n');
    }
    csv
}

#[test]
fn an_unbalanced_quote_is_an_error_at_the_line_it_opened_and_nothing_is_read() {
    // Never closed: the rest of the file would become one cell.
    let err =
        read_programs(hostile(300, "Last,NY,\"unclosed note").as_bytes()).expect_err("refused");
    assert!(
        matches!(err, ImportError::Quote { line: 301, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("never closed"), "{err}");
    // Closed later by the next row's opening quote: 295 rows would be glued into one note.
    let err = read_programs(hostile(5, "Fifth,NY,\"stray quote").as_bytes()).expect_err("refused");
    assert!(matches!(err, ImportError::Quote { line: 6, .. }), "{err:?}");
    assert!(err.to_string().contains("closes only on line 7"), "{err}");
    // A quote in the middle of a quoted cell that is not doubled.
    let err =
        read_programs(hostile(10, "Tenth,NY,\"say \"hi\" now\"").as_bytes()).expect_err("refused");
    assert!(
        matches!(err, ImportError::Quote { line: 11, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("must be doubled"), "{err}");
    // A quote inside an unquoted cell is plain text (5'2" tall), as RFC 4180 reads it.
    let report = read_programs(hostile(10, "Tenth,NY,5'2\" tall").as_bytes()).expect("read");
    assert_eq!(report.programs.len(), 300);
}

#[test]
fn more_cells_than_the_header_a_huge_cell_or_too_many_columns_are_refused() {
    let err = read_programs(hostile(42, "Forty-two,NY,a note, split by a comma").as_bytes())
        .expect_err("refused");
    assert!(
        matches!(
            err,
            ImportError::TooManyCells {
                line: 43,
                cells: 4,
                columns: 3
            }
        ),
        "{err:?}"
    );
    let huge = format!("Huge,NY,\"{}\"", "x".repeat(MAX_CELL_CHARS + 1));
    let err = read_programs(hostile(7, &huge).as_bytes()).expect_err("refused");
    assert!(
        matches!(err, ImportError::CellTooLong { line: 8, .. }),
        "{err:?}"
    );
    let mut wide = String::from("Program");
    for column in 1..=MAX_COLUMNS {
        wide.push_str(&format!(",Extra {column}"));
    }
    wide.push_str("\nA\n");
    let err = read_programs(wide.as_bytes()).expect_err("refused");
    assert!(matches!(err, ImportError::TooManyColumns { .. }), "{err:?}");
}

#[test]
fn tracking_columns_are_read_under_the_names_people_give_them() {
    use imgplan::programs::{InterviewFormat, Signal};
    let csv = "Program,Priority,Program signal,Date applied,Interview invite,Virtual or in person,\
               Thank you note,Coordinator,Fees,Website\n\
               Alpha,1,Gold,9/24/2027,15 Oct 2027,Zoom,yes,Ms. Ortiz,$27,https://a.example\n\
               Bravo,9,bronze,2027-02-30,,phone,maybe,,ten,\n";
    let report = read_programs(csv.as_bytes()).expect("read");
    let alpha = &report.programs[0].program;
    assert_eq!(alpha.priority, Some(1));
    assert_eq!(alpha.signal, Signal::Gold);
    assert_eq!(alpha.applied, date(2027, 9, 24));
    assert_eq!(alpha.invited, date(2027, 10, 15));
    assert_eq!(alpha.interview_format, Some(InterviewFormat::Virtual));
    assert!(alpha.thank_you_sent);
    assert_eq!(alpha.contact.as_deref(), Some("Ms. Ortiz"));
    assert_eq!(alpha.fees_paid, Some(27));
    assert_eq!(
        alpha.extra.get("Website").map(String::as_str),
        Some("https://a.example")
    );
    // Every bad cell is named with its column; skipping them keeps the row.
    let bravo = &report.partly_read[0];
    assert_eq!(bravo.skipped_cells.len(), 6, "{:?}", bravo.skipped_cells);
    for column in [
        "Priority",
        "Signal",
        "Applied",
        "Interview format",
        "Thank-you sent",
        "Fees paid",
    ] {
        assert!(
            bravo.skipped_cells.iter().any(|c| c.starts_with(column)),
            "{column}: {:?}",
            bravo.skipped_cells
        );
    }
    assert_eq!(bravo.program.name, "Bravo");
    assert_eq!(bravo.program.priority, None);
}
