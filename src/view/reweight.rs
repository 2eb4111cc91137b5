//! The *Ajustar ponderaciones…* dialog's state: which objective and vigencia, equal weights or
//! not, and the core's proposal ([`crate::model::reweight`]) laid out beside the current
//! weights, one row per indicator. The rule is the core's; this only holds what is on screen.

use crate::model::edit::Edit;
use crate::model::reweight::{self, Basis, Proposal};
use crate::model::validation::indicator_label;
use crate::model::{Language, Plan, Vigencia};

/// One row of the dialog: the indicator and its weight now and as proposed, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReweightRow {
    /// The code, or "N/A (meta)", and the name.
    pub indicator: String,
    pub current: String,
    pub proposed: String,
    pub changes: bool,
}

/// What the dialog shows and the officer chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reweighting {
    /// The objective's index in the plan.
    pub objective: usize,
    pub vigencia: Vigencia,
    pub equal: bool,
    /// The objectives to choose from: index and number.
    pub objectives: Vec<(usize, u8)>,
    /// The plan's vigencias.
    pub vigencias: Vec<Vigencia>,
    /// Where the weights come from, in words.
    pub source: String,
    pub rows: Vec<ReweightRow>,
    /// The totals of the programmed indicators, now and proposed (`None`: no programmed one).
    pub totals: Option<(String, String)>,
    /// The edits that apply the proposal (empty: nothing changes).
    pub edits: Vec<Edit>,
}

impl Reweighting {
    /// The dialog for the objective at index `objective` (the first when there is no such
    /// objective) and `vigencia`.
    pub fn new(plan: &Plan, objective: usize, vigencia: Vigencia, language: Language) -> Self {
        let mut dialog = Self {
            objective: objective.min(plan.objectives.len().saturating_sub(1)),
            vigencia,
            equal: false,
            objectives: plan
                .objectives
                .iter()
                .enumerate()
                .map(|(i, o)| (i, o.number))
                .collect(),
            vigencias: plan.period.vigencias().collect(),
            source: String::new(),
            rows: Vec::new(),
            totals: None,
            edits: Vec::new(),
        };
        dialog.refresh(plan, language);
        dialog
    }

    /// The proposal again, for the objective, vigencia and basis chosen now.
    pub fn refresh(&mut self, plan: &Plan, language: Language) {
        let basis = if self.equal {
            Basis::Equal
        } else {
            Basis::KeepProportions
        };
        let Some(proposal) = reweight::propose(plan, self.objective, self.vigencia, basis) else {
            self.rows.clear();
            self.edits.clear();
            self.totals = None;
            return;
        };
        self.source = proposal.source.text(self.vigencia, language);
        self.rows = rows(plan, &proposal, language);
        self.totals = proposal.proposed_total().map(|proposed| {
            let current = proposal.current_total().map_or_else(
                || crate::tr!(language, "reweight-empty"),
                |total| crate::model::format::number(total, language),
            );
            (current, crate::model::format::number(proposed, language))
        });
        self.edits = proposal.edits();
    }

    /// The number of the objective chosen.
    pub fn objective_number(&self) -> u8 {
        self.objectives
            .iter()
            .find(|(i, _)| *i == self.objective)
            .map_or(0, |(_, n)| *n)
    }
}

/// A row per indicator of the proposal, in plan order.
fn rows(plan: &Plan, proposal: &Proposal, language: Language) -> Vec<ReweightRow> {
    proposal
        .weights
        .iter()
        .filter_map(|weight| {
            let meta = plan
                .objectives
                .get(weight.at.objective)?
                .metas
                .get(weight.at.meta)?;
            let indicator = meta.indicators.get(weight.at.indicator)?;
            Some(ReweightRow {
                indicator: format!(
                    "{} · {}",
                    indicator_label(&meta.code, indicator),
                    indicator.name
                ),
                current: weight.current_text(language),
                proposed: weight.proposed_text(language),
                changes: weight.changes(),
            })
        })
        .collect()
}
