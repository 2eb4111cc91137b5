//! Avance: follow a sector strategic plan (plan estratégico sectorial) quarter by quarter.
//!
//! The core is its own crate, `avance_core` (crates/avance-core, no GUI crate in it); its
//! modules are re-exported here so the window names them as `crate::model`, `crate::io`, …:
//! - [`i18n`]: every text the user reads, Spanish and English (Fluent files).
//! - [`model`]: the plan, its exact progress engine, number formats and validation.
//! - [`io`]: plan files (RON) and reports.
//!
//! This crate is the window, the briefing pack and the command line:
//! - [`cli`]: the command line.
//! - [`view`]: what the window shows, apart from drawing it (grid layout, navigation).
//! - [`ui`]: the panels, and [`theme`], every colour and type size they draw with.
//! - [`app`]: the window.
//! - [`briefing`]: the committee's briefing pack, slides drawn off-screen as PNG and PDF.

pub use avance_core::{i18n, io, model, parallel, tr};

pub mod app;
pub mod briefing;
pub mod cli;
pub mod theme;
pub mod ui;
pub mod view;
