//! The panels as a one-line tab bar, for screens too narrow to give them a side list: the view
//! draws these items and a mouse click is read against the same positions.

use super::app::{App, Panel};
use crate::text::width;

/// One tab: the panel's index, its text and the column it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tab {
    pub panel: usize,
    pub text: String,
    pub x: u16,
}

/// The tabs that fit in `columns`: every name when they fit; else the current panel's name and
/// the others by key digit and a short name; else digits only around the current one.
pub(crate) fn tabs(app: &App, columns: u16) -> Vec<Tab> {
    let names: Vec<(usize, String)> = app
        .panels()
        .into_iter()
        .enumerate()
        .map(|(index, panel)| (index, name(app, panel)))
        .collect();
    let digit = |index: usize| match index {
        0..=8 => (index + 1).to_string(),
        9 => "0".to_owned(),
        _ => "·".to_owned(),
    };
    let current = app.screen.panel;
    // Three ways to name a tab, from the most to the least room they need.
    let label = |style: usize, index: usize, name: &str| {
        let cut: String = name.chars().take(3).collect();
        match style {
            _ if index == current || style == 0 => format!("{} {name}", digit(index)),
            1 => format!("{} {cut}", digit(index)),
            _ => digit(index),
        }
    };
    let mut best = Vec::new();
    for style in 0..3 {
        best = place(names.iter().map(|(i, n)| (*i, label(style, *i, n))));
        if best
            .last()
            .is_none_or(|tab: &Tab| usize::from(tab.x) + width(&tab.text) < usize::from(columns))
        {
            return best;
        }
    }
    best.retain(|tab| usize::from(tab.x) + width(&tab.text) < usize::from(columns));
    best
}

/// Lays tabs out from column 1, two spaces apart.
fn place(items: impl Iterator<Item = (usize, String)>) -> Vec<Tab> {
    let mut x = 1u16;
    items
        .map(|(panel, text)| {
            let tab = Tab { panel, text, x };
            x = x.saturating_add(u16::try_from(width(&tab.text) + 2).unwrap_or(u16::MAX));
            tab
        })
        .collect()
}

/// A panel's name in the tab bar; the Agenda carries its overdue count.
fn name(app: &App, panel: Panel) -> String {
    match panel {
        Panel::Overview => "Overview".to_owned(),
        Panel::Stage(stage) => app
            .session
            .snapshot
            .progress
            .get(stage)
            .map_or_else(String::new, |p| p.short.clone()),
        Panel::Programs => "Programs".to_owned(),
        Panel::Agenda => match app.session.snapshot.overdue.len() {
            0 => "Agenda".to_owned(),
            n => format!("Agenda {n}!"),
        },
        Panel::Timeline | Panel::Budget | Panel::Letters | Panel::Scores => {
            super::view::later::sidebar_entry(app, panel).0
        }
    }
}

/// The panel whose tab is at a column, if any.
pub(crate) fn at(app: &App, columns: u16, x: u16) -> Option<usize> {
    tabs(app, columns)
        .into_iter()
        .find(|tab| x >= tab.x && usize::from(x) < usize::from(tab.x) + width(&tab.text))
        .map(|tab| tab.panel)
}
