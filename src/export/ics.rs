//! The plan as an iCalendar file (RFC 5545) for phone and desktop calendars.
//!
//! One all-day event per dated task, per interview and per logged rotation. Decisions, so that
//! a calendar keeps the events in step with the plan:
//!
//! - **Stable UIDs**: `task-<task id>@imgplan`, `interview-<program id>@imgplan` and
//!   `rotation-<rotation id>@imgplan`. Importing a newer export updates the same events instead
//!   of adding copies; ids never depend on dates, titles or the Match year.
//!   `LAST-MODIFIED` is the export time and `SEQUENCE` grows with it (minutes since 2000), so
//!   calendars that compare revisions take the newer file's version.
//! - **Reminders** (VALARM, `DISPLAY`) at 09:00 local time a number of days before each open
//!   task, interview and rotation start (default 14 and 3). Closed tasks get none, and neither
//!   does a reminder whose day has already passed (an overdue task has no reminder ringing in
//!   the past).
//! - **State**: an estimated date (or one planned from an estimate) makes an open task's event
//!   `TENTATIVE`, a published or user-set date `CONFIRMED`; a skipped task is `CANCELLED` and a done one is titled
//!   "[done] …" and sits on the day it was done. Events are `TRANSPARENT` (a deadline does not make the user busy).
//! - A calendar with no event is refused ([`ExportError::EmptyCalendar`]): RFC 5545 wants at
//!   least one component, and calendars reject an empty file.
//! - **Text** is cleaned of control characters, escaped (`\\`, `;`, `,`, newlines), folded at
//!   75 octets without splitting a UTF-8 character, and every line ends in CRLF.
//! - `DTSTAMP` is the export time in UTC, passed in by the caller so output can be reproduced.

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::export::{ExportError, ExportOptions};
use crate::insights::{Snapshot, TaskView};
use crate::journey::Template;
use crate::plan::{Plan, Status};
use crate::programs::ProgramStatus;
use crate::text::clean_line;
use crate::wording::countdown;

/// Reminder days used when the user names none.
pub(crate) const DEFAULT_ALARM_DAYS: [u32; 2] = [14, 3];

/// Longest reminder lead the planner accepts, in days.
pub(crate) const MAX_ALARM_DAYS: u32 = 365;

/// Most reminders per event.
pub(crate) const MAX_ALARMS: usize = 5;

/// RFC 5545 §3.1: lines longer than this many octets are folded.
const FOLD_OCTETS: usize = 75;

/// Reads reminder days as the user types them: "14, 3", "14 3", "7", or "none"/"" for none.
pub(crate) fn parse_alarm_days(text: &str) -> Result<Vec<u32>, String> {
    let text = text.trim();
    if text.is_empty() || text.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let mut days = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let day: u32 = part.parse().map_err(|_| {
            format!(
                "{:?} is not a number of days: write them like \"14, 3\", or \"none\"",
                clean_line(part)
            )
        })?;
        if day > MAX_ALARM_DAYS {
            return Err(format!(
                "{day} days is more than a year ahead: at most {MAX_ALARM_DAYS}"
            ));
        }
        days.push(day);
    }
    days.sort_unstable_by(|a, b| b.cmp(a));
    days.dedup();
    if days.len() > MAX_ALARMS {
        return Err(format!("at most {MAX_ALARMS} reminders per event"));
    }
    Ok(days)
}

/// "14, 3" or "none": the reminder days as the planner shows them.
pub(crate) fn alarm_days_label(days: &[u32]) -> String {
    if days.is_empty() {
        "none".to_owned()
    } else {
        days.iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The whole calendar, stamped with `stamp` (UTC).
pub(crate) fn calendar(
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    options: &ExportOptions,
    stamp: NaiveDateTime,
) -> Result<String, ExportError> {
    let events = events(template, plan, snapshot, options);
    if events.is_empty() {
        return Err(ExportError::EmptyCalendar {
            open_only: options.open_only,
        });
    }
    let mut ics = Writer::default();
    ics.line("BEGIN:VCALENDAR");
    ics.line("VERSION:2.0");
    ics.line(&format!(
        "PRODID:-//imgplan//imgplan {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    ics.line("CALSCALE:GREGORIAN");
    ics.line("METHOD:PUBLISH");
    let name = match plan.profile.name.as_deref().map(clean_line) {
        Some(name) if !name.is_empty() => {
            format!("imgplan: {name}, {} Match", plan.profile.match_year)
        }
        _ => format!("imgplan: {} Match", plan.profile.match_year),
    };
    ics.property("X-WR-CALNAME", &escape(&name));
    let revision = Revision::at(stamp);
    for event in &events {
        event.write(&mut ics, &options.alarm_days, snapshot.today, &revision);
    }
    ics.line("END:VCALENDAR");
    Ok(ics.out)
}

/// The export time as the calendar writes it.
struct Revision {
    stamp: String,
    sequence: i64,
}

impl Revision {
    fn at(stamp: NaiveDateTime) -> Revision {
        let epoch = NaiveDate::from_ymd_opt(2000, 1, 1)
            .unwrap_or_default()
            .and_time(chrono::NaiveTime::MIN);
        Revision {
            stamp: stamp.format("%Y%m%dT%H%M%SZ").to_string(),
            sequence: (stamp - epoch).num_minutes().clamp(0, i64::from(i32::MAX)),
        }
    }
}

/// The plan's events: dated tasks, then interviews, then rotations.
fn events(
    template: &Template,
    plan: &Plan,
    snapshot: &Snapshot,
    options: &ExportOptions,
) -> Vec<Event> {
    let mut events = Vec::new();
    for task in &snapshot.tasks {
        let Some(due) = &task.due else { continue };
        if options.open_only && task.is_settled() {
            continue;
        }
        // A task behind the user has no day of its own and is not due: no event.
        let Some(day) = task.calendar_day(snapshot.today) else {
            continue;
        };
        events.push(Event {
            uid: format!("task-{}", task.id),
            start: day,
            end: day,
            summary: task_summary(task),
            description: task_description(template, task, snapshot.today),
            categories: vec![
                "imgplan".to_owned(),
                template
                    .stage(&task.stage)
                    .map_or_else(|| task.stage.clone(), |s| s.short.clone()),
            ],
            status: match task.status {
                Status::Skipped => "CANCELLED",
                Status::Todo | Status::Doing if due.is_tentative() => "TENTATIVE",
                _ => "CONFIRMED",
            },
            remind: !task.is_settled(),
        });
    }

    events.extend(plan.programs.iter().filter_map(interview_event));
    events.extend(plan.rotations.iter().map(rotation_event));
    events
}

fn task_summary(task: &TaskView) -> String {
    let title = clean_line(&task.title);
    match task.status {
        Status::Done => format!("[done] {title}"),
        Status::Skipped => format!("[skipped] {title}"),
        Status::Todo | Status::Doing => title,
    }
}

/// Stage, state, where the date comes from, why the task matters, the note and the sources.
fn task_description(template: &Template, task: &TaskView, today: NaiveDate) -> String {
    let stage = template
        .stage(&task.stage)
        .map_or_else(|| task.stage.clone(), |s| s.title.clone());
    let mut lines = vec![
        format!("Stage: {stage}"),
        format!("State: {}", task.status.label()),
    ];
    match (&task.due, task.status, task.done_on) {
        (Some(due), Status::Done, done_on) => {
            if let Some(done_on) = done_on {
                lines.push(format!("Done on: {done_on}"));
            }
            lines.push(format!("Was planned for: {}", due.date));
        }
        (Some(due), _, _) => {
            let origin = crate::wording::date_origin_line(template, due, task.rule);
            lines.push(format!("Date: {} ({origin})", due.date));
        }
        (None, _, _) => {}
    }
    let why = clean_line(&task.why);
    if !why.is_empty() {
        lines.push(String::new());
        lines.push(format!("Why: {why}"));
    }
    if let Some(note) = task
        .note
        .as_deref()
        .map(clean_line)
        .filter(|n| !n.is_empty())
    {
        lines.push(String::new());
        lines.push(format!("Note: {note}"));
    }
    let sources: Vec<String> = task
        .sources
        .iter()
        .filter_map(|id| template.source(id))
        .map(|s| {
            format!(
                "{}: {} ({}; {}) {}",
                s.publisher,
                s.title,
                s.season,
                crate::wording::source_status(template, s, today),
                clean_line(&s.url)
            )
        })
        .collect();
    if !sources.is_empty() {
        lines.push(String::new());
        lines.push("Sources:".to_owned());
        lines.extend(sources);
    }
    lines.push(String::new());
    lines.push("From imgplan: change the date or state in the planner, then export again.".into());
    lines.join("\n")
}

/// One all-day event, from `start` to `end` inclusive.
struct Event {
    uid: String,
    start: NaiveDate,
    end: NaiveDate,
    summary: String,
    description: String,
    categories: Vec<String>,
    status: &'static str,
    /// Whether reminders are wanted at all (not for a closed task).
    remind: bool,
}

impl Event {
    fn write(&self, ics: &mut Writer, alarm_days: &[u32], today: NaiveDate, revision: &Revision) {
        ics.line("BEGIN:VEVENT");
        ics.property("UID", &escape(&format!("{}@imgplan", self.uid)));
        ics.property("DTSTAMP", &revision.stamp);
        ics.property("LAST-MODIFIED", &revision.stamp);
        ics.property("SEQUENCE", &revision.sequence.to_string());
        ics.property("DTSTART;VALUE=DATE", &ics_date(self.start));
        // DTEND is exclusive: the day after the last day.
        let after = self.end.checked_add_days(Days::new(1)).unwrap_or(self.end);
        ics.property("DTEND;VALUE=DATE", &ics_date(after));
        ics.property("SUMMARY", &escape(&self.summary));
        ics.property("DESCRIPTION", &escape(&self.description));
        let categories: Vec<String> = self.categories.iter().map(|c| escape(c)).collect();
        ics.property("CATEGORIES", &categories.join(","));
        ics.property("STATUS", self.status);
        ics.property("TRANSP", "TRANSPARENT");
        let ringing = alarm_days.iter().filter(|days| {
            // Only reminders whose day is still ahead: none ringing in the past.
            self.remind
                && self
                    .start
                    .checked_sub_days(Days::new(u64::from(**days)))
                    .is_some_and(|day| day >= today)
        });
        for days in ringing {
            ics.line("BEGIN:VALARM");
            ics.property("ACTION", "DISPLAY");
            ics.property("TRIGGER", &trigger(*days));
            let when = countdown(i64::from(*days));
            ics.property("DESCRIPTION", &escape(&format!("{} {when}", self.summary)));
            ics.line("END:VALARM");
        }
        ics.line("END:VEVENT");
    }
}

/// A trigger at 09:00 local time, `days` before an all-day event (which starts at midnight).
fn trigger(days: u32) -> String {
    match days {
        0 => "PT9H".to_owned(),
        1 => "-PT15H".to_owned(),
        d => format!("-P{}DT15H", d - 1),
    }
}

fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// Escapes a TEXT value (RFC 5545 §3.3.11) after removing control characters.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        for c in clean_line(line).chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                ';' => out.push_str("\\;"),
                ',' => out.push_str("\\,"),
                c => out.push(c),
            }
        }
    }
    out
}

/// Collects content lines, folded and ended with CRLF.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn property(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    fn line(&mut self, line: &str) {
        fold_into(&mut self.out, line);
    }
}

/// Appends `line` folded at 75 octets (continuations start with one space) and CRLF.
fn fold_into(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let size = c.len_utf8();
        if used + size > FOLD_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += size;
    }
    out.push_str("\r\n");
}

/// An interview as an event; none for a program withdrawn from or rejected.
fn interview_event(program: &crate::programs::Program) -> Option<Event> {
    let date = program.interview?;
    if matches!(
        program.status,
        ProgramStatus::Withdrawn | ProgramStatus::Rejected
    ) {
        return None;
    }
    let mut description = vec![
        format!("Program: {}", clean_line(&program.name)),
        format!("Status: {}", program.status.label()),
        format!("Visa: {}", program.visa.label()),
    ];
    if let Some(code) = &program.nrmp_code {
        description.push(format!("NRMP code: {}", clean_line(code)));
    }
    if let Some(note) = program.note.as_deref().map(clean_line) {
        description.push(format!("Note: {note}"));
    }
    Some(Event {
        uid: format!("interview-{}", program.id),
        start: date,
        end: date,
        summary: format!("Interview: {}", clean_line(&program.name)),
        description: description.join("\n"),
        categories: vec!["imgplan".to_owned(), "Interview".to_owned()],
        status: "CONFIRMED",
        remind: true,
    })
}

/// A rotation as an event spanning its days.
fn rotation_event(rotation: &crate::usce::Rotation) -> Event {
    let mut description = vec![
        format!("Kind: {}", rotation.kind.label()),
        format!(
            "{} ({})",
            if rotation.hands_on {
                "Hands-on"
            } else {
                "Observing only"
            },
            rotation.length_label()
        ),
    ];
    if let Some(who) = rotation.supervisor.as_deref().map(clean_line) {
        description.push(format!("Supervisor: {who}"));
    }
    description.push(format!("Letter: {}", rotation.letter));
    if let Some(note) = rotation.note.as_deref().map(clean_line) {
        description.push(format!("Note: {note}"));
    }
    let specialty = rotation
        .specialty
        .as_deref()
        .map(|s| format!(" ({})", clean_line(s)))
        .unwrap_or_default();
    Event {
        uid: format!("rotation-{}", rotation.id),
        start: rotation.start,
        end: rotation.end,
        summary: format!(
            "{}: {}{specialty}",
            rotation.kind.label(),
            clean_line(&rotation.institution)
        ),
        description: description.join("\n"),
        categories: vec!["imgplan".to_owned(), "USCE".to_owned()],
        status: "CONFIRMED",
        remind: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alarm_days_read_as_typed() {
        assert_eq!(parse_alarm_days("14, 3"), Ok(vec![14, 3]));
        assert_eq!(parse_alarm_days("3 14 14"), Ok(vec![14, 3]));
        assert_eq!(parse_alarm_days(" none "), Ok(vec![]));
        assert_eq!(parse_alarm_days(""), Ok(vec![]));
        assert!(parse_alarm_days("two weeks").is_err());
        assert!(parse_alarm_days("400").is_err());
        assert!(parse_alarm_days("1,2,3,4,5,6").is_err());
        assert_eq!(alarm_days_label(&[14, 3]), "14, 3");
        assert_eq!(alarm_days_label(&[]), "none");
    }

    #[test]
    fn triggers_ring_at_nine_in_the_morning() {
        assert_eq!(trigger(0), "PT9H");
        assert_eq!(trigger(1), "-PT15H");
        assert_eq!(trigger(14), "-P13DT15H");
    }

    #[test]
    fn text_is_escaped_and_cleaned() {
        assert_eq!(escape("a,b;c\\d\ne\u{1b}[31m"), "a\\,b\\;c\\\\d\\ne[31m");
        assert!(!escape("x\u{7}y").contains('\u{7}'));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "é".repeat(60));
        fold_into(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }
}
