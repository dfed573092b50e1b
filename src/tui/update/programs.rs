//! The programs panel: the selected program's status, interview, note and rank, the filter
//! and the sort order. Every change goes through [`super::history::change`].

use super::forms::{open_form, reject};
use super::history::change;
use super::navigation::select;
use super::text::{open_field, optional_date, reject as reject_text};
use crate::ids::Item;
use crate::ids::ProgramId;
use crate::plan::{MAX_NOTE_CHARS, PlanError, checked_field};
use crate::programs::ProgramStatus;
use crate::text::clean_line;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, Panel, Row, TextPurpose, Tone};
use crate::tui::form::Form;

fn name(app: &App, id: ProgramId) -> String {
    app.session
        .plan
        .program(id)
        .map_or_else(|| format!("program {id}"), |p| clean_line(&p.name))
}

/// `a` in the programs panel.
pub(super) fn add(app: &mut App) {
    let specialty = app.session.plan.profile.specialty.clone();
    open_form(app, Form::new_program(specialty.as_deref()));
}

/// Enter on a program: its form.
pub(super) fn edit(app: &mut App, id: ProgramId) {
    let form = Form::program(app.session.plan.program(id));
    open_form(app, form);
}

/// `s`: the next application status; a ranked program leaves the rank list only with `r`.
pub(super) fn cycle_status(app: &mut App, id: ProgramId) -> Vec<Effect> {
    let Some(status) = app.session.plan.program(id).map(|p| p.status) else {
        return Vec::new();
    };
    if status == ProgramStatus::Ranked {
        app.say(
            "It is on the rank list: r takes it off first (Enter edits it).",
            Tone::Info,
        );
        return Vec::new();
    }
    let next = status.cycled();
    let name = name(app, id);
    change(app, format!("{name}: {next}"), |plan, _| {
        plan.set_program_status(id, next)
    })
}

/// `d`: the interview date.
pub(super) fn edit_interview(app: &mut App, id: ProgramId) {
    let Some(program) = app.session.plan.program(id) else {
        return;
    };
    let current = program.interview.map(|d| d.to_string()).unwrap_or_default();
    open_field(app, TextPurpose::InterviewDate { program: id }, current);
}

pub(super) fn edit_note(app: &mut App, id: ProgramId) {
    let Some(program) = app.session.plan.program(id) else {
        return;
    };
    let note = program.note.clone().unwrap_or_default();
    open_field(app, TextPurpose::ProgramNote { program: id }, note);
}

/// `x`: asks first.
pub(super) fn delete(app: &mut App, id: ProgramId) {
    let title = name(app, id);
    app.screen.mode = Mode::ConfirmDelete {
        target: Item::Program(id),
        title,
    };
}

/// The delete question answered yes.
pub(super) fn remove(app: &mut App, id: ProgramId, title: &str) -> Vec<Effect> {
    change(app, format!("Deleted program: {title}"), |plan, _| {
        plan.remove_program(id).map(|_| ())
    })
}

/// Said after ranking a program with no interview on record: NRMP's rule (source in the
/// template's "Build your rank order list" task).
const NOT_INTERVIEWED: &str = " · ! no interview recorded: NRMP says rank only programs that \
                               interviewed you (d sets the interview date)";

/// `r`: rank the program last, or take it off the rank list.
pub(super) fn rank(app: &mut App, id: ProgramId) -> Vec<Effect> {
    let Some(program) = app.session.plan.program(id) else {
        return Vec::new();
    };
    let ranked = program.status == ProgramStatus::Ranked;
    let uninterviewed = !program.interview_on_record();
    let name = name(app, id);
    let (status, what) = if ranked {
        (
            ProgramStatus::Interviewed,
            format!("Off the rank list: {name} (back to interviewed)"),
        )
    } else if uninterviewed {
        // Ranking stays possible (the interview may just not be recorded yet), but NRMP's rule
        // is said where it matters: a program ranks only applicants it interviewed.
        (
            ProgramStatus::Ranked,
            format!("Ranked last: {name}{NOT_INTERVIEWED}"),
        )
    } else {
        (ProgramStatus::Ranked, format!("Ranked last: {name}"))
    };
    // The cursor stays on the program just ranked (or unranked) in the programs list, so
    // r, j, r … ranks programs one after another: ranking adds a row above it, which must not
    // leave the cursor on the program before.
    let effects = change(app, what, |plan, _| plan.set_program_status(id, status));
    if app.current_panel() == Panel::Programs {
        let rows = app.rows(app.screen.panel);
        if let Some(row) = rows.iter().position(|r| *r == Row::Program(id)) {
            select(app, row);
        }
    }
    effects
}

/// `+`/`-`: one place up or down the rank list.
pub(super) fn move_rank(app: &mut App, id: ProgramId, up: bool) -> Vec<Effect> {
    let name = name(app, id);
    let mut place = 0;
    let effects = change(app, format!("Moved {name}"), |plan, _| {
        place = plan.move_rank(id, up).map_err(|err| match err {
            // The planner names the key that ranks it.
            PlanError::NotRanked(name) => {
                PlanError::Invalid(format!("{name} is not ranked; press r to rank it first"))
            }
            other => other,
        })?;
        Ok(())
    });
    if place > 0 {
        app.say(format!("{name} is now #{place}"), Tone::Info);
        follow(app, id);
    }
    effects
}

pub(super) fn open_filter(app: &mut App) {
    open_form(app, Form::filter(&app.prefs.program_filter));
}

pub(super) fn clear_filter(app: &mut App) {
    app.prefs.program_filter = Default::default();
    app.settle_all();
    app.say("Showing every program.", Tone::Info);
}

pub(super) fn next_sort(app: &mut App) {
    app.prefs.program_sort = app.prefs.program_sort.cycled();
    app.settle_all();
    app.say(
        format!("Programs sorted by {}", app.prefs.program_sort.label()),
        Tone::Info,
    );
}

/// Selects a program in the programs panel: in the rank list when ranked, else in the list.
pub(super) fn reveal(app: &mut App, id: ProgramId) {
    let panel = app.programs_panel();
    let find = |rows: &[Row]| {
        rows.iter()
            .position(|r| *r == Row::Ranked(id))
            .or_else(|| rows.iter().position(|r| *r == Row::Program(id)))
    };
    if find(&app.rows(panel)).is_none() && !app.prefs.program_filter.is_empty() {
        // Hidden by the filter: clear it rather than lose the program from sight.
        app.prefs.program_filter = Default::default();
        app.say("Filter cleared to show the program.", Tone::Info);
    }
    let found = find(&app.rows(panel));
    app.screen.panel = panel;
    if let Some(row) = found {
        select(app, row);
    }
}

/// Keeps the selection on a program after a change moved it (e.g. into the rank list).
fn follow(app: &mut App, id: ProgramId) {
    if app.current_panel() == Panel::Programs {
        reveal(app, id);
    }
}

/// Enter in the program form: add the program, or save the one edited.
pub(super) fn submit_form(app: &mut App, form: &Form, id: Option<ProgramId>) -> Vec<Effect> {
    let mut program = match form.to_program(id) {
        Ok(program) => program,
        Err((key, error)) => return reject(app, key, error),
    };
    // The form does not show her own columns: an edit keeps them.
    if let Some(existing) = id.and_then(|id| app.session.plan.program(id)) {
        program.extra = existing.extra.clone();
    }
    let name = clean_line(&program.name);
    // Ranked here from a status without an interview, and no interview date: say NRMP's rule.
    let before = id.and_then(|id| app.session.plan.program(id));
    let newly_ranked_uninterviewed = program.status == ProgramStatus::Ranked
        && program.interview.is_none()
        && before.is_none_or(|p| {
            !matches!(p.status, ProgramStatus::Ranked | ProgramStatus::Interviewed)
        });
    let warning = if newly_ranked_uninterviewed {
        NOT_INTERVIEWED
    } else {
        ""
    };
    app.screen.mode = Mode::Normal;
    let mut new_id = id;
    let effects = match id {
        None => change(app, format!("Added program: {name}{warning}"), |plan, _| {
            new_id = Some(plan.add_program(program)?);
            Ok(())
        }),
        Some(_) => change(app, format!("Program saved: {name}{warning}"), |plan, _| {
            plan.update_program(program)
        }),
    };
    if let Some(new_id) = new_id
        && app.session.plan.program(new_id).is_some()
    {
        reveal(app, new_id);
    }
    effects
}

/// Enter in the filter form.
pub(super) fn submit_filter(app: &mut App, form: &Form) -> Vec<Effect> {
    let mut filter = match form.to_filter() {
        Ok(filter) => filter,
        Err((key, error)) => return reject(app, key, error),
    };
    // The Step 2 CK cutoff filters compare with the profile's score as it is now.
    filter.step2_score = app.session.plan.profile.step2_score;
    app.screen.mode = Mode::Normal;
    let shown = crate::programs::select(
        &app.session.plan.programs,
        &filter,
        app.prefs.program_sort,
        app.session.plan.profile.visa,
    )
    .len();
    app.say(
        if filter.is_empty() {
            "Showing every program.".to_owned()
        } else {
            format!(
                "{} match: {} (F clears)",
                crate::text::count(shown, "program", "programs"),
                filter.describe()
            )
        },
        Tone::Info,
    );
    app.prefs.program_filter = filter;
    app.settle_all();
    Vec::new()
}

pub(super) fn submit_interview(app: &mut App, program: ProgramId, value: &str) -> Vec<Effect> {
    let date = match optional_date(value) {
        Ok(date) => date,
        Err(err) => return reject_text(app, err),
    };
    let name = name(app, program);
    app.screen.mode = Mode::Normal;
    let what = match date {
        Some(date) => format!("Interview {date}: {name}"),
        None => format!("Interview date cleared: {name}"),
    };
    change(app, what, |plan, _| {
        let mut updated = plan
            .program(program)
            .cloned()
            .ok_or(PlanError::UnknownProgram(program))?;
        updated.interview = date;
        plan.update_program(updated)
    })
}

pub(super) fn submit_note(app: &mut App, program: ProgramId, value: &str) -> Vec<Effect> {
    let name = name(app, program);
    let note = match checked_field(value, MAX_NOTE_CHARS, "the note") {
        Ok(note) => note,
        Err(err) => return reject_text(app, err.to_string()),
    };
    app.screen.mode = Mode::Normal;
    change(app, format!("Note saved: {name}"), |plan, _| {
        let mut updated = plan
            .program(program)
            .cloned()
            .ok_or(PlanError::UnknownProgram(program))?;
        updated.note = (!note.is_empty()).then_some(note);
        plan.update_program(updated)
    })
}
