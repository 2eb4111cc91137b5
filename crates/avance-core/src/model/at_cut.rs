//! Everything the engine says about a plan at one cut — each objective's and indicator's
//! progress and forecast — walked objective by objective and indicator by indicator, as the
//! report, the CSV and the export list them.

use super::forecast::{IndicatorForecast, ObjectiveForecast, PlanForecast};
use super::plan::{Cut, Indicator, Meta, Objective, Plan};
use super::progress::{IndicatorProgress, ObjectiveProgress, PlanProgress};

/// A plan's figures at a cut: progress and forecast, computed once.
pub struct PlanAtCut<'a> {
    pub plan: &'a Plan,
    pub progress: PlanProgress,
    pub forecast: PlanForecast,
}

/// One objective with its figures.
#[derive(Clone, Copy)]
pub struct ObjectiveAtCut<'a> {
    pub objective: &'a Objective,
    pub progress: &'a ObjectiveProgress,
    pub forecast: &'a ObjectiveForecast,
}

/// One indicator, its meta and its figures.
pub struct IndicatorAtCut<'a> {
    pub meta: &'a Meta,
    pub indicator: &'a Indicator,
    pub progress: &'a IndicatorProgress,
    pub forecast: &'a IndicatorForecast,
}

impl<'a> PlanAtCut<'a> {
    /// The figures of `plan` at `cut`.
    pub fn compute(plan: &'a Plan, cut: Cut) -> Self {
        let progress = PlanProgress::compute(plan, cut);
        let forecast = PlanForecast::compute(plan, &progress);
        Self {
            plan,
            progress,
            forecast,
        }
    }

    /// The cut the figures are at.
    pub fn cut(&self) -> Cut {
        self.progress.cut
    }

    /// Each objective with its figures, in plan order.
    pub fn objectives(&self) -> impl Iterator<Item = ObjectiveAtCut<'_>> {
        self.plan
            .objectives
            .iter()
            .zip(&self.progress.objectives)
            .zip(&self.forecast.objectives)
            .map(|((objective, progress), forecast)| ObjectiveAtCut {
                objective,
                progress,
                forecast,
            })
    }

    /// Every indicator of the plan with its objective, in plan order.
    pub fn indicators(&self) -> impl Iterator<Item = (ObjectiveAtCut<'_>, IndicatorAtCut<'_>)> {
        self.objectives()
            .flat_map(|o| o.indicators().map(move |i| (o, i)))
    }
}

impl<'a> ObjectiveAtCut<'a> {
    /// Each indicator of the objective with its meta and figures, in plan order.
    pub fn indicators(&self) -> impl Iterator<Item = IndicatorAtCut<'a>> + use<'a> {
        self.objective
            .indicators()
            .zip(&self.progress.indicators)
            .zip(&self.forecast.indicators)
            .map(|(((meta, indicator), progress), forecast)| IndicatorAtCut {
                meta,
                indicator,
                progress,
                forecast,
            })
    }
}
