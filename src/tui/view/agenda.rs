//! The agenda panel: every dated thing in date order, split at a "today" line (its rows come
//! from [`crate::tui::agenda`]). Task lines are drawn like the checklist's, with the stage in
//! front of the title; the other entries line up with them: what, date, countdown.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::{capitalise, column, compact_countdown};
use crate::plan::Status;
use crate::text::{clean_line, pad};
use crate::tui::agenda::AgendaItem;
use crate::tui::app::App;
use crate::usce::LetterState;

pub(crate) fn title(app: &App) -> String {
    let tasks = &app.session.snapshot.tasks;
    let done = tasks.iter().filter(|t| t.status == Status::Done).count();
    let open = tasks
        .iter()
        .filter(|t| t.due.is_some() && !t.is_settled())
        .count();
    let filter = if app.prefs.agenda_open_only {
        " · open only (f shows all)"
    } else {
        " · f: open only"
    };
    format!(" Agenda · {open} open, {done} done{filter} ")
}

/// `  Interview · Brookdale University Hospital      2027-11-20   in 355 d`.
pub(crate) fn item_line(
    app: &App,
    item: AgendaItem,
    columns: usize,
    with_date: bool,
    theme: &Theme,
) -> Line<'static> {
    let Some((what, date)) = describe(app, item) else {
        return Line::raw(String::new());
    };
    let days = (date - app.today).num_days();
    let chase = days < 0
        && matches!(item, AgendaItem::Letter(id) if crate::letters::letter_awaited(&app.session.plan, id));
    let when = if chase {
        "chase it".to_owned()
    } else if days < 0 {
        "passed".to_owned()
    } else {
        compact_countdown(days)
    };
    let style = if days < 0 && !chase {
        theme.dim
    } else {
        theme.text
    };
    // The same columns as a task line: mark, text (where the box and title are), date,
    // countdown.
    let date_columns = if with_date { 1 + 10 } else { 0 };
    let text_columns = columns.saturating_sub(2 + 1 + date_columns + 1 + 10);
    let mut spans = vec![
        Span::raw("  "),
        column(&what, text_columns, style),
        Span::raw(" "),
    ];
    if with_date {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(pad(&date.to_string(), 10), style));
    }
    spans.push(Span::raw(" "));
    let when_style = if chase { theme.soon } else { theme.dim };
    spans.push(Span::styled(format!("{when:>10}"), when_style));
    Line::from(spans)
}

/// What an entry is, in words, and its date.
fn describe(app: &App, item: AgendaItem) -> Option<(String, chrono::NaiveDate)> {
    let plan = &app.session.plan;
    Some(match item {
        AgendaItem::Season(anchor) => {
            let dated = app.session.snapshot.calendar.get(anchor)?;
            (
                format!(
                    "Season · {} ({})",
                    capitalise(app.template.anchor_title(anchor)),
                    dated.label()
                ),
                dated.date,
            )
        }
        AgendaItem::Interview(id) => {
            let program = plan.program(id)?;
            (
                format!("Interview · {}", clean_line(&program.name)),
                program.interview?,
            )
        }
        AgendaItem::RotationStart(id) => {
            let rotation = plan.rotation(id)?;
            (
                format!(
                    "Rotation · {} ({}, {})",
                    clean_line(&rotation.institution),
                    rotation.kind.label(),
                    rotation.length_label()
                ),
                rotation.start,
            )
        }
        AgendaItem::Letter(id) => {
            let rotation = plan.rotation(id)?;
            let state = match rotation.letter {
                LetterState::NotRequested => "ask before the rotation ends".to_owned(),
                other => other.label().to_owned(),
            };
            (
                format!("Letter · {}: {state}", clean_line(&rotation.institution)),
                rotation.end,
            )
        }
    })
}
