//! What the committee slides show, apart from drawing them: the plan's slide (its objectives
//! against the 100 % target, a page per [`OBJECTIVES_PER_PLAN_PAGE`], and how many indicators
//! of each kind the plan has), then one slide per objective — a page of it when it has
//! more indicators than fit — with its figure, its indicators, its quarterly trend and the
//! comments of the indicators under the red threshold. The window (F5) and the briefing pack
//! (`avance slides`) draw the same [`Slide`]s with the same code.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::charts::{AXIS_MAX, AXIS_MIN};
use crate::model::forecast::objective_forecast;
use crate::model::progress::{NoAverage, TrendPoint, objective_trend};
use crate::model::validation::{indicator_label, no_average_reason};
use crate::model::{
    Cut, IndicatorProgress, Language, ObjectiveProgress, Plan, PlanProgress, Quarter, Status,
    TrafficLight, TrafficLights,
};

/// The slide drawn while presenting, kept until what it shows may differ: the figures'
/// generation, the slide's position, the order and the language ([`SlideShown::key`]).
#[derive(Clone, Debug)]
pub struct SlideShown {
    pub key: (u64, usize, SlideOrder, Language),
    pub slide: Option<std::sync::Arc<Slide>>,
}

/// How many indicators one slide shows; an objective with more gets more pages.
pub const INDICATORS_PER_PAGE: usize = 15;

/// How many objectives the plan's slide shows; a plan with more gets more pages of it.
pub const OBJECTIVES_PER_PLAN_PAGE: usize = 10;

/// How long after a digit key a second one makes a two-digit objective number, in seconds.
pub const SECOND_DIGIT_SECONDS: f64 = 1.0;

/// A digit key pressed while presenting, remembered for a second one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypedDigit {
    pub digit: u8,
    /// When it was pressed (egui's input time, in seconds).
    pub at: f64,
}

/// The objective a digit key goes to while presenting, as on a television's remote: 1–9 go to
/// objectives 1–9 and 0 to objective 10, at once; a second digit within
/// [`SECOND_DIGIT_SECONDS`] after a 1 or a 2 makes a two-digit number (1 then 2: objective 12)
/// when the plan has that objective. Returns the objective's number and what to remember for
/// the next key.
pub fn objective_for_digit(
    previous: Option<TypedDigit>,
    digit: u8,
    now: f64,
    exists: impl Fn(u8) -> bool,
) -> (u8, Option<TypedDigit>) {
    if let Some(first) = previous
        && (1..=2).contains(&first.digit)
        && (0.0..=SECOND_DIGIT_SECONDS).contains(&(now - first.at))
    {
        let number = first.digit * 10 + digit;
        if exists(number) {
            return (number, None);
        }
    }
    let number = if digit == 0 { 10 } else { digit };
    (number, Some(TypedDigit { digit, at: now }))
}

/// The order of the indicators on an objective's slides.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SlideOrder {
    /// As in the plan.
    #[default]
    Plan,
    /// Lowest avance first (those not programmed last), so the committee starts with what lags.
    LowestFirst,
}

impl SlideOrder {
    /// The other order.
    pub fn toggled(self) -> Self {
        match self {
            SlideOrder::Plan => SlideOrder::LowestFirst,
            SlideOrder::LowestFirst => SlideOrder::Plan,
        }
    }
}

/// Which slide: a page of the plan's, or a page of an objective's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideKey {
    Plan {
        /// 0-based page.
        page: usize,
        pages: usize,
    },
    Objective {
        /// Index in `plan.objectives`.
        index: usize,
        /// 0-based page.
        page: usize,
        pages: usize,
    },
    /// The reasons of an objective's page that do not fit beside its bars, in full: "por qué
    /// (cont.)", after that page; `part` of `parts` (0-based).
    Reasons {
        index: usize,
        page: usize,
        part: usize,
        parts: usize,
    },
}

/// The slides of a plan, in order: the plan's pages, then each objective's pages, each followed
/// by its "por qué (cont.)" slides when its reasons do not fit beside its bars (which depends on
/// the figures at the cut, the comments and the indicators' order).
pub fn slide_keys(plan: &Plan, progress: &PlanProgress, order: SlideOrder) -> Vec<SlideKey> {
    let pages = plan
        .objectives
        .len()
        .div_ceil(OBJECTIVES_PER_PLAN_PAGE)
        .max(1);
    let mut keys: Vec<SlideKey> = (0..pages)
        .map(|page| SlideKey::Plan { page, pages })
        .collect();
    for (index, objective) in plan.objectives.iter().enumerate() {
        let pages = objective
            .indicator_count()
            .div_ceil(INDICATORS_PER_PAGE)
            .max(1);
        // The objective's bars are made once, then cut into its pages' reasons.
        let reasons = reasons_by_page(plan, progress, index, order);
        for page in 0..pages {
            keys.push(SlideKey::Objective { index, page, pages });
            let parts = reasons
                .get(page)
                .map_or(0, |low| continued_reasons(low).len());
            keys.extend((0..parts).map(|part| SlideKey::Reasons {
                index,
                page,
                part,
                parts,
            }));
        }
    }
    keys
}

/// The position of objective `number`'s first slide, if the plan has that objective.
pub fn first_slide_of_objective(
    plan: &Plan,
    progress: &PlanProgress,
    order: SlideOrder,
    number: u8,
) -> Option<usize> {
    let index = plan.objectives.iter().position(|o| o.number == number)?;
    slide_keys(plan, progress, order)
        .iter()
        .position(|k| matches!(k, SlideKey::Objective { index: i, page: 0, .. } if *i == index))
}

/// Where a chart's value axis starts and ends, in percent: from 0 (or down to the lowest
/// negative value, at most [`AXIS_MIN`]) to the 100 % target or the highest value, at most
/// [`AXIS_MAX`]: one outlier (2 750 %) is drawn to the edge with its figure written, and the
/// other bars keep their length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValueAxis {
    pub min: f64,
    pub max: f64,
}

impl ValueAxis {
    /// The axis that shows `values` (each rounded up to a tick of 25 %).
    pub fn for_values(values: impl IntoIterator<Item = Option<Decimal>>) -> Self {
        let (mut min, mut max) = (0.0_f64, 100.0_f64);
        for value in values.into_iter().flatten().filter_map(|v| v.to_f64()) {
            min = min.min(value);
            max = max.max(value);
        }
        let step = 25.0;
        Self {
            min: ((min.max(AXIS_MIN) / step).floor() * step).max(AXIS_MIN),
            max: ((max.min(AXIS_MAX) / step).ceil() * step).min(AXIS_MAX),
        }
    }

    /// The marks written along the axis: every 25 %.
    pub fn ticks(&self) -> Vec<f64> {
        let first = (self.min / 25.0).ceil() as i64;
        let last = (self.max / 25.0).floor() as i64;
        (first..=last).map(|k| k as f64 * 25.0).collect()
    }

    /// Where `value` falls along the axis, 0 at its start and 1 at its end (clamped).
    pub fn fraction(&self, value: f64) -> f32 {
        ((value - self.min) / (self.max - self.min)).clamp(0.0, 1.0) as f32
    }

    /// Whether `value` lies beyond either end (drawn to the edge, its figure written).
    pub fn beyond(&self, value: f64) -> bool {
        value > self.max || value < self.min
    }
}

/// One objective on the plan's slide.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveBar {
    pub number: u8,
    pub text: String,
    /// The objective's avance as shown; `None` writes "—" and [`Self::why_none`].
    pub value: Option<Decimal>,
    pub light: Option<TrafficLight>,
    /// Why there is no figure ("sin indicadores programados en 2022").
    pub why_none: Option<String>,
    /// How many of its programmed indicators have no report for the cut quarter.
    pub not_current: usize,
}

/// How the objective's average counts an indicator, when not at its real avance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// At its real avance.
    AsShown,
    /// Above the cap: counts the cap (100 %).
    Capped,
    /// Below 0 %: counts 0.
    Floored,
}

/// One indicator's bar on an objective's slide.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorBar {
    /// Its code as officers name it ("543", "N/A (META PROYECTO 4)").
    pub code: String,
    pub name: String,
    /// Ponderación in the cut's vigencia.
    pub weight: Option<Decimal>,
    /// Executed at the cut and programmed for the vigencia, as entered.
    pub executed: Option<Decimal>,
    pub programmed: Option<Decimal>,
    pub unit: String,
    /// The real avance as shown (110 % stays 110 %).
    pub value: Option<Decimal>,
    pub light: Option<TrafficLight>,
    pub counted: Counted,
    pub status: Status,
    /// The avance the vigencia would end with at the current pace (rounded as shown); `None`
    /// when the indicator takes no part or has no report yet.
    pub projected: Option<Decimal>,
    /// The quarter the figure stands at when the cut quarter has no report ("al T1"); `None`
    /// when it is current, not programmed, or nothing was reported.
    pub stands_at: Option<Quarter>,
}

/// An indicator under the red threshold and its officer's comment for the cut's quarter.
#[derive(Clone, Debug, PartialEq)]
pub struct LowIndicator {
    pub code: String,
    /// Its avance as shown; `None` when nothing was reported (it counts 0).
    pub value: Option<Decimal>,
    /// `None`: no comment ("sin comentario", in red).
    pub comment: Option<String>,
}

/// One point of the trend, with its light.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendBar {
    pub cut: Cut,
    pub value: Option<Decimal>,
    pub light: Option<TrafficLight>,
    /// An earlier vigencia's year-end.
    pub year_end: bool,
}

/// A page of the plan's slide.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanSlide {
    pub sector: String,
    /// This page's objectives.
    pub objectives: Vec<ObjectiveBar>,
    /// The same on every page: drawn from all the objectives.
    pub axis: ValueAxis,
    /// "Objetivos 11 a 20 de 20" when the plan's slide has more than one page.
    pub page_note: Option<String>,
    /// How many indicators of each kind the plan has: "Indicadores: 9 sectoriales · 0 de
    /// metas trazadoras · 1 de proyectos de inversión".
    pub kinds: String,
}

/// A page of an objective's slides.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveSlide {
    pub number: u8,
    pub text: String,
    pub value: Option<Decimal>,
    pub light: Option<TrafficLight>,
    pub why_none: Option<String>,
    /// The objective's projected avance at the vigencia's end at the current pace (the
    /// weighted average of the indicators' projections, within 0 % and the cap).
    pub projected: Option<Decimal>,
    /// How many of its programmed indicators (on every page) have no report for the cut quarter.
    pub not_current: usize,
    /// 0-based page and how many.
    pub page: usize,
    pub pages: usize,
    /// How many indicators the objective has (on every page).
    pub indicator_count: usize,
    /// This page's indicators.
    pub indicators: Vec<IndicatorBar>,
    pub axis: ValueAxis,
    /// The objective's progress at the earlier vigencias' year-end and each quarter up to the
    /// cut.
    pub trend: Vec<TrendBar>,
    pub trend_axis: ValueAxis,
    /// Why points of the trend have no figure: "2020 T4: sin ponderaciones asignadas en 2020
    /// (suman 0)", one per point without one, the same reason said once for consecutive points.
    pub trend_notes: Vec<String>,
    /// This page's indicators under the red threshold: those with a comment first (the
    /// committee reads the reasons before a slide runs out of room), then those without, each
    /// group in the page's order.
    pub low: Vec<LowIndicator>,
    /// Whether the reasons go on, in full, on the following "por qué (cont.)" slides.
    pub reasons_continue: bool,
}

/// What a slide shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SlideContent {
    Plan(PlanSlide),
    Objective(ObjectiveSlide),
    Reasons(ReasonsSlide),
}

/// "Objetivo 3 · Indicadores bajo 50 %: por qué (cont.)": the reasons of an objective's page
/// that do not fit beside its bars, in full, across the slide's width. A comment longer than a
/// slide goes on over the next, cut between words ("…" where it breaks).
#[derive(Clone, Debug, PartialEq)]
pub struct ReasonsSlide {
    /// The objective's number.
    pub number: u8,
    /// 0-based part and how many.
    pub part: usize,
    pub parts: usize,
    pub reasons: Vec<LowIndicator>,
}

/// One slide, as the window and the briefing pack draw it.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    pub key: SlideKey,
    /// 1-based position and how many slides there are.
    pub number: usize,
    pub count: usize,
    pub plan_title: String,
    pub cut: Cut,
    pub lights: TrafficLights,
    pub content: SlideContent,
}

impl Slide {
    /// Every slide of the plan at the figures' cut.
    pub fn deck(
        plan: &Plan,
        progress: &PlanProgress,
        order: SlideOrder,
        language: Language,
    ) -> Vec<Slide> {
        let keys = slide_keys(plan, progress, order);
        (0..keys.len())
            .filter_map(|i| Self::of_key(plan, progress, &keys, i, order, language))
            .collect()
    }

    /// The slide at `position` (0-based) of the plan at the figures' cut.
    pub fn at(
        plan: &Plan,
        progress: &PlanProgress,
        position: usize,
        order: SlideOrder,
        language: Language,
    ) -> Option<Slide> {
        let keys = slide_keys(plan, progress, order);
        Self::of_key(plan, progress, &keys, position, order, language)
    }

    /// The slide at `position` of `keys`.
    fn of_key(
        plan: &Plan,
        progress: &PlanProgress,
        keys: &[SlideKey],
        position: usize,
        order: SlideOrder,
        language: Language,
    ) -> Option<Slide> {
        let key = *keys.get(position)?;
        let content =
            match key {
                SlideKey::Plan { page, pages } => {
                    SlideContent::Plan(plan_slide(plan, progress, (page, pages), language))
                }
                SlideKey::Objective { index, page, pages } => SlideContent::Objective(
                    objective_slide(plan, progress, index, (page, pages), order, language)?,
                ),
                SlideKey::Reasons {
                    index,
                    page,
                    part,
                    parts,
                } => {
                    let low = reasons_by_page(plan, progress, index, order)
                        .into_iter()
                        .nth(page)?;
                    SlideContent::Reasons(ReasonsSlide {
                        number: plan.objectives.get(index)?.number,
                        part,
                        parts,
                        reasons: continued_reasons(&low).into_iter().nth(part)?,
                    })
                }
            };
        Some(Slide {
            key,
            number: position + 1,
            count: keys.len(),
            plan_title: plan.title.clone(),
            cut: progress.cut,
            lights: plan.settings.traffic_lights,
            content,
        })
    }

    /// The trend chart in words, for those who cannot see it (the PDF's alternative text):
    /// "Avance por trimestre: 2021 T4 30,00 %; 2022 T1 24,15 %." and why points have none.
    /// `None` on slides without one.
    pub fn chart_in_words(&self, language: Language) -> Option<String> {
        let SlideContent::Objective(o) = &self.content else {
            return None;
        };
        if o.indicator_count == 0 || o.trend.is_empty() {
            return None;
        }
        let points: Vec<String> = o
            .trend
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p.cut.label(language),
                    crate::model::format::percent_or_dash(p.value, language)
                )
            })
            .collect();
        // Why points have no figure, as the chart says under it.
        let notes: String = o.trend_notes.iter().map(|n| format!(" {n}")).collect();
        Some(format!(
            "{}: {}.{notes}",
            crate::tr!(language, "slide-trend-title"),
            points.join("; ")
        ))
    }

    /// The name of the slide's file in the briefing pack, without extension:
    /// `01-plan-2022T1`, `02-plan-p2-2022T1`, `02-objetivo-1-2022T1`,
    /// `04-objetivo-3-p2-2022T1`.
    pub fn file_stem(&self, language: Language) -> String {
        file_stem(self.number, self.shows(), self.cut, language)
    }

    /// What the slide shows, for its file name.
    fn shows(&self) -> Shows {
        match (self.key, &self.content) {
            (SlideKey::Plan { page, pages }, _) => Shows::Plan { page, pages },
            (_, SlideContent::Objective(o)) => Shows::Objective {
                number: o.number,
                page: o.page,
                pages: o.pages,
            },
            (_, SlideContent::Reasons(r)) => Shows::Reasons {
                number: r.number,
                part: r.part,
                parts: r.parts,
            },
            (_, SlideContent::Plan(_)) => Shows::Plan { page: 0, pages: 1 },
        }
    }
}

/// What a slide shows, as its file is named.
#[derive(Clone, Copy, Debug)]
enum Shows {
    Plan {
        page: usize,
        pages: usize,
    },
    Objective {
        number: u8,
        page: usize,
        pages: usize,
    },
    Reasons {
        number: u8,
        part: usize,
        parts: usize,
    },
}

/// The file names of a plan's slides in the briefing pack, without extension, in order (the
/// names [`Slide::file_stem`] gives), known before any slide is made.
pub fn file_stems(
    plan: &Plan,
    progress: &PlanProgress,
    order: SlideOrder,
    language: Language,
) -> Vec<String> {
    let cut = progress.cut;
    slide_keys(plan, progress, order)
        .iter()
        .enumerate()
        .map(|(position, key)| {
            let shows = match *key {
                SlideKey::Plan { page, pages } => Shows::Plan { page, pages },
                SlideKey::Objective { index, page, pages } => Shows::Objective {
                    number: plan.objectives.get(index).map_or(0, |o| o.number),
                    page,
                    pages,
                },
                SlideKey::Reasons {
                    index, part, parts, ..
                } => Shows::Reasons {
                    number: plan.objectives.get(index).map_or(0, |o| o.number),
                    part,
                    parts,
                },
            };
            file_stem(position + 1, shows, cut, language)
        })
        .collect()
}

/// `04-objetivo-3-p2-2022T1`: the slide's number, what it shows (a page of the plan's, or an
/// objective's number and its page of how many) and the cut.
fn file_stem(number: usize, shows: Shows, cut: Cut, language: Language) -> String {
    let what = match shows {
        Shows::Plan { page, pages } if pages > 1 => {
            crate::tr!(language, "slide-file-plan-page", page = page + 1)
        }
        Shows::Plan { .. } => crate::tr!(language, "slide-file-plan"),
        Shows::Objective {
            number: objective,
            page,
            pages,
        } if pages > 1 => crate::tr!(
            language,
            "slide-file-objective-page",
            number = objective,
            page = page + 1
        ),
        Shows::Objective {
            number: objective, ..
        } => {
            crate::tr!(language, "slide-file-objective", number = objective)
        }
        Shows::Reasons {
            number: objective,
            part,
            parts,
        } if parts > 1 => crate::tr!(
            language,
            "slide-file-reasons-part",
            number = objective,
            part = part + 1
        ),
        Shows::Reasons {
            number: objective, ..
        } => crate::tr!(language, "slide-file-reasons", number = objective),
    };
    format!("{number:02}-{what}-{}", cut.file_tag(language))
}

fn light_of(value: Option<Decimal>, lights: &TrafficLights) -> Option<TrafficLight> {
    value.map(|v| TrafficLight::of(v, lights))
}

fn why_none(
    plan: &Plan,
    index: usize,
    figures: &ObjectiveProgress,
    cut: Cut,
    language: Language,
) -> Option<String> {
    let reason = figures.average.as_ref().err()?;
    let objective = plan.objectives.get(index)?;
    Some(no_average_reason(
        objective,
        *reason,
        cut.vigencia,
        language,
    ))
}

fn plan_slide(
    plan: &Plan,
    progress: &PlanProgress,
    (page, pages): (usize, usize),
    language: Language,
) -> PlanSlide {
    let lights = plan.settings.traffic_lights;
    let all: Vec<ObjectiveBar> = plan
        .objectives
        .iter()
        .zip(&progress.objectives)
        .enumerate()
        .map(|(index, (objective, figures))| ObjectiveBar {
            number: objective.number,
            text: objective.text.clone(),
            value: figures.progress(),
            light: light_of(figures.progress(), &lights),
            why_none: why_none(plan, index, figures, progress.cut, language),
            not_current: figures.not_current_count(),
        })
        .collect();
    let axis = ValueAxis::for_values(all.iter().map(|o| o.value));
    let first = page * OBJECTIVES_PER_PLAN_PAGE;
    let objectives: Vec<ObjectiveBar> = all
        .into_iter()
        .skip(first)
        .take(OBJECTIVES_PER_PLAN_PAGE)
        .collect();
    let page_note = (pages > 1).then(|| {
        crate::tr!(
            language,
            "slide-plan-page",
            first = objectives.first().map_or(0, |o| o.number),
            last = objectives.last().map_or(0, |o| o.number),
            count = plan.objectives.len()
        )
    });
    PlanSlide {
        sector: plan.sector.clone(),
        axis,
        objectives,
        page_note,
        kinds: kinds_line(plan, language),
    }
}

/// How many indicators of each kind the plan has, in words: "Indicadores: 9 sectoriales · 0 de
/// metas trazadoras · 1 de proyectos de inversión".
pub fn kinds_line(plan: &Plan, language: Language) -> String {
    let [(_, sectorial), (_, trazadora), (_, proyecto)] = plan.kind_counts();
    crate::tr!(
        language,
        "slide-indicator-kinds",
        sectorial = sectorial,
        trazadora = trazadora,
        proyecto = proyecto
    )
}

fn counted(figures: &IndicatorProgress) -> Counted {
    if figures.is_capped() {
        Counted::Capped
    } else if figures.is_floored() {
        Counted::Floored
    } else {
        Counted::AsShown
    }
}

/// The low indicators with a comment first, then those without, each group in its order.
fn with_comments_first(low: Vec<LowIndicator>) -> Vec<LowIndicator> {
    let (mut commented, without): (Vec<_>, Vec<_>) =
        low.into_iter().partition(|l| l.comment.is_some());
    commented.extend(without);
    commented
}

/// Where an indicator goes when the lowest come first: measured ones by avance, then those not
/// reported (they count 0), then those that cannot be computed, then the ones not programmed.
fn lowest_first_key(bar: &IndicatorBar) -> (u8, Decimal) {
    match (bar.status, bar.value) {
        (Status::Measured, Some(v)) => (0, v),
        (Status::NotReported, _) => (1, Decimal::ZERO),
        (Status::NotProgrammed, _) => (3, Decimal::ZERO),
        _ => (2, Decimal::ZERO),
    }
}

/// An objective's indicator bars with each one's comment at the cut, in `order`.
fn objective_bars(
    plan: &Plan,
    progress: &PlanProgress,
    index: usize,
    forecast: &crate::model::forecast::ObjectiveForecast,
    order: SlideOrder,
) -> Option<Vec<(IndicatorBar, Option<String>)>> {
    let objective = plan.objectives.get(index)?;
    let figures = progress.objectives.get(index)?;
    let lights = plan.settings.traffic_lights;
    let cut = progress.cut;
    let mut bars: Vec<(IndicatorBar, Option<String>)> = objective
        .indicators()
        .zip(&figures.indicators)
        .zip(&forecast.indicators)
        .map(|(((meta, indicator), f), projection)| {
            let comment = indicator
                .year(cut.vigencia)
                .and_then(|y| y.comments.get(&cut.quarter))
                .filter(|c| !c.trim().is_empty())
                .cloned();
            let bar = IndicatorBar {
                code: indicator_label(&meta.code, indicator),
                name: indicator.name.clone(),
                weight: f.weight,
                executed: f.executed,
                programmed: f.programmed,
                unit: indicator.unit.clone(),
                value: f.progress(),
                light: light_of(f.progress(), &lights),
                counted: counted(f),
                status: f.status,
                projected: projection.projected_shown(),
                stands_at: f.currency.stands_at(),
            };
            (bar, comment)
        })
        .collect();
    if order == SlideOrder::LowestFirst {
        // A stable sort: equal figures keep the plan's order.
        bars.sort_by_key(|(bar, _)| lowest_first_key(bar));
    }
    Some(bars)
}

/// The bars of page `page` (0-based).
fn page_of(
    bars: Vec<(IndicatorBar, Option<String>)>,
    page: usize,
) -> Vec<(IndicatorBar, Option<String>)> {
    bars.into_iter()
        .skip(page * INDICATORS_PER_PAGE)
        .take(INDICATORS_PER_PAGE)
        .collect()
}

/// The page's indicators under the red threshold (or not reported), those with a comment first.
fn low_of(
    page_bars: &[(IndicatorBar, Option<String>)],
    lights: &TrafficLights,
) -> Vec<LowIndicator> {
    let low = page_bars
        .iter()
        .filter(|(bar, _)| match bar.status {
            Status::Measured => bar.value.is_some_and(|v| v < lights.red_below),
            Status::NotReported => true,
            _ => false,
        })
        .map(|(bar, comment)| LowIndicator {
            code: bar.code.clone(),
            value: bar.value,
            comment: comment.clone(),
        })
        .collect();
    with_comments_first(low)
}

/// The reasons of each page of an objective, as its slides list them (the objective's bars
/// made once).
fn reasons_by_page(
    plan: &Plan,
    progress: &PlanProgress,
    index: usize,
    order: SlideOrder,
) -> Vec<Vec<LowIndicator>> {
    let (Some(objective), Some(figures)) =
        (plan.objectives.get(index), progress.objectives.get(index))
    else {
        return Vec::new();
    };
    let forecast = objective_forecast(objective, figures, progress.cut, &plan.settings);
    let Some(bars) = objective_bars(plan, progress, index, &forecast, order) else {
        return Vec::new();
    };
    bars.chunks(INDICATORS_PER_PAGE)
        .map(|page| low_of(page, &plan.settings.traffic_lights))
        .collect()
}

/// How many rows of the objective slide's side its reasons may take, and about how many
/// characters a row holds there (28-point type): counted short, so that reasons said to fit
/// always fit whole beside the bars.
const SIDE_REASON_ROWS: usize = 5;
const SIDE_CHARS_PER_ROW: usize = 34;
/// The same on a "por qué (cont.)" slide, across its width.
const CONTINUED_REASON_ROWS: usize = 18;
const CONTINUED_CHARS_PER_ROW: usize = 120;

/// The rows a reason takes ("465 · 0,00 %: " and its comment, or "sin comentario").
fn reason_rows(reason: &LowIndicator, chars_per_row: usize) -> usize {
    let head = reason.code.chars().count() + 14;
    let comment = reason.comment.as_ref().map_or(16, |c| c.chars().count());
    (head + comment).div_ceil(chars_per_row).max(1)
}

/// The reasons of an objective's page over "por qué (cont.)" slides, when they do not all fit
/// beside its bars; none when they do. Every reason goes whole onto the first slide with room
/// for it; one longer than a slide is cut between words and goes on over the next ("…" at the
/// cut), so every word is said once.
pub fn continued_reasons(low: &[LowIndicator]) -> Vec<Vec<LowIndicator>> {
    let rows: usize = low
        .iter()
        .map(|reason| reason_rows(reason, SIDE_CHARS_PER_ROW))
        .sum();
    if rows <= SIDE_REASON_ROWS {
        return Vec::new();
    }
    let mut parts: Vec<Vec<LowIndicator>> = Vec::new();
    let mut part: Vec<LowIndicator> = Vec::new();
    let mut used = 0;
    for reason in low {
        let mut reason = reason.clone();
        loop {
            let left = CONTINUED_REASON_ROWS - used;
            let need = reason_rows(&reason, CONTINUED_CHARS_PER_ROW);
            if need <= left {
                used += need;
                part.push(reason);
                break;
            }
            if left >= 2
                && let Some((first, rest)) = split_reason(&reason, left)
            {
                part.push(first);
                reason = rest;
            } else if part.is_empty() {
                // No space to cut at (one endless word): a slide of its own, wrapped there.
                part.push(reason);
                used = CONTINUED_REASON_ROWS;
                break;
            }
            parts.extend((!part.is_empty()).then(|| std::mem::take(&mut part)));
            used = 0;
        }
    }
    parts.extend((!part.is_empty()).then_some(part));
    parts
}

/// A reason whose comment is longer than `rows` rows of a "por qué (cont.)" slide: the words
/// that fit, ending "…", and the rest, starting "…". `None` when not even a word fits.
fn split_reason(reason: &LowIndicator, rows: usize) -> Option<(LowIndicator, LowIndicator)> {
    let comment = reason.comment.as_ref()?;
    let budget = (rows * CONTINUED_CHARS_PER_ROW).saturating_sub(reason.code.chars().count() + 16);
    let cut = comment
        .char_indices()
        .take(budget)
        .filter(|(_, ch)| ch.is_whitespace())
        .map(|(at, _)| at)
        .last();
    let at = cut.filter(|at| *at > 0)?;
    let (first, rest) = comment.split_at(at);
    let piece = |text: String| LowIndicator {
        comment: Some(text),
        ..reason.clone()
    };
    Some((
        piece(format!("{}…", first.trim_end())),
        piece(format!("…{}", rest.trim_start())),
    ))
}

/// Why the trend has no figure at some cuts, one line per reason: "— 2021 T4, 2022 T1: …"
/// (points in a row with the same reason share a line).
fn trend_notes(
    objective: &crate::model::Objective,
    points: &[TrendPoint],
    language: Language,
) -> Vec<String> {
    let mut trend_notes: Vec<(Vec<String>, String)> = Vec::new();
    for point in points {
        let Some(reason) = point.no_average else {
            continue;
        };
        let name = point.cut.label(language);
        // The point names its vigencia: the common reasons are said without it, so points
        // with the same reason share one line.
        let why = match reason {
            NoAverage::NothingProgrammed => crate::tr!(language, "trend-nothing-programmed"),
            NoAverage::WeightsAddUpToZero => crate::tr!(language, "trend-weights-zero"),
            _ => no_average_reason(objective, reason, point.cut.vigencia, language),
        };
        match trend_notes.last_mut() {
            Some((names, last)) if *last == why => names.push(name),
            _ => trend_notes.push((vec![name], why)),
        }
    }
    trend_notes
        .into_iter()
        .map(|(names, why)| format!("— {}: {why}", names.join(", ")))
        .collect()
}

fn objective_slide(
    plan: &Plan,
    progress: &PlanProgress,
    index: usize,
    (page, pages): (usize, usize),
    order: SlideOrder,
    language: Language,
) -> Option<ObjectiveSlide> {
    let objective = plan.objectives.get(index)?;
    let figures = progress.objectives.get(index)?;
    let lights = plan.settings.traffic_lights;
    let cut = progress.cut;
    let forecast = objective_forecast(objective, figures, cut, &plan.settings);
    let bars = objective_bars(plan, progress, index, &forecast, order)?;
    let indicator_count = bars.len();
    let page_bars = page_of(bars, page);
    let low = low_of(&page_bars, &lights);
    let indicators: Vec<IndicatorBar> = page_bars.into_iter().map(|(bar, _)| bar).collect();
    let points = objective_trend(objective, plan.period, cut, &plan.settings);
    let trend_notes = trend_notes(objective, &points, language);
    let trend: Vec<TrendBar> = points
        .into_iter()
        .map(|p| TrendBar {
            cut: p.cut,
            value: p.progress,
            light: light_of(p.progress, &lights),
            year_end: p.year_end,
        })
        .collect();
    Some(ObjectiveSlide {
        number: objective.number,
        text: objective.text.clone(),
        value: figures.progress(),
        light: light_of(figures.progress(), &lights),
        why_none: why_none(plan, index, figures, cut, language),
        projected: forecast.projected_shown(),
        not_current: figures.not_current_count(),
        page,
        pages,
        indicator_count,
        // The axis reaches the projections above (up to its 150 % end), never below 0 for
        // them: a falling projection waits at 0 with its figure written.
        axis: ValueAxis::for_values(
            indicators
                .iter()
                .flat_map(|b| [b.value, b.projected.map(|p| p.max(Decimal::ZERO))]),
        ),
        indicators,
        trend_axis: ValueAxis::for_values(trend.iter().map(|t| t.value)),
        trend,
        trend_notes,
        reasons_continue: !continued_reasons(&low).is_empty(),
        low,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_axis_stops_at_150_and_starts_at_0_without_negatives() {
        let d = |v: i64| Some(Decimal::from(v));
        let axis = ValueAxis::for_values([d(50), d(2750), None]);
        assert_eq!((axis.min, axis.max), (0.0, 150.0));
        assert!(axis.beyond(2750.0));
        assert_eq!(axis.fraction(75.0), 0.5);
        assert_eq!(ValueAxis::for_values([d(20)]).max, 100.0);
        assert_eq!(ValueAxis::for_values([d(110)]).max, 125.0);
        assert_eq!(ValueAxis::for_values([d(-20)]).min, -25.0);
        assert_eq!(ValueAxis::for_values([d(-900)]).min, AXIS_MIN);
        assert_eq!(ValueAxis::for_values([d(110)]).ticks().len(), 6);
    }

    #[test]
    fn an_objective_gets_a_page_per_15_indicators_and_one_without_any() {
        let mut plan = Plan::new(
            "t",
            crate::model::Period {
                first: 2022,
                last: 2022,
            },
        );
        plan.objectives[1].metas.push(crate::model::Meta {
            code: "M".into(),
            name: String::new(),
            indicators: vec![crate::model::Indicator::default(); 31],
        });
        let keys = slide_keys(
            &plan,
            &PlanProgress::compute(&plan, plan.cut),
            SlideOrder::Plan,
        );
        // The plan, objective 1, objective 2's three pages, objectives 3 to 5.
        assert_eq!(keys.len(), 1 + 1 + 3 + 3);
        assert_eq!(
            first_slide_of_objective(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan,
                3
            ),
            Some(5)
        );
        assert_eq!(
            first_slide_of_objective(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan,
                9
            ),
            None
        );
    }

    #[test]
    fn the_plans_slide_gets_a_page_per_10_objectives() {
        let period = crate::model::Period {
            first: 2022,
            last: 2022,
        };
        let count_plan_pages = |plan: &Plan| {
            slide_keys(
                plan,
                &PlanProgress::compute(plan, plan.cut),
                SlideOrder::Plan,
            )
            .iter()
            .filter(|k| matches!(k, SlideKey::Plan { .. }))
            .count()
        };
        assert_eq!(count_plan_pages(&Plan::with_objectives("t", period, 10)), 1);
        let plan = Plan::with_objectives("t", period, 12);
        assert_eq!(count_plan_pages(&plan), 2);
        assert_eq!(
            slide_keys(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan
            )
            .len(),
            2 + 12
        );
        assert_eq!(
            first_slide_of_objective(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan,
                1
            ),
            Some(2)
        );
        assert_eq!(
            first_slide_of_objective(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan,
                12
            ),
            Some(13)
        );
        let progress = PlanProgress::compute(&plan, plan.cut);
        let second = Slide::at(&plan, &progress, 1, SlideOrder::Plan, Language::Es).unwrap();
        let SlideContent::Plan(page) = &second.content else {
            panic!("the plan's second page");
        };
        let numbers: Vec<u8> = page.objectives.iter().map(|o| o.number).collect();
        assert_eq!(numbers, vec![11, 12]);
        assert_eq!(page.page_note.as_deref(), Some("Objetivos 11 a 12 de 12"));
        assert_eq!(second.file_stem(Language::Es), "02-plan-p2-2022T1");
        assert_eq!(
            file_stems(
                &plan,
                &PlanProgress::compute(&plan, plan.cut),
                SlideOrder::Plan,
                Language::Es
            )[..3],
            [
                "01-plan-p1-2022T1",
                "02-plan-p2-2022T1",
                "03-objetivo-1-2022T1"
            ]
        );
    }

    #[test]
    fn digits_reach_objectives_1_to_9_then_10_and_beyond_as_on_a_remote() {
        let twelve = |n: u8| (1..=12).contains(&n);
        let (first, typed) = objective_for_digit(None, 1, 10.0, twelve);
        assert_eq!(first, 1, "the first digit goes at once");
        assert_eq!(objective_for_digit(typed, 2, 10.5, twelve).0, 12);
        assert_eq!(objective_for_digit(typed, 2, 11.5, twelve).0, 2, "too late");
        assert_eq!(
            objective_for_digit(typed, 5, 10.5, twelve).0,
            5,
            "no objective 15"
        );
        assert_eq!(objective_for_digit(None, 0, 10.0, twelve).0, 10);
        assert_eq!(objective_for_digit(typed, 0, 10.2, twelve).0, 10);
        let (seven, after) = objective_for_digit(None, 7, 10.0, twelve);
        assert_eq!(seven, 7);
        assert_eq!(
            objective_for_digit(after, 1, 10.1, twelve).0,
            1,
            "7 then 1 is 1"
        );
        let (_, after_12) = objective_for_digit(typed, 2, 10.5, twelve);
        assert_eq!(after_12, None, "a two-digit number starts afresh");
    }
}
