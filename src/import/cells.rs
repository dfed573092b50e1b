//! Reading one cell: text cleaned of escape sequences, numbers, yes/no, services and dates as
//! spreadsheets write them.

use super::columns::{Column, fold_header};
use super::row::quoted;
use crate::programs::ApplicationService;
use crate::text::clean_line;

/// A text cell as the plan may keep it: terminal escape sequences removed whole (a colour code
/// pasted from a terminal would otherwise leave "[31m" behind), then one clean line. Its length
/// is checked by the caller: text over a limit is a problem, never cut.
pub(super) fn clean_text(text: &str) -> String {
    clean_line(&strip_escape_sequences(text))
}

/// Removes ANSI escape sequences: CSI (`ESC [` … final byte, or C1 `U+009B` …), OSC (`ESC ]` …
/// BEL or `ESC \`) and two-character escapes. A lone control character is left for
/// [`clean_line`], which drops it.
pub(super) fn strip_escape_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let csi = match c {
            '\u{1b}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    true
                }
                Some(']') => {
                    chars.next();
                    // OSC: up to BEL or ESC \ (string terminator).
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' {
                            break;
                        }
                        if c == '\u{1b}' {
                            if chars.peek() == Some(&'\\') {
                                chars.next();
                            }
                            break;
                        }
                    }
                    continue;
                }
                Some(next) if ('\u{40}'..='\u{7e}').contains(next) => {
                    chars.next();
                    continue;
                }
                _ => continue,
            },
            '\u{9b}' => true,
            _ => {
                out.push(c);
                continue;
            }
        };
        if csi {
            // Parameter and intermediate bytes, then one final byte (0x40–0x7E).
            while let Some(&c) = chars.peek() {
                if ('\u{20}'..='\u{3f}').contains(&c) {
                    chars.next();
                } else {
                    if ('\u{40}'..='\u{7e}').contains(&c) {
                        chars.next();
                    }
                    break;
                }
            }
        }
    }
    out
}

/// A whole number in a cell: "230", " 230 ", "230+", "≥230", ">= 230"; empty, "-", "n/a" and
/// "none" mean not given. Records a problem and gives `None` for anything else.
pub(super) fn number<T: TryFrom<u64>>(
    column: Column,
    text: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    match parse_number(text) {
        Ok(None) => None,
        Ok(Some(value)) => match T::try_from(value) {
            Ok(value) => Some(value),
            Err(_) => {
                problems.push(format!("{} {} is too large", column.title(), quoted(text)));
                None
            }
        },
        Err(()) => {
            problems.push(format!(
                "{} {} is not a whole number",
                column.title(),
                quoted(text)
            ));
            None
        }
    }
}

pub(super) fn parse_number(text: &str) -> Result<Option<u64>, ()> {
    let text = text.trim();
    if text.is_empty()
        || matches!(
            text.to_lowercase().as_str(),
            "-" | "—" | "n/a" | "na" | "none"
        )
    {
        return Ok(None);
    }
    let digits = text
        .strip_prefix(">=")
        .or_else(|| text.strip_prefix('≥'))
        .or_else(|| text.strip_prefix('>'))
        .unwrap_or(text);
    let digits = digits.strip_suffix('+').unwrap_or(digits).trim();
    // `u64::from_str` would also take a leading '+'; only plain digits are a number here.
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    digits.parse().map(Some).map_err(|_| ())
}

/// Yes or no as spreadsheets write it; empty is no. `None` when it is neither.
pub(super) fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "yes" | "y" | "true" | "1" | "x" | "✓" | "✔" => Some(true),
        "" | "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}

/// "ERAS", "ResidencyCAS"/"Residency CAS"; any other service named is Other, none is ERAS
/// (where almost every program is).
pub(super) fn parse_service(text: &str) -> ApplicationService {
    match fold_header(text).as_str() {
        "" | "eras" => ApplicationService::Eras,
        "residencycas" => ApplicationService::ResidencyCas,
        _ => ApplicationService::Other,
    }
}
