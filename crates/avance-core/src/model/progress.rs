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

use super::exact::Fraction;
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
    /// Magnitud ejecutada al corte, per the annualization type (exact); `None` if nothing
    /// reported.
    pub executed: Option<Decimal>,
    /// The real avance, exact: 110 % stays 110 %, −20 % stays −20 %. `None` when there is none.
    pub real: Option<Fraction>,
    /// What the indicator counts in its objective's average: the real avance within 0 % and
    /// the cap, 0 when not reported. `None` when it takes no part.
    pub counted: Option<Fraction>,
    pub status: Status,
}

impl IndicatorProgress {
    /// Whether the indicator takes part in its objective in this vigencia.
    pub fn is_programmed(&self) -> bool {
        self.status != Status::NotProgrammed
    }

    /// The avance as shown and exported: the real value rounded to 2 decimals, half away from
    /// zero.
    pub fn progress(&self) -> Option<Decimal> {
        self.real.as_ref().and_then(Fraction::round2)
    }

    /// Whether the roll-up counts less than the real avance (it is above the cap).
    pub fn is_capped(&self) -> bool {
        matches!((&self.real, &self.counted), (Some(p), Some(c)) if c < p)
    }

    /// Whether the roll-up counts more than the real avance (it is below 0 %: counts 0).
    pub fn is_floored(&self) -> bool {
        matches!((&self.real, &self.counted), (Some(p), Some(c)) if c > p)
    }
}

/// Why an objective has no average at a cut. The screen and the reports say it next to "—".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoAverage {
    /// No indicator of the objective is programmed in the cut's vigencia.
    NothingProgrammed,
    /// An indicator's avance cannot be computed: its position in the objective and why.
    IndicatorBlocks { index: usize, status: Status },
    /// The weights of the programmed indicators add up to 0: there is nothing to divide by.
    WeightsAddUpToZero,
    /// The weights (or the average) are too large to compute exactly.
    OutOfRange,
}

/// An objective's figures at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveProgress {
    pub number: u8,
    /// Σ of the weights of the indicators programmed in the vigencia, exact; `None` when it is
    /// beyond what a decimal holds.
    pub weights_total: Option<Decimal>,
    /// The weighted average, exact, or why there is none.
    pub average: Result<Fraction, NoAverage>,
    /// One entry per indicator, in plan order.
    pub indicators: Vec<IndicatorProgress>,
}

impl ObjectiveProgress {
    /// The objective's avance as shown and exported: the exact average rounded to 2 decimals,
    /// half away from zero.
    pub fn progress(&self) -> Option<Decimal> {
        self.average.as_ref().ok().and_then(Fraction::round2)
    }

    /// Whether the weights of the programmed indicators add up to 100 % (± 0,005).
    pub fn weights_add_up(&self) -> bool {
        let tolerance = Fraction::from_decimal(Decimal::new(5, 3));
        let programmed = self.indicators.iter().any(IndicatorProgress::is_programmed);
        !programmed
            || self.weights_total.is_some_and(|total| {
                (&Fraction::from_decimal(total) - &Fraction::from_decimal(HUNDRED)).abs()
                    <= tolerance
            })
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

/// The exact sum of decimals as a decimal, or `OutOfRange` when no decimal holds it exactly.
pub fn exact_sum(values: impl IntoIterator<Item = Decimal>) -> Result<Decimal, OutOfRange> {
    values
        .into_iter()
        .map(Fraction::from_decimal)
        .sum::<Fraction>()
        .to_decimal_exact()
        .ok_or(OutOfRange)
}

/// Magnitud ejecutada al corte: what quarters 1..=Q of the cut's vigencia add up to, per type.
///
/// Suma adds the reported quarters; creciente, constante and decreciente take the last
/// reported quarter up to the cut. `Ok(None)` when no quarter up to the cut was reported;
/// `Err` when the sum has no exact decimal form.
pub fn executed_at_cut(indicator: &Indicator, cut: Cut) -> Result<Option<Decimal>, OutOfRange> {
    let Some(year) = indicator.year(cut.vigencia) else {
        return Ok(None);
    };
    let mut reported = year
        .executed
        .range(..=cut.quarter)
        .map(|(_, value)| *value)
        .peekable();
    if reported.peek().is_none() {
        return Ok(None);
    }
    match indicator.annualization {
        Annualization::Suma => exact_sum(reported).map(Some),
        Annualization::Creciente | Annualization::Constante | Annualization::Decreciente => {
            Ok(reported.next_back())
        }
    }
}

/// A computation whose result no decimal holds exactly.
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
        real: None,
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
    let baseline = match (indicator.annualization, indicator.baseline) {
        (Annualization::Decreciente, None) => {
            result.status = Status::MissingBaseline;
            return result;
        }
        (Annualization::Decreciente, Some(base)) if base == target => {
            result.status = Status::BaselineEqualsProgramming;
            return result;
        }
        (Annualization::Decreciente, Some(base)) => Some(Fraction::from_decimal(base)),
        _ => None,
    };
    let Some(executed) = executed else {
        result.status = Status::NotReported;
        result.counted = Some(Fraction::zero());
        return result;
    };
    let (executed, target) = (Fraction::from(executed), Fraction::from(target));
    let (achieved, planned) = match &baseline {
        // Decreciente: the reduction achieved over the reduction planned.
        Some(base) => (base - &executed, base - &target),
        None => (executed, target),
    };
    let real = (&achieved * &Fraction::integer(100))
        .checked_div(&planned)
        .filter(|real| real.round2().is_some());
    let Some(real) = real else {
        result.status = Status::OutOfRange;
        return result;
    };
    let mut counted = real.clone().max(Fraction::zero());
    if settings.cap_in_rollup {
        counted = counted.min(Fraction::integer(100));
    }
    result.status = Status::Measured;
    result.real = Some(real);
    result.counted = Some(counted);
    result
}

/// Σ of the weights of the indicators programmed in the vigencia (an empty weight counts 0),
/// exact; `None` when no decimal holds it.
pub fn weights_total<'a>(
    indicators: impl IntoIterator<Item = &'a IndicatorProgress>,
) -> Option<Decimal> {
    exact_sum(
        indicators
            .into_iter()
            .filter(|i| i.is_programmed())
            .map(|i| i.weight.unwrap_or_default()),
    )
    .ok()
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
    let average = weighted_average(&indicators);
    ObjectiveProgress {
        number: objective.number,
        weights_total,
        average,
        indicators,
    }
}

/// One point of an objective's quarterly trend: its progress at a cut, computed as if that cut
/// were the report's (only quarters up to it are read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    pub cut: Cut,
    /// The objective's avance at that cut, rounded as shown; `None` when it has none.
    pub progress: Option<Decimal>,
    /// Why it has none.
    pub no_average: Option<NoAverage>,
    /// Whether the point is an earlier vigencia's year-end (its fourth quarter).
    pub year_end: bool,
}

/// The cuts an objective's trend at `cut` shows: the year-end of each earlier vigencia of the
/// period, then every quarter of the cut's vigencia up to the cut itself.
pub fn trend_cuts(period: Period, cut: Cut) -> Vec<Cut> {
    let year_ends = period
        .vigencias()
        .filter(|v| *v < cut.vigencia)
        .map(|v| Cut::new(v, super::plan::Quarter::ALL[3]));
    let quarters = super::plan::Quarter::ALL
        .into_iter()
        .filter(|q| *q <= cut.quarter)
        .map(|q| Cut::new(cut.vigencia, q));
    year_ends.chain(quarters).collect()
}

/// An objective's progress at each cut of [`trend_cuts`], so the committee sees the direction.
/// Each point is the figure `avance report --cut` gives at that cut; nothing after `cut` is read.
pub fn objective_trend(
    objective: &Objective,
    period: Period,
    cut: Cut,
    settings: &Settings,
) -> Vec<TrendPoint> {
    trend_cuts(period, cut)
        .into_iter()
        .map(|at| {
            let figures = objective_progress(objective, at, settings);
            TrendPoint {
                cut: at,
                progress: figures.progress(),
                no_average: figures.average.err(),
                year_end: at.vigencia < cut.vigencia,
            }
        })
        .collect()
}

/// `Σ (ponderación_i × avance_i) / Σ ponderación_i` over the programmed indicators, each
/// avance counted within 0 % and the cap. Exact: rounded only when shown.
pub(crate) fn weighted_average(indicators: &[IndicatorProgress]) -> Result<Fraction, NoAverage> {
    let programmed = || indicators.iter().filter(|i| i.is_programmed());
    if programmed().next().is_none() {
        return Err(NoAverage::NothingProgrammed);
    }
    if let Some((index, blocking)) = indicators
        .iter()
        .enumerate()
        .find(|(_, i)| i.status.blocks_rollup())
    {
        return Err(NoAverage::IndicatorBlocks {
            index,
            status: blocking.status,
        });
    }
    let zero = Fraction::zero();
    let average = Fraction::weighted_average(programmed().map(|i| {
        (
            i.weight.unwrap_or_default(),
            i.counted.as_ref().unwrap_or(&zero),
        )
    }))
    .ok_or(NoAverage::WeightsAddUpToZero)?;
    // Weights beyond a decimal's range, or negative weights, can push the average out of
    // what can be shown.
    if average.round2().is_none() {
        return Err(NoAverage::OutOfRange);
    }
    Ok(average)
}

/// "Programación Total" as the type implies it: the sum of the vigencias for suma, the final
/// programmed vigencia for creciente and decreciente, the repeated yearly value for constante.
/// `None` when no vigencia is programmed (or no decimal holds the sum exactly).
pub fn programmed_total(indicator: &Indicator, period: Period) -> Option<Decimal> {
    let mut values = period
        .vigencias()
        .filter_map(|v| indicator.programmed(v))
        .peekable();
    values.peek()?;
    match indicator.annualization {
        Annualization::Suma => exact_sum(values).ok(),
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
