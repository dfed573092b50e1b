//! The budget's forms: one line's planned amount and payment, and the display currency.

use super::*;
use crate::budget::{BudgetEntry, Cents, DisplayCurrency, Payment};

/// What the budget line form reads back: the planned amount and the payment, each `None` when
/// the field is empty.
pub type BudgetChange = (Option<Cents>, Option<Payment>);

fn cents_text(cents: Option<Cents>) -> String {
    cents
        .map(|c| format!("{}.{:02}", c.0 / 100, c.0 % 100))
        .unwrap_or_default()
}

impl Form {
    /// A budget line's form, filled from what the user set (`entry`), for the template line
    /// `index` labelled `label`.
    pub fn budget_line(index: usize, label: &str, entry: BudgetEntry) -> Form {
        Form {
            purpose: FormPurpose::BudgetLine(index),
            title: format!(" Budget · {} ", crate::text::clean_line(label)),
            fields: vec![
                text(
                    Key::Planned,
                    "Planned (USD)",
                    "your own figure, e.g. 1000 or 1234.50; empty uses the published amount if there is one",
                    &cents_text(entry.planned),
                ),
                text(
                    Key::Paid,
                    "Paid (USD)",
                    "what you paid; empty means not paid yet",
                    &cents_text(entry.paid.map(|p| p.amount)),
                ),
                text(
                    Key::PaidOn,
                    "Paid on",
                    "YYYY-MM-DD, M/D/YYYY or D Mon YYYY; empty is today",
                    &entry.paid.map(|p| p.on.to_string()).unwrap_or_default(),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the budget line form; `today` is the payment date when none is typed.
    pub fn to_budget_change(&self, today: NaiveDate) -> Result<BudgetChange, FieldError> {
        let amount = |key: Key| -> Result<Option<Cents>, FieldError> {
            match self.optional(key) {
                None => Ok(None),
                Some(text) => Cents::parse(&text).map(Some).map_err(|e| (key, e)),
            }
        };
        let planned = amount(Key::Planned)?;
        let paid = amount(Key::Paid)?;
        let on = optional_date(&self.text_of(Key::PaidOn)).map_err(|e| (Key::PaidOn, e))?;
        if paid.is_none() && on.is_some() {
            return Err((Key::Paid, "a payment date needs an amount paid".into()));
        }
        Ok((
            planned,
            paid.map(|amount| Payment {
                amount,
                on: on.unwrap_or(today),
            }),
        ))
    }

    /// The display currency form.
    pub fn currency(currency: Option<&DisplayCurrency>) -> Form {
        Form {
            purpose: FormPurpose::Currency,
            title: " Budget · display currency ".to_owned(),
            fields: vec![
                text(
                    Key::CurrencyCode,
                    "Currency",
                    "three letters, e.g. INR, NGN, EUR; empty shows US dollars only",
                    currency.map_or("", |c| c.code.as_str()),
                ),
                text(
                    Key::Rate,
                    "Per US dollar",
                    "how many units one US dollar buys at your bank, e.g. 83.25",
                    &currency.map(|c| c.per_usd.to_string()).unwrap_or_default(),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// Reads the currency form: `None` when the code is empty.
    pub fn to_currency(&self) -> Result<Option<DisplayCurrency>, FieldError> {
        let code = self.text_of(Key::CurrencyCode);
        if code.is_empty() {
            return Ok(None);
        }
        let rate = self.text_of(Key::Rate);
        DisplayCurrency::parse(&code, &rate).map(Some).map_err(|e| {
            let key = if e.contains("currency code") || e.contains("USD") {
                Key::CurrencyCode
            } else {
                Key::Rate
            };
            (key, e)
        })
    }
}
