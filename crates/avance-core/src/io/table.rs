//! Spreadsheet tables as the import reads them — TSV, CSV (`,` or `;`, UTF-8 or Windows-1252)
//! and XLSX — streamed one row at a time; and the CSV conventions of the files the app writes.
//!
//! Reading is bounded whatever the file holds: a hostile or broken file is refused with a
//! message, never a crash and never the machine's memory.
//! - A file over 50 MB is refused.
//! - An .xlsx archive is checked before calamine unpacks anything: at most 10 000 entries, none
//!   over 32 MB unpacked and 64 MB in all (a plan matrix is a few hundred KB; a zip bomb is GB).
//!   The zip reader also stops at each entry's declared size, so a header cannot understate it.
//! - A sheet is streamed cell by cell (calamine's cell reader), never allocated as a whole
//!   range. Its declared area and every cell must lie within columns A–SR (512 columns: room for
//!   Avance's full export of a 30-year plan); a text row may have at most 512 fields.
//! - No cell may hold more than 32 767 characters (Excel's own limit).
//!
//! What a cell holds is read as the sheet shows it: a percent-formatted 0,8935 is 89,35; a
//! date-formatted figure is a date (and refused where a number belongs); a formula whose value
//! no spreadsheet computed (none cached, or a workbook that asks to be recalculated on opening)
//! is refused naming its cells. Hidden sheets are not read unless named; hidden rows and columns
//! (by hand, by a filter, a collapsed group, zero height or width) are not read, and the visitor
//! is told what they held ([`HiddenContent`]).
//!
//! Text files: UTF-8, Windows-1252 when nothing in them is UTF-8, UTF-16 with a BOM or with its
//! NULs at every other byte; a UTF-8 file with a stray byte is refused naming it. Cells written
//! with Excel's escapes of control characters (`_x0000_`) read back as those characters.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::str::FromStr;

use calamine::{DataRef, Reader, SheetType, SheetVisible, Style, Xlsx, XlsxError};
use quick_xml::events::{BytesStart, Event};
use rust_decimal::Decimal;

use super::SystemError;
use crate::model::Language;
use crate::tr;

/// The largest file the import reads.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most entries an .xlsx archive may have.
pub const MAX_ARCHIVE_ENTRIES: usize = 10_000;
/// The most one entry of an .xlsx archive may unpack to.
pub const MAX_PART_BYTES: u64 = 32 * 1024 * 1024;
/// The most all entries of an .xlsx archive may unpack to together.
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;
/// Columns a sheet may use: A to SR (a full export of a 30-year plan takes 318).
pub const MAX_COLUMNS: u32 = 512;
/// Rows a sheet may use: Excel's own limit.
const MAX_ROWS: u32 = 1_048_576;
/// The most characters a cell may hold: Excel's own limit.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most bytes a cell's text may take in UTF-8 (4 a character at most).
const MAX_CELL_BYTES: usize = 4 * MAX_CELL_CHARS;
/// How many cells a message lists at most.
const CELLS_LISTED: usize = 100;
/// The first bytes of an OLE compound file: an encrypted .xlsx or an old .xls.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const MEGABYTE: u64 = 1024 * 1024;

/// One cell, as the spreadsheet shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text as typed (for text files, every cell).
    Text(String),
    /// A number the spreadsheet stored as a number.
    Number(Decimal),
    /// A number shown as a percentage: the figure shown (89,35 for a stored 0,8935).
    Percent(Decimal),
    /// A number formatted as a date or time, as shown (`31/03/2022`).
    Date(String),
    /// A spreadsheet error value (`#DIV/0!`, `#REF!`).
    Error(String),
}

impl Cell {
    /// The cell as text (numbers with a `.` decimal point, percentages with `%`).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Date(t) | Cell::Error(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Percent(n) => format!("{n}%"),
        }
    }

    fn empty() -> Self {
        Cell::Text(String::new())
    }
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// The row number as the spreadsheet shows it (1-based); in a text file, the line where the
    /// row starts.
    pub number: usize,
    pub cells: Vec<Cell>,
    /// For a text row that a quoted cell spreads over several lines: how many fields each of
    /// those lines has when split at the delimiter regardless of quotes (a line that looks like
    /// a whole row inside a quoted cell means a stray quote swallowed rows). Empty otherwise.
    pub line_fields: Vec<usize>,
    /// The cells of this row in hidden columns of a workbook (column from 0, value): not read
    /// as part of the row, kept only to name them in messages.
    pub hidden_cells: Vec<(usize, Cell)>,
    /// The cells of this row that a merged range of a workbook covers below its first row:
    /// (column from 0, the row number of the merge's first row). They hold the merge's value,
    /// which stands in its first cell and belongs to every row of it.
    pub merged: Vec<(usize, usize)>,
}

/// A table: one sheet (or the whole text file), with the spreadsheet's row numbers. Only
/// [`read_tables`] gathers whole tables; the import streams rows.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Where the table came from, for messages: the file, and the sheet of a workbook.
    pub origin: String,
    /// (row number as the spreadsheet shows it, 1-based; cells).
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Which table rows are coming from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableInfo {
    /// The file, and the sheet of a workbook: `matriz.xlsx [Hoja1]`.
    pub origin: String,
    /// The sheet's name; `None` for a text file.
    pub sheet: Option<String>,
}

/// Why a sheet of a workbook was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetSkip {
    Hidden,
    VeryHidden,
    /// A chart, dialog or macro sheet: no cells to read.
    NotAWorksheet,
}

/// A sheet of a workbook that was not read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedSheet {
    pub name: String,
    pub why: SheetSkip,
}

impl SkippedSheet {
    /// `«Copia» (oculta)`.
    pub fn describe(&self, language: Language) -> String {
        let name = &self.name;
        match self.why {
            SheetSkip::Hidden => tr!(language, "table-sheet-hidden", name = name),
            SheetSkip::VeryHidden => tr!(language, "table-sheet-very-hidden", name = name),
            SheetSkip::NotAWorksheet => {
                tr!(language, "table-sheet-not-a-worksheet", name = name)
            }
        }
    }
}

/// What to read of a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// Read only this sheet of a workbook (hidden or not); otherwise every visible sheet.
    pub sheet: Option<String>,
}

/// Receives a file's tables row by row, in file order.
pub trait RowVisitor {
    type Error: From<TableError>;
    /// A new table starts: the text file, or one sheet.
    fn table(&mut self, info: TableInfo) -> Result<(), Self::Error>;
    /// The next row of the current table. A workbook gives only rows with something in them,
    /// and only the rows and columns the sheet shows.
    fn row(&mut self, row: TableRow) -> Result<(), Self::Error>;
    /// Once a sheet is read: what its hidden rows and columns held, which was not read.
    fn hidden(&mut self, _hidden: HiddenContent) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// What the hidden rows and columns of a sheet held: Excel does not show them, so the import
/// does not read them (read the sheet as it shows), and says how many there were.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenContent {
    /// Hidden rows with something in them.
    pub rows: usize,
    /// Hidden columns with something in them, by their letters (`N`).
    pub columns: Vec<String>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    Read(SystemError),
    UnknownType,
    FileTooLarge,
    /// Not a zip archive; the zip reader's own text.
    NotAWorkbook(String),
    Protected,
    /// The workbook reader's own text.
    Workbook(String),
    TooManyParts(usize),
    PartTooLarge {
        part: String,
        bytes: u64,
    },
    UnpackedTooLarge(u64),
    SheetNotFound {
        name: String,
        available: Vec<String>,
    },
    NotAWorksheet(String),
    NoVisibleSheet(Vec<String>),
    SheetOnlyForWorkbooks,
    /// The sheet declares an area beyond the columns (or rows) Avance reads.
    AreaTooLarge {
        sheet: String,
        area: String,
    },
    /// A cell beyond the columns Avance reads holds something.
    CellOutOfArea {
        sheet: String,
        cell: String,
    },
    CellTooLong {
        origin: String,
        cell: CellPlace,
    },
    /// Formulas whose value no spreadsheet computed: the first cells and how many in all.
    Formulas {
        sheet: String,
        cells: Vec<String>,
        count: usize,
        recalculate_on_open: bool,
    },
    /// A text row with more fields than the columns Avance reads.
    TooManyFields {
        origin: String,
        row: usize,
    },
    /// A quote opens a cell and nothing closes it: the rest of the file would be one cell.
    UnclosedQuote {
        origin: String,
        row: usize,
        column: usize,
    },
    /// The shared-texts part declares more texts than it can hold.
    CountTooLarge {
        part: String,
        count: u128,
    },
    /// The workbook reader failed on this file (a defect of the file or of the reader).
    ReaderFailed,
    /// A text file that is UTF-8 but for this byte: the row (line) and character where it
    /// stands, and its value.
    StrayByte {
        origin: String,
        row: usize,
        column: usize,
        byte: u8,
    },
}

/// Where a cell is: a sheet's address (`N4`), or a text file's line and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellPlace {
    Sheet(String),
    Line {
        row: usize,
        column: usize,
        /// The line a quoted cell ends on, when it spreads over several.
        until: Option<usize>,
    },
}

/// Bytes as whole megabytes, rounded up, for messages.
fn megabytes(bytes: u64) -> String {
    bytes.div_ceil(MEGABYTE).to_string()
}

/// `«A», «B»`.
fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("«{n}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl TableError {
    /// Whether [`TableError::message`] names the file (it points at a row or cell of a text
    /// file; a workbook's cell is named by its sheet only); the import adds the file to the
    /// others.
    pub fn names_its_file(&self) -> bool {
        matches!(
            self,
            TableError::CellTooLong {
                cell: CellPlace::Line { .. },
                ..
            } | TableError::TooManyFields { .. }
                | TableError::UnclosedQuote { .. }
                | TableError::StrayByte { .. }
        )
    }

    /// The error as a sentence in the language.
    pub fn message(&self, language: Language) -> String {
        match self {
            TableError::Read(e) => tr!(language, "table-read", detail = e.message(language)),
            TableError::UnknownType => tr!(language, "table-unknown-type"),
            TableError::FileTooLarge => tr!(
                language,
                "table-file-too-large",
                max = megabytes(MAX_FILE_BYTES)
            ),
            TableError::NotAWorkbook(detail) => {
                tr!(language, "table-not-a-workbook", detail = detail)
            }
            TableError::Protected => tr!(language, "table-protected"),
            TableError::Workbook(detail) => tr!(language, "table-workbook", detail = detail),
            TableError::TooManyParts(count) => tr!(
                language,
                "table-too-many-parts",
                count = *count,
                max = MAX_ARCHIVE_ENTRIES
            ),
            TableError::PartTooLarge { part, bytes } => tr!(
                language,
                "table-part-too-large",
                part = part,
                megabytes = megabytes(*bytes),
                max = megabytes(MAX_PART_BYTES)
            ),
            TableError::UnpackedTooLarge(bytes) => tr!(
                language,
                "table-unpacked-too-large",
                megabytes = megabytes(*bytes),
                max = megabytes(MAX_UNPACKED_BYTES)
            ),
            TableError::CountTooLarge { part, count } => tr!(
                language,
                "table-count-too-large",
                part = part,
                count = count.to_string()
            ),
            TableError::SheetNotFound { name, available } => tr!(
                language,
                "table-sheet-not-found",
                name = name,
                sheets = quoted_list(available)
            ),
            TableError::NotAWorksheet(name) => {
                tr!(language, "table-not-a-worksheet", name = name)
            }
            TableError::NoVisibleSheet(hidden) => tr!(
                language,
                "table-no-visible-sheet",
                sheets = quoted_list(hidden)
            ),
            TableError::SheetOnlyForWorkbooks => tr!(language, "table-sheet-only-for-workbooks"),
            TableError::AreaTooLarge { sheet, area } => tr!(
                language,
                "table-area-too-large",
                sheet = sheet,
                area = area,
                max = MAX_COLUMNS
            ),
            TableError::CellOutOfArea { sheet, cell } => tr!(
                language,
                "table-cell-out-of-area",
                cell = cell,
                sheet = sheet,
                max = MAX_COLUMNS
            ),
            TableError::CellTooLong { origin, cell } => cell_too_long(origin, cell, language),
            TableError::Formulas {
                sheet,
                cells,
                count,
                recalculate_on_open,
            } => formulas(sheet, cells, *count, *recalculate_on_open, language),
            TableError::TooManyFields { origin, row } => tr!(
                language,
                "table-too-many-fields",
                row = *row,
                max = MAX_COLUMNS,
                origin = origin
            ),
            TableError::UnclosedQuote {
                origin,
                row,
                column,
            } => tr!(
                language,
                "table-unclosed-quote",
                row = *row,
                column = *column,
                origin = origin
            ),
            TableError::ReaderFailed => tr!(language, "table-reader-failed"),
            TableError::StrayByte {
                origin,
                row,
                column,
                byte,
            } => tr!(
                language,
                "table-stray-byte",
                row = *row,
                column = *column,
                byte = format!("0x{byte:02X}"),
                origin = origin
            ),
        }
    }
}

/// [`TableError::CellTooLong`] as a sentence: the cell (a sheet's name, or a text file's row
/// and column, with where its quote was closed) and the file.
fn cell_too_long(origin: &str, cell: &CellPlace, language: Language) -> String {
    let mut text = match cell {
        CellPlace::Sheet(name) => tr!(
            language,
            "table-cell-too-long-in-sheet",
            cell = name,
            max = MAX_CELL_CHARS
        ),
        CellPlace::Line { row, column, .. } => tr!(
            language,
            "table-cell-too-long-in-text",
            row = *row,
            column = *column,
            max = MAX_CELL_CHARS
        ),
    };
    if let CellPlace::Line {
        until: Some(last), ..
    } = cell
    {
        text.push(' ');
        text.push_str(&tr!(language, "table-cell-too-long-quote", last = *last));
    }
    format!("{text} ({origin})")
}

/// [`TableError::Formulas`] as a sentence: the cells listed (and how many more), and whether
/// the workbook asks to be recalculated when opened.
fn formulas(
    sheet: &str,
    cells: &[String],
    count: usize,
    recalculate_on_open: bool,
    language: Language,
) -> String {
    let listed = and_more(
        cells.join(", "),
        count.saturating_sub(cells.len()),
        language,
    );
    if recalculate_on_open {
        tr!(
            language,
            "table-formulas-recalculate",
            count = count,
            cells = listed,
            sheet = sheet
        )
    } else {
        tr!(
            language,
            "table-formulas",
            count = count,
            cells = listed,
            sheet = sheet
        )
    }
}

/// A list followed by how many more items were left out of it: `A1, B2 y 3 más`; the list
/// alone when none were.
pub fn and_more(list: String, more: usize, language: Language) -> String {
    if more == 0 {
        list
    } else {
        tr!(language, "list-and-more", list = list, more = more)
    }
}

/// The kinds of file the import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    Tsv,
    Csv,
    Xlsx,
}

impl TableKind {
    /// The kind a file's extension says.
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" | "txt" => Some(TableKind::Tsv),
            "csv" => Some(TableKind::Csv),
            "xlsx" | "xlsm" => Some(TableKind::Xlsx),
            _ => None,
        }
    }
}

/// A spreadsheet address: `cell_name(3, 13)` is `N4` (row and column from 0).
pub fn cell_name(row: u32, column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = u64::from(column) + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.reverse();
    let letters: String = letters.into_iter().collect();
    format!("{letters}{}", u64::from(row) + 1)
}

/// Streams every table of a file to `visitor`; returns the sheets of a workbook that were not
/// read (hidden ones, charts).
pub fn visit_file<V: RowVisitor>(
    path: &Path,
    options: &ReadOptions,
    visitor: &mut V,
) -> Result<Vec<SkippedSheet>, V::Error> {
    let kind = TableKind::of(path).ok_or(TableError::UnknownType)?;
    if kind != TableKind::Xlsx && options.sheet.is_some() {
        return Err(TableError::SheetOnlyForWorkbooks.into());
    }
    let bytes = read_bounded(path)?;
    let origin = path.display().to_string();
    let info = TableInfo {
        origin: origin.clone(),
        sheet: None,
    };
    match kind {
        TableKind::Xlsx => visit_workbook(&bytes, &origin, options, visitor),
        TableKind::Tsv => {
            let text = decode_owned(bytes, &origin)?;
            visit_delimited(&text, b'\t', info, visitor)?;
            Ok(Vec::new())
        }
        TableKind::Csv => {
            let text = decode_owned(bytes, &origin)?;
            let delimiter = guess_delimiter(&text);
            visit_delimited(&text, delimiter, info, visitor)?;
            Ok(Vec::new())
        }
    }
}

/// Reads every table of a file into memory (for tests and small files; the import streams).
pub fn read_tables(path: &Path) -> Result<Vec<Table>, TableError> {
    struct Gather(Vec<Table>);
    impl RowVisitor for Gather {
        type Error = TableError;
        fn table(&mut self, info: TableInfo) -> Result<(), TableError> {
            self.0.push(Table {
                origin: info.origin,
                rows: Vec::new(),
            });
            Ok(())
        }
        fn row(&mut self, row: TableRow) -> Result<(), TableError> {
            if let Some(table) = self.0.last_mut() {
                table.rows.push((row.number, row.cells));
            }
            Ok(())
        }
    }
    let mut gather = Gather(Vec::new());
    visit_file(path, &ReadOptions::default(), &mut gather)?;
    Ok(gather.0)
}

/// The file's bytes, or `FileTooLarge` past the limit (read no further than that).
fn read_bounded(path: &Path) -> Result<Vec<u8>, TableError> {
    let file = std::fs::File::open(path).map_err(|e| TableError::Read(SystemError::of(&e)))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| TableError::Read(SystemError::of(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(TableError::FileTooLarge);
    }
    Ok(bytes)
}

/// Text as UTF-8 (without a BOM) or, when none of it is UTF-8, as Windows-1252, which is what
/// Excel in Spanish writes for "CSV"; UTF-16 when a BOM says so (Excel's "Texto Unicode"), or
/// when every other byte is a NUL (UTF-16 saved without its BOM). A file that is UTF-8 except
/// for a stray byte is refused naming its row and byte ([`TableError::StrayByte`]): read whole as
/// Windows-1252, every accent would become two letters (`Ã³`).
pub fn decode_text(bytes: &[u8], origin: &str) -> Result<String, TableError> {
    decode_owned(bytes.to_vec(), origin)
}

/// [`decode_text`] without copying valid UTF-8.
fn decode_owned(mut bytes: Vec<u8>, origin: &str) -> Result<String, TableError> {
    let utf8_bom = match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            return Ok(encoding
                .decode_without_bom_handling(&bytes[bom..])
                .0
                .into_owned());
        }
        Some((_, bom)) => {
            bytes.drain(..bom);
            true
        }
        None => {
            if let Some(encoding) = utf16_without_bom(&bytes) {
                return Ok(encoding.decode_without_bom_handling(&bytes).0.into_owned());
            }
            false
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let bytes = e.into_bytes();
            if utf8_bom || has_utf8_sequences(&bytes) {
                return Err(stray_byte(&bytes, origin));
            }
            Ok(encoding_rs::WINDOWS_1252.decode(&bytes).0.into_owned())
        }
    }
}

/// UTF-16 (little or big endian) when the text's first bytes have a NUL at every other place and
/// almost none at the others: what ASCII letters look like in UTF-16. Text files have no NULs.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let pairs = sample.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Mostly ASCII: at least a third of the characters, and the other half of each pair holds
    // no NUL but by exception.
    let mostly = |zeros: usize, others: usize| zeros * 3 >= pairs && others * 50 <= pairs;
    if mostly(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if mostly(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Whether the bytes hold at least one well-formed UTF-8 character beyond ASCII (`ó` as
/// `C3 B3`): Windows-1252 text has none (its accents are single bytes).
fn has_utf8_sequences(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii())
}

/// The first byte that is not UTF-8, with its line and its place in that line.
fn stray_byte(bytes: &[u8], origin: &str) -> TableError {
    // Every chunk but the last ends in bytes that are not UTF-8: the first chunk's valid part
    // ends at the first of them.
    let at = bytes
        .utf8_chunks()
        .next()
        .map_or(0, |chunk| chunk.valid().len());
    let before = &bytes[..at.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    TableError::StrayByte {
        origin: origin.to_owned(),
        row: before.iter().filter(|b| **b == b'\n').count() + 1,
        column,
        byte: bytes.get(at).copied().unwrap_or_default(),
    }
}

/// `;` when the header line has more semicolons than commas (Excel in Spanish), else `,`. The
/// header line is the first that names the matrix's «Nombre indicador» column (title lines above
/// it are common, and their commas say nothing); without one, the first line. Separators inside
/// quotes do not count.
fn guess_delimiter(text: &str) -> u8 {
    let names_the_header = |line: &&str| {
        let words = line
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        words.contains("nombre indicador") || words.contains("nombre del indicador")
    };
    let line = text
        .lines()
        .find(names_the_header)
        .or_else(|| text.lines().next())
        .unwrap_or_default();
    let count = |delimiter: char| {
        let mut quoted = false;
        line.chars()
            .filter(|c| {
                if *c == '"' {
                    quoted = !quoted;
                }
                !quoted && *c == delimiter
            })
            .count()
    };
    if count(';') > count(',') { b';' } else { b',' }
}

/// Streams delimited text: RFC 4180 quoting (a field that starts with `"` may hold the
/// delimiter, `""` and line breaks); a quote elsewhere in a field is read literally.
///
/// Why by hand, when the `csv` crate writes our CSV ([`write_csv`]): reading, it cannot say
/// what an officer needs to hear, and one of its silences loses data.
/// - A quote left open reads, with `csv`, every following line into that one field, and the
///   file ends without an error: the rows after it vanish from the import. Here it is
///   [`TableError::UnclosedQuote`], naming the line and column where the quote opened.
/// - A cell is measured while it is read and refused past 32 767 characters without being
///   copied (`csv` builds the whole record first: a 50 MB line is 50 MB more memory).
/// - A record that spans lines keeps each line's field count ([`line_fields`]), so the import
///   can say a stray quote joined lines, and where.
/// - Excel's control-character escapes and our formula guard are undone per field.
///
/// The grammar is RFC 4180's and small (the functions below); `tests/integration/
/// import_safety.rs` and `csv_safety.rs` check it against what `csv` writes.
fn visit_delimited<V: RowVisitor>(
    text: &str,
    delimiter: u8,
    info: TableInfo,
    visitor: &mut V,
) -> Result<(), V::Error> {
    let mut reader = Delimited {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        delimiter,
        origin: info.origin.clone(),
    };
    visitor.table(info)?;
    while let Some(row) = reader.next_row()? {
        visitor.row(row)?;
    }
    Ok(())
}

/// A reader of delimited text, at a byte position and a line number.
struct Delimited<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    delimiter: u8,
    origin: String,
}

impl Delimited<'_> {
    fn next_row(&mut self) -> Result<Option<TableRow>, TableError> {
        if self.pos >= self.bytes.len() {
            return Ok(None);
        }
        let start = self.pos;
        let number = self.line;
        let mut cells = Vec::new();
        loop {
            let column = cells.len() + 1;
            let first_line = self.line;
            let text = if self.bytes.get(self.pos) == Some(&b'"') {
                self.quoted(column)?
            } else {
                let end = self.field_end(self.pos);
                let text = &self.text[self.pos..end];
                self.pos = end;
                // Checked before copying: a 50 MB line is refused without a second copy.
                (!too_long(text)).then(|| text.to_owned())
            };
            let Some(text) = text.filter(|t| !too_long(t)) else {
                return Err(TableError::CellTooLong {
                    origin: self.origin.clone(),
                    cell: CellPlace::Line {
                        row: first_line,
                        column,
                        until: (self.line > first_line).then_some(self.line),
                    },
                });
            };
            if cells.len() == MAX_COLUMNS as usize {
                return Err(TableError::TooManyFields {
                    origin: self.origin.clone(),
                    row: number,
                });
            }
            cells.push(Cell::Text(unescape_controls(unguard_text(text))));
            match self.bytes.get(self.pos) {
                Some(&b) if b == self.delimiter => self.pos += 1,
                _ => break,
            }
        }
        let last_line = self.line;
        let end = self.pos;
        self.skip_line_break();
        let line_fields = if last_line > number {
            line_fields(&self.text[start..end], self.delimiter)
        } else {
            Vec::new()
        };
        Ok(Some(TableRow {
            number,
            cells,
            line_fields,
            hidden_cells: Vec::new(),
            merged: Vec::new(),
        }))
    }

    /// The position of the next delimiter or line break from `from`, or the end.
    fn field_end(&self, from: usize) -> usize {
        self.bytes[from..]
            .iter()
            .position(|&b| b == self.delimiter || b == b'\r' || b == b'\n')
            .map_or(self.bytes.len(), |p| from + p)
    }

    fn skip_line_break(&mut self) {
        match self.bytes.get(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if self.bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
            }
            _ => {}
        }
    }

    /// A field that starts with a quote, up to its closing quote; text after the closing quote
    /// up to the next delimiter is kept as written. `None` when it is too long to keep (it is
    /// read to its end, not copied).
    fn quoted(&mut self, column: usize) -> Result<Option<String>, TableError> {
        let opened = self.line;
        self.pos += 1;
        let mut value = String::new();
        let mut too_long = false;
        let mut segment = self.pos;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(TableError::UnclosedQuote {
                    origin: self.origin.clone(),
                    row: opened,
                    column,
                });
            };
            match b {
                b'"' if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                    if !too_long {
                        value.push_str(&self.text[segment..=self.pos]);
                    }
                    self.pos += 2;
                    segment = self.pos;
                }
                b'"' => {
                    if !too_long {
                        value.push_str(&self.text[segment..self.pos]);
                    }
                    self.pos += 1;
                    break;
                }
                b'\r' => {
                    if self.bytes.get(self.pos + 1) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    self.pos += 1;
                    self.line += 1;
                }
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                }
                _ => self.pos += 1,
            }
            if !too_long && value.len() + (self.pos - segment) > MAX_CELL_BYTES {
                too_long = true;
                value = String::new();
            }
        }
        let end = self.field_end(self.pos);
        let rest = &self.text[self.pos..end];
        self.pos = end;
        if too_long {
            return Ok(None);
        }
        value.push_str(rest);
        Ok(Some(value))
    }
}

/// Whether a cell's text is longer than a cell may be.
fn too_long(text: &str) -> bool {
    text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS
}

/// How many fields each line of `record` has when split at the delimiter regardless of quotes.
fn line_fields(record: &str, delimiter: u8) -> Vec<usize> {
    let mut counts = vec![1];
    let bytes = record.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                counts.push(1);
            }
            b'\n' => counts.push(1),
            b if b == delimiter => {
                if let Some(last) = counts.last_mut() {
                    *last += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    counts
}

/// Whether a spreadsheet would take this text as a formula (OWASP's CSV-injection list:
/// `=`, `+`, `-`, `@`, tab, carriage return), also behind apostrophes already there.
fn runs_as_formula(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell as written to a CSV: with a leading `'` when a spreadsheet would run it as a
/// formula, so it is read as text.
pub fn guard_text(text: &str) -> Cow<'_, str> {
    if runs_as_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A text cell read from a CSV or TSV: [`guard_text`] undone, so exports read back as they were.
fn unguard_text(mut text: String) -> String {
    if text.starts_with('\'') && runs_as_formula(&text[1..]) {
        text.remove(0);
    }
    text
}

/// Whether `text[at..]` starts with Excel's escape of a character, `_xHHHH_` (four hex digits,
/// a UTF-16 unit); the unit when it does.
fn escape_at(text: &str, at: usize) -> Option<u16> {
    let candidate = text.get(at..at + 7)?;
    let digits = candidate.strip_prefix("_x")?.strip_suffix('_')?;
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(digits, 16).ok()
}

/// A text cell as a CSV carries it: control characters (a NUL, an escape, a bell: anything but
/// tab and line breaks) written as Excel writes them inside its workbooks, `_x0000_`, so no
/// program reading the CSV meets them raw; a text that already holds such a sequence keeps it
/// by escaping its underscore (`_x005F_x0000_`), as Excel does. [`unescape_controls`] reads it
/// back exactly.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    let needs = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    let literal = |at: usize| escape_at(text, at).is_some();
    if !text.chars().any(needs) && !text.match_indices("_x").any(|(at, _)| literal(at)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (at, c) in text.char_indices() {
        if needs(c) {
            out.push_str(&format!("_x{:04X}_", u32::from(c)));
        } else if c == '_' && literal(at) {
            out.push_str("_x005F");
            out.push(c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A text cell read from a CSV or TSV with Excel's `_xHHHH_` escapes decoded: the inverse of
/// [`escape_controls`] (a pair of escaped surrogates is one character; an escape that is not a
/// character stays as written).
fn unescape_controls(text: String) -> String {
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if let Some(unit) = escape_at(&text, at) {
            let pair = escape_at(&text, at + 7);
            let decoded = match pair {
                Some(low) if (0xD800..0xDC00).contains(&unit) => char::decode_utf16([unit, low])
                    .next()
                    .and_then(Result::ok)
                    .map(|c| (c, 14)),
                _ => char::from_u32(u32::from(unit)).map(|c| (c, 7)),
            };
            if let Some((c, len)) = decoded {
                out.push(c);
                at += len;
                continue;
            }
        }
        let c = text[at..].chars().next().unwrap_or_default();
        out.push(c);
        at += c.len_utf8();
    }
    out
}

/// A field of a CSV the app writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvField {
    /// Text: guarded against being run as a formula.
    Text(String),
    /// A figure, already written with the file's decimal separator (`-3,5`), or empty:
    /// written as is so spreadsheets read a number.
    Number(String),
}

/// The UTF-8 byte-order mark a CSV starts with: without it, Excel on Windows reads the file in
/// the system's code page and shows every accent garbled ("PonderaciÃ³n"). The import skips it.
pub const CSV_BOM: char = '\u{feff}';

/// Rows of fields as CSV text, every text field with its control characters escaped
/// ([`escape_controls`]) and guarded ([`guard_text`]), after a UTF-8 byte-order mark
/// ([`CSV_BOM`]). The one writer of both the export's and the report's CSV.
pub fn write_csv(delimiter: u8, rows: impl IntoIterator<Item = Vec<CsvField>>) -> String {
    let mut bom = [0; 3];
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(CSV_BOM.encode_utf8(&mut bom).as_bytes().to_vec());
    for row in rows {
        let fields = row.iter().map(|field| match field {
            CsvField::Text(text) => Cow::Owned(guard_text(&escape_controls(text)).into_owned()),
            CsvField::Number(number) => Cow::Borrowed(number.as_str()),
        });
        writer
            .write_record(fields.map(|f| f.into_owned()))
            .expect("writing CSV into memory cannot fail");
    }
    String::from_utf8(
        writer
            .into_inner()
            .expect("an in-memory writer always flushes"),
    )
    .expect("CSV of UTF-8 fields is UTF-8")
}

/// Checks the archive before calamine unpacks any of it; returns whether the workbook asks to
/// be recalculated on opening (its cached formula values were not computed by a spreadsheet).
fn check_archive(bytes: &[u8]) -> Result<bool, TableError> {
    if bytes.starts_with(&COMPOUND_FILE) {
        return Err(TableError::Protected);
    }
    let not_a_workbook = |e: zip::result::ZipError| TableError::NotAWorkbook(e.to_string());
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(not_a_workbook)?;
    if archive.len() > MAX_ARCHIVE_ENTRIES {
        return Err(TableError::TooManyParts(archive.len()));
    }
    let mut total: u64 = 0;
    let mut workbook_parts = Vec::new();
    let mut string_parts = Vec::new();
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(not_a_workbook)?;
        let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
        let size = entry.size();
        if size > MAX_PART_BYTES {
            return Err(TableError::PartTooLarge {
                part: name,
                bytes: size,
            });
        }
        total = total.saturating_add(size);
        let lower = name.to_ascii_lowercase();
        if lower.ends_with("workbook.xml") {
            workbook_parts.push(index);
        } else if lower.ends_with("sharedstrings.xml") {
            string_parts.push((index, name, size));
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(TableError::UnpackedTooLarge(total));
    }
    // calamine reserves room for as many shared texts as the part declares: a declaration
    // beyond what the part can hold (each text takes at least `<si/>`, 5 bytes) would ask
    // for gigabytes from a few bytes.
    for (index, part, size) in string_parts {
        let xml = read_part(&mut archive, index)?;
        if let Some(count) = declared_unique_count(&xml)
            && count > u128::from(size / 5)
        {
            return Err(TableError::CountTooLarge { part, count });
        }
    }
    let mut recalculate_on_open = false;
    for index in workbook_parts {
        recalculate_on_open |= asks_recalculation(&read_part(&mut archive, index)?);
    }
    Ok(recalculate_on_open)
}

/// An entry of the archive as text (its size is already checked).
fn read_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    index: usize,
) -> Result<String, TableError> {
    let mut xml = Vec::new();
    archive
        .by_index(index)
        .map_err(|e| TableError::Workbook(e.to_string()))?
        .read_to_end(&mut xml)
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    Ok(String::from_utf8_lossy(&xml).into_owned())
}

/// The `uniqueCount` the `<sst>` element of sharedStrings.xml declares, when it is a number.
fn declared_unique_count(xml: &str) -> Option<u128> {
    let at = xml.match_indices("sst").map(|(at, _)| at).find(|&at| {
        let before = xml[..at].chars().next_back();
        let after = xml[at + 3..].chars().next();
        matches!(before, Some('<' | ':'))
            && after.is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
    })?;
    let rest = &xml[at..];
    let element = &rest[..rest.find('>').unwrap_or(rest.len())];
    let value = element.split("uniqueCount").nth(1)?;
    let value = value.trim_start().strip_prefix('=')?.trim_start();
    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let digits = value[1..].split(quote).next()?;
    digits.parse::<u128>().ok()
}

/// Whether workbook.xml's `<calcPr>` says `fullCalcOnLoad`: what libraries that cannot
/// compute formulas write, so that Excel computes them on opening.
fn asks_recalculation(workbook_xml: &str) -> bool {
    workbook_xml.match_indices("calcPr").any(|(at, _)| {
        let rest = &workbook_xml[at..];
        let element = &rest[..rest.find('>').unwrap_or(rest.len())];
        ["\"1\"", "'1'", "\"true\"", "'true'"]
            .iter()
            .any(|value| element.contains(&format!("fullCalcOnLoad={value}")))
    })
}

fn workbook_error(e: XlsxError) -> TableError {
    TableError::Workbook(e.to_string())
}

/// Checks the archive, then streams the chosen sheets. A panic inside the workbook reader on a
/// malformed file becomes an error: the window never loses unsaved work to a bad file.
fn visit_workbook<V: RowVisitor>(
    bytes: &[u8],
    origin: &str,
    options: &ReadOptions,
    visitor: &mut V,
) -> Result<Vec<SkippedSheet>, V::Error> {
    let recalculate_on_open = check_archive(bytes)?;
    catch_unwind(AssertUnwindSafe(|| {
        visit_sheets(bytes, origin, options, recalculate_on_open, visitor)
    }))
    .unwrap_or_else(|_| Err(TableError::ReaderFailed.into()))
}

fn visit_sheets<V: RowVisitor>(
    bytes: &[u8],
    origin: &str,
    options: &ReadOptions,
    recalculate_on_open: bool,
    visitor: &mut V,
) -> Result<Vec<SkippedSheet>, V::Error> {
    let mut workbook: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(workbook_error)?;
    let sheets = workbook.sheets_metadata().to_vec();
    let mut skipped = Vec::new();
    let chosen: Vec<String> = match &options.sheet {
        Some(wanted) => {
            let found = sheets.iter().find(|s| s.name == *wanted).or_else(|| {
                sheets
                    .iter()
                    .find(|s| s.name.trim().to_lowercase() == wanted.trim().to_lowercase())
            });
            match found {
                Some(sheet) if sheet.typ == SheetType::WorkSheet => vec![sheet.name.clone()],
                Some(sheet) => return Err(TableError::NotAWorksheet(sheet.name.clone()).into()),
                None => {
                    return Err(TableError::SheetNotFound {
                        name: wanted.clone(),
                        available: sheets.iter().map(|s| s.name.clone()).collect(),
                    }
                    .into());
                }
            }
        }
        None => {
            let mut chosen = Vec::new();
            for sheet in &sheets {
                let why = match (sheet.typ, sheet.visible) {
                    (SheetType::WorkSheet, SheetVisible::Visible) => {
                        chosen.push(sheet.name.clone());
                        continue;
                    }
                    (SheetType::WorkSheet, SheetVisible::Hidden) => SheetSkip::Hidden,
                    (SheetType::WorkSheet, SheetVisible::VeryHidden) => SheetSkip::VeryHidden,
                    _ => SheetSkip::NotAWorksheet,
                };
                skipped.push(SkippedSheet {
                    name: sheet.name.clone(),
                    why,
                });
            }
            if chosen.is_empty() {
                let hidden = skipped
                    .iter()
                    .filter(|s| s.why != SheetSkip::NotAWorksheet)
                    .map(|s| s.name.clone())
                    .collect();
                return Err(TableError::NoVisibleSheet(hidden).into());
            }
            chosen
        }
    };
    let parts = sheet_parts(bytes)?;
    for name in chosen {
        check_sheet(&mut workbook, &name, recalculate_on_open)?;
        let part = sheets
            .iter()
            .position(|s| s.name == name)
            .and_then(|i| parts.get(i))
            .filter(|part| !part.is_empty())
            .ok_or_else(|| TableError::Workbook(format!("no part for sheet «{name}»")))?;
        let hidden = hidden_parts(bytes, part)?;
        let merges = workbook
            .merge_cells_by_sheet_name(&name)
            .map_err(workbook_error)?
            .into_iter()
            .filter(|area| area.start.0 < area.end.0 && area.start.1 < MAX_COLUMNS)
            .map(|area| Merge {
                first_row: area.start.0,
                last_row: area.end.0,
                column: area.start.1,
                value: None,
            })
            .collect();
        visitor.table(TableInfo {
            origin: format!("{origin} [{name}]"),
            sheet: Some(name.clone()),
        })?;
        stream_sheet(&mut workbook, &name, &hidden, merges, visitor)?;
    }
    Ok(skipped)
}

type Workbook<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Before any value is read: the sheet's declared area, and formulas whose value no
/// spreadsheet computed.
fn check_sheet(
    workbook: &mut Workbook<'_>,
    sheet: &str,
    recalculate_on_open: bool,
) -> Result<(), TableError> {
    let mut reader = workbook
        .worksheet_cells_reader(sheet)
        .map_err(workbook_error)?;
    let area = reader.dimensions();
    if area.end.1 >= MAX_COLUMNS || area.end.0 >= MAX_ROWS {
        return Err(TableError::AreaTooLarge {
            sheet: sheet.to_owned(),
            area: format!(
                "{}:{}",
                cell_name(area.start.0, area.start.1),
                cell_name(area.end.0, area.end.1)
            ),
        });
    }
    let mut cells = Vec::new();
    let mut count = 0usize;
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(workbook_error)?
    {
        if record.formula.is_some() && (recalculate_on_open || record.value == DataRef::Empty) {
            count += 1;
            if cells.len() < CELLS_LISTED {
                cells.push(cell_name(record.pos.0, record.pos.1));
            }
        }
    }
    if count > 0 {
        return Err(TableError::Formulas {
            sheet: sheet.to_owned(),
            cells,
            count,
            recalculate_on_open,
        });
    }
    Ok(())
}

/// Streams a sheet's rows to the visitor, cell by cell as the file stores them: the rows and
/// columns `hidden` names are left out (what they held is told to the visitor at the end).
///
/// A cell merged over several rows gives its value to the same column of every row of the
/// merge (the value stands in the merge's first cell; the others are blank in the file).
fn stream_sheet<V: RowVisitor>(
    workbook: &mut Workbook<'_>,
    sheet: &str,
    hidden: &HiddenParts,
    merges: Vec<Merge>,
    visitor: &mut V,
) -> Result<(), V::Error> {
    let mut merges = Merges::new(merges);
    let mut reader = workbook
        .worksheet_cells_reader(sheet)
        .map_err(workbook_error)?;
    let formats: Vec<PercentFormat> = reader.styles().iter().map(PercentFormat::of).collect();
    let mut current: Option<PendingRow> = None;
    let mut hidden_rows = 0usize;
    let mut last_hidden_row = None;
    let mut hidden_columns = std::collections::BTreeSet::new();
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(workbook_error)? {
        let (row, column) = cell.get_position();
        let percent = formats.get(style).copied().unwrap_or_default();
        let Some(value) = cell_of(cell.get_value(), percent) else {
            continue;
        };
        let name = || cell_name(row, column);
        if column >= MAX_COLUMNS || row >= MAX_ROWS {
            return Err(TableError::CellOutOfArea {
                sheet: sheet.to_owned(),
                cell: name(),
            }
            .into());
        }
        if let Cell::Text(text) = &value
            && too_long(text)
        {
            return Err(TableError::CellTooLong {
                origin: sheet.to_owned(),
                cell: CellPlace::Sheet(name()),
            }
            .into());
        }
        if hidden.row(row) {
            if last_hidden_row != Some(row) {
                hidden_rows += 1;
                last_hidden_row = Some(row);
            }
            continue;
        }
        if current.as_ref().is_some_and(|pending| pending.row != row)
            && let Some(pending) = current.take()
        {
            pending.send(&mut merges, hidden, visitor)?;
        }
        merges.start(row);
        if let Some(merge) = merges.active.get_mut(&column)
            && merge.first_row == row
        {
            merge.value = Some(value.clone());
        }
        let pending = current.get_or_insert_with(|| PendingRow {
            row,
            cells: Vec::new(),
            hidden_cells: Vec::new(),
        });
        let at = column as usize;
        if hidden.column(column) {
            hidden_columns.insert(column);
            pending.hidden_cells.push((at, value));
            continue;
        }
        if pending.cells.len() <= at {
            pending.cells.resize(at + 1, Cell::empty());
        }
        pending.cells[at] = value;
    }
    if let Some(pending) = current {
        pending.send(&mut merges, hidden, visitor)?;
    }
    if hidden_rows > 0 || !hidden_columns.is_empty() {
        visitor.hidden(HiddenContent {
            rows: hidden_rows,
            columns: hidden_columns.into_iter().map(column_letters).collect(),
        })?;
    }
    Ok(())
}

/// A sheet row being gathered cell by cell.
struct PendingRow {
    row: u32,
    cells: Vec<Cell>,
    hidden_cells: Vec<(usize, Cell)>,
}

/// A cell merged over several rows of a sheet (and maybe columns): its first row, last row and
/// first column (from 0), and its value once its first cell is read.
struct Merge {
    first_row: u32,
    last_row: u32,
    column: u32,
    value: Option<Cell>,
}

/// A sheet's merges over several rows, in the order of their first rows, and those begun at the
/// row being read: one a column (merges do not overlap; a file where they do keeps the last
/// begun), so a row's work is bounded by its columns, whatever the file declares.
struct Merges {
    waiting: std::vec::IntoIter<Merge>,
    next: Option<Merge>,
    active: std::collections::BTreeMap<u32, Merge>,
}

impl Merges {
    fn new(mut merges: Vec<Merge>) -> Self {
        merges.sort_by_key(|m| m.first_row);
        let mut waiting = merges.into_iter();
        let next = waiting.next();
        Merges {
            waiting,
            next,
            active: std::collections::BTreeMap::new(),
        }
    }

    /// Begins the merges whose first row is at or before `row`.
    fn start(&mut self, row: u32) {
        while let Some(merge) = self.next.take_if(|m| m.first_row <= row) {
            self.active.insert(merge.column, merge);
            self.next = self.waiting.next();
        }
    }
}

impl PendingRow {
    /// Gives the row to the visitor, unless only hidden columns held something; the merges
    /// that cover the row below their first row give it their value.
    fn send<V: RowVisitor>(
        mut self,
        merges: &mut Merges,
        hidden: &HiddenParts,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        if self.cells.is_empty() {
            return Ok(());
        }
        merges.active.retain(|_, m| m.last_row >= self.row);
        let mut merged = Vec::new();
        for merge in merges.active.values() {
            let covers = merge.first_row < self.row;
            if let (true, Some(value)) = (covers, &merge.value)
                && !hidden.column(merge.column)
            {
                let at = merge.column as usize;
                if self.cells.len() <= at {
                    self.cells.resize(at + 1, Cell::empty());
                }
                self.cells[at] = value.clone();
                merged.push((at, merge.first_row as usize + 1));
            }
        }
        visitor.row(TableRow {
            number: self.row as usize + 1,
            cells: self.cells,
            line_fields: Vec::new(),
            hidden_cells: self.hidden_cells,
            merged,
        })
    }
}

/// A column's letters: `column_letters(13)` is `N`.
pub fn column_letters(column: u32) -> String {
    cell_name(0, column).trim_end_matches('1').to_owned()
}

/// The rows and columns of a sheet that Excel does not show: hidden (by hand, by a filter or a
/// collapsed group) or of zero height or width. (A sheet's `zeroHeight` hides only the rows the
/// sheet does not list, which hold no cells.)
#[derive(Debug, Default)]
struct HiddenParts {
    /// Rows (from 0) hidden.
    rows: HashSet<u32>,
    /// Hidden columns (from 0), as ranges with both ends included.
    columns: Vec<(u32, u32)>,
}

impl HiddenParts {
    fn row(&self, row: u32) -> bool {
        self.rows.contains(&row)
    }

    fn column(&self, column: u32) -> bool {
        self.columns
            .iter()
            .any(|(first, last)| (*first..=*last).contains(&column))
    }
}

/// An attribute's value by its local name (`hidden`; `r:id` as `id`).
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.attributes().flatten().find_map(|a| {
        if a.key.local_name().as_ref() == name {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        } else {
            None
        }
    })
}

/// An XML flag attribute: `1` or `true`.
fn flag(element: &BytesStart<'_>, name: &str) -> bool {
    attribute(element, name).is_some_and(|v| v == "1" || v == "true")
}

/// A size attribute (height, width) that is present and zero: the row or column is not shown.
fn zero_size(element: &BytesStart<'_>, name: &str) -> bool {
    attribute(element, name)
        .and_then(|v| v.trim().parse::<f64>().ok())
        .is_some_and(|v| v == 0.0)
}

/// The elements (start or empty) of an archive part, in order, each given to `visit` with its
/// local name; `visit` returns false to stop. Nothing when the part is not there.
fn visit_elements(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    path: &str,
    mut visit: impl FnMut(&str, &BytesStart<'_>) -> bool,
) -> Result<(), TableError> {
    let Some(index) = part_index(archive, path) else {
        return Ok(());
    };
    let entry = archive
        .by_index(index)
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(entry));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.local_name().as_ref().to_owned();
                if !visit(&name, &e) {
                    return Ok(());
                }
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => {}
            Err(e) => return Err(TableError::Workbook(e.to_string())),
        }
    }
}

/// The index of an archive entry, its name compared as calamine does (any case, `\` as `/`).
fn part_index(archive: &zip::ZipArchive<Cursor<&[u8]>>, path: &str) -> Option<usize> {
    let wanted = path.to_ascii_lowercase();
    (0..archive.len()).find(|&i| {
        archive
            .name_for_index(i)
            .and_then(Result::ok)
            .is_some_and(|name| name.replace('\\', "/").to_ascii_lowercase() == wanted)
    })
}

/// The archive paths of the workbook's sheets, in the workbook's order (the order of
/// calamine's `sheets_metadata`), found as calamine finds them: the package's relationships
/// name the workbook, the workbook's relationships each sheet's part.
fn sheet_parts(bytes: &[u8]) -> Result<Vec<String>, TableError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| TableError::NotAWorkbook(e.to_string()))?;
    let mut workbook = None;
    visit_elements(&mut archive, "_rels/.rels", |name, e| {
        if name == "Relationship"
            && attribute(e, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"))
        {
            workbook = attribute(e, "Target");
        }
        workbook.is_none()
    })?;
    let workbook = workbook.unwrap_or_else(|| "xl/workbook.xml".to_owned());
    let (folder, file) = match workbook.rfind('/') {
        Some(i) => workbook.split_at(i + 1),
        None => ("", workbook.as_str()),
    };
    let folder = folder.strip_prefix('/').unwrap_or(folder);
    let file = if file.is_empty() {
        "workbook.xml"
    } else {
        file
    };
    let mut targets = HashMap::new();
    visit_elements(
        &mut archive,
        &format!("{folder}_rels/{file}.rels"),
        |name, e| {
            if name == "Relationship"
                && let (Some(id), Some(target)) = (attribute(e, "Id"), attribute(e, "Target"))
            {
                targets.insert(id, target);
            }
            true
        },
    )?;
    let mut parts = Vec::new();
    visit_elements(&mut archive, &format!("{folder}{file}"), |name, e| {
        if name == "sheet" {
            let target = attribute(e, "id").and_then(|id| targets.get(&id).cloned());
            parts.push(match target {
                Some(target) => match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("{folder}{target}"),
                },
                None => String::new(),
            });
        }
        true
    })?;
    Ok(parts)
}

/// What of a sheet's part Excel does not show, read before its cells are streamed.
fn hidden_parts(bytes: &[u8], part: &str) -> Result<HiddenParts, TableError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| TableError::NotAWorkbook(e.to_string()))?;
    let mut hidden = HiddenParts::default();
    let mut next_row = 0u32;
    visit_elements(&mut archive, part, |name, e| {
        match name {
            "col" => {
                let bound = |name| {
                    attribute(e, name)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .map(|v| v.saturating_sub(1))
                };
                if (flag(e, "hidden") || zero_size(e, "width"))
                    && let Some(first) = bound("min")
                {
                    let last = bound("max").unwrap_or(first).max(first);
                    hidden.columns.push((first, last));
                }
            }
            "row" => {
                let row = attribute(e, "r")
                    .and_then(|v| v.trim().parse::<u32>().ok())
                    .map_or(next_row, |r| r.saturating_sub(1));
                next_row = row.saturating_add(1);
                if flag(e, "hidden") || zero_size(e, "ht") {
                    hidden.rows.insert(row);
                }
            }
            _ => {}
        }
        true
    })?;
    Ok(hidden)
}

/// Which signs of a number a style shows as a percentage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct PercentFormat {
    positive: bool,
    negative: bool,
}

impl PercentFormat {
    fn of(style: &Style) -> Self {
        let Some(format) = &style.number_format else {
            return Self::default();
        };
        let sections = format_sections(&format.format_code);
        let positive = sections.first().is_some_and(|s| has_percent(s));
        let negative = sections.get(1).map_or(positive, |s| has_percent(s));
        PercentFormat { positive, negative }
    }
}

/// A number format's sections (positive; negative; zero; text), split at `;` outside quotes.
fn format_sections(code: &str) -> Vec<String> {
    let mut sections = Vec::new();
    let mut section = String::new();
    let mut in_quotes = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                section.push(c);
            }
            ';' if !in_quotes => sections.push(std::mem::take(&mut section)),
            '\\' | '_' | '*' if !in_quotes => {
                section.push(c);
                if let Some(next) = chars.next() {
                    section.push(next);
                }
            }
            c => section.push(c),
        }
    }
    sections.push(section);
    sections
}

/// Whether a format section has a `%` that Excel applies (not quoted, escaped or in brackets):
/// `0.00%` does, `0.00" %"` (a literal sign after the figure) does not.
fn has_percent(section: &str) -> bool {
    let mut in_quotes = false;
    let mut in_brackets = false;
    let mut chars = section.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => in_quotes = !in_quotes,
            _ if in_quotes => {}
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            '%' if !in_brackets => return true,
            _ => {}
        }
    }
    false
}

/// A cell's value as the sheet shows it; `None` for an empty cell (or empty text).
fn cell_of(data: &DataRef<'_>, percent: PercentFormat) -> Option<Cell> {
    let number = |value: Decimal| {
        let shown_as_percent = if value.is_sign_negative() {
            percent.negative
        } else {
            percent.positive
        };
        if !shown_as_percent {
            return Cell::Number(value);
        }
        percent_shown(value).map_or_else(|| Cell::Text(format!("{value}00%")), Cell::Percent)
    };
    Some(match data {
        DataRef::Empty => return None,
        DataRef::String(s) if s.is_empty() => return None,
        DataRef::SharedString("") => return None,
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_owned()),
        DataRef::Int(i) => number(Decimal::from(*i)),
        DataRef::Float(f) => match decimal_of_float(*f) {
            Some(value) => number(value),
            None => Cell::Text(format!("{f}")),
        },
        DataRef::Bool(b) => Cell::Text(b.to_string()),
        DataRef::DateTime(date) if date.is_datetime() => {
            let (year, month, day, hour, minute, ..) = date.to_ymd_hms_milli();
            if hour == 0 && minute == 0 {
                Cell::Date(format!("{day:02}/{month:02}/{year:04}"))
            } else {
                Cell::Date(format!(
                    "{day:02}/{month:02}/{year:04} {hour:02}:{minute:02}"
                ))
            }
        }
        DataRef::DateTime(duration) => Cell::Date(duration.as_f64().to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Date(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    })
}

/// The decimal a number cell of a workbook is read as: the shortest text that reads back as
/// the same float (89.35, not 89.3499999…). `None` for what no decimal holds (NaN, 1e300).
/// The export writes a figure as a number only when this gives it back.
pub fn decimal_of_float(f: f64) -> Option<Decimal> {
    let text = format!("{f}");
    // Never rounded on the way in: 1e-30 is not 0.
    Decimal::from_str(&text)
        .ok()
        .filter(|value| crate::model::format::reads_exactly(&text, *value))
}

/// The figure a percent format shows: the stored value × 100, exactly (0,8935 → 89,35).
fn percent_shown(value: Decimal) -> Option<Decimal> {
    let scale = value.scale();
    if scale >= 2 {
        Decimal::try_from_i128_with_scale(value.mantissa(), scale - 2).ok()
    } else {
        value.checked_mul(Decimal::ONE_HUNDRED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_are_excel_addresses() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(3, 13), "N4");
        assert_eq!(cell_name(199_999, 701), "ZZ200000");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
        assert!(cell_name(u32::MAX, u32::MAX).ends_with("WV4294967296"));
    }

    #[test]
    fn percent_formats_are_told_from_a_literal_percent_sign() {
        let percent = |code: &str| {
            let sections = format_sections(code);
            (
                has_percent(&sections[0]),
                sections.get(1).is_some_and(|s| has_percent(s)),
            )
        };
        assert_eq!(percent("0.00%"), (true, false));
        assert_eq!(percent("0%;-0%"), (true, true));
        assert_eq!(percent("0.00\" %\""), (false, false));
        assert_eq!(percent("0.00\\%"), (false, false));
        assert_eq!(percent("[Red]0.00%;[Blue]-0.00%"), (true, true));
        assert_eq!(percent("#,##0.00 \"%;\";0"), (false, false));
        assert_eq!(percent("General"), (false, false));
    }

    #[test]
    fn a_percent_shows_the_stored_value_times_100_exactly() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(percent_shown(d("0.8935")), Some(d("89.35")));
        assert_eq!(percent_shown(d("1")), Some(d("100")));
        assert_eq!(percent_shown(d("-0.5")), Some(d("-50")));
        assert_eq!(percent_shown(Decimal::MAX), None);
    }

    #[test]
    fn guarded_texts_read_back_as_they_were() {
        for text in [
            "=1+1", "+57", "-x", "@SUM(A1)", "\tx", "\rx", "'=x", "''@", "'", "'plain", "plain",
            "", "- 3",
        ] {
            let guarded = guard_text(text);
            assert!(
                !guarded.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{guarded:?}"
            );
            assert_eq!(unguard_text(guarded.into_owned()), text);
        }
        assert_eq!(guard_text("plain"), "plain");
        assert_eq!(guard_text("=1"), "'=1");
    }

    #[test]
    fn control_characters_are_escaped_as_excel_does_and_read_back_exactly() {
        for text in [
            "plain",
            "cod\u{0}igo",
            "\u{1b}[31m",
            "\u{7f}\u{85}",
            "_x0000_ written",
            "_x005F_x0041_",
            "_x12",
            "tab\tand\nline",
            "__x0041__",
            "_xD83D__xDCF7_",
        ] {
            let escaped = escape_controls(text);
            assert!(
                !escaped
                    .chars()
                    .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')),
                "{escaped:?}"
            );
            assert_eq!(unescape_controls(escaped.into_owned()), text);
        }
        assert_eq!(escape_controls("a\u{0}b"), "a_x0000_b");
        assert_eq!(unescape_controls("_xD83D__xDCF7_".to_owned()), "\u{1f4f7}");
        let csv = write_csv(b';', [vec![CsvField::Text("N\u{0}A".to_owned())]]);
        assert_eq!(csv, "\u{feff}N_x0000_A\n");
    }

    #[test]
    fn a_workbook_that_asks_to_recalculate_is_recognised() {
        assert!(asks_recalculation(
            r#"<workbook><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#
        ));
        assert!(asks_recalculation(r#"<x:calcPr fullCalcOnLoad='true'/>"#));
        assert!(!asks_recalculation(r#"<calcPr calcId="191029"/>"#));
        assert!(!asks_recalculation(
            r#"<calcPr calcId="1"/><definedName>fullCalcOnLoad="1"</definedName>"#
        ));
    }

    #[test]
    fn text_is_decoded_as_excel_writes_it() {
        let decode = |bytes: &[u8]| decode_text(bytes, "m.csv").unwrap();
        assert_eq!(decode("\u{feff}Año;1".as_bytes()), "Año;1");
        assert_eq!(decode(b"A\xf1o;1"), "Año;1");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Año\t1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&utf16), "Año\t1");
        for (bytes, big_endian) in [
            (u16::to_le_bytes as fn(u16) -> [u8; 2], false),
            (u16::to_be_bytes, true),
        ] {
            let without_bom: Vec<u8> = "Objetivo;Año\n2;1".encode_utf16().flat_map(bytes).collect();
            assert_eq!(
                decode(&without_bom),
                "Objetivo;Año\n2;1",
                "big endian: {big_endian}"
            );
        }
    }

    #[test]
    fn a_stray_byte_in_utf8_text_is_refused_naming_its_row_and_byte() {
        let mixed = b"Meta;Acci\xc3\xb3n\n1;Gesti\xf3n\n";
        assert_eq!(
            decode_text(mixed, "m.csv"),
            Err(TableError::StrayByte {
                origin: "m.csv".to_owned(),
                row: 2,
                column: 8,
                byte: 0xF3
            })
        );
        let with_bom = b"\xef\xbb\xbfMeta\n\xf3";
        assert!(matches!(
            decode_text(with_bom, "m.csv"),
            Err(TableError::StrayByte {
                row: 2,
                column: 1,
                byte: 0xF3,
                ..
            })
        ));
    }

    #[test]
    fn the_delimiter_is_read_from_the_header_line_not_a_title_above_it() {
        assert_eq!(
            guess_delimiter(
                "Plan sectorial, metas e indicadores\nObjetivo;Meta;Nombre indicador\n"
            ),
            b';'
        );
        assert_eq!(
            guess_delimiter("Título; 2022\nObjetivo,Meta,\"Nombre; indicador\",Nombre Indicador\n"),
            b','
        );
        assert_eq!(guess_delimiter("a;b;c\n"), b';');
        assert_eq!(guess_delimiter("a,b\n"), b',');
    }

    /// The rows of a TSV text, or the first error.
    fn tsv_rows(text: &str) -> Result<Vec<TableRow>, TableError> {
        let mut reader = Delimited {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            line: 1,
            delimiter: b'\t',
            origin: "t.tsv".to_owned(),
        };
        std::iter::from_fn(|| reader.next_row().transpose()).collect()
    }

    #[test]
    fn quoted_cells_follow_rfc_4180_and_a_stray_quote_is_text() {
        let rows = tsv_rows("a\t\"b\tc\"\"d\"\te\"f\"\r\n\"x\ny\"\tz\n").unwrap();
        let texts = |row: &TableRow| row.cells.iter().map(Cell::text).collect::<Vec<_>>();
        assert_eq!(texts(&rows[0]), ["a", "b\tc\"d", "e\"f\""]);
        assert_eq!((rows[0].number, rows[0].line_fields.len()), (1, 0));
        assert_eq!(texts(&rows[1]), ["x\ny", "z"]);
        assert_eq!(
            (rows[1].number, rows[1].line_fields.clone()),
            (2, vec![1, 2])
        );
    }

    #[test]
    fn long_or_unclosed_quoted_cells_are_errors_naming_the_row() {
        let long = "x".repeat(MAX_CELL_BYTES + 10);
        let closed = format!("a\n\"{long}\ny\"\tb\n");
        assert!(matches!(
            tsv_rows(&closed),
            Err(TableError::CellTooLong {
                cell: CellPlace::Line {
                    row: 2,
                    column: 1,
                    until: Some(3)
                },
                ..
            })
        ));
        let unclosed = format!("a\n\"{long}\ny\tb\n");
        assert!(matches!(
            tsv_rows(&unclosed),
            Err(TableError::UnclosedQuote {
                row: 2,
                column: 1,
                ..
            })
        ));
        let plain = format!("a\t{long}\n");
        assert!(matches!(
            tsv_rows(&plain),
            Err(TableError::CellTooLong {
                cell: CellPlace::Line {
                    row: 1,
                    column: 2,
                    until: None
                },
                ..
            })
        ));
        let wide = "\t".repeat(MAX_COLUMNS as usize);
        assert!(matches!(
            tsv_rows(&wide),
            Err(TableError::TooManyFields { row: 1, .. })
        ));
        assert_eq!(
            tsv_rows(&"\t".repeat(MAX_COLUMNS as usize - 1)).unwrap()[0]
                .cells
                .len(),
            MAX_COLUMNS as usize
        );
    }

    #[test]
    fn the_declared_count_of_shared_texts_is_read() {
        let sst = |attributes: &str| {
            format!("<?xml version=\"1.0\"?><sst {attributes}><si><t>a</t></si></sst>")
        };
        assert_eq!(
            declared_unique_count(&sst(r#"count="3" uniqueCount="2""#)),
            Some(2)
        );
        assert_eq!(
            declared_unique_count(&sst("uniqueCount = '9999999999'")),
            Some(9_999_999_999)
        );
        assert_eq!(declared_unique_count(&sst(r#"count="3""#)), None);
        assert_eq!(declared_unique_count("<x:sst uniqueCount=\"7\">"), Some(7));
        assert_eq!(declared_unique_count("<ssts uniqueCount=\"7\">"), None);
    }

    #[test]
    fn formula_messages_agree_with_the_count_and_list_only_the_first_cells() {
        let formulas = |cells: &[&str], count| TableError::Formulas {
            sheet: "Matriz".to_owned(),
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
            count,
            recalculate_on_open: false,
        };
        assert_eq!(
            formulas(&["N4"], 1).message(Language::Es),
            "La celda N4 de la hoja «Matriz» tiene una fórmula sin valor calculado: recalcule y \
             guarde el libro en Excel (o LibreOffice) e impórtelo de nuevo."
        );
        let many = formulas(&["N4", "N5"], 102).message(Language::En);
        assert!(
            many.starts_with("Cells N4, N5 and 100 more of sheet «Matriz» hold formulas"),
            "{many}"
        );
    }

    #[test]
    fn line_fields_count_every_line() {
        assert_eq!(line_fields("a\tb\n\tc\r\nd", b'\t'), vec![2, 2, 1]);
        assert_eq!(line_fields("a\rb", b'\t'), vec![1, 1]);
    }
}
