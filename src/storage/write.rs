//! Writing files without ever leaving half of one, and only where the user asked.
//!
//! - Atomic: a temporary file in the destination's own folder, fsync, rename, fsync of the
//!   folder. A crash leaves the old file or the new one.
//! - Links: the plan may be a symbolic link (into a synced folder, say); it stays one, and the
//!   file it names is replaced in that file's folder. An export or a backup never goes through a
//!   link: a link at the destination is refused, naming the link and its target.
//! - Permissions: a read-only file is refused, never chmod-ed; a replaced file keeps its mode; a
//!   new plan or backup is 0600, a new export gets the umask's usual permissions.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::StorageError;

/// What is being written, which decides links, folders and permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Audience {
    /// The plan: followed through links; missing folders made (the data directory on a first
    /// run); 0600 when new.
    Plan,
    /// A copy of the plan: 0600, never through a link.
    Backup,
    /// An export or a manual page: the folder must exist, the umask's permissions when new,
    /// never through a link.
    Export,
}

/// How many links in a row are followed before giving up (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// Whether `path` itself is a symbolic link (dangling or not).
pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The file `path` finally names: `path` itself, or the end of its chain of symbolic links, each
/// read relative to the folder of the link that names it. The file need not exist.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        if !is_link(&current) {
            return Ok(current);
        }
        let target = fs::read_link(&current)?;
        current = if target.is_absolute() {
            target
        } else {
            let folder = folder_of(&current);
            fs::canonicalize(&folder).unwrap_or(folder).join(target)
        };
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// The folder a file is in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Temp file beside the destination, write, fsync, rename, fsync the folder: a reader never sees
/// half a file. Errors name the file asked for, never the temporary file.
pub(crate) fn replace_atomically(
    path: &Path,
    bytes: &[u8],
    audience: Audience,
) -> Result<(), StorageError> {
    stage(path, bytes, audience)?.commit()
}

/// A file written in full and flushed beside its destination, not yet in place. Staging first
/// lets a save do everything that can fail for lack of space (the new plan, the copy of the old
/// one) before anything is moved: a full disk then changes nothing. Dropped without `commit`,
/// the temporary file is removed.
pub(crate) struct Staged {
    temp: tempfile::NamedTempFile,
    /// The path asked for, for messages.
    path: PathBuf,
    /// Where the file goes (the end of the links for a plan).
    target: PathBuf,
    dir: PathBuf,
    audience: Audience,
}

impl Staged {
    /// The staged file, open for writing (to set its time, say).
    pub(crate) fn file(&self) -> &fs::File {
        self.temp.as_file()
    }

    /// Renames the file into place and makes the rename durable.
    pub(crate) fn commit(self) -> Result<(), StorageError> {
        let path = self.path;
        self.temp
            .persist(&self.target)
            .map_err(|err| write_error(&path, &self.dir, err.error))?;
        #[cfg(unix)]
        if let Ok(dir) = fs::File::open(&self.dir) {
            // Makes the rename itself durable; failure here leaves a correct file, so it is
            // ignored.
            let _ = dir.sync_all();
        }
        if self.audience == Audience::Plan {
            remove_stale_temporaries(&self.dir, &self.target);
        }
        Ok(())
    }
}

/// A write error naming the file asked for (never the temporary file), and the folder when the
/// folder is what refuses.
fn write_error(path: &Path, dir: &Path, source: io::Error) -> StorageError {
    let kind = source.kind();
    let source = if kind == io::ErrorKind::PermissionDenied && !folder_is_writable(dir) {
        io::Error::new(
            kind,
            format!("the folder {} cannot be written", crate::text::shown(dir)),
        )
    } else {
        // The kind alone ("permission denied"): the OS message would name the temporary file.
        io::Error::from(kind)
    };
    StorageError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether a new file can be made in `dir` (checked by making and removing one).
fn folder_is_writable(dir: &Path) -> bool {
    tempfile::Builder::new()
        .prefix(".imgplan-probe-")
        .tempfile_in(dir)
        .is_ok()
}

/// Writes `bytes` to a temporary file beside `path` (following the rules of `audience` for
/// links, folders and permissions) and flushes it; [`Staged::commit`] puts it in place.
pub(crate) fn stage(path: &Path, bytes: &[u8], audience: Audience) -> Result<Staged, StorageError> {
    let linked = is_link(path);
    let target = match audience {
        Audience::Plan => resolve_links(path).map_err(|source| StorageError::Write {
            path: path.to_path_buf(),
            source,
        })?,
        Audience::Backup | Audience::Export if linked => {
            return Err(StorageError::Link {
                path: path.to_path_buf(),
                target: fs::read_link(path).unwrap_or_default(),
            });
        }
        Audience::Backup | Audience::Export => path.to_path_buf(),
    };
    let dir = folder_of(&target);
    let fail = |source: io::Error| write_error(path, &dir, source);
    match audience {
        // The data directory on a first run; never folders a link points into.
        Audience::Plan | Audience::Backup if !linked => fs::create_dir_all(&dir).map_err(fail)?,
        _ if !dir.is_dir() => {
            return Err(StorageError::Write {
                path: path.to_path_buf(),
                source: io::Error::new(
                    io::ErrorKind::NotFound,
                    format!("there is no folder {}", dir.display()),
                ),
            });
        }
        _ => {}
    }
    let kept = match fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            return Err(StorageError::NotAFile {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) if meta.permissions().readonly() => {
            return Err(StorageError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Ok(meta) => Some(meta.permissions()),
        Err(_) => None,
    };
    let prefix = temp_prefix(&target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix("");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As `open(2)` with this mode: for an export the umask takes away what it says.
        let mode = match audience {
            Audience::Plan | Audience::Backup => 0o600,
            Audience::Export => 0o666,
        };
        builder.permissions(fs::Permissions::from_mode(mode));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(fail)?;
    temp.write_all(bytes).map_err(fail)?;
    if let Some(permissions) = kept {
        fs::set_permissions(temp.path(), permissions).map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    Ok(Staged {
        temp,
        path: path.to_path_buf(),
        target,
        dir,
        audience,
    })
}

/// The name every temporary file of `target` starts with: `.plan.ron.imgplan-tmp-`, so one
/// left by an interrupted save is recognisable beside the file it was for. Built from the name's
/// bytes (never a lossy text form), so two names that differ only in bytes that are not UTF-8
/// never share temporary files.
fn temp_prefix(target: &Path) -> std::ffi::OsString {
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(target.file_name().unwrap_or_default());
    prefix.push(TEMP_MARKER);
    prefix
}

/// What the names of temporary files carry.
pub const TEMP_MARKER: &str = ".imgplan-tmp-";

/// Removes temporary files of the plan, of its kept versions and of its hand-edit copies
/// (`.plan.ron.imgplan-tmp-…`, `.plan.ron.backup-1.imgplan-tmp-…`,
/// `.plan.ron.bak-<time>.imgplan-tmp-…`) left by saves that were interrupted (a kill, a power
/// cut). Called after a successful save, under the plan's lock, so no other imgplan is writing
/// one. Only regular files whose names start exactly so are touched (never those of another
/// plan such as `plan.ron.old`); failures are ignored (the next save tries again).
fn remove_stale_temporaries(dir: &Path, plan: &Path) {
    let Some(name) = plan.file_name() else {
        return;
    };
    let ours: Vec<Vec<u8>> = std::iter::once(temp_prefix(plan))
        .chain((1..=super::versions::KEEP_VERSIONS).map(|n| {
            let mut version = name.to_os_string();
            version.push(format!(".backup-{n}"));
            temp_prefix(Path::new(&version))
        }))
        .map(|prefix| prefix.as_encoded_bytes().to_vec())
        .collect();
    // The hand-edit copies (`plan.ron.bak-<time>`) carry a time, so theirs are matched by the
    // start of the name and the marker.
    let mut bak = std::ffi::OsString::from(".");
    bak.push(name);
    bak.push(".bak-");
    let bak = bak.as_encoded_bytes().to_vec();
    let marker = TEMP_MARKER.as_bytes();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let bytes = file_name.as_encoded_bytes();
        let is_ours = ours.iter().any(|prefix| bytes.starts_with(prefix))
            || (bytes.starts_with(&bak) && bytes.windows(marker.len()).any(|w| w == marker));
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_ours && is_file {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_followed_relative_to_their_folder() {
        let dir = tempfile::tempdir().expect("dir");
        fs::create_dir(dir.path().join("real")).expect("real");
        symlink("real/plan.ron", dir.path().join("a")).expect("a");
        symlink("a", dir.path().join("b")).expect("b");
        let resolved = resolve_links(&dir.path().join("b")).expect("resolve");
        assert!(
            resolved.ends_with("real/plan.ron"),
            "{}",
            resolved.display()
        );
        symlink("loop", dir.path().join("loop")).expect("loop");
        assert!(resolve_links(&dir.path().join("loop")).is_err());
    }
}
