//! `imgplan profile`: show or change the profile.

use super::*;
use crate::rules::ProfileChange;

pub(super) fn profile(
    ctx: &Context,
    args: &ProfileArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let changing = args.name.is_some()
        || args.match_year.is_some()
        || args.visa.is_some()
        || args.category.is_some()
        || args.specialty.is_some()
        || args.graduation.is_some()
        || args.step2_score.is_some()
        || args.letter_target.is_some()
        || args.citizenship.is_some()
        || args.in_us.is_some();
    if changing {
        ctx.lock("profile")?;
    }
    let (mut plan, saved) = ctx.load_or_default()?;
    apply_changes(&mut plan, args, ctx.today)?;
    if changing {
        ctx.save_saying_where(&plan, saved, out)?;
    }
    show(ctx, &plan, out)
}

/// The changes the options ask for, read into one core profile change (starting from the
/// profile as it is) and applied by the core, which checks its rules.
fn apply_changes(plan: &mut Plan, args: &ProfileArgs, today: NaiveDate) -> Result<(), Failure> {
    let change = read_change(plan, args)?;
    crate::rules::graduation(change.graduation, today)
        .map_err(|error| Failure::usage(error.to_string()))?;
    plan.apply_profile(change)
        .map_err(|(_, error)| Failure::from(crate::plan::PlanError::from(error)))
}

/// The profile with the options' values in place of the current ones; a value that does not
/// read is refused here, in the order the options are listed.
fn read_change(plan: &Plan, args: &ProfileArgs) -> Result<ProfileChange, Failure> {
    let p = &plan.profile;
    let mut change = ProfileChange {
        name: p.name.clone(),
        match_year: p.match_year,
        visa: p.visa,
        category: p.category,
        specialty: p.specialty.clone(),
        graduation: p.graduation,
        step2_score: p.step2_score,
        letter_target: plan.letter_target,
        citizenship: p.citizenship.clone(),
        in_us: p.in_us,
    };
    if let Some(name) = &args.name {
        let name = checked_field(name, MAX_TITLE_CHARS, "the name")?;
        change.name = (!name.is_empty()).then_some(name);
    }
    if let Some(year) = args.match_year {
        crate::rules::match_year(year).map_err(crate::plan::PlanError::from)?;
        change.match_year = year;
    }
    if let Some(visa) = args.visa {
        change.visa = visa.into();
    }
    if let Some(category) = args.category {
        change.category = match category {
            CategoryArg::NonUs => ApplicantCategory::NonUsCitizenImg,
            CategoryArg::Us => ApplicantCategory::UsCitizenImg,
        };
    }
    if let Some(specialty) = &args.specialty {
        let specialty = checked_field(specialty, MAX_TITLE_CHARS, "the specialty")?;
        change.specialty = (!specialty.is_empty()).then_some(specialty);
    }
    read_standing(&mut change, args)?;
    Ok(change)
}

/// Graduation, score, passports, whereabouts and the letter target from the options.
fn read_standing(change: &mut ProfileChange, args: &ProfileArgs) -> Result<(), Failure> {
    if let Some(graduation) = &args.graduation {
        change.graduation = match graduation.trim() {
            "none" | "" => None,
            text => Some(Graduation {
                date: parse_date(text).map_err(Failure::usage)?,
                expected: args.expected,
            }),
        };
    }
    if let Some(score) = &args.step2_score {
        change.step2_score = match score.trim() {
            "none" | "" => None,
            text => Some(parse_score(text)?),
        };
    }
    if let Some(citizenship) = &args.citizenship {
        change.citizenship = match citizenship.trim() {
            "none" => Vec::new(),
            text => crate::situation::parse_citizenship(text).map_err(Failure::usage)?,
        };
    }
    if let Some(in_us) = args.in_us {
        change.in_us = match in_us {
            YesNoArg::Yes => Some(true),
            YesNoArg::No => Some(false),
            YesNoArg::Unknown => None,
        };
    }
    if let Some(target) = &args.letter_target {
        change.letter_target = match target.trim() {
            "default" | "" => None,
            text => Some(text.parse::<u32>().map_err(|_| {
                Failure::new(format!(
                    "{:?} is not a number of letters (or `default`)",
                    clean_line(text)
                ))
            })?),
        };
    }
    Ok(())
}

/// The profile as it now is, and what the visa rules say about the user.
fn show(ctx: &Context, plan: &Plan, out: &mut impl Write) -> Result<(), Failure> {
    let p = &plan.profile;
    let or_unset = |v: &Option<String>| {
        v.as_deref()
            .map(clean_line)
            .unwrap_or_else(|| "(not set)".into())
    };
    writeln!(out, "Name:          {}", or_unset(&p.name))?;
    writeln!(out, "Match year:    {}", p.match_year)?;
    writeln!(out, "Visa:          {}", p.visa)?;
    writeln!(out, "NRMP category: {}", p.category.label())?;
    writeln!(out, "Specialty:     {}", or_unset(&p.specialty))?;
    let graduation = p.graduation.map_or_else(
        || "(not set)".to_owned(),
        |g| format!("{}{}", g.date, if g.expected { " (expected)" } else { "" }),
    );
    writeln!(out, "Graduation:    {graduation}")?;
    // Both counts, as programs' limits are read against the year count (dates module).
    let snapshot = crate::insights::Snapshot::build(&ctx.template, plan, ctx.today);
    let start = snapshot
        .calendar
        .get(crate::journey::Anchor::TrainingStart)
        .map(|d| d.date);
    if let Some(since) = p
        .graduation
        .zip(start)
        .and_then(|(g, start)| crate::dates::years_since_graduation(g.date, start))
    {
        writeln!(
            out,
            "Years since graduation when training starts: {} by year of graduation, as programs count them ({} exactly)",
            since.counted,
            since.exact()
        )?;
    }
    let score = p
        .step2_score
        .map_or_else(|| "(not set)".to_owned(), |s| s.to_string());
    writeln!(out, "Step 2 CK:     {score}")?;
    writeln!(out, "Letter target: {}", plan.letter_target(&ctx.template))?;
    let citizenship = if p.citizenship.is_empty() {
        "(not set)".to_owned()
    } else {
        p.citizenship
            .iter()
            .map(|code| format!("{} ({code})", crate::situation::country_name(code)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "Citizenship:   {citizenship}")?;
    let in_us = match p.in_us {
        Some(true) => "yes",
        Some(false) => "no",
        None => "(not set)",
    };
    writeln!(out, "In the US:     {in_us}")?;
    let notes: Vec<_> = crate::situation::notes(&ctx.template, p)
        .into_iter()
        .filter(|note| crate::visa::route_open(p.visa, note.route))
        .collect();
    if !notes.is_empty() {
        writeln!(
            out,
            "\nWhat the visa rules say about you (in full, with sources: `imgplan visa`):"
        )?;
        for note in &notes {
            let mark = match note.severity {
                crate::situation::Severity::Warning => "!",
                crate::situation::Severity::Explained => "i",
            };
            let text = format!("{}: {}", note.route.label(), clean_line(note.headline()));
            for (i, line) in crate::text::wrap(&text, 76).iter().enumerate() {
                let lead = if i == 0 {
                    format!("  {mark} ")
                } else {
                    "    ".to_owned()
                };
                writeln!(out, "{lead}{line}")?;
            }
        }
    }
    Ok(())
}

/// A Step 2 CK score typed on the command line.
pub(super) fn parse_score(text: &str) -> Result<u16, Failure> {
    text.parse::<u16>()
        .ok()
        .filter(|score| crate::rules::step2_score(Some(*score)).is_ok())
        .ok_or_else(|| {
            Failure::new(format!(
                "{:?} is not a Step 2 CK score (a whole number up to 300)",
                clean_line(text)
            ))
        })
}
