//! Incremental search over every task, and `n`/`N` through the matches.

use super::navigation::{restore_position, reveal_task};
use super::text::open_field;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, TextPurpose, Tone};

/// `/`: the search field, remembering where the user was.
pub(super) fn open(app: &mut App) {
    let purpose = TextPurpose::Search {
        panel: app.screen.panel,
        cursor: app.cursor(),
    };
    open_field(app, purpose, String::new());
}

/// Enter in the search field: keep the match, or go back when nothing matches.
pub(super) fn submit(
    app: &mut App,
    panel: usize,
    cursor: crate::tui::app::Cursor,
    value: String,
) -> Vec<Effect> {
    app.screen.mode = Mode::Normal;
    if value.is_empty() {
        restore_position(app, panel, cursor);
        app.screen.search = None;
        return Vec::new();
    }
    let count = matches(app, &value).len();
    app.screen.search = Some(value.clone());
    if count == 0 {
        restore_position(app, panel, cursor);
        app.say(format!("No task matches {value:?}."), Tone::Error);
    } else {
        app.say(
            format!("{count} tasks match {value:?} · n next, N previous"),
            Tone::Info,
        );
    }
    Vec::new()
}

fn matches(app: &App, query: &str) -> Vec<crate::ids::TaskId> {
    let query = query.to_lowercase();
    if query.trim().is_empty() {
        return Vec::new();
    }
    app.session
        .snapshot
        .tasks
        .iter()
        .filter(|task| {
            task.title.to_lowercase().contains(&query)
                || task.id.to_lowercase().contains(&query)
                || task
                    .note
                    .as_deref()
                    .is_some_and(|n| n.to_lowercase().contains(&query))
        })
        .map(|task| task.id.clone())
        .collect()
}

/// Moves to the next (or previous) task matching the last search, wrapping around.
pub(super) fn next_match(app: &mut App, forward: bool) {
    let Some(query) = app.screen.search.clone() else {
        app.say("No search yet: press / to search.", Tone::Info);
        return;
    };
    let found = matches(app, &query);
    if found.is_empty() {
        app.say(format!("No task matches {query:?}."), Tone::Error);
        return;
    }
    let order: Vec<&str> = app
        .session
        .snapshot
        .tasks
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    let here = app
        .selected_task()
        .and_then(|id| order.iter().position(|o| id == *o));
    let position = |id: &crate::ids::TaskId| order.iter().position(|o| id == o).unwrap_or(0);
    let target = match here {
        Some(here) if forward => found
            .iter()
            .find(|id| position(id) > here)
            .or(found.first()),
        Some(here) => found
            .iter()
            .rev()
            .find(|id| position(id) < here)
            .or(found.last()),
        None => found.first(),
    }
    .cloned();
    if let Some(id) = target {
        reveal_task(app, &id);
        let index = found.iter().position(|f| *f == id).unwrap_or(0) + 1;
        app.say(
            format!("Match {index} of {} for {query:?}", found.len()),
            Tone::Info,
        );
    }
}

/// Incremental search: after each keystroke, show the first match from the top.
pub(super) fn search_as_typed(app: &mut App) {
    let Mode::Text(field) = &app.screen.mode else {
        return;
    };
    let TextPurpose::Search { panel, cursor } = field.purpose.clone() else {
        return;
    };
    let query = field.input.value().to_owned();
    let found = matches(app, &query);
    let error = match found.first() {
        Some(first) => {
            reveal_task(app, first);
            None
        }
        None => {
            restore_position(app, panel, cursor);
            (!query.trim().is_empty()).then(|| "no task matches".to_owned())
        }
    };
    if let Mode::Text(field) = &mut app.screen.mode {
        field.error = error.or_else(|| {
            (!found.is_empty())
                .then(|| format!("{} matching tasks · Enter keeps, n/N next", found.len()))
        });
    }
}
