//! A light reading of RON text beside the real parser: where the first comment is, and which
//! part of the file a position belongs to (to name the place of an error ron reports).
//!
//! It never decides what a file says (ron and the plan's own `Deserialize` code do: a key
//! written twice is refused there, `model::strict`); it only finds what ron does not say.
//! Strings (`"…"`, raw `r#"…"#`), characters, nested `/* */` comments and whitespace (ron's:
//! with the vertical tab, U+0085, the left-to-right and right-to-left marks, U+2028 and U+2029)
//! are read as ron reads them, so `//` inside a text is not a comment. On text it cannot follow
//! it stops quietly.

use std::borrow::Cow;
use std::collections::VecDeque;

/// A place in the text as ron counts it: line and column from 1, columns in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TextPos {
    pub line: usize,
    pub column: usize,
}

/// How a level of the file is reached from the level above.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum At {
    /// A struct's field: `years: …`.
    Field(String),
    /// A map's key, as written (`2022`, or a string's text).
    Key(String),
    /// A list's element, from 0.
    Index(usize),
}

/// One level of the path from the top of the file down to a position: where inside this
/// struct, map or list the position is, and the struct's plain fields (`number: 3`,
/// `code: "644"`) as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Level {
    pub at: Option<At>,
    pub scalars: Vec<(String, String)>,
}

impl Level {
    /// The text of a plain field of this struct (a string's contents, or a word as written).
    pub fn scalar(&self, name: &str) -> Option<&str> {
        self.scalars
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The field this level is at, if it is a struct.
    pub fn field(&self) -> Option<&str> {
        match &self.at {
            Some(At::Field(name)) => Some(name),
            _ => None,
        }
    }

    /// The map key this level is at, if it is a map.
    pub fn key(&self) -> Option<&str> {
        match &self.at {
            Some(At::Key(key)) => Some(key),
            _ => None,
        }
    }

    /// The list element this level is at, if it is a list.
    pub fn index(&self) -> Option<usize> {
        match self.at {
            Some(At::Index(i)) => Some(i),
            _ => None,
        }
    }
}

/// The path down to a position and the text of the value found there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Located {
    pub path: Vec<Level>,
    /// The string's contents or the word at the position, if it is a plain value.
    pub token: Option<String>,
    /// Where that value starts.
    pub token_at: Option<TextPos>,
    /// The keys of the innermost struct or map written before the position, as written (a
    /// field's name, a map key's word or string), with where each starts: where a key the
    /// reader refused as written twice was written first.
    pub earlier_keys: Vec<(String, TextPos)>,
}

/// Where the first `//` or `/* */` comment of the text is, if it has one.
pub fn first_comment(text: &str) -> Option<TextPos> {
    let mut walker = Walker::new(text, None);
    walker.walk();
    walker.lexer.first_comment.map(|at| pos_of(text, at))
}

/// The path down to `pos` (as ron reports positions), if the text can be followed that far.
pub fn locate(text: &str, pos: TextPos) -> Option<Located> {
    let mut walker = Walker::new(text, Some(offset_of(text, pos)));
    walker.walk();
    walker.located.map(|(located, _)| located)
}

/// The byte offset of a position (the end of the text when past it).
fn offset_of(text: &str, pos: TextPos) -> usize {
    let (mut line, mut column) = (1, 1);
    for (i, c) in text.char_indices() {
        if (line, column) >= (pos.line, pos.column) {
            return i;
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    text.len()
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok<'a> {
    Open(char),
    Close(char),
    Colon,
    Comma,
    /// A string's contents, borrowed from the text unless it has escapes.
    Str(Cow<'a, str>),
    Word(&'a str),
    Other(char),
}

#[derive(Clone, Debug)]
struct Token<'a> {
    tok: Tok<'a>,
    /// Byte offsets in the text.
    start: usize,
    end: usize,
}

/// Splits the text into tokens, byte by byte (every delimiter is ASCII); positions are kept as
/// byte offsets and turned into lines and columns only for what is reported.
struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    first_comment: Option<usize>,
}

/// Bytes that end a word (besides whitespace).
fn ends_word(b: u8) -> bool {
    b"()[]{}:,\"'".contains(&b)
}

/// The length in bytes of the whitespace character at the start of `rest`, as ron counts
/// whitespace; 0 when it starts with anything else.
fn whitespace_len(rest: &[u8]) -> usize {
    match rest {
        [b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C, ..] => 1,
        // U+0085.
        [0xC2, 0x85, ..] => 2,
        // U+200E, U+200F, U+2028, U+2029.
        [0xE2, 0x80, 0x8E | 0x8F | 0xA8 | 0xA9, ..] => 3,
        _ => 0,
    }
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            i: 0,
            first_comment: None,
        }
    }

    fn at(&self, n: usize) -> Option<u8> {
        self.bytes.get(self.i + n).copied()
    }

    fn starts_comment(&self) -> bool {
        self.at(0) == Some(b'/') && matches!(self.at(1), Some(b'/' | b'*'))
    }

    /// The length of the whitespace character here (0 if there is none).
    fn whitespace_here(&self) -> usize {
        whitespace_len(&self.bytes[self.i.min(self.bytes.len())..])
    }

    /// The next token; `None` at the end or where the text cannot be read further.
    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            loop {
                match self.whitespace_here() {
                    0 => break,
                    n => self.i += n,
                }
            }
            let start = self.i;
            let b = self.at(0)?;
            let tok = match b {
                b'/' if self.starts_comment() => {
                    self.first_comment.get_or_insert(start);
                    if self.at(1) == Some(b'/') {
                        self.i = self.bytes[self.i..]
                            .iter()
                            .position(|&b| b == b'\n')
                            .map_or(self.bytes.len(), |n| self.i + n);
                    } else {
                        self.block_comment()?;
                    }
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    self.i += 1;
                    Tok::Open(char::from(b))
                }
                b')' | b']' | b'}' => {
                    self.i += 1;
                    Tok::Close(char::from(b))
                }
                b':' => {
                    self.i += 1;
                    Tok::Colon
                }
                b',' => {
                    self.i += 1;
                    Tok::Comma
                }
                b'"' => {
                    self.i += 1;
                    Tok::Str(self.string()?)
                }
                b'\'' => {
                    self.character()?;
                    Tok::Word(&self.text[start..self.i])
                }
                b'r' if self.raw_string_ahead(1) => {
                    self.i += 1;
                    Tok::Str(self.raw_string()?)
                }
                b'b' if self.at(1) == Some(b'"') => {
                    self.i += 2;
                    Tok::Str(self.string()?)
                }
                b'b' if self.at(1) == Some(b'r') && self.raw_string_ahead(2) => {
                    self.i += 2;
                    Tok::Str(self.raw_string()?)
                }
                b'#' | b'!' => {
                    self.i += 1;
                    Tok::Other(char::from(b))
                }
                _ => {
                    self.i += self.text[self.i..].chars().next().map_or(1, char::len_utf8);
                    while self.at(0).is_some_and(|b| !ends_word(b))
                        && self.whitespace_here() == 0
                        && !self.starts_comment()
                    {
                        self.i += 1;
                    }
                    // Stopped at an ASCII byte, a whitespace character or the end: a character
                    // boundary.
                    Tok::Word(&self.text[start..self.i])
                }
            };
            return Some(Token {
                tok,
                start,
                end: self.i,
            });
        }
    }

    /// Whether a raw string (`#`s then `"`) starts `n` bytes ahead.
    fn raw_string_ahead(&self, n: usize) -> bool {
        let mut k = n;
        while self.at(k) == Some(b'#') {
            k += 1;
        }
        self.at(k) == Some(b'"')
    }

    /// Skips a `/* */` comment; they nest in RON.
    fn block_comment(&mut self) -> Option<()> {
        self.i += 2;
        let mut depth = 1;
        while depth > 0 {
            match (self.at(0)?, self.at(1)) {
                (b'/', Some(b'*')) => {
                    self.i += 2;
                    depth += 1;
                }
                (b'*', Some(b'/')) => {
                    self.i += 2;
                    depth -= 1;
                }
                _ => self.i += 1,
            }
        }
        Some(())
    }

    /// Reads a string after its opening quote; borrowed unless it has escapes to decode.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let start = self.i;
        let stop = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\')?;
        self.i = start + stop + 1;
        if self.bytes[start + stop] == b'"' {
            return Some(Cow::Borrowed(&self.text[start..start + stop]));
        }
        let mut out = self.text[start..start + stop].to_owned();
        // After a backslash: one escape, then text up to the next quote or backslash.
        loop {
            let escaped = self.text[self.i..].chars().next()?;
            self.i += escaped.len_utf8();
            match escaped {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' if self.at(0) == Some(b'{') => {
                    let close = self.bytes[self.i..].iter().position(|&b| b == b'}')?;
                    let hex = &self.text[self.i + 1..self.i + close];
                    self.i += close + 1;
                    let decoded = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
                    out.push(decoded.unwrap_or(char::REPLACEMENT_CHARACTER));
                }
                other => out.push(other),
            }
            let from = self.i;
            let stop = self.bytes[from..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[from..from + stop]);
            self.i = from + stop + 1;
            if self.bytes[from + stop] == b'"' {
                return Some(Cow::Owned(out));
            }
        }
    }

    /// Reads a raw string from its `#`s (after the `r`): no escapes, ends at `"` and as many `#`.
    fn raw_string(&mut self) -> Option<Cow<'a, str>> {
        let mut hashes = 0;
        while self.at(0) == Some(b'#') {
            self.i += 1;
            hashes += 1;
        }
        self.i += 1;
        let content_start = self.i;
        loop {
            let quote = self.bytes[self.i..].iter().position(|&b| b == b'"')?;
            let end = self.i + quote;
            self.i = end + 1;
            if (0..hashes).all(|k| self.at(k) == Some(b'#')) {
                self.i += hashes;
                return Some(Cow::Borrowed(&self.text[content_start..end]));
            }
        }
    }

    /// Skips a character literal: `'a'`, `'é'`, `'\''`.
    fn character(&mut self) -> Option<()> {
        self.i += 1;
        let c = self.text[self.i..].chars().next()?;
        self.i += c.len_utf8();
        if c == '\\' {
            let escaped = self.text[self.i..].chars().next()?;
            self.i += escaped.len_utf8();
            while self.at(0).is_some_and(|b| b != b'\'' && b != b'\n') {
                self.i += 1;
            }
        }
        (self.at(0)? == b'\'').then(|| self.i += 1)
    }
}

/// The line and column (as ron counts them) of a byte offset.
fn pos_of(text: &str, offset: usize) -> TextPos {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    TextPos {
        line: 1 + before.bytes().filter(|&b| b == b'\n').count(),
        column: 1 + before[line_start..].chars().count(),
    }
}

/// Where the walk could not go on (malformed text, or too deep).
struct Stop;

/// A plain value, or a struct, list or map.
enum Value<'a> {
    Str(Cow<'a, str>),
    Word(&'a str),
    Compound,
}

/// Where inside an open level the walk is (borrowed from the text).
enum Place<'a> {
    Field(&'a str),
    Key(Cow<'a, str>),
    Index(usize),
}

struct OpenLevel<'a> {
    id: usize,
    at: Option<Place<'a>>,
    scalars: Vec<(&'a str, Cow<'a, str>)>,
    /// The keys written so far, as written, and where (byte offset); kept only when looking
    /// for a position.
    keys: Vec<(Cow<'a, str>, usize)>,
}

impl OpenLevel<'_> {
    fn public(&self) -> Level {
        Level {
            at: self.at.as_ref().map(|at| match at {
                Place::Field(name) => At::Field((*name).to_owned()),
                Place::Key(key) => At::Key(key.clone().into_owned()),
                Place::Index(i) => At::Index(*i),
            }),
            scalars: self
                .scalars
                .iter()
                .map(|(n, v)| ((*n).to_owned(), v.clone().into_owned()))
                .collect(),
        }
    }
}

/// How deep the walk follows nested values (ron itself stops at 128).
const MAX_DEPTH: usize = 256;

struct Walker<'a> {
    lexer: Lexer<'a>,
    ahead: VecDeque<Token<'a>>,
    levels: Vec<OpenLevel<'a>>,
    next_id: usize,
    target: Option<usize>,
    /// The path at the target, and the ids of its levels (to complete their fields later).
    located: Option<(Located, Vec<usize>)>,
}

impl<'a> Walker<'a> {
    fn new(text: &'a str, target: Option<usize>) -> Self {
        Self {
            lexer: Lexer::new(text),
            ahead: VecDeque::new(),
            levels: Vec::new(),
            next_id: 0,
            target,
            located: None,
        }
    }

    fn walk(&mut self) {
        let _ = self.document();
        // The rest of the text, for comments after the value or past a malformed part.
        self.ahead.clear();
        while self.lexer.next_token().is_some() {}
    }

    fn document(&mut self) -> Result<(), Stop> {
        while matches!(self.peek(0), Some(Tok::Other('#'))) {
            self.next();
            if matches!(self.peek(0), Some(Tok::Other('!'))) {
                self.next();
            }
            self.expect(&Tok::Open('['))?;
            let mut depth = 1;
            while depth > 0 {
                match self.next().ok_or(Stop)?.tok {
                    Tok::Open('[') => depth += 1,
                    Tok::Close(']') => depth -= 1,
                    _ => {}
                }
            }
        }
        self.value(0).map(drop)
    }

    fn peek(&mut self, n: usize) -> Option<&Tok<'a>> {
        while self.ahead.len() <= n {
            let token = self.lexer.next_token()?;
            self.ahead.push_back(token);
        }
        self.ahead.get(n).map(|t| &t.tok)
    }

    fn path(&self) -> Vec<Level> {
        self.levels.iter().map(OpenLevel::public).collect()
    }

    fn next(&mut self) -> Option<Token<'a>> {
        let token = match self.ahead.pop_front() {
            Some(token) => token,
            None => self.lexer.next_token()?,
        };
        // The token at the target, or a word or string that ends right there (ron points just
        // past an identifier it could not take).
        let plain = matches!(token.tok, Tok::Str(_) | Tok::Word(_));
        if self.located.is_none()
            && let Some(target) = self.target
            && (token.end > target || (plain && token.end == target))
        {
            let text = match &token.tok {
                Tok::Str(s) => Some(s.clone().into_owned()),
                Tok::Word(w) => Some((*w).to_owned()),
                _ => None,
            };
            let earlier_keys = self.levels.last().map_or_else(Vec::new, |open| {
                open.keys
                    .iter()
                    .map(|(key, at)| (key.clone().into_owned(), pos_of(self.lexer.text, *at)))
                    .collect()
            });
            let located = Located {
                path: self.path(),
                token_at: text.as_ref().map(|_| pos_of(self.lexer.text, token.start)),
                token: text,
                earlier_keys,
            };
            let ids = self.levels.iter().map(|l| l.id).collect();
            self.located = Some((located, ids));
        }
        Some(token)
    }

    fn expect(&mut self, tok: &Tok<'_>) -> Result<Token<'a>, Stop> {
        match self.next() {
            Some(token) if &token.tok == tok => Ok(token),
            _ => Err(Stop),
        }
    }

    fn set_at(&mut self, at: Place<'a>) {
        if let Some(open) = self.levels.last_mut() {
            open.at = Some(at);
        }
    }

    fn push_level(&mut self) {
        self.next_id += 1;
        self.levels.push(OpenLevel {
            id: self.next_id,
            at: None,
            scalars: Vec::new(),
            keys: Vec::new(),
        });
    }

    fn pop_level(&mut self) {
        if let Some(open) = self.levels.pop()
            && let Some((located, ids)) = &mut self.located
            && let Some(k) = ids.iter().position(|id| *id == open.id)
        {
            located.path[k].scalars = open.public().scalars;
        }
    }

    /// Notes a key of the innermost struct or map, as written at byte `at`, when looking for a
    /// position (until it is found).
    fn note_key(&mut self, key: Cow<'a, str>, at: usize) {
        if self.target.is_none() || self.located.is_some() {
            return;
        }
        if let Some(open) = self.levels.last_mut() {
            open.keys.push((key, at));
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop);
        }
        let token = self.next().ok_or(Stop)?;
        match token.tok {
            Tok::Str(s) => Ok(Value::Str(s)),
            Tok::Word(word) if self.peek(0) == Some(&Tok::Open('(')) => {
                self.next();
                if word == "Some" {
                    let inner = self.value(depth + 1)?;
                    self.expect(&Tok::Close(')'))?;
                    Ok(inner)
                } else {
                    self.parens(depth)?;
                    Ok(Value::Compound)
                }
            }
            Tok::Word(word) => Ok(Value::Word(word)),
            Tok::Open('(') => self.parens(depth).map(|()| Value::Compound),
            Tok::Open('[') => self.list(depth).map(|()| Value::Compound),
            Tok::Open('{') => self.map(depth).map(|()| Value::Compound),
            _ => Err(Stop),
        }
    }

    /// After `(`: a struct (`name: value, …`) or a tuple.
    fn parens(&mut self, depth: usize) -> Result<(), Stop> {
        let is_struct =
            matches!(self.peek(0), Some(Tok::Word(_))) && matches!(self.peek(1), Some(Tok::Colon));
        self.push_level();
        let result = if is_struct {
            self.fields(depth)
        } else {
            self.elements(depth, ')')
        };
        self.pop_level();
        result
    }

    fn fields(&mut self, depth: usize) -> Result<(), Stop> {
        loop {
            let name: &'a str = match self.peek(0) {
                Some(Tok::Close(')')) => {
                    self.next();
                    return Ok(());
                }
                Some(Tok::Word(word)) => word.strip_prefix("r#").unwrap_or(word),
                _ => return Err(Stop),
            };
            self.set_at(Place::Field(name));
            let key = self.next().ok_or(Stop)?;
            self.note_key(Cow::Borrowed(name), key.start);
            self.expect(&Tok::Colon)?;
            let scalar = match self.value(depth + 1)? {
                Value::Str(text) => Some(text),
                Value::Word(word) => Some(Cow::Borrowed(word)),
                Value::Compound => None,
            };
            // Only a search for a position needs the fields' values (to name the place).
            if self.target.is_some()
                && let (Some(text), Some(open)) = (scalar, self.levels.last_mut())
            {
                open.scalars.push((name, text));
            }
            match self.next().map(|t| t.tok) {
                Some(Tok::Comma) => {}
                Some(Tok::Close(')')) => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }

    /// The elements of a tuple or list, up to `close`.
    fn elements(&mut self, depth: usize, close: char) -> Result<(), Stop> {
        for index in 0.. {
            if self.peek(0) == Some(&Tok::Close(close)) {
                self.next();
                return Ok(());
            }
            self.set_at(Place::Index(index));
            self.value(depth + 1)?;
            match self.next().map(|t| t.tok) {
                Some(Tok::Comma) => {}
                Some(Tok::Close(c)) if c == close => return Ok(()),
                _ => return Err(Stop),
            }
        }
        Ok(())
    }

    fn list(&mut self, depth: usize) -> Result<(), Stop> {
        self.push_level();
        let result = self.elements(depth, ']');
        self.pop_level();
        result
    }

    fn map(&mut self, depth: usize) -> Result<(), Stop> {
        self.push_level();
        let result = self.entries(depth);
        self.pop_level();
        result
    }

    fn entries(&mut self, depth: usize) -> Result<(), Stop> {
        loop {
            let display: Cow<'a, str> = match self.peek(0) {
                Some(Tok::Close('}')) => {
                    self.next();
                    return Ok(());
                }
                Some(Tok::Str(s)) => s.clone(),
                Some(Tok::Word(w)) => Cow::Borrowed(*w),
                Some(_) => Cow::Borrowed(""),
                None => return Err(Stop),
            };
            self.set_at(Place::Key(display.clone()));
            let at = self.ahead.front().map_or(self.lexer.i, |t| t.start);
            match self.value(depth + 1)? {
                Value::Word(word) => self.note_key(Cow::Borrowed(word), at),
                Value::Str(text) => self.note_key(text, at),
                Value::Compound => {}
            }
            self.expect(&Tok::Colon)?;
            self.value(depth + 1)?;
            match self.next().map(|t| t.tok) {
                Some(Tok::Comma) => {}
                Some(Tok::Close('}')) => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize) -> TextPos {
        TextPos { line, column }
    }

    #[test]
    fn comments_are_found_and_strings_are_not_comments() {
        assert_eq!(first_comment(r#"(a: "x // y /* z */")"#), None);
        assert_eq!(first_comment(r##"(a: r#"x // "y" "#)"##), None);
        assert_eq!(first_comment("(a: '\"', b: 1) // c"), Some(pos(1, 16)));
        assert_eq!(
            first_comment("(\n  /* a /* b */ c */ a: 1)"),
            Some(pos(2, 3))
        );
        assert_eq!(first_comment("(a: 1 /* */)"), Some(pos(1, 7)));
        assert_eq!(first_comment("#![enable(implicit_some)]\n(a: 1)"), None);
        assert_eq!(first_comment("(a: \"x\\\" // y\")"), None);
        assert_eq!(
            first_comment("(a:\u{200E}1\u{2028}// c\n)"),
            Some(pos(1, 7))
        );
    }

    #[test]
    fn the_keys_written_before_a_position_are_found_with_ron_s_whitespace() {
        // A vertical tab, a left-to-right mark and U+2028 are whitespace to ron: not part of
        // the keys they stand before.
        let text = "(a: {2022: (),\n\u{0B}\u{200E}0x7E6: (),\u{2028}2021: ()})";
        let at = text.find("2021").unwrap();
        let located = locate(
            text,
            pos(
                2,
                text[..at].rsplit('\n').next().unwrap().chars().count() + 1,
            ),
        )
        .unwrap();
        assert_eq!(located.token.as_deref(), Some("2021"));
        assert_eq!(
            located.earlier_keys,
            [
                ("2022".to_owned(), pos(1, 6)),
                ("0x7E6".to_owned(), pos(2, 3))
            ]
        );
        assert_eq!(located.path[1].key(), Some("2021"));
        let text = "(a: 1, b: (c: 1, c: 2))";
        let located = locate(text, pos(1, 18)).unwrap();
        assert_eq!(located.earlier_keys, [("c".to_owned(), pos(1, 12))]);
        assert_eq!(located.path[0].field(), Some("b"));
    }

    #[test]
    fn a_position_is_located_with_the_fields_of_its_structs() {
        let text = "(objectives: [(number: 1, metas: []), (\n  metas: [(indicators: [(code: \"644\", years: {2022: (executed: {1: \"x\"})})])],\n  number: 3)])";
        let at = text.find("\"x\"").unwrap();
        let located = locate(text, pos(2, at - text.find('\n').unwrap())).unwrap();
        assert_eq!(located.token.as_deref(), Some("x"));
        let p = &located.path;
        assert_eq!(p[0].field(), Some("objectives"));
        assert_eq!(p[1].index(), Some(1));
        assert_eq!(p[2].scalar("number"), Some("3"), "read after the position");
        assert_eq!(p[4].scalar("code"), None);
        assert_eq!(p[6].scalar("code"), Some("644"));
        assert_eq!(p[6].field(), Some("years"));
        assert_eq!(p[7].key(), Some("2022"));
        assert_eq!(p[8].field(), Some("executed"));
        assert_eq!(p[9].key(), Some("1"));
    }

    #[test]
    fn broken_text_never_panics() {
        for text in [
            "",
            "(",
            "(a:",
            "\"",
            "r#\"",
            "/*",
            "'",
            "(a: 'x",
            "{1",
            "[(",
            "é(ü: ü)",
            "\u{200E}",
            "(a\u{2029}",
            "\u{85}\u{85}",
        ] {
            let _ = first_comment(text);
            let _ = locate(text, pos(1, 3));
        }
        let deep = "(".repeat(10_000);
        let _ = first_comment(&deep);
    }
}
