//! `imgplan budget`, driven as a user would: the real binary on a fresh plan file. Lists every
//! line, sets planned and paid amounts, chooses a display currency, refuses bad input without
//! touching the plan, and the budget reaches the exports.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const TODAY: &str = "2026-11-30";

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new(visa: &str) -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        sandbox
            .cmd()
            .args(["init", "--visa", visa, "--match-year", "2028"])
            .assert()
            .success();
        sandbox
    }

    fn plan(&self) -> PathBuf {
        self.dir.path().join("plan.ron")
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("imgplan").expect("binary");
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg("--plan")
            .arg(self.plan())
            .arg("--today")
            .arg(TODAY);
        cmd
    }

    fn stdout(&self, args: &[&str]) -> String {
        let output = self.cmd().args(args).output().expect("runs");
        assert!(
            output.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    fn plan_text(&self) -> String {
        std::fs::read_to_string(self.plan()).expect("plan")
    }
}

fn csv_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

#[test]
fn a_j1_budget_lists_every_line_and_totals_only_published_amounts() {
    let sandbox = Sandbox::new("j1");
    let out = sandbox.stdout(&["budget"]);
    for line in [
        "USMLE Step 1 fee",
        "USMLE Step 2 CK fee",
        "USMLE Step 3 fee (FSMB)",
        "Application for ECFMG Certification",
        "OET Medicine test",
        "Pathway application fee",
        "NRMP Match registration",
        "Travel and living for USCE rotations",
        "Training licence or permit",
    ] {
        assert!(out.contains(line), "missing {line}:\n{out}");
    }
    // Only the two published J-1 fees have an amount; nothing is invented for the rest.
    assert!(
        out.contains("SEVIS I-901 fee                                    $220"),
        "{out}"
    );
    assert!(out.contains("$185"), "{out}");
    assert!(
        out.contains("Total: $405 planned · $0 paid · 13 lines to fill in"),
        "{out}"
    );
    assert!(
        !out.contains("H-1B payment"),
        "an H-1B line on a J-1 plan:\n{out}"
    );
    // `list` is the same as no subcommand.
    assert_eq!(sandbox.stdout(&["budget", "list"]), out);
}

#[test]
fn an_h1b_budget_from_abroad_carries_the_payment_and_no_j1_lines() {
    let sandbox = Sandbox::new("h1b");
    sandbox
        .cmd()
        .args(["profile", "--in-us", "no"])
        .assert()
        .success();
    let out = sandbox.stdout(&["budget"]);
    // A six-figure line says it is due only if she matches where H-1B is the route.
    assert!(
        out.contains("H-1B payment (from abroad; H-1B match only)"),
        "{out}"
    );
    let markdown = sandbox.stdout(&["export", "--format", "markdown"]);
    assert!(markdown.contains("H-1B match only"), "{markdown}");
    assert!(out.contains("$100,000"), "{out}");
    assert!(!out.contains("SEVIS"), "{out}");
}

#[test]
fn an_undecided_plan_shows_visa_lines_without_totalling_them() {
    let sandbox = Sandbox::new("undecided");
    let out = sandbox.stdout(&["budget"]);
    assert!(out.contains("SEVIS I-901 fee (if J-1)"), "{out}");
    assert!(out.contains("Total: $0 planned"), "{out}");
}

#[test]
fn set_planned_and_paid_are_saved_in_cents_and_totalled() {
    let sandbox = Sandbox::new("j1");
    let out = sandbox.stdout(&[
        "budget",
        "set",
        "step1",
        "--planned",
        "1,000.50",
        "--paid",
        "1000.50",
        "--paid-on",
        "2026-11-02",
    ]);
    assert!(
        out.contains(
            "USMLE Step 1 fee: planned $1,000.50 (your figure), paid $1,000.50 on 2026-11-02"
        ),
        "{out}"
    );
    assert!(
        out.contains("Total: $1,405.50 planned · $1,000.50 paid"),
        "{out}"
    );
    let plan = sandbox.plan_text();
    assert!(plan.contains("planned_cents: 100050"), "{plan}");
    assert!(plan.contains("amount_cents: 100050"), "{plan}");
    // `none` goes back to the template's amount and clears the payment.
    sandbox.stdout(&[
        "budget",
        "set",
        "step1",
        "--planned",
        "none",
        "--paid",
        "none",
    ]);
    assert!(
        !sandbox.plan_text().contains("budget"),
        "{}",
        sandbox.plan_text()
    );
    // A published amount can be overridden with the user's own.
    let out = sandbox.stdout(&["budget", "set", "j1-sevis", "--planned", "0"]);
    assert!(out.contains("planned $0 (your figure)"), "{out}");
}

#[test]
fn paid_defaults_to_today() {
    let sandbox = Sandbox::new("j1");
    let out = sandbox.stdout(&["budget", "set", "j1-visa", "--paid", "185"]);
    assert!(out.contains("paid $185 on 2026-11-30"), "{out}");
}

#[test]
fn bad_input_is_refused_and_the_plan_is_untouched() {
    let sandbox = Sandbox::new("j1");
    let before = sandbox.plan_text();
    for (args, message) in [
        (
            vec!["budget", "set", "nope", "--planned", "3"],
            "no budget line has the id \"nope\"",
        ),
        (
            vec!["budget", "set", "step1", "--planned", "abc"],
            "is not an amount in dollars",
        ),
        (
            vec!["budget", "set", "step1", "--planned", "1.234"],
            "is not an amount in dollars",
        ),
        (
            vec!["budget", "set", "step1", "--planned=-5"],
            "is not an amount in dollars",
        ),
        (
            vec![
                "budget",
                "set",
                "step1",
                "--paid",
                "5",
                "--paid-on",
                "2026-02-30",
            ],
            "2026-02-30",
        ),
        (vec!["budget", "set", "step1"], "nothing to change"),
        (vec!["budget", "currency", "INR"], "give the rate too"),
        (
            vec!["budget", "currency", "RUPEES", "83"],
            "not a currency code",
        ),
        (vec!["budget", "currency", "INR", "0"], "above 0"),
    ] {
        sandbox
            .cmd()
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains(message));
    }
    assert_eq!(sandbox.plan_text(), before);
}

#[test]
fn a_display_currency_converts_at_the_users_rate_and_can_be_dropped() {
    let sandbox = Sandbox::new("j1");
    let out = sandbox.stdout(&["budget", "currency", "inr", "83.25"]);
    assert!(out.contains("INR at 83.25 per US dollar"), "{out}");
    let out = sandbox.stdout(&["budget"]);
    // $405 × 83.25 = 33,716.25 → 33,716.
    assert!(out.contains("(≈ 33,716 INR)"), "{out}");
    sandbox.stdout(&["budget", "currency", "none"]);
    assert!(!sandbox.stdout(&["budget"]).contains("INR"));
}

#[test]
fn the_eras_line_follows_the_programs() {
    let sandbox = Sandbox::new("j1");
    let before = sandbox.stdout(&["budget"]);
    assert!(
        before.contains("ERAS applications, token and transcript  enter your own"),
        "{before}"
    );
    sandbox
        .cmd()
        .args(["import", "programs"])
        .arg(csv_fixture("quoted.csv"))
        .assert()
        .success();
    let programs = sandbox.stdout(&["programs"]);
    let after = sandbox.stdout(&["budget"]);
    let eras_line = after
        .lines()
        .find(|l| l.contains("ERAS applications"))
        .expect("eras line");
    let amount = eras_line
        .split_whitespace()
        .find(|word| word.starts_with('$'))
        .expect("amount");
    assert!(programs.contains(amount), "{amount} not in:\n{programs}");
}

#[test]
fn the_exports_carry_the_budget() {
    let sandbox = Sandbox::new("j1");
    sandbox.stdout(&[
        "budget",
        "set",
        "step1",
        "--planned",
        "1000",
        "--paid",
        "1000",
    ]);
    let text = sandbox.stdout(&["export", "--format", "text"]);
    assert!(text.contains("\nBudget\n------\n"), "{text}");
    assert!(text.contains("$1,000 on 2026-11-30"), "{text}");
    let markdown = sandbox.stdout(&["export", "--format", "markdown"]);
    assert!(markdown.contains("## Budget"), "{markdown}");
    assert!(
        markdown.contains(
            "| USMLE exams | USMLE Step 1 fee | \\$1,000 (your figure) | \\$1,000 on 2026-11-30 |"
        ),
        "{markdown}"
    );
    let csv = sandbox.stdout(&["export", "--format", "csv", "--what", "budget"]);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("Line id,Stage,Line,Planned USD,Planned from,Paid USD,Paid on,Counted,Season,Sources")
    );
    assert!(
        csv.contains(
            "step1,USMLE exams,USMLE Step 1 fee,1000.00,your figure,1000.00,2026-11-30,yes,"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("j1-sevis,Visa (J-1 or H-1B),SEVIS I-901 fee,220.00,published amount,,,yes,"),
        "{csv}"
    );
    assert!(
        csv.contains("total,,Total (counted lines),1405.00,,1000.00,"),
        "{csv}"
    );
}

#[test]
fn imgplan_letters_lists_the_letters_and_their_warnings() {
    let sandbox = Sandbox::new("j1");
    let out = sandbox.stdout(&["letters"]);
    assert!(out.starts_with("Letters of recommendation\n  All letters: 0 of 3 in ERAS\n  (no letters of your own yet)\n"), "{out}");
}

#[test]
fn a_piped_budget_is_never_cut_and_marks_the_users_own_figures() {
    let sandbox = Sandbox::new("j1");
    sandbox.stdout(&["budget", "set", "step1", "--planned", "1000"]);
    let out = sandbox.stdout(&["budget"]);
    assert!(!out.contains('…'), "{out}");
    assert!(out.contains("ECFMG J-1 sponsorship, yearly"), "{out}");
    let step1 = out
        .lines()
        .find(|l| l.contains("USMLE Step 1 fee"))
        .unwrap_or_default();
    assert!(step1.contains("$1,000*"), "{out}");
    assert!(
        out.contains("* your own figure, which wins over the template's."),
        "{out}"
    );
    // Label and amount are always two spaces or more apart.
    let epic = out.lines().find(|l| l.contains("EPIC")).unwrap_or_default();
    assert!(epic.contains("  enter your own"), "{out}");
}

#[test]
fn every_export_lists_budget_stages_in_the_templates_order() {
    let sandbox = Sandbox::new("j1");
    let markdown = sandbox.stdout(&["export", "--format", "markdown"]);
    let ecfmg = markdown.find("| ECFMG certification");
    let exams = markdown.find("| USMLE exams");
    assert!(ecfmg.is_some() && ecfmg < exams, "{markdown}");
    let csv = sandbox.stdout(&["export", "--format", "csv", "--what", "budget"]);
    let ecfmg = csv.find(",ECFMG certification");
    let exams = csv.find(",USMLE exams");
    assert!(ecfmg.is_some() && ecfmg < exams, "{csv}");
}

#[test]
fn each_converted_figure_follows_its_own_amount() {
    let sandbox = Sandbox::new("j1");
    sandbox.stdout(&["budget", "currency", "pkr", "281.5"]);
    sandbox.stdout(&["budget", "set", "step1", "--paid", "1000"]);
    let out = sandbox.stdout(&["budget"]);
    // $405 planned × 281.5 = 114,007.5 → 114,008; $1,000 paid → 281,500.
    assert!(
        out.contains("$405 planned (≈ 114,008 PKR) · $1,000 paid (≈ 281,500 PKR)"),
        "{out}"
    );
    let markdown = sandbox.stdout(&["export", "--format", "markdown"]);
    assert!(markdown.contains("paid (≈ 281,500 PKR)"), "{markdown}");
}
