//! Typed ids for the items a plan holds, so a program's number can never be passed where a
//! rotation's is meant. Each is written to the plan file exactly as the bare number it wraps
//! (`#[serde(transparent)]`), so `plan.ron` reads and writes as before.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A program's stable number within the plan.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ProgramId(pub u32);

/// A rotation's stable number within the plan.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct RotationId(pub u32);

impl fmt::Display for ProgramId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for RotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Which item of a plan something is about: a task (by its id), a program or a rotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Task(TaskId),
    Program(ProgramId),
    Rotation(RotationId),
    Letter(crate::letters::LetterId),
    Practice(crate::practice::PracticeId),
}

impl Item {
    /// "task", "program", "rotation", for questions and messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Item::Task(_) => "task",
            Item::Program(_) => "program",
            Item::Rotation(_) => "rotation",
            Item::Letter(_) => "letter",
            Item::Practice(_) => "practice exam",
        }
    }
}

/// A task's id: a template task's (`exams.step1`) or a user's own (`exams.my-1`; that a task is
/// the user's own is said by [`crate::insights::TaskView::custom`], not read from the id). Written to the
/// plan file as the bare string it wraps, so `plan.ron` is unchanged. It reads as a `str`
/// (`Deref`, `Borrow`), so a map keyed by it is looked up with a plain `&str`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TaskId(pub String);

impl TaskId {
    /// The marker in a user's own task ids; template ids never contain it.
    pub const OWN_MARKER: &'static str = ".my-";

    /// The id of a user's own task `n` in `stage`: `<stage>.my-<n>`, never a template id.
    pub fn own(stage: &str, n: u32) -> TaskId {
        TaskId(format!("{stage}{}{n}", TaskId::OWN_MARKER))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Shown as the quoted id (`"exams.step1"`), as messages quoted it when ids were strings.
impl fmt::Debug for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::ops::Deref for TaskId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for TaskId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for TaskId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for TaskId {
    fn from(id: &str) -> TaskId {
        TaskId(id.to_owned())
    }
}

impl From<String> for TaskId {
    fn from(id: String) -> TaskId {
        TaskId(id)
    }
}

impl From<&String> for TaskId {
    fn from(id: &String) -> TaskId {
        TaskId(id.clone())
    }
}

impl PartialEq<str> for TaskId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TaskId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for TaskId {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}
