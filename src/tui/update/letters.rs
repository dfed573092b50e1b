//! The Letters panel: add, edit, advance and delete letters of the user's own. Letters from
//! rotations shown in the same panel are handled by `rotations` (their rows are rotation rows).

use super::forms::{open_form, reject};
use super::history::change;
use super::navigation::select;
use crate::ids::Item;
use crate::letters::LetterId;
use crate::text::clean_line;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, Panel, Row};
use crate::tui::form::Form;

fn writer(app: &App, id: LetterId) -> String {
    app.session
        .plan
        .letter(id)
        .map_or_else(|| format!("letter {id}"), |l| clean_line(&l.writer))
}

/// `a` in the Letters panel, or Enter on "Add a letter".
pub(super) fn add(app: &mut App) {
    let form = Form::letter(None, &app.session.plan);
    open_form(app, form);
}

/// Enter (or `d`, `c`) on a letter: its form.
pub(super) fn edit(app: &mut App, id: LetterId) {
    let form = Form::letter(app.session.plan.letter(id), &app.session.plan);
    open_form(app, form);
}

/// `c`: the letter's form with the focus on its note, so the key does what it says.
pub(super) fn edit_note(app: &mut App, id: LetterId) {
    let mut form = Form::letter(app.session.plan.letter(id), &app.session.plan);
    form.focus_on(crate::tui::form::Key::Note);
    open_form(app, form);
}

/// `s`: asked → promised → uploaded.
pub(super) fn cycle(app: &mut App, id: LetterId) -> Vec<Effect> {
    let Some(next) = app.session.plan.letter(id).map(|l| l.state.cycled()) else {
        return Vec::new();
    };
    let name = writer(app, id);
    change(
        app,
        format!("Letter from {name}: {}", next.label()),
        |plan, _| plan.set_letter_progress(id, next),
    )
}

/// Enter on a program in the Letters panel: how many letters it asks for.
pub(super) fn edit_asked(app: &mut App, id: crate::ids::ProgramId) {
    let Some(program) = app.session.plan.program(id) else {
        return;
    };
    let asked = app.session.plan.letters_asked.get(&id).copied();
    let form = Form::letters_asked(program, asked);
    open_form(app, form);
}

pub(super) fn submit_asked(app: &mut App, form: &Form, id: crate::ids::ProgramId) -> Vec<Effect> {
    let asked = match form.to_letters_asked() {
        Ok(asked) => asked,
        Err((key, error)) => return reject(app, key, error),
    };
    let name = app
        .session
        .plan
        .program(id)
        .map_or_else(String::new, |p| clean_line(&p.name));
    app.screen.mode = Mode::Normal;
    let what = match asked {
        Some(n) => format!("{name} asks for {n} letters"),
        None => format!("{name}: letters asked cleared"),
    };
    change(app, what, |plan, _| plan.set_letters_asked(id, asked))
}

/// `x`: asks first.
pub(super) fn delete(app: &mut App, id: LetterId) {
    let title = writer(app, id);
    app.screen.mode = Mode::ConfirmDelete {
        target: Item::Letter(id),
        title,
    };
}

pub(super) fn remove(app: &mut App, id: LetterId, title: &str) -> Vec<Effect> {
    change(
        app,
        format!("Deleted the letter from {title}"),
        |plan, _| plan.remove_letter(id).map(|_| ()),
    )
}

fn letters_panel(app: &App) -> Option<usize> {
    app.panels().iter().position(|p| *p == Panel::Letters)
}

/// Goes to the Letters panel (Enter on a warning about the letters as a whole).
pub(super) fn reveal_panel(app: &mut App) {
    if let Some(panel) = letters_panel(app) {
        app.screen.panel = panel;
    }
}

fn reveal(app: &mut App, id: LetterId) {
    if let Some(panel) = letters_panel(app) {
        app.screen.panel = panel;
        if let Some(index) = app.rows(panel).iter().position(|r| *r == Row::Letter(id)) {
            select(app, index);
        }
    }
}

/// Enter in the letter form: add the letter, or save the one edited.
pub(super) fn submit_form(app: &mut App, form: &Form, id: Option<LetterId>) -> Vec<Effect> {
    let letter = match form.to_letter(id, &app.session.plan) {
        Ok(letter) => letter,
        Err((key, error)) => return reject(app, key, error),
    };
    let name = clean_line(&letter.writer);
    app.screen.mode = Mode::Normal;
    let mut shown = id;
    let effects = match id {
        None => change(app, format!("Added the letter from {name}"), |plan, _| {
            shown = Some(plan.add_letter(letter)?);
            Ok(())
        }),
        Some(_) => change(app, format!("Letter saved: {name}"), |plan, _| {
            plan.update_letter(letter)
        }),
    };
    if let Some(shown) = shown {
        reveal(app, shown);
    }
    effects
}
