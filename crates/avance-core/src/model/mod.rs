//! The plan model and everything computed from it. No egui here: the window only shows and
//! edits what this module knows.

pub mod at_cut;
pub mod diff;
pub mod edit;
pub mod exact;
pub mod forecast;
pub mod format;
pub mod frame;
pub mod merge;
pub mod plan;
pub mod progress;
pub mod reweight;
pub mod search;
pub mod split;
pub mod strict;
pub mod undo;
pub mod validation;

pub use exact::Fraction;
pub use frame::{EntityNameError, MAX_PERIOD_YEARS, PeriodError};
pub use plan::*;
pub use progress::{
    Currency, IndicatorProgress, NoAverage, ObjectiveProgress, PlanProgress, Status, TrafficLight,
    TrendPoint,
};
pub use validation::{Finding, Severity, validate};
