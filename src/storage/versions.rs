//! Saving under the lock, with the versions a save replaces kept beside the plan.
//!
//! - Before the plan is replaced, what was there becomes `plan.ron.backup-1`, the one before
//!   that `plan.ron.backup-2`, and so on up to [`KEEP_VERSIONS`] (0600, beside the file the plan
//!   names, with the time that version was saved). `imgplan restore` lists and restores them.
//! - Hand edits: when the file differs from what imgplan last wrote (the fingerprint in the
//!   lock file), it was edited by hand or by another program; its comments and layout would go
//!   with the rewrite, so a copy `plan.ron.bak-<time>` is kept that rotation never removes.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::lock::fingerprint;
use super::write::{Audience, Staged, stage};
use super::{PlanLock, StorageError, backup, is_link, resolve_links, to_ron};
use crate::journey::Template;
use crate::plan::{Plan, Status};

/// How many replaced versions are kept.
pub const KEEP_VERSIONS: usize = 5;

/// What a save did besides writing the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// Where the hand-edited file was kept, when it was.
    pub hand_edits_kept: Option<PathBuf>,
}

/// Whether a save keeps a copy of a hand-edited file (no when the caller has just made one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandEdits {
    Keep,
    AlreadyKept,
    /// The caller has just seen the file hold exactly what it last wrote itself: there are no
    /// hand edits, and the file need not be fingerprinted to find out.
    Ours,
}

/// The path of kept version `n` (1 = the most recent) of the plan at `plan`.
pub fn version_path(plan: &Path, n: usize) -> PathBuf {
    let target = resolve_links(plan).unwrap_or_else(|_| plan.to_path_buf());
    super::sibling(&target, false, &format!(".backup-{n}"))
}

/// Saves the plan while holding its lock: keeps a hand-edited file, keeps the version it
/// replaces, writes atomically, and remembers what it wrote. Nothing happens when the file
/// already holds exactly this plan.
pub fn save_locked(
    lock: &mut PlanLock,
    path: &Path,
    plan: &Plan,
    hand_edits: HandEdits,
) -> Result<Saved, StorageError> {
    let text = to_ron(plan)?;
    replace_plan(lock, path, text.as_bytes(), hand_edits)
}

/// As [`save_locked`], with the plan's text already made by [`to_ron`] (so a save serialises
/// the plan once) and the file's bytes as just read under this lock (`None`: no file), so it is
/// not read twice.
pub fn save_text_locked(
    lock: &mut PlanLock,
    path: &Path,
    text: &str,
    hand_edits: HandEdits,
    current: Option<Vec<u8>>,
) -> Result<Saved, StorageError> {
    replace_known(lock, path, text.as_bytes(), hand_edits, current)
}

fn replace_plan(
    lock: &mut PlanLock,
    path: &Path,
    bytes: &[u8],
    hand_edits: HandEdits,
) -> Result<Saved, StorageError> {
    let target = resolve_links(path).map_err(|source| StorageError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    let current = match fs::read(&target) {
        Ok(current) => Some(current),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(StorageError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    replace_known(lock, path, bytes, hand_edits, current)
}

/// Replaces the plan whose file now holds `current`.
fn replace_known(
    lock: &mut PlanLock,
    path: &Path,
    bytes: &[u8],
    hand_edits: HandEdits,
    current: Option<Vec<u8>>,
) -> Result<Saved, StorageError> {
    let mut saved = Saved::default();
    let target = resolve_links(path).map_err(|source| StorageError::Write {
        path: path.to_path_buf(),
        source,
    })?;
    if current.as_deref() == Some(bytes) {
        lock.set_last_written(fingerprint(bytes));
        return Ok(saved);
    }
    // Everything that needs space is written first: the new plan, then the copy of the version
    // it replaces. A full disk fails here, with nothing moved or rotated.
    let new_plan = stage(path, bytes, Audience::Plan)?;
    if let Some(current) = &current {
        if hand_edits == HandEdits::Keep && lock.last_written() != Some(fingerprint(current)) {
            let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
            saved.hand_edits_kept = Some(backup(&target, &stamp)?);
        }
        keep_version(path, &target, current)?;
    }
    new_plan.commit()?;
    lock.set_last_written(fingerprint(bytes));
    Ok(saved)
}

/// Keeps `current` as version 1, dated when it was saved, and shifts the others up by one (the
/// oldest goes). The copy is written in full before anything is renamed, so a failure changes
/// no kept version.
fn keep_version(path: &Path, target: &Path, current: &[u8]) -> Result<(), StorageError> {
    let fail = |source: io::Error| StorageError::Write {
        path: path.to_path_buf(),
        source: io::Error::new(
            source.kind(),
            format!("cannot keep the version it replaces: {source}"),
        ),
    };
    let first = version_path(path, 1);
    if is_link(&first) {
        // Not ours: a kept version is never a link. Removing it never touches what it names.
        fs::remove_file(&first).map_err(fail)?;
    }
    let copy = stage(&first, current, Audience::Backup)?;
    if let Ok(saved_at) = fs::metadata(target).and_then(|m| m.modified()) {
        // Best effort: the version's time is only shown in `imgplan restore`.
        let _ = copy_file_time(&copy, saved_at);
    }
    for n in (1..KEEP_VERSIONS).rev() {
        let from = version_path(path, n);
        match fs::symlink_metadata(&from) {
            // A rename moves the link itself, never what it points at.
            Ok(_) => fs::rename(&from, version_path(path, n + 1)).map_err(fail)?,
            Err(_) => continue,
        }
    }
    copy.commit()
}

/// Dates a staged copy with the time the version it holds was saved.
fn copy_file_time(copy: &Staged, saved_at: SystemTime) -> io::Result<()> {
    copy.file().set_modified(saved_at)
}

/// A kept version, as `imgplan restore` lists it.
#[derive(Debug, Clone)]
pub struct Version {
    pub number: usize,
    pub path: PathBuf,
    pub saved_at: Option<SystemTime>,
    pub bytes: u64,
    /// What is in it, or why it cannot be read.
    pub summary: Result<VersionSummary, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionSummary {
    pub tasks_done: usize,
    pub programs: usize,
}

/// The kept versions of the plan at `path`, most recent first.
pub fn versions(path: &Path, template: &Template) -> Vec<Version> {
    (1..=KEEP_VERSIONS)
        .filter_map(|number| {
            let file = version_path(path, number);
            let meta = fs::symlink_metadata(&file).ok().filter(|m| m.is_file())?;
            let summary = fs::read(&file)
                .map_err(|err| err.to_string())
                .and_then(|bytes| {
                    super::parse(&file, &bytes, template).map_err(|err| err.to_string())
                })
                .map(|plan| VersionSummary {
                    tasks_done: plan
                        .tasks
                        .values()
                        .filter(|t| t.state == Status::Done)
                        .count(),
                    programs: plan.programs.len(),
                });
            Some(Version {
                number,
                saved_at: meta.modified().ok(),
                bytes: meta.len(),
                path: file,
                summary,
            })
        })
        .collect()
}

/// Puts kept version `n` back as the plan, byte for byte, under the lock; the plan it replaces
/// becomes version 1 (so a restore can be undone with `restore 1`). A version that does not
/// load is refused.
pub fn restore(
    lock: &mut PlanLock,
    path: &Path,
    n: usize,
    template: &Template,
) -> Result<Saved, StorageError> {
    let file = version_path(path, n);
    if is_link(&file) {
        return Err(StorageError::Link {
            target: fs::read_link(&file).unwrap_or_default(),
            path: file,
        });
    }
    let bytes = fs::read(&file).map_err(|source| StorageError::Read {
        path: file.clone(),
        source,
    })?;
    super::parse(&file, &bytes, template)?;
    replace_plan(lock, path, &bytes, HandEdits::Keep)
}
