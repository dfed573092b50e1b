//! `imgplan sources`: every source the journey rests on, how old its check is, and what cites it,
//! so a user can follow each fact to its page and see which ones are due for a re-check.

use std::collections::BTreeMap;
use std::io::Write;

use clap::Args;

use super::{Context, Failure};
use crate::freshness::Freshness;
use crate::journey::{Source, Template};
use crate::text::{clean_line, count, wrap};

/// Width the listing wraps at (addresses stay whole so they can be copied).
const COLUMNS: usize = 80;

#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Only sources older than their re-check interval (6 months; 3 for visa and immigration
    /// policy).
    #[arg(long)]
    pub stale: bool,
}

pub(crate) fn sources(
    ctx: &Context,
    args: &SourcesArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let template = &ctx.template;
    let cited_by = cited_by(template);
    let listed: Vec<(&Source, Freshness)> = template
        .sources
        .iter()
        .map(|source| (source, Freshness::of_source(template, source, ctx.today)))
        .filter(|(_, freshness)| !args.stale || freshness.stale)
        .collect();
    let stale = template
        .sources
        .iter()
        .filter(|s| Freshness::of_source(template, s, ctx.today).stale)
        .count();
    let up_to = template
        .checked_up_to()
        .map_or_else(|| "(never)".to_owned(), |d| d.to_string());
    let summary = format!(
        "{}; checked up to {up_to}; {stale} older than the re-check interval ({} months, {} for visa and immigration policy). Today {}.",
        count(template.sources.len(), "source", "sources"),
        template.recheck.months,
        template.recheck.immigration_months,
        ctx.today
    );
    for line in wrap(&summary, COLUMNS) {
        writeln!(out, "{line}")?;
    }
    if listed.is_empty() {
        writeln!(out, "\nEvery source was checked within its interval.")?;
        return Ok(());
    }
    for (source, freshness) in listed {
        writeln!(out)?;
        let heading = format!(
            "{} [{}]: {}",
            clean_line(&source.publisher),
            source.id,
            clean_line(&source.title)
        );
        for line in wrap(&heading, COLUMNS) {
            writeln!(out, "{line}")?;
        }
        let age = match freshness.mark() {
            Some(_) => format!("{} ago: confirm", months(freshness.months_old)),
            None => format!("{} ago", months(freshness.months_old)),
        };
        let facts = format!(
            "{} · checked {}, {age} · re-check every {} · {}",
            source.kind.label(),
            source.checked,
            months(freshness.interval_months),
            clean_line(&source.season)
        );
        for (i, line) in wrap(&facts, COLUMNS - 4).iter().enumerate() {
            let lead = if i == 0 { "  " } else { "    " };
            writeln!(out, "{lead}{line}")?;
        }
        writeln!(out, "  {}", clean_line(&source.url))?;
        let citing = cited_by
            .get(source.id.as_str())
            .map_or_else(|| "(nothing)".to_owned(), |list| list.join(", "));
        for (i, line) in wrap(&format!("cited by: {citing}"), COLUMNS - 4)
            .iter()
            .enumerate()
        {
            let lead = if i == 0 { "  " } else { "    " };
            writeln!(out, "{lead}{line}")?;
        }
    }
    Ok(())
}

/// For each source id, what cites it ("task exams.step1", "visa row costs"), in template order.
pub(crate) fn cited_by(template: &Template) -> BTreeMap<&str, Vec<String>> {
    let mut map: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (citation, ids) in template.citations() {
        for id in ids {
            let entry = map.entry(id.as_str()).or_default();
            let label = citation.to_string();
            if !entry.contains(&label) {
                entry.push(label);
            }
        }
    }
    map
}

fn months(n: u32) -> String {
    count(n as usize, "month", "months")
}
