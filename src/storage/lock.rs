//! One writer at a time: an exclusive OS lock (`flock` on Unix, `LockFileEx` on Windows) on a
//! lock file beside the plan, `.plan.ron.lock`. The lock, not the file's existence, is what
//! counts, so a lock file left by a killed process never blocks anyone: the OS drops the lock
//! with the process. The holder writes its pid and command into the file, so a writer that gives
//! up can say who holds it.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{StorageError, resolve_links};

/// How long a writer waits for another one to finish before it gives up.
pub const LOCK_WAIT: Duration = Duration::from_secs(2);
/// How often it tries again meanwhile.
const RETRY_EVERY: Duration = Duration::from_millis(20);

/// The plan's lock, held until dropped. The lock file also remembers a fingerprint of the bytes
/// imgplan last wrote to the plan, so a save can tell a file edited by hand (see
/// [`super::save_locked`]).
#[derive(Debug)]
pub struct PlanLock {
    // Closing the file releases the lock.
    file: File,
    holder: String,
    last_written: Option<u64>,
}

/// The line of the lock file that holds the fingerprint.
const WRITTEN: &str = "written ";

impl PlanLock {
    /// Fingerprint of the plan file as imgplan last wrote it, if it is known.
    pub fn last_written(&self) -> Option<u64> {
        self.last_written
    }

    /// Remembers the fingerprint of what was just written.
    pub fn set_last_written(&mut self, fingerprint: u64) {
        self.last_written = Some(fingerprint);
        self.write_contents();
    }

    /// Best effort: the lock is what counts; a lost fingerprint costs one extra backup.
    fn write_contents(&mut self) {
        let mut contents = format!("{}\n", self.holder);
        if let Some(fingerprint) = self.last_written {
            contents.push_str(&format!("{WRITTEN}{fingerprint:016x}\n"));
        }
        // Written over the old contents, then cut to length: a kill in between leaves the old
        // fingerprint or the new one, never an empty file (which would make the next save think
        // the plan was edited by hand).
        let _ = self
            .file
            .rewind()
            .and_then(|()| self.file.write_all(contents.as_bytes()))
            .and_then(|()| self.file.set_len(contents.len() as u64))
            .and_then(|()| self.file.sync_data());
    }
}

/// A stable 64-bit fingerprint of file contents (FNV-1a): the same in every build, unlike
/// `DefaultHasher`.
pub fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether an existing file at `target` could be a plan file (its first 64 KiB mention the
/// plan's `version`); a file that does not exist yet could become one.
fn looks_like_a_plan(target: &Path) -> bool {
    let Ok(file) = File::open(target) else {
        return true;
    };
    let mut head = Vec::new();
    if file.take(64 * 1024).read_to_end(&mut head).is_err() {
        return false;
    }
    head.windows(b"version".len()).any(|w| w == b"version")
}

/// The lock file of the plan at `plan`: beside the file the plan finally names, so two links
/// to one plan share one lock.
pub fn lock_path(plan: &Path) -> PathBuf {
    let target = resolve_links(plan).unwrap_or_else(|_| plan.to_path_buf());
    super::sibling(&target, true, ".lock")
}

/// Takes the plan's lock for `command` (e.g. "imgplan set"), waiting up to [`LOCK_WAIT`] for
/// another writer. A read-only plan is refused here, before anything is made.
pub fn lock(plan: &Path, command: &str) -> Result<PlanLock, StorageError> {
    let fail = |source: io::Error| StorageError::Write {
        path: plan.to_path_buf(),
        source,
    };
    let target = resolve_links(plan).map_err(fail)?;
    if fs::metadata(&target).is_ok_and(|m| m.permissions().readonly()) {
        return Err(StorageError::ReadOnly {
            path: plan.to_path_buf(),
        });
    }
    // A link to some other file (`plan.ron -> /etc/passwd`) is refused before a lock file is
    // made beside that file: nothing is written where the user did not ask.
    if super::is_link(plan) && !looks_like_a_plan(&target) {
        return Err(StorageError::NotAPlan {
            path: plan.to_path_buf(),
            target,
        });
    }
    let path = lock_path(plan);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !super::is_link(plan)
    {
        // The data directory on a first run.
        fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut file = open(&path).map_err(|err| StorageError::Write {
        path: plan.to_path_buf(),
        source: io::Error::new(
            err.kind(),
            format!("cannot open its lock file {}: {err}", path.display()),
        ),
    })?;
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(RETRY_EVERY);
            }
            Err(TryLockError::WouldBlock) => {
                let mut contents = String::new();
                let _ = file.read_to_string(&mut contents);
                let holder = crate::text::clean_line(contents.lines().next().unwrap_or_default());
                return Err(StorageError::Locked {
                    path: plan.to_path_buf(),
                    holder: if holder.is_empty() {
                        "another imgplan".into()
                    } else {
                        holder
                    },
                });
            }
            Err(TryLockError::Error(err)) => return Err(fail(err)),
        }
    }
    let mut previous = String::new();
    let _ = file
        .rewind()
        .and_then(|_| file.read_to_string(&mut previous));
    let last_written = previous
        .lines()
        .find_map(|line| line.strip_prefix(WRITTEN))
        .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok());
    let mut lock = PlanLock {
        file,
        // Who holds it, for the message of whoever has to wait.
        holder: format!("pid {}: {command}", std::process::id()),
        last_written,
    };
    lock.write_contents();
    Ok(lock)
}

/// Opens (or makes) the lock file, owner-only, never through a symbolic link.
fn open(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_names_the_holder() {
        let dir = tempfile::tempdir().expect("dir");
        let plan = dir.path().join("plan.ron");
        let held = lock(&plan, "imgplan set").expect("first lock");
        let started = Instant::now();
        let err = lock(&plan, "imgplan profile").expect_err("held");
        assert!(started.elapsed() >= LOCK_WAIT);
        let message = err.to_string();
        assert!(
            message.contains(&format!("pid {}", std::process::id())),
            "{message}"
        );
        assert!(message.contains("imgplan set"), "{message}");
        drop(held);
        let mut again = lock(&plan, "imgplan profile").expect("free again");
        assert!(dir.path().join(".plan.ron.lock").exists());
        assert_eq!(again.last_written(), None);
        again.set_last_written(fingerprint(b"plan"));
        drop(again);
        let third = lock(&plan, "imgplan season").expect("third");
        assert_eq!(third.last_written(), Some(fingerprint(b"plan")));
    }
}
