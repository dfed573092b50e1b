//! What became of an export the dialog asked for.

use std::path::PathBuf;

use super::forms::reject;
use crate::export::Format;
use crate::export::sheet::Table;
use crate::text::clean_line;
use crate::tui::action::{Effect, ExportProblem, ExportRequest};
use crate::tui::app::{App, Mode, Tone};
use crate::tui::form::{Form, FormPurpose};

/// Enter in the export dialog: ask the runtime to write it. The dialog stays open until the
/// runtime reports back (see [`exported`]).
pub(super) fn submit(app: &mut App, form: &Form) -> Vec<Effect> {
    let (options, path) = match form.to_export(&app.prefs.export_options) {
        Ok(read) => read,
        Err((key, error)) => return reject(app, key, error),
    };
    app.prefs.export_options = options.clone();
    vec![Effect::Export(Box::new(ExportRequest {
        options,
        path,
        replace: form.replace.clone(),
    }))]
}

/// What became of an export: the dialog closes and says where the file went, or stays open with
/// the problem on the path (an existing file is replaced only on a second Enter).
pub(super) fn exported(app: &mut App, result: Result<PathBuf, ExportProblem>) {
    let dialog_open = matches!(&app.screen.mode, Mode::Form(form) if matches!(form.purpose, FormPurpose::Export(_)));
    match result {
        Ok(path) => {
            if dialog_open {
                app.screen.mode = Mode::Normal;
            }
            if let Some(directory) = path.parent() {
                app.prefs.export_dir = directory.to_path_buf();
            }
            let format = app.prefs.export_options.format;
            let after = match format {
                Format::Calendar => " · import it in your calendar app",
                Format::Csv if app.prefs.export_options.table == Table::Programs => {
                    " · `imgplan import programs` reads it back"
                }
                _ => "",
            };
            // The path is what the user needs: shorten its middle, never its end, to fit.
            let room = usize::from(app.screen.width)
                .saturating_sub(crate::text::width(after) + "Wrote ".len() + 2)
                .max(20);
            let shown = elide_middle(&crate::text::shown(&path), room);
            app.say(format!("Wrote {shown}{after}"), Tone::Info);
        }
        Err(problem) => {
            let (message, replace) = match problem {
                ExportProblem::Exists(path) => (
                    format!(
                        "{} exists: Enter again replaces it, or change the name",
                        crate::text::shown(&path)
                    ),
                    Some(path),
                ),
                ExportProblem::Failed(why) => (format!("Export failed: {why}"), None),
            };
            match &mut app.screen.mode {
                Mode::Form(form) if dialog_open => {
                    form.focus_on(crate::tui::form::Key::Path);
                    form.error = Some(clean_line(&message));
                    form.replace = replace;
                }
                _ => app.say(message, Tone::Error),
            }
        }
    }
}

/// "/home/amal/…/exports/plan.md": text cut in the middle to `max` columns, keeping the end.
fn elide_middle(text: &str, max: usize) -> String {
    let text = clean_line(text);
    if crate::text::width(&text) <= max {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let tail_budget = max * 2 / 3;
    let mut tail = String::new();
    for c in chars.iter().rev() {
        if crate::text::width(&tail) + crate::text::width(&c.to_string()) > tail_budget {
            break;
        }
        tail.insert(0, *c);
    }
    let head = crate::text::truncate(&text, max.saturating_sub(crate::text::width(&tail)));
    // `truncate` ends with "…" when it cut, which is the ellipsis between the two parts.
    format!("{head}{tail}")
}
