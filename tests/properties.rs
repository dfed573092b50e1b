//! Property tests (proptest): any plan round-trips through its file; arbitrary bytes and
//! mutations of a valid file never panic the loader; random sequences of planner actions never
//! panic and keep the plan's invariants; merging with an unchanged side is the other side.

use std::path::Path;
use std::sync::OnceLock;

use chrono::NaiveDate;
use imgplan::journey::{Anchor, Template, VisaChoice};
use imgplan::merge::{Prefer, merge};
use imgplan::plan::{Plan, Status};
use imgplan::storage;
use imgplan::tui::action::{Action, Command, EditKey, Effect, SaveReport};
use imgplan::tui::app::App;
use imgplan::tui::update::update;
use proptest::prelude::*;
use proptest::sample::select;

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| Template::embedded().expect("template"))
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn task_ids() -> Vec<String> {
    template().tasks.iter().map(|t| t.id.clone()).collect()
}

/// One change to a plan, with raw text (control characters, quotes, braces, any script) put
/// straight into the plan as a hand edit could.
#[derive(Debug, Clone)]
enum Change {
    State(String, Status, u32),
    RawNote(String, String),
    Due(String, u32),
    Name(String),
    Season(usize, u32),
    Program(String),
    Custom(String),
}

fn change() -> impl Strategy<Value = Change> {
    let id = select(task_ids());
    let status = select(Status::ALL.to_vec());
    prop_oneof![
        (id.clone(), status, 0u32..3000).prop_map(|(i, s, d)| Change::State(i, s, d)),
        (id.clone(), any::<String>()).prop_map(|(i, n)| Change::RawNote(i, n)),
        (id, 0u32..3000).prop_map(|(i, d)| Change::Due(i, d)),
        any::<String>().prop_map(Change::Name),
        (0usize..Anchor::SEASON.len(), 0u32..3000).prop_map(|(a, d)| Change::Season(a, d)),
        "[A-Za-z ,\"é漢]{1,30}".prop_map(Change::Program),
        "[A-Za-z ,{}:\"é漢]{1,30}".prop_map(Change::Custom),
    ]
}

fn day(offset: u32) -> NaiveDate {
    today() + chrono::Days::new(u64::from(offset))
}

fn apply(plan: &mut Plan, change: Change) {
    let template = template();
    match change {
        Change::State(id, status, d) => {
            let _ = plan.set_status(template, &id, status, day(d));
        }
        Change::RawNote(id, note) => {
            if let Some(state) = plan.tasks.get_mut(id.as_str()) {
                state.note = Some(note);
            }
        }
        Change::Due(id, d) => {
            let _ = plan.set_due(template, &id, Some(day(d)));
        }
        Change::Name(name) => plan.profile.name = Some(name),
        Change::Season(anchor, d) => {
            plan.calendar.insert(Anchor::SEASON[anchor], day(d));
        }
        Change::Program(name) => {
            let csv = format!("Program\n\"{}\"\n", name.replace('"', "\"\""));
            if let Ok(mut report) = imgplan::import::read_programs(csv.as_bytes())
                && let Some(row) = report.programs.pop()
            {
                let _ = plan.add_program(row.program);
            }
        }
        Change::Custom(title) => {
            let _ = plan.add_custom_task(template, "usce", &title);
        }
    }
}

fn plan_with(changes: Vec<Change>, visa: VisaChoice) -> Plan {
    let mut plan = Plan::new(template(), today(), Some(2028), visa).expect("plan");
    for change in changes {
        apply(&mut plan, change);
    }
    plan
}

fn visa() -> impl Strategy<Value = VisaChoice> {
    select(vec![
        VisaChoice::Undecided,
        VisaChoice::J1,
        VisaChoice::H1b,
        VisaChoice::NotNeeded,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_plan_round_trips_through_its_file(
        changes in proptest::collection::vec(change(), 0..25),
        visa in visa(),
    ) {
        let plan = plan_with(changes, visa);
        let text = storage::to_ron(&plan).expect("serialise");
        let loaded = storage::parse(Path::new("plan.ron"), text.as_bytes(), template());
        prop_assert!(loaded.is_ok(), "{:?}\n{}", loaded.err(), text);
        prop_assert_eq!(loaded.ok(), Some(plan));
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_loader(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = storage::parse(Path::new("plan.ron"), &bytes, template());
    }

    #[test]
    fn mutations_of_a_valid_file_never_panic_the_loader(
        changes in proptest::collection::vec(change(), 0..8),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..6),
    ) {
        let mut bytes = storage::to_ron(&plan_with(changes, VisaChoice::J1)).expect("serialise").into_bytes();
        for (at, kind, byte) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                2 => bytes[i] = byte,
                _ => bytes.truncate(i),
            }
        }
        if let Ok(plan) = storage::parse(Path::new("plan.ron"), &bytes, template()) {
            // Whatever loads saves and loads again unchanged.
            let text = storage::to_ron(&plan).expect("serialise");
            let again = storage::parse(Path::new("plan.ron"), text.as_bytes(), template());
            prop_assert_eq!(again.ok(), Some(plan));
        }
    }

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_side(
        base_changes in proptest::collection::vec(change(), 0..6),
        side_changes in proptest::collection::vec(change(), 0..10),
    ) {
        let base = plan_with(base_changes, VisaChoice::H1b);
        let mut side = base.clone();
        for change in side_changes {
            apply(&mut side, change);
        }
        let (merged, conflicts) = merge(&base, &side, &base, Prefer::Theirs).expect("merge");
        prop_assert!(conflicts.is_empty());
        prop_assert_eq!(&merged, &side);
        let (merged, conflicts) = merge(&base, &base, &side, Prefer::Ours).expect("merge");
        prop_assert!(conflicts.is_empty());
        prop_assert_eq!(&merged, &side);
    }
}

fn commands() -> Vec<Command> {
    use Command::*;
    let mut all = vec![
        Up,
        Down,
        Top,
        Bottom,
        PageUp,
        PageDown,
        HalfPageUp,
        HalfPageDown,
        NextPanel,
        PrevPanel,
        Open,
        DetailDown,
        DetailUp,
        ToggleDone,
        CycleState,
        EditDate,
        EditNote,
        Add,
        Delete,
        EditProfile,
        Rank,
        RankUp,
        RankDown,
        Filter,
        ClearFilter,
        Sort,
        Undo,
        Redo,
        Search,
        NextMatch,
        PrevMatch,
        Export,
        SaveNow,
        Help,
        Submit,
        Cancel,
        NextField,
        PrevField,
        NextChoice,
        PrevChoice,
        Yes,
        No,
        Edit(EditKey::Backspace),
        Edit(EditKey::DeleteToStart),
        Edit(EditKey::Left),
        Edit(EditKey::End),
    ];
    all.extend((0..12).map(Panel));
    all
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => select(commands()).prop_map(Action::Command),
        3 => select(vec!['a', 'Z', '1', '2', '0', '-', '/', ' ', 'é', '漢', '\u{1b}', '"'])
            .prop_map(Action::Type),
        1 => "[0-9a-z /\\-]{0,12}".prop_map(Action::Paste),
        1 => (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..200, 0u16..80).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => Just(Action::ScrollDown),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_planner_actions_never_panic_and_keep_the_plan_whole(
        actions in proptest::collection::vec(action(), 1..80),
        visa in visa(),
    ) {
        let plan = Plan::new(template(), today(), Some(2028), visa).expect("plan");
        let mut app = App::new(template().clone(), plan, "/tmp/imgplan-prop/plan.ron".into(), today());
        for action in actions {
            let effects = update(&mut app, action);
            if effects.contains(&Effect::Save) || effects.contains(&Effect::SaveKeepingMine) {
                update(&mut app, Action::Saved(Ok(SaveReport::Written)));
            }
            let plan = &app.session.plan;
            let ids: Vec<imgplan::ids::ProgramId> = plan.programs.iter().map(|p| p.id).collect();
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            prop_assert_eq!(unique.len(), ids.len(), "program ids are unique");
            prop_assert!(plan.rank_order.iter().all(|id| ids.contains(id)));
            for task in &plan.custom_tasks {
                prop_assert!(plan.tasks.contains_key(&task.id), "{} has its state", task.id);
            }
        }
        let text = storage::to_ron(&app.session.plan).expect("serialise");
        let loaded = storage::parse(Path::new("plan.ron"), text.as_bytes(), template());
        prop_assert_eq!(loaded.ok(), Some(app.session.plan.clone()));
    }
}
