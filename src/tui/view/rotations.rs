//! The USCE log inside the USCE stage panel: one line per rotation and its details.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::column;
use crate::text::clean_line;
use crate::tui::app::App;
use crate::usce::LetterState;

/// Columns of a wide rotation row besides the institution, the list's two borders included
/// (the layout asks for them): indent, kind, the gaps, start, length, hands-on and letter.
pub(crate) const ROTATION_FIXED_COLUMNS: usize = 2 + 13 + 1 + 1 + 10 + 1 + 8 + 1 + 9 + 1 + 9 + 2;

/// `Externship  Mercy Hospital     2026-06-01  4 wk  hands-on  letter: got`.
pub(crate) fn rotation_line(
    app: &App,
    id: crate::ids::RotationId,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(rotation) = app.session.plan.rotation(id) else {
        return Line::raw(format!("unknown rotation {id}"));
    };
    let letter_style = match rotation.letter {
        LetterState::Uploaded => theme.done,
        LetterState::Requested | LetterState::Received => theme.soon,
        LetterState::NotRequested => theme.dim,
    };
    let kind = match rotation.kind {
        crate::usce::RotationKind::Elective => "elective",
        other => other.label(),
    };
    // Narrow screens keep the institution readable with shorter kind and hands-on columns, and
    // so does any list too narrow for the whole name beside the wide ones.
    let name = clean_line(&rotation.institution);
    let narrow = columns < 76 || columns < ROTATION_FIXED_COLUMNS - 2 + crate::text::width(&name);
    let (kind_columns, hands_columns) = if narrow { (8, 5) } else { (13, 9) };
    let hands = match (rotation.hands_on, narrow) {
        (true, false) => "hands-on",
        (false, false) => "observing",
        (true, true) => "hands",
        (false, true) => "obs.",
    };
    // The letter column fits "requested", the word the form and details use too.
    let fixed = 2 + kind_columns + 1 + 1 + 10 + 1 + 8 + 1 + hands_columns + 1 + 9;
    let name_columns = columns.saturating_sub(fixed).max(6);
    Line::from(vec![
        Span::raw("  "),
        column(kind, kind_columns, theme.dim),
        Span::raw(" "),
        column(&name, name_columns, theme.text),
        Span::raw(" "),
        column(&rotation.start.to_string(), 10, theme.text),
        Span::raw(" "),
        column(&rotation.length_label(), 8, theme.dim),
        Span::raw(" "),
        column(hands, hands_columns, theme.dim),
        Span::raw(" "),
        column(rotation.letter.short(), 9, letter_style),
    ])
}

pub(crate) fn add_line(columns: usize, theme: &Theme) -> Line<'static> {
    column("  + Log a rotation (Enter)", columns, theme.accent).into()
}

pub(crate) fn detail_lines(
    app: &App,
    id: crate::ids::RotationId,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(rotation) = app.session.plan.rotation(id) else {
        return vec![Line::raw(format!("Unknown rotation {id}"))];
    };
    let mut lines = vec![
        Line::styled(clean_line(&rotation.institution), theme.title),
        Line::styled(
            format!(
                "{} · {}{}",
                rotation.kind.label(),
                if rotation.hands_on {
                    "hands-on"
                } else {
                    "observing only"
                },
                rotation
                    .specialty
                    .as_deref()
                    .map(|s| format!(" · {}", clean_line(s)))
                    .unwrap_or_default()
            ),
            theme.dim,
        ),
        Line::raw(format!(
            "{} to {} ({})",
            rotation.start,
            rotation.end,
            rotation.length_label()
        )),
        Line::raw(""),
        Line::styled("Letter", theme.heading),
        Line::raw(match &rotation.supervisor {
            Some(who) => format!("{}: {}", clean_line(who), rotation.letter),
            None => format!("{} (no supervisor recorded)", rotation.letter),
        }),
    ];
    if rotation.end < app.today && crate::letters::letter_awaited(&app.session.plan, id) {
        lines.push(Line::styled(
            "The rotation has ended and the letter is not in ERAS yet: chase it.",
            theme.soon,
        ));
    }
    if !rotation.hands_on && rotation.kind == crate::usce::RotationKind::Observership {
        lines.push(Line::styled(
            "Observerships are hands-off; programs weigh hands-on USCE more.",
            theme.dim,
        ));
    }
    for warning in app
        .session
        .snapshot
        .warnings
        .iter()
        .filter(|w| w.subject == crate::insights::Subject::Rotation(id))
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("! {}", clean_line(&warning.message)),
            theme.warning,
        ));
    }
    if let Some(note) = &rotation.note {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Note", theme.heading));
        lines.push(Line::raw(clean_line(note)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Enter edits · s next letter state · c note · x deletes",
        theme.dim,
    ));
    lines
}

/// The log's summary, for the detail pane when the add row is selected.
pub(crate) fn summary_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let usce = &app.session.snapshot.usce;
    vec![
        Line::styled("Rotations and letters", theme.title),
        Line::raw(usce.line()),
        Line::raw(format!(
            "Letters: {} requested, {} in hand, {} in ERAS; target {} (p changes it).",
            usce.letters_requested,
            usce.letters_received,
            usce.letters_uploaded,
            usce.letter_target
        )),
        Line::raw(""),
        Line::styled(
            "Enter or a logs a rotation: kind, institution, dates, hands-on, supervisor and letter.",
            theme.dim,
        ),
    ]
}
