//! Progress, deadlines and warnings: pure functions of template, plan and today.

use chrono::NaiveDate;
use imgplan::insights::{Snapshot, WarningKind};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Plan, Status};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn template() -> Template {
    Template::embedded().expect("template")
}

const TODAY: &str = "2026-11-25";

fn plan(visa: VisaChoice) -> (Template, Plan) {
    let template = template();
    let plan = Plan::new(&template, date(TODAY), Some(2028), visa).expect("plan");
    (template, plan)
}

fn deadline_warnings(snapshot: &Snapshot, check: &str) -> usize {
    snapshot
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::Deadline(check.into()))
        .count()
}

#[test]
fn a_fresh_plan_has_no_warnings_for_any_visa_choice() {
    for visa in VisaChoice::ALL {
        let (template, plan) = plan(visa);
        let snapshot = Snapshot::build(&template, &plan, date(TODAY));
        let messages: Vec<&str> = snapshot
            .warnings
            .iter()
            .map(|w| w.message.as_str())
            .collect();
        assert!(messages.is_empty(), "{visa:?}: {messages:#?}");
    }
}

#[test]
fn progress_counts_done_and_skipped_per_stage() {
    let (template, mut plan) = plan(VisaChoice::J1);
    plan.set_status(&template, "exams.step1", Status::Done, date(TODAY))
        .expect("done");
    plan.set_status(&template, "exams.step2ck", Status::Skipped, date(TODAY))
        .expect("skip");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let exams = snapshot
        .progress
        .iter()
        .find(|p| p.stage == "exams")
        .expect("exams");
    assert_eq!(exams.done, 1);
    assert_eq!(exams.skipped, 1);
    assert_eq!(exams.total, snapshot.stage_tasks("exams").count());
    let (closed, total) = snapshot.totals();
    assert_eq!(closed, 2);
    assert_eq!(total, snapshot.tasks.len());
}

#[test]
fn overdue_and_upcoming_carry_day_counts() {
    let (template, mut plan) = plan(VisaChoice::J1);
    plan.set_due(&template, "exams.step1", Some(date("2026-11-20")))
        .expect("due");
    plan.set_due(&template, "exams.step2ck", Some(date("2026-12-07")))
        .expect("due");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let overdue = snapshot
        .overdue
        .iter()
        .find(|d| d.task == "exams.step1")
        .expect("overdue");
    assert_eq!(overdue.days, -5);
    assert!(snapshot.upcoming.windows(2).all(|w| w[0].date <= w[1].date));
    let next = snapshot
        .upcoming
        .iter()
        .find(|d| d.task == "exams.step2ck")
        .expect("upcoming");
    assert_eq!(next.days, 12);
    // Done tasks are neither overdue nor upcoming.
    plan.set_status(&template, "exams.step1", Status::Done, date(TODAY))
        .expect("done");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert!(snapshot.overdue.iter().all(|d| d.task != "exams.step1"));
}

#[test]
fn a_done_tasks_untouched_prerequisites_are_behind_the_user_without_a_warning() {
    let (template, mut plan) = plan(VisaChoice::H1b);
    plan.set_status(&template, "exams.step1", Status::Done, date(TODAY))
        .expect("done");
    plan.set_done_on(&template, "exams.step1", date("2024-05-10"), date(TODAY))
        .expect("done on");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    // Step 1 needs the exam application, which needs the ECFMG application, and so on: all
    // behind the user, named by the done task.
    for id in ["exams.apply", "ecfmg.application", "ecfmg.myintealth"] {
        let task = snapshot.task(id).expect("task");
        assert_eq!(task.behind.as_deref(), Some("exams.step1"), "{id}");
        assert!(!task.is_overdue(date(TODAY)) && !task.starts_now(), "{id}");
        assert_eq!(task.calendar_day(date(TODAY)), None, "{id}");
        let listed = |list: &[imgplan::insights::Deadline]| list.iter().any(|d| d.task == id);
        assert!(!listed(&snapshot.upcoming), "{id}");
        assert!(!listed(&snapshot.overdue), "{id}");
        assert!(!listed(&snapshot.start_now), "{id}");
    }
    // Step 2 CK shares the prerequisite but is its own open task.
    assert_eq!(snapshot.task("exams.step2ck").expect("2ck").behind, None);
    assert!(
        snapshot
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::DoneBeforePrerequisite),
        "{:?}",
        snapshot.warnings
    );
}

#[test]
fn a_prerequisite_the_user_marked_doing_or_dated_still_brings_the_warning() {
    let (template, mut plan) = plan(VisaChoice::J1);
    plan.set_status(&template, "exams.apply", Status::Doing, date(TODAY))
        .expect("doing");
    plan.set_status(&template, "exams.step1", Status::Done, date(TODAY))
        .expect("done");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(snapshot.task("exams.apply").expect("apply").behind, None);
    assert!(snapshot.warnings.iter().any(|w| {
        w.kind == WarningKind::DoneBeforePrerequisite && w.task() == Some("exams.step1")
    }));
}

#[test]
fn h1b_without_step3_before_the_rank_list_deadline_is_flagged() {
    let (template, mut plan) = plan(VisaChoice::H1b);
    plan.set_due(&template, "exams.step3", Some(date("2028-04-01")))
        .expect("due");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "h1b-step3-before-rol"), 1);
    let warning = snapshot
        .warnings
        .iter()
        .find(|w| w.task() == Some("exams.step3"))
        .expect("warning");
    assert!(
        warning.message.contains("2028-03-01"),
        "{}",
        warning.message
    );

    plan.set_status(&template, "exams.step3", Status::Skipped, date(TODAY))
        .expect("skip");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "h1b-step3-before-rol"), 1);

    // The same dates are fine for a J-1 plan.
    plan.profile.visa = VisaChoice::J1;
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "h1b-step3-before-rol"), 0);
}

#[test]
fn step2ck_too_late_for_program_review_is_flagged() {
    let (template, mut plan) = plan(VisaChoice::J1);
    // Programs may review from 2027-09-22 for the 2028 Match.
    plan.set_due(&template, "exams.step2ck", Some(date("2027-09-15")))
        .expect("due");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "step2ck-visible-at-review"), 1);
    plan.set_status(&template, "exams.step2ck", Status::Done, date(TODAY))
        .expect("done");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "step2ck-visible-at-review"), 0);
}

#[test]
fn ecfmg_requirements_after_the_rank_list_deadline_are_flagged() {
    let (template, mut plan) = plan(VisaChoice::Undecided);
    plan.set_due(
        &template,
        "ecfmg.requirements-verified",
        Some(date("2028-03-10")),
    )
    .expect("due");
    plan.set_due(&template, "ecfmg.oet", Some(date("2028-02-20")))
        .expect("due");
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(deadline_warnings(&snapshot, "ecfmg-requirements-by-rol"), 1);
    assert_eq!(deadline_warnings(&snapshot, "oet-by-rol"), 1);
}

#[test]
fn moving_the_match_year_moves_every_rule_date() {
    let (template, mut plan) = plan(VisaChoice::J1);
    let before = Snapshot::build(&template, &plan, date(TODAY));
    plan.set_match_year(2029).expect("year");
    let after = Snapshot::build(&template, &plan, date(TODAY));
    let start = |s: &Snapshot| {
        s.task("residency.start")
            .and_then(|t| t.due.clone())
            .expect("date")
            .date
    };
    assert_eq!(start(&before), date("2028-07-01"));
    assert_eq!(start(&after), date("2029-07-01"));
}

#[test]
fn the_visa_choice_decides_which_tasks_apply() {
    let (template, plan_j1) = plan(VisaChoice::J1);
    let (_, plan_none) = plan(VisaChoice::NotNeeded);
    let j1 = Snapshot::build(&template, &plan_j1, date(TODAY));
    let none = Snapshot::build(&template, &plan_none, date(TODAY));
    assert!(j1.stage_tasks("visa").count() > 0);
    assert_eq!(none.stage_tasks("visa").count(), 0);
    assert!(
        j1.task("exams.step3").is_none(),
        "Step 3 before ranking is an H-1B task"
    );
    assert!(j1.task("residency.step3").is_some());
}
