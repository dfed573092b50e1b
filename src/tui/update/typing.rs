//! Typing into a one-line field that may open prefilled (a date, a name, a path), for the text
//! prompts and the form fields alike.
//!
//! A prefilled field is "fresh" until the user touches it: the first typed character replaces the
//! whole text (typing a date over today's date gives the date typed, not the two run together),
//! while moving the cursor or deleting first (arrows, Home/End, Backspace) keeps the text to edit.
//! Ctrl-U clears whatever is left of the cursor at any time.

use tui_input::{Input, InputRequest};

/// Types `text` into the field; a fresh field is emptied first.
pub(super) fn type_into(input: &mut Input, fresh: &mut bool, text: &str) {
    if std::mem::take(fresh) {
        input.reset();
    }
    for c in text.chars() {
        input.handle(InputRequest::InsertChar(c));
    }
}

/// An editing key (cursor move or delete): the text is kept, and is no longer fresh.
pub(super) fn edit(input: &mut Input, fresh: &mut bool, request: InputRequest) {
    *fresh = false;
    input.handle(request);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_character_replaces_a_fresh_field_and_later_ones_append() {
        let mut input = Input::new("2026-11-30".into());
        let mut fresh = true;
        type_into(&mut input, &mut fresh, "2");
        type_into(&mut input, &mut fresh, "024");
        assert_eq!(input.value(), "2024");
    }

    #[test]
    fn moving_the_cursor_first_keeps_the_text_to_edit() {
        let mut input = Input::new("2026-11-30".into());
        let mut fresh = true;
        edit(&mut input, &mut fresh, InputRequest::DeletePrevChar);
        type_into(&mut input, &mut fresh, "1");
        assert_eq!(input.value(), "2026-11-31");
    }
}
