//! The rules a plan must keep, in one place. A change made in the planner or on the command line
//! is checked by them (through [`crate::plan::Plan`]'s methods), and so is a plan file when it
//! loads ([`check`]), so a hand-edited `step2_score: 999` is refused by `imgplan check` with the
//! same words the planner would use. Front ends only translate what was typed into values.

use chrono::NaiveDate;

use crate::calendar::MATCH_YEARS;
use crate::journey::VisaChoice;
use crate::plan::{ApplicantCategory, Graduation, Plan};
use crate::programs::Program;
use crate::usce::Rotation;

/// Step 2 CK scores the planner accepts (the three-digit scale).
pub const STEP2_SCORES: std::ops::RangeInclusive<u16> = 1..=300;

/// The most letters a target can ask for (ERAS programs take a handful; this only bounds typos).
pub const MAX_LETTER_TARGET: u32 = 20;

/// The longest rotation that is not taken for a typo in a date.
const MAX_ROTATION_DAYS: i64 = 366 * 2;

/// A value that breaks a rule; the message names the field and says why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RuleError {
    #[error("a Step 2 CK score of {0} is not a score (1-300)")]
    Step2Score(u16),
    #[error("the letter target must be between 1 and {MAX_LETTER_TARGET}, not {0}")]
    LetterTarget(u32),
    #[error("a Step 2 CK minimum of {0} is not a score (1-300)")]
    MinStep2Score(u16),
    #[error("a program's priority is 1 (highest) to 5, not {0}")]
    Priority(u8),
    #[error("the rotation ends ({end}) before it starts ({start})")]
    RotationEndsBeforeStart { start: NaiveDate, end: NaiveDate },
    #[error("a rotation longer than two years is probably a typo in a date")]
    RotationTooLong,
    #[error("the Match year must be between {first} and {last}, not {0}", first = MATCH_YEARS.start(), last = MATCH_YEARS.end())]
    MatchYear(i32),
    #[error(
        "a graduation on {0} has already happened, so it cannot be expected: mark it done (diploma in hand)"
    )]
    ExpectedGraduationPast(NaiveDate),
}

/// A change to the whole profile (what the planner's profile form says, read): applied by
/// [`Plan::apply_profile`] only when every rule holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileChange {
    pub name: Option<String>,
    pub match_year: i32,
    pub visa: VisaChoice,
    pub category: ApplicantCategory,
    pub specialty: Option<String>,
    pub graduation: Option<Graduation>,
    pub step2_score: Option<u16>,
    pub letter_target: Option<u32>,
    pub citizenship: Vec<String>,
    pub in_us: Option<bool>,
}

/// Which field of a profile change breaks a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    MatchYear,
    Step2Score,
    LetterTarget,
}

/// The rules of a profile change: the first broken one and the field it is about.
pub fn profile(change: &ProfileChange) -> Result<(), (ProfileField, RuleError)> {
    match_year(change.match_year).map_err(|e| (ProfileField::MatchYear, e))?;
    step2_score(change.step2_score).map_err(|e| (ProfileField::Step2Score, e))?;
    letter_target(change.letter_target).map_err(|e| (ProfileField::LetterTarget, e))
}

impl Plan {
    /// Applies a profile change as a whole, or nothing when a rule is broken (the field and why).
    pub fn apply_profile(
        &mut self,
        change: ProfileChange,
    ) -> Result<(), (ProfileField, RuleError)> {
        profile(&change)?;
        let ProfileChange {
            name,
            match_year,
            visa,
            category,
            specialty,
            graduation,
            step2_score,
            letter_target,
            citizenship,
            in_us,
        } = change;
        let profile = &mut self.profile;
        profile.name = name;
        profile.match_year = match_year;
        profile.visa = visa;
        profile.category = category;
        profile.specialty = specialty;
        profile.graduation = graduation;
        profile.step2_score = step2_score;
        profile.citizenship = citizenship;
        profile.in_us = in_us;
        self.letter_target = letter_target;
        Ok(())
    }
}

/// Where in a plan a broken rule is, as the words to find one after another in its file:
/// `["rotations", "id: 3", "end"]` is the `end` of rotation 3.
pub type Place = Vec<String>;

/// A graduation still expected must lie ahead: a past date is a fact, not a plan.
pub fn graduation(graduation: Option<Graduation>, today: NaiveDate) -> Result<(), RuleError> {
    match graduation {
        Some(g) if g.expected && g.date < today => Err(RuleError::ExpectedGraduationPast(g.date)),
        _ => Ok(()),
    }
}

pub fn match_year(year: i32) -> Result<(), RuleError> {
    if MATCH_YEARS.contains(&year) {
        Ok(())
    } else {
        Err(RuleError::MatchYear(year))
    }
}

pub fn step2_score(score: Option<u16>) -> Result<(), RuleError> {
    match score {
        Some(score) if !STEP2_SCORES.contains(&score) => Err(RuleError::Step2Score(score)),
        _ => Ok(()),
    }
}

pub fn letter_target(target: Option<u32>) -> Result<(), RuleError> {
    match target {
        Some(target) if !(1..=MAX_LETTER_TARGET).contains(&target) => {
            Err(RuleError::LetterTarget(target))
        }
        _ => Ok(()),
    }
}

/// The numbers of a program (its text is checked where it is cleaned, in `plan`).
pub fn program(program: &Program) -> Result<(), RuleError> {
    if let Some(priority) = program.priority
        && !crate::programs::PRIORITIES.contains(&priority)
    {
        return Err(RuleError::Priority(priority));
    }
    match program.requirements.min_step2_score {
        Some(score) if !STEP2_SCORES.contains(&score) => Err(RuleError::MinStep2Score(score)),
        _ => Ok(()),
    }
}

/// The dates of a rotation.
pub fn rotation(rotation: &Rotation) -> Result<(), RuleError> {
    if rotation.end < rotation.start {
        return Err(RuleError::RotationEndsBeforeStart {
            start: rotation.start,
            end: rotation.end,
        });
    }
    if (rotation.end - rotation.start).num_days() > MAX_ROTATION_DAYS {
        return Err(RuleError::RotationTooLong);
    }
    Ok(())
}

/// Every rule over a whole plan (as loaded from a file): the first broken one and where it is.
pub fn check(plan: &Plan) -> Result<(), (Place, RuleError)> {
    let place = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect::<Place>();
    step2_score(plan.profile.step2_score).map_err(|e| (place(&["profile", "step2_score"]), e))?;
    letter_target(plan.letter_target).map_err(|e| (place(&["letter_target"]), e))?;
    for p in &plan.programs {
        let id = format!("id: {},", p.id);
        program(p).map_err(|e| {
            let field = match e {
                RuleError::Priority(_) => "priority",
                _ => "min_step2_score",
            };
            (place(&["programs", &id, field]), e)
        })?;
    }
    for r in &plan.rotations {
        let id = format!("id: {},", r.id);
        rotation(r).map_err(|e| (place(&["rotations", &id, "end"]), e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_targets_have_their_ranges() {
        assert!(step2_score(None).is_ok());
        assert!(step2_score(Some(250)).is_ok());
        assert_eq!(step2_score(Some(999)), Err(RuleError::Step2Score(999)));
        assert_eq!(step2_score(Some(0)), Err(RuleError::Step2Score(0)));
        assert!(letter_target(Some(3)).is_ok());
        assert_eq!(letter_target(Some(0)), Err(RuleError::LetterTarget(0)));
    }

    #[test]
    fn a_profile_change_that_breaks_a_rule_is_refused_whole_with_its_field() {
        let template = crate::journey::Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        let before = plan.clone();
        let change = ProfileChange {
            name: Some("Amina".into()),
            match_year: 2029,
            visa: VisaChoice::H1b,
            category: ApplicantCategory::UsCitizenImg,
            specialty: None,
            graduation: None,
            step2_score: Some(999),
            letter_target: Some(4),
            citizenship: vec!["NG".into()],
            in_us: Some(false),
        };
        assert_eq!(
            plan.apply_profile(change.clone()),
            Err((ProfileField::Step2Score, RuleError::Step2Score(999)))
        );
        assert_eq!(plan, before, "nothing changed");
        let bad_year = ProfileChange {
            match_year: 1850,
            step2_score: Some(250),
            ..change.clone()
        };
        assert_eq!(
            plan.apply_profile(bad_year),
            Err((ProfileField::MatchYear, RuleError::MatchYear(1850)))
        );
        let good = ProfileChange {
            step2_score: Some(250),
            ..change
        };
        plan.apply_profile(good).expect("applied");
        assert_eq!(plan.profile.match_year, 2029);
        assert_eq!(plan.profile.step2_score, Some(250));
        assert_eq!(plan.letter_target, Some(4));
    }
}
