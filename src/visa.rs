//! What a visa choice means for a plan: which tasks it brings in or leaves out, and which dates
//! it makes matter. The comparison itself is template data ([`crate::journey::VisaComparison`]).
//!
//! Never a statement of eligibility: the planner lists what the sources say each visa needs and
//! the user's own dates, and says plainly that eligibility is for ECFMG, the program and a lawyer.

use chrono::NaiveDate;
use serde::Serialize;

use crate::insights::Snapshot;
use crate::journey::{Template, VisaChoice};
use crate::situation::{Route, Severity};

/// Said wherever the visa choice is discussed.
pub const NOT_ADVICE: &str = "imgplan cannot tell whether you are eligible for a visa: confirm with ECFMG, your programs and an immigration lawyer.";

/// One consequence of the choice for this plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Implication {
    pub text: String,
    /// The date it is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The task it is about, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    /// Set when it comes from a situation rule (an entry restriction or the H-1B payment) about
    /// the user's citizenship or whereabouts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub situation: Option<Severity>,
}

/// Whether a visa choice keeps a route open: undecided and a preference keep both visas, and
/// every choice but "not needed" may still need visitor visas.
pub fn route_open(choice: VisaChoice, route: Route) -> bool {
    let both = matches!(
        choice,
        VisaChoice::Undecided | VisaChoice::H1bPreferred | VisaChoice::J1Preferred
    );
    match route {
        Route::J1 => both || choice == VisaChoice::J1,
        Route::H1b => both || choice == VisaChoice::H1b,
        Route::Visitor => choice != VisaChoice::NotNeeded,
    }
}

/// What the plan's current visa choice implies: its own tasks with their dates, the timing checks
/// it adds, and how many tasks it leaves out.
pub fn implications(
    template: &Template,
    snapshot: &Snapshot,
    choice: VisaChoice,
) -> Vec<Implication> {
    if matches!(choice, VisaChoice::H1bPreferred | VisaChoice::J1Preferred) {
        return preference_implications(template, snapshot, choice);
    }
    let mut out = choice_tasks(template, snapshot, choice);
    out.extend(check_deadlines(template, snapshot, choice));
    out.extend(situation_notes(template, snapshot, choice));
    // Dated consequences in calendar order, after the summary line.
    if out.len() > 1 {
        out[1..].sort_by_key(|i| (i.date.is_none(), i.date));
    }
    out
}

/// The summary line for the choice, then the tasks it brings in (or asks to decide).
fn choice_tasks(template: &Template, snapshot: &Snapshot, choice: VisaChoice) -> Vec<Implication> {
    let mut out = Vec::new();
    let specific = |visas: &[VisaChoice]| {
        // Specific: named for this visa and at most one other choice (a list of three names
        // every situation that needs this visa, which is not news for this choice).
        !visas.is_empty() && visas.contains(&choice) && visas.len() < 3
    };
    match choice {
        VisaChoice::NotNeeded => out.push(Implication {
            text: "No visa tasks are shown, and programs' visa stances are not checked.".into(),
            date: None,
            task: None,
            situation: None,
        }),
        VisaChoice::Undecided => {
            let both = template
                .tasks
                .iter()
                .filter(|t| t.applies_to(VisaChoice::J1) != t.applies_to(VisaChoice::H1b))
                .count();
            out.push(Implication {
                text: format!(
                    "Tasks for both J-1 and H-1B are shown ({both} that only one visa needs); choosing leaves the other visa's out."
                ),
                date: None,
                task: None,
                situation: None,
            });
            for task in template
                .tasks
                .iter()
                .filter(|t| t.visas == [VisaChoice::Undecided])
            {
                if let Some(view) = snapshot.task(&task.id) {
                    out.push(Implication {
                        text: format!("Decide: {}", view.title),
                        date: view.due.as_ref().map(|d| d.date),
                        task: Some(view.id.to_string()),
                        situation: None,
                    });
                }
            }
        }
        // A preference has its own grouped list (`preference_implications`).
        VisaChoice::H1bPreferred | VisaChoice::J1Preferred => {}
        VisaChoice::J1 | VisaChoice::H1b => {
            let hidden = template
                .tasks
                .iter()
                .filter(|t| t.applies_to(VisaChoice::Undecided) && !t.applies_to(choice))
                .count();
            out.push(Implication {
                text: format!(
                    "Choosing {choice} hides {hidden} tasks only the other visa needs, and brings these:"
                ),
                date: None,
                task: None,
                situation: None,
            });
            for task in template.tasks.iter().filter(|t| specific(&t.visas)) {
                if let Some(view) = snapshot.task(&task.id) {
                    out.push(Implication {
                        text: view.title.clone(),
                        date: view.due.as_ref().map(|d| d.date),
                        task: Some(view.id.to_string()),
                        situation: None,
                    });
                }
            }
        }
    }
    out
}

/// What a preference means: both visas' tasks stay, the preferred visa's timing checks apply,
/// and programs taking only the other visa are marked `~`, not misfits. Then each visa's own
/// tasks under a line naming it: the preferred visa's (with its timing checks) first, then the
/// acceptable one's, each group in date order, and last what the entry rules say.
fn preference_implications(
    template: &Template,
    snapshot: &Snapshot,
    choice: VisaChoice,
) -> Vec<Implication> {
    let preferred = choice.preferred();
    let acceptable = choice.acceptable().unwrap_or(VisaChoice::Undecided);
    let kept = template
        .tasks
        .iter()
        .filter(|t| t.applies_to(acceptable) && !t.applies_to(preferred) && t.applies_to(choice))
        .count();
    let line = |text: String| Implication {
        text,
        date: None,
        task: None,
        situation: None,
    };
    let mut out = vec![line(format!(
        "You prefer {preferred} and accept {acceptable}: which you get depends on the program that matches you, so tasks for both are shown ({kept} only {acceptable} needs), the timing checks follow {preferred}, and programs taking only {acceptable} are marked ~ (acceptable), not misfits."
    ))];
    let mut first = only_tasks(template, snapshot, preferred, acceptable);
    first.extend(check_deadlines(template, snapshot, choice));
    first.sort_by_key(|i| (i.date.is_none(), i.date));
    out.push(line(format!("{preferred} (preferred) needs:")));
    out.extend(first);
    let mut second = only_tasks(template, snapshot, acceptable, preferred);
    second.sort_by_key(|i| (i.date.is_none(), i.date));
    if !second.is_empty() {
        out.push(line(format!(
            "{acceptable} (acceptable) needs, if the program that matches you takes only {acceptable}:"
        )));
        out.extend(second);
    }
    out.extend(situation_notes(template, snapshot, choice));
    out
}

/// The plan's tasks named for `visa` and not for `other`.
fn only_tasks(
    template: &Template,
    snapshot: &Snapshot,
    visa: VisaChoice,
    other: VisaChoice,
) -> Vec<Implication> {
    template
        .tasks
        .iter()
        .filter(|t| !t.visas.is_empty() && t.visas.contains(&visa) && !t.visas.contains(&other))
        .filter_map(|task| snapshot.task(&task.id))
        .map(|view| Implication {
            text: view.title.clone(),
            date: view.due.as_ref().map(|d| d.date),
            task: Some(view.id.to_string()),
            situation: None,
        })
        .collect()
}

/// The timing checks the choice adds, with the date each is due by.
fn check_deadlines(
    template: &Template,
    snapshot: &Snapshot,
    choice: VisaChoice,
) -> Vec<Implication> {
    let mut out = Vec::new();
    for check in template
        .checks
        .iter()
        .filter(|c| !c.visas.is_empty() && choice.is_in(&c.visas))
    {
        let by = snapshot.calendar.resolve(check.by);
        let title = snapshot
            .task(&check.task)
            .map_or(check.task.as_str(), |t| t.title.as_str());
        out.push(Implication {
            text: format!("Deadline for \"{title}\": {}", check.message),
            date: by.map(|d| d.date),
            task: Some(check.task.clone()),
            situation: None,
        });
    }
    out
}

/// What the entry restrictions and the H-1B payment say about this user, for the routes the
/// choice keeps open.
fn situation_notes(
    template: &Template,
    snapshot: &Snapshot,
    choice: VisaChoice,
) -> Vec<Implication> {
    let mut out = Vec::new();
    let routes = &template.situation.route_tasks;
    for note in &snapshot.situation {
        let task = match note.route {
            Route::J1 => &routes.j1,
            Route::H1b => &routes.h1b,
            Route::Visitor => &routes.visitor,
        };
        if route_open(choice, note.route) {
            // No date: a rule in force is not a deadline to count down to (its date is in the
            // text).
            out.push(Implication {
                text: format!("{}: {}", note.route.label(), note.message),
                date: None,
                task: snapshot.task(task).map(|t| t.id.to_string()),
                situation: Some(note.severity),
            });
        }
    }
    out
}
