//! The letter form: writer, kind, state, the rotation it came from and the programs it goes to.
//! The rotation and the programs are typed as names (any unique part of the name), so the form
//! needs no list picker; programs are separated by `;` because names contain commas.

use super::*;
use crate::letters::{Letter, LetterId, LetterKind, LetterProgress};
use crate::plan::Plan;

/// Finds the one item whose name contains `wanted` (an exact name wins over a part).
fn one_by_name<'a, T>(
    items: &'a [T],
    name: impl Fn(&T) -> &str,
    wanted: &str,
    what: &str,
) -> Result<&'a T, String> {
    let wanted_lower = wanted.to_lowercase();
    if let Some(exact) = items
        .iter()
        .find(|i| name(i).to_lowercase() == wanted_lower)
    {
        return Ok(exact);
    }
    let matches: Vec<&T> = items
        .iter()
        .filter(|i| name(i).to_lowercase().contains(&wanted_lower))
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(format!(
            "no {what} is named like {:?}",
            crate::text::clean_line(wanted)
        )),
        several => Err(format!(
            "{:?} matches {} {what}s: type more of the name",
            crate::text::clean_line(wanted),
            several.len()
        )),
    }
}

impl Form {
    /// How many letters a program asks for.
    pub fn letters_asked(program: &crate::programs::Program, asked: Option<u8>) -> Form {
        Form {
            purpose: FormPurpose::LettersAsked(program.id),
            title: format!(" Letters · {} ", crate::text::clean_line(&program.name)),
            fields: vec![text(
                Key::LettersAsked,
                "Letters it asks",
                "How many letters of recommendation the program asks for; empty if it does not say.",
                &number_text(asked),
            )],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the letters-asked form.
    pub fn to_letters_asked(&self) -> Result<Option<u8>, FieldError> {
        self.number(Key::LettersAsked, "a number of letters (0-255)")
    }

    /// The letter form, filled from a letter (or empty for a new one).
    pub fn letter(letter: Option<&Letter>, plan: &Plan) -> Form {
        let (purpose, title) = match letter {
            Some(l) => (
                FormPurpose::EditLetter(l.id),
                format!(" Letter · {} ", crate::text::clean_line(&l.writer)),
            ),
            None => (FormPurpose::NewLetter, " New letter ".to_owned()),
        };
        let rotation = letter
            .and_then(|l| l.rotation)
            .and_then(|id| plan.rotation(id))
            .map(|r| r.institution.clone())
            .unwrap_or_default();
        let programs: Vec<String> = letter
            .map(|l| {
                l.programs
                    .iter()
                    .filter_map(|id| plan.program(*id).map(|p| p.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Form {
            purpose,
            title,
            fields: vec![
                text(
                    Key::Writer,
                    "Writer",
                    "Who writes it: Dr. A. Rao, Professor of Medicine.",
                    letter.map_or("", |l| l.writer.as_str()),
                ),
                choice(
                    Key::LetterKind,
                    "Kind",
                    "US clinical (a US physician who saw your work), research, home country, other.",
                    LetterKind::ALL.iter().map(|k| k.label()).collect(),
                    letter.map_or(0, |l| position(&LetterKind::ALL, &l.kind)),
                ),
                choice(
                    Key::Progress,
                    "State",
                    "Asked, promised, or uploaded to ERAS by the writer.",
                    LetterProgress::ALL.iter().map(|s| s.label()).collect(),
                    letter.map_or(0, |l| position(&LetterProgress::ALL, &l.state)),
                ),
                text(
                    Key::Rotation,
                    "Rotation",
                    "The rotation it came from (part of the institution's name); empty if none.",
                    &rotation,
                ),
                text(
                    Key::Programs,
                    "Programs",
                    "Programs it goes to, by name, separated by ; (\"all\" for every open program).",
                    &programs.join("; "),
                ),
                text(
                    Key::Note,
                    "Note",
                    "Anything to remember.",
                    or_empty(letter.and_then(|l| l.note.as_ref())),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the letter form against the plan (names to ids): `id` is the letter edited.
    pub fn to_letter(&self, id: Option<LetterId>, plan: &Plan) -> Result<Letter, FieldError> {
        let writer = self
            .checked(Key::Writer, MAX_TITLE_CHARS, "the writer")?
            .ok_or((Key::Writer, "a letter needs its writer's name".to_owned()))?;
        let rotation = match self.optional(Key::Rotation) {
            None => None,
            Some(name) => Some(
                one_by_name(
                    &plan.rotations,
                    |r| r.institution.as_str(),
                    &name,
                    "rotation",
                )
                .map_err(|e| (Key::Rotation, e))?
                .id,
            ),
        };
        Ok(Letter {
            id: id.unwrap_or_default(),
            writer,
            kind: LetterKind::ALL
                .get(self.index_of(Key::LetterKind))
                .copied()
                .unwrap_or_default(),
            state: LetterProgress::ALL
                .get(self.index_of(Key::Progress))
                .copied()
                .unwrap_or_default(),
            rotation,
            programs: self.letter_programs(plan)?,
            note: self.checked(Key::Note, MAX_NOTE_CHARS, "the note")?,
        })
    }

    fn letter_programs(&self, plan: &Plan) -> Result<Vec<ProgramId>, FieldError> {
        let typed = self.text_of(Key::Programs);
        if typed.trim().eq_ignore_ascii_case("all") {
            return Ok(plan
                .programs
                .iter()
                .filter(|p| !matches!(p.status, ProgramStatus::Rejected | ProgramStatus::Withdrawn))
                .map(|p| p.id)
                .collect());
        }
        typed
            .split(';')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(|part| {
                one_by_name(&plan.programs, |p| p.name.as_str(), part, "program")
                    .map(|p| p.id)
                    .map_err(|e| (Key::Programs, e))
            })
            .collect()
    }
}
