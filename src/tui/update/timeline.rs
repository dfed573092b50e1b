//! The timeline's month scrolling (`[` and `]`): the window moves a month, and a selection
//! left outside it moves to the nearest mark inside, so the selected mark is always in view.

use super::navigation::select;
use crate::tui::app::App;
use crate::tui::view::timeline::{build, month_columns};

pub(super) fn scroll(app: &mut App, later: bool) {
    let timeline = build(app);
    let (width, month_width) = month_columns(app);
    let selected = Some(app.cursor().selected).filter(|i| *i < timeline.marks.len());
    let grid = timeline.grid(app.screen.timeline_scroll, width, month_width, selected);
    let first = if later {
        grid.first_month + 1
    } else {
        grid.first_month.saturating_sub(1)
    };
    let first = first.min(timeline.months.saturating_sub(grid.visible_months));
    app.screen.timeline_scroll = first;
    let in_view = |month: u32| month >= first && month < first + grid.visible_months;
    let selected_month = selected
        .and_then(|i| timeline.marks.get(i))
        .map(|m| timeline.month_of(m.date));
    if selected_month.is_some_and(in_view) {
        return;
    }
    let target = if later {
        timeline
            .marks
            .iter()
            .position(|m| in_view(timeline.month_of(m.date)))
    } else {
        timeline
            .marks
            .iter()
            .rposition(|m| in_view(timeline.month_of(m.date)))
    };
    if let Some(index) = target {
        select(app, index);
    }
}
