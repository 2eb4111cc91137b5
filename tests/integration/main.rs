//! Every integration test, in one binary: one link of the whole dependency graph instead of six.

#[path = "../../crates/avance-core/tests/core/report_json.rs"]
mod report_json;
#[path = "../../crates/avance-core/tests/core/language_check.rs"]
#[macro_use]
mod language_check;

mod command_table;
mod compare_merge;
mod compare_window;
mod csv_safety;
mod entity_files;
mod error_language;
mod export_round_trip;
mod fast_typing;
#[cfg(target_os = "linux")]
mod full_disk;
mod grid_entry;
mod grid_habits;
mod i18n_keys;
mod import_export;
mod import_into;
mod import_safety;
mod import_window;
mod keyboard_reach;
mod large_plans;
mod layers;
mod not_current;
mod objectives;
mod office_sheets;
mod one_cut;
mod one_reader;
mod packaging;
mod plan_files;
mod plan_frame;
mod progress_rules;
mod recompute;
mod refused_text;
mod seed_acceptance;
mod slides;
mod small_screens;
mod typing_rows;
mod ui;
mod ui_files;
mod undo_history;
mod windows_files;

/// How every window test builds its harness: the window at 1366×768. The frames a change needs
/// to settle vary (a scroll bar that appears asks for one more; under Wine, with the tests in
/// parallel, an import once took 6): no test counts them, so the budget only stops a window
/// that never stops repainting.
fn window_builder<State>() -> egui_kittest::HarnessBuilder<State> {
    egui_kittest::Harness::builder()
        .with_size([1366.0, 768.0])
        .with_max_steps(12)
}

/// Runs the avance binary; returns its exit code, standard output and standard error.
fn avance(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_avance"))
        .args(args)
        .output()
        .expect("the avance binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
