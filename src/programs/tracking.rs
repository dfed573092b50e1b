//! What an applicant tracks about each program beyond what the program asks: priority, the
//! signal spent, applied and invite dates, the interview format, the thank-you note, a contact
//! and the fees paid, plus any columns of her own spreadsheet the importer does not know.
//!
//! Every field is optional and serde-default, so plan files written before they existed load
//! unchanged.

use serde::{Deserialize, Serialize};

/// Highest priority number: 1 is the program she wants most, 5 the least.
pub const PRIORITIES: std::ops::RangeInclusive<u8> = 1..=5;

/// The ERAS program signal spent on a program (where the specialty uses signals).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Signal {
    #[default]
    None,
    Silver,
    Gold,
}

impl Signal {
    pub const ALL: [Signal; 3] = [Signal::None, Signal::Gold, Signal::Silver];

    pub fn label(self) -> &'static str {
        match self {
            Signal::None => "none",
            Signal::Gold => "gold",
            Signal::Silver => "silver",
        }
    }

    pub fn is_none(&self) -> bool {
        *self == Signal::None
    }

    /// "gold", "Gold signal", "silver", "S", "none", "no", "" …
    pub fn parse(text: &str) -> Option<Signal> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let folded = folded.strip_suffix("signal").unwrap_or(&folded);
        match folded {
            "" | "none" | "no" | "n" | "0" | "-" => Some(Signal::None),
            "gold" | "g" | "yes" | "y" => Some(Signal::Gold),
            "silver" | "s" => Some(Signal::Silver),
            _ => None,
        }
    }
}

/// How the interview is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InterviewFormat {
    Virtual,
    InPerson,
}

impl InterviewFormat {
    pub const ALL: [InterviewFormat; 2] = [InterviewFormat::Virtual, InterviewFormat::InPerson];

    pub fn label(self) -> &'static str {
        match self {
            InterviewFormat::Virtual => "virtual",
            InterviewFormat::InPerson => "in person",
        }
    }

    /// "virtual", "online", "Zoom", "in person", "in-person", "onsite" …; `Ok(None)` when empty;
    /// the error says what to write.
    pub fn parse(text: &str) -> Result<Option<InterviewFormat>, &'static str> {
        let folded: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        match folded.as_str() {
            "" | "none" | "na" => Ok(None),
            "virtual" | "online" | "zoom" | "video" | "remote" => {
                Ok(Some(InterviewFormat::Virtual))
            }
            "inperson" | "onsite" | "person" | "live" => Ok(Some(InterviewFormat::InPerson)),
            _ => Err("is not understood; write virtual or in person"),
        }
    }
}

/// A priority typed or read from a cell: 1 to 5, or empty.
pub fn parse_priority(text: &str) -> Result<Option<u8>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(value) if PRIORITIES.contains(&value) => Ok(Some(value)),
        _ => Err(format!(
            "{:?} is not a priority: write 1 (highest) to 5, or leave it empty",
            crate::text::clean_line(text)
        )),
    }
}

/// An amount in whole US dollars: "120", "$120", "1,234", "$1,234.00"; empty is none.
pub fn parse_dollars(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let digits: String = text
        .strip_prefix('$')
        .unwrap_or(text)
        .trim()
        .trim_end_matches(".00")
        .chars()
        .filter(|c| *c != ',')
        .collect();
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(value) = digits.parse()
    {
        return Ok(Some(value));
    }
    Err(format!(
        "{:?} is not an amount: write whole US dollars, e.g. 120",
        crate::text::clean_line(text)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_people_write_are_read() {
        assert_eq!(Signal::parse("Gold signal"), Some(Signal::Gold));
        assert_eq!(Signal::parse("S"), Some(Signal::Silver));
        assert_eq!(Signal::parse(""), Some(Signal::None));
        assert_eq!(Signal::parse("bronze"), None);
        assert_eq!(
            InterviewFormat::parse("In-person"),
            Ok(Some(InterviewFormat::InPerson))
        );
        assert_eq!(
            InterviewFormat::parse("Zoom"),
            Ok(Some(InterviewFormat::Virtual))
        );
        assert!(InterviewFormat::parse("phone?").is_err());
        assert_eq!(parse_priority(" 2 "), Ok(Some(2)));
        assert!(parse_priority("6").is_err());
        assert!(parse_priority("0").is_err());
        assert_eq!(parse_dollars("$1,234.00"), Ok(Some(1234)));
        assert_eq!(parse_dollars(""), Ok(None));
        assert!(parse_dollars("-5").is_err());
    }
}
