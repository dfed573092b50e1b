//! The edit dialogs: a one-line text field (date, note, new task), the search prompt, the profile
//! form and the delete question. Each draws over the planner with the cursor in its field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::Input;

use super::theme::Theme;
use crate::dates::DATE_HINT;
use crate::text::{clean_line, pad, truncate};
use crate::tui::app::{App, TextField, TextPurpose};
use crate::tui::form::{FieldValue, Form};

/// A popup of at most `width`×`height`, centred on the screen.
fn popup(screen: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

/// Draws an input's visible part at `area` (one line) and puts the terminal cursor in it.
/// A focused field still as it opened is drawn highlighted, as a selection: typing replaces it.
fn draw_input(
    input: &Input,
    frame: &mut Frame,
    area: Rect,
    theme: &Theme,
    focused: bool,
    fresh: bool,
) {
    let style = if focused && fresh {
        theme.selected
    } else {
        theme.title
    };
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width.saturating_sub(1)).max(1);
    let scroll = input.visual_scroll(width);
    let scroll_cols = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(Span::styled(clean_line(input.value()), style)).scroll((0, scroll_cols)),
        area,
    );
    if focused {
        let column = u16::try_from(input.visual_cursor().saturating_sub(scroll)).unwrap_or(0);
        frame.set_cursor_position(Position::new(
            area.x + column.min(area.width.saturating_sub(1)),
            area.y,
        ));
    }
}

pub(crate) fn text_field(
    app: &App,
    field: &TextField,
    frame: &mut Frame,
    screen: Rect,
    status: Rect,
    theme: &Theme,
) {
    // Search is typed in the status line, so the list it moves stays in sight.
    if matches!(field.purpose, TextPurpose::Search { .. }) {
        search_prompt(field, frame, status, theme);
        return;
    }
    let (title, hint) = title_and_hint(app, &field.purpose);
    let width = screen.width.saturating_sub(8).clamp(40, 96);
    // The hint (how to write a date, what empty means) gets a second line rather than be cut.
    let hint_rows: u16 = if crate::text::width(&hint) > usize::from(width.saturating_sub(2)) {
        2
    } else {
        1
    };
    let area = popup(screen, width, 6 + hint_rows);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(Span::styled(
            format!(
                " {} ",
                truncate(
                    &clean_line(&title),
                    usize::from(area.width.saturating_sub(6))
                )
            ),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let columns = usize::from(inner.width);
    let row =
        |offset: u16| Rect::new(inner.x, inner.y + offset, inner.width, 1).intersection(inner);
    frame.render_widget(
        Paragraph::new(Line::styled(hint, theme.dim)).wrap(Wrap { trim: true }),
        Rect::new(inner.x, inner.y, inner.width, hint_rows).intersection(inner),
    );
    draw_input(
        &field.input,
        frame,
        row(hint_rows),
        theme,
        true,
        field.fresh,
    );
    if let Some(error) = &field.error {
        // Two lines, so the whole reason fits.
        let area = Rect::new(inner.x, inner.y + hint_rows + 1, inner.width, 2).intersection(inner);
        frame.render_widget(
            Paragraph::new(Line::styled(format!("✗ {error}"), theme.error))
                .wrap(Wrap { trim: true }),
            area,
        );
    }
    frame.render_widget(
        Paragraph::new(Line::styled(truncate(text_keys(field), columns), theme.dim)),
        row(hint_rows + 3),
    );
}

/// The keys under a text prompt; while the prefilled text is untouched, that typing replaces it.
fn text_keys(field: &TextField) -> &'static str {
    if field.fresh && !field.input.value().is_empty() {
        "Typing replaces, ← edits · Ctrl-U clears · Enter accepts · Esc cancels"
    } else {
        "Ctrl-U clears · Enter accepts · Esc cancels"
    }
}

fn search_prompt(field: &TextField, frame: &mut Frame, status: Rect, theme: &Theme) {
    frame.render_widget(Clear, status);
    let prompt = Rect::new(status.x, status.y, 2.min(status.width), status.height);
    frame.render_widget(Paragraph::new(Span::styled(" /", theme.key)), prompt);
    let info = field.error.clone().unwrap_or_default();
    let info_width = u16::try_from(crate::text::width(&info) + 2)
        .unwrap_or(0)
        .min(status.width / 2);
    let input_area = Rect::new(
        status.x + 2,
        status.y,
        status.width.saturating_sub(2 + info_width),
        status.height,
    );
    draw_input(&field.input, frame, input_area, theme, true, false);
    let info_area = Rect::new(
        status.x + status.width - info_width,
        status.y,
        info_width,
        status.height,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            truncate(&info, usize::from(info_width)),
            theme.dim,
        )),
        info_area,
    );
}

pub(crate) fn confirm_delete(
    kind: &str,
    title: &str,
    frame: &mut Frame,
    screen: Rect,
    theme: &Theme,
) {
    let area = popup(screen, 60, 5);
    let heading = if kind == "task" {
        " Delete your task? ".to_owned()
    } else {
        format!(" Delete this {kind}? ")
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.error)
        .title(Span::styled(heading, theme.title));
    frame.render_widget(Clear, area);
    let text = vec![
        Line::raw(format!("“{}” will be deleted.", clean_line(title))),
        Line::styled("y deletes · n keeps it (u undoes a delete too)", theme.dim),
    ];
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: true }),
        area,
    );
}

/// A profile, program, rotation, filter or export form: label and value per line, scrolled so the focused field
/// is always in view, with the focused field's hint, the error and the keys below.
pub(crate) fn form(form: &Form, frame: &mut Frame, screen: Rect, theme: &Theme) {
    let wanted = u16::try_from(form.fields.len())
        .unwrap_or(u16::MAX)
        .saturating_add(6);
    let area = popup(screen, screen.width.saturating_sub(4).min(76), wanted);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(Span::styled(
            truncate(
                &clean_line(&form.title),
                usize::from(area.width.saturating_sub(4)),
            ),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    // Three lines below the fields: a blank, the hint or error, the keys.
    let field_rows = usize::from(inner.height.saturating_sub(3)).max(1);
    let offset = form.focus.saturating_sub(field_rows - 1);
    for (line, (index, field)) in form
        .fields
        .iter()
        .enumerate()
        .skip(offset)
        .take(field_rows)
        .enumerate()
    {
        let Ok(line) = u16::try_from(line) else {
            break;
        };
        let row = Rect::new(inner.x, inner.y + line, inner.width, 1);
        let value = match &field.value {
            FieldValue::Text(input) => FieldShown::Text(input, field.fresh),
            FieldValue::Choice { options, index } => {
                FieldShown::Choice(options.get(*index).copied().unwrap_or(""))
            }
        };
        field_row(frame, row, field.label, value, index == form.focus, theme);
    }
    let columns = usize::from(inner.width);
    let below = |offset: u16| Rect::new(inner.x, inner.bottom() - offset, inner.width, 1);
    let (note, style) = match (&form.error, form.field()) {
        (Some(error), _) => (format!("✗ {error}"), theme.error),
        (None, Some(field)) => (field.hint.to_owned(), theme.dim),
        (None, None) => (String::new(), theme.dim),
    };
    // A long message (an error naming a file) may use the blank line above it too.
    let note_area = if crate::text::width(&note) > columns && inner.height > 3 {
        Rect::new(inner.x, inner.bottom() - 3, inner.width, 2)
    } else {
        below(2)
    };
    frame.render_widget(
        Paragraph::new(Line::styled(note, style)).wrap(Wrap { trim: true }),
        note_area,
    );
    let more = if form.fields.len() > field_rows {
        format!(" · field {} of {}", form.focus + 1, form.fields.len())
    } else {
        String::new()
    };
    // A text field offers Ctrl-U, a choice ←/→: only the keys the focused field takes. (A
    // highlighted value is one typing replaces, see `draw_input`.)
    let field_keys = match form.field().map(|f| &f.value) {
        Some(FieldValue::Text(_)) => "Ctrl-U clears",
        _ => "←/→ choose",
    };
    frame.render_widget(
        Paragraph::new(Line::styled(
            truncate(
                &format!(
                    "Tab/↓ next · {field_keys} · Enter {} · Esc cancels{more}",
                    form.submit_label()
                ),
                columns,
            ),
            theme.dim,
        )),
        below(1),
    );
}

fn program_name(app: &App, id: crate::ids::ProgramId) -> String {
    app.session
        .plan
        .program(id)
        .map_or_else(String::new, |p| clean_line(&p.name))
}

/// What a form row shows after its label.
enum FieldShown<'a> {
    /// The field and whether it is still as it opened.
    Text(&'a Input, bool),
    /// The chosen option; ←/→ turn it.
    Choice(&'a str),
}

/// One form row: the label (highlighted when focused), then the text field or the choice.
fn field_row(
    frame: &mut Frame,
    row: Rect,
    label: &str,
    value: FieldShown,
    focused: bool,
    theme: &Theme,
) {
    const LABEL_COLUMNS: u16 = 20;
    let label_style = if focused { theme.selected } else { theme.text };
    frame.render_widget(
        Paragraph::new(Span::styled(
            pad(&format!(" {label}"), usize::from(LABEL_COLUMNS)),
            label_style,
        )),
        row,
    );
    let value_area = Rect::new(
        row.x + LABEL_COLUMNS.min(row.width),
        row.y,
        row.width.saturating_sub(LABEL_COLUMNS + 1),
        1,
    );
    match value {
        FieldShown::Text(input, fresh) => {
            draw_input(input, frame, value_area, theme, focused, fresh);
        }
        FieldShown::Choice(choice) => {
            let text = if focused {
                format!("{choice}  ‹ ←/→ ›")
            } else {
                choice.to_owned()
            };
            frame.render_widget(Paragraph::new(Span::styled(text, theme.title)), value_area);
        }
    }
}

/// What a text field is for, as its popup's title and the hint under it.
fn title_and_hint(app: &App, purpose: &TextPurpose) -> (String, String) {
    match purpose {
        // Drawn in the status line instead (see `text_field`).
        TextPurpose::Search { .. } => (String::new(), String::new()),
        TextPurpose::DueDate { task } => {
            let rule = app
                .session
                .snapshot
                .task(task)
                .and_then(|t| t.rule)
                .map(|rule| app.template.describe_rule(rule));
            (
                format!(" Due date · {} ", app.task_title(task)),
                match rule {
                    Some(rule) => format!("{DATE_HINT} · empty returns to the rule: {rule}"),
                    None => format!("{DATE_HINT} · empty clears the date"),
                },
            )
        }
        TextPurpose::DoneDate { task } => (
            format!(" Done on · {} ", app.task_title(task)),
            format!("{DATE_HINT} · the day it was done (today or earlier)"),
        ),
        TextPurpose::SeasonDate { anchor } => (
            format!(" Season date · {} ", app.template.anchor_title(*anchor)),
            format!("{DATE_HINT} · empty returns to the published or estimated date"),
        ),
        TextPurpose::Note { task } => (
            format!(" Note · {} ", app.task_title(task)),
            "One line; empty clears the note".to_owned(),
        ),
        TextPurpose::InterviewDate { program } => (
            format!(" Interview date · {} ", program_name(app, *program)),
            format!("{DATE_HINT} · empty clears it"),
        ),
        TextPurpose::ProgramNote { program } => (
            format!(" Note · {} ", program_name(app, *program)),
            "One line; empty clears the note".to_owned(),
        ),
        TextPurpose::RotationNote { rotation } => (
            format!(
                " Note · {} ",
                app.session
                    .plan
                    .rotation(*rotation)
                    .map_or_else(String::new, |r| clean_line(&r.institution))
            ),
            "One line; empty clears the note".to_owned(),
        ),
        TextPurpose::ImportPath { choices } => (
            " Import programs from a CSV file ".to_owned(),
            if choices.is_empty() {
                "A CSV file, first row naming the columns; ~ is your home · Tab completes"
                    .to_owned()
            } else {
                format!("Tab: {}", clean_line(&choices.join("  ")))
            },
        ),
        TextPurpose::NewTask { stage } => (
            format!(
                " New task in {} ",
                app.template
                    .stage(stage)
                    .map_or(stage.as_str(), |s| s.short.as_str())
            ),
            "Its title; d sets its date afterwards".to_owned(),
        ),
    }
}
