//! `view`: draws the planner from its state. Pure: it reads [`App`] and writes to the frame,
//! nothing else.

pub(crate) mod agenda;
pub(crate) mod budget;
pub(crate) mod checklist;
pub(crate) mod chrome;
pub(crate) mod comparison;
pub(crate) mod detail;
pub(crate) mod dialog;
pub(crate) mod eras_cost;
pub(crate) mod footer;
pub(crate) mod help;
pub(crate) mod import;
pub(crate) mod later;
pub(crate) mod letters;
pub(crate) mod list;
pub(crate) mod overview;
pub(crate) mod practice;
pub(crate) mod program_tracking;
pub(crate) mod programs;
pub(crate) mod rotations;
pub(crate) mod theme;
pub(crate) mod timeline;
pub(crate) mod widgets;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::app::{App, Mode};
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use theme::Theme;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let theme = Theme::for_app(app.prefs.monochrome);
    let Some(areas) = app.areas(area) else {
        too_small(frame, area, &theme);
        return;
    };
    chrome::header(app, frame, areas.header, &theme);
    // One of the side list and the tab bar has room; one of list and details may be zoomed out.
    if areas.sidebar.width > 0 {
        chrome::sidebar(app, frame, areas.sidebar, &theme);
    }
    if areas.tabs.height > 0 {
        chrome::tabs(app, frame, areas.tabs, &theme);
    }
    if areas.list.width > 0 {
        list::render(app, frame, areas.list, &theme);
    }
    if areas.detail.width > 0 {
        detail::render(app, frame, areas.detail, &theme);
    }
    chrome::status(app, frame, areas.status, &theme);
    chrome::footer(app, frame, areas.footer, &theme);
    match &app.screen.mode {
        Mode::Normal => {}
        Mode::Help { scroll } => help::render(app, *scroll, frame, area, &theme),
        Mode::Text(field) => dialog::text_field(app, field, frame, area, areas.status, &theme),
        Mode::Form(form) => dialog::form(form, frame, area, &theme),
        Mode::ConfirmDelete { target, title } => {
            dialog::confirm_delete(target.kind(), title, frame, area, &theme);
        }
        Mode::ImportPreview(preview) => import::render(preview, frame, area, &theme),
    }
}

/// One centred message when the terminal cannot hold the planner; `q` still quits.
fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let text = format!(
        "Terminal too small: need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}. Enlarge it, or press q to quit.",
        area.width, area.height
    );
    let lines = textwrap_height(&text, area.width);
    let top = area.height.saturating_sub(lines) / 2;
    let rect = Rect::new(area.x, area.y + top, area.width, area.height - top);
    frame.render_widget(
        Paragraph::new(Line::styled(text, theme.title))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// Roughly how many lines text wraps to at a width (for vertical centring only).
fn textwrap_height(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    u16::try_from(crate::text::width(text).div_ceil(width)).unwrap_or(u16::MAX)
}
