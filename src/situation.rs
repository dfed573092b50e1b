//! Rules that depend on who the user is and where they are: entry restrictions that name
//! nationalities, and the payment a new H-1B petition carries for someone outside the US.
//!
//! The lists, dates and amounts are template data ([`crate::journey::SituationRules`]); this
//! module only matches them against the profile's citizenship and whereabouts. It says what a
//! rule says and whom it names, with its exceptions, and always sends the user to ECFMG and an
//! immigration lawyer: never "you are eligible" or "you are not".

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;

use crate::journey::{Country, Template, TravelRestriction, VisaChoice};
use crate::plan::Profile;

/// Closes every note: the planner repeats the rule, it does not decide the case.
pub const CONFIRM: &str = "This is what the rule says and whom it names, with its exceptions: confirm your case with ECFMG and an immigration lawyer.";

/// The visa route a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    J1,
    H1b,
    /// B-1/B-2 visits: US clinical experience and Step 3, which is taken only in the US.
    Visitor,
}

impl Route {
    pub fn label(self) -> &'static str {
        match self {
            Route::J1 => "J-1",
            Route::H1b => "H-1B",
            Route::Visitor => "B-1/B-2 visits",
        }
    }
}

/// Whether a note is a warning or an explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The rule names the user's nationality, or the payment applies to their plan.
    Warning,
    /// Context: an exception that may apply, or a route the rule does not cover.
    Explained,
}

/// One thing a situation rule says about this user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SituationNote {
    pub severity: Severity,
    pub route: Route,
    /// The rule's id (a travel restriction's id, or `h1b-payment`).
    pub rule: String,
    /// The date the rule took or takes effect.
    pub date: NaiveDate,
    pub message: String,
    pub sources: Vec<String>,
}

impl SituationNote {
    /// The note's first sentence, for a one-line list (the whole note is in the details).
    pub fn headline(&self) -> &str {
        let end = self
            .message
            .find(". ")
            .map_or(self.message.len(), |i| i + 1);
        &self.message[..end]
    }
}

/// Everything the situation rules say about this profile and visa choice.
pub fn notes(template: &Template, profile: &Profile) -> Vec<SituationNote> {
    let mut out = Vec::new();
    let citizenship: BTreeSet<&str> = profile.citizenship.iter().map(String::as_str).collect();
    for rule in &template.situation.travel {
        travel_notes(rule, &citizenship, &mut out);
    }
    let payment = &template.situation.h1b_payment;
    // A preference for H-1B counts: the payment is what choosing it would cost.
    if profile.visa.preferred() == VisaChoice::H1b && profile.in_us != Some(true) {
        let until = payment
            .ends
            .map(|end| format!("; it was set to end on {end} unless extended"))
            .unwrap_or_default();
        let rule = format!(
            "a new H-1B petition for someone outside the US has carried it since {}{until}. {} {} {CONFIRM}",
            payment.effective, payment.applies_to, payment.status
        );
        let (severity, message) = if profile.in_us == Some(false) {
            (
                Severity::Warning,
                format!(
                    "${} payment on a new H-1B petition: you are outside the US and chose H-1B, and {rule}",
                    thousands(payment.usd)
                ),
            )
        } else {
            (
                Severity::Explained,
                format!(
                    "${} payment if you are abroad when your program files: {rule} Say in your profile whether you are in the US.",
                    thousands(payment.usd)
                ),
            )
        };
        out.push(SituationNote {
            severity,
            route: Route::H1b,
            rule: "h1b-payment".into(),
            date: payment.effective,
            message,
            sources: payment.sources.clone(),
        });
    }
    out
}

fn travel_notes(
    rule: &TravelRestriction,
    citizenship: &BTreeSet<&str>,
    out: &mut Vec<SituationNote>,
) {
    let named = |list: &[Country]| -> Vec<String> {
        list.iter()
            .filter(|c| citizenship.contains(c.code.as_str()))
            .map(|c| c.name.clone())
            .collect()
    };
    let full = named(&rule.full);
    let partial = named(&rule.partial);
    if full.is_empty() && partial.is_empty() {
        return;
    }
    let listed: BTreeSet<&str> = rule
        .full
        .iter()
        .chain(&rule.partial)
        .map(|c| c.code.as_str())
        .collect();
    let unlisted: Vec<&str> = citizenship
        .iter()
        .copied()
        .filter(|code| !listed.contains(code))
        .collect();
    let travel = Travel {
        rule,
        // Each note leads with what matters (whose nationality, and what follows) so its first
        // words say enough in a one-line list; the rest is the rule's own scope and exceptions.
        title: format!("{} (in force from {})", rule.title, rule.effective),
        review: rule
            .review_days
            .map(|days| format!(" The lists are reviewed every {days} days."))
            .unwrap_or_default(),
    };
    if !unlisted.is_empty() {
        travel.exception_notes(&full, &partial, &unlisted, out);
    } else if !full.is_empty() {
        travel.full_list_notes(&full, out);
    } else {
        travel.partial_list_notes(&partial, out);
    }
}

/// A travel restriction that names one of the user's nationalities, and how its notes are worded.
struct Travel<'a> {
    rule: &'a TravelRestriction,
    title: String,
    review: String,
}

impl Travel<'_> {
    fn note(&self, severity: Severity, route: Route, message: String) -> SituationNote {
        SituationNote {
            severity,
            route,
            rule: self.rule.id.clone(),
            date: self.rule.effective,
            message,
            sources: self.rule.sources.clone(),
        }
    }

    /// The user also holds a passport the rule does not list: an exception may apply.
    fn exception_notes(
        &self,
        full: &[String],
        partial: &[String],
        unlisted: &[&str],
        out: &mut Vec<SituationNote>,
    ) {
        let (rule, title, review) = (self.rule, &self.title, &self.review);
        let passports = unlisted
            .iter()
            .map(|code| country_name(code))
            .collect::<Vec<_>>();
        let (names, list, routes): (&[String], &str, &[Route]) = if full.is_empty() {
            (partial, "partial", &[Route::J1, Route::Visitor])
        } else {
            (full, "full", &[Route::J1, Route::H1b, Route::Visitor])
        };
        for route in routes {
            out.push(self.note(
                Severity::Explained,
                *route,
                format!(
                    "An exception may apply: {} is on the {list} list of {title}, but you also hold a passport of {}, which it does not list. Its exceptions include: {} Which passport you travel and apply on matters.{review} {CONFIRM}",
                    join_names(names.iter()),
                    join_names(passports.iter()),
                    rule.exceptions
                ),
            ));
        }
    }

    /// Every passport the user holds is on the full list.
    fn full_list_notes(&self, full: &[String], out: &mut Vec<SituationNote>) {
        let (rule, title, review) = (self.rule, &self.title, &self.review);
        for route in [Route::J1, Route::H1b, Route::Visitor] {
            out.push(self.note(
                Severity::Warning,
                route,
                format!(
                    "{}: on the full list of {title}, which suspends immigrant visas and every nonimmigrant visa for its nationals, {} included. It applies to {} Exceptions: {}{review} {CONFIRM}",
                    join_names(full.iter()),
                    route.label(),
                    rule.applies_to,
                    rule.exceptions
                ),
            ));
        }
    }

    /// Every passport the user holds is on the partial list, which spares the H-1B.
    fn partial_list_notes(&self, partial: &[String], out: &mut Vec<SituationNote>) {
        let (rule, title, review) = (self.rule, &self.title, &self.review);
        for route in [Route::J1, Route::Visitor] {
            out.push(self.note(
                Severity::Warning,
                route,
                format!(
                    "{}: on the partial list of {title}, which suspends immigrant visas and {} visas for its nationals, {} included. It applies to {} Exceptions: {}{review} {CONFIRM}",
                    join_names(partial.iter()),
                    rule.partial_visas,
                    route.label(),
                    rule.applies_to,
                    rule.exceptions
                ),
            ));
        }
        out.push(self.note(
            Severity::Explained,
            Route::H1b,
            format!(
                "Not covered: the partial list of {title}, which names {}, suspends immigrant visas and {} visas, not the H-1B. Other rules (the H-1B payment, consular wait times) still apply.{review} {CONFIRM}",
                join_names(partial.iter()),
                rule.partial_visas
            ),
        ));
    }
}

/// "Nigeria", "Nigeria and Ghana", "Chad, Nigeria and Ghana".
fn join_names<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let names: Vec<&str> = names.map(String::as_str).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// 100000 -> "100,000".
fn thousands(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Names that stand for more than one country: the user must say which.
const AMBIGUOUS: &[(&str, &str)] = &[
    (
        "congo",
        "CG (the Republic of the Congo) or CD (the Democratic Republic of the Congo)",
    ),
    ("korea", "KR (South Korea) or KP (North Korea)"),
];

/// Reads one country: an ISO 3166-1 alpha-2 or alpha-3 code, or its English name ("Nigeria",
/// "united kingdom", "Côte d'Ivoire"). Returns the alpha-2 code. Names that stand for two
/// countries ("Congo") and numeric codes are refused with the codes to choose from.
pub fn parse_country(text: &str) -> Result<String, String> {
    let trimmed = text.trim();
    let folded: String = trimmed
        .chars()
        .filter_map(|c| match c {
            'à'..='å' | 'À'..='Å' => Some('a'),
            'è'..='ë' | 'È'..='Ë' => Some('e'),
            'ì'..='ï' | 'Ì'..='Ï' => Some('i'),
            'ò'..='ö' | 'Ò'..='Ö' => Some('o'),
            'ù'..='ü' | 'Ù'..='Ü' => Some('u'),
            'ç' | 'Ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect();
    let shown = crate::text::clean_line(trimmed);
    if let Some((_, choices)) = AMBIGUOUS.iter().find(|(name, _)| *name == folded) {
        return Err(format!("{shown:?} could be {choices}: give its code"));
    }
    let letters_only = !folded.is_empty() && folded.chars().all(|c| c.is_ascii_lowercase());
    let found = letters_only
        .then(|| {
            folded
                .parse::<celes::Country>()
                .or_else(|_| celes::Country::from_alias(&folded))
                .or_else(|_| celes::Country::from_name(&folded))
                .ok()
        })
        .flatten();
    match found {
        Some(country) => Ok(country.alpha2.to_owned()),
        None => Err(format!(
            "{shown:?} is not a country imgplan knows: use its ISO 3166 code (e.g. NG, PK, IN, GB)"
        )),
    }
}

/// Reads a comma-separated list of countries ("NG,GB", "Nigeria, United Kingdom"); an empty
/// text clears the list. Codes come back sorted and without repeats.
pub fn parse_citizenship(text: &str) -> Result<Vec<String>, String> {
    let mut codes = BTreeSet::new();
    for part in text
        .split([',', ';'])
        .filter(|part| !part.trim().is_empty())
    {
        codes.insert(parse_country(part)?);
    }
    Ok(codes.into_iter().collect())
}

/// A country's English name for an alpha-2 code ("United Kingdom of Great Britain and Northern
/// Ireland"), or the code itself when unknown. Built from the ISO name: "The " dropped and
/// "Of", "And", "The" lower-cased inside it.
pub fn country_name(code: &str) -> String {
    let Ok(country) = celes::Country::from_alpha2(code) else {
        return code.to_owned();
    };
    let long = country
        .long_name
        .strip_prefix("The ")
        .unwrap_or(country.long_name);
    long.split(' ')
        .enumerate()
        .map(|(i, word)| match word {
            "Of" | "And" | "The" | "Da" if i > 0 => word.to_lowercase(),
            _ => word.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_names() {
        assert_eq!(parse_country("ng").as_deref(), Ok("NG"));
        assert_eq!(parse_country("NGA").as_deref(), Ok("NG"));
        assert_eq!(parse_country(" Nigeria ").as_deref(), Ok("NG"));
        assert_eq!(parse_country("United Kingdom").as_deref(), Ok("GB"));
        assert_eq!(parse_country("Côte d'Ivoire").as_deref(), Ok("CI"));
        assert_eq!(parse_country("Pakistan").as_deref(), Ok("PK"));
        assert!(parse_country("Atlantis").is_err());
        assert!(parse_country("566").is_err(), "numeric codes are refused");
        let congo = parse_country("Congo").expect_err("ambiguous");
        assert!(congo.contains("CG") && congo.contains("CD"), "{congo}");
        assert_eq!(parse_country("CD").as_deref(), Ok("CD"));
        assert!(parse_country("").is_err());
        assert!(parse_country("\u{1b}[31m").is_err());
    }

    #[test]
    fn reads_lists() {
        assert_eq!(
            parse_citizenship("GB, ng,Nigeria"),
            Ok(vec!["GB".to_owned(), "NG".to_owned()])
        );
        assert_eq!(parse_citizenship(""), Ok(Vec::new()));
        assert!(parse_citizenship("NG, Narnia").is_err());
    }

    #[test]
    fn names_read_as_people_write_them() {
        assert_eq!(
            country_name("GB"),
            "United Kingdom of Great Britain and Northern Ireland"
        );
        assert_eq!(country_name("US"), "United States of America");
        assert_eq!(country_name("PK"), "Pakistan");
        assert_eq!(country_name("ZZ"), "ZZ");
    }

    #[test]
    fn formats_amounts_and_lists() {
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(935), "935");
        let names = ["Chad".to_owned(), "Nigeria".to_owned(), "Ghana".to_owned()];
        assert_eq!(join_names(names.iter()), "Chad, Nigeria and Ghana");
        assert_eq!(join_names(names[..1].iter()), "Chad");
    }
}
