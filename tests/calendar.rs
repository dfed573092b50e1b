//! The Match-cycle calendar: published dates, estimates from the season pattern, the user's own
//! dates, and the default target year.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use imgplan::calendar::{DateOrigin, SeasonCalendar, default_match_year};
use imgplan::journey::{Anchor, DateRule, Template};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn template() -> Template {
    Template::embedded().expect("embedded template")
}

fn season(template: &Template, year: i32) -> SeasonCalendar {
    SeasonCalendar::compute(template, year, &BTreeMap::new(), None)
}

fn dates(calendar: &SeasonCalendar) -> Vec<(Anchor, String, DateOrigin)> {
    calendar
        .season_dates()
        .map(|(anchor, dated)| (anchor, dated.date.to_string(), dated.origin))
        .collect()
}

#[test]
fn the_2026_match_uses_its_published_dates() {
    let template = template();
    let calendar = season(&template, 2026);
    let expect = [
        (Anchor::ErasOpens, "2025-06-04", DateOrigin::Published),
        (Anchor::ErasSubmission, "2025-09-03", DateOrigin::Published),
        (
            Anchor::NrmpRegistrationOpens,
            "2025-09-15",
            DateOrigin::Published,
        ),
        (Anchor::ProgramsReview, "2025-09-24", DateOrigin::Published),
        // No official 2026 applicant deadline was found: estimated, and 31 January 2026 is a
        // Saturday, so the rule moves it to the Friday before.
        (
            Anchor::NrmpRegistrationDeadline,
            "2026-01-30",
            DateOrigin::Estimated,
        ),
        // Only secondary sources gave 4 March 2026: estimated, not published.
        (Anchor::RolDeadline, "2026-03-04", DateOrigin::Estimated),
        (Anchor::MatchWeek, "2026-03-16", DateOrigin::Published),
        (Anchor::MatchDay, "2026-03-20", DateOrigin::Published),
        (Anchor::TrainingStart, "2026-07-01", DateOrigin::Published),
    ];
    let expect: Vec<_> = expect
        .into_iter()
        .map(|(a, d, o)| (a, d.to_owned(), o))
        .collect();
    assert_eq!(dates(&calendar), expect);
    let match_day = calendar.get(Anchor::MatchDay).expect("Match Day");
    assert_eq!(match_day.source.as_deref(), Some("nrmp-registration-2026"));
}

#[test]
fn every_rule_reproduces_every_published_date() {
    let template = template();
    let years: Vec<i32> = template.seasons.iter().map(|s| s.match_year).collect();
    for year in 2023..=2026 {
        assert!(years.contains(&year), "the {year} Match calendar is data");
    }
    let mut checked = 0;
    for season in &template.seasons {
        let estimated = SeasonCalendar::estimate(&template, season.match_year);
        for published in &season.dates {
            let guess = estimated
                .get(published.anchor)
                .expect("every anchor has a rule");
            assert_eq!(guess.origin, DateOrigin::Estimated);
            assert_eq!(
                guess.date, published.date,
                "the {:?} rule gives {} for the {} Match, but {} was published",
                published.anchor, guess.date, season.match_year, published.date
            );
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} published dates");
}

#[test]
fn weekend_dates_move_as_the_published_calendars_did() {
    let template = template();
    // 15 September 2024 was a Sunday: NRMP opened registration on Monday 16 September.
    let opens = SeasonCalendar::estimate(&template, 2025);
    assert_eq!(
        opens
            .get(Anchor::NrmpRegistrationOpens)
            .expect("opens")
            .date,
        date("2024-09-16")
    );
    // 31 January 2027 is a Sunday: the estimate is Friday 29 January.
    let deadline = SeasonCalendar::estimate(&template, 2027);
    assert_eq!(
        deadline
            .get(Anchor::NrmpRegistrationDeadline)
            .expect("deadline")
            .date,
        date("2027-01-29")
    );
    // ERAS opened on 8 June 2022, the second Wednesday: the first Wednesday on or after 2 June.
    let eras = SeasonCalendar::estimate(&template, 2023);
    assert_eq!(
        eras.get(Anchor::ErasOpens).expect("opens").date,
        date("2022-06-08")
    );
    let opens = template
        .anchor(Anchor::NrmpRegistrationOpens)
        .expect("rule");
    assert_eq!(
        template.describe_anchor_rule(&opens.rule),
        "15 September, the year before the Match (the Monday after, when it falls on a weekend)"
    );
}

#[test]
fn a_what_if_in_a_past_season_shows_what_was_published() {
    let template = template();
    let calendar = season(&template, 2023);
    for (anchor, dated) in calendar.season_dates() {
        assert_eq!(dated.origin, DateOrigin::Published, "{anchor:?}");
    }
    assert_eq!(
        calendar.get(Anchor::RolDeadline).expect("ROL").date,
        date("2023-03-01")
    );
}

#[test]
fn later_seasons_are_estimated_from_the_pattern() {
    let template = template();
    let cases = [
        (
            2027,
            [
                "2026-06-03",
                "2026-09-02",
                "2026-09-15",
                "2026-09-23",
                "2027-01-29",
                "2027-03-03",
                "2027-03-15",
                "2027-03-19",
                "2027-07-01",
            ],
        ),
        (
            2028,
            [
                "2027-06-02",
                "2027-09-01",
                "2027-09-15",
                "2027-09-22",
                "2028-01-31",
                "2028-03-01",
                "2028-03-13",
                "2028-03-17",
                "2028-07-01",
            ],
        ),
        (
            2030,
            [
                "2029-06-06",
                "2029-09-05",
                "2029-09-17",
                "2029-09-26",
                "2030-01-31",
                "2030-02-27",
                "2030-03-11",
                "2030-03-15",
                "2030-07-01",
            ],
        ),
    ];
    for (year, expected) in cases {
        let calendar = season(&template, year);
        let got: Vec<String> = calendar
            .season_dates()
            .map(|(_, dated)| {
                assert_eq!(dated.origin, DateOrigin::Estimated, "{year}");
                dated.date.to_string()
            })
            .collect();
        assert_eq!(got, expected, "{year} Match");
        let match_day = calendar.get(Anchor::MatchDay).expect("Match Day").date;
        assert_eq!(match_day.format("%a").to_string(), "Fri");
        let rol = calendar.get(Anchor::RolDeadline).expect("ROL").date;
        assert_eq!(rol.format("%a").to_string(), "Wed");
    }
}

#[test]
fn dates_the_user_sets_are_theirs_and_move_what_follows() {
    let template = template();
    let mut overrides = BTreeMap::new();
    overrides.insert(Anchor::MatchDay, date("2028-03-24"));
    let calendar = SeasonCalendar::compute(&template, 2028, &overrides, Some(date("2027-06-30")));
    let match_day = calendar.get(Anchor::MatchDay).expect("Match Day");
    assert_eq!(match_day.origin, DateOrigin::Yours);
    // The ROL deadline is estimated from Match Day, so it follows the user's date.
    let rol = calendar.get(Anchor::RolDeadline).expect("ROL");
    assert_eq!(rol.date, date("2028-03-08"));
    assert_eq!(rol.origin, DateOrigin::Estimated);
    let graduation = calendar.get(Anchor::Graduation).expect("graduation");
    assert_eq!(graduation.origin, DateOrigin::Yours);
}

#[test]
fn rules_are_an_anchor_plus_an_offset() {
    let template = template();
    let calendar = season(&template, 2026);
    let rule = DateRule {
        anchor: Anchor::ProgramsReview,
        offset_days: -28,
    };
    let due = calendar.resolve(rule).expect("date");
    assert_eq!(due.date, date("2025-08-27"));
    // A date computed from a published anchor is planned, not published.
    assert_eq!(due.origin, DateOrigin::Planned);
    assert_eq!(due.basis, Some(DateOrigin::Published));
    assert_eq!(due.label(), "planned (published)");
    assert!(!due.is_tentative());
    assert_eq!(
        template.describe_rule(rule),
        "28 days before programs may review applications"
    );
    assert_eq!(
        imgplan::wording::date_origin_line(&template, &due, Some(rule)),
        "planned: 28 days before programs may review applications (published)"
    );
    let later = season(&template, 2030).resolve(rule).expect("date");
    assert_eq!(later.label(), "planned (estimated)");
    assert!(later.is_tentative());
    let graduation_rule = DateRule {
        anchor: Anchor::Graduation,
        offset_days: 30,
    };
    assert!(
        calendar.resolve(graduation_rule).is_none(),
        "no graduation set"
    );
}

#[test]
fn the_default_target_is_the_first_match_still_open_to_apply_for() {
    let template = template();
    // The 2027 Match's ERAS submission opens on 2026-09-02.
    assert_eq!(default_match_year(&template, date("2026-08-01")), 2027);
    assert_eq!(default_match_year(&template, date("2026-09-01")), 2027);
    assert_eq!(default_match_year(&template, date("2026-09-02")), 2028);
    assert_eq!(default_match_year(&template, date("2026-11-25")), 2028);
    assert_eq!(default_match_year(&template, date("2027-01-01")), 2028);
}
