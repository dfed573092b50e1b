//! The `?` overlay: every key, drawn from the keymap table, plus what the glyphs and date
//! labels mean.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::theme::Theme;
use crate::text::pad;
use crate::tui::app::App;
use crate::tui::keymap::{self, KeyContext};
use crate::tui::selection::offers;

const CONTEXTS: [KeyContext; 5] = [
    KeyContext::Normal,
    KeyContext::Text,
    KeyContext::Form,
    KeyContext::Confirm,
    KeyContext::Help,
];

/// The overlay's lines. The planner's keys are those that do something on the selected row
/// (the same rule as the footer's).
pub(crate) fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let panel = app.current_panel();
    let selection = app.selection();
    let mut lines = Vec::new();
    for context in CONTEXTS {
        lines.push(Line::styled(context.title().to_owned(), theme.heading));
        let mut hidden = false;
        for binding in keymap::help_entries(context) {
            if context == KeyContext::Normal && !offers(panel, &selection, binding.command) {
                hidden = true;
                continue;
            }
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(binding.label, 14)), theme.key),
                Span::raw(binding.help.to_owned()),
            ]));
        }
        if hidden {
            lines.push(Line::styled(
                "  More keys act on tasks, programs and rotations: select one to see them.",
                theme.dim,
            ));
        }
        if context == KeyContext::Form {
            lines.push(Line::styled(
                "  Its text fields edit with the text-field keys above.",
                theme.dim,
            ));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("Signs", theme.heading));
    for (sign, meaning) in [
        ("[ ] [~] [x] [-]", "todo, doing, done, skipped"),
        ("!", "overdue (an open task past its date)"),
        ("•", "due within 14 days"),
        (
            "published",
            "a date in the official calendar of this season",
        ),
        (
            "estimated",
            "computed from the pattern of past seasons: check the source",
        ),
        (
            "planned (…)",
            "a task's date counted from a season date, whose origin is in brackets",
        ),
        ("yours", "a date you set (d); empty returns to the rule"),
        (
            "! / i (Visa)",
            "a rule that names your citizenship / an exception or limit to know",
        ),
        (
            "confirm",
            "\"checked N months ago: confirm\": the fact's sources are due for a re-check",
        ),
        ("+ Title", "a task you added (a); x deletes it"),
    ] {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", pad(sign, 16)), theme.key),
            Span::raw(meaning),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Every change is saved at once; u undoes it. p also sets your citizenship and whether you are in the US: visa rules name nationalities.",
        theme.dim,
    ));
    lines
}

fn area_for(screen: Rect) -> Rect {
    screen.inner(Margin::new((screen.width.saturating_sub(92) / 2).max(1), 1))
}

/// How far the overlay can scroll at the app's terminal size.
pub(crate) fn max_scroll(app: &App) -> u16 {
    let area = area_for(Rect::new(0, 0, app.screen.width, app.screen.height));
    let visible = area.height.saturating_sub(2);
    let total = u16::try_from(lines(app, &Theme::colour()).len()).unwrap_or(u16::MAX);
    total.saturating_sub(visible)
}

pub(crate) fn render(app: &App, scroll: u16, frame: &mut Frame, screen: Rect, theme: &Theme) {
    let area = area_for(screen);
    let scroll = scroll.min(max_scroll(app));
    let max = max_scroll(app);
    let more = match (scroll > 0, scroll < max) {
        (_, true) => " · more below ↓ ",
        (true, false) => " · end ",
        (false, false) => " ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(" Help · j/k scroll · ? or Esc closes ")
        .title_bottom(more);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(app, theme))
            .block(block)
            .scroll((scroll, 0)),
        area,
    );
}
