//! Multi-field forms: a program, a rotation, the programs filter. A form is a list of text and
//! choice fields; it is read back into a core value as a whole on Enter, and any field that does
//! not read well is named with the reason, so the user fixes it in place.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use tui_input::Input;

use crate::calendar::{MATCH_YEARS, parse_date};
use crate::export::sheet::Table;
use crate::export::{ExportOptions, Format, default_file_name, ics};
use crate::ids::{ProgramId, RotationId};
use crate::plan::{MAX_NOTE_CHARS, MAX_TITLE_CHARS};
use crate::programs::{
    ApplicationService, InterviewFormat, Program, ProgramFilter, ProgramStatus, Requirements,
    Signal, VisaStance,
};
use crate::usce::{LetterState, MAX_NAME_CHARS, Rotation, RotationKind};

/// What a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormPurpose {
    NewProgram,
    EditProgram(ProgramId),
    NewRotation,
    EditRotation(RotationId),
    ProgramFilter,
    /// The export dialog, opened on this day (default file names carry the date).
    Export(NaiveDate),
    /// The profile: applied as a whole on Enter; every season date follows its Match year.
    Profile,
    /// A line of the budget (index into the template's budget): planned and paid.
    BudgetLine(usize),
    /// The budget's display currency and rate.
    Currency,
    NewLetter,
    EditLetter(crate::letters::LetterId),
    /// How many letters a program asks for.
    LettersAsked(ProgramId),
    NewPractice,
    EditPractice(crate::practice::PracticeId),
    /// The Step 2 CK score aimed for.
    PracticeTarget,
}

/// A field's value: free text, or one of a few options cycled with ←/→.
#[derive(Debug, Clone)]
pub enum FieldValue {
    Text(Input),
    Choice {
        options: Vec<&'static str>,
        index: usize,
    },
}

/// Which field of a form: forms are read back by these, so a mistyped field is a compile error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Alarms,
    Category,
    Citizenship,
    End,
    Format,
    Graduation,
    GraduationExpected,
    HandsOn,
    InUs,
    Institution,
    Interview,
    Kind,
    Letter,
    LetterTarget,
    MatchYear,
    MinStep2,
    MisfitOnly,
    Name,
    Note,
    NrmpCode,
    OpenOnly,
    Path,
    Service,
    Specialty,
    Start,
    State,
    Status,
    Step2Score,
    Step3BeforeRank,
    Supervisor,
    Table,
    UsceMonths,
    Visa,
    Words,
    YearsSinceGraduation,
    Priority,
    Signal,
    Applied,
    Invited,
    InterviewFormat,
    ThankYou,
    Contact,
    FeesPaid,
    Tracked,
    LettersAsked,
    FormName,
    Taken,
    Score,
    Target,
    LetterKind,
    Progress,
    Rotation,
    Programs,
    Writer,
    Planned,
    Paid,
    PaidOn,
    CurrencyCode,
    Rate,
}

#[derive(Debug, Clone)]
pub struct FormField {
    /// Stable key the form is read back by.
    pub key: Key,
    pub label: &'static str,
    /// Shown under the form while the field has focus.
    pub hint: &'static str,
    pub value: FieldValue,
    /// Not yet touched since it gained focus: the first typed character replaces its text.
    pub fresh: bool,
}

/// An open form.
#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: FormPurpose,
    pub title: String,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub error: Option<String>,
    /// Export dialog: the existing file the user was warned about; Enter again replaces it.
    pub replace: Option<PathBuf>,
}

/// A field that did not read: its key and why.
pub type FieldError = (Key, String);

fn text(key: Key, label: &'static str, hint: &'static str, value: &str) -> FormField {
    FormField {
        key,
        label,
        hint,
        value: FieldValue::Text(Input::new(crate::text::clean_line(value))),
        fresh: true,
    }
}

fn choice(
    key: Key,
    label: &'static str,
    hint: &'static str,
    options: Vec<&'static str>,
    index: usize,
) -> FormField {
    FormField {
        key,
        label,
        hint,
        value: FieldValue::Choice { options, index },
        fresh: true,
    }
}

fn or_empty(value: Option<&String>) -> &str {
    value.map_or("", String::as_str)
}

fn position<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

fn number_text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

const YES_NO: [&str; 2] = ["no", "yes"];

mod budget;
mod build;
mod letters;
mod practice;
mod profile;

/// Checks a typed date (any way the date reader reads) within the years a plan can span.
fn typed_date(value: &str) -> Result<NaiveDate, String> {
    let date = parse_date(value)?;
    if !MATCH_YEARS.contains(&date.year()) {
        return Err(format!(
            "{date} is outside {}–{}: check the year",
            MATCH_YEARS.start(),
            MATCH_YEARS.end()
        ));
    }
    Ok(date)
}

/// A typed date where empty means "none" (back to the rule, no graduation date).
pub(crate) fn optional_date(value: &str) -> Result<Option<NaiveDate>, String> {
    let value = value.trim();
    if value.is_empty() {
        Ok(None)
    } else {
        typed_date(value).map(Some)
    }
}

impl Form {
    /// Reads the export dialog: the options (starting from `base`) and the path as typed. The
    /// reminders are read only for a calendar, so a leftover typo there never blocks a summary.
    pub fn to_export(&self, base: &ExportOptions) -> Result<(ExportOptions, String), FieldError> {
        let mut options = base.clone();
        (options.format, options.table) = self.export_format();
        if options.format == Format::Calendar {
            options.alarm_days =
                ics::parse_alarm_days(&self.text_of(Key::Alarms)).map_err(|e| (Key::Alarms, e))?;
        }
        options.open_only = self.index_of(Key::OpenOnly) == 1;
        let path = self.text_of(Key::Path);
        if crate::text::clean_line(&path).is_empty() {
            return Err((Key::Path, "name a file to write, e.g. ~/plan.md".into()));
        }
        if path.chars().any(crate::text::is_unsafe_char) {
            return Err((Key::Path, "the path has control characters in it".into()));
        }
        Ok((options, path))
    }

    /// After any edit: the old error no longer applies, and an agreement to replace an existing
    /// file was for the form as it was, so it is withdrawn (Enter asks again).
    pub fn edited(&mut self) {
        self.error = None;
        self.replace = None;
    }

    /// What Enter does, for the key line under the form.
    pub fn submit_label(&self) -> &'static str {
        match self.purpose {
            FormPurpose::Export(_) => "writes the file",
            FormPurpose::ProgramFilter => "applies",
            _ => "saves",
        }
    }

    pub fn field(&self) -> Option<&FormField> {
        self.fields.get(self.focus)
    }

    pub fn field_mut(&mut self) -> Option<&mut FormField> {
        self.fields.get_mut(self.focus)
    }

    /// Keeps fields that depend on a choice in step: choosing a rotation's kind sets hands-on to
    /// what that kind usually is (an observership is hands-off), which the user can still change.
    pub fn follow_choice(&mut self) {
        if let FormPurpose::Export(today) = self.purpose {
            self.follow_export_choice(today);
            return;
        }
        if self.field().map(|f| f.key) != Some(Key::Kind) {
            return;
        }
        let kind = RotationKind::ALL
            .get(self.index_of(Key::Kind))
            .copied()
            .unwrap_or_default();
        if let Some(FormField {
            value: FieldValue::Choice { index, .. },
            ..
        }) = self.fields.iter_mut().find(|f| f.key == Key::HandsOn)
        {
            *index = usize::from(kind.usually_hands_on());
        }
    }

    /// In the export dialog, a file name that is still a default name follows the format and
    /// table (`….txt` becomes `….md`); a name the user typed is left alone.
    fn follow_export_choice(&mut self, today: NaiveDate) {
        let (format, table) = self.export_format();
        let path = PathBuf::from(self.text_of(Key::Path));
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return;
        };
        let is_default = Format::ALL.iter().any(|format| {
            Table::ALL
                .iter()
                .any(|table| default_file_name(*format, *table, today) == name)
        });
        if !is_default {
            return;
        }
        let renamed = path.with_file_name(default_file_name(format, table, today));
        if let Some(FormField {
            value: FieldValue::Text(input),
            ..
        }) = self.fields.iter_mut().find(|f| f.key == Key::Path)
        {
            *input = Input::new(renamed.display().to_string());
        }
    }

    /// The export dialog's format and CSV table.
    fn export_format(&self) -> (Format, Table) {
        let format = Format::ALL
            .get(self.index_of(Key::Format))
            .copied()
            .unwrap_or_default();
        let table = Table::ALL
            .get(self.index_of(Key::Table))
            .copied()
            .unwrap_or_default();
        (format, table)
    }

    /// Moves the focus to the field with this key.
    pub fn focus_on(&mut self, key: Key) {
        if let Some(index) = self.fields.iter().position(|f| f.key == key) {
            self.move_focus(index);
        }
    }

    /// Moves the focus to a field, which starts fresh: typing replaces its text, a cursor key
    /// keeps it to edit.
    pub fn move_focus(&mut self, index: usize) {
        self.focus = index;
        if let Some(field) = self.fields.get_mut(index) {
            field.fresh = true;
        }
    }

    /// The text in a field, trimmed (empty for a choice or a missing field).
    pub fn text_of(&self, key: Key) -> String {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| match &f.value {
                FieldValue::Text(input) => Some(input.value().trim().to_owned()),
                FieldValue::Choice { .. } => None,
            })
            .unwrap_or_default()
    }

    /// The option chosen in a choice field (0 for a text field or a key the form lacks).
    pub fn index_of(&self, key: Key) -> usize {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| match &f.value {
                FieldValue::Choice { index, .. } => Some(*index),
                FieldValue::Text(_) => None,
            })
            .unwrap_or(0)
    }

    fn optional(&self, key: Key) -> Option<String> {
        Some(self.text_of(key)).filter(|t| !t.is_empty())
    }

    /// A text field the plan keeps: refused on the field when over `max` characters.
    fn checked(
        &self,
        key: Key,
        max: usize,
        what: &'static str,
    ) -> Result<Option<String>, FieldError> {
        match self.optional(key) {
            None => Ok(None),
            Some(text) => crate::plan::checked_field(&text, max, what)
                .map(Some)
                .map_err(|err| (key, err.to_string())),
        }
    }

    fn number<T: std::str::FromStr>(&self, key: Key, what: &str) -> Result<Option<T>, FieldError> {
        match self.optional(key) {
            None => Ok(None),
            Some(text) => text.parse::<T>().map(Some).map_err(|_| {
                (
                    key,
                    format!("{:?} is not {what}", crate::text::clean_line(&text)),
                )
            }),
        }
    }

    fn date(&self, key: Key) -> Result<Option<NaiveDate>, FieldError> {
        match self.optional(key) {
            None => Ok(None),
            Some(text) => parse_date(&text).map(Some).map_err(|err| (key, err)),
        }
    }

    /// Reads the program form. State and code are checked here so the error lands on the field.
    /// The program the form describes: `id` is the program edited, `None` for a new one (the
    /// plan numbers it when it is added).
    pub fn to_program(&self, id: Option<ProgramId>) -> Result<Program, FieldError> {
        let name = self.text_of(Key::Name);
        if crate::text::clean_line(&name).is_empty() {
            return Err((Key::Name, "a program needs a name".into()));
        }
        self.checked(Key::Name, MAX_TITLE_CHARS, "the name")?;
        let specialty = self.checked(Key::Specialty, MAX_TITLE_CHARS, "the specialty")?;
        let note = self.checked(Key::Note, MAX_NOTE_CHARS, "the note")?;
        let state = match self.optional(Key::State) {
            Some(state) => Some(crate::programs::parse_state(&state).map_err(|e| (Key::State, e))?),
            None => None,
        };
        let nrmp_code = match self.optional(Key::NrmpCode) {
            Some(code) => {
                Some(crate::programs::parse_nrmp_code(&code).map_err(|e| (Key::NrmpCode, e))?)
            }
            None => None,
        };
        let min_step2_score: Option<u16> =
            self.number(Key::MinStep2, "a score (a whole number)")?;
        if crate::rules::step2_score(min_step2_score).is_err() {
            return Err((Key::MinStep2, "a Step 2 CK score is at most 300".into()));
        }
        Ok(Program {
            id: id.unwrap_or_default(),
            name,
            state,
            specialty,
            nrmp_code,
            service: ApplicationService::ALL
                .get(self.index_of(Key::Service))
                .copied()
                .unwrap_or_default(),
            visa: VisaStance::ALL
                .get(self.index_of(Key::Visa))
                .copied()
                .unwrap_or_default(),
            requirements: Requirements {
                min_step2_score,
                max_years_since_graduation: self
                    .number(Key::YearsSinceGraduation, "a number of years (0-255)")?,
                usce_months: self.number(Key::UsceMonths, "a number of months (0-255)")?,
                step3_before_rank: self.index_of(Key::Step3BeforeRank) == 1,
            },
            status: ProgramStatus::ALL
                .get(self.index_of(Key::Status))
                .copied()
                .unwrap_or_default(),
            interview: self.date(Key::Interview)?,
            note,
            ..self.program_tracking()?
        })
    }

    /// The tracking fields of the program form (priority to fees paid), on a default program.
    fn program_tracking(&self) -> Result<Program, FieldError> {
        let priority = crate::programs::parse_priority(&self.text_of(Key::Priority))
            .map_err(|e| (Key::Priority, e))?;
        let fees_paid = crate::programs::parse_dollars(&self.text_of(Key::FeesPaid))
            .map_err(|e| (Key::FeesPaid, e))?;
        let format = self.index_of(Key::InterviewFormat);
        Ok(Program {
            priority,
            signal: Signal::ALL
                .get(self.index_of(Key::Signal))
                .copied()
                .unwrap_or_default(),
            applied: self.date(Key::Applied)?,
            invited: self.date(Key::Invited)?,
            interview_format: format
                .checked_sub(1)
                .and_then(|i| InterviewFormat::ALL.get(i).copied()),
            thank_you_sent: self.index_of(Key::ThankYou) == 1,
            contact: self.checked(Key::Contact, MAX_TITLE_CHARS, "the contact")?,
            fees_paid,
            ..Program::default()
        })
    }

    /// Reads the rotation form.
    /// The rotation the form describes: `id` is the rotation edited, `None` for a new one.
    pub fn to_rotation(&self, id: Option<RotationId>) -> Result<Rotation, FieldError> {
        let institution = self.text_of(Key::Institution);
        if crate::text::clean_line(&institution).is_empty() {
            return Err((Key::Institution, "a rotation needs an institution".into()));
        }
        self.checked(Key::Institution, MAX_NAME_CHARS, "the institution")?;
        let specialty = self.checked(Key::Specialty, MAX_NAME_CHARS, "the specialty")?;
        let supervisor = self.checked(Key::Supervisor, MAX_NAME_CHARS, "the supervisor")?;
        let note = self.checked(Key::Note, MAX_NOTE_CHARS, "the note")?;
        let start = self
            .date(Key::Start)?
            .ok_or((Key::Start, "a rotation needs a start date".to_owned()))?;
        let end = self
            .date(Key::End)?
            .ok_or((Key::End, "a rotation needs an end date".to_owned()))?;
        if end < start {
            return Err((
                Key::End,
                format!("the end ({end}) is before the start ({start})"),
            ));
        }
        Ok(Rotation {
            id: id.unwrap_or_default(),
            kind: RotationKind::ALL
                .get(self.index_of(Key::Kind))
                .copied()
                .unwrap_or_default(),
            institution,
            specialty,
            start,
            end,
            hands_on: self.index_of(Key::HandsOn) == 1,
            supervisor,
            letter: LetterState::ALL
                .get(self.index_of(Key::Letter))
                .copied()
                .unwrap_or_default(),
            note,
        })
    }

    /// Reads the filter form.
    pub fn to_filter(&self) -> Result<ProgramFilter, FieldError> {
        let state = match self.optional(Key::State) {
            Some(state) => Some(crate::programs::parse_state(&state).map_err(|e| (Key::State, e))?),
            None => None,
        };
        Ok(ProgramFilter {
            status: self
                .index_of(Key::Status)
                .checked_sub(1)
                .and_then(|i| ProgramStatus::ALL.get(i).copied()),
            state,
            specialty: self.optional(Key::Specialty),
            text: self.optional(Key::Words),
            misfit_only: self.index_of(Key::MisfitOnly) == 1,
            priority_at_most: crate::programs::parse_priority(&self.text_of(Key::Priority))
                .map_err(|e| (Key::Priority, e))?,
            signal: self
                .index_of(Key::Signal)
                .checked_sub(1)
                .and_then(|i| Signal::ALL.get(i).copied()),
            tracked: self
                .index_of(Key::Tracked)
                .checked_sub(1)
                .and_then(|i| crate::programs::Tracked::ALL.get(i).copied()),
            // Filled from the profile by the caller.
            step2_score: None,
        })
    }
}
