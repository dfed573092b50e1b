//! `imgplan restore`: the last versions of the plan that saves replaced, and putting one back.

use std::io::Write;

use super::{Context, Failure};
use crate::storage::{self, KEEP_VERSIONS, Version};
use crate::text::clean_line;

/// Lists the kept versions (`version` is `None`) or puts version `n` back, keeping the current
/// plan as version 1.
pub(crate) fn restore(
    ctx: &Context,
    version: Option<usize>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let path = crate::text::shown(&ctx.path);
    let Some(n) = version else {
        let versions = storage::versions(&ctx.path, &ctx.template);
        if versions.is_empty() {
            writeln!(
                out,
                "No earlier versions of {path} yet: each save keeps the version it replaces (the last {KEEP_VERSIONS})."
            )?;
            return Ok(());
        }
        writeln!(out, "Earlier versions of {path}, the most recent first:")?;
        for version in &versions {
            writeln!(out, "  {}", describe(version))?;
        }
        writeln!(
            out,
            "`imgplan restore N` puts version N back; the plan it replaces becomes version 1."
        )?;
        return Ok(());
    };
    if n == 0 || n > KEEP_VERSIONS {
        return Err(Failure {
            message: format!(
                "versions are numbered 1 to {KEEP_VERSIONS}; `imgplan restore` lists them"
            ),
            code: 2,
        });
    }
    if std::fs::symlink_metadata(storage::version_path(&ctx.path, n)).is_err() {
        return Err(Failure::new(format!(
            "there is no version {n} of {path}; `imgplan restore` lists them"
        )));
    }
    ctx.lock("restore")?;
    let mut held = ctx.lock.borrow_mut();
    let Some(lock) = held.as_mut() else {
        return Err(Failure::new("the plan's lock was lost"));
    };
    let saved = storage::restore(lock, &ctx.path, n, &ctx.template)?;
    if let Some(kept) = saved.hand_edits_kept {
        writeln!(
            out,
            "The plan had been changed outside imgplan; that version is also kept in {}",
            crate::text::shown(&kept)
        )?;
    }
    writeln!(
        out,
        "Restored version {n} as {path}. The plan it replaced is now version 1 (`imgplan restore 1` brings it back)."
    )?;
    Ok(())
}

/// One line: number, when it was saved, its size, and what is in it.
fn describe(version: &Version) -> String {
    let when = version.saved_at.map_or_else(
        || "(time unknown)     ".to_owned(),
        |at| {
            chrono::DateTime::<chrono::Local>::from(at)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        },
    );
    let size = format!("{:.1} KB", version.bytes as f64 / 1024.0);
    let content = match &version.summary {
        Ok(summary) => format!(
            "{} done, {}",
            crate::text::count(summary.tasks_done, "task", "tasks"),
            crate::text::count(summary.programs, "program", "programs")
        ),
        Err(why) => format!("cannot be read: {}", clean_line(why)),
    };
    format!("{}  {when}  {size:>9}  {content}", version.number)
}
