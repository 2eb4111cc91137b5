//! Every text a user reads, in Spanish and English: one mechanism, [Fluent] files in
//! `assets/locales/` (`es.ftl`, `en.ftl`) built into the binary.
//!
//! Code names a message by its id and passes its variables; types stay typed until shown
//! (an error carries its data, and its text is made here, in the language asked for). Numbers
//! are passed already formatted (`model::format`), so `50,24 %` and `50.24%` stay exact.
//! A test checks that both files have the same ids and that every id the code uses exists.
//!
//! [Fluent]: https://projectfluent.org

use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The language figures and messages are shown in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    /// Spanish, as used in Bogotá: `50,24 %`, thousands with `.`.
    #[default]
    Es,
    /// English: `50.24%`, thousands with `,`.
    En,
}

impl Language {
    /// Both languages, in menu order.
    pub const ALL: [Language; 2] = [Language::Es, Language::En];

    /// The Fluent source of the language.
    pub fn source(self) -> &'static str {
        match self {
            Language::Es => include_str!("../../../../assets/locales/es.ftl"),
            Language::En => include_str!("../../../../assets/locales/en.ftl"),
        }
    }

    fn locale(self) -> &'static str {
        match self {
            Language::Es => "es-CO",
            Language::En => "en",
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(language: Language) -> Bundle {
    let resource = FluentResource::try_new(language.source().to_owned())
        .unwrap_or_else(|(_, errors)| panic!("{language:?} locale file: {errors:?}"));
    let locale = language
        .locale()
        .parse()
        .unwrap_or_else(|e| panic!("locale {}: {e}", language.locale()));
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Plain text: no Unicode isolation marks around the variables.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("{language:?} locale file: {errors:?}"));
    bundle
}

static ES: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::Es));
static EN: LazyLock<Bundle> = LazyLock::new(|| bundle(Language::En));

fn bundle_of(language: Language) -> &'static Bundle {
    match language {
        Language::Es => &ES,
        Language::En => &EN,
    }
}

/// A variable of a message: a text (already formatted) or a count (for plural forms).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Count(u64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}

impl From<u8> for Arg {
    fn from(n: u8) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<u16> for Arg {
    fn from(n: u16) -> Self {
        Arg::Text(n.to_string())
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Text(n.to_string())
    }
}

/// The message `id` in `language`, its variables filled in. A missing id (which the tests
/// forbid) shows as `⟨id⟩` rather than stopping the program.
pub fn text(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle_of(language);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return format!("⟨{id}⟩");
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Text(t) => FluentValue::from(t.as_str()),
            Arg::Count(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The message in the language: `tr!` takes the language, a message id (a literal, so tests
/// can find it) and its variables as `name = value`.
#[macro_export]
macro_rules! tr {
    ($language:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::text(
            $language,
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// The ids a Fluent source defines, in order.
pub fn message_ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| !line.starts_with([' ', '#', '-', '\t', '.', '[', '*', '}']))
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id.trim().to_owned())
        .filter(|id| !id.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages() {
        let es = message_ids(Language::Es.source());
        let en = message_ids(Language::En.source());
        let only_es: Vec<_> = es.iter().filter(|id| !en.contains(id)).collect();
        let only_en: Vec<_> = en.iter().filter(|id| !es.contains(id)).collect();
        assert!(
            only_es.is_empty() && only_en.is_empty(),
            "only in es.ftl: {only_es:?}; only in en.ftl: {only_en:?}"
        );
        let mut unique = es.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), es.len(), "an id is defined twice");
    }

    #[test]
    fn every_message_formats_without_errors_in_both_languages() {
        for language in Language::ALL {
            let bundle = bundle_of(language);
            for id in message_ids(language.source()) {
                let message = bundle.get_message(&id).expect("defined");
                assert!(message.value().is_some(), "{id} has no value");
            }
        }
    }

    #[test]
    fn variables_and_plurals_are_filled_in() {
        assert_eq!(
            tr!(
                Language::Es,
                "findings-count",
                errors = 1usize,
                warnings = 5usize
            ),
            "1 error · 5 avisos"
        );
        assert_eq!(
            tr!(
                Language::En,
                "findings-count",
                errors = 2usize,
                warnings = 1usize
            ),
            "2 errors · 1 warning"
        );
        assert_eq!(
            text(Language::Es, "no-such-message", &[]),
            "⟨no-such-message⟩"
        );
    }
}
