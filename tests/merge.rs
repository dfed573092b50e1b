//! Three-way merges of plans: both sides' changes kept per entity and field, only a field
//! changed on both sides to different values is a conflict; and the planner's undo history
//! follows a merge.

use chrono::NaiveDate;
use imgplan::journey::{Anchor, Template, VisaChoice};
use imgplan::merge::{Prefer, merge};
use imgplan::plan::{Plan, Status};
use imgplan::programs::Program;
use imgplan::tui::action::{Action, Command, Merge, SaveReport};
use imgplan::tui::app::App;
use imgplan::tui::update::update;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn template() -> Template {
    Template::embedded().expect("template")
}

fn base(template: &Template) -> Plan {
    Plan::new(template, date("2026-11-25"), Some(2028), VisaChoice::J1).expect("plan")
}

fn program(name: &str) -> Program {
    let csv = format!("Program,State\n{name},NY\n");
    imgplan::import::read_programs(csv.as_bytes())
        .expect("csv")
        .programs
        .remove(0)
        .program
}

#[test]
fn changes_to_different_entities_and_fields_are_all_kept() {
    let template = template();
    let base = base(&template);
    let today = date("2026-11-25");
    let mut ours = base.clone();
    ours.set_status(&template, "exams.step1", Status::Done, today)
        .expect("ours");
    ours.profile.name = Some("Amina".into());
    ours.calendar
        .insert(Anchor::RolDeadline, date("2028-02-20"));
    let mut theirs = base.clone();
    theirs
        .set_note(&template, "exams.step1", "booked")
        .expect("theirs");
    theirs
        .set_status(&template, "exams.step2ck", Status::Doing, today)
        .expect("theirs");
    theirs.profile.visa = VisaChoice::H1b;
    theirs.add_program(program("Mercy")).expect("program");
    let (merged, conflicts) = merge(&base, &ours, &theirs, Prefer::Ours).expect("merge");
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let step1 = &merged.tasks["exams.step1"];
    assert_eq!(step1.state, Status::Done);
    assert_eq!(step1.note.as_deref(), Some("booked"));
    assert_eq!(merged.tasks["exams.step2ck"].state, Status::Doing);
    assert_eq!(merged.profile.name.as_deref(), Some("Amina"));
    assert_eq!(merged.profile.visa, VisaChoice::H1b);
    assert_eq!(
        merged.calendar.get(&Anchor::RolDeadline),
        Some(&date("2028-02-20"))
    );
    assert_eq!(merged.programs.len(), 1);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_with_both_values() {
    let template = template();
    let base = base(&template);
    let mut ours = base.clone();
    ours.set_note(&template, "exams.step1", "mine")
        .expect("ours");
    let mut theirs = base.clone();
    theirs
        .set_note(&template, "exams.step1", "theirs")
        .expect("theirs");
    let (merged, conflicts) = merge(&base, &ours, &theirs, Prefer::Ours).expect("merge");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].path, "tasks › exams.step1 › note");
    assert_eq!(conflicts[0].ours, "\"mine\"");
    assert_eq!(conflicts[0].theirs, "\"theirs\"");
    assert_eq!(merged.tasks["exams.step1"].note.as_deref(), Some("mine"));
    let (merged, _) = merge(&base, &ours, &theirs, Prefer::Theirs).expect("merge");
    assert_eq!(merged.tasks["exams.step1"].note.as_deref(), Some("theirs"));
}

#[test]
fn programs_added_on_both_sides_are_both_kept_and_a_removed_one_leaves_the_rank_list() {
    let template = template();
    let mut base = base(&template);
    let ranked = base.add_program(program("Ranked")).expect("ranked");
    base.set_program_status(ranked, imgplan::programs::ProgramStatus::Ranked)
        .expect("rank");
    let mut ours = base.clone();
    ours.add_program(program("Ours")).expect("ours");
    let mut theirs = base.clone();
    theirs.add_program(program("Theirs")).expect("theirs");
    theirs.remove_program(ranked).expect("removed elsewhere");
    let (merged, conflicts) = merge(&base, &ours, &theirs, Prefer::Ours).expect("merge");
    assert!(conflicts.is_empty(), "{conflicts:?}");
    let names: Vec<&str> = merged.programs.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ours", "Theirs"]);
    let mut ids: Vec<u32> = merged.programs.iter().map(|p| p.id.0).collect();
    ids.dedup();
    assert_eq!(ids.len(), 2, "distinct ids: {ids:?}");
    assert!(merged.rank_order.is_empty(), "{:?}", merged.rank_order);
}

#[test]
fn a_plan_merged_with_itself_is_itself() {
    let template = template();
    let mut plan = base(&template);
    plan.add_program(program("Mercy")).expect("program");
    plan.set_note(&template, "exams.step1", "note")
        .expect("note");
    let (merged, conflicts) = merge(&plan, &plan, &plan, Prefer::Ours).expect("merge");
    assert_eq!(merged, plan);
    assert!(conflicts.is_empty());
}

#[test]
fn after_a_merge_undo_takes_back_our_change_and_keeps_theirs() {
    let template = template();
    let base = base(&template);
    let mut app = App::new(
        template.clone(),
        base.clone(),
        "/tmp/imgplan-merge/plan.ron".into(),
        date("2026-11-25"),
    );
    app.screen.panel = app.stage_panel("exams").expect("exams");
    update(&mut app, Action::Command(Command::Top));
    let task = app.selected_task().expect("a task");
    update(&mut app, Action::Command(Command::ToggleDone));
    assert_eq!(app.session.plan.tasks[&task].state, Status::Done);
    // Meanwhile, elsewhere: a note on the same task and a profile change.
    let mut theirs = base.clone();
    theirs
        .set_note(&template, &task, "from the CLI")
        .expect("note");
    theirs.profile.name = Some("Amina".into());
    let (merged, _) = merge(&base, &app.session.plan, &theirs, Prefer::Ours).expect("merge");
    update(
        &mut app,
        Action::Saved(Ok(SaveReport::Merged(Box::new(Merge {
            base: base.clone(),
            theirs: theirs.clone(),
            merged,
            conflicts: Vec::new(),
            hand_edits_kept: None,
        })))),
    );
    assert_eq!(app.session.plan.tasks[&task].state, Status::Done);
    assert_eq!(
        app.session.plan.tasks[&task].note.as_deref(),
        Some("from the CLI")
    );
    assert_eq!(app.session.plan.profile.name.as_deref(), Some("Amina"));
    update(&mut app, Action::Command(Command::Undo));
    assert_eq!(
        app.session.plan.tasks[&task].state,
        Status::Todo,
        "ours undone"
    );
    assert_eq!(
        app.session.plan.tasks[&task].note.as_deref(),
        Some("from the CLI"),
        "theirs kept"
    );
    assert_eq!(app.session.plan.profile.name.as_deref(), Some("Amina"));
}
