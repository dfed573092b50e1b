//! Search everywhere: tasks (title, id, note and the names of their sources), programs (name,
//! state, specialty, note), rotations and their letters (institution, specialty, supervisor,
//! note), season dates, facts and the visa comparison. Each hit is a row in the panel that is
//! its home (a task in its stage, not again in the Agenda), so `n`/`N` walk across panels in
//! panel order and every message says where the hit lives.

use super::navigation::{restore_position, select};
use super::text::open_field;
use crate::journey::Template;
use crate::text::count;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode, Panel, Row, TextPurpose, Tone};

/// One match: the panel and the row it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Hit {
    panel: usize,
    row: usize,
}

/// `/`: the search field, remembering where the user was.
pub(super) fn open(app: &mut App) {
    let purpose = TextPurpose::Search {
        panel: app.screen.panel,
        cursor: app.cursor(),
    };
    open_field(app, purpose, String::new());
}

/// Enter in the search field: keep the match, or go back when nothing matches.
pub(super) fn submit(
    app: &mut App,
    panel: usize,
    cursor: crate::tui::app::Cursor,
    value: String,
) -> Vec<Effect> {
    app.screen.mode = Mode::Normal;
    if value.is_empty() {
        restore_position(app, panel, cursor);
        app.screen.search = None;
        return Vec::new();
    }
    let hits = hits(app, &value);
    app.screen.search = Some(value.clone());
    if hits.is_empty() {
        restore_position(app, panel, cursor);
        app.say(no_match(&value), Tone::Error);
    } else {
        app.say(
            format!("{} · n next, N previous", summary(app, &hits, &value)),
            Tone::Info,
        );
    }
    Vec::new()
}

fn no_match(query: &str) -> String {
    format!("No match for {:?}.", crate::text::clean_line(query))
}

/// "3 matches for "brook": Programs 2, USCE 1".
fn summary(app: &App, hits: &[Hit], query: &str) -> String {
    let mut per_panel: Vec<(usize, usize)> = Vec::new();
    for hit in hits {
        match per_panel.last_mut() {
            Some((panel, n)) if *panel == hit.panel => *n += 1,
            _ => per_panel.push((hit.panel, 1)),
        }
    }
    let places: Vec<String> = per_panel
        .iter()
        .map(|(panel, n)| format!("{} {n}", panel_name(app, *panel)))
        .collect();
    format!(
        "{} for {:?}: {}",
        count(hits.len(), "match", "matches"),
        crate::text::clean_line(query),
        places.join(", ")
    )
}

fn panel_name(app: &App, panel: usize) -> String {
    match app.panel_kind(panel) {
        Panel::Overview => "Overview".to_owned(),
        Panel::Stage(index) => app
            .template
            .stages
            .get(index)
            .map_or_else(String::new, |s| s.short.clone()),
        Panel::Programs => "Programs".to_owned(),
        Panel::Agenda => "Agenda".to_owned(),
        later => crate::tui::view::later::sidebar_entry(app, later).0,
    }
}

/// Every hit, in panel order then row order.
fn hits(app: &App, query: &str) -> Vec<Hit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for panel in 0..app.screen.cursors.len() {
        for (row, line) in app.rows(panel).iter().enumerate() {
            if searchable(app.panel_kind(panel), line)
                && row_text(app, line).to_lowercase().contains(&query)
            {
                hits.push(Hit { panel, row });
            }
        }
    }
    hits
}

/// Whether a row is where its item lives: tasks in their stage, programs in the programs list
/// (not again in the rank list), season dates in the overview; the Agenda only repeats.
fn searchable(panel: Panel, row: &Row) -> bool {
    match (panel, row) {
        // The Agenda and the Timeline only repeat what lives elsewhere; the Letters panel
        // repeats the rotations' letters, which live (and are edited) in the USCE panel.
        (Panel::Agenda | Panel::Timeline, _) | (Panel::Overview, Row::Task(_)) => false,
        (Panel::Letters, Row::Rotation(_)) => false,
        (Panel::Overview, row) => matches!(row, Row::Season(_)),
        (_, Row::Ranked(_) | Row::Heading(_) | Row::Note(_)) => false,
        (_, row) => row.selectable(),
    }
}

/// Everything a row can be found by.
fn row_text(app: &App, row: &Row) -> String {
    let plan = &app.session.plan;
    let template = &app.template;
    match row {
        Row::Task(id) => app
            .session
            .snapshot
            .task(id)
            .map_or_else(String::new, |task| {
                let mut text = vec![task.title.clone(), task.id.to_string()];
                text.extend(task.note.clone());
                text.extend(source_names(template, &task.sources));
                text.join("\n")
            }),
        Row::Program(id) => plan.program(*id).map_or_else(String::new, |p| {
            [
                Some(p.name.clone()),
                p.state.clone(),
                p.specialty.clone(),
                p.note.clone(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
        }),
        Row::Rotation(id) => plan.rotation(*id).map_or_else(String::new, |r| {
            [
                Some(r.institution.clone()),
                r.specialty.clone(),
                r.supervisor.clone(),
                r.note.clone(),
                Some(format!("letter {}", r.letter.label())),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n")
        }),
        Row::Letter(id) => plan.letter(*id).map_or_else(String::new, |l| {
            let mut text = vec![l.writer.clone(), l.kind.label().to_owned()];
            text.extend(l.note.clone());
            text.join("\n")
        }),
        Row::Practice(id) => plan
            .practice_exam(*id)
            .map_or_else(String::new, |e| e.form.clone()),
        Row::BudgetLine(index) => template
            .budget
            .get(*index)
            .map_or_else(String::new, |b| format!("{}\n{}", b.label, b.note)),
        Row::Season(anchor) => template.anchor_title(*anchor).to_owned(),
        Row::Fact(index) => template.facts.get(*index).map_or_else(String::new, |f| {
            let mut text = vec![f.label.clone(), f.value.clone()];
            text.extend(f.note.clone());
            text.extend(source_names(template, &f.sources));
            text.join("\n")
        }),
        Row::Comparison(index) => {
            template
                .visa_comparison
                .rows
                .get(*index)
                .map_or_else(String::new, |r| {
                    let mut text = vec![r.topic.clone(), r.j1.clone(), r.h1b.clone()];
                    text.extend(source_names(template, &r.sources));
                    text.join("\n")
                })
        }
        _ => String::new(),
    }
}

/// The titles and publishers of sources, so "USCIS" or "Federal Register" finds what cites them.
fn source_names(template: &Template, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter_map(|id| template.source(id))
        .map(|s| format!("{} {}", s.title, s.publisher))
        .collect()
}

/// Selects a hit and says where it is: "Match 2 of 3 · Programs: Brookdale …". The item's name
/// says which one; a row number would count the list's headings and mislead.
fn go_to(app: &mut App, hit: Hit, index: usize, total: usize) {
    app.screen.panel = hit.panel;
    select(app, hit.row);
    let rows = app.rows(hit.panel);
    let what = rows
        .get(hit.row)
        .map(|row| first_line(&row_text(app, row)))
        .unwrap_or_default();
    let name = panel_name(app, hit.panel);
    app.say(
        format!("Match {index} of {total} · {name}: {what}"),
        Tone::Info,
    );
}

fn first_line(text: &str) -> String {
    crate::text::clean_line(text.lines().next().unwrap_or_default())
}

/// Moves to the next (or previous) match of the last search across panels, wrapping around.
pub(super) fn next_match(app: &mut App, forward: bool) {
    let Some(query) = app.screen.search.clone() else {
        app.say("No search yet: press / to search.", Tone::Info);
        return;
    };
    let found = hits(app, &query);
    if found.is_empty() {
        app.say(no_match(&query), Tone::Error);
        return;
    }
    let here = Hit {
        panel: app.screen.panel,
        row: app.cursor().selected,
    };
    let target = if forward {
        found.iter().position(|h| *h > here).unwrap_or(0)
    } else {
        found
            .iter()
            .rposition(|h| *h < here)
            .unwrap_or(found.len() - 1)
    };
    go_to(app, found[target], target + 1, found.len());
}

/// Incremental search: after each keystroke, show the first match from the top.
pub(super) fn search_as_typed(app: &mut App) {
    let Mode::Text(field) = &app.screen.mode else {
        return;
    };
    let TextPurpose::Search { panel, cursor } = field.purpose.clone() else {
        return;
    };
    let query = field.input.value().to_owned();
    let found = hits(app, &query);
    let note = match found.first() {
        Some(first) => {
            app.screen.panel = first.panel;
            select(app, first.row);
            Some(format!(
                "{} · Enter keeps, n/N next",
                summary(app, &found, &query)
            ))
        }
        None => {
            restore_position(app, panel, cursor);
            (!query.trim().is_empty()).then(|| no_match(&query))
        }
    };
    if let Mode::Text(field) = &mut app.screen.mode {
        field.error = note;
    }
}
