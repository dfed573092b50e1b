//! The keys on a selected task, and the text fields that change one.

use crate::plan::{MAX_NOTE_CHARS, MAX_TITLE_CHARS, Status, checked_field};

use super::history::change;
use super::navigation::reveal_task;
use super::text::{open_field, optional_date, reject};
use crate::ids::{Item, TaskId};
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Mode, Panel, TextPurpose, Tone};
use crate::tui::selection::Selection;

/// Enter on a task: in its stage panel, say what the keys do; elsewhere, go to it there.
pub(super) fn open(app: &mut App, panel: Panel, id: &str) {
    if matches!(panel, Panel::Stage(_)) {
        let title = app.task_title(id);
        app.say(
            format!("{title}: Space ticks it, s cycles its state, d sets its date, c its note"),
            Tone::Info,
        );
    } else {
        reveal_task(app, id);
    }
}

pub(super) fn toggle_done(app: &mut App, id: &str) -> Vec<Effect> {
    let status = app
        .session
        .snapshot
        .task(id)
        .map_or(Status::Todo, |t| t.status);
    let next = if status == Status::Done {
        Status::Todo
    } else {
        Status::Done
    };
    set_status(app, id, next)
}

pub(super) fn cycle_state(app: &mut App, id: &str) -> Vec<Effect> {
    let status = app
        .session
        .snapshot
        .task(id)
        .map_or(Status::Todo, |t| t.status);
    set_status(app, id, status.cycled())
}

/// `d`: the due date of an open task; on a done task, the day it was done (a task ticked today
/// may have been done long ago).
pub(super) fn edit_date(app: &mut App, id: TaskId) {
    let done_on = app
        .session
        .snapshot
        .task(&id)
        .filter(|t| t.status == crate::plan::Status::Done)
        .map(|t| t.done_on.unwrap_or(app.today));
    if let Some(done_on) = done_on {
        open_field(app, TextPurpose::DoneDate { task: id }, done_on.to_string());
        return;
    }
    let current = app
        .session
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

pub(super) fn edit_note(app: &mut App, id: TaskId) {
    let note = app
        .session
        .plan
        .tasks
        .get(id.as_str())
        .and_then(|s| s.note.clone());
    open_field(
        app,
        TextPurpose::Note { task: id },
        note.unwrap_or_default(),
    );
}

/// `a` outside the programs panel and the USCE log: a task of the user's own, in the stage
/// panel shown, or else in the stage of the selected task.
pub(super) fn add(app: &mut App, panel: Panel, selection: &Selection) {
    let stage = match (panel, selection) {
        (Panel::Stage(index), _) => app.template.stages.get(index).map(|s| s.id.clone()),
        (_, Selection::Task(id)) => app.session.snapshot.task(id).map(|t| t.stage.clone()),
        _ => None,
    };
    match stage {
        Some(stage) => open_field(app, TextPurpose::NewTask { stage }, String::new()),
        None => app.say(
            "Go to a stage panel (2-8) to add a task of your own there.",
            Tone::Error,
        ),
    }
}

pub(super) fn delete(app: &mut App, id: TaskId) {
    let custom = app.session.snapshot.task(&id).is_some_and(|t| t.custom);
    if custom {
        let title = app.task_title(&id);
        app.screen.mode = Mode::ConfirmDelete {
            target: Item::Task(id),
            title,
        };
    } else {
        app.say(
            "Only tasks you added can be deleted; press s to mark a built-in task skipped.",
            Tone::Error,
        );
    }
}

pub(super) fn set_status(app: &mut App, id: &str, status: Status) -> Vec<Effect> {
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

/// The question "delete …?" answered.
pub(super) fn confirm_delete(
    app: &mut App,
    command: Command,
    target: &Item,
    title: &str,
) -> Vec<Effect> {
    match command {
        Command::Yes => {
            app.screen.mode = Mode::Normal;
            match target {
                Item::Task(id) => change(app, format!("Deleted: {title}"), |plan, template| {
                    plan.remove_custom_task(template, id)
                }),
                Item::Program(id) => super::programs::remove(app, *id, title),
                Item::Rotation(id) => super::rotations::remove(app, *id, title),
                Item::Letter(id) => super::letters::remove(app, *id, title),
                Item::Practice(id) => super::practice::remove(app, *id, title),
            }
        }
        Command::No => {
            app.screen.mode = Mode::Normal;
            app.say("Kept it.", Tone::Info);
            Vec::new()
        }
        Command::Quit => {
            app.screen.mode = Mode::Normal;
            Vec::new()
        }
        _ => Vec::new(),
    }
}

pub(super) fn submit_due(app: &mut App, task: TaskId, value: &str) -> Vec<Effect> {
    let title = app.task_title(&task);
    let due = match optional_date(value) {
        Ok(due) => due,
        Err(err) => return reject(app, err),
    };
    app.screen.mode = Mode::Normal;
    let what = match due {
        Some(date) => format!("Due {date}: {title}"),
        None => format!("Back to the template's date: {title}"),
    };
    change(app, what, |plan, template| {
        plan.set_due(template, &task, due)
    })
}

pub(super) fn submit_done_on(app: &mut App, task: TaskId, value: &str) -> Vec<Effect> {
    let title = app.task_title(&task);
    let done_on = match optional_date(value) {
        Ok(Some(date)) => date,
        Ok(None) => return reject(app, "type the day it was done, e.g. 2026-03-14".into()),
        Err(err) => return reject(app, err),
    };
    if done_on > app.today {
        return reject(
            app,
            format!("{done_on} is after today: a task cannot be done in the future"),
        );
    }
    app.screen.mode = Mode::Normal;
    let today = app.today;
    change(
        app,
        format!("Done on {done_on}: {title}"),
        |plan, template| plan.set_done_on(template, &task, done_on, today),
    )
}

pub(super) fn submit_note(app: &mut App, task: TaskId, value: &str) -> Vec<Effect> {
    if let Err(err) = checked_field(value, MAX_NOTE_CHARS, "the note") {
        return reject(app, err.to_string());
    }
    let title = app.task_title(&task);
    app.screen.mode = Mode::Normal;
    let what = if value.is_empty() {
        format!("Note cleared: {title}")
    } else {
        format!("Note saved: {title}")
    };
    change(app, what, |plan, template| {
        plan.set_note(template, &task, value)
    })
}

pub(super) fn submit_new(app: &mut App, stage: String, value: &str) -> Vec<Effect> {
    let title = match checked_field(value, MAX_TITLE_CHARS, "the title") {
        Ok(title) => title,
        Err(err) => return reject(app, err.to_string()),
    };
    if title.is_empty() {
        return reject(app, "type a title for the task (Esc cancels)".into());
    }
    app.screen.mode = Mode::Normal;
    let mut new_id = TaskId::default();
    let effects = change(app, format!("Added: {title}"), |plan, template| {
        new_id = plan.add_custom_task(template, &stage, &title)?;
        Ok(())
    });
    if !new_id.is_empty() {
        reveal_task(app, &new_id);
    }
    effects
}
