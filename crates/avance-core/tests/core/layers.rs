//! The core's layers, where the compiler cannot see them (it already keeps every GUI crate and
//! the window out: this crate's Cargo.toml has none, and the window is another crate):
//! - `i18n` and `parallel` use nothing else of the core;
//! - `model` never uses `io`. Its unit tests (the `#[cfg(test)] mod tests` at the end of a file)
//!   may take the seed plan from `io::seed_plan`: test code, never the model's.
//!
//! Mentions are paths as Rust writes them (`scan.rs`), also inside `use crate::{…}` groups.

use std::path::Path;

use crate::scan::{UnitTests, offending};

fn src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn the_model_never_uses_io() {
    let (read, found) = offending(&src(), &["model"], &["crate::io"], UnitTests::Skipped);
    assert!(read > 3000, "the scan reads the model ({read} lines)");
    assert!(
        found.is_empty(),
        "the model uses io (only its unit tests may):\n{}",
        found.join("\n")
    );
}

#[test]
fn i18n_and_parallel_use_nothing_else_of_the_core() {
    let core = [
        "crate::model",
        "crate::io",
        "crate::i18n",
        "crate::parallel",
    ];
    for leaf in ["i18n", "parallel"] {
        let itself = format!("crate::{leaf}");
        let others: Vec<&str> = core.into_iter().filter(|m| *m != itself).collect();
        let (read, found) = offending(&src(), &[leaf], &others, UnitTests::Read);
        assert!(read > 50, "the scan reads {leaf} ({read} lines)");
        assert!(
            found.is_empty(),
            "{leaf} must stay a leaf:\n{}",
            found.join("\n")
        );
    }
}
