//! Design tokens: the semáforo colours, the chart palette, spacing. Colours live here only
//! (`.clippy.toml` forbids building colours anywhere else).
#![expect(
    clippy::disallowed_methods,
    reason = "the colours are built here, and only here"
)]

use egui::Color32;

use crate::model::TrafficLight;

/// Fill colour of a traffic light, readable with dark text in both themes.
pub fn traffic_light(light: TrafficLight) -> Color32 {
    match light {
        TrafficLight::Red => Color32::from_rgb(0xE5, 0x6B, 0x6B),
        TrafficLight::Yellow => Color32::from_rgb(0xF2, 0xC9, 0x4C),
        TrafficLight::Green => Color32::from_rgb(0x6B, 0xBF, 0x73),
        TrafficLight::Orange => Color32::from_rgb(0xF2, 0x99, 0x4A),
    }
}

/// Text drawn on a traffic-light fill.
pub const ON_TRAFFIC_LIGHT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);

/// Fill for a figure with no value ("—").
pub const NO_VALUE: Color32 = Color32::from_rgb(0xB0, 0xB0, 0xB0);

/// The 100 % target line in charts.
pub const TARGET_LINE: Color32 = Color32::from_rgb(0x3B, 0x6E, 0xC8);

/// Background of a cell whose typed text is not a number.
pub const INVALID_CELL: Color32 = Color32::from_rgb(0xF8, 0xD0, 0xD0);

/// Text colour of a warning (weights that do not add up).
pub fn warning_text(visuals: &egui::Visuals) -> Color32 {
    visuals.warn_fg_color
}

/// Text colour of an error.
pub fn error_text(visuals: &egui::Visuals) -> Color32 {
    visuals.error_fg_color
}

/// Width of the plan tree.
pub const TREE_WIDTH: f32 = 240.0;

/// Height of a grid row.
pub const ROW_HEIGHT: f32 = 24.0;

/// Width of a number column in the grid.
pub const NUMBER_COLUMN: f32 = 62.0;

/// The cut quarter's column in the grid (header and cells): a light tint.
pub fn cut_quarter_fill(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_rgb(0x3B, 0x36, 0x1E)
    } else {
        Color32::from_rgb(0xFF, 0xF3, 0xC4)
    }
}

/// A selected range of grid cells: drawn over them, see-through.
pub fn range_fill(visuals: &egui::Visuals) -> Color32 {
    visuals.selection.bg_fill.gamma_multiply(0.45)
}

/// The edge of a selected range's cells.
pub fn range_stroke(visuals: &egui::Visuals) -> egui::Stroke {
    egui::Stroke::new(1.0, visuals.selection.stroke.color)
}
