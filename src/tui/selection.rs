//! What the selected row is, derived in one place. The keys that act on "what is selected"
//! (Enter, Space, `s`, `d`, `c`, `a`, `x`, `r`, …) are dispatched on it in
//! [`super::update`], and the footer and the `?` help offer a key only where
//! [`offers`] says it does something, so the two can never disagree.

use crate::ids::{ProgramId, RotationId, TaskId};
use crate::insights::Subject;
use crate::journey::Anchor;

use super::action::Command;
use super::app::{App, Panel, Row};

/// What the selection is about, whichever panel shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Selection {
    /// A task row, or a warning about a task.
    Task(TaskId),
    /// A program in the programs list.
    Program(ProgramId),
    /// A program in the rank order list.
    Ranked(ProgramId),
    /// A logged rotation.
    Rotation(RotationId),
    /// The "Log a rotation" row.
    AddRotation,
    /// A warning about something other than a task (a program, a rotation, the letters):
    /// Enter goes to it.
    Warning(Subject),
    /// A season date.
    Season(Anchor),
    /// A row of the J-1 versus H-1B comparison.
    Comparison(usize),
    /// A fee, threshold or statistic.
    Fact(usize),
    /// What a situation rule says about the user.
    Situation(usize),
    /// How recent the facts are.
    Freshness,
    /// A line of the budget (index into the template's budget).
    BudgetLine(usize),
    /// The budget's display currency.
    BudgetCurrency,
    /// A letter of the user's own.
    Letter(crate::letters::LetterId),
    /// The "Add a letter" row.
    AddLetter,
    /// A program in the Letters panel (how many letters it asks for).
    LetterProgram(ProgramId),
    /// A practice exam.
    Practice(crate::practice::PracticeId),
    /// The "Log a practice exam" row.
    AddPractice,
    /// The Step 2 CK score aimed for.
    PracticeTarget,
    /// No selectable row.
    Nothing,
}

impl Selection {
    /// The program the selection is, in either list.
    pub(crate) fn program(&self) -> Option<ProgramId> {
        match self {
            Selection::Program(id) | Selection::Ranked(id) => Some(*id),
            _ => None,
        }
    }
}

impl App {
    /// What the selected row of the current panel is about.
    pub(crate) fn selection(&self) -> Selection {
        let Some(row) = self.selected_row() else {
            return Selection::Nothing;
        };
        match row {
            Row::Task(id) => Selection::Task(id),
            Row::Warning(index) => match self.session.snapshot.warnings.get(index) {
                Some(warning) => match &warning.subject {
                    Subject::Task(id) => Selection::Task(id.clone()),
                    other => Selection::Warning(other.clone()),
                },
                None => Selection::Nothing,
            },
            Row::Program(id) => Selection::Program(id),
            Row::Ranked(id) => Selection::Ranked(id),
            Row::Rotation(id) => Selection::Rotation(id),
            Row::AddRotation => Selection::AddRotation,
            Row::Season(anchor) => Selection::Season(anchor),
            Row::Comparison(index) => Selection::Comparison(index),
            Row::Agenda(item) => match item {
                crate::tui::agenda::AgendaItem::Season(anchor) => Selection::Season(anchor),
                crate::tui::agenda::AgendaItem::Interview(id) => Selection::Program(id),
                crate::tui::agenda::AgendaItem::RotationStart(id)
                | crate::tui::agenda::AgendaItem::Letter(id) => Selection::Rotation(id),
            },
            Row::Fact(index) => Selection::Fact(index),
            Row::Situation(index) => Selection::Situation(index),
            Row::Freshness => Selection::Freshness,
            Row::BudgetLine(index) => Selection::BudgetLine(index),
            Row::BudgetCurrency => Selection::BudgetCurrency,
            Row::Letter(id) => Selection::Letter(id),
            Row::AddLetter => Selection::AddLetter,
            Row::LetterProgram(id) => Selection::LetterProgram(id),
            Row::Practice(id) => Selection::Practice(id),
            Row::AddPractice => Selection::AddPractice,
            Row::PracticeTarget => Selection::PracticeTarget,
            Row::Heading(_) | Row::Note(_) | Row::ComparisonHeader | Row::ComparisonMore(..) => {
                Selection::Nothing
            }
        }
    }
}

/// Whether a command does something in this panel with this selection. Commands that do not
/// depend on the selection (moving, panels, undo, search, export, help, quit) always do.
pub(crate) fn offers(panel: Panel, selection: &Selection, command: Command) -> bool {
    use Selection as S;
    let in_programs = panel == Panel::Programs;
    let item = matches!(
        selection,
        S::Task(_) | S::Program(_) | S::Ranked(_) | S::Rotation(_) | S::Letter(_) | S::Practice(_)
    );
    match command {
        Command::ToggleDone => matches!(selection, S::Task(_)),
        Command::CycleState | Command::EditNote => item && !matches!(selection, S::Practice(_)),
        Command::Delete => item,
        // A letter has no date: `d` is not offered on it.
        Command::EditDate => {
            (item && !matches!(selection, S::Letter(_))) || matches!(selection, S::Season(_))
        }
        Command::Open => !matches!(
            selection,
            S::Nothing | S::Fact(_) | S::Situation(_) | S::Freshness
        ),
        Command::Add => {
            matches!(
                panel,
                Panel::Programs | Panel::Stage(_) | Panel::Letters | Panel::Scores
            ) || matches!(selection, S::Task(_))
        }
        Command::Rank => in_programs && selection.program().is_some(),
        Command::RankUp | Command::RankDown => in_programs && matches!(selection, S::Ranked(_)),
        Command::Filter => in_programs || panel == Panel::Agenda,
        Command::ClearFilter | Command::Sort => in_programs,
        Command::TimelineEarlier | Command::TimelineLater => panel == Panel::Timeline,
        _ => true,
    }
}
