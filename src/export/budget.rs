//! The budget in the exports and in `imgplan budget`: every line with what is planned (and where
//! the amount comes from) and what is paid, totals by stage and overall.

use std::fmt::Write as _;

use crate::budget::{BudgetLine, BudgetView, Counted, PlannedFrom};
use crate::journey::Template;
use crate::text::{clean_line, pad, truncate, width, wrap};

/// Columns of the budget CSV table.
pub(crate) const BUDGET_COLUMNS: [&str; 10] = [
    "Line id",
    "Stage",
    "Line",
    "Planned USD",
    "Planned from",
    "Paid USD",
    "Paid on",
    "Counted",
    "Season",
    "Sources",
];

/// "1234.50": a plain decimal a spreadsheet reads as a number.
fn decimal(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn stage_title(template: &Template, id: &str) -> String {
    template
        .stage(id)
        .map_or_else(|| id.to_owned(), |s| s.title.clone())
}

/// "planned" column text: the amount, or "enter your own".
pub(crate) fn planned_text(line: &BudgetLine) -> String {
    line.planned
        .map_or_else(|| "enter your own".to_owned(), |c| c.to_string())
}

/// "paid" column text: "$220 on 2026-11-02", or "-".
pub(crate) fn paid_text(line: &BudgetLine) -> String {
    line.paid
        .map_or_else(|| "-".to_owned(), |p| format!("{} on {}", p.amount, p.on))
}

/// The note after a line that is not totalled ("if J-1").
fn counted_note(line: &BudgetLine) -> &'static str {
    match line.counted {
        Counted::Yes => "",
        Counted::IfVisa(which) => which,
    }
}

/// "planned" cell of the text table: the amount with `*` when it is the user's own figure (as
/// the planner marks it), or "enter your own".
fn planned_cell(line: &BudgetLine) -> String {
    match (line.planned, line.planned_from) {
        (Some(amount), PlannedFrom::You) => format!("{amount}*"),
        _ => planned_text(line),
    }
}

/// The label shown in the text table, with the "(if J-1)" note of a line left out of the totals.
fn text_label(line: &BudgetLine) -> String {
    let label = clean_line(&line.label);
    match counted_note(line) {
        "" => label,
        note => format!("{label} ({note})"),
    }
}

/// The budget as plain text. With `columns` (a terminal's width) the table fits that width,
/// cutting a long label only when it must; with `None` (piped, or a file) nothing is ever cut.
pub(crate) fn budget_text(
    template: &Template,
    view: &BudgetView,
    columns: Option<usize>,
) -> String {
    let planned_width = view
        .lines
        .iter()
        .map(|l| width(&planned_cell(l)))
        .chain([width("Planned")])
        .max()
        .unwrap_or(0);
    let paid_width = view
        .lines
        .iter()
        .map(|l| width(&paid_text(l)))
        .chain([width("Paid")])
        .max()
        .unwrap_or(0);
    let longest_label = view
        .lines
        .iter()
        .map(|l| width(&text_label(l)))
        .max()
        .unwrap_or(0);
    // Four columns of indent and two spaces before each amount column.
    let label_width = match columns {
        Some(columns) => longest_label
            .min(columns.saturating_sub(4 + 2 + planned_width + 2 + paid_width))
            .max(20),
        None => longest_label,
    };
    let fit = |text: &str, room: usize| match columns {
        Some(_) => truncate(text, room),
        None => text.to_owned(),
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "    {}  {:>planned_width$}  Paid",
        pad("Line", label_width),
        "Planned"
    );
    for stage in &view.stages {
        let heading = format!(
            "{}: {} planned, {} paid",
            stage_title(template, &stage.stage),
            stage.planned,
            stage.paid
        );
        let _ = writeln!(
            out,
            "  {}",
            fit(&heading, columns.unwrap_or(0).saturating_sub(2))
        );
        for line in view.lines.iter().filter(|l| l.stage == stage.stage) {
            let row = format!(
                "    {}  {}  {}",
                pad(&fit(&text_label(line), label_width), label_width),
                pad_left(&planned_cell(line), planned_width),
                paid_text(line)
            );
            let _ = writeln!(out, "{}", row.trim_end());
        }
    }
    write_totals(&mut out, view, columns);
    out
}

/// Right-aligns text in `columns` display columns.
fn pad_left(text: &str, columns: usize) -> String {
    format!("{}{text}", " ".repeat(columns.saturating_sub(width(text))))
}

/// The total, the display currency, the legend and the notes under the table; wrapped to a
/// terminal's width, whole lines when piped.
fn write_totals(out: &mut String, view: &BudgetView, columns: Option<usize>) {
    let mut paragraphs = vec![format!("Total: {}", view.summary())];
    if let Some(currency) = &view.currency {
        paragraphs.push(format!(
            "Display currency: {} at {} per US dollar (your rate); each converted figure follows \
             the dollar amount it converts.",
            currency.code, currency.per_usd
        ));
    }
    if view
        .lines
        .iter()
        .any(|l| l.planned_from == PlannedFrom::You)
    {
        paragraphs.push("* your own figure, which wins over the template's.".to_owned());
    }
    paragraphs.push(
        "Lines marked \"if ...\" depend on your visa and are not totalled. Planned amounts come \
         from an official page only where a current one was found; the rest are yours."
            .to_owned(),
    );
    for paragraph in paragraphs {
        match columns {
            Some(columns) => {
                for line in wrap(&paragraph, columns.saturating_sub(2)) {
                    let _ = writeln!(out, "  {line}");
                }
            }
            None => {
                let _ = writeln!(out, "  {paragraph}");
            }
        }
    }
}

/// The budget as a Markdown section (the caller writes the heading).
pub(crate) fn budget_markdown(template: &Template, view: &BudgetView) -> String {
    use super::markdown::text;
    let mut out = String::new();
    let _ = writeln!(out, "| Stage | Line | Planned | Paid | Season |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for line in view.lines_by_stage() {
        let note = counted_note(line);
        let label = if note.is_empty() {
            text(&line.label)
        } else {
            format!("{} ({})", text(&line.label), note)
        };
        let planned = match line.planned {
            Some(amount) => text(&format!("{} ({})", amount, line.planned_from.label())),
            None => "enter your own".to_owned(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            text(&stage_title(template, &line.stage)),
            label,
            planned,
            text(&paid_text(line)),
            text(&line.season)
        );
    }
    for stage in &view.stages {
        let _ = writeln!(
            out,
            "| {} | total | {} | {} | |",
            text(&stage_title(template, &stage.stage)),
            text(&stage.planned.to_string()),
            text(&stage.paid.to_string())
        );
    }
    let _ = writeln!(out, "\nTotal: {}", text(&view.summary()));
    if let Some(currency) = &view.currency {
        let _ = writeln!(
            out,
            "\nDisplay currency {} at {} per US dollar (your rate).",
            text(&currency.code),
            currency.per_usd
        );
    }
    out
}

/// The budget as CSV rows (header first).
pub(crate) fn budget_rows(template: &Template, view: &BudgetView) -> Vec<Vec<String>> {
    let mut rows = vec![BUDGET_COLUMNS.iter().map(|c| (*c).to_owned()).collect()];
    for line in view.lines_by_stage() {
        rows.push(vec![
            line.id.clone(),
            stage_title(template, &line.stage),
            line.label.clone(),
            line.planned.map(|c| decimal(c.0)).unwrap_or_default(),
            line.planned_from.label().to_owned(),
            line.paid.map(|p| decimal(p.amount.0)).unwrap_or_default(),
            line.paid.map(|p| p.on.to_string()).unwrap_or_default(),
            match line.counted {
                Counted::Yes => "yes".to_owned(),
                Counted::IfVisa(which) => which.to_owned(),
            },
            line.season.clone(),
            line.sources.join(" "),
        ]);
    }
    rows.push(vec![
        "total".to_owned(),
        String::new(),
        "Total (counted lines)".to_owned(),
        decimal(view.planned.0),
        String::new(),
        decimal(view.paid.0),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]);
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::compute;
    use crate::journey::VisaChoice;
    use crate::plan::Plan;
    use chrono::NaiveDate;

    fn undecided_budget() -> (Template, BudgetView) {
        let template = Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let plan = Plan::new(&template, today, Some(2028), VisaChoice::Undecided).expect("plan");
        let view = compute(&template, &plan);
        (template, view)
    }

    #[test]
    fn a_terminal_budget_fits_its_width_and_uses_a_wide_one() {
        let (template, view) = undecided_budget();
        let narrow = budget_text(&template, &view, Some(60));
        for line in narrow.lines() {
            assert!(width(line) <= 60, "{line:?} is over 60 columns");
        }
        let wide = budget_text(&template, &view, Some(160));
        assert!(!wide.contains('…'), "{wide}");
        assert!(
            wide.contains("ECFMG J-1 sponsorship, yearly (if J-1)"),
            "{wide}"
        );
    }

    #[test]
    fn piped_budget_lines_are_whole() {
        let (template, view) = undecided_budget();
        let whole = budget_text(&template, &view, None);
        assert!(!whole.contains('…'), "{whole}");
        for line in &view.lines {
            assert!(whole.contains(&clean_line(&line.label)), "{}", line.label);
        }
    }
}
