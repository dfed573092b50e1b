//! A stage panel: the stage's tasks as a checklist with state, title, due date and countdown.

use chrono::NaiveDate;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::column;
use super::widgets::compact_countdown;
use crate::insights::TaskView;
use crate::plan::Status;
use crate::text::{clean_line, pad};
use crate::tui::app::App;

/// Open tasks due within this many days are marked as due soon.
pub(crate) const DUE_SOON_DAYS: i64 = 14;

/// Below this many columns the countdown column is left out.
const COUNTDOWN_MIN_COLUMNS: usize = 50;
/// Compact countdowns ("in 266 d", "12 d late", "start now") leave the title the room.
const COUNTDOWN_COLUMNS: usize = 10;
const DATE_COLUMNS: usize = 10;

/// Columns of a task line besides its title: mark, box, date and countdown with their gaps.
pub(crate) const TASK_FIXED_COLUMNS: usize = 2 + 4 + 1 + DATE_COLUMNS + 1 + COUNTDOWN_COLUMNS;

/// The title as the list shows it: `+` for the user's own, the stage in front in mixed panels.
pub(crate) fn shown_title(task: &TaskView, stage: Option<&str>) -> String {
    let mut title = clean_line(&task.title);
    if task.custom {
        // Marks a task the user added (the help explains the sign).
        title = format!("+ {title}");
    }
    if let Some(stage) = stage {
        title = format!("{stage} · {title}");
    }
    title
}

pub(crate) fn title(app: &App, index: usize) -> String {
    let progress = &app.session.snapshot.progress[index];
    format!(
        " {} · {}/{} closed ",
        progress.title,
        progress.done + progress.skipped,
        progress.total
    )
}

/// How urgent an open task is, shown by glyph and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Urgency {
    Overdue,
    Soon,
    Later,
}

pub(crate) fn urgency(task: &TaskView, today: NaiveDate) -> Urgency {
    if task.is_settled() {
        return Urgency::Later;
    }
    if task.starts_now() {
        return Urgency::Soon;
    }
    match task.days_left(today) {
        Some(days) if days < 0 => Urgency::Overdue,
        Some(days) if days <= DUE_SOON_DAYS => Urgency::Soon,
        _ => Urgency::Later,
    }
}

/// `! [ ] Title            2027-05-20   in 12 d`, with the stage before the title when the
/// panel mixes stages. Without `with_date` (a list a few columns short of whole titles) the
/// date column goes and a done task's countdown column holds the day it was done.
pub(crate) fn task_line(
    task: &TaskView,
    today: NaiveDate,
    columns: usize,
    stage: Option<String>,
    with_date: bool,
    theme: &Theme,
) -> Line<'static> {
    let urgency = urgency(task, today);
    let (glyph, glyph_style) = match urgency {
        Urgency::Overdue => ("!", theme.overdue),
        Urgency::Soon => ("•", theme.soon),
        Urgency::Later => (" ", theme.text),
    };
    let text_style = match task.status {
        Status::Done | Status::Skipped => theme.dim,
        _ => theme.text,
    };
    let box_style = if task.status == Status::Done {
        theme.done
    } else {
        text_style
    };
    let show_countdown = columns >= COUNTDOWN_MIN_COLUMNS;
    let fixed = 2
        + 4
        + if with_date { 1 + DATE_COLUMNS } else { 0 }
        + if show_countdown {
            1 + COUNTDOWN_COLUMNS
        } else {
            0
        };
    let title_columns = columns.saturating_sub(fixed);
    let title = shown_title(task, stage.as_deref());
    // A done task shows the day it was done, not the date it had been planned for.
    let done_on = task.done_on.filter(|_| task.status == Status::Done);
    let date = done_on
        .or_else(|| task.due.as_ref().map(|d| d.date))
        .map(|d| d.to_string())
        .unwrap_or_default();
    let mut spans = vec![
        Span::styled(format!("{glyph} "), glyph_style),
        Span::styled(format!("{} ", task.status.checkbox()), box_style),
        column(&title, title_columns, text_style),
    ];
    if with_date {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad(&date, DATE_COLUMNS), text_style));
    }
    if show_countdown {
        let when = match (task.status, task.days_left(today)) {
            (Status::Done, _) => match done_on.filter(|_| !with_date) {
                Some(day) => day.format("%-d %b %y").to_string(),
                None => "done".to_owned(),
            },
            (Status::Skipped, _) => "skipped".to_owned(),
            _ if task.behind.is_some() => "behind you".to_owned(),
            _ if task.starts_now() => "start now".to_owned(),
            (_, Some(days)) => compact_countdown(days),
            (_, None) => String::new(),
        };
        let style = match urgency {
            Urgency::Overdue => theme.overdue,
            Urgency::Soon => theme.soon,
            Urgency::Later => theme.dim,
        };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            format!("{when:>width$}", width = COUNTDOWN_COLUMNS),
            style,
        ));
    }
    Line::from(spans)
}
