//! The figures on screen, computed once per change of the plan or of the cut.

use crate::model::forecast::PlanForecast;
use crate::model::validation::{Finding, validate_at};
use crate::model::{Cut, Plan, PlanProgress};

/// What the engine computed for the screen: the open plan's figures and findings at the view's
/// cut, recomputed only when the plan (its revision) or the cut change.
pub struct Computed {
    pub progress: PlanProgress,
    /// What remains and where the pace leads, at the same cut.
    pub forecast: PlanForecast,
    pub findings: Vec<Finding>,
    key: (u64, Cut),
}

impl Computed {
    /// Every figure and finding of `plan` (at `revision`) at `cut`.
    pub fn new(plan: &Plan, revision: u64, cut: Cut) -> Self {
        let progress = PlanProgress::compute(plan, cut);
        Self {
            forecast: PlanForecast::compute(plan, &progress),
            progress,
            findings: validate_at(plan, cut),
            key: (revision, cut),
        }
    }

    /// Whether these figures are those of `revision` at `cut`.
    pub fn is_current(&self, revision: u64, cut: Cut) -> bool {
        self.key == (revision, cut)
    }
}
