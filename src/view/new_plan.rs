//! Archivo → Nuevo: the new plan's frame as typed (title, sector, period, number of objectives,
//! entities) and what it reads as. Every text stays as typed until *Crear*; a text that cannot
//! be read says why under its field, and *Crear* waits.

use crate::model::frame::new_entities;
use crate::model::{
    DEFAULT_OBJECTIVES, Entity, EntityNameError, Language, MAX_OBJECTIVES, Period, PeriodError,
    Plan, Vigencia,
};
use crate::tr;

use super::dialog::{ObjectiveCountError, objective_count};

/// The fields of the Nuevo dialog, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlanForm {
    pub title: String,
    pub sector: String,
    /// The period's first vigencia.
    pub first: String,
    /// The period's last vigencia.
    pub last: String,
    pub objectives: String,
    /// The entities' names, one a line.
    pub entities: String,
    /// Shown for the first time: focus the title with its text selected.
    pub fresh: bool,
}

impl NewPlanForm {
    /// The form as it opens: the default title, the open plan's period, five objectives and
    /// no entity.
    pub fn new(period: Period, language: Language) -> Self {
        Self {
            title: tr!(language, "app-new-plan-title"),
            sector: String::new(),
            first: period.first.to_string(),
            last: period.last.to_string(),
            objectives: DEFAULT_OBJECTIVES.to_string(),
            entities: String::new(),
            fresh: true,
        }
    }

    /// What the form reads as, or every reason it cannot be a plan yet.
    pub fn read(&self) -> Result<NewPlanSpec, Vec<NewPlanProblem>> {
        let mut problems = Vec::new();
        let period = read_period(&self.first, &self.last)
            .map_err(|e| problems.extend(e))
            .ok();
        let objectives = objective_count(&self.objectives)
            .map_err(|e| problems.push(NewPlanProblem::Objectives(e)))
            .ok();
        let names: Vec<&str> = self.entities.lines().collect();
        let entities = new_entities(&names)
            .map_err(|e| problems.push(NewPlanProblem::Entities(e)))
            .ok();
        match (period, objectives, entities) {
            (Some(period), Some(objectives), Some(entities)) if problems.is_empty() => {
                Ok(NewPlanSpec {
                    title: self.title.trim().to_owned(),
                    sector: self.sector.trim().to_owned(),
                    period,
                    objectives,
                    entities,
                })
            }
            _ => Err(problems),
        }
    }
}

/// The period typed as its first and last vigencias, or why it cannot be a plan's.
pub fn read_period(first: &str, last: &str) -> Result<Period, Vec<NewPlanProblem>> {
    match (year(first), year(last)) {
        (Ok(first), Ok(last)) => {
            Period::checked(first, last).map_err(|e| vec![NewPlanProblem::Period(e)])
        }
        (a, b) => {
            let mut problems = Vec::new();
            if a.is_err() {
                problems.push(NewPlanProblem::FirstNotAYear(first.to_owned()));
            }
            if b.is_err() {
                problems.push(NewPlanProblem::LastNotAYear(last.to_owned()));
            }
            Err(problems)
        }
    }
}

/// A vigencia as typed: four digits, spaces around allowed.
fn year(text: &str) -> Result<Vigencia, ()> {
    let text = text.trim();
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    text.parse().map_err(|_| ())
}

/// Why the Nuevo form cannot make a plan yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewPlanProblem {
    /// The first vigencia is not a year (the text typed).
    FirstNotAYear(String),
    LastNotAYear(String),
    Period(PeriodError),
    Objectives(ObjectiveCountError),
    Entities(EntityNameError),
}

/// The fields of the Nuevo dialog, to say which one a problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewPlanField {
    Period,
    Objectives,
    Entities,
}

impl NewPlanProblem {
    /// The field the problem is shown under.
    pub fn field(&self) -> NewPlanField {
        match self {
            NewPlanProblem::FirstNotAYear(_)
            | NewPlanProblem::LastNotAYear(_)
            | NewPlanProblem::Period(_) => NewPlanField::Period,
            NewPlanProblem::Objectives(_) => NewPlanField::Objectives,
            NewPlanProblem::Entities(_) => NewPlanField::Entities,
        }
    }

    /// The problem in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            NewPlanProblem::FirstNotAYear(text) | NewPlanProblem::LastNotAYear(text) => {
                tr!(language, "new-plan-year-not-a-year", text = text.trim())
            }
            NewPlanProblem::Period(error) => error.message(language),
            NewPlanProblem::Objectives(error) => error.message(language),
            NewPlanProblem::Entities(error) => error.message(language),
        }
    }
}

/// A new plan's frame, read from the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlanSpec {
    pub title: String,
    pub sector: String,
    pub period: Period,
    /// 1 to [`MAX_OBJECTIVES`].
    pub objectives: u8,
    pub entities: Vec<Entity>,
}

impl NewPlanSpec {
    /// The new plan: its objectives numbered and empty, its entities, its cut in the first
    /// quarter of its first vigencia, its texts and figures in `language`.
    pub fn plan(self, language: Language) -> Plan {
        debug_assert!(self.objectives <= MAX_OBJECTIVES);
        let mut plan = Plan::with_objectives(self.title, self.period, self.objectives);
        plan.sector = self.sector;
        plan.entities = self.entities;
        plan.settings.language = language;
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> NewPlanForm {
        let mut form = NewPlanForm::new(
            Period {
                first: 2024,
                last: 2027,
            },
            Language::Es,
        );
        form.entities = "Secretaría de Cultura\n\nIDARTES\n".into();
        form
    }

    #[test]
    fn a_filled_form_reads_as_the_plan_typed() {
        let spec = form().read().unwrap();
        assert_eq!(spec.period, Period::checked(2024, 2027).unwrap());
        assert_eq!(spec.objectives, DEFAULT_OBJECTIVES);
        let names: Vec<_> = spec.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Secretaría de Cultura", "IDARTES"]);
        let plan = spec.plan(Language::Es);
        assert_eq!(plan.cut.vigencia, 2024);
        assert_eq!(plan.objectives.len(), 5);
    }

    #[test]
    fn each_bad_field_says_why_and_nothing_is_read() {
        let mut bad = form();
        bad.first = "2o24".into();
        bad.objectives = "0".into();
        bad.entities = "IDARTES\n idartes ".into();
        let problems = bad.read().unwrap_err();
        let fields: Vec<_> = problems.iter().map(NewPlanProblem::field).collect();
        assert_eq!(
            fields,
            [
                NewPlanField::Period,
                NewPlanField::Objectives,
                NewPlanField::Entities
            ]
        );
        assert_eq!(bad.first, "2o24", "the text typed stays");
        let mut reversed = form();
        reversed.last = "2020".into();
        assert_eq!(
            reversed.read().unwrap_err(),
            [NewPlanProblem::Period(PeriodError::LastBeforeFirst {
                first: 2024,
                last: 2020
            })]
        );
        let mut none = form();
        none.entities = " \n".into();
        assert_eq!(
            none.read().unwrap_err(),
            [NewPlanProblem::Entities(EntityNameError::NoEntity)]
        );
    }
}
