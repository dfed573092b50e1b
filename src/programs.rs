//! Residency programs the user considers, applies to and ranks: what each asks for, where it
//! stands, whether its visa stance fits the user's choice, and what applying costs.
//!
//! IMGs lose money applying to programs that will never sponsor their visa ("we sponsor visas"
//! often means J-1 only), so every program carries a visa stance and a fit flag against the plan's
//! visa choice. Pure data and functions: the planner, the CLI and the exports share them.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::journey::{FeeSchedule, VisaChoice};

mod cost;
pub use cost::{
    CostEstimate, SpecialtyCost, applied_so_far_cost, dollars, estimate_cost, tiered_fee,
};
mod filter;
pub use filter::{ProgramFilter, ProgramSort, Tracked, select};
pub mod signals;
mod tracking;
pub use tracking::{InterviewFormat, PRIORITIES, Signal, parse_dollars, parse_priority};

/// One residency program in the user's list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// Stable number within the plan; never reused while the program exists.
    pub id: crate::ids::ProgramId,
    pub name: String,
    /// US state or territory, as a two-letter code ("NY").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub specialty: Option<String>,
    /// NRMP program code, e.g. "1234140C0" (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nrmp_code: Option<String>,
    #[serde(default)]
    pub service: ApplicationService,
    #[serde(default)]
    pub visa: VisaStance,
    #[serde(default, skip_serializing_if = "Requirements::is_empty")]
    pub requirements: Requirements,
    #[serde(default)]
    pub status: ProgramStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// How much she wants it: 1 (most) to 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The ERAS signal spent on it.
    #[serde(default, skip_serializing_if = "Signal::is_none")]
    pub signal: Signal,
    /// When she applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied: Option<NaiveDate>,
    /// When the interview invitation came.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview_format: Option<InterviewFormat>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub thank_you_sent: bool,
    /// A coordinator's name, e-mail or phone: one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Fees paid for this program (US dollars), as she counts them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_paid: Option<u32>,
    /// Columns of her spreadsheet the importer does not know, by header: kept, shown in the
    /// details and written back by the CSV export, never dropped.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// What a program asks of applicants. Every field is optional: websites rarely say it all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirements {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_step2_score: Option<u16>,
    /// Most years since medical-school graduation the program accepts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_years_since_graduation: Option<u8>,
    /// Months of US clinical experience the program asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usce_months: Option<u8>,
    /// The program wants Step 3 passed before it ranks applicants (common for H-1B sponsors).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub step3_before_rank: bool,
}

impl Requirements {
    pub fn is_empty(&self) -> bool {
        *self == Requirements::default()
    }

    /// The requirements in a few words ("Step 2 CK ≥ 230 · ≤ 5 y since graduation").
    pub fn summary(&self) -> String {
        let mut parts = Vec::new();
        if let Some(score) = self.min_step2_score {
            parts.push(format!("Step 2 CK ≥ {score}"));
        }
        if let Some(years) = self.max_years_since_graduation {
            parts.push(format!("≤ {years} y since graduation"));
        }
        if let Some(months) = self.usce_months {
            parts.push(format!("{months} mo USCE"));
        }
        if self.step3_before_rank {
            parts.push("Step 3 before ranking".to_owned());
        }
        parts.join(" · ")
    }
}

/// Where applications to the program go (OB-GYN and EM moved to ResidencyCAS).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ApplicationService {
    #[default]
    Eras,
    ResidencyCas,
    Other,
}

impl ApplicationService {
    pub const ALL: [ApplicationService; 3] = [
        ApplicationService::Eras,
        ApplicationService::ResidencyCas,
        ApplicationService::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ApplicationService::Eras => "ERAS",
            ApplicationService::ResidencyCas => "ResidencyCAS",
            ApplicationService::Other => "other",
        }
    }
}

/// Which visas a program takes, as far as the user knows.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum VisaStance {
    #[default]
    Unknown,
    /// Accepts J-1 (ECFMG-sponsored) residents only.
    J1,
    /// Sponsors H-1B only.
    H1b,
    /// Accepts J-1 and sponsors H-1B.
    Both,
    /// Takes no residents who need a visa.
    NoVisa,
}

impl VisaStance {
    pub const ALL: [VisaStance; 5] = [
        VisaStance::Unknown,
        VisaStance::J1,
        VisaStance::H1b,
        VisaStance::Both,
        VisaStance::NoVisa,
    ];

    pub fn label(self) -> &'static str {
        match self {
            VisaStance::Unknown => "unknown",
            VisaStance::J1 => "J-1 only",
            VisaStance::H1b => "H-1B only",
            VisaStance::Both => "J-1 and H-1B",
            VisaStance::NoVisa => "no visas",
        }
    }

    /// Short form for table columns and CSV cells (and read back by the importer).
    pub fn code(self) -> &'static str {
        match self {
            VisaStance::Unknown => "unknown",
            VisaStance::J1 => "J-1",
            VisaStance::H1b => "H-1B",
            VisaStance::Both => "both",
            VisaStance::NoVisa => "none",
        }
    }

    /// Reads what people write in a spreadsheet's visa column: "J-1", "J1 only", "H1B",
    /// "H-1B sponsored", "both", "J-1/H-1B", "none", "no", "unknown", "?" …
    pub fn parse(text: &str) -> Option<VisaStance> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '/' || *c == '&' || *c == '+')
            .collect();
        if folded.is_empty() || matches!(folded.as_str(), "unknown" | "unk" | "tbd" | "na") {
            return Some(VisaStance::Unknown);
        }
        if text.trim() == "?" {
            return Some(VisaStance::Unknown);
        }
        let j1 = folded.contains("j1");
        let h1b = folded.contains("h1b") || folded.contains("h1");
        if matches!(
            folded.as_str(),
            "both"
                | "yes"
                | "all"
                | "j1h1b"
                | "j1/h1b"
                | "h1b/j1"
                | "j1andh1b"
                | "j1&h1b"
                | "j1+h1b"
        ) || (j1 && h1b)
        {
            return Some(VisaStance::Both);
        }
        if j1 {
            return Some(VisaStance::J1);
        }
        if h1b {
            return Some(VisaStance::H1b);
        }
        if matches!(
            folded.as_str(),
            "none" | "no" | "novisa" | "novisas" | "nosponsorship" | "citizensonly" | "n"
        ) {
            return Some(VisaStance::NoVisa);
        }
        None
    }
}

/// Where the user's application to a program stands.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum ProgramStatus {
    #[default]
    Considering,
    Applied,
    InterviewInvited,
    Interviewed,
    Ranked,
    Rejected,
    Withdrawn,
}

impl ProgramStatus {
    pub const ALL: [ProgramStatus; 7] = [
        ProgramStatus::Considering,
        ProgramStatus::Applied,
        ProgramStatus::InterviewInvited,
        ProgramStatus::Interviewed,
        ProgramStatus::Ranked,
        ProgramStatus::Rejected,
        ProgramStatus::Withdrawn,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProgramStatus::Considering => "considering",
            ProgramStatus::Applied => "applied",
            ProgramStatus::InterviewInvited => "interview invited",
            ProgramStatus::Interviewed => "interviewed",
            ProgramStatus::Ranked => "ranked",
            ProgramStatus::Rejected => "rejected",
            ProgramStatus::Withdrawn => "withdrawn",
        }
    }

    /// The next state along the pipeline (wrapping), for the planner's `s` key. It skips
    /// *ranked*: ranking is its own key, so cycling can never drop a program from the rank list.
    pub fn cycled(self) -> ProgramStatus {
        let all = ProgramStatus::ALL;
        let index = all.iter().position(|s| *s == self).unwrap_or(0);
        let next = all[(index + 1) % all.len()];
        if next == ProgramStatus::Ranked {
            next.cycled()
        } else {
            next
        }
    }

    /// Reads a status as written on the command line or in a spreadsheet.
    pub fn parse(text: &str) -> Option<ProgramStatus> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        Some(match folded.as_str() {
            "" | "considering" | "consider" | "interested" | "maybe" => ProgramStatus::Considering,
            "applied" | "submitted" => ProgramStatus::Applied,
            "interviewinvited" | "invited" | "invite" | "interviewinvite" => {
                ProgramStatus::InterviewInvited
            }
            "interviewed" => ProgramStatus::Interviewed,
            "ranked" => ProgramStatus::Ranked,
            "rejected" | "declined" => ProgramStatus::Rejected,
            "withdrawn" | "withdrew" => ProgramStatus::Withdrawn,
            _ => return None,
        })
    }

    /// Whether the user spends an application fee on the program (everything past considering,
    /// except a program they withdrew from before applying is still counted: the fee is paid).
    pub fn has_applied(self) -> bool {
        !matches!(self, ProgramStatus::Considering)
    }
}

impl Program {
    /// Whether an interview with this program is on record: a date, or the status says it
    /// happened (interviewed). NRMP: do not rank programs where you did not interview.
    pub fn interview_on_record(&self) -> bool {
        self.interview.is_some() || self.status == ProgramStatus::Interviewed
    }

    /// Whether the program counts as applied to in "applied to so far" on `today`: a status
    /// past considering, except that a ranked program counts only when an applied date or an
    /// interview on or before today is on record. Ranked straight from "considering", with at
    /// most an interview date still ahead, nothing says she has applied yet.
    pub fn counts_as_applied(&self, today: NaiveDate) -> bool {
        match self.status {
            ProgramStatus::Considering => false,
            ProgramStatus::Ranked => {
                self.applied.is_some() || self.interview.is_some_and(|day| day <= today)
            }
            _ => true,
        }
    }
}

impl fmt::Display for ProgramStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How a program's visa stance sits with the user's visa choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fit {
    Fits,
    /// The program takes only the visa the user accepts but does not prefer ("H-1B preferred,
    /// J-1 acceptable" and a J-1-only program): worth applying to, marked so it is a choice.
    Acceptable,
    /// The stance is known and does not fit the choice.
    Misfit,
    /// The user has not recorded the program's stance.
    Unknown,
}

impl Fit {
    /// One character for lists: `✗` misfit, `~` acceptable visa only, `?` unknown, blank when it
    /// fits.
    pub fn glyph(self) -> &'static str {
        match self {
            Fit::Fits => " ",
            Fit::Acceptable => "~",
            Fit::Misfit => "✗",
            Fit::Unknown => "?",
        }
    }
}

/// Whether a program's visa stance fits a visa choice. A plan that needs no visa fits every
/// program; an undecided plan fits any program that takes some visa; a preference fits a program
/// taking its preferred visa and is [`Fit::Acceptable`] with one taking only the other.
pub fn visa_fit(stance: VisaStance, choice: VisaChoice) -> Fit {
    use VisaStance as S;
    let only = match stance {
        S::J1 => VisaChoice::J1,
        S::H1b => VisaChoice::H1b,
        _ => VisaChoice::Undecided,
    };
    match (choice, stance) {
        (VisaChoice::NotNeeded, _) => Fit::Fits,
        (_, S::Unknown) => Fit::Unknown,
        (_, S::NoVisa) => Fit::Misfit,
        (VisaChoice::Undecided, _) | (_, S::Both) => Fit::Fits,
        _ if choice.preferred() == only => Fit::Fits,
        _ if choice.acceptable() == Some(only) => Fit::Acceptable,
        _ => Fit::Misfit,
    }
}

/// Why a program does not fit, in words, or `None` when it fits.
pub fn fit_reason(stance: VisaStance, choice: VisaChoice) -> Option<String> {
    match visa_fit(stance, choice) {
        Fit::Fits => None,
        Fit::Acceptable => Some(format!(
            "it takes {}: the visa you accept, not the one you prefer ({})",
            stance.label(),
            choice.preferred()
        )),
        Fit::Unknown => Some(format!(
            "its visa stance is not recorded; check it takes {choice}"
        )),
        Fit::Misfit => Some(match stance {
            VisaStance::NoVisa => "it takes no residents who need a visa".to_owned(),
            _ => format!("it takes {} and your choice is {choice}", stance.label()),
        }),
    }
}

impl Program {
    pub fn fit(&self, choice: VisaChoice) -> Fit {
        visa_fit(self.visa, choice)
    }

    /// The specialty used for grouping fees; programs without one share a group.
    pub fn specialty_key(&self) -> String {
        self.specialty
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map_or_else(|| "(no specialty)".to_owned(), str::to_owned)
    }
}

/// US states, DC and territories, for validating a program's state.
pub const STATE_CODES: [&str; 56] = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI", "IA", "ID",
    "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP", "MS", "MT", "NC", "ND",
    "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX",
    "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY",
];

/// Checks and normalises a state code ("ny " → "NY").
pub fn parse_state(text: &str) -> Result<String, String> {
    let code = text.trim().to_uppercase();
    if STATE_CODES.contains(&code.as_str()) {
        Ok(code)
    } else {
        Err(format!(
            "{:?} is not a US state code: use two letters such as NY, CA or TX",
            crate::text::clean_line(text.trim())
        ))
    }
}

/// Checks an NRMP program code: letters and digits, 4 to 12 of them ("1234140C0").
pub fn parse_nrmp_code(text: &str) -> Result<String, String> {
    let code = text.trim().to_uppercase();
    if (4..=12).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphanumeric()) {
        Ok(code)
    } else {
        Err(format!(
            "{:?} is not an NRMP program code: letters and digits, e.g. 1234140C0",
            crate::text::clean_line(text.trim())
        ))
    }
}

#[cfg(test)]
mod fee_tests {
    use super::*;
    use crate::journey::FeeTier;

    fn schedule(per_program: Vec<FeeTier>) -> FeeSchedule {
        FeeSchedule {
            match_year: 2024,
            per_program,
            once: Vec::new(),
            sources: Vec::new(),
        }
    }

    #[test]
    fn a_block_tier_costs_its_amount_once() {
        let tier = |up_to, usd, block| FeeTier { up_to, usd, block };
        let old = schedule(vec![
            tier(Some(10), 99, true),
            tier(Some(20), 19, false),
            tier(Some(30), 23, false),
            tier(None, 27, false),
        ]);
        assert_eq!(tiered_fee(0, &old), 0);
        assert_eq!(tiered_fee(3, &old), 99);
        assert_eq!(tiered_fee(10, &old), 99);
        // AAMC's own example for the 2024 season: 30 programs cost $519.
        assert_eq!(tiered_fee(30, &old), 519);
        assert_eq!(tiered_fee(31, &old), 546);
        let new = schedule(vec![tier(Some(30), 11, false), tier(None, 30, false)]);
        // AAMC's example for the 2025 season: 30 Emergency Medicine programs cost $330.
        assert_eq!(tiered_fee(30, &new), 330);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visa_cells_people_write_are_understood() {
        for (cell, stance) in [
            ("J-1", VisaStance::J1),
            ("j1 only", VisaStance::J1),
            ("H1B", VisaStance::H1b),
            ("H-1B sponsored", VisaStance::H1b),
            ("both", VisaStance::Both),
            ("J-1/H-1B", VisaStance::Both),
            ("J1 & H1B", VisaStance::Both),
            ("none", VisaStance::NoVisa),
            ("No", VisaStance::NoVisa),
            ("", VisaStance::Unknown),
            ("?", VisaStance::Unknown),
            ("Unknown", VisaStance::Unknown),
        ] {
            assert_eq!(VisaStance::parse(cell), Some(stance), "{cell:?}");
        }
        assert_eq!(VisaStance::parse("maybe later"), None);
    }

    #[test]
    fn dollars_group_thousands() {
        assert_eq!(dollars(0), "$0");
        assert_eq!(dollars(999), "$999");
        assert_eq!(dollars(1000), "$1,000");
        assert_eq!(dollars(1_234_567), "$1,234,567");
    }
}
