//! The part of a program's details that says what the applicant tracks (priority, signal and
//! the specialty's signal count, applied and invite dates, interview format, thank-you,
//! contact, fees paid) and her own spreadsheet columns.

use ratatui::text::Line;

use super::theme::Theme;
use crate::programs::{Program, Signal, dollars, signals};
use crate::text::clean_line;

/// The tracking lines, then her own columns; nothing for a program with none of them.
pub(super) fn lines(programs: &[Program], program: &Program, theme: &Theme) -> Vec<Line<'static>> {
    let mut facts = Vec::new();
    if let Some(priority) = program.priority {
        facts.push(format!("Priority: {priority} (1 highest, 5 lowest)"));
    }
    facts.extend(signal_line(programs, program));
    let dates: Vec<String> = [
        program.applied.map(|d| format!("applied {d}")),
        program.invited.map(|d| format!("invited {d}")),
        program
            .interview_format
            .map(|f| format!("interview {}", f.label())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !dates.is_empty() {
        facts.push(capitalised(&dates.join(" · ")));
    }
    if program.thank_you_sent {
        facts.push("Thank-you sent".to_owned());
    } else if program.interview.is_some() {
        facts.push("Thank-you: not sent yet".to_owned());
    }
    if let Some(contact) = &program.contact {
        facts.push(format!("Contact: {}", clean_line(contact)));
    }
    if let Some(paid) = program.fees_paid {
        facts.push(format!("Fees paid: {}", dollars(paid)));
    }
    let mut out = Vec::new();
    if !facts.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Your tracking", theme.heading));
        out.extend(facts.into_iter().map(Line::raw));
    }
    if !program.extra.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled("Your own columns", theme.heading));
        for (column, value) in &program.extra {
            out.push(Line::raw(format!(
                "{}: {}",
                clean_line(column),
                clean_line(value)
            )));
        }
    }
    out
}

/// The signal spent and what the specialty gives (from the AAMC list), with how many the plan
/// already uses; `None` when there is nothing to say.
fn signal_line(programs: &[Program], program: &Program) -> Option<String> {
    let Some(specialty) = program.specialty.as_deref() else {
        return (program.signal != Signal::None).then(|| {
            format!(
                "Signal: {} (no specialty recorded, so its signal count is not known)",
                program.signal.label()
            )
        });
    };
    let counts = signals::table().and_then(|t| t.for_specialty(specialty));
    match (program.signal, counts) {
        (Signal::None, None) => None,
        (signal, None) => Some(format!(
            "Signal: {} ({} is not in the AAMC signal list)",
            signal.label(),
            clean_line(specialty)
        )),
        (signal, Some(counts)) => {
            let used = |kind| signals::used(programs, specialty, kind);
            let mut line = format!(
                "Signal: {} · {} gives {}; used {} gold",
                signal.label(),
                clean_line(specialty),
                counts.summary(),
                used(Signal::Gold)
            );
            if counts.silver > 0 {
                line.push_str(&format!(", {} silver", used(Signal::Silver)));
            }
            if signal != Signal::None && used(signal) > usize::from(counts.allowed(signal)) {
                line.push_str(&format!(" · more {} than it gives", signal.label()));
            }
            Some(line)
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// How wide [`row_cells`] is.
pub(super) const ROW_CELLS: usize = 10;

/// The list's tracking columns: priority, signal and the Step 2 CK cutoff against the
/// profile's score, `P2 G 245✓` (`S` silver; `✗` the cutoff is above her score, `?` her score
/// is not in the profile); blanks where nothing is recorded.
pub(super) fn row_cells(program: &Program, score: Option<u16>) -> String {
    let priority = program
        .priority
        .map_or_else(|| "  ".to_owned(), |p| format!("P{p}"));
    let signal = match program.signal {
        Signal::Gold => "G",
        Signal::Silver => "S",
        Signal::None => " ",
    };
    let cutoff = match (program.requirements.min_step2_score, score) {
        (Some(min), Some(score)) => format!("{min}{}", if score >= min { "✓" } else { "✗" }),
        (Some(min), None) => format!("{min}?"),
        (None, _) => "    ".to_owned(),
    };
    format!("{priority} {signal} {cutoff:<4}")
}
