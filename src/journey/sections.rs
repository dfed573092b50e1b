//! The template's data beyond the tasks: the J-1 versus H-1B comparison, the ERAS fee
//! schedules, the rules of the program and USCE trackers, and the situation rules (entry
//! restrictions, the H-1B payment, the tasks each route brings).

use super::*;

/// The J-1 versus H-1B comparison. Visa policy moves fast (2025 alone brought a new H-1B fee, a
/// pause in J-1 interviews and a proposed cap on J-1 stays), so the table carries the date its
/// policy was last checked and every row its own season and sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisaComparison {
    /// When the policy in the rows was last checked against the sources.
    pub policy_as_of: NaiveDate,
    pub rows: Vec<ComparisonRow>,
}

/// One topic of the comparison, with the J-1 and the H-1B side in a few words each.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    pub id: String,
    pub topic: String,
    pub j1: String,
    pub h1b: String,
    /// More detail, shown beside the row when it is selected and in `imgplan visa`.
    #[serde(default)]
    pub note: Option<String>,
    pub season: String,
    pub sources: Vec<String>,
    #[serde(default = "default_true")]
    pub verified: bool,
}

/// The ERAS fees of one application season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeSchedule {
    /// The Match the season leads to (the 2026 ERAS season is the 2026 Match).
    pub match_year: i32,
    /// Fees per program applied to, by tier; the count restarts for each specialty.
    pub per_program: Vec<FeeTier>,
    /// Fees paid once a season whatever the number of programs (token, transcript).
    pub once: Vec<OnceFee>,
    pub sources: Vec<String>,
}

/// The fee for each program up to (and including) the `up_to`-th in a specialty; the last tier
/// has no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeTier {
    #[serde(default)]
    pub up_to: Option<u32>,
    pub usd: u32,
    /// The whole tier costs `usd` once, however many of its programs are used (the 2024
    /// season's "$99 for up to 10 programs"), instead of `usd` per program.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub block: bool,
}

/// A fee paid once a season.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnceFee {
    pub label: String,
    pub usd: u32,
    pub season: String,
    pub sources: Vec<String>,
}

/// What the program, rank-list and letter checks need from the journey. Kept in the template so
/// renaming a task or changing a threshold stays a data change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackerRules {
    /// The task that stands for passing Step 3 ("Step 3 before ranking" programs read it).
    pub step3_task: String,
    /// The task whose date is when every letter must be in ERAS.
    pub letters_task: String,
    /// Letters to aim for until the user sets their own target.
    pub letter_target: u32,
    /// A letter not yet uploaded this many days before the letters task's date is warned about.
    pub letter_warning_days: i64,
    /// Where the letter advice comes from.
    pub letter_sources: Vec<String>,
    /// The task that stands for sitting Step 2 CK: its date is the exam date the practice
    /// scores are drawn against.
    #[serde(default)]
    pub step2ck_task: Option<String>,
    /// The most letters ERAS sends to one program (the letter sources say so).
    #[serde(default)]
    pub letters_per_program: Option<u32>,
    /// Where the ranking advice (rank only programs you could join; Step 3 rules) comes from.
    pub rank_sources: Vec<String>,
}

/// Rules that depend on the user's citizenship and whereabouts. Kept as data because each of
/// them changes by proclamation: the lists, the dates and the payment are edits here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationRules {
    /// Entry restrictions that name nationalities.
    pub travel: Vec<TravelRestriction>,
    /// The payment a new H-1B petition carries for someone outside the US.
    pub h1b_payment: H1bPayment,
    /// The task each route's warning is attached to.
    pub route_tasks: RouteTasks,
}

/// A proclamation that suspends visas for nationals of listed countries. The planner repeats
/// what it says and whom it names, with its exceptions; it never says whether a user may enter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TravelRestriction {
    pub id: String,
    pub title: String,
    pub effective: NaiveDate,
    /// How often the lists are reviewed, in days, so the user knows they move.
    #[serde(default)]
    pub review_days: Option<u32>,
    /// Nationals of these are suspended from immigrant and every nonimmigrant visa.
    pub full: Vec<Country>,
    /// Nationals of these are suspended from immigrant visas and the classes in `partial_visas`.
    pub partial: Vec<Country>,
    /// The nonimmigrant classes the partial list covers, in words ("B-1/B-2, F, M and J").
    pub partial_visas: String,
    /// Whom it applies to, in words.
    pub applies_to: String,
    /// Who is excepted, in words (dual nationals on another passport, permanent residents...).
    pub exceptions: String,
    pub season: String,
    pub sources: Vec<String>,
}

/// A country named by a rule: its ISO 3166-1 alpha-2 code and the name the rule uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
}

/// The payment a new H-1B petition carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct H1bPayment {
    pub usd: u32,
    /// Petitions filed from this date carry it.
    pub effective: NaiveDate,
    /// The date it ends unless extended, if the proclamation sets one.
    #[serde(default)]
    pub ends: Option<NaiveDate>,
    /// Whom it applies to and whom not, in words.
    pub applies_to: String,
    /// Where it stands (in force, challenged, extended), in words, with dates.
    pub status: String,
    pub season: String,
    pub sources: Vec<String>,
}

/// The task a situation warning is attached to, per route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteTasks {
    pub j1: String,
    pub h1b: String,
    /// The B-1/B-2 visitor visa task (USCE visits and Step 3, taken only in the US).
    pub visitor: String,
}
