//! `imgplan visa`, `imgplan programs` and `imgplan import programs`, driven as a user with a
//! spreadsheet would: the real binary, fixture CSV files, a fresh plan file.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const TODAY: &str = "2026-11-25";

fn csv(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A sandbox with an H-1B plan for the 2028 Match.
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        sandbox
            .cmd()
            .args(["init", "--visa", "h1b", "--match-year", "2028"])
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

    fn import(&self, file: &str) -> Command {
        let mut cmd = self.cmd();
        cmd.args(["import", "programs"]).arg(csv(file));
        cmd
    }

    fn programs(&self) -> String {
        let output = self.cmd().arg("programs").output().expect("programs");
        assert!(output.status.success());
        String::from_utf8(output.stdout).expect("utf-8")
    }
}

#[test]
fn visa_prints_the_comparison_with_sources_and_what_the_choice_means() {
    let sandbox = Sandbox::new();
    let output = sandbox.cmd().arg("visa").output().expect("visa");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for expected in [
        "J-1 versus H-1B (policy as of 2026-11-30",
        "Who sponsors",
        "ECFMG (EVSP)",
        "§212(e)",
        "Conrad 30",
        "63.7 %",
        "$100,000",
        "ecfmg-evsp-regulations",
        "Your choice: H-1B",
        "Pass USMLE Step 3",
        "cannot tell whether you are eligible",
        // The command ends with the sources it cites, each with an address to follow.
        "Sources",
        "https://www.ecfmg.org/evsp/regulations.html",
        "https://travel.state.gov/",
    ] {
        assert!(text.contains(expected), "missing {expected:?}:\n{text}");
    }
    let sources = text.split("\nSources\n").nth(1).expect("a Sources section");
    let addresses = sources
        .lines()
        .filter(|l| l.trim().starts_with("https://"))
        .count();
    let entries = sources.lines().filter(|l| l.starts_with("  - [")).count();
    assert!(entries >= 10, "{entries} sources listed");
    assert_eq!(addresses, entries, "every source listed has its address");
    for claim in ["You are eligible", "you qualify", "You qualify"] {
        assert!(!text.contains(claim), "never a statement of eligibility");
    }
    // Addresses stay whole so they can be copied; everything else fits 80 columns.
    let widest = text
        .lines()
        .filter(|line| !line.trim_start().starts_with("https://"))
        .map(unicode_width::UnicodeWidthStr::width)
        .max()
        .unwrap_or(0);
    assert!(widest <= 80, "fits 80 columns ({widest})");
}

#[test]
fn odd_headers_are_matched_and_the_import_is_idempotent() {
    let sandbox = Sandbox::new();
    sandbox
        .import("odd-headers.csv")
        .assert()
        .success()
        .stdout(predicate::str::contains("Added 3 programs"))
        .stdout(predicate::str::contains("\"Program Name\" as Program"))
        .stdout(predicate::str::contains(
            "Kept as your own columns (shown in each program's details, exported back): Website",
        ));
    let plan = std::fs::read_to_string(sandbox.plan()).expect("plan");
    assert!(plan.contains("name: \"Mount Example Hospital\""), "{plan}");
    assert!(plan.contains("nrmp_code: \"1234140C0\""), "{plan}");
    assert!(plan.contains("min_step2_score: 230"), "{plan}");
    // Same file again: nothing doubles.
    sandbox
        .import("odd-headers.csv")
        .assert()
        .success()
        .stdout(predicate::str::contains("Added 0 programs"))
        .stdout(predicate::str::contains("Already in your plan"));
    let listed = sandbox.programs();
    assert_eq!(
        listed.matches("Mount Example Hospital").count(),
        1,
        "{listed}"
    );
}

#[test]
fn a_bad_row_stops_the_import_with_its_line_unless_told_to_skip() {
    let sandbox = Sandbox::new();
    let before = std::fs::read(sandbox.plan()).expect("plan");
    sandbox
        .import("bad-row.csv")
        .assert()
        .failure()
        .stderr(predicate::str::contains("bad-row.csv:3:"))
        .stderr(predicate::str::contains("\"maybe\""))
        .stderr(predicate::str::contains("bad-row.csv:5:"))
        .stderr(predicate::str::contains("nothing was added"));
    assert_eq!(
        std::fs::read(sandbox.plan()).expect("plan"),
        before,
        "the plan is untouched"
    );
    // One bad cell skips that cell, with its line, column and why; the row is added.
    sandbox
        .import("bad-row.csv")
        .arg("--skip-invalid")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "bad-row.csv:5: Interview \"2025-02-30\" is not a real date: February 2025 has 28 days; left empty",
        ))
        .stderr(predicate::str::contains("bad-row.csv:3: Visa \"maybe\""))
        .stdout(predicate::str::contains("Added 4 programs"))
        .stdout(predicate::str::contains("Left empty: 2 cells that could not be read"));
    let programs = sandbox.programs();
    assert!(programs.contains("Good One"), "{programs}");
    assert!(programs.contains("Bad Date Program"), "{programs}");
    let plan = std::fs::read_to_string(sandbox.plan()).expect("plan");
    assert!(
        plan.contains("Import: Interview \\\"2025-02-30\\\" is not a real date"),
        "the program's note keeps a trace: {plan}"
    );
}

#[test]
fn quoted_commas_crlf_and_a_byte_order_mark_are_read() {
    for file in ["quoted.csv", "crlf.csv", "bom.csv"] {
        let sandbox = Sandbox::new();
        sandbox
            .import(file)
            .assert()
            .success()
            .stdout(predicate::str::contains("Added"));
        let plan = std::fs::read_to_string(sandbox.plan()).expect("plan");
        assert!(plan.contains("programs: ["), "{file}: {plan}");
        assert!(!plan.contains('\u{feff}'), "{file}: BOM kept");
        assert!(!plan.contains('\r'), "{file}: CR kept");
    }
    let sandbox = Sandbox::new();
    sandbox.import("quoted.csv").assert().success();
    let plan = std::fs::read_to_string(sandbox.plan()).expect("plan");
    assert!(
        plan.contains(", "),
        "a quoted comma stays in the name: {plan}"
    );
}

#[test]
fn escape_sequences_in_a_spreadsheet_never_reach_the_terminal() {
    let sandbox = Sandbox::new();
    sandbox.import("control-chars.csv").assert().success();
    let listed = sandbox.programs();
    assert!(!listed.contains('\u{1b}'), "{listed:?}");
}

#[test]
fn programs_filter_by_status_state_and_visa_fit() {
    let sandbox = Sandbox::new();
    sandbox.import("odd-headers.csv").assert().success();
    // H-1B plan: the J-1-only program does not fit, the H-1B one does.
    sandbox
        .cmd()
        .args(["programs", "--misfit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Mount Example Hospital"))
        .stdout(predicate::str::contains("Lakeside Medical Center").not())
        .stdout(predicate::str::contains("visa misfits"));
    sandbox
        .cmd()
        .args(["programs", "--state", "tx"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Lakeside Medical Center"))
        .stdout(predicate::str::contains("Mount Example").not());
    sandbox
        .cmd()
        .args(["programs", "--status", "applied"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Mount Example Hospital"))
        .stdout(predicate::str::contains("Prairie").not());
    sandbox
        .cmd()
        .args(["programs", "--state", "Narnia"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a US state code"));
    let listed = sandbox.programs();
    assert!(listed.contains("ERAS cost estimate"), "{listed}");
    assert!(listed.contains("$165"), "the token is counted: {listed}");
}

#[test]
fn the_text_and_json_exports_carry_programs_rotations_and_the_rank_list() {
    let sandbox = Sandbox::new();
    sandbox.import("odd-headers.csv").assert().success();
    let text = sandbox.cmd().arg("export").output().expect("export");
    let text = String::from_utf8(text.stdout).expect("utf-8");
    for heading in [
        "Visa\n----",
        "US clinical experience and letters",
        "Programs (3)",
        "Rank order list",
    ] {
        assert!(text.contains(heading), "missing {heading:?}:\n{text}");
    }
    let json = sandbox
        .cmd()
        .args(["export", "--format", "json"])
        .output()
        .expect("json");
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(value["programs"].as_array().map(Vec::len), Some(3));
    assert_eq!(value["programs"][0]["visa_fit"], "misfit");
    assert!(value["visa"]["comparison"]["rows"].is_array());
    assert!(value["usce"]["summary"]["letter_target"].is_number());
}

#[test]
fn a_hostile_csv_adds_nothing_even_with_skip_invalid() {
    let sandbox = Sandbox::new();
    let before = std::fs::read(sandbox.plan()).expect("plan");
    let mut unbalanced = String::from("Program,State,Note\n");
    for row in 1..=300 {
        let note = if row == 5 {
            "\"stray quote"
        } else {
            "\"fine, quoted\""
        };
        unbalanced.push_str(&format!("Program {row},NY,{note}\n"));
    }
    let latin1 = b"Program,Note\nH\xF4pital Saint-Luc,ok\n".to_vec();
    for (name, bytes, says) in [
        (
            "unbalanced.csv",
            unbalanced.into_bytes(),
            "line 6: the quote opened here",
        ),
        ("latin1.csv", latin1, "save it as UTF-8"),
    ] {
        let file = sandbox.dir.path().join(name);
        std::fs::write(&file, bytes).expect("write csv");
        for skip in [false, true] {
            let mut cmd = sandbox.cmd();
            cmd.args(["import", "programs"]).arg(&file);
            if skip {
                cmd.arg("--skip-invalid");
            }
            cmd.assert()
                .code(1)
                .stderr(predicate::str::contains(name).and(predicate::str::contains(says)));
        }
    }
    assert_eq!(
        std::fs::read(sandbox.plan()).expect("plan"),
        before,
        "nothing added"
    );
}

#[test]
fn profile_visa_takes_a_preference_and_the_old_spellings() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["profile", "--visa", "h1b-prefer"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Visa:          H-1B preferred, J-1 acceptable",
        ));
    let plan = std::fs::read_to_string(sandbox.plan()).expect("plan");
    assert!(plan.contains("visa: H1bPreferred"), "{plan}");
    // A J-1-only program is a soft mark under the preference, not a misfit.
    sandbox.import("odd-headers.csv").assert().success();
    sandbox
        .cmd()
        .arg("programs")
        .assert()
        .success()
        .stdout(predicate::str::contains("~ takes only J-1"))
        .stdout(predicate::str::contains("~ Mount Example Hospital"));
    sandbox
        .cmd()
        .args(["programs", "--misfit"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Mount Example").not());
    for (spelling, shown) in [
        ("j1-prefer", "J-1 preferred, H-1B acceptable"),
        ("j1-preferred", "J-1 preferred, H-1B acceptable"),
        ("j1", "J-1"),
        ("h1b", "H-1B"),
        ("undecided", "undecided"),
        ("none", "not needed"),
    ] {
        sandbox
            .cmd()
            .args(["profile", "--visa", spelling])
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "Visa:          {shown}\n"
            )));
    }
    sandbox
        .cmd()
        .args(["profile", "--visa", "h1b-maybe"])
        .assert()
        .failure()
        .code(2)
        .stderr(predicate::str::contains("h1b-prefer"));
}

#[test]
fn programs_sort_and_filter_by_tracking_from_the_command_line() {
    let sandbox = Sandbox::new();
    let file = sandbox.dir.path().join("tracked.csv");
    std::fs::write(
        &file,
        "Program,Priority,Signal,Min Step 2 CK,Website\n\
         Low Priority Hospital,4,,250,https://low.example\n\
         Top Hospital,1,gold,220,\n",
    )
    .expect("csv");
    sandbox
        .cmd()
        .args(["profile", "--step2-score", "238"])
        .assert()
        .success();
    sandbox
        .cmd()
        .args(["import", "programs"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Read columns: Program, Priority, Signal, Min Step 2 CK",
        ))
        .stdout(predicate::str::contains("Kept as your own columns"));
    let output = sandbox
        .cmd()
        .args(["programs", "--sort", "priority"])
        .output()
        .expect("programs");
    let text = String::from_utf8(output.stdout).expect("utf-8");
    let top = text.find("Top Hospital").expect("top");
    let low = text.find("Low Priority").expect("low");
    assert!(top < low, "{text}");
    sandbox
        .cmd()
        .args(["programs", "--signal", "gold"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Top Hospital"))
        .stdout(predicate::str::contains("Low Priority").not());
    sandbox
        .cmd()
        .args(["programs", "--has", "step2-below"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Low Priority"))
        .stdout(predicate::str::contains("Top Hospital").not());
    sandbox
        .cmd()
        .args(["programs", "--max-priority", "6"])
        .assert()
        .failure()
        .code(2);
}

#[test]
fn profile_shows_years_since_graduation_as_programs_count_them_and_exactly() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["profile", "--graduation", "1 Aug 2022"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Graduation:    2022-08-01"))
        .stdout(predicate::str::contains(
            "Years since graduation when training starts: 6 by year of graduation, as programs count them (5 years 11 months exactly)",
        ));
}
