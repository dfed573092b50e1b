//! What a person sees: every panel, the help and the dialogs rendered into ratatui's
//! `TestBackend` at 120×40 and 80×24, checked against reviewed snapshots (insta), plus the
//! colour-free theme and a sweep of tiny sizes.

use chrono::NaiveDate;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Plan, Status};
use imgplan::programs::{
    ApplicationService, InterviewFormat, Program, ProgramStatus, Requirements, Signal, VisaStance,
};
use imgplan::tui::action::EditKey;
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::{App, Row};
use imgplan::tui::update::update;
use imgplan::tui::view;
use imgplan::usce::{LetterState, Rotation, RotationKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

const TODAY: &str = "2026-11-25";
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A plan in progress: a name, Step 1 done, Step 2 CK under way with a note, one overdue task
/// and tasks of the user's own with a CJK and an emoji title.
fn app() -> App {
    let template = Template::embedded().expect("template");
    let today = date(TODAY);
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("plan");
    plan.profile.name = Some("Dr. Amina Yusuf".into());
    plan.profile.specialty = Some("Internal medicine".into());
    plan.set_status(&template, "exams.step1", Status::Done, date("2026-09-01"))
        .expect("step 1");
    plan.set_status(&template, "exams.step2ck", Status::Doing, today)
        .expect("step 2");
    plan.set_note(
        &template,
        "exams.step2ck",
        "UWorld second pass; NBME 12 on 2027-01-10",
    )
    .expect("note");
    plan.set_due(&template, "ecfmg.oet", Some(date("2026-11-01")))
        .expect("overdue date");
    let cjk = plan
        .add_custom_task(&template, "exams", "日本語の診療記録を翻訳する")
        .expect("cjk task");
    plan.set_due(&template, &cjk, Some(date("2026-12-01")))
        .expect("cjk date");
    plan.add_custom_task(&template, "exams", "Celebrate Step 1 🎉 with family 👨‍👩‍👧")
        .expect("emoji task");
    add_trackers(&mut plan);
    let mut app = App::new(
        template,
        plan,
        "/home/amina/.local/share/imgplan/plan.ron".into(),
        today,
    );
    app.message = None;
    app
}

/// Three programs (one J-1 only, ranked first, which an H-1B plan is warned about) and two
/// rotations, one letter uploaded and one still to ask for.
fn add_trackers(plan: &mut Plan) {
    let program = |name: &str, state: &str, visa: VisaStance, status: ProgramStatus| Program {
        id: imgplan::ids::ProgramId(0),
        name: name.into(),
        state: Some(state.into()),
        specialty: Some("Internal Medicine".into()),
        nrmp_code: None,
        service: ApplicationService::Eras,
        visa,
        requirements: Requirements::default(),
        status,
        interview: None,
        note: None,
        ..Program::default()
    };
    plan.add_program(program(
        "Mercy Hospital IM",
        "NY",
        VisaStance::J1,
        ProgramStatus::Ranked,
    ))
    .expect("program");
    let mut strict = program(
        "Lakeside University Medical Center",
        "PA",
        VisaStance::Both,
        ProgramStatus::Ranked,
    );
    strict.requirements.step3_before_rank = true;
    strict.requirements.min_step2_score = Some(230);
    strict.interview = Some(date("2027-11-18"));
    plan.add_program(strict).expect("program");
    plan.add_program(program(
        "Harbor Community Hospital",
        "CA",
        VisaStance::Unknown,
        ProgramStatus::Applied,
    ))
    .expect("program");
    let rotation = |institution: &str, start: &str, end: &str, letter: LetterState| Rotation {
        id: imgplan::ids::RotationId(0),
        kind: RotationKind::Externship,
        institution: institution.into(),
        specialty: Some("Internal Medicine".into()),
        start: date(start),
        end: date(end),
        hands_on: true,
        supervisor: Some("Dr. Lee".into()),
        letter,
        note: None,
    };
    plan.add_rotation(rotation(
        "Brooklyn General",
        "2026-06-01",
        "2026-06-28",
        LetterState::Uploaded,
    ))
    .expect("rotation");
    plan.add_rotation(rotation(
        "St. Luke's Clinic",
        "2027-01-04",
        "2027-01-31",
        LetterState::NotRequested,
    ))
    .expect("rotation");
}

fn render(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draw");
    terminal
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    render(app, width, height).backend().to_string()
}

fn buffer_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_panel_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        for panel in 0..app.panels().len() {
            update(&mut app, Action::Command(Command::Panel(panel)));
            let name = format!("panel_{panel}_{width}x{height}");
            insta::assert_snapshot!(name, screen(&mut app, width, height));
        }
    }
}

#[test]
fn the_exams_checklist_shows_state_dates_countdowns_and_glyphs() {
    let mut app = app();
    let exams = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Panel(exams)));
    let text = buffer_text(render(&mut app, 120, 40).backend().buffer());
    assert!(
        text.contains("[x] Take USMLE Step 1") || text.contains("[x]"),
        "{text}"
    );
    assert!(text.contains("[~]"), "doing shows as [~]");
    assert!(text.contains("日"), "CJK title shown: {text}");
    assert!(
        text.contains("+ Celebrate Step 1"),
        "your own tasks are marked: {text}"
    );
    assert!(
        text.contains("in 6 days") || text.contains("• [ ]"),
        "{text}"
    );
}

#[test]
fn the_overview_shows_overdue_work_with_a_glyph() {
    let mut app = app();
    let text = buffer_text(render(&mut app, 120, 40).backend().buffer());
    assert!(text.contains("Overdue (1)"), "{text}");
    assert!(text.contains("24 d late"), "{text}");
    assert!(text.contains("! [ ]"), "overdue glyph: {text}");
    assert!(text.contains("published") || text.contains("estimated"));
}

#[test]
fn help_overlay_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Command(Command::Help));
        insta::assert_snapshot!(
            format!("help_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

/// Opens a dialog from the exams panel on Step 2 CK.
fn dialog(command: Command) -> App {
    let mut app = app();
    let exams = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Panel(exams)));
    update(&mut app, Action::Command(Command::Down));
    update(&mut app, Action::Command(command));
    app
}

#[test]
fn edit_dialogs_at_both_sizes() {
    for (width, height) in SIZES {
        for (name, command) in [
            ("due", Command::EditDate),
            ("note", Command::EditNote),
            ("add", Command::Add),
            ("profile", Command::EditProfile),
            ("search", Command::Search),
        ] {
            let mut app = dialog(command);
            if command == Command::Search {
                for c in "step".chars() {
                    update(&mut app, Action::Type(c));
                }
            }
            insta::assert_snapshot!(
                format!("dialog_{name}_{width}x{height}"),
                screen(&mut app, width, height)
            );
        }
    }
}

#[test]
fn a_bad_date_shows_its_error_in_the_dialog() {
    let mut app = dialog(Command::EditDate);
    update(
        &mut app,
        Action::Command(Command::Edit(imgplan::tui::action::EditKey::DeleteToStart)),
    );
    for c in "2027-02-30".chars() {
        update(&mut app, Action::Type(c));
    }
    update(&mut app, Action::Command(Command::Submit));
    insta::assert_snapshot!("dialog_bad_date_80x24", screen(&mut app, 80, 24));
}

#[test]
fn the_delete_question() {
    let mut app = app();
    let exams = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Panel(exams)));
    update(&mut app, Action::Command(Command::Bottom));
    update(&mut app, Action::Command(Command::Delete));
    insta::assert_snapshot!("dialog_delete_80x24", screen(&mut app, 80, 24));
}

#[test]
fn colour_free_theme_keeps_selection_and_state_visible() {
    let mut app = app();
    app.prefs.monochrome = true;
    let exams = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Panel(exams)));
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let mut reversed_rows = 0;
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            assert_eq!(
                cell.fg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
            assert_eq!(
                cell.bg,
                ratatui::style::Color::Reset,
                "no colour at {x},{y}"
            );
        }
        if buffer[(30, y)].modifier.contains(Modifier::REVERSED) {
            reversed_rows += 1;
        }
    }
    assert_eq!(
        reversed_rows, 1,
        "exactly the selected row is in reverse video"
    );
    insta::assert_snapshot!("mono_exams_120x40", terminal.backend().to_string());
}

#[test]
fn tiny_terminals_never_panic_and_say_so() {
    for width in 0..=10 {
        for height in 0..=10 {
            let mut app = app();
            render(&mut app, width, height);
            update(&mut app, Action::Command(Command::Help));
            render(&mut app, width, height);
        }
    }
    let mut app = app();
    let text = buffer_text(render(&mut app, 50, 12).backend().buffer());
    assert!(text.contains("Terminal too small"), "{text}");
    assert!(text.contains("q to quit"), "{text}");
}

#[test]
fn escape_sequences_in_the_plan_never_reach_the_screen() {
    let mut app = app();
    let template = app.template.clone();
    app.session.plan.profile.name = Some("Eve\u{1b}[2J\u{7}".into());
    app.session.plan.custom_tasks[0].title = "Bad\u{1b}]0;owned\u{7}title".into();
    app.refresh();
    let exams = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Panel(exams)));
    let _ = template;
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

/// Selects the first row of a panel that matches.
fn select_row(app: &mut App, panel: usize, wanted: impl Fn(&Row) -> bool) {
    update(app, Action::Command(Command::Panel(panel)));
    update(app, Action::Command(Command::Top));
    for _ in 0..200 {
        if app.selected_row().is_some_and(|row| wanted(&row)) {
            return;
        }
        update(app, Action::Command(Command::Down));
    }
    panic!("no such row in panel {panel}");
}

#[test]
fn tracker_rows_and_their_details_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Resize { width, height });
        let programs = app.programs_panel();
        select_row(&mut app, programs, |row| matches!(row, Row::Ranked(_)));
        insta::assert_snapshot!(
            format!("ranked_program_{width}x{height}"),
            screen(&mut app, width, height)
        );
        let visa = app.stage_panel("visa").expect("visa");
        select_row(&mut app, visa, |row| matches!(row, Row::Comparison(_)));
        update(&mut app, Action::Command(Command::Down));
        insta::assert_snapshot!(
            format!("visa_comparison_{width}x{height}"),
            screen(&mut app, width, height)
        );
        let usce = app.stage_panel("usce").expect("usce");
        select_row(&mut app, usce, |row| matches!(row, Row::Rotation(_)));
        insta::assert_snapshot!(
            format!("rotation_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn tracker_forms_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Resize { width, height });
        let programs = app.programs_panel();
        select_row(&mut app, programs, |row| matches!(row, Row::Program(_)));
        update(&mut app, Action::Command(Command::Open));
        insta::assert_snapshot!(
            format!("program_form_{width}x{height}"),
            screen(&mut app, width, height)
        );
        update(&mut app, Action::Command(Command::Cancel));
        update(&mut app, Action::Command(Command::Filter));
        insta::assert_snapshot!(
            format!("filter_form_{width}x{height}"),
            screen(&mut app, width, height)
        );
        update(&mut app, Action::Command(Command::Cancel));
        let usce = app.stage_panel("usce").expect("usce");
        select_row(&mut app, usce, |row| matches!(row, Row::AddRotation));
        update(&mut app, Action::Command(Command::Open));
        // An end before the start shows its error on the end field.
        update(&mut app, Action::Command(Command::NextField));
        for c in "Mercy Hospital".chars() {
            update(&mut app, Action::Type(c));
        }
        for _ in 0..3 {
            update(&mut app, Action::Command(Command::NextField));
        }
        update(
            &mut app,
            Action::Command(Command::Edit(EditKey::DeleteToStart)),
        );
        for c in "2020-01-01".chars() {
            update(&mut app, Action::Type(c));
        }
        update(&mut app, Action::Command(Command::Submit));
        insta::assert_snapshot!(
            format!("rotation_form_error_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn program_rows_flag_visa_misfits_and_unknowns() {
    let mut app = app();
    let programs = app.programs_panel();
    update(&mut app, Action::Command(Command::Panel(programs)));
    let text = buffer_text(render(&mut app, 120, 40).backend().buffer());
    // In the programs list (left edge of the panel): the flag comes first.
    assert!(
        text.contains("│✗ Mercy Hospital IM"),
        "J-1 only on an H-1B plan: {text}"
    );
    assert!(
        text.contains("│? Harbor Community"),
        "stance unknown: {text}"
    );
    assert!(
        text.contains("│  Lakeside University"),
        "fits: no flag: {text}"
    );
    assert!(text.contains("1. ✗ Mercy Hospital IM"), "{text}");
    assert!(text.contains("Rank order list (2)"), "{text}");
}

#[test]
fn the_export_dialog_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        app.prefs.export_dir = "/home/amal/Documents".into();
        update(&mut app, Action::Resize { width, height });
        update(&mut app, Action::Command(Command::Export));
        update(&mut app, Action::Command(Command::NextChoice));
        update(&mut app, Action::Command(Command::NextChoice));
        insta::assert_snapshot!(
            format!("export_dialog_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
    // A file that exists: the question wraps rather than losing its end.
    let mut app = app();
    app.prefs.export_dir = "/home/amal/Documents".into();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::Command(Command::Export));
    update(
        &mut app,
        Action::Exported(Err(imgplan::tui::action::ExportProblem::Exists(
            "/home/amal/Documents/imgplan-summary-2026-11-25.txt".into(),
        ))),
    );
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("replaces it, or change the name"), "{shown}");
    insta::assert_snapshot!("export_dialog_exists_80x24", shown);
}

/// The trial's tracking on the sample programs: priority, signals, dates, a contact, fees, her
/// own column, and a Step 2 CK score to hold the cutoffs against.
fn tracked_app() -> App {
    let mut app = app();
    app.session.plan.profile.step2_score = Some(238);
    let programs = &mut app.session.plan.programs;
    let first = &mut programs[0];
    first.priority = Some(1);
    first.signal = Signal::Gold;
    first.applied = Some(date("2027-09-24"));
    first.invited = Some(date("2027-10-15"));
    first.interview_format = Some(InterviewFormat::Virtual);
    first.contact = Some("Ms. Ortiz, im@mercy.example".into());
    first.fees_paid = Some(27);
    first
        .extra
        .insert("Website".into(), "https://mercy.example/im".into());
    programs[1].priority = Some(2);
    programs[1].signal = Signal::Silver;
    programs[2].requirements.min_step2_score = Some(245);
    app
}

#[test]
fn programs_as_she_tracks_them_at_three_widths() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let mut app = tracked_app();
        update(&mut app, Action::Resize { width, height });
        let programs = app.programs_panel();
        select_row(&mut app, programs, |row| matches!(row, Row::Ranked(_)));
        insta::assert_snapshot!(
            format!("tracked_programs_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
    // The program form's tracking fields, scrolled into view.
    let mut app = tracked_app();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let programs = app.programs_panel();
    select_row(&mut app, programs, |row| matches!(row, Row::Ranked(_)));
    update(&mut app, Action::Command(Command::Open));
    for _ in 0..19 {
        update(&mut app, Action::Command(Command::NextField));
    }
    insta::assert_snapshot!("program_form_tracking_120x40", screen(&mut app, 120, 40));
}

#[test]
fn the_import_preview_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Resize { width, height });
        update(&mut app, Action::Command(Command::Import));
        for c in "~/Downloads/my-programs.csv".chars() {
            update(&mut app, Action::Type(c));
        }
        update(&mut app, Action::Command(Command::Submit));
        let report = imgplan::import::read_programs(
            "Program Name,ST,Visa,Interview date,Website\n\
             Brookdale Hospital,NY,J-1,12/2/2027,https://brookdale.example\n\
             Mercy Hospital IM,NY,J-1,,\n\
             Jersey Shore University Medical Center,NJ,H-1B,2027-02-30,\n\
             ,PA,both,,\n"
                .as_bytes(),
        )
        .expect("csv");
        update(
            &mut app,
            Action::ImportRead(Ok(imgplan::tui::import_file::ImportLoaded {
                path: "/home/amina/Downloads/my-programs.csv".into(),
                report,
            })),
        );
        insta::assert_snapshot!(
            format!("import_preview_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn the_visa_panel_and_programs_under_h1b_preferred_j1_acceptable() {
    let mut app = app();
    app.session.plan.profile.visa = VisaChoice::H1bPreferred;
    app.refresh();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let visa = app.stage_panel("visa").expect("visa");
    update(&mut app, Action::Command(Command::Panel(visa)));
    insta::assert_snapshot!("visa_h1b_preferred_120x40", screen(&mut app, 120, 40));
    let programs = app.programs_panel();
    select_row(&mut app, programs, |row| matches!(row, Row::Ranked(_)));
    insta::assert_snapshot!("programs_h1b_preferred_120x40", screen(&mut app, 120, 40));
}

#[test]
fn help_lines_wrap_under_their_key_instead_of_being_cut() {
    for (width, height) in [(200, 60), (120, 40), (80, 24)] {
        let mut app = app();
        let programs = app.programs_panel();
        update(&mut app, Action::Command(Command::Panel(programs)));
        update(&mut app, Action::Command(Command::Help));
        let mut whole = false;
        for _ in 0..200 {
            if whole {
                break;
            }
            let text = screen(&mut app, width, height);
            let lines: Vec<&str> = text.lines().collect();
            whole |= lines.windows(2).any(|pair| {
                pair[0].contains("import programs from a CSV")
                    && (pair[0].contains("to confirm") || pair[1].contains("confirm"))
            });
            update(&mut app, Action::Command(Command::Down));
        }
        assert!(whole, "{width}x{height}: the I line is cut");
    }
}

#[test]
fn a_long_import_preview_lists_every_program_and_scrolls() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    update(&mut app, Action::Command(Command::Import));
    for c in "programs.csv".chars() {
        update(&mut app, Action::Type(c));
    }
    update(&mut app, Action::Command(Command::Submit));
    let mut csv = String::from("Program,State\n");
    for n in 1..=30 {
        csv.push_str(&format!("Hospital number {n:02},NY\n"));
    }
    let report = imgplan::import::read_programs(csv.as_bytes()).expect("csv");
    update(
        &mut app,
        Action::ImportRead(Ok(imgplan::tui::import_file::ImportLoaded {
            path: "/home/amina/programs.csv".into(),
            report,
        })),
    );
    let first = screen(&mut app, 80, 24);
    assert!(first.contains("Hospital number 01"), "{first}");
    assert!(!first.contains("Hospital number 30"), "{first}");
    assert!(
        !first.contains("more\n") && !first.contains("… and"),
        "{first}"
    );
    assert!(first.contains("more below"), "{first}");
    update(&mut app, Action::Command(Command::PageDown));
    for _ in 0..40 {
        update(&mut app, Action::Command(Command::Down));
    }
    let last = screen(&mut app, 80, 24);
    assert!(last.contains("Hospital number 30"), "{last}");
    assert!(last.contains("Read columns"), "{last}");
    // Scrolling never closes the preview; y still adds everything.
    assert!(matches!(
        app.screen.mode,
        imgplan::tui::app::Mode::ImportPreview(_)
    ));
}

#[test]
fn the_programs_cost_estimate_names_its_sources_and_keeps_amounts_with_labels() {
    let mut app = app();
    app.session.plan.programs.clear();
    app.refresh();
    let programs = app.programs_panel();
    update(&mut app, Action::Command(Command::Panel(programs)));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("ERAS cost estimate"), "{text}");
    assert!(!text.contains("aamc-eras-fees"), "raw source id: {text}");
    assert!(text.contains("— AAMC"), "{text}");
    assert!(text.contains("Total, every program listed: $"), "{text}");
}
