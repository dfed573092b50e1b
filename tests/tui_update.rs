//! The planner's `update`, driven by sequences of actions as a user's keys would produce them.
//! No terminal: `update` is pure, and its effects are checked instead of carried out.

use chrono::NaiveDate;
use imgplan::journey::{Anchor, Template, VisaChoice};
use imgplan::plan::{Plan, Status};
use imgplan::tui::action::{Action, Command, EditKey, Effect, SaveProblem, SaveReport};
use imgplan::tui::app::{App, Mode, Panel, Row, SaveState, Tone};
use imgplan::tui::form::{FormPurpose, Key};
use imgplan::tui::update::update;

const TODAY: &str = "2026-11-25";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn app_with(visa: VisaChoice) -> App {
    let template = Template::embedded().expect("template");
    let plan = Plan::new(&template, date(TODAY), Some(2028), visa).expect("plan");
    let mut app = App::new(
        template,
        plan,
        "/tmp/imgplan-test/plan.ron".into(),
        date(TODAY),
    );
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    app
}

fn app() -> App {
    app_with(VisaChoice::H1b)
}

fn run(app: &mut App, command: Command) -> Vec<Effect> {
    update(app, Action::Command(command))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Type(c));
    }
}

/// Replaces the focused field's text, as a user clearing it and typing would.
fn fill(app: &mut App, text: &str) {
    run(app, Command::Edit(EditKey::End));
    run(app, Command::Edit(EditKey::DeleteToStart));
    type_text(app, text);
}

/// Moves the selection in the current panel to a task.
fn select_task(app: &mut App, id: &str) {
    run(app, Command::Top);
    for _ in 0..200 {
        if app.selected_task().as_deref() == Some(id) {
            return;
        }
        run(app, Command::Down);
    }
    panic!("task {id} not found in panel {}", app.screen.panel);
}

fn exams_panel(app: &App) -> usize {
    app.stage_panel("exams").expect("exams panel")
}

fn status(app: &App, id: &str) -> Status {
    app.session
        .plan
        .tasks
        .get(id)
        .map(|t| t.state)
        .expect("task state")
}

#[test]
fn panels_follow_the_journey_with_overview_first_and_agenda_last() {
    let app = app();
    let panels = app.panels();
    assert_eq!(
        panels.len(),
        10 + imgplan::tui::app::LATER_PANELS.len(),
        "overview, seven stages, programs, agenda, then the later panels"
    );
    assert_eq!(panels[0], Panel::Overview);
    assert_eq!(panels[8], Panel::Programs);
    assert_eq!(panels[9], Panel::Agenda);
    assert_eq!(panels[10..], imgplan::tui::app::LATER_PANELS);
    assert_eq!(app.screen.panel, 0);
}

#[test]
fn tab_and_number_keys_move_between_panels_and_wrap() {
    let mut app = app();
    run(&mut app, Command::NextPanel);
    assert_eq!(app.screen.panel, 1);
    run(&mut app, Command::PrevPanel);
    run(&mut app, Command::PrevPanel);
    assert_eq!(
        app.screen.panel,
        app.panels().len() - 1,
        "Shift-Tab from the overview wraps to the last panel"
    );
    run(&mut app, Command::Panel(2));
    assert_eq!(app.current_panel(), Panel::Stage(1));
    run(&mut app, Command::Panel(42));
    assert_eq!(
        app.screen.panel, 2,
        "a panel that does not exist changes nothing"
    );
}

#[test]
fn moving_skips_headings_and_stops_at_the_ends() {
    let mut app = app();
    let rows = app.rows(0);
    assert!(matches!(rows[0], Row::Freshness));
    assert!(matches!(rows[1], Row::Heading(_)));
    assert!(
        app.selected_row().is_some(),
        "the selection starts on a selectable row"
    );
    run(&mut app, Command::Up);
    assert!(app.selected_row().is_some());
    run(&mut app, Command::Bottom);
    let last = app.cursor().selected;
    run(&mut app, Command::Down);
    assert_eq!(app.cursor().selected, last);
    for _ in 0..50 {
        run(&mut app, Command::Up);
        assert!(app.selected_row().is_some(), "never rests on a heading");
    }
    run(&mut app, Command::PageDown);
    assert!(app.cursor().selected > 0);
    run(&mut app, Command::HalfPageUp);
    run(&mut app, Command::Top);
    assert_eq!(app.cursor().offset, 0);
}

#[test]
fn the_selection_stays_in_view_when_paging_a_small_terminal() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let height = app.list_height();
    for _ in 0..30 {
        run(&mut app, Command::Down);
        let cursor = app.cursor();
        assert!(cursor.selected >= cursor.offset && cursor.selected < cursor.offset + height);
    }
}

#[test]
fn space_ticks_a_task_done_and_back_and_each_change_is_saved() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    let effects = run(&mut app, Command::ToggleDone);
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(status(&app, "exams.step1"), Status::Done);
    assert_eq!(
        app.session.plan.tasks["exams.step1"].done_on,
        Some(date(TODAY))
    );
    assert!(matches!(app.session.save_state, SaveState::Pending(_)));
    update(&mut app, Action::Saved(Ok(SaveReport::Written)));
    assert_eq!(app.session.save_state, SaveState::Saved);
    let message = app.message.clone().expect("message");
    assert!(message.text.contains("saved"), "{message:?}");
    assert!(message.text.contains("Done"), "{message:?}");

    run(&mut app, Command::ToggleDone);
    assert_eq!(status(&app, "exams.step1"), Status::Todo);
    assert_eq!(app.session.plan.tasks["exams.step1"].done_on, None);
}

#[test]
fn s_cycles_through_every_state() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step2ck");
    let mut seen = Vec::new();
    for _ in 0..4 {
        run(&mut app, Command::CycleState);
        seen.push(status(&app, "exams.step2ck"));
    }
    assert_eq!(
        seen,
        [Status::Doing, Status::Done, Status::Skipped, Status::Todo]
    );
}

#[test]
fn a_bad_due_date_is_refused_in_the_dialog_and_a_good_one_is_kept() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step2ck");
    run(&mut app, Command::EditDate);
    assert!(matches!(app.screen.mode, Mode::Text(_)));
    fill(&mut app, "2027-02-30");
    let effects = run(&mut app, Command::Submit);
    assert!(effects.is_empty());
    let Mode::Text(field) = &app.screen.mode else {
        panic!("dialog closed on a bad date")
    };
    assert!(
        field
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("February 2027 has 28 days")
    );
    assert_eq!(app.session.plan.tasks["exams.step2ck"].due, None);

    fill(&mut app, "2027-06-01");
    assert_eq!(run(&mut app, Command::Submit), vec![Effect::Save]);
    assert!(matches!(app.screen.mode, Mode::Normal));
    assert_eq!(
        app.session.plan.tasks["exams.step2ck"].due,
        Some(date("2027-06-01"))
    );
    let task = app.session.snapshot.task("exams.step2ck").expect("task");
    assert_eq!(
        task.due.as_ref().map(|d| d.origin),
        Some(imgplan::calendar::DateOrigin::Yours)
    );

    // Empty returns to the template's rule.
    run(&mut app, Command::EditDate);
    fill(&mut app, "");
    run(&mut app, Command::Submit);
    assert_eq!(app.session.plan.tasks["exams.step2ck"].due, None);
}

#[test]
fn typing_replaces_a_prefilled_field_and_a_cursor_key_first_keeps_it_to_edit() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    run(&mut app, Command::ToggleDone);
    run(&mut app, Command::EditDate);
    let Mode::Text(field) = &app.screen.mode else {
        panic!("no done-on prompt")
    };
    assert_eq!(field.input.value(), TODAY);
    type_text(&mut app, "2024-05-10");
    let Mode::Text(field) = &app.screen.mode else {
        panic!("prompt closed")
    };
    assert_eq!(field.input.value(), "2024-05-10");
    run(&mut app, Command::Cancel);

    // Backspace first edits the prefilled date instead.
    run(&mut app, Command::EditDate);
    run(&mut app, Command::Edit(EditKey::Backspace));
    type_text(&mut app, "4");
    let Mode::Text(field) = &app.screen.mode else {
        panic!("prompt closed")
    };
    assert_eq!(field.input.value(), "2026-11-24");
    run(&mut app, Command::Cancel);

    // A form field is fresh again each time it gains focus.
    app.session.plan.profile.specialty = Some("Internal Medicine".into());
    app.screen.panel = 8;
    run(&mut app, Command::Add);
    focus_field(&mut app, Key::Specialty);
    type_text(&mut app, "Pediatrics");
    let Mode::Form(form) = &app.screen.mode else {
        panic!("no program form")
    };
    assert_eq!(form.text_of(Key::Specialty), "Pediatrics");
}

#[test]
fn a_far_away_year_is_taken_for_a_typo() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    run(&mut app, Command::EditDate);
    fill(&mut app, "0207-01-01");
    run(&mut app, Command::Submit);
    assert!(matches!(app.screen.mode, Mode::Text(_)));
}

#[test]
fn escape_cancels_an_edit_without_changing_the_plan() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    let before = app.session.plan.clone();
    run(&mut app, Command::EditNote);
    type_text(&mut app, "half written");
    assert!(run(&mut app, Command::Cancel).is_empty());
    assert!(matches!(app.screen.mode, Mode::Normal));
    assert_eq!(app.session.plan, before);
}

#[test]
fn notes_lose_control_characters_and_pastes_become_one_line() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    run(&mut app, Command::EditNote);
    update(
        &mut app,
        Action::Paste("Book\u{1b}[2J the\nprometric\tcentre".into()),
    );
    run(&mut app, Command::Submit);
    let note = app.session.plan.tasks["exams.step1"]
        .note
        .clone()
        .expect("note");
    assert_eq!(note, "Book[2J the prometric centre");
    assert!(!note.chars().any(char::is_control));
}

#[test]
fn you_can_add_and_delete_your_own_task_but_not_a_template_task() {
    let mut app = app();
    let usce = app.stage_panel("usce").expect("usce");
    app.screen.panel = usce;
    run(&mut app, Command::Add);
    type_text(&mut app, "Email Dr. Rao about an observership");
    assert_eq!(run(&mut app, Command::Submit), vec![Effect::Save]);
    let id = app.selected_task().expect("the new task is selected");
    assert!(id.starts_with("usce.my-"), "{id}");
    assert_eq!(app.session.plan.custom_tasks.len(), 1);

    run(&mut app, Command::Delete);
    assert!(matches!(app.screen.mode, Mode::ConfirmDelete { .. }));
    run(&mut app, Command::No);
    assert_eq!(app.session.plan.custom_tasks.len(), 1, "n keeps it");
    run(&mut app, Command::Delete);
    assert_eq!(run(&mut app, Command::Yes), vec![Effect::Save]);
    assert!(app.session.plan.custom_tasks.is_empty());
    assert!(!app.session.plan.tasks.contains_key(&id));

    run(&mut app, Command::Top);
    run(&mut app, Command::Delete);
    assert!(
        matches!(app.screen.mode, Mode::Normal),
        "template tasks are not deleted"
    );
    assert_eq!(app.message.as_ref().map(|m| m.tone), Some(Tone::Error));
}

#[test]
fn an_empty_title_is_refused() {
    let mut app = app();
    app.screen.panel = 1;
    run(&mut app, Command::Add);
    type_text(&mut app, "   ");
    assert!(run(&mut app, Command::Submit).is_empty());
    assert!(matches!(app.screen.mode, Mode::Text(_)));
}

#[test]
fn undo_and_redo_walk_the_history() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    run(&mut app, Command::ToggleDone);
    run(&mut app, Command::CycleState);
    assert_eq!(status(&app, "exams.step1"), Status::Skipped);
    assert_eq!(run(&mut app, Command::Undo), vec![Effect::Save]);
    assert_eq!(status(&app, "exams.step1"), Status::Done);
    run(&mut app, Command::Undo);
    assert_eq!(status(&app, "exams.step1"), Status::Todo);
    assert!(
        run(&mut app, Command::Undo).is_empty(),
        "nothing left to undo"
    );
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "exams.step1"), Status::Done);
    run(&mut app, Command::Redo);
    assert_eq!(status(&app, "exams.step1"), Status::Skipped);
    assert!(run(&mut app, Command::Redo).is_empty());
}

#[test]
fn the_profile_form_moves_every_date_with_the_match_year() {
    let mut app = app();
    let before = app
        .session
        .snapshot
        .calendar
        .get(Anchor::MatchDay)
        .expect("match day")
        .date;
    run(&mut app, Command::EditProfile);
    assert!(matches!(&app.screen.mode, Mode::Form(form) if form.purpose == FormPurpose::Profile));
    run(&mut app, Command::NextField); // Match year
    fill(&mut app, "2029");
    run(&mut app, Command::NextField); // Visa
    run(&mut app, Command::NextChoice);
    let Mode::Form(form) = &app.screen.mode else {
        panic!("form closed")
    };
    let visa = VisaChoice::ALL[form.index_of(Key::Visa)];
    assert_ne!(visa, VisaChoice::H1b);
    assert_eq!(run(&mut app, Command::Submit), vec![Effect::Save]);
    assert_eq!(app.session.plan.profile.match_year, 2029);
    assert_eq!(app.session.plan.profile.visa, visa);
    let after = app
        .session
        .snapshot
        .calendar
        .get(Anchor::MatchDay)
        .expect("match day")
        .date;
    assert!(after > before, "{before} → {after}");
}

#[test]
fn the_profile_form_refuses_a_bad_year_or_graduation_date() {
    let mut app = app();
    run(&mut app, Command::EditProfile);
    run(&mut app, Command::NextField);
    fill(&mut app, "twenty");
    assert!(run(&mut app, Command::Submit).is_empty());
    let Mode::Form(form) = &app.screen.mode else {
        panic!("form closed")
    };
    assert!(form.error.is_some());
    assert_eq!(app.session.plan.profile.match_year, 2028);

    fill(&mut app, "2028");
    for _ in 0..4 {
        run(&mut app, Command::NextField);
    }
    type_text(&mut app, "2026-13-01");
    assert!(run(&mut app, Command::Submit).is_empty());
    run(&mut app, Command::Cancel);
    assert!(matches!(app.screen.mode, Mode::Normal));
    assert_eq!(app.session.plan.profile.graduation, None);
}

#[test]
fn a_past_graduation_date_turns_the_toggle_to_done_and_the_error_points_at_the_toggle() {
    let mut app = app();
    run(&mut app, Command::EditProfile);
    focus_field(&mut app, Key::Graduation);
    fill(&mut app, "2022-08-15");
    let Mode::Form(form) = &app.screen.mode else {
        panic!("form closed")
    };
    assert_eq!(form.index_of(Key::GraduationExpected), 1, "done by itself");

    // Turned back to "expected" by hand, Enter names the toggle as the field to change.
    focus_field(&mut app, Key::GraduationExpected);
    run(&mut app, Command::NextChoice);
    assert!(run(&mut app, Command::Submit).is_empty());
    let Mode::Form(form) = &app.screen.mode else {
        panic!("form closed")
    };
    assert!(
        form.error
            .as_deref()
            .unwrap_or_default()
            .contains("cannot be expected")
    );
    assert_eq!(form.fields[form.focus].key, Key::GraduationExpected);
}

#[test]
fn search_jumps_as_you_type_and_n_walks_the_matches() {
    let mut app = app();
    run(&mut app, Command::Search);
    type_text(&mut app, "step 2");
    let first = app.selected_task();
    type_text(&mut app, "");
    run(&mut app, Command::Cancel);
    assert_eq!(
        app.screen.panel, 0,
        "Esc goes back to where the search started"
    );

    run(&mut app, Command::Search);
    type_text(&mut app, "step");
    assert!(matches!(app.current_panel(), Panel::Stage(_)));
    let found = app.selected_task().expect("a match is selected");
    // Titles, ids, notes and source names are searched: a match names how many and where.
    let Mode::Text(field) = &app.screen.mode else {
        panic!("search closed")
    };
    assert!(
        field
            .error
            .as_deref()
            .is_some_and(|note| note.contains(" matches for \"step\": ")),
        "{:?}",
        field.error
    );
    run(&mut app, Command::Submit);
    assert_eq!(app.screen.search.as_deref(), Some("step"));
    run(&mut app, Command::NextMatch);
    let second = app.selected_task().expect("next match");
    assert_ne!(second, found);
    run(&mut app, Command::PrevMatch);
    assert_eq!(app.selected_task(), Some(found));
    let _ = first;

    run(&mut app, Command::Search);
    type_text(&mut app, "zzzz no such task");
    let Mode::Text(field) = &app.screen.mode else {
        panic!("search closed")
    };
    assert_eq!(
        field.error.as_deref(),
        Some("No match for \"zzzz no such task\".")
    );
}

#[test]
fn enter_on_the_overview_goes_to_the_task_in_its_stage() {
    let mut app = app();
    // The first selectable task row on the overview (a deadline).
    let rows = app.rows(0);
    let index = rows
        .iter()
        .position(|r| matches!(r, Row::Task(_)))
        .expect("a deadline");
    let Row::Task(id) = rows[index].clone() else {
        unreachable!()
    };
    while app.cursor().selected != index {
        run(&mut app, Command::Down);
    }
    run(&mut app, Command::Open);
    assert!(matches!(app.current_panel(), Panel::Stage(_)));
    assert_eq!(app.selected_task(), Some(id));
}

#[test]
fn a_season_date_can_be_set_and_returned_to_the_estimate() {
    let mut app = app();
    assert_eq!(
        app.selected_row(),
        Some(Row::Freshness),
        "the overview opens on how recent the facts are"
    );
    run(&mut app, Command::Down);
    let Some(Row::Season(anchor)) = app.selected_row() else {
        panic!("the season comes next")
    };
    let estimated = app
        .session
        .snapshot
        .calendar
        .get(anchor)
        .expect("date")
        .date;
    run(&mut app, Command::EditDate);
    fill(&mut app, "2027-06-09");
    assert_eq!(run(&mut app, Command::Submit), vec![Effect::Save]);
    assert_eq!(
        app.session.plan.calendar.get(&anchor),
        Some(&date("2027-06-09"))
    );
    run(&mut app, Command::EditDate);
    fill(&mut app, "");
    run(&mut app, Command::Submit);
    assert!(app.session.plan.calendar.is_empty());
    assert_eq!(
        app.session
            .snapshot
            .calendar
            .get(anchor)
            .expect("date")
            .date,
        estimated
    );
}

#[test]
fn a_failed_save_keeps_the_change_and_asks_before_quitting() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    select_task(&mut app, "exams.step1");
    run(&mut app, Command::ToggleDone);
    update(
        &mut app,
        Action::Saved(Err(SaveProblem::Failed("read-only file system".into()))),
    );
    assert!(matches!(app.session.save_state, SaveState::Failed(_)));
    assert_eq!(status(&app, "exams.step1"), Status::Done, "kept in memory");
    let message = app.message.clone().expect("message");
    assert_eq!(message.tone, Tone::Error);
    assert!(message.text.contains("NOT saved"));

    assert!(run(&mut app, Command::Quit).is_empty(), "first q warns");
    assert!(!app.should_quit);
    assert_eq!(
        run(&mut app, Command::SaveNow),
        vec![Effect::SaveKeepingMine],
        "w retries"
    );
    update(
        &mut app,
        Action::Saved(Err(SaveProblem::Failed("still read-only".into()))),
    );
    run(&mut app, Command::Quit);
    assert_eq!(run(&mut app, Command::Quit), vec![Effect::Quit]);
    assert!(app.should_quit);
}

#[test]
fn quit_with_everything_saved_is_immediate() {
    let mut app = app();
    assert_eq!(run(&mut app, Command::Quit), vec![Effect::Quit]);
    assert!(app.should_quit);
}

#[test]
fn help_opens_scrolls_within_bounds_and_closes() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    run(&mut app, Command::Help);
    assert!(matches!(app.screen.mode, Mode::Help { scroll: 0 }));
    run(&mut app, Command::Bottom);
    let Mode::Help { scroll: bottom } = app.screen.mode else {
        panic!()
    };
    assert!(bottom > 0, "the help is longer than 24 rows");
    run(&mut app, Command::Down);
    assert!(matches!(app.screen.mode, Mode::Help { scroll } if scroll == bottom));
    run(&mut app, Command::Help);
    assert!(matches!(app.screen.mode, Mode::Normal));
}

#[test]
fn messages_expire_only_by_their_own_timer() {
    let mut app = app();
    app.say("first", Tone::Info);
    let first = app.message.as_ref().expect("message").serial;
    app.say("second", Tone::Info);
    update(&mut app, Action::MessageExpired(first));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("second")
    );
    let second = app.message.as_ref().expect("message").serial;
    update(&mut app, Action::MessageExpired(second));
    assert!(app.message.is_none());
}

#[test]
fn a_new_day_moves_the_countdowns() {
    let mut app = app();
    let first = app.session.snapshot.upcoming[0].clone();
    update(&mut app, Action::DayChanged(date("2026-11-26")));
    assert_eq!(app.today, date("2026-11-26"));
    let same = app
        .session
        .snapshot
        .upcoming
        .iter()
        .find(|d| d.task == first.task)
        .expect("still upcoming");
    assert_eq!(same.days, first.days - 1);
}

#[test]
fn clicks_select_panels_and_rows_and_the_wheel_scrolls() {
    let mut app = app();
    // At 120 columns the panels are a tab bar under the header (row 1):
    // " 1 Overview  2 ECFMG  3 Exams", so column 23 is on "3 Exams".
    update(&mut app, Action::Click { column: 23, row: 1 });
    assert_eq!(app.screen.panel, 2);
    let before = app.cursor().selected;
    update(&mut app, Action::ScrollDown);
    assert!(app.cursor().selected > before);
    update(&mut app, Action::ScrollUp);
    assert_eq!(app.cursor().selected, before);
    // Click the third row of the list (inside its border, under the tab bar).
    update(&mut app, Action::Click { column: 30, row: 5 });
    assert_eq!(app.cursor().selected, 2);
    // From 160 columns the panels are a side list again, below the header and its border.
    update(
        &mut app,
        Action::Resize {
            width: 200,
            height: 60,
        },
    );
    update(&mut app, Action::Click { column: 3, row: 5 });
    assert_eq!(app.screen.panel, 3);
}

#[test]
fn tasks_outside_the_visa_choice_are_not_listed() {
    let app = app_with(VisaChoice::NotNeeded);
    let visa = app.stage_panel("visa").expect("visa panel");
    assert!(
        app.rows(visa)
            .iter()
            .all(|row| !matches!(row, Row::Task(_)))
    );
    let j1 = app_with(VisaChoice::J1);
    assert!(j1.session.snapshot.task("exams.step3").is_none());
    assert!(j1.session.snapshot.task("residency.step3").is_some());
}

#[test]
fn the_details_scroll_with_shift_j_k_and_return_to_the_top_on_a_move() {
    let mut app = app();
    app.screen.panel = exams_panel(&app);
    run(&mut app, Command::DetailDown);
    run(&mut app, Command::DetailDown);
    assert_eq!(app.screen.detail_scroll, 6);
    run(&mut app, Command::DetailUp);
    assert_eq!(app.screen.detail_scroll, 3);
    run(&mut app, Command::Down);
    assert_eq!(
        app.screen.detail_scroll, 0,
        "a new selection starts at the top of its details"
    );
}

#[test]
fn the_goodbye_line_tells_the_truth_about_saving() {
    let saved = imgplan::tui::Exit {
        path: "/p/plan.ron".into(),
        saved: true,
    };
    assert_eq!(saved.farewell(), "Your plan is saved at /p/plan.ron");
    let lost = imgplan::tui::Exit {
        path: "/p/plan.ron".into(),
        saved: false,
    };
    assert!(lost.farewell().contains("NOT saved"));
}

#[test]
fn choosing_a_match_that_has_passed_says_so() {
    let mut app = app();
    run(&mut app, Command::EditProfile);
    run(&mut app, Command::NextField);
    fill(&mut app, "2024");
    run(&mut app, Command::Submit);
    let message = app.message.clone().expect("message");
    assert!(message.text.contains("behind you"), "{message:?}");
}

// ---------------------------------------------------------------------------------------------
// The export dialog

fn export_request(effects: &[Effect]) -> imgplan::tui::action::ExportRequest {
    match effects {
        [Effect::Export(request)] => (**request).clone(),
        other => panic!("expected one export effect, got {other:?}"),
    }
}

fn export_form(app: &App) -> &imgplan::tui::form::Form {
    match &app.screen.mode {
        Mode::Form(form) => form,
        other => panic!("expected the export dialog, got {other:?}"),
    }
}

#[test]
fn e_opens_the_export_dialog_with_a_default_path_that_follows_the_format() {
    use imgplan::export::Format;
    let mut app = app();
    app.prefs.export_dir = "/home/amal/Documents".into();
    assert!(
        run(&mut app, Command::Export).is_empty(),
        "nothing written yet"
    );
    let effects = run(&mut app, Command::Submit);
    let request = export_request(&effects);
    assert_eq!(request.options.format, Format::Text);
    assert_eq!(
        request.path,
        "/home/amal/Documents/imgplan-summary-2026-11-25.txt"
    );
    assert!(
        matches!(app.screen.mode, Mode::Form(_)),
        "the dialog waits for the result"
    );

    // → on the format: Markdown, and the default name follows.
    run(&mut app, Command::NextChoice);
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.options.format, Format::Markdown);
    assert!(request.path.ends_with("imgplan-summary-2026-11-25.md"));

    // A name the user typed stays when the format changes.
    for _ in 0..4 {
        run(&mut app, Command::NextField);
    }
    fill(&mut app, "~/for-my-mentor.md");
    run(&mut app, Command::NextField); // wraps round to the format
    run(&mut app, Command::NextChoice);
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.options.format, Format::Calendar);
    assert_eq!(request.path, "~/for-my-mentor.md");
}

#[test]
fn export_dialog_reports_the_file_and_remembers_the_choice() {
    use imgplan::export::Format;
    use imgplan::tui::action::ExportProblem;
    let mut app = app();
    run(&mut app, Command::Export);
    run(&mut app, Command::NextChoice);
    run(&mut app, Command::NextChoice); // calendar
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.replace, None);

    // The file exists: the dialog asks, and a second Enter agrees to replace it.
    let existing = std::path::PathBuf::from("/tmp/imgplan-test/imgplan-deadlines.ics");
    update(
        &mut app,
        Action::Exported(Err(ExportProblem::Exists(existing.clone()))),
    );
    let form = export_form(&app);
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("Enter again replaces it")),
        "{:?}",
        form.error
    );
    assert_eq!(
        form.field().map(|f| f.key),
        Some(imgplan::tui::form::Key::Path)
    );
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.replace, Some(existing.clone()));

    update(&mut app, Action::Exported(Ok(existing.clone())));
    assert!(matches!(app.screen.mode, Mode::Normal));
    let message = app.message.as_ref().expect("a message");
    assert_eq!(
        message.text,
        "Wrote /tmp/imgplan-test/imgplan-deadlines.ics · import it in your calendar app"
    );
    assert_eq!(message.tone, Tone::Info);

    // Next time the dialog offers the calendar again.
    run(&mut app, Command::Export);
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.options.format, Format::Calendar);
}

#[test]
fn export_dialog_refuses_bad_reminders_and_an_empty_path_on_their_fields() {
    let mut app = app();
    run(&mut app, Command::Export);
    run(&mut app, Command::NextChoice);
    run(&mut app, Command::NextChoice); // calendar: its reminders are read
    run(&mut app, Command::NextField);
    run(&mut app, Command::NextField);
    fill(&mut app, "soon");
    assert!(run(&mut app, Command::Submit).is_empty());
    let form = export_form(&app);
    assert_eq!(
        form.field().map(|f| f.key),
        Some(imgplan::tui::form::Key::Alarms)
    );
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("\"soon\""))
    );

    fill(&mut app, "30 7 1");
    run(&mut app, Command::NextField);
    run(&mut app, Command::NextField);
    fill(&mut app, "   ");
    assert!(run(&mut app, Command::Submit).is_empty());
    assert_eq!(
        export_form(&app).field().map(|f| f.key),
        Some(imgplan::tui::form::Key::Path)
    );

    fill(&mut app, "plan.ics");
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.options.alarm_days, [30, 7, 1]);

    // A failure keeps the dialog open with the reason; Esc leaves it.
    update(
        &mut app,
        Action::Exported(Err(imgplan::tui::action::ExportProblem::Failed(
            "permission denied".into(),
        ))),
    );
    assert!(
        export_form(&app)
            .error
            .as_deref()
            .is_some_and(|e| e.contains("permission denied"))
    );
    run(&mut app, Command::Cancel);
    assert!(matches!(app.screen.mode, Mode::Normal));
}

#[test]
fn the_runtime_writes_exports_into_folders_never_over_the_plan_and_asks_before_replacing() {
    use imgplan::tui::action::{ExportProblem, ExportRequest};
    use imgplan::tui::disk::write_export;
    let dir = tempfile::tempdir().expect("dir");
    let mut app = app();
    app.session.plan_path = dir.path().join("plan.ron");
    std::fs::write(&app.session.plan_path, "the plan").expect("plan");
    let request = |path: &std::path::Path, replace: Option<std::path::PathBuf>| ExportRequest {
        options: app.prefs.export_options.clone(),
        path: path.display().to_string(),
        replace,
    };

    // A folder gets the default name.
    let written = write_export(&app, request(dir.path(), None)).expect("written");
    assert_eq!(
        written,
        dir.path().join("imgplan-summary-2026-11-25.txt"),
        "default name in the folder"
    );
    assert!(
        std::fs::read_to_string(&written)
            .expect("summary")
            .starts_with("imgplan: plan summary")
    );

    // Never over the plan file, whatever the user types.
    let refused = write_export(&app, request(&app.session.plan_path, None));
    assert!(matches!(refused, Err(ExportProblem::Failed(why)) if why.contains("plan file")));
    let refused = write_export(
        &app,
        request(&app.session.plan_path, Some(app.session.plan_path.clone())),
    );
    assert!(matches!(refused, Err(ExportProblem::Failed(_))));
    assert_eq!(
        std::fs::read_to_string(&app.session.plan_path).expect("plan"),
        "the plan"
    );

    // An existing file: asked first, replaced once agreed.
    let asked = write_export(&app, request(&written, None));
    assert_eq!(asked, Err(ExportProblem::Exists(written.clone())));
    let replaced = write_export(&app, request(&written, Some(written.clone())));
    assert_eq!(replaced, Ok(written));

    // A mistyped folder is refused, not made.
    let nested = dir.path().join("for/mentor/x.md");
    let refused = write_export(&app, request(&nested, None));
    assert!(
        matches!(&refused, Err(ExportProblem::Failed(why)) if why.contains("there is no folder")),
        "{refused:?}"
    );
    assert!(!dir.path().join("for").exists());
}

#[test]
fn an_agreement_to_replace_is_withdrawn_by_any_edit() {
    use imgplan::tui::action::ExportProblem;
    let mut app = app();
    run(&mut app, Command::Export);
    let existing = std::path::PathBuf::from("/tmp/imgplan-test/imgplan-summary-2026-11-25.txt");
    update(
        &mut app,
        Action::Exported(Err(ExportProblem::Exists(existing.clone()))),
    );
    // Typing and deleting a character leaves the same path, but the question is gone from the
    // screen, so Enter must ask again rather than replace. (End first: the path is kept to edit.)
    run(&mut app, Command::Edit(EditKey::End));
    type_text(&mut app, "x");
    run(&mut app, Command::Edit(EditKey::Backspace));
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.replace, None);
}

#[test]
fn bad_reminders_do_not_block_a_summary() {
    let mut app = app();
    run(&mut app, Command::Export);
    run(&mut app, Command::NextChoice); // Markdown
    run(&mut app, Command::NextField);
    run(&mut app, Command::NextField);
    fill(&mut app, "soon");
    let request = export_request(&run(&mut app, Command::Submit));
    assert_eq!(request.options.alarm_days, [14, 3], "left as they were");
}

#[test]
fn a_long_export_path_is_shortened_in_the_middle_so_its_file_name_shows() {
    let mut app = app();
    update(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let long = std::path::PathBuf::from(
        "/home/amal/a-very-long-directory-name-for-testing/another-long-one/plans/imgplan-deadlines.ics",
    );
    run(&mut app, Command::Export);
    run(&mut app, Command::NextChoice);
    run(&mut app, Command::NextChoice); // calendar
    export_request(&run(&mut app, Command::Submit));
    update(&mut app, Action::Exported(Ok(long)));
    let text = &app.message.as_ref().expect("message").text;
    assert!(text.starts_with("Wrote /home/"), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(
        text.contains("/imgplan-deadlines.ics · import it"),
        "{text}"
    );
    assert!(imgplan::text::width(text) <= 78, "{text}");
}

/// Moves the open form's focus to a field.
fn focus_field(app: &mut App, key: Key) {
    for _ in 0..60 {
        if let Mode::Form(form) = &app.screen.mode
            && form.fields[form.focus].key == key
        {
            return;
        }
        run(app, Command::NextField);
    }
    panic!("no field {key:?} in the form");
}

#[test]
fn a_new_program_takes_the_profiles_specialty_and_any_date_the_importer_reads() {
    let mut app = app();
    app.session.plan.profile.specialty = Some("Internal Medicine".into());
    app.screen.panel = 8;
    assert_eq!(app.panels()[8], Panel::Programs);
    run(&mut app, Command::Add);
    let Mode::Form(form) = &app.screen.mode else {
        panic!("no program form")
    };
    assert_eq!(form.text_of(Key::Specialty), "Internal Medicine");
    type_text(&mut app, "Brookdale Hospital");
    focus_field(&mut app, Key::Interview);
    fill(&mut app, "12/2/2027");
    assert_eq!(run(&mut app, Command::Submit), vec![Effect::Save]);
    let program = app.session.plan.programs.last().expect("added");
    assert_eq!(program.specialty.as_deref(), Some("Internal Medicine"));
    assert_eq!(program.interview, Some(date("2027-12-02")));

    // A day that does not exist is refused with why, on the field.
    run(&mut app, Command::Add);
    type_text(&mut app, "Other Hospital");
    focus_field(&mut app, Key::Interview);
    fill(&mut app, "2027-02-30");
    assert!(run(&mut app, Command::Submit).is_empty());
    let Mode::Form(form) = &app.screen.mode else {
        panic!("form closed on a bad date")
    };
    let error = form.error.clone().unwrap_or_default();
    assert!(error.contains("February 2027 has 28 days"), "{error}");
}

#[test]
fn the_import_prompt_reads_through_the_runtime_previews_and_adds_only_on_yes() {
    use imgplan::tui::import_file::{Completion, ImportLoaded};
    let mut app = app();
    run(&mut app, Command::Import);
    assert!(matches!(&app.screen.mode, Mode::Text(_)));
    type_text(&mut app, "~/Down");
    // Tab asks the runtime to complete; its answer fills the prompt.
    assert_eq!(
        run(&mut app, Command::NextField),
        vec![Effect::CompletePath("~/Down".into())]
    );
    update(
        &mut app,
        Action::PathCompleted {
            typed: "~/Down".into(),
            completion: Completion {
                text: "~/Downloads/".into(),
                choices: Vec::new(),
            },
        },
    );
    type_text(&mut app, "list.csv");
    assert_eq!(
        run(&mut app, Command::Submit),
        vec![Effect::ReadImport("~/Downloads/list.csv".into())]
    );
    // A file that cannot be read: the message under the prompt, nothing added.
    update(
        &mut app,
        Action::ImportRead(Err("cannot read ~/Downloads/list.csv".into())),
    );
    let Mode::Text(field) = &app.screen.mode else {
        panic!("prompt closed")
    };
    assert!(
        field
            .error
            .as_deref()
            .unwrap_or_default()
            .contains("cannot read")
    );

    let report =
        imgplan::import::read_programs(b"Program,State,Interview\nAlpha,NY,2 Dec 2027\nBeta,ZZ,\n")
            .expect("csv");
    update(
        &mut app,
        Action::ImportRead(Ok(ImportLoaded {
            path: "/home/amina/Downloads/list.csv".into(),
            report,
        })),
    );
    assert!(matches!(&app.screen.mode, Mode::ImportPreview(p) if p.new.len() == 2));
    assert!(
        app.session.plan.programs.is_empty(),
        "nothing added before y"
    );
    // n adds nothing; the same again and y adds both, Beta without its bad state.
    run(&mut app, Command::No);
    assert!(app.session.plan.programs.is_empty());
    run(&mut app, Command::Import);
    type_text(&mut app, "list.csv");
    run(&mut app, Command::Submit);
    let report =
        imgplan::import::read_programs(b"Program,State,Interview\nAlpha,NY,2 Dec 2027\nBeta,ZZ,\n")
            .expect("csv");
    update(
        &mut app,
        Action::ImportRead(Ok(ImportLoaded {
            path: "/home/amina/Downloads/list.csv".into(),
            report,
        })),
    );
    assert_eq!(run(&mut app, Command::Yes), vec![Effect::Save]);
    let names: Vec<&str> = app
        .session
        .plan
        .programs
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Alpha", "Beta"]);
    assert_eq!(app.session.plan.programs[1].state, None);
    assert_eq!(
        app.session.plan.programs[0].interview,
        Some(date("2027-12-02"))
    );
    // One undo takes the whole import back.
    run(&mut app, Command::Undo);
    assert!(app.session.plan.programs.is_empty());
}
