//! The Match-cycle calendar: the anchor dates of one Match season.
//!
//! A date comes from one of four places, and the planner always says which: the user set it
//! (*yours*); it is in an official calendar for that season (*published*); it was *estimated*
//! from the pattern of past seasons described in the template; or it is a task's date *planned*
//! from an anchor ("35 days before the ERAS submission date"), which keeps the origin of the
//! anchor it counts from. Nothing here reads the clock: "today" is always passed in.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::journey::{Anchor, DateRule, Template};

/// Where a date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateOrigin {
    /// Published for this season by the body that runs it.
    Published,
    /// Estimated from the pattern of past seasons; confirm it when the season is published.
    Estimated,
    /// A task's date computed from an anchor date by the template's rule.
    Planned,
    /// Set by the user.
    Yours,
}

impl DateOrigin {
    pub fn label(self) -> &'static str {
        match self {
            DateOrigin::Published => "published",
            DateOrigin::Estimated => "estimated",
            DateOrigin::Planned => "planned",
            DateOrigin::Yours => "yours",
        }
    }
}

impl fmt::Display for DateOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A date with its origin, and for published dates the source it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub date: NaiveDate,
    pub origin: DateOrigin,
    /// For a planned date, the origin of the anchor it was counted from.
    pub basis: Option<DateOrigin>,
    /// The source id of a published date (or of the published anchor a planned date counts from).
    pub source: Option<String>,
}

impl Dated {
    pub fn new(date: NaiveDate, origin: DateOrigin) -> Dated {
        Dated {
            date,
            origin,
            basis: None,
            source: None,
        }
    }

    /// An estimate, or planned from one: a calendar shows it as tentative.
    pub fn is_tentative(&self) -> bool {
        self.origin == DateOrigin::Estimated || self.basis == Some(DateOrigin::Estimated)
    }

    /// "published", "estimated", "yours", or for a planned date the origin of the anchor it
    /// counts from: "planned (published)".
    pub fn label(&self) -> String {
        match (self.origin, self.basis) {
            (DateOrigin::Planned, Some(basis)) => format!("planned ({basis})"),
            (origin, _) => origin.label().to_owned(),
        }
    }
}

/// The anchor dates of one Match season, plus the user's graduation date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonCalendar {
    pub match_year: i32,
    dates: BTreeMap<Anchor, Dated>,
}

impl SeasonCalendar {
    /// Computes every anchor of the season for `match_year`. Dates the user set in
    /// `overrides` win over published ones, which win over estimates.
    pub fn compute(
        template: &Template,
        match_year: i32,
        overrides: &BTreeMap<Anchor, NaiveDate>,
        graduation: Option<NaiveDate>,
    ) -> SeasonCalendar {
        let mut calendar = SeasonCalendar {
            match_year,
            dates: BTreeMap::new(),
        };
        for anchor in Anchor::SEASON {
            calendar.resolve_anchor(template, anchor, overrides, true, 0);
        }
        if let Some(date) = overrides.get(&Anchor::Graduation).copied().or(graduation) {
            calendar
                .dates
                .insert(Anchor::Graduation, Dated::new(date, DateOrigin::Yours));
        }
        calendar
    }

    /// What the template's rules alone give for a season, ignoring published dates: how the
    /// rules are checked against every published season.
    pub fn estimate(template: &Template, match_year: i32) -> SeasonCalendar {
        let mut calendar = SeasonCalendar {
            match_year,
            dates: BTreeMap::new(),
        };
        for anchor in Anchor::SEASON {
            calendar.resolve_anchor(template, anchor, &BTreeMap::new(), false, 0);
        }
        calendar
    }

    fn resolve_anchor(
        &mut self,
        template: &Template,
        anchor: Anchor,
        overrides: &BTreeMap<Anchor, NaiveDate>,
        use_published: bool,
        depth: usize,
    ) -> Option<NaiveDate> {
        if let Some(known) = self.dates.get(&anchor) {
            return Some(known.date);
        }
        // The template is checked for cycles, but a bound keeps a bad template from recursing.
        if depth > Anchor::SEASON.len() {
            return None;
        }
        let published = template
            .seasons
            .iter()
            .filter(|season| use_published && season.match_year == self.match_year)
            .flat_map(|season| season.dates.iter())
            .find(|published| published.anchor == anchor);
        let dated = if let Some(date) = overrides.get(&anchor) {
            Dated::new(*date, DateOrigin::Yours)
        } else if let Some(published) = published {
            Dated {
                source: Some(published.source.clone()),
                ..Dated::new(published.date, DateOrigin::Published)
            }
        } else {
            let rule = template.anchor(anchor)?.rule.clone();
            let date = rule.date_for(self.match_year, |base| {
                self.resolve_anchor(template, base, overrides, use_published, depth + 1)
            })?;
            Dated::new(date, DateOrigin::Estimated)
        };
        let date = dated.date;
        self.dates.insert(anchor, dated);
        Some(date)
    }

    /// The date of an anchor, if it is known (graduation may be unset).
    pub fn get(&self, anchor: Anchor) -> Option<&Dated> {
        self.dates.get(&anchor)
    }

    /// The season's anchors in calendar order, with their dates.
    pub fn season_dates(&self) -> impl Iterator<Item = (Anchor, &Dated)> {
        Anchor::SEASON
            .into_iter()
            .filter_map(|anchor| self.dates.get(&anchor).map(|dated| (anchor, dated)))
    }

    /// The date a rule gives in this season: *planned*, counted from its anchor, whose origin
    /// (published, estimated or yours) it keeps as its basis.
    pub fn resolve(&self, rule: DateRule) -> Option<Dated> {
        let base = self.dates.get(&rule.anchor)?;
        let date = base
            .date
            .checked_add_signed(Duration::days(rule.offset_days))?;
        Some(Dated {
            date,
            origin: DateOrigin::Planned,
            basis: Some(base.origin),
            source: base.source.clone(),
        })
    }
}

/// The earliest Match whose ERAS submission date is still ahead of `today`: the first season a
/// new plan can still apply in.
pub fn default_match_year(template: &Template, today: NaiveDate) -> i32 {
    let no_overrides = BTreeMap::new();
    (today.year()..today.year() + 3)
        .find(|&year| {
            SeasonCalendar::compute(template, year, &no_overrides, None)
                .get(Anchor::ErasSubmission)
                .is_some_and(|submission| submission.date > today)
        })
        .unwrap_or(today.year() + 2)
}

/// The Match years a plan may target; outside it dates stop meaning anything.
pub const MATCH_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// Reads a date the user typed (a form field, a command-line option), through the one date
/// reader ([`crate::dates::read_date`]: YYYY-MM-DD, M/D/YYYY or D Mon YYYY), with a message that
/// says what was wrong.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::dates::read_date(text).map_err(|err| err.to_string())
}
