//! The profile form: the profile's fields, filled from the plan, read into a core
//! [`ProfileChange`] and checked by the core's rules ([`crate::rules::profile`]) on Enter.

use super::*;
use crate::journey::VisaChoice;
use crate::plan::{ApplicantCategory, Graduation, Plan};
use crate::rules::{self, ProfileChange, ProfileField};

const CATEGORIES: [ApplicantCategory; 2] = [
    ApplicantCategory::NonUsCitizenImg,
    ApplicantCategory::UsCitizenImg,
];

/// Graduation is: expected (index 0) or done.
const GRADUATION: [&str; 2] = ["expected", "done (diploma in hand)"];

const IN_US: [Option<bool>; 3] = [None, Some(true), Some(false)];

fn in_us_label(in_us: Option<bool>) -> &'static str {
    match in_us {
        Some(true) => "yes",
        Some(false) => "no (abroad)",
        None => "not said",
    }
}

/// Who applies to which Match: name, year, visa, category, specialty.
fn profile_season(plan: &Plan) -> Vec<FormField> {
    let profile = &plan.profile;
    vec![
        text(
            Key::Name,
            "Name",
            "Optional.",
            or_empty(profile.name.as_ref()),
        ),
        text(
            Key::MatchYear,
            "Target Match year",
            "The Match you apply to; every season date follows it.",
            &profile.match_year.to_string(),
        ),
        choice(
            Key::Visa,
            "Visa",
            "J-1 (ECFMG sponsors) or H-1B (the program sponsors; needs Step 3).",
            VisaChoice::ALL.iter().map(|v| v.label()).collect(),
            position(&VisaChoice::ALL, &profile.visa),
        ),
        choice(
            Key::Category,
            "NRMP category",
            "The NRMP counts green-card holders as non-US-citizen IMGs.",
            CATEGORIES.iter().map(|c| c.label()).collect(),
            position(&CATEGORIES, &profile.category),
        ),
        text(
            Key::Specialty,
            "Specialty",
            "Optional.",
            or_empty(profile.specialty.as_ref()),
        ),
    ]
}

/// Where the applicant stands: graduation, score, letters, passports, whereabouts.
fn profile_standing(plan: &Plan) -> Vec<FormField> {
    let profile = &plan.profile;
    let graduation = profile.graduation.map(|g| g.date.to_string());
    let expected = profile.graduation.is_none_or(|g| g.expected);
    vec![
        text(
            Key::Graduation,
            "Graduation date",
            "YYYY-MM-DD, M/D/YYYY or D Mon YYYY; empty if you do not know yet.",
            or_empty(graduation.as_ref()),
        ),
        choice(
            Key::GraduationExpected,
            "Graduation is",
            "Diploma verification and Step 3 timing follow it.",
            GRADUATION.to_vec(),
            usize::from(!expected),
        ),
        text(
            Key::Step2Score,
            "Step 2 CK score",
            "Compared with programs' minimums; empty if not yet taken.",
            &number_text(profile.step2_score),
        ),
        text(
            Key::LetterTarget,
            "Letters to aim for",
            "Empty uses the default (3).",
            &number_text(plan.letter_target),
        ),
        text(
            Key::Citizenship,
            "Citizenship",
            "Every passport you hold (NG, GB or names): entry rules name nationalities.",
            &profile.citizenship.join(", "),
        ),
        choice(
            Key::InUs,
            "In the US now",
            "Entry restrictions and the H-1B payment apply to people outside the US.",
            IN_US.iter().map(|v| in_us_label(*v)).collect(),
            position(&IN_US, &profile.in_us),
        ),
    ]
}

impl Form {
    /// The profile form, filled from the plan.
    pub fn profile(plan: &Plan) -> Form {
        Form {
            purpose: FormPurpose::Profile,
            title: " Profile · dates follow the Match year ".to_owned(),
            fields: [profile_season(plan), profile_standing(plan)].concat(),
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the profile form into a change the core's rules accept; a field that does not read,
    /// or breaks a rule, is named with the reason.
    pub fn to_profile(&self) -> Result<ProfileChange, FieldError> {
        let year_text = self.text_of(Key::MatchYear);
        let match_year = year_text.parse::<i32>().map_err(|_| {
            (
                Key::MatchYear,
                format!(
                    "{:?} is not a year: type the Match year, e.g. 2028",
                    crate::text::clean_line(&year_text)
                ),
            )
        })?;
        rules::match_year(match_year).map_err(|_| self.broken(ProfileField::MatchYear))?;
        let graduation = optional_date(&self.text_of(Key::Graduation))
            .map_err(|err| (Key::Graduation, err))?
            .map(|date| Graduation {
                date,
                expected: self.index_of(Key::GraduationExpected) == 0,
            });
        let name = self.checked(Key::Name, crate::plan::MAX_TITLE_CHARS, "the name")?;
        let specialty = self.checked(
            Key::Specialty,
            crate::plan::MAX_TITLE_CHARS,
            "the specialty",
        )?;
        let step2_score = self
            .number(Key::Step2Score, "")
            .map_err(|_| self.broken(ProfileField::Step2Score))?;
        rules::step2_score(step2_score).map_err(|_| self.broken(ProfileField::Step2Score))?;
        let letter_target = self
            .number(Key::LetterTarget, "")
            .map_err(|_| self.broken(ProfileField::LetterTarget))?;
        rules::letter_target(letter_target).map_err(|_| self.broken(ProfileField::LetterTarget))?;
        let citizenship = crate::situation::parse_citizenship(&self.text_of(Key::Citizenship))
            .map_err(|err| (Key::Citizenship, err))?;
        let change = ProfileChange {
            name,
            match_year,
            visa: VisaChoice::ALL
                .get(self.index_of(Key::Visa))
                .copied()
                .unwrap_or(VisaChoice::ALL[0]),
            category: CATEGORIES[self.index_of(Key::Category).min(1)],
            specialty,
            graduation,
            step2_score,
            letter_target,
            citizenship,
            in_us: IN_US.get(self.index_of(Key::InUs)).copied().flatten(),
        };
        rules::profile(&change).map_err(|(field, _)| self.broken(field))?;
        Ok(change)
    }

    /// The field a broken rule (or a number that does not read) is about, and why, in the
    /// planner's words.
    fn broken(&self, field: ProfileField) -> FieldError {
        match field {
            ProfileField::MatchYear => (
                Key::MatchYear,
                format!(
                    "the Match year must be within {}–{}",
                    MATCH_YEARS.start(),
                    MATCH_YEARS.end()
                ),
            ),
            ProfileField::Step2Score => (
                Key::Step2Score,
                format!(
                    "{:?} is not a Step 2 CK score: a whole number up to 300, or empty",
                    crate::text::clean_line(&self.text_of(Key::Step2Score))
                ),
            ),
            ProfileField::LetterTarget => (
                Key::LetterTarget,
                format!(
                    "{:?} is not a number of letters (1-{}); empty uses the default",
                    crate::text::clean_line(&self.text_of(Key::LetterTarget)),
                    rules::MAX_LETTER_TARGET
                ),
            ),
        }
    }
}
