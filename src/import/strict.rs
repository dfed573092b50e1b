//! What makes a CSV file unreadable as a whole, checked before any row is read, so a broken
//! file adds nothing instead of adding a wrong plan: text that is not UTF-8 (UTF-16, Latin-1),
//! a quote that never closes or closes in the middle of a cell, too many columns, a cell too
//! long to be one.
//!
//! The quote scan follows the `csv` crate's reading of RFC 4180: a quote opens a quoted cell
//! only at the start of a cell; inside one, `""` is a quote; the closing quote must be followed
//! by the separator, a line end or the end of the file. The `csv` crate forgives the rest (it
//! reads to the end of the file, or glues the text after the closing quote on); here it is an
//! error at the line where the quote opened.

use super::ImportError;

/// Most columns a header may name: a program list has a dozen or two.
pub const MAX_COLUMNS: usize = 256;
/// Longest cell read, in characters: five times the longest note a plan keeps. A longer one is
/// almost always a missing closing quote that swallowed the rows after it.
pub const MAX_CELL_CHARS: usize = 10_000;

/// Refuses text that is not UTF-8, saying what it looks like instead.
pub(crate) fn check_encoding(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ImportError::Encoding {
            line: 1,
            found: "UTF-16 text (it starts with a UTF-16 byte-order mark)".into(),
        });
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let nuls = sample.iter().filter(|b| **b == 0).count();
    if nuls > 0 && nuls * 4 >= sample.len() {
        return Err(ImportError::Encoding {
            line: 1,
            found: "UTF-16 text (every other byte is zero)".into(),
        });
    }
    if let Some(offset) = bytes.iter().position(|b| *b == 0) {
        return Err(ImportError::Encoding {
            line: line_of(bytes, offset),
            found: "a zero byte, which text never holds".into(),
        });
    }
    if let Err(err) = std::str::from_utf8(bytes) {
        return Err(ImportError::Encoding {
            line: line_of(bytes, err.valid_up_to()),
            found: "bytes that are not UTF-8 (Latin-1 or Windows-1252 text?)".into(),
        });
    }
    Ok(())
}

/// The 1-based line of a byte offset (LF, CRLF and a lone CR each end a line).
fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let before = &bytes[..offset.min(bytes.len())];
    let mut line = 1;
    for (index, byte) in before.iter().enumerate() {
        match byte {
            b'\n' => line += 1,
            b'\r' if before.get(index + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
    }
    line
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartOfCell,
    InCell,
    InQuotes,
    /// A quote inside a quoted cell: a doubled quote, or the closing one.
    QuoteInQuotes,
}

/// Refuses a quote that never closes, or whose closing quote is followed by more text in the
/// same cell: both mean a quote is missing or one too many, and the rows after it would be read
/// wrong.
pub(crate) fn check_quotes(bytes: &[u8], delimiter: u8) -> Result<(), ImportError> {
    let mut state = State::StartOfCell;
    let mut line: u64 = 1;
    let mut opened: u64 = 1;
    for (index, &byte) in bytes.iter().enumerate() {
        let line_end = byte == b'\n' || (byte == b'\r' && bytes.get(index + 1) != Some(&b'\n'));
        let separator = byte == delimiter || byte == b'\n' || byte == b'\r';
        state = match state {
            State::StartOfCell if byte == b'"' => {
                opened = line;
                State::InQuotes
            }
            State::StartOfCell | State::InCell if separator => State::StartOfCell,
            State::StartOfCell | State::InCell => State::InCell,
            State::InQuotes if byte == b'"' => State::QuoteInQuotes,
            State::InQuotes => State::InQuotes,
            State::QuoteInQuotes if byte == b'"' => State::InQuotes,
            State::QuoteInQuotes if separator => State::StartOfCell,
            State::QuoteInQuotes => {
                return Err(ImportError::Quote {
                    line: opened,
                    message: if line == opened {
                        "a quoted cell is followed by more text before the next separator: a quote inside a cell must be doubled (\"\")".into()
                    } else {
                        format!(
                            "the quote opened here closes only on line {line}, with more text after it: is a closing quote missing?"
                        )
                    },
                });
            }
        };
        if line_end {
            line += 1;
        }
    }
    if state == State::InQuotes {
        return Err(ImportError::Quote {
            line: opened,
            message: "the quote opened here is never closed: a closing quote is missing".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote_line(text: &str) -> Option<u64> {
        match check_quotes(text.as_bytes(), b',') {
            Ok(()) => None,
            Err(ImportError::Quote { line, .. }) => Some(line),
            Err(other) => panic!("{other}"),
        }
    }

    #[test]
    fn quotes_are_balanced_the_rfc_4180_way() {
        assert_eq!(quote_line("a,\"b, \"\"c\"\"\nd\",e\nf,5'2\" tall\n"), None);
        assert_eq!(quote_line("a\nb,\"never closed\nc\nd\n"), Some(2));
        assert_eq!(quote_line("a\nb,\"closed\"late\n"), Some(2));
        assert_eq!(quote_line("a\n\"stray,b\nc,\"ok\"\n"), Some(2));
        assert_eq!(quote_line("a\r\n\r\n\"x\r\ny"), Some(3));
    }

    #[test]
    fn encodings_other_than_utf8_are_named() {
        assert!(check_encoding("Program\nCafé".as_bytes()).is_ok());
        let utf16: Vec<u8> = "Program\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(check_encoding(&utf16).is_err());
        match check_encoding(b"Program\nCaf\xE9\n") {
            Err(ImportError::Encoding { line, .. }) => assert_eq!(line, 2),
            other => panic!("{other:?}"),
        }
    }
}
