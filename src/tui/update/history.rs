//! Every change to the plan goes through [`change`]: remembered for undo, derived state
//! rebuilt, saved at once.
//!
//! The history keeps what each change did to the plan's text, not a copy of the plan (see
//! [`crate::undo`]): the text made here for the history is the one the save writes, so a change
//! serialises the plan once.

use crate::plan::{Plan, PlanError};
use crate::storage;
use crate::tui::action::Effect;
use crate::tui::app::{App, SaveState, Tone};

/// Applies a change to the plan: remembered for undo, derived state rebuilt, saved at once.
pub(super) fn change(
    app: &mut App,
    what: String,
    apply: impl FnOnce(&mut Plan, &crate::journey::Template) -> Result<(), PlanError>,
) -> Vec<Effect> {
    let before = app.session.plan.clone();
    match apply(&mut app.session.plan, &app.template) {
        Ok(()) => {
            if app.session.plan == before {
                app.say(format!("{what} (no change)"), Tone::Info);
                return Vec::new();
            }
            if app.session.history.current().is_none() {
                // The first change of the session: the text it started from, once.
                match storage::to_ron(&before) {
                    Ok(text) => app.session.history.reset_current(text),
                    Err(err) => return refuse(app, before, err.to_string()),
                }
            }
            match storage::to_ron(&app.session.plan) {
                Ok(after) => app.session.history.record(what.clone(), after),
                Err(err) => return refuse(app, before, err.to_string()),
            }
            commit(app, what)
        }
        Err(err) => refuse(app, before, err.to_string()),
    }
}

/// Puts the plan back as it was before a change that failed, and says why.
fn refuse(app: &mut App, before: Plan, why: String) -> Vec<Effect> {
    app.session.plan = before;
    app.say(why, Tone::Error);
    Vec::new()
}

fn commit(app: &mut App, what: String) -> Vec<Effect> {
    app.refresh();
    app.say(what.clone(), Tone::Info);
    app.session.save_state = SaveState::Pending(what);
    vec![Effect::Save]
}

pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let Some((text, what)) = app.session.history.undo() else {
        app.say("Nothing to undo.", Tone::Info);
        return Vec::new();
    };
    match read(app, &text) {
        Ok(plan) => {
            app.session.plan = plan;
            commit(app, format!("Undone: {what}"))
        }
        Err(err) => {
            // Never expected (the text was written from a plan): the history steps back.
            app.session.history.redo();
            app.say(format!("Cannot undo {what}: {err}"), Tone::Error);
            Vec::new()
        }
    }
}

pub(super) fn redo(app: &mut App) -> Vec<Effect> {
    let Some((text, what)) = app.session.history.redo() else {
        app.say("Nothing to redo.", Tone::Info);
        return Vec::new();
    };
    match read(app, &text) {
        Ok(plan) => {
            app.session.plan = plan;
            commit(app, format!("Redone: {what}"))
        }
        Err(err) => {
            app.session.history.undo();
            app.say(format!("Cannot redo {what}: {err}"), Tone::Error);
            Vec::new()
        }
    }
}

/// The plan a text of the history holds, read as a plan file is.
fn read(app: &App, text: &str) -> Result<Plan, storage::StorageError> {
    storage::parse(&app.session.plan_path, text.as_bytes(), &app.template)
}
