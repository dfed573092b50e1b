//! Duplicated keys in a hand-edited plan. RON (like serde's maps) keeps the last of two entries
//! with the same key and drops the first without a word; a plan file must not lose a task's
//! state that way, so the loader refuses the file and names both lines.
//!
//! A small scanner, not a parser: it skips strings (with escapes), raw strings and comments,
//! follows brackets, and within each `{ … }` map reads the key before every `:` at that map's
//! own depth. It never panics and never allocates more than the keys it reads.

use std::collections::HashMap;

/// A key seen twice in one map: its text (as written) and the lines of both entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DuplicateKey {
    pub key: String,
    pub first_line: usize,
    pub second_line: usize,
    /// Column of the second entry (1-based, in characters).
    pub second_col: usize,
}

struct Map {
    keys: HashMap<String, usize>,
    /// The key being read (since the last `{` or `,` at this depth), and where it started.
    pending: String,
    start: Option<(usize, usize)>,
    /// Whether the current entry's key is done (a `:` was seen) until the next `,`.
    in_value: bool,
}

impl Map {
    fn new() -> Map {
        Map {
            keys: HashMap::new(),
            pending: String::new(),
            start: None,
            in_value: false,
        }
    }
}

/// A key as the loader will read it: a quoted key with its escapes decoded, anything else as
/// written.
fn normalised(key: &str) -> String {
    // Without an escape, a quoted key reads as what is between its quotes (no parser needed:
    // a plan has thousands of task keys).
    if key.len() >= 2 && key.starts_with('"') && key.ends_with('"') {
        let inner = &key[1..key.len() - 1];
        if !inner.contains(['\\', '"']) {
            return inner.to_owned();
        }
    }
    if key.starts_with('"') {
        ron::from_str::<String>(key).unwrap_or_else(|_| key.to_owned())
    } else {
        key.to_owned()
    }
}

/// Characters of the text with the line and column of the last one read.
struct Scan<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    col: usize,
}

impl Scan<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.col += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 0;
        }
        Some(c)
    }

    /// After `//`: up to the end of the line.
    fn skip_line_comment(&mut self) {
        while let Some(next) = self.next() {
            if next == '\n' {
                break;
            }
        }
    }

    /// After `/` (with `*` next): up to the closing `*/`. The `*` is not counted as a column.
    fn skip_block_comment(&mut self) {
        self.chars.next();
        let mut previous = ' ';
        while let Some(next) = self.next() {
            if previous == '*' && next == '/' {
                break;
            }
            previous = next;
        }
    }

    /// After an opening `"`: the whole literal as written, quotes and escapes included; kept
    /// only when `keep` (a key), else only read past (a value: most of a plan's text).
    fn string_literal(&mut self, keep: bool) -> String {
        let mut literal = String::new();
        if keep {
            literal.push('"');
        }
        let mut escaped = false;
        while let Some(next) = self.next() {
            if keep {
                literal.push(next);
            }
            if escaped {
                escaped = false;
            } else if next == '\\' {
                escaped = true;
            } else if next == '"' {
                break;
            }
        }
        literal
    }
}

impl Map {
    /// A `:` at this map's depth: the pending key is done; a key seen before is a duplicate.
    fn key_done(&mut self, line: usize, col: usize) -> Option<DuplicateKey> {
        self.in_value = true;
        let key = std::mem::take(&mut self.pending);
        let (key_line, key_col) = self.start.take().unwrap_or((line, col));
        // Compared as RON reads them: `"ecfmg.\u{6f}et"` is `"ecfmg.oet"`.
        let read_as = normalised(&key);
        if let Some(first_line) = self.keys.get(&read_as) {
            return Some(DuplicateKey {
                key,
                first_line: *first_line,
                second_line: key_line,
                second_col: key_col,
            });
        }
        self.keys.insert(read_as, key_line);
        None
    }

    /// Part of a key (outside a value): kept, with where the key started.
    fn key_part(&mut self, part: &str, line: usize, col: usize) {
        if !self.in_value {
            self.start.get_or_insert((line, col));
            self.pending.push_str(part);
        }
    }
}

/// The first duplicated key of any map in `text`, if there is one.
pub(crate) fn find_duplicate(text: &str) -> Option<DuplicateKey> {
    // One entry per open bracket: `Some` for a `{` map, `None` for `(` and `[`.
    let mut stack: Vec<Option<Map>> = Vec::new();
    let mut scan = Scan {
        chars: text.chars().peekable(),
        line: 1,
        col: 0,
    };
    while let Some(c) = scan.next() {
        // Comments and strings first: nothing inside them counts.
        if c == '/' && scan.chars.peek() == Some(&'/') {
            scan.skip_line_comment();
            continue;
        }
        if c == '/' && scan.chars.peek() == Some(&'*') {
            scan.skip_block_comment();
            continue;
        }
        let (line, col) = (scan.line, scan.col);
        let top = stack.last_mut().and_then(Option::as_mut);
        if c == '"' {
            let is_key = top.as_ref().is_some_and(|map| !map.in_value);
            let literal = scan.string_literal(is_key);
            if let Some(map) = top
                && is_key
            {
                map.key_part(&literal, line, col);
            }
            continue;
        }
        match c {
            '{' => stack.push(Some(Map::new())),
            '(' | '[' => stack.push(None),
            '}' | ')' | ']' => {
                stack.pop();
            }
            ':' => {
                if let Some(map) = top
                    && !map.in_value
                    && let Some(duplicate) = map.key_done(line, col)
                {
                    return Some(duplicate);
                }
            }
            ',' => {
                if let Some(map) = top {
                    map.in_value = false;
                    map.pending.clear();
                    map.start = None;
                }
            }
            c if c.is_whitespace() => {}
            c => {
                if let Some(map) = top {
                    map.key_part(c.encode_utf8(&mut [0; 4]), line, col);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_written_with_an_escape_is_the_same_key() {
        let text = "(tasks: {\n  \"ecfmg.oet\": (),\n  \"ecfmg.\\u{6f}et\": (),\n})";
        let duplicate = find_duplicate(text).expect("duplicate");
        assert_eq!((duplicate.first_line, duplicate.second_line), (2, 3));
    }

    #[test]
    fn a_key_twice_in_one_map_is_found_with_both_lines() {
        let text = "(\n tasks: {\n  \"a\": (state: Done),\n  \"b\": (note: \"x: {\\\"a\\\": 1}\"),\n  // \"a\": ignored\n  \"a\": (state: Todo),\n },\n)";
        let found = find_duplicate(text).expect("duplicate");
        assert_eq!(found.key, "\"a\"");
        assert_eq!((found.first_line, found.second_line), (3, 6));
        assert_eq!(found.second_col, 3);
    }

    #[test]
    fn the_same_key_in_two_maps_or_struct_fields_is_fine() {
        assert_eq!(
            find_duplicate("({\"a\": 1}, {\"a\": 2}, (a: 1, a: 2))"),
            None
        );
        assert_eq!(find_duplicate("{A: \"1\", B: \"2\"}"), None);
        assert!(find_duplicate("{A: \"1\", /* c */ A: \"2\"}").is_some());
        // Broken input never panics.
        for text in ["{", "}", "{\"", "{a:", "/*", "{:}", "{\"a\":1,\"a\""] {
            let _ = find_duplicate(text);
        }
    }
}
