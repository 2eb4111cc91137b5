//! Import: the sector's indicator matrices (laid out like the seed's tables, with an Objetivo
//! column) become a plan, or go into an existing plan ([`ImportRequest::run_into`]).
//!
//! Columns are found by their header, in any order, ignoring case, accents and `<b>` tags. The
//! vigencias come from the "Programación YYYY" headers and the cut from "Magnitud ejecutada al
//! corte DD/MM/YYYY", the magnitude executed at the cut: it goes to the cut's quarter as
//! [`apply`] says (suma: less the quarters before it). Avance's own export adds, per vigencia,
//! "Ponderación YYYY", "Ejecutado YYYY T1…T4" and "Comentario YYYY T1…T4": those are read
//! quarter by quarter. The published "Porcentaje avance" is not taken as truth: it is compared
//! with the computed progress. A header written twice (or two headers for one figure), and two
//! "Magnitud ejecutada al corte" columns, are refused: which one to read would be a guess.
//!
//! Into an existing plan, a row changes only what the matrix carries, and what it does not name
//! stays exactly as it is ([`apply`]; the summary counts it, [`IntoSummary`]).
//!
//! Nothing is imported half-way silently: either every bad row is counted (the first 100
//! listed) and the import stops, or ([`BadRows::Skip`]) those rows are skipped and the result
//! says so. The summary always says what was read ([`ImportSummary`]). A file the reader cannot take
//! as the officer sees it is refused (see [`super::table`]); so is a quote that swallows rows,
//! and a matrix beyond [`MAX_INDICATORS`] indicators.

mod apply;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;

use super::table::{
    Cell, HiddenContent, ReadOptions, RowVisitor, SkippedSheet, TableError, TableInfo, TableRow,
    and_more, column_letters, visit_file,
};
use crate::model::format::{NumberError, number, number_as_stored, parse_number};
use crate::model::progress::indicator_progress;
use crate::model::{
    Annualization, Cut, DEFAULT_OBJECTIVES, Indicator, IndicatorKind, Language, MAX_OBJECTIVES,
    Period, Plan, Quarter, Vigencia,
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
    /// "Ponderación indicador": the weight of the cut's vigencia.
    Weight,
    /// "Ponderación YYYY": the weight of a vigencia (Avance's export).
    WeightOf(Vigencia),
    Programmed(Vigencia),
    Total,
    /// "Magnitud ejecutada al corte DD/MM/YYYY".
    Executed,
    /// "Ejecutado YYYY Tn": one quarter's figure (Avance's export).
    Quarter(Cut),
    /// "Comentario YYYY Tn": one quarter's comment (Avance's export).
    Comment(Cut),
    Published,
    Type,
    /// "Tipo de indicador": where the indicator comes from.
    Kind,
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
    /// A "Tipo de indicador" cell that names no kind.
    UnknownKind,
    /// A figure formatted as a date in the spreadsheet.
    Date,
    /// A spreadsheet error value (`#DIV/0!`) where a figure belongs.
    SpreadsheetError,
    /// The plan the matrix goes into has no objective with this number.
    ObjectiveNotInPlan,
    /// Several indicators of the plan, or several rows of the matrix, have this meta and code
    /// (or, without a code, this name) and not as many of each: which is which is not known.
    Ambiguous {
        in_plan: usize,
        in_matrix: usize,
    },
    /// An earlier row of the same meta gives it another name.
    MetaNameDiffers {
        first_row: usize,
    },
    /// Another column of the row carries the same figure and says something else, and both
    /// differ from the plan.
    ColumnsDisagree {
        other: String,
        other_value: String,
    },
    /// The row's quarter columns give another figure at the cut (`quarters`), and both they and
    /// the magnitude at the cut differ from the plan.
    AtCutDisagrees {
        quarters: Option<Decimal>,
    },
    /// Suma: the magnitude at the cut is below what the plan's quarters before it add up to,
    /// so the cut's quarter would be `figure`, below 0.
    SumBelowEarlier {
        earlier: Decimal,
        figure: Decimal,
        quarter: Quarter,
    },
    /// The figure cannot be computed exactly (beyond what a decimal holds).
    FigureTooLarge,
    /// A figure cell merged with the rows above it: the figure stands in the merge's first
    /// row, and an indicator's figure cannot be another's.
    MergedFigure {
        first_row: usize,
    },
    /// A figure that reads as thousands or decimals in a file that writes decimals both with a
    /// comma and with a point.
    MixedDecimals {
        thousands: Decimal,
        decimals: Decimal,
    },
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
                max = MAX_OBJECTIVES
            ),
            RowReason::Empty => tr!(language, "import-reason-empty"),
            RowReason::UnknownType => tr!(language, "import-reason-unknown-type"),
            RowReason::UnknownKind => tr!(language, "import-reason-unknown-kind"),
            RowReason::Date => tr!(language, "import-reason-date"),
            RowReason::SpreadsheetError => tr!(language, "import-reason-spreadsheet-error"),
            RowReason::ObjectiveNotInPlan => tr!(language, "import-reason-objective-not-in-plan"),
            RowReason::Ambiguous { in_plan, in_matrix } => tr!(
                language,
                "import-reason-ambiguous",
                in_plan = *in_plan,
                in_matrix = *in_matrix
            ),
            RowReason::MetaNameDiffers { first_row } => tr!(
                language,
                "import-reason-meta-name-differs",
                first_row = *first_row
            ),
            RowReason::ColumnsDisagree { other, other_value } => tr!(
                language,
                "import-reason-columns-disagree",
                other = other,
                other_value = other_value
            ),
            RowReason::AtCutDisagrees { quarters } => tr!(
                language,
                "import-reason-at-cut-disagrees",
                quarters = quarters.map_or_else(
                    || tr!(language, "import-not-reported"),
                    |q| number_as_stored(q, language)
                )
            ),
            RowReason::SumBelowEarlier {
                earlier,
                figure,
                quarter,
            } => tr!(
                language,
                "import-reason-sum-below-earlier",
                earlier = number_as_stored(*earlier, language),
                figure = number_as_stored(*figure, language),
                quarter = quarter.short_name(language)
            ),
            RowReason::FigureTooLarge => tr!(language, "import-reason-figure-too-large"),
            RowReason::MixedDecimals {
                thousands,
                decimals,
            } => tr!(
                language,
                "import-reason-mixed-decimals",
                // Digits alone: no separator that could be read either way again.
                thousands = thousands.to_string(),
                decimals = number_as_stored(*decimals, language)
            ),
            RowReason::MergedFigure { first_row } => tr!(
                language,
                "import-reason-merged-figure",
                first_row = *first_row
            ),
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Table(TableError),
    Empty,
    /// A header without these required columns; `hidden` are the hidden columns of that
    /// header row (letter, header), which were not read.
    MissingColumns {
        columns: Vec<&'static str>,
        hidden: Vec<(String, String)>,
    },
    /// Rows were read, and none is the matrix's header (none names «Nombre indicador»): `first`
    /// is what the first of them holds.
    NoHeader {
        file: String,
        rows: usize,
        first: String,
    },
    /// A header written twice, or two headers for the same figure: (letter, header) of each.
    RepeatedColumn {
        origin: String,
        first: (String, String),
        second: (String, String),
    },
    /// Two "Magnitud ejecutada al corte" columns with different dates: (letter, cut) of each.
    ExecutedCutsDisagree {
        origin: String,
        first: (String, Cut),
        second: (String, Cut),
    },
    /// The matrix has a column for a vigencia outside the period of the plan it goes into.
    VigenciaOutsidePlan {
        vigencia: Vigencia,
        period: Period,
    },
    UnknownYearHeader(String),
    UnreadableCut(String),
    CutsDisagree(Cut, Cut),
    CutOutsidePeriod(Cut),
    PeriodTooLong(Period),
    /// Bad cells: the first ones, how many in all, and in how many rows.
    Rows {
        problems: Listing<RowProblem>,
        rows: usize,
    },
    /// An import skipping bad rows where every row has problems: nothing is left to import.
    NoGoodRows {
        problems: Listing<RowProblem>,
        rows: usize,
    },
    /// A quoted cell spreads over lines that look like whole rows: a stray quote swallowed
    /// them, and the rows read would not be the rows in the file.
    QuoteSpansRows {
        origin: String,
        first: usize,
        last: usize,
    },
    TooManyIndicators,
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

/// [`ImportError::MissingColumns`] as a sentence, naming the hidden columns of the header row
/// (not read) when there are any.
fn missing_columns(
    columns: &[&'static str],
    hidden: &[(String, String)],
    language: Language,
) -> String {
    let mut text = tr!(
        language,
        "import-missing-columns",
        columns = columns.join(", ")
    );
    if !hidden.is_empty() {
        let listed: Vec<String> = hidden
            .iter()
            .map(|(letter, name)| format!("«{name}» ({letter})"))
            .collect();
        text.push(' ');
        text.push_str(&tr!(
            language,
            "import-missing-columns-hidden",
            columns = listed.join(", ")
        ));
    }
    text
}

/// [`ImportError::NoHeader`] as a sentence, with the first row read (its first 120
/// characters, control characters escaped).
fn no_header(file: &str, rows: usize, first: &str, language: Language) -> String {
    const SHOWN: usize = 120;
    let mut shown: String = first.chars().take(SHOWN).collect();
    if first.chars().nth(SHOWN).is_some() {
        shown.push('…');
    }
    tr!(
        language,
        "import-no-header",
        rows = rows,
        first = shown.escape_debug().to_string(),
        file = file
    )
}

/// [`ImportError::RepeatedColumn`] as a sentence: the same header twice, or two headers for
/// one figure. `first` and `second` are (letter, header).
fn repeated_column(
    origin: &str,
    first: &(String, String),
    second: &(String, String),
    language: Language,
) -> String {
    if normalize(&first.1) == normalize(&second.1) {
        tr!(
            language,
            "import-repeated-column",
            header = &first.1,
            first = &first.0,
            second = &second.0,
            origin = origin
        )
    } else {
        tr!(
            language,
            "import-same-figure-columns",
            first_header = &first.1,
            second_header = &second.1,
            first = &first.0,
            second = &second.0,
            origin = origin
        )
    }
}

impl ImportError {
    /// The error as sentences, one per line, in the language.
    pub fn message(&self, language: Language) -> String {
        match self {
            ImportError::Table(e) => e.message(language),
            ImportError::Empty => tr!(language, "import-empty"),
            ImportError::MissingColumns { columns, hidden } => {
                missing_columns(columns, hidden, language)
            }
            ImportError::NoHeader { file, rows, first } => no_header(file, *rows, first, language),
            ImportError::RepeatedColumn {
                origin,
                first,
                second,
            } => repeated_column(origin, first, second, language),
            ImportError::ExecutedCutsDisagree {
                origin,
                first,
                second,
            } => tr!(
                language,
                "import-executed-cuts-disagree",
                first = &first.0,
                first_date = first.1.date(),
                second = &second.0,
                second_date = second.1.date(),
                origin = origin
            ),
            ImportError::VigenciaOutsidePlan { vigencia, period } => tr!(
                language,
                "import-vigencia-outside-plan",
                vigencia = *vigencia,
                first = period.first,
                last = period.last
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

    /// The message naming the file it is about, once, at the end: messages that point at a row,
    /// a cell or a column already say in which file; the others get it added (`… (matriz.csv)`).
    pub fn message_about(&self, file: &Path, language: Language) -> String {
        let text = self.message(language);
        if self.names_its_file() {
            text
        } else {
            format!("{text} ({})", file.display())
        }
    }

    /// Whether [`ImportError::message`] names the file already.
    fn names_its_file(&self) -> bool {
        match self {
            ImportError::Table(e) => e.names_its_file(),
            ImportError::NoHeader { .. }
            | ImportError::RepeatedColumn { .. }
            | ImportError::ExecutedCutsDisagree { .. }
            | ImportError::QuoteSpansRows { .. }
            | ImportError::Rows { .. }
            | ImportError::NoGoodRows { .. } => true,
            ImportError::Empty
            | ImportError::MissingColumns { .. }
            | ImportError::VigenciaOutsidePlan { .. }
            | ImportError::UnknownYearHeader(_)
            | ImportError::UnreadableCut(_)
            | ImportError::CutsDisagree(..)
            | ImportError::CutOutsidePeriod(_)
            | ImportError::PeriodTooLong(_)
            | ImportError::TooManyIndicators
            | ImportError::TooMuchText => false,
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
    /// "Nota:" rows and footnotes (`* …`, `(1) …`, `Fuente: …`) after a header.
    pub notes: usize,
    pub empty: usize,
    /// Rows with problems (skipped by a lenient import; otherwise the import stops).
    pub with_problems: usize,
}

impl RowCounts {
    pub fn skipped(&self) -> usize {
        self.repeated_headers + self.totals + self.notes + self.empty + self.with_problems
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
    /// How the file's text figures write decimals.
    pub decimals: Decimals,
    /// Hidden rows and columns, not read.
    pub hidden: HiddenSummary,
    pub cut: Cut,
    /// For an import into an existing plan: what changed and what was left.
    pub into: Option<IntoSummary>,
}

/// What an import into an existing plan did with the plan's indicators.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IntoSummary {
    /// Indicators the matrix names whose figures or texts it changed.
    pub changed: usize,
    /// Indicators the matrix names that it leaves as they were (it says the same).
    pub unchanged: usize,
    /// Indicators of the matrix the plan did not have: added to their meta.
    pub added: usize,
    /// Indicators of the plan the matrix does not name: left exactly as they were.
    pub untouched: usize,
    /// The plan's cut, and the matrix's, when the import moved it there: the matrix brings
    /// figures of quarters after the plan's cut.
    pub cut_moved: Option<(Cut, Cut)>,
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
        let mut lines = vec![match &self.into {
            None => tr!(
                language,
                "import-summary-indicators",
                count = self.rows.imported,
                cut = self.cut.date()
            ),
            Some(into) => tr!(
                language,
                "import-summary-into",
                count = self.rows.imported,
                cut = self.cut.date(),
                changed = into.changed,
                unchanged = into.unchanged,
                added = into.added
            ),
        }];
        if let Some(into) = &self.into {
            lines.push(tr!(
                language,
                "import-summary-untouched",
                count = into.untouched
            ));
            if let Some((from, to)) = into.cut_moved {
                lines.push(tr!(
                    language,
                    "import-summary-cut-moved",
                    from = from.date(),
                    to = to.date()
                ));
            }
        }
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
        lines.extend(self.decimals.line(language));
        if self.hidden.rows > 0 || !self.hidden.columns.is_empty() {
            let columns: Vec<String> = self
                .hidden
                .columns
                .iter()
                .map(|(sheet, letters)| format!("{} («{sheet}»)", letters.join(", ")))
                .collect();
            let column_count: usize = self.hidden.columns.iter().map(|(_, c)| c.len()).sum();
            let which = if columns.is_empty() {
                String::new()
            } else {
                format!(" ({})", columns.join("; "))
            };
            lines.push(tr!(
                language,
                "import-summary-hidden",
                rows = self.hidden.rows,
                columns = column_count,
                which = which
            ));
        }
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
        reason(self.notes, |l, count| {
            tr!(l, "import-rows-notes", count = count)
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

    /// Reads the file into a new plan, named after the file.
    pub fn run(&self) -> Result<Imported, ImportError> {
        self.read(None)
    }

    /// Reads the file into a copy of `plan`: only what the matrix carries changes, for the
    /// indicators it names (see [`apply`]); the rest of the plan stays exactly as it is.
    pub fn run_into(&self, plan: &Plan) -> Result<Imported, ImportError> {
        self.read(Some(plan))
    }

    fn read(&self, into: Option<&Plan>) -> Result<Imported, ImportError> {
        let mut importer = Importer {
            into: into.is_some(),
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
        importer.finish(self, into, &title, skipped)
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

/// The length of the HTML-like tag `text` starts with (`<b>`, `</b>`, `<br/>`,
/// `<font color="red">`): a `<`, an optional `/`, a letter, then anything but `<` up to `>`.
/// `< 50 %` or `a<3` are not tags.
fn tag_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('<')?;
    let name = rest.strip_prefix('/').unwrap_or(rest);
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = text.find(['>', '\n'])?;
    (text.as_bytes()[end] == b'>' && !text[1..end].contains('<')).then_some(end + 1)
}

/// A cell's text as the import keeps it: without `<b>…</b>` and other tags (the seed's tables
/// carry them), no-break spaces as spaces, trimmed.
pub(crate) fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match tag_len(rest) {
            Some(len) => rest = &rest[len..],
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ").trim().to_owned()
}

/// The year of a "Programación YYYY" (or "Ponderación YYYY") header, if the rest is one.
fn year_of(rest: &str) -> Option<Vigencia> {
    let year = rest.trim();
    year.parse::<Vigencia>()
        .ok()
        .filter(|y| year.len() == 4 && (1990..=2100).contains(y))
}

/// The quarter of an "Ejecutado 2022 T1" (or "Comentario 2022 T1") header.
fn quarter_of(rest: &str) -> Option<Cut> {
    rest.trim()
        .parse::<Cut>()
        .ok()
        .filter(|cut| (1990..=2100).contains(&cut.vigencia))
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
        "tipo de indicador" | "tipo indicador" => Column::Kind,
        "linea base" => Column::Baseline,
        "cuenta al tope" | "cuenta como 0" | "ultimo trimestre reportado" => Column::Computed,
        _ if h.starts_with("avance objetivo") || h.starts_with("al dia al corte") => {
            Column::Computed
        }
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
        _ if h.starts_with("programacion") => match year_of(&h["programacion".len()..]) {
            Some(year) => Column::Programmed(year),
            None => return Err(ImportError::UnknownYearHeader(strip_tags(header))),
        },
        _ if h.starts_with("ponderacion ") => match year_of(&h["ponderacion".len()..]) {
            Some(year) => Column::WeightOf(year),
            None => return Ok(None),
        },
        _ if h.starts_with("ejecutado ") => match quarter_of(&h["ejecutado".len()..]) {
            Some(cut) => Column::Quarter(cut),
            None => return Ok(None),
        },
        _ if h.starts_with("comentario ") => match quarter_of(&h["comentario".len()..]) {
            Some(cut) => Column::Comment(cut),
            None => return Ok(None),
        },
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

/// A column's place in a sheet, as Excel names it (`N`); text files too, as Excel opens them.
fn letters(index: usize) -> String {
    column_letters(u32::try_from(index).unwrap_or(u32::MAX))
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
    /// the import does not use are noted once in `ignored`. A header written twice (or two
    /// headers for the same figure) and two "Magnitud ejecutada al corte" columns are refused:
    /// which one to read would be a guess.
    ///
    /// Into an existing plan (`into`), the code column ("Indicador sectorial") is required too:
    /// without it (missing or hidden) every coded indicator would come in as a new one beside
    /// itself.
    fn of(
        row: &TableRow,
        origin: &str,
        ignored: &mut BTreeSet<String>,
        into: bool,
    ) -> Result<Option<Self>, ImportError> {
        let cells = &row.cells;
        if !Self::is_header(cells) {
            return Ok(None);
        }
        let names: Vec<String> = cells.iter().map(|c| strip_tags(&c.text())).collect();
        let mut columns = Vec::with_capacity(cells.len());
        let mut cut: Option<(usize, Cut)> = None;
        let mut seen_names: HashMap<String, usize> = HashMap::new();
        let mut seen_columns: HashMap<Column, usize> = HashMap::new();
        for (index, name) in names.iter().enumerate() {
            let column = column_of(name)?;
            let repeated = |first: usize| ImportError::RepeatedColumn {
                origin: origin.to_owned(),
                first: (letters(first), names[first].clone()),
                second: (letters(index), name.clone()),
            };
            if !name.is_empty()
                && let Some(first) = seen_names.insert(normalize(name), index)
            {
                return Err(repeated(first));
            }
            match column {
                Some(Column::Executed) => {
                    let this = cut_of(name)?;
                    if let Some((first, other)) = cut
                        && other != this
                    {
                        return Err(ImportError::ExecutedCutsDisagree {
                            origin: origin.to_owned(),
                            first: (letters(first), other),
                            second: (letters(index), this),
                        });
                    }
                    cut = Some((index, this));
                }
                None if !name.is_empty() => {
                    ignored.insert(name.clone());
                }
                _ => {}
            }
            if let Some(column) = column.filter(|c| *c != Column::Computed)
                && let Some(first) = seen_columns.insert(column, index)
            {
                return Err(repeated(first));
            }
            columns.push(column);
        }
        let mut missing: Vec<&'static str> = REQUIRED
            .iter()
            .filter(|(_, is)| !columns.iter().flatten().any(is))
            .map(|(name, _)| *name)
            .collect();
        if into && !columns.iter().flatten().any(|c| *c == Column::Code) {
            missing.push("Indicador sectorial");
        }
        if !missing.is_empty() {
            let hidden = row
                .hidden_cells
                .iter()
                .map(|(index, cell)| (letters(*index), strip_tags(&cell.text())))
                .filter(|(_, name)| !name.is_empty())
                .collect();
            return Err(ImportError::MissingColumns {
                columns: missing,
                hidden,
            });
        }
        let Some((_, cut)) = cut else {
            return Err(ImportError::MissingColumns {
                columns: vec![REQUIRED[5].0],
                hidden: Vec::new(),
            });
        };
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

    /// Every vigencia a column names.
    fn years(&self) -> impl Iterator<Item = Vigencia> + '_ {
        self.columns.iter().flatten().filter_map(|c| match c {
            Column::Programmed(y) | Column::WeightOf(y) => Some(*y),
            Column::Quarter(cut) | Column::Comment(cut) => Some(cut.vigencia),
            _ => None,
        })
    }
}

/// Where a cell of a row is, and what it holds: for the messages about the row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Place {
    pub(super) column: String,
    cell: Option<String>,
    pub(super) value: String,
}

/// What a matrix row carries: each figure or text of an indicator whose column the matrix has
/// (an empty cell is an empty figure). A field the matrix has no column for is `None`, and
/// an import into a plan leaves it as it is there.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Row {
    origin: String,
    pub(super) number: usize,
    /// The row's place among all rows read, to list problems in file order.
    pub(super) order: usize,
    pub(super) objective: u8,
    pub(super) meta_code: String,
    /// The meta's name; `None` without the column or in an empty cell.
    pub(super) meta_name: Option<String>,
    /// The indicator's code; `None` for `N/A` or an empty cell.
    pub(super) code: Option<String>,
    pub(super) name: String,
    pub(super) entity: Option<String>,
    pub(super) unit: Option<String>,
    /// The type the row names; `None` when its cell is empty or there is no type column.
    pub(super) annualization: Option<Annualization>,
    /// The kind the row names; `None` when its cell is empty or there is no kind column.
    pub(super) kind: Option<IndicatorKind>,
    pub(super) baseline: Option<Option<Decimal>>,
    pub(super) total: Option<Option<Decimal>>,
    /// "Ponderación indicador": the weight of the cut's vigencia.
    pub(super) weight: Option<Option<Decimal>>,
    /// "Ponderación YYYY".
    pub(super) weights: BTreeMap<Vigencia, Option<Decimal>>,
    pub(super) programmed: BTreeMap<Vigencia, Option<Decimal>>,
    /// "Ejecutado YYYY Tn": each quarter's figure.
    pub(super) quarters: BTreeMap<Cut, Option<Decimal>>,
    /// "Comentario YYYY Tn": each quarter's comment (empty: none).
    pub(super) comments: BTreeMap<Cut, String>,
    /// "Magnitud ejecutada al corte": the magnitude executed at the cut.
    pub(super) at_cut: Option<Option<Decimal>>,
    pub(super) published: Option<Decimal>,
    /// Where the cells named in messages about the whole row are.
    pub(super) places: RowPlaces,
    /// Figures read once the file's way of writing decimals is known.
    pending: Vec<PendingFigure>,
}

/// The cells of a row that messages about the row point at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct RowPlaces {
    objective: Place,
    meta: Place,
    meta_name: Option<Place>,
    /// The code's cell, or the name's when the indicator has no code.
    indicator: Place,
    name: Place,
    weight: Option<Place>,
    /// "Ponderación YYYY" of the cut's vigencia.
    pub(super) weight_of_cut: Option<Place>,
    at_cut: Option<Place>,
}

/// Which cell of a row a problem found after reading points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowCell {
    Objective,
    Meta,
    MetaName,
    Indicator,
    Name,
    Weight,
    AtCut,
}

impl Row {
    /// Sets the figure of a column, read once the file's way of writing decimals is known.
    fn set_figure(&mut self, column: Column, value: Decimal) {
        match column {
            Column::Weight => self.weight = Some(Some(value)),
            Column::WeightOf(year) => {
                self.weights.insert(year, Some(value));
            }
            Column::Programmed(year) => {
                self.programmed.insert(year, Some(value));
            }
            Column::Total => self.total = Some(Some(value)),
            Column::Executed => self.at_cut = Some(Some(value)),
            Column::Quarter(cut) => {
                self.quarters.insert(cut, Some(value));
            }
            Column::Published => self.published = Some(value),
            Column::Baseline => self.baseline = Some(Some(value)),
            _ => {}
        }
    }

    /// The bytes of text the row keeps.
    fn text_len(&self) -> usize {
        let optional = |text: &Option<String>| text.as_ref().map_or(0, String::len);
        self.meta_code.len()
            + optional(&self.meta_name)
            + self.name.len()
            + optional(&self.entity)
            + optional(&self.unit)
            + optional(&self.code)
            + self.comments.values().map(String::len).sum::<usize>()
    }

    /// A problem found once the row is read (against the plan), at one of its cells.
    pub(super) fn problem(&self, at: RowCell, reason: RowReason) -> (usize, RowProblem) {
        let places = &self.places;
        let place = match at {
            RowCell::Objective => Some(&places.objective),
            RowCell::Meta => Some(&places.meta),
            RowCell::MetaName => places.meta_name.as_ref(),
            RowCell::Indicator => Some(&places.indicator),
            RowCell::Name => Some(&places.name),
            RowCell::Weight => places.weight.as_ref(),
            RowCell::AtCut => places.at_cut.as_ref(),
        }
        .unwrap_or(&places.indicator);
        (
            self.order,
            RowProblem {
                origin: self.origin.clone(),
                row: self.number,
                column: place.column.clone(),
                cell: place.cell.clone(),
                value: place.value.clone(),
                reason,
            },
        )
    }

    /// The annualization to measure the row by when it names none: the type the declared total
    /// implies (Σ vigencias → suma, the last programmed vigencia → creciente, the same value
    /// every vigencia → constante); when several fit, or none, suma with a warning naming the
    /// row.
    pub(super) fn inferred_type(
        &self,
        indicator: &Indicator,
        period: Period,
        warnings: &mut Vec<ImportWarning>,
    ) -> Annualization {
        let code = indicator.code_label().to_owned();
        let programmed: Vec<Decimal> = period
            .vigencias()
            .filter_map(|v| indicator.programmed(v))
            .collect();
        let fits: Vec<Annualization> = match (indicator.declared_total, programmed.is_empty()) {
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
        match fits.as_slice() {
            [only] => *only,
            [] => {
                warnings.push(ImportWarning::TypeGuessed {
                    origin: self.origin.clone(),
                    row: self.number,
                    code,
                });
                Annualization::Suma
            }
            _ => {
                warnings.push(ImportWarning::TypeAmbiguous {
                    origin: self.origin.clone(),
                    row: self.number,
                    code,
                });
                Annualization::Suma
            }
        }
    }

    /// The published percentage compared with the one computed at `cut`: a warning when they
    /// differ by more than 0,01.
    pub(super) fn check_published(
        &self,
        indicator: &Indicator,
        cut: Cut,
        settings: &crate::model::Settings,
    ) -> Option<ImportWarning> {
        let published = self.published?;
        let computed = indicator_progress(indicator, cut, settings).progress()?;
        let tolerance = Decimal::new(1, 2);
        computed
            .checked_sub(published)
            .is_none_or(|difference| difference.abs() > tolerance)
            .then(|| ImportWarning::PublishedMismatch {
                origin: self.origin.clone(),
                row: self.number,
                code: indicator.code_label().to_owned(),
                published,
                computed,
            })
    }
}

/// What a row after a header is.
enum RowKind {
    Empty,
    Total,
    /// A "Nota:" row or a footnote.
    Note,
    Header,
    Problems(Vec<RowProblem>),
    /// An indicator.
    Indicator(Box<Row>),
}

/// The table being read.
struct Current {
    info: TableInfo,
    header: Option<Header>,
}

/// Gathers the rows of the indicators as they are read, keeping only them and the first
/// problems.
#[derive(Default)]
struct Importer {
    /// Whether the rows go into an existing plan: a row without a meta code or a name may
    /// then name an indicator of the plan (a new plan needs both of every row).
    into: bool,
    current: Option<Current>,
    sheets: Vec<String>,
    sheets_without_header: Vec<String>,
    /// The cut the headers name; `None` until a header is read.
    cut: Option<Cut>,
    years: BTreeSet<Vigencia>,
    rows: Vec<Row>,
    text_len: usize,
    /// Problems of the rows read, with each row's place among the rows read.
    problems: Vec<(usize, RowProblem)>,
    problems_total: usize,
    /// What the user should know about cells of the rows read.
    notes: Listing<ImportWarning>,
    ignored: BTreeSet<String>,
    counts: RowCounts,
    /// How the file's text figures write decimals.
    writing: FileWriting,
    hidden: HiddenSummary,
    /// The first non-empty row read, when no header is found: what the file starts with.
    first_row: Option<String>,
}

impl RowVisitor for Importer {
    type Error = ImportError;

    fn table(&mut self, info: TableInfo) -> Result<(), ImportError> {
        self.end_table();
        self.current = Some(Current { info, header: None });
        Ok(())
    }

    fn hidden(&mut self, hidden: HiddenContent) -> Result<(), ImportError> {
        self.hidden.rows += hidden.rows;
        if !hidden.columns.is_empty()
            && let Some(sheet) = self.current.as_ref().and_then(|c| c.info.sheet.clone())
        {
            self.hidden.columns.push((sheet, hidden.columns));
        }
        Ok(())
    }

    fn row(&mut self, row: TableRow) -> Result<(), ImportError> {
        self.counts.read += 1;
        let order = self.counts.read;
        let Some(current) = self.current.as_mut() else {
            return Ok(());
        };
        let Some(header) = &current.header else {
            match Header::of(&row, &current.info.origin, &mut self.ignored, self.into)? {
                Some(header) => {
                    self.counts.headers += 1;
                    Self::take_cut(&mut self.cut, &header)?;
                    self.years.extend(header.years());
                    current.header = Some(header);
                }
                None => {
                    self.counts.before_header += 1;
                    if self.first_row.is_none() {
                        let texts: Vec<String> = row.cells.iter().map(Cell::text).collect();
                        let shown = texts.join(" · ");
                        if !shown.trim_matches([' ', '·']).is_empty() {
                            self.first_row = Some(shown);
                        }
                    }
                }
            }
            return Ok(());
        };
        // A stray quote that swallowed rows: two or more of the record's lines look like whole
        // rows, and its quoted text holds as many separators as a whole row. (A legitimate
        // line break in a cell near the end of a wide row, as in Avance's own export, leaves a
        // long last line too, but its text holds few separators.)
        let row_like = row
            .line_fields
            .iter()
            .filter(|&&n| n >= header.needed_fields.max(2))
            .count();
        let raw_fields = row.line_fields.iter().sum::<usize>();
        let quoted_separators = raw_fields
            .saturating_sub(row.line_fields.len().saturating_sub(1))
            .saturating_sub(row.cells.len());
        if row_like >= 2 && quoted_separators + 1 >= header.needed_fields.max(2) {
            return Err(ImportError::QuoteSpansRows {
                origin: current.info.origin.clone(),
                first: row.number,
                last: row.number + row.line_fields.len() - 1,
            });
        }
        match read_row(
            &current.info,
            &row,
            header,
            order,
            !self.into,
            &mut self.writing,
        ) {
            RowKind::Empty => self.counts.empty += 1,
            RowKind::Total => self.counts.totals += 1,
            RowKind::Note => self.counts.notes += 1,
            RowKind::Header => {
                // A header repeated inside the table: the rows after it follow its columns.
                self.counts.repeated_headers += 1;
                if let Some(header) =
                    Header::of(&row, &current.info.origin, &mut self.ignored, self.into)?
                {
                    Self::take_cut(&mut self.cut, &header)?;
                    self.years.extend(header.years());
                    current.header = Some(header);
                }
            }
            RowKind::Problems(problems) => {
                self.counts.with_problems += 1;
                for problem in problems {
                    self.problems_total += 1;
                    if self.problems.len() < LIST_LIMIT {
                        self.problems.push((order, problem));
                    }
                }
            }
            RowKind::Indicator(row) => {
                if self.rows.len() >= MAX_INDICATORS {
                    return Err(ImportError::TooManyIndicators);
                }
                self.text_len = self.text_len.saturating_add(row.text_len());
                if self.text_len > MAX_TEXT_BYTES {
                    return Err(ImportError::TooMuchText);
                }
                self.rows.push(*row);
            }
        }
        Ok(())
    }
}

/// The hidden rows and columns of a workbook's sheets, not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenSummary {
    /// Hidden rows with something in them, in all sheets read.
    pub rows: usize,
    /// For each sheet read with hidden columns holding something: its name and those columns.
    pub columns: Vec<(String, Vec<String>)>,
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

    /// Reads the figures that could be decimals or thousands (`1.250`) as the file writes
    /// decimals; when nothing tells, a comma is read as decimals (as Spanish writes them, with a
    /// warning) and a point is refused, and a file that writes decimals both ways has those
    /// figures refused: which one is meant would be a guess.
    fn read_pending(&mut self, decimals: &Decimals) {
        let decimal_comma = match decimals {
            Decimals::Comma(_) => Some(true),
            Decimals::Point(_) => Some(false),
            Decimals::NotWritten | Decimals::Unknown | Decimals::Both { .. } => None,
        };
        let both = matches!(decimals, Decimals::Both { .. });
        let mut kept = Vec::with_capacity(self.rows.len());
        for mut row in std::mem::take(&mut self.rows) {
            let mut problems = Vec::new();
            for figure in std::mem::take(&mut row.pending) {
                let refuse = |reason| RowProblem {
                    origin: row.origin.clone(),
                    row: row.number,
                    column: figure.place.column.clone(),
                    cell: figure.place.cell.clone(),
                    value: figure.place.value.clone(),
                    reason,
                };
                let as_decimals = match decimal_comma {
                    _ if both => {
                        problems.push(refuse(RowReason::MixedDecimals {
                            thousands: figure.as_thousands,
                            decimals: figure.as_decimals,
                        }));
                        continue;
                    }
                    Some(comma) => (figure.separator == ',') == comma,
                    None if figure.separator == ',' => true,
                    None => {
                        let reason = match parse_number(&figure.place.value, Language::Es) {
                            Err(e) => RowReason::Number(e),
                            Ok(_) => RowReason::MixedDecimals {
                                thousands: figure.as_thousands,
                                decimals: figure.as_decimals,
                            },
                        };
                        problems.push(refuse(reason));
                        continue;
                    }
                };
                let value = if as_decimals {
                    figure.as_decimals
                } else {
                    figure.as_thousands
                };
                if as_decimals && figure.separator == ',' {
                    self.notes.push(ImportWarning::DecimalComma {
                        origin: row.origin.clone(),
                        row: row.number,
                        column: figure.place.column.clone(),
                        cell: figure.place.cell.clone(),
                        value: figure.place.value.clone(),
                        read: value,
                    });
                }
                row.set_figure(figure.column, value);
            }
            if problems.is_empty() {
                kept.push(row);
                continue;
            }
            self.counts.with_problems += 1;
            for problem in problems {
                self.problems_total += 1;
                if self.problems.len() < LIST_LIMIT {
                    self.problems.push((row.order, problem));
                }
            }
        }
        self.rows = kept;
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

    /// The plan's period: the plan's own when importing into it (a vigencia of the matrix
    /// outside it is refused), or else the matrix's years, the cut's among them.
    fn period(&self, into: Option<&Plan>, cut: Cut) -> Result<Period, ImportError> {
        let period = match into {
            Some(base) => {
                if let Some(year) = self.years.iter().find(|y| !base.period.contains(**y)) {
                    return Err(ImportError::VigenciaOutsidePlan {
                        vigencia: *year,
                        period: base.period,
                    });
                }
                base.period
            }
            None => Period {
                first: *self.years.first().unwrap_or(&cut.vigencia),
                last: *self.years.last().unwrap_or(&cut.vigencia),
            },
        };
        if !period.contains(cut.vigencia) {
            return Err(ImportError::CutOutsidePeriod(cut));
        }
        if period.last.saturating_sub(period.first) >= super::plan_file::MAX_PERIOD_YEARS {
            return Err(ImportError::PeriodTooLong(period));
        }
        Ok(period)
    }

    /// The plan from the rows read, put into `into` (or into a new plan named `title`), or why
    /// not.
    fn finish(
        mut self,
        request: &ImportRequest,
        into: Option<&Plan>,
        title: &str,
        sheets_skipped: Vec<SkippedSheet>,
    ) -> Result<Imported, ImportError> {
        self.end_table();
        let decimals = std::mem::take(&mut self.writing).decimals();
        self.read_pending(&decimals);
        let mut warnings = Listing::default();
        for name in std::mem::take(&mut self.ignored) {
            warnings.push(ImportWarning::ColumnIgnored(name));
        }
        let Some(cut) = self.cut else {
            if self.counts.read == 0 {
                let missing = REQUIRED.iter().map(|(name, _)| *name).collect();
                return Err(ImportError::MissingColumns {
                    columns: missing,
                    hidden: Vec::new(),
                });
            }
            return Err(ImportError::NoHeader {
                file: request.path.display().to_string(),
                rows: self.counts.read,
                first: self.first_row.unwrap_or_default(),
            });
        };
        let period = self.period(into, cut)?;
        let mut plan = match into {
            Some(base) => base.clone(),
            None => {
                // Objectives 1 to the highest the matrix names, at least the default five.
                let highest = self.rows.iter().map(|row| row.objective).max();
                let objectives = highest.unwrap_or(0).max(DEFAULT_OBJECTIVES);
                let mut plan = Plan::with_objectives(title, period, objectives);
                plan.cut = cut;
                plan
            }
        };
        let outcome = apply::apply(&mut plan, &self.rows, cut, into.is_some());
        let mut problems = self.problems;
        problems.extend(outcome.problems.into_iter().take(LIST_LIMIT));
        problems.sort_by_key(|(order, _)| *order);
        let problem_total = self.problems_total + outcome.problem_total;
        self.counts.with_problems += outcome.refused_rows;
        self.counts.imported = outcome.applied;
        if problem_total > 0 {
            let listing = Listing {
                first: problems
                    .into_iter()
                    .take(LIST_LIMIT)
                    .map(|(_, problem)| problem)
                    .collect(),
                total: problem_total,
            };
            if request.bad_rows == BadRows::Stop {
                return Err(ImportError::Rows {
                    rows: self.counts.with_problems,
                    problems: listing,
                });
            }
            if outcome.applied == 0 {
                return Err(ImportError::NoGoodRows {
                    rows: self.counts.with_problems,
                    problems: listing,
                });
            }
            let unlisted = listing.unlisted();
            for problem in listing.first {
                warnings.push(ImportWarning::Skipped(problem));
            }
            warnings.total += unlisted;
        }
        let unlisted = self.notes.unlisted();
        for note in self.notes.first {
            warnings.push(note);
        }
        warnings.total += unlisted;
        for warning in outcome.warnings {
            warnings.push(warning);
        }
        // A new plan needs indicators; a matrix with its headers and no indicator rows changes
        // nothing in an existing plan (the export of a plan without indicators).
        if self.rows.is_empty() && into.is_none() {
            return Err(ImportError::Empty);
        }
        Ok(Imported {
            plan,
            summary: ImportSummary {
                file: request.path.display().to_string(),
                sheets: self.sheets,
                sheets_without_header: self.sheets_without_header,
                sheets_skipped,
                rows: self.counts,
                decimals,
                hidden: self.hidden,
                cut,
                into: outcome.into,
            },
            warnings,
        })
    }
}

/// How a text figure writes its separators: what it tells of the file's way of writing
/// decimals.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Writing {
    /// No separator (`55`), or not a number.
    Plain,
    /// Decimals after a comma: `27,50`, `1.234,5`, `1.234.567`, `0,250`.
    DecimalComma,
    /// Decimals after a point: `27.50`, `1,234.5`, `1,234,567`, `0.250`.
    DecimalPoint,
    /// One separator followed by three digits, after one to three digits (`1.250`, `-12,500 %`):
    /// decimals or thousands, as the file writes them.
    Either {
        separator: char,
        as_decimals: Decimal,
        as_thousands: Decimal,
    },
}

/// How a text figure writes its separators (spaces, a sign and a `%` aside).
fn writing_of(text: &str) -> Writing {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let body = compact.strip_suffix('%').unwrap_or(&compact);
    let (sign, body) = match body.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", body.strip_prefix('+').unwrap_or(body)),
    };
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Writing::Plain;
    }
    let decimal_after = |separator: char| {
        if separator == ',' {
            Writing::DecimalComma
        } else {
            Writing::DecimalPoint
        }
    };
    let at = match (body.rfind('.'), body.rfind(',')) {
        (None, None) => return Writing::Plain,
        (Some(dot), Some(comma)) => return decimal_after(if dot > comma { '.' } else { ',' }),
        (Some(at), None) | (None, Some(at)) => at,
    };
    let separator = if body[at..].starts_with(',') {
        ','
    } else {
        '.'
    };
    let other = if separator == ',' { '.' } else { ',' };
    if body.matches(separator).count() > 1 {
        // Written twice: it groups thousands, so decimals go after the other one.
        return decimal_after(other);
    }
    let (int, frac) = (&body[..at], &body[at + 1..]);
    let grouped = (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && frac.len() == 3
        && int.chars().chain(frac.chars()).all(|c| c.is_ascii_digit());
    let readings = (
        Decimal::from_str_exact(&format!("{sign}{int}.{frac}")),
        Decimal::from_str_exact(&format!("{sign}{int}{frac}")),
    );
    match readings {
        (Ok(as_decimals), Ok(as_thousands)) if grouped => Writing::Either {
            separator,
            as_decimals,
            as_thousands,
        },
        _ => decimal_after(separator),
    }
}

/// A figure whose text reads as decimals or thousands (`1.250`): which one, the file's other
/// figures say ([`FileWriting`]).
#[derive(Clone, Debug, PartialEq)]
struct PendingFigure {
    column: Column,
    separator: char,
    as_decimals: Decimal,
    as_thousands: Decimal,
    place: Place,
}

/// A figure of the file and where it is: an example of how the file writes decimals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureExample {
    pub row: usize,
    pub column: String,
    /// The cell's address in a workbook.
    pub cell: Option<String>,
    pub value: String,
}

impl FigureExample {
    fn describe(&self, language: Language) -> String {
        place(
            self.row,
            &self.column,
            self.cell.as_deref(),
            &self.value,
            language,
        )
    }
}

/// The first figure of a file that writes decimals after a comma, and the first after a point.
#[derive(Debug, Default)]
struct FileWriting {
    comma: Option<FigureExample>,
    point: Option<FigureExample>,
    /// Whether some figure reads as decimals or thousands.
    either: bool,
}

impl FileWriting {
    fn saw(&mut self, writing: Writing, row: usize, place: Place) {
        let example = || FigureExample {
            row,
            column: place.column.clone(),
            cell: place.cell.clone(),
            value: place.value.clone(),
        };
        match writing {
            Writing::DecimalComma if self.comma.is_none() => self.comma = Some(example()),
            Writing::DecimalPoint if self.point.is_none() => self.point = Some(example()),
            _ => {}
        }
    }

    fn decimals(self) -> Decimals {
        match (self.comma, self.point) {
            (Some(comma), None) => Decimals::Comma(comma),
            (None, Some(point)) => Decimals::Point(point),
            (Some(comma), Some(point)) => Decimals::Both { comma, point },
            (None, None) if self.either => Decimals::Unknown,
            (None, None) => Decimals::NotWritten,
        }
    }
}

/// How the file's text figures write decimals, as its figures show it (a file that writes
/// decimals with a comma writes thousands with a point: there `1.250` is 1250).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Decimals {
    /// No text figure has a separator (a workbook's figures are numbers).
    #[default]
    NotWritten,
    /// Decimals after a comma, thousands with a point, as in this figure.
    Comma(FigureExample),
    /// Decimals after a point, thousands with a comma.
    Point(FigureExample),
    /// Both ways: a figure such as `1.250` cannot be read without a guess.
    Both {
        comma: FigureExample,
        point: FigureExample,
    },
    /// Only figures such as `1.250` or `1,250`: nothing tells.
    Unknown,
}

impl Decimals {
    /// The summary's line, if the file writes figures as text with a separator.
    fn line(&self, language: Language) -> Option<String> {
        Some(match self {
            Decimals::NotWritten => return None,
            Decimals::Comma(example) => tr!(
                language,
                "import-summary-decimal-comma",
                example = example.describe(language)
            ),
            Decimals::Point(example) => tr!(
                language,
                "import-summary-decimal-point",
                example = example.describe(language)
            ),
            Decimals::Both { comma, point } => tr!(
                language,
                "import-summary-decimals-both",
                comma = comma.describe(language),
                point = point.describe(language)
            ),
            Decimals::Unknown => tr!(language, "import-summary-decimals-unknown"),
        })
    }
}

/// The objective a cell names (`3`, `Objetivo 3`, `OBJETIVO 3`, `Obj. 3`), if it is one of the
/// plan's numbers. Nothing else before the digits: `-1`, `+3`, `=3`, `#3` or `Meta 3` are not
/// an objective (reading past them moved an indicator to another objective without a word).
fn objective_of(text: &str) -> Option<u8> {
    let text = text.trim();
    let lower = text.to_lowercase();
    let digits = ["objetivo", "obj.", "obj"]
        .iter()
        .find_map(|word| lower.strip_prefix(word))
        .unwrap_or(&lower)
        .trim_start();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=MAX_OBJECTIVES).contains(n))
}

/// Whether a normalized cell labels a total row: `Total`, `TOTAL OBJETIVO 3`, `Subtotal meta`,
/// `Total general`.
fn is_total_label(text: &str) -> bool {
    let text = text.trim_end_matches([':', '.']);
    text == "total"
        || text == "subtotal"
        || ["total ", "total:", "subtotal ", "subtotal:"]
            .iter()
            .any(|start| text.starts_with(start))
}

/// Whether a row's first cell makes it a note below the table: `Nota: …`, `NOTAS`, `Nota 1.`,
/// `Fuente: …`, `Observaciones: …`, or a footnote: `* …`, `(1) …`, `1/ …`, `¹ …`.
fn is_note(text: &str) -> bool {
    let words = normalize(text);
    let labelled = [
        "nota",
        "notas",
        "fuente",
        "fuentes",
        "observacion",
        "observaciones",
    ]
    .iter()
    .any(|label| {
        words.strip_prefix(label).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with([':', '.', ' ', '-'])
                || rest.starts_with(|c: char| c.is_ascii_digit())
        })
    });
    let text = text.trim_start();
    let footnote = text.starts_with(['*', '†', '¹', '²', '³'])
        || text
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .is_some_and(|(mark, _)| {
                !mark.is_empty()
                    && mark.len() <= 2
                    && mark.chars().all(|c| c.is_ascii_alphanumeric())
            })
        || text.split_once('/').is_some_and(|(mark, rest)| {
            !mark.is_empty()
                && mark.len() <= 2
                && mark.chars().all(|c| c.is_ascii_digit())
                && !rest.starts_with(|c: char| c.is_ascii_digit())
        });
    labelled || footnote
}

/// What one row after a header is: empty, a total, a repeated header, an indicator, or a row
/// whose problems are listed. `order` is the row's place among all rows read; `names_needed`
/// says that a row without a meta code or a name is a problem (every row adds an indicator).
fn read_row(
    info: &TableInfo,
    row: &TableRow,
    header: &Header,
    order: usize,
    names_needed: bool,
    file_writing: &mut FileWriting,
) -> RowKind {
    let mut reading = RowReading {
        info,
        row,
        header,
        texts: row.cells.iter().map(|c| strip_tags(&c.text())).collect(),
        problems: Vec::new(),
        pending: Vec::new(),
        file_writing,
    };
    if let Some(skipped) = reading.skipped() {
        return skipped;
    }
    let mut read = Row {
        origin: info.origin.clone(),
        number: row.number,
        order,
        ..Row::default()
    };
    reading.read_columns(&mut read);
    let objective = reading.objective();
    let name = reading.get(Column::Name).unwrap_or_default();
    if names_needed {
        reading.check_names(&name);
    }
    reading.read_type_and_kind(&mut read);
    let Some(objective) = objective.filter(|_| reading.problems.is_empty()) else {
        return RowKind::Problems(reading.problems);
    };
    read.objective = objective;
    read.pending = std::mem::take(&mut reading.pending);
    read.meta_code = reading.get(Column::Meta).unwrap_or_default();
    let code = reading.get(Column::Code).unwrap_or_default();
    read.code = (!crate::model::plan::is_no_code(&code)).then_some(code);
    read.name = name;
    read.places = reading.places(read.code.is_some());
    RowKind::Indicator(Box::new(read))
}

/// One row being read: its cells' texts, the problems found so far, and the figures whose
/// separator waits for the file's way of writing decimals.
struct RowReading<'a> {
    info: &'a TableInfo,
    row: &'a TableRow,
    header: &'a Header,
    texts: Vec<String>,
    problems: Vec<RowProblem>,
    pending: Vec<PendingFigure>,
    file_writing: &'a mut FileWriting,
}

impl RowReading<'_> {
    fn index_of(&self, column: Column) -> Option<usize> {
        self.header.columns.iter().position(|c| *c == Some(column))
    }

    fn text_of(&self, index: usize) -> String {
        self.texts.get(index).cloned().unwrap_or_default()
    }

    fn get(&self, column: Column) -> Option<String> {
        self.index_of(column).map(|index| self.text_of(index))
    }

    /// The cell's name (`C7`) in a workbook; `None` in a text file.
    fn cell_of(&self, index: usize) -> Option<String> {
        self.info.sheet.as_ref().map(|_| {
            super::table::cell_name(
                u32::try_from(self.row.number.saturating_sub(1)).unwrap_or(u32::MAX),
                u32::try_from(index).unwrap_or(u32::MAX),
            )
        })
    }

    fn place_of(&self, index: usize) -> Place {
        Place {
            column: self.header.names.get(index).cloned().unwrap_or_default(),
            cell: self.cell_of(index),
            value: self.text_of(index),
        }
    }

    fn problem(&mut self, index: usize, value: &str, reason: RowReason) {
        self.problems.push(RowProblem {
            origin: self.info.origin.clone(),
            row: self.row.number,
            column: self.header.names.get(index).cloned().unwrap_or_default(),
            cell: self.cell_of(index),
            value: value.to_owned(),
            reason,
        });
    }

    /// A row that holds no indicator: empty, a repeated header, a total or a note.
    fn skipped(&self) -> Option<RowKind> {
        let texts = &self.texts;
        if texts.iter().all(String::is_empty) {
            return Some(RowKind::Empty);
        }
        if Header::is_header(&self.row.cells) {
            return Some(RowKind::Header);
        }
        let name = self.get(Column::Name).unwrap_or_default();
        let code_text = self.get(Column::Code).unwrap_or_default();
        let is_total = |text: &str| is_total_label(&normalize(text));
        if (name.is_empty() && texts.iter().any(|t| normalize(t) == "total"))
            || (code_text.is_empty()
                && (name.is_empty() || is_total(&name))
                && texts.iter().any(|t| is_total(t)))
        {
            return Some(RowKind::Total);
        }
        let objective_cell = self.get(Column::Objective).unwrap_or_default();
        if texts
            .iter()
            .find(|t| !t.is_empty())
            .is_some_and(|t| is_note(t))
            && objective_of(&objective_cell).is_none()
        {
            return Some(RowKind::Note);
        }
        None
    }

    /// A figure of the row: `None` without its column, `Some(None)` for an empty cell. A text
    /// whose separator could be decimals or thousands (`1.250`) is read once the file's way of
    /// writing decimals is known ([`PendingFigure`]); the others tell that way.
    fn figure(&mut self, index: usize, column: Column) -> Option<Option<Decimal>> {
        let text = self.text_of(index);
        if let Some((_, first_row)) = self.row.merged.iter().find(|(at, _)| *at == index) {
            let first_row = *first_row;
            self.problem(index, &text, RowReason::MergedFigure { first_row });
            return Some(None);
        }
        Some(match self.row.cells.get(index) {
            Some(Cell::Number(n) | Cell::Percent(n)) => Some(*n),
            Some(Cell::Date(shown)) => {
                self.problem(index, shown, RowReason::Date);
                None
            }
            Some(Cell::Error(shown)) => {
                self.problem(index, shown, RowReason::SpreadsheetError);
                None
            }
            _ if text.is_empty() => None,
            _ => self.written_figure(index, column, &text),
        })
    }

    /// A figure typed as text (`1.250,5`, `12,5`, `1.250`).
    fn written_figure(&mut self, index: usize, column: Column, text: &str) -> Option<Decimal> {
        match writing_of(text) {
            Writing::Either {
                separator,
                as_decimals,
                as_thousands,
            } => {
                self.file_writing.either = true;
                let place = self.place_of(index);
                self.pending.push(PendingFigure {
                    column,
                    separator,
                    as_decimals,
                    as_thousands,
                    place,
                });
                Some(as_decimals)
            }
            writing => {
                let language = if writing == Writing::DecimalPoint {
                    Language::En
                } else {
                    Language::Es
                };
                match parse_number(text, language) {
                    Ok(value) => {
                        let place = self.place_of(index);
                        self.file_writing.saw(writing, self.row.number, place);
                        Some(value)
                    }
                    Err(e) => {
                        self.problem(index, text, RowReason::Number(e));
                        None
                    }
                }
            }
        }
    }

    /// Every column but the names, the type and the kind, into `read`.
    fn read_columns(&mut self, read: &mut Row) {
        let header = self.header;
        for (index, column) in header.columns.iter().enumerate() {
            let Some(column) = *column else { continue };
            match column {
                Column::Weight => read.weight = self.figure(index, column),
                Column::WeightOf(year) => {
                    read.weights
                        .insert(year, self.figure(index, column).flatten());
                }
                Column::Programmed(year) => {
                    read.programmed
                        .insert(year, self.figure(index, column).flatten());
                }
                Column::Total => read.total = self.figure(index, column),
                Column::Executed => read.at_cut = self.figure(index, column),
                Column::Quarter(cut) => {
                    read.quarters
                        .insert(cut, self.figure(index, column).flatten());
                }
                Column::Comment(cut) => {
                    read.comments.insert(cut, self.text_of(index));
                }
                Column::Published => read.published = self.figure(index, column).flatten(),
                Column::Baseline => read.baseline = self.figure(index, column),
                Column::Entity => read.entity = Some(self.text_of(index)),
                Column::Unit => read.unit = Some(self.text_of(index)),
                // An empty cell says nothing (a merged cell keeps the name in its first row).
                Column::MetaName => {
                    read.meta_name = Some(self.text_of(index)).filter(|t| !t.is_empty());
                }
                Column::Objective
                | Column::Meta
                | Column::Code
                | Column::Name
                | Column::Type
                | Column::Kind
                | Column::Computed => {}
            }
        }
    }

    /// The objective's number, from its column; a problem when it is not one.
    fn objective(&mut self) -> Option<u8> {
        let index = self.index_of(Column::Objective)?;
        let text = self.text_of(index);
        let number = objective_of(&text);
        if number.is_none() {
            self.problem(index, &text, RowReason::ObjectiveOutOfRange);
        }
        number
    }

    /// A row that adds an indicator needs its meta and its name.
    fn check_names(&mut self, name: &str) {
        if let Some(index) = self.index_of(Column::Meta)
            && self.text_of(index).is_empty()
        {
            self.problem(index, "", RowReason::Empty);
        }
        if name.is_empty() {
            let index = self.index_of(Column::Name).unwrap_or_default();
            self.problem(index, "", RowReason::Empty);
        }
    }

    fn read_type_and_kind(&mut self, read: &mut Row) {
        if let Some(index) = self.index_of(Column::Type) {
            let text = self.text_of(index);
            if !text.is_empty() {
                match Annualization::from_sheet_name(&normalize(&text)) {
                    Some(kind) => read.annualization = Some(kind),
                    None => self.problem(index, &text, RowReason::UnknownType),
                }
            }
        }
        if let Some(index) = self.index_of(Column::Kind) {
            let text = self.text_of(index);
            if !text.is_empty() {
                match IndicatorKind::from_sheet_name(&text) {
                    Some(kind) => read.kind = Some(kind),
                    None => self.problem(index, &text, RowReason::UnknownKind),
                }
            }
        }
    }

    /// Where the row's values were, for the messages about them; the indicator is named by
    /// its code when it has one (`has_code`), by its name otherwise.
    fn places(&self, has_code: bool) -> RowPlaces {
        let place = |column: Column| self.index_of(column).map(|i| self.place_of(i));
        let code_or_name = match (has_code, self.index_of(Column::Code)) {
            (true, Some(index)) => index,
            _ => self.index_of(Column::Name).unwrap_or_default(),
        };
        RowPlaces {
            objective: place(Column::Objective).unwrap_or_default(),
            meta: place(Column::Meta).unwrap_or_default(),
            meta_name: place(Column::MetaName),
            indicator: self.place_of(code_or_name),
            name: place(Column::Name).unwrap_or_default(),
            weight: place(Column::Weight),
            weight_of_cut: place(Column::WeightOf(self.header.cut.vigencia)),
            at_cut: place(Column::Executed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_objective_is_a_number_or_objetivo_and_a_number_nothing_else() {
        for (cell, number) in [
            ("3", Some(3)),
            (" Objetivo 7 ", Some(7)),
            ("OBJETIVO 12", Some(12)),
        ] {
            assert_eq!(objective_of(cell), number, "{cell}");
        }
        assert_eq!(objective_of("Obj. 2"), Some(2));
        for cell in [
            "-1", "- 3", "+3", "=3", "#3", "Meta 3", "0", "21", "2,0", "3°", "3-A", "",
        ] {
            assert_eq!(objective_of(cell), None, "{cell}");
        }
    }

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
    fn tags_are_stripped_and_comparisons_are_kept() {
        assert_eq!(
            strip_tags("<b>META SECTORIAL 301</b>"),
            "META SECTORIAL 301"
        );
        assert_eq!(strip_tags("<font color=\"red\">55</font>"), "55");
        assert_eq!(strip_tags(" a<br/>b\u{a0}"), "ab");
        for kept in ["avance < 50 % y > 20 %", "a<3", "x <- y", "<>", "<1>"] {
            assert_eq!(strip_tags(kept), kept);
        }
    }

    #[test]
    fn quarter_and_weight_headers_name_their_vigencia() {
        let cut = |text: &str| text.parse::<Cut>().unwrap();
        assert_eq!(
            column_of("Ponderación 2023"),
            Ok(Some(Column::WeightOf(2023)))
        );
        assert_eq!(
            column_of("Ejecutado 2022 T2"),
            Ok(Some(Column::Quarter(cut("2022-Q2"))))
        );
        assert_eq!(
            column_of("Comentario 2024 T4"),
            Ok(Some(Column::Comment(cut("2024-Q4"))))
        );
        assert_eq!(column_of("Ponderación indicador"), Ok(Some(Column::Weight)));
        assert_eq!(column_of("Ejecutado acumulado"), Ok(None));
    }

    #[test]
    fn a_separator_and_three_digits_alone_reads_either_way_and_others_tell_the_files_way() {
        for text in [
            "1,234",
            "-12,500",
            "999,000 %",
            " 1,234 ",
            "1.250",
            "-1.250 %",
        ] {
            assert!(matches!(writing_of(text), Writing::Either { .. }), "{text}");
        }
        let Writing::Either {
            as_decimals,
            as_thousands,
            ..
        } = writing_of("-1.250")
        else {
            panic!("either");
        };
        assert_eq!(
            (as_decimals.to_string(), as_thousands.to_string()),
            ("-1.250".into(), "-1250".into())
        );
        for text in [
            "27,50",
            "0,500",
            "1.234,500",
            "1234,567",
            "1,2345",
            "1.234.567",
        ] {
            assert_eq!(writing_of(text), Writing::DecimalComma, "{text}");
        }
        for text in ["27.50", "0.500", "1,234.500", "1,234,567"] {
            assert_eq!(writing_of(text), Writing::DecimalPoint, "{text}");
        }
        for text in ["12", "a,bcd", ""] {
            assert_eq!(writing_of(text), Writing::Plain, "{text}");
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
            decimals: Decimals::NotWritten,
            hidden: HiddenSummary::default(),
            cut: Cut::new(2022, crate::model::Quarter::new(1).unwrap()),
            into: None,
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
            value: "21".to_owned(),
            reason: RowReason::ObjectiveOutOfRange,
        });
        let error = ImportError::Rows { problems, rows: 1 };
        assert_eq!(
            error.message(Language::Es),
            "1 celda en 1 fila no se puede importar; no se importó nada:\n  fila 4, columna \
             «Objetivo», valor «21»: el objetivo debe ser un número de 1 a 20 (m.tsv)"
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
