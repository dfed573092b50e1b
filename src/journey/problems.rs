//! Checking the template: everything that would make it unusable, in words. The tests run this
//! on the embedded template, so a broken edit to `assets/journey.ron` fails the build's tests.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Anchor, AnchorRule, Citation, SourceKind, Template};

impl Template {
    /// Everything that makes the template unusable, in words; empty when it is consistent.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        self.duplicate_ids(&mut problems);
        self.citation_problems(&mut problems);
        self.source_problems(&mut problems);
        self.anchor_problems(&mut problems);
        self.task_problems(&mut problems);
        self.data_problems(&mut problems);
        self.reference_problems(&mut problems);
        problems
    }

    /// Ids used twice within a kind of thing.
    fn duplicate_ids(&self, problems: &mut Vec<String>) {
        duplicates("stage", self.stages.iter().map(|s| s.id.as_str()), problems);
        duplicates(
            "source",
            self.sources.iter().map(|s| s.id.as_str()),
            problems,
        );
        duplicates("task", self.tasks.iter().map(|t| t.id.as_str()), problems);
        duplicates("fact", self.facts.iter().map(|f| f.id.as_str()), problems);
        duplicates("check", self.checks.iter().map(|c| c.id.as_str()), problems);
        duplicates(
            "comparison row",
            self.visa_comparison.rows.iter().map(|r| r.id.as_str()),
            problems,
        );
        duplicates(
            "travel restriction",
            self.situation.travel.iter().map(|r| r.id.as_str()),
            problems,
        );
    }

    /// Everything cites at least one source, and only known ones.
    fn citation_problems(&self, problems: &mut Vec<String>) {
        for (owner, ids) in self.citations() {
            if ids.is_empty() {
                problems.push(format!("{owner} has no source"));
            }
            for id in ids {
                if self.source(id).is_none() {
                    problems.push(format!("{owner} cites unknown source {id:?}"));
                }
            }
        }
        self.source_problems(problems);
    }

    /// Season anchors: each has a rule, no cycle, and only official calendars publish dates.
    fn anchor_problems(&self, problems: &mut Vec<String>) {
        for def in &self.anchors {
            if def.anchor == Anchor::Graduation {
                problems.push("Graduation comes from the profile and has no season rule".into());
            }
        }
        for anchor in Anchor::SEASON {
            if self.anchor(anchor).is_none() {
                problems.push(format!("anchor {anchor:?} has no estimation rule"));
            }
        }
        if let Some(cycle) = self.anchor_cycle() {
            problems.push(format!("anchor rules form a cycle through {cycle:?}"));
        }
        for season in &self.seasons {
            for date in &season.dates {
                let owner = Citation::SeasonDate(season.match_year, date.anchor);
                if date.anchor == Anchor::Graduation {
                    problems.push(format!("{owner}: a season cannot publish a graduation"));
                }
                if self
                    .source(&date.source)
                    .is_some_and(|source| source.kind != SourceKind::Official)
                {
                    problems.push(format!(
                        "{owner}: only an official calendar makes a date published, and {:?} is secondary",
                        date.source
                    ));
                }
            }
        }
    }

    /// Tasks: a known stage, ids that start with it, known dependencies and no cycle.
    fn task_problems(&self, problems: &mut Vec<String>) {
        let stage_ids: BTreeSet<&str> = self.stages.iter().map(|s| s.id.as_str()).collect();
        let task_ids: BTreeSet<&str> = self.tasks.iter().map(|t| t.id.as_str()).collect();
        for task in &self.tasks {
            let owner = format!("task {}", task.id);
            if !stage_ids.contains(task.stage.as_str()) {
                problems.push(format!("{owner} is in unknown stage {:?}", task.stage));
            }
            if !task.id.starts_with(&format!("{}.", task.stage)) {
                problems.push(format!(
                    "{owner} should start with its stage id {:?}",
                    task.stage
                ));
            }
            if task.title.trim().is_empty() || task.why.trim().is_empty() {
                problems.push(format!("{owner} needs a title and a why"));
            }
            for dep in &task.depends_on {
                if !task_ids.contains(dep.as_str()) {
                    problems.push(format!("{owner} depends on unknown task {dep:?}"));
                }
                if dep == &task.id {
                    problems.push(format!("{owner} depends on itself"));
                }
            }
        }
        if let Some(cycle) = self.dependency_cycle() {
            problems.push(format!(
                "task dependencies form a cycle: {}",
                cycle.join(" -> ")
            ));
        }
    }

    /// Checks, facts, the comparison and the fee schedules.
    fn data_problems(&self, problems: &mut Vec<String>) {
        let stage_ids: BTreeSet<&str> = self.stages.iter().map(|s| s.id.as_str()).collect();
        let task_ids: BTreeSet<&str> = self.tasks.iter().map(|t| t.id.as_str()).collect();
        for check in &self.checks {
            if !task_ids.contains(check.task.as_str()) {
                problems.push(format!(
                    "check {} names unknown task {:?}",
                    check.id, check.task
                ));
            }
        }
        for fact in &self.facts {
            let owner = format!("fact {}", fact.id);
            if fact.season.trim().is_empty() {
                problems.push(format!("{owner} has no season"));
            }
            if !stage_ids.contains(fact.stage.as_str()) {
                problems.push(format!("{owner} is in unknown stage {:?}", fact.stage));
            }
        }
        if self.visa_comparison.rows.is_empty() {
            problems.push("the visa comparison has no rows".into());
        }
        for row in &self.visa_comparison.rows {
            if row.season.trim().is_empty() {
                problems.push(format!("comparison row {} has no season", row.id));
            }
        }
        for fees in &self.fees {
            let owner = format!("{} fee schedule", fees.match_year);
            let open_ended = fees
                .per_program
                .iter()
                .filter(|t| t.up_to.is_none())
                .count();
            let limits: Vec<u32> = fees.per_program.iter().filter_map(|t| t.up_to).collect();
            if open_ended != 1 || fees.per_program.last().is_some_and(|t| t.up_to.is_some()) {
                problems.push(format!("{owner} needs exactly one last tier without up_to"));
            }
            if limits.windows(2).any(|pair| pair[0] >= pair[1]) {
                problems.push(format!("{owner} tiers must rise"));
            }
        }
    }

    /// Task ids named by the trackers and situation rules, country codes, re-check intervals.
    fn reference_problems(&self, problems: &mut Vec<String>) {
        let task_ids: BTreeSet<&str> = self.tasks.iter().map(|t| t.id.as_str()).collect();
        let trackers = &self.trackers;
        let routes = &self.situation.route_tasks;
        for (what, id) in [
            ("trackers step3_task", &trackers.step3_task),
            ("trackers letters_task", &trackers.letters_task),
            ("route_tasks j1", &routes.j1),
            ("route_tasks h1b", &routes.h1b),
            ("route_tasks visitor", &routes.visitor),
        ] {
            if !task_ids.contains(id.as_str()) {
                problems.push(format!("{what} names unknown task {id:?}"));
            }
        }
        for rule in &self.situation.travel {
            let mut seen = BTreeSet::new();
            for country in rule.full.iter().chain(&rule.partial) {
                let code = country.code.as_str();
                if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                    problems.push(format!(
                        "travel restriction {} lists {:?}, not an ISO 3166 alpha-2 code",
                        rule.id, country.code
                    ));
                }
                if !seen.insert(code) {
                    problems.push(format!("travel restriction {} lists {code} twice", rule.id));
                }
            }
        }
        if self.recheck.months == 0 || self.recheck.immigration_months == 0 {
            problems.push("re-check intervals must be at least a month".into());
        }
    }

    /// Problems with the sources themselves: each needs an https address, a title, a publisher
    /// and a season. (Check dates are compared with today by the tests, which may read the
    /// clock; the template does not.)
    fn source_problems(&self, problems: &mut Vec<String>) {
        for source in &self.sources {
            let owner = format!("source {}", source.id);
            if source.season.trim().is_empty() {
                problems.push(format!("{owner} has no season"));
            }
            if !source.url.starts_with("https://") {
                problems.push(format!("{owner} needs an https address"));
            }
            if source.publisher.trim().is_empty() || source.title.trim().is_empty() {
                problems.push(format!("{owner} needs a title and a publisher"));
            }
        }
    }

    /// A dependency cycle among tasks, if there is one (depth-first search with colours).
    fn dependency_cycle(&self) -> Option<Vec<String>> {
        let edges: HashMap<&str, Vec<&str>> = self
            .tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.depends_on.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        find_cycle(&edges).map(|path| path.into_iter().map(str::to_owned).collect())
    }

    fn anchor_cycle(&self) -> Option<Vec<&'static str>> {
        let edges: HashMap<&'static str, Vec<&'static str>> = self
            .anchors
            .iter()
            .map(|def| {
                let deps = match def.rule {
                    AnchorRule::DaysAfter { anchor, .. } => vec![anchor.key()],
                    _ => Vec::new(),
                };
                (def.anchor.key(), deps)
            })
            .collect();
        find_cycle(&edges)
    }
}

fn duplicates<'a>(kind: &str, ids: impl Iterator<Item = &'a str>, problems: &mut Vec<String>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            problems.push(format!("a {kind} has an empty id"));
        } else if !seen.insert(id) {
            problems.push(format!("{kind} id {id:?} is used twice"));
        }
    }
}

/// Finds one cycle in a directed graph given as adjacency lists; nodes not in the map are leaves.
fn find_cycle<'a>(edges: &HashMap<&'a str, Vec<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        edges: &HashMap<&'a str, Vec<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Visiting) => {
                let start = path.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(node);
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node, Mark::Visiting);
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, marks, path) {
                return Some(cycle);
            }
        }
        path.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    let mut nodes: Vec<&str> = edges.keys().copied().collect();
    nodes.sort_unstable();
    for node in nodes {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, edges, &mut marks, &mut path) {
            return Some(cycle);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_dependency_cycle() {
        let mut edges = HashMap::new();
        edges.insert("a", vec!["b"]);
        edges.insert("b", vec!["c"]);
        edges.insert("c", vec!["a"]);
        let cycle = find_cycle(&edges).expect("cycle");
        assert_eq!(cycle.first(), cycle.last());
        assert_eq!(cycle.len(), 4);
    }

    #[test]
    fn no_cycle_in_a_chain() {
        let mut edges = HashMap::new();
        edges.insert("a", vec!["b"]);
        edges.insert("b", vec!["c"]);
        assert!(find_cycle(&edges).is_none());
    }
}
