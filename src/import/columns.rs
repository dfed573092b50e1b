//! Which column of a spreadsheet holds which field of a program: headers are matched by their
//! words, forgiving case, spacing, punctuation and common variants.

use super::PROGRAM_COLUMNS;

/// The fields of a program a column can fill; the order is that of [`PROGRAM_COLUMNS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Column {
    Name,
    State,
    Specialty,
    NrmpCode,
    Service,
    Visa,
    MinStep2,
    MaxYears,
    UsceMonths,
    Step3,
    Status,
    Interview,
    Note,
    Priority,
    Signal,
    Applied,
    Invited,
    InterviewFormat,
    ThankYou,
    Contact,
    FeesPaid,
}

/// How many columns the importer knows.
pub(super) const COLUMN_COUNT: usize = 21;

/// Other headers people give each column (see `Column::synonyms`).
const NAME_HEADERS: &[&str] = &[
    "programname",
    "program",
    "name",
    "residencyprogram",
    "residencyprogramname",
    "residency",
    "institution",
    "institutionname",
    "hospital",
];

const NRMP_CODE_HEADERS: &[&str] = &[
    "programcode",
    "nrmp",
    "nrmpid",
    "code",
    "nrmpprogramcode",
    "nrmpnumber",
    "programnumber",
];

const SERVICE_HEADERS: &[&str] = &[
    "service",
    "applicationservice",
    "appliedvia",
    "applyvia",
    "applicationsystem",
];

const VISA_HEADERS: &[&str] = &[
    "visa",
    "visas",
    "visasponsorship",
    "visastatus",
    "visastance",
    "visatype",
    "visasaccepted",
    "sponsorship",
    "sponsorsvisa",
    "sponsorsvisas",
];

const MIN_STEP2_HEADERS: &[&str] = &[
    "step2",
    "step2ck",
    "step2ckmin",
    "step2min",
    "minstep2",
    "minstep2ck",
    "minstep2score",
    "minstep2ckscore",
    "step2ckcutoff",
    "step2cutoff",
    "step2ckscore",
    "step2score",
    "minimumstep2",
    "minimumstep2ck",
    "minimumstep2score",
    "minimumstep2ckscore",
];

const MAX_YEARS_HEADERS: &[&str] = &[
    "yog",
    "maxyog",
    "yogcutoff",
    "yearssincegraduation",
    "maxyearssincegraduation",
    "yearssincegrad",
    "maxyearssincegrad",
    "graduationcutoff",
    "yearsofgraduation",
    "yearsfromgraduation",
    "yearsfromgrad",
];

const USCE_MONTHS_HEADERS: &[&str] = &[
    "usce",
    "uscemonths",
    "uscerequired",
    "uscerequiredmonths",
    "uscemonthsrequired",
    "monthsofusce",
];

const STEP3_HEADERS: &[&str] = &[
    "step3",
    "step3required",
    "step3beforerank",
    "step3beforeranking",
    "step3requiredbeforeranking",
    "step3requiredbeforerank",
];

const APPLIED_HEADERS: &[&str] = &[
    "applied",
    "appliedon",
    "dateapplied",
    "applieddate",
    "applicationdate",
    "datesubmitted",
    "submitted",
];

const INVITED_HEADERS: &[&str] = &[
    "invite",
    "invited",
    "invitedate",
    "inviteddate",
    "invitedon",
    "interviewinvite",
    "interviewinvitedate",
    "invitationdate",
    "iidate",
];

const FORMAT_HEADERS: &[&str] = &[
    "interviewformat",
    "format",
    "interviewtype",
    "virtualorinperson",
    "virtualinperson",
    "interviewmode",
];

const THANK_YOU_HEADERS: &[&str] = &[
    "thankyousent",
    "thankyou",
    "thankyounote",
    "thankyounotesent",
    "thankyouemail",
    "tysent",
];

const CONTACT_HEADERS: &[&str] = &[
    "contact",
    "contactperson",
    "coordinator",
    "programcoordinator",
    "coordinatoremail",
    "contactemail",
];

const FEES_HEADERS: &[&str] = &["feespaid", "fees", "feepaid", "paid", "amountpaid"];

impl Column {
    pub(super) const ALL: [Column; COLUMN_COUNT] = [
        Column::Name,
        Column::State,
        Column::Specialty,
        Column::NrmpCode,
        Column::Service,
        Column::Visa,
        Column::MinStep2,
        Column::MaxYears,
        Column::UsceMonths,
        Column::Step3,
        Column::Status,
        Column::Interview,
        Column::Note,
        Column::Priority,
        Column::Signal,
        Column::Applied,
        Column::Invited,
        Column::InterviewFormat,
        Column::ThankYou,
        Column::Contact,
        Column::FeesPaid,
    ];

    /// The canonical header, also used to name the cell in messages.
    pub(super) fn title(self) -> &'static str {
        PROGRAM_COLUMNS[self as usize]
    }

    /// Other headers people give the column, folded by [`fold_header`]. The canonical header
    /// itself always matches.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::Name => NAME_HEADERS,
            Column::State => &["st", "state", "programstate", "stateabbreviation"],
            Column::Specialty => &["specialty", "speciality", "programspecialty", "field"],
            Column::NrmpCode => NRMP_CODE_HEADERS,
            Column::Service => SERVICE_HEADERS,
            Column::Visa => VISA_HEADERS,
            Column::MinStep2 => MIN_STEP2_HEADERS,
            Column::MaxYears => MAX_YEARS_HEADERS,
            Column::UsceMonths => USCE_MONTHS_HEADERS,
            Column::Step3 => STEP3_HEADERS,
            Column::Status => &["status", "applicationstatus", "stage", "appstatus"],
            Column::Interview => &["interview", "interviewdate", "interviewday"],
            Column::Note => &["note", "notes", "comment", "comments", "remarks"],
            Column::Priority => &["priority", "pri", "tier", "interest"],
            Column::Signal => &[
                "signal",
                "signals",
                "programsignal",
                "signaled",
                "signalsent",
            ],
            Column::Applied => APPLIED_HEADERS,
            Column::Invited => INVITED_HEADERS,
            Column::InterviewFormat => FORMAT_HEADERS,
            Column::ThankYou => THANK_YOU_HEADERS,
            Column::Contact => CONTACT_HEADERS,
            Column::FeesPaid => FEES_HEADERS,
        }
    }

    pub(super) fn for_header(header: &str) -> Option<Column> {
        let folded = fold_header(header);
        if folded.is_empty() {
            return None;
        }
        Column::ALL.into_iter().find(|column| {
            fold_header(column.title()) == folded || column.synonyms().contains(&folded.as_str())
        })
    }
}

/// A header with case, spaces, punctuation and underscores taken out ("VISA sponsorship " →
/// "visasponsorship"), so only the words decide what a column is.
pub(super) fn fold_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The canonical column (one of [`PROGRAM_COLUMNS`]) a header is read as, if any.
pub fn canonical_column(header: &str) -> Option<&'static str> {
    Column::for_header(header).map(Column::title)
}
