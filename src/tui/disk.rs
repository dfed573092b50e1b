//! The plan file as the planner sees it: saves go through the core's atomic save under the
//! plan's lock, and a file changed by someone else since the planner last read or wrote it
//! (`imgplan set` in another terminal, an import, an editor, a second planner) is read again and
//! merged with the planner's changes, never overwritten.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::export;
use crate::export::writer::WriteError;
use crate::journey::Template;
use crate::merge::{self, Prefer};
use crate::plan::Plan;
use crate::storage;
use crate::tui::action::{ExportProblem, ExportRequest, Merge, SaveProblem, SaveReport};
use crate::tui::app::App;

#[derive(Debug)]
pub struct PlanFile {
    path: PathBuf,
    /// The text of the plan as last read or written here (`None` when there was no file): what
    /// both sides started from when the file changes elsewhere (read as a plan only then), and
    /// what the file is compared with to see such a change. Shared with the planner's history,
    /// which holds the same text, so it costs no memory of its own; comparing with it costs less
    /// than fingerprinting the file.
    base: Option<Arc<String>>,
    /// Whether `base` is text this planner wrote (not the file as it was found at start-up,
    /// which may carry hand edits worth a copy before the first save replaces them).
    wrote_base: bool,
    /// Whether `base` holds a plan this planner read or wrote (and so can be merged from).
    loaded: bool,
}

impl PlanFile {
    /// Remembers the file as it is now, and the plan loaded from it.
    pub fn opened(path: &Path, loaded: Option<&Plan>) -> PlanFile {
        let bytes = std::fs::read(path).ok();
        PlanFile {
            path: path.to_path_buf(),
            base: bytes
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .map(Arc::new),
            wrote_base: false,
            loaded: loaded.is_some(),
        }
    }

    /// The text just written, as what the file holds and the base of the next merge.
    fn remember(&mut self, text: Arc<String>) {
        self.base = Some(text);
        self.wrote_base = true;
        self.loaded = true;
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves the plan under the plan's lock. When the file was changed elsewhere since we last
    /// read or wrote it (another planner, `imgplan set`, an import, an editor), it is read again
    /// and both sides' changes are merged field by field; a field both changed is a conflict,
    /// put to the user unless `keep_mine` (then the planner's value wins that field only).
    pub fn save(
        &mut self,
        template: &Template,
        plan: &Plan,
        keep_mine: bool,
    ) -> Result<SaveReport, SaveProblem> {
        let text = storage::to_ron(plan).map_err(|err| SaveProblem::Failed(err.to_string()))?;
        self.save_text(template, plan, Arc::new(text), keep_mine)
    }

    /// As [`PlanFile::save`], with the plan's text already made by [`storage::to_ron`] (the
    /// planner's history makes it with each change): the plan is serialised once per save, and
    /// the file read once, under the lock, to see whether it changed elsewhere.
    pub fn save_text(
        &mut self,
        template: &Template,
        plan: &Plan,
        text: Arc<String>,
        keep_mine: bool,
    ) -> Result<SaveReport, SaveProblem> {
        let failed = |err: String| SaveProblem::Failed(err);
        // Held until the new file is in place: no other imgplan writes in between.
        let mut lock = storage::lock(&self.path, "imgplan (the planner)")
            .map_err(|e| failed(e.to_string()))?;
        // Bytes, not text: a file that is no longer UTF-8 is a change to read (and refuse), never
        // a reason to think nothing changed.
        let on_disk = match std::fs::read(&self.path) {
            Ok(bytes) => Some(bytes),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
            Err(err) => {
                return Err(failed(format!(
                    "cannot read {} to check for changes made elsewhere ({err}); your change is kept here",
                    crate::text::shown(&self.path)
                )));
            }
        };
        let seen = self.base.as_deref().map(String::as_bytes);
        let changed_elsewhere = on_disk.is_some() && on_disk.as_deref() != seen;
        if !changed_elsewhere {
            let hand_edits = if self.wrote_base && on_disk.is_some() {
                storage::HandEdits::Ours
            } else {
                storage::HandEdits::Keep
            };
            storage::save_text_locked(&mut lock, &self.path, &text, hand_edits, on_disk)
                .map_err(|err| failed(err.to_string()))?;
            self.remember(text);
            return Ok(SaveReport::Written);
        }
        let bytes = on_disk.unwrap_or_default();
        let theirs = storage::parse(&self.path, &bytes, template)
            .map_err(|err| SaveProblem::Unreadable(err.to_string()))?;
        let base = match self.base.as_deref().filter(|_| self.loaded) {
            Some(text) => storage::parse(&self.path, text.as_bytes(), template)
                .map_err(|err| failed(err.to_string()))?,
            None => theirs.clone(),
        };
        let (merged, conflicts) = merge::merge(&base, plan, &theirs, Prefer::Ours)
            .map_err(|err| failed(err.to_string()))?;
        if !conflicts.is_empty() && !keep_mine {
            return Err(SaveProblem::Conflicts(conflicts));
        }
        let text = storage::to_ron(&merged).map_err(|err| failed(err.to_string()))?;
        let saved = storage::save_text_locked(
            &mut lock,
            &self.path,
            &text,
            storage::HandEdits::Keep,
            Some(bytes),
        )
        .map_err(|err| failed(err.to_string()))?;
        self.remember(Arc::new(text));
        Ok(SaveReport::Merged(Box::new(Merge {
            base,
            theirs,
            merged,
            conflicts,
            hand_edits_kept: saved.hand_edits_kept,
        })))
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
    let asked = expand_home(request.path.trim());
    let path = export::writer::target(&asked, &request.options, app.today, &app.session.plan_path)
        .map_err(|err| match err {
            WriteError::PlanFile(path) => ExportProblem::Failed(format!(
                "{} is your plan file: choose another name",
                crate::text::shown(&path)
            )),
            other => ExportProblem::Failed(other.to_string()),
        })?;
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
    export::writer::write(
        &path,
        &app.template,
        &app.session.plan,
        &app.session.snapshot,
        &request.options,
        stamp,
    )
    .map_err(|err| ExportProblem::Failed(err.to_string()))?;
    Ok(std::path::absolute(&path).unwrap_or(path))
}

/// `~` and `~/…` as the home directory; anything else as typed.
pub(crate) fn expand_home(typed: &str) -> PathBuf {
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
    fn an_outside_change_is_merged_and_a_conflict_is_asked_about() {
        let template = Template::embedded().expect("template");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("plan.ron");
        let mut file = PlanFile::opened(&path, None);
        let mut plan = plan();
        assert_eq!(file.save(&template, &plan, false), Ok(SaveReport::Written));
        plan.profile.name = Some("Amina".into());
        assert_eq!(file.save(&template, &plan, false), Ok(SaveReport::Written));

        // Elsewhere: another field changed. Here: the name again. Both are kept.
        let mut theirs = plan.clone();
        theirs.profile.specialty = Some("Pediatrics".into());
        storage::save(&path, &theirs).expect("outside change");
        plan.profile.name = Some("Dr. Amina".into());
        let Ok(SaveReport::Merged(report)) = file.save(&template, &plan, false) else {
            panic!("merged");
        };
        assert_eq!(report.merged.profile.name.as_deref(), Some("Dr. Amina"));
        assert_eq!(
            report.merged.profile.specialty.as_deref(),
            Some("Pediatrics")
        );
        assert!(report.conflicts.is_empty());
        // Written outside imgplan's lock, the file's own text is kept before the rewrite.
        let kept = report.hand_edits_kept.as_deref().expect("kept");
        assert_eq!(
            storage::load(kept, &template).expect("loads").as_ref(),
            Some(&theirs)
        );

        // The same field on both sides: asked, and nothing written until w.
        let mut theirs = report.merged.clone();
        theirs.profile.name = Some("Amina Y.".into());
        storage::save(&path, &theirs).expect("outside change");
        let mut ours = report.merged.clone();
        ours.profile.name = Some("A. Yusuf".into());
        let Err(SaveProblem::Conflicts(conflicts)) = file.save(&template, &ours, false) else {
            panic!("conflict");
        };
        assert_eq!(conflicts[0].path, "profile › name");
        assert_eq!(conflicts[0].theirs, "\"Amina Y.\"");
        assert!(
            std::fs::read_to_string(&path)
                .expect("read")
                .contains("Amina Y.")
        );
        let Ok(SaveReport::Merged(report)) = file.save(&template, &ours, true) else {
            panic!("w keeps mine");
        };
        assert_eq!(report.merged.profile.name.as_deref(), Some("A. Yusuf"));

        // A file that cannot be read is never written over.
        std::fs::write(&path, "changed by an editor").expect("outside change");
        assert!(matches!(
            file.save(&template, &ours, true),
            Err(SaveProblem::Unreadable(_))
        ));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "changed by an editor"
        );
        // Nor is one that stopped being UTF-8 (Latin-1 typed in by another program).
        let mut latin1 = storage::to_ron(&report.merged).expect("ron").into_bytes();
        latin1.extend_from_slice(b"// Caf\xe9 S\xe3o Paulo\n");
        std::fs::write(&path, &latin1).expect("outside change");
        assert!(matches!(
            file.save(&template, &ours, true),
            Err(SaveProblem::Unreadable(_))
        ));
        assert_eq!(std::fs::read(&path).expect("read"), latin1);
    }

    /// A file edited by hand before the planner started is copied aside by the first save; the
    /// saves after it, finding the planner's own text, keep no more copies.
    #[test]
    fn only_a_file_found_hand_edited_is_copied_aside() {
        let template = Template::embedded().expect("template");
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("plan.ron");
        let mut plan = plan();
        let mut text = storage::to_ron(&plan).expect("ron");
        text.push_str("// my own note\n");
        std::fs::write(&path, &text).expect("hand-written plan");
        let copies = || {
            std::fs::read_dir(dir.path())
                .expect("dir")
                .filter(|entry| {
                    entry
                        .as_ref()
                        .is_ok_and(|entry| entry.file_name().to_string_lossy().contains(".bak-"))
                })
                .count()
        };
        let mut file = PlanFile::opened(&path, Some(&plan));
        plan.profile.name = Some("Amina".into());
        assert_eq!(file.save(&template, &plan, false), Ok(SaveReport::Written));
        assert_eq!(copies(), 1, "the hand-edited file is kept");
        plan.profile.name = Some("Dr. Amina".into());
        assert_eq!(file.save(&template, &plan, false), Ok(SaveReport::Written));
        assert_eq!(copies(), 1, "the planner's own text is not copied again");
        assert_eq!(storage::load(&path, &template).expect("loads"), Some(plan));
    }
}
