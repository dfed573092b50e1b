//! Every change to the plan goes through [`change`]: remembered for undo, derived state
//! rebuilt, saved at once.

use crate::plan::{Plan, PlanError};
use crate::tui::action::Effect;
use crate::tui::app::{App, SaveState, Tone, UNDO_DEPTH};

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
            app.session.undo.push((before, what.clone()));
            if app.session.undo.len() > UNDO_DEPTH {
                app.session.undo.remove(0);
            }
            app.session.redo.clear();
            commit(app, what)
        }
        Err(err) => {
            app.session.plan = before;
            app.say(err.to_string(), Tone::Error);
            Vec::new()
        }
    }
}

fn commit(app: &mut App, what: String) -> Vec<Effect> {
    app.refresh();
    app.say(what.clone(), Tone::Info);
    app.session.save_state = SaveState::Pending(what);
    vec![Effect::Save]
}

pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let Some((previous, what)) = app.session.undo.pop() else {
        app.say("Nothing to undo.", Tone::Info);
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.session.plan, previous);
    app.session.redo.push((current, what.clone()));
    commit(app, format!("Undone: {what}"))
}

pub(super) fn redo(app: &mut App) -> Vec<Effect> {
    let Some((next, what)) = app.session.redo.pop() else {
        app.say("Nothing to redo.", Tone::Info);
        return Vec::new();
    };
    let current = std::mem::replace(&mut app.session.plan, next);
    app.session.undo.push((current, what.clone()));
    commit(app, format!("Redone: {what}"))
}
