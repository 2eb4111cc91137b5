//! The layers, and what each may use (ARCHITECTURE.md):
//! - `i18n` uses nothing of the crate; `model`, `io` and `parallel` (the core) use no GUI
//!   crate and no window code;
//! - `view` (what the window shows, apart from drawing it) uses the core but no panel, no
//!   application code and no file access;
//! - `ui` (the panels) uses `view` and the core, never `app`;
//! - `app` ties them together.

use std::path::Path;

/// The code lines of every Rust file under `src/<dir>` for each dir, with file and line number.
fn code_lines(dirs: &[&str]) -> Vec<(String, usize, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in dirs {
        let path = root.join(dir);
        if path.is_dir() {
            crate::rust_files(&path, &mut files);
        } else {
            files.push(path.with_extension("rs"));
        }
    }
    assert!(!files.is_empty(), "no files under {dirs:?}");
    let mut lines = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if !line.trim_start().starts_with("//") {
                lines.push((file.display().to_string(), n + 1, line.to_owned()));
            }
        }
    }
    lines
}

/// Fails naming every line of `dirs` that mentions one of `forbidden`.
fn assert_none_mention(dirs: &[&str], forbidden: &[&str], why: &str) {
    let offending: Vec<String> = code_lines(dirs)
        .into_iter()
        .filter(|(_, _, line)| forbidden.iter().any(|f| line.contains(f)))
        .map(|(file, n, line)| format!("{file}:{n}: {}", line.trim()))
        .collect();
    assert!(offending.is_empty(), "{why}:\n{}", offending.join("\n"));
}

#[test]
fn the_core_uses_no_gui_crate_and_no_window_code() {
    assert!(code_lines(&["model", "io"]).len() > 1000);
    assert_none_mention(
        &["model", "io", "parallel"],
        &[
            "egui",
            "eframe",
            "rfd::",
            "crate::app",
            "crate::ui",
            "crate::view",
        ],
        "the core (model, io) mentions the window",
    );
}

#[test]
fn i18n_uses_nothing_of_the_crate() {
    assert_none_mention(
        &["i18n"],
        &[
            "crate::model",
            "crate::io",
            "crate::app",
            "crate::ui",
            "crate::view",
            "egui",
        ],
        "i18n must stay a leaf",
    );
}

#[test]
fn the_view_uses_no_panel_no_application_and_no_files() {
    assert_none_mention(
        &["view"],
        &[
            "crate::app",
            "crate::ui",
            "crate::io",
            "eframe",
            "rfd::",
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
            "std::fs",
            "crate::io::",
            "crate::briefing",
        ],
        "a panel reads view and model and sends actions; it never touches the app or files",
    );
}

#[test]
fn the_briefing_pack_draws_with_the_panels_but_never_reaches_into_the_application() {
    assert_none_mention(
        &["briefing"],
        &["crate::app", "eframe", "rfd::"],
        "the briefing pack renders off-screen: no window, no application, no file dialogs",
    );
}
