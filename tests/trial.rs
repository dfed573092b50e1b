//! What a new-user trial found (issue 16), each as a test that failed before its fix: a past
//! graduation read as a task to be late for, a brand-new plan opening with a task overdue, done
//! dates forced to today and kept on future days, and exit codes for bad dates.

use assert_cmd::Command;
use chrono::NaiveDate;
use imgplan::export::{ExportOptions, Format, render};
use imgplan::insights::Snapshot;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Graduation, Plan, Status};
use predicates::prelude::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn new_plan(today: NaiveDate) -> (Template, Plan) {
    let template = Template::embedded().expect("template");
    let plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    (template, plan)
}

#[test]
fn a_brand_new_plan_opens_with_nothing_overdue() {
    // On 2026-11-30 the WDOMS check is planned for 2026-11-29: past on day one.
    let today = date("2026-11-30");
    let (template, plan) = new_plan(today);
    let snapshot = Snapshot::build(&template, &plan, today);
    assert!(snapshot.overdue.is_empty(), "{:?}", snapshot.overdue);
    let wdoms = snapshot.task("ecfmg.school-eligible").expect("task");
    assert!(wdoms.starts_now());
    assert!(!wdoms.is_overdue(today));
    // A month later, tasks planned after the plan was made can be overdue again.
    let later = date("2027-01-10");
    let snapshot = Snapshot::build(&template, &plan, later);
    assert!(
        snapshot
            .overdue
            .iter()
            .any(|d| d.task == "ecfmg.myintealth"),
        "{:?}",
        snapshot.overdue
    );
}

#[test]
fn a_past_graduation_is_a_fact_not_a_task_to_be_late_for() {
    let today = date("2026-11-30");
    let (template, mut plan) = new_plan(today);
    // A plan from before the creation day was recorded: only the graduation rule applies.
    plan.created = None;
    plan.profile.graduation = Some(Graduation {
        date: date("2022-08-15"),
        expected: false,
    });
    let snapshot = Snapshot::build(&template, &plan, today);
    let diploma = snapshot.task("ecfmg.credentials").expect("task");
    assert!(!diploma.is_overdue(today));
    assert!(diploma.starts_now());
    assert!(
        !snapshot
            .overdue
            .iter()
            .any(|d| d.task == "ecfmg.credentials")
    );
    // Ticked, it is done on the day it was ticked and neither overdue nor to start.
    plan.set_status(&template, "ecfmg.credentials", Status::Done, today)
        .expect("done");
    let snapshot = Snapshot::build(&template, &plan, today);
    let diploma = snapshot.task("ecfmg.credentials").expect("task");
    assert!(!diploma.is_overdue(today) && !diploma.starts_now());
    assert!(
        snapshot
            .start_now
            .iter()
            .all(|d| d.task != "ecfmg.credentials")
    );
}

#[test]
fn a_done_date_can_be_set_but_not_in_the_future() {
    let today = date("2026-11-30");
    let (template, mut plan) = new_plan(today);
    assert!(
        plan.set_done_on(&template, "exams.step1", date("2026-03-14"), today)
            .is_err(),
        "a task not done has no done date"
    );
    plan.set_status(&template, "exams.step1", Status::Done, today)
        .expect("done");
    plan.set_done_on(&template, "exams.step1", date("2026-03-14"), today)
        .expect("done date");
    assert_eq!(plan.tasks["exams.step1"].done_on, Some(date("2026-03-14")));
    assert!(
        plan.set_done_on(&template, "exams.step1", date("2026-12-01"), today)
            .is_err()
    );
}

#[test]
fn a_done_task_sits_on_its_done_day_in_the_calendar() {
    let today = date("2026-11-30");
    let (template, mut plan) = new_plan(today);
    plan.set_status(&template, "exams.step1", Status::Done, today)
        .expect("done");
    plan.set_done_on(&template, "exams.step1", date("2026-03-14"), today)
        .expect("done date");
    let snapshot = Snapshot::build(&template, &plan, today);
    let stamp = today.and_hms_opt(0, 0, 0).expect("midnight");
    let ics = render(
        &template,
        &plan,
        &snapshot,
        &ExportOptions::new(Format::Calendar),
        stamp,
    )
    .expect("calendar");
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:task-exams.step1"))
        .expect("step 1 event");
    assert!(event.contains("DTSTART;VALUE=DATE:20260314"), "{event}");
    assert!(!event.contains("20270304"), "{event}");
}

/// `imgplan` on a plan in a temporary directory, with a fixed today.
fn imgplan(dir: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("imgplan").expect("binary");
    cmd.env_clear()
        .env("HOME", dir.path())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["--today", "2026-11-30", "--plan"])
        .arg(dir.path().join("plan.ron"));
    cmd
}

#[test]
fn bad_dates_on_the_command_line_exit_2_and_done_dates_can_be_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    imgplan(&dir)
        .args(["init", "--match-year", "2028", "--visa", "h1b"])
        .assert()
        .success();
    imgplan(&dir)
        .args(["set", "ecfmg.oet", "--due", "2027-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a real date"));
    imgplan(&dir)
        .args(["profile", "--graduation", "2022-08-15", "--expected"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot be expected"));
    imgplan(&dir)
        .args([
            "set",
            "exams.step1",
            "--state",
            "done",
            "--done-on",
            "2026-03-14",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("done on 2026-03-14"));
    imgplan(&dir)
        .args(["set", "exams.step1", "--done-on", "2027-01-01"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("after today"));
    imgplan(&dir)
        .args(["tasks"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(done 2026-03-14)"))
        // Step 1 done: the steps it needed, start-now ones included, are behind the user.
        .stdout(predicate::str::contains(
            "(behind you: Pass USMLE Step 1 is done)",
        ));
}

#[test]
fn status_never_cuts_a_warning_when_piped() {
    let dir = tempfile::tempdir().expect("temp dir");
    imgplan(&dir)
        .args(["init", "--match-year", "2028", "--visa", "h1b"])
        .assert()
        .success();
    // The prerequisite carries a date of the user's own, so it is not put behind them: their
    // two entries disagree and the warning stays.
    imgplan(&dir)
        .args(["set", "exams.apply", "--due", "2027-01-10"])
        .assert()
        .success();
    imgplan(&dir)
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .success();
    let out = imgplan(&dir).arg("status").output().expect("status");
    let text = String::from_utf8_lossy(&out.stdout);
    let warning = text
        .lines()
        .find(|l| l.contains("is marked done, but its prerequisite"))
        .expect("the prerequisite warning");
    assert!(warning.ends_with("is still todo."), "{warning}");
    assert!(!text.contains('…'), "{text}");
}

mod rank_cursor {
    use super::*;
    use imgplan::ids::ProgramId;
    use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};
    use imgplan::tui::action::{Action, Command};
    use imgplan::tui::app::{App, Row};
    use imgplan::tui::update::update;

    fn program(name: &str) -> Program {
        Program {
            id: ProgramId(0),
            name: name.to_owned(),
            state: None,
            specialty: None,
            nrmp_code: None,
            service: ApplicationService::Eras,
            visa: VisaStance::Both,
            requirements: Requirements::default(),
            status: ProgramStatus::Interviewed,
            interview: None,
            note: None,
            ..Program::default()
        }
    }

    fn run(app: &mut App, command: Command) {
        update(app, Action::Command(command));
    }

    #[test]
    fn r_leaves_the_cursor_on_the_program_just_ranked() {
        let today = date("2026-11-30");
        let (template, mut plan) = new_plan(today);
        let ids: Vec<ProgramId> = ["Brookdale", "Jersey Shore", "Lakeside"]
            .into_iter()
            .map(|name| plan.add_program(program(name)).expect("program"))
            .collect();
        let mut app = App::new(template, plan, "/tmp/imgplan-trial/plan.ron".into(), today);
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        app.screen.panel = app.programs_panel();
        app.settle_all();
        // The cursor starts on the first program; rank it, then the next one, and the next.
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(app.selected_row(), Some(Row::Program(*id)), "before r #{i}");
            run(&mut app, Command::Rank);
            assert_eq!(app.selected_row(), Some(Row::Program(*id)), "after r #{i}");
            assert_eq!(app.session.plan.rank_order.get(i), Some(id));
            run(&mut app, Command::Down);
        }
        // At the end of the list, `r` again takes the last one off, not the one above it.
        run(&mut app, Command::Rank);
        assert_eq!(app.session.plan.rank_order, ids[..2].to_vec());
        assert_eq!(app.selected_row(), Some(Row::Program(ids[2])));
    }
}

mod agenda {
    use super::*;
    use imgplan::ids::ProgramId;
    use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};
    use imgplan::tui::action::{Action, Command};
    use imgplan::tui::agenda::AgendaItem;
    use imgplan::tui::app::{App, Row};
    use imgplan::tui::update::update;
    use imgplan::usce::{LetterState, Rotation, RotationKind};

    fn app() -> (App, ProgramId) {
        let today = date("2026-11-30");
        let (template, mut plan) = new_plan(today);
        plan.set_status(&template, "exams.step1", Status::Done, today)
            .expect("done");
        plan.set_done_on(&template, "exams.step1", date("2026-03-14"), today)
            .expect("done date");
        let program = plan
            .add_program(Program {
                id: ProgramId(0),
                name: "Brookdale University Hospital".into(),
                state: Some("NY".into()),
                specialty: None,
                nrmp_code: None,
                service: ApplicationService::Eras,
                visa: VisaStance::Both,
                requirements: Requirements::default(),
                status: ProgramStatus::Interviewed,
                interview: Some(date("2027-11-20")),
                note: None,
                ..Program::default()
            })
            .expect("program");
        plan.add_rotation(Rotation {
            id: imgplan::ids::RotationId(0),
            kind: RotationKind::Observership,
            institution: "Brooklyn General".into(),
            specialty: None,
            start: date("2027-01-04"),
            end: date("2027-01-29"),
            hands_on: false,
            supervisor: None,
            letter: LetterState::NotRequested,
            note: None,
        })
        .expect("rotation");
        let mut app = App::new(template, plan, "/tmp/imgplan-trial/plan.ron".into(), today);
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        (app, program)
    }

    fn agenda(app: &App) -> Vec<Row> {
        let agenda = app
            .panels()
            .iter()
            .position(|p| *p == imgplan::tui::app::Panel::Agenda)
            .expect("an Agenda panel");
        app.rows(agenda).to_vec()
    }

    fn today_line(rows: &[Row]) -> usize {
        rows.iter()
            .position(|r| matches!(r, Row::Heading(t) if t.starts_with("── Today")))
            .expect("a today line")
    }

    #[test]
    fn the_agenda_holds_every_dated_thing_split_at_today() {
        let (app, program) = app();
        let rows = agenda(&app);
        let today = today_line(&rows);
        let at = |wanted: &Row| rows.iter().position(|r| r == wanted);
        // Step 1, done in March, is behind; it no longer sits on its planned day in 2027.
        let step1 = at(&Row::Task("exams.step1".into())).expect("step 1");
        assert!(step1 < today);
        assert_eq!(
            rows.iter()
                .filter(|r| **r == Row::Task("exams.step1".into()))
                .count(),
            1
        );
        for item in [
            AgendaItem::Interview(program),
            AgendaItem::RotationStart(imgplan::ids::RotationId(1)),
            AgendaItem::Letter(imgplan::ids::RotationId(1)),
            AgendaItem::Season(imgplan::journey::Anchor::MatchDay),
        ] {
            let index = at(&Row::Agenda(item)).unwrap_or_else(|| panic!("{item:?} listed"));
            assert!(index > today, "{item:?} is ahead");
        }
        assert!(at(&Row::Task("exams.step2ck".into())).is_some_and(|i| i > today));
    }

    #[test]
    fn the_agenda_opens_at_today_and_f_shows_open_things_only() {
        let (mut app, _) = app();
        let agenda_panel = app
            .panels()
            .iter()
            .position(|p| *p == imgplan::tui::app::Panel::Agenda)
            .expect("an Agenda panel");
        update(&mut app, Action::Command(Command::Panel(agenda_panel)));
        let rows = agenda(&app);
        assert!(app.cursor().selected > today_line(&rows));
        update(&mut app, Action::Command(Command::Filter));
        let rows = agenda(&app);
        assert!(!rows.contains(&Row::Task("exams.step1".into())));
        assert_eq!(today_line(&rows), 0, "no past part");
        update(&mut app, Action::Command(Command::Filter));
        assert!(agenda(&app).contains(&Row::Task("exams.step1".into())));
    }
}

mod search {
    use super::*;
    use imgplan::ids::ProgramId;
    use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};
    use imgplan::tui::action::{Action, Command};
    use imgplan::tui::app::{App, Mode, Panel, Row};
    use imgplan::tui::update::update;
    use imgplan::usce::{LetterState, Rotation, RotationKind};

    fn app() -> App {
        let today = date("2026-11-30");
        let (template, mut plan) = new_plan(today);
        for name in ["Brookdale University Hospital", "Jersey Shore University"] {
            plan.add_program(Program {
                id: ProgramId(0),
                name: name.into(),
                state: Some("NY".into()),
                specialty: None,
                nrmp_code: None,
                service: ApplicationService::Eras,
                visa: VisaStance::Both,
                requirements: Requirements::default(),
                status: ProgramStatus::Applied,
                interview: None,
                note: None,
                ..Program::default()
            })
            .expect("program");
        }
        plan.add_rotation(Rotation {
            id: imgplan::ids::RotationId(0),
            kind: RotationKind::Observership,
            institution: "Brookdale Clinic".into(),
            specialty: None,
            start: date("2027-01-04"),
            end: date("2027-01-29"),
            hands_on: false,
            supervisor: Some("Dr. Lee".into()),
            letter: LetterState::Requested,
            note: None,
        })
        .expect("rotation");
        let mut app = App::new(template, plan, "/tmp/imgplan-trial/plan.ron".into(), today);
        update(
            &mut app,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        app
    }

    fn search(app: &mut App, text: &str) -> Option<String> {
        update(app, Action::Command(Command::Search));
        for c in text.chars() {
            update(app, Action::Type(c));
        }
        let Mode::Text(field) = &app.screen.mode else {
            panic!("search closed")
        };
        field.error.clone()
    }

    fn message(app: &App) -> String {
        app.message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn search_finds_programs_and_rotations_and_n_walks_across_panels() {
        let mut app = app();
        let note = search(&mut app, "Brookdale").expect("a count");
        assert_eq!(
            note,
            "2 matches for \"Brookdale\": USCE 1, Programs 1 · Enter keeps, n/N next"
        );
        // The first hit is the rotation, in the USCE stage panel.
        assert!(matches!(app.selected_row(), Some(Row::Rotation(_))));
        update(&mut app, Action::Command(Command::Submit));
        update(&mut app, Action::Command(Command::NextMatch));
        assert_eq!(app.current_panel(), Panel::Programs);
        assert!(matches!(app.selected_row(), Some(Row::Program(_))));
        // The item's name, not a screen row that counts headings.
        assert_eq!(
            message(&app),
            "Match 2 of 2 · Programs: Brookdale University Hospital"
        );
        update(&mut app, Action::Command(Command::NextMatch));
        assert!(message(&app).starts_with("Match 1 of 2 · USCE: "));
    }

    #[test]
    fn counts_are_grammatical_and_supervisors_and_sources_are_found() {
        let mut app = app();
        let note = search(&mut app, "Jersey").expect("a count");
        assert!(
            note.starts_with("1 match for \"Jersey\": Programs 1"),
            "{note}"
        );
        update(&mut app, Action::Command(Command::Cancel));
        let note = search(&mut app, "Dr. Lee").expect("a count");
        assert!(note.starts_with("1 match for "), "{note}");
        update(&mut app, Action::Command(Command::Cancel));
        // A source's publisher finds the tasks and facts that cite it.
        let note = search(&mut app, "US Department of State").expect("a count");
        assert!(note.contains("matches for"), "{note}");
        update(&mut app, Action::Command(Command::Cancel));
        assert_eq!(
            search(&mut app, "Brookdalez").as_deref(),
            Some("No match for \"Brookdalez\".")
        );
    }
}

mod done_date_in_the_planner {
    use super::*;
    use imgplan::tui::action::{Action, Command, EditKey};
    use imgplan::tui::app::{App, Mode, Row};
    use imgplan::tui::update::update;

    fn run(app: &mut App, command: Command) {
        update(app, Action::Command(command));
    }

    #[test]
    fn d_on_a_done_task_edits_the_day_it_was_done() {
        let today = date("2026-11-30");
        let (template, mut plan) = new_plan(today);
        plan.set_status(&template, "exams.step1", Status::Done, today)
            .expect("done");
        let mut app = App::new(template, plan, "/tmp/imgplan-trial/plan.ron".into(), today);
        app.screen.panel = app.stage_panel("exams").expect("exams");
        let rows = app.rows(app.screen.panel);
        let row = rows
            .iter()
            .position(|r| *r == Row::Task("exams.step1".into()))
            .expect("step 1 row");
        app.screen.cursors[app.screen.panel].selected = row;
        run(&mut app, Command::EditDate);
        let Mode::Text(field) = &app.screen.mode else {
            panic!("a date field opens")
        };
        assert_eq!(
            field.input.value(),
            "2026-11-30",
            "starts at the recorded day"
        );
        run(&mut app, Command::Edit(EditKey::DeleteToStart));
        for c in "2027-01-05".chars() {
            update(&mut app, Action::Type(c));
        }
        run(&mut app, Command::Submit);
        assert!(
            matches!(app.screen.mode, Mode::Text(_)),
            "a day after today is refused in the field"
        );
        run(&mut app, Command::Edit(EditKey::DeleteToStart));
        for c in "2026-03-14".chars() {
            update(&mut app, Action::Type(c));
        }
        run(&mut app, Command::Submit);
        assert!(matches!(app.screen.mode, Mode::Normal));
        assert_eq!(
            app.session.plan.tasks["exams.step1"].done_on,
            Some(date("2026-03-14"))
        );
        // The due date the template planned is untouched.
        assert_eq!(app.session.plan.tasks["exams.step1"].due, None);
    }
}
