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
use crate::wording::countdown;

mod exports;
mod restore;
mod sources;
mod trackers;

pub use exports::{ExportArgs, FormatArg, ShellArg, TableArg};

const AFTER_HELP: &str = "\
The plan lives in your data directory (on Linux ~/.local/share/imgplan/plan.ron) unless
--plan PATH or the IMGPLAN_PLAN variable names another file. Every date the planner
computes is labelled published, estimated or yours, and can be changed with `imgplan set`
(task dates) or `imgplan season` (season dates).";

/// imgplan: plan the road from medical school abroad to a US residency.
#[derive(Debug, Parser)]
#[command(name = "imgplan", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Plan file to use (default: $IMGPLAN_PLAN, else the data directory's plan.ron).
    #[arg(long, global = true, value_name = "PATH")]
    pub plan: Option<PathBuf>,

    /// Plan as if today were this date, for what-if planning and reproducible output.
    #[arg(long, global = true, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a plan file from the built-in journey.
    Init(InitArgs),
    /// One-screen summary: progress per stage, overdue tasks, next deadlines, warnings.
    Status,
    /// Check that the plan file can be read; print its warnings.
    Check,
    /// Write the plan as text, Markdown, a calendar (.ics), CSV or JSON.
    Export(ExportArgs),
    /// List tasks with their ids, states and dates.
    Tasks(TasksArgs),
    /// Change one task: its state, due date or note.
    Set(SetArgs),
    /// Show or change the profile: name, Match year, visa, category, specialty, graduation.
    Profile(ProfileArgs),
    /// Show the season's dates, or set one of them yourself.
    Season(SeasonArgs),
    /// J-1 versus H-1B side by side, with sources, and what your choice means for your dates.
    Visa,
    /// Every source the facts rest on: publisher, kind, when it was checked, its address and what
    /// cites it; `--stale` for those due for a re-check.
    Sources(sources::SourcesArgs),
    /// List your programs with their visa-fit flags and the ERAS cost estimate.
    Programs(trackers::ProgramsArgs),
    /// Bring data in from elsewhere (programs from a spreadsheet's CSV).
    Import {
        #[command(subcommand)]
        what: trackers::ImportCommand,
    },
    /// List the last versions of the plan that saves replaced, or put one back (`restore 2`).
    Restore {
        /// The version to put back (1 = the most recent), as listed by `imgplan restore`.
        #[arg(value_name = "N")]
        version: Option<usize>,
    },
    /// Print a shell completion script (bash, zsh or fish).
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print the manual page (roff): `imgplan man | man -l -`; `imgplan man export` for one
    /// command's page; `--dir DIR` writes every page there.
    Man {
        /// The command whose page to print (imgplan-COMMAND(1)).
        command: Option<String>,
        /// Write imgplan.1 and every imgplan-COMMAND.1 into this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Target Match year (default: the earliest Match whose ERAS submission date is ahead).
    #[arg(long, value_name = "YEAR")]
    pub match_year: Option<i32>,
    /// Visa you plan to train on.
    #[arg(long, value_enum, default_value_t = VisaArg::Undecided)]
    pub visa: VisaArg,
    /// Replace an existing plan (a backup of it is kept beside it).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VisaArg {
    Undecided,
    J1,
    H1b,
    /// No visa needed (US citizen or permanent resident).
    None,
}

impl From<VisaArg> for VisaChoice {
    fn from(arg: VisaArg) -> Self {
        match arg {
            VisaArg::Undecided => VisaChoice::Undecided,
            VisaArg::J1 => VisaChoice::J1,
            VisaArg::H1b => VisaChoice::H1b,
            VisaArg::None => VisaChoice::NotNeeded,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CategoryArg {
    /// Non-US-citizen IMG (the NRMP counts green-card holders here).
    NonUs,
    /// US-citizen IMG.
    Us,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateArg {
    Todo,
    Doing,
    Done,
    Skipped,
}

impl From<StateArg> for Status {
    fn from(arg: StateArg) -> Self {
        match arg {
            StateArg::Todo => Status::Todo,
            StateArg::Doing => Status::Doing,
            StateArg::Done => Status::Done,
            StateArg::Skipped => Status::Skipped,
        }
    }
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// Only this stage (id or short name: ecfmg, exams, usce, eras, match, visa, residency).
    #[arg(long, value_name = "STAGE")]
    pub stage: Option<String>,
    /// Only open tasks due within this many days (overdue ones included).
    #[arg(long, value_name = "DAYS")]
    pub due_within: Option<u32>,
    /// Only tasks in this state.
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The task id, as listed by `imgplan tasks`.
    pub id: String,
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// Your own due date (YYYY-MM-DD), or `rule` to return to the template's date.
    #[arg(long, value_name = "YYYY-MM-DD|rule")]
    pub due: Option<String>,
    /// A note on the task; an empty note removes it.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long, value_name = "YEAR")]
    pub match_year: Option<i32>,
    #[arg(long, value_enum)]
    pub visa: Option<VisaArg>,
    #[arg(long, value_enum)]
    pub category: Option<CategoryArg>,
    #[arg(long)]
    pub specialty: Option<String>,
    /// Graduation date (YYYY-MM-DD), or `none` to clear it.
    #[arg(long, value_name = "YYYY-MM-DD|none")]
    pub graduation: Option<String>,
    /// The graduation date is expected, not yet actual.
    #[arg(long, requires = "graduation")]
    pub expected: bool,
    /// Your Step 2 CK score (compared with programs' minimums), or `none`.
    #[arg(long, value_name = "SCORE|none")]
    pub step2_score: Option<String>,
    /// How many letters of recommendation you aim for (default 3), or `default`.
    #[arg(long, value_name = "N|default")]
    pub letter_target: Option<String>,
    /// Every citizenship you hold, as ISO 3166 codes or English names, comma-separated
    /// ("NG" or "NG,GB"); `none` clears it. Entry restrictions name nationalities.
    #[arg(long, value_name = "COUNTRIES|none")]
    pub citizenship: Option<String>,
    /// Whether you are in the US now (entry restrictions and the H-1B payment apply to people
    /// outside it).
    #[arg(long, value_enum, value_name = "yes|no|unknown")]
    pub in_us: Option<YesNoArg>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum YesNoArg {
    Yes,
    No,
    /// Not said.
    Unknown,
}

#[derive(Debug, Args)]
pub struct SeasonArgs {
    /// The season date to set (e.g. RolDeadline); without it the season is listed.
    pub anchor: Option<String>,
    /// The date (YYYY-MM-DD), or `default` to return to the published or estimated date.
    #[arg(requires = "anchor", value_name = "YYYY-MM-DD|default")]
    pub date: Option<String>,
}

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
        None | Some(Command::Status) => status(&ctx, &mut out),
        Some(Command::Init(args)) => init(&ctx, &args, &mut out),
        Some(Command::Check) => check(&ctx, &mut out),
        Some(Command::Export(args)) => exports::export_plan(&ctx, &args, &mut out),
        Some(Command::Tasks(args)) => tasks(&ctx, &args, &mut out),
        Some(Command::Set(args)) => set(&ctx, &args, &mut out),
        Some(Command::Profile(args)) => profile(&ctx, &args, &mut out),
        Some(Command::Season(args)) => season(&ctx, &args, &mut out),
        Some(Command::Visa) => trackers::visa(&ctx, &mut out),
        Some(Command::Sources(args)) => sources::sources(&ctx, &args, &mut out),
        Some(Command::Programs(args)) => trackers::programs(&ctx, &args, &mut out),
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

fn status(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    write!(out, "{}", status_text(&ctx.template, &plan, &snapshot))?;
    if saved {
        writeln!(out, "\nPlan: {}", crate::text::shown(&ctx.path))?;
    } else {
        writeln!(out, "\n{}", ctx.not_saved_note())?;
    }
    Ok(())
}

/// The one-screen status summary (also printed when the planner cannot open a terminal).
pub fn status_text(template: &Template, plan: &Plan, snapshot: &Snapshot) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let profile = &plan.profile;
    let name = profile
        .name
        .as_deref()
        .map(clean_line)
        .filter(|n| !n.is_empty())
        .map(|n| format!("{n} · "))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "imgplan · {name}{} Match · visa {} · {} · today {}",
        profile.match_year,
        profile.visa,
        profile.category.label(),
        snapshot.today
    );
    let (closed, total) = snapshot.totals();
    let percent = snapshot.overall_percent();
    let _ = writeln!(s, "\nProgress: {closed}/{total} tasks closed ({percent} %)");
    for stage in &snapshot.progress {
        let _ = writeln!(
            s,
            "  {} {} {:>2}/{:<2}",
            pad(&truncate(&stage.short, 10), 10),
            crate::wording::bar(stage.percent(), 20),
            stage.done + stage.skipped,
            stage.total
        );
    }
    let line = |s: &mut String, d: &crate::insights::Deadline| {
        let title = snapshot
            .task(&d.task)
            .map_or_else(|| d.task.clone(), |t| clean_line(&t.title));
        let when = countdown(d.days);
        let room = 78 - 12 - 2 - when.len();
        let _ = writeln!(
            s,
            "  {}  {}  {when}",
            d.date,
            pad(&truncate(&title, room), room)
        );
        // A fact due for a re-check says so where the user reads it.
        if let Some(mark) = snapshot
            .task(&d.task)
            .and_then(|t| snapshot.task_freshness(template, t))
            .and_then(|f| f.mark())
        {
            let _ = writeln!(s, "              sources {mark}");
        }
    };
    if !snapshot.overdue.is_empty() {
        let _ = writeln!(s, "\nOverdue ({})", snapshot.overdue.len());
        for d in snapshot.overdue.iter().take(5) {
            line(&mut s, d);
        }
        if snapshot.overdue.len() > 5 {
            let _ = writeln!(
                s,
                "  … {} more: imgplan tasks --due-within 0",
                snapshot.overdue.len() - 5
            );
        }
    }
    let _ = writeln!(s, "\nNext deadlines");
    if snapshot.upcoming.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for d in snapshot.upcoming.iter().take(5) {
        line(&mut s, d);
    }
    if !snapshot.warnings.is_empty() {
        let _ = writeln!(s, "\nWarnings ({})", snapshot.warnings.len());
        for warning in snapshot.warnings.iter().take(4) {
            let text = clean_line(&warning.message);
            let _ = writeln!(s, "  ! {}", truncate(&text, 76));
            if let Some(mark) =
                crate::freshness::Freshness::of(template, &warning.sources, snapshot.today)
                    .and_then(|f| f.mark())
            {
                let _ = writeln!(s, "    sources {mark}");
            }
        }
        if snapshot.warnings.len() > 4 {
            let _ = writeln!(s, "  … {} more: imgplan check", snapshot.warnings.len() - 4);
        }
    }
    let _ = writeln!(s, "\n{}", snapshot.freshness.line());
    if snapshot.freshness.stale_on_path > 0 {
        let _ = writeln!(
            s,
            "  `imgplan sources --stale` lists them with their addresses."
        );
    }
    s
}

fn check(ctx: &Context, out: &mut impl Write) -> Result<(), Failure> {
    let Some(plan) = ctx.load()? else {
        return Err(Failure::new(format!(
            "{}: no plan file there yet; `imgplan init` creates one",
            crate::text::shown(&ctx.path)
        )));
    };
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    writeln!(
        out,
        "{}: OK (plan version {}, {} tasks, {} Match)",
        crate::text::shown(&ctx.path),
        plan.version,
        snapshot.tasks.len(),
        plan.profile.match_year
    )?;
    if std::fs::read(&ctx.path).is_ok_and(|bytes| bytes.starts_with(storage::UTF8_BOM)) {
        writeln!(
            out,
            "note: the file starts with a byte-order mark (some Windows editors add one); it is read past, and the next save leaves it out"
        )?;
    }
    let orphaned: Vec<&str> = plan.orphaned_ids(&ctx.template).collect();
    if !orphaned.is_empty() {
        writeln!(
            out,
            "note: kept your state for {} task(s) the built-in journey no longer has: {}",
            orphaned.len(),
            orphaned
                .iter()
                .map(|id| clean_line(id))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for warning in &snapshot.warnings {
        writeln!(out, "warning: {}", clean_line(&warning.message))?;
    }
    if snapshot.warnings.is_empty() {
        writeln!(out, "No warnings.")?;
    }
    Ok(())
}

/// Finds a stage by id or short name, case-insensitively.
fn find_stage<'a>(template: &'a Template, wanted: &str) -> Result<&'a str, Failure> {
    let wanted = wanted.trim().to_lowercase();
    template
        .stages
        .iter()
        .find(|s| s.id.to_lowercase() == wanted || s.short.to_lowercase() == wanted)
        .map(|s| s.id.as_str())
        .ok_or_else(|| {
            Failure::new(format!(
                "no stage called {:?}; stages: {}",
                clean_line(&wanted),
                template
                    .stages
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })
}

fn tasks(ctx: &Context, args: &TasksArgs, out: &mut impl Write) -> Result<(), Failure> {
    let (plan, saved) = ctx.load_or_default()?;
    let snapshot = Snapshot::build(&ctx.template, &plan, ctx.today);
    let stage = args
        .stage
        .as_deref()
        .map(|s| find_stage(&ctx.template, s))
        .transpose()?;
    let state = args.state.map(Status::from);
    let rows: Vec<_> = snapshot
        .tasks
        .iter()
        .filter(|t| stage.is_none_or(|s| t.stage == s))
        .filter(|t| state.is_none_or(|s| t.status == s))
        .filter(|t| {
            args.due_within.is_none_or(|days| {
                !t.status.is_closed()
                    && t.days_left(ctx.today)
                        .is_some_and(|left| left <= i64::from(days))
            })
        })
        .collect();
    let id_width = rows
        .iter()
        .map(|t| crate::text::width(&t.id))
        .max()
        .unwrap_or(2)
        .max(2);
    writeln!(
        out,
        "{} {} {} TITLE",
        pad("ID", id_width),
        pad("STATE", 7),
        pad("DUE", 10),
    )?;
    for task in &rows {
        let due = task
            .due
            .as_ref()
            .map_or_else(|| "-".to_owned(), |d| d.date.to_string());
        let flag = if task.is_overdue(ctx.today) {
            " (overdue)"
        } else {
            ""
        };
        writeln!(
            out,
            "{} {} {} {}{flag}",
            pad(&clean_line(&task.id), id_width),
            pad(task.status.label(), 7),
            pad(&due, 10),
            clean_line(&task.title)
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "(no tasks match)")?;
    }
    if !saved && io::stderr().is_terminal() {
        eprintln!("{}", ctx.not_saved_note());
    }
    Ok(())
}

fn set(ctx: &Context, args: &SetArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.state.is_none() && args.due.is_none() && args.note.is_none() {
        return Err(Failure::new(
            "nothing to change: give --state, --due or --note (see `imgplan set --help`)",
        ));
    }
    ctx.lock("set")?;
    let (mut plan, saved) = ctx.load_or_default()?;
    let template = &ctx.template;
    let id = args.id.trim();
    if let Some(state) = args.state {
        plan.set_status(template, id, state.into(), ctx.today)?;
    }
    if let Some(due) = &args.due {
        let due = match due.trim() {
            "rule" | "" => None,
            text => Some(parse_date(text).map_err(Failure::new)?),
        };
        plan.set_due(template, id, due)?;
    }
    if let Some(note) = &args.note {
        plan.set_note(template, id, note)?;
    }
    ctx.save(&plan)?;
    if !saved {
        writeln!(
            out,
            "Created your plan at {}",
            crate::text::shown(&ctx.path)
        )?;
    }
    let snapshot = Snapshot::build(template, &plan, ctx.today);
    match snapshot.task(id) {
        Some(task) => {
            let due = task.due.as_ref().map_or_else(
                || "no date".to_owned(),
                |d| format!("due {} ({})", d.date, d.origin),
            );
            writeln!(
                out,
                "{} {}: {}, {due}",
                task.status.checkbox(),
                clean_line(&task.id),
                task.status
            )?;
        }
        None => writeln!(
            out,
            "Saved {} (it does not apply to your visa choice, so it is hidden from lists).",
            clean_line(id)
        )?,
    }
    for warning in snapshot.warnings.iter().filter(|w| w.task() == Some(id)) {
        writeln!(out, "warning: {}", clean_line(&warning.message))?;
    }
    Ok(())
}

fn profile(ctx: &Context, args: &ProfileArgs, out: &mut impl Write) -> Result<(), Failure> {
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
    let p = &mut plan.profile;
    if let Some(name) = &args.name {
        let name = checked_field(name, MAX_TITLE_CHARS, "the name")?;
        p.name = (!name.is_empty()).then_some(name);
    }
    if let Some(year) = args.match_year {
        plan.set_match_year(year)?;
    }
    let p = &mut plan.profile;
    if let Some(visa) = args.visa {
        p.visa = visa.into();
    }
    if let Some(category) = args.category {
        p.category = match category {
            CategoryArg::NonUs => ApplicantCategory::NonUsCitizenImg,
            CategoryArg::Us => ApplicantCategory::UsCitizenImg,
        };
    }
    if let Some(specialty) = &args.specialty {
        let specialty = checked_field(specialty, MAX_TITLE_CHARS, "the specialty")?;
        p.specialty = (!specialty.is_empty()).then_some(specialty);
    }
    if let Some(graduation) = &args.graduation {
        p.graduation = match graduation.trim() {
            "none" | "" => None,
            text => Some(Graduation {
                date: parse_date(text).map_err(Failure::new)?,
                expected: args.expected,
            }),
        };
    }
    if let Some(score) = &args.step2_score {
        plan.profile.step2_score = match score.trim() {
            "none" | "" => None,
            text => Some(parse_score(text)?),
        };
    }
    if let Some(citizenship) = &args.citizenship {
        plan.profile.citizenship = match citizenship.trim() {
            "none" => Vec::new(),
            text => crate::situation::parse_citizenship(text).map_err(Failure::usage)?,
        };
    }
    if let Some(in_us) = args.in_us {
        plan.profile.in_us = match in_us {
            YesNoArg::Yes => Some(true),
            YesNoArg::No => Some(false),
            YesNoArg::Unknown => None,
        };
    }
    if let Some(target) = &args.letter_target {
        let target = match target.trim() {
            "default" | "" => None,
            text => Some(text.parse::<u32>().map_err(|_| {
                Failure::new(format!(
                    "{:?} is not a number of letters (or `default`)",
                    clean_line(text)
                ))
            })?),
        };
        plan.set_letter_target(target)?;
    }
    if changing {
        ctx.save(&plan)?;
        if !saved {
            writeln!(
                out,
                "Created your plan at {}",
                crate::text::shown(&ctx.path)
            )?;
        }
    }
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
fn parse_score(text: &str) -> Result<u16, Failure> {
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

fn season(ctx: &Context, args: &SeasonArgs, out: &mut impl Write) -> Result<(), Failure> {
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
                    .insert(anchor, parse_date(text).map_err(Failure::new)?);
            }
        }
        if args.date.is_some() {
            ctx.save(&plan)?;
            if !saved {
                writeln!(
                    out,
                    "Created your plan at {}",
                    crate::text::shown(&ctx.path)
                )?;
            }
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
