//! The selected panel's list: a window of its rows around the selection, with a scrollbar.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Borders, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
};

use super::theme::Theme;
use super::{
    agenda, budget, checklist, comparison, letters, overview, practice, programs, rotations,
    timeline,
};
use crate::text::{pad, truncate};
use crate::tui::app::{App, Panel, Row};

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let panel = app.current_panel();
    if panel == Panel::Timeline {
        // The timeline draws its months instead of a list; its rows are its marks.
        timeline::render(app, frame, area, theme);
        return;
    }
    let title = match panel {
        Panel::Overview => overview::title(app),
        Panel::Stage(index) => checklist::title(app, index),
        Panel::Programs => programs::title(app),
        Panel::Agenda => agenda::title(app),
        Panel::Timeline => timeline::title(app),
        Panel::Budget => budget::title(app),
        Panel::Letters => letters::title(app),
        Panel::Scores => practice::title(app),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(Span::styled(
            truncate(&title, usize::from(area.width.saturating_sub(4))),
            theme.title,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let rows = app.rows(app.screen.panel);
    let cursor = app.cursor();
    let columns = usize::from(inner.width);
    // A list a date column short of whole titles leaves the date to the details.
    let wanted = usize::from(app.task_wanted_columns()).saturating_sub(2);
    let with_date = wanted <= columns || wanted > columns + 11;
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(cursor.offset)
        .take(usize::from(inner.height))
        .map(|(index, row)| {
            // A wrapped comparison row is highlighted on all its lines.
            let selected = (index == cursor.selected && row.selectable())
                || matches!(row, Row::ComparisonMore(of, _)
                    if rows.get(cursor.selected) == Some(&Row::Comparison(*of)));
            let line = match row {
                Row::Ranked(id) => {
                    programs::program_line(app, *id, app.rank_of(*id), columns, theme)
                }
                _ => row_line(app, panel, row, columns, with_date, theme),
            };
            if selected {
                highlight(line, columns, theme)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    if rows.len() > usize::from(inner.height) {
        let mut state =
            ScrollbarState::new(rows.len().saturating_sub(usize::from(inner.height)) + 1)
                .viewport_content_length(usize::from(inner.height))
                .position(cursor.offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.dim),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}

/// The selected row: one style over the whole width, so it reads the same in every theme.
fn highlight<'a>(line: Line<'a>, columns: usize, theme: &Theme) -> Line<'a> {
    let text: String = line
        .spans
        .iter()
        .map(|span| span.content.as_ref())
        .collect();
    Line::styled(pad(&text, columns), theme.selected)
}

fn row_line(
    app: &App,
    panel: Panel,
    row: &Row,
    columns: usize,
    with_date: bool,
    theme: &Theme,
) -> Line<'static> {
    match row {
        Row::Heading(text) => Line::styled(truncate(text, columns), theme.heading),
        Row::Note(text) => Line::styled(truncate(&format!("  {text}"), columns), theme.dim),
        Row::Freshness => {
            let freshness = &app.session.snapshot.freshness;
            let style = if freshness.stale_on_path > 0 {
                theme.warning
            } else {
                theme.dim
            };
            let full = freshness.line();
            let text = if crate::text::width(&full) <= columns {
                full
            } else {
                freshness.short_line()
            };
            Line::styled(truncate(&text, columns), style)
        }
        Row::Task(id) => match app.session.snapshot.task(id) {
            Some(task) => checklist::task_line(
                task,
                app.today,
                columns,
                (!matches!(panel, Panel::Stage(_))).then(|| stage_short(app, &task.stage)),
                with_date,
                theme,
            ),
            None => Line::raw(truncate(id, columns)),
        },
        Row::Warning(index) => overview::warning_line(app, *index, columns, theme),
        Row::Fact(index) => match app.template.facts.get(*index) {
            Some(fact) => {
                let stale =
                    crate::freshness::Freshness::of(&app.template, &fact.sources, app.today)
                        .is_some_and(|f| f.stale);
                let flag = match (fact.verified, stale) {
                    (false, _) => " (unverified)",
                    (true, true) => " (confirm: checked long ago)",
                    (true, false) => "",
                };
                let text = format!(
                    "  {}: {}{flag}",
                    crate::text::clean_line(&fact.label),
                    crate::text::clean_line(&fact.value)
                );
                let style = if flag.is_empty() {
                    theme.text
                } else {
                    theme.warning
                };
                Line::styled(truncate(&text, columns), style)
            }
            None => Line::raw(""),
        },
        Row::Situation(index) => match app.session.snapshot.situation.get(*index) {
            Some(note) => {
                let (mark, style) = match note.severity {
                    crate::situation::Severity::Warning => ("!", theme.warning),
                    crate::situation::Severity::Explained => ("i", theme.text),
                };
                let text = format!(
                    "{mark} {}: {}",
                    note.route.label(),
                    crate::text::clean_line(&note.message)
                );
                Line::styled(truncate(&text, columns), style)
            }
            None => Line::raw(""),
        },
        Row::Season(anchor) => overview::season_line(app, *anchor, columns, theme),
        Row::ComparisonHeader => comparison::header_line(columns, theme),
        Row::Comparison(index) => comparison::row_line(app, *index, columns, theme),
        Row::ComparisonMore(index, part) => {
            comparison::part_line(app, *index, *part, columns, theme)
        }
        Row::Rotation(id) => rotations::rotation_line(app, *id, columns, theme),
        Row::Agenda(item) => agenda::item_line(app, *item, columns, with_date, theme),
        Row::AddRotation => rotations::add_line(columns, theme),
        Row::Program(id) | Row::Ranked(id) => {
            programs::program_line(app, *id, None, columns, theme)
        }
        Row::BudgetLine(index) => budget::line(app, *index, columns, theme),
        Row::BudgetCurrency => budget::currency_line(app, columns, theme),
        Row::Letter(id) => letters::letter_line(app, *id, columns, theme),
        Row::AddLetter => letters::add_line(columns, theme),
        Row::LetterProgram(id) => letters::program_line(app, *id, columns, theme),
        Row::Practice(id) => practice::exam_line(app, *id, columns, theme),
        Row::AddPractice => practice::add_line(columns, theme),
        Row::PracticeTarget => practice::target_line(app, columns, theme),
    }
}

fn stage_short(app: &App, stage: &str) -> String {
    app.template
        .stage(stage)
        .map_or_else(|| stage.to_owned(), |s| s.short.clone())
}
