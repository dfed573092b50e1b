//! `update`: the only place the planner's state changes. It never touches the terminal or the
//! disk; it returns the effects (save, export, suspend, quit) for the runtime to carry out.
//!
//! A command that acts on "what is selected" is dispatched once, on the
//! [`Selection`] of the current panel, to the module that owns that
//! kind of item: `tasks`, `programs`, `rotations`, `season`. Every change to the plan
//! goes through `history::change` (undo, derived state, save).

use super::action::{Action, Command, Effect};
use super::app::{App, Mode, Panel, Tone};
use super::selection::Selection;
use crate::insights::Subject;

mod budget;
mod export;
mod forms;
mod history;
pub mod import;
mod letters;
mod navigation;
mod practice;
mod profile;
mod programs;
mod rotations;
mod save;
mod search;
mod season;
mod tasks;
mod text;
mod timeline;
mod typing;

/// Rows the mouse wheel moves per notch.
const WHEEL_ROWS: usize = 3;

/// Applies one action and returns what the runtime must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize { width, height } => {
            app.screen.width = width;
            app.screen.height = height;
            app.settle_all();
        }
        Action::Saved(result) => save::saved(app, result),
        Action::Exported(result) => export::exported(app, result),
        Action::MessageExpired(serial) => {
            if app.message.as_ref().is_some_and(|m| m.serial == serial) {
                app.message = None;
            }
        }
        Action::ImportRead(result) => return import::read(app, result),
        Action::PathCompleted { typed, completion } => import::completed(app, &typed, completion),
        Action::DayChanged(today) => {
            app.today = today;
            app.refresh();
            app.say(format!("A new day: today is {today}"), Tone::Info);
        }
        Action::ScrollUp | Action::ScrollDown => {
            navigation::wheel(app, action == Action::ScrollDown);
        }
        Action::Click { column, row } => {
            if matches!(app.screen.mode, Mode::Normal) {
                navigation::click(app, column, row);
            }
        }
        Action::Command(command) => {
            return match app.screen.mode.clone() {
                Mode::Normal => normal(app, command),
                Mode::Help { .. } => navigation::help(app, command),
                Mode::Text(_) => text::text(app, command),
                Mode::Form(_) => forms::form(app, command),
                Mode::ConfirmDelete { target, title } => {
                    tasks::confirm_delete(app, command, &target, &title)
                }
                Mode::ImportPreview(preview) => import::confirm(app, command, *preview),
            };
        }
        Action::Type(c) => text::insert(app, &c.to_string()),
        Action::Paste(pasted) => text::insert(app, &crate::text::clean_line(&pasted)),
    }
    Vec::new()
}

// ---------------------------------------------------------------------------------------------
// Browsing

fn normal(app: &mut App, command: Command) -> Vec<Effect> {
    if command != Command::Quit {
        app.quit_armed = false;
    }
    if !matches!(command, Command::DetailDown | Command::DetailUp) {
        app.screen.detail_scroll = 0;
    }
    match command {
        Command::Open
        | Command::ToggleDone
        | Command::CycleState
        | Command::EditDate
        | Command::EditNote
        | Command::Add
        | Command::Delete
        | Command::Rank
        | Command::RankUp
        | Command::RankDown
        | Command::Filter
        | Command::ClearFilter
        | Command::Sort => {
            let selection = app.selection();
            return act(app, command, selection);
        }
        Command::DetailDown => {
            app.screen.detail_scroll = app.screen.detail_scroll.saturating_add(3).min(500)
        }
        Command::DetailUp => app.screen.detail_scroll = app.screen.detail_scroll.saturating_sub(3),
        Command::Down => navigation::step(app, true),
        Command::Up => navigation::step(app, false),
        Command::Top => navigation::jump_to_end(app, false),
        Command::Bottom => navigation::jump_to_end(app, true),
        Command::PageDown => navigation::page(app, app.list_height().max(1), true),
        Command::PageUp => navigation::page(app, app.list_height().max(1), false),
        Command::HalfPageDown => navigation::page(app, (app.list_height() / 2).max(1), true),
        Command::HalfPageUp => navigation::page(app, (app.list_height() / 2).max(1), false),
        Command::NextPanel => {
            let count = app.screen.cursors.len();
            app.screen.panel = (app.screen.panel + 1) % count;
        }
        Command::PrevPanel => {
            let count = app.screen.cursors.len();
            app.screen.panel = (app.screen.panel + count - 1) % count;
        }
        Command::Panel(index) if index < app.screen.cursors.len() => app.screen.panel = index,
        _ => {}
    }
    if matches!(
        command,
        Command::NextPanel | Command::PrevPanel | Command::Panel(_)
    ) {
        open_agenda_at_today(app);
        return Vec::new();
    }
    match command {
        Command::EditProfile => profile::open(app),
        Command::TimelineEarlier | Command::TimelineLater => {
            timeline::scroll(app, command == Command::TimelineLater);
        }
        Command::Undo => return history::undo(app),
        Command::Redo => return history::redo(app),
        Command::Search => search::open(app),
        Command::NextMatch => search::next_match(app, true),
        Command::PrevMatch => search::next_match(app, false),
        Command::Export => forms::open_export(app),
        Command::Import => import::open(app),
        Command::SaveNow => return save::save_now(app),
        Command::Help => app.screen.mode = Mode::Help { scroll: 0 },
        Command::Glossary => {
            app.screen.mode = Mode::Help {
                scroll: super::view::help::glossary_scroll(app),
            }
        }
        Command::Zoom => {
            app.screen.zoom = app.screen.zoom.next();
            app.say(app.screen.zoom.describe(), Tone::Info);
            app.settle_all();
        }
        Command::Quit => return save::quit(app),
        Command::Suspend => return vec![Effect::Suspend],
        Command::Cancel => {
            app.screen.search = None;
            app.message = None;
        }
        _ => {}
    }
    Vec::new()
}

/// The Agenda opens on the first entry after its "today" line the first time it is shown.
fn open_agenda_at_today(app: &mut App) {
    let panel = app.screen.panel;
    if app.current_panel() != Panel::Agenda {
        return;
    }
    let rows = app.rows(panel);
    // Untouched: still on the first row it can select, scrolled to the top.
    let first = rows.iter().position(super::app::Row::selectable);
    let untouched = app
        .screen
        .cursors
        .get(panel)
        .is_some_and(|c| c.offset == 0 && Some(c.selected) == first);
    if !untouched {
        return;
    }
    if let Some(row) = app.agenda_today_row(&rows) {
        navigation::select(app, row);
        // Keep the today line and the month above the selection in view.
        if let Some(cursor) = app.screen.cursors.get_mut(panel) {
            cursor.offset = row.saturating_sub(2);
        }
        app.settle_cursor(panel);
    }
}

/// The one dispatch on what is selected: each arm hands the command to the module that owns
/// that kind of item. A command that does nothing for the selection says why.
fn act(app: &mut App, command: Command, selection: Selection) -> Vec<Effect> {
    use Command as C;
    use Selection as S;
    let panel = app.current_panel();
    match (command, selection) {
        (C::Filter, _) if panel == Panel::Agenda => {
            app.prefs.agenda_open_only = !app.prefs.agenda_open_only;
            let what = if app.prefs.agenda_open_only {
                "Agenda: open things only (f shows everything again)"
            } else {
                "Agenda: everything, done and passed included"
            };
            app.say(what, Tone::Info);
            // The rows changed above the cursor: back to the first entry after today.
            if let Some(row) = app.agenda_today_row(&app.rows(app.screen.panel)) {
                navigation::select(app, row);
            }
        }
        (C::Rank | C::RankUp | C::RankDown | C::Filter | C::ClearFilter | C::Sort, _)
            if panel != Panel::Programs =>
        {
            app.say(
                "That key works in the Programs panel (press 9).",
                Tone::Info,
            );
        }
        (C::Filter, _) => programs::open_filter(app),
        (C::ClearFilter, _) => programs::clear_filter(app),
        (C::Sort, _) => programs::next_sort(app),
        (C::Add, _) if panel == Panel::Programs => programs::add(app),
        (C::Add, _) if panel == Panel::Letters => letters::add(app),
        (C::Add, _) if panel == Panel::Scores => practice::add(app),
        (C::Open | C::EditDate, S::Practice(id)) => practice::edit(app, id),
        (C::Open, S::AddPractice) => practice::add(app),
        (C::Open, S::PracticeTarget) => practice::edit_target(app),
        (C::Delete, S::Practice(id)) => practice::delete(app, id),
        (C::Add, S::Rotation(_) | S::AddRotation) => rotations::add(app),
        (C::Add, selection) => tasks::add(app, panel, &selection),

        (C::Open, S::Task(id)) => tasks::open(app, panel, &id),
        (C::Open | C::EditDate, S::Season(anchor)) => season::edit(app, anchor),
        (C::Open, S::Program(id) | S::Ranked(id)) => programs::edit(app, id),
        (C::Open | C::EditDate, S::Rotation(id)) => rotations::edit(app, id),
        (C::Open, S::AddRotation) => rotations::add(app),
        (C::Open, S::BudgetLine(index)) => budget::edit_line(app, index),
        (C::Open, S::Letter(id)) => letters::edit(app, id),
        (C::EditNote, S::Letter(id)) => letters::edit_note(app, id),
        (C::EditDate, S::Letter(_)) => app.say(
            "A letter has no date of its own: s moves its state, Enter edits it.",
            Tone::Info,
        ),
        (C::Open, S::AddLetter) => letters::add(app),
        (C::Open, S::LetterProgram(id)) => letters::edit_asked(app, id),
        (C::CycleState, S::Letter(id)) => return letters::cycle(app, id),
        (C::Delete, S::Letter(id)) => letters::delete(app, id),
        (C::Open, S::BudgetCurrency) => budget::edit_currency(app),
        (C::Open, S::Comparison(_)) => app.say(
            "The whole row and its sources are in the details (J/K scroll them).",
            Tone::Info,
        ),
        (C::Open, S::Warning(subject)) => reveal(app, &subject),
        (C::Open, _) => {}

        (C::ToggleDone, S::Task(id)) => return tasks::toggle_done(app, &id),
        (
            C::ToggleDone,
            S::Program(_)
            | S::Ranked(_)
            | S::Rotation(_)
            | S::Warning(Subject::Program(_) | Subject::Rotation(_)),
        ) => app.say(
            "Space ticks tasks. Here s moves to the next state and Enter edits.",
            Tone::Info,
        ),
        (C::CycleState, S::Task(id)) => return tasks::cycle_state(app, &id),
        (C::CycleState, S::Program(id) | S::Ranked(id)) => return programs::cycle_status(app, id),
        (C::CycleState, S::Rotation(id)) => return rotations::cycle_letter(app, id),
        (C::EditDate, S::Task(id)) => tasks::edit_date(app, id),
        (C::EditDate, S::Program(id) | S::Ranked(id)) => programs::edit_interview(app, id),
        (C::EditNote, S::Task(id)) => tasks::edit_note(app, id),
        (C::EditNote, S::Program(id) | S::Ranked(id)) => programs::edit_note(app, id),
        (C::EditNote, S::Rotation(id)) => rotations::edit_note(app, id),
        (C::Delete, S::Task(id)) => tasks::delete(app, id),
        (C::Delete, S::Program(id) | S::Ranked(id)) => programs::delete(app, id),
        (C::Delete, S::Rotation(id)) => rotations::delete(app, id),

        (C::Rank, S::Program(id) | S::Ranked(id)) => return programs::rank(app, id),
        (C::Rank, _) => app.say("Select a program first (j/k to move).", Tone::Error),
        (C::RankUp | C::RankDown, S::Program(id) | S::Ranked(id)) => {
            return programs::move_rank(app, id, command == C::RankUp);
        }
        (C::RankUp | C::RankDown, _) => app.say("Select a ranked program first.", Tone::Error),
        // Task keys on a row that is not a task.
        _ => app.say("Select a task first (j/k to move).", Tone::Error),
    }
    Vec::new()
}

/// Enter on a warning about a program, a rotation or the letters: go to it.
fn reveal(app: &mut App, subject: &Subject) {
    match subject {
        Subject::Program(id) => programs::reveal(app, *id),
        Subject::Rotation(id) => rotations::reveal(app, *id),
        Subject::Letters => letters::reveal_panel(app),
        Subject::Task(id) => {
            navigation::reveal_task(app, id);
        }
    }
}
