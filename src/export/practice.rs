//! Step 2 CK practice exams in the text and Markdown exports: each exam in date order, the
//! target and the exam date. No predicted score (no official source supports one).

use std::fmt::Write as _;

use crate::insights::Snapshot;
use crate::journey::Template;
use crate::plan::Plan;
use crate::practice::Trend;
use crate::text::clean_line;

/// Two lines: the trend ("last 238 · best 238 · …"), then the target and the exam date.
fn header(template: &Template, plan: &Plan, snapshot: &Snapshot) -> Vec<String> {
    let trend = Trend::of(template, plan, snapshot);
    let mut second = Vec::new();
    if let Some((target, _)) = trend.target {
        second.push(format!("target {target}"));
    }
    if let Some(exam) = trend.exam {
        second.push(format!("Step 2 CK on {exam}"));
    }
    let mut lines = vec![trend.line()];
    if !second.is_empty() {
        lines.push(second.join(" · "));
    }
    lines
}

pub(crate) fn practice_text(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    for line in header(template, plan, snapshot) {
        let _ = writeln!(out, "  {}", crate::text::truncate(&line, 78));
    }
    for exam in &plan.practice.exams {
        let _ = writeln!(
            out,
            "  {}  {}  {}",
            exam.taken,
            crate::text::pad(&crate::text::truncate(&clean_line(&exam.form), 40), 40),
            exam.score
        );
    }
    out
}

pub(crate) fn practice_markdown(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    use super::markdown::text;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        text(&header(template, plan, snapshot).join(" · "))
    );
    if plan.practice.exams.is_empty() {
        return out;
    }
    let _ = writeln!(out, "| Taken | Form | Score |");
    let _ = writeln!(out, "|---|---|---|");
    for exam in &plan.practice.exams {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            exam.taken,
            text(&exam.form),
            exam.score
        );
    }
    out
}
