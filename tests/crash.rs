//! Saves that are killed: a `imgplan set` killed with SIGKILL at random moments, many times,
//! leaves a plan that loads and equals a saved version; the next save removes every temporary
//! file interrupted saves left behind.

#![cfg(unix)]

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use imgplan::journey::Template;
use imgplan::storage::{self, TEMP_MARKER};

const TODAY: &str = "2026-11-25";
const TASK: &str = "exams.step2ck";

fn imgplan(plan: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_imgplan"));
    cmd.env_clear()
        .env("HOME", plan.parent().unwrap_or(plan))
        .args(["--today", TODAY, "--plan"])
        .arg(plan)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// The note of [`TASK`] in the plan as it is on disk (the plan must load).
fn note(plan: &Path, template: &Template) -> Option<String> {
    let loaded = storage::load(plan, template)
        .expect("every kill leaves a plan that loads")
        .expect("the plan exists");
    loaded.tasks.get(TASK).and_then(|t| t.note.clone())
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(TEMP_MARKER))
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_plan() {
    let template = Template::embedded().expect("template");
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    assert!(
        imgplan(&plan)
            .args(["set", TASK, "--note", "v0"])
            .status()
            .expect("first save")
            .success()
    );
    let mut last = note(&plan, &template);
    // A small xorshift, seeded from the clock: a different set of moments each run.
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    for round in 1..=60 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 40_000);
        let version = format!("v{round}");
        let mut child = imgplan(&plan)
            .args(["set", TASK, "--note", &version])
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = note(&plan, &template);
        assert!(
            now == last || now.as_deref() == Some(version.as_str()),
            "round {round} (killed after {delay:?}): {now:?}, expected {last:?} or {version}"
        );
        last = now;
    }
    // Whatever the kills left, plus two planted by hand (the plan's, a backup's), goes with the
    // next save; other files stay.
    std::fs::write(
        dir.path()
            .join(format!(".plan.ron.backup-1{TEMP_MARKER}x1y2z3")),
        "half",
    )
    .expect("plant");
    std::fs::write(
        dir.path().join(format!(".plan.ron{TEMP_MARKER}x1y2z3")),
        "half",
    )
    .expect("plant");
    std::fs::write(
        dir.path().join(format!(".other.ron{TEMP_MARKER}x1y2z3")),
        "not ours",
    )
    .expect("plant");
    assert!(
        imgplan(&plan)
            .args(["set", TASK, "--note", "final"])
            .status()
            .expect("save")
            .success()
    );
    assert_eq!(note(&plan, &template).as_deref(), Some("final"));
    assert_eq!(
        temporaries(dir.path()),
        vec![format!(".other.ron{TEMP_MARKER}x1y2z3")]
    );
}
