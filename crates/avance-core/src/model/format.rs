//! Numbers as officers read and type them, in Spanish (`1.234,50`, `50,24 %`) or English
//! (`1,234.50`, `50.24%`).
//!
//! Rounding happens only here, to show or export: 2 decimals, half away from zero.
//! Hand-written on purpose: the crates that group digits (num-format) handle integers only, and
//! none parses both locales' separators with the ambiguity checks a plan needs.

use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};

use super::plan::Language;
use crate::tr;

/// Rounds to 2 decimals, half away from zero (3.125 → 3.13, −3.125 → −3.13).
pub fn round2(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The value rounded and written with exactly 2 decimals and a `.`, as JSON and CSV carry it:
/// `50.24`, `100.00`.
pub fn fixed2(value: Decimal) -> String {
    let mut rounded = round2(value);
    rounded.rescale(2);
    rounded.to_string()
}

/// The value with exactly 2 decimals and the language's separators: `1.234,50` / `1,234.50`.
pub fn number(value: Decimal, language: Language) -> String {
    let plain = fixed2(value);
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, decimal) = separators(language);
    format!("{sign}{}{decimal}{frac_part}", grouped(int_part, group))
}

/// A whole number with the language's thousands separator: `30.000` / `30,000`.
pub fn whole(n: u64, language: Language) -> String {
    grouped(&n.to_string(), separators(language).0)
}

/// A percentage as the language writes it: `50,24 %` (with a no-break space) / `50.24%`.
pub fn percent(value: Decimal, language: Language) -> String {
    match language {
        Language::Es => format!("{}\u{a0}%", number(value, language)),
        Language::En => format!("{}%", number(value, language)),
    }
}

/// A percentage as a spreadsheet reads it back as a number when pasted: `50,29%` (`50.29%`),
/// with no space before the sign (Excel takes `50,29 %` for text).
pub fn percent_for_spreadsheet(value: Decimal, language: Language) -> String {
    format!("{}%", number(value, language))
}

/// A threshold or a round percentage without the zeros it does not need: `50 %`, `62,5 %`
/// (`50%`, `62.5%` in English); the semáforo's legend writes its thresholds so.
pub fn percent_short(value: Decimal, language: Language) -> String {
    let full = number(value, language);
    let decimal = decimal_separator(language);
    let short = match full.split_once(decimal) {
        Some((int_part, frac)) if frac.trim_end_matches('0').is_empty() => int_part.to_owned(),
        Some((int_part, frac)) => format!("{int_part}{decimal}{}", frac.trim_end_matches('0')),
        None => full.clone(),
    };
    match language {
        Language::Es => format!("{short}\u{a0}%"),
        Language::En => format!("{short}%"),
    }
}

/// An optional percentage; "—" where there is none.
pub fn percent_or_dash(value: Option<Decimal>, language: Language) -> String {
    value.map_or_else(|| "—".to_owned(), |v| percent(v, language))
}

/// An optional number; empty where there is none.
pub fn number_or_empty(value: Option<Decimal>, language: Language) -> String {
    value.map_or_else(String::new, |v| number(v, language))
}

/// The decimal separator of a language: `,` in Spanish, `.` in English.
pub fn decimal_separator(language: Language) -> char {
    separators(language).1
}

/// (thousands separator, decimal separator) of a language.
fn separators(language: Language) -> (char, char) {
    match language {
        Language::Es => ('.', ','),
        Language::En => (',', '.'),
    }
}

/// Why a text is not a number. Its `Display` is the Spanish message; [`NumberError::message`]
/// gives either language.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("{}", self.message(Language::Es))]
    Empty,
    #[error("{}", self.message(Language::Es))]
    NotANumber(String),
    /// The text, and how to write each reading of it.
    #[error("{}", self.message(Language::Es))]
    Ambiguous(String, String),
    #[error("{}", self.message(Language::Es))]
    TooLarge(String),
    /// More digits than a decimal holds exactly (over 28 decimals): refused, never rounded.
    #[error("{}", self.message(Language::Es))]
    TooPrecise(String),
}

impl NumberError {
    /// The message in one language.
    pub fn message(&self, language: Language) -> String {
        match self {
            NumberError::Empty => tr!(language, "number-empty"),
            NumberError::NotANumber(text) => tr!(language, "number-not-a-number", text = text),
            NumberError::Ambiguous(text, hint) => {
                tr!(language, "number-ambiguous", text = text, hint = hint)
            }
            NumberError::TooLarge(text) => tr!(language, "number-too-large", text = text),
            NumberError::TooPrecise(text) => tr!(language, "number-too-precise", text = text),
        }
    }
}

/// Reads a number as an officer types it.
///
/// Accepts `27,50`, `27.50`, `-3`, `1.234,5` and `1,234.5`, with an optional trailing `%` and
/// spaces. When both separators appear, the last one is the decimal separator. When only one
/// appears once: the language's decimal separator is decimal; the other one is decimal too unless
/// exactly three digits follow it (`1.234` in Spanish), which is refused as ambiguous rather than
/// guessed.
pub fn parse_number(text: &str, language: Language) -> Result<Decimal, NumberError> {
    let not_a_number = || NumberError::NotANumber(text.trim().to_owned());
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}')
        .collect();
    let compact = compact.strip_suffix('%').unwrap_or(&compact);
    if compact.is_empty() {
        return if text.trim().is_empty() {
            Err(NumberError::Empty)
        } else {
            Err(not_a_number())
        };
    }
    let (sign, body) = match compact.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", compact.strip_prefix('+').unwrap_or(compact)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let last_dot = body.rfind('.');
    let last_comma = body.rfind(',');
    let decimal_sep = match (last_dot, last_comma) {
        (None, None) => None,
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(_), None) | (None, Some(_)) => {
            let sep = if last_dot.is_some() { '.' } else { ',' };
            let occurrences = body.matches(sep).count();
            let (_, own_decimal) = separators(language);
            let digits_after = body.len() - body.rfind(sep).unwrap_or(0) - 1;
            if occurrences > 1 {
                None
            } else if sep != own_decimal && digits_after == 3 {
                let int = &body[..body.rfind(sep).unwrap_or(0)];
                let frac = &body[body.len() - 3..];
                let (_, decimal) = separators(language);
                let hint = tr!(
                    language,
                    "number-ambiguous-hint",
                    thousands = format!("{int}{frac}"),
                    decimals = format!("{int}{decimal}{frac}")
                );
                return Err(NumberError::Ambiguous(text.trim().to_owned(), hint));
            } else {
                Some(sep)
            }
        }
    };
    let (int_part, frac_part) = match decimal_sep {
        Some(sep) => {
            let at = body.rfind(sep).unwrap_or(0);
            (&body[..at], &body[at + 1..])
        }
        None => (body, ""),
    };
    if frac_part.contains(['.', ',']) {
        return Err(not_a_number());
    }
    let digits = ungroup(int_part).ok_or_else(not_a_number)?;
    if digits.is_empty() && frac_part.is_empty() {
        return Err(not_a_number());
    }
    let normalized = if frac_part.is_empty() {
        format!("{sign}{digits}")
    } else {
        let int = if digits.is_empty() { "0" } else { &digits };
        format!("{sign}{int}.{frac_part}")
    };
    let value = Decimal::from_str(&normalized)
        .map_err(|_| NumberError::TooLarge(text.trim().to_owned()))?;
    if reads_exactly(&normalized, value) {
        Ok(value)
    } else {
        Err(NumberError::TooPrecise(text.trim().to_owned()))
    }
}

/// Whether `value` is exactly the plain decimal `text` (`-12.50`, `007`): `Decimal`'s reader
/// rounds what it cannot hold (a 29th decimal) without a word.
pub fn reads_exactly(text: &str, value: Decimal) -> bool {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let mut canonical = String::new();
    let zero = int.is_empty() && frac.is_empty();
    if negative && !zero {
        canonical.push('-');
    }
    canonical.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        canonical.push('.');
        canonical.push_str(frac);
    }
    value.normalize().to_string() == canonical
}

/// The value a cell's text stands for: empty means no value (a quarter not reported).
pub fn parse_optional_number(
    text: &str,
    language: Language,
) -> Result<Option<Decimal>, NumberError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(text, language).map(Some)
    }
}

/// A figure as stored, for a cell to edit: at least 2 decimals and never fewer than it has
/// (`19` → `19,00`, `27.50` → `27,50`, `19.002` → `19,002`), with the language's separators.
pub fn number_as_stored(value: Decimal, language: Language) -> String {
    let decimals = value.scale().max(2);
    let mut shown = value;
    shown.rescale(decimals);
    let plain = shown.to_string();
    let (sign, digits) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    let (group, decimal) = separators(language);
    let mut out = String::with_capacity(plain.len() + int_part.len() / 3);
    out.push_str(sign);
    out.push_str(&grouped(int_part, group));
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(frac_part);
    }
    out
}

/// Digits grouped by three from the right: `1234567` → `1.234.567`.
fn grouped(int_part: &str, group: char) -> String {
    let mut out = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i).is_multiple_of(3) {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// A cell of a pasted block that is not a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockError {
    /// Row and column inside the block, from 0.
    pub row: usize,
    pub column: usize,
    pub error: NumberError,
}

/// Reads a block of cells as spreadsheets copy it: rows separated by line breaks, cells by
/// tabs, each cell read as if typed. An empty cell stands for "no value". The first bad cell
/// refuses the whole block.
pub fn parse_block(
    text: &str,
    language: Language,
) -> Result<Vec<Vec<Option<Decimal>>>, BlockError> {
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    text.split('\n')
        .enumerate()
        .map(|(row, line)| {
            line.strip_suffix('\r')
                .unwrap_or(line)
                .split('\t')
                .enumerate()
                .map(|(column, cell)| {
                    if cell.trim().is_empty() {
                        Ok(None)
                    } else {
                        parse_number(cell, language)
                            .map(Some)
                            .map_err(|error| BlockError { row, column, error })
                    }
                })
                .collect()
        })
        .collect()
}

/// The integer part without its thousands separators, if they group by three.
fn ungroup(int_part: &str) -> Option<String> {
    let Some(sep) = int_part.chars().find(|c| *c == '.' || *c == ',') else {
        return Some(int_part.to_owned());
    };
    let groups: Vec<&str> = int_part.split(sep).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    (first_ok && rest_ok && !int_part.contains(if sep == '.' { ',' } else { '.' }))
        .then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_with_more_decimals_than_a_decimal_holds_is_refused_not_rounded() {
        for text in [
            "0,00000000000000000000000000001",
            "1,00000000000000000000000000005",
            "33,33333333333333333333333333333",
        ] {
            assert!(
                matches!(
                    parse_number(text, Language::Es),
                    Err(NumberError::TooPrecise(_))
                ),
                "{text}"
            );
        }
        assert_eq!(
            parse_number("33,3333333333333333333333333", Language::Es).unwrap(),
            Decimal::from_str("33.3333333333333333333333333").unwrap()
        );
        assert_eq!(parse_number("-0,00", Language::Es).unwrap(), Decimal::ZERO);
        assert_eq!(
            parse_number("007,50", Language::Es).unwrap(),
            Decimal::from_str("7.5").unwrap()
        );
    }
    use proptest::prelude::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_short_percent_drops_the_zeros_it_does_not_need() {
        assert_eq!(percent_short(d("50"), Language::Es), "50\u{a0}%");
        assert_eq!(percent_short(d("62.50"), Language::Es), "62,5\u{a0}%");
        assert_eq!(percent_short(d("1250"), Language::En), "1,250%");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round2(d("3.125")), d("3.13"));
        assert_eq!(round2(d("-3.125")), d("-3.13"));
        assert_eq!(round2(d("3.124999")), d("3.12"));
        assert_eq!(fixed2(d("50.2425")), "50.24");
        assert_eq!(fixed2(d("100")), "100.00");
        assert_eq!(fixed2(d("0.005")), "0.01");
    }

    #[test]
    fn spanish_and_english_display() {
        assert_eq!(percent(d("50.2425"), Language::Es), "50,24\u{a0}%");
        assert_eq!(percent(d("50.2425"), Language::En), "50.24%");
        assert_eq!(number(d("1234567.5"), Language::Es), "1.234.567,50");
        assert_eq!(number(d("1234567.5"), Language::En), "1,234,567.50");
        assert_eq!(number(d("-1234"), Language::Es), "-1.234,00");
        assert_eq!(number(d("999"), Language::Es), "999,00");
        assert_eq!(percent_or_dash(None, Language::Es), "—");
    }

    #[test]
    fn parses_what_officers_type() {
        use Language::{En, Es};
        for (text, lang, want) in [
            ("27,50", Es, "27.50"),
            ("27.50", Es, "27.50"),
            ("27,50", En, "27.50"),
            ("27.50", En, "27.50"),
            ("0,5", Es, "0.5"),
            ("1.234,5", Es, "1234.5"),
            ("1,234.5", En, "1234.5"),
            ("1.234,5", En, "1234.5"),
            ("1,234", Es, "1.234"),
            ("1.234", En, "1.234"),
            ("1.234.567", Es, "1234567"),
            ("89,35%", Es, "89.35"),
            ("3,0 %", Es, "3.0"),
            (" -4 ", Es, "-4"),
            (",5", Es, "0.5"),
            ("19", En, "19"),
        ] {
            assert_eq!(parse_number(text, lang), Ok(d(want)), "{text} {lang:?}");
        }
    }

    #[test]
    fn a_stored_figure_shows_every_decimal_it_has() {
        use Language::{En, Es};
        for (value, lang, want) in [
            ("19", Es, "19,00"),
            ("27.50", Es, "27,50"),
            ("19.002", Es, "19,002"),
            ("0.5", Es, "0,50"),
            ("1234567.125", Es, "1.234.567,125"),
            ("1234567.125", En, "1,234,567.125"),
            ("-3", Es, "-3,00"),
        ] {
            assert_eq!(number_as_stored(d(value), lang), want, "{value}");
            assert_eq!(parse_number(want, lang), Ok(d(value)), "reads back {want}");
        }
        assert_eq!(parse_optional_number(" ", Es), Ok(None));
        assert_eq!(parse_optional_number("2", Es), Ok(Some(d("2"))));
    }

    #[test]
    fn keeps_the_decimals_typed() {
        assert_eq!(
            parse_number("27,50", Language::Es).unwrap().to_string(),
            "27.50"
        );
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        use Language::{En, Es};
        assert_eq!(parse_number("", Es), Err(NumberError::Empty));
        assert_eq!(parse_number("   ", Es), Err(NumberError::Empty));
        for bad in [
            "abc",
            "1a",
            "1,2,3",
            "1.23.4",
            "--1",
            "1e5",
            "%",
            "-",
            "12.34,56,7",
            "1..2",
        ] {
            assert!(
                matches!(parse_number(bad, Es), Err(NumberError::NotANumber(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_number("1.234", Es),
            Err(NumberError::Ambiguous(..))
        ));
        assert!(matches!(
            parse_number("1,234", En),
            Err(NumberError::Ambiguous(..))
        ));
        assert!(matches!(
            parse_number("99999999999999999999999999999999", En),
            Err(NumberError::TooLarge(_))
        ));
        assert!(
            parse_number("abc", Es)
                .unwrap_err()
                .message(Es)
                .contains("no es un número")
        );
    }

    #[test]
    fn blocks_are_read_as_excel_copies_them() {
        let block = parse_block("1\t2,5\r\n\t-3\r\n", Language::Es).unwrap();
        assert_eq!(
            block,
            vec![
                vec![Some(d("1")), Some(d("2.5"))],
                vec![None, Some(d("-3"))]
            ]
        );
        let error = parse_block("1\t2\n3\tx", Language::Es).unwrap_err();
        assert_eq!((error.row, error.column), (1, 1));
    }

    proptest! {
        #[test]
        fn displayed_numbers_read_back(mantissa in -10_000_000_000i64..10_000_000_000, es in any::<bool>()) {
            let value = Decimal::new(mantissa, 2);
            let language = if es { Language::Es } else { Language::En };
            prop_assert_eq!(parse_number(&number(value, language), language), Ok(value));
            prop_assert_eq!(parse_number(&percent(value, language), language), Ok(value));
        }
    }
}
