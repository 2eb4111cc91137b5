//! Every message id the code asks for exists in both locale files (the files having the same
//! ids is checked in the core's `i18n`).

use std::path::Path;

use avance::i18n::{Language, message_ids};

/// The ids in `tr!(language, "id", …)` calls of a source text.
fn ids_used(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("tr!(") {
        rest = &rest[at + 4..];
        let Some(comma) = rest.find(',') else { break };
        let after = rest[comma + 1..].trim_start();
        if let Some(quoted) = after.strip_prefix('"')
            && let Some(end) = quoted.find('"')
        {
            ids.push(quoted[..end].to_owned());
        }
    }
    ids
}

#[test]
fn every_message_the_code_uses_exists_in_both_languages() {
    let mut files = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    crate::layers::scan::rust_files(&root.join("src"), &mut files);
    crate::layers::scan::rust_files(&root.join("crates/avance-core/src"), &mut files);
    let defined: Vec<Vec<String>> = Language::ALL
        .iter()
        .map(|l| message_ids(l.source()))
        .collect();
    let mut used = 0;
    let mut missing = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for id in ids_used(&source) {
            used += 1;
            for (language, ids) in Language::ALL.iter().zip(&defined) {
                if !ids.contains(&id) {
                    missing.push(format!("{id} ({language:?}) in {}", file.display()));
                }
            }
        }
    }
    assert!(used > 40, "the scan finds the tr! calls ({used})");
    assert!(
        missing.is_empty(),
        "ids missing from a locale file: {missing:#?}"
    );
}
