//! Where everything goes on the screen. Pure geometry, shared: the view draws with it, and
//! `update` and the model use the same numbers for paging, scrolling and mouse clicks, so the
//! model never depends on the view.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this size the planner shows one "terminal too small" message instead of a layout.
pub(crate) const MIN_WIDTH: u16 = 60;
pub(crate) const MIN_HEIGHT: u16 = 16;

/// From this width the detail pane sits beside the list instead of under it.
const SIDE_BY_SIDE_WIDTH: u16 = 110;

/// The regions of the planner's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Areas {
    pub header: Rect,
    pub sidebar: Rect,
    pub list: Rect,
    pub detail: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Areas {
    /// The layout for a screen, or `None` when the screen is too small for one.
    pub(crate) fn compute(area: Rect) -> Option<Areas> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let [header, body, status, footer] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        let sidebar_width = if area.width >= 100 { 22 } else { 18 };
        let [sidebar, main] = body.layout(&Layout::horizontal([
            Constraint::Length(sidebar_width),
            Constraint::Fill(1),
        ]));
        let [list, detail] = if area.width >= SIDE_BY_SIDE_WIDTH {
            main.layout(&Layout::horizontal([
                Constraint::Percentage(62),
                Constraint::Fill(1),
            ]))
        } else {
            let detail_height = (main.height / 3).clamp(6, 12);
            main.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(detail_height),
            ]))
        };
        Some(Areas {
            header,
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

/// How many rows the panel list shows at a terminal size (at least 1).
pub(crate) fn list_rows(width: u16, height: u16) -> usize {
    Areas::compute(Rect::new(0, 0, width, height))
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
}
