//! The agenda panel: every dated task across stages in date order, grouped by month. Its rows
//! come from [`crate::tui::app::App::rows`]; task lines are drawn like the checklist's, with the
//! stage in front of the title.

use crate::tui::app::App;

pub(crate) fn title(app: &App) -> String {
    let dated = app
        .session
        .snapshot
        .tasks
        .iter()
        .filter(|t| t.due.is_some())
        .count();
    let open = app
        .session
        .snapshot
        .tasks
        .iter()
        .filter(|t| t.due.is_some() && !t.status.is_closed())
        .count();
    format!(" Agenda · {dated} dated tasks, {open} open ")
}
