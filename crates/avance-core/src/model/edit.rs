//! Edits: every change a user makes to a plan is one [`Edit`], applied by [`Plan::apply`].
//!
//! One path for every change means undo, the unsaved-changes mark and the recomputed figures
//! cannot be forgotten by a widget.

use rust_decimal::Decimal;

use super::plan::{
    Annualization, Cut, Indicator, IndicatorKind, MAX_OBJECTIVES, Meta, Objective, Period, Plan,
    Quarter, TrafficLights, Vigencia,
};

/// Where an indicator is: indices of its objective, its meta, and itself in the meta.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IndicatorPath {
    pub objective: usize,
    pub meta: usize,
    pub indicator: usize,
}

/// A figure of one indicator in one vigencia.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Figure {
    /// Ponderación.
    Weight,
    /// Programación.
    Programmed,
    /// Magnitud ejecutada of a quarter.
    Executed(Quarter),
}

/// A free-text field of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorText {
    /// The code; empty text means none ("N/A").
    Code,
    Name,
    Entity,
    Unit,
}

/// A free-text field of a meta.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetaText {
    Code,
    Name,
}

/// A free-text field of the plan itself or of one of its entities (an entity's name changes
/// through [`Edit::RenameEntity`], which carries its indicators along).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanText {
    Title,
    Sector,
    SectorMission,
    EntityMission(usize),
    EntityVision(usize),
}

/// Which way to move an item in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// One change to a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Sets (or, with `None`, clears) a figure.
    Figure {
        at: IndicatorPath,
        vigencia: Vigencia,
        figure: Figure,
        value: Option<Decimal>,
    },
    Comment {
        at: IndicatorPath,
        vigencia: Vigencia,
        quarter: Quarter,
        text: String,
    },
    IndicatorText {
        at: IndicatorPath,
        field: IndicatorText,
        text: String,
    },
    Annualization {
        at: IndicatorPath,
        kind: Annualization,
    },
    Baseline {
        at: IndicatorPath,
        value: Option<Decimal>,
    },
    /// Sets where the indicator comes from; `None` takes the kind its meta's code implies.
    IndicatorKind {
        at: IndicatorPath,
        kind: Option<IndicatorKind>,
    },
    /// Appends an objective, numbered after the last one, with no text and no metas; refused
    /// when the plan already has [`MAX_OBJECTIVES`].
    AddObjective,
    /// Removes the objective at this index with its metas and indicators; the objectives after
    /// it take the numbers one lower, so numbers stay 1..N. Refused for the plan's only one.
    RemoveObjective {
        objective: usize,
    },
    /// Appends a new, empty indicator to a meta.
    AddIndicator {
        objective: usize,
        meta: usize,
    },
    RemoveIndicator {
        at: IndicatorPath,
    },
    MoveIndicator {
        at: IndicatorPath,
        direction: Direction,
    },
    /// Appends a new meta with one empty indicator to an objective.
    AddMeta {
        objective: usize,
    },
    RemoveMeta {
        objective: usize,
        meta: usize,
    },
    MoveMeta {
        objective: usize,
        meta: usize,
        direction: Direction,
    },
    MetaText {
        objective: usize,
        meta: usize,
        field: MetaText,
        text: String,
    },
    ObjectiveText {
        objective: usize,
        text: String,
    },
    PlanText {
        field: PlanText,
        text: String,
    },
    /// Moves the plan's own cut (the quarter last reported).
    PlanCut(Cut),
    /// Appends an entity with this name; refused when the name is empty or another entity's.
    AddEntity {
        name: String,
    },
    /// Renames an entity, and every indicator whose *entidad responsable* is its whole old
    /// name, in one step; refused when the name is empty or another entity's.
    RenameEntity {
        entity: usize,
        name: String,
    },
    /// Removes an entity; indicators that name it keep the name as written.
    RemoveEntity {
        entity: usize,
    },
    /// Sets the plan's period (checked with [`Period::checked`]); the figures of vigencias it
    /// leaves out go, and a cut outside it moves into it.
    Period(Period),
    /// Sets the semáforo thresholds (checked with [`TrafficLights::check`] before).
    TrafficLights(TrafficLights),
}

/// An edit that points at something the plan does not have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the edit points at something the plan does not have: {0:?}")]
pub struct EditTargetMissing(pub Edit);

impl Indicator {
    /// Sets one of the indicator's texts; a code left empty or written "N/A" is no code.
    fn set_text(&mut self, field: IndicatorText, text: &str) {
        match field {
            IndicatorText::Code => {
                self.code = (!super::plan::is_no_code(text)).then(|| text.to_owned());
            }
            IndicatorText::Name => self.name = text.to_owned(),
            IndicatorText::Entity => self.entity = text.to_owned(),
            IndicatorText::Unit => self.unit = text.to_owned(),
        }
    }
}

impl Plan {
    /// Applies one edit. Nothing changes when the edit points at something missing.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditTargetMissing> {
        let missing = || EditTargetMissing(edit.clone());
        match &edit {
            Edit::Figure {
                at,
                vigencia,
                figure,
                value,
            } => self
                .set_figure(*at, *vigencia, *figure, *value)
                .ok_or_else(missing)?,
            Edit::Comment {
                at,
                vigencia,
                quarter,
                text,
            } => self
                .set_comment(*at, *vigencia, *quarter, text)
                .ok_or_else(missing)?,
            Edit::IndicatorText { at, field, text } => {
                let indicator = self.indicator_mut(*at).ok_or_else(missing)?;
                indicator.set_text(*field, text);
            }
            Edit::Annualization { at, kind } => {
                self.indicator_mut(*at).ok_or_else(missing)?.annualization = *kind;
            }
            Edit::Baseline { at, value } => {
                self.indicator_mut(*at).ok_or_else(missing)?.baseline = *value;
            }
            Edit::IndicatorKind { at, kind } => {
                self.indicator_mut(*at).ok_or_else(missing)?.kind = *kind;
            }
            Edit::AddObjective => self.add_objective().ok_or_else(missing)?,
            Edit::RemoveObjective { objective } => {
                self.remove_objective(*objective).ok_or_else(missing)?
            }
            Edit::AddIndicator { objective, meta } => {
                let meta = self.meta_mut(*objective, *meta).ok_or_else(missing)?;
                meta.indicators.push(Indicator::default());
            }
            Edit::RemoveIndicator { at } => {
                let meta = self.meta_mut(at.objective, at.meta).ok_or_else(missing)?;
                if at.indicator >= meta.indicators.len() {
                    return Err(missing());
                }
                meta.indicators.remove(at.indicator);
            }
            Edit::MoveIndicator { at, direction } => {
                let meta = self.meta_mut(at.objective, at.meta).ok_or_else(missing)?;
                move_item(&mut meta.indicators, at.indicator, *direction).ok_or_else(missing)?;
            }
            Edit::AddMeta { objective } => {
                let objective = self.objectives.get_mut(*objective).ok_or_else(missing)?;
                objective.metas.push(Meta {
                    code: String::new(),
                    name: String::new(),
                    indicators: vec![Indicator::default()],
                });
            }
            Edit::RemoveMeta { objective, meta } => {
                let objective = self.objectives.get_mut(*objective).ok_or_else(missing)?;
                if *meta >= objective.metas.len() {
                    return Err(missing());
                }
                objective.metas.remove(*meta);
            }
            Edit::MoveMeta {
                objective,
                meta,
                direction,
            } => {
                let objective = self.objectives.get_mut(*objective).ok_or_else(missing)?;
                move_item(&mut objective.metas, *meta, *direction).ok_or_else(missing)?;
            }
            Edit::MetaText {
                objective,
                meta,
                field,
                text,
            } => {
                let meta = self.meta_mut(*objective, *meta).ok_or_else(missing)?;
                match field {
                    MetaText::Code => meta.code = text.clone(),
                    MetaText::Name => meta.name = text.clone(),
                }
            }
            Edit::ObjectiveText { objective, text } => {
                self.objectives
                    .get_mut(*objective)
                    .ok_or_else(missing)?
                    .text = text.clone();
            }
            Edit::PlanText { field, text } => {
                *self.plan_text_mut(*field).ok_or_else(missing)? = text.clone();
            }
            Edit::PlanCut(cut) => self.cut = *cut,
            Edit::AddEntity { name } => self.add_entity(name).ok_or_else(missing)?,
            Edit::RenameEntity { entity, name } => {
                self.rename_entity(*entity, name).ok_or_else(missing)?
            }
            Edit::RemoveEntity { entity } => self.remove_entity(*entity).ok_or_else(missing)?,
            Edit::Period(period) => self.set_period(*period).ok_or_else(missing)?,
            Edit::TrafficLights(thresholds) => self.settings.traffic_lights = *thresholds,
        }
        Ok(())
    }

    /// Sets (or, with `None`, empties) one figure of an indicator's vigencia.
    fn set_figure(
        &mut self,
        at: IndicatorPath,
        vigencia: Vigencia,
        figure: Figure,
        value: Option<Decimal>,
    ) -> Option<()> {
        let indicator = self.indicator_mut(at)?;
        let year = indicator.year_mut(vigencia);
        match (figure, value) {
            (Figure::Weight, _) => year.weight = value,
            (Figure::Programmed, _) => year.programmed = value,
            (Figure::Executed(q), Some(v)) => {
                year.executed.insert(q, v);
            }
            (Figure::Executed(q), None) => {
                year.executed.remove(&q);
            }
        }
        indicator.tidy();
        Some(())
    }

    /// Sets (or, with an empty text, removes) a quarter's comment.
    fn set_comment(
        &mut self,
        at: IndicatorPath,
        vigencia: Vigencia,
        quarter: Quarter,
        text: &str,
    ) -> Option<()> {
        let indicator = self.indicator_mut(at)?;
        let year = indicator.year_mut(vigencia);
        if text.is_empty() {
            year.comments.remove(&quarter);
        } else {
            year.comments.insert(quarter, text.to_owned());
        }
        indicator.tidy();
        Some(())
    }

    /// Adds an objective numbered after the last, unless the plan has the most it may.
    fn add_objective(&mut self) -> Option<()> {
        let number = self.objectives.iter().map(|o| o.number).max().unwrap_or(0);
        if usize::from(MAX_OBJECTIVES) <= self.objectives.len() || number >= MAX_OBJECTIVES {
            return None;
        }
        self.objectives.push(Objective {
            number: number + 1,
            text: String::new(),
            metas: Vec::new(),
        });
        Some(())
    }

    /// Removes the objective at `index` (never the last one left); those numbered after it
    /// move down one number.
    fn remove_objective(&mut self, index: usize) -> Option<()> {
        if index >= self.objectives.len() || self.objectives.len() == 1 {
            return None;
        }
        let removed = self.objectives.remove(index);
        for later in &mut self.objectives {
            if later.number > removed.number {
                later.number -= 1;
            }
        }
        Some(())
    }

    /// The plan's text a [`PlanText`] names.
    fn plan_text_mut(&mut self, field: PlanText) -> Option<&mut String> {
        Some(match field {
            PlanText::Title => &mut self.title,
            PlanText::Sector => &mut self.sector,
            PlanText::SectorMission => &mut self.sector_mission,
            PlanText::EntityMission(e) => &mut self.entities.get_mut(e)?.mission,
            PlanText::EntityVision(e) => &mut self.entities.get_mut(e)?.vision,
        })
    }

    /// The indicator at `at`.
    pub fn indicator(&self, at: IndicatorPath) -> Option<&Indicator> {
        self.objectives
            .get(at.objective)?
            .metas
            .get(at.meta)?
            .indicators
            .get(at.indicator)
    }

    fn indicator_mut(&mut self, at: IndicatorPath) -> Option<&mut Indicator> {
        self.meta_mut(at.objective, at.meta)?
            .indicators
            .get_mut(at.indicator)
    }

    fn meta_mut(&mut self, objective: usize, meta: usize) -> Option<&mut Meta> {
        self.objectives.get_mut(objective)?.metas.get_mut(meta)
    }

    /// The paths of an objective's indicators, in plan order.
    pub fn indicator_paths(&self, objective: usize) -> Vec<IndicatorPath> {
        self.objectives.get(objective).map_or_else(Vec::new, |o| {
            o.metas
                .iter()
                .enumerate()
                .flat_map(|(meta, m)| {
                    (0..m.indicators.len()).map(move |indicator| IndicatorPath {
                        objective,
                        meta,
                        indicator,
                    })
                })
                .collect()
        })
    }
}

/// Swaps an item with its neighbour; `None` when there is no such item or neighbour.
fn move_item<T>(items: &mut [T], index: usize, direction: Direction) -> Option<()> {
    let other = match direction {
        Direction::Up => index.checked_sub(1)?,
        Direction::Down => index + 1,
    };
    if index >= items.len() || other >= items.len() {
        return None;
    }
    items.swap(index, other);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;

    fn path(objective: usize, meta: usize, indicator: usize) -> IndicatorPath {
        IndicatorPath {
            objective,
            meta,
            indicator,
        }
    }

    #[test]
    fn clearing_the_only_figure_leaves_no_empty_vigencia() {
        let mut plan = seed_plan();
        let at = path(2, 0, 1);
        let q2 = Quarter::new(2).unwrap();
        let before = plan.clone();
        let set = |value| Edit::Figure {
            at,
            vigencia: 2025,
            figure: Figure::Executed(q2),
            value,
        };
        plan.apply(set(Some(Decimal::ONE))).unwrap();
        assert_eq!(
            plan.indicator(at).unwrap().executed(2025, q2),
            Some(Decimal::ONE)
        );
        plan.apply(set(None)).unwrap();
        assert_eq!(plan, before);
    }

    #[test]
    fn objectives_are_added_after_the_last_and_removed_with_the_rest_renumbered() {
        let mut plan = seed_plan();
        plan.apply(Edit::AddObjective).unwrap();
        plan.apply(Edit::AddObjective).unwrap();
        let numbers = |plan: &Plan| plan.objectives.iter().map(|o| o.number).collect::<Vec<_>>();
        assert_eq!(numbers(&plan), vec![1, 2, 3, 4, 5, 6, 7]);
        assert!(plan.objectives[6].text.is_empty() && plan.objectives[6].metas.is_empty());
        let third = plan.objectives[3].clone();
        plan.apply(Edit::RemoveObjective { objective: 2 }).unwrap();
        assert_eq!(numbers(&plan), vec![1, 2, 3, 4, 5, 6]);
        assert_eq!(
            plan.objectives[2].text, third.text,
            "objective 4 is now number 3"
        );
        assert_eq!(
            plan.apply(Edit::RemoveObjective { objective: 6 }),
            Err(EditTargetMissing(Edit::RemoveObjective { objective: 6 }))
        );
    }

    #[test]
    fn a_plan_keeps_between_one_and_the_most_objectives() {
        let mut plan = seed_plan();
        while plan.objectives.len() > 1 {
            plan.apply(Edit::RemoveObjective { objective: 0 }).unwrap();
        }
        assert_eq!(plan.objectives[0].number, 1);
        assert!(plan.apply(Edit::RemoveObjective { objective: 0 }).is_err());
        while plan.objectives.len() < usize::from(MAX_OBJECTIVES) {
            plan.apply(Edit::AddObjective).unwrap();
        }
        let full = plan.clone();
        assert!(plan.apply(Edit::AddObjective).is_err());
        assert_eq!(plan, full, "a refused edit changes nothing");
    }

    #[test]
    fn structural_edits_add_move_and_remove() {
        let mut plan = seed_plan();
        plan.apply(Edit::AddIndicator {
            objective: 2,
            meta: 1,
        })
        .unwrap();
        assert_eq!(plan.objectives[2].metas[1].indicators.len(), 2);
        plan.apply(Edit::MoveIndicator {
            at: path(2, 1, 1),
            direction: Direction::Up,
        })
        .unwrap();
        assert_eq!(plan.objectives[2].metas[1].indicators[0].code, None);
        assert!(
            plan.apply(Edit::MoveIndicator {
                at: path(2, 1, 0),
                direction: Direction::Up
            })
            .is_err()
        );
        plan.apply(Edit::RemoveIndicator { at: path(2, 1, 0) })
            .unwrap();
        assert_eq!(plan, seed_plan());
        plan.apply(Edit::AddMeta { objective: 0 }).unwrap();
        assert_eq!(plan.objectives[0].indicator_count(), 1);
        assert!(
            plan.apply(Edit::RemoveMeta {
                objective: 0,
                meta: 3
            })
            .is_err()
        );
        assert_eq!(plan.indicator_paths(2).len(), 7);
    }

    #[test]
    fn an_na_code_means_no_code() {
        let mut plan = seed_plan();
        let at = path(1, 0, 0);
        for text in ["", " ", "N/A", "n/a"] {
            plan.apply(Edit::IndicatorText {
                at,
                field: IndicatorText::Code,
                text: text.into(),
            })
            .unwrap();
            assert_eq!(plan.indicator(at).unwrap().code, None, "{text:?}");
        }
    }
}
