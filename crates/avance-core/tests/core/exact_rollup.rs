//! The roll-up against an oracle of exact fractions written here, and extreme figures through
//! every path (load → validate → compute → report → export) without a panic.

use std::path::Path;

use avance_core::io::{export, plan_file, report};
use avance_core::model::progress::objective_progress;
use avance_core::model::validation::validate_at;
use avance_core::model::{
    Annualization, Cut, Indicator, Language, Meta, Objective, Period, Plan, PlanProgress, Quarter,
    Settings,
};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every case is read at 31/03/2022.
fn cut_q1() -> Cut {
    Cut::new(2022, Quarter::new(1).unwrap())
}

/// One generated indicator: type, weight, programmed, executed at Q1 (if reported), baseline.
#[derive(Clone, Debug)]
struct Case {
    kind: Annualization,
    weight: Decimal,
    programmed: Decimal,
    executed: Option<Decimal>,
    baseline: Decimal,
}

fn rational(d: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(d.mantissa()),
        BigInt::from(10u8).pow(d.scale()),
    )
}

/// The oracle: DOMAIN.md's weighted average, in fractions, rounded half away from zero to
/// hundredths. `None` when nothing is programmed.
fn oracle(cases: &[Case], cap: bool) -> Option<String> {
    let hundred = BigRational::from_integer(BigInt::from(100));
    let mut weighted = BigRational::zero();
    let mut weights = BigRational::zero();
    let mut any = false;
    for case in cases.iter().filter(|c| !c.programmed.is_zero()) {
        any = true;
        let counted = match case.executed {
            None => BigRational::zero(),
            Some(executed) => {
                let real = if case.kind == Annualization::Decreciente {
                    (rational(case.baseline) - rational(executed)) * &hundred
                        / (rational(case.baseline) - rational(case.programmed))
                } else {
                    rational(executed) * &hundred / rational(case.programmed)
                };
                let floored = real.max(BigRational::zero());
                if cap {
                    floored.min(hundred.clone())
                } else {
                    floored
                }
            }
        };
        weighted += rational(case.weight) * counted;
        weights += rational(case.weight);
    }
    if !any {
        return None;
    }
    let average = weighted / weights;
    // Half away from zero, by hand: floor(|x| × 100 + 1/2), sign put back.
    let scaled = average.abs() * &hundred + BigRational::new(BigInt::from(1), BigInt::from(2));
    let hundredths = scaled.floor().to_integer();
    let sign = if average.is_negative() && !hundredths.is_zero() {
        "-"
    } else {
        ""
    };
    let units = &hundredths / BigInt::from(100);
    let cents = (&hundredths % BigInt::from(100)).to_u32().unwrap();
    Some(format!("{sign}{units}.{cents:02}"))
}

fn objective_of(cases: &[Case]) -> Objective {
    let indicators = cases
        .iter()
        .enumerate()
        .map(|(n, case)| {
            let mut indicator = Indicator {
                code: Some(format!("{}", 100 + n)),
                name: format!("Indicador {n}"),
                annualization: case.kind,
                baseline: (case.kind == Annualization::Decreciente).then_some(case.baseline),
                ..Indicator::default()
            };
            let year = indicator.year_mut(2022);
            year.weight = Some(case.weight);
            year.programmed = Some(case.programmed);
            if let Some(executed) = case.executed {
                year.executed.insert(cut_q1().quarter, executed);
            }
            indicator
        })
        .collect();
    Objective {
        number: 1,
        text: "Objetivo de prueba".into(),
        metas: vec![Meta {
            code: "META 1".into(),
            name: String::new(),
            indicators,
        }],
    }
}

fn engine(cases: &[Case], cap: bool) -> Option<String> {
    let settings = Settings {
        cap_in_rollup: cap,
        ..Settings::default()
    };
    objective_progress(&objective_of(cases), cut_q1(), &settings)
        .progress()
        .map(avance_core::model::format::fixed2)
}

/// Computed with repeating decimals (÷3, ÷6, ÷7) and halves, eighths, fifths that land on
/// hundredth midpoints.
fn figure(values: &'static [&'static str]) -> impl Strategy<Value = Decimal> {
    proptest::sample::select(values).prop_map(|s| s.parse::<Decimal>().unwrap())
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::sample::select(&Annualization::ALL[..]),
        figure(&[
            "10", "20", "25", "30", "70", "12.5", "3", "28.33", "31.34", "0.01",
        ]),
        figure(&[
            "1", "3", "6", "7", "8", "24", "55", "100", "0.8", "0", "12.5",
        ]),
        proptest::option::of(figure(&[
            "0", "0.5", "1", "1.25", "2", "5", "6", "19", "27.5", "35.2", "-2", "110", "0.125",
        ])),
        figure(&["150", "200", "9", "-4"]),
    )
        .prop_map(|(kind, weight, programmed, executed, baseline)| Case {
            kind,
            weight,
            programmed,
            executed,
            baseline,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn the_rollup_equals_the_fraction_oracle(cases in prop::collection::vec(case(), 1..6), cap in any::<bool>()) {
        prop_assert_eq!(engine(&cases, cap), oracle(&cases, cap));
    }
}

#[test]
fn every_midpoint_of_two_indicators_rounds_like_the_oracle() {
    // Weights w and 100 − w, avances a/b × 100 and c: many averages land exactly on x,xx5.
    let mut midpoints = 0;
    for w in [
        "6", "12", "18", "21", "24", "30", "35", "42", "60", "70", "84", "90", "12.5",
    ] {
        for (executed, programmed) in [("5", "6"), ("1", "3"), ("2", "3"), ("1", "6"), ("5", "7")] {
            for c in [
                "1.25", "0.125", "2.375", "0.875", "15.625", "3.5", "0.05", "0.15", "7.5", "0.25",
            ] {
                let w: Decimal = w.parse().unwrap();
                let cases = [
                    Case {
                        kind: Annualization::Suma,
                        weight: w,
                        programmed: programmed.parse().unwrap(),
                        executed: Some(executed.parse().unwrap()),
                        baseline: Decimal::ZERO,
                    },
                    Case {
                        kind: Annualization::Suma,
                        weight: Decimal::ONE_HUNDRED - w,
                        programmed: "100".parse().unwrap(),
                        executed: Some(c.parse().unwrap()),
                        baseline: Decimal::ZERO,
                    },
                ];
                let want = oracle(&cases, true);
                // Count the exact midpoints: the average × 1000 is a whole number ending in 5.
                let exact = (rational(w) * rational(executed.parse().unwrap()) * BigInt::from(100)
                    / rational(programmed.parse().unwrap())
                    + rational(Decimal::ONE_HUNDRED - w) * rational(c.parse().unwrap()))
                    / BigInt::from(100)
                    * BigInt::from(1000);
                if exact.is_integer() && (exact.to_integer() % 10) == BigInt::from(5) {
                    midpoints += 1;
                }
                assert_eq!(
                    engine(&cases, true),
                    want,
                    "w {w}, {executed}/{programmed}, {c}"
                );
            }
        }
    }
    assert!(
        midpoints >= 80,
        "the table must exercise midpoints ({midpoints})"
    );
}

/// Decimals at the edges: ±MAX, 28 decimals, tiny, zero, and arbitrary ones.
fn extreme() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::new(1, 28)),
        Just(Decimal::new(-1, 28)),
        Just(Decimal::ZERO),
        Just(Decimal::ONE_HUNDRED),
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28
        )
            .prop_map(|(lo, mid, hi, negative, scale)| Decimal::from_parts(
                lo, mid, hi, negative, scale
            )),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

fn extreme_indicator() -> impl Strategy<Value = Indicator> {
    (
        proptest::sample::select(&Annualization::ALL[..]),
        proptest::option::of(extreme()),
        proptest::option::of(extreme()),
        prop::collection::vec(
            (
                2020u16..=2022,
                proptest::option::of(extreme()),
                proptest::option::of(extreme()),
            ),
            0..3,
        ),
        prop::collection::btree_map(1u8..=4, extreme(), 0..4),
    )
        .prop_map(|(kind, baseline, declared_total, years, executed)| {
            let mut indicator = Indicator {
                code: Some("1".into()),
                name: "=HYPERLINK(\"x\")\t\u{7}".into(),
                annualization: kind,
                baseline,
                declared_total,
                ..Indicator::default()
            };
            for (vigencia, weight, programmed) in years {
                let year = indicator.year_mut(vigencia);
                year.weight = weight;
                year.programmed = programmed;
            }
            let year = indicator.year_mut(2022);
            for (q, value) in executed {
                year.executed.insert(Quarter::new(q).unwrap(), value);
            }
            indicator.tidy();
            indicator
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn extreme_figures_go_everywhere_without_a_panic(
        indicators in prop::collection::vec(extreme_indicator(), 1..4),
        red in extreme(),
        quarter in 1u8..=4,
    ) {
        let mut plan = Plan::new("Extremos", Period { first: 2020, last: 2022 });
        plan.cut = Cut::new(2022, Quarter::new(quarter).unwrap());
        plan.settings.traffic_lights.red_below = red;
        plan.objectives[0].metas.push(Meta { code: "M".into(), name: String::new(), indicators });
        let text = plan_file::to_text(&plan).unwrap();
        let loaded = plan_file::parse(&text, Path::new("extremos.ron")).unwrap();
        prop_assert_eq!(&loaded, &plan);
        for cut in [plan.cut, Cut::new(2021, Quarter::new(4).unwrap())] {
            let _ = validate_at(&loaded, cut);
            let _ = PlanProgress::compute(&loaded, cut);
            let json = report::to_json(&loaded, cut);
            let reference = serde_json::to_string_pretty(&report::Report::new(&loaded, cut)).unwrap();
            prop_assert_eq!(json, reference + "\n");
            for language in [Language::Es, Language::En] {
                let _ = report::to_text(&loaded, cut, language);
                let _ = report::to_csv(&loaded, cut, language);
                for finding in validate_at(&loaded, cut) {
                    let _ = finding.message(language);
                }
            }
            let _ = export::to_csv(&loaded, cut);
        }
        let _ = export::to_xlsx(&loaded, plan.cut);
    }
}
