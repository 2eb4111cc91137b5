//! Spreadsheet tables as the import reads them: TSV, CSV (`,` or `;`, UTF-8 or Windows-1252)
//! and XLSX, turned into rows of cells.

use std::io::Cursor;
use std::path::Path;
use std::str::FromStr;

use calamine::{Data, Reader};
use rust_decimal::Decimal;

/// One cell: text as typed, or a number the spreadsheet stored as a number.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(Decimal),
}

impl Cell {
    /// The cell as text (numbers with a `.` decimal point).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// A table: one sheet (or the whole text file), with the spreadsheet's row numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Where the table came from, for messages: the file, and the sheet of a workbook.
    pub origin: String,
    /// (row number as the spreadsheet shows it, 1-based; cells).
    pub rows: Vec<(usize, Vec<Cell>)>,
}

/// Why a file could not be read as a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("could not read the file ({0})")]
    Read(String),
    #[error("the file is not a workbook Avance can read ({0})")]
    Workbook(String),
    #[error("unknown file type: use .tsv, .csv or .xlsx")]
    UnknownType,
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

/// Reads every table of a file.
pub fn read_tables(path: &Path) -> Result<Vec<Table>, TableError> {
    let kind = TableKind::of(path).ok_or(TableError::UnknownType)?;
    let bytes = std::fs::read(path).map_err(|e| TableError::Read(e.to_string()))?;
    let origin = path.display().to_string();
    match kind {
        TableKind::Xlsx => read_workbook(&bytes, &origin),
        TableKind::Tsv => Ok(vec![read_delimited(&decode_text(&bytes), b'\t', origin)]),
        TableKind::Csv => {
            let text = decode_text(&bytes);
            let delimiter = guess_delimiter(&text);
            Ok(vec![read_delimited(&text, delimiter, origin)])
        }
    }
}

/// Text as UTF-8 (without a BOM) or, when it is not valid UTF-8, as Windows-1252, which is
/// what Excel in Spanish writes for "CSV".
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// `;` when the first line has more semicolons than commas (Excel in Spanish), else `,`.
fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// Reads delimited text; quoted fields may hold the delimiter and line breaks.
pub fn read_delimited(text: &str, delimiter: u8, origin: String) -> Table {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut number = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                number = record.position().map_or(number + 1, |p| p.line() as usize);
                rows.push((
                    number,
                    record.iter().map(|c| Cell::Text(c.to_owned())).collect(),
                ));
            }
            Ok(false) => break,
            // A record the CSV reader cannot split (bad quoting): keep the line as one text so
            // the import reports it by row rather than dropping it.
            Err(e) => {
                number += 1;
                rows.push((number, vec![Cell::Text(format!("<{e}>"))]));
                if e.is_io_error() {
                    break;
                }
            }
        }
    }
    Table { origin, rows }
}

fn read_workbook(bytes: &[u8], origin: &str) -> Result<Vec<Table>, TableError> {
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| TableError::Workbook(e.to_string()))?;
    let mut tables = Vec::new();
    for (name, range) in workbook.worksheets() {
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_col = range.start().map_or(0, |(_, col)| col as usize);
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| {
                let mut row: Vec<Cell> = vec![Cell::Text(String::new()); first_col];
                row.extend(cells.iter().map(cell_of));
                (first_row + i + 1, row)
            })
            .collect();
        tables.push(Table {
            origin: format!("{origin} [{name}]"),
            rows,
        });
    }
    Ok(tables)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Int(i) => Cell::Number(Decimal::from(*i)),
        Data::Float(f) => {
            // The shortest text that reads back as the same float: 89.35, not 89.3499999….
            let text = format!("{f}");
            Decimal::from_str(&text)
                .or_else(|_| Decimal::from_scientific(&format!("{f:e}")))
                .map_or(Cell::Text(text), Cell::Number)
        }
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::Empty => Cell::Text(String::new()),
        other => Cell::Text(other.to_string()),
    }
}
