//! Live bar charts for the committee: the five objectives at the cut against the 100 % target,
//! and the selected objective's indicators. Values come from the engine; this file only turns
//! them into bars.

use egui::{Color32, RichText};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, HLine, Plot, PlotPoint, Text, VLine};

use crate::model::Language;
use crate::model::format::{percent, percent_or_dash};
use crate::theme;
use crate::ui::PanelContext;
use crate::view::ViewState;
use crate::view::charts::{BarData, ChartData};
use crate::view::slides::SlideOrder;

/// The charts side by side: objectives, the selected objective's indicators (a page of them)
/// and its quarterly trend; the semáforo's legend above, why an objective has no figure below.
pub fn charts_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>, data: &ChartData) {
    let language = ctx.language;
    let view = &mut *ctx.view;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!(
                "{} · {} {}",
                crate::tr!(language, "chart-progress-by-objective"),
                crate::tr!(language, "field-cut"),
                data.cut_label
            ))
            .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            legend_ui(ui, &data.lights, language);
        });
    });
    let width = ui.available_width();
    let height = ui.available_height();
    ui.horizontal_top(|ui| {
        // With no objective selected, the objectives chart takes the whole width.
        let left = if data.selected_objective.is_some() {
            (width * 0.36).max(280.0)
        } else {
            width
        };
        ui.allocate_ui(egui::vec2(left, height), |ui| {
            ui.vertical(|ui| {
                let reasons = no_progress_lines(data, language);
                let reasons_height = reasons.len() as f32 * 18.0;
                ui.allocate_ui(
                    egui::vec2(left, (ui.available_height() - reasons_height).max(120.0)),
                    |ui| objectives_chart_ui(ui, data, language),
                );
                for line in reasons {
                    ui.add(egui::Label::new(RichText::new(line).small()).truncate());
                }
            });
        });
        let Some(n) = data.selected_objective else {
            return;
        };
        ui.separator();
        let rest = ui.available_width();
        let trend_width = (rest * 0.3).clamp(230.0, 380.0);
        ui.allocate_ui(egui::vec2(rest - trend_width - 12.0, height), |ui| {
            ui.vertical(|ui| {
                indicators_header_ui(ui, data, view, n, language);
                if data.indicators.is_empty() {
                    ui.weak(crate::tr!(language, "chart-no-indicators"));
                } else {
                    indicators_chart_ui(ui, data, language);
                }
            });
        });
        ui.separator();
        ui.vertical(|ui| {
            ui.label(RichText::new(crate::tr!(language, "slide-trend-title")).strong());
            trend_chart_ui(ui, data, language);
        });
    });
}

/// Each light's colour and the range it stands for, from the plan's thresholds.
fn legend_ui(ui: &mut egui::Ui, lights: &crate::model::TrafficLights, language: Language) {
    for (light, text) in crate::ui::slides::legend(lights, language)
        .into_iter()
        .rev()
    {
        ui.label(RichText::new(text).small());
        let (swatch, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(swatch, 2.0, theme::traffic_light(light));
    }
}

/// "— 1, 4, 5: sin indicadores programados en 2022": objectives without a figure, grouped by
/// why.
fn no_progress_lines(data: &ChartData, _language: Language) -> Vec<String> {
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    for (number, why) in &data.no_progress {
        match lines.iter_mut().find(|(w, _)| w == why) {
            Some((_, numbers)) => numbers.push(number.to_string()),
            None => lines.push((why.clone(), vec![number.to_string()])),
        }
    }
    lines
        .into_iter()
        .map(|(why, numbers)| format!("— {}: {why}", numbers.join(", ")))
        .collect()
}

/// The indicators chart's title, its pages and the order of its bars.
fn indicators_header_ui(
    ui: &mut egui::Ui,
    data: &ChartData,
    view: &mut ViewState,
    number: u8,
    language: Language,
) {
    let title = format!(
        "{} {number} · {}",
        crate::tr!(language, "chart-indicators-of-objective"),
        crate::tr!(language, "chart-progress-and-weight")
    );
    // The buttons first, on the right; the title takes what they leave, cut with "…" (whole on
    // hover) rather than pushing the trend chart out of the window.
    egui::Sides::new().shrink_left().show(
        ui,
        |ui| {
            ui.add(egui::Label::new(RichText::new(title).strong()).truncate());
        },
        |ui| {
            let order = match view.slide_order {
                SlideOrder::Plan => crate::tr!(language, "chart-order-plan"),
                SlideOrder::LowestFirst => crate::tr!(language, "chart-order-lowest-first"),
            };
            if ui
                .small_button(order)
                .on_hover_text(crate::tr!(language, "command-toggle-slide-order"))
                .clicked()
            {
                view.slide_order = view.slide_order.toggled();
                view.chart_page = 0;
            }
            if data.pages > 1 {
                if ui
                    .add_enabled(data.page + 1 < data.pages, egui::Button::new(">"))
                    .on_hover_text(crate::tr!(language, "chart-next-page"))
                    .clicked()
                {
                    view.chart_page = data.page + 1;
                }
                ui.label(crate::tr!(
                    language,
                    "slide-page",
                    page = data.page + 1,
                    pages = data.pages
                ));
                if ui
                    .add_enabled(data.page > 0, egui::Button::new("<"))
                    .on_hover_text(crate::tr!(language, "chart-previous-page"))
                    .clicked()
                {
                    view.chart_page = data.page - 1;
                }
            }
        },
    );
}

/// The selected objective's progress at each earlier vigencia's year-end and each quarter up to
/// the cut, as columns coloured by their light, each with its figure.
fn trend_chart_ui(ui: &mut egui::Ui, data: &ChartData, language: Language) {
    let n = data.trend.len();
    let text_size = (ui.available_width() / n.max(1) as f32 / 5.0).clamp(11.0, 18.0);
    // Each cut has a column's width; where its label or its figure would run into the next
    // one's (eight cuts in a laptop's third of the window), the label goes on two lines and
    // every other figure a line higher.
    let slot = (ui.available_width() - 30.0) / n.max(1) as f32;
    let fits = |text: &str, size: f32| text.chars().count() as f32 * size * 0.55 <= slot * 0.9;
    let names: Vec<String> = data.trend.iter().map(|p| p.cut.label(language)).collect();
    let two_lines = names.iter().any(|name| !fits(name, text_size * 0.85));
    let staggered = data
        .trend
        .iter()
        .any(|p| !fits(&percent_or_dash(p.value, language), text_size));
    let bars: Vec<BarData> = data
        .trend
        .iter()
        .map(|p| BarData {
            label: String::new(),
            detail: String::new(),
            value: p.value,
            weight: None,
            light: p.light,
        })
        .collect();
    let top = value_axis_end(&bars, 1.2);
    let columns: Vec<Bar> = bars
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            Some(
                Bar::new(i as f64, b.drawn_height()?)
                    .width(0.6)
                    .fill(bar_color(b)),
            )
        })
        .collect();
    // The cuts are written under their columns inside the plot: an axis would hide them when
    // the chart is narrow.
    let bottom = -top * if two_lines { 0.22 } else { 0.12 };
    committee_plot("trend_chart", ui)
        .include_y(bottom)
        .include_y(top)
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .x_grid_spacer(integer_marks(n))
        .y_grid_spacer(percent_marks)
        .x_axis_formatter(|_, _| String::new())
        .y_axis_formatter(|mark, _| {
            if mark.value < 0.0 {
                String::new()
            } else {
                format!("{:.0}%", mark.value)
            }
        })
        .y_axis_min_width(30.0)
        .show(ui, |plot| {
            plot.hline(
                HLine::new(crate::tr!(language, "chart-target-100"), 100.0)
                    .color(theme::TARGET_LINE)
                    .width(1.5),
            );
            plot.bar_chart(BarChart::new("trend", columns));
            for (i, b) in bars.iter().enumerate() {
                let y = b.drawn_height().unwrap_or(0.0).max(0.0);
                let raised = if staggered && i % 2 == 1 {
                    top * 0.08
                } else {
                    0.0
                };
                plot.text(Text::new(
                    "value",
                    PlotPoint::new(i as f64, y + top * 0.06 + raised),
                    RichText::new(percent_or_dash(b.value, language)).size(text_size),
                ));
                if let Some(name) = names.get(i) {
                    let name = if two_lines {
                        name.replacen(' ', "\n", 1)
                    } else {
                        name.clone()
                    };
                    plot.text(Text::new(
                        "cut",
                        PlotPoint::new(i as f64, bottom / 2.0),
                        RichText::new(name).size(text_size * 0.85),
                    ));
                }
            }
        });
}

fn bar_color(bar: &BarData) -> Color32 {
    bar.light.map_or(theme::NO_VALUE, theme::traffic_light)
}

/// A chart for presenting: fills the height, does not pan or zoom (a stray drag in a
/// committee must not move the bars), and hovering a bar shows its exact figures.
fn committee_plot<'a>(id: &str, ui: &egui::Ui) -> Plot<'a> {
    Plot::new(id)
        .height((ui.available_height() - 8.0).max(120.0))
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
    marks_every(if max - min > 300.0 { 50.0 } else { 25.0 }, input.bounds)
}

/// A mark at every multiple of `step` within `bounds`; none for bounds no chart has (infinite,
/// or so wide the marks would be thousands).
fn marks_every(step: f64, (min, max): (f64, f64)) -> Vec<GridMark> {
    if !(min.is_finite() && max.is_finite()) || max - min > 10_000.0 {
        return Vec::new();
    }
    let first = (min / step).ceil() as i64;
    let last = (max / step).floor() as i64;
    (first..=last)
        .map(|k| GridMark {
            value: k as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The closest two written percent marks come, in points ("100%" and a gap).
const MARK_SPACING: f32 = 36.0;

/// Percent marks every 25, 50 or 100 %, the first of these that leaves [`MARK_SPACING`] points
/// between two marks at the chart's width.
fn spaced_percent_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    // egui_plot's base step is the value 8 points span (its least grid spacing).
    let per_point = input.base_step_size / 8.0;
    let step = [25.0, 50.0, 100.0]
        .into_iter()
        .find(|step| step / per_point >= f64::from(MARK_SPACING))
        .unwrap_or(100.0);
    marks_every(step, input.bounds)
}

/// Where the value axis ends: the tallest bar as drawn (at most [`AXIS_MAX`]) or the 100 %
/// target, whichever is higher, plus `margin` room for the figure written past the bar.
fn value_axis_end(bars: &[BarData], margin: f64) -> f64 {
    bars.iter()
        .filter_map(BarData::drawn_height)
        .fold(100.0_f64, f64::max)
        * margin
}

/// Where a horizontal value axis ends so that every figure written past its bar fits: for each
/// bar ending at `end` (in %) with a figure `width` points wide, on an axis `room` points long,
/// the figure's start (2 % of the axis past the bar) plus its width stays inside. At least the
/// 100 % target and a little more; figures wider than the room get what half the axis gives.
fn axis_end_for_figures(bars: impl Iterator<Item = (f64, f32)>, room: f32) -> f64 {
    let room = f64::from(room.max(40.0));
    bars.map(|(end, width)| {
        // Share of the axis the figure and its gap take, at most half of it.
        let share = ((f64::from(width) + 4.0) / room + 0.02).min(0.5);
        end / (1.0 - share)
    })
    .fold(100.0 * 1.08, f64::max)
}

/// Size of the figures written on the bars: larger as the chart grows, so they read from the
/// back of a committee room when presenting.
fn value_text_size(ui: &egui::Ui) -> f32 {
    (ui.available_height() / 20.0).clamp(14.0, 26.0)
}

fn objectives_chart_ui(ui: &mut egui::Ui, data: &ChartData, language: Language) {
    let n = data.objectives.len();
    // Figures as large as the chart allows, never wider than their column ("60,90 %" beside
    // "60,52 %" must not touch).
    let column = ui.available_width() / n.max(1) as f32;
    let text_size = value_text_size(ui).min(column / 5.2);
    // "Objetivo 3" where the columns leave room for it, else the number alone (hover a bar for
    // its text).
    let word = (column >= 96.0).then(|| crate::tr!(language, "tree-objective"));
    let labels: Vec<String> = data
        .objectives
        .iter()
        .map(|b| match &word {
            Some(word) => format!("{word} {}", b.label),
            None => b.label.clone(),
        })
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
        .map(|b| (b.detail.clone(), percent_or_dash(b.value, language)))
        .collect();
    committee_plot("objectives_chart", ui)
        .include_y(0.0)
        .include_y(top)
        .include_x(-0.6)
        .include_x(n as f64 - 0.4)
        .x_grid_spacer(integer_marks(n))
        .y_grid_spacer(percent_marks)
        // Each objective's name at full strength under its column (egui_plot fades axis
        // labels closer than 80 points by default).
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(move |mark, _| {
                    labels.get(mark.value as usize).cloned().unwrap_or_default()
                })
                .label_spacing(12.0..=14.0),
        ])
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
                        .map(|(detail, value)| format!("{value}\n{detail}"))
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
    let n = data.indicators.len();
    // Figures no taller than their row, so those of neighbouring bars never overlap.
    let text_size = value_text_size(ui).min((ui.available_height() - 32.0) / n.max(1) as f32 * 0.8);
    // Horizontal bars: one row per indicator, first at the top; labels on the left.
    let row = |i: usize| (n - 1 - i) as f64;
    // Labels take at most half the chart.
    let labels = indicator_labels(
        &data.indicators,
        (ui.available_width() * 0.5 / 7.2) as usize,
        language,
    );
    let label_width =
        labels.iter().map(|l| l.chars().count()).max().unwrap_or(8) as f32 * 7.2 + 8.0;
    // Each figure is written past its bar: the axis goes on far enough for the widest one
    // ("2.000,00 %" beside a bar drawn to the edge) to be read whole on a laptop's narrow chart.
    let figures_room = ui.available_width() - label_width - 16.0;
    let font = egui::FontId::proportional(text_size);
    let right = axis_end_for_figures(
        data.indicators.iter().map(|b| {
            let text = percent_or_dash(b.value, language);
            let width = ui
                .painter()
                .layout_no_wrap(text, font.clone(), Color32::WHITE)
                .size()
                .x;
            (b.drawn_height().unwrap_or(0.0).max(0.0), width)
        }),
        figures_room,
    );
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
    let hover = indicator_hovers(&data.indicators, language);
    committee_plot("indicators_chart", ui)
        .include_x(0.0)
        .include_x(right)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .y_grid_spacer(integer_marks(n))
        .x_grid_spacer(spaced_percent_marks)
        // The names at full strength from rows 12 points apart (egui_plot fades axis labels
        // closer than 30 by default: the names were a washed-out grey).
        .custom_y_axes(vec![
            AxisHints::new_y()
                .formatter(move |mark, _| {
                    labels.get(mark.value as usize).cloned().unwrap_or_default()
                })
                .min_thickness(label_width)
                .label_spacing(10.0..=12.0),
        ])
        // Figures every 25 % (50 % or 100 % on a laptop's narrow chart), each one written: egui's
        // default hides x labels closer than 60 points, which left a narrow chart unlabelled.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .formatter(|mark, _| format!("{:.0}%", mark.value))
                .label_spacing(MARK_SPACING..=MARK_SPACING + 8.0),
        ])
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

/// The indicators' names on the chart's axis, bottom row first: code, name shortened to what
/// `label_chars` leave beside the code and the weight (hover a bar for all of it), weight.
fn indicator_labels(bars: &[BarData], label_chars: usize, language: Language) -> Vec<String> {
    bars.iter()
        .rev()
        .map(|b| {
            let weight = b
                .weight
                .map(|w| percent(w, language))
                .unwrap_or_else(|| "—".into());
            let fixed = b.label.chars().count() + weight.chars().count() + 6;
            match label_chars.checked_sub(fixed).filter(|room| *room >= 8) {
                Some(room) => format!(
                    "{} · {} ({weight})",
                    crate::ui::tree::short(&b.label, label_chars.saturating_sub(8)),
                    crate::ui::tree::short(&b.detail, room)
                ),
                None => format!(
                    "{} ({weight})",
                    crate::ui::tree::short(&b.label, label_chars.saturating_sub(10).max(6))
                ),
            }
        })
        .collect()
}

/// What hovering each indicator's bar says, bottom row first: code and name, progress, weight.
fn indicator_hovers(bars: &[BarData], language: Language) -> Vec<String> {
    bars.iter()
        .rev()
        .map(|b| {
            format!(
                "{} · {}\n{}: {}\n{}: {}",
                b.label,
                b.detail,
                crate::tr!(language, "chart-progress"),
                percent_or_dash(b.value, language),
                crate::tr!(language, "chart-weight"),
                b.weight
                    .map(|w| percent(w, language))
                    .unwrap_or_else(|| "—".into()),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_marks_keep_their_figures_apart_on_a_narrow_chart() {
        // 0–140 % over 190 points (a laptop's indicator chart): 25 % is 34 points, too close.
        let marks = |points: f64| {
            spaced_percent_marks(egui_plot::GridInput {
                bounds: (0.0, 140.0),
                base_step_size: 140.0 / points * 8.0,
            })
            .into_iter()
            .map(|m| m.value)
            .collect::<Vec<_>>()
        };
        assert_eq!(marks(190.0), [0.0, 50.0, 100.0]);
        assert_eq!(marks(600.0), [0.0, 25.0, 50.0, 75.0, 100.0, 125.0]);
    }

    #[test]
    fn the_widest_figure_past_the_longest_bar_is_inside_the_axis() {
        // A laptop's indicator chart: 150 points for the bars. A bar drawn to the edge (150 %)
        // with "2.000,00 %" (70 points) beside it.
        let room = 150.0;
        let right = axis_end_for_figures([(150.0, 70.0), (20.0, 50.0)].into_iter(), room);
        let start = 150.0 + right * 0.02;
        let end_of_text = start + 70.0 / f64::from(room) * right;
        assert!(end_of_text <= right, "{end_of_text} > {right}");
        // No bars: the target and a little more.
        assert_eq!(axis_end_for_figures(std::iter::empty(), room), 108.0);
    }
}
