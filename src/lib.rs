//! Avance: follow a sector strategic plan (plan estratégico sectorial) quarter by quarter.
//!
//! - [`i18n`]: every text the user reads, Spanish and English (Fluent files).
//! - [`model`]: the plan, its exact progress engine, number formats and validation (no egui).
//! - [`io`]: plan files (RON) and reports (no egui).
//! - [`cli`]: the command line.
//! - [`view`]: what the window shows, apart from drawing it (grid layout, navigation).
//! - [`app`]: the window.
//! - [`manuals`]: the manual pages and shell completions of the Linux package, from [`cli`].
//! - [`briefing`]: the committee's briefing pack, slides drawn off-screen as PNG and PDF.

pub mod app;
pub mod briefing;
pub mod cli;
pub mod i18n;
pub mod io;
pub mod manuals;
pub mod model;
pub mod parallel;
pub mod theme;
pub mod ui;
pub mod view;
