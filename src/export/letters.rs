//! Letters of the user's own in the exports: writer, kind, state, rotation and the programs
//! each goes to, with the totals that count the rotations' letters too.

use std::fmt::Write as _;

use crate::journey::Template;
use crate::letters::{Letter, LetterTotals};
use crate::plan::Plan;
use crate::text::clean_line;

/// Columns of the letters CSV table.
pub(crate) const LETTER_COLUMNS: [&str; 6] =
    ["Writer", "Kind", "State", "Rotation", "Programs", "Note"];

fn rotation_name(plan: &Plan, letter: &Letter) -> String {
    letter
        .rotation
        .and_then(|id| plan.rotation(id))
        .map(|r| clean_line(&r.institution))
        .unwrap_or_default()
}

fn program_names(plan: &Plan, letter: &Letter) -> Vec<String> {
    letter
        .programs
        .iter()
        .filter_map(|id| plan.program(*id))
        .map(|p| clean_line(&p.name))
        .collect()
}

/// The letters as plain text lines (indented two spaces). With `columns` (a terminal's width, or
/// a file's 80) a letter's line is cut to fit; with `None` (piped) it is whole.
pub(crate) fn letters_text(template: &Template, plan: &Plan, columns: Option<usize>) -> String {
    let mut out = String::new();
    let totals = LetterTotals::of(template, plan);
    let _ = writeln!(out, "  All letters: {}", totals.line());
    if plan.letters.is_empty() {
        out.push_str("  (no letters of your own yet)\n");
    }
    for letter in &plan.letters {
        let mut line = format!(
            "  {} {} ({}, {})",
            letter.state.mark(),
            clean_line(&letter.writer),
            letter.kind.label(),
            letter.state.label()
        );
        let rotation = rotation_name(plan, letter);
        if !rotation.is_empty() {
            let _ = write!(line, ", from {rotation}");
        }
        let line = match columns {
            Some(columns) => crate::text::truncate(&line, columns.saturating_sub(2)),
            None => line,
        };
        let _ = writeln!(out, "{line}");
        let programs = program_names(plan, letter);
        if !programs.is_empty() {
            let room = columns.map_or(74, |c| c.saturating_sub(6).max(20));
            for wrapped in crate::text::wrap(&format!("to: {}", programs.join("; ")), room) {
                let _ = writeln!(out, "      {wrapped}");
            }
        }
    }
    out
}

/// The letters as a Markdown section (the caller writes the heading).
pub(crate) fn letters_markdown(template: &Template, plan: &Plan) -> String {
    use super::markdown::text;
    let mut out = String::new();
    let totals = LetterTotals::of(template, plan);
    let _ = writeln!(out, "All letters: {}.\n", text(&totals.line()));
    if plan.letters.is_empty() {
        let _ = writeln!(out, "No letters of your own yet.");
        return out;
    }
    let _ = writeln!(out, "| Writer | Kind | State | Rotation | Programs |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for letter in &plan.letters {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            text(&letter.writer),
            letter.kind.label(),
            letter.state.label(),
            text(&rotation_name(plan, letter)),
            text(&program_names(plan, letter).join("; "))
        );
    }
    out
}

/// The letters as CSV rows (header first); cells are guarded by the caller.
pub(crate) fn letter_rows(plan: &Plan) -> Vec<Vec<String>> {
    let mut rows = vec![LETTER_COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for letter in &plan.letters {
        rows.push(vec![
            letter.writer.clone(),
            letter.kind.label().to_owned(),
            letter.state.label().to_owned(),
            rotation_name(plan, letter),
            program_names(plan, letter).join("; "),
            letter.note.clone().unwrap_or_default(),
        ]);
    }
    rows
}
