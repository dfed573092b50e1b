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
    Task(String),
    Program(ProgramId),
    Rotation(RotationId),
}

impl Item {
    /// "task", "program", "rotation", for questions and messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Item::Task(_) => "task",
            Item::Program(_) => "program",
            Item::Rotation(_) => "rotation",
        }
    }
}
