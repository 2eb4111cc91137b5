//! Reports: the plan's figures at one cut, as a readable table, JSON or CSV.
//!
//! A report is a snapshot: only quarters up to its cut are read. Numbers are rounded here, and
//! only here, half away from zero to 2 decimals. CSV texts are guarded against being run as
//! formulas ([`super::table::write_csv`]); the text report shows control characters escaped.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::Serialize;

use super::table::{CsvField, write_csv};
use crate::model::at_cut::{ObjectiveAtCut, PlanAtCut};
use crate::model::forecast::objective_forecast;
use crate::model::format::{decimal_separator, fixed2, number, percent, percent_or_dash};
use crate::model::progress::objective_progress;
use crate::model::reweight::Proposal;
use crate::model::validation::{indicator_label, no_average_reason};
use crate::model::{Cut, IndicatorProgress, Language, NoAverage, Objective, Plan, Status};
use crate::parallel;
use crate::tr;

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
    /// The year-end at the current pace: the weighted average of the projections.
    pub projected: Option<String>,
    /// Why `progress` is `null`: a key and the reason in the plan's language.
    pub no_progress: Option<NoProgressJson>,
    /// How many of its programmed indicators have no report for the cut quarter.
    pub not_current: usize,
    pub indicators: Vec<IndicatorRow>,
}

/// Why an objective has no progress.
#[derive(Debug, Serialize)]
pub struct NoProgressJson {
    /// `nothing_programmed`, `indicator_blocks`, `weights_add_up_to_zero`, `out_of_range`.
    pub reason: &'static str,
    pub text: String,
}

fn no_progress_key(reason: NoAverage) -> &'static str {
    match reason {
        NoAverage::NothingProgrammed => "nothing_programmed",
        NoAverage::IndicatorBlocks { .. } => "indicator_blocks",
        NoAverage::WeightsAddUpToZero => "weights_add_up_to_zero",
        NoAverage::OutOfRange => "out_of_range",
    }
}

/// One indicator of the report.
#[derive(Debug, Serialize)]
pub struct IndicatorRow {
    pub meta: String,
    pub code: Option<String>,
    pub name: String,
    pub entity: String,
    /// Where the indicator comes from: `sectorial`, `meta_trazadora`, `proyecto_inversion`.
    pub kind: &'static str,
    pub weight: Option<String>,
    pub programmed: Option<String>,
    pub executed: Option<String>,
    pub progress: Option<String>,
    /// Whether the roll-up counts it at the cap rather than its real progress.
    pub capped: bool,
    /// Whether the roll-up counts it at 0 rather than its real (negative) progress.
    pub floored: bool,
    /// What remains to reach 100 % of the vigencia's programming (an amount; 0 when reached).
    pub remaining: Option<String>,
    /// For suma, what remains spread over the quarters left (`null` at the fourth).
    pub remaining_per_quarter: Option<String>,
    /// The quarters of the vigencia after the cut.
    pub quarters_left: u8,
    /// The projected avance at the vigencia's end, at the current pace.
    pub projected: Option<String>,
    pub status: &'static str,
    /// Whether the cut quarter is reported; `null` when the indicator is not programmed.
    pub current: Option<bool>,
    /// The last quarter reported up to the cut, `2022-Q1` (the cut itself when current);
    /// `null` when nothing was reported in the vigencia or the indicator is not programmed.
    pub last_reported: Option<String>,
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
        let at_cut = PlanAtCut::compute(plan, cut);
        let objectives = at_cut
            .objectives()
            .map(|o| ObjectiveRow::new(plan, cut, o))
            .collect();
        Report {
            plan: plan.title.clone(),
            cut: CutJson::new(cut),
            objectives,
        }
    }
}

impl CutJson {
    fn new(cut: Cut) -> Self {
        CutJson {
            vigencia: cut.vigencia,
            quarter: cut.quarter.number(),
            date: cut.date(),
        }
    }
}

impl ObjectiveRow {
    /// One objective's row, from its figures at `cut`.
    fn new(plan: &Plan, cut: Cut, o: ObjectiveAtCut<'_>) -> Self {
        let (objective, figures, ahead) = (o.objective, o.progress, o.forecast);
        ObjectiveRow {
            number: objective.number,
            text: objective.text.clone(),
            progress: fixed(figures.progress()),
            weights_total: fixed(figures.weights_total),
            weights_add_up: figures.weights_add_up(),
            projected: fixed(ahead.projected_shown()),
            no_progress: figures.average.as_ref().err().map(|reason| NoProgressJson {
                reason: no_progress_key(*reason),
                text: no_average_reason(objective, *reason, cut.vigencia, plan.settings.language),
            }),
            not_current: figures.not_current_count(),
            indicators: o
                .indicators()
                .map(|i| {
                    let (meta, indicator, f, fc) = (i.meta, i.indicator, i.progress, i.forecast);
                    IndicatorRow {
                        meta: meta.code.clone(),
                        code: indicator.code.clone(),
                        name: indicator.name.clone(),
                        entity: indicator.entity.clone(),
                        kind: indicator.kind(meta).key(),
                        weight: fixed(f.weight),
                        programmed: fixed(f.programmed),
                        executed: fixed(f.executed),
                        progress: fixed(f.progress()),
                        capped: f.is_capped(),
                        floored: f.is_floored(),
                        remaining: fixed(fc.remaining_shown()),
                        remaining_per_quarter: fixed(fc.per_quarter_shown()),
                        quarters_left: fc.quarters_left,
                        projected: fixed(fc.projected_shown()),
                        status: status_key(f.status),
                        current: f.currency.is_current(),
                        last_reported: f.currency.last_reported(cut).map(|at| at.to_string()),
                    }
                })
                .collect(),
        }
    }
}

/// The report as pretty JSON: the bytes `serde_json::to_string_pretty` gives for [`Report`],
/// and a line end.
pub fn to_json(plan: &Plan, cut: Cut) -> String {
    let mut out = Vec::new();
    write_json(plan, cut, &mut out).expect("writing to memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes [`to_json`]'s bytes to `out`, each objective computed and written on a core of its
/// own (they are independent), then put together in order.
pub fn write_json(plan: &Plan, cut: Cut, out: &mut impl std::io::Write) -> std::io::Result<()> {
    /// The report without its objectives.
    #[derive(Serialize)]
    struct Head<'a> {
        plan: &'a str,
        cut: CutJson,
    }
    let expect = "a report of strings and numbers always serializes";
    let head = serde_json::to_string_pretty(&Head {
        plan: &plan.title,
        cut: CutJson::new(cut),
    })
    .expect(expect);
    let objectives = parallel::map(&plan.objectives, Objective::indicator_count, |objective| {
        let progress = objective_progress(objective, cut, &plan.settings);
        let forecast = objective_forecast(objective, &progress, cut, &plan.settings);
        let row = ObjectiveRow::new(
            plan,
            cut,
            ObjectiveAtCut {
                objective,
                progress: &progress,
                forecast: &forecast,
            },
        );
        // At the objectives list's depth, as the whole report would write it (about 600 bytes
        // an indicator).
        let mut json = Vec::with_capacity(1024 + 640 * objective.indicator_count());
        json.extend_from_slice(b"    ");
        let mut writer = serde_json::Serializer::with_formatter(&mut json, Nested::at(2));
        row.serialize(&mut writer).expect(expect);
        json
    });
    out.write_all(
        head.strip_suffix("\n}")
            .expect("pretty JSON ends its object on a line")
            .as_bytes(),
    )?;
    out.write_all(b",\n  \"objectives\": [")?;
    if !objectives.is_empty() {
        out.write_all(b"\n")?;
        for (i, objective) in objectives.iter().enumerate() {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            out.write_all(objective)?;
        }
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]\n}\n")
}

/// serde_json's pretty printer (two spaces a level) for a value that starts `depth` levels down.
struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(depth: usize) -> Self {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn line<W: ?Sized + std::io::Write>(&self, writer: &mut W, first: bool) -> std::io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        (0..self.depth).try_for_each(|_| writer.write_all(b"  "))
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            (0..self.depth).try_for_each(|_| writer.write_all(b"  "))?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(writer, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(writer, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
    ) -> std::io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The report as CSV, one row per indicator, in the dialect Excel opens directly in the
/// language's region: with a decimal comma (Spanish), `;` between fields and `27,50`; with a
/// decimal point (English), `,` and `27.50`.
pub fn to_csv(plan: &Plan, cut: Cut, language: Language) -> String {
    let headers = [
        tr!(language, "report-csv-objective"),
        tr!(language, "report-csv-objective-progress"),
        tr!(language, "report-csv-meta"),
        tr!(language, "report-csv-indicator"),
        tr!(language, "report-csv-indicator-name"),
        tr!(language, "report-csv-entity"),
        tr!(language, "report-csv-weight"),
        tr!(language, "report-csv-programmed"),
        tr!(language, "report-csv-executed"),
        tr!(language, "report-csv-progress"),
        tr!(language, "report-csv-remaining"),
        tr!(language, "report-csv-projected"),
        tr!(language, "report-csv-cut"),
        tr!(language, "report-csv-status"),
        tr!(language, "report-csv-current"),
        tr!(language, "report-csv-last-reported"),
    ];
    let decimal = decimal_separator(language);
    let delimiter = if decimal == ',' { b';' } else { b',' };
    let num = |value: Option<Decimal>| {
        CsvField::Number(
            value
                .map(|v| fixed2(v).replace('.', decimal.encode_utf8(&mut [0; 4])))
                .unwrap_or_default(),
        )
    };
    let text = |value: &str| CsvField::Text(value.to_owned());
    let figures = PlanAtCut::compute(plan, cut);
    let mut rows = vec![headers.into_iter().map(CsvField::Text).collect::<Vec<_>>()];
    for (o, i) in figures.indicators() {
        let (f, fc) = (i.progress, i.forecast);
        rows.push(vec![
            CsvField::Number(o.objective.number.to_string()),
            num(o.progress.progress()),
            text(&i.meta.code),
            text(i.indicator.code_label()),
            text(&i.indicator.name),
            text(&i.indicator.entity),
            num(f.weight),
            num(f.programmed),
            num(f.executed),
            num(f.progress()),
            num(fc.remaining_shown()),
            num(fc.projected_shown()),
            text(&cut.date()),
            text(&status_label(f, language)),
            text(&match f.currency.is_current() {
                Some(true) => tr!(language, "report-current-yes"),
                Some(false) => tr!(language, "report-current-no"),
                None => String::new(),
            }),
            text(
                &f.currency
                    .last_reported(cut)
                    .map(|at| at.label(language))
                    .unwrap_or_default(),
            ),
        ]);
    }
    write_csv(delimiter, rows)
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

/// Weights proposed for a vigencia ([`crate::model::reweight`]) beside the current ones, as
/// `avance reweight` prints them: per objective, where they come from, then a line per
/// indicator (`464 «…»: 3,00 → 4,19`) and the totals of the programmed indicators.
pub fn reweight_text(plan: &Plan, proposals: &[Proposal], language: Language) -> String {
    let mut out = String::new();
    for proposal in proposals {
        let Some(objective) = plan.objectives.get(proposal.objective) else {
            continue;
        };
        let source = proposal.source.text(proposal.vigencia, language);
        out.push_str(&tr!(
            language,
            "reweight-objective-line",
            number = objective.number,
            vigencia = proposal.vigencia,
            source = source
        ));
        out.push('\n');
        for weight in &proposal.weights {
            let Some(meta) = objective.metas.get(weight.at.meta) else {
                continue;
            };
            let Some(indicator) = meta.indicators.get(weight.at.indicator) else {
                continue;
            };
            let line = tr!(
                language,
                "reweight-indicator-line",
                indicator = printable(&indicator_label(&meta.code, indicator)).into_owned(),
                name = printable(&indicator.name).into_owned(),
                current = weight.current_text(language),
                proposed = weight.proposed_text(language)
            );
            out.push_str(&format!("  {line}\n"));
        }
        if let Some(proposed) = proposal.proposed_total() {
            let current = proposal.current_total().map_or_else(
                || tr!(language, "reweight-empty"),
                |total| number(total, language),
            );
            let line = tr!(
                language,
                "reweight-total-line",
                current = current,
                proposed = number(proposed, language)
            );
            out.push_str(&format!("  {line}\n"));
        }
    }
    out
}

/// The report as a table to read in a terminal.
pub fn to_text(plan: &Plan, cut: Cut, language: Language) -> String {
    let figures = PlanAtCut::compute(plan, cut);
    let mut out = String::new();
    out.push_str(&printable(&plan.title));
    out.push('\n');
    out.push_str(&tr!(
        language,
        "report-at-cut",
        date = cut.date(),
        vigencia = cut.vigencia,
        quarter = cut.quarter.short_name(language)
    ));
    out.push('\n');
    let header = [
        tr!(language, "report-column-meta"),
        tr!(language, "report-column-indicator"),
        tr!(language, "report-column-weight"),
        tr!(language, "report-column-programmed"),
        tr!(language, "report-column-executed"),
        tr!(language, "report-column-progress"),
        tr!(language, "report-csv-remaining"),
        tr!(language, "report-csv-projected"),
    ];
    for o in figures.objectives() {
        let (objective, figures, ahead) = (o.objective, o.progress, o.forecast);
        out.push('\n');
        let weights = tr!(
            language,
            "report-weights",
            weights = percent_or_dash(figures.weights_total, language)
        );
        let warning = if figures.weights_add_up() {
            ""
        } else {
            "  (!)"
        };
        let heading = tr!(
            language,
            "report-objective",
            number = objective.number,
            progress = percent_or_dash(figures.progress(), language)
        );
        let why = match &figures.average {
            Err(reason) => format!(
                " ({})",
                no_average_reason(objective, *reason, cut.vigencia, language)
            ),
            Ok(_) => String::new(),
        };
        let projected = match ahead.projected_shown() {
            Some(p) => format!(
                "   {}",
                tr!(
                    language,
                    "report-projected",
                    projected = percent(p, language)
                )
            ),
            None => String::new(),
        };
        let not_current = match figures.not_current_count() {
            0 => String::new(),
            count => format!(
                "   {}",
                tr!(
                    language,
                    "objective-not-current",
                    count = count,
                    quarter = cut.quarter.short_name(language)
                )
            ),
        };
        out.push_str(&format!(
            "{heading}{why}   ({weights}{warning}){projected}{not_current}\n"
        ));
        if figures.indicators.is_empty() {
            out.push_str(&format!("  {}\n", tr!(language, "report-no-indicators")));
            continue;
        }
        out.push_str(&format!(
            "  {:<22} {:<10} {:>12} {:>12} {:>12} {:>10} {:>12} {:>14}\n",
            header[0], header[1], header[2], header[3], header[4], header[5], header[6], header[7]
        ));
        for i in o.indicators() {
            let (meta, indicator, f, fc) = (i.meta, i.indicator, i.progress, i.forecast);
            let num = |v: Option<Decimal>| v.map(|v| number(v, language)).unwrap_or_default();
            let note = status_note(f, language)
                .map(|note| format!("  {note}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {:<22} {:<10} {:>12} {:>12} {:>12} {:>10} {:>12} {:>14}{note}\n",
                printable(&meta.code),
                printable(indicator.code_label()),
                num(f.weight),
                num(f.programmed),
                num(f.executed),
                percent_or_dash(f.progress(), language),
                num(fc.remaining_shown()),
                fc.projected_shown()
                    .map_or_else(String::new, |p| percent(p, language)),
            ));
        }
    }
    out
}

/// The CSV report's Estado column: what the figure is, in the report's language ("con
/// reporte", "sin reporte (cuenta 0)", "con reporte (cuenta 100 %)"), as the text report and
/// the window say it; the JSON keeps its keys ("measured").
fn status_label(figures: &IndicatorProgress, language: Language) -> String {
    let note = status_note(figures, language);
    if figures.status != Status::Measured {
        return note.unwrap_or_default();
    }
    let reported = tr!(language, "report-status-reported");
    match note {
        Some(note) => format!("{reported} {note}"),
        None => reported,
    }
}

/// A short note after an indicator's row when its figure needs explaining: what it is, and the
/// quarter a not-current figure stands at ("al T1").
fn status_note(figures: &IndicatorProgress, language: Language) -> Option<String> {
    let stands_at = figures.currency.stands_at().map(|quarter| {
        tr!(
            language,
            "figure-stands-at",
            quarter = quarter.short_name(language)
        )
    });
    match (status_only_note(figures, language), stands_at) {
        (Some(note), Some(at)) => Some(format!("{note} {at}")),
        (note, at) => note.or(at),
    }
}

/// What the figure is, when it needs explaining.
fn status_only_note(figures: &IndicatorProgress, language: Language) -> Option<String> {
    Some(match figures.status {
        Status::NotProgrammed => tr!(language, "report-status-not-programmed"),
        Status::NotReported => tr!(language, "report-status-not-reported"),
        Status::MissingBaseline => tr!(language, "report-status-missing-baseline"),
        Status::BaselineEqualsProgramming => {
            tr!(language, "report-status-baseline-equals-programming")
        }
        Status::OutOfRange => tr!(language, "report-status-out-of-range"),
        Status::Measured if figures.is_capped() => tr!(language, "report-status-capped"),
        Status::Measured if figures.is_floored() => tr!(language, "report-status-floored"),
        Status::Measured => return None,
    })
}
