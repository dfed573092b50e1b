//! The plan's programs and rotations: adding, editing, ranking and removing them, each checked
//! by [`crate::rules`] and cleaned of control characters on the way in.

use super::*;
use std::collections::HashSet;

use crate::ids::{ProgramId, RotationId};

impl Plan {
    // -----------------------------------------------------------------------------------------
    // Programs and the rank order list

    /// The program with this id. Ids are handed out in increasing order and programs kept in
    /// the order added, so a binary search finds it at once; a list out of that order (a merge,
    /// a hand edit) is searched from the start.
    pub fn program(&self, id: ProgramId) -> Option<&Program> {
        self.program_index(id).map(|index| &self.programs[index])
    }

    fn program_index(&self, id: ProgramId) -> Option<usize> {
        self.programs
            .binary_search_by_key(&id, |p| p.id)
            .ok()
            .or_else(|| self.programs.iter().position(|p| p.id == id))
    }

    fn program_mut(&mut self, id: ProgramId) -> Result<&mut Program, PlanError> {
        let index = self
            .program_index(id)
            .ok_or(PlanError::UnknownProgram(id))?;
        Ok(&mut self.programs[index])
    }

    /// Adds a program (its `id` is replaced by the next free number) and returns its id.
    pub fn add_program(&mut self, mut program: Program) -> Result<ProgramId, PlanError> {
        clean_program(&mut program)?;
        program.id = ProgramId(self.programs.iter().map(|p| p.id.0).max().unwrap_or(0) + 1);
        let id = program.id;
        let ranked = program.status == ProgramStatus::Ranked;
        self.programs.push(program);
        if ranked {
            self.rank_order.push(id);
        }
        Ok(id)
    }

    /// Replaces a program's fields (keeping its id and place in the rank list).
    pub fn update_program(&mut self, mut program: Program) -> Result<(), PlanError> {
        clean_program(&mut program)?;
        let id = program.id;
        let status = program.status;
        *self.program_mut(id)? = program;
        self.follow_status(id, status);
        Ok(())
    }

    pub fn remove_program(&mut self, id: ProgramId) -> Result<Program, PlanError> {
        let index = self
            .programs
            .iter()
            .position(|p| p.id == id)
            .ok_or(PlanError::UnknownProgram(id))?;
        self.rank_order.retain(|ranked| *ranked != id);
        for letter in &mut self.letters {
            letter.programs.retain(|assigned| *assigned != id);
        }
        self.letters_asked.remove(&id);
        Ok(self.programs.remove(index))
    }

    /// Moves a program along its pipeline; ranking puts it at the end of the rank list and any
    /// other status takes it off.
    pub fn set_program_status(
        &mut self,
        id: ProgramId,
        status: ProgramStatus,
    ) -> Result<(), PlanError> {
        self.program_mut(id)?.status = status;
        self.follow_status(id, status);
        Ok(())
    }

    fn follow_status(&mut self, id: ProgramId, status: ProgramStatus) {
        let listed = self.rank_order.contains(&id);
        if status == ProgramStatus::Ranked && !listed {
            self.rank_order.push(id);
        } else if status != ProgramStatus::Ranked && listed {
            self.rank_order.retain(|ranked| *ranked != id);
        }
    }

    /// The rank order list, first choice first: ranked programs in the user's order, then any
    /// ranked program the order does not mention yet (by id), so none is ever lost.
    ///
    /// Linear in the programs: the ranked ones are gathered once, then taken in order.
    pub fn rank_list(&self) -> Vec<&Program> {
        let mut ranked: std::collections::HashMap<ProgramId, &Program> = self
            .programs
            .iter()
            .filter(|p| p.status == ProgramStatus::Ranked)
            .map(|p| (p.id, p))
            .collect();
        let mut list: Vec<&Program> = Vec::with_capacity(ranked.len());
        for id in &self.rank_order {
            if let Some(program) = ranked.remove(id) {
                list.push(program);
            }
        }
        for program in &self.programs {
            if ranked.remove(&program.id).is_some() {
                list.push(program);
            }
        }
        list
    }

    /// Moves a ranked program one place up (towards first choice) or down. Returns its new rank
    /// (1-based); moving past either end leaves it where it is.
    pub fn move_rank(&mut self, id: ProgramId, up: bool) -> Result<usize, PlanError> {
        let mut order: Vec<ProgramId> = self.rank_list().iter().map(|p| p.id).collect();
        let Some(index) = order.iter().position(|ranked| *ranked == id) else {
            return Err(match self.program(id) {
                Some(program) => PlanError::NotRanked(clean_line(&program.name)),
                None => PlanError::UnknownProgram(id),
            });
        };
        let target = if up {
            index.saturating_sub(1)
        } else {
            (index + 1).min(order.len() - 1)
        };
        order.swap(index, target);
        self.rank_order = order;
        Ok(target + 1)
    }

    /// Adds programs read from a spreadsheet, skipping any the plan already has (same NRMP code,
    /// or else the same name, state and specialty). Returns how many were added and skipped.
    pub fn import_programs(
        &mut self,
        incoming: Vec<Program>,
    ) -> Result<(usize, Vec<String>), PlanError> {
        // Linear: the plan's programs are indexed once (and each added one joins the index), and
        // ids are counted on from the largest, never looked for again.
        let mut index = ProgramIndex::of(&self.programs);
        let mut last_id = self.programs.iter().map(|p| p.id.0).max().unwrap_or(0);
        let mut added = 0;
        let mut skipped = Vec::new();
        for mut program in incoming {
            if index.holds(&program) {
                skipped.push(clean_line(&program.name));
                continue;
            }
            clean_program(&mut program)?;
            last_id += 1;
            program.id = ProgramId(last_id);
            index.add(&program);
            if program.status == ProgramStatus::Ranked {
                self.rank_order.push(program.id);
            }
            self.programs.push(program);
            added += 1;
        }
        Ok((added, skipped))
    }

    // -----------------------------------------------------------------------------------------
    // USCE and letters

    /// The rotation with this id: a binary search, as for [`Plan::program`].
    pub fn rotation(&self, id: RotationId) -> Option<&Rotation> {
        self.rotations
            .binary_search_by_key(&id, |r| r.id)
            .ok()
            .map(|index| &self.rotations[index])
            .or_else(|| self.rotations.iter().find(|r| r.id == id))
    }

    /// Adds a rotation (its `id` is replaced by the next free number) and returns its id.
    pub fn add_rotation(&mut self, mut rotation: Rotation) -> Result<RotationId, PlanError> {
        clean_rotation(&mut rotation)?;
        rotation.id = RotationId(self.rotations.iter().map(|r| r.id.0).max().unwrap_or(0) + 1);
        let id = rotation.id;
        self.rotations.push(rotation);
        Ok(id)
    }

    pub fn update_rotation(&mut self, mut rotation: Rotation) -> Result<(), PlanError> {
        clean_rotation(&mut rotation)?;
        let slot = self
            .rotations
            .iter_mut()
            .find(|r| r.id == rotation.id)
            .ok_or(PlanError::UnknownRotation(rotation.id))?;
        *slot = rotation;
        Ok(())
    }

    pub fn remove_rotation(&mut self, id: RotationId) -> Result<Rotation, PlanError> {
        let index = self
            .rotations
            .iter()
            .position(|r| r.id == id)
            .ok_or(PlanError::UnknownRotation(id))?;
        Ok(self.rotations.remove(index))
    }

    pub fn set_letter(&mut self, id: RotationId, letter: LetterState) -> Result<(), PlanError> {
        self.rotations
            .iter_mut()
            .find(|r| r.id == id)
            .ok_or(PlanError::UnknownRotation(id))?
            .letter = letter;
        Ok(())
    }

    /// Sets how many letters the user aims for; `None` returns to the template's default.
    pub fn set_letter_target(&mut self, target: Option<u32>) -> Result<(), PlanError> {
        rules::letter_target(target)?;
        self.letter_target = target;
        Ok(())
    }

    /// The letter target in force: the user's own, else the template's.
    pub fn letter_target(&self, template: &Template) -> u32 {
        self.letter_target
            .unwrap_or(template.trackers.letter_target)
    }
}

/// Whether two programs are the same one, for imports: the NRMP code when both have one, else
/// the name, state and specialty compared without regard to case and spacing.
pub fn same_program(a: &Program, b: &Program) -> bool {
    if let (Some(x), Some(y)) = (&a.nrmp_code, &b.nrmp_code) {
        return x.eq_ignore_ascii_case(y);
    }
    program_key(a) == program_key(b)
}

/// A program's name, state and specialty with case and spacing folded, as imports compare them.
fn program_key(program: &Program) -> (String, String, String) {
    // Words joined by one space, in lower case; one allocation per field (an import folds
    // every row).
    let fold = |text: Option<&str>| {
        let text = text.unwrap_or_default();
        let mut folded = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !folded.is_empty() {
                folded.push(' ');
            }
            folded.push_str(word);
        }
        if folded.is_ascii() {
            folded.make_ascii_lowercase();
            folded
        } else {
            folded.to_lowercase()
        }
    };
    (
        fold(Some(&program.name)),
        fold(program.state.as_deref()),
        fold(program.specialty.as_deref()),
    )
}

/// The programs an import compares rows with, indexed so that each row is one lookup: the same
/// answers as [`same_program`] against every program, without comparing with every program.
struct ProgramIndex {
    /// NRMP codes, in lower case.
    codes: HashSet<String>,
    /// The folded keys of all programs.
    keys: HashSet<(String, String, String)>,
    /// The folded keys of programs without an NRMP code.
    uncoded_keys: HashSet<(String, String, String)>,
}

impl ProgramIndex {
    fn of(programs: &[Program]) -> ProgramIndex {
        let mut index = ProgramIndex {
            codes: HashSet::new(),
            keys: HashSet::new(),
            uncoded_keys: HashSet::new(),
        };
        programs.iter().for_each(|program| index.add(program));
        index
    }

    fn add(&mut self, program: &Program) {
        let key = program_key(program);
        match &program.nrmp_code {
            Some(code) => {
                self.codes.insert(code.to_ascii_lowercase());
            }
            None => {
                self.uncoded_keys.insert(key.clone());
            }
        }
        self.keys.insert(key);
    }

    /// Whether some indexed program is [`same_program`] as `program`: with a code, one with the
    /// same code or one without a code and the same key; without a code, any with the same key.
    fn holds(&self, program: &Program) -> bool {
        let key = program_key(program);
        match &program.nrmp_code {
            Some(code) => {
                self.codes.contains(&code.to_ascii_lowercase()) || self.uncoded_keys.contains(&key)
            }
            None => self.keys.contains(&key),
        }
    }
}

fn optional_field(value: Option<String>, max: usize) -> Option<String> {
    value
        .map(|text| clean_field(&text, max).trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// As [`optional_field`], refusing text over `max` characters instead of cutting it.
fn optional_checked(
    value: Option<String>,
    max: usize,
    what: &'static str,
) -> Result<Option<String>, PlanError> {
    Ok(match value {
        Some(text) => Some(checked_field(&text, max, what)?).filter(|text| !text.is_empty()),
        None => None,
    })
}

/// Cleans a program's text and checks its fields; the error says which field and why.
fn clean_program(program: &mut Program) -> Result<(), PlanError> {
    program.name = checked_field(&program.name, MAX_TITLE_CHARS, "the program's name")?;
    if program.name.is_empty() {
        return Err(PlanError::Invalid("a program needs a name".into()));
    }
    program.state = match optional_field(program.state.take(), 8) {
        Some(state) => Some(programs::parse_state(&state).map_err(PlanError::Invalid)?),
        None => None,
    };
    program.specialty =
        optional_checked(program.specialty.take(), MAX_TITLE_CHARS, "the specialty")?;
    program.nrmp_code = match optional_field(program.nrmp_code.take(), 20) {
        Some(code) => Some(programs::parse_nrmp_code(&code).map_err(PlanError::Invalid)?),
        None => None,
    };
    program.note = optional_checked(program.note.take(), MAX_NOTE_CHARS, "the note")?;
    program.contact = optional_checked(program.contact.take(), MAX_TITLE_CHARS, "the contact")?;
    let extra = std::mem::take(&mut program.extra);
    for (column, value) in extra {
        let column = checked_field(&column, MAX_TITLE_CHARS, "a column name")?;
        let value = checked_field(&value, MAX_NOTE_CHARS, "a cell of your own column")?;
        if !column.is_empty() && !value.is_empty() {
            program.extra.insert(column, value);
        }
    }
    rules::program(program)?;
    Ok(())
}

/// Cleans a rotation's text and checks its dates.
fn clean_rotation(rotation: &mut Rotation) -> Result<(), PlanError> {
    rotation.institution = checked_field(
        &rotation.institution,
        usce::MAX_NAME_CHARS,
        "the institution",
    )?;
    if rotation.institution.is_empty() {
        return Err(PlanError::Invalid("a rotation needs an institution".into()));
    }
    rotation.specialty = optional_checked(
        rotation.specialty.take(),
        usce::MAX_NAME_CHARS,
        "the specialty",
    )?;
    rotation.supervisor = optional_checked(
        rotation.supervisor.take(),
        usce::MAX_NAME_CHARS,
        "the supervisor",
    )?;
    rotation.note = optional_checked(rotation.note.take(), MAX_NOTE_CHARS, "the note")?;
    rules::rotation(rotation)?;
    Ok(())
}

#[cfg(test)]
mod index_tests {
    use super::*;

    fn program(name: &str, code: Option<&str>) -> Program {
        Program {
            id: ProgramId(0),
            name: name.to_owned(),
            state: Some("NY".into()),
            specialty: Some("Internal Medicine".into()),
            nrmp_code: code.map(str::to_owned),
            service: crate::programs::ApplicationService::Eras,
            visa: crate::programs::VisaStance::Unknown,
            requirements: crate::programs::Requirements::default(),
            status: ProgramStatus::Considering,
            interview: None,
            note: None,
            ..Program::default()
        }
    }

    /// The index answers as comparing with every program would, for every mix of codes and
    /// names (the same name in other case and spacing included).
    #[test]
    fn the_index_agrees_with_comparing_every_program() {
        let names = ["Mercy IM", "mercy  im", "Harbor FM"];
        let codes = [
            None,
            Some("1234140C0"),
            Some("1234140c0"),
            Some("9999999C0"),
        ];
        let all: Vec<Program> = names
            .iter()
            .flat_map(|name| codes.iter().map(|code| program(name, *code)))
            .collect();
        for existing in all.iter().map(std::slice::from_ref) {
            let index = ProgramIndex::of(existing);
            for row in &all {
                let brute = existing.iter().any(|p| same_program(p, row));
                assert_eq!(index.holds(row), brute, "{existing:?} against {row:?}");
            }
        }
        let index = ProgramIndex::of(&all[..5]);
        for row in &all {
            let brute = all[..5].iter().any(|p| same_program(p, row));
            assert_eq!(index.holds(row), brute, "{row:?}");
        }
    }
}
