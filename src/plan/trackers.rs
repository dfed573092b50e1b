//! The plan's programs and rotations: adding, editing, ranking and removing them, each checked
//! by [`crate::rules`] and cleaned of control characters on the way in.

use super::*;
use crate::ids::{ProgramId, RotationId};

impl Plan {
    // -----------------------------------------------------------------------------------------
    // Programs and the rank order list

    pub fn program(&self, id: ProgramId) -> Option<&Program> {
        self.programs.iter().find(|p| p.id == id)
    }

    fn program_mut(&mut self, id: ProgramId) -> Result<&mut Program, PlanError> {
        self.programs
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(PlanError::UnknownProgram(id))
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
    pub fn rank_list(&self) -> Vec<&Program> {
        let ranked = |id: &ProgramId| {
            self.program(*id)
                .filter(|p| p.status == ProgramStatus::Ranked)
        };
        let mut list: Vec<&Program> = Vec::new();
        for id in &self.rank_order {
            if let Some(program) = ranked(id)
                && !list.iter().any(|p| p.id == program.id)
            {
                list.push(program);
            }
        }
        for program in &self.programs {
            if program.status == ProgramStatus::Ranked && !list.iter().any(|p| p.id == program.id) {
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
        let mut added = 0;
        let mut skipped = Vec::new();
        for program in incoming {
            if self.programs.iter().any(|p| same_program(p, &program)) {
                skipped.push(clean_line(&program.name));
                continue;
            }
            self.add_program(program)?;
            added += 1;
        }
        Ok((added, skipped))
    }

    // -----------------------------------------------------------------------------------------
    // USCE and letters

    pub fn rotation(&self, id: RotationId) -> Option<&Rotation> {
        self.rotations.iter().find(|r| r.id == id)
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
    let key = |p: &Program| {
        let fold = |text: Option<&str>| {
            text.unwrap_or_default()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        };
        (
            fold(Some(&p.name)),
            fold(p.state.as_deref()),
            fold(p.specialty.as_deref()),
        )
    };
    key(a) == key(b)
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
