//! What can happen to the planner: the user's commands (from the keymap) and the events the
//! runtime reports back (saves, exports, resizes, timers). `update` is a function of these only.

use std::path::PathBuf;

use chrono::NaiveDate;
use tui_input::InputRequest;

/// A command the user gives with a key. The keymap table maps keys to these, and the help overlay
/// and footer are drawn from the same table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    NextPanel,
    PrevPanel,
    /// Jump to panel `n` (0-based).
    Panel(usize),
    /// Enter: on the overview or agenda, go to the task in its stage panel.
    Open,
    /// Scroll the detail pane.
    DetailDown,
    DetailUp,
    /// Tick the selected task done, or back to todo.
    ToggleDone,
    /// The next state of what is selected: a task's state, a program's status, a letter's state.
    CycleState,
    /// Edit the date of what is selected: a task's due date, a season date, a program's
    /// interview, a rotation's dates.
    EditDate,
    /// Edit the note of the selected task, program or rotation.
    EditNote,
    /// Add an item of the kind the panel (or the selection) holds: a task, program or rotation.
    Add,
    /// Delete what is selected (asks first): one of your tasks, a program, a rotation.
    Delete,
    EditProfile,
    /// Programs panel: rank the selected program, or take it off the rank list.
    Rank,
    /// Programs panel: move the selected ranked program up or down the rank list.
    RankUp,
    RankDown,
    /// Programs panel: open the filter form, or clear the filter.
    Filter,
    ClearFilter,
    /// Programs panel: next sort order.
    Sort,
    /// Timeline panel: show one month earlier or later.
    TimelineEarlier,
    TimelineLater,
    Undo,
    Redo,
    Search,
    NextMatch,
    PrevMatch,
    Export,
    /// Import programs from a CSV file: a path prompt, then a preview to confirm.
    Import,
    SaveNow,
    Help,
    /// Give the list, then the details, the whole width; then both again.
    Zoom,
    /// Open the help at its glossary.
    Glossary,
    Quit,
    Suspend,
    // In dialogs and text fields.
    Submit,
    Cancel,
    NextField,
    PrevField,
    NextChoice,
    PrevChoice,
    Yes,
    No,
    /// A text editing request for the focused field (cursor moves, deletions).
    Edit(EditKey),
}

/// Text editing keys, kept as our own type so the keymap stays a plain table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKey {
    Left,
    Right,
    WordLeft,
    WordRight,
    Home,
    End,
    Backspace,
    Delete,
    DeleteWord,
    DeleteToStart,
    DeleteToEnd,
}

impl EditKey {
    pub fn request(self) -> InputRequest {
        match self {
            EditKey::Left => InputRequest::GoToPrevChar,
            EditKey::Right => InputRequest::GoToNextChar,
            EditKey::WordLeft => InputRequest::GoToPrevWord,
            EditKey::WordRight => InputRequest::GoToNextWord,
            EditKey::Home => InputRequest::GoToStart,
            EditKey::End => InputRequest::GoToEnd,
            EditKey::Backspace => InputRequest::DeletePrevChar,
            EditKey::Delete => InputRequest::DeleteNextChar,
            EditKey::DeleteWord => InputRequest::DeletePrevWord,
            EditKey::DeleteToStart => InputRequest::DeleteFromStart,
            EditKey::DeleteToEnd => InputRequest::DeleteTillEnd,
        }
    }
}

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Command(Command),
    /// A typed character for the focused text field.
    Type(char),
    /// Bracketed paste: inserted as one line into the focused text field.
    Paste(String),
    /// Mouse wheel over the planner.
    ScrollUp,
    ScrollDown,
    /// A left click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// The runtime finished saving the plan.
    Saved(Result<SaveReport, SaveProblem>),
    /// The runtime finished (or declined) writing an export.
    Exported(Result<PathBuf, ExportProblem>),
    /// A message's time on screen is up (its serial number).
    MessageExpired(u64),
    /// The local date changed (midnight passed while the planner was open).
    DayChanged(NaiveDate),
    /// The file named in the import prompt, read (or why not).
    ImportRead(Result<crate::tui::import_file::ImportLoaded, String>),
    /// Tab in the import prompt: what `typed` completes to.
    PathCompleted {
        typed: String,
        completion: crate::tui::import_file::Completion,
    },
}

/// What `update` asks the runtime to do; `update` itself never touches the disk or terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save,
    /// Save again after a failure (`w`): where the file and the planner changed the same field,
    /// the planner's value is kept; every other change from the file is kept too.
    SaveKeepingMine,
    /// Write an export (from the export dialog).
    Export(Box<ExportRequest>),
    /// Read the CSV file at this typed path for the import preview.
    ReadImport(String),
    /// Complete this typed path from its folder.
    CompletePath(String),
    Suspend,
    Quit,
}

/// An export the user asked for in the export dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRequest {
    pub options: crate::export::ExportOptions,
    /// The path as typed: `~` is the home directory, a folder gets the default file name.
    pub path: String,
    /// An existing file the user has agreed to replace.
    pub replace: Option<PathBuf>,
}

/// Why an export was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportProblem {
    /// The file exists and the user has not yet agreed to replace it.
    Exists(PathBuf),
    /// Anything else, in words (no directory, no permission, the plan file itself).
    Failed(String),
}

/// How a save went.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveReport {
    /// The plan was written as it is.
    Written,
    /// The file had been changed elsewhere: both sides' changes were put together and written.
    Merged(Box<Merge>),
}

/// A merge the planner made while saving: the plan both sides started from, the file's version
/// and the result (now on disk), with the conflicts it resolved to the planner's side (only
/// after `w`).
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    pub base: crate::plan::Plan,
    pub theirs: crate::plan::Plan,
    pub merged: crate::plan::Plan,
    pub conflicts: Vec<crate::merge::Conflict>,
    /// Where the file's text as it was found is kept (it was edited outside imgplan, so its
    /// comments and layout would otherwise be lost).
    pub hand_edits_kept: Option<PathBuf>,
}

/// Why a save did not happen; the change stays in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveProblem {
    /// In words: a read-only file, a full disk, the lock held elsewhere.
    Failed(String),
    /// The file was changed outside imgplan and cannot be read now (why, in words): the change
    /// stays in memory until the file is fixed.
    Unreadable(String),
    /// The file and the planner changed the same field(s) to different values.
    Conflicts(Vec<crate::merge::Conflict>),
}

impl std::fmt::Display for SaveProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveProblem::Failed(why) => f.write_str(why),
            SaveProblem::Unreadable(why) => write!(
                f,
                "the plan file was changed outside imgplan and cannot be read now ({why}); your change is kept here: fix the file, then press w"
            ),
            SaveProblem::Conflicts(conflicts) => {
                let Some(first) = conflicts.first() else {
                    return f.write_str("the plan file was changed elsewhere");
                };
                write!(
                    f,
                    "{} was changed here and in the file: here {}, in the file {}",
                    first.path, first.ours, first.theirs
                )?;
                if conflicts.len() > 1 {
                    write!(f, " (and {} more)", conflicts.len() - 1)?;
                }
                Ok(())
            }
        }
    }
}
