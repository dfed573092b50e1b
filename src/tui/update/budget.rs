//! The Budget panel: Enter on a line opens its form (planned and paid); Enter on the currency
//! row opens the display currency form. Changes go through `history::change`.

use super::forms::{open_form, reject};
use super::history::change;
use crate::text::clean_line;
use crate::tui::action::Effect;
use crate::tui::app::{App, Mode};
use crate::tui::form::Form;

pub(super) fn edit_line(app: &mut App, index: usize) {
    let Some(item) = app.template.budget.get(index) else {
        return;
    };
    let entry = app
        .session
        .plan
        .budget
        .lines
        .get(&item.id)
        .copied()
        .unwrap_or_default();
    let form = Form::budget_line(index, &item.label, entry);
    open_form(app, form);
}

pub(super) fn edit_currency(app: &mut App) {
    let form = Form::currency(app.session.plan.budget.currency.as_ref());
    open_form(app, form);
}

pub(super) fn submit_line(app: &mut App, form: &Form, index: usize) -> Vec<Effect> {
    let (planned, paid) = match form.to_budget_change(app.today) {
        Ok(change) => change,
        Err((key, error)) => return reject(app, key, error),
    };
    let Some(item) = app.template.budget.get(index) else {
        app.screen.mode = Mode::Normal;
        return Vec::new();
    };
    let (id, label) = (item.id.clone(), clean_line(&item.label));
    app.screen.mode = Mode::Normal;
    change(app, format!("Budget saved: {label}"), |plan, template| {
        plan.set_budget_planned(template, &id, planned)?;
        plan.set_budget_paid(template, &id, paid)
    })
}

pub(super) fn submit_currency(app: &mut App, form: &Form) -> Vec<Effect> {
    let currency = match form.to_currency() {
        Ok(currency) => currency,
        Err((key, error)) => return reject(app, key, error),
    };
    let what = match &currency {
        Some(c) => format!(
            "Amounts also shown in {} at {} per US dollar",
            c.code, c.per_usd
        ),
        None => "Amounts shown in US dollars only".to_owned(),
    };
    app.screen.mode = Mode::Normal;
    change(app, what, |plan, _| {
        plan.set_display_currency(currency);
        Ok(())
    })
}
