//! What the plan checks and shows. Validation never blocks typing: it lists findings, each
//! naming the objective, the indicator and the field, in the user's language.

use std::collections::{BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::format::{number, percent};
use super::plan::{
    Annualization, Cut, Indicator, Language, Objective, Period, Plan, Quarter, Vigencia,
};
use super::progress::{
    NoAverage, PlanProgress, Status, is_programmed, objective_progress, programmed_total,
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
    ObjectiveNumber,
    Code,
    Baseline,
    DeclaredTotal,
    Weight(Vigencia),
    Programmed(Vigencia),
    Executed(Vigencia, Quarter),
    Comment(Vigencia, Quarter),
}

/// Where in the plan a finding is: objective index, then meta and indicator indices.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// Index in `plan.objectives`, and the objective's number.
    pub objective: Option<(usize, u8)>,
    /// Indices of the meta in the objective and of the indicator in the meta.
    pub indicator: Option<(usize, usize)>,
    /// How officers name the indicator: its code, or "N/A" and the meta's code.
    pub indicator_label: String,
    pub field: Field,
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    PeriodReversed(Period),
    CutOutsidePeriod(Cut, Period),
    ObjectiveNumberInvalid(u8),
    ObjectiveNumberRepeated(u8),
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
}

impl Problem {
    /// How serious this problem is.
    pub fn severity(&self) -> Severity {
        use Problem::*;
        match self {
            PeriodReversed(_)
            | CutOutsidePeriod(..)
            | ObjectiveNumberInvalid(_)
            | ObjectiveNumberRepeated(_)
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
            | ConstanteUnequal { .. } => Severity::Warning,
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
        let es = language == Language::Es;
        let mut place = Vec::new();
        if let Some((_, number)) = self.location.objective {
            place.push(if es {
                format!("Objetivo {number}")
            } else {
                format!("Objective {number}")
            });
        }
        if self.location.indicator.is_some() {
            place.push(if es {
                format!("indicador {}", self.location.indicator_label)
            } else {
                format!("indicator {}", self.location.indicator_label)
            });
        }
        place.push(field_name(self.location.field, language));
        format!("{}: {}", place.join(" · "), self.problem_text(language))
    }

    fn problem_text(&self, language: Language) -> String {
        use Problem::*;
        let es = language == Language::Es;
        let n = |d: &Decimal| number(*d, language);
        match &self.problem {
            PeriodReversed(p) if es => format!("el periodo {}–{} está invertido", p.first, p.last),
            PeriodReversed(p) => format!("the period {}–{} is reversed", p.first, p.last),
            CutOutsidePeriod(c, p) if es => format!(
                "el corte {} está fuera del periodo {}–{}",
                c.date(),
                p.first,
                p.last
            ),
            CutOutsidePeriod(c, p) => format!(
                "the cut {} is outside the period {}–{}",
                c.date(),
                p.first,
                p.last
            ),
            ObjectiveNumberInvalid(k) if es => format!("el número {k} no está entre 1 y 5"),
            ObjectiveNumberInvalid(k) => format!("number {k} is not between 1 and 5"),
            ObjectiveNumberRepeated(k) if es => format!("el número {k} está repetido"),
            ObjectiveNumberRepeated(k) => format!("number {k} is repeated"),
            NegativeProgramming(v) if es => {
                format!("la programación no puede ser negativa ({})", n(v))
            }
            NegativeProgramming(v) => format!("programming cannot be negative ({})", n(v)),
            NegativeWeight(v) if es => format!("la ponderación no puede ser negativa ({})", n(v)),
            NegativeWeight(v) => format!("the weight cannot be negative ({})", n(v)),
            MissingBaseline if es => {
                "un indicador decreciente necesita línea base para calcular su avance".to_owned()
            }
            MissingBaseline => {
                "a decreciente indicator needs a baseline to compute its progress".to_owned()
            }
            BaselineEqualsProgramming if es => {
                "la línea base es igual a la programación: no hay reducción que medir".to_owned()
            }
            BaselineEqualsProgramming => {
                "the baseline equals the programming: there is no reduction to measure".to_owned()
            }
            DuplicateCode(code) if es => format!("el código {code} está repetido en el objetivo"),
            DuplicateCode(code) => format!("code {code} is repeated in the objective"),
            OutOfRange if es => {
                "las cifras son demasiado grandes para calcular el avance".to_owned()
            }
            OutOfRange => "the figures are too large to compute the progress".to_owned(),
            WeightsNot100 { vigencia, total } if es => format!(
                "las ponderaciones de {vigencia} suman {}, no 100 %; el promedio divide por su suma real",
                percent(*total, language)
            ),
            WeightsNot100 { vigencia, total } => format!(
                "the weights of {vigencia} add up to {}, not 100%; the average divides by their real sum",
                percent(*total, language)
            ),
            WeightOnNotProgrammed(w) if es => format!(
                "tiene ponderación {} pero no está programado en la vigencia",
                percent(*w, language)
            ),
            WeightOnNotProgrammed(w) => format!(
                "has a weight of {} but is not programmed in the vigencia",
                percent(*w, language)
            ),
            ZeroWeightOnProgrammed if es => "está programado pero su ponderación es 0".to_owned(),
            ZeroWeightOnProgrammed => "is programmed but its weight is 0".to_owned(),
            TotalInconsistent { declared, expected } if es => format!(
                "la programación total publicada es {} pero según el tipo de anualización es {}",
                n(declared),
                n(expected)
            ),
            TotalInconsistent { declared, expected } => format!(
                "the published total programming is {} but the annualization type gives {}",
                n(declared),
                n(expected)
            ),
            ValueAfterCut { value, cut } if es => format!(
                "tiene un valor al {}, posterior al corte {}: no cuenta en las cifras a ese corte",
                value.date(),
                cut.date()
            ),
            ValueAfterCut { value, cut } => format!(
                "has a value for {}, after the cut {}: it does not count in the figures at that cut",
                value.date(),
                cut.date()
            ),
            LowWithoutComment(p) if es => format!(
                "avance de {} al corte sin comentario: el comité pedirá la razón",
                percent(*p, language)
            ),
            LowWithoutComment(p) => format!(
                "progress of {} at the cut with no comment: the committee will ask why",
                percent(*p, language)
            ),
            NotReported if es => "programado pero sin reporte al corte: cuenta como 0".to_owned(),
            NotReported => "programmed but not reported at the cut: it counts as 0".to_owned(),
            QuarterNotReported {
                quarter,
                last_reported,
            } if es => format!(
                "el T{} no está reportado y el T{} sí: el avance usa lo reportado hasta el T{}",
                quarter.number(),
                last_reported.number(),
                last_reported.number()
            ),
            QuarterNotReported {
                quarter,
                last_reported,
            } => format!(
                "Q{} is not reported while Q{} is: progress uses what was reported up to Q{}",
                quarter.number(),
                last_reported.number(),
                last_reported.number()
            ),
            NegativeExecuted(v) if es => format!("la magnitud ejecutada es negativa ({})", n(v)),
            NegativeExecuted(v) => format!("the executed magnitude is negative ({})", n(v)),
            ExecutedNotProgrammed(v) if es => format!(
                "tiene ejecución reportada pero no está programado en {v}: esa ejecución no cuenta"
            ),
            ExecutedNotProgrammed(v) => format!(
                "has execution reported but is not programmed in {v}: that execution does not count"
            ),
            ConstanteUnequal { first, other } if es => format!(
                "es constante pero su programación cambia: {} en {} y {} en {}",
                n(&first.1),
                first.0,
                n(&other.1),
                other.0
            ),
            ConstanteUnequal { first, other } => format!(
                "is constante but its programming changes: {} in {} and {} in {}",
                n(&first.1),
                first.0,
                n(&other.1),
                other.0
            ),
        }
    }
}

impl Field {
    /// The field's name in the language: "ponderación 2022", "ejecutado 2022 T1".
    pub fn name(self, language: Language) -> String {
        field_name(self, language)
    }
}

fn field_name(field: Field, language: Language) -> String {
    let es = language == Language::Es;
    match field {
        Field::Period => (if es { "periodo" } else { "period" }).to_owned(),
        Field::Cut => (if es { "corte" } else { "cut" }).to_owned(),
        Field::ObjectiveNumber => (if es { "número" } else { "number" }).to_owned(),
        Field::Code => (if es { "código" } else { "code" }).to_owned(),
        Field::Baseline => (if es { "línea base" } else { "baseline" }).to_owned(),
        Field::DeclaredTotal => (if es {
            "programación total"
        } else {
            "total programming"
        })
        .to_owned(),
        Field::Weight(v) if es => format!("ponderación {v}"),
        Field::Weight(v) => format!("weight {v}"),
        Field::Programmed(v) if es => format!("programación {v}"),
        Field::Programmed(v) => format!("programming {v}"),
        Field::Executed(v, q) if es => format!("ejecutado {v} T{}", q.number()),
        Field::Executed(v, q) => format!("executed {v} Q{}", q.number()),
        Field::Comment(v, q) if es => format!("comentario {v} T{}", q.number()),
        Field::Comment(v, q) => format!("comment {v} Q{}", q.number()),
    }
}

/// How officers name an indicator: its code, or "N/A" and its meta's code.
pub fn indicator_label(meta_code: &str, indicator: &Indicator) -> String {
    match &indicator.code {
        Some(code) => code.clone(),
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
    let progress = PlanProgress::compute(plan, cut);
    let mut numbers_seen = HashSet::new();
    for (oi, (objective, figures)) in plan.objectives.iter().zip(&progress.objectives).enumerate() {
        let at_objective = |field| Location {
            objective: Some((oi, objective.number)),
            indicator: None,
            indicator_label: String::new(),
            field,
        };
        if !(1..=5).contains(&objective.number) {
            findings.push(Finding {
                location: at_objective(Field::ObjectiveNumber),
                problem: Problem::ObjectiveNumberInvalid(objective.number),
            });
        } else if !numbers_seen.insert(objective.number) {
            findings.push(Finding {
                location: at_objective(Field::ObjectiveNumber),
                problem: Problem::ObjectiveNumberRepeated(objective.number),
            });
        }

        let weighted_vigencias: BTreeSet<Vigencia> = objective
            .indicators()
            .flat_map(|(_, i)| i.years.iter())
            .filter(|(_, y)| y.weight.is_some())
            .map(|(v, _)| *v)
            .chain([cut.vigencia])
            .filter(|v| plan.period.contains(*v))
            .collect();
        for &vigencia in &weighted_vigencias {
            let year_end = Cut::new(vigencia, Quarter::ALL[3]);
            let in_vigencia = objective_progress(objective, year_end, &plan.settings);
            if !in_vigencia.weights_add_up() {
                findings.push(Finding {
                    location: at_objective(Field::Weight(vigencia)),
                    problem: Problem::WeightsNot100 {
                        vigencia,
                        total: in_vigencia.weights_total.unwrap_or_default(),
                    },
                });
            }
        }

        let mut codes_seen = HashSet::new();
        let indicators = objective.metas.iter().enumerate().flat_map(|(mi, m)| {
            m.indicators
                .iter()
                .enumerate()
                .map(move |(ii, i)| (mi, m, ii, i))
        });
        for ((mi, meta, ii, indicator), figures) in indicators.zip(&figures.indicators) {
            let at = |field| Location {
                objective: Some((oi, objective.number)),
                indicator: Some((mi, ii)),
                indicator_label: indicator_label(&meta.code, indicator),
                field,
            };
            let mut push = |field, problem| {
                findings.push(Finding {
                    location: at(field),
                    problem,
                })
            };
            if let Some(code) = &indicator.code
                && !codes_seen.insert(code.trim().to_owned())
            {
                push(Field::Code, Problem::DuplicateCode(code.clone()));
            }
            if indicator.annualization == Annualization::Decreciente && indicator.baseline.is_none()
            {
                push(Field::Baseline, Problem::MissingBaseline);
            }
            for (&vigencia, year) in &indicator.years {
                if let Some(p) = year
                    .programmed
                    .filter(|p| p.is_sign_negative() && !p.is_zero())
                {
                    push(Field::Programmed(vigencia), Problem::NegativeProgramming(p));
                }
                if let Some(w) = year.weight.filter(|w| w.is_sign_negative() && !w.is_zero()) {
                    push(Field::Weight(vigencia), Problem::NegativeWeight(w));
                }
                if weighted_vigencias.contains(&vigencia) {
                    let programmed = is_programmed(year.programmed);
                    match year.weight {
                        Some(w) if !w.is_zero() && !programmed => {
                            push(Field::Weight(vigencia), Problem::WeightOnNotProgrammed(w))
                        }
                        Some(w) if w.is_zero() && programmed => {
                            push(Field::Weight(vigencia), Problem::ZeroWeightOnProgrammed)
                        }
                        None if programmed => {
                            push(Field::Weight(vigencia), Problem::ZeroWeightOnProgrammed)
                        }
                        _ => {}
                    }
                }
                for (&quarter, &value) in &year.executed {
                    let value_cut = Cut::new(vigencia, quarter);
                    if value_cut > cut {
                        push(
                            Field::Executed(vigencia, quarter),
                            Problem::ValueAfterCut {
                                value: value_cut,
                                cut,
                            },
                        );
                    }
                    if value.is_sign_negative() && !value.is_zero() {
                        push(
                            Field::Executed(vigencia, quarter),
                            Problem::NegativeExecuted(value),
                        );
                    }
                }
                if let Some(&first_quarter) = year.executed.keys().next()
                    && !is_programmed(year.programmed)
                {
                    push(
                        Field::Executed(vigencia, first_quarter),
                        Problem::ExecutedNotProgrammed(vigencia),
                    );
                }
            }
            if let (Some(declared), Some(expected)) = (
                indicator.declared_total,
                programmed_total(indicator, plan.period),
            ) && declared != expected
            {
                push(
                    Field::DeclaredTotal,
                    Problem::TotalInconsistent { declared, expected },
                );
            }
            if indicator.annualization == Annualization::Constante
                && let Some((first, other)) = unequal_programming(indicator, plan.period)
            {
                push(
                    Field::Programmed(other.0),
                    Problem::ConstanteUnequal { first, other },
                );
            }
            let (vigencia, quarter) = (cut.vigencia, cut.quarter);
            if figures.is_programmed()
                && let Some(year) = indicator.year(vigencia)
                && !year.executed.contains_key(&quarter)
                && let Some((&last_reported, _)) = year.executed.range(..quarter).next_back()
            {
                push(
                    Field::Executed(vigencia, quarter),
                    Problem::QuarterNotReported {
                        quarter,
                        last_reported,
                    },
                );
            }
            match figures.status {
                Status::BaselineEqualsProgramming => {
                    push(Field::Baseline, Problem::BaselineEqualsProgramming)
                }
                Status::OutOfRange => push(Field::Executed(vigencia, quarter), Problem::OutOfRange),
                Status::NotReported => {
                    push(Field::Executed(vigencia, quarter), Problem::NotReported)
                }
                Status::Measured => {
                    let commented = indicator
                        .year(vigencia)
                        .and_then(|y| y.comments.get(&quarter))
                        .is_some_and(|c| !c.trim().is_empty());
                    if let Some(p) = figures.progress()
                        && p < plan.settings.traffic_lights.red_below
                        && !commented
                    {
                        push(
                            Field::Comment(vigencia, quarter),
                            Problem::LowWithoutComment(p),
                        );
                    }
                }
                Status::NotProgrammed | Status::MissingBaseline => {}
            }
        }
    }
    findings.sort_by_key(Finding::severity);
    findings
}

/// Why an objective shows "—" instead of an average, in words, naming the indicator that
/// stops it.
pub fn no_average_reason(
    objective: &Objective,
    reason: NoAverage,
    vigencia: Vigencia,
    language: Language,
) -> String {
    let es = language == Language::Es;
    match reason {
        NoAverage::NothingProgrammed if es => format!("sin indicadores programados en {vigencia}"),
        NoAverage::NothingProgrammed => format!("no indicator programmed in {vigencia}"),
        NoAverage::IndicatorBlocks { index, status } => {
            let label = objective
                .indicators()
                .nth(index)
                .map(|(meta, indicator)| indicator_label(&meta.code, indicator))
                .unwrap_or_default();
            match status {
                Status::MissingBaseline if es => {
                    format!("al indicador {label} (decreciente) le falta la línea base")
                }
                Status::MissingBaseline => {
                    format!("indicator {label} (decreciente) has no baseline")
                }
                Status::BaselineEqualsProgramming if es => {
                    format!("la línea base del indicador {label} es igual a su programación")
                }
                Status::BaselineEqualsProgramming => {
                    format!("the baseline of indicator {label} equals its programming")
                }
                _ if es => format!("las cifras del indicador {label} son demasiado grandes"),
                _ => format!("the figures of indicator {label} are too large"),
            }
        }
        NoAverage::WeightsAddUpToZero if es => {
            format!("las ponderaciones de {vigencia} suman 0: no hay por qué dividir")
        }
        NoAverage::WeightsAddUpToZero => {
            format!("the weights of {vigencia} add up to 0: there is nothing to divide by")
        }
        NoAverage::OutOfRange if es => {
            "las ponderaciones son demasiado grandes para calcular el promedio".to_owned()
        }
        NoAverage::OutOfRange => "the weights are too large to compute the average".to_owned(),
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
