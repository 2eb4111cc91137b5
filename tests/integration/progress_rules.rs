//! The progress engine, rule by rule (DOMAIN.md).

use std::str::FromStr;

use avance::model::format::fixed2;
use avance::model::progress::{
    executed_at_cut, indicator_progress, objective_progress, programmed_total,
};
use avance::model::validation::{Problem, validate};
use avance::model::{
    Annualization, Cut, Fraction, Indicator, Meta, Objective, Period, Plan, Quarter, Settings,
    Status, TrafficLight, TrafficLights,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn cut(vigencia: u16, quarter: u8) -> Cut {
    Cut::new(vigencia, Quarter::new(quarter).unwrap())
}

/// An indicator of `kind` programmed `programmed` in 2022 with the given quarters reported.
fn indicator(kind: Annualization, programmed: &str, quarters: &[(u8, &str)]) -> Indicator {
    let mut indicator = Indicator {
        code: Some("100".into()),
        name: "Indicador de prueba".into(),
        annualization: kind,
        ..Indicator::default()
    };
    let year = indicator.year_mut(2022);
    year.weight = Some(d("100"));
    year.programmed = Some(d(programmed));
    for (q, value) in quarters {
        year.executed.insert(Quarter::new(*q).unwrap(), d(value));
    }
    indicator
}

/// Objective `number` with one meta holding `indicators`.
fn objective_with(number: u8, indicators: Vec<Indicator>) -> Objective {
    Objective {
        number,
        text: String::new(),
        metas: vec![Meta {
            code: "M".into(),
            name: String::new(),
            indicators,
        }],
    }
}

/// A 2020–2024 plan at the cut 2022-Q1 whose objective `number` holds `indicators` under one meta.
fn plan_with(number: u8, meta_code: &str, indicators: Vec<Indicator>) -> Plan {
    let mut plan = Plan::new(
        "Prueba",
        Period {
            first: 2020,
            last: 2024,
        },
    );
    plan.cut = cut(2022, 1);
    let objective = &mut plan.objectives[usize::from(number - 1)];
    objective.metas.push(Meta {
        code: meta_code.into(),
        name: String::new(),
        indicators,
    });
    plan
}

fn progress_at(indicator: &Indicator, at: Cut) -> Option<String> {
    indicator_progress(indicator, at, &Settings::default())
        .progress()
        .map(fixed2)
}

#[test]
fn suma_adds_the_quarters_up_to_the_cut() {
    let i = indicator(
        Annualization::Suma,
        "100",
        &[(1, "10"), (2, "20"), (3, "30"), (4, "40")],
    );
    assert_eq!(executed_at_cut(&i, cut(2022, 1)), Ok(Some(d("10"))));
    assert_eq!(executed_at_cut(&i, cut(2022, 3)), Ok(Some(d("60"))));
    assert_eq!(progress_at(&i, cut(2022, 3)).as_deref(), Some("60.00"));
    assert_eq!(progress_at(&i, cut(2022, 4)).as_deref(), Some("100.00"));
}

#[test]
fn a_missing_quarter_is_not_reported_and_a_reported_zero_is_zero() {
    let gap = indicator(Annualization::Suma, "100", &[(1, "10"), (3, "30")]);
    assert_eq!(executed_at_cut(&gap, cut(2022, 2)), Ok(Some(d("10"))));
    assert_eq!(executed_at_cut(&gap, cut(2022, 3)), Ok(Some(d("40"))));

    let nothing = indicator(Annualization::Suma, "100", &[]);
    let figures = indicator_progress(&nothing, cut(2022, 1), &Settings::default());
    assert_eq!(figures.status, Status::NotReported);
    assert_eq!(figures.executed, None);
    assert_eq!(figures.progress(), None);
    assert_eq!(figures.counted, Some(Fraction::zero()));

    let zero = indicator(Annualization::Suma, "100", &[(1, "0")]);
    let figures = indicator_progress(&zero, cut(2022, 1), &Settings::default());
    assert_eq!(figures.status, Status::Measured);
    assert_eq!(figures.progress(), Some(Decimal::ZERO));
}

#[test]
fn creciente_and_constante_take_the_last_reported_quarter() {
    for kind in [Annualization::Creciente, Annualization::Constante] {
        let i = indicator(kind, "80", &[(1, "20"), (2, "40")]);
        assert_eq!(
            executed_at_cut(&i, cut(2022, 1)),
            Ok(Some(d("20"))),
            "{kind:?}"
        );
        assert_eq!(
            executed_at_cut(&i, cut(2022, 2)),
            Ok(Some(d("40"))),
            "{kind:?}"
        );
        // Q3 not reported: the level stays the last reported one, no quarter is invented.
        assert_eq!(
            executed_at_cut(&i, cut(2022, 3)),
            Ok(Some(d("40"))),
            "{kind:?}"
        );
        assert_eq!(
            progress_at(&i, cut(2022, 4)).as_deref(),
            Some("50.00"),
            "{kind:?}"
        );
    }
}

#[test]
fn decreciente_measures_from_its_baseline() {
    // From 100 errors down to 60: reaching 80 is half the planned reduction.
    let mut i = indicator(Annualization::Decreciente, "60", &[(1, "80")]);
    i.baseline = Some(d("100"));
    assert_eq!(progress_at(&i, cut(2022, 1)).as_deref(), Some("50.00"));
    i.year_mut(2022)
        .executed
        .insert(Quarter::new(2).unwrap(), d("50"));
    assert_eq!(progress_at(&i, cut(2022, 2)).as_deref(), Some("125.00"));
}

#[test]
fn decreciente_without_baseline_is_an_error_not_a_guess() {
    let i = indicator(Annualization::Decreciente, "60", &[(1, "80")]);
    let figures = indicator_progress(&i, cut(2022, 1), &Settings::default());
    assert_eq!(figures.status, Status::MissingBaseline);
    assert_eq!(figures.progress(), None);

    let plan = plan_with(1, "META 1", vec![i]);
    let progress = objective_progress(&plan.objectives[0], plan.cut, &plan.settings);
    assert_eq!(
        progress.progress(),
        None,
        "the objective cannot be computed"
    );
    let findings = validate(&plan);
    let error = findings
        .iter()
        .find(|f| f.problem == Problem::MissingBaseline)
        .expect("an error");
    assert_eq!(
        error.message(avance::model::Language::Es),
        "Objetivo 1 · indicador 100 · línea base: un indicador decreciente necesita línea base para calcular su avance"
    );
}

#[test]
fn real_progress_is_kept_and_the_rollup_caps_it_at_100() {
    let over = indicator(Annualization::Suma, "10", &[(1, "11")]);
    let under = indicator(Annualization::Suma, "10", &[(1, "5")]);
    let figures = indicator_progress(&over, cut(2022, 1), &Settings::default());
    assert_eq!(figures.progress(), Some(d("110")));
    assert_eq!(figures.counted, Some(Fraction::from(d("100"))));
    assert!(figures.is_capped());

    let mut objective = objective_with(1, vec![over, under]);
    for i in &mut objective.metas[0].indicators {
        i.year_mut(2022).weight = Some(d("50"));
    }
    let capped = objective_progress(&objective, cut(2022, 1), &Settings::default());
    assert_eq!(capped.progress(), Some(d("75")));

    let uncapped_settings = Settings {
        cap_in_rollup: false,
        ..Settings::default()
    };
    let uncapped = objective_progress(&objective, cut(2022, 1), &uncapped_settings);
    assert_eq!(uncapped.progress(), Some(d("80")));
    assert!(!uncapped.indicators[0].is_capped());
}

#[test]
fn a_not_programmed_indicator_takes_no_part() {
    let measured = indicator(Annualization::Suma, "10", &[(1, "5")]);
    let mut zero = indicator(Annualization::Suma, "0", &[(1, "5")]);
    zero.year_mut(2022).weight = Some(d("30"));
    let mut empty = indicator(Annualization::Suma, "1", &[]);
    empty.year_mut(2022).programmed = None;
    let objective = objective_with(2, vec![measured, zero, empty]);
    let figures = objective_progress(&objective, cut(2022, 1), &Settings::default());
    assert_eq!(figures.indicators[1].status, Status::NotProgrammed);
    assert_eq!(figures.indicators[1].progress(), None);
    assert_eq!(figures.indicators[2].status, Status::NotProgrammed);
    assert_eq!(
        figures.weights_total,
        Some(d("100")),
        "only the programmed weight counts"
    );
    assert_eq!(figures.progress(), Some(d("50")));
}

#[test]
fn an_objective_with_no_programmed_indicator_has_no_progress() {
    let mut i = indicator(Annualization::Suma, "0", &[]);
    i.year_mut(2022).weight = None;
    let objective = objective_with(4, vec![i]);
    let figures = objective_progress(&objective, cut(2022, 1), &Settings::default());
    assert_eq!(figures.progress(), None);
    assert_eq!(figures.weights_total, Some(Decimal::ZERO));
    assert!(
        figures.weights_add_up(),
        "nothing programmed, nothing to add up"
    );
}

#[test]
fn programmed_total_follows_the_type() {
    let mut i = indicator(Annualization::Suma, "1", &[]);
    for (v, p) in [
        (2020, "0"),
        (2021, "1"),
        (2022, "1"),
        (2023, "1"),
        (2024, "0"),
    ] {
        i.year_mut(v).programmed = Some(d(p));
    }
    let period = Period {
        first: 2020,
        last: 2024,
    };
    assert_eq!(programmed_total(&i, period), Some(d("3")));
    i.annualization = Annualization::Creciente;
    assert_eq!(
        programmed_total(&i, period),
        Some(d("1")),
        "the last programmed vigencia"
    );
    for (v, p) in [
        (2020, "5"),
        (2021, "20"),
        (2022, "55"),
        (2023, "90"),
        (2024, "100"),
    ] {
        i.year_mut(v).programmed = Some(d(p));
    }
    assert_eq!(programmed_total(&i, period), Some(d("100")));
    i.annualization = Annualization::Constante;
    for v in 2020..=2024 {
        i.year_mut(v).programmed = Some(d("80"));
    }
    assert_eq!(programmed_total(&i, period), Some(d("80")));
    assert_eq!(programmed_total(&Indicator::default(), period), None);
}

#[test]
fn huge_figures_give_a_status_not_a_panic() {
    let i = indicator(
        Annualization::Suma,
        "0.0000000000000000000000000001",
        &[(1, "79228162514264337593543950335")],
    );
    let figures = indicator_progress(&i, cut(2022, 1), &Settings::default());
    assert_eq!(figures.status, Status::OutOfRange);
    let sum = indicator(
        Annualization::Suma,
        "1",
        &[
            (1, "79228162514264337593543950335"),
            (2, "79228162514264337593543950335"),
        ],
    );
    assert_eq!(
        indicator_progress(&sum, cut(2022, 2), &Settings::default()).status,
        Status::OutOfRange
    );
}

#[test]
fn traffic_lights_follow_the_thresholds() {
    let t = TrafficLights::default();
    assert_eq!(TrafficLight::of(d("49.99"), &t), TrafficLight::Red);
    assert_eq!(TrafficLight::of(d("50"), &t), TrafficLight::Yellow);
    assert_eq!(TrafficLight::of(d("75"), &t), TrafficLight::Green);
    assert_eq!(TrafficLight::of(d("125"), &t), TrafficLight::Green);
    assert_eq!(TrafficLight::of(d("125.01"), &t), TrafficLight::Orange);
}

#[test]
fn validation_names_objective_indicator_and_field() {
    let mut a = indicator(Annualization::Suma, "-5", &[(1, "1"), (2, "3")]);
    a.declared_total = Some(d("7"));
    let b = indicator(Annualization::Suma, "10", &[(1, "1")]);
    let mut plan = plan_with(2, "META 9", vec![a, b]);
    let messages: Vec<String> = validate(&plan)
        .iter()
        .map(|f| f.message(avance::model::Language::En))
        .collect();
    let expect = [
        "Objective 2 · indicator 100 · code: code 100 is repeated in the objective",
        "Objective 2 · indicator 100 · programming 2022: programming cannot be negative (-5.00)",
        "Objective 2 · indicator 100 · executed 2022 Q2: has a value for 30/06/2022, after the cut 31/03/2022: it does not count in the figures at that cut",
        "Objective 2 · indicator 100 · total programming: the published total programming is 7.00 but the annualization type gives -5.00",
        "Objective 2 · weight 2022: the weights of 2022 add up to 200.00%, not 100%; the average divides by their real sum",
        "Objective 2 · indicator 100 · comment 2022 Q1: progress of 10.00% at the cut with no comment: the committee will ask why",
    ];
    for want in expect {
        assert!(
            messages.iter().any(|m| m == want),
            "missing «{want}» in {messages:#?}"
        );
    }
    plan.cut = cut(2026, 1);
    assert!(
        validate(&plan)
            .iter()
            .any(|f| matches!(f.problem, Problem::CutOutsidePeriod(..)))
    );
}

#[test]
fn the_objective_average_is_exact_and_only_then_rounded() {
    // 30 × (5/6 × 100) + 70 × 1,25 over 100 is exactly 25,875 → 25,88 (a 28-digit
    // intermediate gives 25,8749… → 25,87).
    let mut a = indicator(Annualization::Suma, "6", &[(1, "5")]);
    a.year_mut(2022).weight = Some(d("30"));
    let mut b = indicator(Annualization::Suma, "100", &[(1, "1.25")]);
    b.year_mut(2022).weight = Some(d("70"));
    let objective = objective_with(1, vec![a, b]);
    let figures = objective_progress(&objective, cut(2022, 1), &Settings::default());
    assert_eq!(figures.progress().map(fixed2).as_deref(), Some("25.88"));
    assert_eq!(
        figures.indicators[0].progress().map(fixed2).as_deref(),
        Some("83.33")
    );
}

#[test]
fn in_the_rollup_a_negative_avance_counts_0_and_is_marked_floored() {
    // From 100 down to 60 planned; the level went up to 108: −20 % of the planned reduction.
    let mut worse = indicator(Annualization::Decreciente, "60", &[(1, "108")]);
    worse.baseline = Some(d("100"));
    worse.year_mut(2022).weight = Some(d("50"));
    let mut half = indicator(Annualization::Suma, "10", &[(1, "5")]);
    half.year_mut(2022).weight = Some(d("50"));
    let objective = objective_with(1, vec![worse, half]);
    let figures = objective_progress(&objective, cut(2022, 1), &Settings::default());
    let worse = &figures.indicators[0];
    assert_eq!(worse.progress(), Some(d("-20")), "the real value is shown");
    assert_eq!(worse.counted, Some(Fraction::zero()), "it counts 0");
    assert!(worse.is_floored());
    assert!(!worse.is_capped());
    assert!(!figures.indicators[1].is_floored());
    assert_eq!(figures.progress().map(fixed2).as_deref(), Some("25.00"));
    // Without the cap the floor still holds.
    let no_cap = Settings {
        cap_in_rollup: false,
        ..Settings::default()
    };
    let figures = objective_progress(&objective, cut(2022, 1), &no_cap);
    assert_eq!(figures.progress().map(fixed2).as_deref(), Some("25.00"));
}

#[test]
fn an_objective_without_an_average_says_why() {
    use avance::model::NoAverage;
    use avance::model::validation::no_average_reason;
    let es = avance::model::Language::Es;
    let nothing = objective_with(4, vec![indicator(Annualization::Suma, "0", &[])]);
    let figures = objective_progress(&nothing, cut(2022, 1), &Settings::default());
    assert_eq!(figures.average, Err(NoAverage::NothingProgrammed));
    assert_eq!(
        no_average_reason(&nothing, NoAverage::NothingProgrammed, 2022, es),
        "sin indicadores programados en 2022"
    );

    let ok = indicator(Annualization::Suma, "10", &[(1, "5")]);
    let mut no_base = indicator(Annualization::Decreciente, "60", &[(1, "80")]);
    no_base.code = Some("777".into());
    let blocked = objective_with(2, vec![ok, no_base]);
    let figures = objective_progress(&blocked, cut(2022, 1), &Settings::default());
    let reason = figures.average.clone().unwrap_err();
    assert_eq!(
        reason,
        NoAverage::IndicatorBlocks {
            index: 1,
            status: Status::MissingBaseline
        }
    );
    assert_eq!(
        no_average_reason(&blocked, reason, 2022, es),
        "al indicador 777 (decreciente) le falta la línea base"
    );

    let mut zero_weights = indicator(Annualization::Suma, "10", &[(1, "5")]);
    zero_weights.year_mut(2022).weight = Some(d("0"));
    let zero = objective_with(3, vec![zero_weights]);
    let figures = objective_progress(&zero, cut(2022, 1), &Settings::default());
    assert_eq!(figures.average, Err(NoAverage::WeightsAddUpToZero));
}

#[test]
fn the_new_warnings_name_the_indicator_and_the_field() {
    // 100: suma, T1 reported, T2 (the cut) not; a negative value in T1.
    let gap = indicator(Annualization::Suma, "10", &[(1, "-2")]);
    // 200: not programmed in 2022 but with execution.
    let mut unprogrammed = indicator(Annualization::Suma, "0", &[(1, "3")]);
    unprogrammed.code = Some("200".into());
    unprogrammed.year_mut(2022).weight = None;
    // 300: constante programmed 80 then 90.
    let mut constante = indicator(Annualization::Constante, "80", &[(2, "80")]);
    constante.code = Some("300".into());
    constante.year_mut(2023).programmed = Some(d("90"));
    let mut plan = plan_with(2, "META 9", vec![gap, unprogrammed, constante]);
    plan.cut = cut(2022, 2);
    let messages: Vec<String> = validate(&plan)
        .iter()
        .map(|f| f.message(avance::model::Language::Es))
        .collect();
    for want in [
        "Objetivo 2 · indicador 100 · ejecutado 2022 T2: el T2 no está reportado y el T1 sí: el avance usa lo reportado hasta el T1",
        "Objetivo 2 · indicador 100 · ejecutado 2022 T1: la magnitud ejecutada es negativa (-2,00)",
        "Objetivo 2 · indicador 200 · ejecutado 2022 T1: tiene ejecución reportada pero no está programado en 2022: esa ejecución no cuenta",
        "Objetivo 2 · indicador 300 · programación 2023: es constante pero su programación cambia: 80,00 en 2022 y 90,00 en 2023",
    ] {
        assert!(
            messages.iter().any(|m| m == want),
            "missing «{want}» in {messages:#?}"
        );
    }
    assert!(
        !messages
            .iter()
            .any(|m| m.contains("indicador 300 · ejecutado 2022 T2")
                && m.contains("no está reportado")),
        "300 reported its cut quarter"
    );
}

#[test]
fn a_value_after_the_cut_names_the_cut_the_figures_are_read_at() {
    use avance::model::validation::validate_at;
    let i = indicator(Annualization::Suma, "10", &[(1, "1"), (3, "3")]);
    let plan = plan_with(1, "M", vec![i]);
    let at_plan_cut: Vec<String> = validate(&plan)
        .iter()
        .map(|f| f.message(avance::model::Language::Es))
        .collect();
    assert!(
        at_plan_cut.iter().any(|m| m
            == "Objetivo 1 · indicador 100 · ejecutado 2022 T3: tiene un valor al 30/09/2022, posterior al corte 31/03/2022: no cuenta en las cifras a ese corte"),
        "{at_plan_cut:#?}"
    );
    // Read at the third quarter (the cut on screen), the value counts and nothing is said.
    let at_q3 = validate_at(&plan, cut(2022, 3));
    assert!(
        !at_q3
            .iter()
            .any(|f| matches!(f.problem, Problem::ValueAfterCut { .. })),
        "{at_q3:#?}"
    );
}

#[test]
fn a_weight_at_the_edge_of_the_decimal_range_is_reported_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extremo.ron");
    let mut plan = avance::io::seed_plan();
    let at = plan.indicator_paths(2)[0];
    plan.apply(avance::model::edit::Edit::Figure {
        at,
        vigencia: 2022,
        figure: avance::model::edit::Figure::Weight,
        value: Some(d("-79228162514264337593543950335")),
    })
    .unwrap();
    avance::io::plan_file::save(&plan, &path).unwrap();
    let path = path.to_str().unwrap();
    for args in [
        vec!["report", path],
        vec!["report", path, "--format", "json"],
        vec!["report", path, "--format", "csv"],
        vec!["validate", path],
    ] {
        let (code, out, err) = crate::avance(&args);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(code == 0 || code == 1, "{args:?}: exit {code}: {err}");
        assert!(!out.is_empty(), "{args:?}");
    }
    let (_, out, _) = crate::avance(&["validate", path]);
    assert!(
        out.contains("la ponderación no puede ser negativa"),
        "{out}"
    );
}

#[test]
fn the_report_says_why_an_objective_has_no_progress() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    let (_, text, _) = crate::avance(&["report", path]);
    assert!(
        text.contains("Objetivo 1: — (sin indicadores programados en 2022)"),
        "{text}"
    );
    let (_, json, _) = crate::avance(&["report", path, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let first = &report["objectives"][0];
    assert_eq!(first["progress"], serde_json::Value::Null);
    assert_eq!(first["no_progress"]["reason"], "nothing_programmed");
    assert_eq!(
        report["objectives"][1]["no_progress"],
        serde_json::Value::Null
    );
}
