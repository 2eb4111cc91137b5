//! The figures on screen, computed once per change of the plan or of the cut, and after an edit
//! only for the objective it touched.

use crate::model::forecast::{PlanForecast, objective_forecast};
use std::cell::RefCell;

use crate::model::progress::{TrendPoint, objective_progress, objective_trend};
use crate::model::validation::{
    Finding, FindingCounts, Severity, objective_findings, plan_findings,
};
use crate::model::{Cut, Plan, PlanProgress};

/// When each part of a plan last changed, as the open document counts its revisions.
#[derive(Clone, Copy, Debug)]
pub struct Revisions<'a> {
    /// The last change beyond one objective (the whole plan, its own fields).
    pub plan: u64,
    /// The last change of each objective, by index.
    pub objectives: &'a [u64],
}

/// What the engine computed for the screen: the open plan's figures and findings at the view's
/// cut. After an edit only the objective it touched is computed again.
pub struct Computed {
    pub progress: PlanProgress,
    /// What remains and where the pace leads, at the same cut.
    pub forecast: PlanForecast,
    pub findings: Findings,
    cut: Cut,
    /// The revisions the figures are those of.
    plan_revision: u64,
    objective_revisions: Vec<u64>,
    /// Grows whenever a figure here is recomputed: what is drawn from them can be kept until
    /// it changes.
    generation: u64,
    /// The last objective's trend asked for (its index and points), computed once per change:
    /// it is the objective's progress at up to eight cuts, too costly for every frame.
    trend: RefCell<Option<(usize, Vec<TrendPoint>)>>,
}

impl Computed {
    /// Every figure and finding of `plan` at `cut`, as of `revisions`.
    pub fn new(plan: &Plan, revisions: Revisions<'_>, cut: Cut) -> Self {
        let progress = PlanProgress::compute(plan, cut);
        let objectives = progress
            .objectives
            .iter()
            .enumerate()
            .map(|(index, figures)| objective_findings(plan, index, cut, figures))
            .collect();
        Self {
            forecast: PlanForecast::compute(plan, &progress),
            progress,
            findings: Findings::new(plan_findings(plan), objectives),
            cut,
            plan_revision: revisions.plan,
            objective_revisions: revisions.objectives.to_vec(),
            generation: 0,
            trend: RefCell::new(None),
        }
    }

    /// Brings the figures up to `revisions` at `cut`: only the objectives changed since are
    /// computed again (all of them for another cut or a change beyond one objective). Whether
    /// anything was recomputed.
    pub fn update(&mut self, plan: &Plan, revisions: Revisions<'_>, cut: Cut) -> bool {
        let whole = cut != self.cut
            || revisions.plan != self.plan_revision
            || revisions.objectives.len() != self.objective_revisions.len()
            || plan.objectives.len() != self.progress.objectives.len();
        if whole {
            let generation = self.generation + 1;
            *self = Self::new(plan, revisions, cut);
            self.generation = generation;
            return true;
        }
        let mut changed = false;
        for (index, (seen, now)) in self
            .objective_revisions
            .iter_mut()
            .zip(revisions.objectives)
            .enumerate()
        {
            if seen == now {
                continue;
            }
            *seen = *now;
            changed = true;
            let figures = objective_progress(&plan.objectives[index], cut, &plan.settings);
            self.findings
                .replace(index, objective_findings(plan, index, cut, &figures));
            self.forecast.objectives[index] =
                objective_forecast(&plan.objectives[index], &figures, cut, &plan.settings);
            self.progress.objectives[index] = figures;
        }
        if changed {
            self.generation += 1;
            self.trend.replace(None);
        }
        changed
    }

    /// The trend of the objective at `index` of `plan` (the plan these figures are of) at
    /// their cut: [`objective_trend`], kept until a figure changes.
    pub fn trend(&self, plan: &Plan, index: usize) -> Vec<TrendPoint> {
        if let Some((kept, points)) = &*self.trend.borrow()
            && *kept == index
        {
            return points.clone();
        }
        let Some(objective) = plan.objectives.get(index) else {
            return Vec::new();
        };
        let points = objective_trend(objective, plan.period, self.cut, &plan.settings);
        self.trend.replace(Some((index, points.clone())));
        points
    }

    /// Every figure of another plan (a document opened or made), keeping the generation
    /// growing so nothing drawn from the previous plan's figures is taken for these.
    pub fn replace(&mut self, plan: &Plan, revisions: Revisions<'_>, cut: Cut) {
        let generation = self.generation + 1;
        *self = Self::new(plan, revisions, cut);
        self.generation = generation;
    }

    /// A number that grows whenever a figure here changes.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// The findings at the view's cut, errors first, then warnings, each in plan order; kept per
/// objective so an edit recomputes only its objective's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    /// The plan's own findings, then each objective's (each list errors first).
    parts: Vec<Vec<Finding>>,
    /// How many errors each part starts with.
    errors: Vec<usize>,
    counts: FindingCounts,
}

impl Findings {
    /// The plan's own findings and each objective's, each list errors first.
    pub fn new(plan: Vec<Finding>, objectives: Vec<Vec<Finding>>) -> Self {
        let mut findings = Self {
            parts: std::iter::once(plan).chain(objectives).collect(),
            ..Self::default()
        };
        findings.count();
        findings
    }

    fn count(&mut self) {
        self.errors = self
            .parts
            .iter()
            .map(|part| {
                part.iter()
                    .take_while(|f| f.severity() == Severity::Error)
                    .count()
            })
            .collect();
        let errors = self.errors.iter().sum();
        let all: usize = self.parts.iter().map(Vec::len).sum();
        self.counts = FindingCounts {
            errors,
            warnings: all - errors,
        };
    }

    /// Puts in the findings of the objective at `index`.
    fn replace(&mut self, index: usize, findings: Vec<Finding>) {
        if let Some(part) = self.parts.get_mut(index + 1) {
            *part = findings;
            self.count();
        }
    }

    /// How many errors and warnings.
    pub fn counts(&self) -> FindingCounts {
        self.counts
    }

    /// How many findings.
    pub fn len(&self) -> usize {
        self.counts.errors + self.counts.warnings
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `index`-th finding, errors first.
    pub fn get(&self, index: usize) -> Option<&Finding> {
        let mut left = index;
        for (part, errors) in self.parts.iter().zip(&self.errors) {
            if left < *errors {
                return part.get(left);
            }
            left -= errors;
        }
        for (part, errors) in self.parts.iter().zip(&self.errors) {
            let warnings = part.len() - errors;
            if left < warnings {
                return part.get(errors + left);
            }
            left -= warnings;
        }
        None
    }

    /// Every finding, errors first, then warnings, each in plan order.
    pub fn iter(&self) -> impl Iterator<Item = &Finding> {
        let errors = self
            .parts
            .iter()
            .zip(&self.errors)
            .flat_map(|(part, n)| &part[..*n]);
        let warnings = self
            .parts
            .iter()
            .zip(&self.errors)
            .flat_map(|(part, n)| &part[*n..]);
        errors.chain(warnings)
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = Box<dyn Iterator<Item = &'a Finding> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}
