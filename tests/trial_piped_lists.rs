//! From a new user's trial: `imgplan letters` and `imgplan programs` piped into a file or another
//! program print every name whole (never cut with "…").

use assert_cmd::Command;
use chrono::NaiveDate;
use imgplan::ids::ProgramId;
use imgplan::journey::{Template, VisaChoice};
use imgplan::letters::{Letter, LetterId, LetterKind, LetterProgress};
use imgplan::plan::Plan;
use imgplan::programs::{Program, ProgramStatus, VisaStance};

const LONG_PROGRAM: &str = "Brookdale University Hospital Medical Center Internal Medicine";
const LONG_WRITER: &str = "Dr. Lee, attending, Internal Medicine, Brookdale University Hospital";

fn plan_with_long_names(dir: &std::path::Path) -> std::path::PathBuf {
    let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
    let template = Template::embedded().expect("template");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    let program = plan
        .add_program(Program {
            id: ProgramId(0),
            name: LONG_PROGRAM.into(),
            state: Some("NY".into()),
            specialty: Some("Internal Medicine (categorical)".into()),
            visa: VisaStance::Both,
            status: ProgramStatus::Applied,
            ..Program::default()
        })
        .expect("program");
    plan.add_letter(Letter {
        id: LetterId(0),
        writer: LONG_WRITER.into(),
        kind: LetterKind::UsClinical,
        state: LetterProgress::Asked,
        rotation: None,
        programs: vec![program],
        note: None,
    })
    .expect("letter");
    let path = dir.join("plan.ron");
    imgplan::storage::save(&path, &plan).expect("save");
    path
}

fn piped(path: &std::path::Path, command: &str) -> String {
    let output = Command::cargo_bin("imgplan")
        .expect("binary")
        .env_remove("IMGPLAN_PLAN")
        .arg("--plan")
        .arg(path)
        .args(["--today", "2026-11-30", command])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{command} failed");
    String::from_utf8(output.stdout).expect("utf-8")
}

#[test]
fn piped_programs_and_letters_keep_every_name_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = plan_with_long_names(dir.path());
    let programs = piped(&path, "programs");
    assert!(programs.contains(LONG_PROGRAM), "{programs}");
    assert!(
        programs.contains("Internal Medicine (categorical)"),
        "{programs}"
    );
    assert!(!programs.contains('…'), "{programs}");
    let letters = piped(&path, "letters");
    assert!(letters.contains(LONG_WRITER), "{letters}");
    assert!(letters.contains(LONG_PROGRAM), "{letters}");
    assert!(!letters.contains('…'), "{letters}");
}
