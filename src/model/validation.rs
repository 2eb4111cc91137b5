//! What the plan checks and shows. Validation never blocks typing: it lists findings, each
//! naming the objective, the indicator and the field, in the user's language.

use std::collections::{BTreeSet, HashSet};

use rust_decimal::Decimal;

use super::format::{number, percent};
use super::plan::{Annualization, Cut, Indicator, Language, Period, Plan, Quarter, Vigencia};
use super::progress::{PlanProgress, Status, is_programmed, objective_progress, programmed_total};

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
    ValueAfterCut(Cut),
    LowWithoutComment(Decimal),
    NotReported,
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
            | ValueAfterCut(_)
            | LowWithoutComment(_)
            | NotReported => Severity::Warning,
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
            ValueAfterCut(cut) if es => format!(
                "tiene un valor posterior al corte del plan ({}); cuenta cuando el corte avance",
                cut.date()
            ),
            ValueAfterCut(cut) => format!(
                "has a value after the plan's cut ({}); it counts once the cut moves",
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
    let progress = PlanProgress::compute(plan, plan.cut);
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
            .chain([plan.cut.vigencia])
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
                for &quarter in year.executed.keys() {
                    let cut = Cut::new(vigencia, quarter);
                    if cut > plan.cut {
                        push(
                            Field::Executed(vigencia, quarter),
                            Problem::ValueAfterCut(cut),
                        );
                    }
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
            let (vigencia, quarter) = (plan.cut.vigencia, plan.cut.quarter);
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
                    if let Some(p) = figures.progress
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

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity() == Severity::Error)
}
