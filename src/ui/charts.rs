//! Live bar charts for the committee: the five objectives at the cut against the 100 % target,
//! and the selected objective's indicators. Values come from the engine; this file only turns
//! them into bars.

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, GridMark, HLine, Plot, PlotPoint, Text, VLine};

use crate::model::Language;
use crate::model::format::{percent, percent_or_dash};
use crate::theme;
use crate::view::charts::{BarData, ChartData};

/// Both charts side by side.
pub fn charts_ui(ui: &mut egui::Ui, data: &ChartData, language: Language) {
    let width = ui.available_width();
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        // With no objective selected, the objectives chart takes the whole width.
        let left = if data.selected_objective.is_some() {
            (width * 0.42).max(280.0)
        } else {
            width
        };
        ui.allocate_ui(egui::vec2(left, height), |ui| {
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} · {} {}",
                        crate::tr!(language, "chart-progress-by-objective"),
                        crate::tr!(language, "field-cut"),
                        data.cut_label
                    ))
                    .strong(),
                );
                objectives_chart_ui(ui, data, language);
            });
        });
        let Some(n) = data.selected_objective else {
            return;
        };
        ui.separator();
        ui.vertical(|ui| {
            let title = format!(
                "{} {n} · {}",
                crate::tr!(language, "chart-indicators-of-objective"),
                crate::tr!(language, "chart-progress-and-weight")
            );
            ui.label(RichText::new(title).strong());
            if data.indicators.is_empty() {
                ui.weak(crate::tr!(language, "chart-no-indicators"));
            } else {
                indicators_chart_ui(ui, data, language);
            }
        });
    });
}

fn bar_color(bar: &BarData) -> Color32 {
    bar.light.map_or(theme::NO_VALUE, theme::traffic_light)
}

/// A chart for presenting: fills the height, does not pan or zoom (a stray drag in a
/// committee must not move the bars), and hovering a bar shows its exact figures.
fn committee_plot<'a>(id: &str, ui: &egui::Ui) -> Plot<'a> {
    Plot::new(id)
        .height(ui.available_height().max(120.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
}

/// Integer grid marks `0..n`, so each bar gets exactly one label.
fn integer_marks(n: usize) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    move |_| {
        (0..n)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// Percent marks every 25 % (50 % on a wide range); never more than a few dozen, whatever
/// the bounds.
fn percent_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (min, max) = input.bounds;
    if !(min.is_finite() && max.is_finite()) || max - min > 10_000.0 {
        return Vec::new();
    }
    let step = if max - min > 300.0 { 50.0 } else { 25.0 };
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// Where the value axis ends: the tallest bar as drawn (at most [`AXIS_MAX`]) or the 100 %
/// target, whichever is higher, plus `margin` room for the figure written past the bar.
fn value_axis_end(bars: &[BarData], margin: f64) -> f64 {
    bars.iter()
        .filter_map(BarData::drawn_height)
        .fold(100.0_f64, f64::max)
        * margin
}

/// Size of the figures written on the bars: larger as the chart grows, so they read from the
/// back of a committee room when presenting.
fn value_text_size(ui: &egui::Ui) -> f32 {
    (ui.available_height() / 20.0).clamp(14.0, 26.0)
}

fn objectives_chart_ui(ui: &mut egui::Ui, data: &ChartData, language: Language) {
    let text_size = value_text_size(ui);
    let n = data.objectives.len();
    let labels: Vec<String> = data
        .objectives
        .iter()
        .map(|b| format!("{} {}", crate::tr!(language, "chart-obj"), b.label))
        .collect();
    let top = value_axis_end(&data.objectives, 1.18);
    let bars: Vec<Bar> = data
        .objectives
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            Some(
                Bar::new(i as f64, b.drawn_height()?)
                    .width(0.6)
                    .fill(bar_color(b))
                    .name(format!(
                        "{} {}",
                        crate::tr!(language, "tree-objective"),
                        b.label
                    )),
            )
        })
        .collect();
    let hover: Vec<(String, String)> = data
        .objectives
        .iter()
        .map(|b| (b.label.clone(), percent_or_dash(b.value, language)))
        .collect();
    committee_plot("objectives_chart", ui)
        .include_y(0.0)
        .include_y(top)
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .x_grid_spacer(integer_marks(n))
        .y_grid_spacer(percent_marks)
        .x_axis_formatter(move |mark, _| {
            labels.get(mark.value as usize).cloned().unwrap_or_default()
        })
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_axis_min_width(36.0)
        .show(ui, |plot| {
            plot.hline(
                HLine::new(crate::tr!(language, "chart-target-100"), 100.0)
                    .color(theme::TARGET_LINE)
                    .width(1.5),
            );
            plot.bar_chart(
                BarChart::new("objectives", bars).element_formatter(Box::new(move |bar, _| {
                    let i = bar.argument as usize;
                    hover
                        .get(i)
                        .map(|(label, value)| format!("{label}: {value}"))
                        .unwrap_or_default()
                })),
            );
            for (i, b) in data.objectives.iter().enumerate() {
                let y = b.drawn_height().unwrap_or(0.0).max(0.0);
                plot.text(Text::new(
                    "value",
                    PlotPoint::new(i as f64, y + top * 0.05),
                    RichText::new(percent_or_dash(b.value, language))
                        .size(text_size)
                        .strong(),
                ));
            }
        });
}

fn indicators_chart_ui(ui: &mut egui::Ui, data: &ChartData, language: Language) {
    let text_size = value_text_size(ui);
    let n = data.indicators.len();
    // Horizontal bars: one row per indicator, first at the top; labels on the left.
    let row = |i: usize| (n - 1 - i) as f64;
    let labels: Vec<String> = data
        .indicators
        .iter()
        .rev()
        .map(|b| {
            let weight = b
                .weight
                .map(|w| percent(w, language))
                .unwrap_or_else(|| "—".into());
            format!("{} ({weight})", b.label)
        })
        .collect();
    let right = value_axis_end(&data.indicators, 1.22);
    let bars: Vec<Bar> = data
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            Some(
                Bar::new(row(i), b.drawn_height()?)
                    .width(0.62)
                    .fill(bar_color(b))
                    .name(&b.label),
            )
        })
        .collect();
    let hover: Vec<String> = data
        .indicators
        .iter()
        .rev()
        .map(|b| {
            format!(
                "{} · {}: {}\n{}: {}",
                b.label,
                crate::tr!(language, "chart-progress"),
                percent_or_dash(b.value, language),
                crate::tr!(language, "chart-weight"),
                b.weight
                    .map(|w| percent(w, language))
                    .unwrap_or_else(|| "—".into()),
            )
        })
        .collect();
    let label_width =
        labels.iter().map(|l| l.chars().count()).max().unwrap_or(8) as f32 * 7.2 + 8.0;
    committee_plot("indicators_chart", ui)
        .include_x(0.0)
        .include_x(right)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .y_grid_spacer(integer_marks(n))
        .x_grid_spacer(percent_marks)
        .y_axis_formatter(move |mark, _| {
            labels.get(mark.value as usize).cloned().unwrap_or_default()
        })
        .x_axis_formatter(|mark, _| format!("{:.0}%", mark.value))
        .y_axis_min_width(label_width)
        .show(ui, |plot| {
            plot.vline(
                VLine::new(crate::tr!(language, "chart-target-100"), 100.0)
                    .color(theme::TARGET_LINE)
                    .width(1.5),
            );
            plot.bar_chart(
                BarChart::new("indicators", bars)
                    .horizontal()
                    .element_formatter(Box::new(move |bar, _| {
                        hover
                            .get(bar.argument as usize)
                            .cloned()
                            .unwrap_or_default()
                    })),
            );
            for (i, b) in data.indicators.iter().enumerate() {
                let x = b.drawn_height().unwrap_or(0.0).max(0.0);
                plot.text(
                    Text::new(
                        "value",
                        PlotPoint::new(x + right * 0.02, row(i)),
                        RichText::new(percent_or_dash(b.value, language))
                            .size(text_size)
                            .strong(),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
        });
}
