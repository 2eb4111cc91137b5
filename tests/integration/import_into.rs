//! A matrix imported into an existing plan changes only what it carries (DOMAIN.md, "Figures in
//! from a matrix"): the cut's quarter (suma: the figure less the quarters before it), and
//! nothing it does not name. What a reader could only guess is refused: two cuts, a header
//! written twice, a stray byte in UTF-8; a workbook is read as Excel shows it (hidden rows and
//! columns are not read, and the summary says so).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_xlsxwriter::Workbook;

use crate::avance;
use avance::io::import::{BadRows, import_file};
use avance::io::{plan_file, seed_plan};
use avance::model::{Cut, Plan, Quarter};

pub(crate) const SEED_TSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/seed_objetivos_2_3.tsv"
);

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn q(n: u8) -> Quarter {
    Quarter::new(n).unwrap()
}

pub(crate) fn seed_tsv() -> String {
    std::fs::read_to_string(SEED_TSV).unwrap()
}

/// The seed's plan at the cut 30/06/2022 with what an officer adds over a year: 644 reports 31
/// in T2 with a comment and has a 2023 weight; 321 has a 2021 T4 figure and a T1 comment.
pub(crate) fn seed_with_quarters() -> Plan {
    let mut plan = seed_plan();
    plan.cut = Cut::new(2022, q(2));
    let i644 = &mut plan.objectives[2].metas[0].indicators[3];
    assert_eq!(i644.code.as_deref(), Some("644"));
    let year = i644.year_mut(2022);
    year.executed.insert(q(2), d("31"));
    year.comments
        .insert(q(2), "Jornada aplazada por lluvias".into());
    i644.year_mut(2023).weight = Some(d("5.5"));
    let i321 = &mut plan.objectives[1].metas[0].indicators[0];
    i321.year_mut(2021).executed.insert(q(4), d("20"));
    i321.year_mut(2022)
        .comments
        .insert(q(1), "Primer trimestre: mesas instaladas".into());
    plan
}

fn save(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    plan_file::save(plan, &path).unwrap();
    path
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The seed's matrix at the cut 30/06/2022, with 644's magnitude at the cut set to `figure`.
fn seed_matrix_at_t2(figure_644: &str) -> String {
    let text = seed_tsv().replace("al corte 31/03/2022", "al corte 30/06/2022");
    let old = "\t430\t19,00\t19,00%";
    assert!(text.contains(old));
    text.replace(old, &format!("\t430\t{figure_644}\t{figure_644}%"))
}

/// `avance import MATRIX --into PLAN -o OUT`: exit code, stdout, stderr and OUT.
fn import_into(matrix: &Path, plan: &Path, extra: &[&str]) -> (i32, String, String, PathBuf) {
    let out = plan.with_file_name("importado.ron");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "import",
        matrix.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = avance(&args);
    (code, stdout, stderr, out)
}

#[test]
fn a_seed_layout_matrix_changes_only_the_cut_quarter_and_keeps_quarters_comments_and_weights() {
    let dir = tempfile::tempdir().unwrap();
    let before = seed_with_quarters();
    let plan = save(dir.path(), "plan.ron", &before);
    // 644's running total at T2: 19 reported in T1 and 31 in T2.
    let matrix = write(dir.path(), "t2.tsv", seed_matrix_at_t2("50,00").as_bytes());
    let (code, stdout, stderr, out) = import_into(&matrix, &plan, &[]);
    assert_eq!(code, 0, "{stderr}");
    let after = plan_file::load(&out).unwrap();
    let i644 = &after.objectives[2].metas[0].indicators[3];
    assert_eq!(i644.executed(2022, q(1)), Some(d("19.00")), "T1 stays");
    assert_eq!(i644.executed(2022, q(2)), Some(d("31")), "T2 = 50 − 19");
    assert_eq!(
        i644.year(2022)
            .unwrap()
            .comments
            .get(&q(2))
            .map(String::as_str),
        Some("Jornada aplazada por lluvias")
    );
    assert_eq!(
        i644.weight(2023),
        Some(d("5.5")),
        "another vigencia's weight"
    );
    let i321 = &after.objectives[1].metas[0].indicators[0];
    assert_eq!(i321.executed(2021, q(4)), Some(d("20")), "another vigencia");
    assert_eq!(i321.executed(2022, q(1)), Some(d("27.50")));
    assert_eq!(
        i321.executed(2022, q(2)),
        Some(d("27.50")),
        "creciente: the level at the cut"
    );
    assert!(i321.year(2022).unwrap().comments.contains_key(&q(1)));
    // Texts, settings and the plan's own fields stay as they were.
    assert_eq!(after.title, before.title);
    assert_eq!(after.objectives[0], before.objectives[0]);
    assert!(
        stdout.contains("9 indicadores de la matriz en el plan, corte 30/06/2022"),
        "{stdout}"
    );
}

#[test]
fn a_suma_figure_below_the_quarters_already_in_the_plan_is_refused_with_the_row_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &seed_with_quarters());
    let matrix = write(dir.path(), "t2.tsv", seed_matrix_at_t2("15,00").as_bytes());
    let (code, _, stderr, out) = import_into(&matrix, &plan, &[]);
    assert_eq!(code, 1, "{stderr}");
    for expected in [
        "fila 10, columna «Magnitud ejecutada al corte 30/06/2022», valor «15,00»",
        "(19,00)",
        "el T2 quedaría en -4,00",
        "no se importó nada",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
    assert!(!out.exists(), "nothing is written");

    // Skipping it imports the other rows and leaves 644 as it was.
    let (code, _, stderr, out) = import_into(&matrix, &plan, &["--lenient"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("fila omitida: fila 10"), "{stderr}");
    let after = plan_file::load(&out).unwrap();
    assert_eq!(
        after.objectives[2].metas[0].indicators[3],
        seed_with_quarters().objectives[2].metas[0].indicators[3]
    );
}

#[test]
fn objectives_and_indicators_the_matrix_does_not_name_stay_exactly_as_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let before = seed_with_quarters();
    let plan = save(dir.path(), "plan.ron", &before);
    // A team's sheet: objective 2 only, with 321 at 30 in T1 and a new indicator in its meta.
    let seed = seed_tsv();
    let lines: Vec<&str> = seed.lines().take(3).collect();
    let mut text = lines
        .join("\n")
        .replace("\t27,50\t50,00%", "\t30,00\t54,55%");
    text.push_str(
        "\n2\tMETA SECTORIAL 301\t\t322\tPorcentaje de mesas territoriales instaladas\tSecretaría General\t0%\t\t\t10\t\t\t10\t2\t20%\n",
    );
    let matrix = write(dir.path(), "objetivo2.tsv", text.as_bytes());
    let (code, stdout, stderr, out) = import_into(&matrix, &plan, &[]);
    assert_eq!(code, 0, "{stderr}");
    let after = plan_file::load(&out).unwrap();
    assert_eq!(
        after.objectives[2], before.objectives[2],
        "objective 3 as it was"
    );
    let meta = &after.objectives[1].metas[0];
    assert_eq!(meta.indicators[0].executed(2022, q(1)), Some(d("30")));
    assert_eq!(
        meta.indicators[0].executed(2021, q(4)),
        Some(d("20")),
        "and what the row does not carry stays"
    );
    assert_eq!(
        meta.name, before.objectives[1].metas[0].name,
        "no column, no change"
    );
    assert_eq!(meta.indicators.len(), 2, "the new indicator joins its meta");
    assert_eq!(meta.indicators[1].code.as_deref(), Some("322"));
    for expected in [
        "3 indicadores de la matriz en el plan, corte 31/03/2022: 1 cambió, 1 sin cambios, 1 nuevo.",
        "7 indicadores del plan que la matriz no nombra quedaron como estaban",
    ] {
        assert!(stdout.contains(expected), "{expected}: {stdout}");
    }
}

#[test]
fn two_magnitude_columns_with_different_dates_are_refused_not_one_picked() {
    let dir = tempfile::tempdir().unwrap();
    let text: Vec<String> = seed_tsv()
        .lines()
        .map(|line| {
            if line.starts_with("Objetivo") {
                format!("{line}\tMagnitud ejecutada al corte 30/06/2022")
            } else {
                format!("{line}\t10")
            }
        })
        .collect();
    let matrix = write(dir.path(), "dos_cortes.tsv", text.join("\n").as_bytes());
    let plan = save(dir.path(), "plan.ron", &seed_plan());
    for args in [
        vec!["import", matrix.to_str().unwrap(), "-o"],
        vec![
            "import",
            matrix.to_str().unwrap(),
            "--into",
            plan.to_str().unwrap(),
            "-o",
        ],
    ] {
        let out = dir.path().join("salida.ron");
        let mut args = args.clone();
        args.push(out.to_str().unwrap());
        let (code, _, stderr) = avance(&args);
        assert_eq!(code, 1, "{stderr}");
        for expected in [
            "31/03/2022 (columna N)",
            "30/06/2022 (columna P)",
            "deje una",
        ] {
            assert!(stderr.contains(expected), "{expected}: {stderr}");
        }
        assert!(!out.exists());
    }
}

#[test]
fn a_header_written_twice_or_two_headers_for_one_figure_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let header = seed_tsv().lines().next().unwrap().to_owned();
    let cases = [
        (
            "Programación 2022",
            "Programación 2022",
            "La columna «Programación 2022» está dos veces en los encabezados (columnas J y P)",
        ),
        (
            "Nombre indicador",
            "nombre INDICADOR",
            "La columna «Nombre indicador» está dos veces en los encabezados (columnas E y P)",
        ),
        (
            "Indicador sectorial",
            "Código",
            "Las columnas «Indicador sectorial» (D) y «Código» (P) son la misma columna",
        ),
    ];
    for (_, added, expected) in cases {
        let text = seed_tsv().replace(&header, &format!("{header}\t{added}"));
        let matrix = write(dir.path(), "repetida.tsv", text.as_bytes());
        let out = dir.path().join("salida.ron");
        let (code, _, stderr) = avance(&[
            "import",
            matrix.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{added}: {stderr}");
        assert!(stderr.contains(expected), "{added}: {stderr}");
        assert!(!out.exists());
    }
}

/// The seed's matrix in a workbook's first sheet («Matriz»), figures as numbers; `edit` adds
/// to the sheet before it is saved.
fn seed_workbook(edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Matriz").unwrap();
    for (r, line) in seed_tsv().lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            let (row, col) = (r as u32, c as u16);
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
    edit(sheet);
    workbook.save_to_buffer().unwrap()
}

fn i644(plan: &Plan) -> &avance::model::Indicator {
    let indicator = &plan.objectives[2].metas[0].indicators[3];
    assert_eq!(indicator.code.as_deref(), Some("644"));
    indicator
}

#[test]
fn a_hidden_column_is_not_read_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // An older cut's column kept beside the current one, hidden: 644 had 80 then.
    let bytes = seed_workbook(|sheet| {
        for row in [0, 4, 7, 10] {
            sheet
                .write_string(row, 15, "Magnitud ejecutada al corte 31/12/2021")
                .unwrap();
        }
        for row in [1, 2, 5, 6, 8, 9, 11, 12, 13] {
            sheet.write_number(row, 15, 80.0).unwrap();
        }
        sheet.set_column_hidden(15).unwrap();
    });
    let matrix = write(dir.path(), "oculta.xlsx", &bytes);
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(imported.plan.cut.to_string(), "2022-Q1");
    assert_eq!(i644(&imported.plan).executed(2022, q(1)), Some(d("19")));
    let progress = avance::model::PlanProgress::compute(&imported.plan, imported.plan.cut);
    let figure = progress.objectives[2].indicators[3].progress();
    assert_eq!(figure, Some(d("19")), "19 %, not 80 %");
    let lines = imported.report(avance::model::Language::Es).summary;
    assert!(
        lines.iter().any(|l| l
            == "No se leyeron las filas y columnas ocultas (se lee la hoja como la muestra Excel): 0 filas, 1 columna (P («Matriz»))."),
        "{lines:?}"
    );
}

#[test]
fn a_hidden_row_is_not_read_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // 644's row copied below the table and hidden (a filtered-out duplicate).
    let row_644: Vec<String> = seed_tsv()
        .lines()
        .nth(9)
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect();
    let bytes = seed_workbook(|sheet| {
        for (c, cell) in row_644.iter().enumerate() {
            sheet.write_string(15, c as u16, cell).unwrap();
        }
        sheet.set_row_hidden(15).unwrap();
    });
    let matrix = write(dir.path(), "fila_oculta.xlsx", &bytes);
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(imported.plan.indicator_count(), 9, "644 once");
    let lines = imported.report(avance::model::Language::Es).summary;
    assert!(
        lines.iter().any(|l| l
            == "No se leyeron las filas y columnas ocultas (se lee la hoja como la muestra Excel): 1 fila, 0 columnas."),
        "{lines:?}"
    );
    // "Hide unused rows" (zeroHeight) hides only the rows the sheet does not use.
    let bytes = seed_workbook(|sheet| {
        sheet.hide_unused_rows(true);
    });
    let matrix = write(dir.path(), "sin_filas_sobrantes.xlsx", &bytes);
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(imported.plan.indicator_count(), 9);
    assert_eq!(imported.summary.hidden.rows, 0);
}

#[test]
fn a_required_column_that_is_hidden_is_named_in_the_refusal() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = seed_workbook(|sheet| {
        sheet.set_column_hidden(6).unwrap();
    });
    let matrix = write(dir.path(), "ponderacion_oculta.xlsx", &bytes);
    let out = dir.path().join("salida.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("Faltan columnas obligatorias: Ponderación indicador. La fila de encabezados tiene columnas ocultas, que no se leen: «Ponderación indicador» (G)"),
        "{stderr}"
    );
}

/// The seed's matrix as Excel in Spanish writes a CSV: `;` between fields.
fn seed_csv() -> String {
    seed_tsv().replace('\t', ";")
}

#[test]
fn a_utf8_csv_with_one_stray_byte_is_refused_naming_the_row_and_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_csv();
    assert!(text.lines().nth(4).unwrap().contains("Programación"));
    // Row 6 (464) is typed in Windows-1252 by mistake: the "á" of "Bogotá" is the single
    // byte 0xE1.
    let mut bytes = Vec::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i == 5 {
            let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            bytes.extend_from_slice(&cp1252);
        } else {
            bytes.extend_from_slice(line.as_bytes());
        }
    }
    assert!(std::str::from_utf8(&bytes).is_err());
    let matrix = write(dir.path(), "mezcla.csv", &bytes);
    let out = dir.path().join("salida.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("UTF-8 salvo el byte 0xE1 de la fila 6"),
        "{stderr}"
    );
    assert!(!out.exists());
    // A file wholly in Windows-1252 is still read.
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let whole = write(dir.path(), "ansi.csv", &cp1252);
    let imported = import_file(&whole, BadRows::Stop).unwrap();
    assert_eq!(
        imported.plan.objectives[1].metas[0].indicators[0].entity,
        "Secretaría General"
    );
}

#[test]
fn a_csv_whose_first_line_is_a_title_is_read_from_its_header() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "Matriz de indicadores, Sector Gestión Pública, corte 31/03/2022\n{}",
        seed_csv()
    );
    let matrix = write(dir.path(), "con_titulo.csv", text.as_bytes());
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(imported.plan.indicator_count(), 9);
    assert_eq!(i644(&imported.plan).executed(2022, q(1)), Some(d("19")));
    assert_eq!(imported.summary.rows.before_header, 1);
}

#[test]
fn utf16_without_a_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "utf16le.csv",
            seed_csv()
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
        ),
        (
            "utf16be.tsv",
            seed_tsv()
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect::<Vec<u8>>(),
        ),
    ] {
        let matrix = write(dir.path(), name, &bytes);
        let imported = import_file(&matrix, BadRows::Stop).unwrap();
        assert_eq!(imported.plan.indicator_count(), 9, "{name}");
        assert_eq!(
            imported.plan.objectives[1].metas[0].indicators[0].entity,
            "Secretaría General"
        );
    }
}

#[test]
fn a_file_without_the_matrix_header_says_what_its_first_row_holds() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Informe de gestión 2022\nEntidad;Avance\nSecretaría General;50\n";
    let matrix = write(dir.path(), "otra_cosa.csv", text.as_bytes());
    let out = dir.path().join("salida.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("Faltan columnas obligatorias"), "{stderr}");
    for expected in [
        "Ninguna de las 3 filas leídas es la fila de encabezados",
        "La primera dice: «Informe de gestión 2022»",
        "título",
        "codificación",
    ] {
        assert!(stderr.contains(expected), "{expected}: {stderr}");
    }
}

#[test]
fn the_window_imports_into_the_open_plan_keeping_earlier_quarters_and_comments() {
    let dir = tempfile::tempdir().unwrap();
    let before = seed_with_quarters();
    let plan = save(dir.path(), "plan.ron", &before);
    let matrix = write(dir.path(), "t2.tsv", seed_matrix_at_t2("50,00").as_bytes());
    let dialogs = crate::ui::ScriptedDialogs::default();
    let mut window = crate::ui::window(avance::view::Prefs::default(), Some(plan), dialogs.clone());
    dialogs.answer(Some(matrix));
    window
        .state_mut()
        .run_command(avance::view::Command::ImportIntoOpenPlan);
    window.run();
    let app = window.state();
    let after = app.plan();
    let i644 = i644(after);
    assert_eq!(i644.executed(2022, q(1)), Some(d("19.00")));
    assert_eq!(i644.executed(2022, q(2)), Some(d("31")));
    assert_eq!(i644.year(2022).unwrap().comments.len(), 1);
    assert_eq!(i644.weight(2023), Some(d("5.5")));
    let text = &app.notice().expect("a notice").text;
    assert!(
        text.contains("9 indicadores de la matriz en el plan, corte 30/06/2022"),
        "{text}"
    );
}

#[test]
fn the_plan_is_never_written_over_the_matrix_being_imported() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = write(dir.path(), "matriz.tsv", seed_tsv().as_bytes());
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        dir.path().join(".").join("matriz.tsv").to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("sobre la matriz que se importa"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&matrix).unwrap(), seed_tsv());
}

/// The seed-with-quarters plan exported as CSV, with `edits` (column header, new value) made
/// to 644's row, as an entity would fill the export in Excel.
fn export_edited(edits: &[(&str, &str)]) -> String {
    let plan = seed_with_quarters();
    let text = avance::io::export::to_csv(&plan, plan.cut);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let mut fields: Vec<String> = record.unwrap().iter().map(str::to_owned).collect();
        if fields[3] == "644" {
            for (header, value) in edits {
                let at = headers.iter().position(|h| h == *header).unwrap();
                fields[at] = (*value).to_owned();
            }
        }
        writer.write_record(&fields).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// Imports `matrix` into the seed-with-quarters plan: exit code, stderr and 644 afterwards.
fn import_644(matrix: &str) -> (i32, String, Option<avance::model::Indicator>) {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &seed_with_quarters());
    let matrix = write(dir.path(), "devuelta.csv", matrix.as_bytes());
    let (code, _, stderr, out) = import_into(&matrix, &plan, &[]);
    let after = plan_file::load(&out).ok().map(|p| i644(&p).clone());
    (code, stderr, after)
}

const AT_CUT: &str = "Magnitud ejecutada al corte 30/06/2022";

#[test]
fn an_export_filled_in_at_the_cut_column_changes_the_cut_quarter() {
    // The entity writes the running total in the seed's column and leaves the quarters.
    let (code, stderr, after) = import_644(&export_edited(&[(AT_CUT, "60")]));
    assert_eq!(code, 0, "{stderr}");
    let after = after.unwrap();
    assert_eq!(after.executed(2022, q(1)), Some(d("19.00")));
    assert_eq!(after.executed(2022, q(2)), Some(d("41")), "60 − 19");
}

#[test]
fn an_export_filled_in_at_the_quarter_column_takes_that_quarter() {
    // The entity writes T2 and leaves the running total as exported.
    let (code, stderr, after) = import_644(&export_edited(&[("Ejecutado 2022 T2", "40")]));
    assert_eq!(code, 0, "{stderr}");
    let after = after.unwrap();
    assert_eq!(after.executed(2022, q(1)), Some(d("19.00")));
    assert_eq!(after.executed(2022, q(2)), Some(d("40")));
    // Both, agreeing: the same.
    let (code, stderr, after) = import_644(&export_edited(&[
        ("Ejecutado 2022 T2", "40"),
        (AT_CUT, "59"),
    ]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after.unwrap().executed(2022, q(2)), Some(d("40")));
}

#[test]
fn an_export_whose_quarter_and_cut_columns_both_change_and_disagree_is_refused() {
    let (code, stderr, after) = import_644(&export_edited(&[
        ("Ejecutado 2022 T2", "40"),
        (AT_CUT, "70"),
    ]));
    assert_eq!(code, 1, "{stderr}");
    assert!(after.is_none());
    assert!(
        stderr.contains(
            "columna «Magnitud ejecutada al corte 30/06/2022», valor «70»: las columnas de \
             trimestres de la fila dan 59,00 al corte"
        ),
        "{stderr}"
    );
}

#[test]
fn the_cuts_weight_is_taken_from_whichever_of_its_two_columns_changed() {
    let (code, stderr, after) = import_644(&export_edited(&[("Ponderación indicador", "4")]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after.unwrap().weight(2022), Some(d("4")));
    let (code, stderr, after) = import_644(&export_edited(&[("Ponderación 2022", "4,5")]));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(after.unwrap().weight(2022), Some(d("4.5")));
    let (code, stderr, _) = import_644(&export_edited(&[
        ("Ponderación indicador", "4"),
        ("Ponderación 2022", "4,5"),
    ]));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("la columna «Ponderación 2022» dice 4,5"),
        "{stderr}"
    );
}

#[test]
fn a_matrix_with_figures_of_a_later_quarter_moves_the_plans_cut() {
    let dir = tempfile::tempdir().unwrap();
    let plan = save(dir.path(), "plan.ron", &seed_plan());
    let matrix = write(dir.path(), "t2.tsv", seed_matrix_at_t2("25,00").as_bytes());
    let (code, stdout, stderr, out) = import_into(&matrix, &plan, &[]);
    assert_eq!(code, 0, "{stderr}");
    let after = plan_file::load(&out).unwrap();
    assert_eq!(after.cut, Cut::new(2022, q(2)));
    assert_eq!(i644(&after).executed(2022, q(2)), Some(d("6.00")));
    assert!(
        stdout.contains("El corte del plan pasó de 31/03/2022 a 30/06/2022"),
        "{stdout}"
    );
}

/// Importing back the plan's own export changes nothing: the notice says so, and does not send
/// the officer to save a plan that is saved.
#[test]
fn importing_back_the_plans_own_export_says_nothing_changed_not_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let before = seed_with_quarters();
    let plan = save(dir.path(), "plan.ron", &before);
    let csv = avance::io::export::to_csv(&before, before.cut);
    let matrix = write(dir.path(), "export.csv", csv.as_bytes());
    let dialogs = crate::ui::ScriptedDialogs::default();
    let mut window = crate::ui::window(avance::view::Prefs::default(), Some(plan), dialogs.clone());
    dialogs.answer(Some(matrix));
    window
        .state_mut()
        .run_command(avance::view::Command::ImportIntoOpenPlan);
    window.run();
    let app = window.state();
    assert_eq!(*app.plan(), before);
    assert!(!app.title().contains(" •"), "{}", app.title());
    let text = &app.notice().expect("a notice").text;
    assert!(text.contains("el plan no cambió"), "{text}");
    assert!(!text.contains("no está guardado"), "{text}");
}

/// A figure with more decimals than a decimal holds is refused with its text, never rounded
/// (0,000…01 to 0, 33,33…3 with 29 decimals to 27): nothing is written.
#[test]
fn a_figure_with_more_decimals_than_avance_keeps_is_refused_not_rounded() {
    for figure in [
        "0,00000000000000000000000000001",
        "33,33333333333333333333333333333",
    ] {
        let (code, stderr, after) = import_644(&export_edited(&[("Ejecutado 2022 T2", figure)]));
        assert_ne!(code, 0, "{figure}: {stderr}");
        assert!(stderr.contains("más decimales"), "{stderr}");
        assert!(stderr.contains(figure), "{stderr}");
        assert!(after.is_none(), "nothing written");
    }
}

/// Without its code column (deleted, or hidden in a workbook), a matrix would bring every
/// coded indicator in again as a new one beside itself: into a plan it is refused, naming the
/// column, and nothing is written.
#[test]
fn a_matrix_without_its_code_column_is_refused_into_a_plan_never_duplicated() {
    let full = export_edited(&[]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(full.as_bytes());
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[3], "Indicador sectorial");
    let without = |record: &csv::StringRecord| {
        record
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 3)
            .map(|(_, f)| f.to_owned())
            .collect::<Vec<_>>()
    };
    writer.write_record(without(&headers)).unwrap();
    for record in reader.records() {
        writer.write_record(without(&record.unwrap())).unwrap();
    }
    let matrix = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let (code, stderr, after) = import_644(&matrix);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("Indicador sectorial"), "{stderr}");
    assert!(after.is_none(), "nothing written");
}
