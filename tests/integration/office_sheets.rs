//! Office sheets as offices keep them (issue 25 §3; DOMAIN.md, "Figures in from a matrix"):
//! title rows above the header, "Total" rows, "Nota:" rows and footnotes below the table,
//! merged Objetivo and Meta cells, formulas whose values LibreOffice cached, and numbers in the
//! file's own convention (`1.250` is 1 250 where decimals are written with a comma).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, Formula, Workbook};

use super::import_into::{seed_tsv, seed_with_quarters};
use super::import_safety::{replace_in, rewrite_zip};
use crate::avance;
use avance::io::import::{BadRows, ImportRequest, import_file};
use avance::io::{plan_file, seed_plan};
use avance::model::{Language, Plan};

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// The seed's indicator rows (objectives 2 and 3), each cell without its `<b>` tags.
fn seed_rows() -> Vec<Vec<String>> {
    seed_tsv()
        .lines()
        .filter(|line| line.starts_with("2\t") || line.starts_with("3\t"))
        .map(|line| {
            line.split('\t')
                .map(|cell| cell.replace("<b>", "").replace("</b>", ""))
                .collect()
        })
        .collect()
}

fn header() -> Vec<String> {
    seed_tsv()
        .lines()
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_owned)
        .collect()
}

/// A figure as the seed writes it (`89,35%`, `5,00`) as the number a sheet stores.
fn number(cell: &str) -> f64 {
    cell.trim_end_matches('%')
        .replace(',', ".")
        .parse()
        .unwrap()
}

const TITLE: &str = "PLAN ESTRATÉGICO SECTORIAL 2020-2024 — SECTOR GESTIÓN PÚBLICA";
const NOTE: &str = "Nota: la ponderación de cada vigencia se ajusta al número de indicadores programados en el año.";
const FOOTNOTE: &str = "* Fuente: Secretaría General, seguimiento SEGPLAN.";

/// The seed's rows of `objectives` as a planning office lays them out in a workbook: a merged
/// title and a cut line above the header; Objetivo merged over each objective's rows, Meta and
/// Nombre meta over each meta's; figures as numbers; the published percentage a formula
/// (=executed/programmed×100) and each objective's total weight a SUM, both with the values
/// LibreOffice caches (and no request to recalculate on opening); a total row after each
/// objective (the seed's «Total» under Entidad for objective 2, «TOTAL OBJETIVO 3» in the
/// name's column for 3); a note and a footnote below.
fn office_workbook(objectives: &[&str]) -> Vec<u8> {
    let rows: Vec<Vec<String>> = seed_rows()
        .into_iter()
        .filter(|row| objectives.contains(&row[0].as_str()))
        .collect();
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Seguimiento").unwrap();
    let plain = Format::new();
    sheet.merge_range(0, 0, 0, 14, TITLE, &plain).unwrap();
    sheet
        .write_string(1, 0, "Seguimiento con corte al 31/03/2022")
        .unwrap();
    for (c, name) in header().iter().enumerate() {
        sheet.write_string(3, c as u16, name).unwrap();
    }
    let mut r = 4u32;
    let mut start = 0;
    while start < rows.len() {
        let objective = rows[start][0].clone();
        let end = start
            + rows[start..]
                .iter()
                .take_while(|row| row[0] == objective)
                .count();
        let first = r;
        for row in &rows[start..end] {
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                match c {
                    0..=2 => {} // merged below
                    3..=5 => {
                        sheet.write_string(r, col, cell).unwrap();
                    }
                    14 => {
                        let excel = r + 1;
                        let formula = Formula::new(format!("=N{excel}/J{excel}*100"))
                            .set_result(number(cell).to_string());
                        sheet.write_formula(r, col, formula).unwrap();
                    }
                    _ => {
                        sheet.write_number(r, col, number(cell)).unwrap();
                    }
                }
            }
            r += 1;
        }
        let last = r - 1;
        if last > first {
            sheet
                .merge_range(first, 0, last, 0, &objective, &plain)
                .unwrap();
        } else {
            sheet.write_string(first, 0, &objective).unwrap();
        }
        // Meta and Nombre meta merged over each run of the same meta.
        let mut at = start;
        while at < end {
            let meta = rows[at][1].clone();
            let run = rows[at..end]
                .iter()
                .take_while(|row| row[1] == meta)
                .count();
            let (top, bottom) = (
                first + (at - start) as u32,
                first + (at - start + run) as u32 - 1,
            );
            for (col, text) in [(1u16, &meta), (2u16, &rows[at][2])] {
                if bottom > top {
                    sheet
                        .merge_range(top, col, bottom, col, text, &plain)
                        .unwrap();
                } else {
                    sheet.write_string(top, col, text).unwrap();
                }
            }
            at += run;
        }
        let total = Formula::new(format!("=SUM(G{}:G{})", first + 1, last + 1)).set_result("100");
        if objective == "2" {
            sheet.write_string(r, 5, "Total").unwrap();
        } else {
            sheet.write_string(r, 4, "TOTAL OBJETIVO 3").unwrap();
        }
        sheet.write_formula(r, 6, total).unwrap();
        r += 1;
        start = end;
    }
    sheet
        .merge_range(r + 1, 0, r + 1, 14, NOTE, &plain)
        .unwrap();
    sheet.write_string(r + 2, 0, FOOTNOTE).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    // As LibreOffice saves it: the formulas' values cached, no request to recalculate.
    rewrite_zip(&bytes, |name, data| {
        replace_in("xl/workbook.xml", name, data, " fullCalcOnLoad=\"1\"", "")
    })
}

/// The same sheet saved as CSV (`;`, decimal comma): the title and cut lines, the header, the
/// rows (a CSV has no merged cells: LibreOffice writes a merged value in its first row only,
/// so here every row carries its Objetivo and Meta), the total rows, the note and footnote.
fn office_csv(objectives: &[&str]) -> String {
    let mut lines = vec![
        format!("{TITLE};;;;;;;;;;;;;;"),
        "Seguimiento con corte al 31/03/2022;;;;;;;;;;;;;;".to_owned(),
        ";;;;;;;;;;;;;;".to_owned(),
        header().join(";"),
    ];
    for objective in objectives {
        for row in seed_rows().iter().filter(|row| row[0] == *objective) {
            lines.push(row.join(";"));
        }
        lines.push(if *objective == "2" {
            ";;;;;Total;100%;;;;;;;;".to_owned()
        } else {
            ";;;;TOTAL OBJETIVO 3;;100,00%;;;;;;;;".to_owned()
        });
    }
    lines.push(";;;;;;;;;;;;;;".to_owned());
    lines.push(format!("{NOTE};;;;;;;;;;;;;;"));
    lines.push(format!("\"{FOOTNOTE}\";;;;;;;;;;;;;;"));
    lines.join("\r\n") + "\r\n"
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn save(dir: &Path, name: &str, plan: &Plan) -> PathBuf {
    let path = dir.join(name);
    plan_file::save(plan, &path).unwrap();
    path
}

/// `avance import MATRIX --into PLAN -o OUT`, then `avance diff PLAN OUT`: the import's exit
/// code and output, and the diff's.
fn import_then_diff(matrix: &Path, plan: &Path) -> ((i32, String, String), (i32, String)) {
    let out = plan.with_file_name("importado.ron");
    let _ = std::fs::remove_file(&out);
    let import = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "--into",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(import.0, 0, "{}", import.2);
    let (code, stdout, _) = avance(&["diff", plan.to_str().unwrap(), out.to_str().unwrap()]);
    (import, (code, stdout))
}

#[test]
fn an_office_workbook_with_titles_totals_notes_merges_and_cached_formulas_imports_every_indicator()
{
    let dir = tempfile::tempdir().unwrap();
    let matrix = write(dir.path(), "oficina.xlsx", &office_workbook(&["2", "3"]));
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    let from_tsv = import_file(Path::new(super::import_into::SEED_TSV), BadRows::Stop).unwrap();
    assert_eq!(imported.plan.indicator_count(), 9, "no indicator dropped");
    assert_eq!(
        imported.plan.objectives, from_tsv.plan.objectives,
        "the merged Objetivo, Meta and Nombre meta belong to every row of their merge"
    );
    let meta_431 = &imported.plan.objectives[2].metas[0];
    assert_eq!(meta_431.code, "META SECTORIAL 431");
    assert_eq!(meta_431.indicators.len(), 4);
    let summary = imported.report(Language::Es).summary.join("\n");
    assert!(
        summary.contains(
            "16 filas leídas: 2 antes de los encabezados, 1 de encabezados, 9 importadas, 4 omitidas (2 filas de total, 2 notas o llamadas al pie)."
        ),
        "{summary}"
    );
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let english = imported.report(Language::En).summary.join("\n");
    assert!(
        english.contains("4 skipped (2 total rows, 2 notes or footnotes)"),
        "{english}"
    );

    // Into the seed's plan, the same figures change nothing: `avance diff` says identical.
    let plan = save(dir.path(), "plan.ron", &seed_plan());
    let ((_, stdout, _), (code, diff)) = import_then_diff(&matrix, &plan);
    assert!(
        stdout.contains("2 filas de total, 2 notas o llamadas al pie"),
        "{stdout}"
    );
    assert_eq!(code, 0, "{diff}");
    assert!(diff.contains("son idénticos"), "{diff}");
}

#[test]
fn the_same_office_sheet_saved_as_csv_imports_every_indicator_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let matrix = write(
        dir.path(),
        "oficina.csv",
        office_csv(&["2", "3"]).as_bytes(),
    );
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(imported.plan.indicator_count(), 9);
    let summary = imported.report(Language::Es).summary.join("\n");
    for expected in [
        "18 filas leídas: 3 antes de los encabezados, 1 de encabezados, 9 importadas, 5 omitidas (2 filas de total, 2 notas o llamadas al pie, 1 vacía)",
        "Cifras leídas con coma decimal y punto de miles, como las escribe el archivo (fila 5, columna «Ponderación indicador», valor «89,35%»)",
    ] {
        assert!(summary.contains(expected), "{expected}: {summary}");
    }
    let plan = save(dir.path(), "plan.ron", &seed_plan());
    let (_, (code, diff)) = import_then_diff(&matrix, &plan);
    assert_eq!(code, 0, "{diff}");
    assert!(diff.contains("son idénticos"), "{diff}");
}

#[test]
fn a_teams_office_sheet_with_only_its_objective_changes_nothing_else_in_the_sectors_plan() {
    let dir = tempfile::tempdir().unwrap();
    let before = seed_with_quarters();
    let plan = save(dir.path(), "sector.ron", &before);
    // Objective 3's team, its own sheet as the office keeps it, at the plan's own figures.
    let matrix = write(dir.path(), "equipo3.xlsx", &office_workbook(&["3"]));
    let ((_, stdout, _), (code, diff)) = import_then_diff(&matrix, &plan);
    assert_eq!(code, 0, "{diff}");
    assert!(diff.contains("son idénticos"), "{diff}");
    assert!(
        stdout.contains("2 indicadores del plan que la matriz no nombra quedaron como estaban"),
        "{stdout}"
    );
    // Objective 2's team reports 321 at 30: only that figure changes.
    let csv = office_csv(&["2"]).replace(";27,50;50,00%", ";30,00;54,55%");
    let matrix = write(dir.path(), "equipo2.csv", csv.as_bytes());
    let imported = ImportRequest::new(&matrix).run_into(&before).unwrap();
    let after = imported.plan;
    for o in [0, 2, 3, 4] {
        assert_eq!(
            after.objectives[o],
            before.objectives[o],
            "objective {}",
            o + 1
        );
    }
    let i321 = &after.objectives[1].metas[0].indicators[0];
    let q1 = avance::model::Quarter::new(1).unwrap();
    assert_eq!(i321.executed(2022, q1), Some(d("30")));
    assert_eq!(after.objectives[1].metas[1], before.objectives[1].metas[1]);
}

/// The seed's matrix as CSV with 644's programming for 2020 written `figure`.
fn seed_csv_with_644_2020(figure: &str) -> String {
    let text = seed_tsv().replace('\t', ";");
    let old = ";66;120;";
    assert!(text.contains(old));
    text.replace(old, &format!(";{figure};120;"))
}

fn programmed_644_2020(plan: &Plan) -> Option<Decimal> {
    plan.objectives[2].metas[0].indicators[3].programmed(2020)
}

#[test]
fn a_point_and_three_digits_is_thousands_where_the_file_writes_decimals_with_a_comma() {
    let dir = tempfile::tempdir().unwrap();
    // The seed writes decimals with a comma (27,50): 1.066 is a thousand and sixty-six.
    let matrix = write(
        dir.path(),
        "coma.csv",
        seed_csv_with_644_2020("1.066").as_bytes(),
    );
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(programmed_644_2020(&imported.plan), Some(d("1066")));
    let summary = imported.report(Language::En).summary.join("\n");
    assert!(
        summary.contains("Figures read with a decimal comma and a thousands point, as the file writes them (row 2, column «Ponderación indicador», value «89,35%»): «1.250» is 1250."),
        "{summary}"
    );

    // A file that writes decimals with a point: there 1,066 is the thousand.
    let point: Vec<String> = seed_tsv()
        .replace("\t66\t120\t", "\t1,066\t120\t")
        .lines()
        .map(|line| {
            let cells: Vec<String> = line
                .split('\t')
                .map(|cell| match cell {
                    "1,066" => cell.to_owned(),
                    _ if cell.contains(' ') => cell.to_owned(),
                    _ => cell.replace(',', "."),
                })
                .collect();
            cells.join("\t")
        })
        .collect();
    let point = point.join("\n");
    let matrix = write(dir.path(), "punto.tsv", point.as_bytes());
    let imported = import_file(&matrix, BadRows::Stop).unwrap();
    assert_eq!(programmed_644_2020(&imported.plan), Some(d("1066")));
    assert_eq!(
        imported.plan.objectives[1].metas[0].indicators[0].weight(2022),
        Some(d("89.35"))
    );
    let summary = imported.report(Language::Es).summary.join("\n");
    assert!(
        summary.contains("Cifras leídas con punto decimal y coma de miles"),
        "{summary}"
    );
}

#[test]
fn a_file_that_writes_decimals_both_ways_has_its_ambiguous_figures_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = seed_csv_with_644_2020("1.066").replace(";27,50;", ";27.50;");
    let matrix = write(dir.path(), "mezcla.csv", text.as_bytes());
    let out = dir.path().join("salida.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fila 10, columna «Programación 2020», valor «1.066»: el archivo escribe decimales con coma y también con punto, así que no se sabe si es 1066 (miles) o 1,066 (decimales)"),
        "{stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_figure_merged_over_two_indicators_is_refused_naming_the_cell_not_given_to_both() {
    let dir = tempfile::tempdir().unwrap();
    // 543 and 554 (rows 9 and 10 of the sheet) with their 2022 programming merged: one figure,
    // 24, for two indicators.
    let bytes = office_workbook(&["3"]);
    let merged = rewrite_zip(&bytes, |name, data| {
        if name != "xl/worksheets/sheet1.xml" {
            return data;
        }
        let mut text = String::from_utf8(data).unwrap();
        let at = text.find("<mergeCell ").unwrap();
        text.insert_str(at, "<mergeCell ref=\"J9:J10\"/>");
        let count = text.matches("<mergeCell ").count();
        let text = with_merge_count(&text, count);
        text.into_bytes()
    });
    let matrix = write(dir.path(), "combinada.xlsx", &merged);
    let out = dir.path().join("salida.ron");
    let (code, _, stderr) = avance(&[
        "import",
        matrix.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("fila 10, columna «Programación 2022» (celda J10), valor «24»: la celda está combinada con la de la fila 9"),
        "{stderr}"
    );
    assert!(!out.exists());
}

/// `<mergeCells count="N">` set to `count`.
fn with_merge_count(text: &str, count: usize) -> String {
    let start = text.find("<mergeCells count=\"").unwrap() + "<mergeCells count=\"".len();
    let end = start + text[start..].find('"').unwrap();
    format!("{}{count}{}", &text[..start], &text[end..])
}
