//! The season's anchor dates (ERAS opens, Match Day, …) and the rules that estimate them when
//! no official calendar has published them yet.

use super::*;

/// The named dates a plan is built around. Season anchors are computed per Match year by the
/// calendar; `Graduation` comes from the user's profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Anchor {
    /// The ERAS season opens (MyERAS, tokens usable).
    ErasOpens,
    /// Applicants may submit their ERAS application.
    ErasSubmission,
    /// Programs may begin reviewing applications and MSPEs.
    ProgramsReview,
    /// NRMP applicant registration opens.
    NrmpRegistrationOpens,
    /// The NRMP standard registration deadline (a late fee applies after it).
    NrmpRegistrationDeadline,
    /// The rank order list (ROL) certification deadline.
    RolDeadline,
    /// Monday of Match Week (applicants learn whether they matched; SOAP starts).
    MatchWeek,
    /// Match Day (results released).
    MatchDay,
    /// 1 July: residency training starts.
    TrainingStart,
    /// The user's graduation date (actual or expected), from the profile.
    Graduation,
}

impl Anchor {
    /// The anchors of a Match season, in calendar order.
    pub const SEASON: [Anchor; 9] = [
        Anchor::ErasOpens,
        Anchor::ErasSubmission,
        Anchor::NrmpRegistrationOpens,
        Anchor::ProgramsReview,
        Anchor::NrmpRegistrationDeadline,
        Anchor::RolDeadline,
        Anchor::MatchWeek,
        Anchor::MatchDay,
        Anchor::TrainingStart,
    ];

    /// The identifier used in the plan file and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Anchor::ErasOpens => "ErasOpens",
            Anchor::ErasSubmission => "ErasSubmission",
            Anchor::ProgramsReview => "ProgramsReview",
            Anchor::NrmpRegistrationOpens => "NrmpRegistrationOpens",
            Anchor::NrmpRegistrationDeadline => "NrmpRegistrationDeadline",
            Anchor::RolDeadline => "RolDeadline",
            Anchor::MatchWeek => "MatchWeek",
            Anchor::MatchDay => "MatchDay",
            Anchor::TrainingStart => "TrainingStart",
            Anchor::Graduation => "Graduation",
        }
    }
}

/// A weekday, spelled as in the template (`Mon` … `Sun`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl From<Weekday> for chrono::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Mon => chrono::Weekday::Mon,
            Weekday::Tue => chrono::Weekday::Tue,
            Weekday::Wed => chrono::Weekday::Wed,
            Weekday::Thu => chrono::Weekday::Thu,
            Weekday::Fri => chrono::Weekday::Fri,
            Weekday::Sat => chrono::Weekday::Sat,
            Weekday::Sun => chrono::Weekday::Sun,
        }
    }
}

/// How an anchor date is estimated for a season that has no published date. Years are relative
/// to the Match year (`year_offset: -1` is the calendar year before the Match).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum AnchorRule {
    /// The `nth` given weekday of a month (e.g. the third Friday of March).
    NthWeekday {
        year_offset: i32,
        month: u32,
        weekday: Weekday,
        nth: u8,
    },
    /// The first given weekday on or after a day of a month (e.g. the first Wednesday on or
    /// after 2 June): the "first Wednesday of June" of most seasons, without its exceptions.
    WeekdayOnOrAfter {
        year_offset: i32,
        month: u32,
        day: u32,
        weekday: Weekday,
    },
    /// A fixed day of a month (e.g. 15 September), moved as `weekend` says when it falls on a
    /// Saturday or Sunday.
    DayOfMonth {
        year_offset: i32,
        month: u32,
        day: u32,
        #[serde(default)]
        weekend: WeekendRule,
    },
    /// A number of days after (or, when negative, before) another season anchor.
    DaysAfter { anchor: Anchor, days: i64 },
}

/// What a fixed-day rule does when the day falls on a weekend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WeekendRule {
    /// The date stays on the weekend.
    #[default]
    Keep,
    /// The date moves to the following Monday.
    NextMonday,
    /// The date moves to the Friday before.
    PreviousFriday,
}

impl WeekendRule {
    /// The date after the rule has moved it off a weekend.
    pub fn apply(self, date: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        let days = match (self, date.weekday()) {
            (WeekendRule::NextMonday, chrono::Weekday::Sat) => 2,
            (WeekendRule::NextMonday, chrono::Weekday::Sun) => 1,
            (WeekendRule::PreviousFriday, chrono::Weekday::Sat) => -1,
            (WeekendRule::PreviousFriday, chrono::Weekday::Sun) => -2,
            _ => 0,
        };
        date.checked_add_signed(chrono::Duration::days(days))
    }
}

impl AnchorRule {
    /// The date the rule gives for a Match year; `base` resolves the anchor a `DaysAfter` rule
    /// counts from. `None` when the rule names a day that does not exist.
    pub fn date_for(
        &self,
        match_year: i32,
        base: impl FnOnce(Anchor) -> Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        use chrono::Datelike;
        match *self {
            AnchorRule::NthWeekday {
                year_offset,
                month,
                weekday,
                nth,
            } => NaiveDate::from_weekday_of_month_opt(
                match_year + year_offset,
                month,
                weekday.into(),
                nth,
            ),
            AnchorRule::WeekdayOnOrAfter {
                year_offset,
                month,
                day,
                weekday,
            } => {
                let start = NaiveDate::from_ymd_opt(match_year + year_offset, month, day)?;
                let wanted = chrono::Weekday::from(weekday).num_days_from_monday();
                let have = start.weekday().num_days_from_monday();
                let ahead = (7 + wanted - have) % 7;
                start.checked_add_signed(chrono::Duration::days(i64::from(ahead)))
            }
            AnchorRule::DayOfMonth {
                year_offset,
                month,
                day,
                weekend,
            } => weekend.apply(NaiveDate::from_ymd_opt(
                match_year + year_offset,
                month,
                day,
            )?),
            AnchorRule::DaysAfter { anchor, days } => {
                base(anchor)?.checked_add_signed(chrono::Duration::days(days))
            }
        }
    }
}

/// Title, estimation rule and sources of one season anchor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnchorDefinition {
    pub anchor: Anchor,
    /// How the date reads in a sentence: "programs may review applications".
    pub title: String,
    pub rule: AnchorRule,
    /// Where the pattern was observed.
    pub sources: Vec<String>,
}
