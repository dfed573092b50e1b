//! Updates for the programs panel, the USCE log and the visa comparison: the keys act on the
//! selected program or rotation, and every change goes through [`super::change`] (undo, save).
//! The multi-field forms (program, rotation, filter, export dialog) are handled here too.

use std::path::PathBuf;

use tui_input::InputRequest;

use super::{change, open_field, select};
use crate::export::Format;
use crate::export::sheet::Table;
use crate::insights::Subject;
use crate::journey::StageSection;
use crate::plan::{MAX_NOTE_CHARS, PlanError, checked_field};
use crate::programs::ProgramStatus;
use crate::text::clean_line;
use crate::tui::action::{Command, Effect, ExportProblem, ExportRequest};
use crate::tui::app::{App, DeleteTarget, Mode, Panel, Row, TextPurpose, Tone};
use crate::tui::form::{FieldValue, Form, FormPurpose};

/// Handles a browsing command when it is about a program, a rotation or the comparison; `None`
/// leaves it to the task handling.
pub fn handle(app: &mut App, command: Command) -> Option<Vec<Effect>> {
    // Moving, scrolling and the like never concern a program: answer before building any rows.
    if !matches!(
        command,
        Command::Open
            | Command::AddTask
            | Command::CycleState
            | Command::ToggleDone
            | Command::EditDue
            | Command::EditNote
            | Command::DeleteTask
            | Command::Rank
            | Command::RankUp
            | Command::RankDown
            | Command::Filter
            | Command::ClearFilter
            | Command::Sort
    ) {
        return None;
    }
    let row = app.selected_row();
    let in_programs = app.current_panel() == Panel::Programs;
    let subject = match &row {
        Some(Row::Warning(index)) => app.snapshot.warnings.get(*index).map(|w| w.subject.clone()),
        _ => None,
    };
    let program = match (&row, &subject) {
        (_, Some(Subject::Program(id))) => Some(*id),
        (Some(row), _) => row.program(),
        _ => None,
    };
    let rotation = match (&row, &subject) {
        (Some(Row::Rotation(id)), _) | (_, Some(Subject::Rotation(id))) => Some(*id),
        _ => None,
    };
    let letters = subject == Some(Subject::Letters);
    let on_overview = matches!(row, Some(Row::Warning(_)));
    let effects = match command {
        Command::Open => match row {
            Some(Row::Warning(_)) => {
                if let Some(id) = program {
                    reveal_program(app, id);
                } else if let Some(id) = rotation {
                    reveal_rotation(app, id);
                } else if letters {
                    reveal_add_rotation(app);
                } else {
                    return None;
                }
                Vec::new()
            }
            Some(Row::Comparison(_)) => {
                app.say(
                    "The whole row and its sources are in the details (J/K scroll them).",
                    Tone::Info,
                );
                Vec::new()
            }
            Some(Row::AddRotation) => open_form(app, Form::rotation(None, app.today)),
            _ if program.is_some() => edit_program(app, program?),
            _ if rotation.is_some() => edit_rotation(app, rotation?),
            _ => return None,
        },
        Command::AddTask if in_programs => open_form(app, Form::program(None)),
        Command::AddTask if matches!(row, Some(Row::Rotation(_) | Row::AddRotation)) => {
            open_form(app, Form::rotation(None, app.today))
        }
        Command::CycleState if !on_overview && program.is_some() => {
            let id = program?;
            let status = app.plan.program(id)?.status;
            if status == ProgramStatus::Ranked {
                app.say(
                    "It is on the rank list: r takes it off first (Enter edits it).",
                    Tone::Info,
                );
                return Some(Vec::new());
            }
            let next = status.cycled();
            let name = program_name(app, id);
            change(app, format!("{name}: {next}"), |plan, _| {
                plan.set_program_status(id, next)
            })
        }
        Command::CycleState if rotation.is_some() && !on_overview => {
            let id = rotation?;
            let next = app.plan.rotation(id)?.letter.cycled();
            let name = rotation_name(app, id);
            change(app, format!("Letter from {name}: {next}"), |plan, _| {
                plan.set_letter(id, next)
            })
        }
        Command::ToggleDone if program.is_some() || rotation.is_some() => {
            app.say(
                "Space ticks tasks. Here s moves to the next state and Enter edits.",
                Tone::Info,
            );
            Vec::new()
        }
        Command::EditDue if program.is_some() && !on_overview => {
            let id = program?;
            let current = app
                .plan
                .program(id)?
                .interview
                .map(|d| d.to_string())
                .unwrap_or_default();
            open_field(app, TextPurpose::InterviewDate { program: id }, current);
            Vec::new()
        }
        Command::EditDue if rotation.is_some() && !on_overview => edit_rotation(app, rotation?),
        Command::EditNote if program.is_some() && !on_overview => {
            let id = program?;
            let note = app.plan.program(id)?.note.clone().unwrap_or_default();
            open_field(app, TextPurpose::ProgramNote { program: id }, note);
            Vec::new()
        }
        Command::EditNote if rotation.is_some() && !on_overview => {
            let id = rotation?;
            let note = app.plan.rotation(id)?.note.clone().unwrap_or_default();
            open_field(app, TextPurpose::RotationNote { rotation: id }, note);
            Vec::new()
        }
        Command::DeleteTask if program.is_some() && !on_overview => {
            let id = program?;
            let title = program_name(app, id);
            app.mode = Mode::ConfirmDelete {
                target: DeleteTarget::Program(id),
                title,
            };
            Vec::new()
        }
        Command::DeleteTask if rotation.is_some() && !on_overview => {
            let id = rotation?;
            let title = rotation_name(app, id);
            app.mode = Mode::ConfirmDelete {
                target: DeleteTarget::Rotation(id),
                title,
            };
            Vec::new()
        }
        Command::Rank
        | Command::RankUp
        | Command::RankDown
        | Command::Filter
        | Command::ClearFilter
        | Command::Sort
            if !in_programs =>
        {
            app.say(
                "That key works in the Programs panel (press 9).",
                Tone::Info,
            );
            Vec::new()
        }
        Command::Rank => {
            let Some(id) = program else {
                app.say("Select a program first (j/k to move).", Tone::Error);
                return Some(Vec::new());
            };
            let ranked = app.plan.program(id)?.status == ProgramStatus::Ranked;
            let name = program_name(app, id);
            let (status, what) = if ranked {
                (
                    ProgramStatus::Interviewed,
                    format!("Off the rank list: {name} (back to interviewed)"),
                )
            } else {
                (ProgramStatus::Ranked, format!("Ranked last: {name}"))
            };
            // The cursor stays where it was, so r, j, r … ranks programs one after another.
            change(app, what, |plan, _| plan.set_program_status(id, status))
        }
        Command::RankUp | Command::RankDown => {
            let Some(id) = program else {
                app.say("Select a ranked program first.", Tone::Error);
                return Some(Vec::new());
            };
            let up = command == Command::RankUp;
            let name = program_name(app, id);
            let mut place = 0;
            let effects = change(app, format!("Moved {name}"), |plan, _| {
                place = plan.move_rank(id, up)?;
                Ok(())
            });
            if place > 0 {
                app.say(format!("{name} is now #{place}"), Tone::Info);
                follow_program(app, id);
            }
            effects
        }
        Command::Filter => open_form(app, Form::filter(&app.program_filter)),
        Command::ClearFilter => {
            app.program_filter = Default::default();
            app.settle_all();
            app.say("Showing every program.", Tone::Info);
            Vec::new()
        }
        Command::Sort => {
            app.program_sort = app.program_sort.cycled();
            app.settle_all();
            app.say(
                format!("Programs sorted by {}", app.program_sort.label()),
                Tone::Info,
            );
            Vec::new()
        }
        _ => return None,
    };
    Some(effects)
}

fn program_name(app: &App, id: u32) -> String {
    app.plan
        .program(id)
        .map_or_else(|| format!("program {id}"), |p| clean_line(&p.name))
}

fn rotation_name(app: &App, id: u32) -> String {
    app.plan
        .rotation(id)
        .map_or_else(|| format!("rotation {id}"), |r| clean_line(&r.institution))
}

fn open_form(app: &mut App, form: Form) -> Vec<Effect> {
    app.mode = Mode::Form(Box::new(form));
    Vec::new()
}

fn edit_program(app: &mut App, id: u32) -> Vec<Effect> {
    let form = Form::program(app.plan.program(id));
    open_form(app, form)
}

fn edit_rotation(app: &mut App, id: u32) -> Vec<Effect> {
    let form = Form::rotation(app.plan.rotation(id), app.today);
    open_form(app, form)
}

/// Selects a program in the programs panel: in the rank list when ranked, else in the list.
pub fn reveal_program(app: &mut App, id: u32) {
    let panel = app.programs_panel();
    let rows = app.rows(panel);
    let found = rows
        .iter()
        .position(|r| *r == Row::Ranked(id))
        .or_else(|| rows.iter().position(|r| *r == Row::Program(id)));
    if found.is_none() && !app.program_filter.is_empty() {
        // Hidden by the filter: clear it rather than lose the program from sight.
        app.program_filter = Default::default();
        app.say("Filter cleared to show the program.", Tone::Info);
    }
    let rows = app.rows(panel);
    let found = rows
        .iter()
        .position(|r| *r == Row::Ranked(id))
        .or_else(|| rows.iter().position(|r| *r == Row::Program(id)));
    app.panel = panel;
    if let Some(row) = found {
        select(app, row);
    }
}

/// Keeps the selection on a program after a change moved it (e.g. into the rank list).
fn follow_program(app: &mut App, id: u32) {
    if app.current_panel() == Panel::Programs {
        reveal_program(app, id);
    }
}

fn reveal_rotation(app: &mut App, id: u32) {
    if let Some(panel) = app.section_panel(StageSection::UsceLog) {
        app.panel = panel;
        if let Some(row) = app.rows(panel).iter().position(|r| *r == Row::Rotation(id)) {
            select(app, row);
        }
    }
}

fn reveal_add_rotation(app: &mut App) {
    if let Some(panel) = app.section_panel(StageSection::UsceLog) {
        app.panel = panel;
        if let Some(row) = app.rows(panel).iter().position(|r| *r == Row::AddRotation) {
            select(app, row);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Forms

/// Typed text goes into the focused text field; Space on a choice turns it.
pub fn form_insert(form: &mut Form, text: &str) {
    if let Some(field) = form.field_mut() {
        match &mut field.value {
            FieldValue::Text(input) => {
                for c in text.chars() {
                    input.handle(InputRequest::InsertChar(c));
                }
            }
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

pub fn form(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Form(form) = &mut app.mode else {
        return Vec::new();
    };
    let count = form.fields.len().max(1);
    match command {
        Command::NextField => form.focus = (form.focus + 1) % count,
        Command::PrevField => form.focus = (form.focus + count - 1) % count,
        Command::NextChoice | Command::PrevChoice => {
            let forward = command == Command::NextChoice;
            match form.field_mut().map(|f| &mut f.value) {
                Some(FieldValue::Text(input)) => {
                    input.handle(if forward {
                        InputRequest::GoToNextChar
                    } else {
                        InputRequest::GoToPrevChar
                    });
                }
                Some(FieldValue::Choice { .. }) => turn(form, forward),
                None => {}
            }
        }
        Command::Edit(key) => {
            if let Some(FieldValue::Text(input)) = form.field_mut().map(|f| &mut f.value) {
                input.handle(key.request());
            }
            form.edited();
        }
        Command::Cancel => {
            let export = matches!(form.purpose, FormPurpose::Export(_));
            app.mode = Mode::Normal;
            app.say(
                if export {
                    "Nothing exported."
                } else {
                    "Nothing changed."
                },
                Tone::Info,
            );
        }
        Command::Submit => {
            let form = (**form).clone();
            return submit(app, form);
        }
        _ => {}
    }
    Vec::new()
}

/// Shows a problem on the open text field, which stays open with what was typed.
fn reject_text(app: &mut App, error: String) -> Vec<Effect> {
    if let Mode::Text(field) = &mut app.mode {
        field.error = Some(clean_line(&error));
    }
    Vec::new()
}

/// Shows a problem on the form, on the field it is about.
fn reject(app: &mut App, key: &str, error: String) -> Vec<Effect> {
    if let Mode::Form(form) = &mut app.mode {
        form.focus_on(key);
        form.error = Some(clean_line(&error));
    }
    Vec::new()
}

fn submit(app: &mut App, form: Form) -> Vec<Effect> {
    match form.purpose {
        FormPurpose::NewProgram | FormPurpose::EditProgram(_) => {
            let id = match form.purpose {
                FormPurpose::EditProgram(id) => id,
                _ => 0,
            };
            let program = match form.to_program(id) {
                Ok(program) => program,
                Err((key, error)) => return reject(app, key, error),
            };
            let name = clean_line(&program.name);
            app.mode = Mode::Normal;
            let mut new_id = id;
            let effects = if id == 0 {
                change(app, format!("Added program: {name}"), |plan, _| {
                    new_id = plan.add_program(program)?;
                    Ok(())
                })
            } else {
                change(app, format!("Program saved: {name}"), |plan, _| {
                    plan.update_program(program)
                })
            };
            if new_id != 0 && app.plan.program(new_id).is_some() {
                reveal_program(app, new_id);
            }
            effects
        }
        FormPurpose::NewRotation | FormPurpose::EditRotation(_) => {
            let id = match form.purpose {
                FormPurpose::EditRotation(id) => id,
                _ => 0,
            };
            let rotation = match form.to_rotation(id) {
                Ok(rotation) => rotation,
                Err((key, error)) => return reject(app, key, error),
            };
            let name = clean_line(&rotation.institution);
            app.mode = Mode::Normal;
            let mut new_id = id;
            let effects = if id == 0 {
                change(app, format!("Logged rotation: {name}"), |plan, _| {
                    new_id = plan.add_rotation(rotation)?;
                    Ok(())
                })
            } else {
                change(app, format!("Rotation saved: {name}"), |plan, _| {
                    plan.update_rotation(rotation)
                })
            };
            if new_id != 0 {
                reveal_rotation(app, new_id);
            }
            effects
        }
        FormPurpose::Export(_) => {
            let (options, path) = match form.to_export(&app.export_options) {
                Ok(read) => read,
                Err((key, error)) => return reject(app, key, error),
            };
            app.export_options = options.clone();
            // The dialog stays open until the runtime reports back (see `exported`).
            vec![Effect::Export(Box::new(ExportRequest {
                options,
                path,
                replace: form.replace.clone(),
            }))]
        }
        FormPurpose::ProgramFilter => {
            let filter = match form.to_filter() {
                Ok(filter) => filter,
                Err((key, error)) => return reject(app, key, error),
            };
            app.mode = Mode::Normal;
            let shown = crate::programs::select(
                &app.plan.programs,
                &filter,
                app.program_sort,
                app.plan.profile.visa,
            )
            .len();
            app.say(
                if filter.is_empty() {
                    "Showing every program.".to_owned()
                } else {
                    format!(
                        "{} match: {} (F clears)",
                        crate::text::count(shown, "program", "programs"),
                        filter.describe()
                    )
                },
                Tone::Info,
            );
            app.program_filter = filter;
            app.settle_all();
            Vec::new()
        }
    }
}

/// The text fields of the programs panel and the USCE log: interview date and notes.
pub fn submit_text(app: &mut App, purpose: &TextPurpose, value: &str) -> Option<Vec<Effect>> {
    let effects = match *purpose {
        TextPurpose::InterviewDate { program } => {
            let date = match super::optional_date(value) {
                Ok(date) => date,
                Err(err) => return Some(super::reject(app, err)),
            };
            let name = program_name(app, program);
            app.mode = Mode::Normal;
            let what = match date {
                Some(date) => format!("Interview {date}: {name}"),
                None => format!("Interview date cleared: {name}"),
            };
            change(app, what, |plan, _| {
                let mut updated = plan
                    .program(program)
                    .cloned()
                    .ok_or(PlanError::UnknownProgram(program))?;
                updated.interview = date;
                plan.update_program(updated)
            })
        }
        TextPurpose::ProgramNote { program } => {
            let name = program_name(app, program);
            let note = match checked_field(value, MAX_NOTE_CHARS, "the note") {
                Ok(note) => note,
                Err(err) => return Some(reject_text(app, err.to_string())),
            };
            app.mode = Mode::Normal;
            change(app, format!("Note saved: {name}"), |plan, _| {
                let mut updated = plan
                    .program(program)
                    .cloned()
                    .ok_or(PlanError::UnknownProgram(program))?;
                updated.note = (!note.is_empty()).then_some(note);
                plan.update_program(updated)
            })
        }
        TextPurpose::RotationNote { rotation } => {
            let name = rotation_name(app, rotation);
            let note = match checked_field(value, MAX_NOTE_CHARS, "the note") {
                Ok(note) => note,
                Err(err) => return Some(reject_text(app, err.to_string())),
            };
            app.mode = Mode::Normal;
            change(app, format!("Note saved: {name}"), |plan, _| {
                let mut updated = plan
                    .rotation(rotation)
                    .cloned()
                    .ok_or(PlanError::UnknownRotation(rotation))?;
                updated.note = (!note.is_empty()).then_some(note);
                plan.update_rotation(updated)
            })
        }
        _ => return None,
    };
    Some(effects)
}

/// Deletes a program or rotation after the user said yes.
pub fn delete(app: &mut App, target: &DeleteTarget, title: &str) -> Vec<Effect> {
    match *target {
        DeleteTarget::Program(id) => change(app, format!("Deleted program: {title}"), |plan, _| {
            plan.remove_program(id).map(|_| ())
        }),
        DeleteTarget::Rotation(id) => {
            change(app, format!("Deleted rotation: {title}"), |plan, _| {
                plan.remove_rotation(id).map(|_| ())
            })
        }
        DeleteTarget::Task(_) => Vec::new(),
    }
}

/// What became of an export: the dialog closes and says where the file went, or stays open with
/// the problem on the path (an existing file is replaced only on a second Enter).
pub fn exported(app: &mut App, result: Result<PathBuf, ExportProblem>) {
    let dialog_open =
        matches!(&app.mode, Mode::Form(form) if matches!(form.purpose, FormPurpose::Export(_)));
    match result {
        Ok(path) => {
            if dialog_open {
                app.mode = Mode::Normal;
            }
            if let Some(directory) = path.parent() {
                app.export_dir = directory.to_path_buf();
            }
            let format = app.export_options.format;
            let after = match format {
                Format::Calendar => " · import it in your calendar app",
                Format::Csv if app.export_options.table == Table::Programs => {
                    " · `imgplan import programs` reads it back"
                }
                _ => "",
            };
            // The path is what the user needs: shorten its middle, never its end, to fit.
            let room = usize::from(app.width)
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
            match &mut app.mode {
                Mode::Form(form) if dialog_open => {
                    form.focus_on("path");
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
