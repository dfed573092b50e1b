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

/// How a tab bar names the tabs other than the current one, from the most room to the least:
/// the letters kept of each name (`None`: the whole name) and the spaces between tabs.
const SHORTENINGS: [(Option<usize>, usize); 4] =
    [(None, 2), (Some(3), 2), (Some(3), 1), (Some(2), 1)];

/// The tabs that fit in `columns`. The current panel always shows its whole name; the others
/// shorten step by step so each keeps a recognisable name: the whole name, then three letters
/// ("2 ECF"), then three letters one space apart, then two ("2 EC", which fits all fourteen tabs
/// in 80 columns). Only a screen narrower than that shows bare key digits.
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
    let label = |letters: Option<usize>, index: usize, name: &str| match letters {
        _ if index == current => format!("{} {name}", digit(index)),
        None => format!("{} {name}", digit(index)),
        Some(0) => digit(index),
        Some(letters) => format!("{} {}", digit(index), shortened(name, letters)),
    };
    let fits = |tabs: &[Tab]| {
        tabs.last()
            .is_none_or(|tab| usize::from(tab.x) + width(&tab.text) < usize::from(columns))
    };
    for (letters, gap) in SHORTENINGS {
        let tabs = place(names.iter().map(|(i, n)| (*i, label(letters, *i, n))), gap);
        if fits(&tabs) {
            return tabs;
        }
    }
    let mut tabs = place(names.iter().map(|(i, n)| (*i, label(Some(0), *i, n))), 2);
    tabs.retain(|tab| usize::from(tab.x) + width(&tab.text) < usize::from(columns));
    tabs
}

/// A name cut to its first letters, keeping the Agenda's overdue mark ("Ag!").
fn shortened(name: &str, letters: usize) -> String {
    let cut: String = name.chars().take(letters).collect();
    if name.ends_with('!') {
        format!("{cut}!")
    } else {
        cut
    }
}

/// Lays tabs out from column 1, `gap` spaces apart.
fn place(items: impl Iterator<Item = (usize, String)>, gap: usize) -> Vec<Tab> {
    let mut x = 1u16;
    items
        .map(|(panel, text)| {
            let tab = Tab { panel, text, x };
            x = x.saturating_add(u16::try_from(width(&tab.text) + gap).unwrap_or(u16::MAX));
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
