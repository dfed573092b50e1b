//! The undo history of a plan, kept as what each change did to the plan's file text rather than
//! as copies of the plan.
//!
//! # Why the text, line by line
//!
//! A copy of the plan per change cost 3 MB at 10,000 items, 200 times over. A history of typed
//! inverse operations would need a new operation every time the plan gains a field or a kind
//! of change, and would drift from the plan as helpers add to it. The plan file's text already
//! names every field, is canonical (the same plan always serialises to the same text), and puts
//! one task, program or date per line; so a change is stored as the few lines it changed (a line
//! diff), which stays right for every field added later without any code here changing. Memory
//! is the current text (about the file's size) plus a few lines per change, within the 1.3×
//! budget at every size. The cost is paid on undo and redo, not on the change: going back
//! rebuilds the earlier text from the patch and reads it as a plan (a parse, tens of
//! milliseconds at 10,000 items), which a user does far less often than change things.
//!
//! The diff is Myers' O(ND) on the lines between the common start and end; a change spread over
//! more than [`MAX_EDITS`] lines falls back to one block from the first to the last changed line
//! (still right, only larger).

use std::sync::Arc;

/// Changes kept; older ones are forgotten.
pub const UNDO_DEPTH: usize = 200;

/// Edits beyond which the diff stops looking for the shortest script and keeps one block.
const MAX_EDITS: usize = 256;

/// Lines `[at, at + removed)` of the source text are replaced by `inserted` (whole lines, line
/// ends included).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Hunk {
    at: usize,
    removed: usize,
    inserted: String,
}

/// What turns one text into another: hunks in line order, positions in the source text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Patch {
    hunks: Vec<Hunk>,
}

impl Patch {
    /// The patch that turns `from` into `to`.
    pub fn between(from: &str, to: &str) -> Patch {
        let a: Vec<&str> = from.split_inclusive('\n').collect();
        let b: Vec<&str> = to.split_inclusive('\n').collect();
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suffix = a[prefix..]
            .iter()
            .rev()
            .zip(b[prefix..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let (a_mid, b_mid) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
        if a_mid.is_empty() && b_mid.is_empty() {
            return Patch::default();
        }
        let hunks = match edit_script(a_mid, b_mid) {
            Some(edits) => group(&edits, b_mid, prefix),
            None => vec![Hunk {
                at: prefix,
                removed: a_mid.len(),
                inserted: b_mid.concat(),
            }],
        };
        Patch { hunks }
    }

    /// The text this patch makes of `source`, or `None` when `source` is too short for it (a
    /// patch applied to a text it was not made from).
    pub fn apply(&self, source: &str) -> Option<String> {
        let lines: Vec<&str> = source.split_inclusive('\n').collect();
        let mut out = String::with_capacity(source.len());
        let mut next = 0;
        for hunk in &self.hunks {
            let end = hunk.at.checked_add(hunk.removed)?;
            if hunk.at < next || end > lines.len() {
                return None;
            }
            lines[next..hunk.at]
                .iter()
                .for_each(|line| out.push_str(line));
            out.push_str(&hunk.inserted);
            next = end;
        }
        lines[next..].iter().for_each(|line| out.push_str(line));
        Some(out)
    }

    /// Bytes the patch holds, roughly (for the figures in the benches).
    pub fn size(&self) -> usize {
        self.hunks.iter().map(|h| h.inserted.len() + 24).sum()
    }
}

/// One step of an edit script: keep a line of both, drop a line of `a`, add a line of `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Keep,
    Remove,
    Insert(usize),
}

/// The shortest edit script from `a` to `b` (Myers), or `None` past [`MAX_EDITS`].
fn edit_script(a: &[&str], b: &[&str]) -> Option<Vec<Edit>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let limit = (MAX_EDITS as isize).min(n + m);
    let offset = limit + 1;
    let mut v = vec![0isize; 2 * offset as usize + 1];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let index = |k: isize| (k + offset) as usize;
    for d in 0..=limit {
        trace.push(v.clone());
        for k in (-d..=d).step_by(2) {
            let mut x = if k == -d || (k != d && v[index(k - 1)] < v[index(k + 1)]) {
                v[index(k + 1)]
            } else {
                v[index(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[index(k)] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, n, m, offset));
            }
        }
    }
    None
}

/// Walks the saved frontiers back from the end to the start, collecting the edits.
fn backtrack(trace: &[Vec<isize>], n: isize, m: isize, offset: isize) -> Vec<Edit> {
    let index = |k: isize| (k + offset) as usize;
    let (mut x, mut y) = (n, m);
    let mut edits = Vec::new();
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let previous_k = if k == -d || (k != d && v[index(k - 1)] < v[index(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let (previous_x, previous_y) = if d == 0 {
            (0, 0)
        } else {
            let px = v[index(previous_k)];
            (px, px - previous_k)
        };
        while x > previous_x && y > previous_y {
            edits.push(Edit::Keep);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == previous_x {
                edits.push(Edit::Insert(previous_y as usize));
            } else {
                edits.push(Edit::Remove);
            }
            x = previous_x;
            y = previous_y;
        }
    }
    edits.reverse();
    edits
}

/// Gathers runs of removals and insertions into hunks, positions shifted by `base`.
fn group(edits: &[Edit], b: &[&str], base: usize) -> Vec<Hunk> {
    let mut hunks: Vec<Hunk> = Vec::new();
    let mut at = 0;
    let mut open = false;
    for edit in edits {
        match edit {
            Edit::Keep => {
                open = false;
                at += 1;
            }
            Edit::Remove | Edit::Insert(_) => {
                if !open {
                    hunks.push(Hunk {
                        at: base + at,
                        removed: 0,
                        inserted: String::new(),
                    });
                    open = true;
                }
                let Some(hunk) = hunks.last_mut() else {
                    continue;
                };
                match edit {
                    Edit::Remove => {
                        hunk.removed += 1;
                        at += 1;
                    }
                    Edit::Insert(line) => hunk.inserted.push_str(b[*line]),
                    Edit::Keep => {}
                }
            }
        }
    }
    hunks
}

/// A state the history can reach: the plan's text, and what the change to or from it was.
pub type State = (String, String);

/// One change in the history: what it was called and the patch that goes the other way.
#[derive(Debug, Clone)]
struct Step {
    what: String,
    patch: Patch,
}

/// Undo and redo over plan texts. It holds the current plan's text (set lazily: a planner that
/// changes nothing never serialises its plan for the history) and, per change, the patch back.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The text of the plan as it is now, once known; shared with the plan file, which keeps
    /// the text it last wrote (so it is held once).
    current: Option<Arc<String>>,
    /// Patches from each state to the one before it, newest last.
    undo: Vec<Step>,
    /// Patches from each state to the one after it (after undoing), newest last.
    redo: Vec<Step>,
}

impl History {
    /// The current plan's text, if the history knows it.
    pub fn current(&self) -> Option<&str> {
        self.current.as_ref().map(|text| text.as_str())
    }

    /// Sets the current text without recording a change (start-up, or after a merge).
    pub fn reset_current(&mut self, text: String) {
        self.current = Some(Arc::new(text));
    }

    /// The current plan's text, shared.
    pub fn shared(&self) -> Option<Arc<String>> {
        self.current.clone()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Bytes the patches hold, roughly (the current text aside).
    pub fn patch_bytes(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(|step| step.patch.size() + step.what.len())
            .sum()
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Records a change from the current text to `after`; redo is cleared, the oldest change
    /// forgotten past [`UNDO_DEPTH`]. With no current text known, `after` only becomes it.
    pub fn record(&mut self, what: String, after: String) {
        let Some(before) = self.current.as_deref() else {
            self.current = Some(Arc::new(after));
            return;
        };
        let patch = Patch::between(&after, before);
        self.undo.push(Step { what, patch });
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.current = Some(Arc::new(after));
    }

    /// The text before the last change and what it was, moving that change to redo. `None`
    /// when there is nothing to undo or the text is not known.
    pub fn undo(&mut self) -> Option<(String, String)> {
        Self::step(&mut self.current, &mut self.undo, &mut self.redo)
    }

    /// The text after the last undone change and what it was, moving it back to undo.
    pub fn redo(&mut self) -> Option<(String, String)> {
        Self::step(&mut self.current, &mut self.redo, &mut self.undo)
    }

    fn step(
        current: &mut Option<Arc<String>>,
        from: &mut Vec<Step>,
        to: &mut Vec<Step>,
    ) -> Option<(String, String)> {
        let text = current.as_deref()?;
        let step = from.last()?;
        let other = step.patch.apply(text)?;
        let back = Patch::between(&other, text);
        let step = from.pop()?;
        to.push(Step {
            what: step.what.clone(),
            patch: back,
        });
        *current = Some(Arc::new(other.clone()));
        Some((other, step.what))
    }

    /// Every state the history can reach, as texts: (undo states oldest first, redo states
    /// nearest first), with what each step was called. Used to move the history onto a merged
    /// plan.
    pub fn states(&self) -> Option<(Vec<State>, Vec<State>)> {
        let current = self.current.as_deref()?;
        let walk = |steps: &[Step]| -> Option<Vec<State>> {
            let mut text = current.to_string();
            let mut states = Vec::new();
            for step in steps.iter().rev() {
                text = step.patch.apply(&text)?;
                states.push((text.clone(), step.what.clone()));
            }
            Some(states)
        };
        let mut undo = walk(&self.undo)?;
        undo.reverse();
        Some((undo, walk(&self.redo)?))
    }

    /// A history rebuilt from states (as [`History::states`] gives them) around a new current
    /// text.
    pub fn from_states(current: String, undo: Vec<State>, redo: Vec<State>) -> History {
        let chain = |states: Vec<State>, newest_first: bool| {
            let mut steps = Vec::new();
            let mut next = current.clone();
            let ordered: Vec<_> = if newest_first {
                states
            } else {
                states.into_iter().rev().collect()
            };
            for (text, what) in ordered {
                steps.push(Step {
                    what,
                    patch: Patch::between(&next, &text),
                });
                next = text;
            }
            steps.reverse();
            steps
        };
        History {
            undo: chain(undo, false),
            redo: chain(redo, true),
            current: Some(Arc::new(current)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(words: &[&str]) -> String {
        words.iter().map(|w| format!("{w}\n")).collect()
    }

    #[test]
    fn a_patch_turns_one_text_into_the_other() {
        let cases = [
            (lines(&["a", "b", "c"]), lines(&["a", "x", "c"])),
            (lines(&["a", "b", "c"]), lines(&["a", "b", "c", "d"])),
            (lines(&["a", "b", "c"]), lines(&["b", "c"])),
            (
                lines(&["a", "b", "c", "d", "e"]),
                lines(&["x", "b", "c", "d", "y"]),
            ),
            (lines(&["a", "b"]), String::new()),
            (String::new(), lines(&["a"])),
            ("no end".to_owned(), "no end either".to_owned()),
            (
                lines(&["a", "a", "b", "a"]),
                lines(&["a", "b", "a", "a", "c"]),
            ),
        ];
        for (from, to) in cases {
            let patch = Patch::between(&from, &to);
            assert_eq!(
                patch.apply(&from).as_deref(),
                Some(to.as_str()),
                "{from:?} → {to:?}"
            );
        }
    }

    #[test]
    fn random_texts_round_trip() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for _ in 0..2000 {
            let mut texts = [String::new(), String::new()];
            for text in &mut texts {
                for _ in 0..next() % 12 {
                    text.push_str(["a\n", "b\n", "c\n"][next() % 3]);
                }
            }
            let [from, to] = texts;
            let patch = Patch::between(&from, &to);
            assert_eq!(patch.apply(&from), Some(to.clone()), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn two_distant_changes_keep_two_small_hunks() {
        let from: Vec<String> = (0..1000).map(|i| format!("line {i}")).collect();
        let mut to = from.clone();
        to[3] = "changed".into();
        to.insert(990, "added".into());
        let from = lines(&from.iter().map(String::as_str).collect::<Vec<_>>());
        let to = lines(&to.iter().map(String::as_str).collect::<Vec<_>>());
        let patch = Patch::between(&from, &to);
        assert_eq!(patch.hunks.len(), 2, "{patch:?}");
        assert!(patch.size() < 100);
        assert_eq!(patch.apply(&from), Some(to));
    }

    #[test]
    fn a_large_change_still_round_trips() {
        let from: String = (0..2000).map(|i| format!("{i}\n")).collect();
        let to: String = (0..2000).map(|i| format!("{}\n", i * 7 % 2003)).collect();
        assert_eq!(Patch::between(&from, &to).apply(&from), Some(to));
    }

    #[test]
    fn undo_and_redo_walk_the_texts() {
        let mut history = History::default();
        history.reset_current(lines(&["a"]));
        history.record("one".into(), lines(&["a", "b"]));
        history.record("two".into(), lines(&["c", "b"]));
        assert_eq!(history.undo(), Some((lines(&["a", "b"]), "two".into())));
        assert_eq!(history.undo(), Some((lines(&["a"]), "one".into())));
        assert_eq!(history.undo(), None);
        assert_eq!(history.redo(), Some((lines(&["a", "b"]), "one".into())));
        let (undo, redo) = history.states().expect("states");
        assert_eq!(undo, vec![(lines(&["a"]), "one".to_owned())]);
        assert_eq!(redo, vec![(lines(&["c", "b"]), "two".to_owned())]);
        let mut rebuilt = History::from_states(lines(&["a", "b"]), undo, redo);
        assert_eq!(rebuilt.redo(), Some((lines(&["c", "b"]), "two".into())));
        assert_eq!(rebuilt.undo(), Some((lines(&["a", "b"]), "two".into())));
        assert_eq!(rebuilt.undo(), Some((lines(&["a"]), "one".into())));
    }

    #[test]
    fn the_oldest_change_is_forgotten_past_the_depth() {
        let mut history = History::default();
        history.reset_current(String::new());
        let mut text = String::new();
        for i in 0..UNDO_DEPTH + 5 {
            text = format!("{text}{i}\n");
            history.record(format!("{i}"), text.clone());
        }
        assert_eq!(history.undo_len(), UNDO_DEPTH);
    }
}
