//! The USCE log: the selected rotation, its letter and note, and the rotation form.

use super::forms::{open_form, reject};
use super::history::change;
use super::navigation::select;
use super::text::{open_field, reject as reject_text};
use crate::ids::Item;
use crate::ids::RotationId;
use crate::journey::StageSection;
use crate::plan::{MAX_NOTE_CHARS, PlanError, checked_field};
use crate::text::clean_line;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, Row, TextPurpose};
use crate::tui::form::Form;

fn name(app: &App, id: RotationId) -> String {
    app.session
        .plan
        .rotation(id)
        .map_or_else(|| format!("rotation {id}"), |r| clean_line(&r.institution))
}

/// `a` or Enter on "Log a rotation".
pub(super) fn add(app: &mut App) {
    open_form(app, Form::rotation(None, app.today));
}

/// Enter or `d` on a rotation: its form.
pub(super) fn edit(app: &mut App, id: RotationId) {
    let form = Form::rotation(app.session.plan.rotation(id), app.today);
    open_form(app, form);
}

/// `s`: the letter's next state.
pub(super) fn cycle_letter(app: &mut App, id: RotationId) -> Vec<Effect> {
    let Some(next) = app.session.plan.rotation(id).map(|r| r.letter.cycled()) else {
        return Vec::new();
    };
    let name = name(app, id);
    change(app, format!("Letter from {name}: {next}"), |plan, _| {
        plan.set_letter(id, next)
    })
}

pub(super) fn edit_note(app: &mut App, id: RotationId) {
    let Some(rotation) = app.session.plan.rotation(id) else {
        return;
    };
    let note = rotation.note.clone().unwrap_or_default();
    open_field(app, TextPurpose::RotationNote { rotation: id }, note);
}

/// `x`: asks first.
pub(super) fn delete(app: &mut App, id: RotationId) {
    let title = name(app, id);
    app.screen.mode = Mode::ConfirmDelete {
        target: Item::Rotation(id),
        title,
    };
}

/// The delete question answered yes.
pub(super) fn remove(app: &mut App, id: RotationId, title: &str) -> Vec<Effect> {
    change(app, format!("Deleted rotation: {title}"), |plan, _| {
        plan.remove_rotation(id).map(|_| ())
    })
}

/// Selects a row of the USCE log.
fn reveal_row(app: &mut App, row: &Row) {
    if let Some(panel) = app.section_panel(StageSection::UsceLog) {
        app.screen.panel = panel;
        if let Some(index) = app.rows(panel).iter().position(|r| r == row) {
            select(app, index);
        }
    }
}

pub(super) fn reveal(app: &mut App, id: RotationId) {
    reveal_row(app, &Row::Rotation(id));
}

/// Enter in the rotation form: log the rotation, or save the one edited.
pub(super) fn submit_form(app: &mut App, form: &Form, id: Option<RotationId>) -> Vec<Effect> {
    let rotation = match form.to_rotation(id) {
        Ok(rotation) => rotation,
        Err((key, error)) => return reject(app, key, error),
    };
    let name = clean_line(&rotation.institution);
    app.screen.mode = Mode::Normal;
    let mut new_id = id;
    let effects = match id {
        None => change(app, format!("Logged rotation: {name}"), |plan, _| {
            new_id = Some(plan.add_rotation(rotation)?);
            Ok(())
        }),
        Some(_) => change(app, format!("Rotation saved: {name}"), |plan, _| {
            plan.update_rotation(rotation)
        }),
    };
    if let Some(new_id) = new_id {
        reveal(app, new_id);
    }
    effects
}

pub(super) fn submit_note(app: &mut App, rotation: RotationId, value: &str) -> Vec<Effect> {
    let name = name(app, rotation);
    let note = match checked_field(value, MAX_NOTE_CHARS, "the note") {
        Ok(note) => note,
        Err(err) => return reject_text(app, err.to_string()),
    };
    app.screen.mode = Mode::Normal;
    change(app, format!("Note saved: {name}"), |plan, _| {
        let mut updated = plan
            .rotation(rotation)
            .cloned()
            .ok_or(PlanError::UnknownRotation(rotation))?;
        updated.note = (!note.is_empty()).then_some(note);
        plan.update_rotation(updated)
    })
}
