//! What applying costs: the ERAS fees for the programs on the list, tier by tier and specialty
//! by specialty, from the template's fee schedule.

use super::*;

/// The ERAS application cost of one specialty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpecialtyCost {
    pub specialty: String,
    pub programs: u32,
    pub usd: u32,
}

/// What applying is estimated to cost under a season's fee table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CostEstimate {
    /// The Match whose fee table was used (may be earlier than the plan's Match).
    pub fee_season: i32,
    pub per_specialty: Vec<SpecialtyCost>,
    /// Once-a-season fees (token, transcript), paid when at least one program is counted.
    pub once: Vec<(String, u32)>,
    pub total_usd: u32,
    /// Programs left out because they do not go through ERAS.
    pub not_eras: u32,
    pub sources: Vec<String>,
}

/// The fee for `count` programs of one specialty under tiered fees: each tier charges its
/// amount per program, or once for the whole tier when it is a block.
pub fn tiered_fee(count: u32, schedule: &FeeSchedule) -> u32 {
    let mut total: u32 = 0;
    let mut counted = 0;
    for tier in &schedule.per_program {
        let limit = tier.up_to.unwrap_or(u32::MAX).min(count);
        if limit > counted {
            let fee = if tier.block {
                tier.usd
            } else {
                (limit - counted).saturating_mul(tier.usd)
            };
            total = total.saturating_add(fee);
            counted = limit;
        }
    }
    total
}

/// The ERAS cost of the programs applied to so far (see [`Program::counts_as_applied`]): a
/// program ranked without any sign of an application is not counted.
pub fn applied_so_far_cost(
    programs: &[Program],
    schedule: &FeeSchedule,
    today: chrono::NaiveDate,
) -> CostEstimate {
    let applied: Vec<Program> = programs
        .iter()
        .filter(|p| p.counts_as_applied(today))
        .cloned()
        .collect();
    estimate_cost(&applied, schedule, true)
}

/// Estimates the ERAS cost of applying to programs: every ERAS program that is applied to (or,
/// with `include_considering`, still being considered) counts in its specialty's fee tiers.
pub fn estimate_cost(
    programs: &[Program],
    schedule: &FeeSchedule,
    include_considering: bool,
) -> CostEstimate {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    let mut not_eras = 0;
    for program in programs {
        if !include_considering && !program.status.has_applied() {
            continue;
        }
        if program.service != ApplicationService::Eras {
            not_eras += 1;
            continue;
        }
        *counts.entry(program.specialty_key()).or_default() += 1;
    }
    let per_specialty: Vec<SpecialtyCost> = counts
        .into_iter()
        .map(|(specialty, programs)| SpecialtyCost {
            usd: tiered_fee(programs, schedule),
            specialty,
            programs,
        })
        .collect();
    let once: Vec<(String, u32)> = if per_specialty.is_empty() {
        Vec::new()
    } else {
        schedule
            .once
            .iter()
            .map(|fee| (fee.label.clone(), fee.usd))
            .collect()
    };
    let total_usd = per_specialty.iter().map(|s| s.usd).sum::<u32>()
        + once.iter().map(|(_, usd)| usd).sum::<u32>();
    let mut sources = schedule.sources.clone();
    for fee in &schedule.once {
        for source in &fee.sources {
            if !sources.contains(source) {
                sources.push(source.clone());
            }
        }
    }
    CostEstimate {
        fee_season: schedule.match_year,
        per_specialty,
        once,
        total_usd,
        not_eras,
        sources,
    }
}

/// "$1,234".
pub fn dollars(usd: u32) -> String {
    let digits = usd.to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    format!("${out}")
}
