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
