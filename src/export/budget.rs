//! The budget in the exports and in `imgplan budget`: every line with what is planned (and where
//! the amount comes from) and what is paid, totals by stage and overall.

use std::fmt::Write as _;

use crate::budget::{BudgetLine, BudgetView, Counted};
use crate::journey::Template;
use crate::text::{clean_line, pad, truncate};

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

/// The budget as plain text, 80 columns wide.
pub(crate) fn budget_text(template: &Template, view: &BudgetView) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} {:>14} {:>20}",
        pad("Line", 42),
        "Planned",
        "Paid"
    );
    for stage in &view.stages {
        let _ = writeln!(
            out,
            "  {}",
            truncate(
                &format!(
                    "{}: {} planned, {} paid",
                    stage_title(template, &stage.stage),
                    stage.planned,
                    stage.paid
                ),
                76
            )
        );
        for line in view.lines.iter().filter(|l| l.stage == stage.stage) {
            let mut label = clean_line(&line.label);
            let note = counted_note(line);
            if !note.is_empty() {
                label = format!("{label} ({note})");
            }
            let _ = writeln!(
                out,
                "    {} {:>14} {:>20}",
                pad(&truncate(&label, 40), 40),
                planned_text(line),
                paid_text(line)
            );
        }
    }
    let _ = writeln!(
        out,
        "  {}",
        truncate(&format!("Total: {}", view.summary()), 78)
    );
    if let Some(currency) = &view.currency {
        let _ = writeln!(
            out,
            "  {}",
            truncate(
                &format!(
                    "Display currency: {} at {} per US dollar (your rate); paid {}",
                    currency.code,
                    currency.per_usd,
                    currency.show(view.paid)
                ),
                78
            )
        );
    }
    out.push_str(
        "  Lines marked \"if ...\" depend on your visa and are not totalled. Planned\n  \
         amounts come from an official page only where a current one was found; the\n  \
         rest are yours.\n",
    );
    out
}

/// The budget as a Markdown section (the caller writes the heading).
pub(crate) fn budget_markdown(template: &Template, view: &BudgetView) -> String {
    use super::markdown::text;
    let mut out = String::new();
    let _ = writeln!(out, "| Stage | Line | Planned | Paid | Season |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for line in &view.lines {
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
    for line in &view.lines {
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
