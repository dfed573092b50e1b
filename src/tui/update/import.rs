//! Importing programs from the planner: `I` opens a path prompt (Tab completes, `~` is home),
//! Enter has the runtime read the file through the same importer as `imgplan import programs`,
//! a preview says what would be added, which rows have problems (with their line numbers) and
//! which columns were read, kept or ignored; `y` adds, `n` or Esc adds nothing.
//!
//! In the planner the preview stands in for `--skip-invalid`: having seen the problems, `y`
//! adds every row with a program name, a cell that cannot be read left empty.

use std::path::PathBuf;

use super::history::change;
use super::text::open_field;
use crate::import::ImportReport;
use crate::programs::Program;
use crate::text::{clean_line, count};
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Mode, TextPurpose, Tone};
use crate::tui::import_file::{Completion, ImportLoaded};

/// What an import would do, shown until the user answers.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    pub path: PathBuf,
    pub report: ImportReport,
    /// The programs `y` adds, in file order (already-present ones taken out).
    pub new: Vec<Program>,
    /// Names of the rows already in the plan, left as they are.
    pub already: Vec<String>,
    /// Lines scrolled off the top (j/k, PgUp/PgDn), so a long file is read whole.
    pub scroll: u16,
}

/// `I`: the path prompt.
pub(super) fn open(app: &mut App) {
    open_field(
        app,
        TextPurpose::ImportPath {
            choices: Vec::new(),
        },
        String::new(),
    );
}

/// Enter in the prompt: ask the runtime to read the file (the prompt stays open until then).
pub(super) fn submit_path(value: &str) -> Vec<Effect> {
    vec![Effect::ReadImport(value.to_owned())]
}

/// Tab's answer: the completed path, if the prompt still holds what was completed.
pub(super) fn completed(app: &mut App, typed: &str, completion: Completion) {
    if let Mode::Text(field) = &mut app.screen.mode
        && let TextPurpose::ImportPath { choices } = &mut field.purpose
        && field.input.value() == typed
    {
        field.input = tui_input::Input::new(clean_line(&completion.text));
        // A completed path is continued, not replaced, by what is typed next.
        field.fresh = false;
        *choices = completion.choices;
        field.error = None;
    }
}

/// The file read: the preview, or the problem under the prompt.
pub(super) fn read(app: &mut App, result: Result<ImportLoaded, String>) -> Vec<Effect> {
    let prompt_open = matches!(
        &app.screen.mode,
        Mode::Text(field) if matches!(field.purpose, TextPurpose::ImportPath { .. })
    );
    if !prompt_open {
        return Vec::new();
    }
    match result {
        Err(error) => super::text::reject(app, error),
        Ok(loaded) => {
            let mut trial = app.session.plan.clone();
            let before = trial.programs.len();
            let already = trial
                .import_programs(loaded.report.programs_to_add(true))
                .map(|(_, already)| already)
                .unwrap_or_default();
            let new = trial.programs.split_off(before);
            app.screen.mode = Mode::ImportPreview(Box::new(ImportPreview {
                path: loaded.path,
                report: loaded.report,
                new,
                already,
                scroll: 0,
            }));
            Vec::new()
        }
    }
}

/// `y` adds the previewed programs (one undoable change); `n` or Esc adds nothing.
pub(super) fn confirm(app: &mut App, command: Command, preview: ImportPreview) -> Vec<Effect> {
    match command {
        Command::Yes => {
            app.screen.mode = Mode::Normal;
            let added = preview.new.len();
            if added == 0 {
                app.say(
                    "Nothing to add: every program in the file is already in your plan.",
                    Tone::Info,
                );
                return Vec::new();
            }
            let file = crate::text::shown(&preview.path);
            let programs = preview.new;
            change(
                app,
                format!(
                    "Imported {} from {file}",
                    count(added, "program", "programs")
                ),
                move |plan, _| plan.import_programs(programs).map(|_| ()),
            )
        }
        Command::No | Command::Cancel => {
            app.screen.mode = Mode::Normal;
            app.say("Import cancelled: nothing was added.", Tone::Info);
            Vec::new()
        }
        Command::Down | Command::Up | Command::PageDown | Command::PageUp => {
            scroll(app, command, preview);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Scrolls the preview by a line or a page, within what the screen leaves to show.
fn scroll(app: &mut App, command: Command, mut preview: ImportPreview) {
    let (most, page) =
        crate::tui::view::import::scroll_room(&preview, app.screen.width, app.screen.height);
    preview.scroll = match command {
        Command::Down => preview.scroll.saturating_add(1),
        Command::Up => preview.scroll.saturating_sub(1),
        Command::PageDown => preview.scroll.saturating_add(page),
        _ => preview.scroll.saturating_sub(page),
    }
    .min(most);
    app.screen.mode = Mode::ImportPreview(Box::new(preview));
}
