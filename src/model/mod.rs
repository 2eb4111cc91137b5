//! The plan model and everything computed from it. No egui here: the window only shows and
//! edits what this module knows.

pub mod edit;
pub mod exact;
pub mod format;
pub mod plan;
pub mod progress;
pub mod validation;

pub use exact::Fraction;
pub use plan::*;
pub use progress::{
    IndicatorProgress, NoAverage, ObjectiveProgress, PlanProgress, Status, TrafficLight, TrendPoint,
};
pub use validation::{Finding, Severity, validate};
