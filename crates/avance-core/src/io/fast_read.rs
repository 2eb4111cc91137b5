//! A fast reader for plan files as Avance writes them; anything else is left to ron.
//!
//! ron reads any RON text and says precisely what is wrong with it, at about 60 MB/s. Plan files
//! written by Avance use a small part of RON: structs without names, lists, maps with whole
//! numbers as keys, strings, whole numbers, `None`, unit enum variants, `true`/`false` and the
//! `implicit_some` attribute. This reader knows only that part, reads it several times faster
//! and gives up (`None`) at the first thing outside it: a comment, a raw string, an escape it
//! does not know, a float, a struct name, whitespace other than spaces, tabs and line ends, a
//! number written other than in plain digits, an error of any kind. The caller then reads the
//! text with ron, as it always did, so a file this reader accepts gives exactly the plan ron
//! gives, and every other file gives ron's plan or ron's error.
//!
//! What it accepts, it reads as ron does: the same serde calls with the same values, into the
//! same `Deserialize` code, which also refuses a key written twice and a figure it cannot keep
//! exactly (`model::strict`); this reader then gives up and ron says where
//! (`tests/integration/plan_files.rs` and `one_reader.rs` check both readers give the same plan).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use serde::{Deserialize, forward_to_deserialize_any};

use crate::model::{Objective, Plan};

/// Reads `text` as a `T` if it is written in the part of RON this reader knows and `T` takes
/// it; `None` otherwise (then read it with ron).
pub fn read<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        i: 0,
    };
    reader.attributes()?;
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_whitespace();
    (reader.i == reader.bytes.len()).then_some(value)
}

/// Reads a plan as [`read`] does, its objectives on several cores. In a file laid out as
/// Avance writes it, the `objectives` list is the plan's last field and each objective starts
/// a line at four spaces. The text is cut at such line starts into the plan without its
/// objectives and one run of whole objectives per core; every piece must be read to its end by
/// this reader, and only whitespace and the commas of the list are left between pieces. This
/// reader takes no line end inside a string, so no cut falls inside one: the pieces hold the
/// tokens of the whole text, read the same way, and give the same plan. Whatever does not fit
/// is read whole by [`read`].
pub fn read_plan(text: &str) -> Option<Plan> {
    split_objectives(text)
        .and_then(|(head, runs)| {
            let runs = crate::parallel::map(&runs, |run| run.len(), |run| read_run(run));
            let mut plan = read::<Plan>(&head)?;
            if !plan.objectives.is_empty() {
                return None;
            }
            for run in runs {
                plan.objectives.extend(run?);
            }
            Some(plan)
        })
        .or_else(|| read::<Plan>(text))
}

/// `objective, objective, …`: the elements of a run, a comma between each two.
fn read_run(text: &str) -> Option<Vec<Objective>> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        i: 0,
    };
    let mut objectives = Vec::new();
    loop {
        objectives.push(Objective::deserialize(&mut reader).ok()?);
        if reader.peek().is_none() {
            return Some(objectives);
        }
        reader.expect(b',').ok()?;
    }
}

/// The plan's text with an empty objectives list, and the list's elements cut into one run per
/// core (fewer when the objectives are few); `None` when the layout is not Avance's.
fn split_objectives(text: &str) -> Option<(String, Vec<&str>)> {
    const LIST: &str = "\n  objectives: [";
    const ELEMENT: &str = "\n    (";
    const CLOSE: &str = "\n  ]";
    let open = text.find(LIST)? + LIST.len();
    let close = text.rfind(CLOSE)? + 1;
    let first = open + text.get(open..close)?.find(ELEMENT)? + 1;
    if !text[open..first].bytes().all(is_whitespace) {
        return None;
    }
    // A cut at the first objective starting after each core's share of the bytes.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut starts = vec![first];
    for core in 1..cores {
        let from = first + (close - first) * core / cores;
        let from = from.max(*starts.last()? + 1);
        if let Some(found) = text.get(from..close).and_then(|rest| rest.find(ELEMENT)) {
            starts.push(from + found + 1);
        }
    }
    let last = starts.len() - 1;
    let ends = starts[1..].iter().copied().chain([close]);
    let runs = starts
        .iter()
        .zip(ends)
        .enumerate()
        .map(|(i, (&start, end))| {
            // The run, without the whitespace and the comma after it (which only the last may
            // leave out).
            let run =
                text[start..end].trim_end_matches(|c: char| c.is_ascii() && is_whitespace(c as u8));
            match run.strip_suffix(',') {
                Some(run) => Some(run),
                None => (i == last).then_some(run),
            }
        })
        .collect::<Option<_>>()?;
    let head = format!("{}{}", &text[..open], &text[close..]);
    Some((head, runs))
}

/// The whitespace this reader skips.
fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Why the reader gave up; never shown (ron reads the text again and says what is wrong).
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the part of RON the fast reader knows")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Result<T> = std::result::Result<T, GiveUp>;

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    i: usize,
}

impl<'de> Reader<'de> {
    /// Skips spaces, tabs and line ends (ron's other whitespace and comments: give up later,
    /// where a value or a delimiter was expected).
    fn skip_whitespace(&mut self) {
        while self.bytes.get(self.i).copied().is_some_and(is_whitespace) {
            self.i += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.i).copied()
    }

    /// Consumes `byte` (after whitespace), or gives up.
    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.i += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// `#![enable(implicit_some)]` lines at the start; any other attribute gives up.
    fn attributes(&mut self) -> Option<()> {
        const IMPLICIT_SOME: &str = "#![enable(implicit_some)]";
        while self.peek() == Some(b'#') {
            if !self.text[self.i..].starts_with(IMPLICIT_SOME) {
                return None;
            }
            self.i += IMPLICIT_SOME.len();
        }
        Some(())
    }

    /// Whether the byte at `at` may follow a word or a number (a delimiter, not more of it).
    fn ends_token(&self, at: usize) -> bool {
        matches!(
            self.bytes.get(at),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b')' | b']' | b'}')
        )
    }

    /// A plain ASCII identifier (`cap_in_rollup`, `Suma`, `None`); raw and non-ASCII
    /// identifiers give up.
    fn identifier(&mut self) -> Result<&'de str> {
        self.skip_whitespace();
        let start = self.i;
        match self.bytes.get(start) {
            Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {}
            _ => return Err(GiveUp),
        }
        let mut end = start + 1;
        while let Some(b) = self.bytes.get(end)
            && (b.is_ascii_alphanumeric() || *b == b'_')
        {
            end += 1;
        }
        if !self.ends_token(end) {
            return Err(GiveUp);
        }
        self.i = end;
        Ok(&self.text[start..end])
    }

    /// The identifier ahead, not consumed.
    fn peek_identifier(&mut self) -> Option<&'de str> {
        let at = self.i;
        let word = self.identifier().ok();
        self.i = at;
        word
    }

    /// A whole number written with digits alone (`2020`, `0`); a sign, a leading zero, `_`,
    /// a point or an exponent give up.
    fn unsigned(&mut self) -> Result<u64> {
        self.skip_whitespace();
        let start = self.i;
        let mut end = start;
        while let Some(b'0'..=b'9') = self.bytes.get(end) {
            end += 1;
        }
        let digits = &self.text[start..end];
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return Err(GiveUp);
        }
        if !self.ends_token(end) {
            return Err(GiveUp);
        }
        self.i = end;
        digits.parse().map_err(|_| GiveUp)
    }

    /// A `"…"` string: borrowed when it has no escape; `\\`, `\"`, `\n`, `\r` and `\t` are
    /// read as ron reads them, any other escape and any control character give up.
    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.expect(b'"')?;
        let start = self.i;
        let mut owned: Option<String> = None;
        let mut run = start;
        loop {
            let Some(&b) = self.bytes.get(self.i) else {
                return Err(GiveUp);
            };
            match b {
                b'"' => {
                    let tail = &self.text[run..self.i];
                    self.i += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut text) => {
                            text.push_str(tail);
                            Cow::Owned(text)
                        }
                    });
                }
                b'\\' => {
                    let text = owned.get_or_insert_with(String::new);
                    text.push_str(&self.text[run..self.i]);
                    let escaped = match self.bytes.get(self.i + 1) {
                        Some(b'\\') => '\\',
                        Some(b'"') => '"',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        _ => return Err(GiveUp),
                    };
                    text.push(escaped);
                    self.i += 2;
                    run = self.i;
                }
                0..=0x1f | 0x7f => return Err(GiveUp),
                _ => self.i += 1,
            }
        }
    }

    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    /// Only strings: decimals are read this way (`"27.50"`); numbers, which ron reads as
    /// integers or floats by rules of its own, give up.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'"') {
            self.visit_string(visitor)
        } else {
            Err(GiveUp)
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.identifier()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.unsigned()?.try_into().map_err(|_| GiveUp)?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.unsigned()?.try_into().map_err(|_| GiveUp)?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.unsigned()?.try_into().map_err(|_| GiveUp)?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_string(visitor)
    }

    /// `None`, or the value itself (implicit `Some`); a written `Some(…)` gives up.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_identifier() {
            Some("None") => {
                self.identifier()?;
                visitor.visit_none()
            }
            Some("Some") => Err(GiveUp),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        visitor.visit_seq(Elements {
            reader: self,
            first: true,
        })
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        visitor.visit_map(Entries {
            reader: self,
            close: b'}',
            first: true,
        })
    }

    /// `(field: value, …)` without the struct's name; `()` gives up.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.expect(b'(')?;
        if self.peek() == Some(b')') {
            return Err(GiveUp);
        }
        visitor.visit_map(Entries {
            reader: self,
            close: b')',
            first: true,
        })
    }

    /// A unit variant (`Suma`, `Es`); a variant with data gives up.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let variant = self.identifier()?;
        if self.peek() == Some(b'(') {
            return Err(GiveUp);
        }
        visitor.visit_enum(UnitVariant(variant))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.identifier()?)
    }

    /// Plan files have no such values: give up.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_i8<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }

    forward_to_deserialize_any! { i128 u128 }
}

/// After an element or entry: a comma, or the closing delimiter (left for the caller).
fn separator(reader: &mut Reader<'_>, first: &mut bool, close: u8) -> Result<()> {
    if std::mem::take(first) {
        return Ok(());
    }
    match reader.peek() {
        Some(b',') => {
            reader.i += 1;
            Ok(())
        }
        Some(b) if b == close => Ok(()),
        _ => Err(GiveUp),
    }
}

/// The elements of a `[…]` list.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        separator(self.reader, &mut self.first, b']')?;
        if self.reader.peek() == Some(b']') {
            self.reader.i += 1;
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The entries of a `{…}` map or the fields of a `(…)` struct.
struct Entries<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        separator(self.reader, &mut self.first, self.close)?;
        if self.reader.peek() == Some(self.close) {
            self.reader.i += 1;
            return Ok(None);
        }
        let start = self.reader.i;
        let key = seed.deserialize(&mut *self.reader)?;
        // A map's keys are whole numbers in plain digits. A key written twice is refused by the
        // map's own visitor (`model::strict`), a struct's field twice by serde's derived code.
        if self.close == b'}'
            && !self.reader.text[start..self.reader.i]
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            return Err(GiveUp);
        }
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.expect(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

/// A unit variant, by name.
struct UnitVariant<'de>(&'de str);

impl<'de> EnumAccess<'de> for UnitVariant<'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let deserializer = de::value::BorrowedStrDeserializer::<'de, GiveUp>::new(self.0);
        seed.deserialize(deserializer).map(|v| (v, self))
    }
}

impl<'de> VariantAccess<'de> for UnitVariant<'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _seed: T) -> Result<T::Value> {
        Err(GiveUp)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value> {
        Err(GiveUp)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        number: u16,
        name: Option<String>,
        #[serde(deserialize_with = "crate::model::strict::unique_keys")]
        years: BTreeMap<u16, Vec<String>>,
    }

    fn both(text: &str) -> (Option<Sample>, Option<Sample>) {
        let ron = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .ok();
        (read(text), ron)
    }

    #[test]
    fn reads_what_ron_reads() {
        let text = "#![enable(implicit_some)]\n(number: 7, name: \"a \\\"b\\\"\\n\", \
                    years: {2020: [\"x\"], 2021: [],},)\n";
        let (fast, ron) = both(text);
        assert!(fast.is_some());
        assert_eq!(fast, ron);
        let (fast, ron) = both("(number: 7, name: None, years: {})");
        assert!(fast.is_some());
        assert_eq!(fast, ron);
    }

    #[test]
    fn gives_up_on_what_it_does_not_know() {
        for text in [
            "(number: 7, name: None, years: {}) // a comment",
            "(number: 7, name: Some(\"a\"), years: {})",
            "(number: 0x7, name: None, years: {})",
            "(number: 07, name: None, years: {})",
            "(number: 7, name: r\"a\", years: {})",
            "(number: 7, name: \"\\u{e1}\", years: {})",
            "Sample(number: 7, name: None, years: {})",
            "(number: 7, name: None, years: {2020: [], 2020: []})",
            "(number: 7, name: None, years: {2020: [], 0x7E4: []})",
            "(number: 7, name: None, years: {\u{200E}2020: []})",
            "(number: 7,\u{2028}name: None, years: {})",
            "(number: 7,\u{0B}name: None, years: {})",
            "(number: 7, name: None, years: {2_020: []})",
            "(number: 7, number: 7, name: None, years: {})",
            "(number: 7, name: None, years: {}, other: 1)",
            "(number: 7 name: None, years: {})",
            "(number: 7, name: None, years: {}) x",
            "#![enable(unwrap_newtypes)] (number: 7, name: None, years: {})",
        ] {
            assert_eq!(read::<Sample>(text), None, "{text}");
        }
    }
}
