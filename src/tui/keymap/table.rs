//! The keymap as data: every binding with its keys, its command, its help line and its footer
//! hint. The footer, the `?` help and the key translation all read this one table.

use super::*;

/// The whole keymap. Order matters twice: the first match wins, and the footer and help list
/// bindings in this order.
pub(crate) static BINDINGS: &[Binding] = &[
    bind!(
        Normal,
        [ch('?')],
        "?",
        Command::Help,
        "show or hide this help",
        "help"
    ),
    bind!(
        Normal,
        [ch('q'), ctrl('c')],
        "q",
        Command::Quit,
        "quit (everything is already saved)",
        "quit"
    ),
    bind!(
        Normal,
        [ch('j'), plain(Down)],
        "j/↓",
        Command::Down,
        "next row"
    ),
    bind!(
        Normal,
        [ch('k'), plain(Up)],
        "k/↑",
        Command::Up,
        "previous row"
    ),
    bind!(
        Normal,
        [ch('g'), plain(Home)],
        "g/Home",
        Command::Top,
        "first row"
    ),
    bind!(
        Normal,
        [ch('G'), plain(End)],
        "G/End",
        Command::Bottom,
        "last row"
    ),
    bind!(
        Normal,
        [plain(PageDown)],
        "PgDn",
        Command::PageDown,
        "one page down"
    ),
    bind!(
        Normal,
        [plain(PageUp)],
        "PgUp",
        Command::PageUp,
        "one page up"
    ),
    bind!(
        Normal,
        [ctrl('d')],
        "Ctrl-d",
        Command::HalfPageDown,
        "half a page down"
    ),
    bind!(
        Normal,
        [ctrl('u')],
        "Ctrl-u",
        Command::HalfPageUp,
        "half a page up"
    ),
    bind!(
        Normal,
        [plain(Tab), ch('l'), plain(Right)],
        "Tab/l/→",
        Command::NextPanel,
        "next panel",
        "panel"
    ),
    bind!(
        Normal,
        [plain(BackTab), ch('h'), plain(Left)],
        "S-Tab/h/←",
        Command::PrevPanel,
        "previous panel"
    ),
    bind!(
        Normal,
        [ch('z')],
        "z",
        Command::Zoom,
        "give the list the whole width, then the details, then both again",
        "zoom"
    ),
    bind!(
        Normal,
        [ch('1')],
        "1-9",
        Command::Panel(0),
        "jump to a panel (1 Overview … 9 Programs)"
    ),
    bind!(Normal, [ch('2')], "2", Command::Panel(1), ""),
    bind!(Normal, [ch('3')], "3", Command::Panel(2), ""),
    bind!(Normal, [ch('4')], "4", Command::Panel(3), ""),
    bind!(Normal, [ch('5')], "5", Command::Panel(4), ""),
    bind!(Normal, [ch('6')], "6", Command::Panel(5), ""),
    bind!(Normal, [ch('7')], "7", Command::Panel(6), ""),
    bind!(Normal, [ch('8')], "8", Command::Panel(7), ""),
    bind!(Normal, [ch('9')], "9", Command::Panel(8), ""),
    bind!(
        Normal,
        [ch('0')],
        "0",
        Command::Panel(9),
        "jump to the tenth panel (Agenda)"
    ),
    bind!(
        Normal,
        [plain(Enter)],
        "Enter",
        Command::Open,
        "go to the task in its stage panel; edit a program, rotation, letter, budget line or practice exam"
    ),
    bind!(
        Normal,
        [ch('J')],
        "J",
        Command::DetailDown,
        "scroll the details down"
    ),
    bind!(
        Normal,
        [ch('K')],
        "K",
        Command::DetailUp,
        "scroll the details up"
    ),
    bind!(
        Normal,
        [ch(' ')],
        "Space",
        Command::ToggleDone,
        "tick the task done, or back to todo",
        "done"
    ),
    bind!(
        Normal,
        [ch('s')],
        "s",
        Command::CycleState,
        "cycle todo → doing → done → skipped (a letter: requested → promised → uploaded)",
        "state"
    ),
    bind!(
        Normal,
        [ch('d')],
        "d",
        Command::EditDate,
        "edit the due date (empty returns to the rule); on a done task, the day it was done",
        "date"
    ),
    bind!(
        Normal,
        [ch('c')],
        "c",
        Command::EditNote,
        "edit the task's note",
        "note"
    ),
    bind!(
        Normal,
        [ch('a')],
        "a",
        Command::Add,
        "add a task of your own here (a program, rotation, letter or practice exam in their panels)",
        "add"
    ),
    bind!(
        Normal,
        [ch('x')],
        "x",
        Command::Delete,
        "delete one of your own tasks, a program, rotation, letter or practice exam (asks first)"
    ),
    bind!(
        Normal,
        [ch('p')],
        "p",
        Command::EditProfile,
        "edit the profile: Match year, visa, category…",
        "profile"
    ),
    bind!(
        Normal,
        [ch('r')],
        "r",
        Command::Rank,
        "programs: rank the program, or take it off the rank list",
        "rank"
    ),
    bind!(
        Normal,
        [ch('+'), plain(Up).shift()],
        "+/S-↑",
        Command::RankUp,
        "programs: move the ranked program up (towards first choice)",
        "move up"
    ),
    bind!(
        Normal,
        [ch('-'), plain(Down).shift()],
        "-/S-↓",
        Command::RankDown,
        "programs: move the ranked program down"
    ),
    bind!(
        Normal,
        [ch('f')],
        "f",
        Command::Filter,
        "programs: filter by status, state, specialty, text or visa fit; agenda: open only",
        "filter"
    ),
    bind!(
        Normal,
        [ch('F')],
        "F",
        Command::ClearFilter,
        "programs: show every program again"
    ),
    bind!(
        Normal,
        [ch('o')],
        "o",
        Command::Sort,
        "programs: next sort order (name, state, specialty, status, interview)",
        "sort"
    ),
    bind!(
        Normal,
        [ch('[')],
        "[",
        Command::TimelineEarlier,
        "timeline: one month earlier",
        "month"
    ),
    bind!(
        Normal,
        [ch(']')],
        "]",
        Command::TimelineLater,
        "timeline: one month later"
    ),
    bind!(
        Normal,
        [ch('u')],
        "u",
        Command::Undo,
        "undo the last change",
        "undo"
    ),
    bind!(Normal, [ctrl('r')], "Ctrl-r", Command::Redo, "redo"),
    bind!(
        Normal,
        [ch('/')],
        "/",
        Command::Search,
        "search tasks, programs, rotations, letters, notes and sources as you type",
        "search"
    ),
    bind!(
        Normal,
        [ch('n')],
        "n",
        Command::NextMatch,
        "next search match"
    ),
    bind!(
        Normal,
        [ch('N')],
        "N",
        Command::PrevMatch,
        "previous search match"
    ),
    bind!(
        Normal,
        [ch('e')],
        "e",
        Command::Export,
        "export: text, Markdown, calendar (.ics), CSV or JSON",
        "export"
    ),
    bind!(
        Normal,
        [ch('I')],
        "I",
        Command::Import,
        "import programs from a CSV file: a path (Tab completes), then a preview to confirm"
    ),
    bind!(
        Normal,
        [ch('t')],
        "t",
        Command::Glossary,
        "terms: the glossary of every abbreviation, with its source",
        "terms"
    ),
    bind!(
        Normal,
        [ch('w')],
        "w",
        Command::SaveNow,
        "save again now (after a failed save)"
    ),
    bind!(
        Normal,
        [ctrl('z')],
        "Ctrl-z",
        Command::Suspend,
        "suspend to the shell (fg returns)"
    ),
    bind!(
        Normal,
        [plain(Esc)],
        "Esc",
        Command::Cancel,
        "clear the search and the message"
    ),
    bind!(
        Help,
        [ch('?'), plain(Esc), ch('q')],
        "?/Esc/q",
        Command::Help,
        "close the help",
        "close"
    ),
    bind!(
        Help,
        [ch('j'), plain(Down)],
        "j/↓",
        Command::Down,
        "scroll down",
        "scroll"
    ),
    bind!(Help, [ch('k'), plain(Up)], "k/↑", Command::Up, "scroll up"),
    bind!(
        Help,
        [plain(PageDown), ctrl('d'), ch(' ')],
        "PgDn",
        Command::PageDown,
        "page down"
    ),
    bind!(
        Help,
        [plain(PageUp), ctrl('u')],
        "PgUp",
        Command::PageUp,
        "page up"
    ),
    bind!(Help, [ch('g'), plain(Home)], "g", Command::Top, "top"),
    bind!(
        Help,
        [ch('t')],
        "t",
        Command::Glossary,
        "the glossary (every term, with its source)"
    ),
    bind!(Help, [ch('G'), plain(End)], "G", Command::Bottom, "bottom"),
    bind!(Help, [ctrl('c')], "Ctrl-c", Command::Quit, "quit"),
    bind!(
        Text,
        [plain(Enter)],
        "Enter",
        Command::Submit,
        "accept",
        "accept"
    ),
    bind!(
        Text,
        [plain(Esc), ctrl('c')],
        "Esc",
        Command::Cancel,
        "cancel",
        "cancel"
    ),
    bind!(
        Text,
        [plain(Left), ctrl('b')],
        "←/Ctrl-b",
        Command::Edit(EditKey::Left),
        "cursor left"
    ),
    bind!(
        Text,
        [plain(Right), ctrl('f')],
        "→/Ctrl-f",
        Command::Edit(EditKey::Right),
        "cursor right"
    ),
    bind!(
        Text,
        [alt('b')],
        "Alt-b",
        Command::Edit(EditKey::WordLeft),
        "word left"
    ),
    bind!(
        Text,
        [alt('f')],
        "Alt-f",
        Command::Edit(EditKey::WordRight),
        "word right"
    ),
    bind!(
        Text,
        [plain(Home), ctrl('a')],
        "Home/Ctrl-a",
        Command::Edit(EditKey::Home),
        "start of line"
    ),
    bind!(
        Text,
        [plain(End), ctrl('e')],
        "End/Ctrl-e",
        Command::Edit(EditKey::End),
        "end of line"
    ),
    bind!(
        Text,
        [plain(Backspace), ctrl('h')],
        "Backspace",
        Command::Edit(EditKey::Backspace),
        "delete left"
    ),
    bind!(
        Text,
        [plain(Delete)],
        "Del",
        Command::Edit(EditKey::Delete),
        "delete right"
    ),
    bind!(
        Text,
        [ctrl('w')],
        "Ctrl-w",
        Command::Edit(EditKey::DeleteWord),
        "delete a word"
    ),
    bind!(
        Text,
        [ctrl('u')],
        "Ctrl-u",
        Command::Edit(EditKey::DeleteToStart),
        "delete to the start"
    ),
    bind!(
        Text,
        [ctrl('k')],
        "Ctrl-k",
        Command::Edit(EditKey::DeleteToEnd),
        "delete to the end"
    ),
    bind!(
        Text,
        [plain(Tab)],
        "Tab",
        Command::NextField,
        "complete a file path (import)"
    ),
    bind!(
        Form,
        [plain(Enter)],
        "Enter",
        Command::Submit,
        "save the profile",
        "save"
    ),
    bind!(
        Form,
        [plain(Esc), ctrl('c')],
        "Esc",
        Command::Cancel,
        "cancel",
        "cancel"
    ),
    bind!(
        Form,
        [plain(Tab), plain(Down)],
        "Tab/↓",
        Command::NextField,
        "next field",
        "field"
    ),
    bind!(
        Form,
        [plain(BackTab), plain(Up)],
        "S-Tab/↑",
        Command::PrevField,
        "previous field"
    ),
    bind!(
        Form,
        [plain(Right)],
        "→",
        Command::NextChoice,
        "next choice (or cursor right)",
        "choose"
    ),
    bind!(
        Form,
        [plain(Left)],
        "←",
        Command::PrevChoice,
        "previous choice (or cursor left)"
    ),
    bind!(
        Confirm,
        [ch('y'), plain(Enter)],
        "y/Enter",
        Command::Yes,
        "yes",
        "yes"
    ),
    bind!(
        Confirm,
        [ch('n'), plain(Esc), ch('q'), ctrl('c')],
        "n/Esc",
        Command::No,
        "no",
        "no"
    ),
    bind!(
        Confirm,
        [ch('j'), plain(Down)],
        "j/↓",
        Command::Down,
        "import preview: scroll down"
    ),
    bind!(
        Confirm,
        [ch('k'), plain(Up)],
        "k/↑",
        Command::Up,
        "import preview: scroll up"
    ),
    bind!(
        Confirm,
        [plain(PageDown), ch(' ')],
        "PgDn",
        Command::PageDown,
        "import preview: page down"
    ),
    bind!(
        Confirm,
        [plain(PageUp)],
        "PgUp",
        Command::PageUp,
        "import preview: page up"
    ),
];
