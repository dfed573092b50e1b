//! Letters of recommendation that are not tied to a rotation (a research mentor, a supervisor
//! at home) or that the user wants to follow on their own: who writes, what kind, where it
//! stands, which rotation it came from, and which programs it goes to.
//!
//! Letters from rotations stay on their rotation ([`crate::usce::LetterState`]); the Letters
//! panel shows both, and the letter target counts both. Each program can receive only so many
//! letters (the template's `letters_per_program`), and a program may ask for a number of its
//! own (`Plan::letters_asked`, set in the Letters panel): both are checked here.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ids::{ProgramId, RotationId};
use crate::insights::{Subject, Warning, WarningKind};
use crate::journey::Template;
use crate::plan::{MAX_NOTE_CHARS, MAX_TITLE_CHARS, Plan, PlanError, checked_field};
use crate::programs::ProgramStatus;
use crate::text::clean_line;

/// A letter's number within the plan.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct LetterId(pub u32);

impl fmt::Display for LetterId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Who the writer is to the user.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum LetterKind {
    /// A US physician who saw the user's clinical work.
    #[default]
    UsClinical,
    Research,
    HomeCountry,
    Other,
}

impl LetterKind {
    pub const ALL: [LetterKind; 4] = [
        LetterKind::UsClinical,
        LetterKind::Research,
        LetterKind::HomeCountry,
        LetterKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LetterKind::UsClinical => "US clinical",
            LetterKind::Research => "research",
            LetterKind::HomeCountry => "home country",
            LetterKind::Other => "other",
        }
    }
}

/// Where a letter stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum LetterProgress {
    #[default]
    Asked,
    Promised,
    /// Uploaded to ERAS by the writer.
    Uploaded,
}

impl LetterProgress {
    pub const ALL: [LetterProgress; 3] = [
        LetterProgress::Asked,
        LetterProgress::Promised,
        LetterProgress::Uploaded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LetterProgress::Asked => "requested",
            LetterProgress::Promised => "promised",
            LetterProgress::Uploaded => "uploaded",
        }
    }

    /// A mark that reads without colour: `?` requested, `~` promised, `✓` uploaded.
    pub fn mark(self) -> &'static str {
        match self {
            LetterProgress::Asked => "?",
            LetterProgress::Promised => "~",
            LetterProgress::Uploaded => "✓",
        }
    }

    /// requested → promised → uploaded → requested.
    pub fn cycled(self) -> LetterProgress {
        match self {
            LetterProgress::Asked => LetterProgress::Promised,
            LetterProgress::Promised => LetterProgress::Uploaded,
            LetterProgress::Uploaded => LetterProgress::Asked,
        }
    }
}

/// One letter the user follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letter {
    pub id: LetterId,
    pub writer: String,
    pub kind: LetterKind,
    #[serde(default)]
    pub state: LetterProgress,
    /// The rotation the writer supervised, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rotation: Option<RotationId>,
    /// The programs this letter is assigned to in ERAS.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<ProgramId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Plan {
    pub fn letter(&self, id: LetterId) -> Option<&Letter> {
        self.letters.iter().find(|l| l.id == id)
    }

    /// Checks a letter's text and that its rotation and programs exist.
    fn checked_letter(&self, mut letter: Letter) -> Result<Letter, PlanError> {
        letter.writer = checked_field(&letter.writer, MAX_TITLE_CHARS, "the writer")?;
        if letter.writer.is_empty() {
            return Err(PlanError::Invalid(
                "a letter needs its writer's name".into(),
            ));
        }
        letter.note = match letter.note {
            Some(note) => {
                Some(checked_field(&note, MAX_NOTE_CHARS, "the note")?).filter(|n| !n.is_empty())
            }
            None => None,
        };
        if let Some(rotation) = letter.rotation
            && self.rotation(rotation).is_none()
        {
            return Err(PlanError::UnknownRotation(rotation));
        }
        if let Some(missing) = letter.programs.iter().find(|p| self.program(**p).is_none()) {
            return Err(PlanError::UnknownProgram(*missing));
        }
        letter.programs.sort();
        letter.programs.dedup();
        Ok(letter)
    }

    /// Adds a letter (its id is given here) and returns the id.
    pub fn add_letter(&mut self, letter: Letter) -> Result<LetterId, PlanError> {
        let mut letter = self.checked_letter(letter)?;
        letter.id = LetterId(self.letters.iter().map(|l| l.id.0).max().unwrap_or(0) + 1);
        let id = letter.id;
        self.letters.push(letter);
        Ok(id)
    }

    pub fn update_letter(&mut self, letter: Letter) -> Result<(), PlanError> {
        let letter = self.checked_letter(letter)?;
        let slot = self
            .letters
            .iter_mut()
            .find(|l| l.id == letter.id)
            .ok_or_else(|| PlanError::Invalid(format!("no letter has the number {}", letter.id)))?;
        *slot = letter;
        Ok(())
    }

    pub fn remove_letter(&mut self, id: LetterId) -> Result<Letter, PlanError> {
        let index = self
            .letters
            .iter()
            .position(|l| l.id == id)
            .ok_or_else(|| PlanError::Invalid(format!("no letter has the number {id}")))?;
        Ok(self.letters.remove(index))
    }

    /// Sets (or, with `None`, clears) how many letters a program asks for.
    pub fn set_letters_asked(
        &mut self,
        program: ProgramId,
        asked: Option<u8>,
    ) -> Result<(), PlanError> {
        if self.program(program).is_none() {
            return Err(PlanError::UnknownProgram(program));
        }
        match asked {
            Some(n) => self.letters_asked.insert(program, n),
            None => self.letters_asked.remove(&program),
        };
        Ok(())
    }

    pub fn set_letter_progress(
        &mut self,
        id: LetterId,
        state: LetterProgress,
    ) -> Result<(), PlanError> {
        let letter = self
            .letters
            .iter_mut()
            .find(|l| l.id == id)
            .ok_or_else(|| PlanError::Invalid(format!("no letter has the number {id}")))?;
        letter.state = state;
        Ok(())
    }
}

/// Every letter in play, the rotations' and the user's own: how many are uploaded to ERAS, how
/// many are on their way (asked, promised, received), and the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterTotals {
    pub uploaded: usize,
    pub on_the_way: usize,
    pub target: u32,
}

impl LetterTotals {
    pub fn of(template: &Template, plan: &Plan) -> LetterTotals {
        use crate::usce::LetterState;
        let mut totals = LetterTotals {
            uploaded: 0,
            on_the_way: 0,
            target: plan.letter_target(template),
        };
        // A letter of the user's own that names its rotation stands for that rotation's letter.
        for rotation in plan.rotations.iter().filter(|r| !followed_here(plan, r.id)) {
            match rotation.letter {
                LetterState::Uploaded => totals.uploaded += 1,
                LetterState::NotRequested => {}
                _ => totals.on_the_way += 1,
            }
        }
        for letter in &plan.letters {
            match letter.state {
                LetterProgress::Uploaded => totals.uploaded += 1,
                _ => totals.on_the_way += 1,
            }
        }
        totals
    }

    /// "2 of 3 in ERAS, 1 on its way".
    pub fn line(&self) -> String {
        let mut text = format!("{} of {} in ERAS", self.uploaded, self.target);
        if self.on_the_way > 0 {
            text.push_str(&format!(", {} on the way", self.on_the_way));
        }
        text
    }
}

/// Whether a rotation's letter is followed as a letter of the user's own (which then counts
/// instead of the rotation's letter state).
pub fn followed_here(plan: &Plan, rotation: RotationId) -> bool {
    plan.letters.iter().any(|l| l.rotation == Some(rotation))
}

/// Whether a rotation's letter is still to come: requested or received but not in ERAS, or, when
/// the user follows it as a letter of their own, that letter not yet uploaded. Once the
/// rotation has ended such a letter is not behind the user but one to chase, so it sits in the
/// open part of the Agenda (and stays under `f`) and in `imgplan status`.
pub fn letter_awaited(plan: &Plan, rotation: RotationId) -> bool {
    if followed_here(plan, rotation) {
        return plan
            .letters
            .iter()
            .any(|l| l.rotation == Some(rotation) && l.state != LetterProgress::Uploaded);
    }
    plan.rotation(rotation)
        .is_some_and(|r| r.letter.is_pending())
}

/// How many letters (of the user's own) go to a program.
pub fn assigned_to(letters: &[Letter], program: ProgramId) -> usize {
    letters
        .iter()
        .filter(|l| l.programs.contains(&program))
        .count()
}

/// The letter checks that do not depend on a date: a program that gets more letters than ERAS
/// lets one program receive, or fewer than it asks for.
pub fn assignment_warnings(template: &Template, plan: &Plan) -> Vec<Warning> {
    let rules = &template.trackers;
    let mut warnings = Vec::new();
    for program in &plan.programs {
        let assigned = assigned_to(&plan.letters, program.id);
        let name = clean_line(&program.name);
        if let Some(most) = rules.letters_per_program
            && assigned > usize::try_from(most).unwrap_or(usize::MAX)
        {
            warnings.push(Warning {
                kind: WarningKind::LettersShort,
                subject: Subject::Program(program.id),
                message: format!(
                    "{name} has {assigned} letters assigned; ERAS sends at most {most} to a program."
                ),
                sources: rules.letter_sources.clone(),
            });
        }
        if let Some(asked) = plan.letters_asked.get(&program.id).copied()
            && assigned < usize::from(asked)
            && !matches!(
                program.status,
                ProgramStatus::Rejected | ProgramStatus::Withdrawn
            )
        {
            warnings.push(Warning {
                kind: WarningKind::LettersShort,
                subject: Subject::Program(program.id),
                message: format!(
                    "{name} asks for {asked} letters; {assigned} of yours are assigned to it."
                ),
                sources: rules.letter_sources.clone(),
            });
        }
    }
    warnings
}

/// Letters of the user's own that are not in ERAS when letters are due (the same window as the
/// rotation letters' check): `when` says the date in words.
pub fn pending_warnings(template: &Template, plan: &Plan, when: &str) -> Vec<Warning> {
    plan.letters
        .iter()
        .filter(|l| l.state != LetterProgress::Uploaded)
        .map(|letter| Warning {
            kind: WarningKind::LetterNotUploaded,
            subject: Subject::Letters,
            message: format!(
                "The letter from {} ({}) is {} but not uploaded to ERAS; {when}.",
                clean_line(&letter.writer),
                letter.kind.label(),
                letter.state.label()
            ),
            sources: template.trackers.letter_sources.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::VisaChoice;
    use chrono::NaiveDate;

    fn letter(writer: &str, programs: Vec<ProgramId>) -> Letter {
        Letter {
            id: LetterId(0),
            writer: writer.into(),
            kind: LetterKind::Research,
            state: LetterProgress::Asked,
            rotation: None,
            programs,
            note: None,
        }
    }

    #[test]
    fn letters_get_ids_and_refuse_unknown_programs_and_empty_writers() {
        let template = Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        assert_eq!(plan.add_letter(letter("Dr. Rao", vec![])), Ok(LetterId(1)));
        assert_eq!(
            plan.add_letter(letter("Dr. Okafor", vec![])),
            Ok(LetterId(2))
        );
        assert!(plan.add_letter(letter("  ", vec![])).is_err());
        assert_eq!(
            plan.add_letter(letter("Dr. X", vec![ProgramId(9)])),
            Err(PlanError::UnknownProgram(ProgramId(9)))
        );
        plan.set_letter_progress(LetterId(1), LetterProgress::Promised)
            .expect("progress");
        assert_eq!(
            plan.letter(LetterId(1)).map(|l| l.state),
            Some(LetterProgress::Promised)
        );
        plan.remove_letter(LetterId(2)).expect("remove");
        assert_eq!(plan.letters.len(), 1);
    }

    #[test]
    fn letters_budget_and_practice_merge_with_a_change_made_elsewhere() {
        use crate::budget::Cents;
        use crate::programs::{ApplicationService, Program, Requirements, VisaStance};
        let template = Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let mut base = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        let program = base
            .add_program(Program {
                id: ProgramId(0),
                name: "Mercy".into(),
                state: None,
                specialty: None,
                nrmp_code: None,
                service: ApplicationService::Eras,
                visa: VisaStance::J1,
                requirements: Requirements::default(),
                status: ProgramStatus::Applied,
                interview: None,
                note: None,
                ..Program::default()
            })
            .expect("program");
        let mut ours = base.clone();
        ours.add_letter(letter("Dr. Rao", vec![program]))
            .expect("letter");
        ours.set_letters_asked(program, Some(3)).expect("asked");
        let mut theirs = base.clone();
        theirs
            .set_budget_planned(&template, "step1", Some(Cents(100_000)))
            .expect("budget");
        theirs
            .add_practice_exam(crate::practice::PracticeExam {
                id: crate::practice::PracticeId(0),
                form: "NBME 12".into(),
                taken: today,
                score: 240,
            })
            .expect("exam");
        let (merged, conflicts) =
            crate::merge::merge(&base, &ours, &theirs, crate::merge::Prefer::Ours).expect("merge");
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert_eq!(merged.letters.len(), 1);
        assert_eq!(merged.letters_asked.get(&program), Some(&3));
        assert_eq!(merged.budget.lines.len(), 1);
        assert_eq!(merged.practice.exams.len(), 1);
        // And the plan file round-trips through RON.
        let text =
            ron::ser::to_string_pretty(&merged, ron::ser::PrettyConfig::default()).expect("ron");
        let back: Plan = ron::from_str(&text).expect("read back");
        assert_eq!(back, merged);
    }

    #[test]
    fn the_progress_cycle_comes_back_round() {
        let mut state = LetterProgress::Asked;
        for _ in 0..3 {
            state = state.cycled();
        }
        assert_eq!(state, LetterProgress::Asked);
    }
}
