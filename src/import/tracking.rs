//! The cells of what an applicant tracks about a program: priority, signal, applied and invite
//! dates, interview format, thank-you, contact and fees paid.

use super::cells::{clean_text, parse_yes_no};
use super::columns::Column;
use super::row::{date_cell, quoted};
use crate::plan::MAX_TITLE_CHARS;
use crate::programs::{InterviewFormat, Program, Signal, parse_dollars, parse_priority};

/// Fills the tracking fields of `program` from the row's cells; a cell that cannot be read is
/// left empty and named in `problems`.
pub(super) fn read_tracking<'a>(
    program: &mut Program,
    cell: &impl Fn(Column) -> &'a str,
    problems: &mut Vec<String>,
) {
    let mut say = |column: Column, text: &str, why: &str| {
        problems.push(format!("{} {} {why}", column.title(), quoted(text)));
    };
    let priority = cell(Column::Priority);
    program.priority = parse_priority(priority).unwrap_or_else(|_| {
        say(
            Column::Priority,
            priority,
            "is not a priority: write 1 (highest) to 5, or leave it empty",
        );
        None
    });
    let signal = cell(Column::Signal);
    program.signal = Signal::parse(signal).unwrap_or_else(|| {
        say(
            Column::Signal,
            signal,
            "is not understood; write gold, silver or none",
        );
        Signal::None
    });
    let format = cell(Column::InterviewFormat);
    program.interview_format = InterviewFormat::parse(format).unwrap_or_else(|why| {
        say(Column::InterviewFormat, format, why);
        None
    });
    let thank_you = cell(Column::ThankYou);
    program.thank_you_sent = parse_yes_no(thank_you).unwrap_or_else(|| {
        say(
            Column::ThankYou,
            thank_you,
            "is not understood; write yes or no (or leave it empty)",
        );
        false
    });
    let fees = cell(Column::FeesPaid);
    program.fees_paid = parse_dollars(fees).unwrap_or_else(|_| {
        say(
            Column::FeesPaid,
            fees,
            "is not an amount: write whole US dollars, e.g. 120",
        );
        None
    });
    let contact = clean_text(cell(Column::Contact));
    let chars = contact.chars().count();
    if chars > MAX_TITLE_CHARS {
        problems.push(format!(
            "{} is {chars} characters long, over the limit of {MAX_TITLE_CHARS}",
            Column::Contact.title()
        ));
    } else if !contact.is_empty() {
        program.contact = Some(contact);
    }
    program.applied = date_cell(Column::Applied, cell(Column::Applied), problems);
    program.invited = date_cell(Column::Invited, cell(Column::Invited), problems);
}
