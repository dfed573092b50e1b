//! The Budget panel: every cost of the journey by stage, what is planned (and where the amount
//! comes from) and what is paid, with the totals in the title. Rows come from
//! [`crate::tui::app::App::rows`]; Enter on a line opens its form.

use ratatui::text::{Line, Span};

use super::theme::Theme;
use super::widgets::{column, freshness_line, source_line};
use crate::budget::{BudgetLine, BudgetView, Counted, PlannedFrom};
use crate::text::{clean_line, truncate};
use crate::tui::app::App;

/// The budget worked out for the plan on screen.
pub(crate) fn view(app: &App) -> BudgetView {
    crate::budget::compute(&app.template, &app.session.plan)
}

pub(crate) fn title(app: &App) -> String {
    format!(" Budget · {} ", view(app).summary())
}

/// `  USMLE Step 1 fee            $1,000 you    paid $1,000`.
pub(crate) fn line(app: &App, index: usize, columns: usize, theme: &Theme) -> Line<'static> {
    let Some(line) = app
        .template
        .budget
        .get(index)
        .and_then(|item| crate::budget::line_for(&app.template, &app.session.plan, item))
    else {
        return Line::raw("");
    };
    let narrow = columns < 60;
    let planned = match (line.planned, narrow) {
        (Some(amount), _) => amount.to_string(),
        (None, false) => "enter your own".to_owned(),
        (None, true) => "enter yours".to_owned(),
    };
    let (planned_style, from) = match line.planned_from {
        PlannedFrom::Nothing => (theme.warning, " "),
        PlannedFrom::You => (theme.text, "*"),
        PlannedFrom::Template | PlannedFrom::Programs => (theme.text, " "),
    };
    let paid = match line.paid {
        Some(payment) => format!("paid {}", payment.amount),
        None => "not paid".to_owned(),
    };
    let paid_style = if line.paid.is_some() {
        theme.done
    } else {
        theme.dim
    };
    let mut label = clean_line(&line.label);
    if let Counted::IfVisa(which) = line.counted {
        label = format!("{label} ({which})");
    }
    let (planned_columns, paid_columns) = if narrow { (12, 12) } else { (16, 16) };
    let label_columns = columns.saturating_sub(2 + planned_columns + 1 + paid_columns + 1);
    Line::from(vec![
        Span::raw("  "),
        column(&label, label_columns, theme.text),
        Span::styled(
            format!(
                "{:>width$}",
                truncate(&planned, planned_columns - 1),
                width = planned_columns - 1
            ),
            planned_style,
        ),
        Span::styled(from.to_owned(), theme.dim),
        Span::raw(" "),
        column(&paid, paid_columns, paid_style),
    ])
}

/// `  Also in INR at 83.25 per US dollar` or how to set one (the totals row above carries the
/// converted figures, each beside its dollar amount).
pub(crate) fn currency_line(app: &App, columns: usize, theme: &Theme) -> Line<'static> {
    let text = match &app.session.plan.budget.currency {
        Some(currency) => format!(
            "  Also in {} at {} per US dollar (your rate; Enter changes it)",
            currency.code, currency.per_usd
        ),
        None => "  Show amounts in another currency too (Enter)".to_owned(),
    };
    Line::styled(truncate(&text, columns), theme.text)
}

/// The whole line: amounts, where the planned one comes from, note, season and sources.
pub(crate) fn detail_lines(app: &App, index: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(item) = app.template.budget.get(index) else {
        return Vec::new();
    };
    let view = view(app);
    let Some(line) = view.line(&item.id) else {
        return Vec::new();
    };
    let mut lines = vec![Line::styled(clean_line(&line.label), theme.title)];
    lines.extend(amount_lines(&view, line, theme));
    lines.push(Line::raw(""));
    lines.push(Line::raw(clean_line(&line.note)));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Season: {}", clean_line(&line.season)),
        theme.dim,
    ));
    if !line.sources.is_empty() {
        lines.push(Line::styled("Sources", theme.heading));
        lines.extend(freshness_line(app, &line.sources, theme));
        for source in &line.sources {
            lines.push(source_line(app, source, theme));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        "Enter sets your planned amount and what you paid (empty clears).",
        theme.dim,
    ));
    lines
}

fn amount_lines(view: &BudgetView, line: &BudgetLine, theme: &Theme) -> Vec<Line<'static>> {
    let in_currency = |amount| {
        view.currency
            .as_ref()
            .map(|c| format!(" ({})", c.show(amount)))
            .unwrap_or_default()
    };
    let planned = match line.planned {
        Some(amount) => Line::raw(format!(
            "Planned: {amount}{} · {}",
            in_currency(amount),
            line.planned_from.label()
        )),
        None => Line::styled(
            "Planned: none yet: no current official amount was found, enter your own",
            theme.warning,
        ),
    };
    let paid = match line.paid {
        Some(payment) => Line::raw(format!(
            "Paid: {}{} on {}",
            payment.amount,
            in_currency(payment.amount),
            payment.on
        )),
        None => Line::styled("Paid: nothing yet", theme.dim),
    };
    let mut lines = vec![planned, paid];
    if let Counted::IfVisa(which) = line.counted {
        lines.push(Line::styled(
            format!("Not in the totals: only {which} (choose your visa with p)."),
            theme.dim,
        ));
    }
    lines
}

/// The display currency, explained.
pub(crate) fn currency_detail(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let view = view(app);
    let mut lines = vec![Line::styled("Display currency", theme.title)];
    match &view.currency {
        Some(currency) => {
            lines.push(Line::raw(format!(
                "{} at {} per US dollar: planned {}, paid {}.",
                currency.code,
                currency.per_usd,
                currency.show(view.planned),
                currency.show(view.paid)
            )));
        }
        None => lines.push(Line::raw("Amounts are in US dollars only.")),
    }
    lines.push(Line::raw(""));
    lines.push(Line::raw(
        "Fees are charged in US dollars; the rate is yours (your bank's), never looked up, so \
         the converted figures are only as current as the rate you typed.",
    ));
    lines.push(Line::styled(
        "Enter sets the currency and rate; an empty code goes back to dollars only.",
        theme.dim,
    ));
    lines
}
