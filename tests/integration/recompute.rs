//! After an edit the window recomputes only the objective it touched: the figures, forecast and
//! findings it keeps must equal a whole computation of the edited plan.

use avance::io::seed_plan;
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::forecast::PlanForecast;
use avance::model::validation::{Finding, FindingCounts, validate_at};
use avance::model::{Cut, PlanProgress, Quarter};
use avance::view::computed::{Computed, Revisions};
use rust_decimal::Decimal;

#[test]
fn an_edit_recomputes_its_objective_and_gives_what_a_whole_computation_gives() {
    let mut plan = seed_plan();
    let cut = Cut::new(2022, Quarter::ALL[0]);
    let mut revisions = vec![0; plan.objectives.len()];
    let mut computed = Computed::new(
        &plan,
        Revisions {
            plan: 0,
            objectives: &revisions,
        },
        cut,
    );
    for (step, value) in [(1, "0.10"), (2, "19"), (3, "")].into_iter() {
        let at = IndicatorPath {
            objective: 2,
            meta: 1,
            indicator: 0,
        };
        plan.apply(Edit::Figure {
            at,
            vigencia: 2022,
            figure: Figure::Executed(Quarter::ALL[0]),
            value: value.parse::<Decimal>().ok(),
        })
        .unwrap();
        revisions[2] = step;
        let now = Revisions {
            plan: 0,
            objectives: &revisions,
        };
        assert!(computed.update(&plan, now, cut));
        assert!(!computed.update(&plan, now, cut), "nothing more to do");
        let whole = PlanProgress::compute(&plan, cut);
        assert_eq!(
            computed.forecast,
            PlanForecast::compute(&plan, &whole),
            "the forecast follows the edit"
        );
        assert_eq!(computed.progress, whole);
        let all: Vec<Finding> = computed.findings.iter().cloned().collect();
        assert_eq!(all, validate_at(&plan, cut));
        let by_index: Vec<Finding> = (0..computed.findings.len())
            .map(|i| computed.findings.get(i).unwrap().clone())
            .collect();
        assert_eq!(by_index, all);
        assert_eq!(computed.findings.counts(), FindingCounts::of(&all));
    }
}
