//! The command line's arguments (clap derive): every subcommand and its options.

use super::*;

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

    /// Plan as if today were this date, for what-if planning and reproducible output. Every DATE
    /// may be written YYYY-MM-DD, M/D/YYYY or D Mon YYYY.
    #[arg(long, global = true, value_name = "DATE", value_parser = parse_date)]
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
    /// Letters of recommendation: yours and your rotations', and the programs they go to.
    Letters,
    /// Every cost of the journey, planned and paid: list it, set a line, or choose a display
    /// currency.
    Budget(super::budget::BudgetArgs),
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
    /// J-1 only.
    J1,
    /// H-1B only.
    H1b,
    /// H-1B preferred, J-1 acceptable.
    #[value(name = "h1b-prefer", alias = "h1b-preferred")]
    H1bPrefer,
    /// J-1 preferred, H-1B acceptable.
    #[value(name = "j1-prefer", alias = "j1-preferred")]
    J1Prefer,
    /// No visa needed (US citizen or permanent resident).
    None,
}

impl From<VisaArg> for VisaChoice {
    fn from(arg: VisaArg) -> Self {
        match arg {
            VisaArg::Undecided => VisaChoice::Undecided,
            VisaArg::J1 => VisaChoice::J1,
            VisaArg::H1b => VisaChoice::H1b,
            VisaArg::H1bPrefer => VisaChoice::H1bPreferred,
            VisaArg::J1Prefer => VisaChoice::J1Preferred,
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
    /// Your own due date (YYYY-MM-DD, M/D/YYYY or D Mon YYYY), or `rule` to return to the
    /// template's date.
    #[arg(long, value_name = "DATE|rule")]
    pub due: Option<String>,
    /// A note on the task; an empty note removes it.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The day a done task was done (default: the day it was marked done); with
    /// `--state done` both at once.
    #[arg(long, value_name = "DATE")]
    pub done_on: Option<String>,
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
    /// Graduation date (YYYY-MM-DD, M/D/YYYY or D Mon YYYY), or `none` to clear it.
    #[arg(long, value_name = "DATE|none")]
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
    /// The date (YYYY-MM-DD, M/D/YYYY or D Mon YYYY), or `default` to return to the published
    /// or estimated date.
    #[arg(requires = "anchor", value_name = "DATE|default")]
    pub date: Option<String>,
}
