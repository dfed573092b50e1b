//! Facts a user can trust and can tell when to doubt: how old each fact is (a year after the
//! check dates every fact on the path asks to be confirmed), `imgplan sources`, and what the
//! entry restrictions and the H-1B payment say about a user's citizenship and whereabouts.

use std::path::PathBuf;

use assert_cmd::Command;
use chrono::NaiveDate;
use imgplan::insights::{Snapshot, Subject, WarningKind};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::Plan;
use imgplan::situation::{self, Route, Severity, SituationNote};
use imgplan::tui::action::{Action, Command as Key};
use imgplan::tui::app::{App, Row};
use imgplan::tui::update::update;
use imgplan::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A year after the sources were checked (2026-11-30).
const A_YEAR_ON: &str = "2027-11-30";

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn template() -> Template {
    Template::embedded().expect("template")
}

fn plan(visa: VisaChoice, citizenship: &[&str], in_us: Option<bool>) -> Plan {
    let template = template();
    let mut plan = Plan::new(&template, date("2026-11-30"), Some(2028), visa).expect("plan");
    plan.profile.citizenship = citizenship.iter().map(|c| (*c).to_owned()).collect();
    plan.profile.in_us = in_us;
    plan
}

fn notes(plan: &Plan) -> Vec<SituationNote> {
    situation::notes(&template(), &plan.profile)
}

fn routes(notes: &[SituationNote], severity: Severity) -> Vec<Route> {
    notes
        .iter()
        .filter(|n| n.severity == severity)
        .map(|n| n.route)
        .collect()
}

// ---- the user's situation -------------------------------------------------------------------

#[test]
fn a_country_on_the_full_list_warns_on_both_visas_and_on_visits() {
    let notes = notes(&plan(VisaChoice::Undecided, &["SY"], Some(false)));
    assert_eq!(
        routes(&notes, Severity::Warning),
        [Route::J1, Route::H1b, Route::Visitor]
    );
    for note in &notes {
        assert!(note.message.contains("Syria"), "{}", note.message);
        assert!(note.message.contains("every nonimmigrant visa"));
        assert!(note.message.contains("2026-01-01"));
        assert!(
            note.message
                .contains("confirm your case with ECFMG and an immigration lawyer")
        );
        assert!(!note.message.to_lowercase().contains("you are eligible"));
        assert!(!note.message.to_lowercase().contains("you are not eligible"));
    }
}

#[test]
fn a_country_on_the_partial_list_warns_on_the_j1_and_visits_not_the_h1b() {
    let notes = notes(&plan(VisaChoice::Undecided, &["NG"], None));
    assert_eq!(
        routes(&notes, Severity::Warning),
        [Route::J1, Route::Visitor]
    );
    assert_eq!(routes(&notes, Severity::Explained), [Route::H1b]);
    let h1b = notes.iter().find(|n| n.route == Route::H1b).expect("H-1B");
    assert!(h1b.message.starts_with("Not covered"), "{}", h1b.message);
    assert!(h1b.message.contains("not the H-1B"));
    let j1 = notes.iter().find(|n| n.route == Route::J1).expect("J-1");
    assert!(j1.message.contains("Nigeria"));
    assert!(j1.message.contains("B-1/B-2, F, M and J"));

    // In the snapshot the warnings sit on the route's task, and the overview lists them.
    let template = template();
    let plan = plan(VisaChoice::J1, &["NG"], None);
    let snapshot = Snapshot::build(&template, &plan, date("2026-11-30"));
    let on_tasks: Vec<&Subject> = snapshot
        .warnings
        .iter()
        .filter(|w| matches!(w.kind, WarningKind::Situation(_)))
        .map(|w| &w.subject)
        .collect();
    assert_eq!(
        on_tasks,
        [
            &Subject::Task("visa.j1-interview".into()),
            &Subject::Task("usce.visitor-visa".into())
        ]
    );
}

#[test]
fn palestinian_authority_documents_are_on_the_full_list() {
    let notes = notes_for(&["PS"]);
    assert_eq!(
        routes(&notes, Severity::Warning),
        [Route::J1, Route::H1b, Route::Visitor]
    );
    assert!(
        notes[0]
            .message
            .starts_with("Palestinian Authority travel documents")
    );
}

fn notes_for(codes: &[&str]) -> Vec<SituationNote> {
    notes(&plan(VisaChoice::Undecided, codes, Some(false)))
}

#[test]
fn a_country_on_no_list_brings_no_note() {
    for codes in [&["PK"][..], &["IN", "GB"], &[]] {
        assert!(notes(&plan(VisaChoice::Undecided, codes, Some(false))).is_empty());
    }
}

#[test]
fn a_dual_national_with_an_unlisted_passport_is_told_the_exception_not_warned() {
    let notes = notes(&plan(VisaChoice::Undecided, &["NG", "GB"], Some(false)));
    assert!(routes(&notes, Severity::Warning).is_empty());
    // Nigeria's list covers J-1 and visitor visas, so the exception concerns those two.
    assert_eq!(
        routes(&notes, Severity::Explained),
        [Route::J1, Route::Visitor]
    );
    for note in &notes {
        assert!(
            note.message.starts_with("An exception may apply"),
            "{}",
            note.message
        );
        assert!(note.message.contains("dual nationals"), "{}", note.message);
        assert!(
            note.message.contains("United Kingdom of Great Britain"),
            "{}",
            note.message
        );
        assert!(
            note.message
                .contains("Which passport you travel and apply on")
        );
    }
    let full = notes_for(&["SY", "CA"]);
    assert_eq!(
        routes(&full, Severity::Explained),
        [Route::J1, Route::H1b, Route::Visitor]
    );
}

#[test]
fn abroad_with_an_h1b_the_payment_is_in_your_choice() {
    let template = template();
    let abroad = plan(VisaChoice::H1b, &["PK"], Some(false));
    let notes = notes(&abroad);
    assert_eq!(routes(&notes, Severity::Warning), [Route::H1b]);
    let payment = &notes[0];
    assert_eq!(payment.rule, "h1b-payment");
    assert!(payment.message.contains("$100,000"));
    assert!(payment.message.contains("2025-09-21"));
    assert!(
        payment
            .message
            .contains("set to end on 2026-09-21 unless extended")
    );
    let snapshot = Snapshot::build(&template, &abroad, date("2026-11-30"));
    let choice = imgplan::visa::implications(&template, &snapshot, VisaChoice::H1b);
    assert!(
        choice
            .iter()
            .any(|i| i.situation == Some(Severity::Warning) && i.text.contains("$100,000")),
        "the payment is among what the choice means"
    );
    // In the US: no payment note; not said: explained, with a nudge to say where you are.
    assert!(super_notes(VisaChoice::H1b, Some(true)).is_empty());
    let unknown = super_notes(VisaChoice::H1b, None);
    assert_eq!(routes(&unknown, Severity::Explained), [Route::H1b]);
    assert!(
        unknown[0]
            .message
            .contains("Say in your profile whether you are in the US")
    );
    assert!(super_notes(VisaChoice::J1, Some(false)).is_empty());
    // A rule in force is not a deadline: no date to count down to.
    assert!(
        choice
            .iter()
            .filter(|i| i.situation.is_some())
            .all(|i| i.date.is_none())
    );
}

fn super_notes(visa: VisaChoice, in_us: Option<bool>) -> Vec<SituationNote> {
    notes(&plan(visa, &["PK"], in_us))
}

// ---- freshness in the planner ---------------------------------------------------------------

fn app_on(today: &str) -> App {
    let template = template();
    let plan = plan(VisaChoice::H1b, &[], None);
    let mut app = App::new(template, plan, "/home/user/plan.ron".into(), date(today));
    app.message = None;
    app
}

fn screen(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}

fn select(app: &mut App, panel: usize, wanted: impl Fn(&Row) -> bool) {
    update(app, Action::Command(Key::Panel(panel)));
    update(app, Action::Command(Key::Top));
    for _ in 0..300 {
        if app.selected_row().is_some_and(|row| wanted(&row)) {
            return;
        }
        update(app, Action::Command(Key::Down));
    }
    panic!("no such row in panel {panel}");
}

#[test]
fn a_year_after_the_checks_the_overview_and_details_ask_to_confirm() {
    let mut app = app_on(A_YEAR_ON);
    // The Overview opens on the freshness line; its details name what is due.
    assert_eq!(app.selected_row(), Some(Row::Freshness));
    let overview = screen(&mut app, 120, 40);
    assert!(overview.contains("due for a re-check"), "{overview}");
    assert!(
        overview.contains("Facts checked up to 2026-11-30; "),
        "{overview}"
    );
    assert!(overview.contains("Due for a re-check"), "{overview}");
    assert!(app.session.snapshot.freshness.stale_on_path > 50);
    insta::assert_snapshot!("freshness_overview_a_year_on", overview);
    let wide = screen(&mut app, 200, 50);
    assert!(
        wide.contains("Facts checked up to 2026-11-30; ")
            && wide.contains(" on your path are older than their re-check interval"),
        "{wide}"
    );

    select(
        &mut app,
        2,
        |row| matches!(row, Row::Task(id) if id == "exams.apply"),
    );
    // J scrolls the details down to the sources (the glossary's terms follow them).
    let mut details = screen(&mut app, 120, 40);
    for _ in 0..20 {
        if details.contains("Sources checked 12 months ago:") {
            break;
        }
        update(&mut app, Action::Command(Key::DetailDown));
        details = screen(&mut app, 120, 40);
    }
    assert!(
        details.contains("Sources checked 12 months ago:"),
        "{details}"
    );
    insta::assert_snapshot!("freshness_task_details_a_year_on", details);
}

#[test]
fn on_the_day_they_were_checked_nothing_asks_to_be_confirmed() {
    let mut app = app_on("2026-11-30");
    assert_eq!(app.session.snapshot.freshness.stale_on_path, 0);
    let overview = screen(&mut app, 120, 40);
    assert!(
        overview.contains("Facts checked up to 2026-11-30"),
        "{overview}"
    );
    select(
        &mut app,
        2,
        |row| matches!(row, Row::Task(id) if id == "exams.apply"),
    );
    // The tab bar takes a line at 120 columns: the sources are one scroll further down.
    update(&mut app, Action::Command(Key::DetailDown));
    let details = screen(&mut app, 120, 40);
    assert!(details.contains("Sources checked 2026-11-30"), "{details}");
    assert!(!details.contains("months ago: confirm"), "{details}");
}

#[test]
fn visa_policy_is_due_for_a_recheck_after_three_months() {
    let app = app_on("2027-03-02");
    let template = &app.template;
    let policy = template.source("state-travel-suspension").expect("source");
    let exams = template.source("usmle-attempts").expect("source");
    let today = date("2027-03-02");
    assert!(imgplan::freshness::Freshness::of_source(template, policy, today).stale);
    assert!(!imgplan::freshness::Freshness::of_source(template, exams, today).stale);
    assert!(app.session.snapshot.freshness.stale_on_path > 0);
}

#[test]
fn facts_and_figures_show_in_their_stage_with_their_age() {
    let mut app = app_on(A_YEAR_ON);
    select(&mut app, 6, |row| matches!(row, Row::Fact(_)));
    let screen = screen(&mut app, 120, 40);
    assert!(screen.contains("Facts and figures"), "{screen}");
    assert!(screen.contains("Season:"), "{screen}");
    assert!(screen.contains("months ago: confirm"), "{screen}");
}

// ---- the command line -----------------------------------------------------------------------

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plan.ron")
    }

    fn cmd(&self, today: &str) -> Command {
        let mut cmd = Command::cargo_bin("imgplan").expect("binary");
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg("--plan")
            .arg(self.plan())
            .arg("--today")
            .arg(today);
        cmd
    }

    fn run(&self, today: &str, args: &[&str]) -> String {
        let output = self.cmd(today).args(args).output().expect("run");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }
}

#[test]
fn sources_lists_every_source_with_its_address_age_and_citations() {
    let sandbox = Sandbox::new();
    let template = template();
    let all = sandbox.run("2026-11-30", &["sources"]);
    assert!(
        all.contains(&format!("{} sources", template.sources.len())),
        "{all}"
    );
    for source in &template.sources {
        assert!(all.contains(&source.url), "{} missing", source.url);
    }
    assert!(all.contains("cited by: task exams.apply"), "{all}");
    assert!(
        all.contains("official · checked 2026-11-30, 0 months ago"),
        "{all}"
    );
    let widest = all
        .lines()
        .filter(|line| !line.trim_start().starts_with("https://"))
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    assert!(widest <= 80, "fits 80 columns ({widest})");
    let none = sandbox.run("2026-11-30", &["sources", "--stale"]);
    assert!(
        none.contains("Every source was checked within its interval"),
        "{none}"
    );
    // Four months on, only visa and immigration policy is due.
    let policy = sandbox.run("2027-03-31", &["sources", "--stale"]);
    assert!(policy.contains("travel.state.gov"), "{policy}");
    assert!(
        !policy.contains("usmle.org/common-questions/attempt-limit"),
        "{policy}"
    );
    assert!(policy.contains("4 months ago: confirm"), "{policy}");
}

#[test]
fn status_visa_and_exports_mark_old_facts_a_year_on() {
    let sandbox = Sandbox::new();
    sandbox.run("2026-11-30", &["init", "--visa", "h1b"]);
    let status = sandbox.run(A_YEAR_ON, &["status"]);
    assert!(
        status.contains("on your path are older than their re-check interval"),
        "{status}"
    );
    assert!(
        status.contains("sources checked 12 months ago: confirm"),
        "{status}"
    );
    let visa = sandbox.run(A_YEAR_ON, &["visa"]);
    assert!(visa.contains("checked 12 months ago: confirm"), "{visa}");
    let text = sandbox.run(A_YEAR_ON, &["export"]);
    assert!(
        text.contains("sources checked 12 months ago: confirm"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&sandbox.run(A_YEAR_ON, &["export", "--format", "json"]))
            .expect("json");
    assert!(json["freshness"]["stale_on_path"].as_u64().unwrap_or(0) > 0);
    assert_eq!(json["sources"][0]["recheck"], true);
    assert_eq!(json["sources"][0]["kind"], "Official");
    let task = json["tasks"]
        .as_array()
        .and_then(|tasks| tasks.iter().find(|t| t["id"] == "exams.apply"))
        .expect("task");
    assert_eq!(task["due_origin"], "planned");
    assert_eq!(task["due_basis"], "estimated");
    assert_eq!(task["recheck"], true);
    let fresh = sandbox.run("2026-11-30", &["status"]);
    assert!(fresh.contains("0 on your path are older"), "{fresh}");
}

#[test]
fn citizenship_and_whereabouts_from_the_command_line() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(
        "2026-11-30",
        &[
            "profile",
            "--citizenship",
            "Nigeria, gb",
            "--in-us",
            "no",
            "--visa",
            "h1b",
        ],
    );
    assert!(out.contains("Citizenship:   "), "{out}");
    assert!(out.contains("(GB)") && out.contains("(NG)"), "{out}");
    assert!(out.contains("In the US:     no"), "{out}");
    assert!(out.contains("An exception may apply"), "{out}");
    assert!(out.contains("$100,000"), "{out}");
    assert!(
        !out.contains("J-1:"),
        "an H-1B plan hears nothing of the J-1 route: {out}"
    );
    let saved = std::fs::read_to_string(sandbox.plan()).expect("saved");
    assert!(saved.contains("citizenship: [\"GB\", \"NG\"]"), "{saved}");
    assert!(
        saved.contains("in_us: Some(false)") || saved.contains("in_us: false"),
        "{saved}"
    );

    let bad = sandbox
        .cmd("2026-11-30")
        .args(["profile", "--citizenship", "Narnia\u{1b}[31m"])
        .output()
        .expect("run");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("is not a country imgplan knows"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "escape sequences never reach the terminal"
    );
    let after = std::fs::read_to_string(sandbox.plan()).expect("saved");
    assert_eq!(after, saved, "a refused change writes nothing");

    let cleared = sandbox.run(
        "2026-11-30",
        &["profile", "--citizenship", "none", "--in-us", "unknown"],
    );
    assert!(cleared.contains("Citizenship:   (not set)"), "{cleared}");
}

#[test]
fn a_what_if_in_a_past_season_shows_its_published_calendar() {
    let sandbox = Sandbox::new();
    let season = sandbox.run("2023-01-10", &["season"]);
    assert!(season.starts_with("2024 Match season"), "{season}");
    for published in ["2024-02-28", "2024-03-11", "2024-03-15", "2023-06-07"] {
        let line = season
            .lines()
            .find(|line| line.contains(published))
            .unwrap_or_else(|| panic!("{published} missing:\n{season}"));
        assert!(line.contains("published"), "{line}");
    }
    // The 2024 registration dates were found only in secondary sources: estimated.
    let opens = season
        .lines()
        .find(|line| line.contains("NrmpRegistrationOpens"))
        .expect("registration");
    assert!(
        opens.contains("2023-09-15") && opens.contains("estimated"),
        "{opens}"
    );
}
