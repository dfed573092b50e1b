//! The side-list entries of the panels after the agenda (budget, timeline, letters, practice
//! scores): their names and the figure beside each, in one place so the side list itself needs
//! one line for all of them.

use crate::tui::app::{App, Panel};

/// The name and the figure of a later panel in the side list.
pub(crate) fn sidebar_entry(app: &App, panel: Panel) -> (String, String) {
    match panel {
        Panel::Timeline => {
            let timeline = super::timeline::build(app);
            let months = timeline.months_to_residency();
            (
                "Timeline".to_owned(),
                months.map(|m| format!("{m}mo")).unwrap_or_default(),
            )
        }
        Panel::Budget => {
            let view = crate::budget::compute(&app.template, &app.session.plan);
            ("Budget".to_owned(), short_dollars(view.planned.0))
        }
        Panel::Letters => {
            let totals = crate::letters::LetterTotals::of(&app.template, &app.session.plan);
            (
                "Letters".to_owned(),
                format!("{}/{}", totals.uploaded, totals.target),
            )
        }
        Panel::Scores => {
            let last = app
                .session
                .plan
                .practice
                .exams
                .last()
                .map(|e| e.score.to_string())
                .unwrap_or_default();
            ("Scores".to_owned(), last)
        }
        _ => (String::new(), String::new()),
    }
}

/// "$2.4k", "$104k", "$950": a figure that fits beside a name.
fn short_dollars(cents: u64) -> String {
    let dollars = cents / 100;
    if dollars >= 10_000 {
        format!("${}k", dollars / 1000)
    } else if dollars >= 1000 {
        format!("${}.{}k", dollars / 1000, (dollars % 1000) / 100)
    } else {
        format!("${dollars}")
    }
}
