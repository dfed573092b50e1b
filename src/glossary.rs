//! The glossary: every abbreviation and term the planner uses, explained in one line with the
//! source the line rests on (assets/glossary.ron, embedded like the journey). The `?` help ends
//! with it, and the details pane explains the terms that appear in what it shows.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::journey::{Source, SourceKind, Template};

/// The glossary as built into the binary.
pub const EMBEDDED_GLOSSARY: &str = include_str!("../assets/glossary.ron");

/// One term.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    /// One line: what it is and what it means for the user.
    pub meaning: String,
    /// Source ids, from the journey template or the glossary's own list.
    #[serde(default)]
    pub sources: Vec<String>,
    /// A word of the planner's own (anchor, rule, closed…): the planner is its source.
    #[serde(default)]
    pub planner: bool,
    /// Why a term has no source (a shorthand no official body defines).
    #[serde(default)]
    pub note: Option<String>,
}

/// Every term, with the sources the template does not already hold.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub terms: Vec<Term>,
    #[serde(default)]
    pub sources: Vec<Source>,
}

#[derive(Debug, thiserror::Error)]
#[error("the built-in glossary does not read: {0}")]
pub struct GlossaryError(String);

impl Glossary {
    pub fn parse(text: &str) -> Result<Glossary, GlossaryError> {
        ron::Options::default()
            .from_str(text)
            .map_err(|err| GlossaryError(err.to_string()))
    }

    /// The built-in glossary, read once. An unreadable one (which the tests rule out) is empty
    /// rather than a crash: the planner works without it.
    pub fn embedded() -> &'static Glossary {
        static GLOSSARY: OnceLock<Glossary> = OnceLock::new();
        GLOSSARY.get_or_init(|| Glossary::parse(EMBEDDED_GLOSSARY).unwrap_or_default())
    }

    /// A source by id: the glossary's own, else the template's.
    pub fn source<'a>(&'a self, template: &'a Template, id: &str) -> Option<&'a Source> {
        self.sources
            .iter()
            .find(|s| s.id == id)
            .or_else(|| template.source(id))
    }

    /// What is wrong with the glossary against a template: a term without a source, a planner
    /// word or a note; an unknown source id; a term twice; an own source that is not an
    /// official https page.
    pub fn problems(&self, template: &Template) -> Vec<String> {
        let mut problems = Vec::new();
        for (index, term) in self.terms.iter().enumerate() {
            if term.sources.is_empty() && !term.planner && term.note.is_none() {
                problems.push(format!("{}: no source, planner mark or note", term.term));
            }
            for id in &term.sources {
                if self.source(template, id).is_none() {
                    problems.push(format!("{}: unknown source {id}", term.term));
                }
            }
            if self.terms[..index]
                .iter()
                .any(|t| t.term.eq_ignore_ascii_case(&term.term))
            {
                problems.push(format!("{}: listed twice", term.term));
            }
        }
        for source in &self.sources {
            if source.kind != SourceKind::Official || !source.url.starts_with("https://") {
                problems.push(format!("{}: not an official https page", source.id));
            }
            if template.source(&source.id).is_some() {
                problems.push(format!("{}: already a journey source", source.id));
            }
        }
        problems
    }

    /// The terms that appear in a text, in glossary order. Abbreviations (with capitals) match
    /// as written; words of the planner's own are left out (the help explains them), as they
    /// would appear on nearly every page.
    pub fn terms_in(&self, text: &str) -> Vec<&Term> {
        self.terms
            .iter()
            .filter(|term| !term.planner && appears(text, &term.term))
            .collect()
    }
}

/// Whether a term appears in text as a whole word ("ROL" not inside "CONTROL"; "J-1" not in
/// "J-1s" is fine either way). Terms with a capital match case-sensitively; others ignore case.
fn appears(text: &str, term: &str) -> bool {
    let sensitive = term.chars().any(char::is_uppercase);
    let (hay, needle) = if sensitive {
        (text.to_owned(), term.to_owned())
    } else {
        (text.to_lowercase(), term.to_lowercase())
    };
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    hay.match_indices(&needle).any(|(at, found)| {
        boundary(hay[..at].chars().next_back()) && boundary(hay[at + found.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_glossary_reads_and_every_term_has_a_source() {
        let template = Template::embedded().expect("template");
        let glossary = Glossary::parse(EMBEDDED_GLOSSARY).expect("glossary reads");
        assert_eq!(glossary.problems(&template), Vec::<String>::new());
        // The words a trial found unexplained are all there.
        for word in [
            "anchor",
            "closed",
            "rule",
            "EVSP",
            "section 212(e)",
            "WDOMS",
            "YOG",
            "ROL",
            "SOAP",
            "MSPE",
        ] {
            assert!(
                glossary.terms.iter().any(|t| t.term == word),
                "{word} is explained"
            );
        }
    }

    #[test]
    fn terms_are_found_as_whole_words() {
        let glossary = Glossary::parse(EMBEDDED_GLOSSARY).expect("glossary");
        let found = |text: &str| -> Vec<String> {
            glossary
                .terms_in(text)
                .iter()
                .map(|t| t.term.clone())
                .collect()
        };
        assert_eq!(found("Certify your ROL; SOAP follows."), ["ROL", "SOAP"]);
        assert!(found("CONTROL the SOAPY water").is_empty());
        assert_eq!(
            found("subject to section 212(e) of the Act"),
            ["section 212(e)"]
        );
        // The planner's own words are for the help, not the details.
        assert!(found("the rule and its anchor").is_empty());
    }
}
