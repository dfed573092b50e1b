//! The import preview: what `y` would add, the rows with problems by line number, and the
//! columns read, kept and ignored.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::theme::Theme;
use crate::text::{clean_line, count};
use crate::tui::update::import::ImportPreview;

/// Most program names listed before "… and N more".
const NAMES_SHOWN: usize = 8;

pub(crate) fn render(preview: &ImportPreview, frame: &mut Frame, screen: Rect, theme: &Theme) {
    let width = screen.width.saturating_sub(4).min(100);
    let height = screen.height.saturating_sub(2);
    let area = screen.centered(
        ratatui::layout::Constraint::Length(width),
        ratatui::layout::Constraint::Length(height),
    );
    let file = preview
        .path
        .file_name()
        .map(|name| clean_line(&name.to_string_lossy()))
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.focused_border)
        .title(format!(" Import · {file} "));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines(preview, theme))
            .block(block)
            .wrap(Wrap { trim: false }),
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
    for program in preview.new.iter().take(NAMES_SHOWN) {
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
    if preview.new.len() > NAMES_SHOWN {
        out.push(Line::raw(format!(
            "  … and {} more",
            preview.new.len() - NAMES_SHOWN
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
