//! Imports never write a wrong plan with exit 0: a matrix that cannot be read as the officer
//! sees it is refused with a message naming the row or cell, and no input aborts the process.
//! Each case runs the real binary on a hostile file built here.

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use crate::avance;
use avance::io::import::{BadRows, import_file};

const SEED_TSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/seed_objetivos_2_3.tsv"
);

fn seed_tsv() -> String {
    std::fs::read_to_string(SEED_TSV).unwrap()
}

/// The seed's TSV with one replacement on one line (1-based), the other lines as they are.
fn edit_line(text: &str, line: usize, from: &str, to: &str) -> String {
    let mut out = String::new();
    for (i, l) in text.lines().enumerate() {
        if i + 1 == line {
            assert!(l.contains(from), "line {line} has {from:?}");
            out.push_str(&l.replacen(from, to, 1));
        } else {
            out.push_str(l);
        }
        out.push('\n');
    }
    out
}

/// The seed's matrix as Excel stores it: a title in row 1, the TSV's lines from row 3 (so the
/// 321 row is row 4: weight G4, executed N4; META PROYECTO 4 is row 5), figures as numbers.
fn write_seed(sheet: &mut Worksheet) {
    sheet
        .write_string(0, 0, "Plan estratégico sectorial: metas e indicadores")
        .unwrap();
    for (r, line) in seed_tsv().lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            let (row, col) = (r as u32 + 2, c as u16);
            let plain = cell.replace("<b>", "").replace("</b>", "");
            match plain.replace(',', ".").parse::<f64>() {
                Ok(n) if c > 0 && c != 3 => {
                    sheet.write_number(row, col, n).unwrap();
                }
                _ => {
                    sheet.write_string(row, col, cell).unwrap();
                }
            }
        }
    }
}

/// A workbook with the seed in a sheet named "Matriz", changed by `edit`.
fn seed_workbook(edit: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Matriz").unwrap();
    write_seed(sheet);
    edit(&mut workbook);
    workbook.save_to_buffer().unwrap()
}

fn first_sheet(workbook: &mut Workbook) -> &mut Worksheet {
    workbook.worksheet_from_index(0).unwrap()
}

/// The archive with each entry's bytes passed through `edit(name, bytes)`.
pub(crate) fn rewrite_zip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&edit(&name, data)).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// `text` with `from` replaced by `to` in the part named `part`.
pub(crate) fn replace_in(part: &str, name: &str, data: Vec<u8>, from: &str, to: &str) -> Vec<u8> {
    if name != part {
        return data;
    }
    let text = String::from_utf8(data).unwrap();
    assert!(text.contains(from), "{part} has {from:?}");
    text.replace(from, to).into_bytes()
}

/// Sets the uncompressed size the archive's headers (local and central) declare for `part`.
fn declare_size(bytes: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (signature, size_at, name_len_at, name_at) = match &bytes[at..at + 4] {
            [0x50, 0x4b, 0x03, 0x04] => ("local", at + 22, at + 26, at + 30),
            [0x50, 0x4b, 0x01, 0x02] => ("central", at + 24, at + 28, at + 46),
            _ => continue,
        };
        let name_len = usize::from(u16::from_le_bytes([
            bytes[name_len_at],
            bytes[name_len_at + 1],
        ]));
        if bytes.get(name_at..name_at + name_len) == Some(name) {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
            assert!(["local", "central"].contains(&signature));
        }
    }
    assert_eq!(patched, 2, "{part}: one local and one central header");
}

/// Runs `avance import` on `bytes` saved as `name`; returns exit code, stdout, stderr and the
/// plan file it was asked to write.
fn import(dir: &Path, name: &str, bytes: &[u8], args: &[&str]) -> (i32, String, String, PathBuf) {
    let input = dir.join(name);
    std::fs::write(&input, bytes).unwrap();
    let output = dir.join(format!("{name}.ron"));
    let mut all = vec![
        "import",
        input.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = avance(&all);
    (code, stdout, stderr, output)
}

/// Exit 1 with every `expected` text in the message, and no plan file written.
fn assert_refused(
    (code, stdout, stderr, output): &(i32, String, String, PathBuf),
    expected: &[&str],
) {
    assert_eq!(
        *code, 1,
        "refused, not aborted\nstdout: {stdout}\nstderr: {stderr}"
    );
    for text in expected {
        assert!(stderr.contains(text), "{text:?} in: {stderr}");
    }
    assert!(!output.exists(), "no plan file is written");
}

/// Objectives 2 and 3 of a plan file, as `report --format json` gives them.
fn objectives_2_and_3(plan: &Path) -> (String, String) {
    let (code, report, stderr) = avance(&["report", plan.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&report).unwrap();
    (
        json["objectives"][1]["progress"].to_string(),
        json["objectives"][2]["progress"].to_string(),
    )
}

fn seed_figures() -> (String, String) {
    ("\"50.24\"".to_owned(), "\"24.15\"".to_owned())
}

#[test]
fn the_seed_import_summary_says_what_was_read_imported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.ron");
    let out = out.to_str().unwrap();
    let (code, stdout, stderr) = avance(&["import", SEED_TSV, "-o", out]);
    assert_eq!(code, 0, "{stderr}");
    for expected in [
        "9 indicadores importados, corte 31/03/2022.",
        "Archivo leído: ",
        "seed_objetivos_2_3.tsv",
        "15 filas leídas: 1 de encabezados, 9 importadas, 5 omitidas (3 encabezados repetidos, 2 filas de total).",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in: {stdout}");
    }
    let (code, stdout, _) = avance(&["import", SEED_TSV, "-o", out, "--force", "--lang", "en"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "15 rows read: 1 of headers, 9 imported, 5 skipped (3 repeated headers, 2 total rows)."
        ),
        "{stdout}"
    );
}

#[test]
fn a_quote_that_never_closes_is_refused_naming_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit_line(
        &seed_tsv(),
        6,
        "\tSecretaría General\t",
        "\t\"Secretaría General\t",
    );
    let outcome = import(dir.path(), "comillas.tsv", text.as_bytes(), &[]);
    assert_refused(&outcome, &["fila 6", "comillas"]);
}

#[test]
fn a_quote_that_closes_rows_later_is_refused_naming_the_rows() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit_line(
        &seed_tsv(),
        6,
        "\tSecretaría General\t",
        "\t\"Secretaría General\t",
    );
    let text = edit_line(
        &text,
        10,
        "\tSecretaría General\t",
        "\tSecretaría General\"\t",
    );
    let outcome = import(dir.path(), "comillas.tsv", text.as_bytes(), &[]);
    assert_refused(&outcome, &["filas 6 a 10", "comillas"]);
    // Closed one row later: the two lines are two rows, read as one.
    let text = edit_line(
        &seed_tsv(),
        6,
        "\tSecretaría General\t",
        "\t\"Secretaría General\t",
    );
    let text = edit_line(
        &text,
        7,
        "\tSecretaría General\t",
        "\tSecretaría General\"\t",
    );
    let outcome = import(dir.path(), "comillas.tsv", text.as_bytes(), &[]);
    assert_refused(&outcome, &["filas 6 a 7", "comillas"]);
}

#[test]
fn quoted_line_breaks_and_quotes_inside_a_cell_are_read_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit_line(
        &seed_tsv(),
        3,
        "\tSecretaría General\t",
        "\tSecretaría \"General\"\t",
    );
    let text = edit_line(
        &text,
        2,
        "\t321\tPorcentaje de avance en la implementación",
        "\t321\t\"Porcentaje de avance\nen la implementación",
    );
    let text = text.replacen(
        "Acuerdos de Paz en el Distrito.\tSecretaría General",
        "Acuerdos de Paz en el Distrito.\"\tSecretaría General",
        1,
    );
    let path = dir.path().join("saltos.tsv");
    std::fs::write(&path, &text).unwrap();
    let imported = import_file(&path, BadRows::Stop).unwrap();
    let metas = &imported.plan.objectives[1].metas;
    assert!(
        metas[0].indicators[0]
            .name
            .starts_with("Porcentaje de avance\nen la")
    );
    assert_eq!(metas[1].indicators[0].entity, "Secretaría \"General\"");
    assert_eq!(imported.plan.indicator_count(), 9);
    let (code, _, stderr, output) = import(dir.path(), "saltos.tsv", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(objectives_2_and_3(&output), seed_figures());
}

/// How rust_xlsxwriter stores `=55/2`: the formula and a placeholder 0.
const FORMULA_0: &str = "<f>55/2</f><v>0</v>";

#[test]
fn formulas_whose_value_no_spreadsheet_computed_are_refused_naming_the_cells() {
    let dir = tempfile::tempdir().unwrap();
    // As rust_xlsxwriter and other libraries write them: a placeholder 0 and a request that
    // Excel recompute on opening.
    let scripted = seed_workbook(|workbook| {
        first_sheet(workbook).write_formula(3, 13, "=55/2").unwrap();
    });
    let outcome = import(dir.path(), "guion.xlsx", &scripted, &[]);
    assert_refused(&outcome, &["N4", "recalcule y guarde el libro en Excel"]);

    // With no cached value at all (openpyxl and hand-written files).
    let uncached = rewrite_zip(&scripted, |name, data| {
        let data = replace_in(
            "xl/worksheets/sheet1.xml",
            name,
            data,
            FORMULA_0,
            "<f>55/2</f>",
        );
        replace_in("xl/workbook.xml", name, data, " fullCalcOnLoad=\"1\"", "")
    });
    let outcome = import(dir.path(), "sin_valor.xlsx", &uncached, &[]);
    assert_refused(&outcome, &["N4", "recalcule y guarde el libro en Excel"]);

    // As Excel saves them: the computed value is kept beside the formula, and it is read.
    let saved_by_excel = rewrite_zip(&scripted, |name, data| {
        let data = replace_in(
            "xl/worksheets/sheet1.xml",
            name,
            data,
            FORMULA_0,
            "<f>55/2</f><v>27.5</v>",
        );
        replace_in("xl/workbook.xml", name, data, " fullCalcOnLoad=\"1\"", "")
    });
    let (code, _, stderr, output) = import(dir.path(), "excel.xlsx", &saved_by_excel, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(objectives_2_and_3(&output), seed_figures());
}

#[test]
fn hidden_sheets_are_not_read_unless_named_with_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = seed_workbook(|workbook| {
        let copy = workbook.add_worksheet();
        copy.set_name("Copia").unwrap();
        write_seed(copy);
        copy.set_hidden(true);
    });
    let (code, stdout, stderr, output) = import(dir.path(), "oculta.xlsx", &bytes, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("9 indicadores importados"), "{stdout}");
    assert!(stdout.contains("Hoja leída: «Matriz»"), "{stdout}");
    assert!(stdout.contains("«Copia» (oculta)"), "{stdout}");
    assert_eq!(objectives_2_and_3(&output), seed_figures());

    let (code, stdout, stderr, _) = import(
        dir.path(),
        "oculta.xlsx",
        &bytes,
        &["--sheet", "Copia", "--force"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("9 indicadores importados"), "{stdout}");
    assert!(stdout.contains("Hoja leída: «Copia»"), "{stdout}");

    let outcome = import(
        dir.path(),
        "oculta.xlsx",
        &bytes,
        &["--sheet", "Resumen", "--force"],
    );
    assert_eq!(outcome.0, 1, "{}", outcome.2);
    assert!(
        outcome.2.contains("«Resumen»") && outcome.2.contains("«Matriz», «Copia»"),
        "{}",
        outcome.2
    );

    let outcome = import(
        dir.path(),
        "matriz.tsv",
        seed_tsv().as_bytes(),
        &["--sheet", "Matriz"],
    );
    assert_refused(&outcome, &["--sheet"]);
}

#[test]
fn a_date_formatted_figure_is_refused_naming_the_cell() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = seed_workbook(|workbook| {
        let date = Format::new().set_num_format("dd/mm/yyyy");
        first_sheet(workbook)
            .write_number_with_format(3, 13, 44651.0, &date)
            .unwrap();
    });
    let outcome = import(dir.path(), "fecha.xlsx", &bytes, &[]);
    assert_refused(&outcome, &["N4", "31/03/2022", "fecha"]);
}

#[test]
fn a_percent_formatted_weight_is_read_as_the_sheet_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = seed_workbook(|workbook| {
        let percent = Format::new().set_num_format("0.00%");
        let sheet = first_sheet(workbook);
        sheet
            .write_number_with_format(3, 6, 0.8935, &percent)
            .unwrap();
        sheet
            .write_number_with_format(4, 6, 0.1065, &percent)
            .unwrap();
    });
    let (code, _, stderr, output) = import(dir.path(), "porcentaje.xlsx", &bytes, &[]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(objectives_2_and_3(&output), seed_figures());
    let plan = avance::io::plan_file::load(&output).unwrap();
    assert_eq!(
        plan.objectives[1].metas[0].indicators[0]
            .weight(2022)
            .map(|w| w.to_string()),
        Some("89.35".to_owned())
    );
}

#[test]
fn a_sheet_that_declares_or_uses_cells_far_away_is_refused_not_aborted() {
    let dir = tempfile::tempdir().unwrap();
    // One empty text at the last cell Excel has (XFD1048576): the sheet declares 17 billion
    // cells.
    let last_cell = seed_workbook(|workbook| {
        let bold = Format::new().set_bold();
        first_sheet(workbook)
            .write_blank(1_048_575, 16_383, &bold)
            .unwrap();
    });
    let last_cell = rewrite_zip(&last_cell, |name, data| {
        replace_in(
            "xl/worksheets/sheet1.xml",
            name,
            data,
            "<c r=\"XFD1048576\" s=\"1\"/>",
            "<c r=\"XFD1048576\" s=\"1\" t=\"str\"><v></v></c>",
        )
    });
    let outcome = import(dir.path(), "xfd.xlsx", &last_cell, &[]);
    assert_refused(&outcome, &["XFD1048576", "«Matriz»"]);

    let far_value = seed_workbook(|workbook| {
        first_sheet(workbook)
            .write_string(199_999, 701, "x")
            .unwrap();
    });
    let outcome = import(dir.path(), "zz.xlsx", &far_value, &[]);
    assert_refused(&outcome, &["ZZ200000", "«Matriz»"]);

    // A dimension that says less than the sheet holds: the cell itself is refused.
    let lying = rewrite_zip(&far_value, |name, data| {
        replace_in(
            "xl/worksheets/sheet1.xml",
            name,
            data,
            "<dimension ref=\"A1:ZZ200000\"/>",
            "<dimension ref=\"A1:O17\"/>",
        )
    });
    let outcome = import(dir.path(), "zz_oculto.xlsx", &lying, &[]);
    assert_refused(&outcome, &["ZZ200000", "«Matriz»"]);
}

#[test]
fn archives_that_unpack_to_more_than_they_may_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    // A zip bomb: a small file whose sheet unpacks to far more than a plan matrix can be.
    let seed = seed_workbook(|_| {});
    let bomb = rewrite_zip(&seed, |name, data| {
        if name != "xl/worksheets/sheet1.xml" {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        let padding = " ".repeat(40 * 1024 * 1024);
        text.replacen("<sheetData>", &format!("<sheetData>{padding}"), 1)
            .into_bytes()
    });
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    let outcome = import(dir.path(), "bomba.xlsx", &bomb, &[]);
    assert_refused(&outcome, &["xl/worksheets/sheet1.xml", "MB"]);

    // Headers that declare 4 GB: refused on the declaration alone.
    let mut huge = seed.clone();
    declare_size(&mut huge, "xl/sharedStrings.xml", u32::MAX - 1);
    let outcome = import(dir.path(), "declarada.xlsx", &huge, &[]);
    assert_refused(&outcome, &["xl/sharedStrings.xml", "MB"]);

    // Headers that declare less than the part holds: the reader stops at the declared size.
    let small_seed = || seed.clone();
    let mut small = small_seed();
    declare_size(&mut small, "xl/sharedStrings.xml", 100);
    let outcome = import(dir.path(), "menor.xlsx", &small, &[]);
    assert_refused(&outcome, &["El libro no se puede leer", "declared"]);

    // A shared-texts part that declares ten billion texts: calamine would reserve 240 GB.
    let declared = rewrite_zip(&small_seed(), |name, data| {
        if name != "xl/sharedStrings.xml" {
            return data;
        }
        let text = String::from_utf8(data).unwrap();
        let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = at + text[at..].find('"').unwrap();
        format!("{}9999999999{}", &text[..at], &text[end..]).into_bytes()
    });
    let outcome = import(dir.path(), "cuenta.xlsx", &declared, &[]);
    assert_refused(&outcome, &["xl/sharedStrings.xml", "9999999999"]);

    // Not a workbook at all, and a password-protected (or old .xls) one.
    let outcome = import(dir.path(), "texto.xlsx", b"Objetivo\tMeta\n", &[]);
    assert_refused(&outcome, &[".xlsx"]);
    let mut cfb = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    cfb.resize(4096, 0);
    let outcome = import(dir.path(), "clave.xlsx", &cfb, &[]);
    assert_refused(&outcome, &["contraseña"]);
}

#[test]
fn a_million_bad_rows_list_the_first_100_problems_and_the_count() {
    let dir = tempfile::tempdir().unwrap();
    let header = seed_tsv().lines().next().unwrap().to_owned();
    let mut text = String::with_capacity(3_000_000);
    text.push_str(&header);
    text.push('\n');
    for _ in 0..1_000_000 {
        // Objective 9, no meta, no name: three problems a row.
        text.push_str("21\n");
    }
    let outcome = import(dir.path(), "millon.tsv", text.as_bytes(), &[]);
    assert_refused(
        &outcome,
        &[
            "3000000 celdas en 1000000 filas",
            "las primeras 100",
            "y 2999900 más",
        ],
    );
    let lines = outcome.2.lines().count();
    assert!(lines <= 105, "{lines} lines");

    // Lenient: the good rows import, the summary counts the skipped ones, the list stops at 100.
    let mut with_seed = seed_tsv();
    with_seed.push_str(&text[header.len() + 1..]);
    let (code, stdout, stderr, _) = import(
        dir.path(),
        "millon_y_semilla.tsv",
        with_seed.as_bytes(),
        &["--lenient"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("9 indicadores importados"), "{stdout}");
    assert!(stdout.contains("1000000 con problemas"), "{stdout}");
    assert!(
        stderr.lines().count() <= 105,
        "{} lines",
        stderr.lines().count()
    );
    assert!(stderr.contains("y 2999900 avisos más"), "{stderr}");
}

#[test]
fn a_comma_followed_by_three_digits_is_read_as_decimals_and_the_summary_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let text = edit_line(&seed_tsv(), 10, "\t66\t120\t", "\t1,234\t120\t");
    let (code, stdout, stderr, output) = import(dir.path(), "coma.tsv", text.as_bytes(), &[]);
    assert_eq!(code, 0, "{stderr}");
    let all = format!("{stdout}{stderr}");
    assert!(
        all.contains(
            "fila 10, columna «Programación 2020», valor «1,234»: se leyó como 1,234 (coma decimal)"
        ),
        "{all}"
    );
    let plan = avance::io::plan_file::load(&output).unwrap();
    assert_eq!(
        plan.objectives[2].metas[0].indicators[3]
            .programmed(2020)
            .map(|p| p.to_string()),
        Some("1.234".to_owned())
    );
    assert_eq!(objectives_2_and_3(&output), seed_figures());
}

#[test]
fn a_lenient_import_with_no_good_row_says_why_not_just_empty() {
    let dir = tempfile::tempdir().unwrap();
    let header = seed_tsv().lines().next().unwrap().to_owned();
    let text = format!("{header}\n21\n2\tMETA 1\n");
    let outcome = import(dir.path(), "malas.tsv", text.as_bytes(), &["--lenient"]);
    assert_refused(
        &outcome,
        &[
            "Ninguna fila de indicadores se puede importar: 4 celdas en 2 filas",
            "fila 3",
        ],
    );
    assert!(!outcome.2.contains("--lenient"), "{}", outcome.2);
}

#[test]
fn rows_wider_than_the_columns_read_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = seed_tsv();
    text.push_str(&"\t".repeat(600));
    text.push('\n');
    let outcome = import(dir.path(), "ancha.tsv", text.as_bytes(), &[]);
    assert_refused(&outcome, &["fila 16", "512 columnas"]);
}

#[test]
fn matrices_beyond_a_plans_size_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_tsv();
    let row = seed.lines().nth(1).unwrap();
    let mut text = seed.clone();
    for _ in 0..10_000 {
        text.push_str(row);
        text.push('\n');
    }
    let outcome = import(dir.path(), "enorme.tsv", text.as_bytes(), &[]);
    assert_refused(&outcome, &["más de 10000 indicadores"]);

    // One long shared text in every row of a small workbook: 70 MB of names once unpacked.
    let long_name = "x".repeat(32_000);
    let bytes = seed_workbook(|workbook| {
        let sheet = first_sheet(workbook);
        for r in 0..2_200 {
            let row = 20 + r;
            sheet.write_string(row, 0, "2").unwrap();
            sheet.write_string(row, 1, "META").unwrap();
            sheet.write_string(row, 4, &long_name).unwrap();
        }
    });
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    let outcome = import(dir.path(), "textos.xlsx", &bytes, &[]);
    assert_refused(&outcome, &["más de 64 MB"]);
}

#[test]
fn rows_after_a_repeated_header_follow_that_headers_columns() {
    let dir = tempfile::tempdir().unwrap();
    // The third table (lines 8–10: 466 and 644) has its name and entity columns swapped.
    let swapped: Vec<String> = seed_tsv()
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<&str> = line.split('\t').collect();
            if (7..=9).contains(&i) {
                cells.swap(4, 5);
            }
            cells.join("\t")
        })
        .collect();
    let path = dir.path().join("columnas.tsv");
    std::fs::write(&path, swapped.join("\n")).unwrap();
    let imported = import_file(&path, BadRows::Stop).unwrap();
    let i644 = &imported.plan.objectives[2].metas[0].indicators[3];
    assert_eq!(
        i644.name,
        "Número de personas con discapacidad que participan."
    );
    assert_eq!(i644.entity, "Secretaría General");
    let (code, _, stderr, output) = import(
        dir.path(),
        "columnas.tsv",
        swapped.join("\n").as_bytes(),
        &[],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(objectives_2_and_3(&output), seed_figures());
}

/// Every refusal names the file it is about, once: a missing file, a folder, a file that is not
/// a workbook, an unknown kind, a sheet asked of a text file, a header without required columns.
#[test]
fn every_import_refusal_names_the_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_zip = dir.path().join("no_es_libro.xlsx");
    std::fs::write(&not_a_zip, b"PK\x03\x04basura").unwrap();
    let folder = dir.path().join("carpeta.csv");
    std::fs::create_dir(&folder).unwrap();
    let unknown = dir.path().join("matriz.ods");
    std::fs::write(&unknown, "x").unwrap();
    let short = dir.path().join("corta.csv");
    std::fs::write(&short, "Objetivo;Nombre indicador\n2;Algo\n").unwrap();
    let missing = dir.path().join("no_existe.csv");
    let cases: [(&Path, &[&str]); 6] = [
        (&missing, &[]),
        (&folder, &[]),
        (&not_a_zip, &[]),
        (&unknown, &[]),
        (&short, &[]),
        (&short, &["--sheet", "Hoja1"]),
    ];
    let out = dir.path().join("plan.ron");
    for (file, extra) in cases {
        let mut args = vec![
            "import",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        let (code, _, stderr) = avance(&args);
        assert_eq!(code, 1, "{stderr}");
        let name = file.file_name().unwrap().to_str().unwrap();
        assert_eq!(stderr.matches(name).count(), 1, "{name}: {stderr}");
        assert!(!out.exists());
    }
}
