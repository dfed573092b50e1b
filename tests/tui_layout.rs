//! The layout at the sizes people use (100×30, 120×40, 200×60) with the plan of a new-user
//! trial: long program names, a rotation, Step 1 done in the past. Whole task titles and program
//! names must be visible from 100 columns; `z` gives the list or the details the whole width.

use chrono::NaiveDate;
use imgplan::ids::{ProgramId, RotationId};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Graduation, Plan, Status};
use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::App;
use imgplan::tui::update::update;
use imgplan::tui::view;
use imgplan::usce::{LetterState, Rotation, RotationKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const SIZES: [(u16, u16); 3] = [(100, 30), (120, 40), (200, 60)];

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

const PROGRAMS: [(&str, VisaStance); 4] = [
    ("Jersey Shore University Medical Center", VisaStance::J1),
    (
        "Brookdale University Hospital and Medical Center",
        VisaStance::Both,
    ),
    ("Lakeside University Medical Center", VisaStance::Both),
    ("St. Barnabas Hospital Bronx", VisaStance::J1),
];

fn app() -> App {
    let template = Template::embedded().expect("template");
    let today = date("2026-11-30");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    plan.profile.name = Some("Dr. Ayesha Khan".into());
    plan.profile.specialty = Some("Internal Medicine".into());
    plan.profile.graduation = Some(Graduation {
        date: date("2022-08-15"),
        expected: false,
    });
    plan.set_status(&template, "exams.step1", Status::Done, today)
        .expect("step 1");
    plan.set_done_on(&template, "exams.step1", date("2026-03-14"), today)
        .expect("done date");
    for (name, visa) in PROGRAMS {
        plan.add_program(Program {
            id: ProgramId(0),
            name: name.into(),
            state: Some("NJ".into()),
            specialty: Some("Internal Medicine".into()),
            nrmp_code: None,
            service: ApplicationService::Eras,
            visa,
            requirements: Requirements::default(),
            status: ProgramStatus::Interviewed,
            interview: Some(date("2027-11-20")),
            note: None,
            ..Program::default()
        })
        .expect("program");
    }
    plan.add_rotation(Rotation {
        id: RotationId(0),
        kind: RotationKind::Observership,
        institution: "Brooklyn General Hospital".into(),
        specialty: Some("Internal Medicine".into()),
        start: date("2027-01-04"),
        end: date("2027-01-29"),
        hands_on: false,
        supervisor: Some("Dr. Lee".into()),
        letter: LetterState::NotRequested,
        note: None,
    })
    .expect("rotation");
    App::new(template, plan, "/home/ayesha/plan.ron".into(), today)
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}

fn panel(app: &mut App, name: &str) {
    let index = match name {
        "programs" => app.programs_panel(),
        "agenda" => app.panels().len() - 1,
        "overview" => 0,
        stage => app.stage_panel(stage).expect("stage"),
    };
    update(app, Action::Command(Command::Panel(index)));
}

#[test]
fn the_main_panels_at_the_three_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        for name in ["overview", "exams", "visa", "programs", "agenda"] {
            panel(&mut app, name);
            insta::assert_snapshot!(
                format!("{name}_{width}x{height}"),
                screen(&mut app, width, height)
            );
        }
    }
}

#[test]
fn whole_titles_and_program_names_from_100_columns() {
    for (width, height) in SIZES {
        let mut app = app();
        panel(&mut app, "eras");
        let eras = screen(&mut app, width, height);
        assert!(
            eras.contains("Get your MSPE (Dean's letter) and transcript, with translations"),
            "{width}x{height}:\n{eras}"
        );
        panel(&mut app, "programs");
        let programs = screen(&mut app, width, height);
        for (name, _) in PROGRAMS {
            assert!(
                programs.contains(name),
                "{width}x{height}: {name}\n{programs}"
            );
        }
        panel(&mut app, "exams");
        let exams = screen(&mut app, width, height);
        assert!(exams.contains("Apply for Step 1 and Step 2 CK in FSMB's USMLE portal"));
        // Compact countdowns, Step 1 on the day it was done, and its prerequisite behind.
        assert!(
            exams.contains("in 261 d")
                && exams.contains("2026-03-14")
                && exams.contains("behind you"),
            "{exams}"
        );
    }
}

#[test]
fn z_gives_the_list_then_the_details_the_whole_width() {
    let mut app = app();
    panel(&mut app, "exams");
    update(&mut app, Action::Command(Command::Zoom));
    let list = screen(&mut app, 120, 40);
    insta::assert_snapshot!("zoom_list_120x40", list);
    assert!(!list.contains("Details"));
    update(&mut app, Action::Command(Command::Zoom));
    let details = screen(&mut app, 120, 40);
    insta::assert_snapshot!("zoom_details_120x40", details);
    assert!(!details.contains("Facts and figures"));
    update(&mut app, Action::Command(Command::Zoom));
    let both = screen(&mut app, 120, 40);
    assert!(both.contains("Details") && both.contains("Facts and figures"));
}

#[test]
fn the_footer_at_120_columns_offers_export_and_zoom() {
    let mut app = app();
    for name in ["overview", "exams", "agenda"] {
        panel(&mut app, name);
        let text = screen(&mut app, 120, 40);
        let footer = text.lines().last().expect("footer");
        assert!(
            footer.contains("e export") && footer.contains("z zoom"),
            "{name}: {footer}"
        );
    }
}

#[test]
fn every_tab_keeps_a_recognisable_name_at_80_100_and_120_columns() {
    let mut app = app();
    panel(&mut app, "programs");
    for (width, height) in [(80, 24), (100, 30), (120, 40)] {
        let text = screen(&mut app, width, height);
        let bar = text.lines().nth(1).expect("tab bar");
        for name in [
            "1 Ov", "2 EC", "3 Ex", "4 US", "5 ER", "6 Ma", "7 Vi", "8 Re", "0 Ag", "· Ti", "· Bu",
            "· Le", "· Sc",
        ] {
            assert!(bar.contains(name), "{width}x{height}: {name} in {bar}");
        }
        assert!(bar.contains("9 Programs"), "{width}x{height}: {bar}");
    }
}

#[test]
fn narrow_footers_keep_help_and_the_panels_own_keys() {
    let mut app = app();
    for (width, height) in [(80, 24), (100, 30)] {
        panel(&mut app, "programs");
        let text = screen(&mut app, width, height);
        let footer = text.lines().last().expect("footer");
        for key in [
            "? help", "a add", "r rank", "s state", "/ search", "e export",
        ] {
            assert!(footer.contains(key), "{width}x{height}: {key} in {footer}");
        }
        panel(&mut app, "exams");
        update(&mut app, Action::Command(Command::Down));
        let text = screen(&mut app, width, height);
        let footer = text.lines().last().expect("footer");
        for key in ["? help", "Space done", "d date", "a add", "/ search"] {
            assert!(footer.contains(key), "{width}x{height}: {key} in {footer}");
        }
    }
}

#[test]
fn the_header_shortens_other_parts_before_the_specialty() {
    let mut app = app();
    app.session.plan.profile.visa = VisaChoice::H1bPreferred;
    app.refresh();
    for (width, height) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
        let text = screen(&mut app, width, height);
        let header = text.lines().next().expect("header");
        assert!(
            header.contains("Internal Medicine"),
            "{width}x{height}: {header}"
        );
        assert!(
            header.contains("today 2026-11-30"),
            "{width}x{height}: {header}"
        );
    }
    let wide = screen(&mut app, 200, 60);
    assert!(wide.contains("visa H-1B preferred, J-1 acceptable · non-US-citizen IMG"));
}

#[test]
fn a_long_rotation_name_is_whole_at_200_columns() {
    let mut app = app();
    let id = app.session.plan.rotations[0].id;
    if let Some(rotation) = app.session.plan.rotations.iter_mut().find(|r| r.id == id) {
        rotation.institution = "Brookdale University Hospital Medical Center".into();
    }
    app.refresh();
    panel(&mut app, "usce");
    let text = screen(&mut app, 200, 60);
    assert!(
        text.contains("Brookdale University Hospital Medical Center ")
            && !text.contains("Brookdale University Hospital M…"),
        "{text}"
    );
}
