//! Kept versions and `imgplan restore`; hand edits kept before the first rewrite.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

const TODAY: &str = "2026-11-25";

struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().expect("dir"),
        };
        sandbox
            .cmd()
            .args(["init", "--match-year", "2028"])
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
            .args(["--today", TODAY, "--plan"])
            .arg(self.plan());
        cmd
    }

    fn note(&self, text: &str) {
        self.cmd()
            .args(["set", "exams.step1", "--note", text])
            .assert()
            .success();
    }

    fn files(&self, pattern: &str) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.contains(pattern))
            .collect();
        names.sort();
        names
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).expect("read")
}

#[test]
fn each_save_keeps_the_version_it_replaces_up_to_five_private_ones() {
    let sandbox = Sandbox::new();
    for n in 1..=7 {
        sandbox.note(&format!("version {n}"));
    }
    assert_eq!(
        sandbox.files(".backup-"),
        (1..=5)
            .map(|n| format!("plan.ron.backup-{n}"))
            .collect::<Vec<_>>()
    );
    let backup = |n: usize| sandbox.dir.path().join(format!("plan.ron.backup-{n}"));
    assert!(read(&backup(1)).contains("note: \"version 6\""));
    assert!(read(&backup(5)).contains("note: \"version 2\""));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(backup(1)).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // Saving what is already there keeps no version.
    sandbox.note("version 7");
    assert!(read(&backup(1)).contains("note: \"version 6\""));
    assert!(sandbox.files(".bak-").is_empty(), "no hand edits to keep");
}

#[test]
fn restore_lists_the_versions_and_puts_one_back_keeping_the_current_one() {
    let sandbox = Sandbox::new();
    sandbox.cmd().arg("restore").assert().success().stdout(
        predicate::str::contains("plan.ron, the most recent first")
            .or(predicate::str::contains("No earlier versions")),
    );
    sandbox.note("first");
    sandbox
        .cmd()
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .success();
    sandbox.note("third");
    let current = read(&sandbox.plan());
    sandbox.cmd().arg("restore").assert().success().stdout(
        predicate::str::contains("1  2")
            .and(predicate::str::contains("1 task done"))
            .and(predicate::str::contains("0 programs"))
            .and(predicate::str::contains("KB")),
    );
    // Version 2 is the plan with the first note, before step 1 was done.
    sandbox
        .cmd()
        .args(["restore", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Restored version 2"));
    let restored = read(&sandbox.plan());
    assert!(restored.contains("note: \"first\""), "{restored}");
    assert!(!restored.contains("state: Done"), "{restored}");
    assert_eq!(
        read(&sandbox.dir.path().join("plan.ron.backup-1")),
        current,
        "the plan it replaced is kept as version 1"
    );
    sandbox.cmd().args(["restore", "1"]).assert().success();
    assert_eq!(read(&sandbox.plan()), current, "and comes back");
    sandbox
        .cmd()
        .args(["restore", "9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("numbered 1 to 5"));
}

#[test]
fn a_broken_version_is_listed_as_such_and_never_restored() {
    let sandbox = Sandbox::new();
    sandbox.note("one");
    fs::write(sandbox.dir.path().join("plan.ron.backup-1"), "(version: ").expect("break");
    sandbox
        .cmd()
        .arg("restore")
        .assert()
        .success()
        .stdout(predicate::str::contains("cannot be read"));
    let before = read(&sandbox.plan());
    sandbox.cmd().args(["restore", "1"]).assert().code(1);
    assert_eq!(read(&sandbox.plan()), before);
}

#[test]
fn a_hand_edited_plan_is_kept_before_the_first_rewrite() {
    let sandbox = Sandbox::new();
    sandbox.note("by imgplan");
    let edited = read(&sandbox.plan()).replace(
        "version: 1,",
        "// Why I chose this Match year: …\n    version: 1,",
    );
    fs::write(sandbox.plan(), &edited).expect("hand edit");
    sandbox
        .cmd()
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .success()
        .stderr(predicate::str::contains("changed outside imgplan"));
    let kept = sandbox.files(".bak-");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(read(&sandbox.dir.path().join(&kept[0])), edited);
    // Only before the first rewrite: the next save is imgplan's own file again.
    sandbox.note("later");
    assert_eq!(sandbox.files(".bak-").len(), 1);
}

#[test]
fn a_save_that_fails_moves_no_kept_version_and_leaves_no_temporary_file() {
    let sandbox = Sandbox::new();
    for n in 1..=3 {
        sandbox.note(&format!("v{n}"));
    }
    let before: Vec<(String, String)> = (1..=5)
        .map(|n| {
            sandbox
                .plan()
                .with_file_name(format!("plan.ron.backup-{n}"))
        })
        .filter(|p| p.exists())
        .map(|p| (p.display().to_string(), read(&p)))
        .collect();
    let plan_before = read(&sandbox.plan());
    // Something in the way of the copy of the version being replaced (here a folder where
    // version 1 goes; a full disk fails at the same step): the save fails before moving anything.
    let first = sandbox.plan().with_file_name("plan.ron.backup-1");
    let kept = read(&first);
    fs::remove_file(&first).expect("remove");
    fs::create_dir(&first).expect("a folder in the way");
    sandbox
        .cmd()
        .args(["set", "exams.step1", "--note", "v4"])
        .assert()
        .failure();
    assert_eq!(read(&sandbox.plan()), plan_before, "the plan is unchanged");
    fs::remove_dir(&first).expect("remove folder");
    fs::write(&first, kept).expect("put version 1 back");
    let after: Vec<(String, String)> = (1..=5)
        .map(|n| {
            sandbox
                .plan()
                .with_file_name(format!("plan.ron.backup-{n}"))
        })
        .filter(|p| p.exists())
        .map(|p| (p.display().to_string(), read(&p)))
        .collect();
    assert_eq!(after, before, "no kept version moved");
    assert!(
        sandbox.files("imgplan-tmp").is_empty(),
        "{:?}",
        sandbox.files("tmp")
    );
}

#[test]
fn a_save_removes_only_its_own_plans_temporary_files() {
    let sandbox = Sandbox::new();
    let dir = sandbox.dir.path();
    let ours = dir.join(".plan.ron.imgplan-tmp-abc123");
    let ours_backup = dir.join(".plan.ron.backup-2.imgplan-tmp-def456");
    let ours_hand_edit = dir.join(".plan.ron.bak-20261130-051754-2.imgplan-tmp-jpj1zV");
    let another_plans = dir.join(".plan.ron.old.imgplan-tmp-ghi789");
    for file in [&ours, &ours_backup, &ours_hand_edit, &another_plans] {
        fs::write(file, "left by a killed save").expect("temp");
    }
    sandbox.note("a save");
    assert!(!ours.exists() && !ours_backup.exists() && !ours_hand_edit.exists());
    assert!(
        another_plans.exists(),
        "plan.ron.old's temporary file is not ours"
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_file_that_is_no_plan_is_refused_before_anything_is_made_beside_it() {
    let sandbox = Sandbox::new();
    let victim = sandbox.dir.path().join("victim");
    fs::create_dir(&victim).expect("folder");
    fs::write(victim.join("passwd"), "root:x:0:0:root:/root:/bin/sh\n").expect("file");
    let link = sandbox.dir.path().join("linked.ron");
    std::os::unix::fs::symlink(victim.join("passwd"), &link).expect("link");
    let mut cmd = Command::cargo_bin("imgplan").expect("binary");
    cmd.env_clear()
        .env("HOME", sandbox.dir.path())
        .args(["--today", TODAY, "--plan"])
        .arg(&link)
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not an imgplan plan file"));
    let beside: Vec<_> = fs::read_dir(&victim)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        beside,
        vec![std::ffi::OsString::from("passwd")],
        "nothing made beside it"
    );
    assert_eq!(
        read(&victim.join("passwd")),
        "root:x:0:0:root:/root:/bin/sh\n"
    );
}

#[cfg(unix)]
#[test]
fn names_that_differ_only_in_bytes_that_are_not_utf8_share_nothing() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("dir");
    let a = dir.path().join(std::ffi::OsStr::from_bytes(b"a\xff.ron"));
    let b = dir.path().join(std::ffi::OsStr::from_bytes(b"a\xfe.ron"));
    assert_ne!(
        imgplan::storage::lock_path(&a),
        imgplan::storage::lock_path(&b)
    );
    assert_ne!(
        imgplan::storage::version_path(&a, 1),
        imgplan::storage::version_path(&b, 1)
    );
}
