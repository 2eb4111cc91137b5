//! Consolidating the entities' files into the sector's plan (`avance merge`, Archivo →
//! Consolidar…).
//!
//! Each entity keeps its own plan file holding only its indicators; the sector's file gathers
//! them. Indicators are matched by objective number, meta code and indicator code (without code:
//! by position among the meta's indicators without code, as [`super::diff`] does). The figures
//! an officer fills in — weights, programming, execution, comments, baseline and declared total
//! ([`figure_fields`]) — come from the entity file that holds the indicator; the sector's texts,
//! settings, cut and structure stay. A sector indicator no entity file holds keeps its figures.
//!
//! What cannot be decided without the user is a [`Conflict`]: the same figure different in two
//! entity files; an indicator in an entity file that the sector plan does not have; a figure
//! the sector plan has and the entity's copy lacks (added in the sector after the copy was
//! taken: merging would erase it). A conflict is resolved by choosing a [`Source`]; nothing
//! should be written while one is not.

use std::collections::HashMap;

use super::diff::{
    Place, Target, Value, figure_fields, figure_value, indicator_key, indicator_name, meta_key,
    occurrences, set_figure,
};
use super::edit::IndicatorPath;
use super::plan::{Indicator, Language, Meta, Objective, Plan};
use super::validation::Field;
use crate::tr;

/// Who a figure can come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// The sector's plan (the open plan in the window).
    Sector,
    /// An entity file, by its place in the list given.
    Entity(usize),
}

/// The names the sources go by in messages: file names on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceNames {
    pub sector: String,
    pub entities: Vec<String>,
}

impl SourceNames {
    /// The name of a source.
    pub fn of(&self, source: Source) -> &str {
        match source {
            Source::Sector => &self.sector,
            Source::Entity(i) => self.entities.get(i).map_or("?", String::as_str),
        }
    }
}

/// Why a conflict stops the consolidation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// The same figure is different in two entity files.
    Differ,
    /// An entity file holds an indicator the sector plan does not have.
    NotInSector,
    /// The sector plan has a figure the entity's copy lacks (added in the sector after the
    /// copy was taken): merging would erase it.
    WouldErase,
}

/// What choosing a source would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Put this value in the figure.
    Value(Value),
    /// Add the entity's indicator to the sector plan.
    Add,
    /// Leave the entity's indicator out of the sector plan.
    LeaveOut,
}

/// The key an indicator is matched by across files: objective number, meta code (and which
/// meta of that code), indicator code (and which indicator of that code; without code, its
/// position among the meta's indicators without code).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct IndicatorKey {
    objective: u8,
    meta: (String, usize),
    indicator: (Option<String>, usize),
}

/// Something the consolidation cannot decide alone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    pub place: Place,
    /// The figure; `None` for a whole indicator.
    pub field: Option<Field>,
    /// Who can win, and what each would put in the plan.
    pub candidates: Vec<(Source, Choice)>,
    /// Where it is in the sector plan (for an indicator it lacks: its meta, or its objective).
    pub target: Target,
    key: IndicatorKey,
}

impl Conflict {
    /// The first source of `prefer` that can win this conflict.
    pub fn preferred(&self, prefer: &[Source]) -> Option<Source> {
        prefer.iter().copied().find(|s| self.can_win(*s))
    }

    /// Whether `source` is one of the choices.
    pub fn can_win(&self, source: Source) -> bool {
        self.candidates.iter().any(|(s, _)| *s == source)
    }

    /// The conflict as a line: where, which figure, what differs.
    pub fn message(&self, language: Language, names: &SourceNames) -> String {
        let mut place = self.place.parts(language);
        if let Some(field) = self.field {
            place.push(field.name(language));
        }
        let holders: Vec<&str> = self
            .candidates
            .iter()
            .filter(|(s, _)| *s != Source::Sector)
            .map(|(s, _)| names.of(*s))
            .collect();
        let (entities, count) = (holders.join(", "), holders.len());
        let what = match self.kind {
            ConflictKind::Differ => {
                let values = self
                    .candidates
                    .iter()
                    .map(|candidate| self.choice_text(candidate, language, names))
                    .collect::<Vec<_>>()
                    .join("; ");
                tr!(language, "merge-conflict-differ", values = values)
            }
            ConflictKind::NotInSector => {
                tr!(
                    language,
                    "merge-conflict-not-in-sector",
                    entity = entities.as_str(),
                    count = count
                )
            }
            ConflictKind::WouldErase => {
                let value = self.candidates.iter().find_map(|(s, c)| match (s, c) {
                    (Source::Sector, Choice::Value(v)) => Some(v.text(language)),
                    _ => None,
                });
                tr!(
                    language,
                    "merge-conflict-would-erase",
                    value = value.unwrap_or_default(),
                    entity = entities.as_str(),
                    count = count
                )
            }
        };
        format!("{}: {what}", place.join(" · "))
    }

    /// A choice in words: "A.ron: 1,00", "agregarlo desde B.ron", "dejarlo fuera".
    pub fn choice_text(
        &self,
        (source, choice): &(Source, Choice),
        language: Language,
        names: &SourceNames,
    ) -> String {
        let source = names.of(*source);
        match choice {
            Choice::Value(value) => tr!(
                language,
                "merge-choice-value",
                source = source,
                value = value.text(language)
            ),
            Choice::Add => tr!(language, "merge-choice-add", source = source),
            Choice::LeaveOut => tr!(language, "merge-choice-leave-out", source = source),
        }
    }
}

/// The consolidated plan, and what it took.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The sector plan with the entities' figures; complete only when every conflict is
    /// resolved.
    pub plan: Plan,
    /// Every conflict found, in the sector plan's order, then the indicators it lacks.
    pub conflicts: Vec<Conflict>,
    /// Who won each conflict (same order); `None` while unresolved.
    pub resolutions: Vec<Option<Source>>,
    /// How many of the sector's indicators each entity file holds (gave figures to).
    pub taken: Vec<usize>,
    /// The sector's indicators no entity file holds: they keep their figures.
    pub sector_only: usize,
    /// Indicators added from entity files.
    pub added: usize,
}

impl Merged {
    /// Whether every conflict has a winner: only then may the plan be written.
    pub fn is_resolved(&self) -> bool {
        self.resolutions.iter().all(Option::is_some)
    }

    /// The conflicts without a winner.
    pub fn unresolved(&self) -> impl Iterator<Item = &Conflict> {
        self.conflicts
            .iter()
            .zip(&self.resolutions)
            .filter(|(_, r)| r.is_none())
            .map(|(c, _)| c)
    }
}

/// Every indicator of a plan with its key and path, in plan order.
fn keyed(plan: &Plan) -> Vec<(IndicatorKey, IndicatorPath)> {
    let mut out = Vec::new();
    for (o, objective) in plan.objectives.iter().enumerate() {
        let metas: Vec<String> = objective.metas.iter().map(meta_key).collect();
        for (m, (meta, meta_key)) in objective.metas.iter().zip(occurrences(&metas)).enumerate() {
            let codes: Vec<Option<String>> = meta.indicators.iter().map(indicator_key).collect();
            for (i, indicator) in occurrences(&codes).into_iter().enumerate() {
                let key = IndicatorKey {
                    objective: objective.number,
                    meta: meta_key.clone(),
                    indicator,
                };
                let at = IndicatorPath {
                    objective: o,
                    meta: m,
                    indicator: i,
                };
                out.push((key, at));
            }
        }
    }
    out
}

/// The objective, meta and indicator at a path of a plan known to hold it.
fn parts(plan: &Plan, at: IndicatorPath) -> (&Objective, &Meta, &Indicator) {
    let objective = &plan.objectives[at.objective];
    let meta = &objective.metas[at.meta];
    (objective, meta, &meta.indicators[at.indicator])
}

/// Consolidates `entities` into `sector`. `resolve` chooses the winner of each conflict (a
/// source that is not among its candidates, or `None`, leaves it unresolved).
pub fn merge(
    sector: &Plan,
    entities: &[Plan],
    resolve: impl Fn(&Conflict) -> Option<Source>,
) -> Merged {
    let mut held: HashMap<IndicatorKey, Vec<(usize, IndicatorPath)>> = HashMap::new();
    let mut held_order: Vec<IndicatorKey> = Vec::new();
    for (e, plan) in entities.iter().enumerate() {
        for (key, at) in keyed(plan) {
            let holders = held.entry(key.clone()).or_default();
            if holders.is_empty() {
                held_order.push(key);
            }
            holders.push((e, at));
        }
    }
    let mut merged = Merged {
        plan: sector.clone(),
        conflicts: Vec::new(),
        resolutions: Vec::new(),
        taken: vec![0; entities.len()],
        sector_only: 0,
        added: 0,
    };
    let record = |merged: &mut Merged, conflict: Conflict| -> Option<Source> {
        let winner = resolve(&conflict).filter(|s| conflict.can_win(*s));
        merged.conflicts.push(conflict);
        merged.resolutions.push(winner);
        winner
    };
    let sector_keys = keyed(sector);
    for (key, at) in &sector_keys {
        let Some(holders) = held.get(key) else {
            merged.sector_only += 1;
            continue;
        };
        let (_, meta, own) = parts(sector, *at);
        let copies: Vec<(usize, &Indicator)> = holders
            .iter()
            .map(|(e, path)| (*e, parts(&entities[*e], *path).2))
            .collect();
        let mut result = own.clone();
        let place = Place {
            objective: Some(sector.objectives[at.objective].number),
            indicator: Some(indicator_name(meta, at.indicator)),
            ..Place::default()
        };
        let fields = figure_fields(std::iter::once(own).chain(copies.iter().map(|(_, i)| *i)));
        for field in fields {
            let values: Vec<(usize, Value)> = copies
                .iter()
                .filter_map(|(e, i)| figure_value(i, field).map(|v| (*e, v)))
                .collect();
            let Some((_, first)) = values.first() else {
                continue;
            };
            let conflict = |kind, candidates| Conflict {
                kind,
                place: place.clone(),
                field: Some(field),
                candidates,
                target: Target::Field { at: *at, field },
                key: key.clone(),
            };
            let value_of = |source: Source| match source {
                Source::Entity(e) => values.iter().find(|(v, _)| *v == e).map(|(_, v)| v),
                Source::Sector => None,
            };
            if values.iter().any(|(_, v)| v != first) {
                let candidates = values
                    .iter()
                    .map(|(e, v)| (Source::Entity(*e), Choice::Value(v.clone())))
                    .collect();
                let winner = record(&mut merged, conflict(ConflictKind::Differ, candidates));
                if let Some(value) = winner.and_then(value_of) {
                    set_figure(&mut result, field, value);
                }
                continue;
            }
            let own_value = figure_value(own, field);
            match own_value {
                Some(own_value) if first.is_empty() && !own_value.is_empty() => {
                    let mut candidates = vec![(Source::Sector, Choice::Value(own_value))];
                    candidates.extend(
                        values
                            .iter()
                            .map(|(e, v)| (Source::Entity(*e), Choice::Value(v.clone()))),
                    );
                    let winner =
                        record(&mut merged, conflict(ConflictKind::WouldErase, candidates));
                    if let Some(value) = winner.and_then(value_of) {
                        set_figure(&mut result, field, value);
                    }
                }
                _ => set_figure(&mut result, field, first),
            }
        }
        result.tidy();
        merged.plan.objectives[at.objective].metas[at.meta].indicators[at.indicator] = result;
        for (e, _) in holders {
            merged.taken[*e] += 1;
        }
    }
    let in_sector: HashMap<&IndicatorKey, IndicatorPath> =
        sector_keys.iter().map(|(k, at)| (k, *at)).collect();
    for key in held_order {
        if in_sector.contains_key(&key) {
            continue;
        }
        let holders = &held[&key];
        let (e, at) = holders[0];
        let (objective, meta, _) = parts(&entities[e], at);
        let mut candidates = vec![(Source::Sector, Choice::LeaveOut)];
        candidates.extend(
            holders
                .iter()
                .map(|(e, _)| (Source::Entity(*e), Choice::Add)),
        );
        let conflict = Conflict {
            kind: ConflictKind::NotInSector,
            place: Place {
                objective: Some(objective.number),
                indicator: Some(indicator_name(meta, at.indicator)),
                ..Place::default()
            },
            field: None,
            candidates,
            target: sector_target(sector, &key),
            key: key.clone(),
        };
        if let Some(Source::Entity(e)) = record(&mut merged, conflict) {
            let at = holders.iter().find(|(h, _)| *h == e).map(|(_, at)| *at);
            if let Some(at) = at {
                add_indicator(&mut merged.plan, &entities[e], at, &key);
                merged.added += 1;
            }
        }
    }
    merged
}

/// Where an indicator the sector lacks would go: its meta, else its objective, else the plan.
fn sector_target(sector: &Plan, key: &IndicatorKey) -> Target {
    let Some(o) = sector
        .objectives
        .iter()
        .position(|o| o.number == key.objective)
    else {
        return Target::Plan;
    };
    match meta_index(&sector.objectives[o], &key.meta) {
        Some(meta) => Target::Meta { objective: o, meta },
        None => Target::Objective(o),
    }
}

/// The index of the meta with this code and occurrence.
fn meta_index(objective: &Objective, (code, occurrence): &(String, usize)) -> Option<usize> {
    objective
        .metas
        .iter()
        .enumerate()
        .filter(|(_, m)| meta_key(m) == *code)
        .nth(*occurrence)
        .map(|(i, _)| i)
}

/// Adds an entity's indicator to the plan: at the end of its meta, created (with the entity's
/// code and name) when the plan lacks it, in its objective, created when missing too.
fn add_indicator(plan: &mut Plan, entity: &Plan, at: IndicatorPath, key: &IndicatorKey) {
    let (objective, meta, indicator) = parts(entity, at);
    let o = match plan
        .objectives
        .iter()
        .position(|o| o.number == key.objective)
    {
        Some(o) => o,
        None => {
            plan.objectives.push(Objective {
                number: objective.number,
                text: objective.text.clone(),
                metas: Vec::new(),
            });
            plan.objectives.len() - 1
        }
    };
    let target = &mut plan.objectives[o];
    let m = match meta_index(target, &key.meta) {
        Some(m) => m,
        None => {
            target.metas.push(Meta {
                code: meta.code.clone(),
                name: meta.name.clone(),
                indicators: Vec::new(),
            });
            target.metas.len() - 1
        }
    };
    target.metas[m].indicators.push(indicator.clone());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;
    use crate::model::edit::{Edit, Figure};

    fn seed() -> Plan {
        crate::io::seed_plan()
    }

    /// The seed with only the indicators of objective `number`: an entity's file.
    fn entity_file(plan: &Plan, number: u8) -> Plan {
        let mut entity = plan.clone();
        for objective in &mut entity.objectives {
            if objective.number != number {
                objective.metas.clear();
            }
        }
        entity
    }

    /// The plan with every figure of its indicators emptied: a sector file before the
    /// entities report.
    fn without_figures(plan: &Plan) -> Plan {
        let mut plan = plan.clone();
        for objective in &mut plan.objectives {
            for meta in &mut objective.metas {
                for indicator in &mut meta.indicators {
                    indicator.years.clear();
                    indicator.baseline = None;
                    indicator.declared_total = None;
                }
            }
        }
        plan
    }

    fn names() -> SourceNames {
        SourceNames {
            sector: "sector.ron".to_owned(),
            entities: vec!["a.ron".to_owned(), "b.ron".to_owned()],
        }
    }

    fn q1() -> Quarter {
        Quarter::new(1).unwrap()
    }

    /// 465's path in the seed.
    const AT_465: IndicatorPath = IndicatorPath {
        objective: 2,
        meta: 0,
        indicator: 1,
    };

    fn set_465_q1(plan: &mut Plan, value: &str) {
        plan.apply(Edit::Figure {
            at: AT_465,
            vigencia: 2022,
            figure: Figure::Executed(q1()),
            value: Some(value.parse().unwrap()),
        })
        .unwrap();
    }

    #[test]
    fn two_entity_files_split_from_the_seed_give_the_seed_back() {
        let seed = seed();
        let entities = [entity_file(&seed, 2), entity_file(&seed, 3)];
        let merged = merge(&without_figures(&seed), &entities, |_| None);
        assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
        assert_eq!(merged.plan, seed);
        assert_eq!(merged.taken, [2, 7]);
        assert_eq!(merged.sector_only, 0);
        // Into the seed itself, nothing changes either.
        assert_eq!(merge(&seed, &entities, |_| None).plan, seed);
    }

    #[test]
    fn the_sectors_texts_stay_and_an_indicator_no_entity_holds_keeps_its_figures() {
        let seed = seed();
        let mut entity = entity_file(&seed, 3);
        entity.title = "Copia de la entidad".to_owned();
        entity.objectives[2].metas[0].indicators[1].name = "otro nombre".to_owned();
        set_465_q1(&mut entity, "1");
        let merged = merge(&seed, &[entity], |_| None);
        assert!(merged.is_resolved());
        assert_eq!(merged.plan.title, seed.title);
        let indicator = merged.plan.indicator(AT_465).unwrap();
        assert_eq!(indicator.name, seed.indicator(AT_465).unwrap().name);
        assert_eq!(indicator.executed(2022, q1()), Some("1".parse().unwrap()));
        assert_eq!(merged.sector_only, 2, "objective 2's indicators");
        assert_eq!(merged.plan.objectives[1], seed.objectives[1]);
    }

    #[test]
    fn the_same_figure_different_in_two_entity_files_is_a_conflict_a_preference_resolves() {
        let seed = seed();
        let mut a = entity_file(&seed, 3);
        set_465_q1(&mut a, "1");
        let b = entity_file(&seed, 3);
        let entities = [a, b];
        let merged = merge(&seed, &entities, |_| None);
        assert!(!merged.is_resolved());
        let conflicts: Vec<String> = merged
            .unresolved()
            .map(|c| c.message(Language::Es, &names()))
            .collect();
        assert_eq!(
            conflicts,
            [
                "Objetivo 3 · indicador 465 · ejecutado 2022 T1: no coincide en los archivos de entidad: a.ron: 1,00; b.ron: 0,00"
            ]
        );
        assert_eq!(
            merged.conflicts[0].target,
            Target::Field {
                at: AT_465,
                field: Field::Executed(2022, q1())
            }
        );
        let prefer_a = merge(&seed, &entities, |c| c.preferred(&[Source::Entity(0)]));
        assert!(prefer_a.is_resolved());
        let executed = prefer_a
            .plan
            .indicator(AT_465)
            .unwrap()
            .executed(2022, q1());
        assert_eq!(executed, Some("1".parse().unwrap()));
        let prefer_b = merge(&seed, &entities, |c| c.preferred(&[Source::Entity(1)]));
        assert_eq!(prefer_b.plan, seed);
        // The sector cannot win a figure only the entities hold.
        let prefer_sector = merge(&seed, &entities, |_| Some(Source::Sector));
        assert!(!prefer_sector.is_resolved());
    }

    #[test]
    fn a_figure_the_sector_added_after_the_copy_was_taken_is_not_erased_silently() {
        let seed = seed();
        let entity = entity_file(&seed, 3);
        let mut sector = seed.clone();
        sector
            .apply(Edit::Comment {
                at: AT_465,
                vigencia: 2022,
                quarter: q1(),
                text: "Revisado en comité".to_owned(),
            })
            .unwrap();
        let merged = merge(&sector, std::slice::from_ref(&entity), |_| None);
        let lines: Vec<String> = merged
            .unresolved()
            .map(|c| c.message(Language::Es, &names()))
            .collect();
        assert_eq!(
            lines,
            [
                "Objetivo 3 · indicador 465 · comentario 2022 T1: el plan del sector tiene «Revisado en comité» y a.ron no lo tiene (se agregó en el sector después de tomar la copia): consolidar lo borraría"
            ]
        );
        let keep = merge(&sector, std::slice::from_ref(&entity), |_| {
            Some(Source::Sector)
        });
        assert_eq!(keep.plan, sector);
        let erase = merge(&sector, &[entity], |_| Some(Source::Entity(0)));
        assert_eq!(erase.plan, seed);
    }

    #[test]
    fn an_indicator_the_sector_lacks_is_added_only_when_chosen() {
        let seed = seed();
        let mut entity = entity_file(&seed, 3);
        let new = Indicator {
            code: Some("999".to_owned()),
            name: "Indicador nuevo de la entidad".to_owned(),
            ..Indicator::default()
        };
        entity.objectives[2].metas.push(Meta {
            code: "META SECTORIAL 999".to_owned(),
            name: "Meta nueva".to_owned(),
            indicators: vec![new.clone()],
        });
        let merged = merge(&seed, std::slice::from_ref(&entity), |_| None);
        let conflict = merged.unresolved().next().unwrap();
        assert_eq!(
            conflict.message(Language::Es, &names()),
            "Objetivo 3 · indicador 999: a.ron tiene este indicador y el plan del sector no"
        );
        assert_eq!(conflict.target, Target::Objective(2), "its meta is new too");
        let texts: Vec<String> = conflict
            .candidates
            .iter()
            .map(|c| conflict.choice_text(c, Language::Es, &names()))
            .collect();
        assert_eq!(
            texts,
            ["dejarlo fuera, como en sector.ron", "agregarlo desde a.ron"]
        );
        let left_out = merge(&seed, std::slice::from_ref(&entity), |_| {
            Some(Source::Sector)
        });
        assert_eq!(left_out.plan, seed);
        let added = merge(&seed, &[entity], |c| c.preferred(&[Source::Entity(0)]));
        assert_eq!(added.added, 1);
        let metas = &added.plan.objectives[2].metas;
        assert_eq!(metas.last().unwrap().code, "META SECTORIAL 999");
        assert_eq!(metas.last().unwrap().indicators, [new]);
    }
}
