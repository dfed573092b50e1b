//! The profile form: the profile's fields, filled from the plan and applied as a whole on Enter.

use tui_input::Input;

use crate::journey::VisaChoice;
use crate::plan::{ApplicantCategory, Plan};

/// The profile form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    Name,
    MatchYear,
    Visa,
    Category,
    Specialty,
    Graduation,
    GraduationExpected,
    Step2Score,
    LetterTarget,
    Citizenship,
    InUs,
}

impl ProfileField {
    pub const ALL: [ProfileField; 11] = [
        ProfileField::Name,
        ProfileField::MatchYear,
        ProfileField::Visa,
        ProfileField::Category,
        ProfileField::Specialty,
        ProfileField::Graduation,
        ProfileField::GraduationExpected,
        ProfileField::Step2Score,
        ProfileField::LetterTarget,
        ProfileField::Citizenship,
        ProfileField::InUs,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "Name",
            ProfileField::MatchYear => "Target Match year",
            ProfileField::Visa => "Visa",
            ProfileField::Category => "NRMP category",
            ProfileField::Specialty => "Specialty",
            ProfileField::Graduation => "Graduation date",
            ProfileField::GraduationExpected => "Graduation is",
            ProfileField::Step2Score => "Step 2 CK score",
            ProfileField::LetterTarget => "Letters to aim for",
            ProfileField::Citizenship => "Citizenship",
            ProfileField::InUs => "In the US now",
        }
    }

    pub fn is_choice(self) -> bool {
        matches!(
            self,
            ProfileField::Visa
                | ProfileField::Category
                | ProfileField::GraduationExpected
                | ProfileField::InUs
        )
    }
}

/// The profile being edited; applied as a whole on Enter.
#[derive(Debug, Clone)]
pub struct ProfileForm {
    pub focus: usize,
    pub name: Input,
    pub match_year: Input,
    pub visa: VisaChoice,
    pub category: ApplicantCategory,
    pub specialty: Input,
    pub graduation: Input,
    pub graduation_expected: bool,
    pub step2_score: Input,
    pub letter_target: Input,
    /// ISO codes or English names, comma-separated.
    pub citizenship: Input,
    pub in_us: Option<bool>,
    pub error: Option<String>,
}

impl ProfileForm {
    pub fn from_plan(plan: &Plan) -> ProfileForm {
        let profile = &plan.profile;
        let text = |value: Option<&str>| Input::new(value.unwrap_or_default().to_owned());
        ProfileForm {
            focus: 0,
            name: text(profile.name.as_deref()),
            match_year: Input::new(profile.match_year.to_string()),
            visa: profile.visa,
            category: profile.category,
            specialty: text(profile.specialty.as_deref()),
            graduation: Input::new(
                profile
                    .graduation
                    .map(|g| g.date.to_string())
                    .unwrap_or_default(),
            ),
            graduation_expected: profile.graduation.is_none_or(|g| g.expected),
            step2_score: Input::new(
                profile
                    .step2_score
                    .map(|s| s.to_string())
                    .unwrap_or_default(),
            ),
            letter_target: Input::new(
                plan.letter_target
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            ),
            citizenship: Input::new(profile.citizenship.join(", ")),
            in_us: profile.in_us,
            error: None,
        }
    }

    pub fn field(&self) -> ProfileField {
        ProfileField::ALL[self.focus.min(ProfileField::ALL.len() - 1)]
    }

    /// The text input of a text field.
    pub fn input(&self, field: ProfileField) -> Option<&Input> {
        match field {
            ProfileField::Name => Some(&self.name),
            ProfileField::MatchYear => Some(&self.match_year),
            ProfileField::Specialty => Some(&self.specialty),
            ProfileField::Graduation => Some(&self.graduation),
            ProfileField::Step2Score => Some(&self.step2_score),
            ProfileField::LetterTarget => Some(&self.letter_target),
            ProfileField::Citizenship => Some(&self.citizenship),
            _ => None,
        }
    }

    pub fn input_mut(&mut self, field: ProfileField) -> Option<&mut Input> {
        match field {
            ProfileField::Name => Some(&mut self.name),
            ProfileField::MatchYear => Some(&mut self.match_year),
            ProfileField::Specialty => Some(&mut self.specialty),
            ProfileField::Graduation => Some(&mut self.graduation),
            ProfileField::Step2Score => Some(&mut self.step2_score),
            ProfileField::LetterTarget => Some(&mut self.letter_target),
            ProfileField::Citizenship => Some(&mut self.citizenship),
            _ => None,
        }
    }
}
