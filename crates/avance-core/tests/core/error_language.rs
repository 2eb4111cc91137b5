//! Every error of the core, each variant of it, reads as English in English: the window and the
//! command line show these messages in the officer's language, and none of them has a `Display`
//! that would give one language whatever the reader's.

use std::io::ErrorKind;
use std::path::PathBuf;

use crate::language_check;
use avance_core::io::SystemError;
use avance_core::io::bounded_read::NotAFile;
use avance_core::io::export::ExportError;
use avance_core::io::import::{ImportError, Listing, RowProblem, RowReason};
use avance_core::io::plan_file::{OtherEncoding, Place, PlaceField, PlanFileError, SyntaxProblem};
use avance_core::io::safe_write::WriteError;
use avance_core::io::table::{CellPlace, TableError};
use avance_core::model::format::NumberError;
use avance_core::model::validation::Field;
use avance_core::model::{Cut, EntityNameError, Language, Period, PeriodError, Quarter};
use rust_decimal::Decimal;

fn path() -> PathBuf {
    PathBuf::from("/tmp/plan.ron")
}

fn system(kind: ErrorKind) -> SystemError {
    SystemError {
        kind,
        held: false,
        detail: "os error 5".to_owned(),
    }
}

fn cut(vigencia: u16, quarter: u8) -> Cut {
    Cut::new(vigencia, Quarter::new(quarter).unwrap())
}

fn write_errors() -> Vec<WriteError> {
    vec![
        WriteError::ReadOnly,
        WriteError::InUse { path: path() },
        WriteError::HardLinked { links: 2 },
        WriteError::NotAFile,
        WriteError::InvalidName {
            name: "CON.ron".to_owned(),
        },
        WriteError::LinkLoop,
        WriteError::Backup {
            path: path(),
            source: Box::new(WriteError::ReadOnly),
        },
        WriteError::Io(std::io::Error::from(ErrorKind::PermissionDenied)),
        WriteError::Io(std::io::Error::from(ErrorKind::StorageFull)),
        WriteError::Io(std::io::Error::other("os error 5")),
    ]
}

#[test]
fn no_error_has_a_display_that_fixes_its_language() {
    assert_no_display!(
        WriteError,
        PlanFileError,
        ExportError,
        TableError,
        ImportError,
        NumberError,
        PeriodError,
        EntityNameError
    );
}

#[test]
fn every_error_of_the_plans_frame_reads_as_english_in_english() {
    every_variant_in_english!(
        vec![
            PeriodError::LastBeforeFirst {
                first: 2027,
                last: 2024,
            },
            PeriodError::TooLong {
                first: 2000,
                last: 2040,
            },
        ],
        PeriodError::LastBeforeFirst { .. },
        PeriodError::TooLong { .. },
    );
    every_variant_in_english!(
        vec![
            EntityNameError::Empty,
            EntityNameError::Repeated("IDARTES".to_owned()),
            EntityNameError::NoEntity,
        ],
        EntityNameError::Empty,
        EntityNameError::Repeated(_),
        EntityNameError::NoEntity,
    );
}

#[test]
fn every_write_error_reads_as_english_in_english() {
    every_variant_in_english!(
        write_errors(),
        WriteError::ReadOnly,
        WriteError::InUse { .. },
        WriteError::HardLinked { .. },
        WriteError::NotAFile,
        WriteError::InvalidName { .. },
        WriteError::LinkLoop,
        WriteError::Backup { .. },
        WriteError::Io(_),
    );
}

#[test]
fn every_number_error_reads_as_english_in_english() {
    every_variant_in_english!(
        vec![
            NumberError::Empty,
            NumberError::NotANumber("27.5O".to_owned()),
            NumberError::Ambiguous("1.234".to_owned(), "1234 o 1,234".to_owned()),
            NumberError::TooLarge("9e99".to_owned()),
            NumberError::TooPrecise("0.1".to_owned()),
        ],
        NumberError::Empty,
        NumberError::NotANumber(_),
        NumberError::Ambiguous(..),
        NumberError::TooLarge(_),
        NumberError::TooPrecise(_),
    );
}

/// Where a plan file's error points: objective 3, meta M1, indicator 644, the plan's cut.
fn place() -> Option<Box<Place>> {
    Some(Box::new(Place {
        objective: Some(3),
        meta: Some("M1".to_owned()),
        indicator: Some("644".to_owned()),
        field: Some(PlaceField::Plan(Field::Cut)),
    }))
}

/// A syntax error of each kind.
fn syntax_samples() -> Vec<PlanFileError> {
    let syntax = |problem| PlanFileError::Syntax {
        path: path(),
        line: 4,
        column: 3,
        problem,
        place: place(),
    };
    [
        SyntaxProblem::CutShort,
        SyntaxProblem::MissingComma,
        SyntaxProblem::UnknownValue {
            found: "Crecient".to_owned(),
            allowed: vec!["Creciente".to_owned()],
        },
        SyntaxProblem::UnknownField {
            found: "txt".to_owned(),
            allowed: vec!["text".to_owned()],
        },
        SyntaxProblem::MissingField("cut".to_owned()),
        SyntaxProblem::QuarterOutOfRange("5".to_owned()),
        SyntaxProblem::ExpectedText,
        SyntaxProblem::ExpectedWholeNumber,
        SyntaxProblem::BareNumber("27.123456789012345678".to_owned()),
        SyntaxProblem::TooPrecise("0.1".to_owned()),
        SyntaxProblem::Other("Expected option".to_owned()),
    ]
    .map(syntax)
    .into()
}

#[test]
fn every_plan_file_error_reads_as_english_in_english() {
    let mut samples = vec![
        PlanFileError::Read {
            path: path(),
            source: std::io::Error::from(ErrorKind::NotFound),
        },
        PlanFileError::TooLarge {
            path: path(),
            limit: 50,
        },
        PlanFileError::TooLargeToWrite {
            path: path(),
            limit: 50,
        },
        PlanFileError::Empty { path: path() },
        PlanFileError::NotText { path: path() },
        PlanFileError::OtherEncoding {
            path: path(),
            encoding: OtherEncoding::Utf16,
        },
        PlanFileError::OtherEncoding {
            path: path(),
            encoding: OtherEncoding::Windows1252 {
                line: 2,
                column: 7,
                letter: 'ó',
            },
        },
        PlanFileError::ReadOnly { path: path() },
        PlanFileError::HardLinked {
            path: path(),
            links: 3,
        },
        PlanFileError::NotANumber {
            path: path(),
            line: 4,
            column: 3,
            text: "27.5O".to_owned(),
            place: place(),
        },
        PlanFileError::DuplicateKey {
            path: path(),
            line: 4,
            column: 3,
            key: "2022".to_owned(),
            first_line: Some(2),
            place: None,
        },
        PlanFileError::DuplicateKey {
            path: path(),
            line: 4,
            column: 3,
            key: "2022".to_owned(),
            first_line: None,
            place: place(),
        },
        PlanFileError::NewerVersion {
            path: path(),
            found: 9,
        },
        PlanFileError::UnknownVersion {
            path: path(),
            found: 0,
        },
        PlanFileError::UnknownVersion {
            path: path(),
            found: 7,
        },
        PlanFileError::Serialize {
            detail: "ron".to_owned(),
        },
        PlanFileError::PeriodTooLong {
            path: path(),
            first: 2020,
            last: 2090,
        },
    ];
    samples.extend(
        [
            NotAFile::Folder,
            NotAFile::NamedPipe,
            NotAFile::Device,
            NotAFile::Socket,
            NotAFile::Other,
        ]
        .map(|kind| PlanFileError::NotAFile { path: path(), kind }),
    );
    samples.extend(
        write_errors()
            .into_iter()
            .map(|source| PlanFileError::Write {
                path: path(),
                source,
            }),
    );
    samples.extend(syntax_samples());
    every_variant_in_english!(
        samples,
        PlanFileError::Read { .. },
        PlanFileError::NotAFile { .. },
        PlanFileError::TooLarge { .. },
        PlanFileError::TooLargeToWrite { .. },
        PlanFileError::Write { .. },
        PlanFileError::Empty { .. },
        PlanFileError::NotText { .. },
        PlanFileError::OtherEncoding { .. },
        PlanFileError::ReadOnly { .. },
        PlanFileError::HardLinked { .. },
        PlanFileError::Syntax { .. },
        PlanFileError::NotANumber { .. },
        PlanFileError::DuplicateKey { .. },
        PlanFileError::NewerVersion { .. },
        PlanFileError::UnknownVersion { .. },
        PlanFileError::Serialize { .. },
        PlanFileError::PeriodTooLong { .. },
    );
}

#[test]
fn every_export_error_reads_as_english_in_english() {
    let mut samples: Vec<ExportError> = write_errors()
        .into_iter()
        .map(|source| ExportError::Write {
            path: path(),
            source,
        })
        .collect();
    samples.push(ExportError::Workbook("xlsx".to_owned()));
    samples.push(ExportError::OverThePlan { path: path() });
    every_variant_in_english!(
        samples,
        ExportError::Write { .. },
        ExportError::Workbook(_),
        ExportError::OverThePlan { .. },
    );
}

fn table_errors() -> Vec<TableError> {
    let s = |text: &str| text.to_owned();
    vec![
        TableError::Read(system(ErrorKind::NotFound)),
        TableError::Read(system(ErrorKind::PermissionDenied)),
        TableError::Read(system(ErrorKind::IsADirectory)),
        TableError::Read(system(ErrorKind::Other)),
        TableError::Read(SystemError {
            held: true,
            ..system(ErrorKind::Other)
        }),
        TableError::UnknownType,
        TableError::FileTooLarge,
        TableError::NotAWorkbook(s("zip")),
        TableError::Protected,
        TableError::Workbook(s("xml")),
        TableError::TooManyParts(9000),
        TableError::PartTooLarge {
            part: s("xl/sheet1.xml"),
            bytes: 1 << 30,
        },
        TableError::UnpackedTooLarge(1 << 31),
        TableError::SheetNotFound {
            name: s("Matriz"),
            available: vec![s("Hoja1")],
        },
        TableError::NotAWorksheet(s("Chart1")),
        TableError::NoVisibleSheet(vec![s("Oculta")]),
        TableError::SheetOnlyForWorkbooks,
        TableError::AreaTooLarge {
            sheet: s("Matriz"),
            area: s("A1:XFD9"),
        },
        TableError::CellOutOfArea {
            sheet: s("Matriz"),
            cell: s("XFD9"),
        },
        TableError::CellTooLong {
            origin: s("plan.xlsx"),
            cell: CellPlace::Sheet(s("B7")),
        },
        TableError::CellTooLong {
            origin: s("plan.csv"),
            cell: CellPlace::Line {
                row: 7,
                column: 2,
                until: None,
            },
        },
        TableError::CellTooLong {
            origin: s("plan.csv"),
            cell: CellPlace::Line {
                row: 7,
                column: 2,
                until: Some(90),
            },
        },
        TableError::Formulas {
            sheet: s("Matriz"),
            cells: vec![s("N4")],
            count: 1,
            recalculate_on_open: false,
        },
        TableError::Formulas {
            sheet: s("Matriz"),
            cells: vec![s("N4"), s("N5")],
            count: 12,
            recalculate_on_open: true,
        },
        TableError::TooManyFields {
            origin: s("plan.csv"),
            row: 3,
        },
        TableError::UnclosedQuote {
            origin: s("plan.csv"),
            row: 3,
            column: 4,
        },
        TableError::CountTooLarge {
            part: s("xl/sharedStrings.xml"),
            count: u128::MAX,
        },
        TableError::ReaderFailed,
        TableError::StrayByte {
            origin: s("plan.csv"),
            row: 3,
            column: 4,
            byte: 0xf3,
        },
    ]
}

#[test]
fn every_table_error_reads_as_english_in_english() {
    every_variant_in_english!(
        table_errors(),
        TableError::Read(_),
        TableError::UnknownType,
        TableError::FileTooLarge,
        TableError::NotAWorkbook(_),
        TableError::Protected,
        TableError::Workbook(_),
        TableError::TooManyParts(_),
        TableError::PartTooLarge { .. },
        TableError::UnpackedTooLarge(_),
        TableError::SheetNotFound { .. },
        TableError::NotAWorksheet(_),
        TableError::NoVisibleSheet(_),
        TableError::SheetOnlyForWorkbooks,
        TableError::AreaTooLarge { .. },
        TableError::CellOutOfArea { .. },
        TableError::CellTooLong { .. },
        TableError::Formulas { .. },
        TableError::TooManyFields { .. },
        TableError::UnclosedQuote { .. },
        TableError::CountTooLarge { .. },
        TableError::ReaderFailed,
        TableError::StrayByte { .. },
    );
}

fn row_reasons() -> Vec<RowReason> {
    vec![
        RowReason::Number(NumberError::NotANumber("x7".to_owned())),
        RowReason::ObjectiveOutOfRange,
        RowReason::Empty,
        RowReason::UnknownType,
        RowReason::UnknownKind,
        RowReason::Date,
        RowReason::SpreadsheetError,
        RowReason::ObjectiveNotInPlan,
        RowReason::Ambiguous {
            in_plan: 2,
            in_matrix: 1,
        },
        RowReason::MetaNameDiffers { first_row: 4 },
        RowReason::ColumnsDisagree {
            other: "Total".to_owned(),
            other_value: "12".to_owned(),
        },
        RowReason::AtCutDisagrees { quarters: None },
        RowReason::AtCutDisagrees {
            quarters: Some(Decimal::from(12)),
        },
        RowReason::SumBelowEarlier {
            earlier: Decimal::from(30),
            figure: Decimal::from(-5),
            quarter: Quarter::new(2).unwrap(),
        },
        RowReason::FigureTooLarge,
        RowReason::MergedFigure { first_row: 7 },
        RowReason::MixedDecimals {
            thousands: Decimal::from(1250),
            decimals: "1.25".parse().unwrap(),
        },
    ]
}

#[test]
fn every_reason_a_row_is_refused_reads_as_english_in_english() {
    every_variant_in_english!(
        row_reasons(),
        RowReason::Number(_),
        RowReason::ObjectiveOutOfRange,
        RowReason::Empty,
        RowReason::UnknownType,
        RowReason::UnknownKind,
        RowReason::Date,
        RowReason::SpreadsheetError,
        RowReason::ObjectiveNotInPlan,
        RowReason::Ambiguous { .. },
        RowReason::MetaNameDiffers { .. },
        RowReason::ColumnsDisagree { .. },
        RowReason::AtCutDisagrees { .. },
        RowReason::SumBelowEarlier { .. },
        RowReason::FigureTooLarge,
        RowReason::MergedFigure { .. },
        RowReason::MixedDecimals { .. },
    );
}

fn row_problems() -> Listing<RowProblem> {
    let first: Vec<RowProblem> = row_reasons()
        .into_iter()
        .enumerate()
        .map(|(i, reason)| RowProblem {
            origin: "plan.xlsx".to_owned(),
            row: i + 4,
            column: "Total".to_owned(),
            cell: (i % 2 == 0).then(|| format!("N{}", i + 4)),
            value: "x7".to_owned(),
            reason,
        })
        .collect();
    Listing {
        total: first.len() + 30,
        first,
    }
}

#[test]
fn every_import_error_reads_as_english_in_english() {
    let column = |letter: &str, header: &str| (letter.to_owned(), header.to_owned());
    let mut samples: Vec<ImportError> =
        table_errors().into_iter().map(ImportError::Table).collect();
    samples.extend([
        ImportError::Empty,
        ImportError::MissingColumns {
            columns: vec!["Nombre indicador"],
            hidden: vec![],
        },
        ImportError::MissingColumns {
            columns: vec!["Nombre indicador"],
            hidden: vec![column("C", "Meta")],
        },
        ImportError::NoHeader {
            file: "plan.xlsx".to_owned(),
            rows: 3,
            first: "Plan 2024".to_owned(),
        },
        ImportError::RepeatedColumn {
            origin: "plan.xlsx".to_owned(),
            first: column("C", "Meta"),
            second: column("F", "Meta"),
        },
        ImportError::RepeatedColumn {
            origin: "plan.xlsx".to_owned(),
            first: column("C", "Programación 2022"),
            second: column("F", "Prog. 2022"),
        },
        ImportError::ExecutedCutsDisagree {
            origin: "plan.xlsx".to_owned(),
            first: ("N".to_owned(), cut(2022, 1)),
            second: ("O".to_owned(), cut(2022, 2)),
        },
        ImportError::VigenciaOutsidePlan {
            vigencia: 2030,
            period: Period {
                first: 2020,
                last: 2024,
            },
        },
        ImportError::UnknownYearHeader("Programación".to_owned()),
        ImportError::UnreadableCut("Magnitud ejecutada al corte".to_owned()),
        ImportError::CutsDisagree(cut(2022, 1), cut(2022, 2)),
        ImportError::CutOutsidePeriod(cut(2030, 1)),
        ImportError::PeriodTooLong(Period {
            first: 2020,
            last: 2090,
        }),
        ImportError::Rows {
            problems: row_problems(),
            rows: 40,
        },
        ImportError::NoGoodRows {
            problems: row_problems(),
            rows: 40,
        },
        ImportError::QuoteSpansRows {
            origin: "plan.csv".to_owned(),
            first: 3,
            last: 9,
        },
        ImportError::TooManyIndicators,
        ImportError::TooMuchText,
    ]);
    every_variant_in_english!(
        samples,
        ImportError::Table(_),
        ImportError::Empty,
        ImportError::MissingColumns { .. },
        ImportError::NoHeader { .. },
        ImportError::RepeatedColumn { .. },
        ImportError::ExecutedCutsDisagree { .. },
        ImportError::VigenciaOutsidePlan { .. },
        ImportError::UnknownYearHeader(_),
        ImportError::UnreadableCut(_),
        ImportError::CutsDisagree(..),
        ImportError::CutOutsidePeriod(_),
        ImportError::PeriodTooLong(_),
        ImportError::Rows { .. },
        ImportError::NoGoodRows { .. },
        ImportError::QuoteSpansRows { .. },
        ImportError::TooManyIndicators,
        ImportError::TooMuchText,
    );
}

#[test]
#[should_panic(expected = "has the Spanish")]
fn a_spanish_message_in_english_is_caught() {
    language_check::assert_english(
        "No se pudo guardar (el archivo es de solo lectura): /tmp/plan.ron",
        "No se pudo guardar: /tmp/plan.ron",
        "sample",
    );
}

#[test]
#[should_panic(expected = "is the Spanish one")]
fn a_message_the_same_in_both_languages_is_caught() {
    language_check::assert_english("plan.ron", "plan.ron", "sample");
}
