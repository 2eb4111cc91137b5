//! What the window shows and how it changes, apart from drawing it: the state the panels share
//! with the application ([`state`]), what panels ask for ([`action`]), every command with its
//! shortcut ([`command`]), the questions over the window ([`dialog`]), the figures on screen
//! ([`computed`]), the bars of the charts ([`charts`]) and the grid's layout ([`grid`]). Depends on the model and on egui's plain data
//! types (ids, keys), never on a panel or on the application, so its rules are tested without a
//! window.

pub mod action;
pub mod charts;
pub mod command;
pub mod compare;
pub mod computed;
pub mod consolidate;
pub mod dialog;
pub mod grid;
pub mod new_plan;
pub mod refused;
pub mod reweight;
pub mod slides;
pub mod state;
pub mod thresholds;

pub use action::Action;
pub use command::Command;
pub use computed::Computed;
pub use dialog::{Dialog, PathPurpose};
pub use grid::CellId;
pub use state::{CellMode, CellVisit, Draft, Find, Notice, Prefs, Selection, ViewState};
