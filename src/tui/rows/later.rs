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

impl App {
    /// The letters: the user's own, the rotations' letters, how each program stands, and the
    /// letter warnings.
    pub(super) fn letter_rows(&self) -> Vec<Row> {
        let plan = &self.session.plan;
        let totals = crate::letters::LetterTotals::of(&self.template, plan);
        let mut rows = vec![Row::Heading(format!("Your letters · {}", totals.line()))];
        rows.extend(plan.letters.iter().map(|l| Row::Letter(l.id)));
        rows.push(Row::AddLetter);
        rows.push(Row::Heading("From your rotations".into()));
        let from_rotations: Vec<Row> = plan
            .rotations
            .iter()
            .filter(|r| {
                r.letter != crate::usce::LetterState::NotRequested
                    && !crate::letters::followed_here(plan, r.id)
            })
            .map(|r| Row::Rotation(r.id))
            .collect();
        if from_rotations.is_empty() {
            rows.push(Row::Note(
                "No other letter from a rotation (rotations are logged in the USCE panel).".into(),
            ));
        }
        rows.extend(from_rotations);
        let programs: Vec<Row> = plan
            .programs
            .iter()
            .filter(|p| {
                !matches!(
                    p.status,
                    crate::programs::ProgramStatus::Rejected
                        | crate::programs::ProgramStatus::Withdrawn
                )
            })
            .map(|p| Row::LetterProgram(p.id))
            .collect();
        if !programs.is_empty() {
            rows.push(Row::Heading("Programs and their letters".into()));
            rows.extend(programs);
        }
        let warnings: Vec<Row> = self
            .session
            .snapshot
            .warnings
            .iter()
            .enumerate()
            .filter(|(_, w)| {
                matches!(
                    w.kind,
                    crate::insights::WarningKind::LetterNotUploaded
                        | crate::insights::WarningKind::LettersShort
                )
            })
            .map(|(index, _)| Row::Warning(index))
            .collect();
        if !warnings.is_empty() {
            rows.push(Row::Heading(format!(
                "Letter warnings ({})",
                warnings.len()
            )));
            rows.extend(warnings);
        }
        rows
    }
}

impl App {
    /// The practice exams: the target, then every exam in date order.
    pub(super) fn practice_rows(&self) -> Vec<Row> {
        let trend =
            crate::practice::Trend::of(&self.template, &self.session.plan, &self.session.snapshot);
        let exam = trend.exam.map_or_else(
            || "Step 2 CK has no date yet".to_owned(),
            |date| {
                format!(
                    "Step 2 CK on {date} ({})",
                    crate::wording::countdown((date - self.today).num_days())
                )
            },
        );
        let mut rows = vec![Row::Heading(exam), Row::PracticeTarget];
        rows.push(Row::Heading(format!("Practice exams · {}", trend.line())));
        rows.extend(
            self.session
                .plan
                .practice
                .exams
                .iter()
                .map(|e| Row::Practice(e.id)),
        );
        rows.push(Row::AddPractice);
        rows
    }
}

impl App {
    /// The timeline's marks in date order: a task or a season date each, so the details pane
    /// and Enter work on them as anywhere else.
    pub(super) fn timeline_rows(&self) -> Vec<Row> {
        let timeline =
            crate::timeline::Timeline::build(&self.template, &self.session.snapshot, self.today);
        let rows: Vec<Row> = timeline
            .marks
            .into_iter()
            .map(|mark| match mark.item {
                crate::timeline::MarkItem::Task(id) => Row::Task(id),
                crate::timeline::MarkItem::Season(anchor) => Row::Season(anchor),
            })
            .collect();
        if rows.is_empty() {
            return vec![Row::Note("Nothing dated between now and residency.".into())];
        }
        rows
    }
}
