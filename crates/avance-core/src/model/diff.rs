//! Comparing two plans (`avance diff`, Archivo → Comparar con…): every difference from plan A
//! to plan B, named as the validation panel names things (objetivo · indicador · campo ·
//! vigencia · trimestre), old → new; then each objective's avance in A and in B at one cut.
//!
//! Objectives are matched by number, metas by code inside their objective, indicators by code
//! inside their meta ([`IndicatorKey`]). An indicator without code ("N/A") is matched by its
//! entity and name, never by its position: a file that holds a part of the plan (an entity's
//! indicators) would pair one entity's indicator with another's. A key written the same number
//! of times in both plans is matched in order (the first with the first); written a different
//! number of times, which is which cannot be known, and its items show as removed and added.
//! A plan that repeats an objective's number is not compared ([`objectives_apart`]).
//!
//! The same keys and the same figure fields serve [`super::merge`].

use std::collections::{BTreeSet, HashMap};
use std::hash::Hash;

use rust_decimal::Decimal;

use super::edit::IndicatorPath;
use super::format::{number, number_as_stored, percent_or_dash};
use super::plan::{
    Annualization, Cut, Indicator, IndicatorKind, Language, Meta, Objective, Period, Plan, Quarter,
    Vigencia,
};
use super::progress::PlanProgress;
use super::validation::{Field, indicator_label};
use crate::tr;

/// How officers name an indicator in a difference: its label, and what it was matched by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorName {
    /// The code, or "N/A" and the meta's code ([`indicator_label`]).
    pub label: String,
    /// Its code, or for an indicator without code its entity and name, named in the place.
    pub key: IndicatorKey,
}

/// The longest part of an indicator's name a place shows (in characters), for one without code.
const NAME_SHOWN: usize = 80;

/// Where a difference (or a consolidation conflict) is, as the validation panel names places.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The entity's number (from 1), for the texts of the plan's entities.
    pub entity: Option<usize>,
    /// The objective's number.
    pub objective: Option<u8>,
    /// The meta's code, for what is about a meta itself (its name, it being added or removed).
    pub meta: Option<String>,
    pub indicator: Option<IndicatorName>,
}

impl Place {
    /// The parts of the place in words: "Objetivo 3", "indicador 465".
    pub fn parts(&self, language: Language) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(number) = self.entity {
            parts.push(tr!(language, "place-entity", number = number.to_string()));
        }
        if let Some(number) = self.objective {
            parts.push(tr!(language, "place-objective", number = number));
        }
        if let Some(code) = &self.meta {
            parts.push(if code.trim().is_empty() {
                tr!(language, "place-meta-without-code")
            } else {
                tr!(language, "place-meta", code = code)
            });
        }
        if let Some(indicator) = &self.indicator {
            let label = &indicator.label;
            parts.push(match &indicator.key {
                IndicatorKey::Code(_) => tr!(language, "place-indicator", label = label),
                IndicatorKey::WithoutCode { entity, name } => {
                    let name = shortened(name, NAME_SHOWN);
                    if entity.is_empty() {
                        tr!(
                            language,
                            "place-indicator-without-code-or-entity",
                            label = label,
                            name = name
                        )
                    } else {
                        tr!(
                            language,
                            "place-indicator-without-code",
                            label = label,
                            name = name,
                            entity = entity.as_str()
                        )
                    }
                }
            });
        }
        parts
    }
}

/// `text` cut to its first `limit` characters, with "…" when it was longer.
fn shortened(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

/// Where in one of the two plans a difference can be seen: the window goes there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The plan itself: its texts, entities, period, cut and settings.
    Plan,
    /// An objective, by its index in the plan.
    Objective(usize),
    Meta {
        objective: usize,
        meta: usize,
    },
    Indicator(IndicatorPath),
    /// A field of an indicator: a figure's cell, a quarter's comment, its baseline.
    Field {
        at: IndicatorPath,
        field: Field,
    },
}

/// What a difference is about, beyond the fields findings name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A field the validation panel names too: a figure of a vigencia, a comment, the
    /// baseline, the declared total, the code, the period, the cut.
    Field(Field),
    Title,
    Sector,
    SectorMission,
    EntityName,
    EntityMission,
    EntityVision,
    ObjectiveText,
    MetaName,
    IndicatorName,
    /// Entidad responsable.
    IndicatorEntity,
    IndicatorUnit,
    /// Tipo de anualización.
    IndicatorType,
    /// Where the indicator comes from (sectorial, meta trazadora, proyecto de inversión).
    IndicatorKind,
    /// Whether an indicator counts at most 100 % in its objective.
    CapInRollup,
    RedBelow,
    YellowBelow,
    GreenUpTo,
    PlanLanguage,
    /// The order of an objective's metas.
    MetaOrder,
    /// The order of a meta's indicators.
    IndicatorOrder,
}

impl Subject {
    /// The subject's name in the language: "ejecutado 2022 T1", "nombre", "tipo de anualización".
    pub fn name(self, language: Language) -> String {
        match self {
            Subject::Field(field) => field.name(language),
            Subject::Title => tr!(language, "diff-subject-title"),
            Subject::Sector => tr!(language, "diff-subject-sector"),
            Subject::SectorMission => tr!(language, "diff-subject-sector-mission"),
            Subject::EntityName | Subject::MetaName | Subject::IndicatorName => {
                tr!(language, "diff-subject-name")
            }
            Subject::EntityMission => tr!(language, "diff-subject-mission"),
            Subject::EntityVision => tr!(language, "diff-subject-vision"),
            Subject::ObjectiveText => tr!(language, "diff-subject-objective-text"),
            Subject::IndicatorEntity => tr!(language, "diff-subject-responsible-entity"),
            Subject::IndicatorUnit => tr!(language, "diff-subject-unit"),
            Subject::IndicatorType => tr!(language, "diff-subject-annualization"),
            Subject::IndicatorKind => tr!(language, "diff-subject-indicator-kind"),
            Subject::CapInRollup => tr!(language, "diff-subject-cap"),
            Subject::RedBelow => tr!(language, "diff-subject-red-below"),
            Subject::YellowBelow => tr!(language, "diff-subject-yellow-below"),
            Subject::GreenUpTo => tr!(language, "diff-subject-green-up-to"),
            Subject::PlanLanguage => tr!(language, "diff-subject-language"),
            Subject::MetaOrder => tr!(language, "diff-subject-meta-order"),
            Subject::IndicatorOrder => tr!(language, "diff-subject-indicator-order"),
        }
    }

    /// A stable name for machines (the JSON output): `executed`, `indicator_name`…
    pub fn key(self) -> &'static str {
        match self {
            Subject::Field(field) => match field {
                Field::Period => "period",
                Field::Cut => "cut",
                Field::TrafficLights => "traffic_lights",
                Field::ObjectiveNumber => "objective_number",
                Field::ObjectiveText => "objective_text",
                Field::Code => "code",
                Field::Name => "indicator_name",
                Field::Entity => "indicator_entity",
                Field::Baseline => "baseline",
                Field::DeclaredTotal => "declared_total",
                Field::Weight(_) => "weight",
                Field::Programmed(_) => "programmed",
                Field::Executed(..) => "executed",
                Field::Comment(..) => "comment",
            },
            Subject::Title => "title",
            Subject::Sector => "sector",
            Subject::SectorMission => "sector_mission",
            Subject::EntityName => "entity_name",
            Subject::EntityMission => "entity_mission",
            Subject::EntityVision => "entity_vision",
            Subject::ObjectiveText => "objective_text",
            Subject::MetaName => "meta_name",
            Subject::IndicatorName => "indicator_name",
            Subject::IndicatorEntity => "indicator_entity",
            Subject::IndicatorUnit => "unit",
            Subject::IndicatorType => "annualization",
            Subject::IndicatorKind => "indicator_kind",
            Subject::CapInRollup => "cap_in_rollup",
            Subject::RedBelow => "red_below",
            Subject::YellowBelow => "yellow_below",
            Subject::GreenUpTo => "green_up_to",
            Subject::PlanLanguage => "language",
            Subject::MetaOrder => "meta_order",
            Subject::IndicatorOrder => "indicator_order",
        }
    }

    /// The vigencia and quarter the subject is about, when it has them.
    pub fn when(self) -> (Option<Vigencia>, Option<Quarter>) {
        match self {
            Subject::Field(Field::Weight(v) | Field::Programmed(v)) => (Some(v), None),
            Subject::Field(Field::Executed(v, q) | Field::Comment(v, q)) => (Some(v), Some(q)),
            _ => (None, None),
        }
    }
}

/// A value on one side of a difference.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A figure (weight, programming, baseline, total, threshold); `None` when empty.
    Number(Option<Decimal>),
    /// A quarter's executed magnitude; `None` when not reported (never 0).
    Executed(Option<Decimal>),
    /// A quarter's comment; `None` when there is none.
    Comment(Option<String>),
    Text(String),
    /// The indicator's code; `None` for "N/A".
    Code(Option<String>),
    Flag(bool),
    Type(Annualization),
    Kind(IndicatorKind),
    Cut(Cut),
    Period(Period),
    Language(Language),
    /// Items in their order (their codes).
    Order(Vec<String>),
}

impl Value {
    /// The value as shown: figures with every decimal they have (`0,50`, `19,002`), texts in
    /// «», "sin reporte" for a quarter not reported.
    pub fn text(&self, language: Language) -> String {
        let quoted = |text: &str| tr!(language, "diff-quoted", text = text);
        match self {
            Value::Number(Some(n)) | Value::Executed(Some(n)) => number_as_stored(*n, language),
            Value::Number(None) => tr!(language, "diff-empty"),
            Value::Executed(None) => tr!(language, "diff-not-reported"),
            Value::Comment(Some(text)) => quoted(text),
            Value::Comment(None) => tr!(language, "diff-no-comment"),
            Value::Text(text) if text.is_empty() => tr!(language, "diff-empty"),
            Value::Text(text) => quoted(text),
            Value::Code(code) => code.clone().unwrap_or_else(|| "N/A".to_owned()),
            Value::Flag(true) => tr!(language, "diff-yes"),
            Value::Flag(false) => tr!(language, "diff-no"),
            Value::Type(Annualization::Suma) => tr!(language, "annualization-suma"),
            Value::Type(Annualization::Creciente) => tr!(language, "annualization-creciente"),
            Value::Type(Annualization::Constante) => tr!(language, "annualization-constante"),
            Value::Type(Annualization::Decreciente) => {
                tr!(language, "annualization-decreciente")
            }
            Value::Kind(kind) => kind.name(language),
            Value::Cut(cut) => cut.date(),
            Value::Period(period) => format!("{}–{}", period.first, period.last),
            Value::Language(Language::Es) => "Español".to_owned(),
            Value::Language(Language::En) => "English".to_owned(),
            Value::Order(items) => items.join(", "),
        }
    }

    /// Whether the value is an empty figure, a quarter not reported or no comment.
    pub fn is_empty(&self) -> bool {
        matches!(
            self,
            Value::Number(None) | Value::Executed(None) | Value::Comment(None)
        )
    }
}

/// Something that is in one plan and not in the other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// An entity, with its name.
    Entity(String),
    /// An objective, with its text.
    Objective(String),
    /// A meta, with its name and how many indicators it holds.
    Meta { name: String, indicators: usize },
    /// An indicator, with its name.
    Indicator(String),
}

impl Item {
    /// The item in words: "indicador «Número de estrategias…»".
    pub fn text(&self, language: Language) -> String {
        match self {
            Item::Entity(name) => tr!(language, "diff-item-entity", name = name),
            Item::Objective(text) => tr!(language, "diff-item-objective", text = text),
            Item::Meta { name, indicators } => tr!(
                language,
                "diff-item-meta",
                name = name,
                indicators = *indicators
            ),
            Item::Indicator(name) => tr!(language, "diff-item-indicator", name = name),
        }
    }
}

/// What differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// A value that is not the same: old (A) → new (B).
    Changed {
        subject: Subject,
        old: Value,
        new: Value,
    },
    /// In B and not in A.
    Added(Item),
    /// In A and not in B.
    Removed(Item),
}

/// One difference from plan A to plan B.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub place: Place,
    pub difference: Difference,
    /// Where it is seen in A (for what B added: the nearest place A has).
    pub in_a: Target,
    /// Where it is seen in B (for what B removed: the nearest place B has).
    pub in_b: Target,
}

impl Change {
    /// The difference as a line: "Objetivo 3 · indicador 465 · ejecutado 2022 T1: 0,00 → 1,00".
    pub fn message(&self, language: Language) -> String {
        let mut place = self.place.parts(language);
        let what = match &self.difference {
            Difference::Changed { subject, old, new } => {
                place.push(subject.name(language));
                tr!(
                    language,
                    "diff-changed",
                    old = old.text(language),
                    new = new.text(language)
                )
            }
            Difference::Added(item) => tr!(language, "diff-added", item = item.text(language)),
            Difference::Removed(item) => {
                tr!(language, "diff-removed", item = item.text(language))
            }
        };
        format!("{}: {what}", place.join(" · "))
    }
}

/// An objective's avance in plan A and in plan B at the same cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveComparison {
    pub number: u8,
    /// Rounded to 2 decimals as shown; `None` where there is no average (or no objective).
    pub a: Option<Decimal>,
    pub b: Option<Decimal>,
}

impl ObjectiveComparison {
    /// Whether the avance shown differs.
    pub fn changed(&self) -> bool {
        self.a != self.b
    }

    /// The line: "Objetivo 3: 24,15 % → 27,15 % (+3,00)" ("—" where there is no average).
    pub fn text(&self, language: Language) -> String {
        let (a, b) = (
            percent_or_dash(self.a, language),
            percent_or_dash(self.b, language),
        );
        match (self.a, self.b) {
            (Some(x), Some(y)) if x != y => {
                let delta = y - x;
                let delta = if delta.is_sign_positive() {
                    format!("+{}", number(delta, language))
                } else {
                    number(delta, language)
                };
                tr!(
                    language,
                    "diff-objective-progress-moved",
                    number = self.number,
                    a = a,
                    b = b,
                    delta = delta
                )
            }
            _ => tr!(
                language,
                "diff-objective-progress",
                number = self.number,
                a = a,
                b = b
            ),
        }
    }
}

/// Every difference from plan A to plan B, and each objective's avance in both at one cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDiff {
    /// In plan order: the plan's texts, period, cut and settings; its entities; then each
    /// objective with its metas and indicators.
    pub changes: Vec<Change>,
    /// The cut both plans' avance is read at.
    pub cut: Cut,
    pub objectives: Vec<ObjectiveComparison>,
}

impl PlanDiff {
    /// Compares plan `a` (before) with plan `b` (after); avance read at `cut` in both.
    pub fn new(a: &Plan, b: &Plan, cut: Cut) -> Self {
        let mut changes = Vec::new();
        compare_plan_fields(a, b, &mut changes);
        compare_entities(a, b, &mut changes);
        compare_objectives(a, b, &mut changes);
        let (progress_a, progress_b) =
            (PlanProgress::compute(a, cut), PlanProgress::compute(b, cut));
        let mut numbers: Vec<u8> = Vec::new();
        for objective in a.objectives.iter().chain(&b.objectives) {
            if !numbers.contains(&objective.number) {
                numbers.push(objective.number);
            }
        }
        let objectives = numbers
            .into_iter()
            .map(|number| ObjectiveComparison {
                number,
                a: progress_a.objective(number).and_then(|o| o.progress()),
                b: progress_b.objective(number).and_then(|o| o.progress()),
            })
            .collect();
        PlanDiff {
            changes,
            cut,
            objectives,
        }
    }

    /// Whether the two plans hold the same things (the avance is then the same too).
    pub fn is_identical(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Pairs the items of two lists by key. A key both lists hold the same number of times pairs
/// up in order (the first with the first); a key held a different number of times on each side
/// (an indicator written twice in one plan and once in the other) cannot be paired for certain,
/// and its items stay unpaired. A's items come first, in A's order (with their partner in B, if
/// any), then B's items without partner. Linear in the lengths of the lists.
pub fn pair_up<K: Eq + Hash>(a: &[K], b: &[K]) -> Vec<(Option<usize>, Option<usize>)> {
    let (count_a, count_b) = (counts(a), counts(b));
    let certain = |key: &K| count_a.get(key) == count_b.get(key);
    let mut in_b: HashMap<(&K, usize), usize> = HashMap::with_capacity(b.len());
    for (j, (key, occurrence)) in occurrences(b).into_iter().enumerate() {
        if certain(key) {
            in_b.insert((key, occurrence), j);
        }
    }
    let mut paired = vec![false; b.len()];
    let mut pairs = Vec::with_capacity(a.len().max(b.len()));
    for (i, key) in occurrences(a).into_iter().enumerate() {
        let partner = in_b.get(&key).copied();
        if let Some(j) = partner {
            paired[j] = true;
        }
        pairs.push((Some(i), partner));
    }
    pairs.extend(
        paired
            .iter()
            .enumerate()
            .filter(|(_, paired)| !**paired)
            .map(|(j, _)| (None, Some(j))),
    );
    pairs
}

/// How many times each key is in the list.
fn counts<K: Eq + Hash>(keys: &[K]) -> HashMap<&K, usize> {
    let mut counts = HashMap::with_capacity(keys.len());
    for key in keys {
        *counts.entry(key).or_insert(0) += 1;
    }
    counts
}

/// Each key with how many equal keys came before it.
fn occurrences<K: Eq + Hash>(keys: &[K]) -> Vec<(&K, usize)> {
    let mut seen: HashMap<&K, usize> = HashMap::with_capacity(keys.len());
    keys.iter()
        .map(|key| {
            let count = seen.entry(key).or_insert(0);
            let occurrence = *count;
            *count += 1;
            (key, occurrence)
        })
        .collect()
}

/// A plan that gives two objectives the same number (`avance validate` reports it as an
/// error): objectives are matched by number, so which is which cannot be known, and the plan
/// is neither compared nor consolidated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RepeatedObjective(pub u8);

impl RepeatedObjective {
    /// Why the file `file` is refused, and what to do.
    pub fn message(self, language: Language, file: &str) -> String {
        tr!(
            language,
            "match-repeated-objective",
            file = file,
            number = self.0
        )
    }
}

/// Whether each objective of the plan has its own number, as comparing and consolidating need.
pub fn objectives_apart(plan: &Plan) -> Result<(), RepeatedObjective> {
    let mut seen = BTreeSet::new();
    match plan.objectives.iter().find(|o| !seen.insert(o.number)) {
        Some(objective) => Err(RepeatedObjective(objective.number)),
        None => Ok(()),
    }
}

/// The key a meta is matched by: its code, without spaces around it.
pub fn meta_key(meta: &Meta) -> String {
    meta.code.trim().to_owned()
}

/// What an indicator is matched by inside its meta, across two plans: its code, or for an
/// indicator without code ("N/A") its entidad responsable and its name (each without spaces
/// around it). Never its position.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorKey {
    Code(String),
    WithoutCode { entity: String, name: String },
}

/// The key an indicator is matched by inside its meta: its code without spaces around it; for
/// no code ("N/A"), its entity and name.
pub fn indicator_key(indicator: &Indicator) -> IndicatorKey {
    let code = indicator
        .code
        .as_deref()
        .map(str::trim)
        .filter(|code| !super::plan::is_no_code(code));
    match code {
        Some(code) => IndicatorKey::Code(code.to_owned()),
        None => IndicatorKey::WithoutCode {
            entity: indicator.entity.trim().to_owned(),
            name: indicator.name.trim().to_owned(),
        },
    }
}

/// How an indicator is named in a difference: its label and the key it is matched by.
pub fn indicator_name(meta_code: &str, indicator: &Indicator) -> IndicatorName {
    IndicatorName {
        label: indicator_label(meta_code, indicator),
        key: indicator_key(indicator),
    }
}

/// The figure fields of an indicator that the officers fill in, for both indicators: the
/// baseline, the declared total, then for each vigencia (in order) the weight, the programming,
/// each quarter's executed magnitude and each quarter's comment.
pub fn figure_fields<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator> + Clone,
) -> Vec<Field> {
    let mut fields = vec![Field::Baseline, Field::DeclaredTotal];
    let vigencias: BTreeSet<Vigencia> = indicators
        .clone()
        .into_iter()
        .flat_map(|i| i.years.keys().copied())
        .collect();
    for vigencia in vigencias {
        let years = || {
            indicators
                .clone()
                .into_iter()
                .filter_map(move |i| i.year(vigencia))
        };
        let executed: BTreeSet<Quarter> =
            years().flat_map(|y| y.executed.keys().copied()).collect();
        let commented: BTreeSet<Quarter> =
            years().flat_map(|y| y.comments.keys().copied()).collect();
        fields.push(Field::Weight(vigencia));
        fields.push(Field::Programmed(vigencia));
        fields.extend(executed.into_iter().map(|q| Field::Executed(vigencia, q)));
        fields.extend(commented.into_iter().map(|q| Field::Comment(vigencia, q)));
    }
    fields
}

/// What an indicator holds in a figure field ([`figure_fields`]); `None` for a field that is not
/// a figure.
pub fn figure_value(indicator: &Indicator, field: Field) -> Option<Value> {
    Some(match field {
        Field::Baseline => Value::Number(indicator.baseline),
        Field::DeclaredTotal => Value::Number(indicator.declared_total),
        Field::Weight(v) => Value::Number(indicator.weight(v)),
        Field::Programmed(v) => Value::Number(indicator.programmed(v)),
        Field::Executed(v, q) => Value::Executed(indicator.executed(v, q)),
        Field::Comment(v, q) => {
            Value::Comment(indicator.year(v).and_then(|y| y.comments.get(&q)).cloned())
        }
        Field::Period
        | Field::Cut
        | Field::TrafficLights
        | Field::ObjectiveNumber
        | Field::ObjectiveText
        | Field::Code
        | Field::Name
        | Field::Entity => return None,
    })
}

/// Puts `value` in an indicator's figure field; a value of another kind changes nothing.
pub fn set_figure(indicator: &mut Indicator, field: Field, value: &Value) {
    match (field, value) {
        (Field::Baseline, Value::Number(n)) => indicator.baseline = *n,
        (Field::DeclaredTotal, Value::Number(n)) => indicator.declared_total = *n,
        (Field::Weight(v), Value::Number(n)) => indicator.year_mut(v).weight = *n,
        (Field::Programmed(v), Value::Number(n)) => indicator.year_mut(v).programmed = *n,
        (Field::Executed(v, q), Value::Executed(n)) => {
            let executed = &mut indicator.year_mut(v).executed;
            match n {
                Some(n) => executed.insert(q, *n),
                None => executed.remove(&q),
            };
        }
        (Field::Comment(v, q), Value::Comment(text)) => {
            let comments = &mut indicator.year_mut(v).comments;
            match text {
                Some(text) => comments.insert(q, text.clone()),
                None => comments.remove(&q),
            };
        }
        _ => {}
    }
}

/// Records a change when the values differ.
fn push_changed(
    changes: &mut Vec<Change>,
    place: &Place,
    (in_a, in_b): (Target, Target),
    subject: Subject,
    (old, new): (Value, Value),
) {
    if old != new {
        changes.push(Change {
            place: place.clone(),
            difference: Difference::Changed { subject, old, new },
            in_a,
            in_b,
        });
    }
}

fn compare_plan_fields(a: &Plan, b: &Plan, changes: &mut Vec<Change>) {
    let place = Place::default();
    let at = (Target::Plan, Target::Plan);
    let text = |s: &String| Value::Text(s.clone());
    let number = |d: Decimal| Value::Number(Some(d));
    let (la, lb) = (&a.settings.traffic_lights, &b.settings.traffic_lights);
    let pairs = [
        (Subject::Title, (text(&a.title), text(&b.title))),
        (Subject::Sector, (text(&a.sector), text(&b.sector))),
        (
            Subject::SectorMission,
            (text(&a.sector_mission), text(&b.sector_mission)),
        ),
        (
            Subject::Field(Field::Period),
            (Value::Period(a.period), Value::Period(b.period)),
        ),
        (
            Subject::Field(Field::Cut),
            (Value::Cut(a.cut), Value::Cut(b.cut)),
        ),
        (
            Subject::CapInRollup,
            (
                Value::Flag(a.settings.cap_in_rollup),
                Value::Flag(b.settings.cap_in_rollup),
            ),
        ),
        (
            Subject::RedBelow,
            (number(la.red_below), number(lb.red_below)),
        ),
        (
            Subject::YellowBelow,
            (number(la.yellow_below), number(lb.yellow_below)),
        ),
        (
            Subject::GreenUpTo,
            (number(la.green_up_to), number(lb.green_up_to)),
        ),
        (
            Subject::PlanLanguage,
            (
                Value::Language(a.settings.language),
                Value::Language(b.settings.language),
            ),
        ),
    ];
    for (subject, values) in pairs {
        push_changed(changes, &place, at, subject, values);
    }
}

fn compare_entities(a: &Plan, b: &Plan, changes: &mut Vec<Change>) {
    let at = (Target::Plan, Target::Plan);
    for index in 0..a.entities.len().max(b.entities.len()) {
        let place = Place {
            entity: Some(index + 1),
            ..Place::default()
        };
        let (in_a, in_b) = at;
        match (a.entities.get(index), b.entities.get(index)) {
            (Some(ea), Some(eb)) => {
                let text = |s: &String| Value::Text(s.clone());
                for (subject, values) in [
                    (Subject::EntityName, (text(&ea.name), text(&eb.name))),
                    (
                        Subject::EntityMission,
                        (text(&ea.mission), text(&eb.mission)),
                    ),
                    (Subject::EntityVision, (text(&ea.vision), text(&eb.vision))),
                ] {
                    push_changed(changes, &place, at, subject, values);
                }
            }
            (Some(ea), None) => changes.push(Change {
                place,
                difference: Difference::Removed(Item::Entity(ea.name.clone())),
                in_a,
                in_b,
            }),
            (None, Some(eb)) => changes.push(Change {
                place,
                difference: Difference::Added(Item::Entity(eb.name.clone())),
                in_a,
                in_b,
            }),
            (None, None) => {}
        }
    }
}

fn compare_objectives(a: &Plan, b: &Plan, changes: &mut Vec<Change>) {
    let numbers = |plan: &Plan| plan.objectives.iter().map(|o| o.number).collect::<Vec<_>>();
    for pair in pair_up(&numbers(a), &numbers(b)) {
        match pair {
            (Some(ia), Some(ib)) => {
                let sides = Sides { a: ia, b: ib };
                compare_objective(&a.objectives[ia], &b.objectives[ib], sides, changes);
            }
            (Some(ia), None) => {
                let objective = &a.objectives[ia];
                changes.push(Change {
                    place: Place {
                        objective: Some(objective.number),
                        ..Place::default()
                    },
                    difference: Difference::Removed(Item::Objective(objective.text.clone())),
                    in_a: Target::Objective(ia),
                    in_b: Target::Plan,
                });
            }
            (None, Some(ib)) => {
                let objective = &b.objectives[ib];
                changes.push(Change {
                    place: Place {
                        objective: Some(objective.number),
                        ..Place::default()
                    },
                    difference: Difference::Added(Item::Objective(objective.text.clone())),
                    in_a: Target::Plan,
                    in_b: Target::Objective(ib),
                });
            }
            (None, None) => {}
        }
    }
}

/// The index of the same thing in plan A and in plan B.
#[derive(Clone, Copy)]
struct Sides {
    a: usize,
    b: usize,
}

/// Whether the items both lists have come in a different order in B.
fn order_changed(pairs: &[(Option<usize>, Option<usize>)]) -> bool {
    let in_b: Vec<usize> = pairs
        .iter()
        .filter_map(|pair| match pair {
            (Some(_), Some(j)) => Some(*j),
            _ => None,
        })
        .collect();
    in_b.windows(2).any(|w| w[0] > w[1])
}

/// The labels of the items both lists have, in A's order and in B's.
fn orders(
    pairs: &[(Option<usize>, Option<usize>)],
    label_a: impl Fn(usize) -> String,
    label_b: impl Fn(usize) -> String,
) -> (Value, Value) {
    let mut both: Vec<(usize, usize)> = pairs
        .iter()
        .filter_map(|pair| match pair {
            (Some(i), Some(j)) => Some((*i, *j)),
            _ => None,
        })
        .collect();
    let old = both.iter().map(|(i, _)| label_a(*i)).collect();
    both.sort_by_key(|(_, j)| *j);
    let new = both.iter().map(|(_, j)| label_b(*j)).collect();
    (Value::Order(old), Value::Order(new))
}

fn compare_objective(oa: &Objective, ob: &Objective, o: Sides, changes: &mut Vec<Change>) {
    let place = Place {
        objective: Some(oa.number),
        ..Place::default()
    };
    let at = (Target::Objective(o.a), Target::Objective(o.b));
    push_changed(
        changes,
        &place,
        at,
        Subject::ObjectiveText,
        (Value::Text(oa.text.clone()), Value::Text(ob.text.clone())),
    );
    let keys = |objective: &Objective| objective.metas.iter().map(meta_key).collect::<Vec<_>>();
    let pairs = pair_up(&keys(oa), &keys(ob));
    if order_changed(&pairs) {
        let values = orders(
            &pairs,
            |i| oa.metas[i].code.clone(),
            |j| ob.metas[j].code.clone(),
        );
        push_changed(changes, &place, at, Subject::MetaOrder, values);
    }
    for pair in pairs {
        let meta_place = |meta: &Meta| Place {
            meta: Some(meta.code.clone()),
            ..place.clone()
        };
        let item = |meta: &Meta| Item::Meta {
            name: meta.name.clone(),
            indicators: meta.indicators.len(),
        };
        match pair {
            (Some(ma), Some(mb)) => {
                let m = Sides { a: ma, b: mb };
                compare_meta((oa, &oa.metas[ma]), &ob.metas[mb], (o, m), changes);
            }
            (Some(ma), None) => changes.push(Change {
                place: meta_place(&oa.metas[ma]),
                difference: Difference::Removed(item(&oa.metas[ma])),
                in_a: Target::Meta {
                    objective: o.a,
                    meta: ma,
                },
                in_b: Target::Objective(o.b),
            }),
            (None, Some(mb)) => changes.push(Change {
                place: meta_place(&ob.metas[mb]),
                difference: Difference::Added(item(&ob.metas[mb])),
                in_a: Target::Objective(o.a),
                in_b: Target::Meta {
                    objective: o.b,
                    meta: mb,
                },
            }),
            (None, None) => {}
        }
    }
}

fn compare_meta(
    (objective, ma): (&Objective, &Meta),
    mb: &Meta,
    (o, m): (Sides, Sides),
    changes: &mut Vec<Change>,
) {
    let place = Place {
        objective: Some(objective.number),
        meta: Some(ma.code.clone()),
        ..Place::default()
    };
    let meta_at = |objective, meta| Target::Meta { objective, meta };
    let at = (meta_at(o.a, m.a), meta_at(o.b, m.b));
    push_changed(
        changes,
        &place,
        at,
        Subject::MetaName,
        (Value::Text(ma.name.clone()), Value::Text(mb.name.clone())),
    );
    if ma.code != mb.code {
        // Codes that differ only in spaces around them.
        push_changed(
            changes,
            &place,
            at,
            Subject::Field(Field::Code),
            (Value::Text(ma.code.clone()), Value::Text(mb.code.clone())),
        );
    }
    let keys = |meta: &Meta| {
        meta.indicators
            .iter()
            .map(indicator_key)
            .collect::<Vec<_>>()
    };
    let pairs = pair_up(&keys(ma), &keys(mb));
    if order_changed(&pairs) {
        let values = orders(
            &pairs,
            |i| indicator_label(&ma.code, &ma.indicators[i]),
            |j| indicator_label(&mb.code, &mb.indicators[j]),
        );
        push_changed(changes, &place, at, Subject::IndicatorOrder, values);
    }
    let path = |objective, meta, indicator| IndicatorPath {
        objective,
        meta,
        indicator,
    };
    let indicator_place = |meta: &Meta, index: usize| Place {
        objective: Some(objective.number),
        indicator: Some(indicator_name(&meta.code, &meta.indicators[index])),
        ..Place::default()
    };
    for pair in pairs {
        match pair {
            (Some(ia), Some(ib)) => {
                let place = indicator_place(ma, ia);
                let sides = (path(o.a, m.a, ia), path(o.b, m.b, ib));
                compare_indicator(
                    (ma, &ma.indicators[ia]),
                    (mb, &mb.indicators[ib]),
                    &place,
                    sides,
                    changes,
                );
            }
            (Some(ia), None) => changes.push(Change {
                place: indicator_place(ma, ia),
                difference: Difference::Removed(Item::Indicator(ma.indicators[ia].name.clone())),
                in_a: Target::Indicator(path(o.a, m.a, ia)),
                in_b: at.1,
            }),
            (None, Some(ib)) => changes.push(Change {
                place: indicator_place(mb, ib),
                difference: Difference::Added(Item::Indicator(mb.indicators[ib].name.clone())),
                in_a: at.0,
                in_b: Target::Indicator(path(o.b, m.b, ib)),
            }),
            (None, None) => {}
        }
    }
}

fn compare_indicator(
    (ma, ia): (&Meta, &Indicator),
    (mb, ib): (&Meta, &Indicator),
    place: &Place,
    (pa, pb): (IndicatorPath, IndicatorPath),
    changes: &mut Vec<Change>,
) {
    let at = (Target::Indicator(pa), Target::Indicator(pb));
    let text = |s: &String| Value::Text(s.clone());
    for (subject, values) in [
        (
            Subject::Field(Field::Code),
            (Value::Code(ia.code.clone()), Value::Code(ib.code.clone())),
        ),
        (Subject::IndicatorName, (text(&ia.name), text(&ib.name))),
        (
            Subject::IndicatorEntity,
            (text(&ia.entity), text(&ib.entity)),
        ),
        (Subject::IndicatorUnit, (text(&ia.unit), text(&ib.unit))),
        (
            Subject::IndicatorType,
            (Value::Type(ia.annualization), Value::Type(ib.annualization)),
        ),
        (
            Subject::IndicatorKind,
            (Value::Kind(ia.kind(ma)), Value::Kind(ib.kind(mb))),
        ),
    ] {
        push_changed(changes, place, at, subject, values);
    }
    for field in figure_fields([ia, ib]) {
        if let (Some(old), Some(new)) = (figure_value(ia, field), figure_value(ib, field)) {
            let at = (
                Target::Field { at: pa, field },
                Target::Field { at: pb, field },
            );
            push_changed(changes, place, at, Subject::Field(field), (old, new));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{Edit, Figure};

    fn seed() -> Plan {
        crate::io::seed_plan()
    }

    fn q(n: u8) -> Quarter {
        Quarter::new(n).unwrap()
    }

    /// The path of the indicator coded `code` in objective `number`.
    fn path_of(plan: &Plan, code: &str) -> IndicatorPath {
        for (o, objective) in plan.objectives.iter().enumerate() {
            for (m, meta) in objective.metas.iter().enumerate() {
                for (i, indicator) in meta.indicators.iter().enumerate() {
                    if indicator.code.as_deref() == Some(code) {
                        return IndicatorPath {
                            objective: o,
                            meta: m,
                            indicator: i,
                        };
                    }
                }
            }
        }
        panic!("no indicator {code}")
    }

    fn set(plan: &mut Plan, code: &str, vigencia: Vigencia, figure: Figure, value: &str) {
        let at = path_of(plan, code);
        plan.apply(Edit::Figure {
            at,
            vigencia,
            figure,
            value: Some(value.parse().unwrap()),
        })
        .unwrap();
    }

    #[test]
    fn a_plan_is_identical_to_itself() {
        let plan = seed();
        let diff = PlanDiff::new(&plan, &plan, plan.cut);
        assert!(diff.is_identical(), "{:#?}", diff.changes);
        let third = &diff.objectives[2];
        assert_eq!(
            (third.a, third.b),
            (Some("24.15".parse().unwrap()), third.a)
        );
    }

    #[test]
    fn one_executed_figure_is_one_change_and_moves_objective_3_from_24_15_to_27_15() {
        let a = seed();
        let mut b = a.clone();
        set(&mut b, "465", 2022, Figure::Executed(q(1)), "1");
        let diff = PlanDiff::new(&a, &b, b.cut);
        assert_eq!(diff.changes.len(), 1, "{:#?}", diff.changes);
        let change = &diff.changes[0];
        assert_eq!(
            change.message(Language::Es),
            "Objetivo 3 · indicador 465 · ejecutado 2022 T1: 0,00 → 1,00"
        );
        assert_eq!(
            change.message(Language::En),
            "Objective 3 · indicator 465 · executed 2022 Q1: 0.00 → 1.00"
        );
        let at = path_of(&b, "465");
        let field = Field::Executed(2022, q(1));
        assert_eq!(change.in_b, Target::Field { at, field });
        let third = &diff.objectives[2];
        assert_eq!(third.a, Some("24.15".parse().unwrap()));
        assert_eq!(third.b, Some("27.15".parse().unwrap()));
        assert!(third.changed());
        assert!(!diff.objectives[1].changed(), "objective 2 did not move");
    }

    #[test]
    fn a_quarter_not_reported_is_not_a_zero() {
        let a = seed();
        let mut b = a.clone();
        set(&mut b, "465", 2022, Figure::Executed(q(2)), "0");
        let diff = PlanDiff::new(&a, &b, a.cut);
        assert_eq!(
            diff.changes[0].message(Language::Es),
            "Objetivo 3 · indicador 465 · ejecutado 2022 T2: sin reporte → 0,00"
        );
    }

    #[test]
    fn texts_types_settings_and_comments_are_named_old_to_new() {
        let a = seed();
        let mut b = a.clone();
        b.title = "Plan 2023".to_owned();
        b.settings.cap_in_rollup = false;
        b.entities[1].vision = "Otra visión".to_owned();
        b.objectives[2].metas[0].name = "Meta nueva".to_owned();
        let at = path_of(&b, "554");
        b.apply(Edit::Annualization {
            at,
            kind: Annualization::Suma,
        })
        .unwrap();
        b.apply(Edit::Comment {
            at,
            vigencia: 2022,
            quarter: q(1),
            text: "Se contrató tarde".to_owned(),
        })
        .unwrap();
        let lines: Vec<String> = PlanDiff::new(&a, &b, a.cut)
            .changes
            .iter()
            .map(|c| c.message(Language::Es))
            .collect();
        assert_eq!(
            lines,
            [
                "título: «Plan estratégico Sector Gestión Pública» → «Plan 2023»",
                "tope del 100 % en el promedio: sí → no",
                "entidad 2 · visión: «En 2030, el DASCD tendrá un posicionamiento local e internacional en la gestión estratégica del talento humano por lograr una administración pública distrital con capacidad técnica, creativa, innovadora, empática y diversa para el goce efectivo de los derechos de la ciudadanía en Bogotá región.» → «Otra visión»",
                &format!(
                    "Objetivo 3 · meta META SECTORIAL 431 · nombre: «{}» → «Meta nueva»",
                    a.objectives[2].metas[0].name
                ),
                "Objetivo 3 · indicador 554 · tipo de anualización: Creciente → Suma",
                "Objetivo 3 · indicador 554 · comentario 2022 T1: sin comentario → «Se contrató tarde»",
            ]
        );
    }

    #[test]
    fn added_removed_and_reordered_indicators_are_listed_by_code() {
        let a = seed();
        let mut b = a.clone();
        let meta = &mut b.objectives[2].metas[0];
        let removed = meta.indicators.remove(0); // 464
        meta.indicators.push(Indicator {
            code: Some("999".to_owned()),
            name: "Nuevo".to_owned(),
            ..Indicator::default()
        });
        meta.indicators.swap(0, 1); // 466, 465, 999
        let diff = PlanDiff::new(&a, &b, a.cut);
        let lines: Vec<String> = diff
            .changes
            .iter()
            .map(|c| c.message(Language::Es))
            .collect();
        assert_eq!(
            lines,
            [
                "Objetivo 3 · meta META SECTORIAL 431 · orden de los indicadores: 465, 466, 644 → 466, 465, 644",
                &format!(
                    "Objetivo 3 · indicador 464: quitado: indicador «{}»",
                    removed.name
                ),
                "Objetivo 3 · indicador 999: nuevo: indicador «Nuevo»",
            ]
        );
        // What B removed is seen in A at the indicator, in B at its meta.
        assert_eq!(
            diff.changes[1].in_b,
            Target::Meta {
                objective: 2,
                meta: 0
            }
        );
        let back = PlanDiff::new(&b, &a, a.cut);
        // Read the other way, what B added A removed, and the other way round.
        assert_eq!(
            back.changes[1].message(Language::Es),
            "Objetivo 3 · indicador 999: quitado: indicador «Nuevo»"
        );
        assert!(
            back.changes[2]
                .message(Language::Es)
                .starts_with("Objetivo 3 · indicador 464: nuevo: indicador «")
        );
    }

    #[test]
    fn an_indicator_without_code_is_matched_by_entity_and_name_and_says_so() {
        let a = seed();
        let mut b = a.clone();
        let at = IndicatorPath {
            objective: 1,
            meta: 1,
            indicator: 0,
        };
        b.apply(Edit::Figure {
            at,
            vigencia: 2022,
            figure: Figure::Weight,
            value: Some("10.66".parse().unwrap()),
        })
        .unwrap();
        let diff = PlanDiff::new(&a, &b, a.cut);
        assert_eq!(
            diff.changes[0].message(Language::Es),
            "Objetivo 2 · indicador N/A (META PROYECTO 4) «Implementar 100% de la formulación y puesta en marcha de la Política Pública Dis…» de Secretaría General · ponderación 2022: 10,65 → 10,66"
        );
    }

    /// The seed with a second indicator without code in META PROYECTO 4, the DASCD's.
    fn with_dascd_without_code() -> Plan {
        let mut plan = seed();
        let meta = &mut plan.objectives[1].metas[1];
        let mut dascd = meta.indicators[0].clone();
        dascd.name = "Servidores formados".to_owned();
        dascd.entity = "DASCD".to_owned();
        meta.indicators.push(dascd);
        plan
    }

    #[test]
    fn a_file_holding_one_entitys_indicators_without_code_is_compared_with_its_own() {
        let a = with_dascd_without_code();
        // The DASCD's part: only its indicator, with its 2022 T1 figure changed.
        let mut b = a.clone();
        b.objectives[1].metas[1].indicators.remove(0);
        let at = IndicatorPath {
            objective: 1,
            meta: 1,
            indicator: 0,
        };
        b.apply(Edit::Figure {
            at,
            vigencia: 2022,
            figure: Figure::Executed(q(1)),
            value: Some("40".parse().unwrap()),
        })
        .unwrap();
        let lines: Vec<String> = PlanDiff::new(&a, &b, a.cut)
            .changes
            .iter()
            .filter(|c| c.place.objective == Some(2))
            .map(|c| c.message(Language::Es))
            .collect();
        assert_eq!(
            lines,
            [
                format!(
                    "Objetivo 2 · indicador N/A (META PROYECTO 4) «Implementar 100% de la formulación y puesta en marcha de la Política Pública Dis…» de Secretaría General: quitado: indicador «{}»",
                    a.objectives[1].metas[1].indicators[0].name
                ),
                "Objetivo 2 · indicador N/A (META PROYECTO 4) «Servidores formados» de DASCD · ejecutado 2022 T1: 28,75 → 40,00".to_owned(),
            ]
        );
    }

    #[test]
    fn a_plan_that_repeats_an_objective_number_cannot_be_compared() {
        let mut plan = seed();
        assert_eq!(objectives_apart(&plan), Ok(()));
        plan.objectives[4].number = 2;
        assert_eq!(objectives_apart(&plan), Err(RepeatedObjective(2)));
        assert_eq!(
            RepeatedObjective(2).message(Language::En, "b.ron"),
            "b.ron has two objectives numbered 2: which is which cannot be known when comparing or consolidating. Correct the file (avance validate points it out) and try again."
        );
        // Compared anyway, the two objectives 2 are paired with none.
        let diff = PlanDiff::new(&seed(), &plan, plan.cut);
        let removed = diff
            .changes
            .iter()
            .filter(|c| matches!(c.difference, Difference::Removed(Item::Objective(_))))
            .count();
        assert_eq!(removed, 2, "objectives 2 and 5 of the seed");
    }

    #[test]
    fn every_field_a_plan_file_holds_shows_as_a_difference() {
        type Mutation = fn(&mut Plan);
        let mutations: [(&str, Mutation); 16] = [
            ("sector", |p| p.sector.push('x')),
            ("sector mission", |p| p.sector_mission.push('x')),
            ("period", |p| p.period.last = 2026),
            ("cut", |p| p.cut.quarter = Quarter::ALL[1]),
            ("yellow", |p| {
                p.settings.traffic_lights.yellow_below = Decimal::ONE
            }),
            ("language", |p| p.settings.language = Language::En),
            ("entity added", |p| p.entities.push(Default::default())),
            ("entity name", |p| p.entities[0].name.push('x')),
            ("objective text", |p| p.objectives[0].text.push('x')),
            ("meta order", |p| p.objectives[1].metas.swap(0, 1)),
            ("meta removed", |p| p.objectives[1].metas.truncate(1)),
            ("unit", |p| {
                p.objectives[2].metas[0].indicators[0].unit.push('x')
            }),
            ("entity", |p| {
                p.objectives[2].metas[0].indicators[0].entity.push('x')
            }),
            ("baseline", |p| {
                p.objectives[2].metas[0].indicators[0].baseline = Some(Decimal::ONE)
            }),
            ("total", |p| {
                p.objectives[2].metas[0].indicators[0].declared_total = None
            }),
            ("programmed", |p| {
                p.objectives[2].metas[0].indicators[0]
                    .year_mut(2024)
                    .programmed = None
            }),
        ];
        let a = seed();
        for (what, mutate) in mutations {
            let mut b = a.clone();
            mutate(&mut b);
            assert_ne!(a, b, "{what} changes the plan");
            let diff = PlanDiff::new(&a, &b, a.cut);
            assert_eq!(diff.changes.len(), 1, "{what}: {:#?}", diff.changes);
        }
    }

    #[test]
    fn pairing_matches_repeated_keys_in_order_only_when_both_hold_as_many() {
        assert_eq!(
            pair_up(&["x", "y", "x"], &["x", "z", "x"]),
            [
                (Some(0), Some(0)),
                (Some(1), None),
                (Some(2), Some(2)),
                (None, Some(1)),
            ]
        );
        // Twice in A, three times in B: which is which cannot be known.
        assert_eq!(
            pair_up(&["x", "w", "x"], &["x", "x", "w", "x"]),
            [
                (Some(0), None),
                (Some(1), Some(2)),
                (Some(2), None),
                (None, Some(0)),
                (None, Some(1)),
                (None, Some(3)),
            ]
        );
    }

    #[test]
    fn setting_each_figure_field_reads_back() {
        let mut indicator = Indicator::default();
        let fields = [
            (Field::Baseline, Value::Number(Some(Decimal::TEN))),
            (Field::Weight(2022), Value::Number(Some(Decimal::ONE))),
            (
                Field::Executed(2022, q(3)),
                Value::Executed(Some(Decimal::ZERO)),
            ),
            (
                Field::Comment(2022, q(3)),
                Value::Comment(Some("ok".to_owned())),
            ),
        ];
        for (field, value) in &fields {
            set_figure(&mut indicator, *field, value);
            assert_eq!(figure_value(&indicator, *field).as_ref(), Some(value));
        }
        set_figure(
            &mut indicator,
            Field::Executed(2022, q(3)),
            &Value::Executed(None),
        );
        assert_eq!(indicator.executed(2022, q(3)), None);
        assert_eq!(
            figure_fields([&indicator]),
            [
                Field::Baseline,
                Field::DeclaredTotal,
                Field::Weight(2022),
                Field::Programmed(2022),
                Field::Comment(2022, q(3)),
            ]
        );
    }
}
