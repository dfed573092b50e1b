//! What the second new-user trial found about dates (Dr. Khan: Step 1 passed on 2024-05-10,
//! before the plan was made; a rotation letter still awaited), each as a test that failed before
//! its fix: a done task drawn on its old planned day, an awaited letter filed as "passed" and
//! hidden by the open-only filter, a permanent warning about a prerequisite she never needed,
//! done tasks showing their old due date, a timeline counting month columns as months, and
//! start-now tasks drawn as overdue.

use chrono::NaiveDate;
use imgplan::export::{ExportOptions, Format, render};
use imgplan::ids::RotationId;
use imgplan::insights::{Snapshot, WarningKind};
use imgplan::journey::{Template, VisaChoice};
use imgplan::letters::{Letter, LetterId, LetterKind, LetterProgress};
use imgplan::plan::{Graduation, Plan, Status};
use imgplan::timeline::{MarkItem, MarkKind, Timeline};
use imgplan::tui::action::{Action, Command};
use imgplan::tui::agenda::AgendaItem;
use imgplan::tui::app::{App, Panel, Row};
use imgplan::tui::update::update;
use imgplan::tui::view;
use imgplan::usce::{LetterState, Rotation, RotationKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const TODAY: &str = "2026-11-30";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

/// The trial's plan: H-1B preferred, a diploma in hand since 2022, Step 1 passed on
/// 2024-05-10, and a four-week observership at Brookdale whose letter is requested.
fn trial_plan() -> (Template, Plan) {
    let template = Template::embedded().expect("template");
    let today = date(TODAY);
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::H1bPreferred).expect("plan");
    plan.profile.name = Some("Dr. Ayesha Khan".into());
    plan.profile.graduation = Some(Graduation {
        date: date("2022-08-15"),
        expected: false,
    });
    plan.set_status(&template, "exams.step1", Status::Done, today)
        .expect("done");
    plan.set_done_on(&template, "exams.step1", date("2024-05-10"), today)
        .expect("done on");
    plan.add_rotation(Rotation {
        id: RotationId(0),
        kind: RotationKind::Observership,
        institution: "Brookdale University Hospital Medical Center".into(),
        specialty: Some("Internal Medicine".into()),
        start: date("2026-09-07"),
        end: date("2026-10-04"),
        hands_on: false,
        supervisor: Some("Dr. Lee".into()),
        letter: LetterState::Requested,
        note: None,
    })
    .expect("rotation");
    (template, plan)
}

fn app(plan: (Template, Plan)) -> App {
    let (template, plan) = plan;
    let mut app = App::new(
        template,
        plan,
        "/tmp/imgplan-trial/plan.ron".into(),
        date(TODAY),
    );
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

fn timeline(plan: &(Template, Plan)) -> Timeline {
    let (template, plan) = plan;
    let snapshot = Snapshot::build(template, plan, date(TODAY));
    Timeline::build(template, &snapshot, date(TODAY))
}

#[test]
fn the_timeline_leaves_a_task_done_before_its_window_out() {
    let plan = trial_plan();
    let timeline = timeline(&plan);
    assert!(
        timeline
            .marks
            .iter()
            .all(|m| m.item != MarkItem::Task("exams.step1".into())),
        "Step 1, done in 2024, has no mark in 2026-2028"
    );
    // Done today, it sits on today.
    let (template, mut plan) = plan;
    plan.set_done_on(&template, "exams.step1", date(TODAY), date(TODAY))
        .expect("done on");
    let timeline = timeline_of(&template, &plan);
    let step1 = timeline
        .marks
        .iter()
        .find(|m| m.item == MarkItem::Task("exams.step1".into()))
        .expect("a mark today");
    assert_eq!((step1.date, step1.kind), (date(TODAY), MarkKind::Closed));
}

fn timeline_of(template: &Template, plan: &Plan) -> Timeline {
    let snapshot = Snapshot::build(template, plan, date(TODAY));
    Timeline::build(template, &snapshot, date(TODAY))
}

#[test]
fn the_timeline_counts_months_to_residency_and_marks_start_now_apart_from_overdue() {
    let plan = trial_plan();
    let timeline = timeline(&plan);
    // 2026-11-30 to 2028-07-01: 19 months and a day; 21 month columns.
    assert_eq!(timeline.months_to_residency(), Some(19));
    assert_eq!(timeline.months, 21);
    let diploma = timeline
        .marks
        .iter()
        .find(|m| m.item == MarkItem::Task("ecfmg.credentials".into()))
        .expect("the diploma task, to start now");
    assert_eq!(diploma.kind, MarkKind::StartNow);
    assert_eq!(diploma.date, date(TODAY), "drawn on today's column");
    assert!(timeline.marks.iter().all(|m| m.kind != MarkKind::Overdue));
}

#[test]
fn the_timeline_panel_names_start_now_and_gives_the_details_date() {
    let mut app = app(trial_plan());
    tab_to(&mut app, Panel::Timeline);
    let text = screen(&mut app, 120, 40);
    insta::assert_snapshot!("trial_timeline_120x40", text);
    assert!(text.contains("Timeline · 19 months to residency"), "{text}");
    assert!(text.contains(">start now"), "the legend names the mark");
    // The selected mark is the diploma task: its line gives the date its details give.
    assert!(
        text.contains("@ 2022-09-14 (start now, drawn at today) ECFMG: Get final diploma"),
        "{text}"
    );
}

#[test]
fn an_awaited_letter_is_one_to_chase_and_stays_under_the_open_only_filter() {
    let mut app = app(trial_plan());
    let agenda = panel_index(&app, Panel::Agenda);
    update(&mut app, Action::Command(Command::Panel(agenda)));
    let letter = Row::Agenda(AgendaItem::Letter(RotationId(1)));
    let rows = app.rows(agenda);
    let today = rows
        .iter()
        .position(|r| matches!(r, Row::Heading(t) if t.starts_with("── Today")))
        .expect("today line");
    let at = rows.iter().position(|r| *r == letter).expect("the letter");
    assert!(at > today, "in the open part, not behind");
    assert_eq!(
        rows.get(at - 1),
        Some(&Row::Heading("Letters to chase (1)".into()))
    );
    update(&mut app, Action::Command(Command::Filter));
    assert!(app.rows(agenda).contains(&letter), "kept under f");
    select_row(&mut app, |r| *r == letter);
    let text = screen(&mut app, 120, 40);
    let line = text
        .lines()
        .find(|l| l.contains("Letter · Brookdale"))
        .expect("letter line");
    assert!(
        line.contains("chase it") && !line.contains("passed"),
        "{line}"
    );
}

#[test]
fn a_letter_followed_as_ones_own_is_chased_until_it_is_uploaded() {
    let (template, mut plan) = trial_plan();
    let letter = plan
        .add_letter(Letter {
            id: LetterId(0),
            writer: "Dr. Lee".into(),
            kind: LetterKind::UsClinical,
            state: LetterProgress::Asked,
            rotation: Some(RotationId(1)),
            programs: Vec::new(),
            note: None,
        })
        .expect("letter");
    let row = Row::Agenda(AgendaItem::Letter(RotationId(1)));
    let app_now = app((template.clone(), plan.clone()));
    let agenda = panel_index(&app_now, Panel::Agenda);
    assert!(app_now.rows(agenda).contains(&row));
    plan.set_letter_progress(letter, LetterProgress::Uploaded)
        .expect("uploaded");
    let app_then = app((template, plan));
    assert!(
        !app_then.rows(agenda).contains(&row),
        "nothing left to chase"
    );
}

#[test]
fn step1_done_before_the_plan_leaves_no_warning_and_no_apply_deadline() {
    let (template, plan) = trial_plan();
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert!(
        snapshot
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::DoneBeforePrerequisite),
        "{:?}",
        snapshot.warnings
    );
    assert!(snapshot.upcoming.iter().all(|d| d.task != "exams.apply"));
    let mut app = app((template, plan));
    let exams = panel_index(&app, Panel::Stage(1));
    update(&mut app, Action::Command(Command::Panel(exams)));
    select_row(&mut app, |r| *r == Row::Task("exams.apply".into()));
    let text = screen(&mut app, 200, 60);
    assert!(
        text.contains("Behind you: Pass USMLE Step 1 is done"),
        "{text}"
    );
}

#[test]
fn a_done_task_leads_with_its_done_day_in_details_and_exports() {
    let (template, plan) = trial_plan();
    let mut app = app((template.clone(), plan.clone()));
    let exams = panel_index(&app, Panel::Stage(1));
    update(&mut app, Action::Command(Command::Panel(exams)));
    select_row(&mut app, |r| *r == Row::Task("exams.step1".into()));
    let text = screen(&mut app, 120, 40);
    assert!(text.contains("Planned for 2027-03-04"), "{text}");
    assert!(!text.contains("Due 2027-03-04"), "{text}");

    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let stamp = date(TODAY).and_hms_opt(0, 0, 0).expect("midnight");
    let export = |format| {
        render(
            &template,
            &plan,
            &snapshot,
            &ExportOptions::new(format),
            stamp,
        )
        .expect("export")
    };
    let markdown = export(Format::Markdown);
    let line = markdown
        .lines()
        .find(|l| l.starts_with("- [x] Pass USMLE Step 1"))
        .expect("step 1 line");
    assert!(
        line.contains("done **2024-05-10** (planned for 2027-03-04)"),
        "{line}"
    );
    assert!(!line.contains("due **2027-03-04**"), "{line}");
    let ics = export(Format::Calendar);
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("UID:task-exams.step1"))
        .expect("step 1 event");
    // Folded at 75 octets, so look at the unfolded text.
    let event = event.replace("\r\n ", "");
    assert!(event.contains("Done on: 2024-05-10"), "{event}");
    assert!(event.contains("Was planned for: 2027-03-04"), "{event}");
    assert!(!event.contains("Date: 2027-03-04"), "{event}");
    assert!(
        !ics.contains("UID:task-exams.apply"),
        "behind the user: no event"
    );
}
