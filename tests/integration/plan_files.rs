//! Plan files: exact round-trips, stable bytes, and clear errors for bad files.

use std::collections::BTreeMap;
use std::path::Path;

use avance::io::plan_file::{PlanFileError, load, parse, save, to_text};
use avance::io::seed_plan;
use avance::model::{
    Annualization, Cut, Indicator, Language, Meta, Period, Plan, Quarter, YearData,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn origin() -> &'static Path {
    Path::new("prueba.ron")
}

#[test]
fn load_save_load_is_equal_and_save_save_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    let plan = seed_plan();
    save(&plan, &first).unwrap();
    let reloaded = load(&first).unwrap();
    assert_eq!(reloaded, plan);
    save(&reloaded, &second).unwrap();
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn decimals_come_back_exactly_as_written() {
    let text = to_text(&seed_plan()).unwrap();
    assert!(
        text.contains(
            r#"executed: {
                                        1: "27.50",
                                    },"#
        ),
        "{text}"
    );
    let plan = parse(&text, origin()).unwrap();
    let executed =
        plan.objectives[1].metas[0].indicators[0].executed(2022, Quarter::new(1).unwrap());
    assert_eq!(executed.unwrap().to_string(), "27.50");
    let weight = plan.objectives[2].metas[0].indicators[1].weight(2022);
    assert_eq!(weight.unwrap().to_string(), "3.0", "the seed writes 3,0 %");
}

#[test]
fn the_file_is_human_readable_with_one_field_per_line() {
    let text = to_text(&seed_plan()).unwrap();
    assert!(text.starts_with("#![enable(implicit_some)]\n(\n    version: 1,\n    title: "));
    assert!(!text.contains('\r'));
    assert!(text.contains("            number: 3,\n"));
    assert!(text.contains("annualization: Creciente,\n"));
}

fn syntax_error(text: &str) -> (usize, usize, String) {
    match parse(text, origin()) {
        Err(PlanFileError::Syntax {
            line,
            column,
            detail,
            ..
        }) => (line, column, detail),
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn malformed_files_give_errors_with_file_line_and_column() {
    let good = to_text(&seed_plan()).unwrap();

    let truncated = &good[..good.len() / 2];
    let (line, _, _) = syntax_error(truncated);
    assert!(line > 10);

    let letter = good.replacen(r#""27.50""#, r#""27.5O""#, 1);
    let (line, column, detail) = syntax_error(&letter);
    let expected_line = good.lines().position(|l| l.contains(r#""27.50""#)).unwrap() + 1;
    assert_eq!(line, expected_line);
    assert!(column > 1);
    assert!(detail.contains("27.5O"), "{detail}");

    let wrong_type = good.replacen("number: 2,", "number: \"dos\",", 1);
    syntax_error(&wrong_type);

    let huge = good.replacen(r#""27.50""#, r#""1e40""#, 1);
    syntax_error(&huge);
    let huge_bare = good.replacen(r#""27.50""#, "99999999999999999999999999999999999.0", 1);
    syntax_error(&huge_bare);

    let bad_quarter = good.replacen(r#"1: "27.50""#, r#"5: "27.50""#, 1);
    let (_, _, detail) = syntax_error(&bad_quarter);
    assert!(detail.contains("quarter"), "{detail}");

    let unknown_field = good.replacen("unit: \"%\",", "unidad: \"%\",", 1);
    let (_, _, detail) = syntax_error(&unknown_field);
    assert!(detail.contains("unidad"), "{detail}");

    let message = parse(&letter, origin()).unwrap_err().message(Language::Es);
    assert!(
        message.starts_with(&format!(
            "Plan mal formado en la línea {expected_line}, columna"
        )),
        "{message}"
    );
    assert!(message.ends_with("prueba.ron"), "{message}");
}

#[test]
fn a_period_of_centuries_is_refused_before_it_reaches_the_window() {
    let text = to_text(&seed_plan())
        .unwrap()
        .replacen("last: 2024,", "last: 65000,", 1);
    match parse(&text, origin()) {
        Err(e @ PlanFileError::PeriodTooLong { .. }) => {
            assert!(e.message(Language::Es).contains("2020–65000"), "{e}");
        }
        other => panic!("expected PeriodTooLong, got {other:?}"),
    }
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert!(matches!(
        parse("", origin()),
        Err(PlanFileError::Empty { .. })
    ));
    assert!(matches!(
        parse(" \n\t", origin()),
        Err(PlanFileError::Empty { .. })
    ));
    assert!(matches!(
        parse("\0\u{1}PK", origin()),
        Err(PlanFileError::NotText { .. })
    ));

    let dir = tempfile::tempdir().unwrap();
    let garbage = dir.path().join("garbage.ron");
    std::fs::write(&garbage, [0xff, 0xfe, 0x00, 0x81, 0x13, 0x37]).unwrap();
    assert!(matches!(load(&garbage), Err(PlanFileError::NotText { .. })));
    let missing = dir.path().join("missing.ron");
    let error = load(&missing).unwrap_err();
    assert!(matches!(error, PlanFileError::Read { .. }));
    assert!(error.message(Language::En).ends_with("missing.ron"));
}

#[test]
fn a_file_from_a_newer_version_is_refused_clearly() {
    let newer = to_text(&seed_plan()).unwrap().replacen(
        "version: 1,",
        "version: 7,\n    future_field: (),",
        1,
    );
    match parse(&newer, origin()) {
        Err(e @ PlanFileError::NewerVersion { found: 7, .. }) => {
            assert!(e.message(Language::En).contains("newer"), "{e}");
        }
        other => panic!("expected NewerVersion, got {other:?}"),
    }
}

#[test]
fn a_failed_save_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    save(&seed_plan(), &path).unwrap();
    let before = std::fs::read(&path).unwrap();
    let into_missing_dir = dir.path().join("no/such/dir/plan.ron");
    assert!(matches!(
        save(&seed_plan(), &into_missing_dir),
        Err(PlanFileError::Write { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left behind");
}

fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..6).prop_map(|(m, scale)| Decimal::new(m, scale))
}

fn year_data() -> impl Strategy<Value = YearData> {
    (
        proptest::option::of(decimal()),
        proptest::option::of(decimal()),
        proptest::collection::btree_map(1u8..=4, decimal(), 0..4),
        proptest::collection::btree_map(1u8..=4, ".{0,20}", 0..2),
    )
        .prop_map(|(weight, programmed, executed, comments)| YearData {
            weight,
            programmed,
            executed: executed
                .into_iter()
                .map(|(q, v)| (Quarter::new(q).unwrap(), v))
                .collect(),
            comments: comments
                .into_iter()
                .map(|(q, c)| (Quarter::new(q).unwrap(), c))
                .collect(),
        })
}

fn indicator() -> impl Strategy<Value = Indicator> {
    (
        proptest::option::of("[0-9A-Z]{1,5}"),
        "\\PC{0,40}",
        0usize..4,
        proptest::option::of(decimal()),
        proptest::collection::btree_map(2018u16..2030, year_data(), 0..4),
    )
        .prop_map(|(code, name, kind, baseline, years)| Indicator {
            code,
            name,
            entity: "Secretaría General".into(),
            annualization: Annualization::ALL[kind],
            unit: "%".into(),
            baseline,
            declared_total: None,
            years: years.into_iter().collect::<BTreeMap<_, _>>(),
        })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        "\\PC{0,30}",
        proptest::collection::vec(proptest::collection::vec(indicator(), 0..3), 0..3),
        1u8..=4,
    )
        .prop_map(|(title, metas, quarter)| {
            let mut plan = Plan::new(
                title,
                Period {
                    first: 2020,
                    last: 2024,
                },
            );
            plan.cut = Cut::new(2022, Quarter::new(quarter).unwrap());
            plan.objectives[2].metas = metas
                .into_iter()
                .enumerate()
                .map(|(i, indicators)| Meta {
                    code: format!("META {i} \"citada\" \\ {{}}"),
                    name: "línea\nnueva".into(),
                    indicators,
                })
                .collect();
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_plans_round_trip_exactly(plan in plan()) {
        let text = to_text(&plan).unwrap();
        let back = parse(&text, origin()).unwrap();
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(to_text(&back).unwrap(), text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = parse(&text, origin());
    }

    #[test]
    fn damaged_plan_files_never_panic(cut_at in 0usize..4000, junk in "\\PC{0,3}") {
        let good = to_text(&seed_plan()).unwrap();
        let mut at = cut_at.min(good.len());
        while !good.is_char_boundary(at) { at -= 1; }
        let damaged = format!("{}{}{}", &good[..at], junk, &good[at..]);
        let _ = parse(&damaged, origin());
    }
}
