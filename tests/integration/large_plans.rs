//! Generated plans of district size: the file layout round-trips them byte for byte, older
//! layouts still load, and the engine's figures equal a straightforward exact computation
//! written here. (How fast is measured by `cargo bench`, never here.)

use avance::io::generate::{GenerateRequest, generate};
use avance::io::plan_file::{parse, to_text};
use avance::io::report::{Report, to_json};
use avance::model::{Annualization, Cut, Objective, Plan, PlanProgress, Quarter, Settings};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use rust_decimal::Decimal;

fn origin() -> &'static std::path::Path {
    std::path::Path::new("generado.ron")
}

fn ratio(value: Decimal) -> BigRational {
    BigRational::new(
        BigInt::from(value.mantissa()),
        BigInt::from(10u8).pow(value.scale()),
    )
}

/// `a/b + c/d` as `(ad + cb) / bd`: exact, never reduced (reducing a sum of thousands of
/// unrelated fractions at each step is what makes it slow).
fn add(sum: (BigInt, BigInt), term: &BigRational) -> (BigInt, BigInt) {
    let (a, b) = sum;
    (a * term.denom() + term.numer() * &b, b * term.denom())
}

/// The objective's average at `cut` as the domain rules state it, with nothing shared with the
/// engine: `Σ w·min(max(avance, 0), 100) / Σ w` over the programmed indicators, as a numerator
/// and a positive denominator. `None` when no indicator is programmed.
fn reference_average(
    objective: &Objective,
    cut: Cut,
    settings: &Settings,
) -> Option<(BigInt, BigInt)> {
    let hundred = BigRational::from_integer(BigInt::from(100));
    let one = || (BigInt::zero(), BigInt::from(1));
    let (mut weighted, mut weights) = (one(), one());
    let mut any = false;
    for (_, indicator) in objective.indicators() {
        let Some(year) = indicator.years.get(&cut.vigencia) else {
            continue;
        };
        let Some(programmed) = year.programmed.filter(|p| !p.is_zero()) else {
            continue;
        };
        any = true;
        let reported: Vec<Decimal> = year
            .executed
            .iter()
            .filter(|(q, _)| **q <= cut.quarter)
            .map(|(_, v)| *v)
            .collect();
        let executed = match indicator.annualization {
            _ if reported.is_empty() => None,
            Annualization::Suma => Some(reported.iter().map(|v| ratio(*v)).sum::<BigRational>()),
            _ => reported.last().map(|v| ratio(*v)),
        };
        let counted = match executed {
            None => BigRational::zero(),
            Some(executed) => {
                let real = match indicator.annualization {
                    Annualization::Decreciente => {
                        let base = ratio(indicator.baseline.expect("generated with a baseline"));
                        (&base - executed) * &hundred / (&base - ratio(programmed))
                    }
                    _ => executed * &hundred / ratio(programmed),
                };
                let floored = if real.is_negative() {
                    BigRational::zero()
                } else {
                    real
                };
                if settings.cap_in_rollup && floored > hundred {
                    hundred.clone()
                } else {
                    floored
                }
            }
        };
        let weight = ratio(year.weight.unwrap_or_default());
        weighted = add(weighted, &(&weight * counted));
        weights = add(weights, &weight);
    }
    // (A / B) / (C / D) = A·D / B·C; the weights are positive.
    any.then(|| (weighted.0 * weights.1, weighted.1 * weights.0))
}

fn plan_10k() -> Plan {
    generate(GenerateRequest {
        indicators: 10_000,
        seed: 1,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    })
}

#[test]
fn a_10000_indicator_plan_round_trips_byte_for_byte_and_matches_the_reference_figures() {
    let plan = plan_10k();
    assert_eq!(plan.indicator_count(), 10_000);
    let text = to_text(&plan).unwrap();
    let read = parse(&text, origin()).unwrap();
    assert_eq!(read, plan);
    assert_eq!(
        to_text(&read).unwrap(),
        text,
        "the same plan, the same bytes"
    );

    for cut in [plan.cut, Cut::new(2022, avance::model::Quarter::ALL[3])] {
        let progress = PlanProgress::compute(&read, cut);
        for (objective, figures) in read.objectives.iter().zip(&progress.objectives) {
            let reference = reference_average(objective, cut, &read.settings)
                .expect("every generated objective is programmed");
            let average = figures.average.as_ref().expect("an average").to_ratio();
            // a/b = c/d exactly when a·d = c·b (both denominators positive).
            assert_eq!(
                average.numer() * &reference.1,
                &reference.0 * average.denom(),
                "objective {}",
                objective.number
            );
        }
    }
}

/// The JSON report, written objective by objective on several threads, is the serialized
/// [`Report`] byte for byte: with many objectives, with one, with none.
#[test]
fn the_json_report_is_the_serialized_report() {
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    ))
    .unwrap();
    let seed = parse(&seed, origin()).unwrap();
    let mut one = seed.clone();
    one.objectives.truncate(1);
    let mut none = seed.clone();
    none.objectives.clear();
    let generated = generate(GenerateRequest {
        indicators: 1_000,
        seed: 3,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    for plan in [&seed, &one, &none, &generated] {
        for cut in [
            plan.cut,
            Cut::new(plan.period.first, Quarter::new(1).unwrap()),
        ] {
            let reference = serde_json::to_string_pretty(&Report::new(plan, cut)).unwrap() + "\n";
            assert_eq!(to_json(plan, cut), reference);
        }
    }
}

#[test]
fn generating_is_deterministic_and_the_seed_matters() {
    let request = GenerateRequest {
        indicators: 500,
        seed: 42,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    };
    let text = to_text(&generate(request)).unwrap();
    assert_eq!(to_text(&generate(request)).unwrap(), text);
    assert_ne!(
        to_text(&generate(GenerateRequest {
            seed: 43,
            ..request
        }))
        .unwrap(),
        text
    );

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.ron");
    let out = out.to_str().unwrap();
    let args = ["generate", "--indicators", "500", "--seed", "42", "-o", out];
    let (code, _, err) = crate::avance(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(out).unwrap(), text);
    let (code, _, err) = crate::avance(&args);
    assert_eq!(
        code, 2,
        "an existing file is not replaced without --force: {err}"
    );
}

#[test]
fn generate_refuses_more_indicators_than_its_maximum_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.ron");
    let out = out.to_str().unwrap();
    // u64's largest: it reached 10 GB of memory before it was killed.
    for asked in ["18446744073709551615", "30001"] {
        let (code, _, err) = crate::avance(&["generate", "--indicators", asked, "-o", out]);
        assert_eq!(code, 2, "{asked}: {err}");
        assert!(err.contains("el máximo es 30.000"), "{asked}: {err}");
        assert!(
            !std::path::Path::new(out).exists(),
            "{asked}: nothing written"
        );
    }
}

#[test]
fn the_largest_plan_generate_makes_is_a_file_avance_reads() {
    let plan = generate(GenerateRequest {
        indicators: avance::io::generate::MAX_INDICATORS,
        seed: 1,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    let bytes = to_text(&plan).unwrap().len() as u64;
    assert!(
        bytes < avance::io::plan_file::MAX_FILE_BYTES,
        "{bytes} bytes over the limit"
    );
}

#[test]
fn the_older_layout_of_one_field_per_line_still_loads() {
    let plan = generate(GenerateRequest {
        indicators: 300,
        seed: 5,
        objectives: avance::model::DEFAULT_OBJECTIVES,
    });
    // How Avance wrote plans before one line per indicator and vigencia.
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .extensions(ron::extensions::Extensions::IMPLICIT_SOME);
    let old = ron::ser::to_string_pretty(&plan, config).unwrap();
    assert!(old.contains("            executed: {\n"));
    let read = parse(&old, origin()).unwrap();
    assert_eq!(read, plan);
    assert_eq!(to_text(&read).unwrap(), to_text(&plan).unwrap());
}

/// The window on the 10 000 plan: its first objective has 2 000 indicators; Page Down goes a
/// screen of rows down and Ctrl+End reaches the last indicator's last cell, shown.
#[test]
fn in_the_10000_plan_page_down_moves_the_grid_and_ctrl_end_reaches_the_last_indicator() {
    use avance::app::AvanceApp;
    use avance::model::validation::indicator_label;
    use avance::view::Prefs;
    use egui::{Key, Modifiers};
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};

    use crate::ui::{ScriptedDialogs, press, select_objective};

    let plan = plan_10k();
    let objective = &plan.objectives[0];
    let labels: Vec<String> = objective
        .indicators()
        .map(|(meta, indicator)| indicator_label(&meta.code, indicator))
        .collect();
    assert_eq!(labels.len(), 2_000);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("grande.ron");
    avance::io::plan_file::save(&plan, &path).unwrap();
    let mut harness = crate::ui::window(Prefs::default(), Some(path), ScriptedDialogs::default());
    select_objective(&mut harness, 1);
    let first = format!("{} · ejecutado 2023 T1", labels[0]);
    harness.get_by_label(&first).click();
    harness.run();
    let focused = |harness: &Harness<'_, AvanceApp>| -> Vec<String> {
        harness
            .query_all_by_role(egui::accesskit::Role::TextInput)
            .filter(|n| n.is_focused())
            .filter_map(|n| n.accesskit_node().label())
            .collect()
    };
    assert_eq!(focused(&harness), [first]);

    press(&mut harness, Modifiers::NONE, Key::PageDown);
    let after = focused(&harness);
    assert_eq!(after.len(), 1, "{after:?}");
    let row = labels
        .iter()
        .position(|label| after[0] == format!("{label} · ejecutado 2023 T1"))
        .unwrap_or_else(|| panic!("the same column, another row: {after:?}"));
    assert!(
        row >= 5,
        "Page Down went a screen of rows down, to row {row}"
    );

    press(&mut harness, Modifiers::COMMAND, Key::End);
    let last = format!("{} · unidad", labels[1_999]);
    // Labels of indicators without a code repeat within a meta: the focused one is looked for.
    let node = harness
        .query_all_by_label(&last)
        .find(|n| n.is_focused())
        .expect("Ctrl+End reached the last indicator");
    let rect = node.rect();
    assert!(
        rect.max.y <= 768.0 && rect.min.y >= 0.0,
        "and shows it: {rect:?}"
    );
}
