//! The command line, driven as a user would: the real binary, fixture plan files, a fresh HOME.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const TODAY: &str = "2026-11-25";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

/// A sandbox with its own HOME and data directory, so nothing touches the real user's files.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    fn default_plan(&self) -> PathBuf {
        self.home().join(".local/share/imgplan/plan.ron")
    }

    /// `imgplan` with a fresh HOME and a fixed today.
    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("imgplan").expect("binary");
        cmd.env_clear()
            .env("HOME", self.home())
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .arg("--today")
            .arg(TODAY);
        cmd
    }

    /// A copy of a fixture inside the sandbox.
    fn copy(&self, name: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::copy(fixture(name), &path).expect("copy fixture");
        path
    }
}

#[test]
fn help_and_version() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("init"))
        .stdout(predicate::str::contains("export"))
        .stdout(predicate::str::contains("IMGPLAN_PLAN"));
    sandbox
        .cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn status_and_export_work_before_any_plan_exists_and_write_nothing() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .arg("status")
        .assert()
        .success()
        .stdout(predicate::str::contains("2028 Match"))
        .stdout(predicate::str::contains("No plan saved yet"))
        .stdout(predicate::str::contains(".local/share/imgplan/plan.ron"));
    sandbox
        .cmd()
        .arg("export")
        .assert()
        .success()
        .stdout(predicate::str::contains("imgplan: plan summary"))
        .stderr(predicate::str::contains("No plan saved yet"));
    // Bare `imgplan` without a terminal prints the status too.
    sandbox
        .cmd()
        .assert()
        .success()
        .stdout(predicate::str::contains("Progress:"));
    assert!(!sandbox.default_plan().exists());
    assert!(!sandbox.home().exists(), "nothing was written");
}

#[test]
fn init_creates_refuses_then_replaces_with_a_backup() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["init", "--visa", "h1b"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Created your plan for the 2028 Match",
        ));
    let path = sandbox.default_plan();
    let first = fs::read_to_string(&path).expect("plan");
    assert!(first.contains("visa: H1b"));

    sandbox
        .cmd()
        .args(["init", "--match-year", "2029"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(fs::read_to_string(&path).expect("plan"), first);

    sandbox
        .cmd()
        .args(["init", "--match-year", "2029", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("backup"));
    assert!(
        fs::read_to_string(&path)
            .expect("plan")
            .contains("match_year: 2029")
    );
    let backups: Vec<_> = fs::read_dir(path.parent().expect("dir"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("plan.ron.bak-"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(
        fs::read_to_string(backups[0].path()).expect("backup"),
        first
    );

    sandbox
        .cmd()
        .args(["init", "--match-year", "1900", "--force", "--plan"])
        .arg(sandbox.dir.path().join("other.ron"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("Match year"));
}

#[test]
fn check_accepts_a_valid_plan_and_prints_warnings() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("valid.ron");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("OK"));
    // With a byte-order mark in front, as some Windows editors save it.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&plan).expect("read"));
    fs::write(&plan, bytes).expect("write");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("OK").and(predicate::str::contains("byte-order mark")));
    // The truncated fixture says where it ends.
    sandbox
        .cmd()
        .arg("--plan")
        .arg(sandbox.copy("truncated.ron"))
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the file ends early at line"))
        .stderr(predicate::str::contains("was it cut off?"));
}

#[test]
fn check_reports_file_line_and_column_and_leaves_the_file_alone() {
    let sandbox = Sandbox::new();
    for (name, line) in [("malformed.ron", ":5:"), ("truncated.ron", ":6:")] {
        let plan = sandbox.copy(name);
        let before = fs::read(&plan).expect("read");
        sandbox
            .cmd()
            .arg("--plan")
            .arg(&plan)
            .arg("check")
            .assert()
            .failure()
            .stderr(predicate::str::contains(format!("{name}{line}")));
        // Commands that write refuse too, and the bytes stay as they were.
        sandbox
            .cmd()
            .arg("--plan")
            .arg(&plan)
            .args(["set", "exams.step1", "--state", "done"])
            .assert()
            .failure();
        sandbox
            .cmd()
            .arg("--plan")
            .arg(&plan)
            .arg("status")
            .assert()
            .failure();
        assert_eq!(fs::read(&plan).expect("read"), before, "{name} untouched");
    }
}

#[test]
fn a_newer_plan_version_is_refused_not_rewritten() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("newer.ron");
    let before = fs::read(&plan).expect("read");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("newer imgplan"));
    assert_eq!(fs::read(&plan).expect("read"), before);
}

#[test]
fn state_for_tasks_the_journey_no_longer_has_is_kept() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("orphan.ron");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("exams.step2cs"));
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["set", "exams.step1", "--state", "doing"])
        .assert()
        .success();
    let text = fs::read_to_string(&plan).expect("read");
    assert!(text.contains("passed before CS ended"));
}

#[test]
fn export_text_json_and_output_file() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("valid.ron");
    let text = sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("export")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(text).expect("utf-8");
    assert!(text.contains("[x] Pass USMLE Step 1"), "{text}");
    assert!(text.contains("2027-05-20  yours"));
    assert!(text.contains("Sources"));
    for line in text.lines() {
        // Web addresses are kept whole so they can be copied; everything else fits 80 columns.
        let address = line.trim_start();
        let is_address = (address.starts_with("https://") || address.starts_with("http://"))
            && !address.contains(' ');
        assert!(
            is_address || imgplan::text::width(line) <= 80,
            "line wider than 80 columns: {line:?}"
        );
    }

    let json = sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["export", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert_eq!(value["profile"]["visa"], "H1b");
    assert_eq!(value["season"]["match_year"], 2028);
    let tasks = value["tasks"].as_array().expect("tasks");
    let step1 = tasks
        .iter()
        .find(|t| t["id"] == "exams.step1")
        .expect("step1");
    assert_eq!(step1["status"], "Done");
    // Its untouched prerequisites are behind the user, and the JSON says which done task
    // puts them there.
    assert!(
        tasks.iter().any(|t| t["behind"] == "exams.step1"),
        "{tasks:?}"
    );
    assert!(tasks.iter().all(|t| t["start_now"].is_boolean()));

    let out = sandbox.dir.path().join("summary.txt");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("export")
        .arg("--output")
        .arg(&out)
        .assert()
        .success();
    assert!(
        fs::read_to_string(&out)
            .expect("export")
            .contains("plan summary")
    );

    let before = fs::read(&plan).expect("plan");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .arg("export")
        .arg("--output")
        .arg(&plan)
        .assert()
        .failure()
        .stderr(predicate::str::contains("plan file itself"));
    assert_eq!(fs::read(&plan).expect("plan"), before);
}

#[test]
fn tasks_lists_and_filters() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("valid.ron");
    let run = |args: &[&str]| {
        let out = sandbox
            .cmd()
            .arg("--plan")
            .arg(&plan)
            .arg("tasks")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).expect("utf-8")
    };
    let all = run(&[]);
    assert!(all.contains("exams.step1") && all.contains("ecfmg."));
    let exams = run(&["--stage", "Exams"]);
    assert!(
        exams.lines().skip(1).all(|l| l.starts_with("exams.")),
        "{exams}"
    );
    let done = run(&["--state", "done"]);
    assert_eq!(done.lines().count(), 2, "{done}");
    let soon = run(&["--due-within", "0"]);
    assert!(!soon.contains("exams.step1 "), "done tasks are not due");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["tasks", "--stage", "nowhere"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("stages: ecfmg"));
}

#[test]
fn set_changes_one_task_and_rejects_bad_input() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("valid.ron");
    let cmd = |args: &[&str]| {
        let mut cmd = sandbox.cmd();
        cmd.arg("--plan").arg(&plan).arg("set").args(args);
        cmd
    };
    cmd(&[
        "exams.step2ck",
        "--state",
        "done",
        "--note",
        "Passed \u{1b}[31mred\u{1b}[0m",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("[x] exams.step2ck"));
    let text = fs::read_to_string(&plan).expect("plan");
    assert!(
        text.contains("\"exams.step2ck\": (state: Done, done_on: \"2026-11-25\""),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));

    cmd(&["exams.step2ck", "--due", "rule"]).assert().success();
    assert!(
        !fs::read_to_string(&plan)
            .expect("plan")
            .contains("2027-05-20")
    );

    let before = fs::read(&plan).expect("plan");
    cmd(&["exams.stpe3", "--state", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("did you mean exams.step3"));
    cmd(&["exams.step1", "--due", "2027-02-30"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "\"2027-02-30\" is not a real date: February 2027 has 28 days",
        ));
    // The one date reader: the ways a spreadsheet writes a date work on the command line too.
    cmd(&["exams.step1", "--due", "19 Mar 2027"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&plan)
            .expect("plan")
            .contains("2027-03-19")
    );
    cmd(&["exams.step1", "--due", "3/20/2027"])
        .assert()
        .success();
    assert!(
        fs::read_to_string(&plan)
            .expect("plan")
            .contains("2027-03-20")
    );
    cmd(&["exams.step1", "--due", "rule"]).assert().success();
    cmd(&["exams.step1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing to change"));
    cmd(&["exams.step1", "--state", "finished"])
        .assert()
        .failure()
        .code(2);
    assert_eq!(
        fs::read(&plan).expect("plan"),
        before,
        "failed commands change nothing"
    );
}

#[test]
fn set_on_a_fresh_machine_creates_the_plan() {
    let sandbox = Sandbox::new();
    sandbox
        .cmd()
        .args(["set", "ecfmg.oet", "--state", "doing"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Created your plan"));
    assert!(sandbox.default_plan().exists());
}

#[test]
fn the_environment_variable_names_the_plan() {
    let sandbox = Sandbox::new();
    let plan = sandbox.dir.path().join("from-env.ron");
    sandbox
        .cmd()
        .env("IMGPLAN_PLAN", &plan)
        .arg("init")
        .assert()
        .success();
    assert!(plan.exists());
    assert!(!sandbox.default_plan().exists());
}

#[test]
fn profile_and_season_edits_move_the_dates() {
    let sandbox = Sandbox::new();
    let plan = sandbox.copy("valid.ron");
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args([
            "profile",
            "--match-year",
            "2029",
            "--visa",
            "j1",
            "--graduation",
            "2027-06-30",
            "--expected",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Match year:    2029"))
        .stdout(predicate::str::contains("2027-06-30 (expected)"));
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["season", "RolDeadline", "2029-02-28"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2029-02-28  yours"));
    sandbox
        .cmd()
        .arg("--plan")
        .arg(&plan)
        .args(["season", "MatchDayy", "2029-02-28"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("season dates: ErasOpens"));
    let text = fs::read_to_string(&plan).expect("plan");
    assert!(text.contains("RolDeadline: \"2029-02-28\""), "{text}");
}

#[test]
fn a_bad_today_is_a_clear_usage_error() {
    let sandbox = Sandbox::new();
    let mut cmd = Command::cargo_bin("imgplan").expect("binary");
    cmd.env("HOME", sandbox.home())
        .args(["--today", "2026-13-01", "status"])
        .assert()
        .failure()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}
