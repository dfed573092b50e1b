//! What a finished save does to the planner: a message, a merge taken in, or the change kept
//! in memory with a way to retry.

use crate::plan::Plan;
use crate::storage;
use crate::tui::action::{Effect, Merge, SaveProblem, SaveReport};
use crate::tui::app::{App, SaveState, Tone};
use crate::undo::History;

/// `w`: after a failed save, save again keeping the planner's side of any conflict.
pub(super) fn save_now(app: &mut App) -> Vec<Effect> {
    match &app.session.save_state {
        SaveState::Failed(what) => {
            app.session.save_state = SaveState::Pending(what.clone());
            vec![Effect::SaveKeepingMine]
        }
        _ => {
            app.say(
                format!(
                    "Everything is saved in {}",
                    crate::text::shown(&app.session.plan_path)
                ),
                Tone::Info,
            );
            Vec::new()
        }
    }
}

/// `q`: quits, unless the last change is not saved and this is the first `q`.
pub(super) fn quit(app: &mut App) -> Vec<Effect> {
    if matches!(app.session.save_state, SaveState::Failed(_)) && !app.quit_armed {
        app.quit_armed = true;
        app.say(
            "Your last change is NOT saved. Press w to save it (yours wins where the file differs), or q again to quit without it.",
            Tone::Error,
        );
        Vec::new()
    } else {
        app.should_quit = true;
        vec![Effect::Quit]
    }
}

pub(super) fn saved(app: &mut App, result: Result<SaveReport, SaveProblem>) {
    let what = match std::mem::replace(&mut app.session.save_state, SaveState::Saved) {
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
            // What to do comes first: a narrow status line cuts the end, never the keys.
            app.say(
                format!(
                    "NOT saved, changed in both places: w keeps yours (the file's other changes stay), u undoes yours · {problem}"
                ),
                Tone::Error,
            );
            app.session.save_state = SaveState::Failed(what);
        }
        Err(problem) => {
            app.say(
                format!("NOT saved, kept in memory (w retries): {problem} ({what})"),
                Tone::Error,
            );
            app.session.save_state = SaveState::Failed(what);
        }
    }
}

/// The file had changed elsewhere and the save merged both sides: the planner now shows the
/// merged plan, and its undo history is moved onto the other side's changes, so undoing a change
/// of ours never undoes one made elsewhere.
fn take_merge(app: &mut App, merge: Merge, what: &str) {
    app.session.history = rebased_history(app, &merge);
    app.session.plan = merge.merged;
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

/// The history moved onto the other side's changes: every state it can reach is read, merged
/// with theirs (theirs winning), and the patches made again around the merged plan. A state
/// that cannot be read or merged is kept as it was.
fn rebased_history(app: &App, merge: &Merge) -> History {
    let Ok(current) = storage::to_ron(&merge.merged) else {
        return History::default();
    };
    let Some((undo, redo)) = app.session.history.states() else {
        let mut history = History::default();
        history.reset_current(current);
        return history;
    };
    let rebase = |(text, what): (String, String)| {
        let rebased = storage::parse(&app.session.plan_path, text.as_bytes(), &app.template)
            .ok()
            .and_then(|state| rebase_plan(merge, &state))
            .and_then(|plan| storage::to_ron(&plan).ok())
            .unwrap_or(text);
        (rebased, what)
    };
    History::from_states(
        current,
        undo.into_iter().map(rebase).collect(),
        redo.into_iter().map(rebase).collect(),
    )
}

/// One earlier plan of ours with their changes put in.
fn rebase_plan(merge: &Merge, state: &Plan) -> Option<Plan> {
    crate::merge::merge(
        &merge.base,
        state,
        &merge.theirs,
        crate::merge::Prefer::Theirs,
    )
    .ok()
    .map(|(plan, _)| plan)
}
