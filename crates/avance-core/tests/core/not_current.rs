//! Current or not (DOMAIN.md): an indicator programmed in the cut's vigencia whose cut quarter
//! has no report says which quarter its figure stands at, and its objective says how many —
//! in the engine, the JSON report and the export.

use std::str::FromStr;

use avance_core::io::seed_plan;
use avance_core::model::progress::indicator_progress;
use avance_core::model::{
    Annualization, Currency, Cut, Indicator, PlanProgress, Quarter, Settings, Status,
};
use rust_decimal::Decimal;

use crate::report_json::{currency_rows, not_current_counts};

fn cut(vigencia: u16, quarter: u8) -> Cut {
    Cut::new(vigencia, Quarter::new(quarter).unwrap())
}

fn q(n: u8) -> Quarter {
    Quarter::new(n).unwrap()
}

/// A creciente indicator programmed 10 in 2022 with the given quarters reported.
fn reported(quarters: &[u8]) -> Indicator {
    let mut indicator = Indicator {
        code: Some("100".into()),
        annualization: Annualization::Creciente,
        ..Indicator::default()
    };
    let year = indicator.year_mut(2022);
    year.weight = Some(Decimal::ONE_HUNDRED);
    year.programmed = Some(Decimal::TEN);
    for n in quarters {
        year.executed.insert(q(*n), Decimal::from_str("4").unwrap());
    }
    indicator
}

fn currency(indicator: &Indicator, at: Cut) -> Currency {
    indicator_progress(indicator, at, &Settings::default()).currency
}

#[test]
fn an_indicator_without_a_report_for_the_cut_quarter_stands_at_its_last_reported_quarter() {
    let t1_and_t3 = reported(&[1, 3]);
    assert_eq!(currency(&t1_and_t3, cut(2022, 1)), Currency::Current);
    assert_eq!(
        currency(&t1_and_t3, cut(2022, 2)),
        Currency::NotCurrent {
            last_reported: Some(q(1))
        }
    );
    assert_eq!(currency(&t1_and_t3, cut(2022, 3)), Currency::Current);
    // A later quarter's report never makes an earlier cut current, nor is it "last reported".
    let at_t4 = currency(&t1_and_t3, cut(2022, 4));
    assert_eq!(at_t4.stands_at(), Some(q(3)));
    assert_eq!(at_t4.last_reported(cut(2022, 4)), Some(cut(2022, 3)));
    assert_eq!(at_t4.is_current(), Some(false));
}

#[test]
fn nothing_reported_in_the_vigencia_is_not_current_with_no_last_quarter() {
    let figures = indicator_progress(&reported(&[]), cut(2022, 2), &Settings::default());
    assert_eq!(figures.status, Status::NotReported);
    assert_eq!(
        figures.currency,
        Currency::NotCurrent {
            last_reported: None
        }
    );
    assert_eq!(figures.currency.last_reported(cut(2022, 2)), None);
    assert_eq!(figures.currency.stands_at(), None);
    assert!(figures.is_not_current());
}

#[test]
fn a_reported_zero_is_current_and_a_not_programmed_indicator_is_neither() {
    let mut zero = reported(&[]);
    zero.year_mut(2022).executed.insert(q(2), Decimal::ZERO);
    assert_eq!(currency(&zero, cut(2022, 2)), Currency::Current);
    // Not programmed in 2023: no question of currency, whatever was reported.
    let figures = indicator_progress(&zero, cut(2023, 2), &Settings::default());
    assert_eq!(figures.currency, Currency::NotProgrammed);
    assert_eq!(figures.currency.is_current(), None);
    assert_eq!(figures.currency.last_reported(cut(2023, 2)), None);
    assert!(!figures.is_not_current());
}

/// The seed reports only 2022 T1: at T1 every programmed indicator is current; at T2 every one
/// of them (321 and 644 among them) stands at T1, and each objective counts all of its own.
#[test]
fn seed_at_t2_every_programmed_indicator_stands_at_t1() {
    let plan = seed_plan();
    let at_t1 = PlanProgress::compute(&plan, cut(2022, 1));
    for objective in &at_t1.objectives {
        assert_eq!(
            objective.not_current_count(),
            0,
            "objective {}",
            objective.number
        );
    }
    let at_t2 = PlanProgress::compute(&plan, cut(2022, 2));
    let counts: Vec<(u8, usize)> = at_t2
        .objectives
        .iter()
        .map(|o| (o.number, o.not_current_count()))
        .collect();
    assert_eq!(counts, [(1, 0), (2, 2), (3, 7), (4, 0), (5, 0)]);
    for (objective, figures) in plan.objectives.iter().zip(&at_t2.objectives) {
        for ((_, indicator), f) in objective.indicators().zip(&figures.indicators) {
            assert_eq!(
                f.currency,
                Currency::NotCurrent {
                    last_reported: Some(q(1))
                },
                "{}",
                indicator.code_label()
            );
        }
    }
}

/// The JSON report at T2: every indicator of the seed stands at 2022-Q1 (`avance report --cut
/// 2022-Q2` prints these bytes; its test is the app's).
#[test]
fn report_json_at_t2_every_indicator_is_not_current_at_2022_q1() {
    let report = avance_core::io::report::to_json(&seed_plan(), cut(2022, 2));
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    let rows = currency_rows(&json);
    assert_eq!(rows.len(), 9);
    for (code, current, last) in rows {
        assert_eq!(current, serde_json::json!(false), "{code}");
        assert_eq!(last, serde_json::json!("2022-Q1"), "{code}");
    }
    assert_eq!(not_current_counts(&json), [0, 2, 7, 0, 0]);
}

#[test]
fn report_json_at_t1_is_current_and_not_programmed_is_null() {
    let report = avance_core::io::report::to_json(&seed_plan(), cut(2022, 1));
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    for (code, current, last) in currency_rows(&json) {
        assert_eq!(current, serde_json::json!(true), "{code}");
        assert_eq!(last, serde_json::json!("2022-Q1"), "{code}");
    }
    assert_eq!(not_current_counts(&json), [0; 5]);
    // Not programmed in the cut's vigencia: neither current nor late.
    let mut plan = seed_plan();
    let objective = plan.objectives.iter_mut().find(|o| o.number == 2).unwrap();
    objective.metas[0].indicators[0].year_mut(2022).programmed = None;
    let json: serde_json::Value =
        serde_json::from_str(&avance_core::io::report::to_json(&plan, cut(2022, 1))).unwrap();
    let rows = currency_rows(&json);
    assert_eq!(
        rows[0],
        (
            "321".to_owned(),
            serde_json::Value::Null,
            serde_json::Value::Null
        )
    );
    assert_eq!(rows[1].1, serde_json::json!(true));
}

#[test]
fn export_says_whether_each_figure_is_current() {
    let plan = seed_plan();
    let csv = avance_core::io::export::to_csv(&plan, cut(2022, 2));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(';')
        .collect();
    let current = header
        .iter()
        .position(|h| *h == "Al día al corte 30/06/2022")
        .unwrap_or_else(|| panic!("{header:?}"));
    let last = header
        .iter()
        .position(|h| *h == "Último trimestre reportado")
        .unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(';').collect()).collect();
    assert_eq!(rows.len(), 9);
    for row in &rows {
        assert_eq!((row[current], row[last]), ("no", "2022 T1"), "{row:?}");
    }
    let at_t1 = avance_core::io::export::to_csv(&plan, cut(2022, 1));
    assert!(
        at_t1.lines().skip(1).all(|l| l.contains(";sí;2022 T1;")),
        "{at_t1}"
    );
}

#[test]
fn the_workbook_says_it_per_indicator_and_counts_it_per_objective() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = avance_core::io::export::to_xlsx(&seed_plan(), cut(2022, 2)).unwrap();
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let summary = workbook.worksheet_range("Resumen").unwrap();
    assert_eq!(
        summary.get((0, 4)),
        Some(&Data::String("Indicadores sin reporte del T2".into()))
    );
    let counts: Vec<Option<&Data>> = (1..=5).map(|row| summary.get((row, 4))).collect();
    let expected = [0.0, 2.0, 7.0, 0.0, 0.0].map(Data::Float);
    assert_eq!(counts, expected.iter().map(Some).collect::<Vec<_>>());
    let sheet = workbook.worksheet_range("Objetivo 3").unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let current = header
        .iter()
        .position(|h| h == "Al día al corte 30/06/2022")
        .unwrap();
    let last = header
        .iter()
        .position(|h| h == "Último trimestre reportado")
        .unwrap();
    for row in sheet.rows().skip(1) {
        assert_eq!(row[current].to_string(), "no");
        assert_eq!(row[last].to_string(), "2022 T1");
    }
}
