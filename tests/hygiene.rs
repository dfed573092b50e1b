//! What reaches a terminal is clean: paths with escape sequences in messages, C1 controls and
//! bidi overrides in the JSON export; and output to a closed pipe ends quietly with status 0.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::Plan;
use imgplan::storage;

const TODAY: &str = "2026-11-25";

fn imgplan(home: &Path, plan: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_imgplan"));
    cmd.env_clear()
        .env("HOME", home)
        .args(["--today", TODAY, "--plan"])
        .arg(plan)
        .stdin(Stdio::null());
    cmd
}

/// Runs a command and returns everything it printed, stdout and stderr.
fn printed(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run");
    let mut all = String::from_utf8_lossy(&output.stdout).into_owned();
    all.push_str(&String::from_utf8_lossy(&output.stderr));
    all
}

fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
}

#[test]
fn paths_with_escape_sequences_never_reach_the_terminal_raw() {
    let home = tempfile::tempdir().expect("home");
    let evil = home
        .path()
        .join("evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}dir");
    std::fs::create_dir(&evil).expect("evil folder");
    let plan: PathBuf = evil.join("plan\u{1b}[31m.ron");
    let csv = evil.join("programs\u{1b}[1m.csv");
    std::fs::write(&csv, "Program,State\nGood,NY\nBad,ZZ\n").expect("csv");
    // Each command, and whether its output names the plan, the CSV or the export.
    let runs: Vec<(Vec<&str>, bool)> = vec![
        (vec!["status"], true),
        (vec!["init"], true),
        (vec!["init"], true),
        (vec!["check"], true),
        (vec!["set", "exams.step1", "--state", "done"], false),
        (vec!["export", "--format", "markdown", "-o"], true),
        (vec!["import", "programs"], true),
        (vec!["restore"], true),
    ];
    for (args, names_a_path) in runs {
        let mut cmd = imgplan(home.path(), &plan);
        cmd.args(&args);
        match args[0] {
            "export" => {
                cmd.arg(evil.join("out\u{1b}[5m.md"));
            }
            "import" => {
                cmd.arg(&csv);
            }
            _ => {}
        }
        let text = printed(&mut cmd);
        assert!(!has_control(&text), "{args:?} printed {text:?}");
        assert!(
            !names_a_path || text.contains("evil"),
            "{args:?} names the path: {text:?}"
        );
    }
}

#[test]
fn the_json_export_escapes_c1_controls_and_bidi_overrides() {
    let template = Template::embedded().expect("template");
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("date");
    let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
    // As a hand edit could leave them in a program (the JSON gives programs as stored).
    let mut program = imgplan::import::read_programs(b"Program\nX\n")
        .expect("csv")
        .programs
        .remove(0)
        .program;
    program.id = imgplan::ids::ProgramId(1);
    program.name = "next\u{85}line \u{202e}txt.exe\u{2066} \u{9b}31m".into();
    plan.programs.push(program);
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("plan.ron");
    storage::save(&path, &plan).expect("save");
    let output = imgplan(dir.path(), &path)
        .args(["export", "--format", "json"])
        .output()
        .expect("export");
    assert!(output.status.success());
    let json = String::from_utf8(output.stdout).expect("utf-8");
    assert!(!has_control(&json), "raw controls in the JSON");
    for escaped in ["\\u0085", "\\u202e", "\\u2066", "\\u009b"] {
        assert!(json.contains(escaped), "{escaped} missing");
    }
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(
        value["programs"][0]["name"], "next\u{85}line \u{202e}txt.exe\u{2066} \u{9b}31m",
        "the escapes read back as the same text"
    );
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_with_status_0() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    for args in [
        &["programs"][..],
        &["tasks"],
        &["export", "--format", "json"],
        &["status"],
        &["visa"],
    ] {
        let mut child = imgplan(dir.path(), &plan)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // The reader goes away before imgplan writes, as `head` does after its lines.
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
