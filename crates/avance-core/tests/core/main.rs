//! The core's integration tests, in one binary: what needs nothing of the window.

mod exact_rollup;
mod forecast;
mod layers;
mod missing_texts;
mod scan;
