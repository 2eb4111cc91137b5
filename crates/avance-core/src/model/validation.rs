//! What the plan checks and shows. Validation never blocks typing: it lists findings, each
//! naming the objective, the indicator and the field, in the user's language.

use std::collections::{BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::edit::{Figure, IndicatorPath};
use crate::tr;

use super::format::{number, percent};
use super::plan::{
    Annualization, Cut, Indicator, IndicatorKind, Language, MAX_OBJECTIVES, Meta, Objective,
    Period, Plan, Quarter, Vigencia, YearData,
};
use super::progress::{
    IndicatorProgress, NoAverage, ObjectiveProgress, PlanProgress, Status, exact_sum,
    is_programmed, programmed_total,
};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The figures cannot be trusted until it is fixed (`validate` exits 1).
    Error,
    /// Worth a look before the committee; the figures are still computed.
    Warning,
}

/// Which field of the plan a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Period,
    Cut,
    /// The semáforo thresholds of the plan's settings.
    TrafficLights,
    ObjectiveNumber,
    /// The objective's text.
    ObjectiveText,
    Code,
    /// The indicator's name.
    Name,
    /// The indicator's entidad responsable.
    Entity,
    Baseline,
    DeclaredTotal,
    Weight(Vigencia),
    Programmed(Vigencia),
    Executed(Vigencia, Quarter),
    Comment(Vigencia, Quarter),
}

/// An objective a finding is about: its place in the plan's list and its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ObjectiveRef {
    /// Index in `plan.objectives`.
    pub index: usize,
    /// The objective's number (1..N), as officers name it.
    pub number: u8,
}

/// Where in the plan a finding is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    pub objective: Option<ObjectiveRef>,
    pub indicator: Option<IndicatorPath>,
    /// How officers name the indicator: its code, or "N/A" and the meta's code.
    pub indicator_label: String,
    pub field: Field,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    PeriodReversed(Period),
    /// The plan's semáforo thresholds do not rise from above 0 (a hand-edited file).
    Thresholds(crate::model::ThresholdsOutOfOrder),
    CutOutsidePeriod(Cut, Period),
    /// An objective numbered 0 or above [`MAX_OBJECTIVES`].
    ObjectiveNumberInvalid(u8),
    ObjectiveNumberRepeated(u8),
    /// Numbers below this objective's are missing: objectives are numbered 1..N with no gap.
    /// The missing numbers, from and to (the same when one is missing).
    ObjectiveNumberGap {
        from: u8,
        to: u8,
    },
    /// The plan has no objective at all.
    NoObjectives,
    NegativeProgramming(Decimal),
    NegativeWeight(Decimal),
    MissingBaseline,
    BaselineEqualsProgramming,
    DuplicateCode(String),
    OutOfRange,
    WeightsNot100 {
        vigencia: Vigencia,
        total: Decimal,
    },
    WeightOnNotProgrammed(Decimal),
    ZeroWeightOnProgrammed,
    TotalInconsistent {
        declared: Decimal,
        expected: Decimal,
    },
    /// A value reported for a quarter after the cut the figures are read at.
    ValueAfterCut {
        value: Cut,
        cut: Cut,
    },
    LowWithoutComment(Decimal),
    NotReported,
    /// The cut's quarter is not reported while an earlier quarter of the vigencia is.
    QuarterNotReported {
        quarter: Quarter,
        last_reported: Quarter,
    },
    NegativeExecuted(Decimal),
    /// Execution reported in a vigencia the indicator is not programmed in.
    ExecutedNotProgrammed(Vigencia),
    /// A constante indicator programmed with different values in different vigencias.
    ConstanteUnequal {
        first: (Vigencia, Decimal),
        other: (Vigencia, Decimal),
    },
    /// An objective with no text: the committee would see a number alone.
    ObjectiveWithoutText,
    /// An indicator with no name.
    IndicatorWithoutName,
    /// An indicator with no code, unless it is a proyecto de inversión's (its kind: the seed
    /// writes N/A there, as investment projects' indicators have no sector code).
    IndicatorWithoutCode,
    /// An indicator with no entidad responsable.
    IndicatorWithoutEntity,
    /// An indicator's entidad responsable is none of the plan's entities (nor the first words
    /// of one); checked only when the plan has entities.
    EntityNotInPlan(String),
    /// Another indicator of the meta has no code either, and the same name and entity: the
    /// entities' files cannot be told apart when consolidated (`merge`), nor in a comparison.
    SameNameWithoutCode,
}

impl Problem {
    /// How serious this problem is.
    pub fn severity(&self) -> Severity {
        use Problem::*;
        match self {
            PeriodReversed(_)
            | CutOutsidePeriod(..)
            | Thresholds(_)
            | ObjectiveNumberInvalid(_)
            | ObjectiveNumberRepeated(_)
            | ObjectiveNumberGap { .. }
            | NoObjectives
            | NegativeProgramming(_)
            | NegativeWeight(_)
            | MissingBaseline
            | BaselineEqualsProgramming
            | DuplicateCode(_)
            | OutOfRange => Severity::Error,
            WeightsNot100 { .. }
            | WeightOnNotProgrammed(_)
            | ZeroWeightOnProgrammed
            | TotalInconsistent { .. }
            | ValueAfterCut { .. }
            | LowWithoutComment(_)
            | NotReported
            | QuarterNotReported { .. }
            | NegativeExecuted(_)
            | ExecutedNotProgrammed(_)
            | ConstanteUnequal { .. }
            | ObjectiveWithoutText
            | IndicatorWithoutName
            | IndicatorWithoutCode
            | IndicatorWithoutEntity
            | EntityNotInPlan(_)
            | SameNameWithoutCode => Severity::Warning,
        }
    }
}

/// One thing the plan check found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub location: Location,
    pub problem: Problem,
}

impl Finding {
    /// How serious the finding is.
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }

    /// The finding as a sentence: where, which field, what is wrong.
    pub fn message(&self, language: Language) -> String {
        let mut place = Vec::new();
        if let Some(ObjectiveRef { number, .. }) = self.location.objective {
            place.push(tr!(language, "place-objective", number = number));
        }
        if self.location.indicator.is_some() {
            let label = &self.location.indicator_label;
            place.push(tr!(language, "place-indicator", label = label));
        }
        place.push(self.location.field.name(language));
        format!("{}: {}", place.join(" · "), self.problem.text(language))
    }
}

impl Problem {
    /// What is wrong, in words.
    pub fn text(&self, language: Language) -> String {
        use Problem::*;
        let n = |d: &Decimal| number(*d, language);
        let pct = |d: &Decimal| percent(*d, language);
        match self {
            Thresholds(problem) => problem.message(language),
            PeriodReversed(p) => tr!(
                language,
                "problem-period-reversed",
                first = p.first,
                last = p.last
            ),
            CutOutsidePeriod(c, p) => tr!(
                language,
                "problem-cut-outside-period",
                cut = c.date(),
                first = p.first,
                last = p.last
            ),
            ObjectiveNumberInvalid(k) => tr!(
                language,
                "problem-objective-number-invalid",
                number = *k,
                max = MAX_OBJECTIVES
            ),
            ObjectiveNumberGap { from, to } if from == to => {
                tr!(language, "problem-objective-number-missing", number = *from)
            }
            ObjectiveNumberGap { from, to } => tr!(
                language,
                "problem-objective-numbers-missing",
                from = *from,
                to = *to
            ),
            NoObjectives => tr!(language, "problem-no-objectives"),
            ObjectiveNumberRepeated(k) => {
                tr!(language, "problem-objective-number-repeated", number = *k)
            }
            NegativeProgramming(v) => tr!(language, "problem-negative-programming", value = n(v)),
            NegativeWeight(v) => tr!(language, "problem-negative-weight", value = n(v)),
            MissingBaseline => tr!(language, "problem-missing-baseline"),
            BaselineEqualsProgramming => tr!(language, "problem-baseline-equals-programming"),
            DuplicateCode(code) => tr!(language, "problem-duplicate-code", code = code),
            OutOfRange => tr!(language, "problem-out-of-range"),
            WeightsNot100 { vigencia, total } => {
                tr!(
                    language,
                    "problem-weights-not-100",
                    vigencia = *vigencia,
                    total = pct(total)
                )
            }
            WeightOnNotProgrammed(w) => tr!(
                language,
                "problem-weight-on-not-programmed",
                weight = pct(w)
            ),
            ZeroWeightOnProgrammed => tr!(language, "problem-zero-weight-on-programmed"),
            TotalInconsistent { declared, expected } => tr!(
                language,
                "problem-total-inconsistent",
                declared = n(declared),
                expected = n(expected)
            ),
            ValueAfterCut { value, cut } => tr!(
                language,
                "problem-value-after-cut",
                value = value.date(),
                cut = cut.date()
            ),
            LowWithoutComment(p) => tr!(language, "problem-low-without-comment", progress = pct(p)),
            NotReported => tr!(language, "problem-not-reported"),
            QuarterNotReported {
                quarter,
                last_reported,
            } => tr!(
                language,
                "problem-quarter-not-reported",
                quarter = quarter.number(),
                last = last_reported.number()
            ),
            NegativeExecuted(v) => tr!(language, "problem-negative-executed", value = n(v)),
            ExecutedNotProgrammed(v) => {
                tr!(language, "problem-executed-not-programmed", vigencia = *v)
            }
            ConstanteUnequal { first, other } => tr!(
                language,
                "problem-constante-unequal",
                first = n(&first.1),
                first_year = first.0,
                other = n(&other.1),
                other_year = other.0
            ),
            ObjectiveWithoutText => tr!(language, "problem-objective-without-text"),
            IndicatorWithoutName => tr!(language, "problem-indicator-without-name"),
            IndicatorWithoutCode => tr!(language, "problem-indicator-without-code"),
            IndicatorWithoutEntity => tr!(language, "problem-indicator-without-entity"),
            EntityNotInPlan(name) => {
                tr!(language, "problem-entity-not-in-plan", name = name.as_str())
            }
            SameNameWithoutCode => tr!(language, "problem-same-name-without-code"),
        }
    }
}

impl Field {
    /// The field of a figure of a vigencia.
    pub fn of_figure(vigencia: Vigencia, figure: Figure) -> Self {
        match figure {
            Figure::Weight => Field::Weight(vigencia),
            Figure::Programmed => Field::Programmed(vigencia),
            Figure::Executed(q) => Field::Executed(vigencia, q),
        }
    }

    /// The figure and vigencia this field is, when it is an editable figure.
    pub fn figure(self) -> Option<(Vigencia, Figure)> {
        match self {
            Field::Weight(vigencia) => Some((vigencia, Figure::Weight)),
            Field::Programmed(vigencia) => Some((vigencia, Figure::Programmed)),
            Field::Executed(vigencia, quarter) => Some((vigencia, Figure::Executed(quarter))),
            _ => None,
        }
    }

    /// The field's name in the language: "ponderación 2022", "ejecutado 2022 T1".
    pub fn name(self, language: Language) -> String {
        match self {
            Field::Period => tr!(language, "field-period"),
            Field::Cut => tr!(language, "field-cut"),
            Field::TrafficLights => tr!(language, "thresholds-title"),
            Field::ObjectiveNumber => tr!(language, "field-objective-number"),
            Field::ObjectiveText => tr!(language, "field-objective-text"),
            Field::Code => tr!(language, "field-code"),
            Field::Name => tr!(language, "field-name"),
            Field::Entity => tr!(language, "field-entity"),
            Field::Baseline => tr!(language, "field-baseline"),
            Field::DeclaredTotal => tr!(language, "field-declared-total"),
            Field::Weight(v) => tr!(language, "field-weight", vigencia = v),
            Field::Programmed(v) => tr!(language, "field-programmed", vigencia = v),
            Field::Executed(v, q) => tr!(
                language,
                "field-executed",
                vigencia = v,
                quarter = q.number()
            ),
            Field::Comment(v, q) => tr!(
                language,
                "field-comment",
                vigencia = v,
                quarter = q.number()
            ),
        }
    }
}

/// How officers name an indicator: its code, or "N/A" and its meta's code.
pub fn indicator_label(meta_code: &str, indicator: &Indicator) -> String {
    match &indicator.code {
        Some(code) => code.clone(),
        None if meta_code.trim().is_empty() => "N/A".to_owned(),
        None => format!("N/A ({meta_code})"),
    }
}

/// Checks the whole plan at its own cut. Errors first, then warnings, each in plan order.
pub fn validate(plan: &Plan) -> Vec<Finding> {
    validate_at(plan, plan.cut)
}

/// Checks the whole plan with its figures read at `cut` (the cut on screen). Errors first,
/// then warnings, each in plan order.
pub fn validate_at(plan: &Plan, cut: Cut) -> Vec<Finding> {
    let mut findings = plan_findings(plan);
    let progress = PlanProgress::compute(plan, cut);
    for (index, figures) in progress.objectives.iter().enumerate() {
        findings.extend(objective_findings(plan, index, cut, figures));
    }
    findings.sort_by_key(Finding::severity);
    findings
}

/// What is wrong with the plan's own fields (its period, its cut), errors first.
pub fn plan_findings(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let plan_level = |field| Location {
        objective: None,
        indicator: None,
        indicator_label: String::new(),
        field,
    };
    if plan.period.first > plan.period.last {
        findings.push(Finding {
            location: plan_level(Field::Period),
            problem: Problem::PeriodReversed(plan.period),
        });
    }
    if !plan.period.contains(plan.cut.vigencia) {
        findings.push(Finding {
            location: plan_level(Field::Cut),
            problem: Problem::CutOutsidePeriod(plan.cut, plan.period),
        });
    }
    if let Err(problem) = plan.settings.traffic_lights.check() {
        findings.push(Finding {
            location: plan_level(Field::TrafficLights),
            problem: Problem::Thresholds(problem),
        });
    }
    if plan.objectives.is_empty() {
        findings.push(Finding {
            location: plan_level(Field::ObjectiveNumber),
            problem: Problem::NoObjectives,
        });
    }
    findings
}

/// The numbers missing right below objective number `number` in the plan: from the number
/// after the highest one below it that the plan has, to `number − 1`; `None` when
/// `number − 1` is there (or `number` is 1).
fn numbers_missing_below(plan: &Plan, number: u8) -> Option<(u8, u8)> {
    let below = |n: u8| plan.objectives.iter().any(|o| o.number == n);
    if number <= 1 || below(number - 1) {
        return None;
    }
    let highest_below = (1..number - 1).rev().find(|n| below(*n)).unwrap_or(0);
    Some((highest_below + 1, number - 1))
}

/// What is wrong with the objective at index `oi` and its indicators, with its figures at
/// `cut` (`figures`, computed by [`objective_progress`]): errors first, then warnings, each in
/// plan order. An objective's number is checked against the objectives before it. Each kind of
/// rule is a function of its own below; this one walks the plan and says where.
pub fn objective_findings(
    plan: &Plan,
    oi: usize,
    cut: Cut,
    figures: &ObjectiveProgress,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let Some(objective) = plan.objectives.get(oi) else {
        return findings;
    };
    let objective_ref = ObjectiveRef {
        index: oi,
        number: objective.number,
    };
    let weighted = weighted_vigencias(plan, objective, cut);
    for (field, problem) in objective_problems(plan, oi, &weighted) {
        findings.push(Finding {
            location: Location {
                objective: Some(objective_ref),
                indicator: None,
                indicator_label: String::new(),
                field,
            },
            problem,
        });
    }
    let mut codes_seen = HashSet::new();
    let mut uncoded_seen = HashSet::new();
    let indicators = objective.metas.iter().enumerate().flat_map(|(mi, m)| {
        m.indicators
            .iter()
            .enumerate()
            .map(move |(ii, i)| (mi, m, ii, i))
    });
    for ((mi, meta, ii, indicator), figures) in indicators.zip(&figures.indicators) {
        let mut problems =
            identity_problems(plan, meta, indicator, &mut codes_seen, &mut uncoded_seen);
        for (&vigencia, year) in &indicator.years {
            problems.extend(year_problems(vigencia, year, &weighted, cut));
        }
        problems.extend(consistency_problems(indicator, plan.period));
        problems.extend(at_cut_problems(plan, indicator, figures, cut));
        for (field, problem) in problems {
            findings.push(Finding {
                location: Location {
                    objective: Some(objective_ref),
                    indicator: Some(IndicatorPath {
                        objective: oi,
                        meta: mi,
                        indicator: ii,
                    }),
                    indicator_label: indicator_label(&meta.code, indicator),
                    field,
                },
                problem,
            });
        }
    }
    findings.sort_by_key(Finding::severity);
    findings
}

/// The vigencias whose weights are checked: those where an indicator of the objective has a
/// weight, and the cut's, within the period.
fn weighted_vigencias(plan: &Plan, objective: &Objective, cut: Cut) -> BTreeSet<Vigencia> {
    objective
        .indicators()
        .flat_map(|(_, i)| i.years.iter())
        .filter(|(_, y)| y.weight.is_some())
        .map(|(v, _)| *v)
        .chain([cut.vigencia])
        .filter(|v| plan.period.contains(*v))
        .collect()
}

/// The objective's own problems: its number (out of range, repeated, after a gap), its text,
/// and weights that do not add up to 100 % in a vigencia.
fn objective_problems(
    plan: &Plan,
    oi: usize,
    weighted: &BTreeSet<Vigencia>,
) -> Vec<(Field, Problem)> {
    let objective = &plan.objectives[oi];
    let mut problems = Vec::new();
    if !(1..=MAX_OBJECTIVES).contains(&objective.number) {
        problems.push((
            Field::ObjectiveNumber,
            Problem::ObjectiveNumberInvalid(objective.number),
        ));
    } else if plan.objectives[..oi]
        .iter()
        .any(|o| o.number == objective.number)
    {
        problems.push((
            Field::ObjectiveNumber,
            Problem::ObjectiveNumberRepeated(objective.number),
        ));
    } else if let Some((from, to)) = numbers_missing_below(plan, objective.number) {
        problems.push((
            Field::ObjectiveNumber,
            Problem::ObjectiveNumberGap { from, to },
        ));
    }
    if objective.text.trim().is_empty() {
        problems.push((Field::ObjectiveText, Problem::ObjectiveWithoutText));
    }
    for &vigencia in weighted {
        if let Some(total) = weights_not_100(objective, vigencia) {
            problems.push((
                Field::Weight(vigencia),
                Problem::WeightsNot100 { vigencia, total },
            ));
        }
    }
    problems
}

/// What names an indicator: a code seen before in the objective, a missing name, code (a
/// proyecto de inversión's may have none) or entity, an entity the plan does not have, a
/// decreciente without its línea base.
fn identity_problems(
    plan: &Plan,
    meta: &Meta,
    indicator: &Indicator,
    codes_seen: &mut HashSet<String>,
    uncoded_seen: &mut HashSet<(String, super::diff::IndicatorKey)>,
) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    if let Some(code) = &indicator.code
        && !codes_seen.insert(code.trim().to_owned())
    {
        problems.push((Field::Code, Problem::DuplicateCode(code.clone())));
    }
    let key = super::diff::indicator_key(indicator);
    if matches!(key, super::diff::IndicatorKey::WithoutCode { .. })
        && !uncoded_seen.insert((meta.code.trim().to_owned(), key))
    {
        problems.push((Field::Name, Problem::SameNameWithoutCode));
    }
    if indicator.name.trim().is_empty() {
        problems.push((Field::Name, Problem::IndicatorWithoutName));
    }
    if indicator
        .code
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
        && indicator.kind(meta) != IndicatorKind::ProyectoInversion
    {
        problems.push((Field::Code, Problem::IndicatorWithoutCode));
    }
    if indicator.entity.trim().is_empty() {
        problems.push((Field::Entity, Problem::IndicatorWithoutEntity));
    } else if !plan.entities.is_empty() && !plan.names_an_entity(&indicator.entity) {
        problems.push((
            Field::Entity,
            Problem::EntityNotInPlan(indicator.entity.trim().to_owned()),
        ));
    }
    if indicator.annualization == Annualization::Decreciente && indicator.baseline.is_none() {
        problems.push((Field::Baseline, Problem::MissingBaseline));
    }
    problems
}

/// One vigencia's figures: negative programming, weights or executed figures, a weight where
/// nothing is programmed (or none where something is), figures after the cut, execution
/// without programming.
fn year_problems(
    vigencia: Vigencia,
    year: &YearData,
    weighted: &BTreeSet<Vigencia>,
    cut: Cut,
) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    let negative = |d: &Decimal| d.is_sign_negative() && !d.is_zero();
    if let Some(p) = year.programmed.filter(negative) {
        problems.push((Field::Programmed(vigencia), Problem::NegativeProgramming(p)));
    }
    if let Some(w) = year.weight.filter(negative) {
        problems.push((Field::Weight(vigencia), Problem::NegativeWeight(w)));
    }
    if weighted.contains(&vigencia) {
        let programmed = is_programmed(year.programmed);
        match year.weight {
            Some(w) if !w.is_zero() && !programmed => {
                problems.push((Field::Weight(vigencia), Problem::WeightOnNotProgrammed(w)))
            }
            Some(w) if w.is_zero() && programmed => {
                problems.push((Field::Weight(vigencia), Problem::ZeroWeightOnProgrammed))
            }
            None if programmed => {
                problems.push((Field::Weight(vigencia), Problem::ZeroWeightOnProgrammed))
            }
            _ => {}
        }
    }
    for (&quarter, value) in &year.executed {
        let value_cut = Cut::new(vigencia, quarter);
        let field = Field::Executed(vigencia, quarter);
        if value_cut > cut {
            problems.push((
                field,
                Problem::ValueAfterCut {
                    value: value_cut,
                    cut,
                },
            ));
        }
        if negative(value) {
            problems.push((field, Problem::NegativeExecuted(*value)));
        }
    }
    if let Some(&first_quarter) = year.executed.keys().next()
        && !is_programmed(year.programmed)
    {
        problems.push((
            Field::Executed(vigencia, first_quarter),
            Problem::ExecutedNotProgrammed(vigencia),
        ));
    }
    problems
}

/// Figures that disagree with each other: the declared total against the programming, a
/// constante programmed unequally.
fn consistency_problems(indicator: &Indicator, period: Period) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    if let (Some(declared), Some(expected)) = (
        indicator.declared_total,
        programmed_total(indicator, period),
    ) && declared != expected
    {
        problems.push((
            Field::DeclaredTotal,
            Problem::TotalInconsistent { declared, expected },
        ));
    }
    if indicator.annualization == Annualization::Constante
        && let Some((first, other)) = unequal_programming(indicator, period)
    {
        problems.push((
            Field::Programmed(other.0),
            Problem::ConstanteUnequal { first, other },
        ));
    }
    problems
}

/// What the cut shows: a quarter not reported after an earlier one, and what the engine's
/// status says (línea base equal to the programming, out of range, not reported, low without
/// a comment).
fn at_cut_problems(
    plan: &Plan,
    indicator: &Indicator,
    figures: &IndicatorProgress,
    cut: Cut,
) -> Vec<(Field, Problem)> {
    let mut problems = Vec::new();
    let (vigencia, quarter) = (cut.vigencia, cut.quarter);
    let at_cut = Field::Executed(vigencia, quarter);
    if figures.is_programmed()
        && let Some(year) = indicator.year(vigencia)
        && !year.executed.contains_key(&quarter)
        && let Some((&last_reported, _)) = year.executed.range(..quarter).next_back()
    {
        problems.push((
            at_cut,
            Problem::QuarterNotReported {
                quarter,
                last_reported,
            },
        ));
    }
    match figures.status {
        Status::BaselineEqualsProgramming => {
            problems.push((Field::Baseline, Problem::BaselineEqualsProgramming))
        }
        Status::OutOfRange => problems.push((at_cut, Problem::OutOfRange)),
        Status::NotReported => problems.push((at_cut, Problem::NotReported)),
        Status::Measured => {
            let commented = indicator
                .year(vigencia)
                .and_then(|y| y.comments.get(&quarter))
                .is_some_and(|c| !c.trim().is_empty());
            if let Some(p) = figures.progress()
                && p < plan.settings.traffic_lights.red_below
                && !commented
            {
                problems.push((
                    Field::Comment(vigencia, quarter),
                    Problem::LowWithoutComment(p),
                ));
            }
        }
        Status::NotProgrammed | Status::MissingBaseline => {}
    }
    problems
}

/// The sum of the weights of the indicators programmed in `vigencia` when it is not 100 %
/// (± 0,005; 0 when no decimal holds it), as [`ObjectiveProgress::weights_add_up`] decides;
/// `None` when it is, or when no indicator is programmed.
fn weights_not_100(objective: &Objective, vigencia: Vigencia) -> Option<Decimal> {
    let mut programmed = objective
        .indicators()
        .filter_map(|(_, i)| i.year(vigencia))
        .filter(|y| is_programmed(y.programmed))
        .peekable();
    programmed.peek()?;
    let total = exact_sum(programmed.map(|y| y.weight.unwrap_or_default())).ok();
    // Compared, not subtracted: comparing decimals is exact at any scale.
    let (low, high) = (Decimal::new(99_995, 3), Decimal::new(100_005, 3));
    match total {
        Some(total) if (low..=high).contains(&total) => None,
        total => Some(total.unwrap_or_default()),
    }
}

/// Why an objective shows "—" instead of an average, in words, naming the indicator that
/// stops it.
pub fn no_average_reason(
    objective: &Objective,
    reason: NoAverage,
    vigencia: Vigencia,
    language: Language,
) -> String {
    match reason {
        NoAverage::NothingProgrammed => tr!(
            language,
            "no-average-nothing-programmed",
            vigencia = vigencia
        ),
        NoAverage::IndicatorBlocks { index, status } => {
            let label = objective
                .indicators()
                .nth(index)
                .map(|(meta, indicator)| indicator_label(&meta.code, indicator))
                .unwrap_or_default();
            match status {
                Status::MissingBaseline => {
                    tr!(language, "no-average-missing-baseline", label = label)
                }
                Status::BaselineEqualsProgramming => {
                    tr!(
                        language,
                        "no-average-baseline-equals-programming",
                        label = label
                    )
                }
                _ => tr!(language, "no-average-indicator-out-of-range", label = label),
            }
        }
        NoAverage::WeightsAddUpToZero => {
            tr!(language, "no-average-weights-zero", vigencia = vigencia)
        }
        NoAverage::OutOfRange => tr!(language, "no-average-out-of-range"),
    }
}

/// The first two vigencias whose (non-zero) programming differs, if any.
fn unequal_programming(
    indicator: &Indicator,
    period: Period,
) -> Option<((Vigencia, Decimal), (Vigencia, Decimal))> {
    let mut programmed = period
        .vigencias()
        .filter_map(|v| indicator.programmed(v).map(|p| (v, p)))
        .filter(|(_, p)| !p.is_zero());
    let first = programmed.next()?;
    programmed
        .find(|(_, p)| *p != first.1)
        .map(|other| (first, other))
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity() == Severity::Error)
}

/// How many findings are errors and how many warnings: what `avance validate` prints last and
/// the toolbar shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
}

impl FindingCounts {
    /// The counts of a list of findings.
    pub fn of(findings: &[Finding]) -> Self {
        let errors = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .count();
        FindingCounts {
            errors,
            warnings: findings.len() - errors,
        }
    }

    /// "1 error · 5 avisos".
    pub fn text(self, language: Language) -> String {
        tr!(
            language,
            "findings-count",
            errors = self.errors,
            warnings = self.warnings
        )
    }
}
