//! The whole cost of the road, line by line: exam fees, ECFMG, ERAS, NRMP, travel, visa and
//! licensure. The template says which lines there are, with a planned amount only where an
//! official source gives a current one (never a guess); the plan keeps what the user planned
//! and paid. Money is integer cents throughout, so sums never drift.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::journey::{Template, VisaChoice};
use crate::plan::{Plan, PlanError};

/// An amount of US dollars, in cents.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Cents(pub u64);

/// The most a single line may hold ($100 million): enough for any fee, small enough that sums
/// of every line can never overflow.
pub const MAX_CENTS: u64 = 10_000_000_000;

impl Cents {
    pub fn from_dollars(usd: u32) -> Cents {
        Cents(u64::from(usd) * 100)
    }

    /// Reads "1,234.50", "$220" or "220.5": dollars with at most two decimals.
    pub fn parse(text: &str) -> Result<Cents, String> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('$')
            .chars()
            .filter(|c| *c != ',' && *c != '_')
            .collect();
        let (whole, fraction) = cleaned.split_once('.').unwrap_or((&cleaned, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 2 {
            return Err(format!(
                "{:?} is not an amount in dollars: write it like 1234.50",
                crate::text::clean_line(text)
            ));
        }
        let whole: u64 = whole
            .parse()
            .map_err(|_| "that amount is too large".to_owned())?;
        let cents: u64 = format!("{fraction:0<2}").parse().unwrap_or(0);
        let total = whole
            .checked_mul(100)
            .and_then(|w| w.checked_add(cents))
            .filter(|c| *c <= MAX_CENTS)
            .ok_or_else(|| "that amount is over $100,000,000".to_owned())?;
        Ok(Cents(total))
    }
}

/// "$1,234" for whole dollars, "$1,234.50" otherwise.
impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let dollars = self.0 / 100;
        let cents = self.0 % 100;
        write!(f, "${}", grouped(dollars))?;
        if cents != 0 {
            write!(f, ".{cents:02}")?;
        }
        Ok(())
    }
}

/// 1234567 → "1,234,567".
fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where a line's planned amount comes from in the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TemplateAmount {
    /// A published amount, in whole dollars.
    Usd(u32),
    /// The ERAS estimate from the programs on the list (the programs panel's figure).
    ErasEstimate,
    /// The H-1B payment from the situation rules, where it applies.
    H1bPayment,
    /// No current official amount: the user enters their own.
    Own,
}

/// Whom a line is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Applies {
    #[default]
    Always,
    J1,
    H1b,
    /// An H-1B petition for someone outside the US (the H-1B payment).
    H1bFromAbroad,
}

/// One cost of the journey, as the template has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetItem {
    pub id: String,
    /// The stage it belongs to, for totals by stage.
    pub stage: String,
    pub label: String,
    pub amount: TemplateAmount,
    #[serde(default)]
    pub applies: Applies,
    /// What the amount covers, or why there is none.
    pub note: String,
    /// The season or "as of" period the amount speaks of.
    pub season: String,
    /// Empty only for lines that are the user's own costs (travel, living).
    #[serde(default)]
    pub sources: Vec<String>,
}

/// A payment the user made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// In cents (the file says so in the field's name).
    #[serde(rename = "amount_cents")]
    pub amount: Cents,
    pub on: NaiveDate,
}

/// What the user set for one line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetEntry {
    /// The user's own planned amount; it wins over the template's. In cents.
    #[serde(
        default,
        rename = "planned_cents",
        skip_serializing_if = "Option::is_none"
    )]
    pub planned: Option<Cents>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Payment>,
}

impl BudgetEntry {
    fn is_empty(&self) -> bool {
        self.planned.is_none() && self.paid.is_none()
    }
}

/// Units of the display currency one US dollar buys, in millionths (83.25 is 83_250_000), so a
/// rate is exact and conversion stays in integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rate(pub u64);

impl Rate {
    /// Reads "83.25": a positive number with at most six decimals.
    pub fn parse(text: &str) -> Result<Rate, String> {
        let text = text.trim();
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !digits(whole) || !(fraction.is_empty() || digits(fraction)) || fraction.len() > 6 {
            return Err(format!(
                "{:?} is not a rate: write how many units one US dollar buys, like 83.25",
                crate::text::clean_line(text)
            ));
        }
        let whole: u64 = whole
            .parse()
            .map_err(|_| "that rate is too large".to_owned())?;
        let fraction: u64 = format!("{fraction:0<6}").parse().unwrap_or(0);
        let rate = whole
            .checked_mul(1_000_000)
            .and_then(|w| w.checked_add(fraction))
            .filter(|r| *r > 0 && *r <= 1_000_000 * 1_000_000)
            .ok_or_else(|| "a rate must be above 0 and at most 1,000,000".to_owned())?;
        Ok(Rate(rate))
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.0 / 1_000_000;
        let fraction = format!("{:06}", self.0 % 1_000_000);
        let fraction = fraction.trim_end_matches('0');
        if fraction.is_empty() {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{fraction}")
        }
    }
}

/// A currency to show amounts in besides US dollars, at the user's own rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisplayCurrency {
    /// Three capital letters (ISO 4217 style): INR, NGN, EUR.
    pub code: String,
    pub per_usd: Rate,
}

impl DisplayCurrency {
    /// Checks a code and a rate as typed.
    pub fn parse(code: &str, rate: &str) -> Result<DisplayCurrency, String> {
        let code = code.trim().to_ascii_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "{:?} is not a currency code: use three letters, like INR or EUR",
                crate::text::clean_line(&code)
            ));
        }
        if code == "USD" {
            return Err("amounts are already in USD: name another currency".into());
        }
        Ok(DisplayCurrency {
            code,
            per_usd: Rate::parse(rate)?,
        })
    }

    /// The amount in this currency, rounded to whole units: "≈ 18,316 INR".
    pub fn show(&self, amount: Cents) -> String {
        let millionths = u128::from(amount.0) * u128::from(self.per_usd.0);
        // cents × millionths → units: divide by 100 × 1,000,000, rounding half up.
        let units = (millionths + 50_000_000) / 100_000_000;
        let units = u64::try_from(units).unwrap_or(u64::MAX);
        format!("≈ {} {}", grouped(units), self.code)
    }
}

/// The user's budget: what they planned and paid per line, and the display currency.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Budget {
    /// By template line id; sorted so the file diffs cleanly.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lines: BTreeMap<String, BudgetEntry>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<DisplayCurrency>,
}

impl Budget {
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.currency.is_none()
    }
}

/// Where the planned amount of a line came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PlannedFrom {
    /// The user's own figure.
    You,
    /// The template's published amount.
    Template,
    /// Computed from the programs on the list.
    Programs,
    /// Nothing yet: enter your own.
    Nothing,
}

impl PlannedFrom {
    pub fn label(self) -> &'static str {
        match self {
            PlannedFrom::You => "your figure",
            PlannedFrom::Template => "published amount",
            PlannedFrom::Programs => "from your programs",
            PlannedFrom::Nothing => "enter your own",
        }
    }
}

/// Whether a line counts for this user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Counted {
    Yes,
    /// Depends on a choice not made yet (the visa): shown, not totalled.
    IfVisa(&'static str),
}

/// One line as the budget shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetLine {
    pub id: String,
    pub stage: String,
    pub label: String,
    pub planned: Option<Cents>,
    pub planned_from: PlannedFrom,
    pub paid: Option<Payment>,
    pub counted: Counted,
    pub note: String,
    pub season: String,
    pub sources: Vec<String>,
}

/// Planned and paid for one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StageTotal {
    pub stage: String,
    pub planned: Cents,
    pub paid: Cents,
}

/// The budget worked out: every line for this user, totals by stage and overall.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BudgetView {
    pub lines: Vec<BudgetLine>,
    pub stages: Vec<StageTotal>,
    pub planned: Cents,
    pub paid: Cents,
    /// Counted lines with no planned amount yet.
    pub unplanned: usize,
    pub currency: Option<DisplayCurrency>,
}

impl BudgetView {
    pub fn line(&self, id: &str) -> Option<&BudgetLine> {
        self.lines.iter().find(|line| line.id == id)
    }

    /// Every line grouped by stage in the template's stage order (as the planner lists them),
    /// and in the template's order within a stage, so every export reads like the panel.
    /// A line whose stage the template does not list comes last rather than being lost.
    pub fn lines_by_stage(&self) -> Vec<&BudgetLine> {
        let position = |line: &BudgetLine| {
            self.stages
                .iter()
                .position(|stage| stage.stage == line.stage)
                .unwrap_or(usize::MAX)
        };
        let mut lines: Vec<&BudgetLine> = self.lines.iter().collect();
        lines.sort_by_key(|line| position(line));
        lines
    }

    /// "$2,405 planned · $405 paid · 9 lines to fill in"; with a display currency each converted
    /// figure sits right after the dollar amount it converts ("$2,405 planned (≈ 200,211 INR) ·
    /// $405 paid (≈ 33,716 INR)"), so a reader never takes the planned total for what was paid.
    pub fn summary(&self) -> String {
        let converted = |amount: Cents| {
            self.currency
                .as_ref()
                .map(|currency| format!(" ({})", currency.show(amount)))
                .unwrap_or_default()
        };
        let mut text = format!(
            "{} planned{} · {} paid{}",
            self.planned,
            converted(self.planned),
            self.paid,
            converted(self.paid)
        );
        if self.unplanned > 0 {
            text.push_str(&format!(
                " · {} to fill in",
                crate::text::count(self.unplanned, "line", "lines")
            ));
        }
        text
    }
}

/// Whether a line applies to someone with this visa choice and whereabouts. A preference
/// ("H-1B preferred, J-1 acceptable") counts its preferred visa's costs and shows the acceptable
/// visa's as "if J-1" lines left out of the totals, as an undecided plan shows both.
fn counted(applies: Applies, visa: VisaChoice, in_us: Option<bool>) -> Option<Counted> {
    if let Some(acceptable) = visa.acceptable() {
        return counted(applies, visa.preferred(), in_us).or_else(|| {
            counted(applies, VisaChoice::Undecided, in_us)
                .filter(|_| counted(applies, acceptable, in_us).is_some())
        });
    }
    match (applies, visa) {
        (Applies::Always, _) => Some(Counted::Yes),
        (_, VisaChoice::NotNeeded) => None,
        (Applies::J1, VisaChoice::J1) | (Applies::H1b, VisaChoice::H1b) => Some(Counted::Yes),
        (Applies::H1bFromAbroad, VisaChoice::H1b) if in_us != Some(true) => Some(Counted::Yes),
        (Applies::J1, VisaChoice::Undecided) => Some(Counted::IfVisa("if J-1")),
        (Applies::H1b, VisaChoice::Undecided) => Some(Counted::IfVisa("if H-1B")),
        (Applies::H1bFromAbroad, VisaChoice::Undecided) if in_us != Some(true) => {
            Some(Counted::IfVisa("if H-1B from abroad"))
        }
        _ => None,
    }
}

/// Whether a budget line is on this user's path (its sources count for freshness).
pub fn on_path(template: &Template, profile: &crate::plan::Profile, id: &str) -> bool {
    template
        .budget
        .iter()
        .any(|item| item.id == id && counted(item.applies, profile.visa, profile.in_us).is_some())
}

/// The template's planned amount for a line, and where it came from.
fn template_amount(
    template: &Template,
    plan: &Plan,
    item: &BudgetItem,
) -> Option<(Cents, PlannedFrom)> {
    match item.amount {
        TemplateAmount::Usd(usd) => Some((Cents::from_dollars(usd), PlannedFrom::Template)),
        TemplateAmount::H1bPayment => Some((
            Cents::from_dollars(template.situation.h1b_payment.usd),
            PlannedFrom::Template,
        )),
        TemplateAmount::ErasEstimate => {
            let schedule = template.fees_for(plan.profile.match_year)?;
            let estimate = crate::programs::estimate_cost(&plan.programs, schedule, true);
            (estimate.total_usd > 0).then(|| {
                (
                    Cents::from_dollars(estimate.total_usd),
                    PlannedFrom::Programs,
                )
            })
        }
        TemplateAmount::Own => None,
    }
}

/// Works out the budget for a plan.
pub fn compute(template: &Template, plan: &Plan) -> BudgetView {
    let lines: Vec<BudgetLine> = template
        .budget
        .iter()
        .filter_map(|item| line_for(template, plan, item))
        .collect();
    let mut stages: Vec<StageTotal> = Vec::new();
    for stage in &template.stages {
        let (planned, paid) = sums(lines.iter().filter(|l| l.stage == stage.id));
        if lines.iter().any(|l| l.stage == stage.id) {
            stages.push(StageTotal {
                stage: stage.id.clone(),
                planned,
                paid,
            });
        }
    }
    let (planned, paid) = sums(lines.iter());
    let unplanned = lines
        .iter()
        .filter(|l| l.counted == Counted::Yes && l.planned.is_none())
        .count();
    BudgetView {
        lines,
        stages,
        planned,
        paid,
        unplanned,
        currency: plan.budget.currency.clone(),
    }
}

/// One line for this plan, or `None` when it is not on the user's route. Cheap (only the ERAS
/// line looks at the programs), so a list can draw line by line.
pub fn line_for(template: &Template, plan: &Plan, item: &BudgetItem) -> Option<BudgetLine> {
    let profile = &plan.profile;
    let counted = counted(item.applies, profile.visa, profile.in_us)?;
    let entry = plan.budget.lines.get(&item.id).copied().unwrap_or_default();
    let (planned, planned_from) = match entry.planned {
        Some(amount) => (Some(amount), PlannedFrom::You),
        None => match template_amount(template, plan, item) {
            Some((amount, from)) => (Some(amount), from),
            None => (None, PlannedFrom::Nothing),
        },
    };
    Some(BudgetLine {
        id: item.id.clone(),
        stage: item.stage.clone(),
        label: item.label.clone(),
        planned,
        planned_from,
        paid: entry.paid,
        counted,
        note: item.note.clone(),
        season: item.season.clone(),
        sources: item.sources.clone(),
    })
}

/// Planned and paid over the counted lines.
fn sums<'a>(lines: impl Iterator<Item = &'a BudgetLine>) -> (Cents, Cents) {
    let mut planned: u64 = 0;
    let mut paid: u64 = 0;
    for line in lines.filter(|l| l.counted == Counted::Yes) {
        planned = planned.saturating_add(line.planned.map_or(0, |c| c.0));
        paid = paid.saturating_add(line.paid.map_or(0, |p| p.amount.0));
    }
    (Cents(planned), Cents(paid))
}

impl Plan {
    fn budget_item<'a>(template: &'a Template, id: &str) -> Result<&'a BudgetItem, PlanError> {
        template.budget.iter().find(|i| i.id == id).ok_or_else(|| {
            let known: Vec<&str> = template.budget.iter().map(|i| i.id.as_str()).collect();
            PlanError::Invalid(format!(
                "no budget line has the id {id:?} (lines: {})",
                known.join(", ")
            ))
        })
    }

    /// Sets (or, with `None`, clears back to the template's) the planned amount of a line.
    pub fn set_budget_planned(
        &mut self,
        template: &Template,
        id: &str,
        planned: Option<Cents>,
    ) -> Result<(), PlanError> {
        let item = Self::budget_item(template, id)?;
        let entry = self.budget.lines.entry(item.id.clone()).or_default();
        entry.planned = planned;
        if entry.is_empty() {
            self.budget.lines.remove(id);
        }
        Ok(())
    }

    /// Records (or, with `None`, clears) what was paid for a line and when.
    pub fn set_budget_paid(
        &mut self,
        template: &Template,
        id: &str,
        paid: Option<Payment>,
    ) -> Result<(), PlanError> {
        let item = Self::budget_item(template, id)?;
        if let Some(payment) = paid
            && payment.amount.0 > MAX_CENTS
        {
            return Err(PlanError::Invalid(
                "that amount is over $100,000,000".into(),
            ));
        }
        let entry = self.budget.lines.entry(item.id.clone()).or_default();
        entry.paid = paid;
        if entry.is_empty() {
            self.budget.lines.remove(id);
        }
        Ok(())
    }

    pub fn set_display_currency(&mut self, currency: Option<DisplayCurrency>) {
        self.budget.currency = currency;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cents_parse_and_show() {
        assert_eq!(Cents::parse("1,234.5"), Ok(Cents(123_450)));
        assert_eq!(Cents::parse("$220"), Ok(Cents(22_000)));
        assert_eq!(Cents::parse("0.07"), Ok(Cents(7)));
        assert!(Cents::parse("12.345").is_err());
        assert!(Cents::parse("-5").is_err());
        assert!(Cents::parse("").is_err());
        assert!(Cents::parse("1e3").is_err());
        assert!(Cents::parse("999999999999999999999").is_err());
        assert_eq!(Cents(123_450).to_string(), "$1,234.50");
        assert_eq!(Cents(10_000_000).to_string(), "$100,000");
    }

    #[test]
    fn each_converted_figure_sits_beside_the_amount_it_converts() {
        let view = BudgetView {
            lines: Vec::new(),
            stages: Vec::new(),
            planned: Cents(10_261_500),
            paid: Cents(100_000),
            unplanned: 9,
            currency: DisplayCurrency::parse("PKR", "281.5").ok(),
        };
        assert_eq!(
            view.summary(),
            "$102,615 planned (≈ 28,886,123 PKR) · $1,000 paid (≈ 281,500 PKR) · 9 lines to fill in"
        );
    }

    #[test]
    fn rate_and_display_currency_stay_exact() {
        let inr = DisplayCurrency::parse("inr", "83.25").expect("valid");
        assert_eq!(inr.code, "INR");
        assert_eq!(inr.per_usd.to_string(), "83.25");
        // $220 at 83.25 is 18,315 exactly.
        assert_eq!(inr.show(Cents(22_000)), "≈ 18,315 INR");
        // $0.01 at 0.5 rounds half up to 0.005 → 0 units.
        assert_eq!(
            DisplayCurrency::parse("EUR", "0.5").map(|c| c.show(Cents(1))),
            Ok("≈ 0 EUR".into())
        );
        assert!(DisplayCurrency::parse("US", "1").is_err());
        assert!(DisplayCurrency::parse("USD", "1").is_err());
        assert!(DisplayCurrency::parse("EUR", "0").is_err());
        assert!(DisplayCurrency::parse("EUR", "1.1234567").is_err());
    }

    #[test]
    fn every_template_line_has_a_stage_a_unique_id_and_a_source_for_any_amount() {
        let template = Template::embedded().expect("template");
        let mut ids = std::collections::BTreeSet::new();
        for item in &template.budget {
            assert!(ids.insert(item.id.as_str()), "duplicate {}", item.id);
            assert!(
                template.stage(&item.stage).is_some(),
                "stage of {}",
                item.id
            );
            if !matches!(item.amount, TemplateAmount::Own) {
                assert!(
                    !item.sources.is_empty(),
                    "{} has an amount, no source",
                    item.id
                );
            }
        }
        for wanted in [
            "step1",
            "step2ck",
            "step3",
            "ecfmg-application",
            "oet",
            "pathway",
            "epic",
            "eras",
            "nrmp",
            "usce-travel",
            "step3-travel",
            "j1-sevis",
            "j1-visa",
            "h1b-payment",
            "licence",
        ] {
            assert!(ids.contains(wanted), "no budget line {wanted}");
        }
    }

    #[test]
    fn the_h1b_payment_says_it_is_due_only_on_an_h1b_match_from_abroad() {
        let template = Template::embedded().expect("template");
        let item = template
            .budget
            .iter()
            .find(|i| i.id == "h1b-payment")
            .expect("h1b-payment line");
        assert!(
            item.note
                .starts_with("Only if you match at a program that sponsors you on an H-1B")
        );
        assert!(item.note.contains("inside the US does not"));
        assert!(item.label.contains("H-1B match only"));
    }

    #[test]
    fn totals_add_counted_lines_in_cents() {
        let template = Template::embedded().expect("template");
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).expect("date");
        let mut plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        plan.set_budget_planned(&template, "step1", Some(Cents(100_001)))
            .expect("set");
        plan.set_budget_paid(
            &template,
            "j1-sevis",
            Some(Payment {
                amount: Cents(22_000),
                on: today,
            }),
        )
        .expect("paid");
        let view = compute(&template, &plan);
        // $1,000.01 + the published SEVIS ($220) and J-1 visa ($185) fees.
        assert_eq!(view.planned, Cents(100_001 + 22_000 + 18_500));
        assert_eq!(view.paid, Cents(22_000));
        let visa = view
            .stages
            .iter()
            .find(|s| s.stage == "visa")
            .expect("visa");
        assert_eq!((visa.planned, visa.paid), (Cents(40_500), Cents(22_000)));
        // Clearing both removes the entry, so an untouched budget leaves no trace in the file.
        plan.set_budget_planned(&template, "step1", None)
            .expect("clear");
        plan.set_budget_paid(&template, "j1-sevis", None)
            .expect("clear");
        assert!(plan.budget.is_empty());
        assert!(plan.set_budget_planned(&template, "nope", None).is_err());
    }

    #[test]
    fn visa_lines_count_only_on_their_route() {
        use Applies::*;
        assert_eq!(counted(J1, VisaChoice::J1, None), Some(Counted::Yes));
        assert_eq!(
            counted(H1b, VisaChoice::H1bPreferred, None),
            Some(Counted::Yes)
        );
        assert_eq!(
            counted(J1, VisaChoice::H1bPreferred, None),
            Some(Counted::IfVisa("if J-1"))
        );
        assert_eq!(
            counted(H1bFromAbroad, VisaChoice::J1Preferred, Some(false)),
            Some(Counted::IfVisa("if H-1B from abroad"))
        );
        assert_eq!(
            counted(H1bFromAbroad, VisaChoice::J1Preferred, Some(true)),
            None
        );
        assert_eq!(counted(J1, VisaChoice::H1b, None), None);
        assert_eq!(counted(J1, VisaChoice::NotNeeded, None), None);
        assert_eq!(
            counted(H1b, VisaChoice::Undecided, None),
            Some(Counted::IfVisa("if H-1B"))
        );
        assert_eq!(counted(H1bFromAbroad, VisaChoice::H1b, Some(true)), None);
        assert_eq!(
            counted(H1bFromAbroad, VisaChoice::H1b, Some(false)),
            Some(Counted::Yes)
        );
        assert_eq!(
            counted(Always, VisaChoice::NotNeeded, None),
            Some(Counted::Yes)
        );
    }
}
