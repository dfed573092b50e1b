//! How wide the list wants to be for its rows to be whole, and the layout that follows: the
//! view draws with it and mouse clicks are read with it, so both agree on where the list is.
//! Heights never depend on it (only the split of the width does), so paging and the overview's
//! room for deadlines keep using [`super::layout::list_rows`].

use ratatui::layout::Rect;

use super::app::{App, Panel, Row};
use super::layout::Areas;
use super::view::{checklist, programs};
use crate::journey::StageSection;

impl App {
    /// Columns the current panel's rows need to be whole: tasks with their title (and stage in
    /// mixed panels), programs with their name and specialty. The visa stage wants all it can
    /// get, for its comparison.
    pub(crate) fn list_wanted_columns(&self) -> u16 {
        self.wanted_columns(true)
    }

    /// What the list's task rows alone want: whether a stage's date column fits is decided by
    /// them, not by a long rotation or section title that asks for room of its own.
    pub(crate) fn task_wanted_columns(&self) -> u16 {
        self.wanted_columns(false)
    }

    fn wanted_columns(&self, every_row: bool) -> u16 {
        let panel = self.current_panel();
        let wanted = match panel {
            Panel::Stage(index)
                if self.template.stages.get(index).is_some_and(|stage| {
                    stage.sections.contains(&StageSection::VisaComparison)
                }) =>
            {
                usize::from(u16::MAX)
            }
            // The months of the timeline take every column they are given.
            Panel::Timeline => usize::from(u16::MAX),
            // A budget line: its label (with "(if H-1B from abroad)" at most), then the
            // planned and paid columns and the borders.
            Panel::Budget => {
                let label = self
                    .template
                    .budget
                    .iter()
                    .map(|item| crate::text::width(&item.label))
                    .max()
                    .unwrap_or(40);
                2 + label + " (if H-1B from abroad)".len() + 16 + 1 + 16 + 1 + 2
            }
            Panel::Programs => {
                let (name, specialty) = programs::longest_name_and_specialty(self);
                programs::PROGRAM_FIXED_COLUMNS + name + 1 + specialty.max(13) + 1
            }
            Panel::Stage(_) | Panel::Scores if every_row => {
                self.widest_task_row(panel).max(self.widest_other_row())
            }
            _ => self.widest_task_row(panel),
        };
        u16::try_from(wanted).unwrap_or(u16::MAX)
    }

    fn widest_task_row(&self, panel: Panel) -> usize {
        let mixed = !matches!(panel, Panel::Stage(_));
        self.rows(self.screen.panel)
            .iter()
            .filter_map(|row| match row {
                Row::Task(id) => self.session.snapshot.task(id),
                _ => None,
            })
            .map(|task| {
                let stage = mixed.then(|| {
                    self.template
                        .stage(&task.stage)
                        .map_or_else(|| task.stage.clone(), |s| s.short.clone())
                });
                checklist::TASK_FIXED_COLUMNS
                    + crate::text::width(&checklist::shown_title(task, stage.as_deref()))
            })
            .max()
            .unwrap_or(checklist::TASK_FIXED_COLUMNS + 40)
    }

    /// A stage's rotations want their whole institution, and its (or the Scores panel's) section
    /// titles their whole text.
    fn widest_other_row(&self) -> usize {
        self.rows(self.screen.panel)
            .iter()
            .filter_map(|row| match row {
                Row::Rotation(id) => self.session.plan.rotation(*id).map(|rotation| {
                    super::view::rotations::ROTATION_FIXED_COLUMNS
                        + crate::text::width(&rotation.institution)
                }),
                Row::Heading(text) => Some(crate::text::width(text) + 2),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }

    /// The screen's layout for this state: the zoom, and the list as wide as its rows want.
    pub(crate) fn areas(&self, area: Rect) -> Option<Areas> {
        Areas::fitted(area, self.screen.zoom, Some(self.list_wanted_columns()))
    }
}
