//! The multi-field forms (profile, program, rotation, filter, export dialog): typing, moving between
//! fields, and what Enter does for each.

use tui_input::InputRequest;

use crate::text::clean_line;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Mode, Tone};
use crate::tui::form::{FieldValue, Form, FormField, FormPurpose, Key};

pub(super) fn open_form(app: &mut App, form: Form) {
    app.screen.mode = Mode::Form(Box::new(form));
}

/// `e`: the export dialog, with the last choices.
pub(super) fn open_export(app: &mut App) {
    let form = Form::export(&app.prefs.export_options, &app.prefs.export_dir, app.today);
    open_form(app, form);
}

/// Typed text goes into the focused text field; Space on a choice turns it.
pub(super) fn form_insert(form: &mut Form, text: &str) {
    if let Some(field) = form.field_mut() {
        match &mut field.value {
            FieldValue::Text(input) => super::typing::type_into(input, &mut field.fresh, text),
            FieldValue::Choice { .. } if text == " " => turn(form, true),
            FieldValue::Choice { .. } => {}
        }
    }
    form.edited();
}

fn turn(form: &mut Form, forward: bool) {
    if let Some(field) = form.field_mut()
        && let FieldValue::Choice { options, index } = &mut field.value
    {
        let len = options.len().max(1);
        *index = if forward {
            (*index + 1) % len
        } else {
            (*index + len - 1) % len
        };
    }
    form.edited();
    form.follow_choice();
}

pub(super) fn form(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Form(form) = &mut app.screen.mode else {
        return Vec::new();
    };
    let count = form.fields.len().max(1);
    match command {
        Command::NextField => form.move_focus((form.focus + 1) % count),
        Command::PrevField => form.move_focus((form.focus + count - 1) % count),
        Command::NextChoice | Command::PrevChoice => {
            let forward = command == Command::NextChoice;
            match form.field_mut() {
                Some(FormField {
                    value: FieldValue::Text(input),
                    fresh,
                    ..
                }) => {
                    let request = if forward {
                        InputRequest::GoToNextChar
                    } else {
                        InputRequest::GoToPrevChar
                    };
                    super::typing::edit(input, fresh, request);
                }
                Some(FormField {
                    value: FieldValue::Choice { .. },
                    ..
                }) => turn(form, forward),
                None => {}
            }
        }
        Command::Edit(key) => {
            if let Some(FormField {
                value: FieldValue::Text(input),
                fresh,
                ..
            }) = form.field_mut()
            {
                super::typing::edit(input, fresh, key.request());
            }
            form.edited();
            super::profile::follow_graduation(form, app.today);
        }
        Command::Cancel => {
            let said = match form.purpose {
                FormPurpose::Export(_) => "Nothing exported.",
                FormPurpose::Profile => "Profile unchanged.",
                _ => "Nothing changed.",
            };
            app.screen.mode = Mode::Normal;
            app.say(said, Tone::Info);
        }
        Command::Submit => {
            let form = (**form).clone();
            return submit(app, form);
        }
        _ => {}
    }
    Vec::new()
}

/// Shows a problem on the form, on the field it is about.
pub(super) fn reject(app: &mut App, key: Key, error: String) -> Vec<Effect> {
    if let Mode::Form(form) = &mut app.screen.mode {
        form.focus_on(key);
        form.error = Some(clean_line(&error));
    }
    Vec::new()
}

pub(super) fn submit(app: &mut App, form: Form) -> Vec<Effect> {
    match form.purpose {
        FormPurpose::NewProgram => super::programs::submit_form(app, &form, None),
        FormPurpose::EditProgram(id) => super::programs::submit_form(app, &form, Some(id)),
        FormPurpose::NewRotation => super::rotations::submit_form(app, &form, None),
        FormPurpose::EditRotation(id) => super::rotations::submit_form(app, &form, Some(id)),
        FormPurpose::Export(_) => super::export::submit(app, &form),
        FormPurpose::ProgramFilter => super::programs::submit_filter(app, &form),
        FormPurpose::Profile => super::profile::submit_form(app, &form),
        FormPurpose::BudgetLine(index) => super::budget::submit_line(app, &form, index),
        FormPurpose::Currency => super::budget::submit_currency(app, &form),
        FormPurpose::NewLetter => super::letters::submit_form(app, &form, None),
        FormPurpose::LettersAsked(id) => super::letters::submit_asked(app, &form, id),
        FormPurpose::NewPractice => super::practice::submit_form(app, &form, None),
        FormPurpose::EditPractice(id) => super::practice::submit_form(app, &form, Some(id)),
        FormPurpose::PracticeTarget => super::practice::submit_target(app, &form),
        FormPurpose::EditLetter(id) => super::letters::submit_form(app, &form, Some(id)),
    }
}
