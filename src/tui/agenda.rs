//! The Agenda's rows: every dated thing of the plan in date order — tasks, season dates,
//! interviews, rotations and the letters they lead to — split at a "today" line into what is
//! behind (done tasks on the day they were done, passed dates) and what is ahead (open tasks,
//! with overdue and start-now ones first, then letters still awaited after their rotation ended:
//! to chase, not behind). `f` shows open things only.

use chrono::NaiveDate;

use super::app::{App, Row};
use crate::ids::{ProgramId, RotationId};
use crate::journey::Anchor;
use crate::plan::Status;
use crate::usce::LetterState;

/// A dated entry of the Agenda that is not a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AgendaItem {
    /// A season date (ERAS opens, the rank order list deadline, Match Day…).
    Season(Anchor),
    /// A program's interview.
    Interview(ProgramId),
    /// A rotation's first day.
    RotationStart(RotationId),
    /// A rotation's last day, when its letter is still to ask for or to come.
    Letter(RotationId),
}

/// The Agenda's entries in their parts, each in date order.
#[derive(Debug, Default)]
struct Parts {
    /// Done and passed, by the day they happened.
    past: Vec<(NaiveDate, Entry)>,
    /// Open, ahead.
    ahead: Vec<(NaiveDate, Entry)>,
    overdue: Vec<(NaiveDate, Entry)>,
    start_now: Vec<(NaiveDate, Entry)>,
    /// Letters still awaited after their rotation ended: open, to chase.
    chase: Vec<(NaiveDate, Entry)>,
}

/// One dated line: a task or another item.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Task(crate::ids::TaskId),
    Item(AgendaItem),
}

impl App {
    pub(crate) fn agenda_rows(&self) -> Vec<Row> {
        let open_only = self.prefs.agenda_open_only;
        let Parts {
            past,
            ahead,
            overdue,
            start_now,
            chase,
        } = self.agenda_entries();
        let mut rows = Vec::new();
        if !open_only && !past.is_empty() {
            rows.push(Row::Heading("Behind you".into()));
            push_by_month(&mut rows, past);
        }
        rows.push(Row::Heading(format!(
            "── Today · {} ──",
            self.today.format("%a %-d %b %Y")
        )));
        if !overdue.is_empty() {
            rows.push(Row::Heading(format!("Overdue ({})", overdue.len())));
            rows.extend(overdue.into_iter().map(|(_, e)| entry_row(e)));
        }
        if !start_now.is_empty() {
            rows.push(Row::Heading(format!("Start now ({})", start_now.len())));
            rows.extend(start_now.into_iter().map(|(_, e)| entry_row(e)));
        }
        if !chase.is_empty() {
            rows.push(Row::Heading(format!("Letters to chase ({})", chase.len())));
            rows.extend(chase.into_iter().map(|(_, e)| entry_row(e)));
        }
        if ahead.is_empty() {
            rows.push(Row::Note("Nothing dated ahead.".into()));
        }
        push_by_month(&mut rows, ahead);
        rows
    }

    /// Every dated entry in its part, each part sorted by date.
    fn agenda_entries(&self) -> Parts {
        let today = self.today;
        let Parts {
            mut past,
            mut ahead,
            mut overdue,
            mut start_now,
            mut chase,
        } = Parts::default();
        for task in &self.session.snapshot.tasks {
            let entry = Entry::Task(task.id.clone());
            let due = task.due.as_ref().map(|d| d.date);
            let behind = task.behind.is_some();
            match task.status {
                Status::Done => past.extend(task.calendar_day(today).map(|day| (day, entry))),
                // Behind the user with no day of its own: not on the Agenda (its list shows it).
                Status::Todo | Status::Doing if behind => {}
                Status::Skipped => {
                    if let Some(day) = due.filter(|d| *d < today) {
                        past.push((day, entry));
                    }
                }
                Status::Todo | Status::Doing => match due {
                    Some(day) if task.starts_now() => start_now.push((day, entry)),
                    Some(day) if day < today => overdue.push((day, entry)),
                    Some(day) => ahead.push((day, entry)),
                    None => {}
                },
            }
        }
        for (day, item) in self.dated_items() {
            let awaited = match item {
                AgendaItem::Letter(id) => crate::letters::letter_awaited(&self.session.plan, id),
                _ => false,
            };
            if day < today && awaited {
                chase.push((day, Entry::Item(item)));
            } else if day < today {
                past.push((day, Entry::Item(item)));
            } else {
                ahead.push((day, Entry::Item(item)));
            }
        }
        for list in [
            &mut past,
            &mut ahead,
            &mut overdue,
            &mut start_now,
            &mut chase,
        ] {
            list.sort_by_key(|entry| entry.0);
        }
        Parts {
            past,
            ahead,
            overdue,
            start_now,
            chase,
        }
    }

    /// Season dates, interviews, rotations and letters with their dates.
    fn dated_items(&self) -> Vec<(NaiveDate, AgendaItem)> {
        let plan = &self.session.plan;
        let mut items: Vec<(NaiveDate, AgendaItem)> = self
            .session
            .snapshot
            .calendar
            .season_dates()
            .map(|(anchor, dated)| (dated.date, AgendaItem::Season(anchor)))
            .collect();
        items.extend(
            plan.programs
                .iter()
                .filter_map(|p| Some((p.interview?, AgendaItem::Interview(p.id)))),
        );
        for rotation in &plan.rotations {
            items.push((rotation.start, AgendaItem::RotationStart(rotation.id)));
            // The time to ask for a letter is before the rotation ends; once it is uploaded
            // there is nothing left to date.
            if crate::letters::letter_awaited(plan, rotation.id)
                || rotation.letter == LetterState::NotRequested
            {
                items.push((rotation.end, AgendaItem::Letter(rotation.id)));
            }
        }
        items
    }
}

impl App {
    /// The first row after the "today" line: where the Agenda opens, so what is ahead shows
    /// first and the past is one `k` away.
    pub(crate) fn agenda_today_row(&self, rows: &[Row]) -> Option<usize> {
        let today = rows
            .iter()
            .position(|row| matches!(row, Row::Heading(text) if text.starts_with("── Today")))?;
        rows.iter()
            .enumerate()
            .skip(today)
            .find(|(_, row)| row.selectable())
            .map(|(index, _)| index)
    }
}

fn entry_row(entry: Entry) -> Row {
    match entry {
        Entry::Task(id) => Row::Task(id),
        Entry::Item(item) => Row::Agenda(item),
    }
}

/// Entries under a heading per month ("March 2027").
fn push_by_month(rows: &mut Vec<Row>, entries: Vec<(NaiveDate, Entry)>) {
    let mut month = None;
    for (date, entry) in entries {
        let this_month = date.format("%B %Y").to_string();
        if month.as_ref() != Some(&this_month) {
            rows.push(Row::Heading(this_month.clone()));
            month = Some(this_month);
        }
        rows.push(entry_row(entry));
    }
}
