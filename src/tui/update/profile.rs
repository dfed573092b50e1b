//! The profile form: an ordinary [`Form`] read into a core [`crate::rules::ProfileChange`] and
//! applied by [`crate::plan::Plan::apply_profile`], which keeps the core's rules.

use super::forms::{open_form, reject};
use super::history::change;
use crate::journey::Anchor;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode};
use crate::tui::form::Form;

/// `p`: the profile form, filled from the plan.
pub(super) fn open(app: &mut App) {
    let form = Form::profile(&app.session.plan);
    open_form(app, form);
}

/// Enter on the profile form: the whole profile changes, or the field at fault is named.
pub(super) fn submit_form(app: &mut App, form: &Form) -> Vec<Effect> {
    let profile = match form.to_profile() {
        Ok(profile) => profile,
        Err((key, error)) => return reject(app, key, error),
    };
    if let Err(error) = crate::rules::graduation(profile.graduation, app.today) {
        // The date may well be right; the toggle is what must change.
        return reject(
            app,
            crate::tui::form::Key::GraduationExpected,
            error.to_string(),
        );
    }
    app.screen.mode = Mode::Normal;
    let match_day = crate::calendar::SeasonCalendar::compute(
        &app.template,
        profile.match_year,
        &app.session.plan.calendar,
        profile.graduation.map(|g| g.date),
    )
    .get(Anchor::MatchDay)
    .map(|d| d.date);
    let past = match_day
        .filter(|day| *day < app.today)
        .map(|day| format!(" (that Match was on {day}: every date in it is behind you)"))
        .unwrap_or_default();
    let what = format!(
        "Profile: {} Match, visa {}, {}; dates follow{past}",
        profile.match_year,
        profile.visa,
        profile.category.label()
    );
    change(app, what, |plan, _| {
        plan.apply_profile(profile)
            .map_err(|(_, error)| error.into())
    })
}

/// While the graduation date is typed, "Graduation is" follows it: a day already past is a
/// graduation done (it cannot still be expected), a day ahead one expected. A day that does not
/// read yet (half typed) leaves the toggle alone.
pub(super) fn follow_graduation(form: &mut Form, today: chrono::NaiveDate) {
    use crate::tui::form::{FieldValue, FormPurpose, Key};
    if !matches!(form.purpose, FormPurpose::Profile)
        || form.field().map(|f| f.key) != Some(Key::Graduation)
    {
        return;
    }
    let Ok(Some(date)) = crate::tui::form::optional_date(&form.text_of(Key::Graduation)) else {
        return;
    };
    // Index 0 is "expected", 1 "done (diploma in hand)".
    let wanted = match date.cmp(&today) {
        std::cmp::Ordering::Less => 1,
        std::cmp::Ordering::Greater => 0,
        std::cmp::Ordering::Equal => return,
    };
    if let Some(field) = form
        .fields
        .iter_mut()
        .find(|f| f.key == Key::GraduationExpected)
        && let FieldValue::Choice { index, .. } = &mut field.value
    {
        *index = wanted;
    }
}
