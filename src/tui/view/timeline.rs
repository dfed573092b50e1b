//! The Timeline panel: the months from today to residency, a lane per stage (and one for the
//! season's dates), bars, marks and today's line, laid out by [`crate::timeline`] and painted
//! here inside the list area. Shapes carry the meaning (`-` bar, `|` today, `o` open, `x` done,
//! `!` overdue, `>` start now, `*` season date, `@` selected), so it reads under NO_COLOR; colour
//! only adds.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::text::{clean_line, pad, truncate};
use crate::timeline::{Cell, MarkItem, MarkKind, Timeline};
use crate::tui::app::App;

/// Columns of the lane labels ("Residency ").
const LABEL_COLUMNS: usize = 10;

pub(crate) fn build(app: &App) -> Timeline {
    Timeline::build(&app.template, &app.session.snapshot, app.today)
}

/// The columns the months get in the list area at this terminal size, and each month's width:
/// four columns ("Jan ") when at least nine months fit, else three.
pub(crate) fn month_columns(app: &App) -> (usize, usize) {
    let (width, height) = (app.screen.width, app.screen.height);
    let area = Rect::new(0, 0, width, height);
    let list_width = app.areas(area).map_or(width, |a| a.list.width);
    let columns = usize::from(list_width.saturating_sub(2)).saturating_sub(LABEL_COLUMNS);
    let month_width = if columns / 4 >= 9 { 4 } else { 3 };
    (columns, month_width)
}

pub(crate) fn title(app: &App) -> String {
    match build(app).months_to_residency() {
        Some(1) => " Timeline · 1 month to residency · [ ] scroll ".to_owned(),
        Some(months) => format!(" Timeline · {months} months to residency · [ ] scroll "),
        None => " Timeline · [ ] scroll ".to_owned(),
    }
}

fn cell_style(cell: Cell, theme: &Theme) -> Style {
    match cell {
        Cell::Empty => theme.text,
        Cell::Bar => theme.dim,
        Cell::Today => theme.accent,
        Cell::Mark(MarkKind::Overdue) => theme.overdue,
        Cell::Mark(MarkKind::Closed) => theme.done,
        Cell::Mark(MarkKind::Season) => theme.heading,
        Cell::Mark(MarkKind::Open | MarkKind::StartNow) => theme.soon,
        Cell::Selected => theme.selected,
    }
}

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(Span::styled(
            truncate(&title(app), usize::from(area.width.saturating_sub(4))),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let timeline = build(app);
    let (columns, month_width) = month_columns(app);
    let columns = columns.min(usize::from(inner.width).saturating_sub(LABEL_COLUMNS));
    let selected = Some(app.cursor().selected).filter(|i| *i < timeline.marks.len());
    let grid = timeline.grid(app.screen.timeline_scroll, columns, month_width, selected);
    let mut lines = vec![
        header_line(&grid.years, theme),
        header_line(&grid.months, theme),
    ];
    for (lane, row) in timeline.lanes.iter().zip(&grid.rows) {
        let mut spans = vec![Span::styled(
            pad(
                &truncate(&clean_line(&lane.label), LABEL_COLUMNS - 1),
                LABEL_COLUMNS,
            ),
            theme.text,
        )];
        spans.extend(
            row.iter()
                .map(|cell| Span::styled(cell.glyph().to_string(), cell_style(*cell, theme))),
        );
        lines.push(Line::from(spans));
    }
    lines.push(caption(app, &timeline, selected, theme));
    lines.push(Line::styled(
        "|today -stage o open x done !overdue >start now *season @selected",
        theme.dim,
    ));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = lines.into_iter().map(|line| clip(line, width)).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The month or year labels at their columns, after the label column.
fn header_line(labels: &[(usize, String)], theme: &Theme) -> Line<'static> {
    let mut text = " ".repeat(LABEL_COLUMNS);
    for (column, label) in labels {
        let at = LABEL_COLUMNS + column;
        let current = crate::text::width(&text);
        if at >= current {
            text.push_str(&" ".repeat(at - current));
            text.push_str(label);
        }
    }
    Line::styled(text, theme.heading)
}

/// The selected mark in words, under the lanes: "@ 2027-08-18 Exams: Pass USMLE Step 2 CK". A
/// task gives its own day (the one its details show), and says why it is drawn at today when it
/// is overdue or to start now.
fn caption(
    app: &App,
    timeline: &Timeline,
    selected: Option<usize>,
    theme: &Theme,
) -> Line<'static> {
    let Some(mark) = selected.and_then(|i| timeline.marks.get(i)) else {
        return Line::styled("j/k select a mark; its details are beside.", theme.dim);
    };
    let (what, day) = match &mark.item {
        MarkItem::Task(id) => (
            app.task_title(id),
            app.session
                .snapshot
                .task(id)
                .and_then(|t| t.calendar_day(app.today))
                .unwrap_or(mark.date),
        ),
        MarkItem::Season(anchor) => (app.template.anchor_title(*anchor).to_owned(), mark.date),
    };
    let lane = timeline
        .lanes
        .get(mark.lane)
        .map(|l| clean_line(&l.label))
        .unwrap_or_default();
    let state = match mark.kind {
        MarkKind::Overdue => " (overdue, drawn at today)",
        MarkKind::StartNow => " (start now, drawn at today)",
        _ => "",
    };
    Line::styled(
        format!("@ {day}{state} {lane}: {}", clean_line(&what)),
        theme.title,
    )
}

/// Cuts a line to the width (the spans are one grapheme each or already measured).
fn clip(line: Line<'static>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut spans = Vec::new();
    for span in line.spans {
        let w = crate::text::width(&span.content);
        if used + w <= width {
            used += w;
            spans.push(span);
        } else {
            let rest = width.saturating_sub(used);
            if rest > 0 {
                spans.push(Span::styled(truncate(&span.content, rest), span.style));
            }
            break;
        }
    }
    Line::from(spans).style(line.style)
}
