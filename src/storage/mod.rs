//! The plan file: where it lives, how it is read, and how it is written without ever losing data.
//!
//! Rules this module keeps:
//! - A save is atomic: a temporary file in the same directory, fsync, rename, fsync of the
//!   directory. A crash leaves either the old file or the new one, never half of one.
//! - A file that cannot be read is never overwritten: loading fails with the path, line and
//!   column, and nothing here writes unless a load succeeded (or there was no file).
//! - A file written by a newer imgplan is refused, not rewritten.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;
use thiserror::Error;

use crate::calendar::MATCH_YEARS;
use crate::journey::Template;
use crate::plan::{CUSTOM_MARKER, PLAN_VERSION, Plan};

mod keys;
mod lock;
mod versions;
mod write;

pub use lock::{LOCK_WAIT, PlanLock, fingerprint, lock, lock_path};
pub use versions::{
    HandEdits, KEEP_VERSIONS, Saved, Version, VersionSummary, restore, save_locked,
    save_text_locked, version_path, versions,
};

use write::Audience;
pub use write::{TEMP_MARKER, is_link, resolve_links};

/// The environment variable that names the plan file.
pub const PLAN_ENV: &str = "IMGPLAN_PLAN";
/// The plan file's name inside the data directory.
pub const PLAN_FILE_NAME: &str = "plan.ron";

/// Comment written at the top of every plan file, for people who open it in an editor.
const PLAN_HEADER: &str = "\
// imgplan plan file. It is yours: edit it by hand if you like, then run `imgplan check`.
// Dates are YYYY-MM-DD. States: Todo, Doing, Done, Skipped. Visa: Undecided, J1, H1b, NotNeeded.
// Category: NonUsCitizenImg (the NRMP counts green-card holders here) or UsCitizenImg.
// `calendar` holds season dates you set yourself (ErasOpens, ErasSubmission, ProgramsReview,
// NrmpRegistrationOpens, NrmpRegistrationDeadline, RolDeadline, MatchWeek, MatchDay, TrainingStart).
";

/// Why the plan file could not be found, read or written.
#[derive(Debug, Error)]
pub enum StorageError {
    #[error(
        "cannot tell where your data directory is (no home directory?); pass --plan PATH or set {PLAN_ENV}"
    )]
    NoDataDir,
    #[error("{}: cannot read the plan file: {source}", .path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}:{line}:{col}: {message}", .path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error(
        "{}: this plan was written by a newer imgplan (plan version {found}; this imgplan knows up to {PLAN_VERSION}). Update imgplan to open it; the file was left as it is.",
        .path.display()
    )]
    NewerVersion { path: PathBuf, found: u32 },
    /// The plan could not be turned into text (never expected; nothing is written).
    #[error("the plan could not be written as text: {0}")]
    Serialise(String),
    #[error("cannot save {}: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "{} is read-only, so imgplan leaves it as it is; make it writable (chmod u+w) if you want it changed",
        .path.display()
    )]
    ReadOnly { path: PathBuf },
    #[error(
        "{} is a symbolic link to {}; imgplan does not write through links: name the file itself, or another name",
        .path.display(),
        .target.display()
    )]
    Link { path: PathBuf, target: PathBuf },
    #[error(
        "{}: another imgplan is changing this plan ({holder}) and did not finish within {} seconds; try again in a moment",
        .path.display(),
        LOCK_WAIT.as_secs()
    )]
    Locked { path: PathBuf, holder: String },
    #[error("{} is not a regular file; imgplan does not replace it", .path.display())]
    NotAFile { path: PathBuf },
    #[error(
        "{} leads to {}, which is not an imgplan plan file; imgplan leaves it and its folder as they are",
        .path.display(),
        .target.display()
    )]
    NotAPlan { path: PathBuf, target: PathBuf },
}

impl StorageError {
    /// Whether the failure says something about the file's content (as opposed to the system).
    pub fn is_content_error(&self) -> bool {
        matches!(
            self,
            StorageError::Parse { .. } | StorageError::NewerVersion { .. }
        )
    }
}

/// Where the plan lives: `--plan PATH`, else `$IMGPLAN_PLAN`, else the user's data directory
/// (`~/.local/share/imgplan/plan.ron` on Linux).
pub fn locate(flag: Option<&Path>, env: Option<OsString>) -> Result<PathBuf, StorageError> {
    if let Some(path) = flag {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = env.filter(|value| !value.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    directories::ProjectDirs::from("", "", "imgplan")
        .map(|dirs| dirs.data_dir().join(PLAN_FILE_NAME))
        .ok_or(StorageError::NoDataDir)
}

/// Only the version, read leniently so a newer file is recognised even when the rest of it has
/// fields this program does not know.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads the plan at `path`. `Ok(None)` means there is no file yet (a first run); every other
/// problem is an error that names the file, and the file is left as it was.
pub fn load(path: &Path, template: &Template) -> Result<Option<Plan>, StorageError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StorageError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    parse(path, &bytes, template).map(Some)
}

/// The values a hand-edited field may take, for the fields people most often get wrong.
const FIELD_HINTS: [(&str, &str); 4] = [
    ("visa:", "visa is one of Undecided, J1, H1b, NotNeeded"),
    ("state:", "state is one of Todo, Doing, Done, Skipped"),
    ("category:", "category is NonUsCitizenImg or UsCitizenImg"),
    ("expected:", "expected is true or false"),
];

/// A parser message in the user's terms: ron's advice about raw identifiers is dropped (it never
/// applies to a plan file) and the allowed values are named when the line holds a known field.
fn explain(message: &str, line: Option<&str>, ends_at: Option<usize>) -> String {
    let message = message
        .split(", try the raw identifier")
        .next()
        .unwrap_or(message);
    let mut explained = crate::text::clean_line(message);
    if explained == "Expected comma" {
        // ron points at the token after the gap; the comma usually belongs at the end of the
        // line before.
        explained = "a comma is missing here or at the end of the line before".into();
    }
    let about_a_value = ["identifier", "variant", "Expected boolean"]
        .iter()
        .any(|word| explained.contains(word));
    if about_a_value
        && let Some(hint) = line.and_then(|line| {
            FIELD_HINTS
                .iter()
                .find(|(field, _)| line.trim_start().starts_with(field))
        })
    {
        explained.push_str(&format!(" ({})", hint.1));
    }
    // chrono's words for a date that does not parse or does not exist.
    let about_a_date = [
        "out of range",
        "invalid characters",
        "premature end",
        "trailing input",
    ]
    .iter()
    .any(|words| explained.contains(words));
    if about_a_date {
        explained = format!(
            "not a real date: dates are \"YYYY-MM-DD\" and must exist on the calendar ({explained})"
        );
    }
    match ends_at {
        Some(last_line) => format!(
            "the file ends early at line {last_line}: was it cut off? (the parser says: {explained})"
        ),
        None => explained,
    }
}

/// Whether a parse error points past the last non-blank character of the file.
fn is_at_end(text: &str, line: usize, col: usize) -> bool {
    let trimmed = text.trim_end();
    let last_line = trimmed.lines().count().max(1);
    let last_col = trimmed.lines().last().map_or(0, |l| l.chars().count());
    // An error at the last word of the file, with nothing after it (no comma, no closing
    // bracket), is a file cut in the middle of that word: `category: NonUsCit`.
    let cut_in_a_word = line == last_line
        && trimmed.lines().last().is_some_and(|last| {
            let rest: String = last.chars().skip(col.saturating_sub(1)).collect();
            !rest.trim().is_empty() && !rest.contains([',', ')', ']', '}', '"'])
        });
    line > last_line || (line == last_line && col > last_col) || cut_in_a_word
}

/// Whether the text stops inside a string or with brackets still open: a whole plan file closes
/// everything it opens, so this is a file cut off (a copy interrupted, a sync half done).
fn ends_unbalanced(text: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                let mut closed = false;
                for next in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if next == '\\' {
                        escaped = true;
                    } else if next == '"' {
                        closed = true;
                        break;
                    }
                }
                if !closed {
                    return true;
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth > 0
}

/// The UTF-8 byte-order mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses plan-file bytes; `path` is only used in messages.
pub fn parse(path: &Path, bytes: &[u8], template: &Template) -> Result<Plan, StorageError> {
    let text = decode(path, bytes)?;
    let mut plan = deserialise(path, text)?;
    check_loaded(path, text, &plan, template)?;
    plan.merge_template(template);
    Ok(plan)
}

/// The file's text: UTF-8 (past a byte-order mark), not empty.
fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, StorageError> {
    let parse_error = |line: usize, col: usize, message: String| StorageError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message,
    };
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(parse_error(
            1,
            1,
            "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); imgplan reads UTF-8: save it as UTF-8".into(),
        ));
    }
    // A UTF-8 byte-order mark (some Windows editors add one) says nothing: it is read past, and
    // the next save leaves it out.
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let (line, col) = position_of(bytes, err.valid_up_to());
        parse_error(line, col, "the file is not UTF-8 text".into())
    })?;
    if text.trim().is_empty() {
        return Err(parse_error(
            1,
            1,
            "the file is empty (expected a plan); delete it to start a new plan".into(),
        ));
    }
    Ok(text)
}

/// The plan the text holds, refusing a newer file version; a syntax error says where and why.
fn deserialise(path: &Path, text: &str) -> Result<Plan, StorageError> {
    let parse_error = |line: usize, col: usize, message: String| StorageError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message,
    };
    let newer = |found: u32| StorageError::NewerVersion {
        path: path.to_path_buf(),
        found,
    };
    // One parse: the plan itself. Only a file that does not read as a plan is probed for its
    // version alone (a newer file with fields this program does not know).
    let err = match ron_options().from_str::<Plan>(text) {
        Ok(plan) if plan.version > PLAN_VERSION => return Err(newer(plan.version)),
        Ok(plan) => return Ok(plan),
        Err(err) => err,
    };
    if let Ok(probe) = ron_options().from_str::<VersionProbe>(text)
        && probe.version > PLAN_VERSION
    {
        return Err(newer(probe.version));
    }
    Err({
        let line = err.span.start.line;
        let looks_like_a_plan = text.contains("version");
        let code = err.code.to_string();
        // A parser that ran out of text (an unclosed string, the end of the file) in a file
        // that leaves brackets open was cut off; other errors keep their own explanation.
        let ran_out = ["end of string", "end of RON", "Unexpected end"]
            .iter()
            .any(|words| code.contains(words));
        let last_line = text.trim_end().lines().count().max(1);
        let ends_at = (ends_unbalanced(text) && (ran_out || line >= last_line)
            || (looks_like_a_plan && is_at_end(text, line, err.span.start.col)))
        .then_some(last_line);
        let message = explain(
            &err.code.to_string(),
            text.lines().nth(line.saturating_sub(1)),
            ends_at,
        );
        parse_error(line, err.span.start.col, message)
    })
}

/// What the syntax cannot say: a key given twice, the version, the Match year, the user's own
/// task ids, and the same rules a change in the planner or on the command line must keep.
fn check_loaded(
    path: &Path,
    text: &str,
    plan: &Plan,
    template: &Template,
) -> Result<(), StorageError> {
    let parse_error = |line: usize, col: usize, message: String| StorageError::Parse {
        path: path.to_path_buf(),
        line,
        col,
        message,
    };
    let located = |needle: &str, message: String| {
        let (line, col) = text
            .find(needle)
            .map(|offset| position_of(text.as_bytes(), offset))
            .unwrap_or((1, 1));
        parse_error(line, col, message)
    };
    if let Some(duplicate) = keys::find_duplicate(text) {
        return Err(parse_error(
            duplicate.second_line,
            duplicate.second_col,
            format!(
                "{} is listed twice, on lines {} and {}; keep one (imgplan would otherwise lose the first)",
                crate::text::clean_line(&duplicate.key),
                duplicate.first_line,
                duplicate.second_line
            ),
        ));
    }
    if plan.version == 0 {
        return Err(located("version", "version must be 1 or more".into()));
    }
    if !MATCH_YEARS.contains(&plan.profile.match_year) {
        return Err(located(
            "match_year",
            format!(
                "match_year {} is outside {}..={}",
                plan.profile.match_year,
                MATCH_YEARS.start(),
                MATCH_YEARS.end()
            ),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    for task in &plan.custom_tasks {
        let quoted = format!("{:?}", task.id);
        if template.stage(&task.stage).is_none() {
            return Err(located(
                &quoted,
                format!("task {} is in unknown stage {:?}", quoted, task.stage),
            ));
        }
        if !task
            .id
            .starts_with(&format!("{}{CUSTOM_MARKER}", task.stage))
        {
            return Err(located(
                &quoted,
                format!(
                    "your task ids look like \"{}{CUSTOM_MARKER}1\"; {} does not",
                    task.stage, quoted
                ),
            ));
        }
        if !seen.insert(task.id.as_str()) {
            return Err(located(&quoted, format!("task id {quoted} is used twice")));
        }
    }
    if let Err((place, error)) = crate::rules::check(plan) {
        let (line, col) = place_in(text, &place);
        return Err(parse_error(line, col, error.to_string()));
    }
    Ok(())
}

/// Where a rule's place is in the file: each word found after the one before it. A word that
/// is not found leaves the position at the last one found (the file's start at worst).
fn place_in(text: &str, place: &[String]) -> (usize, usize) {
    let mut offset = 0;
    let mut found = None;
    for word in place {
        match text.get(offset..).and_then(|rest| rest.find(word.as_str())) {
            Some(at) => {
                found = Some(offset + at);
                offset += at + word.len();
            }
            None => break,
        }
    }
    found.map_or((1, 1), |at| position_of(text.as_bytes(), at))
}

/// 1-based line and column (in characters) of a byte offset.
fn position_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, col)
}

/// The plan as it is written to disk: a comment header, then pretty RON, sorted and stable.
pub fn to_ron(plan: &Plan) -> Result<String, StorageError> {
    let config = PrettyConfig::new()
        .depth_limit(2)
        .indentor("    ")
        .extensions(Extensions::IMPLICIT_SOME);
    // Serialising plain structs, maps and strings into a String should not fail; if it ever
    // does, the error is returned and nothing is written.
    let body = ron::Options::default()
        .to_string_pretty(plan, config)
        .map_err(|err| StorageError::Serialise(err.to_string()))?;
    // Exactly as long as it needs to be: the planner keeps this text for its history and the
    // next save, and `format!` would leave up to as much again unused.
    let mut text = String::with_capacity(PLAN_HEADER.len() + body.len() + 1);
    text.push_str(PLAN_HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

/// Saves the plan atomically (see the module docs) with owner-only permissions on Unix.
pub fn save(path: &Path, plan: &Plan) -> Result<(), StorageError> {
    let text = to_ron(plan)?;
    write_atomic(path, text.as_bytes())
}

/// Writes the plan atomically (see [`write`]): through a symbolic link to the file it names,
/// keeping the file's permissions (0600 for a new plan), refusing a read-only file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write::replace_atomically(path, bytes, Audience::Plan)
}

/// Writes an export atomically. Unlike the plan file, the folder must exist (a mistyped
/// `-o ~/Dekstop/plan.md` is refused, not made), a new file gets the usual permissions (the
/// umask decides) and a replaced file keeps its own, since exports are made to be shared. A
/// symbolic link at `path` is refused, never written through.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write::replace_atomically(path, bytes, Audience::Export)
}

/// Where an export asked for at `path` is written: into a folder under `default_name`. A symbolic
/// link is not followed here; [`write_export`] refuses it.
pub fn export_target(path: &Path, default_name: &str) -> PathBuf {
    if path.is_dir() {
        path.join(default_name)
    } else {
        path.to_path_buf()
    }
}

/// The path of a file beside `path` named after it: `plan.ron` + `.backup-1` →
/// `plan.ron.backup-1` (or `.plan.ron.lock` with a leading dot). Built from the name's bytes,
/// never a lossy text form, so two names that differ only in bytes that are not UTF-8 never
/// share a lock, a backup or a kept version.
pub(crate) fn sibling(path: &Path, leading_dot: bool, suffix: &str) -> PathBuf {
    let mut name = std::ffi::OsString::from(if leading_dot { "." } else { "" });
    name.push(
        path.file_name()
            .unwrap_or(std::ffi::OsStr::new(PLAN_FILE_NAME)),
    );
    name.push(suffix);
    path.with_file_name(name)
}

/// Copies the plan file aside before it is replaced (`plan.ron.bak-<stamp>`), returning the
/// backup's path. Never overwrites an earlier backup.
pub fn backup(path: &Path, stamp: &str) -> Result<PathBuf, StorageError> {
    let mut candidate = sibling(path, false, &format!(".bak-{stamp}"));
    let mut n = 1;
    // A dangling link counts as taken: a backup never goes through a link.
    while fs::symlink_metadata(&candidate).is_ok() {
        n += 1;
        candidate = sibling(path, false, &format!(".bak-{stamp}-{n}"));
    }
    let bytes = fs::read(path).map_err(|source| StorageError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    write::replace_atomically(&candidate, &bytes, Audience::Backup)?;
    Ok(candidate)
}

/// Whether two paths name the same file (used to refuse exporting over the plan).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => {
            // If the output does not exist yet, compare its would-be absolute form.
            let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
            absolute(a) == absolute(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        assert_eq!(position_of(b"ab\ncd", 0), (1, 1));
        assert_eq!(position_of(b"ab\ncd", 4), (2, 2));
        assert_eq!(position_of("é\nx".as_bytes(), 2), (1, 2));
    }

    #[test]
    fn flag_wins_over_environment() {
        let flag = PathBuf::from("/tmp/a.ron");
        let got = locate(Some(&flag), Some(OsString::from("/tmp/b.ron"))).expect("path");
        assert_eq!(got, flag);
        let got = locate(None, Some(OsString::from("/tmp/b.ron"))).expect("path");
        assert_eq!(got, PathBuf::from("/tmp/b.ron"));
    }
}
