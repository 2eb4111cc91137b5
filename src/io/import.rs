//! Import: the sector's indicator matrices (laid out like the seed's tables, with an Objetivo
//! column) become a plan.
//!
//! Columns are found by their header, in any order, ignoring case, accents and `<b>` tags. The
//! vigencias come from the "Programación YYYY" headers and the cut from "Magnitud ejecutada al
//! corte DD/MM/YYYY"; executed values go to that quarter. The published "Porcentaje avance" is
//! not taken as truth: it is compared with the computed progress.
//!
//! Nothing is imported half-way silently: either every bad row is counted (the first 100
//! listed) and the import stops, or ([`BadRows::Skip`]) those rows are skipped and the result
//! says so. The summary always says what was read ([`ImportSummary`]). A file the reader cannot take
//! as the officer sees it is refused (see [`super::table`]); so is a quote that swallows rows,
//! and a matrix beyond [`MAX_INDICATORS`] indicators.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::table::{
    Cell, ReadOptions, RowVisitor, SkippedSheet, TableError, TableInfo, TableRow, and_more,
    visit_file,
};
use crate::model::format::{NumberError, number, number_as_stored, parse_number};
use crate::model::progress::indicator_progress;
use crate::model::{
    Annualization, Cut, Indicator, Language, Meta, OBJECTIVE_COUNT, Period, Plan, Vigencia,
};
use crate::tr;

/// How many problems or warnings a message lists; the rest are counted.
pub const LIST_LIMIT: usize = 100;
/// The most indicators a matrix may hold (a sector plan has tens).
pub const MAX_INDICATORS: usize = 10_000;
/// The most text the indicators of a matrix may hold together.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

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
    /// A figure Avance's export computes (objective progress, capped and floored marks): the
    /// import computes it again, so it is not read.
    Computed,
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

/// The first [`LIST_LIMIT`] items of a list, and how many there are in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing<T> {
    pub first: Vec<T>,
    pub total: usize,
}

impl<T> Default for Listing<T> {
    fn default() -> Self {
        Listing {
            first: Vec::new(),
            total: 0,
        }
    }
}

impl<T> Listing<T> {
    fn push(&mut self, item: T) {
        self.total += 1;
        if self.first.len() < LIST_LIMIT {
            self.first.push(item);
        }
    }

    /// How many are counted but not listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// Why a row cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowReason {
    Number(NumberError),
    ObjectiveOutOfRange,
    Empty,
    UnknownType,
    /// A figure formatted as a date in the spreadsheet.
    Date,
    /// A spreadsheet error value (`#DIV/0!`) where a figure belongs.
    SpreadsheetError,
}

/// A bad cell: where it is, what it holds and why it is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub origin: String,
    /// The row number as the spreadsheet shows it.
    pub row: usize,
    /// The column's header as written in the file.
    pub column: String,
    /// The cell's address in a workbook (`N4`).
    pub cell: Option<String>,
    pub value: String,
    pub reason: RowReason,
}

/// `fila 4, columna «X» (celda N4), valor «…»`, the value cut short when long.
fn place(row: usize, column: &str, cell: Option<&str>, value: &str, language: Language) -> String {
    const SHOWN: usize = 80;
    let mut shown: String = value.chars().take(SHOWN).collect();
    if value.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    let value = shown.escape_debug().to_string();
    match cell {
        Some(cell) => tr!(
            language,
            "import-place-in-sheet",
            row = row,
            column = column,
            cell = cell,
            value = value
        ),
        None => tr!(
            language,
            "import-place-in-text",
            row = row,
            column = column,
            value = value
        ),
    }
}

impl RowReason {
    /// Why the cell is refused, in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            RowReason::Number(e) => e.message(language),
            RowReason::ObjectiveOutOfRange => tr!(
                language,
                "import-reason-objective-out-of-range",
                max = OBJECTIVE_COUNT
            ),
            RowReason::Empty => tr!(language, "import-reason-empty"),
            RowReason::UnknownType => tr!(language, "import-reason-unknown-type"),
            RowReason::Date => tr!(language, "import-reason-date"),
            RowReason::SpreadsheetError => tr!(language, "import-reason-spreadsheet-error"),
        }
    }
}

impl RowProblem {
    /// The problem as a sentence.
    pub fn message(&self, language: Language) -> String {
        let at = place(
            self.row,
            &self.column,
            self.cell.as_deref(),
            &self.value,
            language,
        );
        tr!(
            language,
            "import-row-problem",
            place = at,
            reason = self.reason.message(language),
            origin = &self.origin
        )
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
    /// Bad cells: the first ones, how many in all, and in how many rows.
    #[error("{}", self.message(Language::Es))]
    Rows {
        problems: Listing<RowProblem>,
        rows: usize,
    },
    /// An import skipping bad rows where every row has problems: nothing is left to import.
    #[error("{}", self.message(Language::Es))]
    NoGoodRows {
        problems: Listing<RowProblem>,
        rows: usize,
    },
    /// A quoted cell spreads over lines that look like whole rows: a stray quote swallowed
    /// them, and the rows read would not be the rows in the file.
    #[error("{}", self.message(Language::Es))]
    QuoteSpansRows {
        origin: String,
        first: usize,
        last: usize,
    },
    #[error("{}", self.message(Language::Es))]
    TooManyIndicators,
    #[error("{}", self.message(Language::Es))]
    TooMuchText,
}

impl From<TableError> for ImportError {
    fn from(e: TableError) -> Self {
        ImportError::Table(e)
    }
}

/// `head`, then the problems listed one a line, and how many more there are.
fn listed_problems(mut text: String, problems: &Listing<RowProblem>, language: Language) -> String {
    if problems.unlisted() > 0 {
        text.push_str(". ");
        text.push_str(&tr!(language, "import-problems-first", count = LIST_LIMIT));
    }
    text.push(':');
    for p in &problems.first {
        text.push_str("\n  ");
        text.push_str(&p.message(language));
    }
    if problems.unlisted() > 0 {
        text.push_str("\n  ");
        text.push_str(&tr!(
            language,
            "import-problems-more",
            count = problems.unlisted()
        ));
    }
    text
}

/// "3 celdas en 2 filas" and the count the verb agrees with, for the bad-rows messages.
fn cells_in_rows(problems: &Listing<RowProblem>, rows: usize, language: Language) -> [String; 2] {
    [
        tr!(language, "import-cell-count", count = problems.total),
        tr!(language, "import-row-count", count = rows),
    ]
}

impl ImportError {
    /// The error as sentences, one per line, in the language.
    pub fn message(&self, language: Language) -> String {
        match self {
            ImportError::Table(e) => e.message(language),
            ImportError::Empty => tr!(language, "import-empty"),
            ImportError::MissingColumns(names) => tr!(
                language,
                "import-missing-columns",
                columns = names.join(", ")
            ),
            ImportError::UnknownYearHeader(header) => {
                tr!(language, "import-unknown-year-header", header = header)
            }
            ImportError::UnreadableCut(header) => {
                tr!(language, "import-unreadable-cut", header = header)
            }
            ImportError::CutsDisagree(first, second) => tr!(
                language,
                "import-cuts-disagree",
                first = first.date(),
                second = second.date()
            ),
            ImportError::CutOutsidePeriod(cut) => {
                tr!(language, "import-cut-outside-period", cut = cut.date())
            }
            ImportError::PeriodTooLong(period) => tr!(
                language,
                "import-period-too-long",
                first = period.first,
                last = period.last,
                max = super::plan_file::MAX_PERIOD_YEARS
            ),
            ImportError::Rows { problems, rows } => {
                let [cells, rows_text] = cells_in_rows(problems, *rows, language);
                let head = tr!(
                    language,
                    "import-rows-refused",
                    cells = cells,
                    rows = rows_text,
                    count = problems.total
                );
                listed_problems(head, problems, language)
            }
            ImportError::NoGoodRows { problems, rows } => {
                let [cells, rows_text] = cells_in_rows(problems, *rows, language);
                let head = tr!(
                    language,
                    "import-no-good-rows",
                    cells = cells,
                    rows = rows_text,
                    count = problems.total
                );
                listed_problems(head, problems, language)
            }
            ImportError::QuoteSpansRows {
                origin,
                first,
                last,
            } => tr!(
                language,
                "import-quote-spans-rows",
                first = *first,
                last = *last,
                origin = origin
            ),
            ImportError::TooManyIndicators => {
                tr!(language, "import-too-many-indicators", max = MAX_INDICATORS)
            }
            ImportError::TooMuchText => tr!(
                language,
                "import-too-much-text",
                max = MAX_TEXT_BYTES / (1024 * 1024)
            ),
        }
    }

    /// Whether importing again with [`BadRows::Skip`] would import the other rows: the import
    /// stopped only because some rows have problems.
    pub fn can_skip_bad_rows(&self) -> bool {
        matches!(self, ImportError::Rows { .. })
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
    /// A text like `1,234` (a comma and three digits) read with a decimal comma, as Spanish
    /// writes it: 1,234, not 1234.
    DecimalComma {
        origin: String,
        row: usize,
        column: String,
        cell: Option<String>,
        value: String,
        /// The figure read.
        read: Decimal,
    },
}

impl ImportWarning {
    /// The warning as a sentence.
    pub fn message(&self, language: Language) -> String {
        // The type an import takes when the matrix does not tell.
        let taken = Annualization::Suma.sheet_name();
        match self {
            ImportWarning::TypeAmbiguous { origin, row, code } => tr!(
                language,
                "import-warning-type-ambiguous",
                row = *row,
                code = code,
                kind = taken,
                origin = origin
            ),
            ImportWarning::TypeGuessed { origin, row, code } => tr!(
                language,
                "import-warning-type-guessed",
                row = *row,
                code = code,
                kind = taken,
                origin = origin
            ),
            ImportWarning::PublishedMismatch {
                origin,
                row,
                code,
                published,
                computed,
            } => tr!(
                language,
                "import-warning-published-mismatch",
                row = *row,
                code = code,
                published = number(*published, language),
                computed = number(*computed, language),
                origin = origin
            ),
            ImportWarning::ColumnIgnored(column) => {
                tr!(language, "import-warning-column-ignored", column = column)
            }
            ImportWarning::Skipped(problem) => tr!(
                language,
                "import-warning-row-skipped",
                problem = problem.message(language)
            ),
            ImportWarning::DecimalComma {
                origin,
                row,
                column,
                cell,
                value,
                read,
            } => {
                let sign = if read.is_sign_negative() { "-" } else { "" };
                let digits: String = value.chars().filter(char::is_ascii_digit).collect();
                tr!(
                    language,
                    "import-warning-decimal-comma",
                    place = place(*row, column, cell.as_deref(), value, language),
                    read = number_as_stored(*read, language),
                    thousands = format!("{sign}{digits}"),
                    origin = origin
                )
            }
        }
    }
}

/// What an import read and what it did with each row. Rows read = before the headers +
/// headers + imported + skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Every row of the tables read.
    pub read: usize,
    /// Rows before a table's header (titles, notes).
    pub before_header: usize,
    /// Header rows, the first of each table.
    pub headers: usize,
    /// Rows that became indicators.
    pub imported: usize,
    /// Header rows repeated inside a table.
    pub repeated_headers: usize,
    /// "Total" rows.
    pub totals: usize,
    pub empty: usize,
    /// Rows with problems (skipped by a lenient import; otherwise the import stops).
    pub with_problems: usize,
}

impl RowCounts {
    pub fn skipped(&self) -> usize {
        self.repeated_headers + self.totals + self.empty + self.with_problems
    }
}

/// What an import read: sheets (or the file), rows, indicators, and what it skipped and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportSummary {
    /// The file read.
    pub file: String,
    /// The sheets whose matrix was read; empty for a text file.
    pub sheets: Vec<String>,
    /// Sheets read that hold no matrix header.
    pub sheets_without_header: Vec<String>,
    /// Sheets not read (hidden, charts).
    pub sheets_skipped: Vec<SkippedSheet>,
    pub rows: RowCounts,
    pub cut: Cut,
}

impl ImportSummary {
    /// The summary, a sentence a line: indicators and cut; what was read; rows read, imported,
    /// skipped and why.
    pub fn lines(&self, language: Language) -> Vec<String> {
        // At most LIST_LIMIT names, then how many more.
        let listed = |names: Vec<String>| {
            let more = names.len().saturating_sub(LIST_LIMIT);
            let first: Vec<String> = names.into_iter().take(LIST_LIMIT).collect();
            and_more(first.join(", "), more, language)
        };
        let quoted = |names: &[String]| listed(names.iter().map(|n| format!("«{n}»")).collect());
        let mut lines = vec![tr!(
            language,
            "import-summary-indicators",
            count = self.rows.imported,
            cut = self.cut.date()
        )];
        lines.push(if self.sheets.is_empty() {
            tr!(language, "import-summary-file", file = &self.file)
        } else {
            tr!(
                language,
                "import-summary-sheets",
                count = self.sheets.len(),
                sheets = quoted(&self.sheets),
                file = &self.file
            )
        });
        let mut not_read: Vec<String> = self
            .sheets_skipped
            .iter()
            .map(|s| s.describe(language))
            .collect();
        not_read.extend(
            self.sheets_without_header
                .iter()
                .map(|name| tr!(language, "import-sheet-without-header", name = name)),
        );
        if !not_read.is_empty() {
            lines.push(tr!(
                language,
                "import-summary-sheets-not-read",
                sheets = listed(not_read)
            ));
        }
        lines.push(self.rows.line(language));
        lines
    }
}

impl RowCounts {
    /// "15 filas leídas: 1 de encabezados, 9 importadas, 5 omitidas (3 encabezados repetidos,
    /// 2 filas de total)."
    fn line(&self, language: Language) -> String {
        let mut reasons = Vec::new();
        let mut reason = |count: usize, text: fn(Language, usize) -> String| {
            if count > 0 {
                reasons.push(text(language, count));
            }
        };
        reason(self.with_problems, |l, count| {
            tr!(l, "import-rows-with-problems", count = count)
        });
        reason(self.repeated_headers, |l, count| {
            tr!(l, "import-rows-repeated-headers", count = count)
        });
        reason(self.totals, |l, count| {
            tr!(l, "import-rows-totals", count = count)
        });
        reason(self.empty, |l, count| {
            tr!(l, "import-rows-empty", count = count)
        });
        let mut parts = Vec::new();
        if self.before_header > 0 {
            parts.push(tr!(
                language,
                "import-rows-before-header",
                count = self.before_header
            ));
        }
        parts.push(tr!(language, "import-rows-headers", count = self.headers));
        parts.push(tr!(language, "import-rows-imported", count = self.imported));
        let mut skipped = tr!(language, "import-rows-skipped", count = self.skipped());
        if !reasons.is_empty() {
            skipped.push_str(&format!(" ({})", reasons.join(", ")));
        }
        parts.push(skipped);
        tr!(
            language,
            "import-summary-rows",
            count = self.read,
            parts = parts.join(", ")
        )
    }
}

/// A plan built from a file, and what the user should know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub summary: ImportSummary,
    pub warnings: Listing<ImportWarning>,
}

/// What to tell the user once an import went through, in one language: the same for
/// `avance import` and the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// What was read and imported, a sentence a line.
    pub summary: Vec<String>,
    /// The first [`LIST_LIMIT`] warnings, one a line.
    pub warnings: Vec<String>,
    /// "… y 2900 avisos más.", when more warnings were counted than listed.
    pub unlisted_warnings: Option<String>,
}

impl Imported {
    /// The summary and the warnings as sentences.
    pub fn report(&self, language: Language) -> ImportReport {
        let unlisted = self.warnings.unlisted();
        ImportReport {
            summary: self.summary.lines(language),
            warnings: self
                .warnings
                .first
                .iter()
                .map(|w| w.message(language))
                .collect(),
            unlisted_warnings: (unlisted > 0)
                .then(|| tr!(language, "import-more-warnings", count = unlisted)),
        }
    }
}

/// What an import does with rows that have problems.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BadRows {
    /// Nothing is imported; every problem is counted and the first ones listed.
    #[default]
    Stop,
    /// The other rows are imported; the skipped ones are listed as warnings.
    Skip,
}

/// An import to run: the file, the sheet, and what to do with bad rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRequest {
    /// The matrix: .tsv, .csv or .xlsx.
    pub path: PathBuf,
    /// Read only this sheet of a workbook (even a hidden one); otherwise its visible sheets.
    pub sheet: Option<String>,
    pub bad_rows: BadRows,
}

impl ImportRequest {
    /// Every visible sheet of the file; bad rows stop the import.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        ImportRequest {
            path: path.into(),
            sheet: None,
            bad_rows: BadRows::Stop,
        }
    }

    /// The same import, skipping the rows with problems: the answer to an import they
    /// stopped ([`ImportError::can_skip_bad_rows`]).
    pub fn skipping_bad_rows(self) -> Self {
        ImportRequest {
            bad_rows: BadRows::Skip,
            ..self
        }
    }

    /// Reads the file into a plan.
    pub fn run(&self) -> Result<Imported, ImportError> {
        let mut importer = Importer {
            bad_rows: self.bad_rows,
            ..Importer::default()
        };
        let read = ReadOptions {
            sheet: self.sheet.clone(),
        };
        let skipped = visit_file(&self.path, &read, &mut importer)?;
        let title = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        importer.finish(&title, self.path.display().to_string(), skipped)
    }
}

/// Reads a file (.tsv, .csv, .xlsx) into a plan: a workbook's visible sheets, bad rows as
/// `bad_rows` says.
pub fn import_file(path: &Path, bad_rows: BadRows) -> Result<Imported, ImportError> {
    ImportRequest {
        bad_rows,
        ..ImportRequest::new(path)
    }
    .run()
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
        "cuenta al tope" | "cuenta como 0" => Column::Computed,
        _ if h.starts_with("avance objetivo") => Column::Computed,
        // The forecast an export writes: computed again from the figures, never read.
        _ if h.starts_with("falta para la programacion")
            || h.starts_with("proyeccion al cierre") =>
        {
            Column::Computed
        }
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
    columns: Vec<Option<Column>>,
    names: Vec<String>,
    cut: Cut,
    /// How many fields a row needs to reach every required column.
    needed_fields: usize,
}

impl Header {
    /// The header a row holds, if it is one (it names a "Nombre indicador" column). Columns
    /// the import does not use are noted once in `ignored`.
    fn of(cells: &[Cell], ignored: &mut BTreeSet<String>) -> Result<Option<Self>, ImportError> {
        if !Self::is_header(cells) {
            return Ok(None);
        }
        let names: Vec<String> = cells.iter().map(|c| strip_tags(&c.text())).collect();
        let mut columns = Vec::with_capacity(cells.len());
        let mut cut = None;
        for name in &names {
            let column = column_of(name)?;
            match column {
                Some(Column::Executed) => cut = Some(cut_of(name)?),
                None if !name.is_empty() => {
                    ignored.insert(name.clone());
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
        let needed_fields = columns
            .iter()
            .rposition(|c| c.is_some_and(|c| REQUIRED.iter().any(|(_, is)| is(&c))))
            .map_or(0, |i| i + 1);
        Ok(Some(Header {
            columns,
            names,
            cut,
            needed_fields,
        }))
    }

    /// Whether a row is a header: one of its cells names the "Nombre indicador" column.
    fn is_header(cells: &[Cell]) -> bool {
        cells
            .iter()
            .any(|c| matches!(column_of(&c.text()), Ok(Some(Column::Name))))
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

impl Row {
    /// The bytes of text the row keeps.
    fn text_len(&self) -> usize {
        let i = &self.indicator;
        self.meta_code.len()
            + self.meta_name.len()
            + i.name.len()
            + i.entity.len()
            + i.unit.len()
            + i.code.as_ref().map_or(0, String::len)
    }
}

/// What a row after a header is.
enum RowKind {
    Empty,
    Total,
    Header,
    Problems(Vec<RowProblem>),
    /// An indicator, and what the user should know about its cells.
    Indicator(Box<Row>, Vec<ImportWarning>),
}

/// The table being read.
struct Current {
    info: TableInfo,
    header: Option<Header>,
}

/// Builds a plan from rows as they are read, keeping only indicators and the first problems.
#[derive(Default)]
struct Importer {
    bad_rows: BadRows,
    current: Option<Current>,
    sheets: Vec<String>,
    sheets_without_header: Vec<String>,
    /// The cut the headers name; `None` until a header is read.
    cut: Option<Cut>,
    years: BTreeSet<Vigencia>,
    rows: Vec<Row>,
    text_len: usize,
    problems: Listing<RowProblem>,
    /// What the user should know about cells of the rows imported.
    notes: Listing<ImportWarning>,
    ignored: BTreeSet<String>,
    counts: RowCounts,
}

impl RowVisitor for Importer {
    type Error = ImportError;

    fn table(&mut self, info: TableInfo) -> Result<(), ImportError> {
        self.end_table();
        self.current = Some(Current { info, header: None });
        Ok(())
    }

    fn row(&mut self, row: TableRow) -> Result<(), ImportError> {
        self.counts.read += 1;
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        let Some(header) = &current.header else {
            match Header::of(&row.cells, &mut self.ignored)? {
                Some(header) => {
                    self.counts.headers += 1;
                    Self::take_cut(&mut self.cut, &header)?;
                    self.years.extend(header.years());
                    current.header = Some(header);
                }
                None => self.counts.before_header += 1,
            }
            return Ok(());
        };
        let row_like = row
            .line_fields
            .iter()
            .filter(|&&n| n >= header.needed_fields.max(2))
            .count();
        if row_like >= 2 {
            return Err(ImportError::QuoteSpansRows {
                origin: current.info.origin.clone(),
                first: row.number,
                last: row.number + row.line_fields.len() - 1,
            });
        }
        match read_row(&current.info, &row, header) {
            RowKind::Empty => self.counts.empty += 1,
            RowKind::Total => self.counts.totals += 1,
            RowKind::Header => {
                // A header repeated inside the table: the rows after it follow its columns.
                self.counts.repeated_headers += 1;
                if let Some(header) = Header::of(&row.cells, &mut self.ignored)? {
                    Self::take_cut(&mut self.cut, &header)?;
                    self.years.extend(header.years());
                    current.header = Some(header);
                }
            }
            RowKind::Problems(problems) => {
                self.counts.with_problems += 1;
                for problem in problems {
                    self.problems.push(problem);
                }
            }
            RowKind::Indicator(row, notes) => {
                if self.rows.len() >= MAX_INDICATORS {
                    return Err(ImportError::TooManyIndicators);
                }
                self.text_len = self.text_len.saturating_add(row.text_len());
                if self.text_len > MAX_TEXT_BYTES {
                    return Err(ImportError::TooMuchText);
                }
                self.counts.imported += 1;
                self.rows.push(*row);
                for note in notes {
                    self.notes.push(note);
                }
            }
        }
        Ok(())
    }
}

impl Importer {
    /// The cut a header names, which must be the one of every other header.
    fn take_cut(cut: &mut Option<Cut>, header: &Header) -> Result<(), ImportError> {
        match cut {
            Some(c) if *c != header.cut => Err(ImportError::CutsDisagree(*c, header.cut)),
            _ => {
                *cut = Some(header.cut);
                Ok(())
            }
        }
    }

    fn end_table(&mut self) {
        let Some(current) = self.current.take() else {
            return;
        };
        if let Some(sheet) = current.info.sheet {
            if current.header.is_some() {
                self.sheets.push(sheet);
            } else {
                self.sheets_without_header.push(sheet);
            }
        }
    }

    /// The plan from the rows read, or why not.
    fn finish(
        mut self,
        title: &str,
        file: String,
        sheets_skipped: Vec<SkippedSheet>,
    ) -> Result<Imported, ImportError> {
        self.end_table();
        let mut warnings = Listing::default();
        for name in std::mem::take(&mut self.ignored) {
            warnings.push(ImportWarning::ColumnIgnored(name));
        }
        let Some(cut) = self.cut else {
            let missing = REQUIRED.iter().map(|(name, _)| *name).collect();
            return Err(ImportError::MissingColumns(missing));
        };
        if !self.problems.is_empty() {
            if self.bad_rows == BadRows::Skip && self.rows.is_empty() {
                return Err(ImportError::NoGoodRows {
                    rows: self.counts.with_problems,
                    problems: self.problems,
                });
            }
            if self.bad_rows == BadRows::Stop {
                return Err(ImportError::Rows {
                    rows: self.counts.with_problems,
                    problems: self.problems,
                });
            }
            let unlisted = self.problems.unlisted();
            for problem in self.problems.first {
                warnings.push(ImportWarning::Skipped(problem));
            }
            warnings.total += unlisted;
        }
        let unlisted = self.notes.unlisted();
        for note in self.notes.first {
            warnings.push(note);
        }
        warnings.total += unlisted;
        if self.rows.is_empty() {
            return Err(ImportError::Empty);
        }
        let period = Period {
            first: *self.years.first().unwrap_or(&cut.vigencia),
            last: *self.years.last().unwrap_or(&cut.vigencia),
        };
        if !period.contains(cut.vigencia) {
            return Err(ImportError::CutOutsidePeriod(cut));
        }
        if period.last.saturating_sub(period.first) >= super::plan_file::MAX_PERIOD_YEARS {
            return Err(ImportError::PeriodTooLong(period));
        }
        let plan = build_plan(title, period, cut, self.rows, &mut warnings);
        Ok(Imported {
            plan,
            summary: ImportSummary {
                file,
                sheets: self.sheets,
                sheets_without_header: self.sheets_without_header,
                sheets_skipped,
                rows: self.counts,
                cut,
            },
            warnings,
        })
    }
}

/// The plan the rows make, with the type of each indicator inferred where not given and the
/// published percentages compared with the computed ones.
fn build_plan(
    title: &str,
    period: Period,
    cut: Cut,
    rows: Vec<Row>,
    warnings: &mut Listing<ImportWarning>,
) -> Plan {
    let mut plan = Plan::new(title, period);
    plan.cut = cut;
    let mut placed = Vec::new();
    for mut row in rows {
        infer_type(&mut row, period, warnings);
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
            meta.name = std::mem::take(&mut row.meta_name);
        }
        meta.indicators.push(std::mem::take(&mut row.indicator));
        let index = meta.indicators.len() - 1;
        placed.push((row, index, meta_index));
    }
    let tolerance = Decimal::new(1, 2);
    for (row, index, meta) in &placed {
        let Some(published) = row.published else {
            continue;
        };
        let indicator =
            &plan.objectives[usize::from(row.objective - 1)].metas[*meta].indicators[*index];
        let computed = indicator_progress(indicator, cut, &plan.settings).progress();
        if let Some(computed) = computed
            && computed
                .checked_sub(published)
                .is_none_or(|difference| difference.abs() > tolerance)
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
    plan
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

/// Whether a text holds a comma followed by exactly three digits and nothing else that tells
/// decimals from thousands (`1,234`, `-12,500 %`): Spanish reads it as decimals.
fn looks_like_thousands(text: &str) -> bool {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let body = compact.strip_suffix('%').unwrap_or(&compact);
    let body = body.strip_prefix(['-', '+']).unwrap_or(body);
    let Some((int, frac)) = body.split_once(',') else {
        return false;
    };
    (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && frac.len() == 3
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit())
}

/// What one row after a header is: empty, a total, a repeated header, an indicator, or a row
/// whose problems are listed.
fn read_row(info: &TableInfo, row: &TableRow, header: &Header) -> RowKind {
    let cells = &row.cells;
    let texts: Vec<String> = cells.iter().map(|c| strip_tags(&c.text())).collect();
    let get = |column: Column| {
        header
            .columns
            .iter()
            .position(|c| *c == Some(column))
            .map(|i| (i, cells.get(i), texts.get(i).cloned().unwrap_or_default()))
    };
    let name = get(Column::Name).map(|(_, _, t)| t).unwrap_or_default();
    if texts.iter().all(String::is_empty) {
        return RowKind::Empty;
    }
    if Header::is_header(cells) {
        return RowKind::Header;
    }
    if name.is_empty() && texts.iter().any(|t| normalize(t) == "total") {
        return RowKind::Total;
    }
    let origin = &info.origin;
    let cell_of = |index: usize| {
        info.sheet.as_ref().map(|_| {
            super::table::cell_name(
                u32::try_from(row.number.saturating_sub(1)).unwrap_or(u32::MAX),
                u32::try_from(index).unwrap_or(u32::MAX),
            )
        })
    };
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut problem = |index: usize, value: &str, reason: RowReason| {
        problems.push(RowProblem {
            origin: origin.clone(),
            row: row.number,
            column: header.names.get(index).cloned().unwrap_or_default(),
            cell: cell_of(index),
            value: value.to_owned(),
            reason,
        });
    };
    let mut decimal = |column: Column| -> Option<Decimal> {
        let (index, cell, text) = get(column)?;
        match cell {
            Some(Cell::Number(n) | Cell::Percent(n)) => Some(*n),
            Some(Cell::Date(shown)) => {
                problem(index, shown, RowReason::Date);
                None
            }
            Some(Cell::Error(shown)) => {
                problem(index, shown, RowReason::SpreadsheetError);
                None
            }
            _ if text.is_empty() => None,
            _ => match parse_number(&text, Language::Es) {
                Ok(value) => {
                    if looks_like_thousands(&text) {
                        notes.push(ImportWarning::DecimalComma {
                            origin: origin.clone(),
                            row: row.number,
                            column: header.names.get(index).cloned().unwrap_or_default(),
                            cell: cell_of(index),
                            value: text.clone(),
                            read: value,
                        });
                    }
                    Some(value)
                }
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

    let objective = get(Column::Objective).and_then(|(index, _, text)| {
        let number = text
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .parse::<u8>()
            .ok()
            .filter(|n| (1..=OBJECTIVE_COUNT).contains(n));
        if number.is_none() {
            problem(index, &text, RowReason::ObjectiveOutOfRange);
        }
        number
    });
    let meta_code = get(Column::Meta).map(|(_, _, t)| t).unwrap_or_default();
    if meta_code.is_empty()
        && let Some((index, _, _)) = get(Column::Meta)
    {
        problem(index, "", RowReason::Empty);
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
        match Annualization::from_sheet_name(&normalize(&text)) {
            Some(kind) => indicator.annualization = kind,
            None => problem(index, &text, RowReason::UnknownType),
        }
    }
    let Some(objective) = objective.filter(|_| problems.is_empty()) else {
        return RowKind::Problems(problems);
    };
    let code = get(Column::Code).map(|(_, _, t)| t).unwrap_or_default();
    indicator.code = (!code.is_empty() && !code.eq_ignore_ascii_case("N/A")).then_some(code);
    indicator.name = name;
    indicator.entity = get(Column::Entity).map(|(_, _, t)| t).unwrap_or_default();
    indicator.unit = get(Column::Unit).map(|(_, _, t)| t).unwrap_or_default();
    RowKind::Indicator(
        Box::new(Row {
            origin: origin.clone(),
            number: row.number,
            objective,
            meta_code,
            meta_name: get(Column::MetaName).map(|(_, _, t)| t).unwrap_or_default(),
            indicator,
            executed,
            weight,
            published,
            type_given,
        }),
        notes,
    )
}

/// Without a type column, the type the declared total implies: Σ vigencias → suma, the last
/// programmed vigencia → creciente, the same value every vigencia → constante. When several
/// fit, or none, suma with a warning naming the row.
fn infer_type(row: &mut Row, period: Period, warnings: &mut Listing<ImportWarning>) {
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
        assert_eq!(column_of("Cuenta al tope"), Ok(Some(Column::Computed)));
        assert_eq!(
            column_of("Avance objetivo al corte 31/03/2022"),
            Ok(Some(Column::Computed))
        );
        assert!(matches!(
            column_of("Programación 20X2"),
            Err(ImportError::UnknownYearHeader(_))
        ));
        assert_eq!(
            cut_of("Magnitud ejecutada al corte 30/06/2023"),
            Ok(Cut::new(2023, crate::model::Quarter::new(2).unwrap()))
        );
    }

    #[test]
    fn a_comma_and_three_digits_alone_looks_like_thousands() {
        for text in ["1,234", "-12,500", "999,000 %", " 1,234 "] {
            assert!(looks_like_thousands(text), "{text}");
        }
        for text in [
            "27,50",
            "0,500",
            "1.234,500",
            "1234,567",
            "1,2345",
            "12",
            "a,bcd",
        ] {
            assert!(!looks_like_thousands(text), "{text}");
        }
    }

    #[test]
    fn the_summary_names_at_most_100_sheets() {
        let summary = ImportSummary {
            file: "libro.xlsx".to_owned(),
            sheets: (1..=150).map(|i| format!("H{i}")).collect(),
            sheets_without_header: vec!["Resumen".to_owned()],
            sheets_skipped: Vec::new(),
            rows: RowCounts::default(),
            cut: Cut::new(2022, crate::model::Quarter::new(1).unwrap()),
        };
        let lines = summary.lines(Language::Es);
        assert!(
            lines[1].starts_with("Hojas leídas: «H1», «H2»")
                && lines[1].ends_with("«H100» y 50 más (libro.xlsx)."),
            "{}",
            lines[1]
        );
        assert_eq!(
            lines[2],
            "Hojas no leídas: «Resumen» (sin encabezados de la matriz)."
        );
        assert_eq!(
            lines[3],
            "0 filas leídas: 0 de encabezados, 0 importadas, 0 omitidas."
        );
    }

    #[test]
    fn bad_row_messages_agree_with_the_count() {
        let mut problems = Listing::default();
        problems.push(RowProblem {
            origin: "m.tsv".to_owned(),
            row: 4,
            column: "Objetivo".to_owned(),
            cell: None,
            value: "9".to_owned(),
            reason: RowReason::ObjectiveOutOfRange,
        });
        let error = ImportError::Rows { problems, rows: 1 };
        assert_eq!(
            error.to_string(),
            "1 celda en 1 fila no se puede importar; no se importó nada:\n  fila 4, columna \
             «Objetivo», valor «9»: el objetivo debe ser un número de 1 a 5 (m.tsv)"
        );
        assert!(error.can_skip_bad_rows());
        assert!(!ImportError::Empty.can_skip_bad_rows());
    }

    #[test]
    fn importing_again_without_bad_rows_keeps_the_file_and_sheet() {
        let request = ImportRequest {
            sheet: Some("Matriz".to_owned()),
            ..ImportRequest::new("matriz.xlsx")
        };
        assert_eq!(request.bad_rows, BadRows::Stop);
        let again = request.clone().skipping_bad_rows();
        assert_eq!(
            again,
            ImportRequest {
                bad_rows: BadRows::Skip,
                ..request
            }
        );
    }

    #[test]
    fn a_decimal_comma_warning_shows_the_figure_read_as_each_language_writes_it() {
        let warning = ImportWarning::DecimalComma {
            origin: "m.tsv".to_owned(),
            row: 10,
            column: "Programación 2020".to_owned(),
            cell: None,
            value: "-1,234".to_owned(),
            read: Decimal::new(-1234, 3),
        };
        let english = warning.message(Language::En);
        assert!(
            english.contains("read as -1.234 (decimal comma); if it means thousands, write -1234"),
            "{english}"
        );
        assert!(
            warning
                .message(Language::Es)
                .contains("se leyó como -1,234")
        );
    }

    #[test]
    fn a_listing_keeps_the_first_and_counts_all() {
        let mut listing = Listing::default();
        for i in 0..250 {
            listing.push(i);
        }
        assert_eq!(listing.first.len(), LIST_LIMIT);
        assert_eq!((listing.total, listing.unlisted()), (250, 150));
    }
}
