//! `imgplan status` and `imgplan check`.

use super::*;

pub(super) fn status(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    // Fit a terminal's width; piped output is never cut (a reader or grep gets whole lines).
    let columns = std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(width, _)| usize::from(width).max(40));
    write!(
        out,
        "{}",
        status_text_fitted(&ctx.template, &plan, &snapshot, columns)
    )?;
    if saved {
        writeln!(out, "\nPlan: {}", crate::text::shown(&ctx.path))?;
    } else {
        writeln!(out, "\n{}", ctx.not_saved_note())?;
    }
    Ok(())
}

/// The status summary fitted to `columns`: titles shortened and warnings wrapped to fit; with
/// `None` (output piped) every line is whole.
pub(crate) fn status_text_fitted(
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    columns: Option<usize>,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let profile = &plan.profile;
    let name = profile
        .name
        .as_deref()
        .map(clean_line)
        .filter(|n| !n.is_empty())
        .map(|n| format!("{n} · "))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "imgplan · {name}{} Match · visa {} · {} · today {}",
        profile.match_year,
        profile.visa,
        profile.category.label(),
        snapshot.today
    );
    let summary = crate::export::summary::Summary::of(template, plan, snapshot);
    write_progress(&mut s, &summary);
    write_deadlines(&mut s, &summary, columns);
    write_letters_to_chase(&mut s, plan, snapshot.today, columns);
    write_warnings(&mut s, &summary.warnings, columns);
    let _ = writeln!(s);
    write_fitted(&mut s, &snapshot.freshness.line(), columns);
    if snapshot.freshness.stale_on_path > 0 {
        let _ = writeln!(
            s,
            "  `imgplan sources --stale` lists them with their addresses."
        );
    }
    s
}

/// Overdue, start-now and next deadlines, one line each: titles shortened to fit `columns`, or
/// whole when piped.
fn write_deadlines(
    s: &mut String,
    summary: &crate::export::summary::Summary,
    columns: Option<usize>,
) {
    use std::fmt::Write as _;
    let line = |s: &mut String, due: &crate::export::summary::Due| {
        let title = clean_line(due.title);
        let when = &due.when;
        let room = columns
            .unwrap_or(usize::MAX)
            .saturating_sub(2 + 12 + 2 + when.len());
        let title = match columns {
            Some(_) => pad(&truncate(&title, room), room),
            None => pad(&title, 52),
        };
        let _ = writeln!(s, "  {}  {title}  {when}", due.date);
        // A fact due for a re-check says so where the user reads it.
        if let Some(mark) = &due.recheck {
            let _ = writeln!(s, "              sources {mark}");
        }
    };
    if !summary.overdue.is_empty() {
        let _ = writeln!(s, "\nOverdue ({})", summary.overdue.len());
        for due in summary.overdue.iter().take(5) {
            line(s, due);
        }
        if summary.overdue.len() > 5 {
            let _ = writeln!(
                s,
                "  … {} more: imgplan tasks --due-within 0",
                summary.overdue.len() - 5
            );
        }
    }
    if !summary.start_now.is_empty() {
        let _ = writeln!(
            s,
            "\nStart now ({}): planned before you began",
            summary.start_now.len()
        );
        for due in summary.start_now.iter().take(5) {
            line(s, due);
        }
    }
    let _ = writeln!(s, "\nNext deadlines");
    if summary.upcoming.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for due in summary.upcoming.iter().take(5) {
        line(s, due);
    }
}

/// Letters still awaited after their rotation ended (requested or received, not in ERAS): one
/// line each, so the letters a user must chase are on the one screen `status` is.
fn write_letters_to_chase(
    s: &mut String,
    plan: &Plan,
    today: chrono::NaiveDate,
    columns: Option<usize>,
) {
    use std::fmt::Write as _;
    let chase: Vec<&crate::usce::Rotation> = plan
        .rotations
        .iter()
        .filter(|r| r.end < today && crate::letters::letter_awaited(plan, r.id))
        .collect();
    if chase.is_empty() {
        return;
    }
    let _ = writeln!(s, "\nLetters to chase ({})", chase.len());
    for rotation in chase {
        let from = rotation
            .supervisor
            .as_deref()
            .map(|who| format!("{} · ", clean_line(who)))
            .unwrap_or_default();
        let text = format!(
            "  {}  {from}{}: rotation ended, letter not in ERAS yet",
            rotation.end,
            clean_line(&rotation.institution)
        );
        let text = match columns {
            Some(columns) => truncate(&text, columns),
            None => text,
        };
        let _ = writeln!(s, "{text}");
    }
}

/// A paragraph wrapped at `columns`, or one whole line when piped.
fn write_fitted(s: &mut String, text: &str, columns: Option<usize>) {
    use std::fmt::Write as _;
    match columns {
        Some(columns) => {
            for line in crate::text::wrap(text, columns) {
                let _ = writeln!(s, "{line}");
            }
        }
        None => {
            let _ = writeln!(s, "{text}");
        }
    }
}

pub(super) fn check(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let Some(plan) = ctx.load()? else {
        return Err(Failure::new(format!(
            "{}: no plan file there yet; `imgplan init` creates one",
            crate::text::shown(&ctx.path)
        )));
    };
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    writeln!(
        out,
        "{}: OK (plan version {}, {} tasks, {} Match)",
        crate::text::shown(&ctx.path),
        plan.version,
        snapshot.tasks.len(),
        plan.profile.match_year
    )?;
    if std::fs::read(&ctx.path).is_ok_and(|bytes| bytes.starts_with(storage::UTF8_BOM)) {
        writeln!(
            out,
            "note: the file starts with a byte-order mark (some Windows editors add one); it is read past, and the next save leaves it out"
        )?;
    }
    let orphaned: Vec<&str> = plan.orphaned_ids(&ctx.template).collect();
    if !orphaned.is_empty() {
        writeln!(
            out,
            "note: kept your state for {} task(s) the built-in journey no longer has: {}",
            orphaned.len(),
            orphaned
                .iter()
                .map(|id| clean_line(id))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for warning in &snapshot.warnings {
        writeln!(out, "warning: {}", clean_line(&warning.message))?;
    }
    if snapshot.warnings.is_empty() {
        writeln!(out, "No warnings.")?;
    }
    Ok(())
}

/// "Progress: 12/80 tasks closed (15 %)" and one bar per stage.
fn write_progress(s: &mut String, summary: &crate::export::summary::Summary) {
    use std::fmt::Write as _;
    let _ = writeln!(
        s,
        "\nProgress: {}/{} tasks closed ({} %)",
        summary.closed, summary.total, summary.percent
    );
    for stage in &summary.stages {
        let _ = writeln!(
            s,
            "  {} {} {:>2}/{:<2}",
            pad(&truncate(stage.short, 10), 10),
            crate::wording::bar(stage.percent, 20),
            stage.closed,
            stage.total
        );
    }
}

/// The first few warnings, each with its sources' re-check mark.
fn write_warnings(
    s: &mut String,
    warnings: &[crate::export::summary::WarningLine],
    columns: Option<usize>,
) {
    use std::fmt::Write as _;
    if !warnings.is_empty() {
        let _ = writeln!(s, "\nWarnings ({})", warnings.len());
        for warning in warnings.iter().take(4) {
            let text = clean_line(warning.message);
            match columns {
                Some(columns) => {
                    for (i, line) in crate::text::wrap(&text, columns.saturating_sub(4))
                        .iter()
                        .enumerate()
                    {
                        let mark = if i == 0 { "!" } else { " " };
                        let _ = writeln!(s, "  {mark} {line}");
                    }
                }
                None => {
                    let _ = writeln!(s, "  ! {text}");
                }
            }
            if let Some(mark) = &warning.recheck {
                let _ = writeln!(s, "    sources {mark}");
            }
        }
        if warnings.len() > 4 {
            let _ = writeln!(s, "  … {} more: imgplan check", warnings.len() - 4);
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::journey::VisaChoice;
    use crate::usce::{LetterState, Rotation, RotationKind};

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
    }

    /// A requested letter whose rotation has ended is listed to chase; once it is in ERAS it is
    /// not.
    #[test]
    fn a_letter_still_awaited_after_its_rotation_is_listed_to_chase() {
        let template = Template::embedded().expect("template");
        let today = day("2027-03-01");
        let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        let id = plan
            .add_rotation(Rotation {
                id: crate::ids::RotationId(0),
                kind: RotationKind::Observership,
                institution: "Brookdale University Hospital".into(),
                specialty: Some("Internal Medicine".into()),
                start: day("2027-01-04"),
                end: day("2027-01-31"),
                hands_on: false,
                supervisor: Some("Dr. Lee".into()),
                letter: LetterState::Requested,
                note: None,
            })
            .expect("rotation");
        let text = |plan: &Plan| {
            let snapshot = Snapshot::build(&template, plan, today);
            status_text_fitted(&template, plan, &snapshot, None)
        };
        let shown = text(&plan);
        assert!(shown.contains("Letters to chase (1)"), "{shown}");
        assert!(
            shown.contains(
                "2027-01-31  Dr. Lee · Brookdale University Hospital: rotation ended, letter not in ERAS yet"
            ),
            "{shown}"
        );
        if let Some(rotation) = plan.rotations.iter_mut().find(|r| r.id == id) {
            rotation.letter = LetterState::Uploaded;
        }
        assert!(!text(&plan).contains("Letters to chase"));
    }
}
