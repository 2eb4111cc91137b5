//! The forecast to the vigencia's end, on cases computed by hand.

use std::str::FromStr;

use avance_core::model::forecast::{IndicatorForecast, PlanForecast, indicator_forecast};
use avance_core::model::progress::{indicator_progress, objective_progress};
use avance_core::model::{
    Annualization, Cut, Indicator, Meta, Objective, Period, Plan, Quarter, Settings,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn cut(quarter: u8) -> Cut {
    Cut::new(2022, Quarter::new(quarter).unwrap())
}

fn indicator(kind: Annualization, programmed: &str, quarters: &[(u8, &str)]) -> Indicator {
    let mut indicator = Indicator {
        code: Some("100".into()),
        name: "Prueba".into(),
        annualization: kind,
        ..Indicator::default()
    };
    let year = indicator.year_mut(2022);
    year.weight = Some(d("50"));
    year.programmed = Some(d(programmed));
    for (q, v) in quarters {
        year.executed.insert(Quarter::new(*q).unwrap(), d(v));
    }
    indicator
}

fn forecast(indicator: &Indicator, at: Cut) -> IndicatorForecast {
    let figures = indicator_progress(indicator, at, &Settings::default());
    indicator_forecast(indicator, &figures, at, &Settings::default())
}

fn shown(value: Option<Decimal>) -> Option<String> {
    value.map(avance_core::model::format::fixed2)
}

#[test]
fn suma_remains_the_programming_less_the_sum_and_projects_the_quarterly_average() {
    let i = indicator(Annualization::Suma, "100", &[(1, "10"), (2, "25")]);
    let f = forecast(&i, cut(2));
    assert_eq!(shown(f.remaining_shown()).as_deref(), Some("65.00"));
    assert_eq!(f.quarters_left, 2);
    assert_eq!(shown(f.per_quarter_shown()).as_deref(), Some("32.50"));
    assert_eq!(shown(f.projected_shown()).as_deref(), Some("70.00"));
}

#[test]
fn creciente_projects_a_line_from_the_start_level_through_the_last_report() {
    let mut i = indicator(Annualization::Creciente, "80", &[(1, "50"), (2, "60")]);
    i.year_mut(2021)
        .executed
        .insert(Quarter::new(4).unwrap(), d("40"));
    let f = forecast(&i, cut(2));
    assert_eq!(shown(f.remaining_shown()).as_deref(), Some("20.00"));
    assert_eq!(f.per_quarter, None, "only suma spreads what remains");
    // From 40 to 60 in two quarters: 80 by the fourth, 100 %.
    assert_eq!(shown(f.projected_shown()).as_deref(), Some("100.00"));

    // Without a report last vigencia, its programmed level is the start; without that, 0.
    let mut i = indicator(Annualization::Creciente, "80", &[(2, "60")]);
    i.year_mut(2021).programmed = Some(d("30"));
    assert_eq!(
        shown(forecast(&i, cut(2)).projected_shown()).as_deref(),
        Some("112.50")
    );
    let i = indicator(Annualization::Creciente, "80", &[(2, "60")]);
    assert_eq!(
        shown(forecast(&i, cut(2)).projected_shown()).as_deref(),
        Some("150.00")
    );
}

#[test]
fn constante_and_decreciente_project_the_last_report() {
    let i = indicator(Annualization::Constante, "50", &[(1, "45")]);
    let f = forecast(&i, cut(1));
    assert_eq!(shown(f.remaining_shown()).as_deref(), Some("5.00"));
    assert_eq!(shown(f.projected_shown()).as_deref(), Some("90.00"));

    // From 100 down to 60 planned; at 80 it must still come down 20.
    let mut i = indicator(Annualization::Decreciente, "60", &[(1, "80")]);
    i.baseline = Some(d("100"));
    let f = forecast(&i, cut(1));
    assert_eq!(shown(f.remaining_shown()).as_deref(), Some("20.00"));
    assert_eq!(shown(f.projected_shown()).as_deref(), Some("50.00"));
    // Reached: nothing remains.
    let mut i = indicator(Annualization::Decreciente, "60", &[(1, "55")]);
    i.baseline = Some(d("100"));
    assert_eq!(
        shown(forecast(&i, cut(1)).remaining_shown()).as_deref(),
        Some("0.00")
    );
}

#[test]
fn at_the_fourth_quarter_no_quarter_is_left_and_not_programmed_has_no_forecast() {
    let i = indicator(
        Annualization::Suma,
        "100",
        &[(1, "10"), (2, "25"), (4, "15")],
    );
    let f = forecast(&i, cut(4));
    assert_eq!(f.quarters_left, 0);
    assert_eq!(f.per_quarter, None);
    assert_eq!(shown(f.remaining_shown()).as_deref(), Some("50.00"));
    assert_eq!(
        shown(f.projected_shown()).as_deref(),
        Some("50.00"),
        "the year is the sum"
    );

    let none = indicator(Annualization::Suma, "0", &[(1, "3")]);
    let f = forecast(&none, cut(2));
    assert_eq!(
        (f.remaining, f.projected, f.projected_counted),
        (None, None, None)
    );
}

#[test]
fn the_objective_projects_the_weighted_average_within_the_cap_and_the_floor() {
    let suma = indicator(Annualization::Suma, "100", &[(1, "10"), (2, "25")]); // 70 %
    let mut over = indicator(Annualization::Constante, "10", &[(2, "12")]); // 120 % → 100
    over.code = Some("200".into());
    let mut plan = Plan::new(
        "Prueba",
        Period {
            first: 2020,
            last: 2024,
        },
    );
    plan.cut = cut(2);
    plan.objectives[0] = Objective {
        number: 1,
        text: String::new(),
        metas: vec![Meta {
            code: "M".into(),
            name: String::new(),
            indicators: vec![suma, over],
        }],
    };
    let progress = avance_core::model::PlanProgress::compute(&plan, plan.cut);
    let forecast = PlanForecast::compute(&plan, &progress);
    let objective = forecast.objective(1).unwrap();
    assert_eq!(
        shown(objective.indicators[1].projected_shown()).as_deref(),
        Some("120.00"),
        "the real projection is shown"
    );
    assert_eq!(shown(objective.projected_shown()).as_deref(), Some("85.00"));
    assert!(
        forecast.objective(2).unwrap().projected.is_err(),
        "nothing programmed"
    );
    // The same rules as the roll-up: the weights' real sum, each within 0 % and the cap.
    let now = objective_progress(&plan.objectives[0], plan.cut, &plan.settings);
    assert_eq!(shown(now.progress()).as_deref(), Some("67.50"));
}
