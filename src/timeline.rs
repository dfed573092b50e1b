//! The timeline: the months from today to the start of residency, each stage as a bar from its
//! first to its last dated task, every dated task and season date as a mark, and a line for
//! today. Pure: [`Timeline::build`] says what is on it and [`Timeline::grid`] lays it out in
//! character cells for a window of months, so the layout is tested without a terminal and the
//! view only paints the cells.
//!
//! Marks read without colour: `o` open, `x` done or skipped, `!` overdue and `>` to start now
//! (both drawn at today), `*` a season date, `@` the selected mark; `-` is a stage's bar and `|`
//! is today. A done task sits on the day it was done ([`TaskView::calendar_day`], the rule the
//! Agenda and the calendar export use), so one done before today's month is not drawn at all.

use chrono::{Datelike, Months, NaiveDate};

use crate::ids::TaskId;
use crate::insights::{Snapshot, TaskView};
use crate::journey::{Anchor, Template};

/// What a mark stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkItem {
    Task(TaskId),
    Season(Anchor),
}

/// How a mark is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Open,
    Closed,
    /// Due before today and still open: drawn on today's column.
    Overdue,
    /// Open, and its planned date had passed before the plan was made: not late, to start now
    /// (drawn on today's column, like the Agenda's and the Overview's "Start now").
    StartNow,
    Season,
}

impl MarkKind {
    pub fn glyph(self) -> char {
        match self {
            MarkKind::Open => 'o',
            MarkKind::Closed => 'x',
            MarkKind::Overdue => '!',
            MarkKind::StartNow => '>',
            MarkKind::Season => '*',
        }
    }
}

/// The glyph of the selected mark, whatever its kind.
pub const SELECTED_GLYPH: char = '@';
pub const BAR_GLYPH: char = '-';
pub const TODAY_GLYPH: char = '|';

/// One dated thing on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub date: NaiveDate,
    /// 0 is the season lane; stage `i` is lane `i + 1`.
    pub lane: usize,
    pub kind: MarkKind,
    pub item: MarkItem,
}

/// A row of the timeline: the season, or a stage with its bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lane {
    pub label: String,
    /// First and last dated task of the stage (clamped to the timeline).
    pub bar: Option<(NaiveDate, NaiveDate)>,
}

/// Everything on the timeline, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    /// The first day of today's month.
    pub start: NaiveDate,
    /// Month columns: from today's month to the residency start's, both included (at least 12).
    pub months: u32,
    /// The day training starts, when it is still ahead.
    pub residency_start: Option<NaiveDate>,
    pub today: NaiveDate,
    pub lanes: Vec<Lane>,
    /// In date order (then lane), the order the list selects them in.
    pub marks: Vec<Mark>,
}

/// One cell of the laid-out grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Bar,
    Today,
    Mark(MarkKind),
    Selected,
}

impl Cell {
    pub fn glyph(self) -> char {
        match self {
            Cell::Empty => ' ',
            Cell::Bar => BAR_GLYPH,
            Cell::Today => TODAY_GLYPH,
            Cell::Mark(kind) => kind.glyph(),
            Cell::Selected => SELECTED_GLYPH,
        }
    }
}

/// The timeline laid out for a window of months: month labels with their columns, and a row of
/// cells per lane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// The first month shown (offset from the timeline's start).
    pub first_month: u32,
    pub visible_months: u32,
    /// Column and label of each month shown ("Jan"), and of each year's first month shown.
    pub months: Vec<(usize, String)>,
    pub years: Vec<(usize, String)>,
    pub rows: Vec<Vec<Cell>>,
    /// Today's column, when its month is shown.
    pub today_column: Option<usize>,
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Whole months from `from`'s month to `to`'s month (negative when earlier).
fn months_between(from: NaiveDate, to: NaiveDate) -> i64 {
    (i64::from(to.year()) - i64::from(from.year())) * 12 + i64::from(to.month())
        - i64::from(from.month())
}

/// Where and how a task is drawn: a done task (or one behind the user) on its calendar day, an
/// overdue or start-now task on today's column, any other on its due date.
fn task_mark(task: &TaskView, today: NaiveDate) -> Option<(NaiveDate, MarkKind)> {
    if task.is_settled() {
        return Some((task.calendar_day(today)?, MarkKind::Closed));
    }
    let due = task.due.as_ref()?.date;
    if task.starts_now() {
        Some((due.max(today), MarkKind::StartNow))
    } else if task.is_overdue(today) {
        Some((today, MarkKind::Overdue))
    } else {
        Some((due, MarkKind::Open))
    }
}

fn days_in_month(date: NaiveDate) -> u32 {
    let first = month_start(date);
    first.checked_add_months(Months::new(1)).map_or(31, |next| {
        u32::try_from((next - first).num_days()).unwrap_or(31)
    })
}

impl Timeline {
    /// What is on the timeline for the plan: its dated tasks by stage, the season's dates, from
    /// today's month to the month training starts (at least twelve months).
    pub fn build(template: &Template, snapshot: &Snapshot, today: NaiveDate) -> Timeline {
        let start = month_start(today);
        let residency_start = snapshot
            .calendar
            .get(Anchor::TrainingStart)
            .map(|d| d.date)
            .filter(|d| *d > today);
        let end = residency_start
            .unwrap_or_else(|| start.checked_add_months(Months::new(11)).unwrap_or(start));
        let months = u32::try_from(months_between(start, end) + 1)
            .unwrap_or(12)
            .max(12);
        let last_day = start
            .checked_add_months(Months::new(months))
            .and_then(|d| d.pred_opt())
            .unwrap_or(end);
        let mut lanes = vec![Lane {
            label: "Season".to_owned(),
            bar: None,
        }];
        let mut marks = Vec::new();
        for (anchor, dated) in snapshot.calendar.season_dates() {
            if dated.date >= today && dated.date <= last_day {
                marks.push(Mark {
                    date: dated.date,
                    lane: 0,
                    kind: MarkKind::Season,
                    item: MarkItem::Season(anchor),
                });
            }
        }
        for (index, stage) in template.stages.iter().enumerate() {
            let mut first: Option<NaiveDate> = None;
            let mut last: Option<NaiveDate> = None;
            for task in snapshot.stage_tasks(&stage.id) {
                let Some((date, kind)) = task_mark(task, today) else {
                    continue;
                };
                if date < today || date > last_day {
                    continue;
                }
                first = Some(first.map_or(date, |f| f.min(date)));
                last = Some(last.map_or(date, |l| l.max(date)));
                marks.push(Mark {
                    date,
                    lane: index + 1,
                    kind,
                    item: MarkItem::Task(task.id.clone()),
                });
            }
            lanes.push(Lane {
                label: stage.short.clone(),
                bar: first.zip(last),
            });
        }
        marks.sort_by(|a, b| a.date.cmp(&b.date).then(a.lane.cmp(&b.lane)));
        Timeline {
            start,
            months,
            residency_start,
            today,
            lanes,
            marks,
        }
    }

    /// Whole months from today to the start of residency (19 from 2026-11-30 to 2028-07-01),
    /// not the month columns, which count both end months.
    pub fn months_to_residency(&self) -> Option<u32> {
        let start = self.residency_start?;
        let mut months = u32::try_from(months_between(self.today, start)).ok()?;
        while months > 0
            && self
                .today
                .checked_add_months(Months::new(months))
                .is_none_or(|d| d > start)
        {
            months -= 1;
        }
        Some(months)
    }

    /// The month (offset from the start) a date falls in.
    pub fn month_of(&self, date: NaiveDate) -> u32 {
        u32::try_from(months_between(self.start, date).max(0)).unwrap_or(0)
    }

    /// The first month to show: the one the user scrolled to, moved just enough that the
    /// selected mark is in view, and never past the end.
    pub fn first_month(&self, scroll: u32, visible: u32, selected: Option<usize>) -> u32 {
        let visible = visible.max(1);
        let last_first = self.months.saturating_sub(visible);
        let mut first = scroll.min(last_first);
        if let Some(mark) = selected.and_then(|i| self.marks.get(i)) {
            let month = self.month_of(mark.date);
            if month < first {
                first = month;
            } else if month >= first + visible {
                first = month + 1 - visible;
            }
        }
        first.min(last_first)
    }

    /// The column of a date inside a window (`None` outside it): months are `month_width`
    /// columns wide and a date sits by its day within its month.
    pub fn column(
        &self,
        date: NaiveDate,
        first_month: u32,
        visible: u32,
        month_width: usize,
    ) -> Option<usize> {
        let month = i64::from(self.month_of(date)) - i64::from(first_month);
        if date < self.start || month < 0 || month >= i64::from(visible) {
            return None;
        }
        let within = (date.day0() as usize * month_width) / days_in_month(date) as usize;
        Some(usize::try_from(month).ok()? * month_width + within)
    }

    /// Lays the timeline out for `width` columns of months (`month_width` each), starting at
    /// the month the user scrolled to, with the selected mark (an index into `marks`) drawn as
    /// selected and kept in view.
    pub fn grid(
        &self,
        scroll: u32,
        width: usize,
        month_width: usize,
        selected: Option<usize>,
    ) -> Grid {
        let month_width = month_width.max(1);
        let visible = u32::try_from(width / month_width)
            .unwrap_or(0)
            .min(self.months)
            .max(1);
        let first_month = self.first_month(scroll, visible, selected);
        let columns = usize::try_from(visible).unwrap_or(1) * month_width;
        let mut months = Vec::new();
        let mut years = Vec::new();
        for offset in 0..visible {
            let Some(date) = self
                .start
                .checked_add_months(Months::new(first_month + offset))
            else {
                continue;
            };
            let column = usize::try_from(offset).unwrap_or(0) * month_width;
            let label: String = date
                .format("%b")
                .to_string()
                .chars()
                .take(month_width)
                .collect();
            months.push((column, label));
            if offset == 0 || date.month() == 1 {
                years.push((column, date.year().to_string()));
            }
        }
        let today_column = self.column(self.today, first_month, visible, month_width);
        let mut rows: Vec<Vec<Cell>> = self
            .lanes
            .iter()
            .map(|lane| {
                let mut row = vec![Cell::Empty; columns];
                if let Some((from, to)) = lane.bar {
                    self.fill_bar(&mut row, from, to, first_month, visible, month_width);
                }
                if let Some(column) = today_column
                    && let Some(cell) = row.get_mut(column)
                {
                    *cell = Cell::Today;
                }
                row
            })
            .collect();
        for (index, mark) in self.marks.iter().enumerate() {
            let Some(column) = self.column(mark.date, first_month, visible, month_width) else {
                continue;
            };
            let Some(cell) = rows.get_mut(mark.lane).and_then(|row| row.get_mut(column)) else {
                continue;
            };
            if Some(index) == selected {
                *cell = Cell::Selected;
            } else if *cell != Cell::Selected {
                *cell = Cell::Mark(mark.kind);
            }
        }
        Grid {
            first_month,
            visible_months: visible,
            months,
            years,
            rows,
            today_column,
        }
    }

    fn fill_bar(
        &self,
        row: &mut [Cell],
        from: NaiveDate,
        to: NaiveDate,
        first_month: u32,
        visible: u32,
        month_width: usize,
    ) {
        let window_start = self
            .start
            .checked_add_months(Months::new(first_month))
            .unwrap_or(self.start);
        let window_end = window_start
            .checked_add_months(Months::new(visible))
            .and_then(|d| d.pred_opt())
            .unwrap_or(window_start);
        let (from, to) = (from.max(window_start), to.min(window_end));
        if from > to {
            return;
        }
        let (Some(a), Some(b)) = (
            self.column(from, first_month, visible, month_width),
            self.column(to, first_month, visible, month_width),
        ) else {
            return;
        };
        for cell in row.iter_mut().take(b + 1).skip(a) {
            *cell = Cell::Bar;
        }
    }
}

impl Grid {
    /// A lane's cells as text (what the monochrome screen shows).
    pub fn row_text(&self, lane: usize) -> String {
        self.rows
            .get(lane)
            .map(|row| row.iter().map(|c| c.glyph()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::VisaChoice;
    use crate::plan::Plan;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn timeline() -> Timeline {
        let template = Template::embedded().expect("template");
        let today = date("2026-11-25");
        let plan = Plan::new(&template, today, Some(2028), VisaChoice::J1).expect("plan");
        let snapshot = Snapshot::build(&template, &plan, today);
        Timeline::build(&template, &snapshot, today)
    }

    #[test]
    fn it_runs_from_today_to_the_start_of_training_with_marks_in_date_order() {
        let timeline = timeline();
        assert_eq!(timeline.start, date("2026-11-01"));
        // November 2026 to July 2028.
        assert_eq!(timeline.months, 21);
        assert_eq!(timeline.lanes.len(), 8, "season + seven stages");
        assert!(timeline.marks.windows(2).all(|w| w[0].date <= w[1].date));
        assert!(
            timeline
                .marks
                .iter()
                .any(|m| m.item == MarkItem::Season(Anchor::MatchDay))
        );
        assert!(timeline.marks.iter().all(|m| m.date >= timeline.today));
    }

    #[test]
    fn columns_follow_months_and_days() {
        let timeline = timeline();
        // 3 columns a month: 25 Nov is in the last third of the first month.
        assert_eq!(timeline.column(date("2026-11-25"), 0, 12, 3), Some(2));
        assert_eq!(timeline.column(date("2026-12-01"), 0, 12, 3), Some(3));
        assert_eq!(timeline.column(date("2027-01-16"), 0, 12, 3), Some(7));
        // Scrolled two months on, December is out of view.
        assert_eq!(timeline.column(date("2026-12-01"), 2, 12, 3), None);
        assert_eq!(timeline.column(date("2027-01-01"), 2, 12, 3), Some(0));
    }

    #[test]
    fn the_grid_draws_today_bars_and_marks_and_keeps_the_selection_in_view() {
        let timeline = timeline();
        let grid = timeline.grid(0, 48, 4, None);
        assert_eq!(grid.visible_months, 12);
        assert_eq!(grid.months.first(), Some(&(0, "Nov".to_owned())));
        assert_eq!(
            grid.years,
            vec![(0, "2026".to_owned()), (8, "2027".to_owned())]
        );
        let today = grid.today_column.expect("today in view");
        assert_eq!(today, 3);
        for lane in 0..grid.rows.len() {
            assert!(
                matches!(grid.rows[lane][today], Cell::Today | Cell::Mark(_)),
                "lane {lane}: {}",
                grid.row_text(lane)
            );
        }
        assert!(grid.rows.iter().flatten().any(|c| *c == Cell::Bar));
        // Selecting the last mark scrolls the window to it, and it is drawn as selected.
        let last = timeline.marks.len() - 1;
        let grid = timeline.grid(0, 48, 4, Some(last));
        assert_eq!(grid.first_month, timeline.months - 12);
        assert_eq!(
            grid.rows
                .iter()
                .flatten()
                .filter(|c| **c == Cell::Selected)
                .count(),
            1
        );
        assert_eq!(grid.today_column, None, "today has scrolled out of view");
        // Scrolling past the end stops at the last window.
        assert_eq!(
            timeline.grid(99, 48, 4, None).first_month,
            timeline.months - 12
        );
    }
}
