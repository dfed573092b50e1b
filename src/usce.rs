//! US clinical experience: the rotations an IMG does and the letters they bring.
//!
//! Programs weigh hands-on USCE and specialty letters from US physicians heavily, and
//! observerships seldom yield strong letters, so the log keeps hands-on apart and follows each
//! letter from request to upload in ERAS.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One rotation (observership, externship, elective…).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rotation {
    /// Stable number within the plan.
    pub id: crate::ids::RotationId,
    pub kind: RotationKind,
    pub institution: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    pub start: NaiveDate,
    /// Last day of the rotation (inclusive).
    pub end: NaiveDate,
    /// Hands-on (patient care) rather than observing only.
    pub hands_on: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor: Option<String>,
    #[serde(default)]
    pub letter: LetterState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Rotation {
    /// Length in whole days, both ends included.
    pub fn days(&self) -> i64 {
        ((self.end - self.start).num_days() + 1).max(0)
    }

    /// "4 wk", "3 wk 3 d", or "5 d" for short ones. A rotation that ends on the Friday of its
    /// last week (26 days from a Monday) is as many whole weeks as the calendar shows: the
    /// weekend it leaves out is not a part-week ("3.7 wk" read as if a day were missing).
    pub fn length_label(&self) -> String {
        let days = self.days();
        let whole = (days + 2) / 7;
        if days < 7 {
            format!("{days} d")
        } else if (0..=2).contains(&(whole * 7 - days)) {
            format!("{whole} wk")
        } else {
            format!("{} wk {} d", days / 7, days % 7)
        }
    }
}

/// What kind of USCE a rotation is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum RotationKind {
    #[default]
    Observership,
    Externship,
    /// A clinical elective or sub-internship (for students, through their school).
    Elective,
    Research,
    Other,
}

impl RotationKind {
    pub const ALL: [RotationKind; 5] = [
        RotationKind::Observership,
        RotationKind::Externship,
        RotationKind::Elective,
        RotationKind::Research,
        RotationKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RotationKind::Observership => "observership",
            RotationKind::Externship => "externship",
            RotationKind::Elective => "elective / sub-internship",
            RotationKind::Research => "research",
            RotationKind::Other => "other",
        }
    }

    /// Whether this kind is usually hands-on (the form's default; the user decides).
    pub fn usually_hands_on(self) -> bool {
        matches!(self, RotationKind::Externship | RotationKind::Elective)
    }
}

/// Where the letter from a rotation stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum LetterState {
    /// No letter asked for (named so, not `None`, to read plainly in the plan file).
    #[default]
    NotRequested,
    Requested,
    Received,
    /// Uploaded to ERAS by the writer through the Letter of Recommendation Portal.
    Uploaded,
}

impl LetterState {
    pub const ALL: [LetterState; 4] = [
        LetterState::NotRequested,
        LetterState::Requested,
        LetterState::Received,
        LetterState::Uploaded,
    ];

    pub fn label(self) -> &'static str {
        match self {
            LetterState::NotRequested => "no letter",
            LetterState::Requested => "requested",
            LetterState::Received => "received",
            LetterState::Uploaded => "uploaded to ERAS",
        }
    }

    /// Short form for list columns.
    pub fn short(self) -> &'static str {
        match self {
            LetterState::NotRequested => "-",
            LetterState::Requested => "requested",
            LetterState::Received => "got",
            LetterState::Uploaded => "ERAS",
        }
    }

    pub fn cycled(self) -> LetterState {
        let all = LetterState::ALL;
        let index = all.iter().position(|s| *s == self).unwrap_or(0);
        all[(index + 1) % all.len()]
    }

    /// A letter is on its way or in hand but not yet in ERAS.
    pub fn is_pending(self) -> bool {
        matches!(self, LetterState::Requested | LetterState::Received)
    }
}

impl fmt::Display for LetterState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Totals of the log, as of a day.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct UsceSummary {
    pub rotations: usize,
    /// Hands-on days already done (rotation days up to today).
    pub hands_on_days_done: i64,
    /// Hands-on days including those still ahead.
    pub hands_on_days_planned: i64,
    pub letters_requested: usize,
    pub letters_received: usize,
    pub letters_uploaded: usize,
    pub letter_target: u32,
}

impl UsceSummary {
    pub fn build(rotations: &[Rotation], letter_target: u32, today: NaiveDate) -> UsceSummary {
        let mut summary = UsceSummary {
            rotations: rotations.len(),
            letter_target,
            ..UsceSummary::default()
        };
        for rotation in rotations {
            if rotation.hands_on {
                summary.hands_on_days_planned += rotation.days();
                let done_until = rotation.end.min(today);
                if done_until >= rotation.start {
                    summary.hands_on_days_done += (done_until - rotation.start).num_days() + 1;
                }
            }
            match rotation.letter {
                LetterState::NotRequested => {}
                LetterState::Requested => summary.letters_requested += 1,
                LetterState::Received => summary.letters_received += 1,
                LetterState::Uploaded => summary.letters_uploaded += 1,
            }
        }
        summary
    }

    /// Letters asked for, in hand or uploaded: everything that may become a letter in ERAS.
    pub fn letters_in_play(&self) -> usize {
        self.letters_requested + self.letters_received + self.letters_uploaded
    }

    /// Whole hands-on weeks done.
    pub fn hands_on_weeks_done(&self) -> i64 {
        self.hands_on_days_done / 7
    }

    pub fn hands_on_weeks_planned(&self) -> i64 {
        self.hands_on_days_planned / 7
    }

    /// Whole hands-on months done (30-day months), to compare with programs' USCE minimums.
    pub fn hands_on_months_done(&self) -> i64 {
        self.hands_on_days_done / 30
    }

    /// "Hands-on 8 wk done (12 planned) · letters 1 of 3 in ERAS, 2 more asked for".
    pub fn line(&self) -> String {
        let planned = if self.hands_on_days_planned > self.hands_on_days_done {
            format!(" ({} planned)", self.hands_on_weeks_planned())
        } else {
            String::new()
        };
        let waiting = self.letters_requested + self.letters_received;
        let waiting = if waiting > 0 {
            format!(", {waiting} more on the way")
        } else {
            String::new()
        };
        format!(
            "Hands-on {} wk done{planned} · letters {} of {} in ERAS{waiting}",
            self.hands_on_weeks_done(),
            self.letters_uploaded,
            self.letter_target
        )
    }
}

/// Longest institution, supervisor or specialty kept.
pub const MAX_NAME_CHARS: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    fn rotation(start: &str, end: &str, hands_on: bool, letter: LetterState) -> Rotation {
        Rotation {
            id: crate::ids::RotationId(1),
            kind: RotationKind::Externship,
            institution: "General".into(),
            specialty: None,
            start: day(start),
            end: day(end),
            hands_on,
            supervisor: None,
            letter,
            note: None,
        }
    }

    #[test]
    fn hands_on_weeks_count_only_hands_on_days_up_to_today() {
        let rotations = [
            rotation("2026-01-05", "2026-02-01", true, LetterState::Uploaded),
            rotation("2026-03-02", "2026-03-29", false, LetterState::Requested),
            rotation("2026-11-16", "2026-12-13", true, LetterState::NotRequested),
        ];
        let summary = UsceSummary::build(&rotations, 3, day("2026-11-25"));
        assert_eq!(summary.hands_on_days_planned, 56);
        assert_eq!(summary.hands_on_days_done, 28 + 10);
        assert_eq!(summary.hands_on_weeks_done(), 5);
        assert_eq!(summary.letters_in_play(), 2);
        assert_eq!(
            summary.line(),
            "Hands-on 5 wk done (8 planned) · letters 1 of 3 in ERAS, 1 more on the way"
        );
    }

    #[test]
    fn lengths_read_in_weeks() {
        assert_eq!(
            rotation("2026-01-05", "2026-02-01", true, LetterState::NotRequested).length_label(),
            "4 wk"
        );
        assert_eq!(
            rotation("2026-01-05", "2026-01-09", true, LetterState::NotRequested).length_label(),
            "5 d"
        );
        // Monday to the Friday of the fourth week: four weeks, not "3.7 wk".
        assert_eq!(
            rotation("2027-01-04", "2027-01-29", true, LetterState::NotRequested).length_label(),
            "4 wk"
        );
        assert_eq!(
            rotation("2027-01-04", "2027-01-27", true, LetterState::NotRequested).length_label(),
            "3 wk 3 d"
        );
    }
}
