//! The source walk: every source a user can follow, graded honestly, checked on a date, and
//! cited; every citation resolves; `official` only on the official publishers' own domains.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use imgplan::journey::{SourceKind, Template};

/// The domains whose pages count as official: the bodies that set the rules or publish the
/// figures an IMG plans by. A source on any other domain must be `Secondary`. Extend this list
/// only with a body's own domain, never a mirror or a copy.
const OFFICIAL_DOMAINS: &[&str] = &[
    // Match and application services.
    "nrmp.org",
    "aamc.org",
    // ECFMG and its parent, Intealth (and their own newsletter hosts under ecfmg.org).
    "ecfmg.org",
    "intealth.org",
    // EPIC, ECFMG's credential verification service, publishes its fees on its own domain.
    "ecfmgepic.org",
    // The exams.
    "usmle.org",
    "fsmb.org",
    // US government: State Department (and its embassies), USCIS, DHS, the Federal Register,
    // the White House.
    "state.gov",
    "usembassy.gov",
    "uscis.gov",
    "dhs.gov",
    // ICE, the DHS agency that collects the I-901 SEVIS fee, on its own domain.
    "ice.gov",
    "federalregister.gov",
    "whitehouse.gov",
    // Graduate medical education and the profession.
    "acgme.org",
    "ama-assn.org",
    // OET, the English test ECFMG accepts.
    "oet.com",
    // A specialty's own body for its own rules (the Alliance for Academic Internal Medicine sets
    // Internal Medicine's signals) and a platform's own help for how it works (Thalamus).
    "im.org",
    "thalamusgme.com",
    // The Journal of Graduate Medical Education's own site, for the study it published.
    "meridian.allenpress.com",
    "jgme.org",
];

/// Hosts that are never sources: mirrors, document-sharing sites, hosting providers' addresses.
const NOT_SOURCES: &[&str] = &[
    "pages.dev",
    "blogspot.",
    "genderi.org",
    "alexisfairbanks.com",
    "dxcloud.episerver.net",
    "b2blocal.com",
    "scribd.com",
    "pdfslide",
    "reddit",
];

fn template() -> Template {
    Template::embedded().expect("embedded template")
}

fn host(url: &str) -> &str {
    let rest = url.strip_prefix("https://").unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

fn on_official_domain(url: &str) -> bool {
    let host = host(url);
    OFFICIAL_DOMAINS
        .iter()
        .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
}

#[test]
fn every_source_can_be_followed_and_says_how_old_it_is() {
    let template = template();
    assert!(template.problems().is_empty(), "{:?}", template.problems());
    let newest = template.checked_up_to().expect("sources are dated");
    let oldest_allowed = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    let mut ids = BTreeSet::new();
    for source in &template.sources {
        assert!(ids.insert(source.id.as_str()), "{} twice", source.id);
        assert!(
            source.url.starts_with("https://"),
            "{}: {} is not https",
            source.id,
            source.url
        );
        assert!(!host(&source.url).is_empty(), "{} has no host", source.id);
        assert!(
            !source.publisher.trim().is_empty() && !source.title.trim().is_empty(),
            "{} needs a publisher and a title",
            source.id
        );
        assert!(
            !source.season.trim().is_empty(),
            "{} has no season",
            source.id
        );
        assert!(
            source.checked <= newest && source.checked >= oldest_allowed,
            "{} checked {} looks wrong",
            source.id,
            source.checked
        );
        for bad in NOT_SOURCES {
            assert!(
                !source.url.contains(bad),
                "{} is a mirror or a copy, not a source: {}",
                source.id,
                source.url
            );
        }
    }
}

#[test]
fn official_means_an_official_publishers_own_domain() {
    let template = template();
    for source in &template.sources {
        if source.kind == SourceKind::Official {
            assert!(
                on_official_domain(&source.url),
                "{} is marked official but {} is not on an official publisher's domain",
                source.id,
                host(&source.url)
            );
        }
    }
    let official = template
        .sources
        .iter()
        .filter(|s| s.kind == SourceKind::Official)
        .count();
    assert!(
        official * 3 >= template.sources.len() * 2,
        "at least two thirds of the sources should be official ({official} of {})",
        template.sources.len()
    );
}

#[test]
fn every_source_is_cited_and_every_citation_resolves() {
    let template = template();
    let mut cited = BTreeSet::new();
    for (citation, ids) in template.citations() {
        assert!(!ids.is_empty(), "{citation} cites nothing");
        for id in ids {
            assert!(
                template.source(id).is_some(),
                "{citation} cites unknown source {id}"
            );
            cited.insert(id.as_str());
        }
    }
    for source in &template.sources {
        assert!(
            cited.contains(source.id.as_str()),
            "{} is never cited",
            source.id
        );
    }
}

#[test]
fn published_dates_come_only_from_official_calendars() {
    let template = template();
    for season in &template.seasons {
        for date in &season.dates {
            let source = template.source(&date.source).expect("known source");
            assert_eq!(
                source.kind,
                SourceKind::Official,
                "{} Match {:?} is published by {}",
                season.match_year,
                date.anchor,
                source.id
            );
        }
    }
}

#[test]
fn immigration_sources_are_rechecked_sooner() {
    let template = template();
    assert_eq!(template.recheck.months, 6);
    assert_eq!(template.recheck.immigration_months, 3);
    for id in [
        "state-travel-suspension",
        "aamc-h1b-exception",
        "ecfmg-evsp-fees",
    ] {
        let source = template.source(id).expect(id);
        assert!(source.immigration, "{id} is visa policy");
        assert_eq!(template.recheck_months(source), 3);
    }
}

#[test]
fn the_readme_states_each_date_rule_in_words() {
    // The README's list of rules must say what the template's rules do; when a rule changes,
    // the words change with it.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README");
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    for words in [
        "the first Wednesday on or after 2 June, the year before the Match",
        "the first Wednesday of September, the year before the Match",
        "21 days later",
        "15 September, the year before the Match, or the Monday after when that is a weekend",
        "31 January of the Match year, or the Friday before when that is a weekend",
        "the third Friday of March; Match Week begins 4 days before it; the ROL deadline is 16 days before it",
        "1 July of the Match year",
    ] {
        assert!(readme.contains(words), "README should say: {words}");
    }
    let template = template();
    let described: Vec<String> = template
        .anchors
        .iter()
        .map(|def| template.describe_anchor_rule(&def.rule))
        .collect();
    assert_eq!(
        described,
        [
            "the first Wednesday on or after 2 June, the year before the Match",
            "the 1st Wednesday of September, the year before the Match",
            "21 days after applicants may submit to ERAS",
            "15 September, the year before the Match (the Monday after, when it falls on a weekend)",
            "31 January, of the Match year (the Friday before, when it falls on a weekend)",
            "16 days before Match Day",
            "4 days before Match Day",
            "the 3rd Friday of March, of the Match year",
            "1 July, of the Match year",
        ]
    );
}
