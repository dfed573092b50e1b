//! One writer at a time: commands that write run one after the other under the plan's lock,
//! each applying its change to the plan as it is on disk, so nothing is lost.

use std::path::Path;
use std::process::{Command, Stdio};

const TODAY: &str = "2026-11-25";

fn imgplan(home: &Path, plan: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_imgplan"));
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["--today", TODAY, "--plan"])
        .arg(plan)
        .stdin(Stdio::null());
    cmd
}

/// The ids of every task of a fresh plan.
fn task_ids(home: &Path, plan: &Path) -> Vec<String> {
    let output = imgplan(home, plan).arg("tasks").output().expect("tasks");
    assert!(output.status.success(), "{output:?}");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(1)
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn twenty_pairs_of_set_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    let ids = task_ids(dir.path(), &plan);
    assert!(ids.len() >= 40, "{} tasks", ids.len());
    let status = imgplan(dir.path(), &plan)
        .args(["init", "--match-year", "2028"])
        .stdout(Stdio::null())
        .status()
        .expect("init");
    assert!(status.success());
    for pair in ids[..40].chunks(2) {
        let children: Vec<_> = pair
            .iter()
            .map(|id| {
                imgplan(dir.path(), &plan)
                    .args(["set", id, "--note", &format!("note for {id}")])
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn set")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("wait");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
    let text = std::fs::read_to_string(&plan).expect("plan");
    let missing: Vec<&String> = ids[..40]
        .iter()
        .filter(|id| !text.contains(&format!("note: \"note for {id}\"")))
        .collect();
    assert!(missing.is_empty(), "lost: {missing:?}\n{text}");
}

#[test]
fn a_writer_that_cannot_get_the_lock_names_who_holds_it() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    let _held = imgplan::storage::lock(&plan, "imgplan import programs").expect("lock");
    let output = imgplan(dir.path(), &plan)
        .args(["set", "exams.step1", "--state", "done"])
        .output()
        .expect("set");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("another imgplan is changing this plan"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "pid {}: imgplan import programs",
            std::process::id()
        )),
        "{stderr}"
    );
    assert!(!plan.exists(), "nothing was written");
    // Readers do not wait for the lock.
    let output = imgplan(dir.path(), &plan)
        .arg("status")
        .output()
        .expect("status");
    assert!(output.status.success());
}
