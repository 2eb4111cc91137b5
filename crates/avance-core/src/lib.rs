//! Avance's core: everything a figure on screen or in a file is computed from, with no GUI
//! crate in it (its Cargo.toml has none, so the compiler refuses egui here).
//!
//! - [`i18n`]: every text the user reads, Spanish and English (Fluent files in
//!   `assets/locales/`), and `tr!`. Uses nothing else of the crate.
//! - [`model`]: the plan, edits, its exact progress engine, number formats, validation,
//!   comparing and consolidating plans. Uses `i18n`; never `io` (its unit tests take the seed
//!   plan from `io::seed_plan`, test code only; `tests/layers.rs` checks it).
//! - [`io`]: plan files (RON), safe writes, recovery copies, import, export and reports. Uses
//!   `model` and `i18n`.
//! - [`parallel`]: independent pieces of work over the machine's cores. Uses nothing else.

pub mod i18n;
pub mod io;
pub mod model;
pub mod parallel;
