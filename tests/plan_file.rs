//! The plan file: round trips, hand edits, damaged files left untouched, and template merges.

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Plan, Status};
use imgplan::storage::{self, StorageError};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn template() -> Template {
    Template::embedded().expect("template")
}

fn sample_plan(template: &Template) -> Plan {
    let mut plan = Plan::new(template, date("2026-11-25"), None, VisaChoice::H1b).expect("plan");
    plan.profile.name = Some("Dr. Amal Haddad 漢字 🩺".into());
    plan.profile.specialty = Some("Internal Medicine".into());
    plan.set_status(template, "exams.step1", Status::Done, date("2026-10-01"))
        .expect("step1");
    plan.set_due(template, "exams.step2ck", Some(date("2027-07-15")))
        .expect("due");
    plan.set_note(
        template,
        "exams.step2ck",
        "Book \"early\" — slots go fast\u{1b}[2J",
    )
    .expect("note");
    plan.add_custom_task(template, "usce", "Email Dr. Smith about an elective")
        .expect("custom");
    plan
}

#[test]
fn a_plan_round_trips_through_its_file() {
    let template = template();
    let plan = sample_plan(&template);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("nested").join("plan.ron");
    storage::save(&path, &plan).expect("save");
    let loaded = storage::load(&path, &template)
        .expect("load")
        .expect("file");
    assert_eq!(loaded, plan);
    // Saving again gives the same bytes: the order is stable and diffs stay clean.
    let first = fs::read(&path).expect("read");
    storage::save(&path, &loaded).expect("save again");
    assert_eq!(fs::read(&path).expect("read"), first);
}

#[test]
fn the_file_is_readable_sorted_and_private() {
    let template = template();
    let plan = sample_plan(&template);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ron");
    storage::save(&path, &plan).expect("save");
    let text = fs::read_to_string(&path).expect("text");
    assert!(text.starts_with("// imgplan plan file"));
    assert!(text.contains("version: 1,"));
    assert!(
        text.contains("\"exams.step1\": (state: Done, done_on: \"2026-10-01\"),"),
        "{text}"
    );
    assert!(text.contains("visa: H1b,"));
    // The note keeps its quote but lost the escape character.
    assert!(text.contains("Book \\\"early\\\""));
    assert!(!text.contains('\u{1b}'));
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "task entries are sorted by id");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name() != "plan.ron")
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left behind");
}

#[test]
fn hand_written_files_with_explicit_options_load() {
    let template = template();
    let text = r#"(
        version: 1,
        profile: (
            match_year: 2028,
            visa: J1,
            category: NonUsCitizenImg,
            graduation: Some((date: "2026-06-30", expected: true)),
        ),
        tasks: {
            "exams.step1": (state: Doing, due: Some("2027-03-01")),
        },
    )"#;
    let plan = storage::parse(Path::new("hand.ron"), text.as_bytes(), &template).expect("parse");
    assert_eq!(plan.profile.visa, VisaChoice::J1);
    assert_eq!(plan.tasks["exams.step1"].state, Status::Doing);
    assert_eq!(plan.tasks["exams.step1"].due, Some(date("2027-03-01")));
    // Every template task is merged in.
    assert!(plan.tasks.len() >= template.tasks.len());
}

fn parse_error(text: &[u8]) -> StorageError {
    storage::parse(Path::new("plan.ron"), text, &template()).expect_err("must not load")
}

#[test]
fn malformed_files_report_line_and_column() {
    let text =
        b"(\n    version: 1,\n    profile: (\n        match_year: 2028,\n        visa: J2,\n";
    match parse_error(text) {
        StorageError::Parse {
            line, col, message, ..
        } => {
            assert_eq!(line, 5, "{message}");
            assert!(col > 1);
            assert!(
                message.contains("visa is one of Undecided, J1, H1b, NotNeeded"),
                "{message}"
            );
            assert!(!message.contains("raw identifier"), "{message}");
        }
        other => panic!("unexpected {other}"),
    }
    let shown = parse_error(text).to_string();
    assert!(shown.starts_with("plan.ron:5:"), "{shown}");
}

#[test]
fn truncated_empty_and_binary_files_are_errors() {
    let template = template();
    let plan = sample_plan(&template);
    let full = storage::to_ron(&plan).expect("serialise");
    let half = &full.as_bytes()[..full.len() / 2];
    assert!(matches!(parse_error(half), StorageError::Parse { .. }));
    assert!(parse_error(b"").to_string().contains("empty"));
    let mut binary = b"(\n version: 1,".to_vec();
    binary.extend_from_slice(&[0xff, 0xfe]);
    let err = parse_error(&binary).to_string();
    assert!(
        err.contains("plan.ron:2:") && err.contains("UTF-8"),
        "{err}"
    );
}

#[test]
fn a_newer_version_is_refused_even_with_unknown_fields() {
    let text = br#"(version: 7, profile: (match_year: 2028, visa: J1, category: NonUsCitizenImg), hologram: true)"#;
    match parse_error(text) {
        StorageError::NewerVersion { found, .. } => assert_eq!(found, 7),
        other => panic!("unexpected {other}"),
    }
}

#[test]
fn out_of_range_years_and_bad_custom_tasks_are_located() {
    let text = b"(\n  version: 1,\n  profile: (\n    match_year: 1850,\n    visa: J1,\n    category: NonUsCitizenImg,\n  ),\n)";
    let err = parse_error(text).to_string();
    assert!(err.starts_with("plan.ron:4:5:"), "{err}");
    let text = br#"(version: 1, profile: (match_year: 2028, visa: J1, category: NonUsCitizenImg),
custom_tasks: [(id: "exams.step1", stage: "exams", title: "Mine")])"#;
    let err = parse_error(text).to_string();
    assert!(err.contains("plan.ron:2:"), "{err}");
}

#[test]
fn a_damaged_file_is_never_replaced() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ron");
    let damaged = b"(version: 1, profile: (match_year: 20";
    fs::write(&path, damaged).expect("write");
    assert!(storage::load(&path, &template()).is_err());
    assert_eq!(fs::read(&path).expect("read"), damaged);
}

#[test]
fn new_template_tasks_are_picked_up_and_old_state_is_kept() {
    let mut template = template();
    let mut plan = sample_plan(&template);
    // A task the user had state for disappears from the template...
    plan.set_note(&template, "exams.step3", "booked Prometric")
        .expect("note");
    template.tasks.retain(|t| t.id != "exams.step3");
    // ...and a new task arrives.
    let mut fresh = template.tasks[0].clone();
    fresh.id = "ecfmg.brand-new".into();
    fresh.depends_on.clear();
    template.tasks.push(fresh);

    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ron");
    storage::save(&path, &plan).expect("save");
    let loaded = storage::load(&path, &template)
        .expect("load")
        .expect("file");
    assert_eq!(loaded.tasks["ecfmg.brand-new"].state, Status::Todo);
    assert_eq!(loaded.tasks["exams.step1"].state, Status::Done);
    assert_eq!(
        loaded.tasks["exams.step3"].note.as_deref(),
        Some("booked Prometric")
    );
    let orphaned: Vec<&str> = loaded.orphaned_ids(&template).collect();
    assert_eq!(orphaned, ["exams.step3"]);
    storage::save(&path, &loaded).expect("save");
    assert!(
        fs::read_to_string(&path)
            .expect("read")
            .contains("booked Prometric")
    );
}

#[test]
fn unknown_ids_get_close_suggestions() {
    let template = template();
    let mut plan = sample_plan(&template);
    let err = plan
        .set_status(&template, "exams.stpe2ck", Status::Done, date("2026-11-25"))
        .expect_err("unknown id");
    let shown = err.to_string();
    assert!(shown.contains("did you mean exams.step2ck"), "{shown}");
}

#[test]
fn custom_tasks_get_their_own_ids_and_can_be_removed() {
    let template = template();
    let mut plan = sample_plan(&template);
    let id = plan
        .add_custom_task(&template, "usce", "Second one")
        .expect("add");
    assert_eq!(id, "usce.my-2");
    assert!(plan.remove_custom_task(&template, "exams.step1").is_err());
    plan.remove_custom_task(&template, &id).expect("remove");
    assert!(!plan.tasks.contains_key(&id));
    assert!(plan.add_custom_task(&template, "nowhere", "x").is_err());
    assert!(plan.add_custom_task(&template, "usce", " \u{7} ").is_err());
}

#[test]
fn parse_errors_speak_the_users_language() {
    let message = |text: &[u8]| match parse_error(text) {
        StorageError::Parse { line, message, .. } => (line, message),
        other => panic!("unexpected {other}"),
    };
    let (line, missing_comma) = message(
        b"(\n    version: 1,\n    profile: (\n        match_year: 2028\n        visa: J1,\n",
    );
    assert_eq!(line, 5);
    assert!(
        missing_comma.contains("comma is missing"),
        "{missing_comma}"
    );
    assert!(
        !missing_comma.contains("visa is one of"),
        "no hint about the wrong field: {missing_comma}"
    );

    let (_, bad_date) = message(
        br#"(version: 1, profile: (match_year: 2028, visa: J1, category: NonUsCitizenImg),
            tasks: {"exams.step1": (state: Todo, due: "2027-02-30")})"#,
    );
    assert!(bad_date.contains("not a real date"), "{bad_date}");

    let (_, cut) = message(b"(\n    version: 1,\n    profile: (\n        match_year: 2028,\n");
    assert!(
        cut.starts_with("the file ends early at line 4: was it cut off?"),
        "{cut}"
    );
    // Cut inside a string: the parser points at the string's start, the file is still cut off.
    let (_, in_a_string) = message(
        b"(\n    version: 1,\n    profile: (match_year: 2028, visa: J1, category: NonUsCitizenImg),\n    tasks: {\"exams.step1\": (state: Todo, note: \"Booked at the Prom",
    );
    assert!(in_a_string.contains("was it cut off?"), "{in_a_string}");
    // A file that is no plan at all is not called cut off.
    let (_, not_a_plan) = message(b"secret");
    assert!(!not_a_plan.contains("cut off"), "{not_a_plan}");
}

#[test]
fn a_duplicated_key_is_an_error_naming_both_lines() {
    let template = template();
    let text = storage::to_ron(&sample_plan(&template)).expect("serialise");
    let entry = text
        .lines()
        .find(|l| l.trim_start().starts_with("\"exams.step1\""))
        .expect("entry");
    let first = text.lines().position(|l| l == entry).expect("line") + 1;
    // The same task again, a few lines on, as a hand edit might leave it.
    let duplicated = text.replacen(
        "\"exams.step3\"",
        "\"exams.step1\": (state: Todo),\n        \"exams.step3\"",
        1,
    );
    let second = duplicated
        .lines()
        .position(|l| l.trim_start() == "\"exams.step1\": (state: Todo),")
        .expect("second")
        + 1;
    let err = storage::parse(Path::new("plan.ron"), duplicated.as_bytes(), &template)
        .expect_err("refused");
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("plan.ron:{second}:")),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "\"exams.step1\" is listed twice, on lines {first} and {second}"
        )),
        "{message}"
    );
}

#[test]
fn a_byte_order_mark_is_read_past_and_utf16_is_named() {
    let template = template();
    let text = storage::to_ron(&sample_plan(&template)).expect("serialise");
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(text.as_bytes());
    let plan = storage::parse(Path::new("plan.ron"), &with_bom, &template).expect("a BOM is fine");
    assert_eq!(plan, sample_plan(&template));
    // Errors still point where an editor shows them.
    let broken = b"\xEF\xBB\xBF(\n    version: 1,\n    profile: (match_year: twenty)\n)";
    let err = storage::parse(Path::new("plan.ron"), broken, &template).expect_err("broken");
    assert!(err.to_string().starts_with("plan.ron:3:"), "{err}");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let err = storage::parse(Path::new("plan.ron"), &utf16, &template).expect_err("UTF-16");
    assert!(err.to_string().contains("UTF-16"), "{err}");
    assert!(err.to_string().contains("save it as UTF-8"), "{err}");
}

/// The line and column a parse error names, and its message.
fn located(text: &str) -> (usize, usize, String) {
    match parse_error(text.as_bytes()) {
        StorageError::Parse {
            line, col, message, ..
        } => (line, col, message),
        other => panic!("unexpected {other}"),
    }
}

/// 1-based line and column of the first `needle` after `after`.
fn position(text: &str, after: &str, needle: &str) -> (usize, usize) {
    let start = text.find(after).expect("after");
    let offset = start + text[start..].find(needle).expect("needle");
    let line = text[..offset].matches('\n').count() + 1;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

#[test]
fn a_step2_score_out_of_range_is_refused_on_load_where_it_stands() {
    let template = template();
    let mut plan = sample_plan(&template);
    // Past the rules, as a hand edit would be.
    plan.profile.step2_score = Some(999);
    let text = storage::to_ron(&plan).expect("serialise");
    let (line, col, message) = located(&text);
    assert_eq!((line, col), position(&text, "profile", "step2_score"));
    assert!(
        message.contains("999") && message.contains("Step 2 CK"),
        "{message}"
    );
    plan.profile.step2_score = Some(250);
    assert!(
        storage::parse(
            Path::new("plan.ron"),
            storage::to_ron(&plan).expect("serialise").as_bytes(),
            &template
        )
        .is_ok()
    );
}

#[test]
fn a_rotation_ending_before_it_starts_is_refused_on_load_where_it_stands() {
    let template = template();
    let mut plan = sample_plan(&template);
    let rotation = imgplan::usce::Rotation {
        id: imgplan::ids::RotationId(0),
        kind: Default::default(),
        institution: "Mercy Hospital".into(),
        specialty: None,
        start: date("2027-03-01"),
        end: date("2027-03-28"),
        hands_on: true,
        supervisor: None,
        letter: Default::default(),
        note: None,
    };
    let id = plan.add_rotation(rotation.clone()).expect("rotation");
    let mut second = rotation.clone();
    second.institution = "General Hospital".into();
    let second_id = plan.add_rotation(second).expect("second");
    // The same rule refuses the change in the plan...
    let mut backwards = plan.rotation(second_id).cloned().expect("second");
    backwards.end = date("2027-02-01");
    let refused = plan
        .update_rotation(backwards.clone())
        .expect_err("backwards");
    assert!(
        refused
            .to_string()
            .contains("ends (2027-02-01) before it starts (2027-03-01)")
    );
    // ...and the file that has it, at the rotation's end.
    plan.rotations[1] = backwards;
    let text = storage::to_ron(&plan).expect("serialise");
    let (line, col, message) = located(&text);
    assert_eq!(
        message,
        "the rotation ends (2027-02-01) before it starts (2027-03-01)"
    );
    let after = format!("id: {second_id},");
    assert_eq!((line, col), position(&text, &after, "end"));
    assert_ne!(id, second_id);
}

#[test]
fn check_refuses_a_file_that_breaks_a_rule_with_file_line_and_column() {
    let template = template();
    let mut plan = sample_plan(&template);
    plan.profile.step2_score = Some(999);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ron");
    let text = storage::to_ron(&plan).expect("serialise");
    fs::write(&path, &text).expect("write");
    let (line, col) = position(&text, "profile", "step2_score");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_imgplan"))
        .arg("--plan")
        .arg(&path)
        .args(["--today", "2026-11-25", "check"])
        .env("HOME", dir.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("plan.ron:{line}:{col}:")),
        "{stderr}"
    );
    // Nothing was written.
    assert_eq!(fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_plan_written_before_visa_preferences_loads_and_a_preference_round_trips() {
    let template = template();
    let old =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/before-tracking.ron"))
            .expect("fixture");
    let mut plan =
        storage::parse(Path::new("before-tracking.ron"), &old, &template).expect("old plan");
    assert_eq!(plan.profile.visa, VisaChoice::H1b);
    assert_eq!(plan.programs.len(), 3);
    plan.profile.visa = VisaChoice::H1bPreferred;
    let text = storage::to_ron(&plan).expect("ron");
    assert!(text.contains("visa: H1bPreferred"), "{text}");
    let back = storage::parse(Path::new("new.ron"), text.as_bytes(), &template).expect("new");
    assert_eq!(back, plan);
}
