//! The plan file as the planner sees it: saves go through the core's atomic save, and a file
//! changed by someone else since the planner last read or wrote it (`imgplan set` in another
//! terminal, an editor, a second planner) is not overwritten unless the user says so.

use std::path::{Path, PathBuf};

use crate::export;
use crate::plan::Plan;
use crate::storage;
use crate::tui::action::{ExportProblem, ExportRequest};
use crate::tui::app::App;

#[derive(Debug)]
pub struct PlanFile {
    path: PathBuf,
    /// The file's text as last read or written here; `None` when there was no file.
    last_seen: Option<String>,
}

impl PlanFile {
    /// Remembers the file as it is now (after loading it).
    pub fn opened(path: &Path) -> PlanFile {
        PlanFile {
            path: path.to_path_buf(),
            last_seen: std::fs::read_to_string(path).ok(),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the plan atomically. Refuses, with a message saying what to do, when the file was
    /// changed elsewhere since we last saw it, unless `overwrite` is set.
    pub fn save(&mut self, plan: &Plan, overwrite: bool) -> Result<(), String> {
        // Held until the new file is in place: no other imgplan writes in between.
        let mut lock =
            storage::lock(&self.path, "imgplan (the planner)").map_err(|e| e.to_string())?;
        let on_disk = std::fs::read_to_string(&self.path).ok();
        if !overwrite && on_disk.is_some() && on_disk != self.last_seen {
            return Err(
                "the plan file was changed outside imgplan; w overwrites it with what \
                 you see here, q q quits and keeps the other version"
                    .to_owned(),
            );
        }
        storage::save_locked(&mut lock, &self.path, plan, storage::HandEdits::Keep)
            .map_err(|err| err.to_string())?;
        self.last_seen = Some(storage::to_ron(plan));
        Ok(())
    }
}

/// Writes an export where the user asked: `~` is the home directory, a relative path is taken
/// from the directory imgplan was started in, and a folder gets the default file name. Never over
/// the plan file; over another existing file only when the user has agreed to replace it.
pub fn write_export(app: &App, request: ExportRequest) -> Result<PathBuf, ExportProblem> {
    let stamp = if app.real_clock {
        chrono::Utc::now().naive_utc()
    } else {
        app.today.and_time(chrono::NaiveTime::MIN)
    };
    let path = storage::export_target(
        &expand_home(request.path.trim()),
        &request.options.default_file_name(app.today),
    );
    if storage::same_file(&path, &app.plan_path) {
        return Err(ExportProblem::Failed(format!(
            "{} is your plan file: choose another name",
            crate::text::shown(&path)
        )));
    }
    if storage::is_link(&path) {
        return Err(ExportProblem::Failed(
            storage::StorageError::Link {
                target: std::fs::read_link(&path).unwrap_or_default(),
                path,
            }
            .to_string(),
        ));
    }
    if path.exists() && request.replace.as_deref() != Some(path.as_path()) {
        return Err(ExportProblem::Exists(path));
    }
    let body = export::render(
        &app.template,
        &app.plan,
        &app.snapshot,
        &request.options,
        stamp,
    )
    .map_err(|err| ExportProblem::Failed(err.to_string()))?;
    storage::write_export(&path, body.as_bytes())
        .map_err(|err| ExportProblem::Failed(err.to_string()))?;
    Ok(std::path::absolute(&path).unwrap_or(path))
}

/// `~` and `~/…` as the home directory; anything else as typed.
fn expand_home(typed: &str) -> PathBuf {
    let home = || directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_path_buf());
    match typed.strip_prefix('~') {
        Some("") => home().unwrap_or_else(|| PathBuf::from(typed)),
        Some(rest) if rest.starts_with('/') || rest.starts_with(std::path::MAIN_SEPARATOR) => {
            match home() {
                Some(home) => home.join(rest.trim_start_matches(['/', std::path::MAIN_SEPARATOR])),
                None => PathBuf::from(typed),
            }
        }
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Template, VisaChoice};
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let template = Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan")
    }

    #[test]
    fn an_outside_change_is_not_overwritten_unless_asked() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("plan.ron");
        let mut file = PlanFile::opened(&path);
        let mut plan = plan();
        file.save(&plan, false)
            .expect("first save creates the file");
        plan.profile.name = Some("Amina".into());
        file.save(&plan, false).expect("our own file saves again");

        std::fs::write(&path, "changed by an editor").expect("outside change");
        let err = file.save(&plan, false).expect_err("outside change is kept");
        assert!(err.contains("changed outside imgplan"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "changed by an editor"
        );

        file.save(&plan, true).expect("w overwrites");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("Amina")
        );
        file.save(&plan, false).expect("and later saves work again");
    }
}
