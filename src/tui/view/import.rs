//! The import preview: what `y` would add, the rows with problems by line number, and the
//! columns read, kept and ignored.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::text::{clean_line, count};
use crate::tui::update::import::ImportPreview;

/// The preview's box on a screen of this size.
fn area_for(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(100);
    let height = screen.height.saturating_sub(2);
    screen.centered(
        ratatui::layout::Constraint::Length(width),
        ratatui::layout::Constraint::Length(height),
    )
}

/// How far the preview can scroll on a `width`×`height` screen, and a page's length. Every
/// program is listed (no "… and N more"), so a long file scrolls instead.
pub(crate) fn scroll_room(preview: &ImportPreview, width: u16, height: u16) -> (u16, u16) {
    let area = area_for(Rect::new(0, 0, width, height));
    let columns = usize::from(area.width.saturating_sub(2)).max(1);
    let visible = area.height.saturating_sub(2);
    let total: usize = lines(preview, &Theme::colour())
        .iter()
        .map(|line| line.width().max(1).div_ceil(columns))
        .sum();
    let total = u16::try_from(total).unwrap_or(u16::MAX);
    (
        total.saturating_sub(visible),
        visible.saturating_sub(1).max(1),
    )
}

pub(crate) fn render(preview: &ImportPreview, frame: &mut Frame, screen: Rect, theme: &Theme) {
    let area = area_for(screen);
    let (most, _) = scroll_room(preview, screen.width, screen.height);
    let scroll = preview.scroll.min(most);
    let more = match (scroll > 0, scroll < most) {
        (_, true) => " j/k or PgDn/PgUp scroll · more below ↓ ",
        (true, false) => " j/k scroll · end ",
        (false, false) => "",
    };
    let file = preview
        .path
        .file_name()
        .map(|name| clean_line(&name.to_string_lossy()))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(format!(" Import · {file} "))
        .title_bottom(more);
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(preview, theme))
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}

fn lines(preview: &ImportPreview, theme: &Theme) -> Vec<Line<'static>> {
    let report = &preview.report;
    let mut out = vec![Line::styled(
        format!(
            "y adds {} · n or Esc adds nothing",
            count(preview.new.len(), "program", "programs")
        ),
        theme.title,
    )];
    for program in &preview.new {
        let place = program
            .state
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        out.push(Line::raw(format!(
            "  + {}{place}",
            clean_line(&program.name)
        )));
    }
    if !preview.already.is_empty() {
        out.push(Line::raw(format!(
            "Already in your plan, left as they are: {}",
            preview.already.len()
        )));
    }
    let warnings = report.skip_warnings();
    if !warnings.is_empty() {
        out.push(Line::raw(""));
        out.push(Line::styled(
            format!(
                "{} with problems (line: why); a bad cell is left empty, a row without a name left out",
                count(report.problems.len(), "row", "rows")
            ),
            theme.warning,
        ));
        out.extend(
            warnings
                .into_iter()
                .map(|w| Line::raw(format!("  line {w}"))),
        );
    }
    out.push(Line::raw(""));
    out.extend(
        report
            .column_lines()
            .into_iter()
            .map(|line| Line::styled(line, theme.dim)),
    );
    out
}
