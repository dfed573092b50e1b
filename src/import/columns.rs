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
}

impl Column {
    pub(super) const ALL: [Column; 13] = [
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
    ];

    /// The canonical header, also used to name the cell in messages.
    pub(super) fn title(self) -> &'static str {
        PROGRAM_COLUMNS[self as usize]
    }

    /// Other headers people give the column, folded by [`fold_header`]. The canonical header
    /// itself always matches.
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Column::Name => &[
                "programname",
                "program",
                "name",
                "residencyprogram",
                "residencyprogramname",
                "residency",
                "institution",
                "institutionname",
                "hospital",
            ],
            Column::State => &["st", "state", "programstate", "stateabbreviation"],
            Column::Specialty => &["specialty", "speciality", "programspecialty", "field"],
            Column::NrmpCode => &[
                "programcode",
                "nrmp",
                "nrmpid",
                "code",
                "nrmpprogramcode",
                "nrmpnumber",
                "programnumber",
            ],
            Column::Service => &[
                "service",
                "applicationservice",
                "appliedvia",
                "applyvia",
                "applicationsystem",
            ],
            Column::Visa => &[
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
            ],
            Column::MinStep2 => &[
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
            ],
            Column::MaxYears => &[
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
            ],
            Column::UsceMonths => &[
                "usce",
                "uscemonths",
                "uscerequired",
                "uscerequiredmonths",
                "uscemonthsrequired",
                "monthsofusce",
            ],
            Column::Step3 => &[
                "step3",
                "step3required",
                "step3beforerank",
                "step3beforeranking",
                "step3requiredbeforeranking",
                "step3requiredbeforerank",
            ],
            Column::Status => &["status", "applicationstatus", "stage", "appstatus"],
            Column::Interview => &["interview", "interviewdate", "interviewday"],
            Column::Note => &["note", "notes", "comment", "comments", "remarks"],
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
