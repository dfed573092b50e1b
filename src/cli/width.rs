//! How wide the output of a listing command may be.

use std::io::IsTerminal;

/// The terminal's width when standard output is a terminal (at least 40 columns), or `None`
/// when it is piped or redirected: a listing then prints every line whole, so a reader, a file
/// or `grep` never gets text cut with "…".
pub(crate) fn terminal_columns() -> Option<usize> {
    std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(width, _)| usize::from(width).max(40))
}
