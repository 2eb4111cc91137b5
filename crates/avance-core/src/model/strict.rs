//! How a plan's figures and maps are read from a file: exactly, and each key once.
//!
//! These are the plan's own serde rules, so every reader of plan files (ron, the fast reader of
//! `io::fast_read`, recovery copies) decides the same way, in the code that reads the values:
//! - a map refuses a key it has already read (a vigencia or a quarter written twice, however it
//!   is spelled: `2022`, `0x7E6`, with invisible marks before it), where a map would otherwise
//!   keep the last value silently;
//! - a figure is read from its text exactly: one with more decimals than a [`Decimal`] holds
//!   (28) is refused, never rounded; a bare number with a point or an exponent
//!   (`27.123456789012345678`, not `"27.12…"`) reaches serde as a binary float, which has already
//!   lost digits, so it is refused; a whole number is exact and read as it is.
//!
//! A refusal is a serde error whose text starts with one of the markers below, so the file's
//! reader can say it in words, at the place the parser reports.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use rust_decimal::Decimal;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};

use super::plan::{Quarter, Vigencia};

/// Starts the error of a key read twice in a map; the key follows (`2022`, `1`).
pub const DUPLICATE_KEY: &str = "duplicate-key:";

/// Starts the error of a figure written as a bare number with decimals; the value follows as
/// the float it became (the file's own text is read from the file).
pub const BARE_NUMBER: &str = "bare-number:";

/// Starts the error of a figure with more digits than a [`Decimal`] keeps; its text follows.
pub const TOO_PRECISE: &str = "too-precise:";

/// What the figure visitor expects, as parsers quote it: a figure that does not parse is told
/// by this text (it names `Decimal`, as rust_decimal's own visitor did).
pub const EXPECTED_FIGURE: &str = "a Decimal figure written between quotes";

/// A figure read from its text, exactly.
pub fn parse_figure(text: &str) -> Result<Decimal, FigureProblem> {
    match Decimal::from_str_exact(text) {
        Ok(value) => Ok(value),
        Err(rust_decimal::Error::Underflow) => Err(FigureProblem::TooPrecise),
        Err(_) => {
            // Scientific notation (`2.5e1`): exact when its mantissa is; an exponent that would
            // need more than 28 decimals is an error of rust_decimal's, not a rounding.
            let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
            match Decimal::from_str_exact(mantissa) {
                Err(rust_decimal::Error::Underflow) => Err(FigureProblem::TooPrecise),
                Ok(_) if mantissa.len() < text.len() => {
                    Decimal::from_scientific(text).map_err(|_| FigureProblem::NotANumber)
                }
                _ => Err(FigureProblem::NotANumber),
            }
        }
    }
}

/// Why a text is not a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureProblem {
    NotANumber,
    /// More digits than a [`Decimal`] keeps (28 decimals, about 28 digits in all).
    TooPrecise,
}

struct FigureVisitor;

impl Visitor<'_> for FigureVisitor {
    type Value = Decimal;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(EXPECTED_FIGURE)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        parse_figure(text).map_err(|problem| match problem {
            FigureProblem::TooPrecise => E::custom(format!("{TOO_PRECISE}{text}")),
            FigureProblem::NotANumber => E::invalid_value(Unexpected::Str(text), &self),
        })
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(value))
    }

    fn visit_i128<E: de::Error>(self, value: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(value, 0)
            .map_err(|_| E::invalid_value(Unexpected::Other("a number too large"), &self))
    }

    fn visit_u128<E: de::Error>(self, value: u128) -> Result<Decimal, E> {
        match i128::try_from(value) {
            Ok(value) => self.visit_i128(value),
            Err(_) => Err(E::invalid_value(
                Unexpected::Other("a number too large"),
                &self,
            )),
        }
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Err(E::custom(format!("{BARE_NUMBER}{value}")))
    }
}

/// A figure of the plan, read exactly (see the module).
struct Figure(Decimal);

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor).map(Figure)
    }
}

/// `#[serde(deserialize_with)]` for a figure.
pub fn figure<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    Figure::deserialize(deserializer).map(|figure| figure.0)
}

/// `#[serde(deserialize_with)]` for a figure that may be absent.
pub fn optional_figure<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Decimal>, D::Error> {
    Option::<Figure>::deserialize(deserializer).map(|figure| figure.map(|f| f.0))
}

/// An indicator's code: `None` for no code, and for one written as "N/A" or left empty
/// ([`super::plan::is_no_code`]), so a plan never holds a code that means "no code".
pub fn code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(deserializer)
        .map(|code| code.filter(|text| !super::plan::is_no_code(text)))
}

/// A key of a plan's maps, as a message names it.
pub trait MapKey: Ord + Copy {
    /// The key as the file writes it in Avance's layout (`2022`, `1`).
    fn written(&self) -> String;
}

impl MapKey for Vigencia {
    fn written(&self) -> String {
        self.to_string()
    }
}

impl MapKey for Quarter {
    fn written(&self) -> String {
        self.number().to_string()
    }
}

/// A map of figures (the quarters' executed magnitudes).
struct Figures;

/// A map of anything else, read by its own `Deserialize`.
struct Plain<V>(PhantomData<V>);

/// How the values of a map are read.
trait ValueRule<'de> {
    type Value;
    fn read<A: MapAccess<'de>>(map: &mut A) -> Result<Self::Value, A::Error>;
}

impl<'de> ValueRule<'de> for Figures {
    type Value = Decimal;
    fn read<A: MapAccess<'de>>(map: &mut A) -> Result<Decimal, A::Error> {
        map.next_value::<Figure>().map(|figure| figure.0)
    }
}

impl<'de, V: Deserialize<'de>> ValueRule<'de> for Plain<V> {
    type Value = V;
    fn read<A: MapAccess<'de>>(map: &mut A) -> Result<V, A::Error> {
        map.next_value()
    }
}

/// Reads a map whose keys must each come once.
struct UniqueKeys<K, R>(PhantomData<(K, R)>);

impl<'de, K, R> Visitor<'de> for UniqueKeys<K, R>
where
    K: MapKey + Deserialize<'de>,
    R: ValueRule<'de>,
{
    type Value = BTreeMap<K, R::Value>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map with each key once")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut read = BTreeMap::new();
        while let Some(key) = map.next_key::<K>()? {
            if read.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "{DUPLICATE_KEY}{}",
                    key.written()
                )));
            }
            let value = R::read(&mut map)?;
            read.insert(key, value);
        }
        Ok(read)
    }
}

/// `#[serde(deserialize_with)]` for a map keyed by vigencia or quarter: each key once.
pub fn unique_keys<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: MapKey + Deserialize<'de>,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys::<K, Plain<V>>(PhantomData))
}

/// `#[serde(deserialize_with)]` for the quarters' figures: each quarter once, each figure exact.
pub fn unique_figures<'de, D, K>(deserializer: D) -> Result<BTreeMap<K, Decimal>, D::Error>
where
    D: Deserializer<'de>,
    K: MapKey + Deserialize<'de>,
{
    deserializer.deserialize_map(UniqueKeys::<K, Figures>(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_exactly_or_refused() {
        assert_eq!(parse_figure("27.50").unwrap().to_string(), "27.50");
        assert_eq!(parse_figure("2.5e1").unwrap().to_string(), "25");
        assert_eq!(
            parse_figure("0.1234567890123456789012345678")
                .unwrap()
                .to_string(),
            "0.1234567890123456789012345678"
        );
        assert_eq!(
            parse_figure("0.12345678901234567890123456789"),
            Err(FigureProblem::TooPrecise)
        );
        assert_eq!(
            parse_figure("1.12345678901234567890123456789e2"),
            Err(FigureProblem::TooPrecise)
        );
        assert_eq!(parse_figure("27.5O"), Err(FigureProblem::NotANumber));
        assert_eq!(parse_figure("1e40"), Err(FigureProblem::NotANumber));
        assert_eq!(parse_figure(""), Err(FigureProblem::NotANumber));
    }
}
