//! Avance: follow a sector strategic plan (plan estratégico sectorial) quarter by quarter.
//!
//! - [`model`]: the plan, its exact progress engine, number formats and validation (no egui).
//! - [`io`]: plan files (RON) and reports (no egui).
//! - [`cli`]: the command line.
//! - [`app`]: the window.

pub mod app;
pub mod cli;
pub mod io;
pub mod model;
pub mod theme;
pub mod ui;
