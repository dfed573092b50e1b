//! The plan file as the planner sees it: saves go through the core's atomic save, and a file
//! changed by someone else since the planner last read or wrote it (`imgplan set` in another
//! terminal, an editor, a second planner) is not overwritten unless the user says so.

use std::path::{Path, PathBuf};

use crate::plan::Plan;
use crate::storage;

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
        let on_disk = std::fs::read_to_string(&self.path).ok();
        if !overwrite && on_disk.is_some() && on_disk != self.last_seen {
            return Err(
                "the plan file was changed outside imgplan; w overwrites it with what \
                 you see here, q q quits and keeps the other version"
                    .to_owned(),
            );
        }
        storage::save(&self.path, plan).map_err(|err| err.to_string())?;
        self.last_seen = Some(storage::to_ron(plan));
        Ok(())
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
