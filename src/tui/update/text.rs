//! The one-line text field: typing, editing, and what Enter does for each purpose.

use tui_input::Input;

use super::navigation::restore_position;
use super::search::search_as_typed;
use crate::text::clean_line;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Mode, TextField, TextPurpose};
pub(super) use crate::tui::form::optional_date;

pub(super) fn open_field(app: &mut App, purpose: TextPurpose, value: String) {
    app.screen.mode = Mode::Text(TextField {
        purpose,
        input: Input::new(clean_line(&value)),
        fresh: true,
        error: None,
    });
}

pub(super) fn insert(app: &mut App, text: &str) {
    let today = app.today;
    let is_search = matches!(&app.screen.mode, Mode::Text(f) if matches!(f.purpose, TextPurpose::Search { .. }));
    match &mut app.screen.mode {
        Mode::Text(field) => {
            super::typing::type_into(&mut field.input, &mut field.fresh, text);
            field.error = None;
        }
        Mode::Form(form) => {
            super::forms::form_insert(form, text);
            super::profile::follow_graduation(form, today);
        }
        _ => {}
    }
    if is_search {
        search_as_typed(app);
    }
}

pub(super) fn text(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Text(field) = &mut app.screen.mode else {
        return Vec::new();
    };
    match command {
        Command::Edit(key) => {
            super::typing::edit(&mut field.input, &mut field.fresh, key.request());
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
            app.screen.mode = Mode::Normal;
            Vec::new()
        }
        Command::Submit => {
            let field = field.clone();
            submit_text(app, field)
        }
        Command::NextField if matches!(field.purpose, TextPurpose::ImportPath { .. }) => {
            vec![Effect::CompletePath(field.input.value().to_owned())]
        }
        _ => Vec::new(),
    }
}

pub(super) fn reject(app: &mut App, error: String) -> Vec<Effect> {
    if let Mode::Text(field) = &mut app.screen.mode {
        field.error = Some(clean_line(&error));
    }
    Vec::new()
}

fn submit_text(app: &mut App, field: TextField) -> Vec<Effect> {
    let value = field.input.value().trim().to_owned();
    match field.purpose {
        TextPurpose::DueDate { task } => super::tasks::submit_due(app, task, &value),
        TextPurpose::DoneDate { task } => super::tasks::submit_done_on(app, task, &value),
        TextPurpose::Note { task } => super::tasks::submit_note(app, task, &value),
        TextPurpose::NewTask { stage } => super::tasks::submit_new(app, stage, &value),
        TextPurpose::SeasonDate { anchor } => super::season::submit(app, anchor, &value),
        TextPurpose::InterviewDate { program } => {
            super::programs::submit_interview(app, program, &value)
        }
        TextPurpose::ProgramNote { program } => super::programs::submit_note(app, program, &value),
        TextPurpose::RotationNote { rotation } => {
            super::rotations::submit_note(app, rotation, &value)
        }
        TextPurpose::Search { panel, cursor } => super::search::submit(app, panel, cursor, value),
        TextPurpose::ImportPath { .. } => super::import::submit_path(&value),
    }
}
