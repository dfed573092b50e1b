//! What the planner derives from the plan beyond the [`Snapshot`](crate::insights::Snapshot),
//! computed once per change instead of once per frame or per call: each panel's rows (the rank
//! list and the filtered, sorted programs among them, the agenda's dated tasks), the places in
//! the rank list, and the ERAS cost estimate.
//!
//! A j/k at 10,000 items used to rank, filter and sort every program six times over; now it
//! reads these. The cache is filled on first use and emptied by [`App::refresh`], which every
//! change of the plan or of the day goes through. Rows also depend on the program filter, the
//! sort and the list's height: those are the [`RowsKey`], compared on every read, so a change
//! to them needs no call here. Anything new that a panel's rows read must join the key (or
//! call `refresh`), or the panel would show rows from before the change.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::ids::ProgramId;
use crate::programs::{CostEstimate, ProgramFilter, ProgramSort};

use super::app::{App, Row};

/// Everything besides the plan and the snapshot that a panel's rows depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowsKey {
    filter: ProgramFilter,
    sort: ProgramSort,
    list_height: usize,
    /// The screen's width and the zoom: the visa comparison wraps its cells to the list's width.
    width: u16,
    zoom: super::layout::Zoom,
    /// The Agenda's "open only" filter (`f`).
    agenda_open_only: bool,
    /// Countdowns in headings ("in 34 d") count from today.
    today: chrono::NaiveDate,
    /// How many programs, rotations, tasks, letters and practice exams there are: a plan
    /// changed without a refresh (a test setting a field directly) is seen at least when
    /// something is added or removed.
    counts: (usize, usize, usize, usize, usize),
}

impl RowsKey {
    pub fn of(app: &App) -> RowsKey {
        let plan = &app.session.plan;
        RowsKey {
            filter: app.prefs.program_filter.clone(),
            sort: app.prefs.program_sort,
            list_height: app.list_height(),
            width: app.screen.width,
            zoom: app.screen.zoom,
            agenda_open_only: app.prefs.agenda_open_only,
            today: app.today,
            counts: (
                plan.programs.len(),
                plan.rotations.len(),
                plan.tasks.len(),
                plan.letters.len(),
                plan.practice.exams.len(),
            ),
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Cache {
    rows: HashMap<usize, (RowsKey, Arc<[Row]>)>,
    ranks: Option<Arc<HashMap<ProgramId, usize>>>,
    cost: Option<Option<Arc<CostEstimate>>>,
}

/// The cache; cloning a planner clones it.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    cache: RefCell<Cache>,
}

impl Derived {
    /// Forgets everything (the plan, the day or the template changed).
    pub fn clear(&mut self) {
        *self.cache.get_mut() = Cache::default();
    }

    /// A panel's rows for `key`, built by `build` when not known.
    pub fn rows(&self, panel: usize, key: RowsKey, build: impl FnOnce() -> Vec<Row>) -> Arc<[Row]> {
        if let Some((known, rows)) = self.cache.borrow().rows.get(&panel)
            && *known == key
        {
            return Arc::clone(rows);
        }
        let rows: Arc<[Row]> = build().into();
        self.cache
            .borrow_mut()
            .rows
            .insert(panel, (key, Arc::clone(&rows)));
        rows
    }

    /// Each ranked program's place in the rank list (1 = first choice).
    pub fn ranks(&self, build: impl FnOnce() -> Vec<ProgramId>) -> Arc<HashMap<ProgramId, usize>> {
        if let Some(ranks) = &self.cache.borrow().ranks {
            return Arc::clone(ranks);
        }
        let ranks: Arc<HashMap<ProgramId, usize>> = Arc::new(
            build()
                .into_iter()
                .enumerate()
                .map(|(index, id)| (id, index + 1))
                .collect(),
        );
        self.cache.borrow_mut().ranks = Some(Arc::clone(&ranks));
        ranks
    }

    /// The ERAS cost estimate (`None` without a fee table for the plan's season).
    pub fn cost(&self, build: impl FnOnce() -> Option<CostEstimate>) -> Option<Arc<CostEstimate>> {
        if let Some(cost) = &self.cache.borrow().cost {
            return cost.clone();
        }
        let cost = build().map(Arc::new);
        self.cache.borrow_mut().cost = Some(cost.clone());
        cost
    }
}

impl App {
    /// The place of a program in the rank list (1 = first choice), if it is ranked.
    pub fn rank_of(&self, id: ProgramId) -> Option<usize> {
        let plan = &self.session.plan;
        self.session
            .derived
            .ranks(|| plan.rank_list().iter().map(|p| p.id).collect())
            .get(&id)
            .copied()
    }

    /// The ERAS cost estimate of the plan's programs, counting those still considered.
    pub fn cost_estimate(&self) -> Option<Arc<CostEstimate>> {
        let plan = &self.session.plan;
        self.session.derived.cost(|| {
            self.template
                .fees_for(plan.profile.match_year)
                .map(|fees| crate::programs::estimate_cost(&plan.programs, fees, true))
        })
    }
}
