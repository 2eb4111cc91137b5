//! What undoing an edit needs: the part of the plan the edit touched, as it was before.
//!
//! An edit of a figure keeps one indicator, adding or moving an indicator one meta, moving a
//! meta two metas: never the whole plan, so a hundred steps of undo on a plan of 10 000
//! indicators take kilobytes. [`Restore::apply`] puts the part back and returns what it
//! replaced, which is what redoing needs.

use super::edit::{Direction, Edit, IndicatorPath};
use super::plan::{Cut, Entity, Indicator, Meta, Plan, Settings};

/// The plan's own fields that edits change (everything but the objectives).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub title: String,
    pub sector: String,
    pub sector_mission: String,
    pub entities: Vec<Entity>,
    pub cut: Cut,
    /// The roll-up cap and the semáforo thresholds.
    pub settings: Settings,
}

impl Header {
    fn of(plan: &Plan) -> Self {
        Self {
            title: plan.title.clone(),
            sector: plan.sector.clone(),
            sector_mission: plan.sector_mission.clone(),
            entities: plan.entities.clone(),
            cut: plan.cut,
            settings: plan.settings,
        }
    }

    fn put(self, plan: &mut Plan) {
        plan.title = self.title;
        plan.sector = self.sector;
        plan.sector_mission = self.sector_mission;
        plan.entities = self.entities;
        plan.cut = self.cut;
        plan.settings = self.settings;
    }
}

/// A part of a plan as it was, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Restore {
    /// One indicator.
    Indicator(IndicatorPath, Box<Indicator>),
    /// One meta with its indicators.
    Meta {
        objective: usize,
        meta: usize,
        value: Box<Meta>,
    },
    /// `remove` metas of an objective from `at` on, replaced by `insert`.
    Metas {
        objective: usize,
        at: usize,
        remove: usize,
        insert: Vec<Meta>,
    },
    ObjectiveText {
        objective: usize,
        text: String,
    },
    Header(Box<Header>),
    /// The whole plan (an import into the open plan).
    Plan(Box<Plan>),
}

impl Restore {
    /// What `edit` will change in `plan`, as it is now; `None` when the edit points at
    /// something the plan does not have.
    pub fn before(plan: &Plan, edit: &Edit) -> Option<Restore> {
        let meta = |objective: usize, meta: usize| {
            let value = plan.objectives.get(objective)?.metas.get(meta)?.clone();
            Some(Restore::Meta {
                objective,
                meta,
                value: Box::new(value),
            })
        };
        let indicator = |at: IndicatorPath| {
            Some(Restore::Indicator(
                at,
                Box::new(plan.indicator(at)?.clone()),
            ))
        };
        match edit {
            Edit::Figure { at, .. }
            | Edit::Comment { at, .. }
            | Edit::IndicatorText { at, .. }
            | Edit::Annualization { at, .. }
            | Edit::Baseline { at, .. }
            | Edit::IndicatorKind { at, .. } => indicator(*at),
            // Adding or removing an objective renumbers and reindexes what follows: the whole
            // plan is kept (a rare edit).
            Edit::AddObjective => Some(Restore::Plan(Box::new(plan.clone()))),
            Edit::RemoveObjective { objective } => {
                plan.objectives.get(*objective)?;
                Some(Restore::Plan(Box::new(plan.clone())))
            }
            Edit::AddIndicator { objective, meta: m }
            | Edit::MetaText {
                objective, meta: m, ..
            } => meta(*objective, *m),
            Edit::RemoveIndicator { at } | Edit::MoveIndicator { at, .. } => {
                meta(at.objective, at.meta)
            }
            Edit::AddMeta { objective } => Some(Restore::Metas {
                objective: *objective,
                at: plan.objectives.get(*objective)?.metas.len(),
                remove: 1,
                insert: Vec::new(),
            }),
            Edit::RemoveMeta { objective, meta } => {
                let removed = plan.objectives.get(*objective)?.metas.get(*meta)?.clone();
                Some(Restore::Metas {
                    objective: *objective,
                    at: *meta,
                    remove: 0,
                    insert: vec![removed],
                })
            }
            Edit::MoveMeta {
                objective,
                meta,
                direction,
            } => {
                let at = match direction {
                    Direction::Up => meta.checked_sub(1)?,
                    Direction::Down => *meta,
                };
                let metas = plan.objectives.get(*objective)?.metas.get(at..at + 2)?;
                Some(Restore::Metas {
                    objective: *objective,
                    at,
                    remove: 2,
                    insert: metas.to_vec(),
                })
            }
            Edit::ObjectiveText { objective, .. } => Some(Restore::ObjectiveText {
                objective: *objective,
                text: plan.objectives.get(*objective)?.text.clone(),
            }),
            Edit::PlanText { .. }
            | Edit::PlanCut(_)
            | Edit::TrafficLights(_)
            | Edit::AddEntity { .. } => Some(Restore::Header(Box::new(Header::of(plan)))),
            Edit::RemoveEntity { entity } => {
                plan.entities.get(*entity)?;
                Some(Restore::Header(Box::new(Header::of(plan))))
            }
            // Both reach into the indicators (a rename's cascade, the figures a shorter period
            // drops): the whole plan is kept (rare edits).
            Edit::RenameEntity { entity, .. } => {
                plan.entities.get(*entity)?;
                Some(Restore::Plan(Box::new(plan.clone())))
            }
            Edit::Period(_) => Some(Restore::Plan(Box::new(plan.clone()))),
        }
    }

    /// The index of the objective this part belongs to; `None` for the plan's own fields or
    /// the whole plan.
    pub fn objective(&self) -> Option<usize> {
        match self {
            Restore::Indicator(at, _) => Some(at.objective),
            Restore::Meta { objective, .. }
            | Restore::Metas { objective, .. }
            | Restore::ObjectiveText { objective, .. } => Some(*objective),
            Restore::Header(_) | Restore::Plan(_) => None,
        }
    }

    /// Whether both are the same indicator or the same meta (undo needs only the first).
    pub fn same_part(&self, other: &Restore) -> bool {
        match (self, other) {
            (Restore::Indicator(a, _), Restore::Indicator(b, _)) => a == b,
            (
                Restore::Meta {
                    objective, meta, ..
                },
                Restore::Meta {
                    objective: o,
                    meta: m,
                    ..
                },
            ) => (objective, meta) == (o, m),
            _ => false,
        }
    }

    /// Whether the plan holds exactly this part now (the edit changed nothing).
    pub fn is_current(&self, plan: &Plan) -> bool {
        match self {
            Restore::Indicator(at, indicator) => plan.indicator(*at) == Some(indicator),
            Restore::Meta {
                objective,
                meta,
                value,
            } => {
                plan.objectives
                    .get(*objective)
                    .and_then(|o| o.metas.get(*meta))
                    == Some(value)
            }
            Restore::Metas { remove, insert, .. } => *remove == 0 && insert.is_empty(),
            Restore::ObjectiveText { objective, text } => {
                plan.objectives.get(*objective).map(|o| &o.text) == Some(text)
            }
            Restore::Header(header) => Header::of(plan) == **header,
            Restore::Plan(whole) => plan == &**whole,
        }
    }

    /// Puts this part back into `plan`; returns the part it replaced (to redo). A part the
    /// plan no longer has room for (it cannot happen when steps are undone in order) changes
    /// nothing.
    pub fn apply(self, plan: &mut Plan) -> Restore {
        match self {
            Restore::Indicator(at, indicator) => match plan
                .objectives
                .get_mut(at.objective)
                .and_then(|o| o.metas.get_mut(at.meta))
                .and_then(|m| m.indicators.get_mut(at.indicator))
            {
                Some(slot) => Restore::Indicator(at, Box::new(std::mem::replace(slot, *indicator))),
                None => Restore::Indicator(at, indicator),
            },
            Restore::Meta {
                objective,
                meta,
                value,
            } => match plan
                .objectives
                .get_mut(objective)
                .and_then(|o| o.metas.get_mut(meta))
            {
                Some(slot) => Restore::Meta {
                    objective,
                    meta,
                    value: Box::new(std::mem::replace(slot, *value)),
                },
                None => Restore::Meta {
                    objective,
                    meta,
                    value,
                },
            },
            Restore::Metas {
                objective,
                at,
                remove,
                insert,
            } => match plan.objectives.get_mut(objective) {
                Some(o) if at + remove <= o.metas.len() => {
                    let inserted = insert.len();
                    let removed = o.metas.splice(at..at + remove, insert).collect();
                    Restore::Metas {
                        objective,
                        at,
                        remove: inserted,
                        insert: removed,
                    }
                }
                _ => Restore::Metas {
                    objective,
                    at,
                    remove,
                    insert,
                },
            },
            Restore::ObjectiveText { objective, text } => {
                match plan.objectives.get_mut(objective) {
                    Some(o) => Restore::ObjectiveText {
                        objective,
                        text: std::mem::replace(&mut o.text, text),
                    },
                    None => Restore::ObjectiveText { objective, text },
                }
            }
            Restore::Header(header) => {
                let replaced = Header::of(plan);
                header.put(plan);
                Restore::Header(Box::new(replaced))
            }
            Restore::Plan(whole) => Restore::Plan(Box::new(std::mem::replace(plan, *whole))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;
    use crate::model::edit::{Figure, MetaText};
    use crate::model::{Cut, Quarter};
    use rust_decimal::Decimal;

    fn at(objective: usize, meta: usize, indicator: usize) -> IndicatorPath {
        IndicatorPath {
            objective,
            meta,
            indicator,
        }
    }

    #[test]
    fn every_edit_is_undone_and_redone_by_what_it_touched() {
        let q1 = Quarter::new(1).unwrap();
        let edits = [
            Edit::Figure {
                at: at(2, 0, 1),
                vigencia: 2022,
                figure: Figure::Executed(q1),
                value: Some(Decimal::ONE),
            },
            Edit::AddIndicator {
                objective: 2,
                meta: 0,
            },
            Edit::RemoveIndicator { at: at(2, 0, 0) },
            Edit::MoveIndicator {
                at: at(2, 0, 1),
                direction: Direction::Up,
            },
            Edit::AddMeta { objective: 0 },
            Edit::RemoveMeta {
                objective: 2,
                meta: 1,
            },
            Edit::MoveMeta {
                objective: 2,
                meta: 1,
                direction: Direction::Up,
            },
            Edit::MoveMeta {
                objective: 2,
                meta: 0,
                direction: Direction::Down,
            },
            Edit::MetaText {
                objective: 1,
                meta: 0,
                field: MetaText::Name,
                text: "otra".into(),
            },
            Edit::ObjectiveText {
                objective: 4,
                text: "nuevo".into(),
            },
            Edit::PlanCut(Cut::new(2023, q1)),
            Edit::IndicatorKind {
                at: at(2, 0, 1),
                kind: Some(crate::model::IndicatorKind::MetaTrazadora),
            },
            Edit::AddObjective,
            Edit::RemoveObjective { objective: 1 },
            Edit::AddEntity {
                name: "IDPAC".into(),
            },
            Edit::RenameEntity {
                entity: 0,
                name: "Secretaría General".into(),
            },
            Edit::RemoveEntity { entity: 1 },
            Edit::Period(crate::model::Period {
                first: 2022,
                last: 2025,
            }),
        ];
        for edit in edits {
            let before = seed_plan();
            let mut plan = before.clone();
            let restore = Restore::before(&plan, &edit).expect("the edit has a target");
            assert!(restore.is_current(&plan) || matches!(restore, Restore::Metas { .. }));
            plan.apply(edit.clone()).unwrap();
            let after = plan.clone();
            assert!(!restore.is_current(&plan), "{edit:?} changed something");
            let redo = restore.apply(&mut plan);
            assert_eq!(plan, before, "undo {edit:?}");
            redo.apply(&mut plan);
            assert_eq!(plan, after, "redo {edit:?}");
        }
    }
}
