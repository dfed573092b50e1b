//! Small pieces every panel draws with: a fixed-width column, a source's line, a freshness
//! line, a short countdown. Panels import these (and the theme), never each other, so the view
//! has no import cycle: `list.rs` and `detail.rs` call down into the panels, and the panels call
//! down into this module.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::freshness::Freshness;
use crate::text::{clean_line, pad, truncate};
use crate::tui::app::App;
use crate::wording::countdown;

/// Text in a fixed-width column, left-aligned and cut with "…" when too long.
pub(crate) fn column(text: &str, columns: usize, style: Style) -> Span<'static> {
    Span::styled(pad(&truncate(text, columns), columns), style)
}

pub(crate) fn source_line(app: &App, id: &str, theme: &Theme) -> Line<'static> {
    match app.template.source(id) {
        Some(source) => {
            let freshness = Freshness::of_source(&app.template, source, app.today);
            let status = match freshness.mark() {
                Some(mark) => {
                    Span::styled(format!("{}, {mark}", source.kind.label()), theme.warning)
                }
                None => Span::raw(format!(
                    "{}, checked {}",
                    source.kind.label(),
                    source.checked
                )),
            };
            Line::from(vec![
                Span::raw(format!(
                    "• {} — {} ({}, ",
                    clean_line(&source.title),
                    clean_line(&source.publisher),
                    clean_line(&source.season),
                )),
                status,
                Span::raw(") "),
                Span::styled(clean_line(&source.url), theme.dim),
            ])
        }
        None => Line::raw(format!("• {}", clean_line(id))),
    }
}

/// "Sources checked 2026-11-30", or the re-check mark in the warning colour.
pub(crate) fn freshness_line(
    app: &App,
    sources: &[String],
    theme: &Theme,
) -> Option<Line<'static>> {
    let freshness = Freshness::of(&app.template, sources, app.today)?;
    let style = if freshness.stale {
        theme.warning
    } else {
        theme.dim
    };
    Some(Line::styled(freshness.describe(), style))
}

/// "the ERAS season opens" → "The ERAS season opens".
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The list's countdown, the same short form on every row: "today", "in 4 d", "12 d late".
pub(crate) fn compact_countdown(days: i64) -> String {
    match days {
        0 => "today".to_owned(),
        // Past 999 days the space goes, so the countdown keeps to its 10 columns.
        d if d < -999 => format!("{}d late", -d),
        d if d < 0 => format!("{} d late", -d),
        d => format!("in {d} d"),
    }
}

/// A countdown that fits its column: "in 12 days", "3 days overdue" when there is room, else
/// "in 12 d", "3 d late", and "1452d late" in the narrowest.
pub(crate) fn short_countdown(days: i64, columns: usize) -> String {
    let long = countdown(days);
    if crate::text::width(&long) <= columns {
        return long;
    }
    let short = if days < 0 {
        format!("{} d late", -days)
    } else {
        format!("in {days} d")
    };
    if crate::text::width(&short) <= columns {
        short
    } else if days < 0 {
        format!("{}d late", -days)
    } else {
        format!("in {days}d")
    }
}
