//! How the error tests check a message's language, shared by the core's tests and the app's
//! (`tests/integration` includes this file by path).

/// Words only a Spanish sentence has. Names the matrix writes in Spanish and an English message
/// quotes (`«Magnitud ejecutada al corte»`) are left out first: they stand between « ».
const SPANISH_ONLY: &[&str] = &[
    " el ", " la ", " los ", " las ", " del ", " una ", " que ", " no se ", " está", " puede",
    "archivo", "carpeta", "guard", "leer", "escrib", "fila ", "columna", " hoja", " libro",
    " sin ", " tiene ", " más ",
];

/// The message without what stands between « » (names and values as written in a file).
fn outside_quotes(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Panics when `text` has a word only Spanish has.
pub fn assert_no_spanish(text: &str, what: &str) {
    let padded = format!(" {} ", outside_quotes(text).to_lowercase());
    for word in SPANISH_ONLY {
        assert!(
            !padded.contains(word),
            "{what}: the English message has the Spanish «{word}»: {text}"
        );
    }
}

/// Panics unless `english` reads as English: not the Spanish text, and none of its words.
pub fn assert_english(english: &str, spanish: &str, what: &str) {
    assert_ne!(
        english, spanish,
        "{what}: the English message is the Spanish one"
    );
    assert_no_spanish(english, what);
}

/// Checks that `samples` hold each variant named in the patterns (an exhaustive `match`: a
/// variant added without a pattern does not compile) and that each sample's message is English.
macro_rules! every_variant_in_english {
    ($samples:expr, $($pattern:pat),+ $(,)?) => {{
        let samples = $samples;
        let all = [$(stringify!($pattern)),+];
        let mut seen = std::collections::BTreeSet::new();
        for sample in &samples {
            let variant = match sample {
                $($pattern => stringify!($pattern)),+
            };
            seen.insert(variant);
            $crate::language_check::assert_english(
                &sample.message(Language::En),
                &sample.message(Language::Es),
                &format!("{sample:?}"),
            );
        }
        let missing: Vec<_> = all.iter().filter(|v| !seen.contains(*v)).collect();
        assert!(missing.is_empty(), "no sample of {missing:?}");
    }};
}

/// Refuses to compile when the type has a `Display`: an error's words are made where it is
/// shown, in the reader's language, never by a `Display` fixed to one (the trick of
/// `static_assertions::assert_not_impl_any`: two impls apply, and the call is ambiguous).
macro_rules! assert_no_display {
    ($($type:ty),+ $(,)?) => {{
        trait AmbiguousIfDisplay<A> {
            fn some_item() {}
        }
        impl<T: ?Sized> AmbiguousIfDisplay<()> for T {}
        struct IsDisplay;
        impl<T: ?Sized + std::fmt::Display> AmbiguousIfDisplay<IsDisplay> for T {}
        $(let _ = <$type as AmbiguousIfDisplay<_>>::some_item;)+
    }};
}
