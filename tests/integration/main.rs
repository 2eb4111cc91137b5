//! Every integration test, in one binary: one link of the whole dependency graph instead of six.

mod core_is_pure;
mod import_export;
mod plan_files;
mod progress_rules;
mod seed_acceptance;
mod ui;
