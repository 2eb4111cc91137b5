//! The plan's frame: its period (the vigencias it spans) and its entities (the sector's
//! *entidades*, each with its mission and vision), as Archivo → Nuevo sets them and *Plan y
//! entidades* changes them.
//!
//! The rules live here once: what a period may be, what an entity may be called, which
//! indicators an entity's name reaches (a rename carries them along), and how many figures a
//! shorter period drops (the window asks before dropping any).

use super::plan::{Entity, Language, Period, Plan, Vigencia};
use crate::tr;

/// The most vigencias a plan's period may span (district plans run four or five years); plan
/// files and imports with a longer period are refused.
pub const MAX_PERIOD_YEARS: u16 = 30;

/// Why two vigencias are not a plan's period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// The last vigencia comes before the first.
    LastBeforeFirst { first: Vigencia, last: Vigencia },
    /// More than [`MAX_PERIOD_YEARS`] vigencias.
    TooLong { first: Vigencia, last: Vigencia },
}

impl PeriodError {
    /// The refusal in words, naming both vigencias.
    pub fn message(self, language: Language) -> String {
        match self {
            PeriodError::LastBeforeFirst { first, last } => {
                tr!(
                    language,
                    "period-last-before-first",
                    first = first,
                    last = last
                )
            }
            PeriodError::TooLong { first, last } => tr!(
                language,
                "period-too-long",
                first = first,
                last = last,
                max = MAX_PERIOD_YEARS
            ),
        }
    }
}

impl Period {
    /// The period from `first` to `last`, both included, if a plan may have it: `last` not
    /// before `first`, at most [`MAX_PERIOD_YEARS`] vigencias.
    pub fn checked(first: Vigencia, last: Vigencia) -> Result<Period, PeriodError> {
        if last < first {
            Err(PeriodError::LastBeforeFirst { first, last })
        } else if last - first >= MAX_PERIOD_YEARS {
            Err(PeriodError::TooLong { first, last })
        } else {
            Ok(Period { first, last })
        }
    }
}

/// Why a name cannot be an entity's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntityNameError {
    /// Empty, or spaces only.
    Empty,
    /// Another entity of the plan has it (case and spaces around do not tell names apart).
    Repeated(String),
    /// A new plan was asked for without any entity.
    NoEntity,
}

impl EntityNameError {
    /// The refusal in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            EntityNameError::Empty => tr!(language, "entity-name-empty"),
            EntityNameError::Repeated(name) => {
                tr!(language, "entity-name-repeated", name = name.as_str())
            }
            EntityNameError::NoEntity => tr!(language, "entity-name-none"),
        }
    }
}

/// A name as names are compared: case and spaces (around, and repeated inside) do not count.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The entities of a new plan, from the names typed (blank ones skipped): at least one, none
/// repeated.
pub fn new_entities(names: &[&str]) -> Result<Vec<Entity>, EntityNameError> {
    let mut entities: Vec<Entity> = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if entities.iter().any(|e| name_key(&e.name) == name_key(name)) {
            return Err(EntityNameError::Repeated(name.to_owned()));
        }
        entities.push(Entity {
            name: name.to_owned(),
            ..Entity::default()
        });
    }
    if entities.is_empty() {
        return Err(EntityNameError::NoEntity);
    }
    Ok(entities)
}

impl Plan {
    /// Whether `name` may be the name of the entity at `index` (`None`: a new entity): not
    /// empty, and no other entity of the plan has it.
    pub fn check_entity_name(
        &self,
        name: &str,
        index: Option<usize>,
    ) -> Result<(), EntityNameError> {
        if name.trim().is_empty() {
            return Err(EntityNameError::Empty);
        }
        let key = name_key(name);
        let taken = self
            .entities
            .iter()
            .enumerate()
            .any(|(i, e)| Some(i) != index && name_key(&e.name) == key);
        if taken {
            return Err(EntityNameError::Repeated(name.trim().to_owned()));
        }
        Ok(())
    }

    /// Whether an indicator's *entidad responsable* names one of the plan's entities: its name,
    /// or its first words ("Secretaría General" for "Secretaría General de la Alcaldía Mayor de
    /// Bogotá", as the seed writes it), case and spaces aside.
    pub fn names_an_entity(&self, text: &str) -> bool {
        let key = name_key(text);
        !key.is_empty()
            && self.entities.iter().any(|e| {
                let name = name_key(&e.name);
                name == key
                    || name
                        .strip_prefix(&key)
                        .is_some_and(|rest| rest.starts_with(' '))
            })
    }

    /// How many indicators give the entity at `index` as their *entidad responsable* by its
    /// whole name (case and spaces aside): those a rename carries along.
    pub fn indicators_of_entity(&self, index: usize) -> usize {
        let Some(entity) = self.entities.get(index) else {
            return 0;
        };
        let key = name_key(&entity.name);
        self.objectives
            .iter()
            .flat_map(|o| o.indicators())
            .filter(|(_, i)| name_key(&i.entity) == key)
            .count()
    }

    /// How many figures the plan holds in vigencias outside `period`: weights, programming,
    /// executed quarters and comments, each counted once. A period that leaves them out drops
    /// them.
    pub fn figures_outside(&self, period: Period) -> usize {
        self.objectives
            .iter()
            .flat_map(|o| o.indicators())
            .flat_map(|(_, i)| &i.years)
            .filter(|(vigencia, _)| !period.contains(**vigencia))
            .map(|(_, year)| {
                usize::from(year.weight.is_some())
                    + usize::from(year.programmed.is_some())
                    + year.executed.len()
                    + year.comments.len()
            })
            .sum()
    }

    /// Appends an entity with this name (no mission or vision yet); `None` when the name is
    /// empty or another entity's.
    pub(super) fn add_entity(&mut self, name: &str) -> Option<()> {
        self.check_entity_name(name, None).ok()?;
        self.entities.push(Entity {
            name: name.trim().to_owned(),
            ..Entity::default()
        });
        Some(())
    }

    /// Renames the entity at `index`, and with it every indicator that gives its whole old
    /// name as *entidad responsable*; `None` when the name is empty or another entity's.
    pub(super) fn rename_entity(&mut self, index: usize, name: &str) -> Option<()> {
        self.check_entity_name(name, Some(index)).ok()?;
        let entity = self.entities.get_mut(index)?;
        let old = name_key(&entity.name);
        entity.name = name.trim().to_owned();
        for objective in &mut self.objectives {
            for meta in &mut objective.metas {
                for indicator in &mut meta.indicators {
                    if name_key(&indicator.entity) == old {
                        indicator.entity = name.trim().to_owned();
                    }
                }
            }
        }
        Some(())
    }

    /// Removes the entity at `index`. Indicators that name it keep the name as they wrote it
    /// (validation then says it is not among the plan's entities).
    pub(super) fn remove_entity(&mut self, index: usize) -> Option<()> {
        (index < self.entities.len()).then(|| {
            self.entities.remove(index);
        })
    }

    /// Sets the period, dropping every figure of the vigencias it leaves out; a cut outside it
    /// moves to the nearest vigencia of the period, same quarter. `None` for a period a plan
    /// may not have ([`Period::checked`]).
    pub(super) fn set_period(&mut self, period: Period) -> Option<()> {
        let period = Period::checked(period.first, period.last).ok()?;
        self.period = period;
        self.cut.vigencia = self.cut.vigencia.clamp(period.first, period.last);
        for objective in &mut self.objectives {
            for meta in &mut objective.metas {
                for indicator in &mut meta.indicators {
                    indicator
                        .years
                        .retain(|vigencia, _| period.contains(*vigencia));
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;
    use crate::model::edit::{Edit, EditTargetMissing, IndicatorPath};
    use crate::model::undo::Restore;
    use crate::model::validation::{Problem, validate};
    use crate::model::{Cut, Quarter};

    /// Applies `edit`, then checks that undoing it gives `before` back and redoing it the plan
    /// after.
    fn apply_and_undo(plan: &mut Plan, edit: Edit) {
        let before = plan.clone();
        let restore = Restore::before(plan, &edit).expect("the edit has a target");
        plan.apply(edit.clone()).unwrap();
        let after = plan.clone();
        let mut undone = after.clone();
        let redo = restore.apply(&mut undone);
        assert_eq!(undone, before, "undo {edit:?}");
        redo.apply(&mut undone);
        assert_eq!(undone, after, "redo {edit:?}");
    }

    fn entities_of_indicators(plan: &Plan) -> Vec<String> {
        plan.objectives
            .iter()
            .flat_map(|o| o.indicators())
            .map(|(_, i)| i.entity.clone())
            .collect()
    }

    fn entity_findings(plan: &Plan) -> Vec<Problem> {
        validate(plan)
            .into_iter()
            .map(|f| f.problem)
            .filter(|p| matches!(p, Problem::EntityNotInPlan(_)))
            .collect()
    }

    #[test]
    fn renaming_an_entity_renames_its_indicators_in_one_step() {
        let mut plan = seed_plan();
        // The seed's indicators write the entity's first words: they name it, and a rename to
        // exactly those words carries no indicator (none gives the whole old name).
        assert_eq!(entity_findings(&plan), []);
        apply_and_undo(
            &mut plan,
            Edit::RenameEntity {
                entity: 0,
                name: " Secretaría General ".into(),
            },
        );
        assert_eq!(plan.entities[0].name, "Secretaría General");
        assert_eq!(plan.indicators_of_entity(0), 9);
        apply_and_undo(
            &mut plan,
            Edit::RenameEntity {
                entity: 0,
                name: "Secretaría Jurídica".into(),
            },
        );
        assert_eq!(
            entities_of_indicators(&plan),
            vec!["Secretaría Jurídica"; 9]
        );
        assert_eq!(plan.indicators_of_entity(0), 9);
        assert_eq!(entity_findings(&plan), []);
    }

    #[test]
    fn a_name_empty_or_another_entitys_is_refused_and_nothing_changes() {
        let mut plan = seed_plan();
        let before = plan.clone();
        let other = plan.entities[1].name.to_uppercase();
        for (name, error) in [
            ("  ", EntityNameError::Empty),
            (other.as_str(), EntityNameError::Repeated(other.clone())),
        ] {
            assert_eq!(plan.check_entity_name(name, Some(0)), Err(error));
            let rename = Edit::RenameEntity {
                entity: 0,
                name: name.into(),
            };
            assert_eq!(plan.apply(rename.clone()), Err(EditTargetMissing(rename)));
            let add = Edit::AddEntity { name: name.into() };
            assert_eq!(plan.apply(add.clone()), Err(EditTargetMissing(add)));
        }
        assert_eq!(plan, before);
        assert_eq!(
            plan.check_entity_name(&plan.entities[0].name.clone(), Some(0)),
            Ok(()),
            "its own name"
        );
    }

    #[test]
    fn an_entity_is_added_and_removed_and_indicators_that_name_it_are_warned_about() {
        let mut plan = seed_plan();
        apply_and_undo(
            &mut plan,
            Edit::AddEntity {
                name: "IDPAC".into(),
            },
        );
        assert_eq!(plan.entities.len(), 3);
        assert_eq!(plan.entities[2].name, "IDPAC");
        apply_and_undo(&mut plan, Edit::RemoveEntity { entity: 0 });
        assert_eq!(
            entities_of_indicators(&plan),
            vec!["Secretaría General"; 9],
            "the indicators keep the name"
        );
        assert_eq!(
            entity_findings(&plan),
            vec![Problem::EntityNotInPlan("Secretaría General".into()); 9]
        );
        assert_eq!(
            Problem::EntityNotInPlan("Secretaría General".into()).text(Language::En),
            "the responsible entity «Secretaría General» is not among the plan's entities"
        );
        // A plan without entities checks nothing.
        plan.entities.clear();
        assert_eq!(entity_findings(&plan), []);
    }

    #[test]
    fn short_forms_name_an_entity_but_parts_of_words_do_not() {
        let plan = seed_plan();
        assert!(plan.names_an_entity("secretaría  general"));
        assert!(plan.names_an_entity(&plan.entities[1].name.to_lowercase()));
        assert!(!plan.names_an_entity("Secretaría Gen"));
        assert!(!plan.names_an_entity("Secretaría General de Hacienda"));
        assert!(!plan.names_an_entity(""));
    }

    #[test]
    fn a_shorter_period_counts_and_drops_the_figures_it_leaves_out() {
        let mut plan = seed_plan();
        let at = IndicatorPath {
            objective: 1,
            meta: 0,
            indicator: 0,
        };
        plan.apply(Edit::Comment {
            at,
            vigencia: 2021,
            quarter: Quarter::ALL[3],
            text: "cerró bajo".into(),
        })
        .unwrap();
        let keep_2021_on = Period::checked(2021, 2024).unwrap();
        assert_eq!(plan.figures_outside(keep_2021_on), 9, "2020's programming");
        let from_2022 = Period::checked(2022, 2026).unwrap();
        assert_eq!(plan.figures_outside(from_2022), 9 + 9 + 1);
        assert_eq!(plan.figures_outside(plan.period), 0);
        apply_and_undo(&mut plan, Edit::Period(from_2022));
        assert_eq!(plan.period, from_2022);
        assert_eq!(
            plan.figures_outside(Period::checked(2000, 2029).unwrap()),
            0
        );
        assert_eq!(
            plan.indicator(at)
                .unwrap()
                .years
                .keys()
                .copied()
                .collect::<Vec<_>>(),
            [2022, 2023, 2024]
        );
        // A cut outside the new period moves into it, same quarter.
        apply_and_undo(
            &mut plan,
            Edit::Period(Period::checked(2023, 2027).unwrap()),
        );
        assert_eq!(plan.cut, Cut::new(2023, Quarter::ALL[0]));
    }

    #[test]
    fn a_period_reversed_or_too_long_is_refused_in_words() {
        assert_eq!(
            Period::checked(2027, 2024),
            Err(PeriodError::LastBeforeFirst {
                first: 2027,
                last: 2024
            })
        );
        assert!(Period::checked(2000, 2029).is_ok());
        let long = Period::checked(2000, 2030).unwrap_err();
        assert_eq!(
            long.message(Language::Es),
            "un plan abarca como máximo 30 vigencias; de 2000 a 2030 son más"
        );
        let mut plan = seed_plan();
        let before = plan.clone();
        let reversed = Edit::Period(Period {
            first: 2024,
            last: 2020,
        });
        assert!(plan.apply(reversed).is_err());
        assert_eq!(plan, before);
    }

    #[test]
    fn a_new_plans_entities_are_one_or_more_never_repeated() {
        assert_eq!(new_entities(&["", "  "]), Err(EntityNameError::NoEntity));
        assert_eq!(
            new_entities(&["IDARTES", "idartes "]),
            Err(EntityNameError::Repeated("idartes".into()))
        );
        let names = new_entities(&[" IDARTES ", "", "Secretaría de Cultura"]).unwrap();
        assert_eq!(names.len(), 2);
        assert_eq!(names[0].name, "IDARTES");
    }
}
