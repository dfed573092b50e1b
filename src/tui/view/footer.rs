//! Which key hints the footer keeps when they do not all fit.
//!
//! `?` is always shown first: it lists every key. Then the keys that act on the selected row or
//! the panel (tick, state, date, note, add; rank, filter, sort on Programs) in keymap order, then
//! search and export, and last the keys a user meets once and the help lists anyway (undo, panel,
//! zoom, profile, terms, quit). A hint that does not fit is skipped, so a shorter one after it may
//! still take the room left.

use crate::text::width;
use crate::tui::action::Command;

/// Lower comes first; the row's and panel's own keys are 0.
fn rank(command: Command) -> u8 {
    match command {
        Command::Help => 0,
        Command::Search => 2,
        Command::Export => 3,
        Command::RankUp => 4,
        Command::Undo => 5,
        Command::NextPanel => 6,
        Command::Zoom => 7,
        Command::EditProfile => 8,
        Command::Glossary => 9,
        Command::Quit => 10,
        _ => 1,
    }
}

/// The hints kept in `columns` (after a leading space), in the order shown, and the gap that
/// follows each: two spaces when every hint fits so, else one.
pub(crate) fn pick<'a>(
    hints: &[(&'a str, &'a str, Command)],
    columns: usize,
) -> (Vec<(&'a str, &'a str)>, &'static str) {
    // The first key of each binding only ("j" for "j/↓"): the help lists the others.
    let mut ordered: Vec<(usize, &'a str, &'a str, u8)> = hints
        .iter()
        .enumerate()
        .map(|(index, (keys, hint, command))| {
            let first = keys.split('/').find(|k| !k.is_empty()).unwrap_or(keys);
            (index, first, *hint, rank(*command))
        })
        .collect();
    ordered.sort_by_key(|(index, .., rank)| (*rank, *index));
    let cost = |keys: &str, hint: &str, gap: usize| width(keys) + width(hint) + 1 + gap;
    let total: usize = ordered.iter().map(|(_, k, h, _)| cost(k, h, 2)).sum();
    let gap = if total < columns { "  " } else { " " };
    let mut used = 1;
    let mut picked = Vec::new();
    for (_, keys, hint, _) in ordered {
        let needed = cost(keys, hint, gap.len());
        if used + needed <= columns {
            picked.push((keys, hint));
            used += needed;
        }
    }
    (picked, gap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_stays_and_row_keys_beat_quit_when_room_is_short() {
        let hints = [
            ("q", "quit", Command::Quit),
            ("?", "help", Command::Help),
            ("s", "state", Command::CycleState),
            ("/", "search", Command::Search),
        ];
        let (picked, gap) = pick(&hints, 26);
        assert_eq!(gap, " ");
        assert_eq!(picked, vec![("?", "help"), ("s", "state"), ("/", "search")]);
    }
}
