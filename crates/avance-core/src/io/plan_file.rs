//! Plan files: RON, written for people and for version control.
//!
//! One field per line, fields in a fixed order, maps sorted, `\n` line ends on every platform:
//! the same plan always gives the same bytes. Decimals are written as strings (`"27.50"`) so
//! they come back exactly as typed, never through a float. A `version` field lets a newer
//! Avance evolve the format; a file newer than this build is refused, not half-read.
//! Saving goes through [`safe_write`]: a temporary file beside the target renamed over it, the
//! previous version kept as `NAME.bak`, permissions and links respected, read-only files refused.
//!
//! Reading is strict where a silent choice could lose figures: a key written twice (a vigencia,
//! a quarter, a field) is an error with its line and column, not "the last one wins"; a figure
//! is read exactly or refused (never rounded: not through a binary float, not past 28
//! decimals); a number that does not parse names its objective, indicator and field. What the
//! file says is decided by one reader, the plan's own `Deserialize` code
//! ([`crate::model::strict`]), whichever parser feeds it ([`fast_read`] or ron). A UTF-8 BOM
//! (Windows Notepad) and CRLF line ends are accepted. Hand-written comments are found
//! ([`Opened::comment`]) so nobody loses them without being told: the file is always rewritten
//! in canonical layout. Only a regular file of at most [`MAX_FILE_BYTES`] is read: a folder, a
//! named pipe or a device is refused before it is opened ([`bounded_read`]).

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::SystemError;
use super::bounded_read::{self, NotAFile, ReadRefusal};
use super::fast_read;
use super::ron_text::{self, At, Level, Located, TextPos};
use super::safe_write::{self, Backup, DiskStamp, WriteError};
use crate::model::strict::{BARE_NUMBER, DUPLICATE_KEY, EXPECTED_FIGURE, TOO_PRECISE};
use crate::model::validation::Field;
use crate::model::{FORMAT_VERSION, Language, Period, Plan};
use crate::tr;

/// The file extension of plan files.
pub const EXTENSION: &str = "ron";

/// The largest plan file read: 50 MB, as an imported matrix. A plan of 10 000 indicators takes
/// about 12 MB; a sector's, well under one.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// Why a plan file could not be read or written.
#[derive(Debug)]
pub enum PlanFileError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The path names a folder, a named pipe, a device: not a file to read.
    NotAFile {
        path: PathBuf,
        kind: NotAFile,
    },
    /// Longer than [`MAX_FILE_BYTES`]: not read.
    TooLarge {
        path: PathBuf,
        limit: u64,
    },
    /// The plan's text would be larger than Avance reads back: not written, the file stays.
    TooLargeToWrite {
        path: PathBuf,
        limit: u64,
    },
    /// Any failure but the two below, which have their own advice.
    Write {
        path: PathBuf,
        source: WriteError,
    },
    Empty {
        path: PathBuf,
    },
    NotText {
        path: PathBuf,
    },
    /// Text saved in another encoding than UTF-8 (Notepad's "ANSI" or "Unicode"): the plan is
    /// not read, and the message says how to save it again as UTF-8.
    OtherEncoding {
        path: PathBuf,
        encoding: OtherEncoding,
    },
    ReadOnly {
        path: PathBuf,
    },
    HardLinked {
        path: PathBuf,
        links: u64,
    },
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: SyntaxProblem,
        /// Where in the plan, when the position is inside it.
        place: Option<Box<Place>>,
    },
    /// A figure that is not a number (`"27.5O"`).
    NotANumber {
        path: PathBuf,
        line: usize,
        column: usize,
        /// The value as written.
        text: String,
        place: Option<Box<Place>>,
    },
    /// A key written twice: a vigencia, a quarter, a field.
    DuplicateKey {
        path: PathBuf,
        line: usize,
        column: usize,
        key: String,
        /// Where it was written the first time, when the text can be followed that far.
        first_line: Option<usize>,
        place: Option<Box<Place>>,
    },
    NewerVersion {
        path: PathBuf,
        found: u32,
    },
    /// A version that never existed (0), or an old one this build has no upgrade for.
    UnknownVersion {
        path: PathBuf,
        found: u32,
    },
    Serialize {
        detail: String,
    },
    PeriodTooLong {
        path: PathBuf,
        first: u16,
        last: u16,
    },
}

pub use crate::model::MAX_PERIOD_YEARS;

impl PlanFileError {
    /// Whether another program held the file (or its backup): trying again once it is closed
    /// may succeed.
    pub fn is_in_use(&self) -> bool {
        matches!(self, PlanFileError::Write { source, .. } if source.is_in_use())
    }

    /// The message for the command line: a failed save says what was left on disk, without
    /// the window's advice (its plan "stays open", «Guardar como…»); the rest as [`Self::message`].
    pub fn command_line_message(&self, language: Language) -> String {
        match self {
            PlanFileError::Write { path, source } => tr!(
                language,
                "cli-plan-not-saved",
                detail = source.message(language),
                path = shown(path)
            ),
            PlanFileError::ReadOnly { path } => {
                tr!(language, "cli-plan-read-only", path = shown(path))
            }
            PlanFileError::HardLinked { path, links } => tr!(
                language,
                "cli-plan-hard-linked",
                others = links.saturating_sub(1) as usize,
                path = shown(path)
            ),
            _ => self.message(language),
        }
    }

    /// The message in one language, with the path last (for the window: see
    /// [`Self::command_line_message`]).
    pub fn message(&self, language: Language) -> String {
        let place = |place: &Option<Box<Place>>| Place::describe_in(place.as_deref(), language);
        match self {
            PlanFileError::Read { path, source } => tr!(
                language,
                "plan-file-read",
                detail = SystemError::of(source).message(language),
                path = shown(path)
            ),
            PlanFileError::Write { path, source } => tr!(
                language,
                "plan-file-write",
                detail = source.message(language),
                path = shown(path)
            ),
            PlanFileError::NotAFile { path, kind } => tr!(
                language,
                "plan-file-not-a-file",
                what = kind.message(language),
                path = shown(path)
            ),
            PlanFileError::TooLargeToWrite { path, limit } => tr!(
                language,
                "plan-file-too-large-to-write",
                megabytes = bounded_read::megabytes(*limit),
                path = path.display().to_string()
            ),
            PlanFileError::TooLarge { path, limit } => tr!(
                language,
                "plan-file-too-large",
                megabytes = bounded_read::megabytes(*limit),
                path = shown(path)
            ),
            PlanFileError::Empty { path } => tr!(language, "plan-file-empty", path = shown(path)),
            PlanFileError::NotText { path } => {
                tr!(language, "plan-file-not-text", path = shown(path))
            }
            PlanFileError::OtherEncoding { path, encoding } => {
                other_encoding_message(language, encoding, path)
            }
            PlanFileError::ReadOnly { path } => {
                tr!(language, "plan-file-read-only", path = shown(path))
            }
            PlanFileError::HardLinked { path, links } => tr!(
                language,
                "plan-file-hard-linked",
                others = links.saturating_sub(1) as usize,
                path = shown(path)
            ),
            PlanFileError::Syntax {
                path,
                line,
                column,
                problem,
                place: at,
            } => tr!(
                language,
                "plan-file-syntax",
                line = *line,
                column = *column,
                place = place(at),
                problem = problem.text(language),
                path = shown(path)
            ),
            PlanFileError::NotANumber {
                path,
                line,
                column,
                text,
                place: at,
            } => not_a_number_message(language, (*line, *column), place(at), text, path),
            PlanFileError::DuplicateKey {
                path,
                line,
                column,
                key,
                first_line,
                place: at,
            } => duplicate_key_message(
                language,
                (*line, *column),
                place(at),
                key,
                *first_line,
                path,
            ),
            PlanFileError::UnknownVersion { path, found: 0 } => {
                tr!(language, "plan-file-version-zero", path = shown(path))
            }
            PlanFileError::UnknownVersion { path, found } => tr!(
                language,
                "plan-file-unknown-version",
                found = *found,
                current = FORMAT_VERSION,
                path = shown(path)
            ),
            PlanFileError::NewerVersion { path, found } => tr!(
                language,
                "plan-file-newer-version",
                found = *found,
                current = FORMAT_VERSION,
                path = shown(path)
            ),
            PlanFileError::Serialize { detail } => {
                tr!(language, "plan-file-serialize", detail = detail)
            }
            PlanFileError::PeriodTooLong { path, first, last } => tr!(
                language,
                "plan-file-period-too-long",
                first = *first,
                last = *last,
                max = MAX_PERIOD_YEARS,
                path = shown(path)
            ),
        }
    }
}

/// A file in another encoding than UTF-8: UTF-16, or Windows' ANSI (the first letter that
/// gave it away, where).
fn other_encoding_message(language: Language, encoding: &OtherEncoding, path: &Path) -> String {
    match encoding {
        OtherEncoding::Utf16 => tr!(language, "plan-file-utf16", path = shown(path)),
        OtherEncoding::Windows1252 {
            line,
            column,
            letter,
        } => tr!(
            language,
            "plan-file-ansi",
            letter = letter.to_string(),
            line = *line,
            column = *column,
            path = shown(path)
        ),
    }
}

/// A figure that is not a number, at `(line, column)`: "27.5O" says which character is not a
/// digit (a letter O looks like a zero).
fn not_a_number_message(
    language: Language,
    (line, column): (usize, usize),
    place: String,
    text: &str,
    path: &Path,
) -> String {
    let odd = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, '.' | '-' | '+')));
    let why = match odd {
        Some(c) => tr!(
            language,
            "plan-file-odd-character",
            character = c.to_string()
        ),
        None => String::new(),
    };
    tr!(
        language,
        "plan-file-not-a-number",
        line = line,
        column = column,
        place = place,
        text = text,
        why = why,
        path = shown(path)
    )
}

/// A key written twice, at `(line, column)`, with the line of its first writing when known.
fn duplicate_key_message(
    language: Language,
    (line, column): (usize, usize),
    place: String,
    key: &str,
    first_line: Option<usize>,
    path: &Path,
) -> String {
    match first_line {
        Some(first_line) => tr!(
            language,
            "plan-file-duplicate-key",
            line = line,
            column = column,
            place = place,
            key = key,
            first_line = first_line,
            path = shown(path)
        ),
        None => tr!(
            language,
            "plan-file-duplicate-key-unplaced",
            line = line,
            column = column,
            place = place,
            key = key,
            path = shown(path)
        ),
    }
}

/// A path as messages show it, last.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// Where in the plan a position of the file is: objective, meta or indicator, field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// The objective's number.
    pub objective: Option<u8>,
    /// The meta's code, when the place is in a meta but not in one of its indicators.
    pub meta: Option<String>,
    /// How officers name the indicator: its code, or "N/A" and its meta's code.
    pub indicator: Option<String>,
    pub field: Option<PlaceField>,
}

/// The field of a [`Place`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlaceField {
    /// A field the window shows, named as the window names it.
    Plan(Field),
    /// Any other field, as the file writes it (`settings.traffic_lights.red_below`).
    Written(String),
}

impl Place {
    /// "Objetivo 3 · indicador 644 · ejecutado 2022 T1".
    pub fn describe(&self, language: Language) -> String {
        let mut parts = Vec::new();
        if let Some(number) = self.objective {
            parts.push(tr!(language, "place-objective", number = number));
        }
        match (&self.indicator, &self.meta) {
            (Some(indicator), _) => parts.push(tr!(language, "place-indicator", label = indicator)),
            (None, Some(meta)) => parts.push(meta.clone()),
            (None, None) => {}
        }
        match &self.field {
            Some(PlaceField::Plan(field)) => parts.push(field.name(language)),
            Some(PlaceField::Written(name)) => parts.push(name.clone()),
            None => {}
        }
        parts.join(" · ")
    }

    /// " (Objetivo 3 · …)" to follow a line and column, or nothing.
    fn describe_in(place: Option<&Place>, language: Language) -> String {
        match place.map(|p| p.describe(language)) {
            Some(text) if !text.is_empty() => format!(" ({text})"),
            _ => String::new(),
        }
    }

    /// The place a path of the file leads to, read with the plan's layout in mind.
    fn from_path(path: &[Level]) -> Option<Place> {
        let root = path.first()?;
        if root.field() != Some("objectives") {
            return Some(Place {
                field: written(path),
                ..Place::default()
            });
        }
        let mut place = Place::default();
        let index = path.get(1)?.index()?;
        let objective = path.get(2);
        place.objective = objective
            .and_then(|o| o.scalar("number"))
            .and_then(|n| n.parse().ok())
            .or_else(|| u8::try_from(index + 1).ok());
        let objective = objective?;
        match objective.field() {
            Some("metas") => {}
            Some("number") => {
                place.field = Some(PlaceField::Plan(Field::ObjectiveNumber));
                return Some(place);
            }
            _ => {
                place.field = written(&path[2..]);
                return Some(place);
            }
        }
        let Some(meta) = path.get(4) else {
            return Some(place);
        };
        let meta_code = meta.scalar("code").unwrap_or_default().to_owned();
        if meta.field() != Some("indicators") {
            place.meta = Some(meta_code);
            place.field = written(&path[4..]);
            return Some(place);
        }
        let Some(indicator) = path.get(6) else {
            place.meta = Some(meta_code);
            return Some(place);
        };
        place.indicator = Some(match indicator.scalar("code") {
            Some(code) if code != "None" => code.to_owned(),
            _ => format!("N/A ({meta_code})"),
        });
        place.field = indicator_field(&path[6..])
            .map(PlaceField::Plan)
            .or_else(|| written(&path[6..]));
        Some(place)
    }
}

/// The field of an indicator a path (from the indicator down) leads to, as the window names it.
fn indicator_field(path: &[Level]) -> Option<Field> {
    match path.first()?.field()? {
        "code" => Some(Field::Code),
        "baseline" => Some(Field::Baseline),
        "declared_total" => Some(Field::DeclaredTotal),
        "years" => {
            let vigencia = path.get(1)?.key()?.parse().ok()?;
            let year = path.get(2)?;
            let quarter = || {
                path.get(3)?
                    .key()?
                    .parse()
                    .ok()
                    .and_then(crate::model::Quarter::new)
            };
            match year.field()? {
                "weight" => Some(Field::Weight(vigencia)),
                "programmed" => Some(Field::Programmed(vigencia)),
                "executed" => Some(Field::Executed(vigencia, quarter()?)),
                "comments" => Some(Field::Comment(vigencia, quarter()?)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A path as the file writes it: `settings.traffic_lights.red_below`, `years[2022]`.
fn written(path: &[Level]) -> Option<PlaceField> {
    let mut text = String::new();
    for level in path {
        match &level.at {
            Some(At::Field(name)) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(name);
            }
            Some(At::Key(key)) => text.push_str(&format!("[{key}]")),
            Some(At::Index(i)) => text.push_str(&format!("[{}]", i + 1)),
            None => {}
        }
    }
    (!text.is_empty()).then_some(PlaceField::Written(text))
}

/// One step of the format's history: brings a plan read from version `from` to `from + 1`.
///
/// A new format version adds one step here. Changes of layout are read by the current types
/// (serde `alias` and `default` keep older names and missing fields readable); the step then
/// changes what the figures mean, if anything (a unit, a sign, where a value lives).
#[derive(Clone, Copy, Debug)]
pub struct Migration {
    pub from: u32,
    pub apply: fn(&mut Plan),
}

/// The format this build writes and how each older version is brought up to it.
#[derive(Clone, Copy, Debug)]
pub struct Format<'a> {
    pub current: u32,
    pub migrations: &'a [Migration],
}

/// Today's format: version 1, the first; no older version to upgrade.
pub const FORMAT: Format<'static> = Format {
    current: FORMAT_VERSION,
    migrations: &[],
};

impl Format<'_> {
    /// Brings a plan read from its `version` up to the current one, step by step; the version
    /// that has no step when one is needed.
    pub fn upgrade(&self, mut plan: Plan) -> Result<Plan, u32> {
        while plan.version < self.current {
            let step = self
                .migrations
                .iter()
                .find(|m| m.from == plan.version)
                .ok_or(plan.version)?;
            (step.apply)(&mut plan);
            plan.version += 1;
        }
        Ok(plan)
    }
}

/// Only the version, read first so a newer file is refused with a clear message.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// How plan files (and recovery copies) are read.
pub(crate) fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Reads a plan from its text. `origin` names the file in messages.
pub fn parse(text: &str, origin: &Path) -> Result<Plan, PlanFileError> {
    parse_as(text, origin, &FORMAT)
}

/// Reads a plan from its text for a given format history (tests try future versions).
pub fn parse_as(text: &str, origin: &Path, format: &Format<'_>) -> Result<Plan, PlanFileError> {
    parse_scanned(text, origin, format).map(|(plan, _)| plan)
}

/// Reads a plan and where its first comment is.
fn parse_scanned(
    text: &str,
    origin: &Path,
    format: &Format<'_>,
) -> Result<(Plan, Option<TextPos>), PlanFileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let path = origin.to_path_buf();
    if text.trim().is_empty() {
        return Err(PlanFileError::Empty { path });
    }
    if text.contains('\0') {
        return Err(PlanFileError::NotText { path });
    }
    // A file as Avance writes it is read by the fast reader: it has no comment, or that
    // reader would have given up. Any other file is read by ron, and looked through for
    // comments. Either way the plan's own `Deserialize` code decides what the file says.
    let (comment, parsed) = match fast_read::read_plan(text) {
        Some(plan) => (None, Ok(plan)),
        None => (
            ron_text::first_comment(text),
            ron_options().from_str::<Plan>(text),
        ),
    };
    // Parsed once: the version is checked on the plan read. Only a file that does not read
    // is parsed again for its version alone, so a newer file is refused as newer, not as
    // malformed.
    let version = match &parsed {
        Ok(plan) => Some(plan.version),
        Err(_) => ron_options()
            .from_str::<VersionProbe>(text)
            .ok()
            .map(|probe| probe.version),
    };
    match version {
        Some(found) if found > format.current => {
            return Err(PlanFileError::NewerVersion { path, found });
        }
        Some(0) => return Err(PlanFileError::UnknownVersion { path, found: 0 }),
        _ => {}
    }
    let plan = parsed.map_err(|e| read_error(text, &path, e))?;
    let Period { first, last } = plan.period;
    if last.saturating_sub(first) >= MAX_PERIOD_YEARS {
        return Err(PlanFileError::PeriodTooLong { path, first, last });
    }
    let plan = format
        .upgrade(plan)
        .map_err(|found| PlanFileError::UnknownVersion { path, found })?;
    Ok((plan, comment))
}

/// A ron error with the place in the plan it points at, in words: a number that does not parse,
/// a key written twice, a figure that cannot be kept exactly, or what else is wrong there.
fn read_error(text: &str, path: &Path, error: ron::error::SpannedError) -> PlanFileError {
    let (line, column) = (error.span.start.line, error.span.start.col);
    let located = ron_text::locate(text, TextPos { line, column });
    // A value is placed where it starts (ron points inside a string in a map, at its quote
    // elsewhere, past the `0x` of a number).
    let value_at = located.as_ref().and_then(|l| l.token_at);
    let (line, column) = value_at.map_or((line, column), |at| (at.line, at.column));
    let place = located
        .as_ref()
        .and_then(|l| Place::from_path(&l.path))
        .map(Box::new);
    let path = path.to_path_buf();
    let as_written = |fallback: &str| {
        located
            .as_ref()
            .and_then(|l| l.token.clone())
            .unwrap_or_else(|| fallback.to_owned())
    };
    match &error.code {
        ron::Error::InvalidValueForType { expected, found } if expected == EXPECTED_FIGURE => {
            PlanFileError::NotANumber {
                path,
                line,
                column,
                text: as_written(found),
                place,
            }
        }
        ron::Error::Message(message) if message.starts_with(DUPLICATE_KEY) => {
            let key = &message[DUPLICATE_KEY.len()..];
            let first = first_written(located.as_ref(), |written| {
                ron_options()
                    .from_str::<u64>(written)
                    .is_ok_and(|n| n.to_string() == key)
            });
            duplicate(path, (line, column), key, first, located)
        }
        ron::Error::DuplicateStructField { field, .. } => {
            let first = first_written(located.as_ref(), |written| written == *field);
            duplicate(path, (line, column), field, first, located)
        }
        ron::Error::Message(message) if message.starts_with(BARE_NUMBER) => PlanFileError::Syntax {
            path,
            line,
            column,
            problem: SyntaxProblem::BareNumber(as_written(&message[BARE_NUMBER.len()..])),
            place,
        },
        ron::Error::Message(message) if message.starts_with(TOO_PRECISE) => PlanFileError::Syntax {
            path,
            line,
            column,
            problem: SyntaxProblem::TooPrecise(message[TOO_PRECISE.len()..].to_owned()),
            place,
        },
        code => PlanFileError::Syntax {
            path,
            line: error.span.start.line,
            column: error.span.start.col,
            problem: SyntaxProblem::of(code, near_the_end(text, error.span.start.line)),
            place,
        },
    }
}

/// Where a key was written first, among the keys written before the one refused.
fn first_written(located: Option<&Located>, same: impl Fn(&str) -> bool) -> Option<TextPos> {
    located?
        .earlier_keys
        .iter()
        .find(|(written, _)| same(written))
        .map(|(_, at)| *at)
}

/// A key written twice, the second time at `at`; the place is the struct or map holding it.
fn duplicate(
    path: PathBuf,
    at: (usize, usize),
    key: &str,
    first: Option<TextPos>,
    located: Option<Located>,
) -> PlanFileError {
    let place = located.and_then(|mut located| {
        if let Some(last) = located.path.last_mut() {
            last.at = None;
        }
        Place::from_path(&located.path).map(Box::new)
    });
    PlanFileError::DuplicateKey {
        path,
        line: at.0,
        column: at.1,
        key: key.to_owned(),
        first_line: first.map(|pos| pos.line),
        place,
    }
}

/// Whether `line` is the text's last line with something on it: an error there is most often a
/// file cut short (copied or saved half-way).
fn near_the_end(text: &str, line: usize) -> bool {
    let last = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, _)| n + 1)
        .last()
        .unwrap_or(0);
    line >= last
}

/// What is wrong at a place of a plan file, in words an officer reads (ron's own text only as
/// a last resort).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    /// The text stops before the plan is complete.
    CutShort,
    MissingComma,
    /// A word that is not one of the values allowed there (`Crecient`).
    UnknownValue {
        found: String,
        allowed: Vec<String>,
    },
    /// A field name Avance does not know (`txt`).
    UnknownField {
        found: String,
        allowed: Vec<String>,
    },
    MissingField(String),
    /// A quarter numbered outside 1–4.
    QuarterOutOfRange(String),
    /// Text expected (between quotes).
    ExpectedText,
    /// A whole number expected (a year, a quarter, an objective's number).
    ExpectedWholeNumber,
    /// A figure written as a bare number with decimals (`27.123456789012345678`), as written:
    /// it would reach Avance through a binary float, which keeps about 17 digits.
    BareNumber(String),
    /// A figure with more digits than Avance keeps exactly (28 decimals), as written.
    TooPrecise(String),
    /// Anything else, in ron's words.
    Other(String),
}

impl SyntaxProblem {
    fn of(code: &ron::Error, at_the_end: bool) -> Self {
        use ron::Error as E;
        match code {
            E::Eof | E::ExpectedStringEnd | E::UnclosedBlockComment => SyntaxProblem::CutShort,
            _ if at_the_end => SyntaxProblem::CutShort,
            E::ExpectedComma => SyntaxProblem::MissingComma,
            E::NoSuchEnumVariant {
                expected, found, ..
            } => SyntaxProblem::UnknownValue {
                found: found.clone(),
                allowed: expected.iter().map(|s| (*s).to_owned()).collect(),
            },
            E::NoSuchStructField {
                expected, found, ..
            } => SyntaxProblem::UnknownField {
                found: found.clone(),
                allowed: expected.iter().map(|s| (*s).to_owned()).collect(),
            },
            E::MissingStructField { field, .. } => SyntaxProblem::MissingField((*field).to_owned()),
            E::Message(m) if m.starts_with(crate::model::QUARTER_OUT_OF_RANGE) => {
                SyntaxProblem::QuarterOutOfRange(
                    m.trim_start_matches(crate::model::QUARTER_OUT_OF_RANGE)
                        .to_owned(),
                )
            }
            E::ExpectedString => SyntaxProblem::ExpectedText,
            E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::IntegerOutOfBounds => {
                SyntaxProblem::ExpectedWholeNumber
            }
            other => SyntaxProblem::Other(other.to_string()),
        }
    }

    /// The problem in words.
    pub fn text(&self, language: Language) -> String {
        match self {
            SyntaxProblem::CutShort => tr!(language, "plan-file-cut-short"),
            SyntaxProblem::MissingComma => tr!(language, "plan-file-missing-comma"),
            SyntaxProblem::UnknownValue { found, allowed } => tr!(
                language,
                "plan-file-unknown-value",
                found = found,
                allowed = allowed.join(", ")
            ),
            SyntaxProblem::UnknownField { found, allowed } => tr!(
                language,
                "plan-file-unknown-field",
                found = found,
                allowed = allowed.join(", ")
            ),
            SyntaxProblem::MissingField(field) => {
                tr!(language, "plan-file-missing-field", field = field)
            }
            SyntaxProblem::QuarterOutOfRange(n) => {
                tr!(language, "plan-file-quarter-out-of-range", found = n)
            }
            SyntaxProblem::ExpectedText => tr!(language, "plan-file-expected-text"),
            SyntaxProblem::ExpectedWholeNumber => tr!(language, "plan-file-expected-whole-number"),
            SyntaxProblem::BareNumber(text) => {
                tr!(language, "plan-file-bare-number", text = text)
            }
            SyntaxProblem::TooPrecise(text) => {
                tr!(language, "plan-file-too-precise", text = text)
            }
            SyntaxProblem::Other(detail) => {
                tr!(language, "plan-file-technical-detail", detail = detail)
            }
        }
    }
}

/// A plan file as opened: the plan, the stamp of the bytes read (to notice someone else's
/// save), and where its first hand-written comment is (saving drops comments).
#[derive(Clone, Debug)]
pub struct Opened {
    pub plan: Plan,
    pub stamp: DiskStamp,
    pub comment: Option<TextPos>,
}

/// Reads a plan file (without the stamp [`open`] keeps: hashing the bytes costs time a reader
/// that does not write back does not need to spend).
pub fn load(path: &Path) -> Result<Plan, PlanFileError> {
    let (_, bytes) = read_bounded(path)?;
    let text = plan_text(bytes, path)?;
    parse_scanned(&text, path, &FORMAT).map(|(plan, _)| plan)
}

/// Reads a plan file with what the window needs to keep it safe.
pub fn open(path: &Path) -> Result<Opened, PlanFileError> {
    let (metadata, bytes) = read_bounded(path)?;
    let stamp = DiskStamp::new(&bytes, &metadata);
    let text = plan_text(bytes, path)?;
    let (plan, comment) = parse_scanned(&text, path, &FORMAT)?;
    Ok(Opened {
        plan,
        stamp,
        comment,
    })
}

/// How a plan file that is not UTF-8 was saved, as far as its bytes tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherEncoding {
    /// UTF-16, with or without a byte-order mark (Notepad's "Unicode", "Unicode big endian").
    Utf16,
    /// Windows-1252 (Notepad's "ANSI" on a Spanish or English Windows): text, but its first
    /// letter outside ASCII, `letter`, is not UTF-8. Line and column count from 1.
    Windows1252 {
        line: usize,
        column: usize,
        letter: char,
    },
}

/// The text of a plan file's bytes: UTF-8 (a BOM is dropped later). Bytes of text saved in
/// another encoding are refused with its name ([`OtherEncoding`]), anything else as not text.
fn plan_text(bytes: Vec<u8>, path: &Path) -> Result<String, PlanFileError> {
    let other = |encoding| PlanFileError::OtherEncoding {
        path: path.to_path_buf(),
        encoding,
    };
    // UTF-16 of ASCII text is valid UTF-8 (with a NUL every other byte): looked for first.
    if is_utf16(&bytes) {
        return Err(other(OtherEncoding::Utf16));
    }
    let error = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let at = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let (text, unmappable) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let is_text = !unmappable
        && text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'));
    if !is_text {
        return Err(PlanFileError::NotText {
            path: path.to_path_buf(),
        });
    }
    // What comes before the first byte that is not UTF-8 is valid UTF-8 (and ASCII in 1252).
    let before = String::from_utf8_lossy(&bytes[..at]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let letter = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(&bytes[at..=at])
        .0
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    Err(other(OtherEncoding::Windows1252 {
        line,
        column,
        letter,
    }))
}

/// Whether bytes are UTF-16 text, with or without a byte-order mark (Notepad can save without
/// one): most of its first characters are ASCII letters, digits, punctuation or line ends, as
/// a plan's are (its field names), which no other bytes read in pairs give.
fn is_utf16(bytes: &[u8]) -> bool {
    let mostly_ascii = |unit: fn([u8; 2]) -> u16, skip: usize| {
        let units: Vec<u16> = bytes
            .get(skip..)
            .unwrap_or_default()
            .chunks_exact(2)
            .take(1024)
            .map(|pair| unit([pair[0], pair[1]]))
            .collect();
        let ascii = units
            .iter()
            .filter(|&&u| (0x20..0x7F).contains(&u) || matches!(u, 0x09 | 0x0A | 0x0D))
            .count();
        !units.is_empty() && ascii * 2 > units.len()
    };
    match bytes {
        [0xFF, 0xFE, ..] => mostly_ascii(u16::from_le_bytes, 2),
        [0xFE, 0xFF, ..] => mostly_ascii(u16::from_be_bytes, 2),
        _ => mostly_ascii(u16::from_le_bytes, 0) || mostly_ascii(u16::from_be_bytes, 0),
    }
}

/// The bytes of a plan file, if it is a regular file of at most [`MAX_FILE_BYTES`].
fn read_bounded(path: &Path) -> Result<(std::fs::Metadata, Vec<u8>), PlanFileError> {
    bounded_read::read_file(path, MAX_FILE_BYTES).map_err(|refusal| {
        let path = path.to_path_buf();
        match refusal {
            ReadRefusal::NotAFile(kind) => PlanFileError::NotAFile { path, kind },
            ReadRefusal::TooLarge { limit } => PlanFileError::TooLarge { path, limit },
            ReadRefusal::Io(source) => PlanFileError::Read { path, source },
        }
    })
}

/// Where the first `//` or `/* */` comment of a plan's text is, if it has one.
pub fn first_comment(text: &str) -> Option<TextPos> {
    ron_text::first_comment(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The plan as file text, always the same bytes for the same plan.
pub fn to_text(plan: &Plan) -> Result<String, PlanFileError> {
    let config = pretty_config();
    // A plan read from an older version was brought up to this one: it is written as such.
    let versioned;
    let plan = if plan.version == FORMAT_VERSION {
        plan
    } else {
        versioned = Plan {
            version: FORMAT_VERSION,
            ..plan.clone()
        };
        &versioned
    };
    let mut text =
        ron::ser::to_string_pretty(plan, config).map_err(|e| PlanFileError::Serialize {
            detail: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

/// How plan files (and recovery copies) are written: one field per line, `\n` line ends.
pub(crate) fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("  ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        // One line per indicator and vigencia: `2022: (weight: "89.35", programmed: …),`.
        .depth_limit(8)
        .extensions(Extensions::IMPLICIT_SOME)
}

/// What a save wrote.
#[derive(Clone, Debug)]
pub struct Saved {
    /// The file written: the path given, or the file its symbolic link points to.
    pub target: PathBuf,
    /// The stamp of the bytes written, to notice a later save by someone else.
    pub stamp: Option<DiskStamp>,
}

/// Writes the plan to `path` safely (see [`safe_write`]): the previous version is kept as
/// `NAME.bak`, links are followed, permissions kept, read-only files refused.
pub fn save(plan: &Plan, path: &Path) -> Result<Saved, PlanFileError> {
    let text = to_text(plan)?;
    // Never a file the reader refuses: the next open (and the .bak the save after it keeps)
    // would be lost to the officer.
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(PlanFileError::TooLargeToWrite {
            path: path.to_path_buf(),
            limit: MAX_FILE_BYTES,
        });
    }
    let target = safe_write::write(path, text.as_bytes(), Backup::Keep).map_err(|e| {
        let path = path.to_path_buf();
        match e {
            WriteError::ReadOnly => PlanFileError::ReadOnly { path },
            WriteError::HardLinked { links } => PlanFileError::HardLinked { path, links },
            source => PlanFileError::Write { path, source },
        }
    })?;
    let stamp = std::fs::metadata(&target)
        .ok()
        .map(|metadata| DiskStamp::new(text.as_bytes(), &metadata));
    Ok(Saved { target, stamp })
}
