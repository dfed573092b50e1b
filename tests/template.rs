//! The built-in journey template: complete, consistent and sourced.

use std::collections::BTreeSet;

use imgplan::journey::{Anchor, DateRule, TaskTemplate, Template, VisaChoice};

fn template() -> Template {
    Template::embedded().expect("the embedded template parses and validates")
}

#[test]
fn has_seven_stages_and_enough_tasks_in_each() {
    let template = template();
    let ids: Vec<&str> = template.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "ecfmg",
            "exams",
            "usce",
            "eras",
            "match",
            "visa",
            "residency"
        ]
    );
    assert!(template.tasks.len() >= 40, "{} tasks", template.tasks.len());
    for stage in &template.stages {
        let count = template
            .tasks
            .iter()
            .filter(|t| t.stage == stage.id)
            .count();
        assert!(count >= 3, "stage {} has only {count} tasks", stage.id);
    }
}

#[test]
fn is_consistent() {
    let template = template();
    assert_eq!(template.problems(), Vec::<String>::new());
    let mut ids = BTreeSet::new();
    for task in &template.tasks {
        assert!(ids.insert(task.id.as_str()), "duplicate id {}", task.id);
        assert!(!task.sources.is_empty(), "{} has no source", task.id);
        for dep in &task.depends_on {
            assert!(template.task(dep).is_some(), "{} -> {dep}", task.id);
        }
    }
    for fact in &template.facts {
        assert!(!fact.season.trim().is_empty(), "{} has no season", fact.id);
        assert!(!fact.sources.is_empty(), "{} has no source", fact.id);
    }
    for source in &template.sources {
        assert!(source.url.starts_with("http"), "{} url", source.id);
    }
}

#[test]
fn carries_the_match_rates_with_their_season_and_flags_the_unverified_score() {
    let template = template();
    let shown = |needle: &str| {
        template
            .facts
            .iter()
            .find(|f| f.value.contains(needle))
            .unwrap_or_else(|| panic!("no fact with {needle}"))
    };
    assert!(shown("58.0").season.contains("2025"));
    assert!(shown("67.8").season.contains("2025"));
    let claim = template
        .facts
        .iter()
        .find(|f| f.value.contains("245"))
        .expect("the 245+ claim is listed as unverified");
    assert!(!claim.verified, "245+ must be shown as unverified");
}

#[test]
fn has_the_checks_the_planner_relies_on() {
    let template = template();
    for id in [
        "h1b-step3-before-rol",
        "step2ck-visible-at-review",
        "ecfmg-requirements-by-rol",
        "oet-by-rol",
    ] {
        assert!(
            template.checks.iter().any(|c| c.id == id),
            "missing check {id}"
        );
    }
}

#[test]
fn visa_specific_tasks_leave_plans_that_need_no_visa() {
    let template = template();
    let visa_tasks: Vec<&TaskTemplate> = template
        .tasks
        .iter()
        .filter(|t| t.stage == "visa")
        .collect();
    assert!(visa_tasks.iter().any(|t| t.applies_to(VisaChoice::J1)));
    assert!(visa_tasks.iter().any(|t| t.applies_to(VisaChoice::H1b)));
    assert!(
        visa_tasks
            .iter()
            .all(|t| !t.applies_to(VisaChoice::NotNeeded)),
        "a plan without a visa shows no visa tasks"
    );
}

#[test]
fn finds_each_kind_of_problem() {
    let base = template();

    let mut t = base.clone();
    t.tasks[0].depends_on.push("nowhere.task".into());
    assert!(t.problems().iter().any(|p| p.contains("unknown task")));

    let mut t = base.clone();
    let first = t.tasks[0].id.clone();
    let second = t.tasks[1].id.clone();
    t.tasks[0].depends_on = vec![second];
    t.tasks[1].depends_on = vec![first];
    assert!(t.problems().iter().any(|p| p.contains("cycle")));

    let mut t = base.clone();
    t.tasks[0].sources.clear();
    assert!(t.problems().iter().any(|p| p.contains("no source")));

    let mut t = base.clone();
    let dup = t.tasks[0].clone();
    t.tasks.push(dup);
    assert!(t.problems().iter().any(|p| p.contains("used twice")));

    let mut t = base.clone();
    if let Some(fact) = t.facts.first_mut() {
        fact.season.clear();
        assert!(t.problems().iter().any(|p| p.contains("no season")));
    }
}

#[test]
fn a_new_step_is_a_data_change() {
    // Appending a task to the template text is all it takes for it to appear.
    let text = imgplan::journey::EMBEDDED_TEMPLATE;
    let at = text.find("    checks: [").expect("checks section");
    let head = &text[..at];
    let close = head.rfind("],").expect("end of tasks");
    let extra = r#"    (
            id: "exams.nbme-practice",
            stage: "exams",
            title: "Take a practice exam",
            why: "Checks readiness.",
            due: (anchor: ErasOpens, offset_days: -90),
            sources: ["aamc-eras-timeline"],
        ),
    "#;
    let edited = format!("{}{extra}{}", &text[..close], &text[close..]);
    let template = Template::parse(&edited).expect("edited template");
    let task = template.task("exams.nbme-practice").expect("new task");
    assert_eq!(
        task.due,
        Some(DateRule {
            anchor: Anchor::ErasOpens,
            offset_days: -90
        })
    );
}
