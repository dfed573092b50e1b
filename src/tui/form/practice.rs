//! The practice exam form (form name, date, score) and the target score form.

use super::*;
use crate::practice::{PracticeExam, PracticeId, parse_score};

impl Form {
    /// A practice exam's form, filled from the exam (or empty, dated today, for a new one).
    pub fn practice_exam(exam: Option<&PracticeExam>, today: NaiveDate) -> Form {
        let (purpose, title) = match exam {
            Some(e) => (
                FormPurpose::EditPractice(e.id),
                format!(" Practice exam · {} ", crate::text::clean_line(&e.form)),
            ),
            None => (FormPurpose::NewPractice, " Log a practice exam ".to_owned()),
        };
        Form {
            purpose,
            title,
            fields: vec![
                text(
                    Key::FormName,
                    "Form",
                    "The form's name: NBME 12, UWSA 2, Free 120…",
                    exam.map_or("", |e| e.form.as_str()),
                ),
                text(
                    Key::Taken,
                    "Taken on",
                    "YYYY-MM-DD, M/D/YYYY or D Mon YYYY",
                    &exam.map_or(today, |e| e.taken).to_string(),
                ),
                text(
                    Key::Score,
                    "Score",
                    "The three-digit score it gave (1-300).",
                    &number_text(exam.map(|e| e.score)),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the practice exam form: `id` is the exam edited.
    pub fn to_practice_exam(&self, id: Option<PracticeId>) -> Result<PracticeExam, FieldError> {
        let form = self
            .checked(Key::FormName, MAX_TITLE_CHARS, "the form's name")?
            .ok_or((
                Key::FormName,
                "name the practice form (e.g. NBME 12)".to_owned(),
            ))?;
        let taken = typed_date(&self.text_of(Key::Taken)).map_err(|e| (Key::Taken, e))?;
        let score = parse_score(&self.text_of(Key::Score)).map_err(|e| (Key::Score, e))?;
        Ok(PracticeExam {
            id: id.unwrap_or_default(),
            form,
            taken,
            score,
        })
    }

    /// The target score form.
    pub fn practice_target(target: Option<u16>) -> Form {
        Form {
            purpose: FormPurpose::PracticeTarget,
            title: " Step 2 CK target ".to_owned(),
            fields: vec![text(
                Key::Target,
                "Target score",
                "The score you aim for; empty falls back to the score in your profile.",
                &number_text(target),
            )],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    pub fn to_practice_target(&self) -> Result<Option<u16>, FieldError> {
        match self.optional(Key::Target) {
            None => Ok(None),
            Some(text) => parse_score(&text).map(Some).map_err(|e| (Key::Target, e)),
        }
    }
}
