//! Current or not (DOMAIN.md), as the officer and the committee see it: `avance report` in a
//! terminal, the grid and the slides. The rule itself, the JSON report and the export are
//! tested in the core (`crates/avance-core/tests/core/not_current.rs`).

use avance::model::Quarter;

use crate::report_json::{currency_rows, not_current_counts};

fn q(n: u8) -> Quarter {
    Quarter::new(n).unwrap()
}

const SEED_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/gestion_publica_2022.ron"
);

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
