//! Three-way merge of plans: the planner's changes and a change made elsewhere (another planner,
//! `imgplan set`, an import, an editor) to the same starting plan, put together field by field.
//!
//! The merge works on the plan's serde form, so every field merges without a list to keep up to
//! date: maps (`tasks`, `calendar`) by key, lists of things with an `id` (`programs`,
//! `rotations`, `custom_tasks`) by id, records (`profile`, one task's state, one program) field
//! by field, anything else (`rank_order`, a date, a name) as a whole. A field changed on one
//! side takes that side's value; changed on both sides to different values, it is a
//! [`Conflict`], resolved as the caller prefers and reported with both values.

use serde_json::{Map, Value};

use crate::plan::Plan;
use crate::text::{clean_line, truncate};

/// A field both sides changed, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// Where, in words: `tasks › exams.step1 › note`.
    pub path: String,
    /// The values, shown short (`"(none)"` for a removed one).
    pub ours: String,
    pub theirs: String,
}

/// Which side a conflict is resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefer {
    Ours,
    Theirs,
}

/// Why two plans could not be merged at all (a plan that does not survive its serde form; it
/// never happens with plans imgplan reads).
#[derive(Debug, thiserror::Error)]
#[error("the plans cannot be merged: {0}")]
pub struct MergeError(String);

/// Merges `ours` and `theirs`, both changed from `base`; conflicts go to `prefer`'s side and are
/// listed.
pub fn merge(
    base: &Plan,
    ours: &Plan,
    theirs: &Plan,
    prefer: Prefer,
) -> Result<(Plan, Vec<Conflict>), MergeError> {
    let as_value = |plan: &Plan| serde_json::to_value(plan).map_err(|e| MergeError(e.to_string()));
    let (base_value, ours_value, theirs_value) =
        (as_value(base)?, as_value(ours)?, as_value(theirs)?);
    let mut conflicts = Vec::new();
    let merged = merge_value(
        Some(&base_value),
        Some(&ours_value),
        Some(&theirs_value),
        prefer,
        &mut Vec::new(),
        &mut conflicts,
    )
    .unwrap_or(Value::Null);
    let mut plan: Plan = serde_json::from_value(merged).map_err(|e| MergeError(e.to_string()))?;
    // A program removed on one side leaves the rank order list with it.
    let ids: Vec<crate::ids::ProgramId> = plan.programs.iter().map(|p| p.id).collect();
    plan.rank_order.retain(|id| ids.contains(id));
    let mut seen = std::collections::BTreeSet::new();
    plan.rank_order.retain(|id| seen.insert(*id));
    Ok((plan, conflicts))
}

/// Merges one value; `None` is "absent" (a key not in the map, an item not in the list).
fn merge_value(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    prefer: Prefer,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
) -> Option<Value> {
    // Absent and null mean the same in a plan (an optional field left out).
    let norm = |v: Option<&Value>| v.filter(|v| !v.is_null()).cloned();
    let (base, ours, theirs) = (norm(base), norm(ours), norm(theirs));
    if ours == theirs {
        return ours;
    }
    if ours == base {
        return theirs;
    }
    if theirs == base {
        return ours;
    }
    match (&base, &ours, &theirs) {
        (Some(Value::Object(_)) | None, Some(Value::Object(o)), Some(Value::Object(t))) => {
            let empty = Map::new();
            let b = match &base {
                Some(Value::Object(b)) => b,
                _ => &empty,
            };
            Some(Value::Object(merge_objects(
                b, o, t, prefer, path, conflicts,
            )))
        }
        (_, Some(Value::Array(o)), Some(Value::Array(t)))
            if matches!(&base, Some(Value::Array(_)) | None)
                && with_ids(o)
                && with_ids(t)
                && with_ids(b_or_empty(&base)) =>
        {
            Some(Value::Array(merge_by_id(
                b_or_empty(&base),
                o,
                t,
                prefer,
                path,
                conflicts,
            )))
        }
        _ => {
            conflicts.push(Conflict {
                path: path.join(" › "),
                ours: show(ours.as_ref()),
                theirs: show(theirs.as_ref()),
            });
            match prefer {
                Prefer::Ours => ours,
                Prefer::Theirs => theirs,
            }
        }
    }
}

fn b_or_empty(base: &Option<Value>) -> &[Value] {
    match base {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

fn merge_objects(
    base: &Map<String, Value>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    prefer: Prefer,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = ours
        .keys()
        .chain(theirs.keys())
        .chain(base.keys())
        .collect();
    keys.sort();
    keys.dedup();
    let mut merged = Map::new();
    for key in keys {
        path.push(key.clone());
        if let Some(value) = merge_value(
            base.get(key),
            ours.get(key),
            theirs.get(key),
            prefer,
            path,
            conflicts,
        ) {
            merged.insert(key.clone(), value);
        }
        path.pop();
    }
    merged
}

/// Whether every item is an object with an `id`.
fn with_ids(items: &[Value]) -> bool {
    items.iter().all(|item| item.get("id").is_some())
}

fn id_of(item: &Value) -> String {
    item.get("id").map(|id| id.to_string()).unwrap_or_default()
}

/// Lists of things with ids, merged item by item: our order first, then what only the other side
/// added, in its order.
fn merge_by_id(
    base: &[Value],
    ours: &[Value],
    theirs: &[Value],
    prefer: Prefer,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
) -> Vec<Value> {
    let find = |items: &[Value], id: &str| items.iter().find(|item| id_of(item) == id).cloned();
    // Both sides added a new item under the same number (two programs added at once): they are
    // two items, not one changed twice. Ours takes the next free number.
    let mut ours = ours.to_vec();
    let mut next = ours
        .iter()
        .chain(theirs)
        .chain(base)
        .filter_map(|item| item.get("id").and_then(Value::as_u64))
        .max()
        .unwrap_or(0);
    for item in &mut ours {
        let id = id_of(item);
        let added_both =
            find(base, &id).is_none() && find(theirs, &id).is_some_and(|theirs| theirs != *item);
        if added_both
            && item.get("id").is_some_and(Value::is_u64)
            && let Some(fields) = item.as_object_mut()
        {
            next += 1;
            fields.insert("id".into(), Value::from(next));
        }
    }
    let ours = &ours[..];
    let mut order: Vec<String> = ours.iter().map(id_of).collect();
    for item in theirs {
        let id = id_of(item);
        if !order.contains(&id) {
            order.push(id);
        }
    }
    for item in base {
        let id = id_of(item);
        if !order.contains(&id) {
            order.push(id);
        }
    }
    let mut merged = Vec::new();
    for id in order {
        path.push(format!("#{}", id.trim_matches('"')));
        let (b, o, t) = (find(base, &id), find(ours, &id), find(theirs, &id));
        if let Some(value) =
            merge_value(b.as_ref(), o.as_ref(), t.as_ref(), prefer, path, conflicts)
        {
            merged.push(value);
        }
        path.pop();
    }
    merged
}

/// A value as a conflict shows it: short, one clean line.
fn show(value: Option<&Value>) -> String {
    match value {
        None => "(none)".to_owned(),
        Some(Value::String(text)) => format!("{:?}", truncate(&clean_line(text), 40)),
        Some(other) => truncate(&clean_line(&other.to_string()), 40),
    }
}
