//! Consolidating the entities' files into the sector's plan (`avance merge`, Archivo →
//! Consolidar…).
//!
//! An entity's file is a *part* of the plan (its own indicators) or a full *copy*. Either way
//! the sector's file is their common ancestor. For each figure an officer fills in — weights,
//! programming, execution, comments, baseline and declared total ([`figure_fields`]):
//! - a file that left it as it is in the sector changes nothing;
//! - a figure one file changed is taken (several files that changed it to the same value
//!   agree);
//! - two files that changed it to different values are a [`Conflict`], and so is a figure the
//!   sector has and a file lacks (the entity erased it, or the sector added it after the copy
//!   was taken).
//!
//! The sector's texts, settings, cut and structure stay; a sector indicator no file holds keeps
//! its figures. Indicators are matched by objective number, meta code and indicator code, and
//! without code by entity and name ([`IndicatorKey`]), never by position: a part lacks the
//! other entities' indicators. What cannot be matched for certain is a conflict too: an
//! indicator a file holds and the sector plan does not; a key a file holds a different number
//! of times than the sector. A conflict is resolved by choosing a [`Source`]; nothing may be
//! written while one is not. A plan that repeats an objective's number is refused
//! ([`Refused`]). Every step looks indicators up by key: the work grows linearly with the
//! plans.

use std::collections::HashMap;

use super::diff::{
    IndicatorKey, Place, RepeatedObjective, Target, Value, figure_fields, figure_value,
    indicator_key, indicator_name, meta_key, objectives_apart, set_figure,
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
    /// Two entity files changed the same figure to different values.
    Differ,
    /// An entity file holds an indicator the sector plan does not have.
    NotInSector,
    /// The sector plan has a figure an entity's file lacks (the entity erased it, or the
    /// sector added it after the copy was taken): merging would erase it.
    WouldErase,
    /// The entity file `file` holds indicators of one key (code; or entity and name) a
    /// different number of times than the sector plan, or changed one of several indicators
    /// sharing a key: which is which cannot be known.
    Ambiguous {
        file: usize,
        in_sector: usize,
        in_file: usize,
    },
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
    /// Keep the sector's indicators as they are, taking nothing from the file.
    Keep,
}

/// The key an indicator is matched by across files: its objective's number, its meta's code
/// and its own key inside the meta (code; or entity and name).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    objective: u8,
    meta: String,
    indicator: IndicatorKey,
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
    /// The indicator's key and which of the indicators of that key it is.
    key: (Key, usize),
}

/// What tells a conflict from the others of the same consolidation: its indicator, its field
/// and its kind. The same files give the same conflicts with the same ids.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ConflictId {
    key: (Key, usize),
    field: Option<Field>,
    kind: ConflictKind,
}

impl Conflict {
    /// What tells this conflict from the others of its consolidation.
    pub fn id(&self) -> ConflictId {
        ConflictId {
            key: self.key.clone(),
            field: self.field,
            kind: self.kind,
        }
    }

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
                    .filter(|(s, _)| *s != Source::Sector)
                    .map(|candidate| self.choice_text(candidate, language, names))
                    .collect::<Vec<_>>()
                    .join("; ");
                tr!(
                    language,
                    "merge-conflict-differ",
                    values = values,
                    sector = names.of(Source::Sector),
                    value = self.sector_value(language)
                )
            }
            ConflictKind::NotInSector => {
                tr!(
                    language,
                    "merge-conflict-not-in-sector",
                    entity = entities.as_str(),
                    count = count
                )
            }
            ConflictKind::WouldErase => tr!(
                language,
                "merge-conflict-would-erase",
                value = self.sector_value(language),
                entity = entities.as_str(),
                count = count
            ),
            ConflictKind::Ambiguous {
                file,
                in_sector,
                in_file,
            } => tr!(
                language,
                "merge-conflict-ambiguous",
                entity = names.of(Source::Entity(file)),
                in_file = in_file,
                in_sector = in_sector
            ),
        };
        format!("{}: {what}", place.join(" · "))
    }

    /// The sector's value of the figure, as shown.
    fn sector_value(&self, language: Language) -> String {
        let value = self.candidates.iter().find_map(|(s, c)| match (s, c) {
            (Source::Sector, Choice::Value(v)) => Some(v.text(language)),
            _ => None,
        });
        value.unwrap_or_default()
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
            Choice::Keep => tr!(language, "merge-choice-keep", source = source),
        }
    }
}

/// What an entity file gives the consolidated plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Brought {
    /// The sector's indicators the file holds.
    pub indicators: usize,
    /// The figures it changed that the consolidated plan takes: changed only there (or to the
    /// same value in every file that changed them), or chosen in a conflict.
    pub figures: usize,
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
    /// What each entity file holds and brings, in the order given.
    pub files: Vec<Brought>,
    /// How many figures of the sector's indicators the consolidation changes.
    pub changed: usize,
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

/// A file the consolidation refuses, and why: it repeats an objective's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused {
    pub source: Source,
    pub repeated: RepeatedObjective,
}

impl Refused {
    /// Why, naming the file.
    pub fn message(&self, language: Language, names: &SourceNames) -> String {
        self.repeated.message(language, names.of(self.source))
    }
}

/// Where a plan's indicators are, by key.
struct Index<'p> {
    plan: &'p Plan,
    /// Each indicator's key, which of that key's indicators it is, and its path, in plan order.
    entries: Vec<(Key, usize, IndicatorPath)>,
    /// The paths of each key's indicators, in plan order.
    paths: HashMap<Key, Vec<IndicatorPath>>,
}

impl<'p> Index<'p> {
    fn new(plan: &'p Plan) -> Self {
        let mut entries = Vec::with_capacity(plan.indicator_count());
        let mut paths: HashMap<Key, Vec<IndicatorPath>> =
            HashMap::with_capacity(plan.indicator_count());
        for (o, objective) in plan.objectives.iter().enumerate() {
            for (m, meta) in objective.metas.iter().enumerate() {
                let meta_code = meta_key(meta);
                for (i, indicator) in meta.indicators.iter().enumerate() {
                    let key = Key {
                        objective: objective.number,
                        meta: meta_code.clone(),
                        indicator: indicator_key(indicator),
                    };
                    let at = IndicatorPath {
                        objective: o,
                        meta: m,
                        indicator: i,
                    };
                    let same = paths.entry(key.clone()).or_default();
                    entries.push((key, same.len(), at));
                    same.push(at);
                }
            }
        }
        Index {
            plan,
            entries,
            paths,
        }
    }

    /// The paths of the indicators with this key.
    fn paths(&self, key: &Key) -> &[IndicatorPath] {
        self.paths.get(key).map_or(&[], Vec::as_slice)
    }

    /// The objective, meta and indicator at a path of the plan.
    fn parts(&self, at: IndicatorPath) -> (&'p Objective, &'p Meta, &'p Indicator) {
        let objective = &self.plan.objectives[at.objective];
        let meta = &objective.metas[at.meta];
        (objective, meta, &meta.indicators[at.indicator])
    }
}

/// The consolidated plan being built, and who decides each conflict.
struct Recorder<R> {
    merged: Merged,
    resolve: R,
}

impl<R: Fn(&Conflict) -> Option<Source>> Recorder<R> {
    /// Records a conflict; its winner (if `resolve` names one of its candidates), whose figure
    /// then counts as brought by it.
    fn record(&mut self, conflict: Conflict) -> Option<Source> {
        let winner = (self.resolve)(&conflict).filter(|s| conflict.can_win(*s));
        if let Some(Source::Entity(e)) = winner
            && conflict.field.is_some()
        {
            self.merged.files[e].figures += 1;
        }
        self.merged.conflicts.push(conflict);
        self.merged.resolutions.push(winner);
        winner
    }
}

/// Consolidates `entities` into `sector`. `resolve` chooses the winner of each conflict (a
/// source that is not among its candidates, or `None`, leaves it unresolved). Refused when a
/// plan repeats an objective's number.
pub fn merge(
    sector: &Plan,
    entities: &[Plan],
    resolve: impl Fn(&Conflict) -> Option<Source>,
) -> Result<Merged, Refused> {
    let plans = std::iter::once((Source::Sector, sector)).chain(
        entities
            .iter()
            .enumerate()
            .map(|(e, p)| (Source::Entity(e), p)),
    );
    for (source, plan) in plans {
        objectives_apart(plan).map_err(|repeated| Refused { source, repeated })?;
    }
    let own = Index::new(sector);
    let files: Vec<Index> = entities.iter().map(Index::new).collect();
    let mut recorder = Recorder {
        merged: Merged {
            plan: sector.clone(),
            conflicts: Vec::new(),
            resolutions: Vec::new(),
            files: vec![Brought::default(); entities.len()],
            changed: 0,
            sector_only: 0,
            added: 0,
        },
        resolve,
    };
    for (key, occurrence, at) in &own.entries {
        let copies = held(&mut recorder, &own, &files, (key, *occurrence, *at));
        if copies.is_empty() {
            recorder.merged.sector_only += 1;
            continue;
        }
        let result = merge_indicator(&mut recorder, &own, (key, *occurrence, *at), &copies);
        let at = *at;
        recorder.merged.plan.objectives[at.objective].metas[at.meta].indicators[at.indicator] =
            result;
    }
    add_new_indicators(&mut recorder, &own, &files);
    Ok(recorder.merged)
}

/// The copies of a sector indicator the entity files hold: in each file, the indicator of its
/// key that comes in the same place among them, where the file holds that key as many times as
/// the sector. A file that holds it a different number of times is a conflict (recorded with
/// the key's first indicator) and gives none of them.
fn held<'p, R: Fn(&Conflict) -> Option<Source>>(
    recorder: &mut Recorder<R>,
    own: &Index,
    files: &[Index<'p>],
    (key, occurrence, at): (&Key, usize, IndicatorPath),
) -> Vec<(usize, &'p Indicator)> {
    let in_sector = own.paths(key).len();
    let mut copies = Vec::new();
    for (e, file) in files.iter().enumerate() {
        let theirs = file.paths(key);
        // Indicators sharing a key (uncoded, same meta, entity and name) cannot be told apart:
        // their places in the file say nothing (an entity may reorder them), so a file that
        // changed any of them is a conflict; one that holds them exactly as the sector does
        // brings nothing, and is taken as matching.
        let certain = in_sector == 1
            || theirs
                .iter()
                .zip(own.paths(key))
                .all(|(&t, &o)| file.parts(t).2 == own.parts(o).2);
        if theirs.len() == in_sector && certain {
            copies.push((e, file.parts(theirs[occurrence]).2));
            recorder.merged.files[e].indicators += 1;
        } else if !theirs.is_empty() && occurrence == 0 {
            // Recorded once, with the key's first indicator.
            let (objective, meta, indicator) = own.parts(at);
            recorder.record(Conflict {
                kind: ConflictKind::Ambiguous {
                    file: e,
                    in_sector,
                    in_file: theirs.len(),
                },
                place: indicator_place(objective, meta, indicator),
                field: None,
                candidates: vec![(Source::Sector, Choice::Keep)],
                target: Target::Indicator(at),
                key: (key.clone(), 0),
            });
        }
    }
    copies
}

/// Where an indicator is, as conflicts name it.
fn indicator_place(objective: &Objective, meta: &Meta, indicator: &Indicator) -> Place {
    Place {
        objective: Some(objective.number),
        indicator: Some(indicator_name(&meta.code, indicator)),
        ..Place::default()
    }
}

/// The sector's indicator with the figures the copies changed; a conflict for each figure
/// they do not agree on.
fn merge_indicator<R: Fn(&Conflict) -> Option<Source>>(
    recorder: &mut Recorder<R>,
    own: &Index,
    (key, occurrence, at): (&Key, usize, IndicatorPath),
    copies: &[(usize, &Indicator)],
) -> Indicator {
    let (objective, meta, indicator) = own.parts(at);
    let mut result = indicator.clone();
    let fields = figure_fields(std::iter::once(indicator).chain(copies.iter().map(|(_, i)| *i)));
    for field in fields {
        let Some(sector_value) = figure_value(indicator, field) else {
            continue;
        };
        let values: Vec<(usize, Value)> = copies
            .iter()
            .filter_map(|(e, i)| figure_value(i, field).map(|v| (*e, v)))
            .collect();
        let value = match decide(&sector_value, &values) {
            Outcome::Keep => continue,
            Outcome::Take { value, from } => {
                for e in from {
                    recorder.merged.files[e].figures += 1;
                }
                value
            }
            Outcome::Conflict(kind, candidates) => {
                let conflict = Conflict {
                    kind,
                    place: indicator_place(objective, meta, indicator),
                    field: Some(field),
                    candidates,
                    target: Target::Field { at, field },
                    key: (key.clone(), occurrence),
                };
                let chosen = recorder.record(conflict).and_then(|winner| {
                    let conflict = recorder.merged.conflicts.last()?;
                    conflict.candidates.iter().find_map(|(s, c)| match c {
                        Choice::Value(v) if *s == winner => Some(v.clone()),
                        _ => None,
                    })
                });
                match chosen {
                    Some(value) if value != sector_value => value,
                    _ => continue,
                }
            }
        };
        set_figure(&mut result, field, &value);
        recorder.merged.changed += 1;
    }
    result.tidy();
    result
}

/// What the consolidation does with one figure.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// No file changed it: the sector's value stays.
    Keep,
    /// The files that changed it agree: their value is taken.
    Take { value: Value, from: Vec<usize> },
    /// The files that changed it do not agree, or they would erase it.
    Conflict(ConflictKind, Vec<(Source, Choice)>),
}

/// Decides one figure from the sector's value (the common ancestor) and each holding file's.
fn decide(sector: &Value, files: &[(usize, Value)]) -> Outcome {
    let changed: Vec<&(usize, Value)> = files.iter().filter(|(_, v)| v != sector).collect();
    let Some((_, first)) = changed.first() else {
        return Outcome::Keep;
    };
    let agree = changed.iter().all(|(_, v)| v == first);
    if agree && !first.is_empty() {
        let from = changed.iter().map(|(e, _)| *e).collect();
        return Outcome::Take {
            value: first.clone(),
            from,
        };
    }
    let kind = if agree {
        ConflictKind::WouldErase
    } else {
        ConflictKind::Differ
    };
    let mut candidates = vec![(Source::Sector, Choice::Value(sector.clone()))];
    candidates.extend(
        changed
            .iter()
            .map(|(e, v)| (Source::Entity(*e), Choice::Value(v.clone()))),
    );
    Outcome::Conflict(kind, candidates)
}

/// The indicators entity files hold and the sector plan does not: each a conflict (leave it
/// out, or add it from a file that holds it), in the files' order.
fn add_new_indicators<R: Fn(&Conflict) -> Option<Source>>(
    recorder: &mut Recorder<R>,
    own: &Index,
    files: &[Index],
) {
    let mut holders: HashMap<(&Key, usize), Vec<(usize, IndicatorPath)>> = HashMap::new();
    let mut order = Vec::new();
    for (e, file) in files.iter().enumerate() {
        for (key, occurrence, at) in &file.entries {
            if !own.paths(key).is_empty() {
                continue;
            }
            let same = holders.entry((key, *occurrence)).or_default();
            if same.is_empty() {
                order.push((key, *occurrence));
            }
            same.push((e, *at));
        }
    }
    for id in order {
        let (key, occurrence) = id;
        let same = &holders[&id];
        let (e, at) = same[0];
        let (objective, meta, indicator) = files[e].parts(at);
        let mut candidates = vec![(Source::Sector, Choice::LeaveOut)];
        candidates.extend(same.iter().map(|(e, _)| (Source::Entity(*e), Choice::Add)));
        let conflict = Conflict {
            kind: ConflictKind::NotInSector,
            place: indicator_place(objective, meta, indicator),
            field: None,
            candidates,
            target: sector_target(own.plan, key),
            key: (key.clone(), occurrence),
        };
        if let Some(Source::Entity(winner)) = recorder.record(conflict)
            && let Some((_, at)) = same.iter().find(|(h, _)| *h == winner)
        {
            add_indicator(&mut recorder.merged.plan, files[winner].parts(*at), key);
            recorder.merged.added += 1;
        }
    }
}

/// Where an indicator the sector lacks would go: its meta, else its objective, else the plan.
fn sector_target(sector: &Plan, key: &Key) -> Target {
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

/// The index of the first meta with this code.
fn meta_index(objective: &Objective, code: &str) -> Option<usize> {
    objective.metas.iter().position(|m| meta_key(m) == code)
}

/// Adds an entity's indicator to the plan: at the end of its meta, created (with the entity's
/// code and name) when the plan lacks it, in its objective, created when missing too.
fn add_indicator(
    plan: &mut Plan,
    (objective, meta, indicator): (&Objective, &Meta, &Indicator),
    key: &Key,
) {
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

    /// The seed with only the indicators of objective `number`: an entity's part.
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

    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    /// 465's path in the seed.
    const AT_465: IndicatorPath = IndicatorPath {
        objective: 2,
        meta: 0,
        indicator: 1,
    };

    /// 644's and 555's paths in the seed.
    const AT_644: IndicatorPath = IndicatorPath {
        objective: 2,
        meta: 0,
        indicator: 3,
    };
    const AT_555: IndicatorPath = IndicatorPath {
        objective: 2,
        meta: 2,
        indicator: 1,
    };

    fn set_executed(plan: &mut Plan, at: IndicatorPath, quarter: u8, value: &str) {
        plan.apply(Edit::Figure {
            at,
            vigencia: 2022,
            figure: Figure::Executed(q(quarter)),
            value: Some(value.parse().unwrap()),
        })
        .unwrap();
    }

    fn set_465_q1(plan: &mut Plan, value: &str) {
        set_executed(plan, AT_465, 1, value);
    }

    fn lines(merged: &Merged) -> Vec<String> {
        merged
            .unresolved()
            .map(|c| c.message(Language::Es, &names()))
            .collect()
    }

    fn run(sector: &Plan, entities: &[Plan], prefer: &[Source]) -> Merged {
        merge(sector, entities, |c| c.preferred(prefer)).unwrap()
    }

    #[test]
    fn two_entity_parts_split_from_the_seed_give_the_seed_back() {
        let seed = seed();
        let entities = [entity_file(&seed, 2), entity_file(&seed, 3)];
        let merged = run(&without_figures(&seed), &entities, &[]);
        assert!(merged.conflicts.is_empty(), "{:#?}", merged.conflicts);
        assert_eq!(merged.plan, seed);
        let indicators: Vec<usize> = merged.files.iter().map(|f| f.indicators).collect();
        assert_eq!(indicators, [2, 7]);
        assert_eq!(merged.sector_only, 0);
        // Into the seed itself, nothing changes: every figure is as in the sector.
        let again = run(&seed, &entities, &[]);
        assert_eq!(again.plan, seed);
        assert_eq!(again.changed, 0);
        assert_eq!(again.files.iter().map(|f| f.figures).sum::<usize>(), 0);
    }

    #[test]
    fn the_sectors_texts_stay_and_an_indicator_no_entity_holds_keeps_its_figures() {
        let seed = seed();
        let mut entity = entity_file(&seed, 3);
        entity.title = "Copia de la entidad".to_owned();
        entity.objectives[2].metas[0].indicators[1].name = "otro nombre".to_owned();
        set_465_q1(&mut entity, "1");
        let merged = run(&seed, &[entity], &[]);
        assert!(merged.is_resolved());
        assert_eq!(merged.plan.title, seed.title);
        let indicator = merged.plan.indicator(AT_465).unwrap();
        assert_eq!(indicator.name, seed.indicator(AT_465).unwrap().name);
        assert_eq!(indicator.executed(2022, q(1)), Some("1".parse().unwrap()));
        assert_eq!(merged.sector_only, 2, "objective 2's indicators");
        assert_eq!(merged.plan.objectives[1], seed.objectives[1]);
    }

    #[test]
    fn full_copies_each_bring_what_they_changed_and_nothing_else() {
        let seed = seed();
        let (mut a, mut b) = (seed.clone(), seed.clone());
        set_executed(&mut a, AT_644, 2, "31");
        set_executed(&mut b, AT_555, 2, "5");
        let merged = run(&seed, &[a, b], &[]);
        assert!(merged.conflicts.is_empty(), "{:#?}", lines(&merged));
        let mut expected = seed.clone();
        set_executed(&mut expected, AT_644, 2, "31");
        set_executed(&mut expected, AT_555, 2, "5");
        assert_eq!(merged.plan, expected);
        assert_eq!(
            merged.files,
            [
                Brought {
                    indicators: 9,
                    figures: 1
                },
                Brought {
                    indicators: 9,
                    figures: 1
                }
            ]
        );
        assert_eq!(merged.changed, 2);
    }

    #[test]
    fn two_copies_changing_a_figure_alike_agree_and_differently_conflict() {
        let seed = seed();
        let (mut a, mut b) = (seed.clone(), seed.clone());
        set_465_q1(&mut a, "1");
        set_465_q1(&mut b, "1");
        let alike = run(&seed, &[a.clone(), b.clone()], &[]);
        assert!(alike.conflicts.is_empty());
        assert_eq!(alike.plan, a);
        assert_eq!(alike.files[0].figures, 1);
        assert_eq!(alike.files[1].figures, 1);
        assert_eq!(alike.changed, 1);

        set_465_q1(&mut b, "2");
        let entities = [a.clone(), b.clone()];
        let merged = run(&seed, &entities, &[]);
        assert_eq!(
            lines(&merged),
            [
                "Objetivo 3 · indicador 465 · ejecutado 2022 T1: cada archivo trae un cambio distinto: a.ron: 1,00; b.ron: 2,00 (en sector.ron: 0,00)"
            ]
        );
        assert_eq!(
            merged.conflicts[0].target,
            Target::Field {
                at: AT_465,
                field: Field::Executed(2022, q(1))
            }
        );
        assert_eq!(merged.files[0].figures + merged.files[1].figures, 0);
        assert_eq!(run(&seed, &entities, &[Source::Entity(0)]).plan, a);
        let prefer_b = run(&seed, &entities, &[Source::Entity(1)]);
        assert_eq!(prefer_b.plan, b);
        assert_eq!(prefer_b.files[1].figures, 1, "the figure it won");
        let keep = run(&seed, &entities, &[Source::Sector]);
        assert!(keep.is_resolved());
        assert_eq!(keep.plan, seed, "the sector's figure kept");
    }

    #[test]
    fn a_figure_the_sector_has_and_the_copy_lacks_is_not_erased_silently() {
        let seed = seed();
        let entity = entity_file(&seed, 3);
        let mut sector = seed.clone();
        sector
            .apply(Edit::Comment {
                at: AT_465,
                vigencia: 2022,
                quarter: q(1),
                text: "Revisado en comité".to_owned(),
            })
            .unwrap();
        let merged = run(&sector, std::slice::from_ref(&entity), &[]);
        assert_eq!(
            lines(&merged),
            [
                "Objetivo 3 · indicador 465 · comentario 2022 T1: el plan del sector tiene «Revisado en comité» y a.ron no lo tiene (la entidad lo borró, o se agregó en el sector después de tomar la copia): consolidar lo borraría"
            ]
        );
        let keep = run(&sector, std::slice::from_ref(&entity), &[Source::Sector]);
        assert_eq!(keep.plan, sector);
        let erase = run(&sector, &[entity], &[Source::Entity(0)]);
        assert_eq!(erase.plan, seed);
        assert_eq!(erase.changed, 1);
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
        let merged = run(&seed, std::slice::from_ref(&entity), &[]);
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
        let left_out = run(&seed, std::slice::from_ref(&entity), &[Source::Sector]);
        assert_eq!(left_out.plan, seed);
        let added = run(&seed, &[entity], &[Source::Entity(0)]);
        assert_eq!(added.added, 1);
        let metas = &added.plan.objectives[2].metas;
        assert_eq!(metas.last().unwrap().code, "META SECTORIAL 999");
        assert_eq!(metas.last().unwrap().indicators, [new]);
    }

    /// The seed with a second indicator without code in META PROYECTO 4, the DASCD's.
    fn with_dascd_without_code() -> Plan {
        let mut plan = seed();
        let meta = &mut plan.objectives[1].metas[1];
        let mut dascd = meta.indicators[0].clone();
        dascd.name = "Porcentaje de servidores formados en memoria y paz".to_owned();
        dascd.entity = "DASCD".to_owned();
        dascd
            .year_mut(2022)
            .executed
            .insert(q(1), "10".parse().unwrap());
        meta.indicators.push(dascd);
        plan
    }

    /// Only the indicators of `entity`: its part of the plan.
    fn part_of(plan: &Plan, entity: &str) -> Plan {
        let mut part = plan.clone();
        for objective in &mut part.objectives {
            for meta in &mut objective.metas {
                meta.indicators.retain(|i| i.entity == entity);
            }
            objective.metas.retain(|m| !m.indicators.is_empty());
        }
        part
    }

    const AT_SG_WITHOUT_CODE: IndicatorPath = IndicatorPath {
        objective: 1,
        meta: 1,
        indicator: 0,
    };
    const AT_DASCD_WITHOUT_CODE: IndicatorPath = IndicatorPath {
        objective: 1,
        meta: 1,
        indicator: 1,
    };

    #[test]
    fn an_indicator_without_code_gets_its_own_entitys_figure_never_the_one_in_its_place() {
        let sector = with_dascd_without_code();
        let mut dascd = part_of(&sector, "DASCD");
        assert_eq!(dascd.objectives[1].metas[0].indicators.len(), 1);
        let at = IndicatorPath {
            objective: 1,
            meta: 0,
            indicator: 0,
        };
        set_executed(&mut dascd, at, 1, "40");
        let merged = run(&sector, &[dascd], &[]);
        assert!(merged.conflicts.is_empty(), "{:#?}", lines(&merged));
        let executed = |at| merged.plan.indicator(at).unwrap().executed(2022, q(1));
        assert_eq!(executed(AT_SG_WITHOUT_CODE), Some("28.75".parse().unwrap()));
        assert_eq!(executed(AT_DASCD_WITHOUT_CODE), Some("40".parse().unwrap()));
        assert_eq!(merged.changed, 1);
    }

    #[test]
    fn an_indicator_without_code_that_cannot_be_matched_for_certain_is_a_conflict() {
        let sector = with_dascd_without_code();
        // Renamed in the entity's part: not the sector's indicator for certain.
        let mut renamed = part_of(&sector, "DASCD");
        renamed.objectives[1].metas[0].indicators[0].name = "Otro nombre".to_owned();
        let merged = run(&sector, &[renamed], &[]);
        assert_eq!(
            lines(&merged),
            [
                "Objetivo 2 · indicador N/A (META PROYECTO 4) «Otro nombre» de DASCD: a.ron tiene este indicador y el plan del sector no"
            ]
        );
        assert_eq!(merged.sector_only, 10, "no sector indicator is held");
        // Two of the same entity and name in the sector, one in the file: which is which?
        let mut twice = sector.clone();
        let copy = twice.objectives[1].metas[1].indicators[1].clone();
        twice.objectives[1].metas[1].indicators.push(copy);
        let mut part = part_of(&sector, "DASCD");
        set_executed(
            &mut part,
            IndicatorPath {
                objective: 1,
                meta: 0,
                indicator: 0,
            },
            1,
            "40",
        );
        let merged = run(&twice, std::slice::from_ref(&part), &[Source::Entity(0)]);
        assert_eq!(
            lines(&merged),
            [
                "Objetivo 2 · indicador N/A (META PROYECTO 4) «Porcentaje de servidores formados en memoria y paz» de DASCD: a.ron tiene 1 indicador con esta clave (el mismo código, o la misma entidad y nombre) en esta meta y el plan del sector 2: no se puede saber cuál es cuál"
            ]
        );
        let keep = run(&twice, &[part], &[Source::Sector]);
        assert!(keep.is_resolved());
        assert_eq!(keep.plan, twice, "nothing taken from the file");
    }

    #[test]
    fn indicators_sharing_a_key_swapped_in_the_file_are_a_conflict_never_a_swap_of_figures() {
        // Two uncoded indicators of one meta, entity and name, with different figures.
        let mut sector = with_dascd_without_code();
        let meta = &mut sector.objectives[1].metas[1];
        let mut twin = meta.indicators[1].clone();
        twin.unit = "otra unidad".to_owned();
        meta.indicators.push(twin);
        let twin_at = IndicatorPath {
            indicator: 2,
            ..AT_DASCD_WITHOUT_CODE
        };
        set_executed(&mut sector, twin_at, 1, "7");
        // Unchanged, the file brings nothing and stops nothing.
        let same = part_of(&sector, "DASCD");
        let merged = run(&sector, std::slice::from_ref(&same), &[]);
        assert!(merged.conflicts.is_empty(), "{:#?}", lines(&merged));
        assert_eq!(merged.plan, sector);
        // The entity swapped them: their places say nothing, so nothing is taken.
        let mut swapped = same.clone();
        swapped.objectives[1].metas[0].indicators.swap(0, 1);
        let merged = run(&sector, std::slice::from_ref(&swapped), &[]);
        assert_eq!(merged.conflicts.len(), 1, "{:#?}", lines(&merged));
        let kept = run(&sector, &[swapped], &[Source::Sector]);
        assert_eq!(kept.plan, sector, "no figure moved to the other indicator");
    }

    #[test]
    fn a_plan_that_repeats_an_objective_number_is_refused() {
        let seed = seed();
        let mut repeated = seed.clone();
        repeated.objectives[3].number = 3;
        let refused = merge(&repeated, std::slice::from_ref(&seed), |_| None).unwrap_err();
        assert_eq!(
            refused.message(Language::Es, &names()),
            "sector.ron tiene dos objetivos con el número 3: no se puede saber cuál es cuál al comparar o consolidar. Corrija el archivo (avance validate lo señala) y vuelva a intentarlo."
        );
        let refused = merge(&seed, &[seed.clone(), repeated], |_| None).unwrap_err();
        assert_eq!(refused.source, Source::Entity(1));
    }

    #[test]
    fn a_figure_is_kept_taken_or_a_conflict_from_the_sector_and_the_files() {
        let number = |n: Option<i64>| Value::Number(n.map(rust_decimal::Decimal::from));
        let (empty, one, two) = (number(None), number(Some(1)), number(Some(2)));
        assert_eq!(
            decide(&one, &[(0, one.clone()), (1, one.clone())]),
            Outcome::Keep
        );
        assert_eq!(
            decide(&one, &[(0, one.clone()), (1, two.clone())]),
            Outcome::Take {
                value: two.clone(),
                from: vec![1]
            }
        );
        assert_eq!(
            decide(&empty, &[(0, two.clone()), (1, two.clone())]),
            Outcome::Take {
                value: two.clone(),
                from: vec![0, 1]
            }
        );
        let Outcome::Conflict(kind, candidates) = decide(&one, &[(0, empty.clone())]) else {
            panic!("erasing is a conflict")
        };
        assert_eq!(kind, ConflictKind::WouldErase);
        assert_eq!(candidates[0], (Source::Sector, Choice::Value(one.clone())));
        let Outcome::Conflict(kind, _) = decide(&one, &[(0, empty), (1, two)]) else {
            panic!("one erases, one changes")
        };
        assert_eq!(kind, ConflictKind::Differ);
    }
}
