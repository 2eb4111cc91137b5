//! Import: the sector's indicator matrices (laid out like the seed's tables, with an Objetivo
//! column) become a plan.
//!
//! Columns are found by their header, in any order, ignoring case, accents and `<b>` tags. The
//! vigencias come from the "Programación YYYY" headers and the cut from "Magnitud ejecutada al
//! corte DD/MM/YYYY"; executed values go to that quarter. The published "Porcentaje avance" is
//! not taken as truth: it is compared with the computed progress.
//!
//! Nothing is imported half-way silently: either every bad row is listed and the import stops,
//! or (lenient) the listed rows are skipped and the result says so.

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;

use super::table::{Cell, Table, TableError, read_tables};
use crate::model::format::{NumberError, number, parse_number};
use crate::model::progress::indicator_progress;
use crate::model::{
    Annualization, Cut, Indicator, Language, Meta, OBJECTIVE_COUNT, Period, Plan, Vigencia,
};

/// A column the import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Column {
    Objective,
    Meta,
    MetaName,
    Code,
    Name,
    Entity,
    Weight,
    Programmed(Vigencia),
    Total,
    Executed,
    Published,
    Type,
    Unit,
    Baseline,
}

/// Whether a column is the one a requirement names.
type ColumnTest = fn(&Column) -> bool;

/// Columns an import cannot do without, by their seed names.
const REQUIRED: [(&str, ColumnTest); 6] = [
    ("Objetivo", |c| *c == Column::Objective),
    ("Meta", |c| *c == Column::Meta),
    ("Nombre indicador", |c| *c == Column::Name),
    ("Ponderación indicador", |c| *c == Column::Weight),
    ("Programación YYYY", |c| matches!(c, Column::Programmed(_))),
    ("Magnitud ejecutada al corte DD/MM/YYYY", |c| {
        *c == Column::Executed
    }),
];

/// Why a row cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowReason {
    Number(NumberError),
    ObjectiveOutOfRange,
    Empty,
    UnknownType,
}

/// A bad cell: where it is, what it holds and why it is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub origin: String,
    /// The row number as the spreadsheet shows it.
    pub row: usize,
    /// The column's header as written in the file.
    pub column: String,
    pub value: String,
    pub reason: RowReason,
}

impl RowProblem {
    /// The problem as a sentence.
    pub fn message(&self, language: Language) -> String {
        let why = match (&self.reason, language) {
            (RowReason::Number(e), _) => e.message(language),
            (RowReason::ObjectiveOutOfRange, Language::Es) => {
                "el objetivo debe ser un número de 1 a 5".to_owned()
            }
            (RowReason::ObjectiveOutOfRange, Language::En) => {
                "the objective must be a number from 1 to 5".to_owned()
            }
            (RowReason::Empty, Language::Es) => "no puede estar vacío".to_owned(),
            (RowReason::Empty, Language::En) => "cannot be empty".to_owned(),
            (RowReason::UnknownType, Language::Es) => {
                "el tipo debe ser suma, creciente, constante o decreciente".to_owned()
            }
            (RowReason::UnknownType, Language::En) => {
                "the type must be suma, creciente, constante or decreciente".to_owned()
            }
        };
        match language {
            Language::Es => format!(
                "fila {}, columna «{}», valor «{}»: {why} ({})",
                self.row, self.column, self.value, self.origin
            ),
            Language::En => format!(
                "row {}, column «{}», value «{}»: {why} ({})",
                self.row, self.column, self.value, self.origin
            ),
        }
    }
}

/// Why a file could not be imported at all. No plan is produced.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("{}", self.message(Language::Es))]
    Table(TableError),
    #[error("{}", self.message(Language::Es))]
    Empty,
    #[error("{}", self.message(Language::Es))]
    MissingColumns(Vec<&'static str>),
    #[error("{}", self.message(Language::Es))]
    UnknownYearHeader(String),
    #[error("{}", self.message(Language::Es))]
    UnreadableCut(String),
    #[error("{}", self.message(Language::Es))]
    CutsDisagree(Cut, Cut),
    #[error("{}", self.message(Language::Es))]
    CutOutsidePeriod(Cut),
    #[error("{}", self.message(Language::Es))]
    PeriodTooLong(Period),
    #[error("{}", self.message(Language::Es))]
    Rows(Vec<RowProblem>),
}

impl ImportError {
    /// The error as sentences, one per line, in the language.
    pub fn message(&self, language: Language) -> String {
        let es = language == Language::Es;
        match self {
            ImportError::Table(e) if es => format!("No se pudo leer la tabla: {e}"),
            ImportError::Table(e) => format!("Could not read the table: {e}"),
            ImportError::Empty if es => "El archivo no tiene filas de indicadores.".to_owned(),
            ImportError::Empty => "The file has no indicator rows.".to_owned(),
            ImportError::MissingColumns(names) if es => {
                format!("Faltan columnas obligatorias: {}.", names.join(", "))
            }
            ImportError::MissingColumns(names) => {
                format!("Required columns are missing: {}.", names.join(", "))
            }
            ImportError::UnknownYearHeader(h) if es => {
                format!("La columna «{h}» no tiene un año válido: escriba «Programación 2022».")
            }
            ImportError::UnknownYearHeader(h) => {
                format!("Column «{h}» has no valid year: write «Programación 2022».")
            }
            ImportError::UnreadableCut(h) if es => format!(
                "No se entiende la fecha de corte de «{h}»: escriba «Magnitud ejecutada al corte 31/03/2022»."
            ),
            ImportError::UnreadableCut(h) => format!(
                "The cut date of «{h}» cannot be read: write «Magnitud ejecutada al corte 31/03/2022»."
            ),
            ImportError::CutsDisagree(a, b) if es => format!(
                "Las hojas tienen cortes distintos: {} y {}.",
                a.date(),
                b.date()
            ),
            ImportError::CutsDisagree(a, b) => {
                format!(
                    "The sheets have different cuts: {} and {}.",
                    a.date(),
                    b.date()
                )
            }
            ImportError::CutOutsidePeriod(c) if es => {
                format!("El corte {} no cae en las vigencias programadas.", c.date())
            }
            ImportError::CutOutsidePeriod(c) => {
                format!("The cut {} is outside the programmed vigencias.", c.date())
            }
            ImportError::PeriodTooLong(p) if es => format!(
                "Las columnas de programación van de {} a {}: más de {} vigencias.",
                p.first,
                p.last,
                super::plan_file::MAX_PERIOD_YEARS
            ),
            ImportError::PeriodTooLong(p) => format!(
                "The programming columns run from {} to {}: more than {} vigencias.",
                p.first,
                p.last,
                super::plan_file::MAX_PERIOD_YEARS
            ),
            ImportError::Rows(problems) => {
                let mut text = if es {
                    format!(
                        "{} celdas no se pueden importar; no se importó nada:",
                        problems.len()
                    )
                } else {
                    format!(
                        "{} cells cannot be imported; nothing was imported:",
                        problems.len()
                    )
                };
                for p in problems {
                    text.push_str("\n  ");
                    text.push_str(&p.message(language));
                }
                text
            }
        }
    }
}

/// Something the user should know about an import that went through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportWarning {
    /// More than one annualization type fits the row's total; suma was chosen.
    TypeAmbiguous {
        origin: String,
        row: usize,
        code: String,
    },
    /// No type column and no total to infer it from (or none fits); suma was chosen.
    TypeGuessed {
        origin: String,
        row: usize,
        code: String,
    },
    /// The published percentage differs from the computed one by more than 0,01.
    PublishedMismatch {
        origin: String,
        row: usize,
        code: String,
        published: Decimal,
        computed: Decimal,
    },
    /// A column the import does not use.
    ColumnIgnored(String),
    /// A row skipped because of the listed problem (lenient import).
    Skipped(RowProblem),
}

impl ImportWarning {
    /// The warning as a sentence.
    pub fn message(&self, language: Language) -> String {
        let es = language == Language::Es;
        match self {
            ImportWarning::TypeAmbiguous { origin, row, code } if es => format!(
                "fila {row} (indicador {code}): la programación total sirve para más de un tipo de anualización; se tomó «suma» ({origin})"
            ),
            ImportWarning::TypeAmbiguous { origin, row, code } => format!(
                "row {row} (indicator {code}): the total programming fits more than one annualization type; «suma» was taken ({origin})"
            ),
            ImportWarning::TypeGuessed { origin, row, code } if es => format!(
                "fila {row} (indicador {code}): no hay tipo de anualización ni un total que lo indique; se tomó «suma» ({origin})"
            ),
            ImportWarning::TypeGuessed { origin, row, code } => format!(
                "row {row} (indicator {code}): no annualization type and no total that tells it; «suma» was taken ({origin})"
            ),
            ImportWarning::PublishedMismatch {
                origin,
                row,
                code,
                published,
                computed,
            } if es => format!(
                "fila {row} (indicador {code}): el avance publicado es {} pero el calculado es {} ({origin})",
                number(*published, language),
                number(*computed, language)
            ),
            ImportWarning::PublishedMismatch {
                origin,
                row,
                code,
                published,
                computed,
            } => format!(
                "row {row} (indicator {code}): the published progress is {} but the computed one is {} ({origin})",
                number(*published, language),
                number(*computed, language)
            ),
            ImportWarning::ColumnIgnored(h) if es => format!("la columna «{h}» no se usa"),
            ImportWarning::ColumnIgnored(h) => format!("column «{h}» is not used"),
            ImportWarning::Skipped(p) if es => format!("fila omitida: {}", p.message(language)),
            ImportWarning::Skipped(p) => format!("row skipped: {}", p.message(language)),
        }
    }
}

/// A plan built from a file, and what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub warnings: Vec<ImportWarning>,
}

/// Header text as compared: lower case, no accents, no tags, single spaces.
fn normalize(text: &str) -> String {
    let stripped = strip_tags(text);
    let folded: String = stripped
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'Á' | 'À' | 'Ä' => 'a',
            'é' | 'è' | 'ë' | 'É' | 'È' | 'Ë' => 'e',
            'í' | 'ì' | 'ï' | 'Í' | 'Ì' | 'Ï' => 'i',
            'ó' | 'ò' | 'ö' | 'Ó' | 'Ò' | 'Ö' => 'o',
            'ú' | 'ù' | 'ü' | 'Ú' | 'Ù' | 'Ü' => 'u',
            'ñ' | 'Ñ' => 'n',
            '\u{a0}' => ' ',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(':')
        .to_owned()
}

/// A cell's text without `<b>…</b>` and other tags, trimmed.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace('\u{a0}', " ").trim().to_owned()
}

/// What a header names, or an error for a "Programación" header without a year.
fn column_of(header: &str) -> Result<Option<Column>, ImportError> {
    let h = normalize(header);
    let column = match h.as_str() {
        "objetivo" | "objetivo estrategico" => Column::Objective,
        "meta" => Column::Meta,
        "nombre meta" | "nombre de la meta" => Column::MetaName,
        "indicador sectorial" | "indicador" | "codigo indicador" | "codigo" => Column::Code,
        "nombre indicador" | "nombre del indicador" => Column::Name,
        "entidad responsable" | "entidad" => Column::Entity,
        "ponderacion indicador" | "ponderacion" => Column::Weight,
        "programacion total" => Column::Total,
        "tipo de anualizacion" | "tipo anualizacion" | "anualizacion" => Column::Type,
        "unidad" | "unidad de medida" => Column::Unit,
        "linea base" => Column::Baseline,
        _ if h.starts_with("magnitud ejecutada") => Column::Executed,
        _ if h.starts_with("porcentaje avance") || h.starts_with("porcentaje de avance") => {
            Column::Published
        }
        _ if h.starts_with("programacion") => {
            let year = h["programacion".len()..].trim();
            match year.parse::<Vigencia>() {
                Ok(y) if year.len() == 4 && (1990..=2100).contains(&y) => Column::Programmed(y),
                _ => return Err(ImportError::UnknownYearHeader(strip_tags(header))),
            }
        }
        _ => return Ok(None),
    };
    Ok(Some(column))
}

/// The cut a "… al corte DD/MM/YYYY" header names.
fn cut_of(header: &str) -> Result<Cut, ImportError> {
    let clean = strip_tags(header);
    clean
        .split_whitespace()
        .last()
        .and_then(|date| date.parse::<Cut>().ok())
        .ok_or(ImportError::UnreadableCut(clean))
}

/// A table's header row: what each column is.
struct Header {
    row_index: usize,
    columns: Vec<Option<Column>>,
    names: Vec<String>,
    cut: Cut,
}

impl Header {
    fn find(table: &Table, warnings: &mut Vec<ImportWarning>) -> Result<Option<Self>, ImportError> {
        let Some(row_index) = table.rows.iter().position(|(_, cells)| {
            cells
                .iter()
                .any(|c| matches!(column_of(&c.text()), Ok(Some(Column::Name))))
        }) else {
            return Ok(None);
        };
        let cells = &table.rows[row_index].1;
        let names: Vec<String> = cells.iter().map(|c| strip_tags(&c.text())).collect();
        let mut columns = Vec::with_capacity(cells.len());
        let mut cut = None;
        for name in &names {
            let column = column_of(name)?;
            match column {
                Some(Column::Executed) => cut = Some(cut_of(name)?),
                None if !name.is_empty() => {
                    warnings.push(ImportWarning::ColumnIgnored(name.clone()))
                }
                _ => {}
            }
            columns.push(column);
        }
        let missing: Vec<&'static str> = REQUIRED
            .iter()
            .filter(|(_, is)| !columns.iter().flatten().any(is))
            .map(|(name, _)| *name)
            .collect();
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns(missing));
        }
        let cut = cut.ok_or(ImportError::MissingColumns(vec![REQUIRED[5].0]))?;
        Ok(Some(Header {
            row_index,
            columns,
            names,
            cut,
        }))
    }

    fn years(&self) -> impl Iterator<Item = Vigencia> + '_ {
        self.columns.iter().flatten().filter_map(|c| match c {
            Column::Programmed(y) => Some(*y),
            _ => None,
        })
    }
}

/// One data row, read and checked.
struct Row {
    origin: String,
    number: usize,
    objective: u8,
    meta_code: String,
    meta_name: String,
    indicator: Indicator,
    executed: Option<Decimal>,
    weight: Option<Decimal>,
    published: Option<Decimal>,
    type_given: bool,
}

/// Reads a file (.tsv, .csv, .xlsx) into a plan. `lenient` skips bad rows (and says so)
/// instead of stopping.
pub fn import_file(path: &Path, lenient: bool) -> Result<Imported, ImportError> {
    let tables = read_tables(path).map_err(ImportError::Table)?;
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    import_tables(&tables, &title, lenient)
}

/// Builds a plan from tables already read. `title` names the plan.
pub fn import_tables(
    tables: &[Table],
    title: &str,
    lenient: bool,
) -> Result<Imported, ImportError> {
    let mut warnings = Vec::new();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut cut: Option<Cut> = None;
    let mut years = BTreeSet::new();
    let mut any_header = false;
    for table in tables {
        let Some(header) = Header::find(table, &mut warnings)? else {
            continue;
        };
        any_header = true;
        match cut {
            Some(c) if c != header.cut => return Err(ImportError::CutsDisagree(c, header.cut)),
            _ => cut = Some(header.cut),
        }
        years.extend(header.years());
        for (number, cells) in &table.rows[header.row_index + 1..] {
            if let Some(row) = read_row(&table.origin, *number, cells, &header, &mut problems) {
                rows.push(row);
            }
        }
    }
    if !any_header {
        let missing = REQUIRED.iter().map(|(name, _)| *name).collect();
        return Err(ImportError::MissingColumns(missing));
    }
    if !problems.is_empty() {
        if !lenient {
            return Err(ImportError::Rows(problems));
        }
        let bad_rows: BTreeSet<(String, usize)> =
            problems.iter().map(|p| (p.origin.clone(), p.row)).collect();
        rows.retain(|r| !bad_rows.contains(&(r.origin.clone(), r.number)));
        warnings.extend(problems.into_iter().map(ImportWarning::Skipped));
    }
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    let cut = cut.unwrap_or_else(|| unreachable!("a header always has a cut"));
    let period = Period {
        first: *years.first().unwrap_or(&cut.vigencia),
        last: *years.last().unwrap_or(&cut.vigencia),
    };
    if !period.contains(cut.vigencia) {
        return Err(ImportError::CutOutsidePeriod(cut));
    }
    if period.last - period.first >= super::plan_file::MAX_PERIOD_YEARS {
        return Err(ImportError::PeriodTooLong(period));
    }

    let mut plan = Plan::new(title, period);
    plan.cut = cut;
    let mut placed = Vec::new();
    for mut row in rows {
        infer_type(&mut row, period, &mut warnings);
        let year = row.indicator.year_mut(cut.vigencia);
        year.weight = row.weight;
        if let Some(executed) = row.executed {
            year.executed.insert(cut.quarter, executed);
        }
        row.indicator.tidy();
        let objective = &mut plan.objectives[usize::from(row.objective - 1)];
        let meta_index = match objective.metas.iter().position(|m| m.code == row.meta_code) {
            Some(i) => i,
            None => {
                objective.metas.push(Meta {
                    code: row.meta_code.clone(),
                    name: row.meta_name.clone(),
                    indicators: Vec::new(),
                });
                objective.metas.len() - 1
            }
        };
        let meta = &mut objective.metas[meta_index];
        if meta.name.is_empty() {
            meta.name = row.meta_name.clone();
        }
        meta.indicators.push(row.indicator.clone());
        placed.push((row, meta.indicators.len() - 1, meta_index));
    }
    for (row, index, meta) in &placed {
        let Some(published) = row.published else {
            continue;
        };
        let indicator =
            &plan.objectives[usize::from(row.objective - 1)].metas[*meta].indicators[*index];
        let computed = indicator_progress(indicator, cut, &plan.settings).progress();
        if let Some(computed) = computed
            && (computed - published).abs() > Decimal::new(1, 2)
        {
            warnings.push(ImportWarning::PublishedMismatch {
                origin: row.origin.clone(),
                row: row.number,
                code: indicator.code_label().to_owned(),
                published,
                computed,
            });
        }
    }
    Ok(Imported { plan, warnings })
}

/// Takes from `base` what a matrix does not carry: the plan's title, sector, missions and
/// visions, settings, the objectives' texts, and the names of metas with the same code. The
/// imported figures stay as imported.
pub fn keep_texts_from(imported: &mut Plan, base: &Plan) {
    imported.title = base.title.clone();
    imported.sector = base.sector.clone();
    imported.sector_mission = base.sector_mission.clone();
    imported.entities = base.entities.clone();
    imported.settings = base.settings;
    for objective in &mut imported.objectives {
        let Some(from) = base.objective(objective.number) else {
            continue;
        };
        objective.text = from.text.clone();
        for meta in objective.metas.iter_mut().filter(|m| m.name.is_empty()) {
            if let Some(named) = from.metas.iter().find(|m| m.code == meta.code) {
                meta.name = named.name.clone();
            }
        }
    }
}

/// Reads one data row; `None` for rows to skip (empty, "Total", a repeated header) and for
/// rows with problems, which go to `problems`.
fn read_row(
    origin: &str,
    number: usize,
    cells: &[Cell],
    header: &Header,
    problems: &mut Vec<RowProblem>,
) -> Option<Row> {
    let texts: Vec<String> = cells.iter().map(|c| strip_tags(&c.text())).collect();
    let get = |column: Column| {
        header
            .columns
            .iter()
            .position(|c| *c == Some(column))
            .map(|i| (i, cells.get(i), texts.get(i).cloned().unwrap_or_default()))
    };
    let name = get(Column::Name).map(|(_, _, t)| t).unwrap_or_default();
    let is_total = texts.iter().any(|t| normalize(t) == "total");
    let is_header = normalize(&name) == "nombre indicador";
    if texts.iter().all(String::is_empty) || is_header || (is_total && name.is_empty()) {
        return None;
    }
    let before = problems.len();
    let mut problem = |index: usize, value: &str, reason: RowReason| {
        problems.push(RowProblem {
            origin: origin.to_owned(),
            row: number,
            column: header.names.get(index).cloned().unwrap_or_default(),
            value: value.to_owned(),
            reason,
        });
    };
    let mut decimal = |column: Column| -> Option<Decimal> {
        let (index, cell, text) = get(column)?;
        match cell {
            Some(Cell::Number(n)) => Some(*n),
            _ if text.is_empty() => None,
            _ => match parse_number(&text, Language::Es) {
                Ok(value) => Some(value),
                Err(e) => {
                    problem(index, &text, RowReason::Number(e));
                    None
                }
            },
        }
    };
    let weight = decimal(Column::Weight);
    let executed = decimal(Column::Executed);
    let published = decimal(Column::Published);
    let declared_total = decimal(Column::Total);
    let baseline = decimal(Column::Baseline);
    let mut indicator = Indicator {
        baseline,
        declared_total,
        ..Indicator::default()
    };
    for column in header.columns.iter().flatten() {
        if let Column::Programmed(year) = column {
            let value = decimal(*column);
            if value.is_some() {
                indicator.year_mut(*year).programmed = value;
            }
        }
    }

    let (objective_index, _, objective_text) = get(Column::Objective)?;
    let objective = objective_text
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=OBJECTIVE_COUNT).contains(n));
    if objective.is_none() {
        problem(
            objective_index,
            &objective_text,
            RowReason::ObjectiveOutOfRange,
        );
    }
    let (meta_index, _, meta_code) = get(Column::Meta)?;
    if meta_code.is_empty() {
        problem(meta_index, "", RowReason::Empty);
    }
    if name.is_empty() {
        let index = get(Column::Name).map_or(0, |(i, _, _)| i);
        problem(index, "", RowReason::Empty);
    }
    let mut type_given = false;
    if let Some((index, _, text)) = get(Column::Type)
        && !text.is_empty()
    {
        type_given = true;
        match normalize(&text).as_str() {
            "suma" => indicator.annualization = Annualization::Suma,
            "creciente" => indicator.annualization = Annualization::Creciente,
            "constante" => indicator.annualization = Annualization::Constante,
            "decreciente" => indicator.annualization = Annualization::Decreciente,
            _ => problem(index, &text, RowReason::UnknownType),
        }
    }
    if problems.len() > before {
        return None;
    }
    let code = get(Column::Code).map(|(_, _, t)| t).unwrap_or_default();
    indicator.code = (!code.is_empty() && !code.eq_ignore_ascii_case("N/A")).then_some(code);
    indicator.name = name;
    indicator.entity = get(Column::Entity).map(|(_, _, t)| t).unwrap_or_default();
    indicator.unit = get(Column::Unit).map(|(_, _, t)| t).unwrap_or_default();
    Some(Row {
        origin: origin.to_owned(),
        number,
        objective: objective?,
        meta_code,
        meta_name: get(Column::MetaName).map(|(_, _, t)| t).unwrap_or_default(),
        indicator,
        executed,
        weight,
        published,
        type_given,
    })
}

/// Without a type column, the type the declared total implies: Σ vigencias → suma, the last
/// programmed vigencia → creciente, the same value every vigencia → constante. When several
/// fit, or none, suma with a warning naming the row.
fn infer_type(row: &mut Row, period: Period, warnings: &mut Vec<ImportWarning>) {
    if row.type_given {
        return;
    }
    let code = row.indicator.code_label().to_owned();
    let programmed: Vec<Decimal> = period
        .vigencias()
        .filter_map(|v| row.indicator.programmed(v))
        .collect();
    let fits: Vec<Annualization> = match (row.indicator.declared_total, programmed.is_empty()) {
        (Some(total), false) => {
            let sum = programmed
                .iter()
                .try_fold(Decimal::ZERO, |s, v| s.checked_add(*v));
            let last = programmed.iter().rev().find(|v| !v.is_zero()).copied();
            let nonzero: Vec<&Decimal> = programmed.iter().filter(|v| !v.is_zero()).collect();
            let constant = !nonzero.is_empty() && nonzero.iter().all(|v| **v == total);
            let mut fits = Vec::new();
            if sum == Some(total) {
                fits.push(Annualization::Suma);
            }
            if last == Some(total) {
                fits.push(Annualization::Creciente);
            }
            if constant {
                fits.push(Annualization::Constante);
            }
            fits
        }
        _ => Vec::new(),
    };
    row.indicator.annualization = match fits.as_slice() {
        [only] => *only,
        [] => {
            warnings.push(ImportWarning::TypeGuessed {
                origin: row.origin.clone(),
                row: row.number,
                code,
            });
            Annualization::Suma
        }
        _ => {
            warnings.push(ImportWarning::TypeAmbiguous {
                origin: row.origin.clone(),
                row: row.number,
                code,
            });
            Annualization::Suma
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_without_case_accents_or_tags() {
        assert_eq!(
            column_of("<b>Ponderación Indicador</b>"),
            Ok(Some(Column::Weight))
        );
        assert_eq!(
            column_of("PROGRAMACION 2022"),
            Ok(Some(Column::Programmed(2022)))
        );
        assert_eq!(column_of("Programación Total"), Ok(Some(Column::Total)));
        assert_eq!(column_of("Tipo de anualización"), Ok(Some(Column::Type)));
        assert_eq!(column_of("Observaciones"), Ok(None));
        assert!(matches!(
            column_of("Programación 20X2"),
            Err(ImportError::UnknownYearHeader(_))
        ));
        assert_eq!(
            cut_of("Magnitud ejecutada al corte 30/06/2023"),
            Ok(Cut::new(2023, crate::model::Quarter::new(2).unwrap()))
        );
    }
}
