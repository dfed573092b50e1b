//! The overview panel: the season's dates, overdue tasks, the next deadlines and the warnings.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::{capitalise, column};
use crate::journey::Anchor;
use crate::text::{clean_line, truncate};
use crate::tui::app::App;

pub(crate) fn title(app: &App) -> String {
    let (closed, total) = app.session.snapshot.totals();
    format!(
        " Overview · {closed}/{total} tasks closed ({}%) ",
        app.session.snapshot.overall_percent()
    )
}

/// `  Match Day                       2028-03-17  estimated   in 478 days`
pub(crate) fn season_line(
    app: &App,
    anchor: Anchor,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(dated) = app.session.snapshot.calendar.get(anchor) else {
        return Line::raw("");
    };
    let title = app.template.anchor_title(anchor);
    let label = dated.label();
    let days = (dated.date - app.today).num_days();
    let show_countdown = columns >= 70;
    let label_columns = 11;
    let fixed = 2 + 1 + 10 + 1 + label_columns + if show_countdown { 13 } else { 0 };
    let mut spans = vec![
        Span::raw("  "),
        column(
            &capitalise(title),
            columns.saturating_sub(fixed),
            theme.text,
        ),
        Span::raw(" "),
        Span::styled(dated.date.to_string(), theme.text),
        Span::raw(" "),
        column(&label, label_columns, theme.dim),
    ];
    if show_countdown {
        let when = if days < 0 {
            "passed".to_owned()
        } else {
            super::widgets::short_countdown(days, 12)
        };
        spans.push(Span::styled(format!("{when:>13}"), theme.dim));
    }
    Line::from(spans)
}

/// `! Step 3 is planned after the rank order list deadline …`
pub(crate) fn warning_line(
    app: &App,
    index: usize,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(warning) = app.session.snapshot.warnings.get(index) else {
        return Line::raw("");
    };
    let text = format!("! {}", clean_line(&warning.message));
    Line::styled(truncate(&text, columns), theme.warning)
}
