//! From a new user's trial: ranking a program that never interviewed her is allowed but warned
//! about (NRMP: do not rank programs where you did not interview), and a program ranked straight
//! from "considering" is not counted as "applied to so far".

use chrono::NaiveDate;
use imgplan::export::{ExportOptions, Format, render};
use imgplan::ids::ProgramId;
use imgplan::insights::Snapshot;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::Plan;
use imgplan::programs::{Program, ProgramStatus, VisaStance};
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::App;
use imgplan::tui::update::update;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn program(name: &str, status: ProgramStatus, interview: Option<NaiveDate>) -> Program {
    Program {
        id: ProgramId(0),
        name: name.to_owned(),
        visa: VisaStance::Both,
        status,
        interview,
        ..Program::default()
    }
}

fn app_with(programs: Vec<Program>) -> App {
    let today = date("2026-11-30");
    let template = Template::embedded().expect("template");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    for p in programs {
        plan.add_program(p).expect("program");
    }
    let mut app = App::new(
        template,
        plan,
        "/tmp/imgplan-ranking/plan.ron".into(),
        today,
    );
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    app.screen.panel = app.programs_panel();
    app.settle_all();
    app
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn ranking_a_program_with_no_interview_on_record_is_warned_about() {
    let mut app = app_with(vec![program(
        "Harlem Hospital",
        ProgramStatus::Considering,
        None,
    )]);
    update(&mut app, Action::Command(Command::Rank));
    let said = message(&app);
    assert!(said.starts_with("Ranked last: Harlem Hospital"), "{said}");
    assert!(
        said.contains("NRMP says rank only programs that interviewed you"),
        "{said}"
    );
    assert_eq!(app.session.plan.rank_order.len(), 1, "ranking still works");
}

#[test]
fn ranking_an_interviewed_program_is_not_warned_about() {
    let mut app = app_with(vec![
        program("Jamaica Hospital", ProgramStatus::Interviewed, None),
        program(
            "Brookdale",
            ProgramStatus::InterviewInvited,
            Some(date("2027-11-12")),
        ),
    ]);
    update(&mut app, Action::Command(Command::Rank));
    assert!(!message(&app).contains("NRMP"), "{}", message(&app));
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Command(Command::Rank));
    assert!(!message(&app).contains("NRMP"), "{}", message(&app));
}

#[test]
fn a_program_ranked_from_considering_is_not_applied_to() {
    let today = date("2026-11-30");
    let template = Template::embedded().expect("template");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    plan.add_program(program("Harlem Hospital", ProgramStatus::Ranked, None))
        .expect("program");
    let snapshot = Snapshot::build(&template, &plan, today);
    let stamp = today.and_hms_opt(0, 0, 0).expect("midnight");
    let markdown = render(
        &template,
        &plan,
        &snapshot,
        &ExportOptions::new(Format::Markdown),
        stamp,
    )
    .expect("markdown");
    assert!(
        markdown.contains("| Total, programs applied to so far | \\$0 |"),
        "{markdown}"
    );
    // With an applied date, or an interview already held, it counts; an interview still
    // ahead is no sign of an application yet.
    let mut applied = program("Harlem Hospital", ProgramStatus::Ranked, None);
    applied.applied = Some(date("2027-09-25"));
    assert!(applied.counts_as_applied(today));
    let held = program("Jamaica", ProgramStatus::Ranked, Some(date("2026-11-02")));
    assert!(held.counts_as_applied(today));
    let ahead = program("Brookdale", ProgramStatus::Ranked, Some(date("2027-11-12")));
    assert!(!ahead.counts_as_applied(today));
    assert!(!program("Harlem", ProgramStatus::Ranked, None).counts_as_applied(today));
    assert!(program("Harlem", ProgramStatus::Applied, None).counts_as_applied(today));
}

#[test]
fn ranking_in_the_program_form_without_an_interview_is_warned_about_too() {
    use imgplan::tui::app::Mode;
    use imgplan::tui::form::Key;
    let mut app = app_with(vec![program(
        "Harlem Hospital",
        ProgramStatus::Applied,
        None,
    )]);
    update(&mut app, Action::Command(Command::Open));
    for _ in 0..60 {
        if let Mode::Form(form) = &app.screen.mode
            && form.fields[form.focus].key == Key::Status
        {
            break;
        }
        update(&mut app, Action::Command(Command::NextField));
    }
    for _ in 0..10 {
        if let Mode::Form(form) = &app.screen.mode
            && form.text_of(Key::Status) == "ranked"
        {
            break;
        }
        update(&mut app, Action::Command(Command::NextChoice));
    }
    update(&mut app, Action::Command(Command::Submit));
    let said = message(&app);
    assert!(said.starts_with("Program saved: Harlem Hospital"), "{said}");
    assert!(
        said.contains("NRMP says rank only programs that interviewed you"),
        "{said}"
    );
    assert_eq!(app.session.plan.rank_order.len(), 1);
}
