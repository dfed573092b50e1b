//! The J-1 versus H-1B comparison inside the visa stage panel: one line per topic with both
//! sides, and the full text with its sources beside it.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::column;
use crate::text::{clean_line, wrap};
use crate::tui::app::App;

const TOPIC_COLUMNS: usize = 16;

/// Each cell of a comparison row wrapped to its column: topic, J-1, H-1B.
fn cells(app: &App, index: usize, columns: usize) -> Option<[Vec<String>; 3]> {
    let row = app.template.visa_comparison.rows.get(index)?;
    let cell = columns.saturating_sub(TOPIC_COLUMNS + 2 + 6) / 2;
    let flag = if row.verified { "" } else { "?" };
    Some([
        wrap(&clean_line(&format!("{}{flag}", row.topic)), TOPIC_COLUMNS),
        wrap(&clean_line(&row.j1), cell),
        wrap(&clean_line(&row.h1b), cell),
    ])
}

/// How many lines a comparison row takes at a list width: its cells wrap inside the row.
pub(crate) fn line_count(app: &App, index: usize, columns: usize) -> usize {
    cells(app, index, columns).map_or(1, |cells| {
        cells.iter().map(Vec::len).max().unwrap_or(1).max(1)
    })
}

/// `Who sponsors       │ ECFMG (EVSP), for every │ The program, as`: the first line of a row.
pub(crate) fn row_line(app: &App, index: usize, columns: usize, theme: &Theme) -> Line<'static> {
    part_line(app, index, 0, columns, theme)
}

/// Line `part` of a comparison row (0 is the first).
pub(crate) fn part_line(
    app: &App,
    index: usize,
    part: usize,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some([topic, j1, h1b]) = cells(app, index, columns) else {
        return Line::raw(String::new());
    };
    let cell = columns.saturating_sub(TOPIC_COLUMNS + 2 + 6) / 2;
    let at = |lines: &[String]| lines.get(part).cloned().unwrap_or_default();
    Line::from(vec![
        Span::raw("  "),
        column(&at(&topic), TOPIC_COLUMNS, theme.heading),
        Span::styled(" │ ", theme.dim),
        column(&at(&j1), cell, theme.text),
        Span::styled(" │ ", theme.dim),
        column(&at(&h1b), cell, theme.text),
    ])
}

/// The column titles, aligned with the rows.
pub(crate) fn header_line(columns: usize, theme: &Theme) -> Line<'static> {
    let cell = columns.saturating_sub(TOPIC_COLUMNS + 2 + 6) / 2;
    Line::from(vec![
        Span::raw("  "),
        column("", TOPIC_COLUMNS, theme.heading),
        Span::styled(" │ ", theme.dim),
        column("J-1", cell, theme.heading),
        Span::styled(" │ ", theme.dim),
        column("H-1B", cell, theme.heading),
    ])
}

pub(crate) fn detail_lines(app: &App, index: usize, theme: &Theme) -> Vec<Line<'static>> {
    let comparison = &app.template.visa_comparison;
    let Some(row) = comparison.rows.get(index) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::styled(clean_line(&row.topic), theme.title),
        Line::from(vec![
            Span::styled("J-1:  ", theme.heading),
            Span::raw(clean_line(&row.j1)),
        ]),
        Line::from(vec![
            Span::styled("H-1B: ", theme.heading),
            Span::raw(clean_line(&row.h1b)),
        ]),
    ];
    if let Some(note) = &row.note {
        lines.push(Line::raw(""));
        lines.push(Line::raw(clean_line(note)));
    }
    lines.push(Line::raw(""));
    let verified = if row.verified {
        ""
    } else {
        " · NOT VERIFIED: no official source confirms it"
    };
    lines.push(Line::styled(
        format!(
            "Season: {}; policy checked {}{verified}",
            row.season, comparison.policy_as_of
        ),
        theme.dim,
    ));
    lines.push(Line::styled("Sources", theme.heading));
    lines.extend(super::widgets::freshness_line(app, &row.sources, theme));
    for source in &row.sources {
        lines.push(super::widgets::source_line(app, source, theme));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(crate::visa::NOT_ADVICE, theme.dim));
    lines
}
