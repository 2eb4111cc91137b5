//! Design tokens: the semáforo colours, the chart palette, spacing. Colours live here only
//! (`.clippy.toml` forbids building colours anywhere else).
#![expect(
    clippy::disallowed_methods,
    reason = "the colours are built here, and only here"
)]

use egui::Color32;

use crate::model::TrafficLight;

/// Fill colour of a traffic light: vermillion, bluish green, orange and yellow as in the
/// Okabe–Ito palette (told apart with the common colour-vision deficiencies), each at its own
/// lightness, so that a projector or a greyscale print still tells them apart: red darkest
/// (with white text on it), then green, orange and yellow, about 45 grey levels apart. The
/// figure is always written beside it.
pub fn traffic_light(light: TrafficLight) -> Color32 {
    match light {
        // A dark vermillion.
        TrafficLight::Red => Color32::from_rgb(0x9A, 0x2A, 0x10),
        TrafficLight::Yellow => Color32::from_rgb(0xF0, 0xE4, 0x42),
        // Bluish green.
        TrafficLight::Green => Color32::from_rgb(0x1D, 0xA5, 0x7E),
        TrafficLight::Orange => Color32::from_rgb(0xEE, 0xA4, 0x10),
    }
}

/// Text drawn on a traffic light's fill (`None`: the grey of no figure): white on the dark
/// red, dark on the others; at least WCAG AA contrast (4.5:1) on each.
pub fn on_traffic_light(light: Option<TrafficLight>) -> Color32 {
    match light {
        Some(TrafficLight::Red) => Color32::WHITE,
        _ => DARK_TEXT,
    }
}

/// Dark text on a light fill (a traffic light but red, a cell whose text is not a number).
pub const DARK_TEXT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);

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

/// Width of the plan tree at first, in a window `window_width` points wide: 240, less on a
/// laptop's narrower window (1093 points at 125 %) so the grid's working columns fit beside it.
pub fn tree_width(window_width: f32) -> f32 {
    (window_width * 0.18).clamp(TREE_MIN_WIDTH, TREE_WIDTH)
}

/// The plan tree's width at first on a window wide enough for it and the grid.
const TREE_WIDTH: f32 = 240.0;

/// The widest the plan tree may be dragged in a window `window_width` points wide: on a laptop,
/// no wider than it starts (a width remembered from a larger monitor would push the grid's
/// working columns off the screen); on a wider window, up to a third of it.
pub fn tree_max_width(window_width: f32) -> f32 {
    let starts = tree_width(window_width);
    if starts < TREE_WIDTH {
        starts
    } else {
        (window_width / 3.0).max(TREE_WIDTH)
    }
}

/// The narrowest the plan tree is: an objective's name and its badge.
pub const TREE_MIN_WIDTH: f32 = 180.0;

/// A window shorter than this (below the menus) is a laptop's at 125–150 %: the findings and
/// the charts take less of it, so the grid keeps its rows and its total in view.
pub const SHORT_WINDOW: f32 = 640.0;

/// Heights of the findings list and the charts at first, in `height` points left under the
/// menus and toolbar.
pub fn bottom_panels(height: f32) -> BottomPanels {
    if height < SHORT_WINDOW {
        // The findings' heading and two of them (the toolbar counts them all); the charts
        // tall enough for a page of indicators' names.
        let findings = 56.0;
        BottomPanels {
            findings,
            charts: ((height - findings) * 0.42).clamp(170.0, 220.0),
        }
    } else {
        let findings = 104.0;
        BottomPanels {
            findings,
            charts: ((height - findings) * 0.38).clamp(220.0, 520.0),
        }
    }
}

/// How tall the panels under the grid are at first (until dragged, then remembered).
pub struct BottomPanels {
    pub findings: f32,
    pub charts: f32,
}

impl BottomPanels {
    /// The tallest the findings may be dragged (or kept from a larger monitor) in `height`
    /// points: on a short window no taller than they start, so the grid keeps its rows.
    pub fn findings_max(&self, height: f32) -> f32 {
        if height < SHORT_WINDOW {
            self.findings
        } else {
            (height * 0.3).max(self.findings)
        }
    }

    /// The tallest the charts may be: on a short window no taller than they start; otherwise
    /// half the room, the grid keeping the other half.
    pub fn charts_max(&self, height: f32) -> f32 {
        if height < SHORT_WINDOW {
            self.charts
        } else {
            (height * 0.5).max(self.charts)
        }
    }
}

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
    visuals.selection.bg_fill.gamma_multiply(0.28)
}

/// The edge of a selected range's cells.
pub fn range_stroke(visuals: &egui::Visuals) -> egui::Stroke {
    egui::Stroke::new(1.0, visuals.selection.stroke.color)
}

/// Slides for the committee: drawn on their own light background whatever the window's theme,
/// so the projector, the PNG and the PDF look the same.
pub mod slide {
    use super::Color32;

    /// The slide's background.
    pub const BACKGROUND: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
    /// Text.
    pub const TEXT: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
    /// Secondary text (the cut, the page, axis marks), still dark enough to read from the back.
    pub const MUTED: Color32 = Color32::from_rgb(0x4A, 0x4A, 0x4A);
    /// Grid lines of a chart.
    pub const GRID: Color32 = Color32::from_rgb(0xD8, 0xD8, 0xD8);
    /// Words that need attention: "sin comentario" under a red indicator.
    pub const ALERT: Color32 = Color32::from_rgb(0xB0, 0x1C, 0x1C);
    /// The band behind the header.
    pub const BAND: Color32 = Color32::from_rgb(0xF2, 0xF4, 0xF7);
    /// The line a bar beyond the axis is broken with.
    pub const BREAK: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);

    /// Type sizes, in pixels, on a 1920×1080 slide; every size scales with the slide (at
    /// 1366×768 they are 0,71 times these). Readable from 6 m on a projector: no label under 28.
    pub const TITLE: f32 = 54.0;
    pub const HEADING: f32 = 38.0;
    pub const LABEL: f32 = 30.0;
    /// Axis marks and footers: the smallest type on a slide.
    pub const SMALL: f32 = 28.0;
    /// An objective's progress, the slide's main figure.
    pub const FIGURE: f32 = 120.0;
    /// The slide's margin.
    pub const MARGIN: f32 = 48.0;
    /// The size slides are designed at.
    pub const DESIGN_SIZE: [f32; 2] = [1920.0, 1080.0];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grey a greyscale conversion gives (ITU-R BT.601 luma, as image tools use).
    fn grey(c: Color32) -> f64 {
        (f64::from(c.r()) * 299.0 + f64::from(c.g()) * 587.0 + f64::from(c.b()) * 114.0) / 1000.0
    }

    /// WCAG 2.1 contrast ratio of two colours.
    fn contrast(a: Color32, b: Color32) -> f64 {
        let luminance = |c: Color32| {
            let channel = |v: u8| {
                let v = f64::from(v) / 255.0;
                if v <= 0.040_45 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn the_traffic_lights_differ_in_greyscale_and_their_text_reads_on_each() {
        use TrafficLight::{Green, Orange, Red, Yellow};
        // Darkest to lightest: on a projector or a greyscale print, red and orange (and every
        // other pair) are told apart by lightness, not by hue alone.
        let greys: Vec<f64> = [Red, Green, Orange, Yellow]
            .map(|light| grey(traffic_light(light)))
            .to_vec();
        for pair in greys.windows(2) {
            assert!(pair[1] - pair[0] >= 40.0, "{greys:?}");
        }
        assert!(grey(traffic_light(Orange)) - grey(traffic_light(Red)) >= 80.0);
        for light in [Red, Green, Orange, Yellow] {
            let ratio = contrast(traffic_light(light), on_traffic_light(Some(light)));
            assert!(ratio >= 4.5, "{light:?}: {ratio:.2}");
        }
        assert!(contrast(NO_VALUE, on_traffic_light(None)) >= 4.5);
    }

    #[test]
    fn a_tree_remembered_from_a_large_monitor_cannot_crowd_a_laptops_grid() {
        // Laptops at 125 % and 150 %: the tree may not be dragged (or remembered) wider than
        // it starts, which leaves the grid's working columns their room.
        for width in [1093.0, 1280.0] {
            assert_eq!(tree_max_width(width), tree_width(width));
            assert!(tree_max_width(width) < 240.0);
        }
        // A wide window: the officer may give the names more room.
        assert_eq!(tree_max_width(1366.0), 1366.0 / 3.0);
        assert_eq!(tree_max_width(1920.0), 640.0);
    }

    #[test]
    fn panels_remembered_from_a_large_monitor_cannot_crowd_a_laptops_grid() {
        // 614 points tall at 125 %, less the menus: findings and charts no taller than they
        // start; on a tall window the charts may take half.
        let short = 560.0;
        let panels = bottom_panels(short);
        assert_eq!(panels.findings_max(short), panels.findings);
        assert_eq!(panels.charts_max(short), panels.charts);
        let tall = 1000.0;
        let panels = bottom_panels(tall);
        assert_eq!(panels.charts_max(tall), 500.0);
        assert_eq!(panels.findings_max(tall), 300.0);
    }
}
