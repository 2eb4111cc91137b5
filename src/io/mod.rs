//! Reading and writing plans and reports. No egui here.

pub mod export;
pub mod import;
pub mod plan_file;
pub mod report;
pub mod table;

use std::io::Write;
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

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over the
/// target once complete: a failed write never leaves a half-written or truncated file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".avance-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
