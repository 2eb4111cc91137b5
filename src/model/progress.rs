//! The progress engine: every avance (progress, percent) the product shows is computed here.
//!
//! - An indicator's avance at a cut is `ejecutado_al_corte / programado × 100`, or for a
//!   decreciente indicator `(base − ejecutado) / (base − programado) × 100`.
//! - An objective's avance is the promedio ponderado (weighted average) of its indicators
//!   programmed in the vigencia, each counted at most at the cap, divided by the real sum of
//!   their weights.
//!
//! Only quarters up to the cut are read: later figures never leak into a report.
//! Arithmetic is exact and checked: a figure too large to compute gives a status, not a panic.

use rust_decimal::Decimal;

use super::plan::{
    Annualization, Cut, Indicator, Objective, Period, Plan, Settings, TrafficLights,
};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Why an indicator has (or has no) avance at a cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Programming for the vigencia is empty or 0: the indicator takes no part that year.
    NotProgrammed,
    /// Programmed, but no quarter up to the cut was reported; it counts 0 in its objective.
    NotReported,
    /// Measured normally.
    Measured,
    /// A decreciente indicator without línea base: its avance cannot be computed.
    MissingBaseline,
    /// A decreciente indicator whose línea base equals the programming: nothing to reduce.
    BaselineEqualsProgramming,
    /// The figures are too large to compute exactly.
    OutOfRange,
}

impl Status {
    /// Whether this status stops the objective's average from being computed.
    pub fn blocks_rollup(self) -> bool {
        matches!(
            self,
            Status::MissingBaseline | Status::BaselineEqualsProgramming | Status::OutOfRange
        )
    }
}

/// An indicator's figures at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorProgress {
    /// Ponderación for the cut's vigencia, as entered.
    pub weight: Option<Decimal>,
    /// Programación for the cut's vigencia, as entered.
    pub programmed: Option<Decimal>,
    /// Magnitud ejecutada al corte, per the annualization type; `None` if nothing reported.
    pub executed: Option<Decimal>,
    /// The real avance (110 % stays 110 %), unrounded; `None` when there is none.
    pub progress: Option<Decimal>,
    /// What the indicator contributes to its objective's average (capped, 0 if not reported).
    pub counted: Option<Decimal>,
    pub status: Status,
}

impl IndicatorProgress {
    /// Whether the indicator takes part in its objective in this vigencia.
    pub fn is_programmed(&self) -> bool {
        self.status != Status::NotProgrammed
    }

    /// Whether the figure used in the roll-up is lower than the real avance.
    pub fn is_capped(&self) -> bool {
        matches!((self.progress, self.counted), (Some(p), Some(c)) if c < p)
    }

    /// Whether the figure used in the roll-up is higher than the real (negative) avance.
    pub fn is_floored(&self) -> bool {
        matches!((self.progress, self.counted), (Some(p), Some(c)) if c > p)
    }
}

/// An objective's figures at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveProgress {
    pub number: u8,
    /// Σ of the weights of the indicators programmed in the vigencia; `None` if out of range.
    pub weights_total: Option<Decimal>,
    /// The weighted average; `None` when no indicator is programmed or one cannot be computed.
    pub progress: Option<Decimal>,
    /// One entry per indicator, in plan order.
    pub indicators: Vec<IndicatorProgress>,
}

impl ObjectiveProgress {
    /// Whether the weights of the programmed indicators add up to 100 % (± 0,005).
    pub fn weights_add_up(&self) -> bool {
        let tolerance = Decimal::new(5, 3);
        let programmed = self.indicators.iter().any(IndicatorProgress::is_programmed);
        !programmed
            || self
                .weights_total
                .is_some_and(|total| (total - HUNDRED).abs() <= tolerance)
    }
}

/// The whole plan's figures at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProgress {
    pub cut: Cut,
    /// One entry per objective, in plan order.
    pub objectives: Vec<ObjectiveProgress>,
}

impl PlanProgress {
    /// Computes every figure of the plan at `cut`.
    pub fn compute(plan: &Plan, cut: Cut) -> Self {
        Self {
            cut,
            objectives: plan
                .objectives
                .iter()
                .map(|o| objective_progress(o, cut, &plan.settings))
                .collect(),
        }
    }

    /// The figures of the objective numbered `number`.
    pub fn objective(&self, number: u8) -> Option<&ObjectiveProgress> {
        self.objectives.iter().find(|o| o.number == number)
    }
}

/// Whether a programming figure means "programmed" (present and not 0).
pub fn is_programmed(programmed: Option<Decimal>) -> bool {
    programmed.is_some_and(|p| !p.is_zero())
}

/// Magnitud ejecutada al corte: what quarters 1..=Q of the cut's vigencia add up to, per type.
///
/// Suma adds the reported quarters; creciente, constante and decreciente take the last
/// reported quarter up to the cut. `Ok(None)` when no quarter up to the cut was reported;
/// `Err` when the sum is beyond exact range.
pub fn executed_at_cut(indicator: &Indicator, cut: Cut) -> Result<Option<Decimal>, OutOfRange> {
    let Some(year) = indicator.year(cut.vigencia) else {
        return Ok(None);
    };
    let mut reported = year.executed.range(..=cut.quarter).map(|(_, value)| *value);
    match indicator.annualization {
        Annualization::Suma => reported.try_fold(None, |sum: Option<Decimal>, value| {
            sum.unwrap_or(Decimal::ZERO)
                .checked_add(value)
                .map(Some)
                .ok_or(OutOfRange)
        }),
        Annualization::Creciente | Annualization::Constante | Annualization::Decreciente => {
            Ok(reported.next_back())
        }
    }
}

/// A computation that left the exact decimal range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange;

/// The indicator's figures at a cut.
pub fn indicator_progress(
    indicator: &Indicator,
    cut: Cut,
    settings: &Settings,
) -> IndicatorProgress {
    let weight = indicator.weight(cut.vigencia);
    let programmed = indicator.programmed(cut.vigencia);
    let mut result = IndicatorProgress {
        weight,
        programmed,
        executed: None,
        progress: None,
        counted: None,
        status: Status::NotProgrammed,
    };
    let Some(target) = programmed.filter(|p| !p.is_zero()) else {
        return result;
    };
    let executed = match executed_at_cut(indicator, cut) {
        Ok(executed) => executed,
        Err(OutOfRange) => {
            result.status = Status::OutOfRange;
            return result;
        }
    };
    result.executed = executed;
    if indicator.annualization == Annualization::Decreciente && indicator.baseline.is_none() {
        result.status = Status::MissingBaseline;
        return result;
    }
    let Some(executed) = executed else {
        result.status = Status::NotReported;
        result.counted = Some(Decimal::ZERO);
        return result;
    };
    let progress = match indicator.annualization {
        Annualization::Decreciente => {
            let base = indicator.baseline.unwrap_or_default();
            let planned_reduction = base.checked_sub(target);
            if planned_reduction == Some(Decimal::ZERO) {
                result.status = Status::BaselineEqualsProgramming;
                return result;
            }
            base.checked_sub(executed)
                .zip(planned_reduction)
                .and_then(|(achieved, planned)| percent_of(achieved, planned))
        }
        _ => percent_of(executed, target),
    };
    let Some(progress) = progress else {
        result.status = Status::OutOfRange;
        return result;
    };
    result.status = Status::Measured;
    result.progress = Some(progress);
    result.counted = Some(if settings.cap_in_rollup {
        progress.min(HUNDRED)
    } else {
        progress
    });
    result
}

/// `part / whole × 100`, exactly, or `None` beyond range (or for a zero whole).
fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(HUNDRED)?.checked_div(whole)
}

/// Σ of the weights of the indicators programmed in the vigencia (an empty weight counts 0).
pub fn weights_total<'a>(
    indicators: impl IntoIterator<Item = &'a IndicatorProgress>,
) -> Option<Decimal> {
    indicators
        .into_iter()
        .filter(|i| i.is_programmed())
        .try_fold(Decimal::ZERO, |sum, i| {
            sum.checked_add(i.weight.unwrap_or_default())
        })
}

/// The objective's figures at a cut: its indicators and their weighted average.
pub fn objective_progress(
    objective: &Objective,
    cut: Cut,
    settings: &Settings,
) -> ObjectiveProgress {
    let indicators: Vec<IndicatorProgress> = objective
        .indicators()
        .map(|(_, indicator)| indicator_progress(indicator, cut, settings))
        .collect();
    let weights_total = weights_total(&indicators);
    let progress = weighted_average(&indicators, weights_total);
    ObjectiveProgress {
        number: objective.number,
        weights_total,
        progress,
        indicators,
    }
}

/// `Σ (ponderación_i × avance_i) / Σ ponderación_i` over the programmed indicators.
fn weighted_average(
    indicators: &[IndicatorProgress],
    weights_total: Option<Decimal>,
) -> Option<Decimal> {
    let programmed: Vec<&IndicatorProgress> =
        indicators.iter().filter(|i| i.is_programmed()).collect();
    if programmed.is_empty() || programmed.iter().any(|i| i.status.blocks_rollup()) {
        return None;
    }
    let total = weights_total.filter(|t| !t.is_zero())?;
    let weighted_sum = programmed.iter().try_fold(Decimal::ZERO, |sum, i| {
        let term = i.weight.unwrap_or_default().checked_mul(i.counted?)?;
        sum.checked_add(term)
    })?;
    weighted_sum.checked_div(total)
}

/// "Programación Total" as the type implies it: the sum of the vigencias for suma, the final
/// programmed vigencia for creciente and decreciente, the repeated yearly value for constante.
/// `None` when no vigencia is programmed (or the sum is beyond range).
pub fn programmed_total(indicator: &Indicator, period: Period) -> Option<Decimal> {
    let mut values = period
        .vigencias()
        .filter_map(|v| indicator.programmed(v))
        .peekable();
    values.peek()?;
    match indicator.annualization {
        Annualization::Suma => values.try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v)),
        Annualization::Creciente | Annualization::Decreciente => {
            let mut last_programmed = None;
            for v in values {
                if !v.is_zero() || last_programmed.is_none() {
                    last_programmed = Some(v);
                }
            }
            last_programmed
        }
        Annualization::Constante => values
            .filter(|v| !v.is_zero())
            .max()
            .or(Some(Decimal::ZERO)),
    }
}

/// Semáforo colour of an avance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TrafficLight {
    /// Below the red threshold (50 % by default).
    Red,
    /// From red to yellow threshold (50–75 %).
    Yellow,
    /// On track (75–125 %).
    Green,
    /// Over-execution: the programming was too low (> 125 %).
    Orange,
}

impl TrafficLight {
    /// The light of an avance under the plan's thresholds.
    pub fn of(progress: Decimal, thresholds: &TrafficLights) -> Self {
        if progress < thresholds.red_below {
            TrafficLight::Red
        } else if progress < thresholds.yellow_below {
            TrafficLight::Yellow
        } else if progress <= thresholds.green_up_to {
            TrafficLight::Green
        } else {
            TrafficLight::Orange
        }
    }
}
