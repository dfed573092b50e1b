//! The profile form.

use tui_input::{Input, InputRequest};

use super::history::change;
use super::text::optional_date;
use crate::calendar::MATCH_YEARS;
use crate::journey::{Anchor, VisaChoice};
use crate::plan::{ApplicantCategory, Graduation, MAX_TITLE_CHARS, checked_field};
use crate::text::clean_line;
use crate::tui::action::{Command, Effect};
use crate::tui::app::{App, Mode, ProfileField, ProfileForm, Tone};

/// `p`: the profile form, filled from the plan.
pub(super) fn open(app: &mut App) {
    app.mode = Mode::Profile(Box::new(ProfileForm::from_plan(&app.plan)));
}

pub(super) fn cycle_choice(form: &mut ProfileForm, forward: bool) {
    let turn = |len: usize, index: usize| {
        if forward {
            (index + 1) % len
        } else {
            (index + len - 1) % len
        }
    };
    match form.field() {
        ProfileField::Visa => {
            let all = VisaChoice::ALL;
            let index = all.iter().position(|v| *v == form.visa).unwrap_or(0);
            form.visa = all[turn(all.len(), index)];
        }
        ProfileField::Category => {
            form.category = match form.category {
                ApplicantCategory::NonUsCitizenImg => ApplicantCategory::UsCitizenImg,
                ApplicantCategory::UsCitizenImg => ApplicantCategory::NonUsCitizenImg,
            };
        }
        ProfileField::GraduationExpected => form.graduation_expected = !form.graduation_expected,
        ProfileField::InUs => {
            let all = [None, Some(true), Some(false)];
            let index = all.iter().position(|v| *v == form.in_us).unwrap_or(0);
            form.in_us = all[turn(all.len(), index)];
        }
        _ => {}
    }
}

pub(super) fn profile(app: &mut App, command: Command) -> Vec<Effect> {
    let Mode::Profile(form) = &mut app.mode else {
        return Vec::new();
    };
    let count = ProfileField::ALL.len();
    match command {
        Command::NextField => form.focus = (form.focus + 1) % count,
        Command::PrevField => form.focus = (form.focus + count - 1) % count,
        Command::NextChoice | Command::PrevChoice => {
            let forward = command == Command::NextChoice;
            let focus = form.field();
            if let Some(input) = form.input_mut(focus) {
                input.handle(if forward {
                    InputRequest::GoToNextChar
                } else {
                    InputRequest::GoToPrevChar
                });
            } else {
                cycle_choice(form, forward);
            }
        }
        Command::Edit(key) => {
            let focus = form.field();
            if let Some(input) = form.input_mut(focus) {
                input.handle(key.request());
            }
            form.error = None;
        }
        Command::Cancel => {
            app.mode = Mode::Normal;
            app.say("Profile unchanged.", Tone::Info);
        }
        Command::Submit => {
            let form = (**form).clone();
            return submit_profile(app, form);
        }
        _ => {}
    }
    Vec::new()
}

/// What the profile form says, read and checked field by field.
struct ProfileChange {
    match_year: i32,
    name: Option<String>,
    specialty: Option<String>,
    graduation: Option<Graduation>,
    step2_score: Option<u16>,
    letter_target: Option<u32>,
    citizenship: Vec<String>,
}

/// A number typed in a field, where empty means none; the cleaned text when it is not a
/// number the core's rule (`valid`) accepts.
fn optional_number<T: std::str::FromStr + Copy>(
    input: &Input,
    valid: impl Fn(T) -> bool,
) -> Result<Option<T>, String> {
    let text = input.value().trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<T>() {
        Ok(value) if valid(value) => Ok(Some(value)),
        _ => Err(clean_line(text)),
    }
}

/// Reads the form; a field that does not read is named with the reason.
fn read(form: &ProfileForm) -> Result<ProfileChange, (ProfileField, String)> {
    let fail = |focus: ProfileField, error: String| Err((focus, error));
    let year_text = form.match_year.value().trim();
    let Ok(match_year) = year_text.parse::<i32>() else {
        return fail(
            ProfileField::MatchYear,
            format!(
                "{:?} is not a year: type the Match year, e.g. 2028",
                clean_line(year_text)
            ),
        );
    };
    if !MATCH_YEARS.contains(&match_year) {
        return fail(
            ProfileField::MatchYear,
            format!(
                "the Match year must be within {}–{}",
                MATCH_YEARS.start(),
                MATCH_YEARS.end()
            ),
        );
    }
    let graduation = match optional_date(form.graduation.value()) {
        Ok(date) => date.map(|date| Graduation {
            date,
            expected: form.graduation_expected,
        }),
        Err(err) => return fail(ProfileField::Graduation, err),
    };
    let optional = |input: &Input, what: &'static str| {
        checked_field(input.value(), MAX_TITLE_CHARS, what)
            .map(|text| (!text.is_empty()).then_some(text))
    };
    let name = match optional(&form.name, "the name") {
        Ok(name) => name,
        Err(err) => return fail(ProfileField::Name, err.to_string()),
    };
    let specialty = match optional(&form.specialty, "the specialty") {
        Ok(specialty) => specialty,
        Err(err) => return fail(ProfileField::Specialty, err.to_string()),
    };
    let step2_score = optional_number(&form.step2_score, |score| {
        crate::rules::step2_score(Some(score)).is_ok()
    })
    .map_err(|text| {
        (
            ProfileField::Step2Score,
            format!("{text:?} is not a Step 2 CK score: a whole number up to 300, or empty"),
        )
    })?;
    let letter_target = optional_number(&form.letter_target, |n| {
        crate::rules::letter_target(Some(n)).is_ok()
    })
    .map_err(|text| {
        (
            ProfileField::LetterTarget,
            format!(
                "{text:?} is not a number of letters (1-{}); empty uses the default",
                crate::rules::MAX_LETTER_TARGET
            ),
        )
    })?;
    let citizenship = match crate::situation::parse_citizenship(form.citizenship.value()) {
        Ok(codes) => codes,
        Err(err) => return fail(ProfileField::Citizenship, err),
    };
    Ok(ProfileChange {
        match_year,
        name,
        specialty,
        graduation,
        step2_score,
        letter_target,
        citizenship,
    })
}

fn submit_profile(app: &mut App, form: ProfileForm) -> Vec<Effect> {
    let fail = |app: &mut App, focus: ProfileField, error: String| {
        if let Mode::Profile(form) = &mut app.mode {
            form.error = Some(clean_line(&error));
            form.focus = ProfileField::ALL
                .iter()
                .position(|f| *f == focus)
                .unwrap_or(0);
        }
        Vec::new()
    };
    let ProfileChange {
        match_year,
        name,
        specialty,
        graduation,
        step2_score,
        letter_target,
        citizenship,
    } = match read(&form) {
        Ok(change) => change,
        Err((focus, error)) => return fail(app, focus, error),
    };
    app.mode = Mode::Normal;
    let match_day = crate::calendar::SeasonCalendar::compute(
        &app.template,
        match_year,
        &app.plan.calendar,
        graduation.map(|g| g.date),
    )
    .get(Anchor::MatchDay)
    .map(|d| d.date);
    let past = match_day
        .filter(|day| *day < app.today)
        .map(|day| format!(" (that Match was on {day}: every date in it is behind you)"))
        .unwrap_or_default();
    let what = format!(
        "Profile: {match_year} Match, visa {}, {}; dates follow{past}",
        form.visa,
        form.category.label()
    );
    change(app, what, |plan, _| {
        plan.set_match_year(match_year)?;
        plan.profile.name = name;
        plan.profile.visa = form.visa;
        plan.profile.category = form.category;
        plan.profile.specialty = specialty;
        plan.profile.graduation = graduation;
        plan.profile.step2_score = step2_score;
        plan.profile.citizenship = citizenship;
        plan.profile.in_us = form.in_us;
        plan.set_letter_target(letter_target)
    })
}
