//! The window's layers, and what each may use (ARCHITECTURE.md). The core is another crate
//! (crates/avance-core, no GUI crate in it): the compiler keeps egui and the window out of it,
//! and the core's own tests check its inner layers. Here:
//! - `view` (what the window shows, apart from drawing it) uses the core but no panel, no
//!   application code and no file access;
//! - `ui` and `theme` (the panels) use `view` and the core, never `app`, files or the pack;
//! - `briefing` draws with the panels off-screen: no window, application or dialogs;
//! - `cli` (the command line) never opens the window's code;
//! - `app` ties them together.
//!
//! A mention is a path as Rust writes it, groups included (`scan.rs`, shared with the core).

use std::path::Path;

#[path = "../../crates/avance-core/tests/core/scan.rs"]
pub mod scan;

use scan::{UnitTests, offending};

/// Fails naming every line of `modules` that mentions one of `forbidden`.
fn assert_none_mention(modules: &[&str], forbidden: &[&str], why: &str) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (read, found) = offending(&src, modules, forbidden, UnitTests::Read);
    assert!(read > 100, "the scan reads {modules:?} ({read} lines)");
    assert!(found.is_empty(), "{why}:\n{}", found.join("\n"));
}

#[test]
fn the_view_uses_no_panel_no_application_and_no_files() {
    assert_none_mention(
        &["view"],
        &[
            "crate::app",
            "crate::ui",
            "crate::io",
            "crate::briefing",
            "crate::cli",
            "eframe",
            "rfd",
            "egui_plot",
            "std::fs",
        ],
        "the view must not depend on panels, the application or files",
    );
}

#[test]
fn panels_never_reach_into_the_application() {
    assert_none_mention(
        &["ui", "theme"],
        &[
            "crate::app",
            "avance::app",
            "crate::cli",
            "std::fs",
            "crate::io",
            "crate::briefing",
            "rfd",
        ],
        "a panel reads view and model and sends actions; it never touches the app or files",
    );
}

#[test]
fn the_briefing_pack_draws_with_the_panels_but_never_reaches_into_the_application() {
    assert_none_mention(
        &["briefing"],
        &["crate::app", "crate::cli", "eframe", "rfd"],
        "the briefing pack renders off-screen: no window, no application, no file dialogs",
    );
}

#[test]
fn the_command_line_never_opens_the_window_code() {
    assert_none_mention(
        &["cli"],
        &["crate::app", "crate::ui", "eframe", "rfd"],
        "the command line reports, imports and writes files; the window is app's",
    );
}
