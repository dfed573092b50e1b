//! The Letters panel: letters of the user's own, with their state as a mark that reads without
//! colour (`?` requested, `~` promised, `✓` uploaded), and the letters from rotations (drawn as
//! rotation rows). Details show the writer, the rotation and the programs a letter goes to.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::{column, source_line};
use crate::letters::{LetterId, LetterProgress, LetterTotals};
use crate::text::{clean_line, truncate};
use crate::tui::app::App;

pub(crate) fn title(app: &App) -> String {
    let totals = LetterTotals::of(&app.template, &app.session.plan);
    format!(" Letters · {} ", totals.line())
}

/// `✓ uploaded  Dr. A. Rao           research      3 programs`.
pub(crate) fn letter_line(app: &App, id: LetterId, columns: usize, theme: &Theme) -> Line<'static> {
    let Some(letter) = app.session.plan.letter(id) else {
        return Line::raw(format!("unknown letter {id}"));
    };
    let style = match letter.state {
        LetterProgress::Uploaded => theme.done,
        LetterProgress::Promised => theme.soon,
        LetterProgress::Asked => theme.text,
    };
    let programs = match letter.programs.len() {
        0 => "no program".to_owned(),
        1 => "1 program".to_owned(),
        n => format!("{n} programs"),
    };
    let narrow = columns < 56;
    let kind_columns = if narrow { 0 } else { 13 };
    // "? requested " and one space after the writer, so a cut name never runs into the kind.
    let fixed = 2 + 12 + kind_columns + 12 + 1;
    let writer_columns = columns.saturating_sub(fixed).max(6);
    let mut spans = vec![
        Span::raw("  "),
        column(
            &format!("{} {}", letter.state.mark(), letter.state.label()),
            12,
            style,
        ),
        column(&clean_line(&letter.writer), writer_columns, theme.text),
        Span::raw(" "),
    ];
    if !narrow {
        spans.push(column(letter.kind.label(), kind_columns, theme.dim));
    }
    spans.push(column(&programs, 12, theme.dim));
    Line::from(spans)
}

/// `! Mercy Hospital IM        1 assigned · asks for 3`: `!` when short (readable without colour).
pub(crate) fn program_line(
    app: &App,
    id: crate::ids::ProgramId,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let plan = &app.session.plan;
    let Some(program) = plan.program(id) else {
        return Line::raw("");
    };
    let assigned = crate::letters::assigned_to(&plan.letters, id);
    let asked = plan.letters_asked.get(&id).copied();
    let short = asked.is_some_and(|n| assigned < usize::from(n));
    let over = app
        .template
        .trackers
        .letters_per_program
        .is_some_and(|most| assigned > usize::try_from(most).unwrap_or(usize::MAX));
    let (mark, style) = if short || over {
        ("! ", theme.warning)
    } else {
        ("  ", theme.text)
    };
    let figures = match asked {
        Some(n) => format!("{assigned} assigned · asks for {n}"),
        None => format!("{assigned} assigned"),
    };
    let name_columns = columns.saturating_sub(2 + 2 + 26).max(6);
    Line::from(vec![
        Span::raw("  "),
        Span::styled(mark, style),
        column(&clean_line(&program.name), name_columns, style),
        column(&figures, 26, theme.dim),
    ])
}

pub(crate) fn add_line(columns: usize, theme: &Theme) -> Line<'static> {
    Line::styled(
        truncate(
            "  + Add a letter (a): research, home country, any writer",
            columns,
        ),
        theme.accent,
    )
}

pub(crate) fn detail_lines(app: &App, id: LetterId, theme: &Theme) -> Vec<Line<'static>> {
    let plan = &app.session.plan;
    let Some(letter) = plan.letter(id) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::styled(clean_line(&letter.writer), theme.title),
        Line::raw(format!(
            "{} letter · {} {}",
            capital(letter.kind.label()),
            letter.state.mark(),
            letter.state.label()
        )),
    ];
    if let Some(rotation) = letter.rotation.and_then(|r| plan.rotation(r)) {
        lines.push(Line::raw(format!(
            "From the rotation at {}",
            clean_line(&rotation.institution)
        )));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Goes to", theme.heading));
    if letter.programs.is_empty() {
        lines.push(Line::styled(
            "No program yet: Enter assigns programs.",
            theme.dim,
        ));
    }
    for program in letter.programs.iter().filter_map(|p| plan.program(*p)) {
        lines.push(Line::raw(format!("• {}", clean_line(&program.name))));
    }
    if let Some(note) = &letter.note {
        lines.push(Line::raw(""));
        lines.push(Line::raw(clean_line(note)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Enter edits · s requested → promised → uploaded · x deletes",
        theme.dim,
    ));
    lines
}

/// The Letters panel explained, on the "Add a letter" row.
pub(crate) fn summary_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let totals = LetterTotals::of(&app.template, &app.session.plan);
    let mut lines = vec![
        Line::styled("Letters of recommendation", theme.title),
        Line::raw(format!("{}.", capital(&totals.line()))),
        Line::raw(""),
        Line::raw(
            "Letters from rotations are followed on their rotation (s moves them on); letters \
             from anyone else are added here (a). Assign each to the programs it goes to: a \
             program that asks for more than you assigned, or gets more than ERAS sends, is \
             warned about.",
        ),
    ];
    if let Some(most) = app.template.trackers.letters_per_program {
        lines.push(Line::raw(format!(
            "ERAS sends at most {most} letters to a program."
        )));
    }
    lines.push(Line::styled("Sources", theme.heading));
    for source in &app.template.trackers.letter_sources {
        lines.push(source_line(app, source, theme));
    }
    lines
}

fn capital(text: &str) -> String {
    super::widgets::capitalise(text)
}
