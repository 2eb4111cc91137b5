//! Archivo → Comparar con…: the open plan compared with another plan file, kept up to date
//! while the open plan changes, and where each difference is in the open plan.

use crate::model::diff::{PlanDiff, Target};
use crate::model::{Cut, Language, Plan};
use crate::tr;

use super::action::Action;
use super::grid::CellId;
use super::state::Selection;

/// Which way the differences read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    /// From the open plan (A) to the other file (B): what the other file changed.
    #[default]
    OpenToOther,
    /// From the other file (A) to the open plan (B): what the open plan changed.
    OtherToOpen,
}

/// The comparison shown beside the plan.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The other plan's file name, as shown.
    pub other_name: String,
    pub other: Plan,
    pub reading: Reading,
    /// The differences, A → B as `reading` says, at `cut`.
    pub diff: PlanDiff,
    /// The open plan's revision, the cut and the reading the differences were computed for.
    computed_for: (u64, Cut, Reading),
}

impl Comparison {
    /// The comparison of the open plan (at `revision`) with `other`, read at `cut`.
    pub fn new(other_name: String, other: Plan, open: &Plan, revision: u64, cut: Cut) -> Self {
        let reading = Reading::default();
        Self {
            diff: diff(open, &other, reading, cut),
            other_name,
            other,
            reading,
            computed_for: (revision, cut, reading),
        }
    }

    /// Computes the differences again when the open plan, the cut or the reading changed.
    pub fn refresh(&mut self, open: &Plan, revision: u64, cut: Cut) {
        let key = (revision, cut, self.reading);
        if self.computed_for != key {
            self.diff = diff(open, &self.other, self.reading, cut);
            self.computed_for = key;
        }
    }

    /// The names of A and B: "este plan" and the other file's name, in the reading's order.
    pub fn names(&self, language: Language) -> (String, String) {
        let open = tr!(language, "compare-this-plan");
        match self.reading {
            Reading::OpenToOther => (open, self.other_name.clone()),
            Reading::OtherToOpen => (self.other_name.clone(), open),
        }
    }

    /// Reads the differences the other way round (computed at the next refresh).
    pub fn swap(&mut self) {
        self.reading = match self.reading {
            Reading::OpenToOther => Reading::OtherToOpen,
            Reading::OtherToOpen => Reading::OpenToOther,
        };
    }

    /// Where the open plan shows the difference `index`.
    pub fn target_in_open(&self, index: usize) -> Option<Target> {
        let change = self.diff.changes.get(index)?;
        Some(match self.reading {
            Reading::OpenToOther => change.in_a,
            Reading::OtherToOpen => change.in_b,
        })
    }
}

fn diff(open: &Plan, other: &Plan, reading: Reading, cut: Cut) -> PlanDiff {
    match reading {
        Reading::OpenToOther => PlanDiff::new(open, other, cut),
        Reading::OtherToOpen => PlanDiff::new(other, open, cut),
    }
}

/// What going to a place of the open plan asks for: a figure's cell focused, a comment's box
/// opened, an indicator, meta, objective or the plan selected.
pub fn go_to(target: Target) -> Action {
    match target {
        Target::Field { at, field } => match (field.figure(), field) {
            (Some((vigencia, figure)), _) => {
                Action::FocusCell(CellId::figure(at, vigencia, figure))
            }
            (None, crate::model::validation::Field::Comment(vigencia, quarter)) => {
                Action::EditComment {
                    at,
                    vigencia,
                    quarter,
                }
            }
            (None, _) => Action::Select(Selection::Indicator(at)),
        },
        Target::Indicator(at) => Action::Select(Selection::Indicator(at)),
        Target::Meta { objective, meta } => Action::Select(Selection::Meta { objective, meta }),
        Target::Objective(objective) => Action::Select(Selection::Objective(objective)),
        Target::Plan => Action::Select(Selection::Plan),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::edit::{Figure, IndicatorPath};
    use crate::model::validation::Field;
    use crate::model::{Quarter, Vigencia};

    fn plan() -> Plan {
        let mut plan = Plan::new(
            "x",
            crate::model::Period {
                first: 2022,
                last: 2023,
            },
        );
        plan.objectives[0].metas.push(crate::model::Meta {
            code: "M".to_owned(),
            name: String::new(),
            indicators: vec![crate::model::Indicator {
                code: Some("1".to_owned()),
                ..Default::default()
            }],
        });
        plan
    }

    const AT: IndicatorPath = IndicatorPath {
        objective: 0,
        meta: 0,
        indicator: 0,
    };

    fn cell(vigencia: Vigencia, figure: Figure) -> Action {
        Action::FocusCell(CellId::figure(AT, vigencia, figure))
    }

    #[test]
    fn a_figure_goes_to_its_cell_and_a_comment_to_its_box() {
        let q2 = Quarter::new(2).unwrap();
        let field = |field| go_to(Target::Field { at: AT, field });
        assert_eq!(field(Field::Weight(2022)), cell(2022, Figure::Weight));
        assert_eq!(
            field(Field::Executed(2023, q2)),
            cell(2023, Figure::Executed(q2))
        );
        assert_eq!(
            field(Field::Comment(2023, q2)),
            Action::EditComment {
                at: AT,
                vigencia: 2023,
                quarter: q2
            }
        );
        assert_eq!(
            field(Field::Baseline),
            Action::Select(Selection::Indicator(AT))
        );
        assert_eq!(go_to(Target::Plan), Action::Select(Selection::Plan));
    }

    #[test]
    fn the_differences_follow_the_open_plan_and_the_reading() {
        let open = plan();
        let mut other = open.clone();
        other.objectives[0].metas[0].indicators[0]
            .year_mut(2022)
            .weight = Some(rust_decimal::Decimal::ONE);
        let cut = open.cut;
        let mut comparison = Comparison::new("otro.ron".to_owned(), other.clone(), &open, 0, cut);
        assert_eq!(comparison.diff.changes.len(), 1);
        assert_eq!(
            comparison.diff.changes[0].message(Language::Es),
            "Objetivo 1 · indicador 1 · ponderación 2022: (vacío) → 1,00"
        );
        comparison.swap();
        comparison.refresh(&open, 0, cut);
        assert_eq!(
            comparison.names(Language::Es),
            ("otro.ron".to_owned(), "este plan".to_owned())
        );
        assert_eq!(
            comparison.diff.changes[0].message(Language::Es),
            "Objetivo 1 · indicador 1 · ponderación 2022: 1,00 → (vacío)"
        );
        assert_eq!(
            comparison.target_in_open(0),
            Some(Target::Field {
                at: AT,
                field: Field::Weight(2022)
            })
        );
        // The open plan catches up: no difference left.
        comparison.refresh(&other, 1, cut);
        assert!(comparison.diff.is_identical());
    }
}
