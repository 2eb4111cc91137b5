//! The core's integration tests, in one binary: what needs nothing of the window.

#[macro_use]
mod language_check;

mod error_language;
mod exact_rollup;
mod export_sheets;
mod forecast;
mod layers;
mod missing_texts;
mod no_code;
mod not_current;
mod report_json;
mod scan;
