//! The terminal, set up for the planner and always put back: on a normal exit, on an error
//! (the guard's `Drop`), on a panic (a hook that restores first, then runs the previous hook),
//! around a Ctrl-Z suspend, and on SIGTERM, SIGHUP, SIGINT or SIGQUIT (a thread that waits for
//! the planner to finish what it is drawing or saving, restores, and exits with 128 + the
//! signal's number).

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, Once};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub(crate) type Tui = Terminal<CrosstermBackend<Stdout>>;

/// Whether our modes are on, so restoring happens exactly once (a second restore after a panic
/// would move the cursor over the panic message).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();
#[cfg(unix)]
static SIGNALS: Once = Once::new();
/// Held while the planner draws or carries out an effect (a save, an export): a signal ends the
/// process only between two of them, never halfway through a save or a frame.
static BUSY: Mutex<()> = Mutex::new(());

/// Marks the planner busy until the guard is dropped: a signal ends the process only between
/// two draws or effects, never halfway through a save or a frame.
pub(crate) fn busy() -> MutexGuard<'static, ()> {
    BUSY.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Owns the terminal while the planner runs.
pub(crate) struct TerminalGuard {
    pub terminal: Tui,
}

impl TerminalGuard {
    pub(crate) fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        install_signal_handlers()?;
        enter_modes()?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        Ok(TerminalGuard { terminal })
    }

    /// Gives the terminal back to the shell, stops the process (Ctrl-Z), and takes it again
    /// when the shell continues it.
    #[cfg(unix)]
    pub(crate) fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SAFETY: raise only sends a signal to this process; SIGTSTP's default action stops it
        // until the shell sends SIGCONT, and then raise returns.
        unsafe {
            libc::raise(libc::SIGTSTP);
        }
        enter_modes()?;
        self.terminal.clear()
    }

    #[cfg(not(unix))]
    pub(crate) fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// Undoes every mode the planner turned on, mouse capture first so no mouse reports leak into
/// the shell. Safe to call more than once.
pub(crate) fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores the terminal before any panic message is printed, then runs the hook that was there.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT: wait until the planner is not busy, put the terminal
/// back, and exit with 128 + the signal's number. What was saved stays saved (saves are atomic
/// and never interrupted); a change that could not be saved is lost, as with any kill.
#[cfg(unix)]
fn install_signal_handlers() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut result = Ok(());
    SIGNALS.call_once(|| {
        let mut signals =
            match signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) {
                Ok(signals) => signals,
                Err(err) => {
                    result = Err(err);
                    return;
                }
            };
        let spawned = std::thread::Builder::new()
            .name("imgplan-signals".into())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let _busy = busy();
                    restore();
                    std::process::exit(128 + signal);
                }
            });
        if let Err(err) = spawned {
            result = Err(err);
        }
    });
    result
}

#[cfg(not(unix))]
fn install_signal_handlers() -> io::Result<()> {
    Ok(())
}
