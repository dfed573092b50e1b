//! Moving the selection, the panels, the help overlay and the mouse.

use super::WHEEL_ROWS;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Cursor, Mode, Row};

/// The mouse wheel: scrolls the help overlay, or moves the selection.
pub(super) fn wheel(app: &mut App, down: bool) {
    match &mut app.screen.mode {
        Mode::Help { scroll } => {
            *scroll = if down {
                scroll.saturating_add(WHEEL_ROWS as u16)
            } else {
                scroll.saturating_sub(WHEEL_ROWS as u16)
            };
            clamp_help(app);
        }
        Mode::Normal => {
            for _ in 0..WHEEL_ROWS {
                step(app, down);
            }
        }
        _ => {}
    }
}

/// Moves the selection one selectable row down or up.
pub(super) fn step(app: &mut App, down: bool) {
    let rows = app.rows(app.screen.panel);
    let current = app.cursor().selected;
    let next = if down {
        (current + 1..rows.len()).find(|&i| rows[i].selectable())
    } else {
        (0..current).rev().find(|&i| rows[i].selectable())
    };
    if let Some(next) = next {
        select(app, next);
    }
}

pub(super) fn jump_to_end(app: &mut App, bottom: bool) {
    let rows = app.rows(app.screen.panel);
    let target = if bottom {
        rows.iter().rposition(Row::selectable)
    } else {
        rows.iter().position(Row::selectable)
    };
    if let Some(target) = target {
        select(app, target);
    }
}

pub(super) fn page(app: &mut App, rows_to_move: usize, down: bool) {
    let rows = app.rows(app.screen.panel);
    if rows.is_empty() {
        return;
    }
    let current = app.cursor().selected;
    let target = if down {
        (current + rows_to_move).min(rows.len() - 1)
    } else {
        current.saturating_sub(rows_to_move)
    };
    // Land on the nearest selectable row in the direction of travel, else the other way.
    let forward = |from: usize| (from..rows.len()).find(|&i| rows[i].selectable());
    let backward = |from: usize| (0..=from).rev().find(|&i| rows[i].selectable());
    let landing = if down {
        backward(target)
            .filter(|&i| i > current)
            .or_else(|| forward(target))
    } else {
        forward(target)
            .filter(|&i| i < current)
            .or_else(|| backward(target))
    };
    if let Some(landing) = landing {
        select(app, landing);
    }
}

pub(super) fn select(app: &mut App, row: usize) {
    let panel = app.screen.panel;
    if let Some(cursor) = app.screen.cursors.get_mut(panel) {
        cursor.selected = row;
    }
    app.settle_cursor(panel);
}

/// Shows a task in its stage panel.
pub(super) fn reveal_task(app: &mut App, id: &str) -> bool {
    let Some(stage) = app.session.snapshot.task(id).map(|t| t.stage.clone()) else {
        return false;
    };
    let Some(panel) = app.stage_panel(&stage) else {
        return false;
    };
    let rows = app.rows(panel);
    let Some(row) = rows.iter().position(|r| *r == Row::Task(id.into())) else {
        return false;
    };
    app.screen.panel = panel;
    select(app, row);
    true
}

pub(super) fn restore_position(app: &mut App, panel: usize, cursor: Cursor) {
    app.screen.panel = panel.min(app.screen.cursors.len().saturating_sub(1));
    if let Some(slot) = app.screen.cursors.get_mut(app.screen.panel) {
        *slot = cursor;
    }
    app.settle_cursor(app.screen.panel);
}

fn clamp_help(app: &mut App) {
    let max = crate::tui::view::help::max_scroll(app);
    if let Mode::Help { scroll } = &mut app.screen.mode {
        *scroll = (*scroll).min(max);
    }
}

pub(super) fn help(app: &mut App, command: Command) -> Vec<Effect> {
    let page = app.screen.height.saturating_sub(6).max(1);
    let glossary = crate::tui::view::help::glossary_scroll(app);
    if let Mode::Help { scroll } = &mut app.screen.mode {
        match command {
            Command::Help | Command::Cancel => {
                app.screen.mode = Mode::Normal;
                return Vec::new();
            }
            Command::Quit => {
                app.should_quit = true;
                return vec![Effect::Quit];
            }
            Command::Down => *scroll = scroll.saturating_add(1),
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::PageDown => *scroll = scroll.saturating_add(page),
            Command::PageUp => *scroll = scroll.saturating_sub(page),
            Command::Top => *scroll = 0,
            Command::Bottom => *scroll = u16::MAX,
            Command::Glossary => *scroll = glossary,
            _ => {}
        }
    }
    clamp_help(app);
    Vec::new()
}

pub(super) fn click(app: &mut App, column: u16, row: u16) {
    let areas = app.areas(ratatui::layout::Rect::new(
        0,
        0,
        app.screen.width,
        app.screen.height,
    ));
    let Some(areas) = areas else {
        return;
    };
    let inside = |rect: ratatui::layout::Rect| {
        rect.contains(ratatui::layout::Position { x: column, y: row })
    };
    if inside(areas.tabs) {
        if let Some(panel) = crate::tui::tabs::at(app, areas.tabs.width, column - areas.tabs.x) {
            app.screen.panel = panel;
        }
        return;
    }
    let sidebar = areas.sidebar_inner();
    if inside(sidebar) {
        let index = usize::from(row - sidebar.y);
        if index < app.screen.cursors.len() {
            app.screen.panel = index;
        }
        return;
    }
    let list = areas.list_inner();
    if inside(list) {
        let index = app.cursor().offset + usize::from(row - list.y);
        let rows = app.rows(app.screen.panel);
        if rows.get(index).is_some_and(Row::selectable) {
            select(app, index);
        }
    }
}
