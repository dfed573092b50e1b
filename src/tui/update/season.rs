//! Season dates: the user's own date for a season anchor, or back to the published one.

use chrono::NaiveDate;

use super::history::change;
use super::text::{open_field, optional_date, reject};
use crate::journey::Anchor;
use crate::plan::Plan;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, TextPurpose};

/// `d` or Enter on a season date: a field with the date as it is now.
pub(super) fn edit(app: &mut App, anchor: Anchor) {
    let current = app
        .session
        .snapshot
        .calendar
        .get(anchor)
        .map(|d| d.date.to_string());
    open_field(
        app,
        TextPurpose::SeasonDate { anchor },
        current.unwrap_or_default(),
    );
}

pub(super) fn submit(app: &mut App, anchor: Anchor, value: &str) -> Vec<Effect> {
    let label = app.template.anchor_title(anchor).to_owned();
    let date = match optional_date(value) {
        Ok(date) => date,
        Err(err) => return reject(app, err),
    };
    app.screen.mode = Mode::Normal;
    let what = match date {
        Some(date) => format!("Your date for {label}: {date}; task dates follow"),
        None => format!("Back to the published or estimated date for {label}"),
    };
    change(app, what, |plan, _| {
        set_season_date(plan, anchor, date);
        Ok(())
    })
}

fn set_season_date(plan: &mut Plan, anchor: Anchor, date: Option<NaiveDate>) {
    match date {
        Some(date) => {
            plan.calendar.insert(anchor, date);
        }
        None => {
            plan.calendar.remove(&anchor);
        }
    }
}
