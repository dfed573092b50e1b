//! The detail pane: everything about the selected row — a task's why, prerequisites, sources,
//! note and where its date comes from; a warning; or a season date and its rule.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::theme::Theme;
use super::widgets::{capitalise, freshness_line, source_line};
use crate::calendar::DateOrigin;
use crate::insights::TaskView;
use crate::journey::Anchor;
use crate::text::clean_line;
use crate::tui::agenda::AgendaItem;
use crate::tui::app::{App, Panel, Row};
use crate::wording::{behind_you, countdown, date_origin_line, was_planned};

pub(crate) fn render(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    if app.current_panel() == Panel::Scores {
        // The practice panel's details are the trend chart, with the selection under it.
        super::practice::render_detail(app, frame, area, theme);
        return;
    }
    let lines = match app.selected_row() {
        Some(Row::Task(id)) => task_lines(app, &id, theme),
        Some(Row::Warning(index)) => {
            let mut lines = Vec::new();
            if let Some(warning) = app.session.snapshot.warnings.get(index) {
                lines.push(Line::styled(
                    format!("! {}", clean_line(&warning.message)),
                    theme.warning,
                ));
                for source in &warning.sources {
                    lines.push(source_line(app, source, theme));
                }
                if let Some(task) = warning.task() {
                    lines.push(Line::raw(""));
                    lines.extend(task_lines(app, task, theme));
                }
            }
            lines
        }
        Some(Row::Situation(index)) => situation_lines(app, index, theme),
        Some(Row::Fact(index)) => fact_lines(app, index, theme),
        Some(Row::Freshness) => freshness_lines(app, theme),
        Some(Row::Season(anchor)) => season_lines(app, anchor, theme),
        Some(Row::Agenda(item)) => match item {
            AgendaItem::Season(anchor) => season_lines(app, anchor, theme),
            AgendaItem::Interview(id) => super::programs::detail_lines(app, id, theme),
            AgendaItem::RotationStart(id) | AgendaItem::Letter(id) => {
                super::rotations::detail_lines(app, id, theme)
            }
        },
        Some(Row::Comparison(index)) => super::comparison::detail_lines(app, index, theme),
        Some(Row::Rotation(id)) => super::rotations::detail_lines(app, id, theme),
        Some(Row::AddRotation) => super::rotations::summary_lines(app, theme),
        Some(Row::Program(id) | Row::Ranked(id)) => super::programs::detail_lines(app, id, theme),
        Some(Row::BudgetLine(index)) => super::budget::detail_lines(app, index, theme),
        Some(Row::BudgetCurrency) => super::budget::currency_detail(app, theme),
        Some(Row::Letter(id)) => super::letters::detail_lines(app, id, theme),
        Some(Row::AddLetter | Row::LetterProgram(_)) => super::letters::summary_lines(app, theme),
        _ => panel_lines(app, theme),
    };
    let mut lines = lines;
    lines.extend(term_lines(app, &lines, theme));
    let lines = break_addresses(lines, usize::from(area.width.saturating_sub(2)));
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner_height = area.height.saturating_sub(2);
    let total =
        u16::try_from(paragraph.line_count(area.width.saturating_sub(2))).unwrap_or(u16::MAX);
    let scroll = app
        .screen
        .detail_scroll
        .min(total.saturating_sub(inner_height));
    let more_below = total > scroll.saturating_add(inner_height);
    let title = match (scroll > 0, more_below) {
        (false, false) => " Details ",
        (false, true) => " Details · J more ↓ ",
        (true, true) => " Details · J/K ↕ ",
        (true, false) => " Details · K back ↑ ",
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(title);
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
}

/// The glossary's line for every term that appears in the details ("ROL: Rank order list: …
/// — NRMP"), so an abbreviation is explained where it is read; `t` opens the whole glossary.
fn term_lines(app: &App, lines: &[Line<'static>], theme: &Theme) -> Vec<Line<'static>> {
    let text: String = lines
        .iter()
        .flat_map(|line| line.spans.iter().map(|span| span.content.as_ref()))
        .chain(std::iter::once("\n"))
        .collect::<Vec<&str>>()
        .join(" ");
    let glossary = crate::glossary::Glossary::embedded();
    let terms = glossary.terms_in(&text);
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out = vec![
        Line::raw(""),
        heading("Terms (t: the whole glossary)", theme),
    ];
    for term in terms {
        let publishers: Vec<String> = term
            .sources
            .iter()
            .filter_map(|id| glossary.source(&app.template, id))
            .map(|s| clean_line(&s.publisher))
            .collect();
        let origin = publishers
            .first()
            .map(|p| format!(" — {p}"))
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("{}: ", term.term), theme.heading),
            Span::styled(format!("{}{origin}", clean_line(&term.meaning)), theme.dim),
        ]));
    }
    out
}

/// Lines that end in a web address too long for the pane: the text before it as one line,
/// then the address broken only after `/`, `?`, `&` or `-` (ratatui's wrap would cut it
/// anywhere, leaving "appli" / "cants.html").
fn break_addresses(lines: Vec<Line<'static>>, columns: usize) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let address = line.spans.iter().position(|span| {
            span.content.starts_with("http://") || span.content.starts_with("https://")
        });
        match address {
            Some(at) if line.width() > columns => {
                let mut spans = line.spans;
                let url = spans.remove(at);
                let before: Vec<Span<'static>> = spans.drain(..at).collect();
                if !before.is_empty() {
                    out.push(Line::from(before));
                }
                for piece in crate::text::break_url(&url.content, columns) {
                    out.push(Line::styled(piece, url.style));
                }
                if !spans.is_empty() {
                    out.push(Line::from(spans));
                }
            }
            _ => out.push(line),
        }
    }
    out
}

fn heading(text: &str, theme: &Theme) -> Line<'static> {
    Line::styled(text.to_owned(), theme.heading)
}

fn task_lines(app: &App, id: &str, theme: &Theme) -> Vec<Line<'static>> {
    let Some(task) = app.session.snapshot.task(id) else {
        return vec![Line::raw(format!("Unknown task {}", clean_line(id)))];
    };
    let stage = app
        .template
        .stage(&task.stage)
        .map_or_else(|| task.stage.clone(), |s| s.short.clone());
    let mut lines = vec![
        Line::styled(clean_line(&task.title), theme.title),
        Line::styled(
            format!(
                "{} {}{} · {} · {}",
                task.status.checkbox(),
                task.status.label(),
                task.done_on.map(|d| format!(" on {d}")).unwrap_or_default(),
                stage,
                task.id,
            ),
            theme.dim,
        ),
    ];
    // What a warning says about this task (a prerequisite, a deadline, a rule naming the
    // user's citizenship) comes before its date.
    for warning in app
        .session
        .snapshot
        .warnings
        .iter()
        .filter(|w| w.task() == Some(id))
    {
        lines.push(Line::styled(
            format!("! {}", clean_line(&warning.message)),
            theme.warning,
        ));
    }
    lines.extend(due_lines(app, task, theme));
    if !task.why.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Why", theme));
        lines.push(Line::raw(clean_line(&task.why)));
    }
    lines.extend(dependency_lines(app, task, theme));
    if let Some(note) = task.note.as_deref().filter(|n| !n.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(heading("Note", theme));
        lines.push(Line::raw(clean_line(note)));
    }
    if !task.sources.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Sources", theme));
        lines.extend(freshness_line(app, &task.sources, theme));
        for source in &task.sources {
            lines.push(source_line(app, source, theme));
        }
    }
    if task.custom {
        lines.push(Line::raw(""));
        lines.push(Line::styled("A task of your own: x deletes it.", theme.dim));
    }
    lines
}

/// How recent the facts are, and which ones on the plan's path are due for a re-check.
fn freshness_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let summary = &app.session.snapshot.freshness;
    let recheck = &app.template.recheck;
    let mut lines = vec![
        Line::styled(summary.line(), theme.title),
        Line::raw(""),
        Line::raw(format!(
            "Every fact comes from a source checked on a given day. After {} months ({} for visa and immigration policy) imgplan asks you to confirm it on the source's page before you act on it.",
            recheck.months, recheck.immigration_months
        )),
    ];
    if summary.stale.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Every fact on your path was checked within its interval.",
            theme.dim,
        ));
    } else {
        lines.push(Line::raw(""));
        lines.push(heading("Due for a re-check", theme));
        for (citation, freshness) in &summary.stale {
            let what = citation_label(app, citation);
            let mark = freshness.mark().unwrap_or_default();
            lines.push(Line::from(vec![
                Span::raw(format!("• {what} · ")),
                Span::styled(mark, theme.warning),
            ]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Each fact's details show its sources and their addresses; `imgplan sources --stale` lists the pages to re-read.",
        theme.dim,
    ));
    lines
}

/// What a citation is, in the user's words: a task's title, a fact's label, a visa row's topic.
fn citation_label(app: &App, citation: &crate::journey::Citation) -> String {
    use crate::journey::Citation;
    let template = &app.template;
    let text = match citation {
        Citation::Task(id) => app
            .session
            .snapshot
            .task(id)
            .map(|task| format!("Task: {}", task.title)),
        Citation::Fact(id) => template
            .facts
            .iter()
            .find(|fact| &fact.id == id)
            .map(|fact| format!("Figure: {}", fact.label)),
        Citation::Comparison(id) => template
            .visa_comparison
            .rows
            .iter()
            .find(|row| &row.id == id)
            .map(|row| format!("Visa: {}", row.topic)),
        Citation::Check(id) => template
            .checks
            .iter()
            .find(|check| &check.id == id)
            .and_then(|check| app.session.snapshot.task(&check.task))
            .map(|task| format!("Deadline check: {}", task.title)),
        Citation::Anchor(anchor) => Some(format!("Date rule: {}", template.anchor_title(*anchor))),
        _ => None,
    };
    clean_line(&text.unwrap_or_else(|| capitalise(&citation.to_string())))
}

/// A fee, threshold or statistic with its season, how old its sources are, and the sources.
fn fact_lines(app: &App, index: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(fact) = app.template.facts.get(index) else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::styled(clean_line(&fact.label), theme.title),
        Line::raw(clean_line(&fact.value)),
    ];
    if !fact.verified {
        lines.push(Line::styled(
            "NOT VERIFIED: no official source confirms it.",
            theme.warning,
        ));
    }
    if let Some(note) = &fact.note {
        lines.push(Line::raw(""));
        lines.push(Line::raw(clean_line(note)));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Season: {}", clean_line(&fact.season)),
        theme.dim,
    ));
    lines.push(heading("Sources", theme));
    lines.extend(freshness_line(app, &fact.sources, theme));
    for source in &fact.sources {
        lines.push(source_line(app, source, theme));
    }
    lines
}

/// A situation note in full: what the rule says, whom it names, and its sources.
fn situation_lines(app: &App, index: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(note) = app.session.snapshot.situation.get(index) else {
        return Vec::new();
    };
    let (title, style) = match note.severity {
        crate::situation::Severity::Warning => ("What a rule says about you", theme.warning),
        crate::situation::Severity::Explained => ("An exception or limit to know", theme.title),
    };
    let mut lines = vec![
        Line::styled(format!("{title} · {}", note.route.label()), style),
        Line::raw(""),
        Line::raw(clean_line(&note.message)),
        Line::raw(""),
        Line::styled(
            "Your citizenship and whereabouts are in your profile (p).",
            theme.dim,
        ),
        Line::raw(""),
        heading("Sources", theme),
    ];
    lines.extend(freshness_line(app, &note.sources, theme));
    for source in &note.sources {
        lines.push(source_line(app, source, theme));
    }
    lines
}

fn season_lines(app: &App, anchor: Anchor, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        capitalise(app.template.anchor_title(anchor)),
        theme.title,
    )];
    let Some(dated) = app.session.snapshot.calendar.get(anchor) else {
        return lines;
    };
    let days = (dated.date - app.today).num_days();
    lines.push(Line::from(vec![
        Span::styled(dated.date.to_string(), theme.title),
        Span::raw(format!(
            " ({}) · {}",
            dated.label(),
            if days < 0 {
                "passed".to_owned()
            } else {
                countdown(days)
            }
        )),
    ]));
    let how = match dated.origin {
        DateOrigin::Published => format!(
            "Published in the {} Match's official calendar.",
            app.session.plan.profile.match_year
        ),
        DateOrigin::Estimated | DateOrigin::Planned => {
            "Estimated from past seasons: no official calendar for this season is known yet; check the source when it is."
                .to_owned()
        }
        DateOrigin::Yours => "Your date: every task date built on it follows.".to_owned(),
    };
    lines.push(Line::raw(how));
    if let Some(definition) = app.template.anchor(anchor) {
        lines.push(Line::styled(
            format!(
                "Pattern: {}",
                app.template.describe_anchor_rule(&definition.rule)
            ),
            theme.dim,
        ));
        lines.push(Line::raw(""));
        lines.push(heading("Sources", theme));
        let mut sources: Vec<String> = dated.source.iter().cloned().collect();
        sources.extend(definition.sources.iter().cloned());
        sources.dedup();
        lines.extend(freshness_line(app, &sources, theme));
        for source in &sources {
            lines.push(source_line(app, source, theme));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "d sets your own date (empty returns to the published or estimated one).",
        theme.dim,
    ));
    lines
}

fn panel_lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    match app.current_panel() {
        Panel::Stage(index) => {
            let stage = &app.template.stages[index];
            vec![
                Line::styled(clean_line(&stage.title), theme.title),
                Line::raw(clean_line(&stage.summary)),
                Line::raw(""),
                Line::styled("a adds a task of your own here.", theme.dim),
            ]
        }
        Panel::Programs => {
            let mut lines = vec![
                Line::styled("Programs and the rank order list", theme.title),
                Line::raw(
                    "✗ marks a program whose visa stance does not fit your choice, ? one whose stance is not recorded.",
                ),
            ];
            if let Some(acceptable) = app.session.plan.profile.visa.acceptable() {
                lines.push(Line::raw(format!(
                    "~ marks one taking only {acceptable}, the visa you accept but do not prefer."
                )));
            }
            lines.push(Line::raw(""));
            lines.extend(super::eras_cost::lines(app, theme));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "a adds a program · f filters · o sorts · r ranks",
                theme.dim,
            ));
            lines
        }
        _ => vec![Line::styled("Select a row to see its details.", theme.dim)],
    }
}

/// The task's date, where it comes from, and how to change it. A done task (or one behind
/// the user) leads with when it was done; its old date is labelled as what was planned.
fn due_lines(app: &App, task: &TaskView, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if let Some(settled) = settled_line(app, task, theme) {
        lines.push(settled);
    }
    match &task.due {
        Some(due) if task.status == crate::plan::Status::Done || task.behind.is_some() => {
            lines.push(Line::styled(capitalise(&was_planned(due)), theme.dim));
        }
        Some(due) => {
            let days = (due.date - app.today).num_days();
            let when = match task.status {
                crate::plan::Status::Skipped => "skipped".to_owned(),
                _ if task.starts_now() => {
                    "start now (the date had passed before you began planning)".to_owned()
                }
                _ => countdown(days),
            };
            lines.push(Line::from(vec![
                Span::styled("Due ", theme.text),
                Span::styled(due.date.to_string(), theme.title),
                Span::raw(format!(" · {} · {when}", due.label())),
            ]));
            if let Some(rule) = task.rule {
                let line = match due.origin {
                    DateOrigin::Yours => format!(
                        "Your date; the template's rule: {} (d, then empty, returns to it)",
                        app.template.describe_rule(rule)
                    ),
                    _ => capitalise(&date_origin_line(&app.template, due, Some(rule))),
                };
                lines.push(Line::styled(line, theme.dim));
            } else if due.origin == DateOrigin::Yours {
                lines.push(Line::styled("Your date (d changes it)", theme.dim));
            }
        }
        None if task.status == crate::plan::Status::Done || task.behind.is_some() => {}
        None => lines.push(Line::styled("No date: press d to set one.", theme.dim)),
    }
    lines
}

/// "Behind you: Pass USMLE Step 1 is done" for an open prerequisite of a done task (a done
/// task's day is already in the line above the date).
fn settled_line(app: &App, task: &TaskView, theme: &Theme) -> Option<Line<'static>> {
    let done = task.behind.as_ref()?;
    Some(Line::styled(
        capitalise(&behind_you(&app.task_title(done))),
        theme.text,
    ))
}

/// "Needs first": the tasks this one depends on, with their state and date.
fn dependency_lines(app: &App, task: &TaskView, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if !task.depends_on.is_empty() {
        lines.push(Line::raw(""));
        lines.push(heading("Needs first", theme));
        for dependency in &task.depends_on {
            let line = match app.session.snapshot.task(dependency) {
                Some(dep) if dep.behind.is_some() => format!(
                    "{} {} · behind you",
                    dep.status.checkbox(),
                    clean_line(&dep.title),
                ),
                Some(dep) => format!(
                    "{} {}{}",
                    dep.status.checkbox(),
                    clean_line(&dep.title),
                    dep.due
                        .as_ref()
                        .map(|d| format!(" · {}", d.date))
                        .unwrap_or_default()
                ),
                None => format!("    {} (not in your plan)", clean_line(dependency)),
            };
            lines.push(Line::raw(line));
        }
    }
    lines
}
