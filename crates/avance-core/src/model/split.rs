//! A file for each entity (`avance split`, Archivo → Preparar archivos por entidad…): the
//! sector's plan cut into parts, one per entidad responsable, each holding only that entity's
//! indicators, with the sector's texts, entities, settings, period and cut.
//!
//! Every objective stays in each part (with its number and text, so the entity reads where its
//! indicators belong), and so do the metas that hold at least one of the entity's indicators,
//! with their code and name; metas without any are left out. An indicator belongs to the entity
//! its *Entidad responsable* names (spaces around it aside); indicators with none written form a
//! part of their own ([`EntityPart::entity`] empty). Consolidating the parts back
//! ([`super::merge`]) matches indicators by meta and code, or entity and name: never by
//! position, which differs in each part.

use super::plan::{Meta, Plan};

/// One entity's part of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityPart {
    /// The entidad responsable as its indicators write it (trimmed); empty for the indicators
    /// that name none.
    pub entity: String,
    pub plan: Plan,
    /// How many indicators the part holds.
    pub indicators: usize,
}

/// The plan's parts, one per entity, in the order their first indicator comes in the plan.
pub fn split_by_entity(plan: &Plan) -> Vec<EntityPart> {
    let mut entities: Vec<&str> = Vec::new();
    for objective in &plan.objectives {
        for (_, indicator) in objective.indicators() {
            let entity = indicator.entity.trim();
            if !entities.contains(&entity) {
                entities.push(entity);
            }
        }
    }
    entities
        .into_iter()
        .map(|entity| {
            let mut part = plan.clone();
            for objective in &mut part.objectives {
                let metas = std::mem::take(&mut objective.metas);
                objective.metas = metas
                    .into_iter()
                    .filter_map(|meta| {
                        let indicators: Vec<_> = meta
                            .indicators
                            .into_iter()
                            .filter(|i| i.entity.trim() == entity)
                            .collect();
                        (!indicators.is_empty()).then_some(Meta { indicators, ..meta })
                    })
                    .collect();
            }
            EntityPart {
                entity: entity.to_owned(),
                indicators: part.indicator_count(),
                plan: part,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::seed_plan;

    #[test]
    fn each_entity_gets_its_own_indicators_and_the_sector_texts() {
        let mut plan = seed_plan();
        // 644 and the N/A indicator of META PROYECTO 4 go to DASCD.
        plan.objectives[2].metas[0].indicators[3].entity = "DASCD".into();
        plan.objectives[1].metas[1].indicators[0].entity = " DASCD ".into();
        let parts = split_by_entity(&plan);
        let entities: Vec<&str> = parts.iter().map(|p| p.entity.as_str()).collect();
        assert_eq!(entities, ["Secretaría General", "DASCD"]);
        assert_eq!(parts[0].indicators, 7);
        assert_eq!(parts[1].indicators, 2);
        let dascd = &parts[1].plan;
        assert_eq!(dascd.objectives.len(), 5);
        assert_eq!(dascd.objectives[2].text, plan.objectives[2].text);
        assert_eq!(dascd.objectives[1].metas[0].code, "META PROYECTO 4");
        assert_eq!(dascd.objectives[2].metas.len(), 1);
        assert_eq!(
            dascd.objectives[2].metas[0].indicators[0].code.as_deref(),
            Some("644")
        );
        assert_eq!(
            (
                &dascd.title,
                &dascd.entities,
                dascd.cut,
                dascd.settings,
                dascd.period
            ),
            (
                &plan.title,
                &plan.entities,
                plan.cut,
                plan.settings,
                plan.period
            )
        );
        let total: usize = parts.iter().map(|p| p.indicators).sum();
        assert_eq!(total, plan.indicator_count());
    }
}
