//! `imgplan visa`, `imgplan programs` and `imgplan import programs`: the visa comparison, the
//! program list with its fit flags, and programs read from a spreadsheet's CSV.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::{Context, Failure};
use crate::export::trackers;
use crate::import;
use crate::insights::Snapshot;
use crate::programs::{self, ProgramFilter, ProgramSort, ProgramStatus};
use crate::text::{clean_line, count};

/// Width the command output is laid out for.
const COLUMNS: usize = 80;

#[derive(Debug, Args)]
pub struct ProgramsArgs {
    /// Only programs with this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusArg>,
    /// Only programs in this state (two letters, e.g. NY).
    #[arg(long, value_name = "ST")]
    pub state: Option<String>,
    /// Only programs whose specialty contains this text.
    #[arg(long, value_name = "TEXT")]
    pub specialty: Option<String>,
    /// Only programs whose name, state, specialty, code or note contain these words.
    #[arg(long, value_name = "WORDS")]
    pub text: Option<String>,
    /// Only programs whose visa stance does not fit your visa choice.
    #[arg(long)]
    pub misfit: bool,
    /// Only programs of this priority or higher (1 is highest, 5 lowest).
    #[arg(long, value_name = "1-5", value_parser = clap::value_parser!(u8).range(1..=5))]
    pub max_priority: Option<u8>,
    /// Only programs with this ERAS signal (none: without a signal).
    #[arg(long, value_enum)]
    pub signal: Option<SignalArg>,
    /// Only programs where this tracked thing holds.
    #[arg(long, value_enum)]
    pub has: Option<TrackedArg>,
    /// Order of the list.
    #[arg(long, value_enum, default_value_t = SortArg::Added)]
    pub sort: SortArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SignalArg {
    Gold,
    Silver,
    None,
}

impl From<SignalArg> for programs::Signal {
    fn from(arg: SignalArg) -> Self {
        match arg {
            SignalArg::Gold => programs::Signal::Gold,
            SignalArg::Silver => programs::Signal::Silver,
            SignalArg::None => programs::Signal::None,
        }
    }
}

/// The tracked things `--has` filters by ([`programs::Tracked`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrackedArg {
    Applied,
    NotApplied,
    Invited,
    NotInvited,
    Virtual,
    InPerson,
    ThankYouSent,
    ThankYouDue,
    Contact,
    FeesPaid,
    Step2Met,
    Step2Below,
}

impl From<TrackedArg> for programs::Tracked {
    fn from(arg: TrackedArg) -> Self {
        use programs::Tracked as T;
        match arg {
            TrackedArg::Applied => T::Applied,
            TrackedArg::NotApplied => T::NotApplied,
            TrackedArg::Invited => T::Invited,
            TrackedArg::NotInvited => T::NotInvited,
            TrackedArg::Virtual => T::Virtual,
            TrackedArg::InPerson => T::InPerson,
            TrackedArg::ThankYouSent => T::ThankYouSent,
            TrackedArg::ThankYouDue => T::ThankYouDue,
            TrackedArg::Contact => T::WithContact,
            TrackedArg::FeesPaid => T::FeesPaid,
            TrackedArg::Step2Met => T::Step2Meets,
            TrackedArg::Step2Below => T::Step2Below,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Considering,
    Applied,
    InterviewInvited,
    Interviewed,
    Ranked,
    Rejected,
    Withdrawn,
}

impl From<StatusArg> for ProgramStatus {
    fn from(arg: StatusArg) -> Self {
        match arg {
            StatusArg::Considering => ProgramStatus::Considering,
            StatusArg::Applied => ProgramStatus::Applied,
            StatusArg::InterviewInvited => ProgramStatus::InterviewInvited,
            StatusArg::Interviewed => ProgramStatus::Interviewed,
            StatusArg::Ranked => ProgramStatus::Ranked,
            StatusArg::Rejected => ProgramStatus::Rejected,
            StatusArg::Withdrawn => ProgramStatus::Withdrawn,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Added,
    Name,
    State,
    Specialty,
    Status,
    Interview,
    Priority,
    Signal,
    Applied,
    Invite,
    Format,
    ThankYou,
    Contact,
    Fees,
    Step2,
}

impl From<SortArg> for ProgramSort {
    fn from(arg: SortArg) -> Self {
        match arg {
            SortArg::Added => ProgramSort::Added,
            SortArg::Name => ProgramSort::Name,
            SortArg::State => ProgramSort::State,
            SortArg::Specialty => ProgramSort::Specialty,
            SortArg::Status => ProgramSort::Status,
            SortArg::Interview => ProgramSort::Interview,
            SortArg::Priority => ProgramSort::Priority,
            SortArg::Signal => ProgramSort::Signal,
            SortArg::Applied => ProgramSort::Applied,
            SortArg::Invite => ProgramSort::Invited,
            SortArg::Format => ProgramSort::InterviewFormat,
            SortArg::ThankYou => ProgramSort::ThankYou,
            SortArg::Contact => ProgramSort::Contact,
            SortArg::Fees => ProgramSort::FeesPaid,
            SortArg::Step2 => ProgramSort::Step2Cutoff,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add programs from a spreadsheet saved as CSV (first row: column names).
    Programs(ImportProgramsArgs),
}

#[derive(Debug, Args)]
pub struct ImportProgramsArgs {
    /// The CSV file. Columns are found by name: Program, State, Specialty, NRMP code, Service,
    /// Visa, Min Step 2 CK, Max years since graduation, USCE months, Step 3 before ranking,
    /// Status, Interview, Note (common variants such as "Program Name" or "Visa sponsorship"
    /// work too).
    pub file: PathBuf,
    /// Add the rows that can be read even when others cannot.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Show what would be added without changing the plan.
    #[arg(long)]
    pub dry_run: bool,
}

pub(crate) fn visa(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    out.write_all(trackers::visa_comparison(&ctx.template, COLUMNS, ctx.today).as_bytes())?;
    writeln!(out)?;
    out.write_all(trackers::visa_implications(&ctx.template, &plan, &snapshot).as_bytes())?;
    writeln!(out)?;
    out.write_all(trackers::visa_sources(&ctx.template, &snapshot).as_bytes())?;
    if !saved {
        eprintln!("{}", ctx.not_saved_note());
    }
    Ok(())
}

pub(crate) fn programs(
    ctx: &Context,
    args: &ProgramsArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let filter = ProgramFilter {
        status: args.status.map(Into::into),
        state: match &args.state {
            Some(state) => Some(programs::parse_state(state).map_err(Failure::new)?),
            None => None,
        },
        specialty: args.specialty.as_deref().map(clean_line),
        text: args.text.as_deref().map(clean_line),
        misfit_only: args.misfit,
        priority_at_most: args.max_priority,
        signal: args.signal.map(Into::into),
        tracked: args.has.map(Into::into),
        step2_score: plan.profile.step2_score,
    };
    let choice = plan.profile.visa;
    let list = programs::select(&plan.programs, &filter, args.sort.into(), choice);
    let shown = if filter.is_empty() {
        count(plan.programs.len(), "program", "programs")
    } else {
        format!(
            "{} of {} ({})",
            list.len(),
            count(plan.programs.len(), "program", "programs"),
            filter.describe()
        )
    };
    writeln!(
        out,
        "{shown}; your visa choice: {choice}. ✗ does not fit it, ? visa stance not recorded."
    )?;
    if let Some(acceptable) = choice.acceptable() {
        writeln!(
            out,
            "~ takes only {acceptable}, the visa you accept but do not prefer."
        )?;
    }
    if plan.programs.is_empty() {
        writeln!(
            out,
            "No programs yet: add them in the planner (Programs panel, a) or with `imgplan import programs FILE.csv`."
        )?;
    } else if !list.is_empty() {
        out.write_all(
            trackers::programs_table(&list, choice, super::terminal_columns()).as_bytes(),
        )?;
        writeln!(out)?;
        out.write_all(trackers::cost_lines(&ctx.template, &plan, ctx.today).as_bytes())?;
    }
    if !saved {
        eprintln!("{}", ctx.not_saved_note());
    }
    Ok(())
}

pub(crate) fn import(
    ctx: &Context,
    command: &ImportCommand,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let ImportCommand::Programs(args) = command;
    let bytes = std::fs::read(&args.file).map_err(|err| {
        Failure::new(format!(
            "cannot read {}: {err}",
            crate::text::shown(&args.file)
        ))
    })?;
    let report = import::read_programs(&bytes)
        .map_err(|err| Failure::new(format!("{}: {err}", crate::text::shown(&args.file))))?;
    let file = crate::text::shown(&args.file);
    for line in report.column_lines() {
        writeln!(out, "{line}")?;
    }
    if !args.skip_invalid {
        for problem in &report.problems {
            eprintln!("{file}:{}: {}", problem.line, clean_line(&problem.message));
        }
        if !report.problems.is_empty() {
            return Err(Failure::new(format!(
                "{} of {} rows cannot be read (listed above); nothing was added. Fix them, or add the rest with --skip-invalid (a bad cell is then left empty, a row without a program name left out).",
                report.problems.len(),
                report.problems.len() + report.programs.len()
            )));
        }
    }
    for warning in report.skip_warnings() {
        eprintln!("{file}:{warning}");
    }
    if !args.dry_run {
        ctx.lock("import programs")?;
    }
    let (mut plan, saved) = ctx.load_or_default()?;
    let before = plan.programs.len();
    let unread_rows = report.unread_rows();
    let skipped_cells = report.skipped_cells();
    let (added, skipped) = plan.import_programs(report.programs_to_add(args.skip_invalid))?;
    if args.dry_run {
        writeln!(
            out,
            "Would add {added} programs ({} already in your plan); nothing was changed (--dry-run).",
            skipped.len()
        )?;
        return Ok(());
    }
    if added > 0 {
        ctx.save_saying_where(&plan, saved, out)?;
    }
    writeln!(
        out,
        "Added {} from {file} ({} now in your plan).",
        count(added, "program", "programs"),
        before + added
    )?;
    if !skipped.is_empty() {
        writeln!(
            out,
            "Already in your plan, left as they are: {} (same NRMP code, or same name, state and specialty).",
            skipped.len()
        )?;
    }
    if skipped_cells > 0 {
        writeln!(
            out,
            "Left empty: {} that could not be read (listed above).",
            count(skipped_cells, "cell", "cells")
        )?;
    }
    if unread_rows > 0 {
        writeln!(
            out,
            "Skipped {} that cannot be read.",
            count(unread_rows, "row", "rows")
        )?;
    }
    report_misfits(&plan, out)?;
    Ok(())
}

/// How many programs now in the plan do not fit the visa choice.
fn report_misfits(plan: &crate::plan::Plan, out: &mut impl Write) -> Result<(), Failure> {
    let misfits = plan
        .programs
        .iter()
        .filter(|p| p.fit(plan.profile.visa) == programs::Fit::Misfit)
        .count();
    if misfits > 0 {
        writeln!(
            out,
            "{} your visa choice ({}): `imgplan programs --misfit` lists them.",
            count(misfits, "program does not fit", "programs do not fit"),
            plan.profile.visa
        )?;
    }
    Ok(())
}
