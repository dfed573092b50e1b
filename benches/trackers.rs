//! The trackers at scale: a plan with 500 programs and 50 rotations must stay instant to
//! navigate and filter. Budget: every keypress (update + full render at 120×40) under 16 ms, one
//! 60 Hz frame; filtering and building the snapshot well under that.
//!
//! Run with `cargo bench --bench trackers` (divan; `-- --sample-count N` overrides the default).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use chrono::{Days, NaiveDate};
use divan::{Bencher, black_box};
use imgplan::insights::Snapshot;
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::Plan;
use imgplan::programs::{
    self, ApplicationService, Program, ProgramFilter, ProgramSort, ProgramStatus, Requirements,
    STATE_CODES, VisaStance,
};
use imgplan::storage;
use imgplan::tui::action::{Action, Command};
use imgplan::tui::app::{App, Row};
use imgplan::tui::update::update;
use imgplan::tui::view;
use imgplan::usce::{LetterState, Rotation, RotationKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// The generator kept with the benches: this bench takes its names (specialties, cities, kinds
// of hospital), so both benches describe programs the same way; the rest serves `scale`.
#[allow(dead_code)]
mod support;
use support::{CITIES, KINDS, SPECIALTIES};

const PROGRAMS: usize = 500;
const ROTATIONS: usize = 50;
const RANKED: usize = 40;
const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() {
    divan::Divan::default()
        .sample_count(50)
        .max_time(Duration::from_secs(5))
        .config_with_args()
        .main();
}

/// The template, "today" and the big plan, built once and cloned where a bench changes them.
struct Fixture {
    template: Template,
    today: NaiveDate,
    plan: Plan,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let template = Template::embedded().expect("the embedded template parses");
    let today = date(2026, 11, 25);
    let mut plan =
        Plan::new(&template, today, Some(2028), VisaChoice::H1b).expect("a plan for 2028");
    plan.profile.name = Some("Dr. Amina Yusuf".into());
    plan.profile.specialty = Some("Internal Medicine".into());
    plan.profile.step2_score = Some(238);
    for index in 0..PROGRAMS {
        plan.add_program(program(index)).expect("a valid program");
    }
    for index in 0..ROTATIONS {
        plan.add_rotation(rotation(index))
            .expect("a valid rotation");
    }
    assert_eq!(plan.rank_list().len(), RANKED, "fixture ranks {RANKED}");
    Fixture {
        template,
        today,
        plan,
    }
});

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a calendar date")
}

/// Program `index`: states, specialties, visa stances and statuses all vary; every twelfth is
/// ranked (40 in all), and some carry requirements, an interview date, an NRMP code and a note.
fn program(index: usize) -> Program {
    let ranked = index % 12 == 3 && index / 12 < RANKED;
    let status = if ranked {
        ProgramStatus::Ranked
    } else {
        [
            ProgramStatus::Considering,
            ProgramStatus::Applied,
            ProgramStatus::Applied,
            ProgramStatus::InterviewInvited,
            ProgramStatus::Interviewed,
            ProgramStatus::Rejected,
            ProgramStatus::Withdrawn,
        ][index % 7]
    };
    let interviewing = matches!(
        status,
        ProgramStatus::Ranked | ProgramStatus::Interviewed | ProgramStatus::InterviewInvited
    );
    let specialty = SPECIALTIES[index % SPECIALTIES.len()];
    let service = if index.is_multiple_of(29) {
        ApplicationService::ResidencyCas
    } else if index.is_multiple_of(53) {
        ApplicationService::Other
    } else {
        ApplicationService::Eras
    };
    Program {
        id: imgplan::ids::ProgramId(0),
        name: format!(
            "{} {} {} {index}",
            CITIES[index % CITIES.len()],
            KINDS[(index / 3) % KINDS.len()],
            specialty
        ),
        state: Some(STATE_CODES[(index * 7) % STATE_CODES.len()].to_owned()),
        specialty: Some(specialty.to_owned()),
        nrmp_code: index
            .is_multiple_of(2)
            .then(|| format!("{:07}C0", 1_200_000 + index)),
        service,
        visa: VisaStance::ALL[(index * 3 + index / 5) % VisaStance::ALL.len()],
        requirements: Requirements {
            min_step2_score: index.is_multiple_of(4).then(|| 215 + (index % 30) as u16),
            max_years_since_graduation: index.is_multiple_of(9).then_some(5),
            usce_months: index.is_multiple_of(5).then(|| (index % 4) as u8 + 1),
            step3_before_rank: index.is_multiple_of(6),
        },
        status,
        interview: interviewing.then(|| {
            date(2027, 10, 15)
                .checked_add_days(Days::new((index * 3 % 120) as u64))
                .expect("an interview date")
        }),
        note: index.is_multiple_of(3).then(|| {
            format!(
                "Strong IMG history; PD answered email #{index}; ask about cap-exempt H-1B and \
                 the call schedule"
            )
        }),
        ..Program::default()
    }
}

/// Rotation `index`: kinds and letters vary, two weeks apart, four weeks long.
fn rotation(index: usize) -> Rotation {
    let kind = RotationKind::ALL[index % RotationKind::ALL.len()];
    let start = date(2025, 1, 6)
        .checked_add_days(Days::new(index as u64 * 14))
        .expect("a start date");
    Rotation {
        id: imgplan::ids::RotationId(0),
        kind,
        institution: format!("{} {}", CITIES[index % CITIES.len()], KINDS[index % 4]),
        specialty: Some(SPECIALTIES[index % SPECIALTIES.len()].to_owned()),
        start,
        end: start.checked_add_days(Days::new(27)).expect("an end date"),
        hands_on: kind.usually_hands_on(),
        supervisor: index.is_multiple_of(2).then(|| format!("Dr. Lee {index}")),
        letter: LetterState::ALL[index % LetterState::ALL.len()],
        note: index
            .is_multiple_of(4)
            .then(|| "Ask for the letter in the last week".to_owned()),
    }
}

/// A planner at 120×40 on a panel, with its terminal already drawn once.
fn planner(panel: impl FnOnce(&App) -> usize) -> (App, Terminal<TestBackend>) {
    let fixture = &*FIXTURE;
    let mut app = App::new(
        fixture.template.clone(),
        fixture.plan.clone(),
        PathBuf::from("/tmp/imgplan-bench/plan.ron"),
        fixture.today,
    );
    update(
        &mut app,
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    let index = panel(&app);
    update(&mut app, Action::Command(Command::Panel(index)));
    app.message = None;
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    draw(&app, &mut terminal);
    (app, terminal)
}

fn draw(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| view::render(app, frame))
        .expect("drawing into the test backend");
}

/// Presses a movement key; at the bottom (the key moved nothing) goes back to the top.
fn press_and_wrap(app: &mut App, command: Command) {
    let before = app.cursor().selected;
    update(app, Action::Command(command));
    if app.cursor().selected == before {
        update(app, Action::Command(Command::Top));
    }
}

#[divan::bench]
fn snapshot_build(bencher: Bencher) {
    let fixture = &*FIXTURE;
    bencher.bench(|| {
        Snapshot::build(
            black_box(&fixture.template),
            black_box(&fixture.plan),
            fixture.today,
        )
    });
}

/// A text and state filter (few matches) in each sort order.
#[divan::bench(args = ProgramSort::ALL)]
fn programs_filter_sort(bencher: Bencher, sort: ProgramSort) {
    let fixture = &*FIXTURE;
    let filter = ProgramFilter {
        state: Some("ny".into()),
        text: Some("hospital medicine".into()),
        ..ProgramFilter::default()
    };
    bencher.bench(|| {
        programs::select(
            black_box(&fixture.plan.programs),
            &filter,
            sort,
            VisaChoice::H1b,
        )
        .len()
    });
}

/// A text filter alone, which has to read every program (about half match).
#[divan::bench(args = [ProgramSort::Added, ProgramSort::Name])]
fn programs_text_filter(bencher: Bencher, sort: ProgramSort) {
    let fixture = &*FIXTURE;
    let filter = ProgramFilter {
        text: Some("hospital".into()),
        ..ProgramFilter::default()
    };
    bencher.bench(|| {
        programs::select(
            black_box(&fixture.plan.programs),
            &filter,
            sort,
            VisaChoice::H1b,
        )
        .len()
    });
}

/// No filter: all 500 programs in each sort order.
#[divan::bench(args = ProgramSort::ALL)]
fn programs_sort_all(bencher: Bencher, sort: ProgramSort) {
    let fixture = &*FIXTURE;
    let filter = ProgramFilter::default();
    bencher.bench(|| {
        programs::select(
            black_box(&fixture.plan.programs),
            &filter,
            sort,
            VisaChoice::H1b,
        )
        .len()
    });
}

#[divan::bench]
fn cost_estimate(bencher: Bencher) {
    let fixture = &*FIXTURE;
    let schedule = fixture
        .template
        .fees_for(fixture.plan.profile.match_year)
        .expect("a fee schedule");
    bencher.bench(|| programs::estimate_cost(black_box(&fixture.plan.programs), schedule, true));
}

/// `j` on the programs panel, then the whole screen drawn.
#[divan::bench]
fn programs_panel_keypress_120x40(bencher: Bencher) {
    let (mut app, mut terminal) = planner(App::programs_panel);
    bencher.bench_local(|| {
        press_and_wrap(&mut app, Command::Down);
        draw(&app, &mut terminal);
    });
}

/// `j` on the programs panel with a text filter on and the costliest sort (specialty): every
/// rebuild of the rows filters and sorts all 500 programs again.
#[divan::bench]
fn programs_panel_keypress_filtered(bencher: Bencher) {
    let (mut app, mut terminal) = planner(App::programs_panel);
    app.prefs.program_filter = ProgramFilter {
        text: Some("hospital".into()),
        ..ProgramFilter::default()
    };
    app.prefs.program_sort = ProgramSort::Specialty;
    app.settle_all();
    bencher.bench_local(|| {
        press_and_wrap(&mut app, Command::Down);
        draw(&app, &mut terminal);
    });
}

/// `j` on the programs panel without drawing: the update's share of a keypress.
#[divan::bench]
fn programs_panel_keypress_update_only(bencher: Bencher) {
    let (mut app, _terminal) = planner(App::programs_panel);
    bencher.bench_local(|| press_and_wrap(&mut app, Command::Down));
}

/// Drawing the programs panel without a key: the render's share of a keypress.
#[divan::bench]
fn programs_panel_render_only(bencher: Bencher) {
    let (mut app, mut terminal) = planner(App::programs_panel);
    for _ in 0..60 {
        update(&mut app, Action::Command(Command::Down));
    }
    bencher.bench_local(|| draw(&app, &mut terminal));
}

/// Page Down on the programs panel, then the whole screen drawn.
#[divan::bench]
fn programs_panel_page_down_render(bencher: Bencher) {
    let (mut app, mut terminal) = planner(App::programs_panel);
    bencher.bench_local(|| {
        press_and_wrap(&mut app, Command::PageDown);
        draw(&app, &mut terminal);
    });
}

/// `j` on the USCE stage panel (its tasks, then 50 rotations), then the whole screen drawn.
#[divan::bench]
fn usce_panel_keypress(bencher: Bencher) {
    let (mut app, mut terminal) = planner(|app| app.stage_panel("usce").expect("a usce stage"));
    bencher.bench_local(|| {
        press_and_wrap(&mut app, Command::Down);
        draw(&app, &mut terminal);
    });
}

/// A planner on the programs panel with the 20th ranked program selected.
fn on_ranked_program() -> (App, Terminal<TestBackend>) {
    let (mut app, terminal) = planner(App::programs_panel);
    let target = app
        .rows(app.screen.panel)
        .iter()
        .enumerate()
        .filter(|(_, row)| matches!(row, Row::Ranked(_)))
        .nth(19)
        .map(|(index, _)| index)
        .expect("a 20th ranked program");
    for _ in 0..target {
        if app.cursor().selected >= target {
            break;
        }
        update(&mut app, Action::Command(Command::Down));
    }
    assert_eq!(app.cursor().selected, target, "on the 20th ranked program");
    (app, terminal)
}

/// Moving a ranked program (undo copy of the plan, snapshot rebuilt, selection follows). It
/// alternates up and down so every press is a change; the Save effect is ignored.
#[divan::bench]
fn rank_move(bencher: Bencher) {
    let (mut app, _terminal) = on_ranked_program();
    let mut up = true;
    bencher.bench_local(|| {
        let command = if up {
            Command::RankUp
        } else {
            Command::RankDown
        };
        up = !up;
        update(&mut app, Action::Command(command))
    });
}

/// The same, with the whole screen drawn after each move: the full keypress.
#[divan::bench]
fn rank_move_render(bencher: Bencher) {
    let (mut app, mut terminal) = on_ranked_program();
    let mut up = true;
    bencher.bench_local(|| {
        let command = if up {
            Command::RankUp
        } else {
            Command::RankDown
        };
        up = !up;
        let effects = update(&mut app, Action::Command(command));
        draw(&app, &mut terminal);
        effects
    });
}

/// Writing the big plan as RON and reading it back (as a save and the next start do).
#[divan::bench]
fn plan_to_ron_and_back(bencher: Bencher) {
    let fixture = &*FIXTURE;
    let path = Path::new("/tmp/imgplan-bench/plan.ron");
    bencher.bench(|| {
        let text = storage::to_ron(black_box(&fixture.plan)).expect("serialise");
        storage::parse(path, text.as_bytes(), &fixture.template).expect("the plan reads back")
    });
}

#[divan::bench]
fn plan_to_ron(bencher: Bencher) {
    let fixture = &*FIXTURE;
    bencher.bench(|| storage::to_ron(black_box(&fixture.plan)).expect("serialise"));
}

#[divan::bench]
fn plan_parse(bencher: Bencher) {
    let fixture = &*FIXTURE;
    let path = Path::new("/tmp/imgplan-bench/plan.ron");
    let text = storage::to_ron(&fixture.plan).expect("serialise");
    bencher.bench(|| {
        storage::parse(path, black_box(text.as_bytes()), &fixture.template)
            .expect("the plan reads back")
    });
}
