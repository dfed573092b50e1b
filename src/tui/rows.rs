//! The rows each panel lists, computed from the snapshot: which tasks, programs, rotations,
//! facts and headings, in what order. What a row looks like is the view's business; which rows
//! there are is decided here, once, for the view, the cursor and the dispatch alike.

use crate::journey::{Anchor, StageSection};
use crate::programs;

use std::sync::Arc;

use super::app::{App, Panel, Row};
use super::derived::RowsKey;

mod later;

impl App {
    /// Upcoming deadlines the overview shows at least (more when the screen has room).
    pub(crate) const OVERVIEW_UPCOMING: usize = 5;

    /// The rows of a panel, computed from the snapshot once per change (see
    /// [`super::derived`]) and shared by the view, the cursor and the dispatch.
    pub fn rows(&self, panel: usize) -> Arc<[Row]> {
        let key = RowsKey::of(self);
        self.session
            .derived
            .rows(panel, key, || match self.panel_kind(panel) {
                Panel::Overview => self.overview_rows(),
                Panel::Stage(index) => self.stage_rows(index),
                Panel::Programs => self.program_rows(),
                Panel::Agenda => self.agenda_rows(),
                Panel::Timeline => self.timeline_rows(),
                Panel::Budget => self.budget_rows(),
                Panel::Letters => self.letter_rows(),
                Panel::Scores => self.practice_rows(),
            })
    }

    fn stage_rows(&self, index: usize) -> Vec<Row> {
        let stage = &self.template.stages[index];
        let mut rows = Vec::new();
        let sections = &stage.sections;
        if sections.contains(&StageSection::VisaComparison) {
            let comparison = &self.template.visa_comparison;
            rows.push(Row::Heading(format!(
                "J-1 versus H-1B · policy as of {}",
                comparison.policy_as_of
            )));
            rows.push(Row::ComparisonHeader);
            let columns = self.comparison_columns();
            for index in 0..comparison.rows.len() {
                rows.push(Row::Comparison(index));
                let lines = super::view::comparison::line_count(self, index, columns);
                rows.extend((1..lines).map(|part| Row::ComparisonMore(index, part)));
            }
            let choice = self.session.plan.profile.visa;
            rows.push(Row::Heading(format!(
                "Your choice: {choice} (p changes it) · what it means"
            )));
            for implication in
                crate::visa::implications(&self.template, &self.session.snapshot, choice)
                    .into_iter()
                    .filter(|i| i.situation.is_none())
            {
                let date = implication
                    .date
                    .map(|d| format!("{d}  "))
                    .unwrap_or_default();
                rows.push(Row::Note(format!("{date}{}", implication.text)));
            }
            // Entry restrictions and the H-1B payment: whole text in the details.
            rows.extend(
                self.session
                    .snapshot
                    .situation
                    .iter()
                    .enumerate()
                    .filter(|(_, note)| crate::visa::route_open(choice, note.route))
                    .map(|(index, _)| Row::Situation(index)),
            );
            rows.push(Row::Heading("Tasks".into()));
        }
        let before = rows.len();
        rows.extend(
            self.session
                .snapshot
                .stage_tasks(&stage.id)
                .map(|task| Row::Task(task.id.clone())),
        );
        if rows.len() == before {
            rows.push(Row::Note(
                "No tasks for your visa choice here. Press a to add one.".into(),
            ));
        }
        if sections.contains(&StageSection::UsceLog) {
            rows.push(Row::Heading(format!(
                "Rotations and letters · {}",
                self.session.snapshot.usce.line()
            )));
            rows.extend(
                self.session
                    .plan
                    .rotations
                    .iter()
                    .map(|r| Row::Rotation(r.id)),
            );
            rows.push(Row::AddRotation);
        }
        let facts: Vec<Row> = self
            .template
            .facts
            .iter()
            .enumerate()
            .filter(|(_, fact)| fact.stage == stage.id)
            .map(|(index, _)| Row::Fact(index))
            .collect();
        if !facts.is_empty() {
            rows.push(Row::Heading("Facts and figures".into()));
            rows.extend(facts);
        }
        rows
    }

    /// The list's width inside its border on the visa stage, where the comparison is: it wants
    /// all the width it can get, so this does not depend on the rows.
    fn comparison_columns(&self) -> usize {
        let screen = ratatui::layout::Rect::new(0, 0, self.screen.width, self.screen.height);
        super::layout::Areas::fitted(screen, self.screen.zoom, Some(u16::MAX))
            .map_or(80, |areas| usize::from(areas.list_inner().width))
    }

    fn program_rows(&self) -> Vec<Row> {
        let plan = &self.session.plan;
        let mut rows = Vec::new();
        let ranked = plan.rank_list();
        let deadline = self
            .session
            .snapshot
            .calendar
            .get(Anchor::RolDeadline)
            .map(|d| {
                format!(
                    " · certify by {} ({})",
                    d.date,
                    crate::wording::countdown((d.date - self.today).num_days())
                )
            })
            .unwrap_or_default();
        rows.push(Row::Heading(format!(
            "Rank order list ({}){deadline}",
            ranked.len()
        )));
        if ranked.is_empty() {
            rows.push(Row::Note(
                "Nothing ranked yet: r ranks the selected program.".into(),
            ));
        }
        rows.extend(ranked.iter().map(|p| Row::Ranked(p.id)));
        let shown = programs::select(
            &plan.programs,
            &self.prefs.program_filter,
            self.prefs.program_sort,
            plan.profile.visa,
        );
        let filter = if self.prefs.program_filter.is_empty() {
            String::new()
        } else {
            format!(" · {}", self.prefs.program_filter.describe())
        };
        rows.push(Row::Heading(format!(
            "Programs ({} of {}){filter} · sorted by {}",
            shown.len(),
            plan.programs.len(),
            self.prefs.program_sort.label()
        )));
        if plan.programs.is_empty() {
            rows.push(Row::Note(
                "No programs yet: a adds one (or imgplan import programs FILE.csv).".into(),
            ));
        } else if shown.is_empty() {
            rows.push(Row::Note(
                "No program matches the filter: f changes it, F clears it.".into(),
            ));
        }
        rows.extend(shown.iter().map(|p| Row::Program(p.id)));
        rows
    }

    fn overview_rows(&self) -> Vec<Row> {
        let snapshot = &self.session.snapshot;
        let mut rows = vec![
            Row::Freshness,
            Row::Heading(format!(
                "Season of the {} Match",
                self.session.plan.profile.match_year
            )),
        ];
        rows.extend(
            snapshot
                .calendar
                .season_dates()
                .map(|(anchor, _)| Row::Season(anchor)),
        );
        rows.push(Row::Heading(format!(
            "Overdue ({})",
            snapshot.overdue.len()
        )));
        if snapshot.overdue.is_empty() {
            rows.push(Row::Note("Nothing overdue.".into()));
        }
        rows.extend(snapshot.overdue.iter().map(|d| Row::Task(d.task.clone())));
        if !snapshot.start_now.is_empty() {
            rows.push(Row::Heading(format!(
                "Start now ({}): planned before you began",
                snapshot.start_now.len()
            )));
            rows.extend(snapshot.start_now.iter().map(|d| Row::Task(d.task.clone())));
        }
        rows.push(Row::Heading("Next deadlines".into()));
        if snapshot.upcoming.is_empty() {
            rows.push(Row::Note("No dated task ahead.".into()));
        }
        // Fill the screen with deadlines when there is room, and show at least a few.
        let below = 1 + snapshot.warnings.len().max(1);
        let room = self.list_height().saturating_sub(rows.len() + below);
        rows.extend(
            snapshot
                .upcoming
                .iter()
                .take(room.max(Self::OVERVIEW_UPCOMING))
                .map(|d| Row::Task(d.task.clone())),
        );
        rows.push(Row::Heading(format!(
            "Warnings ({})",
            snapshot.warnings.len()
        )));
        if snapshot.warnings.is_empty() {
            rows.push(Row::Note(
                "No warnings: the plan's order and dates hold.".into(),
            ));
        }
        rows.extend((0..snapshot.warnings.len()).map(Row::Warning));
        rows
    }
}
