//! Which programs the list shows and in what order: the filter (status, state, specialty,
//! words, visa misfits) and the sort.

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
}

impl ProgramFilter {
    pub fn is_empty(&self) -> bool {
        *self == ProgramFilter::default()
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
        true
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
}

impl ProgramSort {
    pub const ALL: [ProgramSort; 6] = [
        ProgramSort::Added,
        ProgramSort::Name,
        ProgramSort::State,
        ProgramSort::Specialty,
        ProgramSort::Status,
        ProgramSort::Interview,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProgramSort::Added => "order added",
            ProgramSort::Name => "name",
            ProgramSort::State => "state",
            ProgramSort::Specialty => "specialty",
            ProgramSort::Status => "status",
            ProgramSort::Interview => "interview date",
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
    }
    chosen
}
