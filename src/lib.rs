//! imgplan: a keyboard-driven, offline planner for International Medical Graduates (IMGs)
//! working toward a US residency.
//!
//! # The map
//!
//! Three layers; each depends only on the ones above it.
//!
//! **The core** (no terminal, no clock, no I/O; "today" is always passed in):
//! - [`journey`]: the journey template (stages, tasks, date rules, checks, facts, sources),
//!   embedded from `assets/journey.ron`. A new step, source or date rule is an edit there.
//! - [`calendar`]: the Match-cycle calendar (published, estimated and user-set season dates).
//! - [`dates`]: the one date reader every form, option and import cell goes through, and years
//!   since graduation as programs count them.
//! - [`plan`]: the user's plan and every change that can be made to it.
//! - [`rules`]: the rules a plan keeps (score ranges, a rotation's dates), checked by every
//!   change and again when a file loads, with a typed [`rules::RuleError`].
//! - [`programs`], [`usce`]: residency programs and the rank list; rotations and letters.
//! - [`insights`]: progress, deadlines and warnings, as pure functions of template, plan and
//!   today ([`insights::Snapshot`]).
//! - [`freshness`], [`situation`], [`visa`]: how old each fact's sources are; entry rules matched
//!   against the user's citizenship; what a visa choice means for the plan.
//! - [`merge`]: three-way merge of two changed copies of a plan.
//! - [`wording`], [`text`]: how dates, countdowns and progress are worded, and text hygiene,
//!   shared by every front end and export.
//!
//! **The edges that read and write** (files, never the terminal):
//! - [`storage`]: the plan file: RON, atomic saves under a lock, earlier versions, errors with
//!   file:line:column. [`import`]: programs from CSV.
//! - [`export`]: the text, Markdown, calendar, CSV and JSON renderings, and
//!   [`export::writer`], the one way an export reaches a file.
//!
//! **The front ends** (translate input, show results and errors; no rules of their own):
//! - [`cli`]: the command line (clap), one function per subcommand.
//! - [`tui`]: the full-screen planner (ratatui + crossterm). Its state, [`tui::app::App`], owns
//!   three parts: the [`tui::app::Session`] (plan, snapshot, undo/redo, save state, plan file),
//!   the [`tui::app::Screen`] (panel, cursors, mode, size, detail scroll, search) and the
//!   [`tui::app::Preferences`] (theme, program filter and sort, export choices). Every form,
//!   the profile's included, is a [`tui::form::Form`] read back by its [`tui::form::Key`]s.
//!
//! # How a key press becomes a saved change
//!
//! 1. [`tui::terminal`] reads a crossterm key event; [`tui::keymap`] (a table that also draws
//!    the footer and the `?` help) turns it into an [`tui::action::Action`] holding a
//!    [`tui::action::Command`] such as `CycleState`.
//! 2. [`tui::update::update`] takes the action. A command about "what is selected" is
//!    dispatched once on the [`tui::selection::Selection`] of the current row, to the module
//!    that owns that kind of item (`update/{tasks, programs, rotations, season}.rs`).
//! 3. That module calls the core (e.g. [`plan::Plan::set_program_status`]) through
//!    `update/history.rs::change`, which keeps what the change did for undo ([`undo`]),
//!    rebuilds the snapshot, and returns [`tui::action::Effect::Save`].
//! 4. The runtime in [`tui`] performs the effect through [`tui::disk`] (merging a file changed
//!    elsewhere) and [`storage`] (lock, atomic write), then reports back with
//!    [`tui::action::Action::Saved`], which `update/save.rs` turns into the status message.
//!
//! The command line takes the same path without steps 1-2: a subcommand in [`cli`] parses its
//! arguments, calls the same core function and saves through [`storage`].
//!
//! # Adding things
//!
//! - A new kind of item the user selects: a `Row` variant ([`tui::app::Row`]) and the rows
//!   that list it, a [`tui::selection::Selection`] variant and its line in
//!   [`tui::selection::offers`], its arms in the dispatch (`tui/update/mod.rs::act`) calling a
//!   new `tui/update/<kind>.rs`, its details in `tui/view/detail.rs` (or its own view module),
//!   and the core change it makes in [`plan`] (rules in [`rules`]).
//! - A new panel: a [`tui::app::Panel`] variant, its rows in `tui/rows.rs`, one module
//!   under `tui/view/` drawing its rows (called from `view/list.rs`), helpers from
//!   `view/widgets.rs`; keys that act on its rows follow the item recipe above.

pub mod budget;
pub mod calendar;
pub mod cli;
pub mod dates;
pub mod export;
pub mod freshness;
pub mod glossary;
pub mod ids;
pub mod import;
pub mod insights;
pub mod journey;
pub mod letters;
pub mod merge;
pub mod plan;
pub mod practice;
pub mod programs;
pub mod rules;
pub mod situation;
pub mod storage;
pub mod text;
pub mod timeline;
pub mod tui;
pub mod undo;
pub mod usce;
pub mod visa;
pub mod wording;
