//! `imgplan tasks` and `imgplan set`: listing and changing tasks.

use super::*;

/// Finds a stage by id or short name, case-insensitively.
pub(super) fn find_stage<'a>(template: &'a Template, wanted: &str) -> Result<&'a str, Failure> {
    let wanted = wanted.trim().to_lowercase();
    template
        .stages
        .iter()
        .find(|s| s.id.to_lowercase() == wanted || s.short.to_lowercase() == wanted)
        .map(|s| s.id.as_str())
        .ok_or_else(|| {
            Failure::new(format!(
                "no stage called {:?}; stages: {}",
                clean_line(&wanted),
                template
                    .stages
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

pub(super) fn tasks(ctx: &Context, args: &TasksArgs, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    let stage = args
        .stage
        .as_deref()
        .map(|s| find_stage(&ctx.template, s))
        .transpose()?;
    let state = args.state.map(Status::from);
    let rows: Vec<_> = snapshot
        .tasks
        .iter()
        .filter(|t| stage.is_none_or(|s| t.stage == s))
        .filter(|t| state.is_none_or(|s| t.status == s))
        .filter(|t| {
            args.due_within.is_none_or(|days| {
                !t.is_settled()
                    && t.days_left(ctx.today)
                        .is_some_and(|left| left <= i64::from(days))
            })
        })
        .collect();
    let id_width = rows
        .iter()
        .map(|t| crate::text::width(&t.id))
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{} {} {} TITLE",
        pad("ID", id_width),
        pad("STATE", 7),
        pad("DUE", 10),
    )?;
    for task in &rows {
        let due = task
            .due
            .as_ref()
            .map_or_else(|| "-".to_owned(), |d| d.date.to_string());
        let flag = if task.is_overdue(ctx.today) {
            " (overdue)".to_owned()
        } else if task.starts_now() {
            " (start now)".to_owned()
        } else if let Some(done) = task.behind.as_ref().and_then(|id| snapshot.task(id)) {
            format!(" ({})", crate::wording::behind_you(&done.title))
        } else if let (Status::Done, Some(done)) = (task.status, task.done_on) {
            format!(" (done {done})")
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} {} {} {}{flag}",
            pad(&clean_line(&task.id), id_width),
            pad(task.status.label(), 7),
            pad(&due, 10),
            clean_line(&task.title)
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "(no tasks match)")?;
    }
    if !saved && io::stderr().is_terminal() {
        eprintln!("{}", ctx.not_saved_note());
    }
    Ok(())
}

pub(super) fn set(ctx: &Context, args: &SetArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.state.is_none() && args.due.is_none() && args.note.is_none() && args.done_on.is_none() {
        return Err(Failure::new(
            "nothing to change: give --state, --due, --done-on or --note (see `imgplan set --help`)",
        ));
    }
    let done_on = match &args.done_on {
        Some(text) => Some(parse_date(text.trim()).map_err(Failure::usage)?),
        None => None,
    };
    ctx.lock("set")?;
    let (mut plan, saved) = ctx.load_or_default()?;
    let template = &ctx.template;
    let id = args.id.trim();
    if let Some(state) = args.state {
        plan.set_status(template, id, state.into(), ctx.today)?;
    }
    if let Some(due) = &args.due {
        let due = match due.trim() {
            "rule" | "" => None,
            text => Some(parse_date(text).map_err(Failure::usage)?),
        };
        plan.set_due(template, id, due)?;
    }
    if let Some(note) = &args.note {
        plan.set_note(template, id, note)?;
    }
    if let Some(done_on) = done_on {
        plan.set_done_on(template, id, done_on, ctx.today)
            .map_err(|err| Failure::usage(err.to_string()))?;
    }
    ctx.save_saying_where(&plan, saved, out)?;
    let snapshot = Snapshot::build(template, &plan, ctx.today);
    match snapshot.task(id) {
        Some(task) => {
            let due = task.due.as_ref().map_or_else(
                || "no date".to_owned(),
                |d| format!("due {} ({})", d.date, d.origin),
            );
            let done = task
                .done_on
                .filter(|_| task.status == Status::Done)
                .map(|d| format!(" on {d}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{} {}: {}{done}, {due}",
                task.status.checkbox(),
                clean_line(&task.id),
                task.status
            )?;
        }
        None => writeln!(
            out,
            "Saved {} (it does not apply to your visa choice, so it is hidden from lists).",
            clean_line(id)
        )?,
    }
    for warning in snapshot.warnings.iter().filter(|w| w.task() == Some(id)) {
        writeln!(out, "warning: {}", clean_line(&warning.message))?;
    }
    Ok(())
}
