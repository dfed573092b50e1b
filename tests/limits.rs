//! Text that is too long is refused, never silently cut: in the core, on the command line
//! (exit 2, nothing written), in the planner (the message on the field, what was typed kept) and
//! in a CSV import (the row is a problem).

use chrono::NaiveDate;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{MAX_NOTE_CHARS, MAX_TITLE_CHARS, Plan, PlanError};
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::{App, Mode};
use imgplan::tui::update::update;

const TODAY: &str = "2026-11-25";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("date")
}

#[test]
fn the_core_refuses_text_over_its_limit_and_keeps_text_at_it() {
    let template = Template::embedded().expect("template");
    let mut plan = Plan::new(&template, today(), Some(2028), VisaChoice::J1).expect("plan");
    let at_limit = "n".repeat(MAX_NOTE_CHARS);
    plan.set_note(&template, "exams.step1", &at_limit)
        .expect("at the limit");
    assert_eq!(
        plan.tasks["exams.step1"].note.as_deref(),
        Some(at_limit.as_str())
    );
    let err = plan
        .set_note(&template, "exams.step1", &"n".repeat(MAX_NOTE_CHARS + 1))
        .expect_err("over the limit");
    assert_eq!(
        err,
        PlanError::TooLong {
            what: "the note",
            chars: MAX_NOTE_CHARS + 1,
            max: MAX_NOTE_CHARS
        }
    );
    assert_eq!(
        plan.tasks["exams.step1"].note.as_deref(),
        Some(at_limit.as_str()),
        "the note before is kept"
    );
    let err = plan
        .add_custom_task(&template, "usce", &"t".repeat(MAX_TITLE_CHARS + 1))
        .expect_err("title over the limit");
    assert!(err.to_string().contains("over the limit of 200"), "{err}");
}

#[test]
fn the_command_line_refuses_with_exit_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    let cmd = || {
        let mut cmd = assert_cmd::Command::cargo_bin("imgplan").expect("binary");
        cmd.env_clear()
            .env("HOME", dir.path())
            .args(["--today", TODAY, "--plan"])
            .arg(&plan);
        cmd
    };
    cmd().args(["init"]).assert().success();
    let before = std::fs::read(&plan).expect("plan");
    let long_note = "n".repeat(MAX_NOTE_CHARS + 1);
    let long_name = "a".repeat(MAX_TITLE_CHARS + 1);
    for args in [
        vec!["set", "exams.step1", "--note", &long_note],
        vec!["profile", "--name", &long_name],
        vec!["profile", "--specialty", &long_name],
    ] {
        cmd()
            .args(&args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "characters long, over the limit of",
            ));
    }
    assert_eq!(std::fs::read(&plan).expect("plan"), before);
}

#[test]
fn the_planner_shows_the_refusal_on_the_field_and_keeps_what_was_typed() {
    let template = Template::embedded().expect("template");
    let plan = Plan::new(&template, today(), Some(2028), VisaChoice::J1).expect("plan");
    let mut app = App::new(
        template,
        plan,
        "/tmp/imgplan-limits/plan.ron".into(),
        today(),
    );
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    app.screen.panel = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Top));
    let before = app.session.plan.clone();
    update(&mut app, Action::Command(Command::EditNote));
    update(&mut app, Action::Paste("n".repeat(MAX_NOTE_CHARS + 5)));
    let effects = update(&mut app, Action::Command(Command::Submit));
    assert!(effects.is_empty(), "nothing saved: {effects:?}");
    let Mode::Text(field) = &app.screen.mode else {
        panic!("the note field stays open");
    };
    let error = field.error.as_deref().unwrap_or_default();
    assert!(
        error.contains("2005 characters long, over the limit of 2000"),
        "{error}"
    );
    assert_eq!(field.input.value().chars().count(), MAX_NOTE_CHARS + 5);
    assert_eq!(app.session.plan, before);
}

#[test]
fn an_imported_row_with_text_over_its_limit_is_a_problem() {
    let csv = format!(
        "Program,Note\nShort,ok\n{},fine\nLong note,{}\n",
        "p".repeat(MAX_TITLE_CHARS + 1),
        "n".repeat(MAX_NOTE_CHARS + 1)
    );
    let report = imgplan::import::read_programs(csv.as_bytes()).expect("read");
    assert_eq!(report.programs.len(), 1);
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4]);
    assert!(
        report.problems[0]
            .message
            .contains("Program is 201 characters long")
    );
    assert!(
        report.problems[1]
            .message
            .contains("Note is 2001 characters long")
    );
}
