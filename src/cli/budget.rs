//! `imgplan letters`: every letter and the programs each goes to (read only; the planner edits
//! them).
//!
//! `imgplan budget`: every cost of the journey, planned and paid. `list` (the default) prints
//! the budget; `set` changes one line's planned amount or payment; `currency` chooses the
//! display currency and its rate.

use std::io::Write;

use clap::{Args, Subcommand};

use super::{Context, Failure};
use crate::budget::{self, Cents, DisplayCurrency, Payment};
use crate::calendar::parse_date;
use crate::export::budget::{budget_text, paid_text, planned_text};
use crate::text::clean_line;

#[derive(Debug, Args)]
pub struct BudgetArgs {
    #[command(subcommand)]
    pub command: Option<BudgetCommand>,
}

#[derive(Debug, Subcommand)]
pub enum BudgetCommand {
    /// Print every line with its planned and paid amounts, totals by stage and overall.
    List,
    /// Change one line: `imgplan budget set step1 --planned 1000 --paid 1000 --paid-on 2026-11-02`.
    Set(SetBudgetArgs),
    /// Show amounts also in another currency at your own rate (`currency INR 83.25`), or stop
    /// (`currency none`).
    Currency {
        /// Three-letter code (INR, NGN, EUR), or `none`.
        #[arg(value_name = "CODE")]
        code: String,
        /// How many units of it one US dollar buys.
        #[arg(value_name = "RATE")]
        rate: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct SetBudgetArgs {
    /// The line's id, as `imgplan budget` lists it (step1, eras, j1-sevis…).
    #[arg(value_name = "LINE")]
    pub id: String,
    /// Your planned amount in US dollars (1234.50), or `none` to go back to the template's.
    #[arg(long, value_name = "USD")]
    pub planned: Option<String>,
    /// What you paid in US dollars, or `none` to clear the payment.
    #[arg(long, value_name = "USD")]
    pub paid: Option<String>,
    /// When you paid (default: today).
    #[arg(long, value_name = "DATE", requires = "paid")]
    pub paid_on: Option<String>,
}

pub(super) fn budget(
    ctx: &Context,
    args: &BudgetArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    match &args.command {
        None | Some(BudgetCommand::List) => list(ctx, out),
        Some(BudgetCommand::Set(set_args)) => set(ctx, set_args, out),
        Some(BudgetCommand::Currency { code, rate }) => currency(ctx, code, rate.as_deref(), out),
    }
}

fn list(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, _) = ctx.load_or_default()?;
    let view = budget::compute(&ctx.template, &plan);
    writeln!(out, "Budget (amounts in US dollars)")?;
    out.write_all(budget_text(&ctx.template, &view, super::terminal_columns()).as_bytes())?;
    writeln!(out, "  Line ids for `imgplan budget set`:")?;
    let ids: Vec<&str> = view.lines.iter().map(|l| l.id.as_str()).collect();
    for chunk in ids.chunks(8) {
        writeln!(out, "    {}", chunk.join(", "))?;
    }
    Ok(())
}

/// "none" (or empty) clears; anything else must read as dollars.
fn amount(text: &str) -> Result<Option<Cents>, Failure> {
    match text.trim() {
        "" | "none" => Ok(None),
        typed => Cents::parse(typed).map(Some).map_err(Failure::new),
    }
}

fn set(ctx: &Context, args: &SetBudgetArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.planned.is_none() && args.paid.is_none() {
        return Err(Failure::new(
            "nothing to change: give --planned or --paid (see `imgplan budget set --help`)",
        ));
    }
    ctx.lock("budget set")?;
    let (mut plan, saved) = ctx.load_or_default()?;
    let template = &ctx.template;
    let id = args.id.trim();
    if let Some(planned) = &args.planned {
        plan.set_budget_planned(template, id, amount(planned)?)?;
    }
    if let Some(paid) = &args.paid {
        let on = match &args.paid_on {
            Some(text) => parse_date(text.trim()).map_err(Failure::new)?,
            None => ctx.today,
        };
        let payment = amount(paid)?.map(|amount| Payment { amount, on });
        plan.set_budget_paid(template, id, payment)?;
    }
    ctx.save_saying_where(&plan, saved, out)?;
    let view = budget::compute(template, &plan);
    match view.line(id) {
        Some(line) => writeln!(
            out,
            "{}: planned {} ({}), paid {}",
            clean_line(&line.label),
            planned_text(line),
            line.planned_from.label(),
            paid_text(line)
        )?,
        None => writeln!(
            out,
            "Saved {} (it does not apply to your visa choice, so it is not in your budget).",
            clean_line(id)
        )?,
    }
    writeln!(out, "Total: {}", view.summary())?;
    Ok(())
}

fn currency(
    ctx: &Context,
    code: &str,
    rate: Option<&str>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let currency = if code.trim().eq_ignore_ascii_case("none") {
        None
    } else {
        let rate = rate.ok_or_else(|| {
            Failure::new(format!(
                "give the rate too: how many {} one US dollar buys (e.g. `imgplan budget currency {} 83.25`)",
                clean_line(code),
                clean_line(code)
            ))
        })?;
        Some(DisplayCurrency::parse(code, rate).map_err(Failure::new)?)
    };
    ctx.lock("budget currency")?;
    let (mut plan, saved) = ctx.load_or_default()?;
    plan.set_display_currency(currency.clone());
    ctx.save_saying_where(&plan, saved, out)?;
    match currency {
        Some(c) => writeln!(
            out,
            "Amounts are also shown in {} at {} per US dollar (your rate).",
            c.code, c.per_usd
        )?,
        None => writeln!(out, "Amounts are shown in US dollars only.")?,
    }
    Ok(())
}

pub(super) fn letters(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, _) = ctx.load_or_default()?;
    writeln!(out, "Letters of recommendation")?;
    let columns = super::terminal_columns();
    out.write_all(crate::export::letters::letters_text(&ctx.template, &plan, columns).as_bytes())?;
    let pending: Vec<String> = plan
        .rotations
        .iter()
        .filter(|r| {
            r.letter != crate::usce::LetterState::NotRequested
                && !crate::letters::followed_here(&plan, r.id)
        })
        .map(|r| format!("  {} ({})", clean_line(&r.institution), r.letter.label()))
        .collect();
    if !pending.is_empty() {
        writeln!(out, "From rotations:")?;
        for line in pending {
            writeln!(out, "{line}")?;
        }
    }
    let snapshot = crate::insights::Snapshot::build(&ctx.template, &plan, ctx.today);
    for warning in snapshot.warnings.iter().filter(|w| {
        matches!(
            w.kind,
            crate::insights::WarningKind::LetterNotUploaded
                | crate::insights::WarningKind::LettersShort
        )
    }) {
        writeln!(out, "warning: {}", clean_line(&warning.message))?;
    }
    Ok(())
}
