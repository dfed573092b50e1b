//! Where everything goes on the screen. Pure geometry, shared: the view draws with it, and
//! `update` and the model use the same numbers for paging, scrolling and mouse clicks, so the
//! model never depends on the view.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this size the planner shows one "terminal too small" message instead of a layout.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 16;

/// From this width the detail pane sits beside the list instead of under it.
const SIDE_BY_SIDE_WIDTH: u16 = 110;

/// From this width the panels are listed down the left side; below it they fold into a one-line
/// tab bar under the header, so the list keeps its width for whole titles.
const SIDEBAR_WIDTH_FROM: u16 = 160;

/// The side list's width: "8 Residency 0/5" and "1 Overview 100%" with their border.
const SIDEBAR_COLUMNS: u16 = 17;

/// The narrowest detail pane beside the list: below this its lines are too short to read.
const DETAIL_MIN_COLUMNS: u16 = 34;

/// Which of the list and the details has the body (`z` cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Zoom {
    /// Both, the list sized for whole titles and the details taking the rest.
    #[default]
    Both,
    /// The list has the whole width: every title whole, every column.
    List,
    /// The details have the whole width: long text and addresses on fewer lines.
    Details,
}

impl Zoom {
    /// The next in `z`'s cycle.
    pub fn next(self) -> Zoom {
        match self {
            Zoom::Both => Zoom::List,
            Zoom::List => Zoom::Details,
            Zoom::Details => Zoom::Both,
        }
    }

    /// What the status line says after `z`.
    pub fn describe(self) -> &'static str {
        match self {
            Zoom::Both => "List and details side by side (z gives the list the whole width)",
            Zoom::List => "The list has the whole width (z: the details; z again: both)",
            Zoom::Details => "The details have the whole width (z: both again)",
        }
    }
}

/// The regions of the planner's screen. `sidebar` or `tabs` is empty (zero-sized) depending
/// on the width; `list` or `detail` is empty when the other has the whole body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    pub sidebar: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    /// The layout for a screen with both panes, or `None` when the screen is too small.
    #[cfg(test)]
    pub(crate) fn compute(area: Rect) -> Option<Areas> {
        Areas::fitted(area, Zoom::Both, None)
    }

    /// The layout for a screen: `zoom` says which pane has the body; `wanted` is how many
    /// columns the list's rows need to be whole (the details get the rest, at least
    /// [`DETAIL_MIN_COLUMNS`]); `None` splits the body evenly.
    pub(crate) fn fitted(area: Rect, zoom: Zoom, wanted: Option<u16>) -> Option<Areas> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let with_sidebar = area.width >= SIDEBAR_WIDTH_FROM;
        let [header, tabs, body, status, footer] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(u16::from(!with_sidebar)),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let [sidebar, main] = body.layout(&Layout::horizontal([
            Constraint::Length(if with_sidebar { SIDEBAR_COLUMNS } else { 0 }),
            Constraint::Fill(1),
        ]));
        let [list, detail] = match zoom {
            Zoom::List => [main, Rect::new(main.right(), main.y, 0, main.height)],
            Zoom::Details => [Rect::new(main.x, main.y, 0, main.height), main],
            Zoom::Both => split(main, wanted),
        };
        Some(Areas {
            header,
            tabs,
            sidebar,
            list,
            detail,
            status,
            footer,
        })
    }

    /// Inside the side list's border: one panel per line.
    pub(crate) fn sidebar_inner(&self) -> Rect {
        self.sidebar.inner(Margin::new(1, 1))
    }

    /// Inside the list's border: one row per line.
    pub(crate) fn list_inner(&self) -> Rect {
        self.list.inner(Margin::new(1, 1))
    }
}

/// The body split between list and details: side by side when wide enough (the list as wide as
/// its rows want, the details the rest), else the details under the list.
fn split(main: Rect, wanted: Option<u16>) -> [Rect; 2] {
    if main.width >= SIDE_BY_SIDE_WIDTH {
        let most = main.width.saturating_sub(DETAIL_MIN_COLUMNS);
        let least = main.width / 2;
        let list_width = wanted
            .map_or(main.width * 3 / 5, |w| w.saturating_add(2))
            .clamp(least, most.max(least));
        main.layout(&Layout::horizontal([
            Constraint::Length(list_width),
            Constraint::Fill(1),
        ]))
    } else {
        let detail_height = (main.height / 3).clamp(6, 12);
        main.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(detail_height),
        ]))
    }
}

/// How many rows the panel list shows at a terminal size (at least 1).
pub(crate) fn list_rows(width: u16, height: u16, zoom: Zoom) -> usize {
    Areas::fitted(Rect::new(0, 0, width, height), zoom, None)
        .map_or(1, |areas| usize::from(areas.list_inner().height).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_fit_inside_the_screen() {
        for (w, h) in [(60, 16), (80, 24), (120, 40), (300, 100)] {
            let screen = Rect::new(0, 0, w, h);
            let areas = Areas::compute(screen).expect("big enough");
            for rect in [
                areas.header,
                areas.tabs,
                areas.sidebar,
                areas.list,
                areas.detail,
                areas.status,
                areas.footer,
            ] {
                assert_eq!(rect.intersection(screen), rect, "{w}x{h}: {rect:?}");
            }
            assert!(areas.list_inner().height >= 3, "{w}x{h}");
        }
        assert!(Areas::compute(Rect::new(0, 0, 59, 40)).is_none());
        assert!(Areas::compute(Rect::new(0, 0, 120, 15)).is_none());
    }

    #[test]
    fn the_list_gets_the_columns_its_rows_want_and_the_details_the_rest() {
        let screen = Rect::new(0, 0, 120, 40);
        let areas = Areas::fitted(screen, Zoom::Both, Some(80)).expect("layout");
        assert_eq!(areas.list.width, 82);
        assert_eq!(areas.detail.width, 38);
        assert_eq!(areas.sidebar.width, 0, "panels fold into the tab bar");
        assert_eq!(areas.tabs.height, 1);
        // The details never go below their minimum beside the list.
        let areas = Areas::fitted(screen, Zoom::Both, Some(200)).expect("layout");
        assert_eq!(areas.detail.width, DETAIL_MIN_COLUMNS);
        // Zoomed, one pane has the whole body.
        let areas = Areas::fitted(screen, Zoom::List, Some(80)).expect("layout");
        assert_eq!((areas.list.width, areas.detail.width), (120, 0));
        let areas = Areas::fitted(screen, Zoom::Details, None).expect("layout");
        assert_eq!((areas.list.width, areas.detail.width), (0, 120));
        // Wide screens keep the side list; at 100 columns the details go under the list.
        let wide = Areas::fitted(Rect::new(0, 0, 200, 60), Zoom::Both, None).expect("layout");
        assert_eq!(wide.sidebar.width, SIDEBAR_COLUMNS);
        let narrow = Areas::compute(Rect::new(0, 0, 100, 30)).expect("layout");
        assert_eq!(narrow.list.width, 100);
        assert!(narrow.detail.y > narrow.list.y);
    }
}
