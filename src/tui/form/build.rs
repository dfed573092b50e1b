//! Opening each form: its fields, in order, filled from the value edited (or blank).

use super::*;
use crate::programs::Tracked;

impl Form {
    /// The form for a new program, its specialty filled from the profile's (most of a list is
    /// one specialty; the field can still be changed or cleared).
    pub fn new_program(profile_specialty: Option<&str>) -> Form {
        let mut form = Form::program(None);
        if let Some(specialty) = profile_specialty.map(str::trim).filter(|s| !s.is_empty())
            && let Some(field) = form.fields.iter_mut().find(|f| f.key == Key::Specialty)
        {
            field.value = FieldValue::Text(Input::new(crate::text::clean_line(specialty)));
        }
        form
    }

    /// The program form, filled from a program (or empty for a new one).
    pub fn program(program: Option<&Program>) -> Form {
        let blank = Program::default();
        let p = program.unwrap_or(&blank);
        let (purpose, title) = match program {
            Some(p) => (
                FormPurpose::EditProgram(p.id),
                format!(" Program · {} ", crate::text::clean_line(&p.name)),
            ),
            None => (FormPurpose::NewProgram, " New program ".to_owned()),
        };
        Form {
            purpose,
            title,
            fields: [
                program_identity(p),
                program_requirements(&p.requirements),
                program_standing(p),
                program_tracking(p),
            ]
            .concat(),
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// The rotation form, filled from a rotation (or with `today` as the start of a new one).
    pub fn rotation(rotation: Option<&Rotation>, today: NaiveDate) -> Form {
        let (purpose, title) = match rotation {
            Some(r) => (
                FormPurpose::EditRotation(r.id),
                format!(" Rotation · {} ", crate::text::clean_line(&r.institution)),
            ),
            None => (FormPurpose::NewRotation, " New rotation ".to_owned()),
        };
        let kind = rotation.map_or(RotationKind::Externship, |r| r.kind);
        let hands_on = rotation.map_or(kind.usually_hands_on(), |r| r.hands_on);
        let letter = rotation.map_or(LetterState::NotRequested, |r| r.letter);
        let start = rotation.map_or(today, |r| r.start);
        let end = rotation.map_or(today + chrono::Days::new(27), |r| r.end);
        Form {
            purpose,
            title,
            fields: vec![
                choice(
                    Key::Kind,
                    "Kind",
                    "Observerships are hands-off and seldom bring strong letters.",
                    RotationKind::ALL.iter().map(|k| k.label()).collect(),
                    position(&RotationKind::ALL, &kind),
                ),
                text(
                    Key::Institution,
                    "Institution",
                    "Hospital or clinic.",
                    rotation.map_or("", |r| r.institution.as_str()),
                ),
                text(
                    Key::Specialty,
                    "Specialty",
                    "Letters in your specialty weigh most.",
                    or_empty(rotation.and_then(|r| r.specialty.as_ref())),
                ),
                text(
                    Key::Start,
                    "Start",
                    "YYYY-MM-DD, M/D/YYYY or D Mon YYYY",
                    &start.to_string(),
                ),
                text(
                    Key::End,
                    "End",
                    "YYYY-MM-DD, M/D/YYYY or D Mon YYYY: the last day.",
                    &end.to_string(),
                ),
                choice(
                    Key::HandsOn,
                    "Hands-on",
                    "Patient care, not only observing.",
                    YES_NO.to_vec(),
                    usize::from(hands_on),
                ),
                text(
                    Key::Supervisor,
                    "Supervisor",
                    "The US physician who could write your letter.",
                    or_empty(rotation.and_then(|r| r.supervisor.as_ref())),
                ),
                choice(
                    Key::Letter,
                    "Letter",
                    "Uploaded means the writer put it in ERAS (LoR Portal).",
                    LetterState::ALL.iter().map(|l| l.label()).collect(),
                    position(&LetterState::ALL, &letter),
                ),
                text(
                    Key::Note,
                    "Note",
                    "One line.",
                    or_empty(rotation.and_then(|r| r.note.as_ref())),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// The programs filter form.
    pub fn filter(filter: &ProgramFilter) -> Form {
        let mut statuses = vec!["any"];
        statuses.extend(ProgramStatus::ALL.iter().map(|s| s.label()));
        let status = filter
            .status
            .map_or(0, |s| position(&ProgramStatus::ALL, &s) + 1);
        Form {
            purpose: FormPurpose::ProgramFilter,
            title: " Filter programs ".to_owned(),
            fields: vec![
                choice(
                    Key::Status,
                    "Status",
                    "Only programs at this point of the pipeline.",
                    statuses,
                    status,
                ),
                text(
                    Key::State,
                    "State",
                    "Two letters; empty for all.",
                    filter.state.as_deref().unwrap_or(""),
                ),
                text(
                    Key::Specialty,
                    "Specialty",
                    "Part of the specialty; empty for all.",
                    filter.specialty.as_deref().unwrap_or(""),
                ),
                text(
                    Key::Words,
                    "Text",
                    "Words in the name, code or note.",
                    filter.text.as_deref().unwrap_or(""),
                ),
                choice(
                    Key::MisfitOnly,
                    "Visa misfits only",
                    "Programs whose visa stance does not fit your choice.",
                    YES_NO.to_vec(),
                    usize::from(filter.misfit_only),
                ),
            ]
            .into_iter()
            .chain(tracking_filter(filter))
            .collect(),
            focus: 0,
            error: None,
            replace: None,
        }
    }

    /// The export dialog: format, CSV table, reminders, open-only, and the file to write
    /// (`directory` joined with the default name for the format).
    pub fn export(options: &ExportOptions, directory: &Path, today: NaiveDate) -> Form {
        let path = directory.join(options.default_file_name(today));
        Form {
            purpose: FormPurpose::Export(today),
            title: " Export the plan ".to_owned(),
            fields: vec![
                choice(
                    Key::Format,
                    "Format",
                    "Text or Markdown summary, calendar for your phone, CSV, or JSON.",
                    Format::ALL.iter().map(|f| f.label()).collect(),
                    position(&Format::ALL, &options.format),
                ),
                choice(
                    Key::Table,
                    "CSV table",
                    "CSV only. Programs re-import with `imgplan import programs`.",
                    Table::ALL.iter().map(|t| t.label()).collect(),
                    position(&Table::ALL, &options.table),
                ),
                text(
                    Key::Alarms,
                    "Reminders (.ics)",
                    "Calendar only: days before each date, e.g. \"14, 3\", or \"none\".",
                    &ics::alarm_days_label(&options.alarm_days),
                ),
                choice(
                    Key::OpenOnly,
                    "Only open tasks",
                    "Calendar and CSV tasks: leave out done and skipped tasks.",
                    YES_NO.to_vec(),
                    usize::from(options.open_only),
                ),
                text(
                    Key::Path,
                    "Save to",
                    "A file, or a folder for the default name; ~ is your home.",
                    &path.display().to_string(),
                ),
            ],
            focus: 0,
            error: None,
            replace: None,
        }
    }
}

/// Who the program is: name, state, specialty, code, service and visa stance.
fn program_identity(p: &Program) -> Vec<FormField> {
    vec![
        text(
            Key::Name,
            "Name",
            "The program's name, e.g. \"Mercy Hospital IM\".",
            &p.name,
        ),
        text(
            Key::State,
            "State",
            "Two letters: NY, CA, TX…",
            p.state.as_deref().unwrap_or(""),
        ),
        text(
            Key::Specialty,
            "Specialty",
            "ERAS fees are counted per specialty.",
            p.specialty.as_deref().unwrap_or(""),
        ),
        text(
            Key::NrmpCode,
            "NRMP code",
            "Optional, e.g. 1234140C0.",
            p.nrmp_code.as_deref().unwrap_or(""),
        ),
        choice(
            Key::Service,
            "Applied through",
            "OB-GYN and EM moved to ResidencyCAS.",
            ApplicationService::ALL.iter().map(|s| s.label()).collect(),
            position(&ApplicationService::ALL, &p.service),
        ),
        choice(
            Key::Visa,
            "Visa stance",
            "\"We sponsor visas\" often means J-1 only: check which.",
            VisaStance::ALL.iter().map(|s| s.label()).collect(),
            position(&VisaStance::ALL, &p.visa),
        ),
    ]
}

/// What the program asks of applicants.
fn program_requirements(r: &Requirements) -> Vec<FormField> {
    vec![
        text(
            Key::MinStep2,
            "Min Step 2 CK",
            "The lowest score it considers; empty if none or unknown.",
            &number_text(r.min_step2_score),
        ),
        text(
            Key::YearsSinceGraduation,
            "Max yrs since grad",
            "Most years since graduation it accepts; empty if none.",
            &number_text(r.max_years_since_graduation),
        ),
        text(
            Key::UsceMonths,
            "USCE months",
            "Months of US clinical experience it asks for.",
            &number_text(r.usce_months),
        ),
        choice(
            Key::Step3BeforeRank,
            "Step 3 before rank",
            "Some H-1B programs rank only applicants with Step 3 passed.",
            YES_NO.to_vec(),
            usize::from(r.step3_before_rank),
        ),
    ]
}

/// Where the application stands: status, interview, note.
fn program_standing(p: &Program) -> Vec<FormField> {
    vec![
        choice(
            Key::Status,
            "Status",
            "Ranked programs join the rank order list.",
            ProgramStatus::ALL.iter().map(|s| s.label()).collect(),
            position(&ProgramStatus::ALL, &p.status),
        ),
        text(
            Key::Interview,
            "Interview date",
            "YYYY-MM-DD, M/D/YYYY or D Mon YYYY; empty if none.",
            &number_text(p.interview),
        ),
        text(
            Key::Note,
            "Note",
            "One line.",
            p.note.as_deref().unwrap_or(""),
        ),
    ]
}

/// What she tracks: priority, signal, dates, interview format, thank-you, contact, fees.
fn program_tracking(p: &Program) -> Vec<FormField> {
    let format = p
        .interview_format
        .map_or(0, |f| position(&InterviewFormat::ALL, &f) + 1);
    vec![
        text(
            Key::Priority,
            "Priority",
            "1 (want most) to 5; empty if not ranked yet.",
            &number_text(p.priority),
        ),
        choice(
            Key::Signal,
            "Signal",
            "The ERAS signal you spent on it, where your specialty uses signals.",
            Signal::ALL.iter().map(|s| s.label()).collect(),
            position(&Signal::ALL, &p.signal),
        ),
        text(
            Key::Applied,
            "Applied on",
            "YYYY-MM-DD, M/D/YYYY or D Mon YYYY; empty if not yet.",
            &number_text(p.applied),
        ),
        text(
            Key::Invited,
            "Invite on",
            "The day the interview invitation came; empty if none.",
            &number_text(p.invited),
        ),
        choice(
            Key::InterviewFormat,
            "Interview format",
            "Virtual or in person, once you know.",
            ["not known", "virtual", "in person"].to_vec(),
            format,
        ),
        choice(
            Key::ThankYou,
            "Thank-you sent",
            "After the interview.",
            YES_NO.to_vec(),
            usize::from(p.thank_you_sent),
        ),
        text(
            Key::Contact,
            "Contact",
            "Coordinator's name, e-mail or phone; one line.",
            p.contact.as_deref().unwrap_or(""),
        ),
        text(
            Key::FeesPaid,
            "Fees paid (USD)",
            "What this program cost you so far, in whole dollars.",
            &number_text(p.fees_paid),
        ),
    ]
}

/// The filter form's fields for what she tracks: priority, signal, one tracked thing.
fn tracking_filter(filter: &ProgramFilter) -> Vec<FormField> {
    let mut signals = vec!["any"];
    signals.extend(Signal::ALL.iter().map(|s| s.label()));
    let mut tracked = vec!["any"];
    tracked.extend(Tracked::ALL.iter().map(|t| t.label()));
    vec![
        text(
            Key::Priority,
            "Priority up to",
            "1 shows priority 1 only, 3 shows 1 to 3; empty for all.",
            &number_text(filter.priority_at_most),
        ),
        choice(
            Key::Signal,
            "Signal",
            "Only programs with this signal (none: without one).",
            signals,
            filter.signal.map_or(0, |s| position(&Signal::ALL, &s) + 1),
        ),
        choice(
            Key::Tracked,
            "Tracked",
            "Applied, invited, interview format, thank-you, contact, fees, Step 2 CK cutoff.",
            tracked,
            filter
                .tracked
                .map_or(0, |t| position(&Tracked::ALL, &t) + 1),
        ),
    ]
}
