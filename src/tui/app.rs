//! The planner's state: the plan and what the screen is showing. Changed only by
//! [`super::update`], read by [`super::view`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tui_input::Input;

use crate::export::{ExportOptions, Format};
use crate::insights::Snapshot;
use crate::journey::{Anchor, StageSection, Template, VisaChoice};
use crate::plan::{ApplicantCategory, Plan};
use crate::programs::{self, ProgramFilter, ProgramSort};

use super::form::Form;
use super::keymap::KeyContext;

/// Undo keeps this many earlier plans; plans are small, so this costs little.
pub const UNDO_DEPTH: usize = 200;

/// The panels, in the order of the side list and the `1`-`9` keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    /// A journey stage, by its index in the template.
    Stage(usize),
    /// Programs and the rank order list.
    Programs,
    Agenda,
}

/// One row of a panel's list. Only some rows can be selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A section title ("Overdue", "March 2028").
    Heading(String),
    /// A line of information ("Nothing overdue").
    Note(String),
    /// How recent the facts are and how many on the plan's path are due for a re-check.
    Freshness,
    /// A task, by id.
    Task(String),
    /// A warning about a task (index into the snapshot's warnings).
    Warning(usize),
    /// What a situation rule says about the user (index into the snapshot's situation notes).
    Situation(usize),
    /// A fee, threshold or statistic of the stage (index into the template's facts).
    Fact(usize),
    /// A season date, which the user can change.
    Season(Anchor),
    /// The column titles of the comparison ("J-1", "H-1B").
    ComparisonHeader,
    /// A row of the J-1 versus H-1B comparison (index into the template's rows).
    Comparison(usize),
    /// A logged rotation, by id.
    Rotation(u32),
    /// "Log a rotation": Enter opens the rotation form.
    AddRotation,
    /// A program in the programs list, by id.
    Program(u32),
    /// A program in the rank order list, by id.
    Ranked(u32),
}

impl Row {
    pub fn selectable(&self) -> bool {
        !matches!(self, Row::Heading(_) | Row::Note(_) | Row::ComparisonHeader)
    }

    /// The program a row is about, in either list.
    pub fn program(&self) -> Option<u32> {
        match self {
            Row::Program(id) | Row::Ranked(id) => Some(*id),
            _ => None,
        }
    }
}

/// Where the selection and the scroll position are in one panel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    /// Index into the panel's rows.
    pub selected: usize,
    /// First row shown.
    pub offset: usize,
}

/// What a one-line text field is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextPurpose {
    DueDate {
        task: String,
    },
    SeasonDate {
        anchor: Anchor,
    },
    Note {
        task: String,
    },
    NewTask {
        stage: String,
    },
    InterviewDate {
        program: u32,
    },
    ProgramNote {
        program: u32,
    },
    RotationNote {
        rotation: u32,
    },
    /// Incremental search; remembers where the user was, to go back on Esc.
    Search {
        panel: usize,
        cursor: Cursor,
    },
}

/// An open text field.
#[derive(Debug, Clone)]
pub struct TextField {
    pub purpose: TextPurpose,
    pub input: Input,
    /// A problem with what was typed, shown under the field.
    pub error: Option<String>,
}

/// The profile form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    Name,
    MatchYear,
    Visa,
    Category,
    Specialty,
    Graduation,
    GraduationExpected,
    Step2Score,
    LetterTarget,
    Citizenship,
    InUs,
}

impl ProfileField {
    pub const ALL: [ProfileField; 11] = [
        ProfileField::Name,
        ProfileField::MatchYear,
        ProfileField::Visa,
        ProfileField::Category,
        ProfileField::Specialty,
        ProfileField::Graduation,
        ProfileField::GraduationExpected,
        ProfileField::Step2Score,
        ProfileField::LetterTarget,
        ProfileField::Citizenship,
        ProfileField::InUs,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "Name",
            ProfileField::MatchYear => "Target Match year",
            ProfileField::Visa => "Visa",
            ProfileField::Category => "NRMP category",
            ProfileField::Specialty => "Specialty",
            ProfileField::Graduation => "Graduation date",
            ProfileField::GraduationExpected => "Graduation is",
            ProfileField::Step2Score => "Step 2 CK score",
            ProfileField::LetterTarget => "Letters to aim for",
            ProfileField::Citizenship => "Citizenship",
            ProfileField::InUs => "In the US now",
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(
            self,
            ProfileField::Visa
                | ProfileField::Category
                | ProfileField::GraduationExpected
                | ProfileField::InUs
        )
    }
}

/// The profile being edited; applied as a whole on Enter.
#[derive(Debug, Clone)]
pub struct ProfileForm {
    pub focus: usize,
    pub name: Input,
    pub match_year: Input,
    pub visa: VisaChoice,
    pub category: ApplicantCategory,
    pub specialty: Input,
    pub graduation: Input,
    pub graduation_expected: bool,
    pub step2_score: Input,
    pub letter_target: Input,
    /// ISO codes or English names, comma-separated.
    pub citizenship: Input,
    pub in_us: Option<bool>,
    pub error: Option<String>,
}

impl ProfileForm {
    pub fn from_plan(plan: &Plan) -> ProfileForm {
        let profile = &plan.profile;
        let text = |value: Option<&str>| Input::new(value.unwrap_or_default().to_owned());
        ProfileForm {
            focus: 0,
            name: text(profile.name.as_deref()),
            match_year: Input::new(profile.match_year.to_string()),
            visa: profile.visa,
            category: profile.category,
            specialty: text(profile.specialty.as_deref()),
            graduation: Input::new(
                profile
                    .graduation
                    .map(|g| g.date.to_string())
                    .unwrap_or_default(),
            ),
            graduation_expected: profile.graduation.is_none_or(|g| g.expected),
            step2_score: Input::new(
                profile
                    .step2_score
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            ),
            letter_target: Input::new(
                plan.letter_target
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
            citizenship: Input::new(profile.citizenship.join(", ")),
            in_us: profile.in_us,
            error: None,
        }
    }

    pub fn field(&self) -> ProfileField {
        ProfileField::ALL[self.focus.min(ProfileField::ALL.len() - 1)]
    }

    /// The text input of a text field.
    pub fn input(&self, field: ProfileField) -> Option<&Input> {
        match field {
            ProfileField::Name => Some(&self.name),
            ProfileField::MatchYear => Some(&self.match_year),
            ProfileField::Specialty => Some(&self.specialty),
            ProfileField::Graduation => Some(&self.graduation),
            ProfileField::Step2Score => Some(&self.step2_score),
            ProfileField::LetterTarget => Some(&self.letter_target),
            ProfileField::Citizenship => Some(&self.citizenship),
            _ => None,
        }
    }

    pub fn input_mut(&mut self, field: ProfileField) -> Option<&mut Input> {
        match field {
            ProfileField::Name => Some(&mut self.name),
            ProfileField::MatchYear => Some(&mut self.match_year),
            ProfileField::Specialty => Some(&mut self.specialty),
            ProfileField::Graduation => Some(&mut self.graduation),
            ProfileField::Step2Score => Some(&mut self.step2_score),
            ProfileField::LetterTarget => Some(&mut self.letter_target),
            ProfileField::Citizenship => Some(&mut self.citizenship),
            _ => None,
        }
    }
}

/// What has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Help {
        scroll: u16,
    },
    Text(TextField),
    /// Boxed: the form is much larger than the other modes.
    Profile(Box<ProfileForm>),
    /// A program, rotation or filter form.
    Form(Box<Form>),
    ConfirmDelete {
        target: DeleteTarget,
        title: String,
    },
}

/// What a delete question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeleteTarget {
    Task(String),
    Program(u32),
    Rotation(u32),
}

impl DeleteTarget {
    /// "task", "program", "rotation", for the question's title.
    pub fn kind(&self) -> &'static str {
        match self {
            DeleteTarget::Task(_) => "task",
            DeleteTarget::Program(_) => "program",
            DeleteTarget::Rotation(_) => "rotation",
        }
    }
}

impl Mode {
    pub fn key_context(&self) -> KeyContext {
        match self {
            Mode::Normal => KeyContext::Normal,
            Mode::Help { .. } => KeyContext::Help,
            Mode::Text(_) => KeyContext::Text,
            Mode::Profile(_) | Mode::Form(_) => KeyContext::Form,
            Mode::ConfirmDelete { .. } => KeyContext::Confirm,
        }
    }
}

/// How a message reads: plain information, or something that went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Error,
}

/// The one-line status message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub tone: Tone,
    /// Serial number, so a timer only clears the message it was set for.
    pub serial: u64,
}

/// Whether the plan on disk matches the plan in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// A save is on its way; the text says what changed.
    Pending(String),
    /// The last save failed; the change is kept in memory.
    Failed(String),
}

/// The whole state of the planner.
#[derive(Debug, Clone)]
pub struct App {
    pub template: Template,
    pub plan: Plan,
    /// Everything derived from plan + today, rebuilt after each change.
    pub snapshot: Snapshot,
    pub today: NaiveDate,
    pub plan_path: PathBuf,
    pub panel: usize,
    pub cursors: Vec<Cursor>,
    pub mode: Mode,
    pub message: Option<Message>,
    pub next_serial: u64,
    /// Earlier plans with what the change after them was, newest last.
    pub undo: Vec<(Plan, String)>,
    pub redo: Vec<(Plan, String)>,
    pub save_state: SaveState,
    /// The last search, for `n` and `N`.
    pub search: Option<String>,
    /// Terminal size, for paging and mouse clicks.
    pub width: u16,
    pub height: u16,
    /// Colour-free theme (NO_COLOR).
    pub monochrome: bool,
    /// How far the detail pane is scrolled; back to the top when the selection moves.
    pub detail_scroll: u16,
    /// Set when the user pressed `q` once with unsaved changes.
    pub quit_armed: bool,
    /// Which programs the programs panel lists, and in what order.
    pub program_filter: ProgramFilter,
    pub program_sort: ProgramSort,
    /// The export dialog's last choices, offered again next time.
    pub export_options: ExportOptions,
    /// Where the export dialog suggests writing: the directory imgplan was started from, then
    /// the directory of the last export.
    pub export_dir: PathBuf,
    /// `today` follows the clock (not fixed by `--today`): exports are stamped with the time.
    pub real_clock: bool,
    pub should_quit: bool,
}

impl App {
    pub fn new(template: Template, plan: Plan, plan_path: PathBuf, today: NaiveDate) -> App {
        let snapshot = Snapshot::build(&template, &plan, today);
        let panels = template.stages.len() + 3;
        let mut app = App {
            template,
            plan,
            snapshot,
            today,
            plan_path: plan_path.clone(),
            panel: 0,
            cursors: vec![Cursor::default(); panels],
            mode: Mode::Normal,
            message: None,
            next_serial: 1,
            undo: Vec::new(),
            redo: Vec::new(),
            save_state: SaveState::Saved,
            search: None,
            width: 120,
            height: 40,
            monochrome: false,
            detail_scroll: 0,
            quit_armed: false,
            program_filter: ProgramFilter::default(),
            program_sort: ProgramSort::default(),
            export_options: ExportOptions::new(Format::Text),
            export_dir: plan_path
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            real_clock: false,
            should_quit: false,
        };
        app.settle_all();
        app
    }

    pub fn panels(&self) -> Vec<Panel> {
        let mut panels = vec![Panel::Overview];
        panels.extend((0..self.template.stages.len()).map(Panel::Stage));
        panels.push(Panel::Programs);
        panels.push(Panel::Agenda);
        panels
    }

    pub fn panel_kind(&self, index: usize) -> Panel {
        let stages = self.template.stages.len();
        match index {
            0 => Panel::Overview,
            i if i <= stages => Panel::Stage(i - 1),
            i if i == stages + 1 => Panel::Programs,
            _ => Panel::Agenda,
        }
    }

    /// The index of the programs panel.
    pub fn programs_panel(&self) -> usize {
        self.template.stages.len() + 1
    }

    /// The panel of the stage that shows a section (e.g. the USCE log), if any.
    pub fn section_panel(&self, section: StageSection) -> Option<usize> {
        self.template
            .stages
            .iter()
            .position(|s| s.sections.contains(&section))
            .map(|i| i + 1)
    }

    pub fn current_panel(&self) -> Panel {
        self.panel_kind(self.panel)
    }

    /// The panel that shows a stage's tasks.
    pub fn stage_panel(&self, stage: &str) -> Option<usize> {
        self.template
            .stages
            .iter()
            .position(|s| s.id == stage)
            .map(|i| i + 1)
    }

    /// Upcoming deadlines the overview shows at least (more when the screen has room).
    pub const OVERVIEW_UPCOMING: usize = 5;

    /// The rows of a panel, computed from the snapshot.
    pub fn rows(&self, panel: usize) -> Vec<Row> {
        match self.panel_kind(panel) {
            Panel::Overview => self.overview_rows(),
            Panel::Stage(index) => self.stage_rows(index),
            Panel::Programs => self.program_rows(),
            Panel::Agenda => self.agenda_rows(),
        }
    }

    fn stage_rows(&self, index: usize) -> Vec<Row> {
        let stage = &self.template.stages[index];
        let mut rows = Vec::new();
        let sections = &stage.sections;
        if sections.contains(&StageSection::VisaComparison) {
            let comparison = &self.template.visa_comparison;
            rows.push(Row::Heading(format!(
                "J-1 versus H-1B · policy as of {}",
                comparison.policy_as_of
            )));
            rows.push(Row::ComparisonHeader);
            rows.extend((0..comparison.rows.len()).map(Row::Comparison));
            let choice = self.plan.profile.visa;
            rows.push(Row::Heading(format!(
                "Your choice: {choice} (p changes it) · what it means"
            )));
            for implication in crate::visa::implications(&self.template, &self.snapshot, choice)
                .into_iter()
                .filter(|i| i.situation.is_none())
            {
                let date = implication
                    .date
                    .map(|d| format!("{d}  "))
                    .unwrap_or_default();
                rows.push(Row::Note(format!("{date}{}", implication.text)));
            }
            // Entry restrictions and the H-1B payment: whole text in the details.
            rows.extend(
                self.snapshot
                    .situation
                    .iter()
                    .enumerate()
                    .filter(|(_, note)| crate::visa::route_open(choice, note.route))
                    .map(|(index, _)| Row::Situation(index)),
            );
            rows.push(Row::Heading("Tasks".into()));
        }
        let before = rows.len();
        rows.extend(
            self.snapshot
                .stage_tasks(&stage.id)
                .map(|task| Row::Task(task.id.clone())),
        );
        if rows.len() == before {
            rows.push(Row::Note(
                "No tasks for your visa choice here. Press a to add one.".into(),
            ));
        }
        if sections.contains(&StageSection::UsceLog) {
            rows.push(Row::Heading(format!(
                "Rotations and letters · {}",
                self.snapshot.usce.line()
            )));
            rows.extend(self.plan.rotations.iter().map(|r| Row::Rotation(r.id)));
            rows.push(Row::AddRotation);
        }
        let facts: Vec<Row> = self
            .template
            .facts
            .iter()
            .enumerate()
            .filter(|(_, fact)| fact.stage == stage.id)
            .map(|(index, _)| Row::Fact(index))
            .collect();
        if !facts.is_empty() {
            rows.push(Row::Heading("Facts and figures".into()));
            rows.extend(facts);
        }
        rows
    }

    fn program_rows(&self) -> Vec<Row> {
        let plan = &self.plan;
        let mut rows = Vec::new();
        let ranked = plan.rank_list();
        let deadline = self
            .snapshot
            .calendar
            .get(Anchor::RolDeadline)
            .map(|d| {
                format!(
                    " · certify by {} ({})",
                    d.date,
                    crate::wording::countdown((d.date - self.today).num_days())
                )
            })
            .unwrap_or_default();
        rows.push(Row::Heading(format!(
            "Rank order list ({}){deadline}",
            ranked.len()
        )));
        if ranked.is_empty() {
            rows.push(Row::Note(
                "Nothing ranked yet: r ranks the selected program.".into(),
            ));
        }
        rows.extend(ranked.iter().map(|p| Row::Ranked(p.id)));
        let shown = programs::select(
            &plan.programs,
            &self.program_filter,
            self.program_sort,
            plan.profile.visa,
        );
        let filter = if self.program_filter.is_empty() {
            String::new()
        } else {
            format!(" · {}", self.program_filter.describe())
        };
        rows.push(Row::Heading(format!(
            "Programs ({} of {}){filter} · sorted by {}",
            shown.len(),
            plan.programs.len(),
            self.program_sort.label()
        )));
        if plan.programs.is_empty() {
            rows.push(Row::Note(
                "No programs yet: a adds one (or imgplan import programs FILE.csv).".into(),
            ));
        } else if shown.is_empty() {
            rows.push(Row::Note(
                "No program matches the filter: f changes it, F clears it.".into(),
            ));
        }
        rows.extend(shown.iter().map(|p| Row::Program(p.id)));
        rows
    }

    fn overview_rows(&self) -> Vec<Row> {
        let snapshot = &self.snapshot;
        let mut rows = vec![
            Row::Freshness,
            Row::Heading(format!(
                "Season of the {} Match",
                self.plan.profile.match_year
            )),
        ];
        rows.extend(
            snapshot
                .calendar
                .season_dates()
                .map(|(anchor, _)| Row::Season(anchor)),
        );
        rows.push(Row::Heading(format!(
            "Overdue ({})",
            snapshot.overdue.len()
        )));
        if snapshot.overdue.is_empty() {
            rows.push(Row::Note("Nothing overdue.".into()));
        }
        rows.extend(snapshot.overdue.iter().map(|d| Row::Task(d.task.clone())));
        rows.push(Row::Heading("Next deadlines".into()));
        if snapshot.upcoming.is_empty() {
            rows.push(Row::Note("No dated task ahead.".into()));
        }
        // Fill the screen with deadlines when there is room, and show at least a few.
        let below = 1 + snapshot.warnings.len().max(1);
        let room = self.list_height().saturating_sub(rows.len() + below);
        rows.extend(
            snapshot
                .upcoming
                .iter()
                .take(room.max(Self::OVERVIEW_UPCOMING))
                .map(|d| Row::Task(d.task.clone())),
        );
        rows.push(Row::Heading(format!(
            "Warnings ({})",
            snapshot.warnings.len()
        )));
        if snapshot.warnings.is_empty() {
            rows.push(Row::Note(
                "No warnings: the plan's order and dates hold.".into(),
            ));
        }
        rows.extend((0..snapshot.warnings.len()).map(Row::Warning));
        rows
    }

    fn agenda_rows(&self) -> Vec<Row> {
        let mut dated: Vec<_> = self
            .snapshot
            .tasks
            .iter()
            .filter_map(|task| Some((task.due.as_ref()?.date, task)))
            .collect();
        dated.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)));
        let mut rows = Vec::new();
        let mut month = None;
        for (date, task) in dated {
            let this_month = date.format("%B %Y").to_string();
            if month.as_ref() != Some(&this_month) {
                rows.push(Row::Heading(this_month.clone()));
                month = Some(this_month);
            }
            rows.push(Row::Task(task.id.clone()));
        }
        if rows.is_empty() {
            rows.push(Row::Note("No task has a date yet.".into()));
        }
        rows
    }

    pub fn cursor(&self) -> Cursor {
        self.cursors.get(self.panel).copied().unwrap_or_default()
    }

    /// The selected row of the current panel, if it can be selected.
    pub fn selected_row(&self) -> Option<Row> {
        let rows = self.rows(self.panel);
        rows.get(self.cursor().selected)
            .filter(|row| row.selectable())
            .cloned()
    }

    /// The task the selection is about (a task row or a warning's task).
    pub fn selected_task(&self) -> Option<String> {
        match self.selected_row()? {
            Row::Task(id) => Some(id),
            Row::Warning(index) => self
                .snapshot
                .warnings
                .get(index)
                .and_then(|w| w.task().map(str::to_owned)),
            _ => None,
        }
    }

    /// Rows the list shows at once, from the layout for the current terminal size.
    pub fn list_height(&self) -> usize {
        super::layout::list_rows(self.width, self.height)
    }

    /// Keeps a panel's selection on a selectable row and within reach of its scroll window.
    pub fn settle_cursor(&mut self, panel: usize) {
        let rows = self.rows(panel);
        let height = self.list_height().max(1);
        let Some(cursor) = self.cursors.get_mut(panel) else {
            return;
        };
        if rows.is_empty() {
            *cursor = Cursor::default();
            return;
        }
        cursor.selected = cursor.selected.min(rows.len() - 1);
        if !rows[cursor.selected].selectable() {
            let after = (cursor.selected..rows.len()).find(|&i| rows[i].selectable());
            let before = (0..cursor.selected).rev().find(|&i| rows[i].selectable());
            if let Some(i) = after.or(before) {
                cursor.selected = i;
            }
        }
        // Show the heading above the first selectable row when scrolled to the top.
        let first_selectable = rows.iter().position(Row::selectable).unwrap_or(0);
        if cursor.selected <= first_selectable {
            cursor.offset = 0;
        }
        if cursor.selected < cursor.offset {
            cursor.offset = cursor.selected;
            // Keep a heading just above the selection in view.
            if cursor.offset > 0 && matches!(rows[cursor.offset - 1], Row::Heading(_)) {
                cursor.offset -= 1;
            }
        }
        if cursor.selected >= cursor.offset + height {
            cursor.offset = cursor.selected + 1 - height;
        }
        let max_offset = rows.len().saturating_sub(height);
        cursor.offset = cursor.offset.min(max_offset);
    }

    /// Settles every panel's cursor (after the rows or the terminal size changed).
    pub fn settle_all(&mut self) {
        for panel in 0..self.cursors.len() {
            self.settle_cursor(panel);
        }
    }

    /// Rebuilds everything derived from the plan and keeps every selection valid.
    pub fn refresh(&mut self) {
        self.snapshot = Snapshot::build(&self.template, &self.plan, self.today);
        self.settle_all();
    }

    pub fn say(&mut self, text: impl Into<String>, tone: Tone) {
        self.message = Some(Message {
            text: crate::text::clean_line(&text.into()),
            tone,
            serial: self.next_serial,
        });
        self.next_serial += 1;
    }

    pub fn task_title(&self, id: &str) -> String {
        self.snapshot.task(id).map_or_else(
            || id.to_owned(),
            |task| crate::text::clean_line(&task.title),
        )
    }
}
