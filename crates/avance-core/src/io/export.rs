//! Export: the plan at a cut as an Excel workbook (a summary sheet and one sheet per objective
//! in the seed's layout) or as CSV (one row per indicator). Both read back through the import.
//!
//! Each indicator row carries the figures of the JSON report at the cut: its objective's
//! progress, whether the roll-up counts it at the cap or at 0, whether it is current (its cut
//! quarter reported) and the last quarter reported. A not-programmed indicator
//! has no executed figure and no progress, as in the report. Beside the seed's columns, the row
//! carries everything else the plan holds for the indicator, so an export is a full copy of the
//! plan's indicators: for every vigencia its weight ("Ponderación YYYY"), the four quarters'
//! figures ("Ejecutado YYYY T1"…) and comments ("Comentario YYYY T1"…); type, unit, baseline and
//! entity are among the seed's columns. `export` then `import --into` the same plan changes
//! nothing.
//!
//! Figures are exact. In a workbook a figure is a number when the number Excel stores (a
//! binary float) reads back as the same decimal; otherwise (33,3333333333333333333333333) it is
//! written as text with a decimal comma, which the import reads exactly, and a note on the
//! cell says why. CSV writes every figure as its decimal. CSV texts are guarded against being
//! run as formulas and carry control characters escaped ([`super::table::write_csv`]).

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatAlign, Note, Workbook, XlsxError};

use super::safe_write::WriteError;
use super::table::{CsvField, decimal_of_float, write_csv};
use super::write_atomically;
use crate::model::at_cut::PlanAtCut;
use crate::model::format::{fixed2, round2};
use crate::model::progress::programmed_total;
use crate::model::{Cut, Language, Plan, PlanProgress, Quarter};
use crate::tr;

/// Why an export failed. The plan is untouched.
#[derive(Debug)]
pub enum ExportError {
    Write {
        path: PathBuf,
        source: WriteError,
    },
    /// The workbook writer failed; its own text.
    Workbook(String),
    /// The file to write is the plan being exported (the same file by another path or a link):
    /// the plan would be replaced by its export.
    OverThePlan {
        path: PathBuf,
    },
}

impl ExportError {
    /// The message in a language, with the path last.
    pub fn message(&self, language: Language) -> String {
        match self {
            ExportError::Write { path, source } => tr!(
                language,
                "export-write",
                detail = source.message(language),
                path = path.display().to_string()
            ),
            ExportError::Workbook(detail) => tr!(language, "export-workbook", detail = detail),
            ExportError::OverThePlan { path } => tr!(
                language,
                "export-over-the-plan",
                path = path.display().to_string()
            ),
        }
    }

    /// Whether trying again may succeed once the officer closes the file in the program that
    /// holds it (Excel keeps an open workbook locked).
    pub fn is_in_use(&self) -> bool {
        matches!(self, ExportError::Write { source, .. } if source.is_in_use())
    }
}

impl From<XlsxError> for ExportError {
    fn from(e: XlsxError) -> Self {
        ExportError::Workbook(e.to_string())
    }
}

/// A value of the matrix.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Text(String),
    /// A figure as entered, exact.
    Number(Option<Decimal>),
    /// A percentage as entered (a weight), exact.
    Percent(Option<Decimal>),
    /// A computed percentage (progress), rounded to 2 decimals.
    Progress(Option<Decimal>),
}

/// "sí" / "no" for a mark the roll-up sets; empty when the indicator is not counted at all.
fn mark(counted: bool, set: bool) -> Value {
    Value::Text(match (counted, set) {
        (false, _) => String::new(),
        (true, true) => "sí".to_owned(),
        (true, false) => "no".to_owned(),
    })
}

/// The seed's indicator matrix with an Objetivo, a type and a kind ("Tipo de indicador")
/// column: headers and, per
/// indicator, its objective's place in the plan (0 for the first) and its values.
fn matrix(plan: &Plan, cut: Cut) -> (Vec<String>, Vec<(usize, Vec<Value>)>) {
    let date = cut.date();
    let mut headers: Vec<String> = [
        "Objetivo",
        "Meta",
        "Nombre meta",
        "Indicador sectorial",
        "Nombre indicador",
        "Entidad responsable",
        "Tipo de anualización",
        "Tipo de indicador",
        "Unidad",
        "Línea base",
        "Ponderación indicador",
    ]
    .map(str::to_owned)
    .to_vec();
    headers.extend(plan.period.vigencias().map(|v| format!("Programación {v}")));
    headers.push("Programación Total".to_owned());
    headers.push(format!("Magnitud ejecutada al corte {date}"));
    headers.push(format!("Porcentaje avance al corte {date}"));
    headers.push(format!("Avance objetivo al corte {date}"));
    headers.push("Cuenta al tope".to_owned());
    headers.push("Cuenta como 0".to_owned());
    headers.push(format!("Falta para la programación {}", cut.vigencia));
    headers.push(format!("Proyección al cierre {}", cut.vigencia));
    headers.push(format!("Al día al corte {date}"));
    headers.push("Último trimestre reportado".to_owned());
    // The rest of the plan's record of each indicator, vigencia by vigencia.
    for vigencia in plan.period.vigencias() {
        headers.push(format!("Ponderación {vigencia}"));
        for quarter in Quarter::ALL {
            headers.push(format!("Ejecutado {vigencia} T{}", quarter.number()));
        }
        for quarter in Quarter::ALL {
            headers.push(format!("Comentario {vigencia} T{}", quarter.number()));
        }
    }

    let figures = PlanAtCut::compute(plan, cut);
    let mut rows = Vec::new();
    for (o, i) in figures.indicators() {
        let (objective, meta, indicator) = (o.objective, i.meta, i.indicator);
        let (f, fc) = (i.progress, i.forecast);
        let mut row = vec![
            Value::Number(Some(Decimal::from(objective.number))),
            Value::Text(meta.code.clone()),
            Value::Text(meta.name.clone()),
            Value::Text(indicator.code_label().to_owned()),
            Value::Text(indicator.name.clone()),
            Value::Text(indicator.entity.clone()),
            Value::Text(indicator.annualization.sheet_name().to_owned()),
            Value::Text(indicator.kind(meta).sheet_name().to_owned()),
            Value::Text(indicator.unit.clone()),
            Value::Number(indicator.baseline),
            Value::Percent(indicator.weight(cut.vigencia)),
        ];
        row.extend(
            plan.period
                .vigencias()
                .map(|v| Value::Number(indicator.programmed(v))),
        );
        let total = indicator
            .declared_total
            .or_else(|| programmed_total(indicator, plan.period));
        row.push(Value::Number(total));
        row.push(Value::Number(f.executed));
        row.push(Value::Progress(f.progress()));
        row.push(Value::Progress(o.progress.progress()));
        let counted = f.counted.is_some();
        row.push(mark(counted, f.is_capped()));
        row.push(mark(counted, f.is_floored()));
        // What remains is programmed less executed: an exact decimal.
        let remaining = fc.remaining.as_ref().and_then(|r| r.to_decimal_exact());
        row.push(Value::Number(remaining.or(fc.remaining_shown())));
        row.push(Value::Progress(fc.projected_shown()));
        // Current or not: whether the cut quarter is reported, and the quarter the figure
        // stands at (DOMAIN.md).
        let programmed = f.currency.is_current().is_some();
        row.push(mark(programmed, f.currency.is_current() == Some(true)));
        row.push(Value::Text(
            f.currency
                .last_reported(cut)
                .map(|at| at.label(Language::Es))
                .unwrap_or_default(),
        ));
        for vigencia in plan.period.vigencias() {
            let year = indicator.year(vigencia);
            row.push(Value::Percent(indicator.weight(vigencia)));
            for quarter in Quarter::ALL {
                row.push(Value::Number(indicator.executed(vigencia, quarter)));
            }
            for quarter in Quarter::ALL {
                let comment = year.and_then(|y| y.comments.get(&quarter));
                row.push(Value::Text(comment.cloned().unwrap_or_default()));
            }
        }
        let place = plan
            .objectives
            .iter()
            .position(|o| std::ptr::eq(o, objective))
            .unwrap_or_default();
        rows.push((place, row));
    }
    (headers, rows)
}

/// The sheet of the objective at `place`: "Objetivo 3"; a plan that repeats an objective's
/// number (validation refuses it, but it can still be exported) gets "Objetivo 3 (2)" for the
/// second, so no sheet takes another's rows.
fn sheet_name(plan: &Plan, place: usize) -> String {
    let number = plan.objectives[place].number;
    let before = plan.objectives[..place]
        .iter()
        .filter(|o| o.number == number)
        .count();
    match before {
        0 => format!("Objetivo {number}"),
        n => format!("Objetivo {number} ({})", n + 1),
    }
}

/// The float a workbook stores for a figure, when it reads back (as the import reads a number
/// cell) as exactly the same decimal; `None` when no float does (33,3333333333333333333333333,
/// 12,345678901234567890123): such a figure is written as text.
fn exact_float(figure: Decimal) -> Option<f64> {
    let float = figure.to_string().parse::<f64>().ok()?;
    (decimal_of_float(float) == Some(figure)).then_some(float)
}

/// A figure as text, as the import reads it exactly: every decimal, a decimal comma, no
/// thousands separator (`-12,345678901234567890123`).
fn decimal_comma(figure: Decimal) -> String {
    figure.to_string().replace('.', ",")
}

/// The plan at `cut` as CSV in Spanish Excel's dialect: `;` between fields, decimal comma,
/// exact figures (computed percentages with 2 decimals).
pub fn to_csv(plan: &Plan, cut: Cut) -> String {
    let (headers, rows) = matrix(plan, cut);
    let comma = |text: String| CsvField::Number(text.replace('.', ","));
    let header = headers.into_iter().map(CsvField::Text).collect();
    let body = rows.into_iter().map(|(_, row)| {
        row.into_iter()
            .map(|value| match value {
                Value::Text(text) => CsvField::Text(text),
                Value::Number(n) | Value::Percent(n) => {
                    comma(n.map(|n| n.to_string()).unwrap_or_default())
                }
                Value::Progress(p) => comma(p.map(fixed2).unwrap_or_default()),
            })
            .collect()
    });
    write_csv(b';', std::iter::once(header).chain(body))
}

/// The plan at `cut` as an Excel workbook: "Resumen" with each objective's progress and how
/// many of its indicators are not current, then one sheet per objective. Numbers are numbers, with decimal and percent formats.
pub fn to_xlsx(plan: &Plan, cut: Cut) -> Result<Vec<u8>, ExportError> {
    let (headers, rows) = matrix(plan, cut);
    let progress = PlanProgress::compute(plan, cut);
    let mut workbook = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    // At least 2 decimals, and every decimal the figure has (19,002).
    let decimal = Format::new().set_num_format("#,##0.00##########");
    let percent = Format::new().set_num_format("0.00\" %\"");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let exact_note =
        Note::new(tr!(plan.settings.language, "export-exact-figure-note")).add_author_prefix(false);

    let summary = workbook.add_worksheet();
    summary.set_name("Resumen")?;
    let summary_headers = [
        "Objetivo".to_owned(),
        "Texto".to_owned(),
        format!("Avance al corte {}", cut.date()),
        "Ponderaciones".to_owned(),
        format!("Indicadores sin reporte del T{}", cut.quarter.number()),
    ];
    for (col, header) in summary_headers.iter().enumerate() {
        summary.write_string_with_format(0, col as u16, header, &bold)?;
    }
    for (i, (objective, figures)) in plan.objectives.iter().zip(&progress.objectives).enumerate() {
        let row = i as u32 + 1;
        summary.write_number(row, 0, f64::from(objective.number))?;
        summary.write_string_with_format(row, 1, &objective.text, &wrap)?;
        if let Some(p) = figures.progress().map(round2).and_then(|p| p.to_f64()) {
            summary.write_number_with_format(row, 2, p, &percent)?;
        } else {
            summary.write_string(row, 2, "—")?;
        }
        if let Some(w) = figures.weights_total.and_then(|w| w.to_f64()) {
            summary.write_number_with_format(row, 3, w, &percent)?;
        }
        // How many of its programmed indicators are not current (DOMAIN.md).
        summary.write_number(row, 4, figures.not_current_count() as f64)?;
    }
    summary.set_column_width(0, 10)?;
    summary.set_column_width(1, 80)?;
    summary.set_column_width(2, 16)?;
    summary.set_column_width(3, 16)?;
    summary.set_column_width(4, 18)?;
    summary.set_freeze_panes(1, 0)?;

    for place in 0..plan.objectives.len() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name(plan, place))?;
        for (col, header) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header, &bold)?;
        }
        let mine = rows.iter().filter(|(p, _)| *p == place);
        for (r, (_, values)) in mine.enumerate() {
            let row = r as u32 + 1;
            for (c, value) in values.iter().enumerate() {
                let col = c as u16;
                match value {
                    Value::Text(t) if t.is_empty() => {}
                    Value::Text(t) => {
                        sheet.write_string(row, col, t)?;
                    }
                    Value::Number(Some(n)) | Value::Percent(Some(n)) | Value::Progress(Some(n)) => {
                        let (format, n) = match value {
                            Value::Progress(_) => (&percent, round2(*n)),
                            Value::Percent(_) => (&percent, *n),
                            _ => (&decimal, *n),
                        };
                        match exact_float(n) {
                            Some(number) if c == 0 => {
                                sheet.write_number(row, col, number)?;
                            }
                            Some(number) => {
                                sheet.write_number_with_format(row, col, number, format)?;
                            }
                            None => {
                                sheet.write_string(row, col, decimal_comma(n))?;
                                sheet.insert_note(row, col, &exact_note.clone())?;
                            }
                        }
                    }
                    Value::Number(None) | Value::Percent(None) | Value::Progress(None) => {}
                }
            }
        }
        let widths = [
            9.0, 20.0, 40.0, 11.0, 48.0, 20.0, 13.0, 16.0, 10.0, 10.0, 13.0,
        ];
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as u16, *width)?;
        }
        for col in widths.len()..headers.len() {
            sheet.set_column_width(col as u16, 14)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(workbook.save_to_buffer()?)
}

/// The kinds of file a plan is exported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// An Excel workbook: a summary sheet and one sheet per objective ([`to_xlsx`]).
    Xlsx,
    /// CSV in Spanish Excel's dialect, one row per indicator ([`to_csv`]).
    Csv,
}

impl ExportFormat {
    /// Both formats, as the command line lists them.
    pub const ALL: [ExportFormat; 2] = [ExportFormat::Xlsx, ExportFormat::Csv];

    /// The format a file name asks for: CSV for `.csv` (any case), otherwise a workbook.
    pub fn of_path(path: &Path) -> Self {
        let is_csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if is_csv {
            ExportFormat::Csv
        } else {
            ExportFormat::Xlsx
        }
    }

    /// The file extension of the format, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Csv => "csv",
        }
    }

    /// The plan at `cut` as the bytes of a file of this format.
    pub fn bytes(self, plan: &Plan, cut: Cut) -> Result<Vec<u8>, ExportError> {
        match self {
            ExportFormat::Xlsx => to_xlsx(plan, cut),
            ExportFormat::Csv => Ok(to_csv(plan, cut).into_bytes()),
        }
    }
}

/// Refuses to write an export at `output` when it is the plan file `plan` itself (the same file
/// by another path, a link or a hard link): `--force` replaces an old export, never the plan.
pub fn not_over_the_plan(output: &Path, plan: &Path) -> Result<(), ExportError> {
    if super::is_same_file(output, plan) {
        return Err(ExportError::OverThePlan {
            path: output.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes the plan at `cut` to `path` as `format` says (atomically, like plan files).
pub fn export(plan: &Plan, cut: Cut, format: ExportFormat, path: &Path) -> Result<(), ExportError> {
    write(path, &format.bytes(plan, cut)?)
}

/// Writes an export to `path` (atomically, like plan files).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    write_atomically(path, bytes).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_name_exports_csv_and_any_other_a_workbook() {
        for (name, format) in [
            ("avance.csv", ExportFormat::Csv),
            ("AVANCE.CSV", ExportFormat::Csv),
            ("avance.xlsx", ExportFormat::Xlsx),
            ("avance", ExportFormat::Xlsx),
            ("avance.csv.txt", ExportFormat::Xlsx),
        ] {
            assert_eq!(ExportFormat::of_path(Path::new(name)), format, "{name}");
        }
    }

    #[test]
    fn each_format_gives_the_bytes_of_its_file() {
        let plan = crate::io::seed_plan();
        let csv = ExportFormat::Csv.bytes(&plan, plan.cut).unwrap();
        assert!(csv.starts_with("\u{feff}Objetivo;Meta;".as_bytes()));
        let xlsx = ExportFormat::Xlsx.bytes(&plan, plan.cut).unwrap();
        assert!(xlsx.starts_with(b"PK"), "a zip archive");
    }
}
