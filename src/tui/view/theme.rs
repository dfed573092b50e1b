//! Colours and emphasis. Every state is also shown by a glyph or word, so the colour-free theme
//! (chosen when `NO_COLOR` is set) loses nothing but colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Theme {
    pub text: Style,
    pub dim: Style,
    pub heading: Style,
    pub title: Style,
    pub selected: Style,
    pub focused_border: Style,
    pub border: Style,
    pub overdue: Style,
    pub soon: Style,
    pub done: Style,
    pub warning: Style,
    pub error: Style,
    pub accent: Style,
    pub key: Style,
}

impl Theme {
    pub(crate) fn colour() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            heading: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            focused_border: Style::new().fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            overdue: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            soon: Style::new().fg(Color::Yellow),
            done: Style::new().fg(Color::Green),
            warning: Style::new().fg(Color::Yellow),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            accent: Style::new().fg(Color::Cyan),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// No foreground or background colour anywhere: crossterm 0.29 resets every attribute when
    /// it writes a colour under NO_COLOR, which would cancel the reverse video of the selection.
    pub(crate) fn monochrome() -> Theme {
        Theme {
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            title: Style::new().add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            focused_border: Style::new().add_modifier(Modifier::BOLD),
            border: Style::new(),
            overdue: Style::new().add_modifier(Modifier::BOLD),
            soon: Style::new().add_modifier(Modifier::UNDERLINED),
            done: Style::new(),
            warning: Style::new().add_modifier(Modifier::BOLD),
            error: Style::new().add_modifier(Modifier::BOLD),
            accent: Style::new().add_modifier(Modifier::BOLD),
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    pub(crate) fn for_app(monochrome: bool) -> Theme {
        if monochrome {
            Theme::monochrome()
        } else {
            Theme::colour()
        }
    }
}
