//! imgplan: a keyboard-driven, offline planner for International Medical Graduates (IMGs)
//! working toward a US residency.
//!
//! The crate is a pure core with the edges around it:
//! - [`journey`]: the journey template (stages, tasks, date rules, checks, facts, sources),
//!   embedded from `assets/journey.ron`.
//! - [`calendar`]: the Match-cycle calendar (published, estimated and user-set season dates).
//! - [`plan`]: the user's plan and the changes that can be made to it.
//! - [`insights`]: progress, deadlines and warnings, as pure functions of plan and today.
//! - [`freshness`]: how old each fact's sources are, and which are due for a re-check.
//! - [`situation`]: entry restrictions and visa costs matched against the user's citizenship
//!   and whereabouts.
//! - [`storage`]: the plan file (RON, atomic saves, errors with line and column).
//! - [`export`]: the text and JSON summaries.
//! - [`cli`]: the command line, at the edge.
//!
//! Nothing in the core reads the clock: "today" is always passed in.

pub mod calendar;
pub mod cli;
pub mod export;
pub mod freshness;
pub mod import;
pub mod insights;
pub mod journey;
pub mod merge;
pub mod plan;
pub mod programs;
pub mod rules;
pub mod situation;
pub mod storage;
pub mod text;
pub mod tui;
pub mod usce;
pub mod visa;
pub mod wording;
