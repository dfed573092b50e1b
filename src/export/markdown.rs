//! The plan summary as Markdown (CommonMark with GitHub's tables and task lists), for notes apps,
//! a mentor's e-mail or a GitHub gist.
//!
//! Every piece of text that comes from the plan or the template goes through [`text`], which
//! removes control characters and backslash-escapes the characters Markdown would read as markup
//! (`*`, `_`, `[`, `|`, `<`, `$`, …), so a program called `*Best* | IM` stays plain text and a
//! table keeps its columns. Links point at the template's sources.

use std::fmt::Write as _;

use crate::calendar::DateOrigin;
use crate::export::summary::{Summary, WarningLine};
use crate::export::{UPCOMING_SHOWN, cited_sources};
use crate::insights::Snapshot;
use crate::journey::{Anchor, Source, Template};
use crate::plan::{Plan, Status};
use crate::programs::{self, Fit};
use crate::text::clean_line;
use crate::wording::{countdown, source_status};

/// Characters escaped in Markdown text: CommonMark inline markup, GitHub's table pipe and
/// strikethrough, `$` (GitHub reads `$…$` as maths), `&` (entities) and `#`.
const MARKUP: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '#', '$', '&',
];

/// User or template text as Markdown text: one clean line with markup characters escaped.
///
/// Meant for inline positions (after a list marker, a heading's `#`, a label, or in a table
/// cell), which is everywhere this module uses it: at the very start of a line, text such as
/// `- x` or `1. x` would still start a block.
pub(crate) fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in clean_line(raw).chars() {
        if MARKUP.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link whose destination survives spaces, brackets and angle brackets.
fn link(label: &str, url: &str) -> String {
    let mut destination = String::new();
    for c in clean_line(url).chars() {
        match c {
            ' ' => destination.push_str("%20"),
            '(' => destination.push_str("%28"),
            ')' => destination.push_str("%29"),
            '<' => destination.push_str("%3C"),
            '>' => destination.push_str("%3E"),
            '\\' => destination.push_str("%5C"),
            c => destination.push(c),
        }
    }
    format!("[{}]({destination})", text(label))
}

fn source_link(template: &Template, id: &str) -> String {
    match template.source(id) {
        Some(source) => link(id, &source.url),
        None => text(id),
    }
}

fn source_links(template: &Template, ids: &[String]) -> String {
    ids.iter()
        .map(|id| source_link(template, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table: header cells, then rows (cells already Markdown text).
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(
        out,
        "|{}|",
        header.iter().map(|_| "---").collect::<Vec<_>>().join("|")
    );
    for row in rows {
        let cells: Vec<&str> = row
            .iter()
            .map(|c| if c.is_empty() { " " } else { c.as_str() })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// The Markdown plan summary.
pub(crate) fn markdown_summary(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# imgplan: plan summary\n");
    let _ = writeln!(
        out,
        "As of {}. Dates marked *estimated* follow past seasons: confirm them when the season's \
         calendar is published.\n",
        snapshot.today
    );
    let summary = Summary::of(template, plan, snapshot);
    write_profile(&mut out, &summary);
    write_progress(&mut out, &summary);
    write_deadlines(&mut out, "Overdue", &summary.overdue, usize::MAX);
    if !summary.start_now.is_empty() {
        write_deadlines(&mut out, "Start now", &summary.start_now, usize::MAX);
    }
    write_deadlines(
        &mut out,
        "Next deadlines",
        &summary.upcoming,
        UPCOMING_SHOWN,
    );
    write_warnings(&mut out, &summary.warnings);
    write_season(&mut out, template, snapshot);
    write_stages(&mut out, template, snapshot);
    write_visa(&mut out, template, plan, snapshot);
    write_usce(&mut out, plan, snapshot);
    write_programs(&mut out, template, plan, snapshot.today);
    write_rank_list(&mut out, plan, snapshot);
    let _ = writeln!(out, "## Letters\n");
    out.push_str(&super::letters::letters_markdown(template, plan));
    out.push('\n');
    let _ = writeln!(out, "## Step 2 CK practice\n");
    out.push_str(&super::practice::practice_markdown(
        template, plan, snapshot,
    ));
    out.push('\n');
    let _ = writeln!(out, "## Budget\n");
    out.push_str(&super::budget::budget_markdown(
        template,
        &crate::budget::compute(template, plan),
    ));
    out.push('\n');
    write_facts(&mut out, template, snapshot.today);
    write_sources(
        &mut out,
        &cited_sources(template, snapshot),
        template,
        snapshot,
    );
    out
}

fn write_profile(out: &mut String, summary: &Summary) {
    let _ = writeln!(out, "## Profile\n");
    let rows: Vec<Vec<String>> = summary
        .profile
        .iter()
        .map(|(label, value)| {
            let value = value
                .as_deref()
                .map_or_else(|| "*not set*".to_owned(), text);
            vec![(*label).to_owned(), value]
        })
        .collect();
    table(out, &["Field", "Value"], &rows);
}

fn write_progress(out: &mut String, summary: &Summary) {
    let _ = writeln!(out, "## Progress\n");
    let mut rows: Vec<Vec<String>> = summary
        .stages
        .iter()
        .map(|stage| {
            vec![
                text(stage.title),
                stage.closed.to_string(),
                stage.total.to_string(),
                format!("{} %", stage.percent),
            ]
        })
        .collect();
    rows.push(vec![
        "**All stages**".to_owned(),
        summary.closed.to_string(),
        summary.total.to_string(),
        format!("{} %", summary.percent),
    ]);
    table(out, &["Stage", "Closed", "Tasks", "Progress"], &rows);
}

fn write_deadlines(out: &mut String, title: &str, deadlines: &[super::summary::Due], limit: usize) {
    let _ = writeln!(out, "## {title}\n");
    if deadlines.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    for due in deadlines.iter().take(limit) {
        let _ = writeln!(out, "- **{}** {} ({})", due.date, text(due.title), due.when);
    }
    if deadlines.len() > limit {
        let _ = writeln!(out, "- … and {} more", deadlines.len() - limit);
    }
    out.push('\n');
}

fn write_warnings(out: &mut String, warnings: &[WarningLine]) {
    let _ = writeln!(out, "## Warnings\n");
    if warnings.is_empty() {
        let _ = writeln!(out, "None.\n");
        return;
    }
    for warning in warnings {
        let _ = writeln!(out, "- **Warning:** {}", text(warning.message));
    }
    out.push('\n');
}

fn write_season(out: &mut String, template: &Template, snapshot: &Snapshot) {
    let _ = writeln!(
        out,
        "## Season dates ({} Match)\n",
        snapshot.calendar.match_year
    );
    let rows: Vec<Vec<String>> = snapshot
        .calendar
        .season_dates()
        .map(|(anchor, dated)| {
            vec![
                dated.date.to_string(),
                text(template.anchor_title(anchor)),
                text(&dated.label()),
                dated
                    .source
                    .as_deref()
                    .map(|id| source_link(template, id))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table(out, &["Date", "What", "Date is", "Source"], &rows);
}

/// One section per stage: its progress and its checklist as a task list.
fn write_stages(out: &mut String, template: &Template, snapshot: &Snapshot) {
    for stage in &template.stages {
        let _ = writeln!(out, "## {}\n", text(&stage.title));
        if let Some(progress) = snapshot.progress.iter().find(|p| p.stage == stage.id) {
            let _ = writeln!(
                out,
                "{} of {} closed ({} %).\n",
                progress.done + progress.skipped,
                progress.total,
                progress.percent()
            );
        }
        let mut any = false;
        for task in snapshot.stage_tasks(&stage.id) {
            any = true;
            let check = if task.status.is_closed() { "x" } else { " " };
            let title = match task.status {
                Status::Skipped => format!("~~{}~~ (skipped)", text(&task.title)),
                Status::Doing => format!("{} (in progress)", text(&task.title)),
                Status::Todo | Status::Done => text(&task.title),
            };
            let mut line = format!("- [{check}] {title}");
            if task.status == Status::Done {
                match task.done_on {
                    Some(done_on) => {
                        let _ = write!(line, " · done **{done_on}**");
                    }
                    None => line.push_str(" · done"),
                }
                if let Some(due) = &task.due {
                    let _ = write!(line, " ({})", crate::wording::was_planned(due));
                }
            } else if let Some(done) = task.behind.as_ref().and_then(|id| snapshot.task(id)) {
                let _ = write!(line, " · {}", crate::wording::behind_you(&done.title));
            } else if let Some(due) = &task.due {
                let _ = write!(line, " · due **{}** ({})", due.date, due.label());
                if task.is_overdue(snapshot.today) {
                    line.push_str(" · **overdue**");
                } else if task.starts_now() {
                    line.push_str(" · **start now**");
                }
            }
            if let Some(mark) = snapshot
                .task_freshness(template, task)
                .and_then(|f| f.mark())
            {
                let _ = write!(line, " · sources {mark}");
            }
            let note = task.note.as_deref().map(text).filter(|n| !n.is_empty());
            match note {
                // A backslash at the end of a line is a hard line break in CommonMark.
                Some(note) => {
                    let _ = writeln!(out, "{line}\\\n  Note: {note}");
                }
                None => {
                    let _ = writeln!(out, "{line}");
                }
            }
        }
        if !any {
            let _ = writeln!(out, "No tasks for this visa choice.");
        }
        out.push('\n');
    }
}

fn write_visa(out: &mut String, template: &Template, plan: &Plan, snapshot: &Snapshot) {
    let choice = plan.profile.visa;
    let _ = writeln!(out, "## Visa: J-1 versus H-1B\n");
    let _ = writeln!(out, "Your choice: **{}**.\n", text(&choice.to_string()));
    for implication in crate::visa::implications(template, snapshot, choice) {
        let when = implication
            .date
            .map(|date| {
                format!(
                    "**{date}** ({}): ",
                    countdown((date - snapshot.today).num_days())
                )
            })
            .unwrap_or_default();
        let flag = match implication.situation {
            Some(crate::situation::Severity::Warning) => "**Warning:** ",
            Some(crate::situation::Severity::Explained) => "*Note:* ",
            None => "",
        };
        let _ = writeln!(out, "- {flag}{when}{}", text(&implication.text));
    }
    let _ = writeln!(out, "\n*{}*\n", text(crate::visa::NOT_ADVICE));
    let comparison = &template.visa_comparison;
    let _ = writeln!(
        out,
        "Policy as of {}; it changes by proclamation: check it.\n",
        comparison.policy_as_of
    );
    let rows: Vec<Vec<String>> = comparison
        .rows
        .iter()
        .map(|row| {
            let topic = if row.verified {
                text(&row.topic)
            } else {
                format!("{} (unverified)", text(&row.topic))
            };
            vec![
                topic,
                text(&row.j1),
                text(&row.h1b),
                format!(
                    "{}{}",
                    text(&row.season),
                    text(&crate::wording::stale_mark(
                        template,
                        &row.sources,
                        snapshot.today
                    ))
                ),
                source_links(template, &row.sources),
            ]
        })
        .collect();
    table(out, &["Topic", "J-1", "H-1B", "As of", "Sources"], &rows);
}

fn write_usce(out: &mut String, plan: &Plan, snapshot: &Snapshot) {
    let _ = writeln!(out, "## USCE log and letters\n");
    let _ = writeln!(out, "{}\n", text(&snapshot.usce.line()));
    if plan.rotations.is_empty() {
        let _ = writeln!(out, "No rotations logged.\n");
        return;
    }
    let rows: Vec<Vec<String>> = plan
        .rotations
        .iter()
        .map(|r| {
            vec![
                format!("{} to {}", r.start, r.end),
                text(&r.length_label()),
                text(r.kind.label()),
                text(&r.institution),
                r.specialty.as_deref().map(text).unwrap_or_default(),
                if r.hands_on { "yes" } else { "no" }.to_owned(),
                r.supervisor.as_deref().map(text).unwrap_or_default(),
                text(r.letter.label()),
                r.note.as_deref().map(text).unwrap_or_default(),
            ]
        })
        .collect();
    table(
        out,
        &[
            "Dates",
            "Length",
            "Kind",
            "Institution",
            "Specialty",
            "Hands-on",
            "Supervisor",
            "Letter",
            "Note",
        ],
        &rows,
    );
}

fn fit_label(fit: Fit) -> &'static str {
    match fit {
        Fit::Fits => "fits",
        Fit::Acceptable => "acceptable (not preferred)",
        Fit::Misfit => "**misfit**",
        Fit::Unknown => "unknown",
    }
}

fn write_programs(out: &mut String, template: &Template, plan: &Plan, today: chrono::NaiveDate) {
    let _ = writeln!(out, "## Programs ({})\n", plan.programs.len());
    if plan.programs.is_empty() {
        let _ = writeln!(out, "No programs yet.\n");
        return;
    }
    let rows = program_rows(plan);
    table(
        out,
        &[
            "Program",
            "State",
            "Specialty",
            "NRMP code",
            "Visa",
            "Fit",
            "Status",
            "Rank",
            "Interview",
            "Asks",
            "Note",
        ],
        &rows,
    );
    write_cost(out, template, plan, today);
}

/// One table row per program: who it is, the visa fit, where it stands, what it asks.
fn program_rows(plan: &Plan) -> Vec<Vec<String>> {
    let ranks: Vec<crate::ids::ProgramId> = plan.rank_list().iter().map(|p| p.id).collect();
    let choice = plan.profile.visa;
    plan.programs
        .iter()
        .map(|p| {
            vec![
                text(&p.name),
                p.state.as_deref().map(text).unwrap_or_default(),
                p.specialty.as_deref().map(text).unwrap_or_default(),
                p.nrmp_code.as_deref().map(text).unwrap_or_default(),
                text(p.visa.label()),
                fit_label(p.fit(choice)).to_owned(),
                text(p.status.label()),
                ranks
                    .iter()
                    .position(|id| *id == p.id)
                    .map(|i| (i + 1).to_string())
                    .unwrap_or_default(),
                p.interview.map(|d| d.to_string()).unwrap_or_default(),
                text(&p.requirements.summary()),
                p.note.as_deref().map(text).unwrap_or_default(),
            ]
        })
        .collect()
}

/// The ERAS cost estimate under the programs table, when the season's fees are known.
fn write_cost(out: &mut String, template: &Template, plan: &Plan, today: chrono::NaiveDate) {
    let Some(schedule) = template.fees_for(plan.profile.match_year) else {
        return;
    };
    let all = programs::estimate_cost(&plan.programs, schedule, true);
    let applied = programs::applied_so_far_cost(&plan.programs, schedule, today);
    let _ = writeln!(
        out,
        "ERAS cost estimate ({} season fees; sources: {}):\n",
        schedule.match_year,
        source_links(template, &all.sources)
    );
    let mut rows: Vec<Vec<String>> = all
        .per_specialty
        .iter()
        .map(|s| {
            vec![
                format!("{} ({})", text(&s.specialty), s.programs),
                text(&programs::dollars(s.usd)),
            ]
        })
        .collect();
    rows.extend(
        all.once
            .iter()
            .map(|(label, usd)| vec![text(label), text(&programs::dollars(*usd))]),
    );
    rows.push(vec![
        "**Total, every program listed**".to_owned(),
        format!("**{}**", text(&programs::dollars(all.total_usd))),
    ]);
    rows.push(vec![
        "Total, programs applied to so far".to_owned(),
        text(&programs::dollars(applied.total_usd)),
    ]);
    table(out, &["Item", "USD"], &rows);
}

fn write_rank_list(out: &mut String, plan: &Plan, snapshot: &Snapshot) {
    let _ = writeln!(out, "## Rank order list\n");
    if let Some(deadline) = snapshot.calendar.get(Anchor::RolDeadline) {
        let origin = if deadline.origin == DateOrigin::Estimated {
            " (estimated)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "Certify by **{}**{origin} ({}).\n",
            deadline.date,
            countdown((deadline.date - snapshot.today).num_days())
        );
    }
    let list = plan.rank_list();
    if list.is_empty() {
        let _ = writeln!(out, "No program ranked yet.\n");
        return;
    }
    let choice = plan.profile.visa;
    for (index, program) in list.iter().enumerate() {
        let mut details = vec![text(program.visa.label())];
        details.extend(program.state.as_deref().map(text));
        details.extend(program.specialty.as_deref().map(text));
        let flag = match program.fit(choice) {
            Fit::Fits => String::new(),
            fit => format!(" · visa {}", fit_label(fit)),
        };
        let _ = writeln!(
            out,
            "{}. {} ({}){flag}",
            index + 1,
            text(&program.name),
            details.join(", ")
        );
    }
    out.push('\n');
}

fn write_facts(out: &mut String, template: &Template, today: chrono::NaiveDate) {
    if template.facts.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Facts and figures\n");
    for fact in &template.facts {
        let flag = if fact.verified {
            ""
        } else {
            " **(unverified)**"
        };
        let _ = writeln!(
            out,
            "- **{}**: {}{flag} ({}; {}){}",
            text(&fact.label),
            text(&fact.value),
            text(&fact.season),
            source_links(template, &fact.sources),
            text(&crate::wording::stale_mark(template, &fact.sources, today))
        );
    }
    out.push('\n');
}

fn write_sources(out: &mut String, sources: &[&Source], template: &Template, snapshot: &Snapshot) {
    let _ = writeln!(out, "## Sources\n");
    for source in sources {
        let _ = writeln!(
            out,
            "- {}: {} ({}; {}) `{}`",
            text(&source.publisher),
            link(&source.title, &source.url),
            text(&source.season),
            text(&source_status(template, source, snapshot.today)),
            clean_line(&source.id).replace('`', "")
        );
    }
    let _ = writeln!(
        out,
        "\n{}. Made with imgplan; every date can be changed in the planner.",
        snapshot.freshness.line()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_user_text_is_escaped() {
        assert_eq!(text("*Best* | IM_1 [x]"), "\\*Best\\* \\| IM\\_1 \\[x\\]");
        assert_eq!(text("$11 & $30"), "\\$11 \\& \\$30");
        assert_eq!(text("bad\u{1b}[2J"), "bad\\[2J");
    }

    #[test]
    fn link_destinations_survive_spaces_and_brackets() {
        assert_eq!(
            link("a (b)", "https://x.org/a b(c)"),
            "[a (b)](https://x.org/a%20b%28c%29)"
        );
    }
}
