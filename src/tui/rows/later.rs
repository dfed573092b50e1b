//! The rows of the panels after the agenda: the budget (and, as they come, the timeline, the
//! letters and the practice scores).

use crate::tui::app::{App, Row};

impl App {
    /// The budget: a heading per stage with its totals, then its lines; the display currency.
    pub(super) fn budget_rows(&self) -> Vec<Row> {
        let view = crate::budget::compute(&self.template, &self.session.plan);
        let mut rows = Vec::new();
        for stage in &view.stages {
            let title = self
                .template
                .stage(&stage.stage)
                .map_or_else(|| stage.stage.clone(), |s| s.title.clone());
            rows.push(Row::Heading(format!(
                "{} · {} planned · {} paid",
                crate::text::clean_line(&title),
                stage.planned,
                stage.paid
            )));
            rows.extend(
                self.template
                    .budget
                    .iter()
                    .enumerate()
                    .filter(|(_, item)| item.stage == stage.stage && view.line(&item.id).is_some())
                    .map(|(index, _)| Row::BudgetLine(index)),
            );
        }
        rows.push(Row::Heading(format!("Total · {}", view.summary())));
        rows.push(Row::BudgetCurrency);
        rows
    }
}
