//! The one way an export reaches a file, for the command line and the planner alike: where it
//! goes (a folder gets the default file name; never the plan file), then rendered and written
//! atomically. Each front end words the refusal its own way from the typed error.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use super::{ExportError, ExportOptions, render};
use crate::insights::Snapshot;
use crate::journey::Template;
use crate::plan::Plan;
use crate::storage::{self, StorageError};

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteError {
    /// The path asked for is the plan file itself.
    #[error("{} is the plan file", crate::text::shown(.0))]
    PlanFile(PathBuf),
    #[error(transparent)]
    Render(#[from] ExportError),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Where an export asked for at `asked` goes: into a folder under the default file name, else
/// the path itself. Refused when it is the plan file, before anything is rendered or written.
pub(crate) fn target(
    asked: &Path,
    options: &ExportOptions,
    today: chrono::NaiveDate,
    plan_path: &Path,
) -> Result<PathBuf, WriteError> {
    let path = storage::export_target(asked, &options.default_file_name(today));
    if storage::same_file(&path, plan_path) {
        return Err(WriteError::PlanFile(path));
    }
    Ok(path)
}

/// Renders the export and writes it atomically to `path` (from [`target`]).
pub(crate) fn write(
    path: &Path,
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    options: &ExportOptions,
    stamp: NaiveDateTime,
) -> Result<(), WriteError> {
    let body = render(template, plan, snapshot, options, stamp)?;
    storage::write_export(path, body.as_bytes())?;
    Ok(())
}
