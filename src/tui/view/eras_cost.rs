//! The ERAS cost estimate in the Programs panel's details: each figure on one line with its
//! label (so a narrow pane wraps words, never strands an amount), and its sources named by title
//! and publisher with their check dates, as every other source in the details.

use ratatui::text::Line;

use super::theme::Theme;
use super::widgets::{freshness_line, source_line};
use crate::programs::{dollars, estimate_cost};
use crate::text::{clean_line, count};
use crate::tui::app::App;

pub(crate) fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let plan = &app.session.plan;
    let Some(schedule) = app.template.fees_for(plan.profile.match_year) else {
        return vec![Line::raw("No fee table in the template: no cost estimate.")];
    };
    let all = estimate_cost(&plan.programs, schedule, true);
    let applied = estimate_cost(&plan.programs, schedule, false);
    let season = if schedule.match_year == plan.profile.match_year {
        format!("{} season fees", schedule.match_year)
    } else {
        format!(
            "{} season fees, the latest known: fees change yearly",
            schedule.match_year
        )
    };
    let mut lines = vec![Line::styled(
        format!("ERAS cost estimate ({season})"),
        theme.heading,
    )];
    let figure = |label: String, usd: u32| Line::raw(format!("{label}: {}", dollars(usd)));
    for specialty in &all.per_specialty {
        let programs = count(
            usize::try_from(specialty.programs).unwrap_or(0),
            "program",
            "programs",
        );
        lines.push(figure(
            format!("{} ({programs})", clean_line(&specialty.specialty)),
            specialty.usd,
        ));
    }
    for (label, usd) in &all.once {
        lines.push(figure(clean_line(label), *usd));
    }
    lines.push(figure(
        "Total, every program listed".to_owned(),
        all.total_usd,
    ));
    lines.push(figure(
        "Total, programs applied to so far".to_owned(),
        applied.total_usd,
    ));
    if all.not_eras > 0 {
        lines.push(Line::raw(format!(
            "({} another application service and not counted.)",
            count(all.not_eras as usize, "program uses", "programs use")
        )));
    }
    lines.extend(freshness_line(app, &all.sources, theme));
    for source in &all.sources {
        lines.push(source_line(app, source, theme));
    }
    lines
}
