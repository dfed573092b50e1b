//! The Scores panel: Step 2 CK practice exams in date order, and in the details pane a chart of
//! the scores against the exam date and the target. The chart tells its lines apart by shape as
//! well as colour (`•` scores, `⠒` braille target, `█` exam date), with a key under it, so it
//! reads in NO_COLOR. No predicted score is drawn: no official source supports one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph, Sparkline, Wrap,
};

use super::theme::Theme;
use super::widgets::column;
use crate::practice::{PracticeId, TargetFrom, Trend};
use crate::text::{clean_line, truncate};
use crate::tui::app::{App, Row};

fn trend(app: &App) -> Trend {
    Trend::of(&app.template, &app.session.plan, &app.session.snapshot)
}

pub(crate) fn title(app: &App) -> String {
    format!(" Step 2 CK practice · {} ", trend(app).short_line())
}

/// `  2027-01-10  NBME 12                 238  ▲ +6`.
pub(crate) fn exam_line(app: &App, id: PracticeId, columns: usize, theme: &Theme) -> Line<'static> {
    let exams = &app.session.plan.practice.exams;
    let Some(index) = exams.iter().position(|e| e.id == id) else {
        return Line::raw("");
    };
    let exam = &exams[index];
    let change = index
        .checked_sub(1)
        .and_then(|i| exams.get(i))
        .map(|before| i32::from(exam.score) - i32::from(before.score));
    let change = match change {
        Some(c) if c > 0 => format!("▲ +{c}"),
        Some(c) if c < 0 => format!("▼ {c}"),
        Some(_) => "= 0".to_owned(),
        None => String::new(),
    };
    let form_columns = columns.saturating_sub(2 + 11 + 5 + 8).max(6);
    Line::from(vec![
        Span::raw("  "),
        column(&exam.taken.to_string(), 11, theme.dim),
        column(&clean_line(&exam.form), form_columns, theme.text),
        Span::styled(format!("{:>4} ", exam.score), theme.title),
        column(&change, 8, theme.dim),
    ])
}

pub(crate) fn add_line(columns: usize, theme: &Theme) -> Line<'static> {
    Line::styled(
        truncate("  + Log a practice exam (a): form, date, score", columns),
        theme.accent,
    )
}

pub(crate) fn target_line(app: &App, columns: usize, theme: &Theme) -> Line<'static> {
    let text = match trend(app).target {
        Some((score, TargetFrom::Practice)) => format!("  Target: {score}"),
        Some((score, TargetFrom::Profile)) => {
            format!("  Target: {score} (your profile's score; Enter sets a target)")
        }
        None => "  Target: not set (Enter sets it)".to_owned(),
    };
    Line::styled(truncate(&text, columns), theme.text)
}

/// The details pane of the Scores panel: the chart, then the selected row's details.
pub(crate) fn render_detail(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Trend ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 20 || inner.height < 3 {
        return;
    }
    let trend = trend(app);
    let text = detail_text(app, &trend, theme);
    // The chart needs room for its axes; below that, the words alone.
    let chart_height = if inner.height >= 12 && trend.points.len() >= 2 {
        inner.height.saturating_sub(5).min(16)
    } else if inner.height >= 5 && trend.points.len() >= 2 {
        // A small pane gets a sparkline of the scores (above the lowest one) instead.
        2
    } else {
        0
    };
    let [chart_area, text_area] =
        Layout::vertical([Constraint::Length(chart_height), Constraint::Min(0)]).areas(inner);
    if chart_height > 2 {
        render_chart(app, &trend, frame, chart_area, theme);
    } else if chart_height > 0 {
        let (low, _) = trend.scores();
        let values: Vec<u64> = trend
            .points
            .iter()
            .map(|(_, score)| u64::from(score.saturating_sub(low)))
            .collect();
        frame.render_widget(
            Sparkline::default().data(&values).style(theme.accent),
            chart_area,
        );
    }
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), text_area);
}

fn render_chart(app: &App, trend: &Trend, frame: &mut Frame, area: Rect, theme: &Theme) {
    let (first, last) = trend.days(app.today);
    let x = |date: chrono::NaiveDate| (date - first).num_days() as f64;
    let (low, high) = trend.scores();
    let (low_f, high_f) = (f64::from(low), f64::from(high));
    let span = x(last);
    let scores: Vec<(f64, f64)> = trend
        .points
        .iter()
        .map(|(date, score)| (x(*date), f64::from(*score)))
        .collect();
    let target: Vec<(f64, f64)> = trend
        .target
        .map(|(score, _)| vec![(0.0, f64::from(score)), (span, f64::from(score))])
        .unwrap_or_default();
    let exam: Vec<(f64, f64)> = trend
        .exam
        .map(|date| vec![(x(date), low_f), (x(date), high_f)])
        .unwrap_or_default();
    let mut datasets = vec![
        Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(&target),
        Dataset::default()
            .marker(Marker::Block)
            .graph_type(GraphType::Line)
            .style(theme.warning)
            .data(&exam),
    ];
    datasets.push(
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Line)
            .style(theme.accent)
            .data(&scores),
    );
    let chart = Chart::new(datasets)
        .x_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, span])
                .labels([
                    first.format("%b %y").to_string(),
                    last.format("%b %y").to_string(),
                ]),
        )
        .y_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([low_f, high_f])
                .labels([low.to_string(), high.to_string()]),
        );
    frame.render_widget(chart, area);
}

/// The key under the chart and the selected row's details.
fn detail_text(app: &App, trend: &Trend, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut key = vec!["• scores".to_owned()];
    if let Some((score, from)) = trend.target {
        let from = match from {
            TargetFrom::Practice => "",
            TargetFrom::Profile => " (profile)",
        };
        key.push(format!("⠒ target {score}{from}"));
    }
    if let Some(exam) = trend.exam {
        key.push(format!("█ exam {exam}"));
    }
    lines.push(Line::styled(key.join("  "), theme.dim));
    match app.selected_row() {
        Some(Row::Practice(id)) => {
            if let Some(exam) = app.session.plan.practice_exam(id) {
                lines.push(Line::styled(
                    format!(
                        "{} · {} · {}",
                        clean_line(&exam.form),
                        exam.taken,
                        exam.score
                    ),
                    theme.title,
                ));
                lines.push(Line::styled("Enter edits · x deletes", theme.dim));
            }
        }
        _ => {
            lines.push(Line::raw(
                "Practice scores as you logged them; no predicted score (no official source supports one).",
            ));
        }
    }
    lines
}
