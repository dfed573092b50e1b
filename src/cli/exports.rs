//! `imgplan export`, `imgplan completions` and `imgplan man`.

use crate::export::writer::WriteError;
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory, ValueEnum};

use super::{Cli, Context, Failure};
use crate::export::{self, ExportOptions, Format, ics, sheet::Table};
use crate::insights::Snapshot;
use crate::storage;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The plan summary as plain text, laid out for 80 columns.
    Text,
    /// The plan summary as Markdown (GitHub task lists and tables).
    #[value(alias = "md")]
    Markdown,
    /// Dated tasks, interviews and rotations as iCalendar events with reminders.
    #[value(alias = "ical", alias = "calendar")]
    Ics,
    /// One table as CSV: programs (the columns `import programs` reads), usce or tasks.
    Csv,
    /// Everything, for scripts.
    Json,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Self {
        match arg {
            FormatArg::Text => Format::Text,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Ics => Format::Calendar,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    Programs,
    Usce,
    Tasks,
    /// Every cost of the journey, planned and paid.
    Budget,
    /// Letters of your own.
    Letters,
}

impl From<TableArg> for Table {
    fn from(arg: TableArg) -> Self {
        match arg {
            TableArg::Programs => Table::Programs,
            TableArg::Usce => Table::Usce,
            TableArg::Tasks => Table::Tasks,
            TableArg::Budget => Table::Budget,
            TableArg::Letters => Table::Letters,
        }
    }
}

/// Reminder days as given to `--alarms`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlarmDays(pub Vec<u32>);

fn parse_alarms(text: &str) -> Result<AlarmDays, String> {
    ics::parse_alarm_days(text).map(AlarmDays)
}

#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  imgplan export --format markdown -o plan.md
  imgplan export --format ics --alarms 30,7,1 --open-only -o imgplan.ics
  imgplan export --format csv --what programs -o programs.csv   (re-imports with `import programs`)

Calendar events keep their ids (task-<id>@imgplan), so importing a newer file updates them.")]
pub struct ExportArgs {
    #[arg(long, short, value_enum, default_value_t = FormatArg::Text)]
    pub format: FormatArg,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The table a CSV export holds [default: programs].
    #[arg(long, value_enum)]
    pub what: Option<TableArg>,
    /// Calendar reminders, in days before each event: "14,3" (the default), "30,7,1" or "none".
    #[arg(long, value_name = "DAYS", value_parser = parse_alarms)]
    pub alarms: Option<AlarmDays>,
    /// Leave done and skipped tasks out (calendar and CSV task table).
    #[arg(long)]
    pub open_only: bool,
}

impl ExportArgs {
    /// The options, or why these flags do not go together.
    fn options(&self) -> Result<ExportOptions, Failure> {
        let format = Format::from(self.format);
        let mut options = ExportOptions::new(format);
        if let Some(table) = self.what {
            if format != Format::Csv {
                return Err(Failure::new(
                    "--what chooses the table of a CSV export: add --format csv",
                ));
            }
            options.table = table.into();
        }
        if let Some(AlarmDays(days)) = &self.alarms {
            if format != Format::Calendar {
                return Err(Failure::new(
                    "--alarms sets calendar reminders: add --format ics",
                ));
            }
            options.alarm_days.clone_from(days);
        }
        if self.open_only {
            let applies = format == Format::Calendar
                || (format == Format::Csv && options.table == Table::Tasks);
            if !applies {
                return Err(Failure::new(
                    "--open-only applies to --format ics and to --format csv --what tasks",
                ));
            }
            options.open_only = true;
        }
        Ok(options)
    }
}

pub(super) fn export_plan(
    ctx: &Context,
    args: &ExportArgs,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let options = args.options()?;
    // Resolved and checked before anything is written, so a mistaken path never replaces the
    // plan. A folder gets the default file name, as in the planner's export dialog.
    let target = match args.output.as_deref() {
        Some(path) => Some(
            export::writer::target(path, &options, ctx.today, &ctx.path).map_err(
                |err| match err {
                    WriteError::PlanFile(_) => Failure::new(format!(
                        "refusing to write the export over the plan file itself ({})",
                        crate::text::shown(&ctx.path)
                    )),
                    other => write_failure(other),
                },
            )?,
        ),
        None => None,
    };
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    if !saved {
        eprintln!("{}", ctx.not_saved_note());
    }
    match &target {
        None => {
            let body = export::render(&ctx.template, &plan, &snapshot, &options, ctx.stamp)
                .map_err(|err| Failure::new(err.to_string()))?;
            out.write_all(body.as_bytes())?;
        }
        Some(target) => {
            export::writer::write(target, &ctx.template, &plan, &snapshot, &options, ctx.stamp)
                .map_err(write_failure)?;
            writeln!(out, "Wrote {}", crate::text::shown(target))?;
        }
    }
    Ok(())
}

/// A file problem keeps its own exit code and words; anything else is said as it is.
fn write_failure(err: WriteError) -> Failure {
    match err {
        WriteError::Storage(err) => err.into(),
        other => Failure::new(other.to_string()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
}

/// Prints a completion script. Install, e.g. for bash:
/// `imgplan completions bash > ~/.local/share/bash-completion/completions/imgplan`.
pub(super) fn completions(shell: ShellArg, out: &mut impl Write) -> Result<(), Failure> {
    let mut command = Cli::command();
    let name = command.get_name().to_owned();
    let shell = match shell {
        ShellArg::Bash => clap_complete::Shell::Bash,
        ShellArg::Zsh => clap_complete::Shell::Zsh,
        ShellArg::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut command, name, out);
    Ok(())
}

/// Prints a manual page (roff): imgplan(1), or imgplan-COMMAND(1) for one command (the pages
/// imgplan(1) refers to); with `dir`, writes them all there as `imgplan.1`, `imgplan-export.1`, ….
pub(super) fn man(
    command: Option<&str>,
    dir: Option<&std::path::Path>,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mut root = Cli::command().disable_help_subcommand(true);
    root.build();
    if let Some(dir) = dir {
        if !dir.is_dir() {
            return Err(Failure::new(format!(
                "there is no folder {}",
                crate::text::shown(dir)
            )));
        }
        write_pages(&root, dir)?;
        writeln!(
            out,
            "Wrote imgplan.1 and a page per command (imgplan-export.1, …) to {}",
            crate::text::shown(dir)
        )?;
        return Ok(());
    }
    let page = match command {
        None => root,
        Some(name) => root.find_subcommand(name).cloned().ok_or_else(|| {
            let known: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
            Failure::new(format!(
                "no command {:?}; commands: {}",
                crate::text::clean_line(name),
                known.join(", ")
            ))
        })?,
    };
    clap_mangen::Man::new(page).render(out)?;
    Ok(())
}

/// Writes the page of `command` and of each of its subcommands into `dir`, as
/// `clap_mangen::generate_to` names them, each atomically and never through a symbolic link.
fn write_pages(command: &clap::Command, dir: &std::path::Path) -> Result<(), Failure> {
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(sub, dir)?;
    }
    let man = clap_mangen::Man::new(command.clone());
    let mut page = Vec::new();
    man.render(&mut page)?;
    storage::write_export(&dir.join(man.get_filename()), &page)?;
    Ok(())
}
