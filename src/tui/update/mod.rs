//! `update`: the only place the planner's state changes. It never touches the terminal or the
//! disk; it returns the effects (save, export, suspend, quit) for the runtime to carry out.

use chrono::{Datelike, NaiveDate};
use tui_input::{Input, InputRequest};

use crate::calendar::{MATCH_YEARS, parse_date};
use crate::journey::{Anchor, VisaChoice};
use crate::plan::{
    ApplicantCategory, Graduation, MAX_NOTE_CHARS, MAX_TITLE_CHARS, Plan, PlanError, Status,
    checked_field,
};
use crate::text::clean_line;

use super::action::{Action, Command, Effect, Merge, SaveProblem, SaveReport};
use super::app::{
    App, Cursor, DeleteTarget, Mode, Panel, ProfileField, ProfileForm, Row, SaveState, TextField,
    TextPurpose, Tone, UNDO_DEPTH,
};

mod trackers;

/// Rows the mouse wheel moves per notch.
const WHEEL_ROWS: usize = 3;

/// Applies one action and returns what the runtime must do.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Resize { width, height } => {
            app.width = width;
            app.height = height;
            app.settle_all();
            Vec::new()
        }
        Action::Saved(result) => {
            saved(app, result);
            Vec::new()
        }
        Action::Exported(result) => {
            trackers::exported(app, result);
            Vec::new()
        }
        Action::MessageExpired(serial) => {
            if app.message.as_ref().is_some_and(|m| m.serial == serial) {
                app.message = None;
            }
            Vec::new()
        }
        Action::DayChanged(today) => {
            app.today = today;
            app.refresh();
            app.say(format!("A new day: today is {today}"), Tone::Info);
            Vec::new()
        }
        Action::ScrollUp | Action::ScrollDown => {
            let down = action == Action::ScrollDown;
            match &mut app.mode {
                Mode::Help { scroll } => {
                    *scroll = if down {
                        scroll.saturating_add(WHEEL_ROWS as u16)
                    } else {
                        scroll.saturating_sub(WHEEL_ROWS as u16)
                    };
                    clamp_help(app);
                }
                Mode::Normal => {
                    for _ in 0..WHEEL_ROWS {
                        step(app, down);
                    }
                }
                _ => {}
            }
            Vec::new()
        }
        Action::Click { column, row } => {
            if matches!(app.mode, Mode::Normal) {
                click(app, column, row);
            }
            Vec::new()
        }
        Action::Command(command) => match app.mode.clone() {
            Mode::Normal => normal(app, command),
            Mode::Help { .. } => help(app, command),
            Mode::Text(_) => text(app, command),
            Mode::Profile(_) => profile(app, command),
            Mode::Form(_) => trackers::form(app, command),
            Mode::ConfirmDelete { target, title } => confirm_delete(app, command, &target, &title),
        },
        Action::Type(c) => {
            insert(app, &c.to_string());
            Vec::new()
        }
        Action::Paste(pasted) => {
            insert(app, &clean_line(&pasted));
            Vec::new()
        }
    }
}

fn saved(app: &mut App, result: Result<SaveReport, SaveProblem>) {
    let what = match std::mem::replace(&mut app.save_state, SaveState::Saved) {
        SaveState::Pending(what) | SaveState::Failed(what) => what,
        SaveState::Saved => String::from("Plan"),
    };
    match result {
        Ok(SaveReport::Written) => {
            app.quit_armed = false;
            app.say(format!("{what} · saved"), Tone::Info);
        }
        Ok(SaveReport::Merged(merge)) => {
            app.quit_armed = false;
            take_merge(app, *merge, &what);
        }
        Err(SaveProblem::Conflicts(conflicts)) => {
            let problem = SaveProblem::Conflicts(conflicts);
            app.say(
                format!(
                    "NOT saved: {problem}. w keeps yours (the file's other changes are kept too); u undoes yours ({what})"
                ),
                Tone::Error,
            );
            app.save_state = SaveState::Failed(what);
        }
        Err(problem) => {
            app.say(
                format!("NOT saved, kept in memory (w retries): {problem} ({what})"),
                Tone::Error,
            );
            app.save_state = SaveState::Failed(what);
        }
    }
}

/// The file had changed elsewhere and the save merged both sides: the planner now shows the
/// merged plan, and its undo history is moved onto the other side's changes, so undoing a change
/// of ours never undoes one made elsewhere.
fn take_merge(app: &mut App, merge: Merge, what: &str) {
    let rebase = |snapshot: &Plan| {
        crate::merge::merge(
            &merge.base,
            snapshot,
            &merge.theirs,
            crate::merge::Prefer::Theirs,
        )
        .map(|(plan, _)| plan)
        .unwrap_or_else(|_| snapshot.clone())
    };
    for (snapshot, _) in app.undo.iter_mut().chain(app.redo.iter_mut()) {
        *snapshot = rebase(snapshot);
    }
    app.plan = merge.merged;
    app.refresh();
    let kept = match merge.conflicts.first() {
        Some(conflict) => format!(
            "; yours kept for {}{}",
            conflict.path,
            if merge.conflicts.len() > 1 {
                format!(" and {} more", merge.conflicts.len() - 1)
            } else {
                String::new()
            }
        ),
        None => String::new(),
    };
    let copy = merge
        .hand_edits_kept
        .as_deref()
        .map(|path| {
            format!(
                "; the file as edited is kept in {}",
                crate::text::shown(path)
            )
        })
        .unwrap_or_default();
    app.say(
        format!("{what} · saved, together with changes made elsewhere{kept}{copy}"),
        Tone::Info,
    );
}

// ---------------------------------------------------------------------------------------------
// Browsing

fn normal(app: &mut App, command: Command) -> Vec<Effect> {
    if command != Command::Quit {
        app.quit_armed = false;
    }
    if !matches!(command, Command::DetailDown | Command::DetailUp) {
        app.detail_scroll = 0;
    }
    if let Some(effects) = trackers::handle(app, command) {
        return effects;
    }
    match command {
        Command::DetailDown => app.detail_scroll = app.detail_scroll.saturating_add(3).min(500),
        Command::DetailUp => app.detail_scroll = app.detail_scroll.saturating_sub(3),
        Command::Down => step(app, true),
        Command::Up => step(app, false),
        Command::Top => jump_to_end(app, false),
        Command::Bottom => jump_to_end(app, true),
        Command::PageDown => page(app, app.list_height().max(1), true),
        Command::PageUp => page(app, app.list_height().max(1), false),
        Command::HalfPageDown => page(app, (app.list_height() / 2).max(1), true),
        Command::HalfPageUp => page(app, (app.list_height() / 2).max(1), false),
        Command::NextPanel => {
            let count = app.cursors.len();
            app.panel = (app.panel + 1) % count;
        }
        Command::PrevPanel => {
            let count = app.cursors.len();
            app.panel = (app.panel + count - 1) % count;
        }
        Command::Panel(index) if index < app.cursors.len() => app.panel = index,
        Command::Open => open(app),
        Command::ToggleDone => {
            return with_task(app, |app, id| {
                let status = app.snapshot.task(&id).map_or(Status::Todo, |t| t.status);
                let next = if status == Status::Done {
                    Status::Todo
                } else {
                    Status::Done
                };
                set_status(app, &id, next)
            });
        }
        Command::CycleState => {
            return with_task(app, |app, id| {
                let status = app.snapshot.task(&id).map_or(Status::Todo, |t| t.status);
                set_status(app, &id, status.cycled())
            });
        }
        Command::EditDue => edit_due(app),
        Command::EditNote => {
            if let Some(id) = require_task(app) {
                let note = app.plan.tasks.get(&id).and_then(|s| s.note.clone());
                open_field(
                    app,
                    TextPurpose::Note { task: id },
                    note.unwrap_or_default(),
                );
            }
        }
        Command::AddTask => add_task(app),
        Command::DeleteTask => delete_task(app),
        Command::EditProfile => {
            app.mode = Mode::Profile(Box::new(ProfileForm::from_plan(&app.plan)));
        }
        Command::Undo => return undo(app),
        Command::Redo => return redo(app),
        Command::Search => {
            let purpose = TextPurpose::Search {
                panel: app.panel,
                cursor: app.cursor(),
            };
            open_field(app, purpose, String::new());
        }
        Command::NextMatch => next_match(app, true),
        Command::PrevMatch => next_match(app, false),
        Command::Export => {
            let form =
                crate::tui::form::Form::export(&app.export_options, &app.export_dir, app.today);
            app.mode = Mode::Form(Box::new(form));
        }
        Command::SaveNow => match &app.save_state {
            SaveState::Failed(what) => {
                app.save_state = SaveState::Pending(what.clone());
                return vec![Effect::SaveKeepingMine];
            }
            _ => app.say(
                format!(
                    "Everything is saved in {}",
                    crate::text::shown(&app.plan_path)
                ),
                Tone::Info,
            ),
        },
        Command::Help => app.mode = Mode::Help { scroll: 0 },
        Command::Quit => {
            if matches!(app.save_state, SaveState::Failed(_)) && !app.quit_armed {
                app.quit_armed = true;
                app.say(
                    "Your last change is NOT saved. Press w to retry, or q again to quit without it.",
                    Tone::Error,
                );
            } else {
                app.should_quit = true;
                return vec![Effect::Quit];
            }
        }
        Command::Suspend => return vec![Effect::Suspend],
        Command::Cancel => {
            app.search = None;
            app.message = None;
        }
        _ => {}
    }
    Vec::new()
}

/// Moves the selection one selectable row down or up.
fn step(app: &mut App, down: bool) {
    let rows = app.rows(app.panel);
    let current = app.cursor().selected;
    let next = if down {
        (current + 1..rows.len()).find(|&i| rows[i].selectable())
    } else {
        (0..current).rev().find(|&i| rows[i].selectable())
    };
    if let Some(next) = next {
        select(app, next);
    }
}

fn jump_to_end(app: &mut App, bottom: bool) {
    let rows = app.rows(app.panel);
    let target = if bottom {
        rows.iter().rposition(Row::selectable)
    } else {
        rows.iter().position(Row::selectable)
    };
    if let Some(target) = target {
        select(app, target);
    }
}

fn page(app: &mut App, rows_to_move: usize, down: bool) {
    let rows = app.rows(app.panel);
    if rows.is_empty() {
        return;
    }
    let current = app.cursor().selected;
    let target = if down {
        (current + rows_to_move).min(rows.len() - 1)
    } else {
        current.saturating_sub(rows_to_move)
    };
    // Land on the nearest selectable row in the direction of travel, else the other way.
    let forward = |from: usize| (from..rows.len()).find(|&i| rows[i].selectable());
    let backward = |from: usize| (0..=from).rev().find(|&i| rows[i].selectable());
    let landing = if down {
        backward(target)
            .filter(|&i| i > current)
            .or_else(|| forward(target))
    } else {
        forward(target)
            .filter(|&i| i < current)
            .or_else(|| backward(target))
    };
    if let Some(landing) = landing {
        select(app, landing);
    }
}

fn select(app: &mut App, row: usize) {
    let panel = app.panel;
    if let Some(cursor) = app.cursors.get_mut(panel) {
        cursor.selected = row;
    }
    app.settle_cursor(panel);
}

/// Shows a task in its stage panel.
fn reveal_task(app: &mut App, id: &str) -> bool {
    let Some(stage) = app.snapshot.task(id).map(|t| t.stage.clone()) else {
        return false;
    };
    let Some(panel) = app.stage_panel(&stage) else {
        return false;
    };
    let rows = app.rows(panel);
    let Some(row) = rows.iter().position(|r| *r == Row::Task(id.to_owned())) else {
        return false;
    };
    app.panel = panel;
    select(app, row);
    true
}

fn open(app: &mut App) {
    match app.selected_row() {
        Some(Row::Season(_)) => edit_due(app),
        Some(Row::Task(id)) if matches!(app.current_panel(), Panel::Stage(_)) => {
            let title = app.task_title(&id);
            app.say(
                format!("{title}: Space ticks it, s cycles its state, d sets its date, c its note"),
                Tone::Info,
            );
        }
        Some(_) => {
            if let Some(id) = app.selected_task() {
                reveal_task(app, &id);
            }
        }
        None => {}
    }
}

/// The selected task's id, or a message saying there is none.
fn require_task(app: &mut App) -> Option<String> {
    let task = app.selected_task();
    if task.is_none() {
        app.say("Select a task first (j/k to move).", Tone::Error);
    }
    task
}

fn with_task(app: &mut App, f: impl FnOnce(&mut App, String) -> Vec<Effect>) -> Vec<Effect> {
    match require_task(app) {
        Some(id) => f(app, id),
        None => Vec::new(),
    }
}

fn set_status(app: &mut App, id: &str, status: Status) -> Vec<Effect> {
    let title = app.task_title(id);
    let today = app.today;
    let what = match status {
        Status::Done => format!("Done: {title}"),
        Status::Todo => format!("Back to todo: {title}"),
        Status::Doing => format!("Doing: {title}"),
        Status::Skipped => format!("Skipped: {title}"),
    };
    change(app, what, |plan, template| {
        plan.set_status(template, id, status, today)
    })
}

/// Applies a change to the plan: remembered for undo, derived state rebuilt, saved at once.
fn change(
    app: &mut App,
    what: String,
    apply: impl FnOnce(&mut Plan, &crate::journey::Template) -> Result<(), PlanError>,
) -> Vec<Effect> {
    let before = app.plan.clone();
    match apply(&mut app.plan, &app.template) {
        Ok(()) => {
            if app.plan == before {
                app.say(format!("{what} (no change)"), Tone::Info);
                return Vec::new();
            }
            app.undo.push((before, what.clone()));
            if app.undo.len() > UNDO_DEPTH {
                app.undo.remove(0);
            }
            app.redo.clear();
            commit(app, what)
        }
        Err(err) => {
            app.plan = before;
            app.say(err.to_string(), Tone::Error);
            Vec::new()
        }
    }
}

fn commit(app: &mut App, what: String) -> Vec<Effect> {
    app.refresh();
    app.say(what.clone(), Tone::Info);
    app.save_state = SaveState::Pending(what);
    vec![Effect::Save]
}

fn undo(app: &mut App) -> Vec<Effect> {
    let Some((previous, what)) = app.undo.pop() else {
        app.say("Nothing to undo.", Tone::Info);
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.plan, previous);
    app.redo.push((current, what.clone()));
    commit(app, format!("Undone: {what}"))
}

fn redo(app: &mut App) -> Vec<Effect> {
    let Some((next, what)) = app.redo.pop() else {
        app.say("Nothing to redo.", Tone::Info);
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.plan, next);
    app.undo.push((current, what.clone()));
    commit(app, format!("Redone: {what}"))
}

fn edit_due(app: &mut App) {
    match app.selected_row() {
        Some(Row::Season(anchor)) => {
            let current = app
                .snapshot
                .calendar
                .get(anchor)
                .map(|d| d.date.to_string());
            open_field(
                app,
                TextPurpose::SeasonDate { anchor },
                current.unwrap_or_default(),
            );
        }
        _ => {
            if let Some(id) = require_task(app) {
                let current = app
                    .snapshot
                    .task(&id)
                    .and_then(|t| t.due.as_ref())
                    .map(|d| d.date.to_string());
                open_field(
                    app,
                    TextPurpose::DueDate { task: id },
                    current.unwrap_or_default(),
                );
            }
        }
    }
}

fn add_task(app: &mut App) {
    let stage = match app.current_panel() {
        Panel::Stage(index) => Some(app.template.stages[index].id.clone()),
        _ => app
            .selected_task()
            .and_then(|id| app.snapshot.task(&id).map(|t| t.stage.clone())),
    };
    match stage {
        Some(stage) => open_field(app, TextPurpose::NewTask { stage }, String::new()),
        None => app.say(
            "Go to a stage panel (2-8) to add a task of your own there.",
            Tone::Error,
        ),
    }
}

fn delete_task(app: &mut App) {
    let Some(id) = require_task(app) else {
        return;
    };
    let custom = app.snapshot.task(&id).is_some_and(|t| t.custom);
    if custom {
        let title = app.task_title(&id);
        app.mode = Mode::ConfirmDelete {
            target: DeleteTarget::Task(id),
            title,
        };
    } else {
        app.say(
            "Only tasks you added can be deleted; press s to mark a built-in task skipped.",
            Tone::Error,
        );
    }
}

fn confirm_delete(
    app: &mut App,
    command: Command,
    target: &DeleteTarget,
    title: &str,
) -> Vec<Effect> {
    match command {
        Command::Yes => {
            app.mode = Mode::Normal;
            match target {
                DeleteTarget::Task(id) => {
                    change(app, format!("Deleted: {title}"), |plan, template| {
                        plan.remove_custom_task(template, id)
                    })
                }
                other => trackers::delete(app, other, title),
            }
        }
        Command::No => {
            app.mode = Mode::Normal;
            app.say("Kept it.", Tone::Info);
            Vec::new()
        }
        Command::Quit => {
            app.mode = Mode::Normal;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Search

fn matches(app: &App, query: &str) -> Vec<String> {
    let query = query.to_lowercase();
    if query.trim().is_empty() {
        return Vec::new();
    }
    app.snapshot
        .tasks
        .iter()
        .filter(|task| {
            task.title.to_lowercase().contains(&query)
                || task.id.to_lowercase().contains(&query)
                || task
                    .note
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains(&query))
        })
        .map(|task| task.id.clone())
        .collect()
}

/// Moves to the next (or previous) task matching the last search, wrapping around.
fn next_match(app: &mut App, forward: bool) {
    let Some(query) = app.search.clone() else {
        app.say("No search yet: press / to search.", Tone::Info);
        return;
    };
    let found = matches(app, &query);
    if found.is_empty() {
        app.say(format!("No task matches {query:?}."), Tone::Error);
        return;
    }
    let order: Vec<&str> = app.snapshot.tasks.iter().map(|t| t.id.as_str()).collect();
    let here = app
        .selected_task()
        .and_then(|id| order.iter().position(|o| *o == id));
    let position = |id: &String| order.iter().position(|o| o == id).unwrap_or(0);
    let target = match here {
        Some(here) if forward => found
            .iter()
            .find(|id| position(id) > here)
            .or(found.first()),
        Some(here) => found
            .iter()
            .rev()
            .find(|id| position(id) < here)
            .or(found.last()),
        None => found.first(),
    }
    .cloned();
    if let Some(id) = target {
        reveal_task(app, &id);
        let index = found.iter().position(|f| *f == id).unwrap_or(0) + 1;
        app.say(
            format!("Match {index} of {} for {query:?}", found.len()),
            Tone::Info,
        );
    }
}

/// Incremental search: after each keystroke, show the first match from the top.
fn search_as_typed(app: &mut App) {
    let Mode::Text(field) = &app.mode else {
        return;
    };
    let TextPurpose::Search { panel, cursor } = field.purpose.clone() else {
        return;
    };
    let query = field.input.value().to_owned();
    let found = matches(app, &query);
    let error = match found.first() {
        Some(first) => {
            reveal_task(app, first);
            None
        }
        None => {
            restore_position(app, panel, cursor);
            (!query.trim().is_empty()).then(|| "no task matches".to_owned())
        }
    };
    if let Mode::Text(field) = &mut app.mode {
        field.error = error.or_else(|| {
            (!found.is_empty())
                .then(|| format!("{} matching tasks · Enter keeps, n/N next", found.len()))
        });
    }
}

fn restore_position(app: &mut App, panel: usize, cursor: Cursor) {
    app.panel = panel.min(app.cursors.len().saturating_sub(1));
    if let Some(slot) = app.cursors.get_mut(app.panel) {
        *slot = cursor;
    }
    app.settle_cursor(app.panel);
}

// ---------------------------------------------------------------------------------------------
// Text fields

fn open_field(app: &mut App, purpose: TextPurpose, value: String) {
    app.mode = Mode::Text(TextField {
        purpose,
        input: Input::new(clean_line(&value)),
        error: None,
    });
}

fn insert(app: &mut App, text: &str) {
    let is_search =
        matches!(&app.mode, Mode::Text(f) if matches!(f.purpose, TextPurpose::Search { .. }));
    match &mut app.mode {
        Mode::Text(field) => {
            for c in text.chars() {
                field.input.handle(InputRequest::InsertChar(c));
            }
            field.error = None;
        }
        Mode::Form(form) => trackers::form_insert(form, text),
        Mode::Profile(form) => {
            let focus = form.field();
            if let Some(input) = form.input_mut(focus) {
                for c in text.chars() {
                    input.handle(InputRequest::InsertChar(c));
                }
            } else if text == " " {
                cycle_choice(form, true);
            }
            form.error = None;
        }
        _ => {}
    }
    if is_search {
        search_as_typed(app);
    }
}

fn text(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Text(field) = &mut app.mode else {
        return Vec::new();
    };
    match command {
        Command::Edit(key) => {
            field.input.handle(key.request());
            field.error = None;
            if matches!(field.purpose, TextPurpose::Search { .. }) {
                search_as_typed(app);
            }
            Vec::new()
        }
        Command::Cancel => {
            if let TextPurpose::Search { panel, cursor } = field.purpose.clone() {
                restore_position(app, panel, cursor);
            }
            app.mode = Mode::Normal;
            Vec::new()
        }
        Command::Submit => {
            let field = field.clone();
            submit_text(app, field)
        }
        _ => Vec::new(),
    }
}

/// Checks a typed date: a real YYYY-MM-DD date within the years a plan can span.
fn typed_date(value: &str) -> Result<NaiveDate, String> {
    let date = parse_date(value)?;
    if !MATCH_YEARS.contains(&date.year()) {
        return Err(format!(
            "{date} is outside {}–{}: check the year",
            MATCH_YEARS.start(),
            MATCH_YEARS.end()
        ));
    }
    Ok(date)
}

/// A typed date where empty means "none" (back to the rule, no graduation date).
fn optional_date(value: &str) -> Result<Option<NaiveDate>, String> {
    let value = value.trim();
    if value.is_empty() {
        Ok(None)
    } else {
        typed_date(value).map(Some)
    }
}

fn reject(app: &mut App, error: String) -> Vec<Effect> {
    if let Mode::Text(field) = &mut app.mode {
        field.error = Some(clean_line(&error));
    }
    Vec::new()
}

fn submit_text(app: &mut App, field: TextField) -> Vec<Effect> {
    let value = field.input.value().trim().to_owned();
    match field.purpose {
        TextPurpose::DueDate { task } => {
            let title = app.task_title(&task);
            let due = match optional_date(&value) {
                Ok(due) => due,
                Err(err) => return reject(app, err),
            };
            app.mode = Mode::Normal;
            let what = match due {
                Some(date) => format!("Due {date}: {title}"),
                None => format!("Back to the template's date: {title}"),
            };
            change(app, what, |plan, template| {
                plan.set_due(template, &task, due)
            })
        }
        TextPurpose::SeasonDate { anchor } => {
            let label = app.template.anchor_title(anchor).to_owned();
            let date = match optional_date(&value) {
                Ok(date) => date,
                Err(err) => return reject(app, err),
            };
            app.mode = Mode::Normal;
            let what = match date {
                Some(date) => format!("Your date for {label}: {date}; task dates follow"),
                None => format!("Back to the published or estimated date for {label}"),
            };
            change(app, what, |plan, _| {
                set_season_date(plan, anchor, date);
                Ok(())
            })
        }
        TextPurpose::Note { task } => {
            if let Err(err) = checked_field(&value, MAX_NOTE_CHARS, "the note") {
                return reject(app, err.to_string());
            }
            let title = app.task_title(&task);
            app.mode = Mode::Normal;
            let what = if value.is_empty() {
                format!("Note cleared: {title}")
            } else {
                format!("Note saved: {title}")
            };
            change(app, what, |plan, template| {
                plan.set_note(template, &task, &value)
            })
        }
        TextPurpose::NewTask { stage } => {
            let title = match checked_field(&value, MAX_TITLE_CHARS, "the title") {
                Ok(title) => title,
                Err(err) => return reject(app, err.to_string()),
            };
            if title.is_empty() {
                return reject(app, "type a title for the task (Esc cancels)".into());
            }
            app.mode = Mode::Normal;
            let mut new_id = String::new();
            let effects = change(app, format!("Added: {title}"), |plan, template| {
                new_id = plan.add_custom_task(template, &stage, &title)?;
                Ok(())
            });
            if !new_id.is_empty() {
                reveal_task(app, &new_id);
            }
            effects
        }
        TextPurpose::InterviewDate { .. }
        | TextPurpose::ProgramNote { .. }
        | TextPurpose::RotationNote { .. } => {
            trackers::submit_text(app, &field.purpose, &value).unwrap_or_default()
        }
        TextPurpose::Search { panel, cursor } => {
            app.mode = Mode::Normal;
            if value.is_empty() {
                restore_position(app, panel, cursor);
                app.search = None;
                return Vec::new();
            }
            let count = matches(app, &value).len();
            app.search = Some(value.clone());
            if count == 0 {
                restore_position(app, panel, cursor);
                app.say(format!("No task matches {value:?}."), Tone::Error);
            } else {
                app.say(
                    format!("{count} tasks match {value:?} · n next, N previous"),
                    Tone::Info,
                );
            }
            Vec::new()
        }
    }
}

fn set_season_date(plan: &mut Plan, anchor: Anchor, date: Option<NaiveDate>) {
    match date {
        Some(date) => {
            plan.calendar.insert(anchor, date);
        }
        None => {
            plan.calendar.remove(&anchor);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Profile form

fn cycle_choice(form: &mut ProfileForm, forward: bool) {
    let turn = |len: usize, index: usize| {
        if forward {
            (index + 1) % len
        } else {
            (index + len - 1) % len
        }
    };
    match form.field() {
        ProfileField::Visa => {
            let all = VisaChoice::ALL;
            let index = all.iter().position(|v| *v == form.visa).unwrap_or(0);
            form.visa = all[turn(all.len(), index)];
        }
        ProfileField::Category => {
            form.category = match form.category {
                ApplicantCategory::NonUsCitizenImg => ApplicantCategory::UsCitizenImg,
                ApplicantCategory::UsCitizenImg => ApplicantCategory::NonUsCitizenImg,
            };
        }
        ProfileField::GraduationExpected => form.graduation_expected = !form.graduation_expected,
        ProfileField::InUs => {
            let all = [None, Some(true), Some(false)];
            let index = all.iter().position(|v| *v == form.in_us).unwrap_or(0);
            form.in_us = all[turn(all.len(), index)];
        }
        _ => {}
    }
}

fn profile(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Profile(form) = &mut app.mode else {
        return Vec::new();
    };
    let count = ProfileField::ALL.len();
    match command {
        Command::NextField => form.focus = (form.focus + 1) % count,
        Command::PrevField => form.focus = (form.focus + count - 1) % count,
        Command::NextChoice | Command::PrevChoice => {
            let forward = command == Command::NextChoice;
            let focus = form.field();
            if let Some(input) = form.input_mut(focus) {
                input.handle(if forward {
                    InputRequest::GoToNextChar
                } else {
                    InputRequest::GoToPrevChar
                });
            } else {
                cycle_choice(form, forward);
            }
        }
        Command::Edit(key) => {
            let focus = form.field();
            if let Some(input) = form.input_mut(focus) {
                input.handle(key.request());
            }
            form.error = None;
        }
        Command::Cancel => {
            app.mode = Mode::Normal;
            app.say("Profile unchanged.", Tone::Info);
        }
        Command::Submit => {
            let form = (**form).clone();
            return submit_profile(app, form);
        }
        _ => {}
    }
    Vec::new()
}

fn submit_profile(app: &mut App, form: ProfileForm) -> Vec<Effect> {
    let fail = |app: &mut App, focus: ProfileField, error: String| {
        if let Mode::Profile(form) = &mut app.mode {
            form.error = Some(clean_line(&error));
            form.focus = ProfileField::ALL
                .iter()
                .position(|f| *f == focus)
                .unwrap_or(0);
        }
        Vec::new()
    };
    let year_text = form.match_year.value().trim();
    let Ok(match_year) = year_text.parse::<i32>() else {
        return fail(
            app,
            ProfileField::MatchYear,
            format!(
                "{:?} is not a year: type the Match year, e.g. 2028",
                clean_line(year_text)
            ),
        );
    };
    if !MATCH_YEARS.contains(&match_year) {
        return fail(
            app,
            ProfileField::MatchYear,
            format!(
                "the Match year must be within {}–{}",
                MATCH_YEARS.start(),
                MATCH_YEARS.end()
            ),
        );
    }
    let graduation = match optional_date(form.graduation.value()) {
        Ok(date) => date.map(|date| Graduation {
            date,
            expected: form.graduation_expected,
        }),
        Err(err) => return fail(app, ProfileField::Graduation, err),
    };
    let optional = |input: &Input, what: &'static str| {
        checked_field(input.value(), MAX_TITLE_CHARS, what)
            .map(|text| (!text.is_empty()).then_some(text))
    };
    let name = match optional(&form.name, "the name") {
        Ok(name) => name,
        Err(err) => return fail(app, ProfileField::Name, err.to_string()),
    };
    let specialty = match optional(&form.specialty, "the specialty") {
        Ok(specialty) => specialty,
        Err(err) => return fail(app, ProfileField::Specialty, err.to_string()),
    };
    let score_text = form.step2_score.value().trim();
    let step2_score = if score_text.is_empty() {
        None
    } else {
        match score_text.parse::<u16>() {
            Ok(score) if crate::plan::STEP2_SCORES.contains(&score) => Some(score),
            _ => {
                return fail(
                    app,
                    ProfileField::Step2Score,
                    format!(
                        "{:?} is not a Step 2 CK score: a whole number up to 300, or empty",
                        clean_line(score_text)
                    ),
                );
            }
        }
    };
    let target_text = form.letter_target.value().trim();
    let letter_target = if target_text.is_empty() {
        None
    } else {
        match target_text.parse::<u32>() {
            Ok(n) if (1..=crate::plan::MAX_LETTER_TARGET).contains(&n) => Some(n),
            _ => {
                return fail(
                    app,
                    ProfileField::LetterTarget,
                    format!(
                        "{:?} is not a number of letters (1-{}); empty uses the default",
                        clean_line(target_text),
                        crate::plan::MAX_LETTER_TARGET
                    ),
                );
            }
        }
    };
    let citizenship = match crate::situation::parse_citizenship(form.citizenship.value()) {
        Ok(codes) => codes,
        Err(err) => return fail(app, ProfileField::Citizenship, err),
    };
    app.mode = Mode::Normal;
    let match_day = crate::calendar::SeasonCalendar::compute(
        &app.template,
        match_year,
        &app.plan.calendar,
        graduation.map(|g| g.date),
    )
    .get(Anchor::MatchDay)
    .map(|d| d.date);
    let past = match_day
        .filter(|day| *day < app.today)
        .map(|day| format!(" (that Match was on {day}: every date in it is behind you)"))
        .unwrap_or_default();
    let what = format!(
        "Profile: {match_year} Match, visa {}, {}; dates follow{past}",
        form.visa,
        form.category.label()
    );
    change(app, what, |plan, _| {
        plan.set_match_year(match_year)?;
        plan.profile.name = name;
        plan.profile.visa = form.visa;
        plan.profile.category = form.category;
        plan.profile.specialty = specialty;
        plan.profile.graduation = graduation;
        plan.profile.step2_score = step2_score;
        plan.profile.citizenship = citizenship;
        plan.profile.in_us = form.in_us;
        plan.set_letter_target(letter_target)
    })
}

// ---------------------------------------------------------------------------------------------
// Help and mouse

fn clamp_help(app: &mut App) {
    let max = super::view::help::max_scroll(app);
    if let Mode::Help { scroll } = &mut app.mode {
        *scroll = (*scroll).min(max);
    }
}

fn help(app: &mut App, command: Command) -> Vec<Effect> {
    let page = app.height.saturating_sub(6).max(1);
    if let Mode::Help { scroll } = &mut app.mode {
        match command {
            Command::Help | Command::Cancel => {
                app.mode = Mode::Normal;
                return Vec::new();
            }
            Command::Quit => {
                app.should_quit = true;
                return vec![Effect::Quit];
            }
            Command::Down => *scroll = scroll.saturating_add(1),
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::PageDown => *scroll = scroll.saturating_add(page),
            Command::PageUp => *scroll = scroll.saturating_sub(page),
            Command::Top => *scroll = 0,
            Command::Bottom => *scroll = u16::MAX,
            _ => {}
        }
    }
    clamp_help(app);
    Vec::new()
}

fn click(app: &mut App, column: u16, row: u16) {
    let areas = super::view::layout::Areas::compute(ratatui::layout::Rect::new(
        0, 0, app.width, app.height,
    ));
    let Some(areas) = areas else {
        return;
    };
    let inside = |rect: ratatui::layout::Rect| {
        rect.contains(ratatui::layout::Position { x: column, y: row })
    };
    let sidebar = areas.sidebar_inner();
    if inside(sidebar) {
        let index = usize::from(row - sidebar.y);
        if index < app.cursors.len() {
            app.panel = index;
        }
        return;
    }
    let list = areas.list_inner();
    if inside(list) {
        let index = app.cursor().offset + usize::from(row - list.y);
        let rows = app.rows(app.panel);
        if rows.get(index).is_some_and(Row::selectable) {
            select(app, index);
        }
    }
}
