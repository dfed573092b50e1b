//! The command line: argument parsing (clap) and the subcommands, at the edge of the program.
//!
//! Each subcommand loads the plan through [`crate::storage`], changes it through the core in
//! [`crate::plan`], reads it through [`crate::insights`] and writes it back atomically. Errors are
//! reported here with their context, cleaned of control characters.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::calendar::parse_date;
use crate::insights::Snapshot;
use crate::journey::{Anchor, Template, VisaChoice};
use crate::plan::{ApplicantCategory, Graduation, MAX_TITLE_CHARS, Plan, Status, checked_field};
use crate::storage::{self, PLAN_ENV, StorageError};
use crate::text::{clean_line, pad, truncate};

mod args;
mod budget;
mod exports;
mod profile;
mod restore;
mod season;
mod sources;
mod status;
mod tasks;
mod trackers;
mod width;
pub(crate) use width::terminal_columns;

pub use args::*;

pub use exports::{ExportArgs, FormatArg, ShellArg, TableArg};

/// A failure reported at the edge, with the exit code it deserves.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// Bad input on the command line: exit status 2, as for clap's own errors.
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

impl From<StorageError> for Failure {
    fn from(err: StorageError) -> Self {
        Failure::new(err.to_string())
    }
}

impl From<crate::plan::PlanError> for Failure {
    fn from(err: crate::plan::PlanError) -> Self {
        // Text over its limit is a usage error, like an invalid date: nothing was written.
        let code = match err {
            crate::plan::PlanError::TooLong { .. } => 2,
            _ => 1,
        };
        Failure {
            message: err.to_string(),
            code,
        }
    }
}

impl From<crate::journey::TemplateError> for Failure {
    fn from(err: crate::journey::TemplateError) -> Self {
        Failure::new(format!("the built-in journey template is broken: {err}"))
    }
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe {
            // The reader has gone (`imgplan programs | head -1`): stop quietly, as Unix tools do.
            return Failure::quiet();
        }
        Failure::new(format!("cannot write output: {err}"))
    }
}

impl Failure {
    /// The end of a command whose output nobody reads any more: exit 0, print nothing.
    pub fn quiet() -> Failure {
        Failure {
            message: String::new(),
            code: 0,
        }
    }

    /// Whether this is [`Failure::quiet`].
    pub fn is_quiet(&self) -> bool {
        self.code == 0
    }
}

/// The context every subcommand needs.
pub struct Context {
    pub template: Template,
    pub path: PathBuf,
    pub today: NaiveDate,
    /// When exports say they were made: now, or midnight UTC of `--today` for reproducible files.
    pub stamp: chrono::NaiveDateTime,
    /// The plan's lock, once a command that writes has taken it; released when the command ends.
    lock: std::cell::RefCell<Option<storage::PlanLock>>,
}

impl Context {
    /// Loads the plan; `None` when no plan file exists yet.
    fn load(&self) -> Result<Option<Plan>, Failure> {
        Ok(storage::load(&self.path, &self.template)?)
    }

    /// The saved plan, or the default plan (not saved) when there is none yet.
    fn load_or_default(&self) -> Result<(Plan, bool), Failure> {
        match self.load()? {
            Some(plan) => Ok((plan, true)),
            None => Ok((
                Plan::new(&self.template, self.today, None, VisaChoice::Undecided)?,
                false,
            )),
        }
    }

    /// Takes the plan's lock for a command that writes, before it reads the plan, and holds it
    /// until the command ends, so the change applies to what is on disk now.
    fn lock(&self, command: &str) -> Result<(), Failure> {
        let mut held = self.lock.borrow_mut();
        if held.is_none() {
            *held = Some(storage::lock(&self.path, &format!("imgplan {command}"))?);
        }
        Ok(())
    }

    /// Saves under the lock (see [`storage::save_locked`]), saying where hand edits were kept.
    fn save(&self, plan: &Plan) -> Result<(), Failure> {
        self.save_with(plan, storage::HandEdits::Keep)
    }

    /// Saves the plan, and says where when this save created it (`existed` is false).
    fn save_saying_where(
        &self,
        plan: &Plan,
        existed: bool,
        out: &mut impl Write,
    ) -> Result<(), Failure> {
        self.save(plan)?;
        if !existed {
            writeln!(
                out,
                "Created your plan at {}",
                crate::text::shown(&self.path)
            )?;
        }
        Ok(())
    }

    fn save_with(&self, plan: &Plan, hand_edits: storage::HandEdits) -> Result<(), Failure> {
        self.lock("save")?;
        let mut held = self.lock.borrow_mut();
        let Some(lock) = held.as_mut() else {
            return Err(Failure::new("the plan's lock was lost"));
        };
        let saved = storage::save_locked(lock, &self.path, plan, hand_edits)?;
        if let Some(kept) = saved.hand_edits_kept {
            eprintln!(
                "note: {} was changed outside imgplan since it last wrote it; that version (your comments and layout) is kept in {}",
                crate::text::shown(&self.path),
                crate::text::shown(&kept)
            );
        }
        Ok(())
    }

    fn not_saved_note(&self) -> String {
        format!(
            "No plan saved yet: showing the built-in journey. `imgplan init` saves your plan at {}",
            crate::text::shown(&self.path)
        )
    }
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<(), Failure> {
    // These need no plan and no data directory.
    match cli.command {
        Some(Command::Completions { shell }) => {
            return exports::completions(shell, &mut io::stdout().lock());
        }
        Some(Command::Man { command, dir }) => {
            return exports::man(command.as_deref(), dir.as_deref(), &mut io::stdout().lock());
        }
        _ => {}
    }
    let template = Template::embedded()?;
    let path = storage::locate(cli.plan.as_deref(), std::env::var_os(PLAN_ENV))?;
    if cli.command.is_none() && io::stdout().is_terminal() && io::stdin().is_terminal() {
        let launch = crate::tui::Launch {
            template,
            path,
            fixed_today: cli.today,
        };
        let exit = crate::tui::run(launch).map_err(Failure::new)?;
        println!("{}", clean_line(&exit.farewell()));
        return Ok(());
    }
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let stamp = match cli.today {
        Some(day) => day.and_time(chrono::NaiveTime::MIN),
        None => chrono::Utc::now().naive_utc(),
    };
    let ctx = Context {
        template,
        path,
        today,
        stamp,
        lock: std::cell::RefCell::new(None),
    };
    let mut out = io::stdout().lock();
    match cli.command {
        // Bare `imgplan` without a terminal (piped, in a script) prints the status.
        None | Some(Command::Status) => status::status(&ctx, &mut out),
        Some(Command::Init(args)) => init(&ctx, &args, &mut out),
        Some(Command::Check) => status::check(&ctx, &mut out),
        Some(Command::Export(args)) => exports::export_plan(&ctx, &args, &mut out),
        Some(Command::Tasks(args)) => tasks::tasks(&ctx, &args, &mut out),
        Some(Command::Set(args)) => tasks::set(&ctx, &args, &mut out),
        Some(Command::Profile(args)) => profile::profile(&ctx, &args, &mut out),
        Some(Command::Season(args)) => season::season(&ctx, &args, &mut out),
        Some(Command::Visa) => trackers::visa(&ctx, &mut out),
        Some(Command::Sources(args)) => sources::sources(&ctx, &args, &mut out),
        Some(Command::Programs(args)) => trackers::programs(&ctx, &args, &mut out),
        Some(Command::Budget(args)) => budget::budget(&ctx, &args, &mut out),
        Some(Command::Letters) => budget::letters(&ctx, &mut out),
        Some(Command::Import { what }) => trackers::import(&ctx, &what, &mut out),
        Some(Command::Restore { version }) => restore::restore(&ctx, version, &mut out),
        // Answered above, before the plan is located.
        Some(Command::Completions { .. } | Command::Man { .. }) => Ok(()),
    }
}

fn init(ctx: &Context, args: &InitArgs, out: &mut impl Write) -> Result<(), Failure> {
    let plan = Plan::new(&ctx.template, ctx.today, args.match_year, args.visa.into())?;
    if storage::is_link(&ctx.path) {
        // A fresh plan replaces the old one: never at the far end of a link.
        return Err(Failure::new(format!(
            "{} is a symbolic link to {}; `imgplan init` does not write through links: pass --plan with the file itself",
            crate::text::shown(&ctx.path),
            crate::text::shown(&std::fs::read_link(&ctx.path).unwrap_or_default())
        )));
    }
    ctx.lock("init")?;
    if ctx.path.exists() {
        if !args.force {
            return Err(Failure::new(format!(
                "{} already exists; use `imgplan init --force` to replace it (a backup is kept)",
                crate::text::shown(&ctx.path)
            )));
        }
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S").to_string();
        let backup = storage::backup(&ctx.path, &stamp)?;
        writeln!(
            out,
            "Kept a backup of the old plan at {}",
            crate::text::shown(&backup)
        )?;
    }
    ctx.save_with(&plan, storage::HandEdits::AlreadyKept)?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    writeln!(
        out,
        "Created your plan for the {} Match (visa: {}) at {}",
        plan.profile.match_year,
        plan.profile.visa,
        crate::text::shown(&ctx.path)
    )?;
    writeln!(
        out,
        "{} tasks in {} stages. Next: `imgplan status`, `imgplan tasks`, `imgplan profile --help`.",
        snapshot.tasks.len(),
        ctx.template.stages.len()
    )?;
    Ok(())
}
