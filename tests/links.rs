//! Links and permissions: a plan that is a symbolic link stays one, a read-only plan is refused
//! and never chmod-ed, a rewritten plan keeps its mode, and exports, manual pages and
//! `init --force` never write through a link.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
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

fn imgplan(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("imgplan").expect("binary");
    cmd.env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["--today", TODAY]);
    cmd
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn a_plan_reached_through_a_link_stays_a_link_and_its_target_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    let synced = dir.path().join("synced");
    fs::create_dir(&synced).expect("synced folder");
    let real = synced.join("plan.ron");
    fs::copy(fixture("valid.ron"), &real).expect("copy");
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).expect("chmod");
    let link = dir.path().join("plan.ron");
    symlink("synced/plan.ron", &link).expect("link");

    imgplan(dir.path())
        .arg("--plan")
        .arg(&link)
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .success();

    let meta = fs::symlink_metadata(&link).expect("link metadata");
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(
        fs::read_link(&link).expect("read link"),
        Path::new("synced/plan.ron")
    );
    let text = fs::read_to_string(&real).expect("target");
    assert!(
        text.contains("\"exams.step1\": (state: Done"),
        "the target has the change:\n{text}"
    );
    assert_eq!(mode(&real), 0o640, "the plan keeps its mode");
    // The temporary file was made beside the target, and nothing was left beside the link.
    let beside_link: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "synced" && name != "plan.ron" && !name.ends_with(".lock"))
        .collect();
    assert!(beside_link.is_empty(), "{beside_link:?}");
}

#[test]
fn a_read_only_plan_is_refused_with_the_reason_and_never_chmod_ed() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    fs::copy(fixture("valid.ron"), &plan).expect("copy");
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o400)).expect("chmod");
    let before = fs::read(&plan).expect("read");
    for args in [
        &["set", "exams.step1", "--state", "done"][..],
        &["profile", "--name", "Amina"],
        &["season", "RolDeadline", "2028-02-20"],
    ] {
        imgplan(dir.path())
            .arg("--plan")
            .arg(&plan)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is read-only"));
    }
    assert_eq!(fs::read(&plan).expect("read"), before);
    assert_eq!(mode(&plan), 0o400);
}

#[test]
fn a_new_plan_is_private_and_a_rewritten_one_keeps_its_mode() {
    let dir = tempfile::tempdir().expect("dir");
    let plan = dir.path().join("plan.ron");
    imgplan(dir.path())
        .arg("--plan")
        .arg(&plan)
        .args(["set", "exams.step1", "--state", "done"])
        .assert()
        .success();
    assert_eq!(mode(&plan), 0o600);
    fs::set_permissions(&plan, fs::Permissions::from_mode(0o644)).expect("chmod");
    imgplan(dir.path())
        .arg("--plan")
        .arg(&plan)
        .args(["set", "exams.step1", "--state", "todo"])
        .assert()
        .success();
    assert_eq!(mode(&plan), 0o644);
}

#[test]
fn an_export_refuses_a_link_at_the_destination_naming_link_and_target() {
    let dir = tempfile::tempdir().expect("dir");
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").expect("victim");
    let link = dir.path().join("summary.txt");
    symlink(&victim, &link).expect("link");
    let dangling = dir.path().join("new.md");
    symlink(dir.path().join("nowhere.md"), &dangling).expect("dangling link");
    for (output, format) in [(&link, "text"), (&dangling, "markdown")] {
        imgplan(dir.path())
            .args(["export", "--format", format, "-o"])
            .arg(output)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains(output.display().to_string())
                    .and(predicate::str::contains("symbolic link to"))
                    .and(predicate::str::contains("does not write through links")),
            );
    }
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
    assert!(!dir.path().join("nowhere.md").exists());
    assert!(fs::symlink_metadata(&link).expect("link").is_symlink());
}

#[test]
fn man_dir_refuses_a_link_among_the_pages() {
    let dir = tempfile::tempdir().expect("dir");
    let pages = dir.path().join("man1");
    fs::create_dir(&pages).expect("pages");
    let victim = dir.path().join("victim");
    fs::write(&victim, "precious").expect("victim");
    symlink(&victim, pages.join("imgplan-export.1")).expect("link");
    imgplan(dir.path())
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "imgplan-export.1 is a symbolic link to",
        ));
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious");
    // Without the link every page is written, as before.
    fs::remove_file(pages.join("imgplan-export.1")).expect("unlink");
    imgplan(dir.path())
        .args(["man", "--dir"])
        .arg(&pages)
        .assert()
        .success();
    assert!(pages.join("imgplan.1").is_file());
    assert!(pages.join("imgplan-export.1").is_file());
}

#[test]
fn init_force_never_writes_through_a_link() {
    let dir = tempfile::tempdir().expect("dir");
    let real = dir.path().join("real.ron");
    fs::copy(fixture("valid.ron"), &real).expect("copy");
    let before = fs::read(&real).expect("read");
    let link = dir.path().join("plan.ron");
    symlink(&real, &link).expect("link");
    imgplan(dir.path())
        .arg("--plan")
        .arg(&link)
        .args(["init", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("does not write through links"));
    assert_eq!(fs::read(&real).expect("read"), before);
    assert!(fs::symlink_metadata(&link).expect("link").is_symlink());
    assert!(
        !dir.path().join(".real.ron.lock").exists(),
        "nothing made at the far end of the link"
    );
    // On the file itself, init --force works as before (and keeps a backup).
    let plan = dir.path().join("own.ron");
    fs::copy(fixture("valid.ron"), &plan).expect("copy");
    let output = imgplan(dir.path())
        .arg("--plan")
        .arg(&plan)
        .args(["init", "--force"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(fs::read(&real).expect("read"), before);
    let backups = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("own.ron.bak-"))
        .count();
    assert_eq!(backups, 1);
}
