//! What the window shows and how it changes, apart from drawing it: state the panels share
//! with the application. Depends on the model only (no panel, no application code), so its
//! rules are tested without a window.

pub mod grid;
