//! Text hygiene and layout helpers shared by the CLI, the exports and the planner.
//!
//! Text typed by the user or read from a plan file can contain control characters or escape
//! sequences (`ESC[2J` clears a screen). They are stripped where text enters the plan and again
//! where it leaves (terminal, export, error messages), so no plan can drive the user's terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether a character must never reach a terminal or a file as-is: C0 and C1 controls, DEL,
/// and the Unicode bidirectional overrides/isolates that can disguise text.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                // The Arabic letter mark (a bidi control) and the zero-width no-break space.
                | '\u{061C}'
                | '\u{FEFF}'
        )
}

/// JSON text with every C1 control, DEL and bidirectional override or isolate written as a
/// `\uXXXX` escape. serde_json escapes C0 controls but writes these as they are, and a terminal
/// or editor showing the file would act on them. They can only occur inside JSON strings, where
/// the escape means the same character, so the JSON reads back the same.
pub fn escape_unsafe_in_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c >= '\u{7f}' && is_unsafe_char(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// A path as a message may show it: one clean line (see [`clean_line`]), so a file name holding
/// an escape sequence cannot drive the terminal it is printed on.
pub fn shown(path: &std::path::Path) -> String {
    clean_line(&path.display().to_string())
}

/// One line of clean text: control characters removed, line breaks and tabs turned into spaces,
/// runs of spaces collapsed and the ends trimmed.
pub fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if is_unsafe_char(c) {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// "1 program", "3 programs": a count with its noun in the right number.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// Display width of text in terminal columns.
pub fn width(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// Cuts text to at most `max` columns, ending with "…" when something was cut.
pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Pads text with spaces to `columns` display columns (wide characters count double).
pub fn pad(text: &str, columns: usize) -> String {
    let w = width(text);
    let mut out = text.to_owned();
    out.extend(std::iter::repeat_n(' ', columns.saturating_sub(w)));
    out
}

/// Breaks text into lines of at most `columns` display columns, at spaces where possible.
pub fn wrap(text: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = if line.is_empty() {
            width(word)
        } else {
            width(&line) + 1 + width(word)
        };
        if needed > columns && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        // A single word wider than the line is split by characters.
        if width(word) > columns {
            for c in word.chars() {
                if width(&line) + c.width().unwrap_or(0) > columns {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        } else {
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Breaks an address into lines of at most `columns`, only after `/`, `?`, `&` or `-`, so every
/// line ends where the address can be read across (a piece with no such place in `columns` is
/// cut by characters, the only way it fits).
pub fn break_url(url: &str, columns: usize) -> Vec<String> {
    let columns = columns.max(1);
    // The address in pieces, each ending just after a break character.
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in url.chars() {
        piece.push(c);
        if matches!(c, '/' | '?' | '&' | '-') {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces {
        if !line.is_empty() && width(&line) + width(&piece) > columns {
            lines.push(std::mem::take(&mut line));
        }
        if width(&piece) > columns {
            for c in piece.chars() {
                if width(&line) + c.width().unwrap_or(0) > columns {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        } else {
            line.push_str(&piece);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_break_only_after_slash_question_ampersand_or_hyphen() {
        assert_eq!(
            break_url("https://www.ecfmg.org/evsp/applicants.html", 31),
            vec!["https://www.ecfmg.org/evsp/", "applicants.html"]
        );
        assert_eq!(
            break_url("https://x.org/a?b=1&c=two-words", 16),
            vec!["https://x.org/a?", "b=1&c=two-words"]
        );
        assert_eq!(
            break_url("https://short.org/", 40),
            vec!["https://short.org/"]
        );
        // No break place within the width: cut by characters, as nothing else fits.
        assert_eq!(break_url("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        for line in break_url(
            "https://www.uscis.gov/working-in-the-united-states/h-1b",
            20,
        ) {
            assert!(width(&line) <= 20, "{line}");
            assert!(
                line.ends_with(['/', '?', '&', '-'])
                    || "https://www.uscis.gov/working-in-the-united-states/h-1b".ends_with(&line),
                "{line}"
            );
        }
    }

    #[test]
    fn json_gets_c1_controls_and_bidi_overrides_escaped() {
        let json = serde_json::to_string("a\u{85}b\u{202e}c\u{2066}d\u{7f}é\n").expect("json");
        let escaped = escape_unsafe_in_json(&json);
        assert_eq!(escaped, "\"a\\u0085b\\u202ec\\u2066d\\u007fé\\n\"");
        let back: String = serde_json::from_str(&escaped).expect("valid JSON");
        assert_eq!(back, "a\u{85}b\u{202e}c\u{2066}d\u{7f}é\n");
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(clean_line("a\u{1b}[2Jb"), "a[2Jb");
        assert_eq!(clean_line("x\u{7}\u{9b}y\u{7f}"), "xy");
        assert_eq!(clean_line("  two\nlines\t here "), "two lines here");
        assert_eq!(clean_line("evil\u{202E}txt"), "eviltxt");
    }

    #[test]
    fn widths_count_wide_characters() {
        assert_eq!(width("漢字"), 4);
        assert_eq!(pad("漢", 4), "漢  ");
        assert_eq!(truncate("漢字漢字", 5), "漢字…");
        assert_eq!(truncate("short", 10), "short");
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }
}
