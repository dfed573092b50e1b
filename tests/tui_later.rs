//! The panels after the agenda (budget, timeline, letters, practice scores), as a person sees
//! them: rendered into ratatui's `TestBackend` at 120×40 and 80×24 and checked against reviewed
//! snapshots, and driven through `update` like keys would.

use chrono::NaiveDate;
use imgplan::budget::{Cents, Payment};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::Plan;
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::{App, Mode, Panel, Row};
use imgplan::tui::update::update;
use imgplan::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TODAY: &str = "2026-11-25";
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// A J-1 plan for the 2028 Match with Step 1 planned and paid, and a display currency.
fn app() -> App {
    let template = Template::embedded().expect("template");
    let today = date(TODAY);
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
    plan.profile.name = Some("Dr. Amina Yusuf".into());
    plan.set_budget_planned(&template, "step1", Some(Cents(100_000)))
        .expect("planned");
    plan.set_budget_paid(
        &template,
        "step1",
        Some(Payment {
            amount: Cents(100_000),
            on: date("2026-10-02"),
        }),
    )
    .expect("paid");
    plan.set_display_currency(Some(
        imgplan::budget::DisplayCurrency::parse("INR", "83.25").expect("currency"),
    ));
    let mut app = App::new(template, plan, "/tmp/imgplan-test/plan.ron".into(), today);
    app.message = None;
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}

fn panel_index(app: &App, wanted: Panel) -> usize {
    app.panels()
        .iter()
        .position(|p| *p == wanted)
        .expect("panel")
}

/// Tab from the first panel until the wanted one: the later panels are reached by keyboard.
fn tab_to(app: &mut App, wanted: Panel) {
    update(app, Action::Command(Command::Panel(0)));
    for _ in 0..app.panels().len() {
        if app.current_panel() == wanted {
            return;
        }
        update(app, Action::Command(Command::NextPanel));
    }
    panic!("Tab never reached {wanted:?}");
}

fn select_row(app: &mut App, wanted: impl Fn(&Row) -> bool) {
    update(app, Action::Command(Command::Top));
    for _ in 0..200 {
        if app.selected_row().is_some_and(|row| wanted(&row)) {
            return;
        }
        update(app, Action::Command(Command::Down));
    }
    panic!("no such row");
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(c));
    }
}

#[test]
fn the_budget_panel_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Resize { width, height });
        tab_to(&mut app, Panel::Budget);
        select_row(
            &mut app,
            |row| matches!(row, Row::BudgetLine(i) if app_line_id(*i) == "step1"),
        );
        insta::assert_snapshot!(
            format!("budget_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

fn app_line_id(index: usize) -> String {
    Template::embedded().expect("template").budget[index]
        .id
        .clone()
}

#[test]
fn the_budget_form_sets_planned_and_paid_and_undo_takes_it_back() {
    let mut app = app();
    tab_to(&mut app, Panel::Budget);
    select_row(
        &mut app,
        |row| matches!(row, Row::BudgetLine(i) if app_line_id(*i) == "step2ck"),
    );
    update(&mut app, Action::Command(Command::Open));
    assert!(matches!(app.screen.mode, Mode::Form(_)));
    typed(&mut app, "1,050");
    update(&mut app, Action::Command(Command::NextField));
    typed(&mut app, "abc");
    insta::assert_snapshot!("budget_form_error_80x24", {
        update(&mut app, Action::Command(Command::Submit));
        screen(&mut app, 80, 24)
    });
    // The bad amount keeps the form open, nothing changed.
    assert!(matches!(app.screen.mode, Mode::Form(_)));
    for _ in 0..3 {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    typed(&mut app, "1050");
    update(&mut app, Action::Command(Command::Submit));
    assert!(matches!(app.screen.mode, Mode::Normal));
    let entry = app.session.plan.budget.lines.get("step2ck").copied();
    assert_eq!(
        entry.and_then(|e| e.planned),
        Some(Cents(105_000)),
        "{entry:?}"
    );
    assert_eq!(
        entry.and_then(|e| e.paid),
        Some(Payment {
            amount: Cents(105_000),
            on: date(TODAY)
        })
    );
    update(&mut app, Action::Command(Command::Undo));
    assert!(!app.session.plan.budget.lines.contains_key("step2ck"));
}

#[test]
fn the_currency_row_sets_and_clears_the_display_currency() {
    let mut app = app();
    let budget = panel_index(&app, Panel::Budget);
    update(&mut app, Action::Command(Command::Panel(budget)));
    select_row(&mut app, |row| matches!(row, Row::BudgetCurrency));
    update(&mut app, Action::Command(Command::Open));
    // Clear the code: dollars only.
    for _ in 0..3 {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    update(&mut app, Action::Command(Command::Submit));
    assert_eq!(app.session.plan.budget.currency, None);
    update(&mut app, Action::Command(Command::Open));
    typed(&mut app, "NGN");
    update(&mut app, Action::Command(Command::NextField));
    typed(&mut app, "1500");
    update(&mut app, Action::Command(Command::Submit));
    let currency = app.session.plan.budget.currency.clone().expect("currency");
    assert_eq!(currency.code, "NGN");
    assert_eq!(currency.per_usd.to_string(), "1500");
}

/// The J-1 plan with two programs (one asking for 3 letters), a rotation whose letter was
/// requested, and a research letter promised for one program.
fn app_with_letters() -> App {
    use imgplan::letters::{Letter, LetterId, LetterKind, LetterProgress};
    use imgplan::programs::{ApplicationService, Program, ProgramStatus, Requirements, VisaStance};
    use imgplan::usce::{LetterState, Rotation, RotationKind};
    let mut app = app();
    let plan = &mut app.session.plan;
    let program = |name: &str| Program {
        id: imgplan::ids::ProgramId(0),
        name: name.into(),
        state: Some("NY".into()),
        specialty: Some("Internal Medicine".into()),
        nrmp_code: None,
        service: ApplicationService::Eras,
        visa: VisaStance::J1,
        requirements: Requirements::default(),
        status: ProgramStatus::Applied,
        interview: None,
        note: None,
        ..Program::default()
    };
    let mercy = plan
        .add_program(program("Mercy Hospital IM"))
        .expect("program");
    plan.add_program(program("Lakeside Medical Center"))
        .expect("program");
    plan.set_letters_asked(mercy, Some(3)).expect("asked");
    let rotation = plan
        .add_rotation(Rotation {
            id: imgplan::ids::RotationId(0),
            kind: RotationKind::Externship,
            institution: "Brooklyn General".into(),
            specialty: None,
            start: date("2026-06-01"),
            end: date("2026-06-28"),
            hands_on: true,
            supervisor: Some("Dr. Lee".into()),
            letter: LetterState::Requested,
            note: None,
        })
        .expect("rotation");
    plan.add_letter(Letter {
        id: LetterId(0),
        writer: "Prof. A. Rao (research mentor)".into(),
        kind: LetterKind::Research,
        state: LetterProgress::Promised,
        rotation: None,
        programs: vec![mercy],
        note: Some("Ask again in May".into()),
    })
    .expect("letter");
    plan.add_letter(Letter {
        id: LetterId(0),
        writer: "Dr. Lee".into(),
        kind: LetterKind::UsClinical,
        state: LetterProgress::Uploaded,
        rotation: Some(rotation),
        programs: Vec::new(),
        note: None,
    })
    .expect("letter");
    app.refresh();
    app
}

#[test]
fn the_letters_panel_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app_with_letters();
        update(&mut app, Action::Resize { width, height });
        tab_to(&mut app, Panel::Letters);
        select_row(&mut app, |row| matches!(row, Row::Letter(_)));
        insta::assert_snapshot!(
            format!("letters_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn a_requested_letter_reads_the_same_everywhere_and_a_cut_writer_keeps_its_gap() {
    use imgplan::letters::{Letter, LetterId, LetterKind, LetterProgress};
    let mut app = app_with_letters();
    app.session
        .plan
        .add_letter(Letter {
            id: LetterId(0),
            writer: "Dr. Lee, attending, Internal Medicine, Brookdale University Hospital".into(),
            kind: LetterKind::UsClinical,
            state: LetterProgress::Asked,
            rotation: None,
            programs: Vec::new(),
            note: None,
        })
        .expect("letter");
    app.refresh();
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    tab_to(&mut app, Panel::Letters);
    let text = screen(&mut app, 120, 40);
    let row = text
        .lines()
        .find(|l| l.contains("Dr. Lee, attending"))
        .expect("the letter's row");
    assert!(row.contains("? requested"), "{row}");
    assert!(row.contains("… US clinical"), "{row}");
    assert!(!text.contains("asked "), "{text}");
}

#[test]
fn a_letter_row_offers_no_date_and_c_opens_the_form_on_the_note() {
    let mut app = app_with_letters();
    tab_to(&mut app, Panel::Letters);
    select_row(&mut app, |row| matches!(row, Row::Letter(_)));
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, width, height);
        let footer = text.lines().last().expect("footer");
        assert!(!footer.contains("d date"), "{width}x{height}: {footer}");
        assert!(footer.contains("c note"), "{width}x{height}: {footer}");
    }
    update(&mut app, Action::Command(Command::EditDate));
    assert!(matches!(app.screen.mode, Mode::Normal));
    update(&mut app, Action::Command(Command::EditNote));
    let Mode::Form(form) = &app.screen.mode else {
        panic!("no letter form")
    };
    assert_eq!(form.fields[form.focus].key, imgplan::tui::form::Key::Note);
}

#[test]
fn a_program_asking_for_more_letters_than_assigned_is_warned_about() {
    let app = app_with_letters();
    let messages: Vec<&str> = app
        .session
        .snapshot
        .warnings
        .iter()
        .map(|w| w.message.as_str())
        .collect();
    assert!(
        messages.contains(&"Mercy Hospital IM asks for 3 letters; 1 of yours are assigned to it."),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("Lakeside")),
        "{messages:?}"
    );
}

#[test]
fn the_letter_form_assigns_programs_by_name_and_refuses_unknown_ones() {
    let mut app = app_with_letters();
    tab_to(&mut app, Panel::Letters);
    update(&mut app, Action::Command(Command::Add));
    assert!(matches!(app.screen.mode, Mode::Form(_)));
    typed(&mut app, "Dr. Okafor");
    for _ in 0..4 {
        update(&mut app, Action::Command(Command::NextField));
    }
    typed(&mut app, "mercy; nowhere");
    update(&mut app, Action::Command(Command::Submit));
    insta::assert_snapshot!("letter_form_error_80x24", screen(&mut app, 80, 24));
    assert!(matches!(app.screen.mode, Mode::Form(_)), "still open");
    for _ in 0.."; nowhere".len() {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    typed(&mut app, "; lakeside");
    update(&mut app, Action::Command(Command::Submit));
    assert!(matches!(app.screen.mode, Mode::Normal));
    let letter = app.session.plan.letters.last().expect("letter").clone();
    assert_eq!(letter.writer, "Dr. Okafor");
    assert_eq!(letter.programs.len(), 2);
    assert!(matches!(app.selected_row(), Some(Row::Letter(id)) if id == letter.id));
    // s moves it on; x asks, y deletes; undo brings it back.
    update(&mut app, Action::Command(Command::CycleState));
    assert_eq!(
        app.session.plan.letter(letter.id).map(|l| l.state),
        Some(imgplan::letters::LetterProgress::Promised)
    );
    update(&mut app, Action::Command(Command::Delete));
    update(&mut app, Action::Command(Command::Yes));
    assert!(app.session.plan.letter(letter.id).is_none());
    update(&mut app, Action::Command(Command::Undo));
    assert!(app.session.plan.letter(letter.id).is_some());
}

#[test]
fn enter_on_a_program_sets_how_many_letters_it_asks_for() {
    let mut app = app_with_letters();
    tab_to(&mut app, Panel::Letters);
    select_row(&mut app, |row| matches!(row, Row::LetterProgram(_)));
    let Some(Row::LetterProgram(id)) = app.selected_row() else {
        panic!("no program row");
    };
    update(&mut app, Action::Command(Command::Open));
    for _ in 0..3 {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    typed(&mut app, "x");
    update(&mut app, Action::Command(Command::Submit));
    assert!(
        matches!(app.screen.mode, Mode::Form(_)),
        "a bad number keeps the form"
    );
    update(
        &mut app,
        Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
    );
    typed(&mut app, "1");
    update(&mut app, Action::Command(Command::Submit));
    assert_eq!(app.session.plan.letters_asked.get(&id), Some(&1));
    assert!(
        !app.session
            .snapshot
            .warnings
            .iter()
            .any(|w| w.message.contains("asks for")),
        "one letter assigned, one asked: no warning"
    );
}

#[test]
fn letters_reach_the_exports() {
    let app = app_with_letters();
    let template = &app.template;
    let plan = &app.session.plan;
    let snapshot = &app.session.snapshot;
    let text = imgplan::export::text_summary(template, plan, snapshot);
    assert!(
        text.contains("\nLetters\n-------\n  All letters: 1 of 3 in ERAS, 1 on the way\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  ~ Prof. A. Rao (research mentor) (research, promised)\n      to: Mercy Hospital IM\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  ✓ Dr. Lee (US clinical, uploaded), from Brooklyn General\n"),
        "{text}"
    );
    let options = imgplan::export::ExportOptions {
        table: imgplan::export::sheet::Table::Letters,
        ..imgplan::export::ExportOptions::new(imgplan::export::Format::Csv)
    };
    let stamp = date(TODAY).and_hms_opt(9, 0, 0).expect("time");
    let csv = imgplan::export::render(template, plan, snapshot, &options, stamp).expect("csv");
    assert_eq!(
        csv,
        "Writer,Kind,State,Rotation,Programs,Note\r\n\
         Prof. A. Rao (research mentor),research,promised,,Mercy Hospital IM,Ask again in May\r\n\
         Dr. Lee,US clinical,uploaded,Brooklyn General,,\r\n"
    );
}

/// The J-1 plan with three practice exams and a target of 250.
fn app_with_scores() -> App {
    use imgplan::practice::{PracticeExam, PracticeId};
    let mut app = app();
    let plan = &mut app.session.plan;
    for (form, taken, score) in [
        ("NBME 11", "2026-09-01", 221),
        ("NBME 12", "2026-10-01", 232),
        ("UWSA 1", "2026-11-01", 238),
    ] {
        plan.add_practice_exam(PracticeExam {
            id: PracticeId(0),
            form: form.into(),
            taken: date(taken),
            score,
        })
        .expect("exam");
    }
    plan.set_practice_target(Some(250)).expect("target");
    app.refresh();
    app
}

#[test]
fn the_scores_panel_and_its_chart_at_both_sizes() {
    for (width, height) in SIZES {
        let mut app = app_with_scores();
        update(&mut app, Action::Resize { width, height });
        tab_to(&mut app, Panel::Scores);
        select_row(&mut app, |row| matches!(row, Row::Practice(_)));
        update(&mut app, Action::Command(Command::Down));
        insta::assert_snapshot!(
            format!("scores_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
}

#[test]
fn practice_scores_reach_the_exports() {
    let app = app_with_scores();
    let text =
        imgplan::export::text_summary(&app.template, &app.session.plan, &app.session.snapshot);
    assert!(
        text.contains("\nStep 2 CK practice\n------------------\n  last 238 · best 238 · 3 logged · 12 below your target\n  target 250 · Step 2 CK on 2027-08-18\n  2026-09-01  NBME 11"),
        "{text}"
    );
}

#[test]
fn logging_a_practice_exam_checks_the_score_and_keeps_date_order() {
    let mut app = app_with_scores();
    tab_to(&mut app, Panel::Scores);
    update(&mut app, Action::Command(Command::Add));
    typed(&mut app, "Free 120");
    update(&mut app, Action::Command(Command::NextField));
    for _ in 0..10 {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    typed(&mut app, "2026-09-15");
    update(&mut app, Action::Command(Command::NextField));
    typed(&mut app, "310");
    update(&mut app, Action::Command(Command::Submit));
    insta::assert_snapshot!("score_form_error_80x24", screen(&mut app, 80, 24));
    assert!(matches!(app.screen.mode, Mode::Form(_)));
    for _ in 0..3 {
        update(
            &mut app,
            Action::Command(Command::Edit(imgplan::tui::action::EditKey::Backspace)),
        );
    }
    typed(&mut app, "229");
    update(&mut app, Action::Command(Command::Submit));
    assert!(matches!(app.screen.mode, Mode::Normal));
    let forms: Vec<&str> = app
        .session
        .plan
        .practice
        .exams
        .iter()
        .map(|e| e.form.as_str())
        .collect();
    assert_eq!(forms, ["NBME 11", "Free 120", "NBME 12", "UWSA 1"]);
    assert!(
        matches!(app.selected_row(), Some(Row::Practice(id)) if app.session.plan.practice_exam(id).is_some_and(|e| e.form == "Free 120"))
    );
    update(&mut app, Action::Command(Command::Delete));
    update(&mut app, Action::Command(Command::Yes));
    assert_eq!(app.session.plan.practice.exams.len(), 3);
}

#[test]
fn the_timeline_at_both_sizes_and_without_colour() {
    for (width, height) in SIZES {
        let mut app = app();
        update(&mut app, Action::Resize { width, height });
        tab_to(&mut app, Panel::Timeline);
        insta::assert_snapshot!(
            format!("timeline_{width}x{height}"),
            screen(&mut app, width, height)
        );
    }
    // NO_COLOR: the monochrome theme has no colours at all; the shapes still say it all.
    let mut app = app();
    app.prefs.monochrome = true;
    tab_to(&mut app, Panel::Timeline);
    for _ in 0..5 {
        update(&mut app, Action::Command(Command::Down));
    }
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|frame| view::render(&app, frame))
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    assert!(
        buffer
            .content()
            .iter()
            .all(|cell| cell.fg == ratatui::style::Color::Reset
                && cell.bg == ratatui::style::Color::Reset),
        "no colour under NO_COLOR"
    );
    insta::assert_snapshot!("timeline_mono_80x24", terminal.backend().to_string());
}

#[test]
fn brackets_scroll_the_timeline_by_month_and_the_selection_follows() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    tab_to(&mut app, Panel::Timeline);
    let first = app.selected_row();
    assert!(
        matches!(first, Some(Row::Task(_) | Row::Season(_))),
        "{first:?}"
    );
    update(&mut app, Action::Command(Command::TimelineLater));
    assert_eq!(app.screen.timeline_scroll, 1);
    for _ in 0..30 {
        update(&mut app, Action::Command(Command::TimelineLater));
    }
    let last_first = app.screen.timeline_scroll;
    assert!(last_first > 1, "scrolled on");
    update(&mut app, Action::Command(Command::TimelineLater));
    assert_eq!(app.screen.timeline_scroll, last_first, "stops at the end");
    // The selection moved into the window: its month is shown.
    let timeline_screen = screen(&mut app, 80, 24);
    assert!(timeline_screen.contains('@'), "{timeline_screen}");
    for _ in 0..40 {
        update(&mut app, Action::Command(Command::TimelineEarlier));
    }
    assert_eq!(app.screen.timeline_scroll, 0);
    // The selected mark's task is in the details pane, and Enter goes to its stage.
    if let Some(Row::Task(id)) = app.selected_row() {
        let title = app.task_title(&id);
        let text = screen(&mut app, 120, 40);
        assert!(text.contains(&title[..title.len().min(20)]), "{text}");
        update(&mut app, Action::Command(Command::Open));
        assert!(matches!(app.current_panel(), Panel::Stage(_)));
    }
}

#[test]
fn the_later_panels_never_panic_at_any_small_size() {
    let mut app = app_with_scores();
    for panel in [
        Panel::Timeline,
        Panel::Budget,
        Panel::Letters,
        Panel::Scores,
    ] {
        tab_to(&mut app, panel);
        for width in [1, 2, 20, 59, 60, 61, 70, 80] {
            for height in [1, 2, 8, 15, 16, 17, 24] {
                let text = screen(&mut app, width, height);
                if width >= 60 && height >= 16 {
                    assert!(
                        !text.contains("Terminal too small"),
                        "{panel:?} {width}x{height}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_scores_title_and_heading_are_whole_at_80_and_120_columns() {
    let mut app = app_with_scores();
    tab_to(&mut app, Panel::Scores);
    for (width, height) in [(80, 24), (120, 40)] {
        let text = screen(&mut app, width, height);
        assert!(
            text.contains("below your target "),
            "{width}x{height}:\n{text}"
        );
        assert!(
            !text.contains("below yo…") && !text.contains("your targ…"),
            "{text}"
        );
    }
}
