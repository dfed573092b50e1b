//! The keymap: one table that turns keys into commands and also draws the footer hints and the
//! `?` help overlay, so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Command, EditKey};

/// Which keys are live: the planner's modes each have their own part of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyContext {
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
    pub(crate) fn title(self) -> &'static str {
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
pub(crate) struct Key {
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
pub(crate) struct Binding {
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

mod table;
pub(crate) use table::BINDINGS;

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
pub(crate) fn lookup(context: KeyContext, key: KeyEvent) -> Option<&'static Binding> {
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
pub(crate) fn translate(context: KeyContext, key: KeyEvent) -> Option<Action> {
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
pub(crate) fn programs_only(command: Command) -> bool {
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

/// The footer hints for a context: ("j/k", "move", command) in keymap order, only for the
/// commands `offered` says do something here. In the programs panel its own keys come first.
pub(crate) fn hints(
    context: KeyContext,
    in_programs: bool,
    offered: impl Fn(Command) -> bool + Copy,
) -> impl Iterator<Item = (&'static str, &'static str, Command)> {
    let with_hints = move || {
        BINDINGS.iter().filter(move |binding| {
            binding.context == context && binding.hint.is_some() && offered(binding.command)
        })
    };
    let own = with_hints().filter(move |b| in_programs && programs_only(b.command));
    let rest = with_hints().filter(move |b| !(in_programs && programs_only(b.command)));
    own.chain(rest)
        .filter_map(|binding| Some((binding.label, binding.hint?, binding.command)))
}

/// The help overlay's entries for a context, skipping the rows that only add a key to a range
/// already described ("2" … "9" under "1-9").
pub(crate) fn help_entries(context: KeyContext) -> impl Iterator<Item = &'static Binding> {
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
