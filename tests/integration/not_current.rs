//! Current or not (DOMAIN.md): an indicator programmed in the cut's vigencia whose cut quarter
//! has no report says which quarter its figure stands at, and its objective says how many.

use std::str::FromStr;

use avance::io::seed_plan;
use avance::model::progress::indicator_progress;
use avance::model::{
    Annualization, Currency, Cut, Indicator, PlanProgress, Quarter, Settings, Status,
};
use rust_decimal::Decimal;

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

const SEED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/gestion_publica_2022.ron"
);

/// `(code, current, last_reported)` of every indicator of the JSON report, in plan order.
fn currency_rows(json: &serde_json::Value) -> Vec<(String, serde_json::Value, serde_json::Value)> {
    json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["indicators"].as_array().unwrap().iter())
        .map(|i| {
            (
                i["code"].as_str().unwrap_or("N/A").to_owned(),
                i["current"].clone(),
                i["last_reported"].clone(),
            )
        })
        .collect()
}

fn not_current_counts(json: &serde_json::Value) -> Vec<u64> {
    json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["not_current"].as_u64().unwrap())
        .collect()
}

#[test]
fn report_json_at_t2_marks_321_and_644_not_current_at_2022_q1() {
    let (code, stdout, stderr) =
        crate::avance(&["report", SEED_FILE, "--cut", "2022-Q2", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let rows = currency_rows(&json);
    let codes: Vec<&str> = rows.iter().map(|(c, _, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "321", "N/A", "464", "465", "466", "644", "543", "554", "555"
        ]
    );
    // The seed reports nothing for T2: every programmed indicator stands at T1.
    for (code, current, last) in &rows {
        assert_eq!(current, &serde_json::json!(false), "{code}");
        assert_eq!(last, &serde_json::json!("2022-Q1"), "{code}");
    }
    assert_eq!(not_current_counts(&json), [0, 2, 7, 0, 0]);
    // The figures stay the type's rule: 321 (creciente) keeps its T1 level.
    let first = &json["objectives"][1]["indicators"][0];
    assert_eq!(first["executed"], "27.50");
}

#[test]
fn report_json_at_t1_is_current_and_not_programmed_is_null() {
    let (code, stdout, stderr) = crate::avance(&["report", SEED_FILE, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
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
        serde_json::from_str(&avance::io::report::to_json(&plan, cut(2022, 1))).unwrap();
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
fn report_text_and_csv_say_the_quarter_a_figure_stands_at() {
    let (code, text, stderr) = crate::avance(&["report", SEED_FILE, "--cut", "2022-Q2"]);
    assert_eq!(code, 0, "{stderr}");
    let line_of = |code: &str| {
        text.lines()
            .find(|l| l.split_whitespace().any(|w| w == code))
            .unwrap_or_else(|| panic!("{code} in {text}"))
            .to_owned()
    };
    assert!(line_of("321").ends_with("al T1"), "{}", line_of("321"));
    assert!(line_of("644").ends_with("al T1"), "{}", line_of("644"));
    assert!(
        text.contains("2 indicadores sin reporte en T2"),
        "objective 2 counts its own: {text}"
    );
    assert!(text.contains("7 indicadores sin reporte en T2"), "{text}");
    let (_, at_t1, _) = crate::avance(&["report", SEED_FILE]);
    assert!(
        !at_t1.contains("al T1") && !at_t1.contains("sin reporte en"),
        "{at_t1}"
    );

    let (code, english, _) =
        crate::avance(&["report", SEED_FILE, "--cut", "2022-Q2", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(english.contains("as of Q1"), "{english}");
    assert!(
        english.contains("2 indicators not reported for Q2"),
        "{english}"
    );

    let (code, csv, stderr) =
        crate::avance(&["report", SEED_FILE, "--cut", "2022-Q2", "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines
        .next()
        .unwrap()
        .trim_start_matches('\u{feff}')
        .split(';')
        .collect();
    let current = header
        .iter()
        .position(|h| *h == "Al día")
        .expect("Al día column");
    let last = header
        .iter()
        .position(|h| *h == "Último trimestre reportado")
        .expect("last quarter column");
    let status = header.iter().position(|h| *h == "Estado").unwrap();
    let row_321: Vec<&str> = lines
        .find(|l| l.split(';').nth(3) == Some("321"))
        .unwrap()
        .split(';')
        .collect();
    assert_eq!(row_321[current], "no");
    assert_eq!(row_321[last], "2022 T1");
    assert_eq!(row_321[status], "con reporte al T1");
}

#[test]
fn export_says_whether_each_figure_is_current() {
    let plan = seed_plan();
    let csv = avance::io::export::to_csv(&plan, cut(2022, 2));
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
    let at_t1 = avance::io::export::to_csv(&plan, cut(2022, 1));
    assert!(
        at_t1.lines().skip(1).all(|l| l.contains(";sí;2022 T1;")),
        "{at_t1}"
    );
}

/// The window on the seed with the cut moved to 2022 T2 in the toolbar.
fn window_at_t2() -> egui_kittest::Harness<'static, avance::app::AvanceApp> {
    use egui_kittest::kittest::Queryable;
    let mut harness = crate::ui::harness();
    harness.get_by_label("Trimestre del corte").click();
    harness.run();
    harness.get_by_label("T2").click();
    harness.run();
    harness
}

#[test]
fn the_grid_marks_each_figure_with_the_quarter_it_stands_at() {
    use egui_kittest::kittest::Queryable;
    let mut harness = crate::ui::harness();
    crate::ui::select_objective(&mut harness, 3);
    assert_eq!(
        harness.query_all_by_label("al T1").count(),
        0,
        "at T1 every figure is current"
    );
    let mut harness = window_at_t2();
    crate::ui::select_objective(&mut harness, 3);
    assert_eq!(harness.query_all_by_label("al T1").count(), 7);
    crate::ui::select_objective(&mut harness, 2);
    assert_eq!(harness.query_all_by_label("al T1").count(), 2);
}

#[test]
fn the_slides_mark_the_bars_and_count_what_is_not_current() {
    use avance::view::slides::SlideContent;
    use egui_kittest::kittest::Queryable;
    let mut harness = window_at_t2();
    crate::ui::press(&mut harness, egui::Modifiers::NONE, egui::Key::F5);
    let Some(SlideContent::Plan(plan)) = harness.state().slide().map(|s| s.content) else {
        panic!("the plan's slide first");
    };
    let counts: Vec<usize> = plan.objectives.iter().map(|o| o.not_current).collect();
    assert_eq!(counts, [0, 2, 7, 0, 0]);
    assert!(
        harness
            .query_by_label_contains("Objetivo 2 · 2 indicadores sin reporte en T2")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Objetivo 3 · 7 indicadores sin reporte en T2")
            .is_some()
    );
    for _ in 0..3 {
        crate::ui::press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowRight);
    }
    let Some(SlideContent::Objective(o)) = harness.state().slide().map(|s| s.content) else {
        panic!("objective 3's slide");
    };
    assert_eq!(o.number, 3);
    assert_eq!(o.not_current, 7);
    assert!(o.indicators.iter().all(|bar| bar.stands_at == Some(q(1))));
    harness.get_by_label("7 indicadores sin reporte en T2");
    assert_eq!(harness.query_all_by_label("al T1").count(), 7);
}

#[test]
fn the_workbook_says_it_per_indicator_and_counts_it_per_objective() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = avance::io::export::to_xlsx(&seed_plan(), cut(2022, 2)).unwrap();
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
