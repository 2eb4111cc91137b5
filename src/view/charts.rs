//! What the committee charts draw: one bar per objective at the cut, and one per indicator of
//! the selected objective, each with its exact figure and traffic light. The charts panel only
//! turns these into shapes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::slides::{INDICATORS_PER_PAGE, SlideOrder, TrendBar};
use super::{Computed, ViewState};
use crate::model::validation::{indicator_label, no_average_reason};
use crate::model::{Language, Plan, Status, TrafficLight};

/// One bar: what it is, its exact value, its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct BarData {
    /// Axis label ("Obj. 3", "543").
    pub label: String,
    /// Longer text for hover.
    pub detail: String,
    /// The exact value; `None` draws no bar and writes "—".
    pub value: Option<Decimal>,
    /// Ponderación, for indicator bars.
    pub weight: Option<Decimal>,
    pub light: Option<TrafficLight>,
}

/// Where the value axis stops: a bar beyond it is drawn to the edge, its real figure written,
/// so one outlier (2 750 %) does not squash every other bar, and no figure can make the chart
/// unreadable (or enormous).
pub const AXIS_MAX: f64 = 150.0;

/// The lowest a bar is drawn (a negative avance, −20 %, shows below the axis down to here).
pub const AXIS_MIN: f64 = -50.0;

impl BarData {
    /// The bar's length as drawn: the value within [`AXIS_MIN`] and [`AXIS_MAX`].
    pub fn drawn_height(&self) -> Option<f64> {
        self.height()
            .filter(|h| h.is_finite())
            .map(|h| h.clamp(AXIS_MIN, AXIS_MAX))
    }

    /// Whether the bar is cut at the axis' end (its figure says how far it goes).
    pub fn beyond_axis(&self) -> bool {
        self.height()
            .is_some_and(|h| !(AXIS_MIN..=AXIS_MAX).contains(&h))
    }

    /// The bar's height in the plot (the chart's only float, converted from the exact value).
    pub fn height(&self) -> Option<f64> {
        self.value.and_then(|v| v.to_f64())
    }
}

/// What the charts draw.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartData {
    pub cut_label: String,
    pub objectives: Vec<BarData>,
    /// Why an objective has no figure ("—"): its number and the reason, said under the chart.
    pub no_progress: Vec<(u8, String)>,
    /// The selected objective's number and the indicators of the page shown (at most
    /// [`INDICATORS_PER_PAGE`], in the order asked for).
    pub selected_objective: Option<u8>,
    pub indicators: Vec<BarData>,
    /// The page of indicators shown (0-based), how many pages, how many indicators in all.
    pub page: usize,
    pub pages: usize,
    pub indicator_count: usize,
    /// The selected objective's progress at the earlier vigencias' year-end and each quarter up
    /// to the cut.
    pub trend: Vec<TrendBar>,
    /// The plan's semáforo thresholds, for the legend.
    pub lights: crate::model::TrafficLights,
}

impl ChartData {
    /// The bars for the plan's figures at the view's cut.
    pub fn new(plan: &Plan, figures: &Computed, view: &ViewState, language: Language) -> Self {
        let thresholds = plan.settings.traffic_lights;
        let light = |v: Option<Decimal>| v.map(|v| TrafficLight::of(v, &thresholds));
        let objectives = plan
            .objectives
            .iter()
            .zip(&figures.progress.objectives)
            .map(|(o, f)| BarData {
                label: format!("{}", o.number),
                detail: o.text.clone(),
                value: f.progress(),
                weight: None,
                light: light(f.progress()),
            })
            .collect();
        let cut = figures.progress.cut;
        let no_progress = plan
            .objectives
            .iter()
            .zip(&figures.progress.objectives)
            .filter_map(|(o, f)| {
                let reason = f.average.as_ref().err()?;
                Some((
                    o.number,
                    no_average_reason(o, *reason, cut.vigencia, language),
                ))
            })
            .collect();
        let selected = view.selection.objective();
        let figures_of = selected.and_then(|oi| {
            Some((
                plan.objectives.get(oi)?,
                figures.progress.objectives.get(oi)?,
            ))
        });
        // Which indicators the page shows, by position, before any bar is made: an objective
        // may have thousands.
        let indicator_count = figures_of.map_or(0, |(_, f)| f.indicators.len());
        let pages = indicator_count.div_ceil(INDICATORS_PER_PAGE).max(1);
        let page = view.chart_page.min(pages - 1);
        let shown: Vec<usize> = match (view.slide_order, figures_of) {
            (SlideOrder::LowestFirst, Some((_, f))) => {
                let mut order: Vec<(usize, Status, Option<Decimal>)> = f
                    .indicators
                    .iter()
                    .enumerate()
                    .map(|(i, fi)| (i, fi.status, fi.progress()))
                    .collect();
                // As on the slides: measured by avance, then not reported, then the rest.
                order.sort_by_key(|(_, status, value)| match (status, value) {
                    (Status::Measured, Some(v)) => (0, *v),
                    (Status::NotReported, _) => (1, Decimal::ZERO),
                    (Status::NotProgrammed, _) => (3, Decimal::ZERO),
                    _ => (2, Decimal::ZERO),
                });
                order
                    .into_iter()
                    .skip(page * INDICATORS_PER_PAGE)
                    .take(INDICATORS_PER_PAGE)
                    .map(|(i, _, _)| i)
                    .collect()
            }
            _ => (page * INDICATORS_PER_PAGE..indicator_count)
                .take(INDICATORS_PER_PAGE)
                .collect(),
        };
        let indicators = figures_of
            .map(|(o, f)| {
                let mut page_rows: Vec<_> = o
                    .indicators()
                    .enumerate()
                    .filter(|(i, _)| shown.contains(i))
                    .collect();
                // In the order asked for.
                page_rows.sort_by_key(|(i, _)| shown.iter().position(|s| s == i));
                page_rows
                    .into_iter()
                    .map(|(i, (meta, indicator))| {
                        let fi = &f.indicators[i];
                        BarData {
                            label: indicator_label(&meta.code, indicator),
                            detail: indicator.name.clone(),
                            value: fi.progress(),
                            weight: fi.weight,
                            light: light(fi.progress()),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let trend = selected
            .filter(|oi| *oi < plan.objectives.len())
            .map(|oi| {
                figures
                    .trend(plan, oi)
                    .into_iter()
                    .map(|p| TrendBar {
                        cut: p.cut,
                        light: light(p.progress),
                        value: p.progress,
                        year_end: p.year_end,
                    })
                    .collect()
            })
            .unwrap_or_default();
        Self {
            cut_label: plan.cut.date(),
            objectives,
            no_progress,
            selected_objective: selected
                .and_then(|oi| plan.objectives.get(oi))
                .map(|o| o.number),
            indicators,
            page,
            pages,
            indicator_count,
            trend,
            lights: thresholds,
        }
    }
}
