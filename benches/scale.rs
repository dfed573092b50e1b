//! imgplan at scale, measured beside the floor (a bare ratatui app drawing a list) in the same
//! run: the default plan, 1,000 and 10,000 items (see `support`), at 120×40.
//!
//! Run with `cargo bench --bench scale` (the README's Performance section lists the budgets);
//! `-- --include-ignored` adds the 100,000-row import; `-- --test` runs every benchmark once, as
//! CI does. Figures that are not times (bytes written per key, heap after 200 changes, the
//! import's peak heap) are printed on stderr as `figure: …` lines.

mod support;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};
use std::time::Duration;

use divan::{Bencher, black_box};
use imgplan::export::{self, ExportOptions, Format};
use imgplan::insights::Snapshot;
use imgplan::journey::Template;
use imgplan::plan::Plan;
use imgplan::storage;
use imgplan::tui::action::{Action, Command, Effect, SaveProblem, SaveReport};
use imgplan::tui::app::{App, Panel, Row};
use imgplan::tui::disk::PlanFile;
use imgplan::tui::update::update;
use imgplan::tui::view;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::widgets::{Block, List, ListState};
use ratatui::{Terminal, TerminalOptions, Viewport};
use support::Size;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() {
    divan::Divan::default()
        .sample_count(20)
        .max_time(Duration::from_secs(2))
        .config_with_args()
        .main();
}

// ---------------------------------------------------------------------------------------------
// Heap accounting: every allocation counted, so the live heap can be read at any moment.

/// The system allocator, counting the bytes in use and the most ever in use.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is the system allocator's.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(pointer, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        moved
    }
}

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

#[global_allocator]
static HEAP: Counting = Counting;

fn live_heap() -> usize {
    LIVE.load(Ordering::Relaxed)
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// Prints a figure that is not a time, once per name (divan may call a benchmark more than once).
fn figure(name: &str, text: String) {
    static SHOWN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let mut shown = SHOWN.lock().expect("the figures list");
    if !shown.iter().any(|n| n == name) {
        shown.push(name.to_owned());
        eprintln!("figure: {name}: {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

static TEMPLATE: LazyLock<Template> =
    LazyLock::new(|| Template::embedded().expect("the embedded template parses"));

/// A plan of each size and its file text, built once.
struct Fixture {
    plan: Plan,
    text: String,
}

fn fixture(size: Size) -> &'static Fixture {
    static FIXTURES: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = Size::ALL.iter().position(|s| *s == size).unwrap_or(0);
    FIXTURES[index].get_or_init(|| {
        let plan = support::plan(&TEMPLATE, size);
        let text = storage::to_ron(&plan).expect("serialise");
        Fixture { plan, text }
    })
}

fn bench_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("imgplan-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a bench folder");
    dir
}

/// A planner on `size`'s plan at 120×40 on `panel`, its first frame drawn.
fn planner(size: Size, panel: &str) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(
        TEMPLATE.clone(),
        fixture(size).plan.clone(),
        bench_dir().join("plan.ron"),
        support::today(),
    );
    open(&mut app, panel);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    draw(&app, &mut terminal);
    (app, terminal)
}

/// Sizes the planner to 120×40 and goes to a panel by name (overview, a stage id, programs,
/// agenda, timeline, budget, letters, scores).
fn open(app: &mut App, panel: &str) {
    update(
        app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    let index = panel_index(app, panel);
    update(app, Action::Command(Command::Panel(index)));
    app.message = None;
}

fn panel_index(app: &App, name: &str) -> usize {
    (0..app.screen.cursors.len())
        .find(|&index| match app.panel_kind(index) {
            Panel::Overview => name == "overview",
            Panel::Programs => name == "programs",
            Panel::Agenda => name == "agenda",
            Panel::Timeline => name == "timeline",
            Panel::Budget => name == "budget",
            Panel::Letters => name == "letters",
            Panel::Scores => name == "scores",
            Panel::Stage(stage) => app.template.stages[stage].id == name,
        })
        .unwrap_or_else(|| panic!("no panel {name}"))
}

fn draw<B: ratatui::backend::Backend>(app: &App, terminal: &mut Terminal<B>) {
    terminal
        .draw(|frame| view::render(app, frame))
        .unwrap_or_else(|_| panic!("drawing"));
}

/// The panels, by name, that every size is measured on.
const PANELS: [&str; 14] = [
    "overview",
    "ecfmg",
    "exams",
    "usce",
    "eras",
    "match",
    "visa",
    "residency",
    "programs",
    "agenda",
    "timeline",
    "budget",
    "letters",
    "scores",
];

/// A size and a panel, for the per-panel benchmarks.
#[derive(Debug, Clone, Copy)]
struct OnPanel(Size, &'static str);

impl std::fmt::Display for OnPanel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

fn every_panel() -> Vec<OnPanel> {
    Size::ALL
        .iter()
        .flat_map(|size| PANELS.iter().map(|panel| OnPanel(*size, panel)))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The floor: a bare ratatui app drawing a list of 100 lines at 120×40.

struct Floor {
    items: Vec<String>,
    state: ListState,
}

impl Floor {
    fn new() -> Floor {
        Floor {
            items: (0..100)
                .map(|i| format!("Item {i}: a line of text"))
                .collect(),
            state: ListState::default().with_selected(Some(0)),
        }
    }

    fn draw<B: ratatui::backend::Backend>(&mut self, terminal: &mut Terminal<B>) {
        let list = List::new(self.items.iter().map(String::as_str))
            .block(Block::bordered().title("Floor"))
            .highlight_symbol("> ");
        terminal
            .draw(|frame| frame.render_stateful_widget(list, frame.area(), &mut self.state))
            .unwrap_or_else(|_| panic!("drawing"));
    }
}

#[divan::bench]
fn floor_first_frame() {
    let mut floor = Floor::new();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    floor.draw(&mut terminal);
    black_box(terminal);
}

#[divan::bench]
fn floor_key(bencher: Bencher) {
    let mut floor = Floor::new();
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    floor.draw(&mut terminal);
    let mut down = true;
    bencher.bench_local(|| {
        if down {
            floor.state.select_next();
        } else {
            floor.state.select_previous();
        }
        down = !down;
        floor.draw(&mut terminal);
    });
}

// ---------------------------------------------------------------------------------------------
// Start-up

/// Reading the plan file's text into a plan.
#[divan::bench(args = Size::ALL)]
fn load(bencher: Bencher, size: Size) {
    let text = &fixture(size).text;
    let path = Path::new("/tmp/imgplan-bench/plan.ron");
    bencher.bench(|| storage::parse(path, black_box(text.as_bytes()), &TEMPLATE).expect("parse"));
}

/// From the file's text to the first frame on screen: parse, build the planner, draw.
#[divan::bench(args = Size::ALL)]
fn first_frame(bencher: Bencher, size: Size) {
    let text = &fixture(size).text;
    let path = bench_dir().join("plan.ron");
    bencher.bench_local(|| {
        let plan = storage::parse(&path, text.as_bytes(), &TEMPLATE).expect("parse");
        let mut app = App::new(TEMPLATE.clone(), plan, path.clone(), support::today());
        open(&mut app, "overview");
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
        draw(&app, &mut terminal);
        (app, terminal)
    });
}

// ---------------------------------------------------------------------------------------------
// Panels

/// Drawing a panel, nothing changed.
#[divan::bench(args = every_panel())]
fn panel_render(bencher: Bencher, on: OnPanel) {
    let (app, mut terminal) = planner(on.0, on.1);
    bencher.bench_local(|| draw(&app, &mut terminal));
}

/// `j` then `k` on a panel, each followed by drawing the screen.
#[divan::bench(args = every_panel())]
fn panel_key(bencher: Bencher, on: OnPanel) {
    let (mut app, mut terminal) = planner(on.0, on.1);
    let mut down = true;
    bencher.bench_local(|| {
        let command = if down { Command::Down } else { Command::Up };
        down = !down;
        update(&mut app, Action::Command(command));
        draw(&app, &mut terminal);
    });
}

/// A writer that only counts what the terminal is sent.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(bytes.len(), Ordering::Relaxed);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn crossterm_terminal(counter: &Counter) -> Terminal<CrosstermBackend<Counter>> {
    Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("a terminal")
}

/// `j` then `k` on the Programs panel and on a stage drawn through crossterm into a byte
/// counter: the key to the screen, and the bytes a terminal is sent per key.
#[divan::bench(args = Size::ALL.iter().flat_map(|size| [OnPanel(*size, "programs"), OnPanel(*size, "exams")]))]
fn key_to_terminal(bencher: Bencher, on: OnPanel) {
    let OnPanel(size, panel) = on;
    let (mut app, _) = planner(size, panel);
    let counter = Counter::default();
    let mut terminal = crossterm_terminal(&counter);
    draw(&app, &mut terminal);
    counter.0.store(0, Ordering::Relaxed);
    update(&mut app, Action::Command(Command::Down));
    draw(&app, &mut terminal);
    let bytes = counter.0.swap(0, Ordering::Relaxed);
    update(&mut app, Action::Command(Command::Up));
    draw(&app, &mut terminal);
    figure(
        &format!("bytes per j on {panel}, {size}"),
        format!("{bytes} bytes"),
    );
    let mut down = true;
    bencher.bench_local(|| {
        let command = if down { Command::Down } else { Command::Up };
        down = !down;
        update(&mut app, Action::Command(command));
        draw(&app, &mut terminal);
    });
}

/// The floor's `j` through crossterm into a byte counter.
#[divan::bench]
fn floor_key_to_terminal(bencher: Bencher) {
    let mut floor = Floor::new();
    let counter = Counter::default();
    let mut terminal = crossterm_terminal(&counter);
    floor.draw(&mut terminal);
    counter.0.store(0, Ordering::Relaxed);
    floor.state.select_next();
    floor.draw(&mut terminal);
    let bytes = counter.0.swap(0, Ordering::Relaxed);
    figure("bytes per j, floor", format!("{bytes} bytes"));
    let mut down = false;
    bencher.bench_local(|| {
        if down {
            floor.state.select_next();
        } else {
            floor.state.select_previous();
        }
        down = !down;
        floor.draw(&mut terminal);
    });
}

// ---------------------------------------------------------------------------------------------
// Changes and saves

/// Applies an action as the runtime does: effects carried out, saves written through the plan
/// file, their outcome fed back.
fn press(app: &mut App, file: &mut PlanFile, action: Action) {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update(app, action) {
            match effect {
                Effect::Save => queue.push(Action::Saved(save(app, file, false))),
                Effect::SaveKeepingMine => queue.push(Action::Saved(save(app, file, true))),
                _ => {}
            }
        }
    }
}

/// Saves as the runtime does: with the text the history made for the change, when it did.
fn save(app: &App, file: &mut PlanFile, keep_mine: bool) -> Result<SaveReport, SaveProblem> {
    match app.session.history.shared() {
        Some(text) => file.save_text(&app.template, &app.session.plan, text, keep_mine),
        None => file.save(&app.template, &app.session.plan, keep_mine),
    }
}

/// A planner whose plan file exists on disk, as after a start: (planner, terminal, file).
fn saved_planner(size: Size, panel: &str) -> (App, Terminal<TestBackend>, PlanFile) {
    let dir = bench_dir().join(format!("{size}-{panel}"));
    std::fs::create_dir_all(&dir).expect("a folder");
    let path = dir.join("plan.ron");
    let fixture = fixture(size);
    std::fs::write(&path, &fixture.text).expect("the plan file");
    let plan = storage::parse(&path, fixture.text.as_bytes(), &TEMPLATE).expect("parse");
    let file = PlanFile::opened(&path, Some(&plan));
    let mut app = App::new(TEMPLATE.clone(), plan, path, support::today());
    open(&mut app, panel);
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    draw(&app, &mut terminal);
    (app, terminal, file)
}

/// Space on a task (ticked, then unticked): the change, the save to disk, the report back.
/// Wall time includes waiting for the disk (fsync); the figure printed is the work in the
/// process alone (this thread's CPU time), median of 20 presses.
#[divan::bench(args = Size::ALL)]
fn change_and_save(bencher: Bencher, size: Size) {
    let (mut app, _terminal, mut file) = saved_planner(size, "exams");
    let mut cpu: Vec<Duration> = (0..20)
        .map(|_| {
            let start = thread_cpu();
            press(&mut app, &mut file, Action::Command(Command::ToggleDone));
            thread_cpu().saturating_sub(start)
        })
        .collect();
    cpu.sort();
    figure(
        &format!("change + save CPU, {size}"),
        format!("{:.2} ms (median of 20)", cpu[10].as_secs_f64() * 1000.0),
    );
    bencher.bench_local(|| press(&mut app, &mut file, Action::Command(Command::ToggleDone)));
}

/// CPU time this thread has used (zero where it cannot be read).
fn thread_cpu() -> Duration {
    #[cfg(unix)]
    {
        let mut time = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `time` is a valid timespec for the call to fill.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) } == 0 {
            return Duration::new(time.tv_sec as u64, time.tv_nsec as u32);
        }
    }
    Duration::ZERO
}

/// The same with the screen drawn after it: the whole keypress.
#[divan::bench(args = Size::ALL)]
fn change_save_and_draw(bencher: Bencher, size: Size) {
    let (mut app, mut terminal, mut file) = saved_planner(size, "exams");
    bencher.bench_local(|| {
        press(&mut app, &mut file, Action::Command(Command::ToggleDone));
        draw(&app, &mut terminal);
    });
}

/// One change of 200: Space on a task of a stage, or (every fourth, when there are programs)
/// `s` on a program; the task or program is picked by the round, so every press is a change.
fn one_change(app: &mut App, file: &mut PlanFile, round: usize, programs: bool) {
    let cycle = programs && round % 4 == 3;
    let panel = if cycle {
        app.programs_panel()
    } else {
        panel_index(app, "exams")
    };
    update(app, Action::Command(Command::Panel(panel)));
    let targets: Vec<usize> = app
        .rows(panel)
        .iter()
        .enumerate()
        .filter(|(_, row)| matches!(row, Row::Task(_) | Row::Program(_)))
        .map(|(index, _)| index)
        .collect();
    app.screen.cursors[panel].selected = targets[round % targets.len()];
    app.settle_cursor(panel);
    let command = if cycle {
        Command::CycleState
    } else {
        Command::ToggleDone
    };
    press(app, file, Action::Command(command));
}

/// The heap in use after the first frame and after 200 changes (each saved), planner and plan
/// file together. Budget: after within 1.3× of first.
#[divan::bench(args = Size::ALL, sample_count = 1, sample_size = 1)]
fn memory_after_200_changes(bencher: Bencher, size: Size) {
    let fixture = fixture(size);
    let programs = !fixture.plan.programs.is_empty();
    bencher.bench_local(|| {
        let start = live_heap();
        let (mut app, mut terminal, mut file) = saved_planner(size, "exams");
        let first = live_heap().saturating_sub(start);
        for round in 0..200 {
            one_change(&mut app, &mut file, round, programs);
            draw(&app, &mut terminal);
        }
        let after = live_heap().saturating_sub(start);
        // The budget, checked on every run (CI runs this in its quick mode).
        assert!(
            after * 10 <= first * 13,
            "{size}: the heap grew from {first} to {after} bytes over 200 changes (budget 1.3x)"
        );
        figure(
            &format!("heap after 200 changes, {size}"),
            format!(
                "first frame {}, after 200 changes {} ({:.2}x; {} undo steps holding {}; plan text {})",
                megabytes(first),
                megabytes(after),
                after as f64 / first.max(1) as f64,
                app.session.history.undo_len(),
                megabytes(app.session.history.patch_bytes()),
                megabytes(fixture.text.len())
            ),
        );
        (app, terminal, file)
    });
}

// ---------------------------------------------------------------------------------------------
// Imports and exports

/// `imgplan import programs` on a default plan: read the CSV, add every row.
fn import(bencher: Bencher, rows: usize) {
    let csv = support::programs_csv(rows);
    let plan = fixture(Size::Default).plan.clone();
    bencher.bench_local(|| {
        let mut plan = plan.clone();
        let start = live_heap();
        PEAK.store(start, Ordering::Relaxed);
        let report = imgplan::import::read_programs(black_box(&csv)).expect("the CSV reads");
        let programs = report.programs.into_iter().map(|row| row.program).collect();
        let (added, _) = plan.import_programs(programs).expect("import");
        assert_eq!(added, rows);
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(start) + csv.len();
        figure(
            &format!("import of {rows} rows, peak heap"),
            megabytes(peak),
        );
        // The budget for the largest import, checked on every run.
        assert!(
            peak < 150_000_000,
            "{rows} rows took {peak} bytes at the peak"
        );
        plan
    });
}

#[divan::bench(args = [1_000, 10_000])]
fn import_rows(bencher: Bencher, rows: usize) {
    import(bencher, rows);
}

/// 100,000 rows: slow enough to leave out of a plain run (`-- --include-ignored` adds it).
#[divan::bench(ignore, sample_count = 3, sample_size = 1)]
fn import_100k_rows(bencher: Bencher) {
    import(bencher, 100_000);
}

/// A format and a size, for the export benchmarks.
#[derive(Debug, Clone, Copy)]
struct Export(Format, Size);

impl std::fmt::Display for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0.extension(), self.1)
    }
}

fn every_export() -> Vec<Export> {
    [Format::Text, Format::Json, Format::Calendar]
        .iter()
        .flat_map(|format| Size::ALL.iter().map(|size| Export(*format, *size)))
        .collect()
}

#[divan::bench(args = every_export())]
fn export(bencher: Bencher, export: Export) {
    let plan = &fixture(export.1).plan;
    let snapshot = Snapshot::build(&TEMPLATE, plan, support::today());
    let options = ExportOptions::new(export.0);
    let stamp = support::today().and_time(chrono::NaiveTime::MIN);
    bencher
        .bench(|| export::render(&TEMPLATE, plan, &snapshot, &options, stamp).expect("an export"));
}
