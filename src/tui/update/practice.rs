//! The Scores panel: log, edit and delete practice exams, and set the target score.

use super::forms::{open_form, reject};
use super::history::change;
use super::navigation::select;
use crate::ids::Item;
use crate::practice::PracticeId;
use crate::text::clean_line;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, Panel, Row};
use crate::tui::form::Form;

fn name(app: &App, id: PracticeId) -> String {
    app.session.plan.practice_exam(id).map_or_else(
        || format!("practice exam {id}"),
        |e| format!("{} ({})", clean_line(&e.form), e.taken),
    )
}

/// `a` in the Scores panel, or Enter on "Log a practice exam".
pub(super) fn add(app: &mut App) {
    open_form(app, Form::practice_exam(None, app.today));
}

pub(super) fn edit(app: &mut App, id: PracticeId) {
    let form = Form::practice_exam(app.session.plan.practice_exam(id), app.today);
    open_form(app, form);
}

pub(super) fn edit_target(app: &mut App) {
    open_form(app, Form::practice_target(app.session.plan.practice.target));
}

/// `x`: asks first.
pub(super) fn delete(app: &mut App, id: PracticeId) {
    let title = name(app, id);
    app.screen.mode = Mode::ConfirmDelete {
        target: Item::Practice(id),
        title,
    };
}

pub(super) fn remove(app: &mut App, id: PracticeId, title: &str) -> Vec<Effect> {
    change(app, format!("Deleted practice exam {title}"), |plan, _| {
        plan.remove_practice_exam(id).map(|_| ())
    })
}

fn reveal(app: &mut App, id: PracticeId) {
    if let Some(panel) = app.panels().iter().position(|p| *p == Panel::Scores) {
        app.screen.panel = panel;
        if let Some(index) = app.rows(panel).iter().position(|r| *r == Row::Practice(id)) {
            select(app, index);
        }
    }
}

pub(super) fn submit_form(app: &mut App, form: &Form, id: Option<PracticeId>) -> Vec<Effect> {
    let exam = match form.to_practice_exam(id) {
        Ok(exam) => exam,
        Err((key, error)) => return reject(app, key, error),
    };
    let what = format!(
        "{} on {}: {}",
        clean_line(&exam.form),
        exam.taken,
        exam.score
    );
    app.screen.mode = Mode::Normal;
    let mut shown = id;
    let effects = match id {
        None => change(app, format!("Logged {what}"), |plan, _| {
            shown = Some(plan.add_practice_exam(exam)?);
            Ok(())
        }),
        Some(_) => change(app, format!("Saved {what}"), |plan, _| {
            plan.update_practice_exam(exam)
        }),
    };
    if let Some(shown) = shown {
        reveal(app, shown);
    }
    effects
}

pub(super) fn submit_target(app: &mut App, form: &Form) -> Vec<Effect> {
    let target = match form.to_practice_target() {
        Ok(target) => target,
        Err((key, error)) => return reject(app, key, error),
    };
    app.screen.mode = Mode::Normal;
    let what = match target {
        Some(score) => format!("Step 2 CK target: {score}"),
        None => "Step 2 CK target cleared".to_owned(),
    };
    change(app, what, |plan, _| plan.set_practice_target(target))
}
