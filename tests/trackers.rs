//! Programs, the rank order list, USCE and letters, and what the visa choice implies: the pure
//! core behind the programs panel, the USCE log and the visa panel.

use chrono::NaiveDate;
use imgplan::insights::{Snapshot, Subject, WarningKind};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Plan, PlanError, Status};
use imgplan::programs::{
    self, ApplicationService, Fit, Program, ProgramFilter, ProgramSort, ProgramStatus,
    Requirements, VisaStance,
};
use imgplan::usce::{LetterState, Rotation, RotationKind};
use imgplan::visa;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

const TODAY: &str = "2026-11-25";

fn setup(visa: VisaChoice) -> (Template, Plan) {
    let template = Template::embedded().expect("template");
    let plan = Plan::new(&template, date(TODAY), Some(2028), visa).expect("plan");
    (template, plan)
}

fn program(name: &str, state: &str, specialty: &str, visa: VisaStance) -> Program {
    Program {
        id: imgplan::ids::ProgramId(0),
        name: name.into(),
        state: Some(state.into()),
        specialty: Some(specialty.into()),
        nrmp_code: None,
        service: ApplicationService::Eras,
        visa,
        requirements: Requirements::default(),
        status: ProgramStatus::Considering,
        interview: None,
        note: None,
        ..Program::default()
    }
}

fn rotation(institution: &str, letter: LetterState) -> Rotation {
    Rotation {
        id: imgplan::ids::RotationId(0),
        kind: RotationKind::Externship,
        institution: institution.into(),
        specialty: Some("Internal Medicine".into()),
        start: date("2026-06-01"),
        end: date("2026-06-28"),
        hands_on: true,
        supervisor: Some("Dr. Rivera".into()),
        letter,
        note: None,
    }
}

#[test]
fn visa_fit_follows_the_choice() {
    use VisaStance::*;
    let cases = [
        (VisaChoice::J1, J1, Fit::Fits),
        (VisaChoice::J1, H1b, Fit::Misfit),
        (VisaChoice::J1, Both, Fit::Fits),
        (VisaChoice::H1b, J1, Fit::Misfit),
        (VisaChoice::H1b, Both, Fit::Fits),
        (VisaChoice::H1b, NoVisa, Fit::Misfit),
        (VisaChoice::H1b, Unknown, Fit::Unknown),
        (VisaChoice::Undecided, J1, Fit::Fits),
        (VisaChoice::Undecided, NoVisa, Fit::Misfit),
        (VisaChoice::NotNeeded, NoVisa, Fit::Fits),
        (VisaChoice::NotNeeded, Unknown, Fit::Fits),
    ];
    for (choice, stance, fit) in cases {
        assert_eq!(
            programs::visa_fit(stance, choice),
            fit,
            "{choice} vs {stance:?}"
        );
    }
    assert!(
        programs::fit_reason(J1, VisaChoice::H1b)
            .expect("reason")
            .contains("J-1 only")
    );
}

#[test]
fn a_preference_marks_the_acceptable_visa_softly_not_as_a_misfit() {
    use VisaStance::*;
    for (choice, stance, fit) in [
        (VisaChoice::H1bPreferred, H1b, Fit::Fits),
        (VisaChoice::H1bPreferred, Both, Fit::Fits),
        (VisaChoice::H1bPreferred, J1, Fit::Acceptable),
        (VisaChoice::H1bPreferred, NoVisa, Fit::Misfit),
        (VisaChoice::H1bPreferred, Unknown, Fit::Unknown),
        (VisaChoice::J1Preferred, J1, Fit::Fits),
        (VisaChoice::J1Preferred, H1b, Fit::Acceptable),
        (VisaChoice::J1Preferred, NoVisa, Fit::Misfit),
    ] {
        assert_eq!(
            programs::visa_fit(stance, choice),
            fit,
            "{choice} vs {stance:?}"
        );
    }
    let reason = programs::fit_reason(J1, VisaChoice::H1bPreferred).expect("reason");
    assert!(reason.contains("the visa you accept"), "{reason}");

    // Six J-1-only programs, the trial's list: none is a misfit under "H-1B preferred".
    let (_, mut plan) = setup(VisaChoice::H1bPreferred);
    let list: Vec<Program> = (0..6)
        .map(|i| program(&format!("J-1 Hospital {i}"), "NJ", "Internal Medicine", J1))
        .collect();
    plan.import_programs(list).expect("import");
    let filter = ProgramFilter {
        misfit_only: true,
        ..ProgramFilter::default()
    };
    assert!(
        programs::select(
            &plan.programs,
            &filter,
            ProgramSort::Added,
            plan.profile.visa
        )
        .is_empty()
    );
}

#[test]
fn a_preference_keeps_both_visas_tasks_and_the_preferred_visas_checks() {
    let template = Template::embedded().expect("template");
    let task = |id: &str| template.tasks.iter().find(|t| t.id == id).expect(id);
    for choice in [VisaChoice::H1bPreferred, VisaChoice::J1Preferred] {
        for id in [
            "visa.j1-sponsorship",
            "visa.h1b-petition",
            "exams.step3",
            "visa.j1-waiver",
        ] {
            assert!(task(id).applies_to(choice), "{choice}: {id}");
        }
        assert!(
            !task("visa.choose").applies_to(choice),
            "{choice} has decided"
        );
    }
    assert!(!task("residency.step3").applies_to(VisaChoice::H1bPreferred));
    assert!(task("residency.step3").applies_to(VisaChoice::J1Preferred));
    let check = |id: &str| template.checks.iter().find(|c| c.id == id).expect(id);
    assert!(VisaChoice::H1bPreferred.is_in(&check("h1b-step3-before-rol").visas));
    assert!(!VisaChoice::H1bPreferred.is_in(&check("j1-sponsorship-in-time").visas));
    assert!(VisaChoice::J1Preferred.is_in(&check("j1-sponsorship-in-time").visas));

    let (template, plan) = setup(VisaChoice::H1bPreferred);
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let lines = visa::implications(&template, &snapshot, VisaChoice::H1bPreferred);
    assert!(
        lines[0].text.contains("You prefer H-1B and accept J-1"),
        "{:?}",
        lines[0]
    );
    assert!(
        lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.h1b-petition"))
    );
    assert!(
        lines
            .iter()
            .any(|l| l.text.starts_with("Deadline") && l.text.contains("Step 3"))
    );
    assert!(
        snapshot.task("visa.j1-sponsorship").is_some(),
        "J-1 tasks stay in the plan"
    );
    assert!(snapshot.task("visa.choose").is_none());
    // The preferred visa's items first, then the acceptable one's, each under a line naming it.
    let position = |wanted: &dyn Fn(&visa::Implication) -> bool| {
        lines.iter().position(wanted).expect("an item")
    };
    let h1b_label = position(&|l| l.text == "H-1B (preferred) needs:");
    let petition = position(&|l| l.task.as_deref() == Some("visa.h1b-petition"));
    let j1_label = position(&|l| l.text.starts_with("J-1 (acceptable) needs"));
    let j1_sponsorship = position(&|l| l.task.as_deref() == Some("visa.j1-sponsorship"));
    assert!(h1b_label < petition && petition < j1_label && j1_label < j1_sponsorship);
}

#[test]
fn the_cost_estimate_uses_the_season_fee_tiers_per_specialty() {
    let template = Template::embedded().expect("template");
    let schedule = template.fees_for(2028).expect("a fee schedule");
    assert_eq!(schedule.match_year, 2026, "latest published season is used");
    let mut list = Vec::new();
    for n in 0..35 {
        let mut p = program(
            &format!("IM {n}"),
            "NY",
            "Internal Medicine",
            VisaStance::J1,
        );
        p.status = ProgramStatus::Applied;
        list.push(p);
    }
    for n in 0..5 {
        let mut p = program(&format!("FM {n}"), "TX", "Family Medicine", VisaStance::J1);
        p.status = ProgramStatus::Interviewed;
        list.push(p);
    }
    let mut obgyn = program("OB", "CA", "OB-GYN", VisaStance::Both);
    obgyn.service = ApplicationService::ResidencyCas;
    obgyn.status = ProgramStatus::Applied;
    list.push(obgyn);
    list.push(program(
        "Only considering",
        "CA",
        "Internal Medicine",
        VisaStance::J1,
    ));

    let estimate = programs::estimate_cost(&list, schedule, false);
    let im = estimate
        .per_specialty
        .iter()
        .find(|s| s.specialty == "Internal Medicine")
        .expect("IM");
    assert_eq!((im.programs, im.usd), (35, 30 * 11 + 5 * 30));
    let fm = estimate
        .per_specialty
        .iter()
        .find(|s| s.specialty == "Family Medicine")
        .expect("FM");
    assert_eq!((fm.programs, fm.usd), (5, 55));
    assert_eq!(estimate.not_eras, 1);
    assert_eq!(estimate.total_usd, 480 + 55 + 165 + 80);
    assert!(estimate.sources.contains(&"aamc-eras-fees".to_owned()));

    let with_considering = programs::estimate_cost(&list, schedule, true);
    assert_eq!(with_considering.total_usd, estimate.total_usd + 30);
    assert_eq!(
        programs::estimate_cost(&[], schedule, true).total_usd,
        0,
        "no program, no token or transcript"
    );
}

#[test]
fn filters_combine_and_sorting_is_stable() {
    let mut list = vec![
        program(
            "Zeta Medical Center",
            "NY",
            "Internal Medicine",
            VisaStance::J1,
        ),
        program("Alpha University", "ny", "Family Medicine", VisaStance::H1b),
        program("Mid Hospital", "TX", "Internal Medicine", VisaStance::Both),
    ];
    list[1].state = Some("NY".into());
    list[2].status = ProgramStatus::Applied;
    list[0].note = Some("strong IMG history".into());
    for (id, p) in list.iter_mut().enumerate() {
        p.id = imgplan::ids::ProgramId(u32::try_from(id).expect("id") + 1);
    }
    let names = |filter: &ProgramFilter, sort, choice| {
        programs::select(&list, filter, sort, choice)
            .iter()
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
    };
    let ny = ProgramFilter {
        state: Some("ny".into()),
        ..ProgramFilter::default()
    };
    assert_eq!(
        names(&ny, ProgramSort::Name, VisaChoice::J1),
        ["Alpha University", "Zeta Medical Center"]
    );
    let misfits = ProgramFilter {
        misfit_only: true,
        ..ProgramFilter::default()
    };
    assert_eq!(
        names(&misfits, ProgramSort::Added, VisaChoice::J1),
        ["Alpha University"]
    );
    assert_eq!(
        names(&misfits, ProgramSort::Added, VisaChoice::H1b),
        ["Zeta Medical Center"]
    );
    let text = ProgramFilter {
        text: Some("img HISTORY".into()),
        ..ProgramFilter::default()
    };
    assert_eq!(
        names(&text, ProgramSort::Added, VisaChoice::J1),
        ["Zeta Medical Center"]
    );
    let applied_im = ProgramFilter {
        status: Some(ProgramStatus::Applied),
        specialty: Some("internal".into()),
        ..ProgramFilter::default()
    };
    assert_eq!(
        names(&applied_im, ProgramSort::Added, VisaChoice::J1),
        ["Mid Hospital"]
    );
    assert_eq!(
        names(
            &ProgramFilter::default(),
            ProgramSort::Status,
            VisaChoice::J1
        ),
        ["Alpha University", "Zeta Medical Center", "Mid Hospital"]
    );
}

#[test]
fn program_fields_are_validated_and_cleaned() {
    let (_, mut plan) = setup(VisaChoice::J1);
    let mut bad_state = program("A", "Narnia", "IM", VisaStance::J1);
    assert!(matches!(
        plan.add_program(bad_state.clone()),
        Err(PlanError::Invalid(message)) if message.contains("not a US state")
    ));
    bad_state.state = Some(" ca ".into());
    bad_state.name = "\u{1b}[31mRed\u{1b}[0m Hospital".into();
    let id = plan.add_program(bad_state).expect("valid");
    let stored = plan.program(id).expect("stored");
    assert_eq!(stored.state.as_deref(), Some("CA"));
    assert!(!stored.name.contains('\u{1b}'), "{:?}", stored.name);
    let unnamed = program("   ", "NY", "IM", VisaStance::J1);
    assert!(plan.add_program(unnamed).is_err());
    assert_eq!(plan.programs.len(), 1);
}

#[test]
fn ranking_keeps_order_moves_and_survives_status_changes() {
    let (_, mut plan) = setup(VisaChoice::H1b);
    let a = plan
        .add_program(program("A", "NY", "IM", VisaStance::Both))
        .expect("a");
    let b = plan
        .add_program(program("B", "NY", "IM", VisaStance::H1b))
        .expect("b");
    let c = plan
        .add_program(program("C", "NY", "IM", VisaStance::Both))
        .expect("c");
    for id in [a, b, c] {
        plan.set_program_status(id, ProgramStatus::Ranked)
            .expect("rank");
    }
    let order = |plan: &Plan| plan.rank_list().iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(order(&plan), [a, b, c]);
    assert_eq!(plan.move_rank(c, true).expect("move"), 2);
    assert_eq!(order(&plan), [a, c, b]);
    assert_eq!(plan.move_rank(a, true).expect("stays first"), 1);
    plan.set_program_status(c, ProgramStatus::Withdrawn)
        .expect("withdraw");
    assert_eq!(order(&plan), [a, b]);
    plan.set_program_status(c, ProgramStatus::Ranked)
        .expect("rank again");
    assert_eq!(order(&plan), [a, b, c], "re-ranked programs go last");
    plan.remove_program(b).expect("remove");
    assert_eq!(order(&plan), [a, c]);
    assert!(plan.move_rank(imgplan::ids::ProgramId(99), true).is_err());
    // A plan file whose order misses a ranked program still lists it.
    plan.rank_order.clear();
    assert_eq!(order(&plan), [a, c]);
}

#[test]
fn ranked_misfits_and_step3_rules_are_warned_about_by_name() {
    let (template, mut plan) = setup(VisaChoice::H1b);
    let j1_only = plan
        .add_program(program("J-One Hospital", "NY", "IM", VisaStance::J1))
        .expect("add");
    let mut strict = program("Step Three University", "PA", "IM", VisaStance::Both);
    strict.requirements.step3_before_rank = true;
    let strict = plan.add_program(strict).expect("add");
    let fine = plan
        .add_program(program("Fine Center", "OH", "IM", VisaStance::Both))
        .expect("add");
    for id in [j1_only, strict, fine] {
        plan.set_program_status(id, ProgramStatus::Ranked)
            .expect("rank");
    }
    let today = date(TODAY);
    // Step 3 planned after the 2028 ROL deadline: the strict program's rule bites.
    plan.set_due(&template, "exams.step3", Some(date("2028-05-01")))
        .expect("date");
    let snapshot = Snapshot::build(&template, &plan, today);
    let about = |id: imgplan::ids::ProgramId, kind: WarningKind| {
        snapshot
            .warnings
            .iter()
            .find(|w| w.subject == Subject::Program(id) && w.kind == kind)
    };
    let misfit = about(j1_only, WarningKind::RankedVisaMisfit).expect("misfit warned");
    assert!(
        misfit.message.contains("J-One Hospital"),
        "{}",
        misfit.message
    );
    assert!(misfit.message.contains("#1"), "{}", misfit.message);
    assert!(about(fine, WarningKind::RankedVisaMisfit).is_none());

    let step3 = about(strict, WarningKind::RankedStep3).expect("step 3 warned");
    assert!(step3.message.contains("Step Three University"));
    // Planning Step 3 before the deadline, or passing it, clears the warning.
    plan.set_due(&template, "exams.step3", Some(date("2027-12-01")))
        .expect("date");
    let snapshot = Snapshot::build(&template, &plan, today);
    assert!(
        !snapshot
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::RankedStep3)
    );
    plan.set_due(&template, "exams.step3", Some(date("2028-06-01")))
        .expect("date");
    plan.set_status(&template, "exams.step3", Status::Done, today)
        .expect("done");
    let snapshot = Snapshot::build(&template, &plan, today);
    assert!(
        !snapshot
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::RankedStep3)
    );
}

#[test]
fn letters_not_in_eras_are_warned_about_close_to_the_letters_date() {
    let (template, mut plan) = setup(VisaChoice::J1);
    let uploaded = plan
        .add_rotation(rotation("Uploaded General", LetterState::Uploaded))
        .expect("add");
    let pending = plan
        .add_rotation(rotation("Pending Memorial", LetterState::Received))
        .expect("add");
    let letters_due = Snapshot::build(&template, &plan, date(TODAY))
        .task("eras.letters-uploaded")
        .and_then(|t| t.due.clone())
        .expect("letters date")
        .date;

    let far = Snapshot::build(&template, &plan, letters_due - chrono::Days::new(60));
    assert!(
        !far.warnings
            .iter()
            .any(|w| matches!(w.subject, Subject::Rotation(_) | Subject::Letters)),
        "no letter warning two months ahead"
    );

    let close = Snapshot::build(&template, &plan, letters_due - chrono::Days::new(10));
    let rotation_warning = close
        .warnings
        .iter()
        .find(|w| w.subject == Subject::Rotation(pending))
        .expect("pending letter warned");
    assert!(rotation_warning.message.contains("Pending Memorial"));
    assert!(rotation_warning.message.contains("Dr. Rivera"));
    assert!(
        !close
            .warnings
            .iter()
            .any(|w| w.subject == Subject::Rotation(uploaded))
    );
    assert!(
        close
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::LettersShort),
        "2 letters in play, target 3"
    );
    plan.set_letter_target(Some(2)).expect("target");
    let close = Snapshot::build(&template, &plan, letters_due - chrono::Days::new(10));
    assert!(
        !close
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::LettersShort)
    );
    assert!(plan.set_letter_target(Some(0)).is_err());
}

#[test]
fn rotations_are_validated() {
    let (_, mut plan) = setup(VisaChoice::J1);
    let mut backwards = rotation("Backwards", LetterState::NotRequested);
    backwards.end = date("2026-05-01");
    assert!(matches!(
        plan.add_rotation(backwards),
        Err(PlanError::Invalid(message)) if message.contains("before it starts")
    ));
    let empty = rotation("  ", LetterState::NotRequested);
    assert!(plan.add_rotation(empty).is_err());
    let id = plan
        .add_rotation(rotation("Good", LetterState::NotRequested))
        .expect("add");
    plan.set_letter(id, LetterState::Requested).expect("letter");
    assert_eq!(
        plan.rotation(id).map(|r| r.letter),
        Some(LetterState::Requested)
    );
    assert!(
        plan.set_letter(imgplan::ids::RotationId(42), LetterState::Requested)
            .is_err()
    );
}

#[test]
fn the_visa_choice_says_which_tasks_and_dates_it_brings() {
    let (template, plan) = setup(VisaChoice::H1b);
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let lines = visa::implications(&template, &snapshot, VisaChoice::H1b);
    assert!(lines[0].text.contains("hides"), "{:?}", lines[0]);
    assert!(
        lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.h1b-petition") && l.date.is_some())
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.statement-of-need")),
        "J-1 tasks are not H-1B consequences"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.text.contains("Step 3") && l.date.is_some()),
        "the H-1B Step 3 check and its date: {lines:#?}"
    );

    let (template, plan) = setup(VisaChoice::J1);
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let lines = visa::implications(&template, &snapshot, VisaChoice::J1);
    assert!(
        lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.statement-of-need"))
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.h1b-petition"))
    );

    let (template, plan) = setup(VisaChoice::Undecided);
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    let lines = visa::implications(&template, &snapshot, VisaChoice::Undecided);
    assert!(
        lines
            .iter()
            .any(|l| l.task.as_deref() == Some("visa.choose") && l.date.is_some())
    );

    let (template, plan) = setup(VisaChoice::NotNeeded);
    let snapshot = Snapshot::build(&template, &plan, date(TODAY));
    assert_eq!(
        visa::implications(&template, &snapshot, VisaChoice::NotNeeded).len(),
        1
    );
}

#[test]
fn the_comparison_rows_cite_known_sources_and_carry_a_season() {
    let template = Template::embedded().expect("template");
    let comparison = &template.visa_comparison;
    assert!(comparison.rows.len() >= 10);
    for topic in [
        "sponsor",
        "exams",
        "home-rule",
        "waivers",
        "duration",
        "dual-intent",
    ] {
        assert!(
            comparison.rows.iter().any(|r| r.id == topic),
            "missing {topic}"
        );
    }
    for row in &comparison.rows {
        assert!(!row.season.is_empty());
        for source in &row.sources {
            assert!(template.source(source).is_some(), "{source}");
        }
    }
}

#[test]
fn older_plan_files_without_the_new_fields_still_load() {
    let path = std::path::Path::new("tests/fixtures/valid.ron");
    let bytes = std::fs::read(path).expect("fixture");
    let template = Template::embedded().expect("template");
    let plan = imgplan::storage::parse(path, &bytes, &template).expect("an older plan loads");
    assert!(plan.programs.is_empty() && plan.rotations.is_empty());
}

#[test]
fn programs_sort_and_filter_by_what_she_tracks() {
    use imgplan::programs::{InterviewFormat, Signal, Tracked};
    let mut a = program("Alpha", "NY", "Internal Medicine", VisaStance::Both);
    a.priority = Some(3);
    a.signal = Signal::Silver;
    a.requirements.min_step2_score = Some(245);
    let mut b = program("Bravo", "NJ", "Internal Medicine", VisaStance::Both);
    b.priority = Some(1);
    b.signal = Signal::Gold;
    b.applied = Some(date("2027-09-24"));
    b.interview = Some(date("2027-11-02"));
    b.interview_format = Some(InterviewFormat::Virtual);
    b.requirements.min_step2_score = Some(225);
    b.fees_paid = Some(27);
    let c = program("Charlie", "PA", "Internal Medicine", VisaStance::Both);
    let list = [a, b, c];
    let names = |filter: &ProgramFilter, sort: ProgramSort| -> Vec<String> {
        programs::select(&list, filter, sort, VisaChoice::H1b)
            .into_iter()
            .map(|p| p.name.clone())
            .collect()
    };
    let all = ProgramFilter::default();
    assert_eq!(
        names(&all, ProgramSort::Priority),
        ["Bravo", "Alpha", "Charlie"]
    );
    assert_eq!(
        names(&all, ProgramSort::Signal),
        ["Bravo", "Alpha", "Charlie"]
    );
    assert_eq!(
        names(&all, ProgramSort::Applied),
        ["Bravo", "Alpha", "Charlie"]
    );
    assert_eq!(
        names(&all, ProgramSort::Step2Cutoff),
        ["Bravo", "Alpha", "Charlie"]
    );
    assert_eq!(
        names(&all, ProgramSort::FeesPaid),
        ["Bravo", "Alpha", "Charlie"]
    );
    assert_eq!(
        names(&all, ProgramSort::ThankYou),
        ["Alpha", "Bravo", "Charlie"]
    );
    let filter = |f: ProgramFilter| names(&f, ProgramSort::Added);
    let top = ProgramFilter {
        priority_at_most: Some(2),
        ..ProgramFilter::default()
    };
    assert_eq!(filter(top), ["Bravo"]);
    let silver = ProgramFilter {
        signal: Some(Signal::Silver),
        ..ProgramFilter::default()
    };
    assert_eq!(filter(silver), ["Alpha"]);
    let with = |tracked| ProgramFilter {
        tracked: Some(tracked),
        step2_score: Some(238),
        ..ProgramFilter::default()
    };
    assert_eq!(filter(with(Tracked::Step2Below)), ["Alpha"]);
    assert_eq!(filter(with(Tracked::Step2Meets)), ["Bravo"]);
    assert_eq!(filter(with(Tracked::ThankYouDue)), ["Bravo"]);
    assert_eq!(filter(with(Tracked::NotApplied)), ["Alpha", "Charlie"]);
    assert_eq!(filter(with(Tracked::Virtual)), ["Bravo"]);
    assert!(
        ProgramFilter {
            step2_score: Some(238),
            ..ProgramFilter::default()
        }
        .is_empty()
    );
    assert_eq!(with(Tracked::ThankYouDue).describe(), "thank-you due");
}

#[test]
fn a_priority_outside_1_to_5_is_refused() {
    let (_, mut plan) = setup(VisaChoice::H1b);
    let mut wrong = program("Alpha", "NY", "Internal Medicine", VisaStance::Both);
    wrong.priority = Some(6);
    assert!(plan.add_program(wrong).is_err());
}

#[test]
fn a_ranked_program_without_an_interview_stays_warned_about_until_one_is_recorded() {
    let (template, mut plan) = setup(VisaChoice::H1b);
    let never_met = plan
        .add_program(program(
            "Lakeside Medical Center",
            "NY",
            "IM",
            VisaStance::Both,
        ))
        .expect("add");
    plan.set_program_status(never_met, ProgramStatus::Ranked)
        .expect("rank");
    let today = date(TODAY);
    let warned = |plan: &imgplan::plan::Plan| {
        Snapshot::build(&template, plan, today)
            .warnings
            .into_iter()
            .find(|w| {
                w.subject == Subject::Program(never_met)
                    && w.kind == WarningKind::RankedNotInterviewed
            })
    };
    let warning = warned(&plan).expect("a ranked program with no interview is warned about");
    assert!(
        warning
            .message
            .contains("Ranked #1 Lakeside Medical Center has no interview"),
        "{}",
        warning.message
    );
    assert_eq!(warning.sources, ["nrmp-rank-interviewed"]);
    // Recording the interview clears it.
    if let Some(program) = plan.programs.iter_mut().find(|p| p.id == never_met) {
        program.interview = Some(date("2027-11-20"));
    }
    assert!(warned(&plan).is_none());
}
