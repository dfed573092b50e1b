//! The programs panel: the rank order list on top, then the programs (filtered and sorted), each
//! with its visa-fit flag; and a program's details.

use ratatui::text::{Line, Span};

use super::program_tracking as tracking_cells;
use super::theme::Theme;
use super::widgets::column;
use crate::programs::{self, Fit, Program};
use crate::text::clean_line;
use crate::tui::app::App;
use crate::wording::countdown;

pub(crate) fn title(app: &App) -> String {
    let plan = &app.session.plan;
    let cost = app
        .cost_estimate()
        .map(|estimate| {
            format!(
                " · ERAS est. {} ({} fees)",
                programs::dollars(estimate.total_usd),
                estimate.fee_season
            )
        })
        .unwrap_or_default();
    format!(" Programs · visa {}{cost} ", plan.profile.visa.label())
}

/// `✗ Mercy Hospital IM          NY  Internal Med  J-1 only   applied`; ranked rows start with
/// their place.
pub(crate) fn program_line(
    app: &App,
    id: crate::ids::ProgramId,
    rank: Option<usize>,
    columns: usize,
    theme: &Theme,
) -> Line<'static> {
    let Some(program) = app.session.plan.program(id) else {
        return Line::raw(format!("unknown program {id}"));
    };
    let fit = program.fit(app.session.plan.profile.visa);
    let fit_style = match fit {
        Fit::Fits => theme.text,
        Fit::Acceptable => theme.dim,
        Fit::Misfit => theme.overdue,
        Fit::Unknown => theme.soon,
    };
    let closed = matches!(
        program.status,
        programs::ProgramStatus::Rejected | programs::ProgramStatus::Withdrawn
    );
    let text = if closed { theme.dim } else { theme.text };
    let mut spans = Vec::new();
    let mut used = 0;
    if let Some(place) = rank {
        spans.push(Span::styled(format!("{place:>3}. "), theme.title));
        used += 5;
    }
    spans.push(Span::styled(format!("{} ", fit.glyph()), fit_style));
    used += 2;
    let (longest_name, longest_specialty) = longest_name_and_specialty(app);
    // The name first, whole when it can be; the specialty only when there is room for it after
    // the whole name (it is in the details too), up to its own longest, at least 13 columns.
    // On the rank order list every program is ranked: its status column would only repeat it,
    // so the name has that room.
    // The status column is as wide as the longest status the plan's programs have.
    let status_width = longest_status(app);
    let status_columns = if rank.is_some() { 0 } else { 1 + status_width };
    // Priority, signal and the Step 2 CK cutoff, only where the whole name still fits beside
    // them: the name matters more (the three are in the details too).
    let base = used + 1 + 3 + 1 + 12 + status_columns;
    let tracking = columns >= 90
        && columns.saturating_sub(base) > longest_name + 1 + tracking_cells::ROW_CELLS;
    let tracking_columns = if tracking {
        tracking_cells::ROW_CELLS + 1
    } else {
        0
    };
    let fixed = 1 + 3 + 1 + 12 + status_columns + tracking_columns;
    let spare = columns.saturating_sub(used + fixed);
    let wide = columns >= 70 && spare >= longest_name + 1 + 13;
    let specialty_columns = if wide {
        spare
            .saturating_sub(longest_name + 1)
            .clamp(13, longest_specialty.max(13))
    } else {
        0
    };
    let name_columns = spare
        .saturating_sub(if wide { specialty_columns + 1 } else { 0 })
        .max(8);
    spans.push(column(&clean_line(&program.name), name_columns, text));
    spans.push(Span::raw(" "));
    if tracking {
        let score = app.session.plan.profile.step2_score;
        spans.push(column(
            &tracking_cells::row_cells(program, score),
            tracking_cells::ROW_CELLS,
            theme.dim,
        ));
        spans.push(Span::raw(" "));
    }
    spans.push(column(
        program.state.as_deref().unwrap_or("--"),
        3,
        theme.dim,
    ));
    spans.push(Span::raw(" "));
    if wide {
        let specialty = program
            .specialty
            .as_deref()
            .map(clean_line)
            .unwrap_or_default();
        spans.push(column(&specialty, specialty_columns, theme.dim));
        spans.push(Span::raw(" "));
    }
    spans.push(column(program.visa.label(), 12, fit_style));
    if rank.is_none() {
        spans.push(Span::raw(" "));
        spans.push(column(program.status.label(), status_width, text));
    }
    Line::from(spans)
}

/// Columns of a program line besides its name and specialty: place, fit, state, visa, status.
pub(crate) const PROGRAM_FIXED_COLUMNS: usize = 5 + 2 + 1 + 3 + 1 + 12 + 1 + 17;

/// The widest status label among the plan's programs ("interviewed"), at least "status".
fn longest_status(app: &App) -> usize {
    app.session
        .plan
        .programs
        .iter()
        .map(|p| crate::text::width(p.status.label()))
        .max()
        .unwrap_or(0)
        .max(6)
}

/// The widest program name and specialty of the plan, for sizing the list's columns.
pub(crate) fn longest_name_and_specialty(app: &App) -> (usize, usize) {
    let programs = &app.session.plan.programs;
    let longest = |text: fn(&crate::programs::Program) -> Option<&str>| {
        programs
            .iter()
            .filter_map(|p| text(p).map(|t| crate::text::width(&clean_line(t))))
            .max()
            .unwrap_or(0)
    };
    (
        longest(|p| Some(p.name.as_str())),
        longest(|p| p.specialty.as_deref()),
    )
}

/// The details of the selected program: what it is, whether its visa stance fits, what it asks
/// for against what the user has, and where it stands.
pub(crate) fn detail_lines(
    app: &App,
    id: crate::ids::ProgramId,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(program) = app.session.plan.program(id) else {
        return vec![Line::raw(format!("Unknown program {id}"))];
    };
    let mut lines = vec![Line::styled(clean_line(&program.name), theme.title)];
    let mut facts = Vec::new();
    if let Some(state) = &program.state {
        facts.push(state.clone());
    }
    if let Some(specialty) = &program.specialty {
        facts.push(clean_line(specialty));
    }
    facts.push(format!("via {}", program.service.label()));
    if let Some(code) = &program.nrmp_code {
        facts.push(format!("NRMP {code}"));
    }
    lines.push(Line::styled(facts.join(" · "), theme.dim));
    let status = match app.rank_of(id) {
        Some(place) => format!("Status: ranked #{place}"),
        None => format!("Status: {}", program.status),
    };
    lines.push(Line::raw(status));
    if let Some(date) = program.interview {
        let days = (date - app.today).num_days();
        let when = if days < 0 {
            format!("{} days ago", -days)
        } else {
            countdown(days)
        };
        lines.push(Line::raw(format!("Interview: {date} ({when})")));
    }
    lines.extend(fit_and_requirement_lines(app, program, theme));
    for warning in app
        .session
        .snapshot
        .warnings
        .iter()
        .filter(|w| w.subject == crate::insights::Subject::Program(id))
    {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("! {}", clean_line(&warning.message)),
            theme.warning,
        ));
    }
    lines.extend(super::program_tracking::lines(
        &app.session.plan.programs,
        program,
        theme,
    ));
    if let Some(note) = &program.note {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Note", theme.heading));
        lines.push(Line::raw(clean_line(note)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Enter edits · s next status · r ranks · d interview date · c note · x deletes",
        theme.dim,
    ));
    lines
}

/// Each recorded requirement with whether the plan meets it (`None` when it cannot tell).
fn requirement_checks(app: &App, program: &Program) -> Vec<(Option<bool>, String)> {
    let r = &program.requirements;
    let mut checks = Vec::new();
    if let Some(min) = r.min_step2_score {
        checks.push(match app.session.plan.profile.step2_score {
            Some(score) => (
                Some(score >= min),
                format!("Step 2 CK ≥ {min} (yours: {score})"),
            ),
            None => (
                None,
                format!("Step 2 CK ≥ {min} (your score is not in the profile: p)"),
            ),
        });
    }
    if let Some(years) = r.max_years_since_graduation {
        let start = app
            .session
            .snapshot
            .calendar
            .get(crate::journey::Anchor::TrainingStart)
            .map(|d| d.date);
        checks.push(match (app.session.plan.profile.graduation, start) {
            // Programs count years from the year of graduation to the year training starts
            // (see `dates::years_since_graduation`); the exact time is shown beside it.
            (Some(graduation), Some(start)) => {
                match crate::dates::years_since_graduation(graduation.date, start) {
                    Some(since) => (
                        Some(since.counted <= i32::from(years)),
                        format!(
                            "≤ {years} years since graduation (yours at the start of training: {} by year of graduation, {} exactly)",
                            since.counted,
                            since.exact()
                        ),
                    ),
                    None => (
                        Some(true),
                        format!("≤ {years} years since graduation (you graduate before training starts)"),
                    ),
                }
            }
            _ => (
                None,
                format!("≤ {years} years since graduation (graduation not in the profile: p)"),
            ),
        });
    }
    if let Some(months) = r.usce_months {
        let done = app.session.snapshot.usce.hands_on_months_done();
        checks.push((
            Some(done >= i64::from(months)),
            format!("{months} months of USCE (your hands-on so far: {done})"),
        ));
    }
    if r.step3_before_rank {
        let step3 = app.session.snapshot.task(&app.template.trackers.step3_task);
        let text = match step3 {
            Some(task) if task.status == crate::plan::Status::Done => {
                "Step 3 passed before ranking (yours: done)".to_owned()
            }
            Some(task) => match &task.due {
                Some(due) => format!(
                    "Step 3 passed before ranking (yours: not yet, planned {})",
                    due.date
                ),
                None => "Step 3 passed before ranking (yours has no date)".to_owned(),
            },
            None => "Step 3 passed before ranking".to_owned(),
        };
        // Passed is a tick; planned in time cannot be told yet; planned too late is a cross.
        let met = step3.and_then(|t| {
            if t.status == crate::plan::Status::Done {
                return Some(true);
            }
            let late = app
                .session
                .snapshot
                .calendar
                .get(crate::journey::Anchor::RolDeadline)
                .zip(t.due.as_ref())
                .is_none_or(|(deadline, due)| due.date > deadline.date);
            late.then_some(false)
        });
        checks.push((met, text));
    }
    checks
}

/// Whether the program fits the visa choice, and what it asks for against the profile.
fn fit_and_requirement_lines(
    app: &App,
    program: &crate::programs::Program,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let choice = app.session.plan.profile.visa;
    let mut lines = Vec::new();
    lines.push(Line::raw(""));
    lines.push(Line::styled("Visa", theme.heading));
    match programs::fit_reason(program.visa, choice) {
        None => lines.push(Line::raw(format!(
            "{} · fits your choice ({choice})",
            program.visa.label()
        ))),
        Some(reason) => lines.push(Line::styled(
            format!("{} {reason}", program.fit(choice).glyph()),
            if program.fit(choice) == Fit::Misfit {
                theme.overdue
            } else {
                theme.soon
            },
        )),
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("Asks for", theme.heading));
    if program.requirements.is_empty() {
        lines.push(Line::styled(
            "Nothing recorded (Enter edits the program).",
            theme.dim,
        ));
    }
    for (met, text) in requirement_checks(app, program) {
        let (mark, style) = match met {
            Some(true) => ("✓", theme.done),
            Some(false) => ("✗", theme.overdue),
            None => ("·", theme.dim),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::raw(text),
        ]));
    }
    lines
}
