//! Practice exams before Step 2 CK: the form taken, the date and the score, with the trend
//! against the exam date and the user's target.
//!
//! No predicted Step 2 CK score is computed: no official source (USMLE, NBME) publishes a way to
//! turn practice scores into a prediction the planner could cite, so the planner shows the
//! scores as they are and leaves the reading to the user.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::insights::Snapshot;
use crate::journey::Template;
use crate::plan::{MAX_TITLE_CHARS, Plan, PlanError, checked_field};

/// The Step 2 CK score scale's top (USMLE reports three-digit scores up to 300).
pub const MAX_SCORE: u16 = 300;

/// A practice exam's number within the plan.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct PracticeId(pub u32);

impl fmt::Display for PracticeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// One practice exam taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeExam {
    pub id: PracticeId,
    /// The form's name as its maker gives it ("NBME 12", "UWSA 2", "Free 120").
    pub form: String,
    pub taken: NaiveDate,
    pub score: u16,
}

/// Practice exams and the score the user aims for.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Practice {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exams: Vec<PracticeExam>,
    /// The Step 2 CK score the user aims for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<u16>,
}

impl Practice {
    pub fn is_empty(&self) -> bool {
        self.exams.is_empty() && self.target.is_none()
    }
}

/// Checks a score typed or read: a whole number from 1 to 300.
pub fn parse_score(text: &str) -> Result<u16, String> {
    match text.trim().parse::<u16>() {
        Ok(score) if (1..=MAX_SCORE).contains(&score) => Ok(score),
        _ => Err(format!(
            "{:?} is not a Step 2 CK score: a whole number from 1 to {MAX_SCORE}",
            crate::text::clean_line(text)
        )),
    }
}

impl Plan {
    pub fn practice_exam(&self, id: PracticeId) -> Option<&PracticeExam> {
        self.practice.exams.iter().find(|e| e.id == id)
    }

    fn checked_exam(mut exam: PracticeExam) -> Result<PracticeExam, PlanError> {
        exam.form = checked_field(&exam.form, MAX_TITLE_CHARS, "the form's name")?;
        if exam.form.is_empty() {
            return Err(PlanError::Invalid(
                "name the practice form (e.g. NBME 12)".into(),
            ));
        }
        parse_score(&exam.score.to_string()).map_err(PlanError::Invalid)?;
        Ok(exam)
    }

    /// Logs a practice exam (its id is given here) and returns the id. Exams are kept in date
    /// order, so the trend reads left to right.
    pub fn add_practice_exam(&mut self, exam: PracticeExam) -> Result<PracticeId, PlanError> {
        let mut exam = Self::checked_exam(exam)?;
        exam.id = PracticeId(
            self.practice
                .exams
                .iter()
                .map(|e| e.id.0)
                .max()
                .unwrap_or(0)
                + 1,
        );
        let id = exam.id;
        self.practice.exams.push(exam);
        self.practice.exams.sort_by_key(|e| (e.taken, e.id));
        Ok(id)
    }

    pub fn update_practice_exam(&mut self, exam: PracticeExam) -> Result<(), PlanError> {
        let exam = Self::checked_exam(exam)?;
        let slot = self
            .practice
            .exams
            .iter_mut()
            .find(|e| e.id == exam.id)
            .ok_or_else(|| {
                PlanError::Invalid(format!("no practice exam has the number {}", exam.id))
            })?;
        *slot = exam;
        self.practice.exams.sort_by_key(|e| (e.taken, e.id));
        Ok(())
    }

    pub fn remove_practice_exam(&mut self, id: PracticeId) -> Result<PracticeExam, PlanError> {
        let index = self
            .practice
            .exams
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| PlanError::Invalid(format!("no practice exam has the number {id}")))?;
        Ok(self.practice.exams.remove(index))
    }

    pub fn set_practice_target(&mut self, target: Option<u16>) -> Result<(), PlanError> {
        if let Some(score) = target {
            parse_score(&score.to_string()).map_err(PlanError::Invalid)?;
        }
        self.practice.target = target;
        Ok(())
    }
}

/// Where the target line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetFrom {
    /// Set in the practice panel.
    Practice,
    /// The Step 2 CK score in the profile (once the real score is in).
    Profile,
}

/// What the trend is drawn against: the scores in date order, the exam date and the target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    pub points: Vec<(NaiveDate, u16)>,
    /// The Step 2 CK task's date, if it has one.
    pub exam: Option<NaiveDate>,
    pub target: Option<(u16, TargetFrom)>,
}

impl Trend {
    pub fn of(template: &Template, plan: &Plan, snapshot: &Snapshot) -> Trend {
        let exam = template
            .trackers
            .step2ck_task
            .as_deref()
            .and_then(|id| snapshot.task(id))
            .and_then(|task| task.due.as_ref().map(|d| d.date));
        let target = match (plan.practice.target, plan.profile.step2_score) {
            (Some(score), _) => Some((score, TargetFrom::Practice)),
            (None, Some(score)) => Some((score, TargetFrom::Profile)),
            (None, None) => None,
        };
        Trend {
            points: plan
                .practice
                .exams
                .iter()
                .map(|e| (e.taken, e.score))
                .collect(),
            exam,
            target,
        }
    }

    /// The first and last day the chart spans: the first exam (or today) to the exam date (or
    /// the last exam), never a single day.
    pub fn days(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = self.points.first().map_or(today, |p| p.0).min(today);
        let last = [self.exam, self.points.last().map(|p| p.0), Some(today)]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(today);
        let last = if last <= first {
            first + chrono::Days::new(1)
        } else {
            last
        };
        (first, last)
    }

    /// The score range the chart spans: every score and the target, with a margin of 5.
    pub fn scores(&self) -> (u16, u16) {
        let values = self
            .points
            .iter()
            .map(|p| p.1)
            .chain(self.target.map(|t| t.0));
        let low = values.clone().min().unwrap_or(200);
        let high = values.max().unwrap_or(260);
        (low.saturating_sub(5), (high + 5).min(MAX_SCORE))
    }

    /// The panel title's short form: "last 238 · 5 below your target" (best and count are in
    /// the list's own heading), so the title fits an 80-column screen whole.
    pub fn short_line(&self) -> String {
        let Some(&(_, last)) = self.points.last() else {
            return "no practice exam logged yet".to_owned();
        };
        let mut text = format!("last {last}");
        if let Some((target, _)) = self.target {
            let gap = i32::from(last) - i32::from(target);
            text.push_str(&match gap {
                0 => " · at your target".to_owned(),
                g if g > 0 => format!(" · {g} above your target"),
                g => format!(" · {} below your target", -g),
            });
        }
        text
    }

    /// "last 238 (NBME 12, 2027-01-10) · best 242 · 5 below your target".
    pub fn line(&self) -> String {
        let Some(&(_, last)) = self.points.last() else {
            return "no practice exam logged yet".to_owned();
        };
        let best = self.points.iter().map(|p| p.1).max().unwrap_or(last);
        let mut text = format!("last {last} · best {best} · {} logged", self.points.len());
        if let Some((target, _)) = self.target {
            let gap = i32::from(last) - i32::from(target);
            text.push_str(&match gap {
                0 => " · at your target".to_owned(),
                g if g > 0 => format!(" · {g} above your target"),
                g => format!(" · {} below your target", -g),
            });
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::VisaChoice;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn exam(form: &str, taken: &str, score: u16) -> PracticeExam {
        PracticeExam {
            id: PracticeId(0),
            form: form.into(),
            taken: date(taken),
            score,
        }
    }

    #[test]
    fn exams_stay_in_date_order_and_bad_ones_are_refused() {
        let template = Template::embedded().expect("template");
        let mut plan =
            Plan::new(&template, date("2026-11-30"), Some(2028), VisaChoice::J1).expect("plan");
        plan.add_practice_exam(exam("UWSA 2", "2027-02-01", 245))
            .expect("add");
        plan.add_practice_exam(exam("NBME 12", "2027-01-10", 238))
            .expect("add");
        let forms: Vec<&str> = plan
            .practice
            .exams
            .iter()
            .map(|e| e.form.as_str())
            .collect();
        assert_eq!(forms, ["NBME 12", "UWSA 2"]);
        assert!(plan.add_practice_exam(exam("", "2027-01-10", 238)).is_err());
        assert!(
            plan.add_practice_exam(exam("X", "2027-01-10", 301))
                .is_err()
        );
        assert!(plan.add_practice_exam(exam("X", "2027-01-10", 0)).is_err());
        assert!(plan.set_practice_target(Some(400)).is_err());
        plan.set_practice_target(Some(250)).expect("target");
        let snapshot = Snapshot::build(&template, &plan, date("2026-11-30"));
        let trend = Trend::of(&template, &plan, &snapshot);
        assert_eq!(trend.target, Some((250, TargetFrom::Practice)));
        assert!(trend.exam.is_some(), "the Step 2 CK task has a date");
        assert_eq!(
            trend.line(),
            "last 245 · best 245 · 2 logged · 5 below your target"
        );
        assert_eq!(trend.scores(), (233, 255));
    }

    #[test]
    fn scores_parse_within_the_scale() {
        assert_eq!(parse_score(" 250 "), Ok(250));
        assert!(parse_score("250.5").is_err());
        assert!(parse_score("-1").is_err());
        assert!(parse_score("301").is_err());
    }
}
