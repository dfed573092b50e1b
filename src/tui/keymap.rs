//! The keymap: one table that turns keys into commands and also draws the footer hints and the
//! `?` help overlay, so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command, EditKey};

/// Which keys are live: the planner's modes each have their own part of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyContext {
    /// Browsing panels.
    Normal,
    /// The help overlay is open.
    Help,
    /// A one-line text field (due date, note, new task, search).
    Text,
    /// The profile form.
    Form,
    /// A yes/no question.
    Confirm,
}

impl KeyContext {
    pub fn title(self) -> &'static str {
        match self {
            KeyContext::Normal => "Planner",
            KeyContext::Help => "Help",
            KeyContext::Text => "Text fields",
            KeyContext::Form => "Profile form",
            KeyContext::Confirm => "Questions",
        }
    }
}

/// A key: a code plus the modifiers that must be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

impl Key {
    /// The same key with Shift held.
    const fn shift(self) -> Key {
        Key {
            code: self.code,
            modifiers: KeyModifiers::SHIFT,
        }
    }
}

const fn alt(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::ALT,
    }
}

/// One row of the keymap.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub context: KeyContext,
    pub keys: &'static [Key],
    /// How the keys are written in the footer and help ("j/↓").
    pub label: &'static str,
    pub command: Command,
    /// What it does, in the help overlay.
    pub help: &'static str,
    /// Short word for the footer; `None` keeps it out of the footer.
    pub hint: Option<&'static str>,
}

use KeyCode::{
    BackTab, Backspace, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use KeyContext::{Confirm, Form, Help, Normal, Text};

macro_rules! bind {
    ($context:expr, [$($key:expr),+ $(,)?], $label:expr, $command:expr, $help:expr) => {
        Binding { context: $context, keys: &[$($key),+], label: $label, command: $command, help: $help, hint: None }
    };
    ($context:expr, [$($key:expr),+ $(,)?], $label:expr, $command:expr, $help:expr, $hint:expr) => {
        Binding { context: $context, keys: &[$($key),+], label: $label, command: $command, help: $help, hint: Some($hint) }
    };
}

/// The whole keymap. Order matters twice: the first match wins, and the footer and help list
/// bindings in this order.
pub static BINDINGS: &[Binding] = &[
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
        "next row",
        "move"
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
        "go to the selected task in its stage panel"
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
        "cycle todo → doing → done → skipped",
        "state"
    ),
    bind!(
        Normal,
        [ch('d')],
        "d",
        Command::EditDate,
        "edit the due date (empty returns to the rule)",
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
        "add a task of your own to this stage",
        "add"
    ),
    bind!(
        Normal,
        [ch('x')],
        "x",
        Command::Delete,
        "delete one of your own tasks (asks first)"
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
        "programs: filter by status, state, specialty, text or visa fit",
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
        "search every task as you type",
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
];

/// Crossterm reports Shift+g as 'G' with SHIFT held, or sometimes without; the letter is enough.
fn normalise(key: KeyEvent) -> Key {
    let mut modifiers =
        key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(key.code, KeyCode::Char(_) | KeyCode::BackTab) {
        // Shift+letter arrives as the capital letter; the letter is enough.
        modifiers.remove(KeyModifiers::SHIFT);
    }
    let code = match key.code {
        // Ctrl-letters arrive lower-case; keep them so.
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    Key { code, modifiers }
}

/// The binding for a key in a context, if any. The profile form's text fields edit with the
/// same keys as every other text field, so the form falls back to the text-editing bindings.
pub fn lookup(context: KeyContext, key: KeyEvent) -> Option<&'static Binding> {
    let key = normalise(key);
    let find = |context: KeyContext| {
        BINDINGS
            .iter()
            .filter(move |binding| binding.context == context)
            .find(|binding| binding.keys.contains(&key))
    };
    find(context).or_else(|| match context {
        KeyContext::Form => {
            find(KeyContext::Text).filter(|binding| matches!(binding.command, Command::Edit(_)))
        }
        _ => None,
    })
}

/// Translates a key press into an action. Releases and repeats of non-navigation keys are
/// ignored (Windows and the kitty protocol report them as separate events).
pub fn translate(context: KeyContext, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    if let Some(binding) = lookup(context, key) {
        return Some(Action::Command(binding.command));
    }
    if matches!(context, KeyContext::Text | KeyContext::Form)
        && let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::Type(c));
    }
    None
}

/// Commands that only do something in the programs panel; the footer shows their hints there.
pub fn programs_only(command: Command) -> bool {
    matches!(
        command,
        Command::Rank
            | Command::RankUp
            | Command::RankDown
            | Command::Filter
            | Command::ClearFilter
            | Command::Sort
    )
}

/// The footer hints for a context: ("j/k", "move") pairs in keymap order, only for the
/// commands `offered` says do something here. In the programs panel its own keys come first.
pub fn hints(
    context: KeyContext,
    in_programs: bool,
    offered: impl Fn(Command) -> bool + Copy,
) -> impl Iterator<Item = (&'static str, &'static str)> {
    let with_hints = move || {
        BINDINGS.iter().filter(move |binding| {
            binding.context == context && binding.hint.is_some() && offered(binding.command)
        })
    };
    let own = with_hints().filter(move |b| in_programs && programs_only(b.command));
    let rest = with_hints().filter(move |b| !(in_programs && programs_only(b.command)));
    own.chain(rest)
        .filter_map(|binding| Some((binding.label, binding.hint?)))
}

/// The help overlay's entries for a context, skipping the rows that only add a key to a range
/// already described ("2" … "9" under "1-9").
pub fn help_entries(context: KeyContext) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |binding| binding.context == context && !binding.help.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventState;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn shifted_letters_and_control_keys_resolve() {
        let g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(translate(Normal, g), Some(Action::Command(Command::Bottom)));
        let quit = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            translate(Normal, quit),
            Some(Action::Command(Command::Quit))
        );
        let back = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            translate(Normal, back),
            Some(Action::Command(Command::PrevPanel))
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut key = press(KeyCode::Char('q'), KeyModifiers::NONE);
        key.kind = KeyEventKind::Release;
        assert_eq!(translate(Normal, key), None);
    }

    #[test]
    fn text_fields_take_letters_that_are_commands_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(translate(Text, q), Some(Action::Type('q')));
        assert_eq!(translate(Form, q), Some(Action::Type('q')));
        let ctrl_w = press(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(
            translate(Text, ctrl_w),
            Some(Action::Command(Command::Edit(EditKey::DeleteWord)))
        );
    }

    #[test]
    fn the_profile_form_edits_with_the_text_field_keys_but_keeps_its_arrows() {
        let ctrl_w = press(KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(
            translate(Form, ctrl_w),
            Some(Action::Command(Command::Edit(EditKey::DeleteWord)))
        );
        let left = press(KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(
            translate(Form, left),
            Some(Action::Command(Command::PrevChoice))
        );
        let enter = press(KeyCode::Enter, KeyModifiers::NONE);
        assert_eq!(
            translate(Form, enter),
            Some(Action::Command(Command::Submit))
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(
                            !b.keys.contains(key),
                            "{key:?} bound twice in {:?}",
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_context_has_footer_hints() {
        for context in [Normal, Help, Text, Form, Confirm] {
            assert!(hints(context, false, |_| true).count() >= 2, "{context:?}");
        }
    }
}
