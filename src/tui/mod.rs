//! The full-screen planner (ratatui + crossterm): the only module that touches the terminal.
//!
//! It follows one direction of data flow: a terminal event becomes an [`action::Action`]
//! through the [`keymap`]; [`update::update`] changes the [`app::App`] and returns effects; the
//! runtime here carries them out (save, export, suspend) and reports back with more actions;
//! [`view::render`] draws the state. Idle, the loop blocks on input and wakes only for what is
//! pending: a status message to clear, and midnight (when "today" changes).

pub mod action;
pub mod agenda;
pub mod app;
pub mod derived;
pub mod disk;
pub(crate) mod fit;
pub mod form;
pub mod import_file;
pub(crate) mod keymap;
pub mod layout;
pub(crate) mod rows;
pub(crate) mod selection;
pub(crate) mod tabs;
pub(crate) mod terminal;
pub mod update;
pub mod view;

use std::io;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{Local, NaiveDate};
use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::journey::{Template, VisaChoice};
use crate::plan::Plan;
use crate::storage;
use action::{Action, Effect};
use app::{App, Tone};
use disk::PlanFile;
use terminal::TerminalGuard;

/// How long a message stays: information briefly, errors long enough to read twice.
const INFO_SECONDS: u64 = 5;
const ERROR_SECONDS: u64 = 15;

/// What the planner needs to start.
pub struct Launch {
    pub template: Template,
    pub path: PathBuf,
    /// A fixed "today" (`--today`); `None` follows the clock, midnight included.
    pub fixed_today: Option<NaiveDate>,
}

/// How the planner ended, for the line printed after the terminal is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exit {
    pub path: PathBuf,
    /// False when the user quit with a change that could not be saved.
    pub saved: bool,
}

impl Exit {
    /// The goodbye line.
    pub fn farewell(&self) -> String {
        if self.saved {
            format!("Your plan is saved at {}", crate::text::shown(&self.path))
        } else {
            format!(
                "Your last change was NOT saved: {} is as it was before it.",
                crate::text::shown(&self.path)
            )
        }
    }
}

/// Opens the planner on the plan file, creating it from the template on a first run. A plan file
/// that cannot be read stops here, before the terminal is touched, and is never written.
pub fn run(launch: Launch) -> Result<Exit, String> {
    let today = launch
        .fixed_today
        .unwrap_or_else(|| Local::now().date_naive());
    let (plan, created) = match storage::load(&launch.path, &launch.template) {
        Ok(Some(plan)) => (plan, false),
        Ok(None) => (
            Plan::new(&launch.template, today, None, VisaChoice::Undecided)
                .map_err(|err| err.to_string())?,
            true,
        ),
        Err(err) => return Err(err.to_string()),
    };
    let mut app = App::new(launch.template, plan, launch.path.clone(), today);
    app.real_clock = launch.fixed_today.is_none();
    // Exports are offered where the user started imgplan, where they will look for them.
    if let Ok(directory) = std::env::current_dir() {
        app.prefs.export_dir = directory;
    }
    app.prefs.monochrome = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut file = PlanFile::opened(&launch.path, (!created).then_some(&app.session.plan));
    if created {
        match file.save(&app.template, &app.session.plan, false) {
            Ok(_) => app.say(
                format!(
                    "Welcome! ? shows the keys, p your profile. Plan created at {}",
                    crate::text::shown(&launch.path)
                ),
                Tone::Info,
            ),
            Err(err) => {
                app.say(
                    format!("Could not create the plan file: {err}. Press w to retry."),
                    Tone::Error,
                );
                app.session.save_state = app::SaveState::Failed("New plan".into());
            }
        }
    } else {
        app.say("Press ? for help.", Tone::Info);
    }

    let mut guard =
        TerminalGuard::enter().map_err(|err| format!("cannot open the terminal: {err}"))?;
    let result = event_loop(
        &mut app,
        &mut guard,
        &mut file,
        launch.fixed_today.is_none(),
    );
    drop(guard);
    result.map_err(|err| format!("terminal error: {err}"))?;
    Ok(Exit {
        path: launch.path,
        saved: !matches!(app.session.save_state, app::SaveState::Failed(_)),
    })
}

fn event_loop(
    app: &mut App,
    guard: &mut TerminalGuard,
    file: &mut PlanFile,
    follow_clock: bool,
) -> io::Result<()> {
    let size = guard.terminal.size()?;
    update::update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut expiry = message_deadline(app, None);
    let mut dirty = true;
    while !app.should_quit {
        if dirty {
            let _busy = terminal::busy();
            guard.terminal.draw(|frame| view::render(app, frame))?;
            dirty = false;
        }
        let mut events = Vec::new();
        let mut timers = Vec::new();
        match next_wake(expiry.as_ref().map(|d| d.1), follow_clock) {
            None => events.push(event::read()?),
            Some(wait) if event::poll(wait)? => events.push(event::read()?),
            Some(_) => {
                if let Some((serial, at)) = expiry
                    && Instant::now() >= at
                {
                    timers.push(Action::MessageExpired(serial));
                }
                if follow_clock {
                    let now = Local::now().date_naive();
                    if now != app.today {
                        timers.push(Action::DayChanged(now));
                    }
                }
            }
        }
        // Take a whole burst (typed-ahead keys, resizes, repeats) before drawing once.
        if !events.is_empty() {
            while event::poll(Duration::ZERO)? {
                events.push(event::read()?);
            }
        }
        // From here to the end of the turn a signal waits (see `terminal::busy`).
        let _busy = terminal::busy();
        // Each event is translated in the mode the one before it left: `p` then Tab moves to
        // the form's next field, not to the next panel.
        for event in events {
            if app.should_quit {
                break;
            }
            if let Some(action) = translate(app, event) {
                dispatch(app, guard, file, action)?;
                dirty = true;
            }
        }
        for action in timers {
            dispatch(app, guard, file, action)?;
            dirty = true;
        }
        expiry = message_deadline(app, expiry);
    }
    Ok(())
}

/// Applies an action and carries out its effects, whose outcomes come back as more actions.
fn dispatch(
    app: &mut App,
    guard: &mut TerminalGuard,
    file: &mut PlanFile,
    action: Action,
) -> io::Result<()> {
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in update::update(app, action) {
            if let Some(follow_up) = perform(app, guard, file, effect)? {
                queue.push(follow_up);
            }
        }
    }
    Ok(())
}

/// Keeps the running deadline while the same message shows; starts one for a new message.
fn message_deadline(app: &App, current: Option<(u64, Instant)>) -> Option<(u64, Instant)> {
    let message = app.message.as_ref()?;
    if let Some((serial, at)) = current
        && serial == message.serial
    {
        return Some((serial, at));
    }
    let seconds = match message.tone {
        Tone::Info => INFO_SECONDS,
        Tone::Error => ERROR_SECONDS,
    };
    Some((
        message.serial,
        Instant::now() + Duration::from_secs(seconds),
    ))
}

/// How long to wait for input before a timer is due; `None` blocks until input arrives.
fn next_wake(message_at: Option<Instant>, follow_clock: bool) -> Option<Duration> {
    let now = Instant::now();
    let message = message_at.map(|at| at.saturating_duration_since(now));
    let midnight = follow_clock.then(until_midnight);
    match (message, midnight) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Time until the local date changes (plus a second, so the new date has begun).
fn until_midnight() -> Duration {
    let now = Local::now();
    let tomorrow = now
        .date_naive()
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 1));
    match tomorrow {
        Some(next) => (next - now.naive_local())
            .to_std()
            .unwrap_or(Duration::from_secs(60)),
        None => Duration::from_secs(3600),
    }
}

/// Turns a terminal event into an action.
fn translate(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::translate(app.screen.mode.key_context(), key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Carries out an effect; what happened comes back as an action.
fn perform(
    app: &mut App,
    guard: &mut TerminalGuard,
    file: &mut PlanFile,
    effect: Effect,
) -> io::Result<Option<Action>> {
    Ok(match effect {
        Effect::Save => Some(Action::Saved(save(app, file, false))),
        Effect::SaveKeepingMine => Some(Action::Saved(save(app, file, true))),
        Effect::Export(request) => Some(Action::Exported(disk::write_export(app, *request))),
        Effect::ReadImport(typed) => Some(Action::ImportRead(import_file::read(&typed))),
        Effect::CompletePath(typed) => Some(Action::PathCompleted {
            completion: import_file::complete(&typed),
            typed,
        }),
        Effect::Suspend => {
            guard.suspend()?;
            let size = guard.terminal.size()?;
            Some(Action::Resize {
                width: size.width,
                height: size.height,
            })
        }
        Effect::Quit => None,
    })
}

/// Saves the plan with the text its history already made, when it did (one serialisation per
/// change and save).
fn save(
    app: &App,
    file: &mut PlanFile,
    keep_mine: bool,
) -> Result<action::SaveReport, action::SaveProblem> {
    match app.session.history.shared() {
        Some(text) => file.save_text(&app.template, &app.session.plan, text, keep_mine),
        None => file.save(&app.template, &app.session.plan, keep_mine),
    }
}
