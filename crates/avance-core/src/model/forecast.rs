//! Forecast: what it takes to close the vigencia, and where the current pace leads.
//!
//! For each programmed indicator at a cut (vigencia Y, quarter Q):
//! - **what remains** to reach 100 % of Y's programming, as an amount: suma — programmed minus
//!   the sum reported so far, also spread over the quarters left; creciente and constante —
//!   programmed minus the last reported level; decreciente — the last reported level minus
//!   programmed (how much it must still come down). 0 once reached.
//! - **the projected year-end** at the current pace: suma — the quarterly average so far × 4;
//!   creciente — linear from the vigencia's start level (the previous vigencia's last reported
//!   value; failing that, its programmed level; failing that, 0) through the last report;
//!   constante and decreciente — the last report. It becomes a projected avance like any other
//!   (exact, rounded only when shown), and the objective's projection is the weighted average
//!   of its indicators' projections, within 0 % and the cap, as the roll-up does.

use rust_decimal::Decimal;

use super::exact::Fraction;
use super::format::{number, percent};
use super::plan::{Annualization, Cut, Indicator, Language, Objective, Plan, Quarter, Settings};
use super::progress::{
    IndicatorProgress, NoAverage, ObjectiveProgress, PlanProgress, Status, weighted_average,
};

/// An indicator's forecast at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorForecast {
    /// What remains to reach 100 % of the vigencia's programming (0 when reached); `None` when
    /// the indicator takes no part or its figures cannot be computed.
    pub remaining: Option<Fraction>,
    /// The quarters of the vigencia after the cut (0 at the fourth).
    pub quarters_left: u8,
    /// For suma, what remains spread over the quarters left.
    pub per_quarter: Option<Fraction>,
    /// The magnitude the vigencia would end with at the current pace.
    pub projected_executed: Option<Fraction>,
    /// The projected avance, exact.
    pub projected: Option<Fraction>,
    /// What the projection counts in the objective: within 0 % and the cap, 0 with no report.
    pub projected_counted: Option<Fraction>,
}

impl IndicatorForecast {
    /// What remains, rounded to 2 decimals to show.
    pub fn remaining_shown(&self) -> Option<Decimal> {
        self.remaining.as_ref().and_then(Fraction::round2)
    }

    /// The spread per quarter, rounded to show.
    pub fn per_quarter_shown(&self) -> Option<Decimal> {
        self.per_quarter.as_ref().and_then(Fraction::round2)
    }

    /// The projected avance as shown: rounded to 2 decimals, half away from zero.
    pub fn projected_shown(&self) -> Option<Decimal> {
        self.projected.as_ref().and_then(Fraction::round2)
    }

    /// What remains, in words: "faltan 45 en 3 trimestres: 15 por trimestre" for suma, the
    /// gap to the level to reach for creciente and constante, how much it must still come down
    /// for decreciente; "sin trimestres restantes" at the fourth quarter.
    pub fn remaining_explained(&self, kind: Annualization, language: Language) -> String {
        let Some(remaining) = self.remaining_shown() else {
            return crate::tr!(language, "forecast-not-programmed");
        };
        if remaining.is_zero() {
            return crate::tr!(language, "forecast-reached");
        }
        let amount = number(remaining, language);
        if self.quarters_left == 0 {
            return crate::tr!(language, "forecast-no-quarters-left", remaining = amount);
        }
        match (kind, self.per_quarter_shown()) {
            (Annualization::Suma, Some(per_quarter)) => crate::tr!(
                language,
                "forecast-suma",
                remaining = amount,
                quarters = self.quarters_left,
                per_quarter = number(per_quarter, language)
            ),
            (Annualization::Decreciente, _) => crate::tr!(
                language,
                "forecast-down",
                remaining = amount,
                quarters = self.quarters_left
            ),
            _ => crate::tr!(
                language,
                "forecast-level",
                remaining = amount,
                quarters = self.quarters_left
            ),
        }
    }

    /// Where the current pace leads, in words: the magnitude the vigencia would close with and
    /// its avance.
    pub fn projected_explained(&self, language: Language) -> String {
        match (
            self.projected_executed.as_ref().and_then(Fraction::round2),
            self.projected_shown(),
        ) {
            (Some(end), Some(avance)) => crate::tr!(
                language,
                "forecast-projected",
                executed = number(end, language),
                progress = percent(avance, language)
            ),
            _ if self.remaining.is_none() => crate::tr!(language, "forecast-not-programmed"),
            _ => crate::tr!(language, "forecast-no-pace"),
        }
    }

    fn none(quarters_left: u8) -> Self {
        Self {
            remaining: None,
            quarters_left,
            per_quarter: None,
            projected_executed: None,
            projected: None,
            projected_counted: None,
        }
    }
}

/// An objective's forecast at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectiveForecast {
    pub number: u8,
    /// The weighted average of the projections, or why there is none.
    pub projected: Result<Fraction, NoAverage>,
    /// One entry per indicator, in plan order.
    pub indicators: Vec<IndicatorForecast>,
}

impl ObjectiveForecast {
    /// The projected avance as shown.
    pub fn projected_shown(&self) -> Option<Decimal> {
        self.projected.as_ref().ok().and_then(Fraction::round2)
    }
}

/// The whole plan's forecast at a cut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanForecast {
    pub cut: Cut,
    pub objectives: Vec<ObjectiveForecast>,
}

impl PlanForecast {
    /// The forecast of every objective, from the figures already computed at the same cut.
    pub fn compute(plan: &Plan, progress: &PlanProgress) -> Self {
        Self {
            cut: progress.cut,
            objectives: plan
                .objectives
                .iter()
                .zip(&progress.objectives)
                .map(|(o, figures)| objective_forecast(o, figures, progress.cut, &plan.settings))
                .collect(),
        }
    }

    /// The forecast of the objective numbered `number`.
    pub fn objective(&self, number: u8) -> Option<&ObjectiveForecast> {
        self.objectives.iter().find(|o| o.number == number)
    }
}

/// The objective's forecast: each indicator's, and the weighted average of the projections.
pub fn objective_forecast(
    objective: &Objective,
    figures: &ObjectiveProgress,
    cut: Cut,
    settings: &Settings,
) -> ObjectiveForecast {
    let indicators: Vec<IndicatorForecast> = objective
        .indicators()
        .zip(&figures.indicators)
        .map(|((_, indicator), f)| indicator_forecast(indicator, f, cut, settings))
        .collect();
    // The roll-up's own rules (programmed only, blocked statuses, the real sum of weights),
    // with each indicator counting its projection.
    let projected_rows: Vec<IndicatorProgress> = figures
        .indicators
        .iter()
        .zip(&indicators)
        .map(|(f, fc)| IndicatorProgress {
            counted: fc.projected_counted.clone(),
            ..f.clone()
        })
        .collect();
    ObjectiveForecast {
        number: objective.number,
        projected: weighted_average(&projected_rows),
        indicators,
    }
}

/// One indicator's forecast at `cut`, from its figures at that cut.
pub fn indicator_forecast(
    indicator: &Indicator,
    figures: &IndicatorProgress,
    cut: Cut,
    settings: &Settings,
) -> IndicatorForecast {
    let quarters_left = 4 - cut.quarter.number();
    let computable = matches!(figures.status, Status::Measured | Status::NotReported);
    let Some(programmed) = figures.programmed.filter(|_| computable) else {
        return IndicatorForecast::none(quarters_left);
    };
    let programmed = Fraction::from(programmed);
    let hundred = Fraction::integer(100);
    let zero = Fraction::zero();
    let executed = figures.executed.map(Fraction::from);
    let last = last_report(indicator, cut);
    let baseline = indicator.baseline.map(Fraction::from);

    let remaining = match indicator.annualization {
        Annualization::Suma | Annualization::Creciente | Annualization::Constante => {
            Some(&programmed - executed.as_ref().unwrap_or(&zero))
        }
        Annualization::Decreciente => executed
            .as_ref()
            .or(baseline.as_ref())
            .map(|level| level - &programmed),
    }
    .map(|r| r.max(zero.clone()));
    let per_quarter = match indicator.annualization {
        Annualization::Suma if quarters_left > 0 => remaining
            .as_ref()
            .and_then(|r| r.checked_div(&Fraction::integer(i64::from(quarters_left)))),
        _ => None,
    };

    let projected_executed = match indicator.annualization {
        // The quarterly average so far, over the quarters elapsed, × 4.
        Annualization::Suma => executed.as_ref().and_then(|sum| {
            (sum * &Fraction::integer(4))
                .checked_div(&Fraction::integer(i64::from(cut.quarter.number())))
        }),
        // A line from the start level through the last report, to the fourth quarter.
        Annualization::Creciente => last.map(|(quarter, level)| {
            let start = start_level(indicator, cut);
            let level = Fraction::from(level);
            let climbed = &level - &start;
            let to_q4 = (&climbed * &Fraction::integer(4))
                .checked_div(&Fraction::integer(i64::from(quarter.number())))
                .unwrap_or_else(Fraction::zero);
            &start + &to_q4
        }),
        Annualization::Constante | Annualization::Decreciente => executed.clone(),
    };
    let projected = projected_executed.as_ref().and_then(|end| {
        let (achieved, planned) = match (&indicator.annualization, &baseline) {
            (Annualization::Decreciente, Some(base)) => (base - end, base - &programmed),
            _ => (end.clone(), programmed.clone()),
        };
        (&achieved * &hundred)
            .checked_div(&planned)
            .filter(|p| p.round2().is_some())
    });
    let projected_counted = match &projected {
        Some(p) => {
            let floored = p.clone().max(zero.clone());
            Some(if settings.cap_in_rollup {
                floored.min(hundred)
            } else {
                floored
            })
        }
        // Programmed with nothing reported: it counts 0, as in the roll-up.
        None => Some(zero),
    };
    IndicatorForecast {
        remaining,
        quarters_left,
        per_quarter,
        projected_executed,
        projected,
        projected_counted,
    }
}

/// The last quarter reported up to the cut, and its value.
fn last_report(indicator: &Indicator, cut: Cut) -> Option<(Quarter, Decimal)> {
    indicator
        .year(cut.vigencia)?
        .executed
        .range(..=cut.quarter)
        .next_back()
        .map(|(q, v)| (*q, *v))
}

/// Where a creciente indicator stood when the vigencia began: the previous vigencia's last
/// reported value; failing that, its programmed level; failing that, 0.
fn start_level(indicator: &Indicator, cut: Cut) -> Fraction {
    let previous = cut.vigencia.checked_sub(1).and_then(|v| indicator.year(v));
    previous
        .and_then(|y| y.executed.values().next_back().copied())
        .or_else(|| previous.and_then(|y| y.programmed))
        .map_or_else(Fraction::zero, Fraction::from)
}
