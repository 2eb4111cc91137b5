//! Reading and writing plans and reports. No egui here.

pub mod plan_file;
pub mod report;

use std::path::Path;

use crate::model::Plan;

/// The seed's plan (Sector Gestión Pública, cut 31/03/2022), built into the binary so the app
/// opens on a real plan when no file is given.
pub const SEED_PLAN_TEXT: &str = include_str!("../../plans/gestion_publica_2022.ron");

/// The name the seed's plan goes by in messages and the title bar.
pub const SEED_PLAN_NAME: &str = "gestion_publica_2022.ron";

/// The seed's plan, parsed.
pub fn seed_plan() -> Plan {
    plan_file::parse(SEED_PLAN_TEXT, Path::new(SEED_PLAN_NAME))
        .expect("the embedded seed plan is valid (checked by tests)")
}
