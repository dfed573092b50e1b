//! The planner's state: the plan and what the screen is showing. Changed only by
//! [`super::update`], read by [`super::view`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use tui_input::Input;

use crate::export::{ExportOptions, Format};
use crate::insights::Snapshot;
use crate::journey::{Anchor, StageSection, Template};
use crate::plan::Plan;
use crate::programs::{ProgramFilter, ProgramSort};

use super::form::Form;
use super::keymap::KeyContext;
use crate::ids::{Item, ProgramId, RotationId, TaskId};

/// Undo keeps this many changes (as patches of the plan's text, see [`crate::undo`]).
pub const UNDO_DEPTH: usize = crate::undo::UNDO_DEPTH;

/// The panels, in the order of the side list and the `1`-`9` keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Overview,
    /// A journey stage, by its index in the template.
    Stage(usize),
    /// Programs and the rank order list.
    Programs,
    Agenda,
    /// The months to residency: stages as bars, dated tasks and season dates as marks.
    Timeline,
    /// Every cost of the journey, planned and paid.
    Budget,
    /// Letters of the user's own and the letters from rotations, with the programs they go to.
    Letters,
    /// Step 2 CK practice exams and their trend.
    Scores,
}

/// The panels after the agenda, in order. They have no digit key (1-9 and 0 are taken): Tab
/// and the side list reach them.
pub const LATER_PANELS: [Panel; 4] = [
    Panel::Timeline,
    Panel::Budget,
    Panel::Letters,
    Panel::Scores,
];

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
    Task(TaskId),
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
    /// A further line of a comparison row whose cells wrap (the row's index, the line's number
    /// from 1); not selectable, so the cursor moves row by row.
    ComparisonMore(usize, usize),
    /// A logged rotation, by id.
    Rotation(RotationId),
    /// "Log a rotation": Enter opens the rotation form.
    AddRotation,
    /// A program in the programs list, by id.
    Program(ProgramId),
    /// A program in the rank order list, by id.
    Ranked(ProgramId),
    /// A line of the budget (index into the template's budget).
    BudgetLine(usize),
    /// The budget's display currency: Enter sets it.
    BudgetCurrency,
    /// A letter of the user's own, by id.
    Letter(crate::letters::LetterId),
    /// "Add a letter": Enter opens the letter form.
    AddLetter,
    /// A program with the letters assigned to it: Enter sets how many it asks for.
    LetterProgram(ProgramId),
    /// A practice exam, by id.
    Practice(crate::practice::PracticeId),
    /// "Log a practice exam": Enter opens the form.
    AddPractice,
    /// The Step 2 CK score aimed for: Enter sets it.
    PracticeTarget,
    /// A dated entry of the Agenda other than a task: a season date, an interview, a rotation
    /// or the letter it leads to.
    Agenda(super::agenda::AgendaItem),
}

impl Row {
    pub fn selectable(&self) -> bool {
        !matches!(
            self,
            Row::Heading(_) | Row::Note(_) | Row::ComparisonHeader | Row::ComparisonMore(..)
        )
    }

    /// The program a row is about, in either list.
    pub fn program(&self) -> Option<ProgramId> {
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
        task: TaskId,
    },
    /// The day a done task was done.
    DoneDate {
        task: TaskId,
    },
    SeasonDate {
        anchor: Anchor,
    },
    Note {
        task: TaskId,
    },
    NewTask {
        stage: String,
    },
    InterviewDate {
        program: ProgramId,
    },
    ProgramNote {
        program: ProgramId,
    },
    RotationNote {
        rotation: RotationId,
    },
    /// The CSV file to import programs from; `choices` are the names Tab left open.
    ImportPath {
        choices: Vec<String>,
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
    /// Still as it opened: the first typed character replaces the prefilled text.
    pub fresh: bool,
    /// A problem with what was typed, shown under the field.
    pub error: Option<String>,
}

/// What has the keyboard.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Help {
        scroll: u16,
    },
    Text(TextField),
    /// The profile, a program, a rotation, the filter or the export dialog; boxed, as a form
    /// is much larger than the other modes.
    Form(Box<Form>),
    ConfirmDelete {
        /// What the question is about.
        target: Item,
        title: String,
    },
    /// What an import would add, waiting for y or n.
    ImportPreview(Box<crate::tui::update::import::ImportPreview>),
}

impl Mode {
    pub(crate) fn key_context(&self) -> KeyContext {
        match self {
            Mode::Normal => KeyContext::Normal,
            Mode::Help { .. } => KeyContext::Help,
            Mode::Text(_) => KeyContext::Text,
            Mode::Form(_) => KeyContext::Form,
            Mode::ConfirmDelete { .. } | Mode::ImportPreview(_) => KeyContext::Confirm,
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

/// The user's choices for this session that are not part of the plan (never saved in it).
#[derive(Debug, Clone)]
pub struct Preferences {
    /// Colour-free theme (NO_COLOR).
    pub monochrome: bool,
    /// Which programs the programs panel lists, and in what order.
    pub program_filter: ProgramFilter,
    pub program_sort: ProgramSort,
    /// The Agenda shows open things only (`f` there): no past part.
    pub agenda_open_only: bool,
    /// The export dialog's last choices, offered again next time.
    pub export_options: ExportOptions,
    /// Where the export dialog suggests writing: the directory imgplan was started from, then
    /// the directory of the last export.
    pub export_dir: PathBuf,
}

/// The plan being worked on: the plan, what is derived from it, its history and whether it is
/// saved, and where its file is.
#[derive(Debug, Clone)]
pub struct Session {
    pub plan: Plan,
    /// Everything derived from plan + today, rebuilt after each change.
    pub snapshot: Snapshot,
    /// Undo and redo: what each change did to the plan's text (see [`crate::undo`]).
    pub history: crate::undo::History,
    /// Rows, rank places and the cost estimate, computed once per change (see
    /// [`super::derived`]).
    pub derived: super::derived::Derived,
    pub save_state: SaveState,
    pub plan_path: PathBuf,
}

/// What the screen shows: which panel, where each panel's cursor is, what has the keyboard, the
/// terminal's size, how far the detail pane is scrolled and the last search.
#[derive(Debug, Clone)]
pub struct Screen {
    pub panel: usize,
    pub cursors: Vec<Cursor>,
    pub mode: Mode,
    /// Terminal size, for paging and mouse clicks.
    pub width: u16,
    pub height: u16,
    /// How far the detail pane is scrolled; back to the top when the selection moves.
    pub detail_scroll: u16,
    /// The last search, for `n` and `N`.
    pub search: Option<String>,
    /// The first month the timeline shows (months after today's), moved with `[` and `]`.
    pub timeline_scroll: u32,
    /// Which of the list and the details has the body (`z`).
    pub zoom: super::layout::Zoom,
}

/// The whole state of the planner: the session (the plan and its history), the screen, and the
/// user's preferences, with the template, the day and the status message.
#[derive(Debug, Clone)]
pub struct App {
    pub template: Template,
    pub today: NaiveDate,
    pub session: Session,
    pub screen: Screen,
    pub message: Option<Message>,
    pub next_serial: u64,
    /// Set when the user pressed `q` once with unsaved changes.
    pub quit_armed: bool,
    /// The user's choices that are not part of the plan: theme, program filter, export folder.
    pub prefs: Preferences,
    /// `today` follows the clock (not fixed by `--today`): exports are stamped with the time.
    pub real_clock: bool,
    pub should_quit: bool,
}

impl App {
    pub fn new(template: Template, plan: Plan, plan_path: PathBuf, today: NaiveDate) -> App {
        let snapshot = Snapshot::build(&template, &plan, today);
        let panels = template.stages.len() + 3 + LATER_PANELS.len();
        let mut app = App {
            template,
            today,
            session: Session {
                plan,
                snapshot,
                history: crate::undo::History::default(),
                derived: super::derived::Derived::default(),
                save_state: SaveState::Saved,
                plan_path: plan_path.clone(),
            },
            screen: Screen {
                panel: 0,
                cursors: vec![Cursor::default(); panels],
                mode: Mode::Normal,
                width: 120,
                height: 40,
                detail_scroll: 0,
                search: None,
                timeline_scroll: 0,
                zoom: super::layout::Zoom::Both,
            },
            message: None,
            next_serial: 1,
            quit_armed: false,
            prefs: Preferences {
                monochrome: false,
                program_filter: ProgramFilter::default(),
                program_sort: ProgramSort::default(),
                agenda_open_only: false,
                export_options: ExportOptions::new(Format::Text),
                export_dir: plan_path
                    .parent()
                    .map(Path::to_path_buf)
                    .unwrap_or_default(),
            },
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
        panels.extend(LATER_PANELS);
        panels
    }

    pub fn panel_kind(&self, index: usize) -> Panel {
        let stages = self.template.stages.len();
        match index {
            0 => Panel::Overview,
            i if i <= stages => Panel::Stage(i - 1),
            i if i == stages + 1 => Panel::Programs,
            i if i == stages + 2 => Panel::Agenda,
            i => LATER_PANELS
                .get(i - stages - 3)
                .copied()
                .unwrap_or(Panel::Agenda),
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
        self.panel_kind(self.screen.panel)
    }

    /// The panel that shows a stage's tasks.
    pub fn stage_panel(&self, stage: &str) -> Option<usize> {
        self.template
            .stages
            .iter()
            .position(|s| s.id == stage)
            .map(|i| i + 1)
    }

    pub fn cursor(&self) -> Cursor {
        self.screen
            .cursors
            .get(self.screen.panel)
            .copied()
            .unwrap_or_default()
    }

    /// The selected row of the current panel, if it can be selected.
    pub fn selected_row(&self) -> Option<Row> {
        let rows = self.rows(self.screen.panel);
        rows.get(self.cursor().selected)
            .filter(|row| row.selectable())
            .cloned()
    }

    /// The task the selection is about (a task row or a warning's task).
    pub fn selected_task(&self) -> Option<TaskId> {
        match self.selected_row()? {
            Row::Task(id) => Some(id),
            Row::Warning(index) => self
                .session
                .snapshot
                .warnings
                .get(index)
                .and_then(|w| w.task().map(TaskId::from)),
            _ => None,
        }
    }

    /// Rows the list shows at once, from the layout for the current terminal size.
    pub fn list_height(&self) -> usize {
        super::layout::list_rows(self.screen.width, self.screen.height, self.screen.zoom)
    }

    /// Keeps a panel's selection on a selectable row and within reach of its scroll window.
    pub fn settle_cursor(&mut self, panel: usize) {
        let rows = self.rows(panel);
        let height = self.list_height().max(1);
        let Some(cursor) = self.screen.cursors.get_mut(panel) else {
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
        for panel in 0..self.screen.cursors.len() {
            self.settle_cursor(panel);
        }
    }

    /// Rebuilds everything derived from the plan and keeps every selection valid.
    pub fn refresh(&mut self) {
        self.session.snapshot = Snapshot::build(&self.template, &self.session.plan, self.today);
        self.session.derived.clear();
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
        self.session.snapshot.task(id).map_or_else(
            || id.to_owned(),
            |task| crate::text::clean_line(&task.title),
        )
    }
}
