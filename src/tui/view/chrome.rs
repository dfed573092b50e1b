//! The frame around the panels: header, side list of panels, status line and key hints.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::theme::Theme;
use crate::text::{clean_line, truncate, width};
use crate::tui::app::{App, Panel, SaveState, Tone};
use crate::tui::keymap;

pub(crate) fn header(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let today = format!("today {} ", app.today);
    // " imgplan " and a space before, at least one space before the date.
    let room = usize::from(area.width).saturating_sub(width(&today) + 11);
    let profile_text = header_profile(app, room);
    let line = Line::from(vec![
        Span::styled(" imgplan ", theme.selected),
        Span::raw(" "),
        Span::styled(profile_text, theme.title),
    ]);
    frame.render_widget(Paragraph::new(line), area);
    frame.render_widget(
        Paragraph::new(Span::styled(today, theme.dim)).alignment(Alignment::Right),
        area,
    );
}

/// The profile in the header, shortened in steps until it fits `room` so the specialty (what the
/// whole plan is for) stays whole: first the visa preference ("H-1B, J-1 ok"), then the
/// category (its IMG part only), then the word "visa", then your name (it is your plan); only
/// then is the line cut.
fn header_profile(app: &App, room: usize) -> String {
    let profile = &app.session.plan.profile;
    // Name and specialty are optional and typed by the user: shown only when they say something.
    let given = |text: Option<&str>| text.map(clean_line).filter(|t| !t.is_empty());
    let visa_short = match profile.visa.acceptable() {
        Some(acceptable) => format!("{}, {acceptable} ok", profile.visa.preferred()),
        None => profile.visa.to_string(),
    };
    let category = profile.category.label();
    let category_short = if category.ends_with("IMG") {
        "IMG"
    } else {
        category
    };
    let variants = [
        (format!("visa {}", profile.visa), category, true),
        (format!("visa {visa_short}"), category, true),
        (format!("visa {visa_short}"), category_short, true),
        (visa_short.clone(), category_short, true),
        (visa_short.clone(), category_short, false),
    ];
    let mut line = String::new();
    for (visa, category, named) in variants {
        let parts: Vec<String> = given(profile.name.as_deref())
            .filter(|_| named)
            .into_iter()
            .chain([
                format!("{} Match", profile.match_year),
                visa,
                category.to_owned(),
            ])
            .chain(given(profile.specialty.as_deref()))
            .collect();
        line = parts.join(" · ");
        if width(&line) <= room {
            return line;
        }
    }
    truncate(&line, room)
}

/// The side list: one line per panel with its progress.
pub(crate) fn sidebar(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Panels ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let columns = usize::from(inner.width);
    let lines: Vec<Line> = app
        .panels()
        .into_iter()
        .enumerate()
        .map(|(index, panel)| {
            let (name, figure) = match panel {
                Panel::Overview => (
                    "Overview".to_owned(),
                    format!("{}%", app.session.snapshot.overall_percent()),
                ),
                Panel::Stage(stage) => {
                    let progress = &app.session.snapshot.progress[stage];
                    (
                        progress.short.clone(),
                        format!("{}/{}", progress.done + progress.skipped, progress.total),
                    )
                }
                Panel::Programs => (
                    "Programs".to_owned(),
                    app.session.plan.programs.len().to_string(),
                ),
                Panel::Agenda => (
                    "Agenda".to_owned(),
                    app.session.snapshot.overdue.len().to_string() + "!",
                ),
                later => super::later::sidebar_entry(app, later),
            };
            let figure =
                if matches!(panel, Panel::Agenda) && app.session.snapshot.overdue.is_empty() {
                    String::new()
                } else {
                    figure
                };
            // Digits 1-9 then 0 jump to the first ten panels.
            let digit = match index {
                0..=8 => (index + 1).to_string(),
                9 => "0".to_owned(),
                _ => " ".to_owned(),
            };
            let label = format!("{digit} {name}");
            let gap = columns
                .saturating_sub(width(&label) + width(&figure))
                .max(1);
            let text = truncate(&format!("{label}{}{figure}", " ".repeat(gap)), columns);
            let style = if index == app.screen.panel {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The panels as a tab bar (narrower screens): the current one highlighted.
pub(crate) fn tabs(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for tab in crate::tui::tabs::tabs(app, area.width) {
        let x = usize::from(tab.x);
        spans.push(Span::raw(" ".repeat(x.saturating_sub(used))));
        let style = if tab.panel == app.screen.panel {
            theme.selected
        } else {
            theme.text
        };
        used = x + width(&tab.text);
        spans.push(Span::styled(tab.text, style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The one-line status area: the latest message, else where the plan lives.
pub(crate) fn status(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let columns = usize::from(area.width);
    let line = match (&app.message, &app.session.save_state) {
        (Some(message), _) => {
            let (prefix, style) = match message.tone {
                Tone::Info => ("", theme.accent),
                Tone::Error => ("✗ ", theme.error),
            };
            Line::styled(
                truncate(&format!(" {prefix}{}", message.text), columns),
                style,
            )
        }
        (None, SaveState::Failed(_)) => Line::styled(
            truncate(
                " ✗ Your last change is not saved: press w to retry.",
                columns,
            ),
            theme.error,
        ),
        (None, _) => Line::styled(
            truncate(
                &format!(" Plan: {}", app.session.plan_path.display()),
                columns,
            ),
            theme.dim,
        ),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Key hints for what has the keyboard, drawn from the keymap and chosen by `footer::pick`.
pub(crate) fn footer(app: &App, frame: &mut Frame, area: Rect, theme: &Theme) {
    let panel = app.current_panel();
    let in_programs = panel == crate::tui::app::Panel::Programs;
    let selection = app.selection();
    let context = app.screen.mode.key_context();
    // In the planner, only the keys that do something on the selected row.
    let offered = |command| {
        context != keymap::KeyContext::Normal
            || crate::tui::selection::offers(panel, &selection, command)
    };
    let hints: Vec<_> = keymap::hints(context, in_programs, offered).collect();
    let (picked, gap) = super::footer::pick(&hints, usize::from(area.width));
    let mut spans = vec![Span::raw(" ")];
    for (keys, hint) in picked {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {hint}{gap}"), Style::new()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
