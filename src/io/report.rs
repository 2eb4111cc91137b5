//! Reports: the plan's figures at one cut, as a readable table, JSON or CSV.
//!
//! A report is a snapshot: only quarters up to its cut are read. Numbers are rounded here, and
//! only here, half away from zero to 2 decimals. CSV texts are guarded against being run as
//! formulas ([`super::table::write_csv`]); the text report shows control characters escaped.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

use super::table::{CsvField, write_csv};
use crate::model::format::{fixed2, number, percent, percent_or_dash};
use crate::model::{Cut, IndicatorProgress, Language, Plan, PlanProgress, Status};

/// The machine-readable report: numbers as strings with 2 decimals, `null` where there is none.
#[derive(Debug, Serialize)]
pub struct Report {
    pub plan: String,
    pub cut: CutJson,
    pub objectives: Vec<ObjectiveRow>,
}

/// The cut as `{"vigencia":2022,"quarter":1}`.
#[derive(Debug, Serialize)]
pub struct CutJson {
    pub vigencia: u16,
    pub quarter: u8,
    /// The cut date, `31/03/2022`.
    pub date: String,
}

/// One objective of the report.
#[derive(Debug, Serialize)]
pub struct ObjectiveRow {
    pub number: u8,
    pub text: String,
    pub progress: Option<String>,
    pub weights_total: Option<String>,
    pub weights_add_up: bool,
    pub indicators: Vec<IndicatorRow>,
}

/// One indicator of the report.
#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub meta: String,
    pub code: Option<String>,
    pub name: String,
    pub entity: String,
    pub weight: Option<String>,
    pub programmed: Option<String>,
    pub executed: Option<String>,
    pub progress: Option<String>,
    /// Whether the roll-up counts it at the cap rather than its real progress.
    pub capped: bool,
    /// Whether the roll-up counts it at 0 rather than its real (negative) progress.
    pub floored: bool,
    pub status: &'static str,
}

fn fixed(value: Option<Decimal>) -> Option<String> {
    value.map(fixed2)
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::NotProgrammed => "not_programmed",
        Status::NotReported => "not_reported",
        Status::Measured => "measured",
        Status::MissingBaseline => "missing_baseline",
        Status::BaselineEqualsProgramming => "baseline_equals_programming",
        Status::OutOfRange => "out_of_range",
    }
}

impl Report {
    /// The plan's report at `cut`.
    pub fn new(plan: &Plan, cut: Cut) -> Self {
        let progress = PlanProgress::compute(plan, cut);
        let objectives = plan
            .objectives
            .iter()
            .zip(progress.objectives)
            .map(|(objective, figures)| ObjectiveRow {
                number: objective.number,
                text: objective.text.clone(),
                progress: fixed(figures.progress()),
                weights_total: fixed(figures.weights_total),
                weights_add_up: figures.weights_add_up(),
                indicators: objective
                    .indicators()
                    .zip(&figures.indicators)
                    .map(|((meta, indicator), f)| IndicatorRow {
                        meta: meta.code.clone(),
                        code: indicator.code.clone(),
                        name: indicator.name.clone(),
                        entity: indicator.entity.clone(),
                        weight: fixed(f.weight),
                        programmed: fixed(f.programmed),
                        executed: fixed(f.executed),
                        progress: fixed(f.progress()),
                        capped: f.is_capped(),
                        floored: f.is_floored(),
                        status: status_key(f.status),
                    })
                    .collect(),
            })
            .collect();
        Report {
            plan: plan.title.clone(),
            cut: CutJson {
                vigencia: cut.vigencia,
                quarter: cut.quarter.number(),
                date: cut.date(),
            },
            objectives,
        }
    }
}

/// The report as pretty JSON.
pub fn to_json(plan: &Plan, cut: Cut) -> String {
    let mut json = serde_json::to_string_pretty(&Report::new(plan, cut))
        .expect("a report of strings and numbers always serializes");
    json.push('\n');
    json
}

/// The report as CSV, one row per indicator. Spanish uses `;` and decimal commas (what Excel in
/// es-CO opens directly); English uses `,` and decimal points.
pub fn to_csv(plan: &Plan, cut: Cut, language: Language) -> String {
    let es = language == Language::Es;
    let headers: [&str; 12] = if es {
        [
            "Objetivo",
            "Avance objetivo",
            "Meta",
            "Indicador",
            "Nombre indicador",
            "Entidad responsable",
            "Ponderación",
            "Programación",
            "Ejecutado al corte",
            "Avance",
            "Corte",
            "Estado",
        ]
    } else {
        [
            "Objective",
            "Objective progress",
            "Meta",
            "Indicator",
            "Indicator name",
            "Responsible entity",
            "Weight",
            "Programmed",
            "Executed at cut",
            "Progress",
            "Cut",
            "Status",
        ]
    };
    let num = |value: Option<Decimal>| {
        CsvField::Number(
            value
                .map(|v| {
                    let text = fixed2(v);
                    if es { text.replace('.', ",") } else { text }
                })
                .unwrap_or_default(),
        )
    };
    let text = |value: &str| CsvField::Text(value.to_owned());
    let progress = PlanProgress::compute(plan, cut);
    let mut rows = vec![headers.iter().map(|h| text(h)).collect::<Vec<_>>()];
    for (objective, figures) in plan.objectives.iter().zip(&progress.objectives) {
        for ((meta, indicator), f) in objective.indicators().zip(&figures.indicators) {
            rows.push(vec![
                CsvField::Number(objective.number.to_string()),
                num(figures.progress()),
                text(&meta.code),
                text(indicator.code_label()),
                text(&indicator.name),
                text(&indicator.entity),
                num(f.weight),
                num(f.programmed),
                num(f.executed),
                num(f.progress()),
                text(&cut.date()),
                text(status_key(f.status)),
            ]);
        }
    }
    write_csv(if es { b';' } else { b',' }, rows)
}

/// A name as the terminal shows it: control characters (and bidirectional overrides, which
/// reorder what is shown) escaped as `\n`, `\u{1b}`, so a name cannot move the cursor, clear
/// the screen or fake a line of the report.
fn printable(name: &str) -> Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !name.chars().any(unsafe_char) {
        return Cow::Borrowed(name);
    }
    Cow::Owned(
        name.chars()
            .map(|c| {
                if unsafe_char(c) {
                    c.escape_default().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

/// The report as a table to read in a terminal.
pub fn to_text(plan: &Plan, cut: Cut, language: Language) -> String {
    let es = language == Language::Es;
    let progress = PlanProgress::compute(plan, cut);
    let mut out = String::new();
    out.push_str(&printable(&plan.title));
    out.push('\n');
    out.push_str(&if es {
        format!(
            "Avance al corte {} (vigencia {}, trimestre {})\n",
            cut.date(),
            cut.vigencia,
            cut.quarter.number()
        )
    } else {
        format!(
            "Progress at the cut {} (vigencia {}, quarter {})\n",
            cut.date(),
            cut.vigencia,
            cut.quarter.number()
        )
    });
    let (obj_word, weights_word) = if es {
        ("Objetivo", "ponderaciones")
    } else {
        ("Objective", "weights")
    };
    let header = if es {
        [
            "Meta",
            "Indicador",
            "Ponderación",
            "Programado",
            "Ejecutado",
            "Avance",
        ]
    } else {
        [
            "Meta",
            "Indicator",
            "Weight",
            "Programmed",
            "Executed",
            "Progress",
        ]
    };
    for (objective, figures) in plan.objectives.iter().zip(&progress.objectives) {
        out.push('\n');
        let weights = figures
            .weights_total
            .map(|w| percent(w, language))
            .unwrap_or_else(|| "—".to_owned());
        let warning = if figures.weights_add_up() {
            ""
        } else {
            "  (!)"
        };
        out.push_str(&format!(
            "{obj_word} {}: {}   ({weights_word} {weights}{warning})\n",
            objective.number,
            percent_or_dash(figures.progress(), language),
        ));
        if figures.indicators.is_empty() {
            out.push_str(if es {
                "  (sin indicadores)\n"
            } else {
                "  (no indicators)\n"
            });
            continue;
        }
        out.push_str(&format!(
            "  {:<22} {:<10} {:>12} {:>12} {:>12} {:>10}\n",
            header[0], header[1], header[2], header[3], header[4], header[5]
        ));
        for ((meta, indicator), f) in objective.indicators().zip(&figures.indicators) {
            let num = |v: Option<Decimal>| v.map(|v| number(v, language)).unwrap_or_default();
            out.push_str(&format!(
                "  {:<22} {:<10} {:>12} {:>12} {:>12} {:>10}{}\n",
                printable(&meta.code),
                printable(indicator.code_label()),
                num(f.weight),
                num(f.programmed),
                num(f.executed),
                percent_or_dash(f.progress(), language),
                status_note(f, language),
            ));
        }
    }
    out
}

/// A short note after an indicator's row when its figure needs explaining.
fn status_note(figures: &IndicatorProgress, language: Language) -> &'static str {
    let es = language == Language::Es;
    match figures.status {
        Status::NotProgrammed if es => "  no programado",
        Status::NotProgrammed => "  not programmed",
        Status::NotReported if es => "  sin reporte (cuenta 0)",
        Status::NotReported => "  not reported (counts 0)",
        Status::MissingBaseline if es => "  falta línea base",
        Status::MissingBaseline => "  missing baseline",
        Status::BaselineEqualsProgramming if es => "  línea base = programación",
        Status::BaselineEqualsProgramming => "  baseline = programming",
        Status::OutOfRange if es => "  cifras fuera de rango",
        Status::OutOfRange => "  figures out of range",
        Status::Measured if figures.is_capped() && es => "  (cuenta 100 %)",
        Status::Measured if figures.is_capped() => "  (counts 100%)",
        Status::Measured if figures.is_floored() && es => "  (cuenta 0 %)",
        Status::Measured if figures.is_floored() => "  (counts 0%)",
        Status::Measured => "",
    }
}
