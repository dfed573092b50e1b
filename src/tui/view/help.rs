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
pub(crate) fn lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
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
            lines.extend(hanging(binding.label, 14, binding.help, width, theme));
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
        lines.extend(hanging(sign, 16, meaning, width, theme));
    }
    lines.push(Line::raw(""));
    for part in crate::text::wrap(
        "Every change is saved at once; u undoes it. p also sets your citizenship and whether you are in the US: visa rules name nationalities.",
        width.max(20),
    ) {
        lines.push(Line::styled(part, theme.dim));
    }
    lines.push(Line::raw(""));
    lines.extend(glossary_lines(app, theme, width));
    lines
}

/// A key or sign in `columns` columns, then its meaning wrapped under itself: a help line is
/// never cut, however narrow the screen.
fn hanging(
    label: &str,
    columns: usize,
    meaning: &str,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(columns + 2).max(20);
    crate::text::wrap(meaning, room)
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let label = if i == 0 { label } else { "" };
            Line::from(vec![
                Span::styled(format!("  {}", pad(label, columns)), theme.key),
                Span::raw(part),
            ])
        })
        .collect()
}

/// The heading the glossary starts with (`t` scrolls the help to it).
const GLOSSARY_HEADING: &str = "Glossary: every term the planner uses, with its source";

/// Columns of the term before its meaning.
const TERM_COLUMNS: usize = 18;

/// Each term with its one-line meaning, wrapped under itself, and where the line comes from.
fn glossary_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let glossary = crate::glossary::Glossary::embedded();
    let mut lines = vec![Line::styled(GLOSSARY_HEADING, theme.heading)];
    let room = width.saturating_sub(TERM_COLUMNS + 2).max(20);
    for term in &glossary.terms {
        let origin = if term.planner {
            "(a word of this planner)".to_owned()
        } else if let Some(note) = &term.note {
            format!("({note})")
        } else {
            let publishers: Vec<String> = term
                .sources
                .iter()
                .filter_map(|id| glossary.source(&app.template, id))
                .map(|s| crate::text::clean_line(&s.publisher))
                .fold(Vec::new(), |mut seen, p| {
                    if !seen.contains(&p) {
                        seen.push(p);
                    }
                    seen
                });
            format!("— {}", publishers.join(", "))
        };
        let text = format!("{} {origin}", crate::text::clean_line(&term.meaning));
        for (i, part) in crate::text::wrap(&text, room).into_iter().enumerate() {
            let label = if i == 0 { term.term.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", pad(label, TERM_COLUMNS)), theme.key),
                Span::raw(part),
            ]));
        }
    }
    lines
}

/// The help's scroll position that shows the glossary first.
pub(crate) fn glossary_scroll(app: &App) -> u16 {
    let width = text_width(Rect::new(0, 0, app.screen.width, app.screen.height));
    let at = lines(app, &Theme::colour(), width)
        .iter()
        .position(|line| {
            line.spans
                .first()
                .is_some_and(|span| span.content == GLOSSARY_HEADING)
        })
        .unwrap_or(0);
    u16::try_from(at).unwrap_or(u16::MAX).min(max_scroll(app))
}

/// Columns inside the overlay's border.
fn text_width(screen: Rect) -> usize {
    usize::from(area_for(screen).width.saturating_sub(2))
}

fn area_for(screen: Rect) -> Rect {
    screen.inner(Margin::new((screen.width.saturating_sub(92) / 2).max(1), 1))
}

/// How far the overlay can scroll at the app's terminal size.
pub(crate) fn max_scroll(app: &App) -> u16 {
    let area = area_for(Rect::new(0, 0, app.screen.width, app.screen.height));
    let visible = area.height.saturating_sub(2);
    let width = usize::from(area.width.saturating_sub(2));
    let total = u16::try_from(lines(app, &Theme::colour(), width).len()).unwrap_or(u16::MAX);
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
        .title(" Help · j/k scroll · t glossary · ? or Esc closes ")
        .title_bottom(more);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(app, theme, text_width(screen)))
            .block(block)
            .scroll((scroll, 0)),
        area,
    );
}
