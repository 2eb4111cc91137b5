//! Reading and writing plans and reports. No egui here.

pub mod export;
pub mod import;
pub mod plan_file;
pub mod recovery;
pub mod report;
pub mod ron_text;
pub mod safe_write;
pub mod table;

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

/// Writes `bytes` to `path` through a temporary file beside it, renamed over the target once
/// complete: a failed write never leaves a half-written or truncated file. Links are followed,
/// permissions kept, read-only files refused (see [`safe_write`]); no backup is kept.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    safe_write::write(path, bytes, safe_write::Backup::Skip)
        .map(drop)
        .map_err(std::io::Error::from)
}
