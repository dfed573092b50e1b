//! How many ERAS program signals each specialty gives, as data (`assets/signals.ron`, with its
//! official source and season), and how many of them the plan's programs use.

use serde::Deserialize;

use super::{Program, Signal};

const EMBEDDED_SIGNALS: &str = include_str!("../../assets/signals.ron");

/// The signal counts of one season.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignalTable {
    pub season: String,
    pub checked: chrono::NaiveDate,
    /// Ids of sources in the journey template.
    pub sources: Vec<String>,
    pub specialties: Vec<SpecialtySignals>,
}

/// One specialty: tiered (gold and silver) or a single kind of signal.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialtySignals {
    pub specialty: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub gold: u8,
    #[serde(default)]
    pub silver: u8,
    /// The count of a specialty that does not tier its signals (each is shown as "gold").
    #[serde(default)]
    pub signals: u8,
}

impl SpecialtySignals {
    /// How many signals of a kind the specialty gives; a single-tier count is its gold.
    pub fn allowed(&self, signal: Signal) -> u8 {
        match signal {
            Signal::Gold if self.signals > 0 => self.signals,
            Signal::Gold => self.gold,
            Signal::Silver => self.silver,
            Signal::None => 0,
        }
    }

    /// "3 gold + 12 silver" or "5 signals".
    pub fn summary(&self) -> String {
        if self.signals > 0 {
            format!("{} signals", self.signals)
        } else {
            format!("{} gold + {} silver", self.gold, self.silver)
        }
    }
}

/// Why the signal table could not be read (a broken asset, caught by the tests).
#[derive(Debug, thiserror::Error)]
#[error("assets/signals.ron: {0}")]
pub struct SignalTableError(String);

impl SignalTable {
    pub fn embedded() -> Result<SignalTable, SignalTableError> {
        ron::from_str(EMBEDDED_SIGNALS).map_err(|err| SignalTableError(err.to_string()))
    }

    /// The counts for a specialty as the user writes it (case, spaces and punctuation aside;
    /// a listed alias such as "IM" works too). `None` where the specialty does not use signals.
    pub fn for_specialty(&self, specialty: &str) -> Option<&SpecialtySignals> {
        let wanted = fold(specialty);
        if wanted.is_empty() {
            return None;
        }
        self.specialties.iter().find(|s| {
            fold(&s.specialty) == wanted || s.aliases.iter().any(|alias| fold(alias) == wanted)
        })
    }
}

/// The embedded table, read once; `None` only if the asset is broken (a test guards it).
pub fn table() -> Option<&'static SignalTable> {
    static TABLE: std::sync::OnceLock<Option<SignalTable>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| SignalTable::embedded().ok()).as_ref()
}

fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many programs of a specialty carry a kind of signal.
pub fn used(programs: &[Program], specialty: &str, signal: Signal) -> usize {
    programs
        .iter()
        .filter(|p| p.signal == signal)
        .filter(|p| {
            p.specialty
                .as_deref()
                .is_some_and(|s| fold(s) == fold(specialty))
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads_and_cites_sources_the_template_has() {
        let table = SignalTable::embedded().expect("signals");
        let template = crate::journey::Template::embedded().expect("template");
        for id in &table.sources {
            assert!(template.sources.iter().any(|s| &s.id == id), "{id}");
        }
        let im = table.for_specialty("internal  medicine").expect("IM");
        assert_eq!(
            (im.allowed(Signal::Gold), im.allowed(Signal::Silver)),
            (3, 12)
        );
        assert_eq!(
            table.for_specialty("IM").map(|s| s.summary()),
            Some("3 gold + 12 silver".into())
        );
        assert_eq!(
            table
                .for_specialty("Family Medicine")
                .map(|s| s.allowed(Signal::Gold)),
            Some(5)
        );
        assert!(table.for_specialty("Obstetrics and Gynecology").is_none());
        assert!(table.for_specialty("").is_none());
        for s in &table.specialties {
            assert!(s.signals > 0 || s.gold + s.silver > 0, "{}", s.specialty);
        }
    }
}
