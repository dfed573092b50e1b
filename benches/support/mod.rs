//! Plans of a chosen size for the benchmarks: the default plan (a new plan from the template),
//! and plans with 1,000 and 10,000 items, made of the user's own tasks (30 %), programs (60 %)
//! and rotations (10 %). Everything varies with the item's number (states, specialties, visa
//! stances, statuses, dates, notes) so filters, sorts, the rank list, warnings and the agenda all
//! have work to do; the same number always gives the same item, so runs compare.

use std::fmt;

use chrono::{Days, NaiveDate};
use imgplan::ids::{ProgramId, RotationId};
use imgplan::journey::{Template, VisaChoice};
use imgplan::plan::{Plan, Status};
use imgplan::programs::{
    ApplicationService, Program, ProgramStatus, Requirements, STATE_CODES, VisaStance,
};
use imgplan::usce::{LetterState, Rotation, RotationKind};

/// How big a plan is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// A new plan: the template's tasks, nothing added.
    Default,
    /// 1,000 items: 300 own tasks, 600 programs, 100 rotations.
    K1,
    /// 10,000 items: 3,000 own tasks, 6,000 programs, 1,000 rotations.
    K10,
}

impl Size {
    pub const ALL: [Size; 3] = [Size::Default, Size::K1, Size::K10];

    pub fn items(self) -> usize {
        match self {
            Size::Default => 0,
            Size::K1 => 1_000,
            Size::K10 => 10_000,
        }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Size::Default => "default",
            Size::K1 => "1k",
            Size::K10 => "10k",
        })
    }
}

pub const SPECIALTIES: [&str; 6] = [
    "Internal Medicine",
    "Family Medicine",
    "Pediatrics",
    "Psychiatry",
    "Neurology",
    "Pathology",
];

pub const CITIES: [&str; 12] = [
    "Brooklyn",
    "Lakeside",
    "Harbor",
    "Riverside",
    "Mercy",
    "St. Luke's",
    "Summit",
    "Valley",
    "Northwell",
    "Prairie",
    "Bayview",
    "Cedar Grove",
];

pub const KINDS: [&str; 4] = [
    "University Medical Center",
    "Community Hospital",
    "Regional Health",
    "General Hospital",
];

/// The day every benchmark runs on.
pub fn today() -> NaiveDate {
    date(2026, 11, 25)
}

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a calendar date")
}

/// A plan of `size` for the 2028 Match, H-1B, with a profile filled in.
pub fn plan(template: &Template, size: Size) -> Plan {
    let mut plan =
        Plan::new(template, today(), Some(2028), VisaChoice::H1b).expect("a plan for 2028");
    plan.profile.name = Some("Dr. Amina Yusuf".into());
    plan.profile.specialty = Some("Internal Medicine".into());
    plan.profile.step2_score = Some(238);
    let items = size.items();
    add_tasks(template, &mut plan, items * 3 / 10);
    for index in 0..items * 6 / 10 {
        plan.add_program(program(index)).expect("a valid program");
    }
    for index in 0..items / 10 {
        plan.add_rotation(rotation(index))
            .expect("a valid rotation");
    }
    plan
}

/// `count` tasks of the user's own, spread over the stages; a third have a date (so the agenda
/// and the deadlines fill up), some are done and some carry a note.
fn add_tasks(template: &Template, plan: &mut Plan, count: usize) {
    let stages: Vec<String> = template.stages.iter().map(|s| s.id.clone()).collect();
    for index in 0..count {
        let stage = &stages[index % stages.len()];
        let id = plan
            .add_custom_task(
                template,
                stage,
                &format!("Follow up with program coordinator #{index}"),
            )
            .expect("a task");
        if index % 3 == 0 {
            let due = date(2026, 6, 1)
                .checked_add_days(Days::new((index * 5 % 700) as u64))
                .expect("a due date");
            plan.set_due(template, &id, Some(due)).expect("a date");
        }
        if index % 4 == 1 {
            plan.set_status(template, &id, Status::Done, today())
                .expect("done");
        }
        if index % 5 == 2 {
            plan.set_note(template, &id, "Call back after the interview season")
                .expect("a note");
        }
    }
}

/// Program `index`: states, specialties, visa stances and statuses vary; one in fifteen is
/// ranked, and some carry requirements, an interview date, an NRMP code and a note.
pub fn program(index: usize) -> Program {
    let status = if index % 15 == 3 {
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
    } else {
        ApplicationService::Eras
    };
    Program {
        id: ProgramId(0),
        name: program_name(index),
        state: Some(STATE_CODES[(index * 7) % STATE_CODES.len()].to_owned()),
        specialty: Some(specialty.to_owned()),
        nrmp_code: index
            .is_multiple_of(2)
            .then(|| format!("{:07}C0", 1_000_000 + index)),
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
        note: index
            .is_multiple_of(3)
            .then(|| format!("PD answered email #{index}; ask about cap-exempt H-1B")),
        ..Program::default()
    }
}

/// The name of program `index` (unique per index).
pub fn program_name(index: usize) -> String {
    format!(
        "{} {} {index}",
        CITIES[index % CITIES.len()],
        KINDS[(index / 3) % KINDS.len()]
    )
}

/// Rotation `index`: kinds and letters vary, a week apart, four weeks long.
pub fn rotation(index: usize) -> Rotation {
    let kind = RotationKind::ALL[index % RotationKind::ALL.len()];
    let start = date(2024, 1, 1)
        .checked_add_days(Days::new(index as u64 * 7 % 1000))
        .expect("a start date");
    Rotation {
        id: RotationId(0),
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

/// A CSV file of `rows` programs as `imgplan import programs` reads it: name, state, specialty
/// and NRMP code (every row distinct; short cells so 100,000 rows stay under the 10 MB limit).
pub fn programs_csv(rows: usize) -> Vec<u8> {
    let mut csv = String::from("Program,State,Specialty,NRMP Code\n");
    for index in 0..rows {
        let code = if index.is_multiple_of(2) {
            format!("{:07}C0", 2_000_000 + index)
        } else {
            String::new()
        };
        csv.push_str(&format!(
            "{} {index},{},{},{code}\n",
            CITIES[index % CITIES.len()],
            STATE_CODES[(index * 7) % STATE_CODES.len()],
            SPECIALTIES[index % SPECIALTIES.len()],
        ));
    }
    csv.into_bytes()
}
