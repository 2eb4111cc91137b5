//! Spreadsheets in and out: the seed's matrices import to the seed's figures, exports read
//! back to the same figures, and bad matrices are refused with every problem listed.

use crate::avance;
use std::path::{Path, PathBuf};

use avance::io::export::{to_csv, to_xlsx};
use avance::io::import::{BadRows, ImportError, ImportWarning, RowReason, import_file};
use avance::io::seed_plan;
use avance::io::table::decode_text;
use avance::model::format::fixed2;
use avance::model::{Annualization, Language, Plan, PlanProgress};
use rust_xlsxwriter::Workbook;

const SEED_TSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/seed_objetivos_2_3.tsv"
);

/// Every figure a report shows, rounded as shown: objective progress and weights, and per
/// indicator its meta, code, weight, programming, executed and progress.
fn figures(plan: &Plan) -> Vec<String> {
    let progress = PlanProgress::compute(plan, plan.cut);
    let mut out = vec![plan.cut.to_string()];
    for (objective, f) in plan.objectives.iter().zip(&progress.objectives) {
        out.push(format!(
            "{} {:?} {:?}",
            objective.number,
            f.progress().map(fixed2),
            f.weights_total.map(fixed2)
        ));
        for ((meta, indicator), i) in objective.indicators().zip(&f.indicators) {
            out.push(format!(
                "  {} {} {:?} {:?} {:?} {:?} {:?} {:?}",
                meta.code,
                indicator.code_label(),
                indicator.annualization,
                i.weight.map(fixed2),
                i.programmed.map(fixed2),
                i.executed.map(fixed2),
                i.progress().map(fixed2),
                plan.period
                    .vigencias()
                    .map(|v| indicator.programmed(v).map(fixed2))
                    .collect::<Vec<_>>()
            ));
        }
    }
    out
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn seed_tsv() -> String {
    std::fs::read_to_string(SEED_TSV).unwrap()
}

#[test]
fn the_seed_matrices_import_to_the_seed_plan_figures_without_mismatches() {
    let imported = import_file(Path::new(SEED_TSV), BadRows::Stop).unwrap();
    assert_eq!(figures(&imported.plan), figures(&seed_plan()));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let metas: Vec<&str> = imported.plan.objectives[2]
        .metas
        .iter()
        .map(|m| m.code.as_str())
        .collect();
    assert_eq!(
        metas,
        [
            "META SECTORIAL 431",
            "META SECTORIAL 497",
            "META SECTORIAL 506"
        ]
    );
    assert_eq!(imported.plan.objectives[2].metas[0].indicators.len(), 4);
}

#[test]
fn import_command_writes_a_plan_whose_report_is_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("importado.ron");
    let (code, stdout, stderr) = avance(&["import", SEED_TSV, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("9 indicadores importados, corte 31/03/2022"),
        "{stdout}"
    );
    let (_, report, _) = avance(&["report", out.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(json["objectives"][1]["progress"], "50.24");
    assert_eq!(json["objectives"][2]["progress"], "24.15");
    let (code, _, stderr) = avance(&["import", SEED_TSV, "-o", out.to_str().unwrap()]);
    assert_eq!(code, 2, "an existing plan is not replaced without --force");
    assert!(stderr.contains("--force"), "{stderr}");
}

#[test]
fn importing_into_the_seed_plan_gives_exactly_the_seed_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("importado.ron");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    let (code, _, stderr) = avance(&[
        "import",
        SEED_TSV,
        "--into",
        seed,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (_, imported, _) = avance(&["report", out.to_str().unwrap(), "--format", "json"]);
    let (_, original, _) = avance(&["report", seed, "--format", "json"]);
    assert_eq!(imported, original);
}

#[test]
fn an_xlsx_built_like_the_seed_imports_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matriz.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .write_string(0, 0, "Plan estratégico sectorial: metas e indicadores")
        .unwrap();
    for (r, line) in seed_tsv().lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            let (row, col) = (r as u32 + 2, c as u16);
            // Computed as numbers, the way Excel stores them; everything else as typed.
            let plain = cell.replace("<b>", "").replace("</b>", "");
            match plain.replace(',', ".").parse::<f64>() {
                Ok(n) if c > 0 && !plain.contains('%') && c != 3 => {
                    sheet.write_number(row, col, n).unwrap();
                }
                _ => {
                    sheet.write_string(row, col, cell).unwrap();
                }
            }
        }
    }
    workbook.save(&path).unwrap();
    let imported = import_file(&path, BadRows::Stop).unwrap();
    assert_eq!(figures(&imported.plan), figures(&seed_plan()));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
}

#[test]
fn export_then_import_gives_back_the_same_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = seed_plan();
    // A quarter's comment and a baseline do not travel; figures at the cut do.
    plan.objectives[2].metas[0].indicators[0].unit = "estrategias".into();
    let xlsx = dir.path().join("export.xlsx");
    std::fs::write(&xlsx, to_xlsx(&plan, plan.cut).unwrap()).unwrap();
    let back = import_file(&xlsx, BadRows::Stop).unwrap();
    assert_eq!(figures(&back.plan), figures(&plan));
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    assert_eq!(
        back.plan.objectives[2].metas[0].indicators[0].unit,
        "estrategias"
    );

    let csv = write(dir.path(), "export.csv", &to_csv(&plan, plan.cut));
    let back = import_file(&csv, BadRows::Stop).unwrap();
    assert_eq!(figures(&back.plan), figures(&plan));
    assert_eq!(
        back.plan.objectives[2].metas[0].indicators[1]
            .weight(2022)
            .map(|w| w.to_string())
            .as_deref(),
        Some("3.0"),
        "CSV keeps exact figures"
    );
}

#[test]
fn export_command_writes_a_workbook_with_a_summary_and_one_sheet_per_objective() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.xlsx");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/plans/gestion_publica_2022.ron"
    );
    let (code, _, stderr) = avance(&[
        "export",
        seed,
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let tables = avance::io::table::read_tables(&out).unwrap();
    let names: Vec<&str> = tables
        .iter()
        .map(|t| t.origin.rsplit('[').next().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Resumen]",
            "Objetivo 1]",
            "Objetivo 2]",
            "Objetivo 3]",
            "Objetivo 4]",
            "Objetivo 5]"
        ]
    );
    let summary = &tables[0].rows;
    assert_eq!(summary[2].1[2].text(), "50.24");
    assert_eq!(summary[3].1[2].text(), "24.15");
}

#[test]
fn semicolon_csv_in_windows_1252_imports() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_tsv().replace('\t', ";");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let path = dir.path().join("matriz.csv");
    std::fs::write(&path, &bytes).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    assert_eq!(decode_text(&bytes, "matriz.csv").unwrap(), text);
    let imported = import_file(&path, BadRows::Stop).unwrap();
    assert_eq!(figures(&imported.plan), figures(&seed_plan()));
}

#[test]
fn without_a_type_column_an_ambiguous_total_takes_suma_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Objetivo\tMeta\tNombre indicador\tPonderación indicador\tProgramación 2022\tProgramación 2023\tProgramación Total\tMagnitud ejecutada al corte 30/06/2022\n\
                1\tMETA 1\tÚnico año programado\t100%\t50\t0\t50\t10\n";
    let path = write(dir.path(), "ambigua.tsv", text);
    let imported = import_file(&path, BadRows::Stop).unwrap();
    let indicator = &imported.plan.objectives[0].metas[0].indicators[0];
    assert_eq!(indicator.annualization, Annualization::Suma);
    assert!(matches!(
        imported.warnings.first.as_slice(),
        [ImportWarning::TypeAmbiguous { row: 2, .. }]
    ));
    assert!(
        imported.warnings.first[0]
            .message(Language::Es)
            .starts_with("fila 2 (indicador N/A)")
    );
    assert_eq!(imported.plan.cut.to_string(), "2022-Q2");
}

#[test]
fn a_published_percentage_that_disagrees_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_tsv().replacen("\t50,00%", "\t55,00%", 1);
    let path = write(dir.path(), "publicado.tsv", &text);
    let imported = import_file(&path, BadRows::Stop).unwrap();
    match imported.warnings.first.as_slice() {
        [w @ ImportWarning::PublishedMismatch { row: 2, code, .. }] => {
            assert_eq!(code, "321");
            assert!(
                w.message(Language::Es).contains("55,00"),
                "{}",
                w.message(Language::Es)
            );
        }
        other => panic!("expected one mismatch, got {other:?}"),
    }
}

#[test]
fn malformed_matrices_each_give_their_message_and_no_plan_file() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_tsv();
    let cases = [
        (
            "sin_ponderacion.tsv",
            seed.replace("Ponderación indicador", "Peso"),
            "Faltan columnas obligatorias: Ponderación indicador",
        ),
        (
            "letra.tsv",
            seed.replacen("\t6,00\t", "\t6,0O\t", 1),
            "fila 12, columna «Magnitud ejecutada al corte 31/03/2022», valor «6,0O»",
        ),
        (
            "anio.tsv",
            seed.replacen("Programación 2023", "Programación 20X3", 1),
            "La columna «Programación 20X3» no tiene un año válido",
        ),
        ("vacio.tsv", String::new(), "Faltan columnas obligatorias"),
    ];
    for (name, text, expected) in cases {
        let input = write(dir.path(), name, &text);
        let output = dir.path().join(format!("{name}.ron"));
        let (code, _, stderr) = avance(&[
            "import",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!output.exists(), "{name}: no plan file is written");
    }
}

#[test]
fn every_bad_row_is_listed_and_lenient_skips_exactly_those() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_tsv()
        .replacen("\t89,35%\t", "\tochenta%\t", 1)
        .replacen(
            "3\t<b>META SECTORIAL 497</b>",
            "21\t<b>META SECTORIAL 497</b>",
            1,
        );
    let path = write(dir.path(), "dos_malas.tsv", &text);
    match import_file(&path, BadRows::Stop) {
        Err(ImportError::Rows { problems, rows }) => {
            assert_eq!((problems.total, rows), (2, 2), "{problems:?}");
            let problems = problems.first;
            assert_eq!(
                (problems[0].row, problems[0].column.as_str()),
                (2, "Ponderación indicador")
            );
            assert!(matches!(problems[0].reason, RowReason::Number(_)));
            assert_eq!((problems[1].row, problems[1].value.as_str()), (12, "21"));
            assert_eq!(problems[1].reason, RowReason::ObjectiveOutOfRange);
        }
        other => panic!("expected row problems, got {other:?}"),
    }
    let imported = import_file(&path, BadRows::Skip).unwrap();
    let skipped = imported
        .warnings
        .first
        .iter()
        .filter(|w| matches!(w, ImportWarning::Skipped(_)))
        .count();
    assert_eq!(skipped, 2);
    let count = imported.plan.indicator_count();
    assert_eq!(count, 7);
}
