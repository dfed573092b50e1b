//! The text of the visa comparison, the USCE log, the programs and the rank order list: shared by
//! the text summary and the `imgplan visa` / `imgplan programs` commands, laid out for 80 columns
//! with wide characters measured by display width.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::insights::Snapshot;
use crate::journey::{Anchor, Template, VisaChoice};
use crate::plan::Plan;
use crate::programs::{self, Program};
use crate::text::{clean_line, count, pad, truncate, width, wrap};
use crate::visa;
use crate::wording::countdown;

/// The J-1 versus H-1B table, cells wrapped in three columns, then each row's notes and sources,
/// each marked when its sources are due for a re-check on `today`.
pub(crate) fn visa_comparison(template: &Template, columns: usize, today: NaiveDate) -> String {
    let comparison = &template.visa_comparison;
    let mut out = String::new();
    let topic_width = 18;
    let cell_width = (columns.saturating_sub(topic_width + 6) / 2).max(12);
    let _ = writeln!(
        out,
        "J-1 versus H-1B (policy as of {}; it changes by proclamation: check it)",
        comparison.policy_as_of
    );
    let rule = format!(
        "{}-+-{}-+-{}",
        "-".repeat(topic_width),
        "-".repeat(cell_width),
        "-".repeat(cell_width)
    );
    let row = |out: &mut String, a: &str, b: &str, c: &str| {
        let a = wrap(a, topic_width);
        let b = wrap(b, cell_width);
        let c = wrap(c, cell_width);
        let lines = a.len().max(b.len()).max(c.len());
        for i in 0..lines {
            let cell = |parts: &[String], w| pad(parts.get(i).map_or("", String::as_str), w);
            let line = format!(
                "{} | {} | {}",
                cell(&a, topic_width),
                cell(&b, cell_width),
                cell(&c, cell_width)
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    };
    row(&mut out, "", "J-1", "H-1B");
    let _ = writeln!(out, "{rule}");
    for item in &comparison.rows {
        let flag = if item.verified { "" } else { " (unverified)" };
        row(
            &mut out,
            &format!("{}{flag}", item.topic),
            &item.j1,
            &item.h1b,
        );
    }
    let _ = writeln!(out, "{rule}");
    let _ = writeln!(out, "\nDetails and sources");
    for item in &comparison.rows {
        let text = format!(
            "{}: {} [{}; {}]{}",
            item.topic,
            item.note.as_deref().unwrap_or("(no further detail)"),
            item.season,
            item.sources.join(", "),
            crate::wording::stale_mark(template, &item.sources, today)
        );
        for (i, part) in wrap(&text, columns.saturating_sub(4)).iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let _ = writeln!(out, "{lead}{part}");
        }
    }
    out
}

/// What the plan's visa choice implies, with dates and countdowns.
pub(crate) fn visa_implications(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let choice = plan.profile.visa;
    let _ = writeln!(out, "Your choice: {choice}");
    for implication in visa::implications(template, snapshot, choice) {
        let when = implication
            .date
            .map(|date| {
                format!(
                    "{date} ({}): ",
                    countdown((date - snapshot.today).num_days())
                )
            })
            .unwrap_or_default();
        let mark = if implication.situation.is_some() {
            snapshot
                .situation
                .iter()
                .find(|note| implication.text.ends_with(&note.message))
                .map(|note| crate::wording::stale_mark(template, &note.sources, snapshot.today))
                .unwrap_or_default()
        } else {
            String::new()
        };
        let text = format!("{when}{}{mark}", clean_line(&implication.text));
        let bullet = match implication.situation {
            Some(crate::situation::Severity::Warning) => "  ! ",
            Some(crate::situation::Severity::Explained) => "  i ",
            None => "  - ",
        };
        for (i, part) in wrap(&text, super::TEXT_WIDTH - 4).iter().enumerate() {
            let lead = if i == 0 { bullet } else { "    " };
            let _ = writeln!(out, "{lead}{part}");
        }
    }
    for part in wrap(visa::NOT_ADVICE, super::TEXT_WIDTH - 2) {
        let _ = writeln!(out, "  {part}");
    }
    out
}

/// The sources `imgplan visa` cites (the comparison, the visa tasks and checks of the plan's
/// choice, the situation rules), each with its address: an id alone is not a source a user can
/// follow.
pub(crate) fn visa_sources(template: &Template, snapshot: &Snapshot) -> String {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |list: &[String]| {
        for id in list {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    };
    for row in &template.visa_comparison.rows {
        add(&row.sources);
    }
    for task in snapshot.tasks.iter().filter(|t| t.stage == "visa") {
        add(&task.sources);
    }
    for note in &snapshot.situation {
        add(&note.sources);
    }
    let mut out = String::from("Sources\n");
    for source in ids.iter().filter_map(|id| template.source(id)) {
        let line = format!(
            "[{}] {}: {} ({}; {})",
            source.id,
            clean_line(&source.publisher),
            clean_line(&source.title),
            clean_line(&source.season),
            crate::wording::source_status(template, source, snapshot.today)
        );
        for (i, part) in wrap(&line, super::TEXT_WIDTH - 4).iter().enumerate() {
            let lead = if i == 0 { "  - " } else { "    " };
            let _ = writeln!(out, "{lead}{part}");
        }
        let _ = writeln!(out, "    {}", clean_line(&source.url));
    }
    out
}

/// The USCE log: the summary line, then one line per rotation.
pub(crate) fn usce_log(plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  {}", snapshot.usce.line());
    if plan.rotations.is_empty() {
        out.push_str("  (no rotations logged)\n");
        return out;
    }
    for rotation in &plan.rotations {
        let hands = if rotation.hands_on {
            "hands-on"
        } else {
            "observing"
        };
        let first = format!(
            "{} to {}  {}  {}, {}",
            rotation.start,
            rotation.end,
            pad(&rotation.length_label(), 8),
            rotation.kind.label(),
            hands
        );
        let _ = writeln!(out, "  {}", first.trim_end());
        let mut second = clean_line(&rotation.institution);
        if let Some(specialty) = &rotation.specialty {
            let _ = write!(second, ", {}", clean_line(specialty));
        }
        let letter = match &rotation.supervisor {
            Some(who) => format!("letter ({}): {}", clean_line(who), rotation.letter),
            None => format!("letter: {}", rotation.letter),
        };
        let _ = write!(second, " · {letter}");
        for part in wrap(&second, super::TEXT_WIDTH - 6) {
            let _ = writeln!(out, "      {part}");
        }
        if let Some(note) = &rotation.note {
            for part in wrap(
                &format!("note: {}", clean_line(note)),
                super::TEXT_WIDTH - 6,
            ) {
                let _ = writeln!(out, "      {part}");
            }
        }
    }
    out
}

/// Widths of the programs table's name and specialty columns, and whether they may be cut.
#[derive(Debug, Clone, Copy)]
struct ProgramColumns {
    name: usize,
    specialty: usize,
    cut: bool,
}

impl ProgramColumns {
    /// Fit `columns` (a terminal: a long name is cut only when the line would not fit), or with
    /// `None` (piped, a file) make the columns as wide as the longest name and specialty, so
    /// nothing is ever cut.
    fn for_list(list: &[&Program], columns: Option<usize>) -> ProgramColumns {
        let longest = |cell: fn(&Program) -> String, heading: &str| {
            list.iter()
                .map(|p| width(&cell(p)))
                .chain([width(heading)])
                .max()
                .unwrap_or(0)
        };
        let name = longest(|p| clean_line(&p.name), "program");
        let specialty = longest(specialty_of, "specialty");
        let Some(columns) = columns else {
            return ProgramColumns {
                name,
                specialty,
                cut: false,
            };
        };
        // Fit flag, state, visa and the longest status ("interview invited") take 33 columns.
        let room = columns.saturating_sub(2 + 3 + 8 + 1 + 18 + 1);
        // The name comes first; the specialty keeps at least 9 columns and takes what is left.
        let name = name.min(room.saturating_sub(specialty.min(14))).max(12);
        let specialty = specialty.min(room.saturating_sub(name)).max(9);
        ProgramColumns {
            name,
            specialty,
            cut: true,
        }
    }

    fn cell(self, text: &str, columns: usize) -> String {
        if self.cut {
            pad(&truncate(text, columns), columns)
        } else {
            pad(text, columns)
        }
    }
}

fn specialty_of(program: &Program) -> String {
    program
        .specialty
        .as_deref()
        .map(clean_line)
        .unwrap_or_default()
}

/// A program's fit flag, name, state, specialty, visa and status in table columns.
fn program_cells(program: &Program, choice: VisaChoice, widths: ProgramColumns) -> String {
    let line = format!(
        "{} {} {} {} {} {}",
        program.fit(choice).glyph(),
        widths.cell(&clean_line(&program.name), widths.name),
        pad(program.state.as_deref().unwrap_or("--"), 2),
        widths.cell(&specialty_of(program), widths.specialty),
        pad(program.visa.code(), 7),
        program.status.label()
    );
    line.trim_end().to_owned()
}

/// The programs table with a header, then what each misfit or unknown flag means. With
/// `columns` (a terminal's width) it fits that width; with `None` nothing is cut.
pub(crate) fn programs_table(
    list: &[&Program],
    choice: VisaChoice,
    columns: Option<usize>,
) -> String {
    let widths = ProgramColumns::for_list(list, columns);
    let mut out = String::new();
    let header = format!(
        "  {} ST {} {} status",
        pad("program", widths.name),
        pad("specialty", widths.specialty),
        pad("visa", 7)
    );
    let _ = writeln!(out, "{header}");
    for program in list {
        let _ = writeln!(out, "{}", program_cells(program, choice, widths));
        let mut extra = Vec::new();
        if let Some(reason) = programs::fit_reason(program.visa, choice) {
            extra.push(format!("visa: {reason}"));
        }
        if !program.requirements.is_empty() {
            extra.push(format!("asks: {}", program.requirements.summary()));
        }
        if let Some(date) = program.interview {
            extra.push(format!("interview {date}"));
        }
        if let Some(code) = &program.nrmp_code {
            extra.push(format!("NRMP {code}"));
        }
        if !extra.is_empty() {
            for part in wrap(&extra.join(" · "), super::TEXT_WIDTH - 4) {
                let _ = writeln!(out, "    {part}");
            }
        }
    }
    out
}

/// The application-cost estimate in words, with its fee season and sources.
pub(crate) fn cost_lines(template: &Template, plan: &Plan, today: NaiveDate) -> String {
    let mut out = String::new();
    let Some(schedule) = template.fees_for(plan.profile.match_year) else {
        out.push_str("  No fee table in the template: no cost estimate.\n");
        return out;
    };
    let applied = programs::applied_so_far_cost(&plan.programs, schedule, today);
    let all = programs::estimate_cost(&plan.programs, schedule, true);
    let season = if schedule.match_year == plan.profile.match_year {
        format!("{} season fees", schedule.match_year)
    } else {
        format!(
            "{} season fees, the latest known: fees change yearly",
            schedule.match_year
        )
    };
    let checked = crate::freshness::Freshness::of(template, &all.sources, today).map_or_else(
        String::new,
        |f| match f.mark() {
            Some(mark) => format!("; {mark}"),
            None => format!("; checked {}", f.checked),
        },
    );
    let intro = format!(
        "ERAS cost estimate ({season}; sources: {}{checked}):",
        all.sources.join(", ")
    );
    for (i, part) in wrap(&intro, super::TEXT_WIDTH - 2).iter().enumerate() {
        let lead = if i == 0 { "  " } else { "    " };
        let _ = writeln!(out, "{lead}{part}");
    }
    let money = |usd: u32| format!("{:>9}", programs::dollars(usd));
    for specialty in &all.per_specialty {
        let label = format!(
            "{} ({})",
            clean_line(&specialty.specialty),
            count(
                usize::try_from(specialty.programs).unwrap_or(0),
                "program",
                "programs"
            )
        );
        let _ = writeln!(
            out,
            "    {} {}",
            pad(&truncate(&label, 60), 60),
            money(specialty.usd)
        );
    }
    for (label, usd) in &all.once {
        let _ = writeln!(out, "    {} {}", pad(&truncate(label, 60), 60), money(*usd));
    }
    let _ = writeln!(
        out,
        "    {} {}",
        pad("Total, every program listed", 60),
        money(all.total_usd)
    );
    let _ = writeln!(
        out,
        "    {} {}",
        pad("Total, programs applied to so far", 60),
        money(applied.total_usd)
    );
    if all.not_eras > 0 {
        let _ = writeln!(
            out,
            "    ({} another application service and not counted.)",
            count(all.not_eras as usize, "program uses", "programs use")
        );
    }
    out
}

/// The rank order list with the ROL deadline countdown.
pub(crate) fn rank_list(plan: &Plan, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    let list = plan.rank_list();
    if let Some(deadline) = snapshot.calendar.get(Anchor::RolDeadline) {
        let _ = writeln!(
            out,
            "  Certify by {} ({}); {} programs ranked",
            deadline.date,
            countdown((deadline.date - snapshot.today).num_days()),
            list.len()
        );
    }
    if list.is_empty() {
        out.push_str("  (no program ranked yet)\n");
    }
    let choice = plan.profile.visa;
    // The printable rank list: whole names, wrapped, never cut.
    for (index, program) in list.iter().enumerate() {
        let mut details = vec![program.visa.label().to_owned()];
        details.extend(program.state.clone());
        details.extend(program.specialty.as_deref().map(clean_line));
        let text = format!("{} ({})", clean_line(&program.name), details.join(", "));
        for (i, part) in wrap(&text, super::TEXT_WIDTH - 8).iter().enumerate() {
            if i == 0 {
                let _ = writeln!(
                    out,
                    "{:>3}. {} {part}",
                    index + 1,
                    program.fit(choice).glyph()
                );
            } else {
                let _ = writeln!(out, "        {part}");
            }
        }
    }
    out
}
