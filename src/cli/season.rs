//! `imgplan season`: the season's dates, or the user's own date for one.

use super::*;

pub(super) fn season(
    ctx: &Context,
    args: &SeasonArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    if args.date.is_some() {
        ctx.lock("season")?;
    }
    let (mut plan, saved) = ctx.load_or_default()?;
    if let Some(name) = &args.anchor {
        let anchor = Anchor::SEASON
            .into_iter()
            .find(|a| a.key().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                Failure::new(format!(
                    "no season date called {:?}; season dates: {}",
                    clean_line(name),
                    Anchor::SEASON.map(Anchor::key).join(", ")
                ))
            })?;
        match args.date.as_deref().map(str::trim) {
            None => {}
            Some("default") | Some("") => {
                plan.calendar.remove(&anchor);
            }
            Some(text) => {
                plan.calendar
                    .insert(anchor, parse_date(text).map_err(Failure::usage)?);
            }
        }
        if args.date.is_some() {
            ctx.save_saying_where(&plan, saved, out)?;
        }
    }
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    writeln!(out, "{} Match season", snapshot.calendar.match_year)?;
    for (anchor, dated) in snapshot.calendar.season_dates() {
        writeln!(
            out,
            "  {} {}  {} {}",
            pad(anchor.key(), 25),
            dated.date,
            pad(&dated.label(), 24),
            ctx.template.anchor_title(anchor)
        )?;
    }
    Ok(())
}
