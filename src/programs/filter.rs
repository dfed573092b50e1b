//! Which programs the list shows and in what order: the filter (status, state, specialty,
//! words, visa misfits, and what she tracks: priority, signal, dates, format, thank-you,
//! contact, fees, the Step 2 CK cutoff) and the sort.

use super::*;

/// Which programs a list shows. Empty fields match everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgramFilter {
    pub status: Option<ProgramStatus>,
    /// Two-letter state, compared without regard to case.
    pub state: Option<String>,
    /// Part of the specialty, compared without regard to case.
    pub specialty: Option<String>,
    /// Words that must all appear somewhere in the program (name, state, specialty, code, note).
    pub text: Option<String>,
    /// Only programs whose visa stance does not fit the plan's choice.
    pub misfit_only: bool,
    /// Only programs of this priority or higher (1 is highest).
    pub priority_at_most: Option<u8>,
    /// Only programs with this signal (`Signal::None`: programs without one).
    pub signal: Option<Signal>,
    /// Only programs where one tracked thing holds.
    pub tracked: Option<Tracked>,
    /// The applicant's Step 2 CK score, for [`Tracked::Step2Meets`] and [`Tracked::Step2Below`]
    /// (the caller fills it from the profile).
    pub step2_score: Option<u16>,
}

/// One tracked thing a filter can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracked {
    Applied,
    NotApplied,
    Invited,
    NotInvited,
    Virtual,
    InPerson,
    ThankYouSent,
    /// Interviewed (or an interview date set) and no thank-you yet.
    ThankYouDue,
    WithContact,
    FeesPaid,
    /// A Step 2 CK cutoff the profile's score meets.
    Step2Meets,
    /// A Step 2 CK cutoff above the profile's score.
    Step2Below,
}

impl Tracked {
    pub const ALL: [Tracked; 12] = [
        Tracked::Applied,
        Tracked::NotApplied,
        Tracked::Invited,
        Tracked::NotInvited,
        Tracked::Virtual,
        Tracked::InPerson,
        Tracked::ThankYouSent,
        Tracked::ThankYouDue,
        Tracked::WithContact,
        Tracked::FeesPaid,
        Tracked::Step2Meets,
        Tracked::Step2Below,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tracked::Applied => "applied date set",
            Tracked::NotApplied => "no applied date",
            Tracked::Invited => "invited",
            Tracked::NotInvited => "not invited",
            Tracked::Virtual => "virtual interview",
            Tracked::InPerson => "in-person interview",
            Tracked::ThankYouSent => "thank-you sent",
            Tracked::ThankYouDue => "thank-you due",
            Tracked::WithContact => "with a contact",
            Tracked::FeesPaid => "fees paid",
            Tracked::Step2Meets => "Step 2 CK cutoff met",
            Tracked::Step2Below => "Step 2 CK cutoff above your score",
        }
    }

    fn holds(self, p: &Program, score: Option<u16>) -> bool {
        let cutoff = p.requirements.min_step2_score;
        match self {
            Tracked::Applied => p.applied.is_some(),
            Tracked::NotApplied => p.applied.is_none(),
            Tracked::Invited => p.invited.is_some(),
            Tracked::NotInvited => p.invited.is_none(),
            Tracked::Virtual => p.interview_format == Some(InterviewFormat::Virtual),
            Tracked::InPerson => p.interview_format == Some(InterviewFormat::InPerson),
            Tracked::ThankYouSent => p.thank_you_sent,
            Tracked::ThankYouDue => {
                !p.thank_you_sent
                    && (p.interview.is_some() || p.status == ProgramStatus::Interviewed)
            }
            Tracked::WithContact => p.contact.is_some(),
            Tracked::FeesPaid => p.fees_paid.is_some_and(|usd| usd > 0),
            Tracked::Step2Meets => cutoff.zip(score).is_some_and(|(min, s)| s >= min),
            Tracked::Step2Below => cutoff.zip(score).is_some_and(|(min, s)| s < min),
        }
    }
}

impl ProgramFilter {
    /// Whether it lets every program through (the score it carries is context, not a filter).
    pub fn is_empty(&self) -> bool {
        ProgramFilter {
            step2_score: None,
            ..self.clone()
        } == ProgramFilter::default()
    }

    pub fn matches(&self, program: &Program, choice: VisaChoice) -> bool {
        if self.status.is_some_and(|status| program.status != status) {
            return false;
        }
        if let Some(state) = &self.state
            && !program
                .state
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(state.trim()))
        {
            return false;
        }
        if let Some(specialty) = &self.specialty
            && !program
                .specialty
                .as_deref()
                .is_some_and(|s| contains_folded(s, specialty))
        {
            return false;
        }
        if let Some(text) = &self.text {
            let haystack = [
                Some(program.name.as_str()),
                program.state.as_deref(),
                program.specialty.as_deref(),
                program.nrmp_code.as_deref(),
                program.note.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
            if !text
                .split_whitespace()
                .all(|word| haystack.contains(&word.to_lowercase()))
            {
                return false;
            }
        }
        if self.misfit_only && program.fit(choice) != Fit::Misfit {
            return false;
        }
        self.matches_tracking(program)
    }

    fn matches_tracking(&self, program: &Program) -> bool {
        if let Some(most) = self.priority_at_most
            && program.priority.is_none_or(|p| p > most)
        {
            return false;
        }
        if self.signal.is_some_and(|signal| program.signal != signal) {
            return false;
        }
        self.tracked
            .is_none_or(|tracked| tracked.holds(program, self.step2_score))
    }

    /// The filter in words, for the panel title and the CLI ("status applied · state NY").
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(status) = self.status {
            parts.push(format!("status {status}"));
        }
        if let Some(state) = &self.state {
            parts.push(format!("state {state}"));
        }
        if let Some(specialty) = &self.specialty {
            parts.push(format!("specialty {specialty:?}"));
        }
        if let Some(text) = &self.text {
            parts.push(format!("text {text:?}"));
        }
        if self.misfit_only {
            parts.push("visa misfits".to_owned());
        }
        if let Some(most) = self.priority_at_most {
            parts.push(format!("priority 1-{most}"));
        }
        if let Some(signal) = self.signal {
            parts.push(format!("signal {}", signal.label()));
        }
        if let Some(tracked) = self.tracked {
            parts.push(tracked.label().to_owned());
        }
        parts.join(" · ")
    }
}

fn contains_folded(haystack: &str, needle: &str) -> bool {
    haystack
        .to_lowercase()
        .contains(&needle.trim().to_lowercase())
}

/// How a program list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ProgramSort {
    /// The order the user added them in.
    #[default]
    Added,
    Name,
    State,
    Specialty,
    Status,
    /// Soonest interview first; programs without one last.
    Interview,
    /// Priority 1 first; programs without one last.
    Priority,
    /// Gold, then silver, then none.
    Signal,
    /// Earliest applied first; not applied last.
    Applied,
    /// Earliest invite first; not invited last.
    Invited,
    /// Virtual, in person, then not known.
    InterviewFormat,
    /// Thank-you not sent first (what is left to do).
    ThankYou,
    /// By contact; programs without one last.
    Contact,
    /// Most paid first.
    FeesPaid,
    /// Lowest Step 2 CK cutoff first; programs without one last.
    Step2Cutoff,
}

impl ProgramSort {
    pub const ALL: [ProgramSort; 15] = [
        ProgramSort::Added,
        ProgramSort::Name,
        ProgramSort::State,
        ProgramSort::Specialty,
        ProgramSort::Status,
        ProgramSort::Interview,
        ProgramSort::Priority,
        ProgramSort::Signal,
        ProgramSort::Applied,
        ProgramSort::Invited,
        ProgramSort::InterviewFormat,
        ProgramSort::ThankYou,
        ProgramSort::Contact,
        ProgramSort::FeesPaid,
        ProgramSort::Step2Cutoff,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProgramSort::Added => "order added",
            ProgramSort::Name => "name",
            ProgramSort::State => "state",
            ProgramSort::Specialty => "specialty",
            ProgramSort::Status => "status",
            ProgramSort::Interview => "interview date",
            ProgramSort::Priority => "priority",
            ProgramSort::Signal => "signal",
            ProgramSort::Applied => "applied date",
            ProgramSort::Invited => "invite date",
            ProgramSort::InterviewFormat => "interview format",
            ProgramSort::ThankYou => "thank-you",
            ProgramSort::Contact => "contact",
            ProgramSort::FeesPaid => "fees paid",
            ProgramSort::Step2Cutoff => "Step 2 CK cutoff",
        }
    }

    pub fn cycled(self) -> ProgramSort {
        let all = ProgramSort::ALL;
        let index = all.iter().position(|s| *s == self).unwrap_or(0);
        all[(index + 1) % all.len()]
    }
}

/// The programs a filter lets through, in a sort order (ties keep the order added).
pub fn select<'a>(
    programs: &'a [Program],
    filter: &ProgramFilter,
    sort: ProgramSort,
    choice: VisaChoice,
) -> Vec<&'a Program> {
    let mut chosen: Vec<&Program> = programs
        .iter()
        .filter(|p| filter.matches(p, choice))
        .collect();
    let folded = |text: Option<&str>| text.map(str::to_lowercase);
    match sort {
        ProgramSort::Added => {}
        ProgramSort::Name => chosen.sort_by_cached_key(|p| p.name.to_lowercase()),
        ProgramSort::State => chosen.sort_by_cached_key(|p| {
            (
                p.state.is_none(),
                folded(p.state.as_deref()),
                p.name.to_lowercase(),
            )
        }),
        ProgramSort::Specialty => chosen.sort_by_cached_key(|p| {
            (
                p.specialty.is_none(),
                folded(p.specialty.as_deref()),
                p.name.to_lowercase(),
            )
        }),
        ProgramSort::Status => chosen.sort_by_cached_key(|p| (p.status, p.name.to_lowercase())),
        ProgramSort::Interview => {
            chosen.sort_by_cached_key(|p| (p.interview.is_none(), p.interview, p.id));
        }
        tracking => sort_by_tracking(&mut chosen, tracking),
    }
    chosen
}

/// The sorts by what she tracks; ties keep the order added.
fn sort_by_tracking(chosen: &mut [&Program], sort: ProgramSort) {
    use std::cmp::Reverse;
    match sort {
        ProgramSort::Priority => chosen.sort_by_key(|p| (p.priority.is_none(), p.priority)),
        ProgramSort::Signal => chosen.sort_by_key(|p| Reverse(p.signal)),
        ProgramSort::Applied => chosen.sort_by_key(|p| (p.applied.is_none(), p.applied)),
        ProgramSort::Invited => chosen.sort_by_key(|p| (p.invited.is_none(), p.invited)),
        ProgramSort::InterviewFormat => {
            chosen.sort_by_key(|p| (p.interview_format.is_none(), p.interview_format));
        }
        ProgramSort::ThankYou => chosen.sort_by_key(|p| p.thank_you_sent),
        ProgramSort::Contact => chosen.sort_by_cached_key(|p| {
            (
                p.contact.is_none(),
                p.contact.as_deref().map(str::to_lowercase),
            )
        }),
        ProgramSort::FeesPaid => chosen.sort_by_key(|p| Reverse(p.fees_paid)),
        ProgramSort::Step2Cutoff => chosen.sort_by_key(|p| {
            let cutoff = p.requirements.min_step2_score;
            (cutoff.is_none(), cutoff)
        }),
        _ => {}
    }
}
