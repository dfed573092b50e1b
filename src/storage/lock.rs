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

/// The plan's lock, held until dropped.
#[derive(Debug)]
pub struct PlanLock {
    // Closing the file releases the lock.
    _file: File,
}

/// The lock file of the plan at `plan`: beside the file the plan finally names, so two links
/// to one plan share one lock.
pub fn lock_path(plan: &Path) -> PathBuf {
    let target = resolve_links(plan).unwrap_or_else(|_| plan.to_path_buf());
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| super::PLAN_FILE_NAME.to_owned());
    target.with_file_name(format!(".{name}.lock"))
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
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                let holder = crate::text::clean_line(holder.trim());
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
    // Who holds it, for the message of whoever has to wait. Best effort: the lock is what counts.
    let _ = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "pid {}: {command}", std::process::id()));
    Ok(PlanLock { _file: file })
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
        lock(&plan, "imgplan profile").expect("free again");
        assert!(dir.path().join(".plan.ron.lock").exists());
    }
}
