//! The committee slides, drawn. The same function draws a slide full screen in the window (F5)
//! and off-screen for the briefing pack (PNG, PDF), so what is filed with the minutes is what
//! was projected. Every size follows the slide's: the type sizes of [`theme::slide`] are those
//! of a 1920×1080 projector, scaled down on a smaller screen. Texts are labels (read by screen
//! readers and tests); bars, lines and swatches are painted.

use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Align2, Color32, FontId, Galley, Pos2, Rect, Stroke, pos2, vec2};
use rust_decimal::Decimal;

use crate::model::format::{number, percent, percent_or_dash, percent_short};
use crate::model::{Language, Status, TrafficLight, TrafficLights};
use crate::theme::{self, slide as t};
use crate::view::slides::{
    Counted, IndicatorBar, LowIndicator, ObjectiveSlide, PlanSlide, ReasonsSlide, Slide,
    SlideContent, ValueAxis,
};

/// What a text of the slide is, for the tagged PDF ([`crate::briefing::pdf`]): the slide is
/// drawn once, and each text says where it belongs in the document's structure as it is put.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The slide's title: a heading.
    Title,
    /// What follows the title: the sector and cut, the objective's text.
    Lead,
    /// The objective's figure and what is said under it.
    Figure,
    /// A cell of the bar table: `row` `None` is the headings' row.
    Cell { row: Option<usize>, column: usize },
    /// Inside the trend chart (a figure described in words).
    Chart,
    /// The heading over the reasons.
    ReasonsHeading,
    /// The `i`-th reason (an item of a list).
    Reason(usize),
    /// Said in place of reasons, or after them: none under the threshold, how many more.
    ReasonsNote,
    /// The cut and the plan, the slide's number.
    Footer,
    /// The `i`-th entry of the semáforo's legend.
    Legend(usize),
    /// Axis marks and names of lines: read from the table and the chart already.
    Decoration,
}

/// A text the slide put, with its role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mark {
    pub rect: Rect,
    pub role: Role,
}

/// Where the slide's parts went: its texts with their roles, and the trend chart's rectangle
/// (its bars and lines belong to the chart's figure; every other drawing is decoration).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlideMarks {
    pub marks: Vec<Mark>,
    pub chart: Option<Rect>,
}

/// Draws `slide` over the whole of `ui`'s rectangle; says what each text is.
pub fn slide_ui(ui: &mut egui::Ui, slide: &Slide, language: Language) -> SlideMarks {
    let rect = ui.max_rect();
    ui.painter().rect_filled(rect, 0.0, t::BACKGROUND);
    let scale = (rect.width() / t::DESIGN_SIZE[0]).min(rect.height() / t::DESIGN_SIZE[1]);
    let mut canvas = Canvas {
        ui,
        scale,
        language,
        role: Role::Decoration,
        marks: SlideMarks::default(),
    };
    let inner = rect.shrink(t::MARGIN * scale);
    let footer_height = t::SMALL * scale * 1.9;
    let body = Rect::from_min_max(inner.min, pos2(inner.max.x, inner.max.y - footer_height));
    let footer = Rect::from_min_max(pos2(inner.min.x, body.max.y), inner.max);
    match &slide.content {
        SlideContent::Plan(plan) => canvas.plan_slide(body, slide, plan),
        SlideContent::Objective(objective) => canvas.objective_slide(body, slide, objective),
        SlideContent::Reasons(reasons) => canvas.reasons_slide(body, slide, reasons),
    }
    canvas.footer(footer, slide);
    canvas.marks
}

/// The slide being drawn: its `ui`, its scale against 1920×1080, its language; the role of the
/// texts being put and those put so far.
struct Canvas<'a> {
    ui: &'a mut egui::Ui,
    scale: f32,
    language: Language,
    role: Role,
    marks: SlideMarks,
}

/// A text to lay out: size on the 1920×1080 design, colour, and how many rows it may wrap to
/// (cut with "…" beyond them).
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    color: Color32,
    rows: usize,
}

impl Style {
    fn new(size: f32) -> Self {
        Self {
            size,
            color: t::TEXT,
            rows: 1,
        }
    }

    fn color(self, color: Color32) -> Self {
        Self { color, ..self }
    }

    fn rows(self, rows: usize) -> Self {
        Self {
            rows: rows.max(1),
            ..self
        }
    }
}

impl Canvas<'_> {
    fn px(&self, design: f32) -> f32 {
        design * self.scale
    }

    /// Lays out `sections` (text and colour) within `max_width`.
    fn galley(&self, sections: &[(&str, Color32)], style: Style, max_width: f32) -> Arc<Galley> {
        let mut job = LayoutJob {
            wrap: TextWrapping {
                max_width: max_width.max(1.0),
                max_rows: style.rows,
                break_anywhere: false,
                overflow_character: Some('…'),
            },
            ..Default::default()
        };
        let font = FontId::proportional(self.px(style.size));
        for (text, color) in sections {
            job.append(text, 0.0, TextFormat::simple(font.clone(), *color));
        }
        self.ui.fonts_mut(|f| f.layout_job(job))
    }

    /// Places a laid-out text with its `anchor` corner at `at`, as a label; returns its rect.
    fn put(&mut self, galley: Arc<Galley>, at: Pos2, anchor: Align2) -> Rect {
        let rect = anchor.anchor_size(at, galley.size());
        self.ui
            .put(rect, egui::Label::new(galley).selectable(false));
        self.marks.marks.push(Mark {
            rect,
            role: self.role,
        });
        rect
    }

    /// A one-style text placed at `at`.
    fn text(&mut self, text: &str, style: Style, max_width: f32, at: Pos2, anchor: Align2) -> Rect {
        let galley = self.galley(&[(text, style.color)], style, max_width);
        self.put(galley, at, anchor)
    }

    /// The largest size, at most `style.size`, at which `text` fits `max_width` on one row (never
    /// under two thirds of it: then it wraps or is cut instead).
    fn fitting(&self, texts: &[String], style: Style, max_width: f32) -> Style {
        let widest = texts
            .iter()
            .map(|text| {
                self.galley(
                    &[(text, style.color)],
                    Style { rows: 1, ..style },
                    f32::INFINITY,
                )
                .size()
                .x
            })
            .fold(0.0_f32, f32::max);
        if widest <= max_width || widest <= 0.0 {
            return style;
        }
        Style {
            size: (style.size * max_width / widest).max(style.size * 2.0 / 3.0),
            ..style
        }
    }

    fn line_height(&self, size: f32) -> f32 {
        self.px(size) * 1.25
    }

    fn light_fill(light: Option<TrafficLight>) -> Color32 {
        light.map_or(theme::NO_VALUE, theme::traffic_light)
    }

    // ── The plan's slide ───────────────────────────────────────────────────────────────

    fn plan_slide(&mut self, body: Rect, slide: &Slide, plan: &PlanSlide) {
        let language = self.language;
        let width = body.width();
        let mut y = body.min.y;
        self.role = Role::Title;
        let title = self.text(
            &slide.plan_title,
            Style::new(t::TITLE).rows(2),
            width,
            pos2(body.min.x, y),
            Align2::LEFT_TOP,
        );
        y = title.max.y + self.px(6.0);
        let subtitle =
            if plan.sector.trim().is_empty() || slide.plan_title.contains(plan.sector.trim()) {
                crate::tr!(language, "slide-progress-at-cut", date = slide.cut.date())
            } else {
                format!(
                    "{} · {}",
                    plan.sector,
                    crate::tr!(language, "slide-progress-at-cut", date = slide.cut.date())
                )
            };
        let subtitle = match &plan.page_note {
            Some(note) => format!("{subtitle} · {note}"),
            None => subtitle,
        };
        self.role = Role::Lead;
        let subtitle = self.text(
            &subtitle,
            Style::new(t::HEADING).color(t::MUTED),
            width,
            pos2(body.min.x, y),
            Align2::LEFT_TOP,
        );
        y = subtitle.max.y + self.px(6.0);
        let kinds = self.text(
            &plan.kinds,
            Style::new(t::SMALL).color(t::MUTED),
            width,
            pos2(body.min.x, y),
            Align2::LEFT_TOP,
        );
        y = kinds.max.y + self.px(22.0);
        let chart = Rect::from_min_max(pos2(body.min.x, y), body.max);
        let rows: Vec<Row> = plan
            .objectives
            .iter()
            .map(|o| Row {
                label: [
                    (
                        format!("{} {} · ", crate::tr!(language, "tree-objective"), o.number),
                        t::TEXT,
                    ),
                    (
                        Some(not_current_text(o.not_current, slide, language))
                            .filter(|text| !text.is_empty())
                            .map_or_else(String::new, |text| format!("{text} · ")),
                        t::ALERT,
                    ),
                    (o.text.clone(), t::MUTED),
                ]
                .into_iter()
                .filter(|(text, _)| !text.is_empty())
                .collect(),
                value: o
                    .value
                    .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v)),
                fill: Self::light_fill(o.light),
                figure: percent_or_dash(o.value, language),
                note: o.why_none.clone(),
                columns: Vec::new(),
                marker: None,
                flag: None,
            })
            .collect();
        self.bar_table(
            chart,
            &rows,
            &plan.axis,
            &TableShape {
                label_share: 0.42,
                figure_share: 0.2,
                figure_size: t::HEADING,
                extra: Vec::new(),
                header: None,
            },
        );
    }

    // ── An objective's slide ───────────────────────────────────────────────────────────

    /// An objective's slide: its figure and text on a band, its indicators' table, the trend
    /// and the reasons beside it.
    fn objective_slide(&mut self, body: Rect, slide: &Slide, o: &ObjectiveSlide) {
        let language = self.language;
        let header_height = self.px(210.0);
        let header = Rect::from_min_size(body.min, vec2(body.width(), header_height));
        self.ui
            .painter()
            .rect_filled(header.expand(self.px(12.0)), self.px(10.0), t::BAND);
        let figure_width = self.px(560.0);
        self.objective_figure(header, figure_width, slide, o);
        let text_width = header.width() - figure_width - self.px(40.0);
        self.objective_title(header, text_width, slide, o);

        // Below: the indicators on the left, the trend and the reasons on the right.
        let top = header.max.y + self.px(40.0);
        let side_width = body.width() * 0.27;
        let gap = self.px(40.0);
        let table = Rect::from_min_max(
            pos2(body.min.x, top),
            pos2(body.max.x - side_width - gap, body.max.y),
        );
        let side = Rect::from_min_max(pos2(body.max.x - side_width, top), body.max);
        if o.indicators.is_empty() {
            self.role = Role::Lead;
            self.text(
                &crate::tr!(language, "slide-no-indicators"),
                Style::new(t::HEADING).color(t::MUTED),
                table.width(),
                table.min,
                Align2::LEFT_TOP,
            );
        } else {
            self.indicator_table(table, o);
        }
        // Taller by the rows that say why points have no figure (two rows a reason, at most
        // four).
        let note_rows = (2 * o.trend_notes.len()).min(4) as f32;
        let trend_height = (side.height() * 0.48).min(self.px(400.0))
            + note_rows * self.line_height(t::SMALL)
            + if note_rows > 0.0 { self.px(8.0) } else { 0.0 };
        let trend = Rect::from_min_size(side.min, vec2(side.width(), trend_height));
        // Without indicators there is no trend to draw: every point would be "—".
        if o.indicator_count > 0 {
            self.trend_chart(trend, o);
        }
        let reasons = Rect::from_min_max(pos2(side.min.x, trend.max.y + self.px(30.0)), side.max);
        self.reasons(reasons, o, &slide.lights);
    }

    /// The objective's figure, large, on the right of its `header`, within `figure_width`: the
    /// light's colour beside it, the cut (or why there is no figure) and the projection under
    /// it.
    fn objective_figure(
        &mut self,
        header: Rect,
        figure_width: f32,
        slide: &Slide,
        o: &ObjectiveSlide,
    ) {
        let language = self.language;
        let figure_area =
            Rect::from_min_max(pos2(header.max.x - figure_width, header.min.y), header.max);
        let figure = percent_or_dash(o.value, language);
        self.role = Role::Figure;
        let big = self.text(
            &figure,
            Style::new(t::FIGURE),
            figure_width,
            pos2(figure_area.max.x, figure_area.min.y - self.px(8.0)),
            Align2::RIGHT_TOP,
        );
        let swatch = Rect::from_min_size(
            pos2(big.min.x - self.px(44.0), big.center().y - self.px(26.0)),
            vec2(self.px(30.0), self.px(52.0)),
        );
        self.ui
            .painter()
            .rect_filled(swatch, self.px(4.0), Self::light_fill(o.light));
        let under_figure = match &o.why_none {
            Some(why) => why.clone(),
            None => crate::tr!(language, "slide-progress-at-cut", date = slide.cut.date()),
        };
        // Why there is no figure is information, not a light: dark text, not the red of the
        // semáforo.
        let why_style = if o.why_none.is_some() {
            Style::new(t::LABEL).color(t::TEXT).rows(2)
        } else {
            Style::new(t::SMALL).color(t::MUTED)
        };
        let under = self.text(
            &under_figure,
            why_style,
            figure_width,
            pos2(figure_area.max.x, big.max.y),
            Align2::RIGHT_TOP,
        );
        // What the diamonds on the bars mean, with the objective's own projection.
        if let Some(projected) = o.projected {
            let key = crate::tr!(
                language,
                "slide-projection",
                year = slide.cut.vigencia,
                figure = percent(projected, language)
            );
            let diamond = self.px(16.0);
            let line = self.text(
                &key,
                Style::new(t::SMALL).color(t::MUTED),
                figure_width - 3.0 * diamond,
                pos2(figure_area.max.x, under.max.y + self.px(2.0)),
                Align2::RIGHT_TOP,
            );
            self.projection_marker(pos2(line.min.x - diamond, line.center().y), diamond);
        }
    }

    /// The objective (and the page, when its indicators take more than one) and its text, on
    /// the left of its `header`, within `text_width`.
    fn objective_title(
        &mut self,
        header: Rect,
        text_width: f32,
        slide: &Slide,
        o: &ObjectiveSlide,
    ) {
        let language = self.language;
        let mut title = format!("{} {}", crate::tr!(language, "tree-objective"), o.number);
        if o.pages > 1 {
            title.push_str(&format!(
                " · {}",
                crate::tr!(language, "slide-page", page = o.page + 1, pages = o.pages)
            ));
        }
        self.role = Role::Title;
        let mut heading = self.text(
            &title,
            Style::new(t::TITLE),
            text_width,
            header.min,
            Align2::LEFT_TOP,
        );
        let not_current = not_current_text(o.not_current, slide, language);
        if !not_current.is_empty() {
            self.role = Role::Lead;
            heading = self.text(
                &not_current,
                Style::new(t::LABEL).color(t::ALERT),
                text_width,
                pos2(header.min.x, heading.max.y + self.px(4.0)),
                Align2::LEFT_TOP,
            );
        }
        let rows_left = ((header.max.y - heading.max.y) / self.line_height(t::LABEL)).floor();
        self.role = Role::Lead;
        self.text(
            &o.text,
            Style::new(t::LABEL)
                .color(t::MUTED)
                .rows(rows_left as usize),
            text_width,
            pos2(header.min.x, heading.max.y + self.px(4.0)),
            Align2::LEFT_TOP,
        );
    }

    fn indicator_table(&mut self, area: Rect, o: &ObjectiveSlide) {
        let language = self.language;
        let rows: Vec<Row> = o
            .indicators
            .iter()
            .map(|bar| Row {
                label: vec![
                    (format!("{} · ", bar.code), t::TEXT),
                    (bar.name.clone(), t::MUTED),
                ],
                value: bar
                    .value
                    .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v)),
                fill: Self::light_fill(bar.light),
                figure: indicator_figure(bar, language),
                note: indicator_note(bar, language),
                columns: vec![
                    bar.weight
                        .map_or_else(|| "—".to_owned(), |w| percent(w, language)),
                    executed_of_programmed(bar, language),
                ],
                marker: bar.projected,
                flag: bar.stands_at.map(|quarter| {
                    crate::tr!(
                        language,
                        "figure-stands-at",
                        quarter = quarter.short_name(language)
                    )
                }),
            })
            .collect();
        // A long figure (an outlier's "2.750,00 / 100,00") widens its column at the names'
        // expense rather than shrink every row's type below what reads from the back.
        let widest = |texts: Vec<String>, size: f32| {
            texts
                .iter()
                .map(|text| {
                    self.galley(&[(text, t::TEXT)], Style::new(size), f32::INFINITY)
                        .size()
                        .x
                })
                .fold(0.0_f32, f32::max)
                / area.width()
        };
        let gap_share = self.px(24.0) / area.width();
        let figure_share = (widest(rows.iter().map(|r| r.figure.clone()).collect(), t::LABEL)
            + gap_share)
            .clamp(0.15, 0.21);
        let executed_share = (widest(
            rows.iter()
                .filter_map(|r| r.columns.get(1).cloned())
                .collect(),
            t::SMALL,
        ) + gap_share)
            .clamp(0.14, 0.21);
        let label_share = 0.34 - (figure_share - 0.15) - (executed_share - 0.14);
        self.bar_table(
            area,
            &rows,
            &o.axis,
            &TableShape {
                label_share,
                figure_share,
                figure_size: t::LABEL,
                extra: vec![
                    (crate::tr!(language, "slide-column-weight"), 0.09),
                    (
                        crate::tr!(language, "slide-column-executed-programmed"),
                        executed_share,
                    ),
                ],
                header: Some(crate::tr!(
                    language,
                    "slide-column-indicator",
                    count = o.indicator_count
                )),
            },
        );
    }

    /// Rows of labelled horizontal bars against `axis`, the 100 % target marked, the figure and
    /// any extra columns written on the right of each bar.
    fn bar_table(&mut self, area: Rect, rows: &[Row], axis: &ValueAxis, shape: &TableShape) {
        let table = self.table_geometry(area, rows.len(), *axis, shape);
        self.table_headings(&table, rows, shape);
        self.table_bands(&table, rows.len());
        self.table_axis(&table);
        let styles = self.table_row_styles(&table, rows, shape);
        for (i, row) in rows.iter().enumerate() {
            self.table_row(&table, i, row, &styles, shape);
        }
    }

    /// Where a bar table's columns and rows go in `area`, for `rows` rows.
    fn table_geometry(
        &self,
        area: Rect,
        rows: usize,
        axis: ValueAxis,
        shape: &TableShape,
    ) -> TableGeometry {
        let header_height = if shape.header.is_some() || !shape.extra.is_empty() {
            self.line_height(t::SMALL) + self.px(8.0)
        } else {
            0.0
        };
        let axis_height = self.line_height(t::SMALL) + self.px(10.0);
        let width = area.width();
        let gap = self.px(20.0);
        let label_width = width * shape.label_share;
        let figure_width = width * shape.figure_share;
        let extra_width: f32 = shape.extra.iter().map(|(_, share)| width * share).sum();
        let bars_left = area.min.x + label_width + gap;
        let bars_right = area.max.x - figure_width - extra_width - gap;
        let top = area.min.y + header_height;
        let bottom = area.max.y - axis_height;
        let n = rows.max(1);
        let row_height = ((bottom - top) / n as f32).min(self.px(150.0));
        TableGeometry {
            area,
            axis,
            gap,
            label_width,
            bars_left,
            bars_right,
            figure_left: bars_right + gap,
            figure_width,
            top,
            bottom: top + row_height * n as f32,
            row_height,
            bar_half: (row_height * 0.3).min(self.px(34.0)),
        }
    }

    /// The column headings: the table's over the labels, the figure's and the extra columns'.
    fn table_headings(&mut self, table: &TableGeometry, rows: &[Row], shape: &TableShape) {
        let language = self.language;
        let small = Style::new(t::SMALL).color(t::MUTED);
        let area = table.area;
        if let Some(heading) = &shape.header {
            self.role = Role::Cell {
                row: None,
                column: 0,
            };
            self.text(
                heading,
                small,
                table.label_width,
                pos2(area.min.x, area.min.y),
                Align2::LEFT_TOP,
            );
        }
        let progress_heading = if rows.iter().any(|r| r.figure.ends_with(')')) {
            crate::tr!(language, "slide-column-progress-counted")
        } else {
            crate::tr!(language, "slide-column-progress")
        };
        let figure_width = table.figure_width;
        let heading_style =
            self.fitting(std::slice::from_ref(&progress_heading), small, figure_width);
        self.role = Role::Cell {
            row: None,
            column: 1,
        };
        self.text(
            &progress_heading,
            heading_style,
            figure_width,
            pos2(table.figure_left + figure_width, area.min.y),
            Align2::RIGHT_TOP,
        );
        let mut column_right = table.figure_left + figure_width;
        for (c, (heading, share)) in shape.extra.iter().enumerate() {
            let column_width = table.column_width(*share);
            column_right += column_width;
            let style = self.fitting(std::slice::from_ref(heading), small, column_width);
            self.role = Role::Cell {
                row: None,
                column: 2 + c,
            };
            self.text(
                heading,
                style,
                column_width,
                pos2(column_right, area.min.y),
                Align2::RIGHT_TOP,
            );
        }
    }

    /// Every other row on a band, under the grid lines.
    fn table_bands(&mut self, table: &TableGeometry, rows: usize) {
        let painter = self.ui.painter();
        for i in (1..rows).step_by(2) {
            let y0 = table.row_top(i);
            painter.rect_filled(
                Rect::from_min_max(
                    pos2(table.area.min.x, y0),
                    pos2(table.area.max.x, y0 + table.row_height),
                ),
                0.0,
                t::BAND,
            );
        }
    }

    /// The axis: grid lines and marks every 25 % (every 50 % when they would touch), the 100 %
    /// target and its name.
    fn table_axis(&mut self, table: &TableGeometry) {
        let language = self.language;
        let painter = self.ui.painter().clone();
        let (top, bottom) = (table.top, table.bottom);
        let ticks = table.axis.ticks();
        let tick_gap = (table.bars_right - table.bars_left) / (ticks.len().max(2) - 1) as f32;
        let every_50 = tick_gap < self.px(88.0);
        for tick in ticks {
            let x = table.x_of(tick);
            let stroke = if tick == 0.0 {
                Stroke::new(self.px(2.0), t::MUTED)
            } else {
                Stroke::new(self.px(1.0), t::GRID)
            };
            painter.line_segment([pos2(x, top), pos2(x, bottom)], stroke);
            if every_50 && tick % 50.0 != 0.0 {
                continue;
            }
            let mark = rust_decimal::Decimal::from_f64_retain(tick).unwrap_or_default();
            self.role = Role::Decoration;
            self.text(
                &percent_short(mark, language),
                Style::new(t::SMALL).color(t::MUTED),
                self.px(120.0),
                pos2(x, bottom + self.px(6.0)),
                Align2::CENTER_TOP,
            );
        }
        if table.axis.min <= 100.0 && 100.0 <= table.axis.max {
            let x = table.x_of(100.0);
            painter.line_segment(
                [pos2(x, top - self.px(6.0)), pos2(x, bottom)],
                Stroke::new(self.px(3.5), theme::TARGET_LINE),
            );
            // Its name ends at the line, over the bars: the columns on its right keep their
            // headings.
            let label = crate::tr!(language, "chart-target-100");
            self.role = Role::Decoration;
            self.text(
                &label,
                Style::new(t::SMALL).color(theme::TARGET_LINE),
                x - table.bars_left,
                pos2(x - self.px(6.0), table.area.min.y),
                Align2::RIGHT_TOP,
            );
        }
    }

    /// The styles every row shares: the figure columns' one size (the largest at which all of
    /// them fit) and the rows a label may wrap to.
    fn table_row_styles(
        &self,
        table: &TableGeometry,
        rows: &[Row],
        shape: &TableShape,
    ) -> RowStyles {
        let figures: Vec<String> = rows.iter().map(|r| r.figure.clone()).collect();
        let figure = self.fitting(&figures, Style::new(shape.figure_size), table.figure_width);
        let extra = shape
            .extra
            .iter()
            .enumerate()
            .map(|(c, (_, share))| {
                let texts: Vec<String> = rows
                    .iter()
                    .filter_map(|r| r.columns.get(c).cloned())
                    .collect();
                self.fitting(
                    &texts,
                    Style::new(t::SMALL),
                    table.column_width(*share) - table.gap / 2.0,
                )
            })
            .collect();
        let label_rows = ((table.row_height * 0.92) / self.line_height(t::LABEL))
            .floor()
            .max(1.0);
        RowStyles {
            figure,
            extra,
            label_rows: label_rows as usize,
        }
    }

    /// The `i`-th row: its label, its bar, its projection, its figure (or why it has none) and
    /// its extra columns.
    fn table_row(
        &mut self,
        table: &TableGeometry,
        i: usize,
        row: &Row,
        styles: &RowStyles,
        shape: &TableShape,
    ) {
        let center = table.row_center(i);
        // The label, wrapped to the rows that fit.
        let sections: Vec<(&str, Color32)> =
            row.label.iter().map(|(s, c)| (s.as_str(), *c)).collect();
        let galley = self.galley(
            &sections,
            Style::new(t::LABEL).rows(styles.label_rows),
            table.label_width,
        );
        self.role = Role::Cell {
            row: Some(i),
            column: 0,
        };
        self.put(galley, pos2(table.area.min.x, center), Align2::LEFT_CENTER);
        if let Some(value) = row.value {
            self.table_bar(table, center, value, row.fill);
        }
        if let Some(figure) = row.marker {
            self.table_projection(table, center, figure);
        }
        if let Some(value) = row.value {
            self.table_flag(table, center, value, row);
        }
        // The figure and the columns after it. A figure the average counts otherwise carries
        // what it counts, "(100)" or "(0)", as in the grid.
        let figure_right = table.figure_left + table.figure_width;
        self.role = Role::Cell {
            row: Some(i),
            column: 1,
        };
        self.text(
            &row.figure,
            styles.figure,
            table.figure_width,
            pos2(figure_right, center),
            Align2::RIGHT_CENTER,
        );
        if let Some(note) = row.note.as_ref().filter(|_| row.value.is_none()) {
            self.table_note(table, i, note);
        }
        let mut right = figure_right;
        for (c, (_, share)) in shape.extra.iter().enumerate() {
            let column_width = table.column_width(*share);
            right += column_width;
            if let Some(text) = row.columns.get(c) {
                self.role = Role::Cell {
                    row: Some(i),
                    column: 2 + c,
                };
                self.text(
                    text,
                    styles.extra[c],
                    column_width,
                    pos2(right, center),
                    Align2::RIGHT_CENTER,
                );
            }
        }
    }

    /// A row's bar: from 0 to `value`, cut at the axis' end with a break and an arrow.
    fn table_bar(&mut self, table: &TableGeometry, center: f32, value: f64, fill: Color32) {
        let painter = self.ui.painter().clone();
        let bar_half = table.bar_half;
        // A bar beyond the axis ends in an arrow whose tip is the axis' end.
        let tip = if table.axis.beyond(value) {
            self.px(18.0)
        } else {
            0.0
        };
        let toward = if value > 0.0 { -1.0 } else { 1.0 };
        let (x0, x1) = (table.x_of(0.0), table.x_of(value) + toward * tip);
        let bar = Rect::from_x_y_ranges(
            x0.min(x1)..=x0.max(x1),
            center - bar_half..=center + bar_half,
        );
        painter.rect_filled(bar, self.px(3.0), fill);
        if table.axis.beyond(value) {
            let bx = x1 + toward * self.px(26.0);
            painter.line_segment(
                [
                    pos2(bx - self.px(8.0), center + bar_half + 2.0),
                    pos2(bx + self.px(8.0), center - bar_half - 2.0),
                ],
                Stroke::new(self.px(7.0), t::BREAK),
            );
            let tip = -toward * tip;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    pos2(x1, center - bar_half),
                    pos2(x1 + tip, center),
                    pos2(x1, center + bar_half),
                ],
                fill,
                Stroke::NONE,
            ));
        }
    }

    /// A row's projection, `figure` %: the diamond on the bar's line; beyond the axis it waits
    /// at the axis' end with its figure written beside it.
    fn table_projection(&mut self, table: &TableGeometry, center: f32, figure: Decimal) {
        let language = self.language;
        let Some(projected) = rust_decimal::prelude::ToPrimitive::to_f64(&figure) else {
            return;
        };
        let radius = (table.bar_half * 0.95).max(self.px(12.0));
        // Beyond the axis' end it stays inside the plot, clear of the figure column.
        let x = if projected > table.axis.max {
            table.bars_right - radius * 0.7
        } else {
            table.x_of(projected)
        };
        let at = pos2(x, center);
        self.projection_marker(at, radius);
        // Beyond the axis the diamond waits at its end, its figure written beside it on the
        // inside (a projection of 200 % or -50 % is not one of 150 % or 0 %).
        if table.axis.beyond(projected) {
            let figure = percent(figure, language);
            let (anchor, x) = if projected > table.axis.max {
                (Align2::RIGHT_CENTER, at.x - radius - self.px(6.0))
            } else {
                (Align2::LEFT_CENTER, at.x + radius + self.px(6.0))
            };
            let style = Style::new(t::SMALL).color(t::TEXT);
            let galley = self.galley(&[(figure.as_str(), style.color)], style, self.px(220.0));
            let rect = anchor.anchor_size(pos2(x, center), galley.size());
            self.ui.painter().rect_filled(
                rect.expand(self.px(3.0)),
                self.px(4.0),
                t::BACKGROUND.gamma_multiply(0.85),
            );
            self.role = Role::Decoration;
            self.put(galley, pos2(x, center), anchor);
        }
    }

    /// A not-current figure's mark ("al T1") just past its bar's end and clear of its
    /// projection's diamond, on a chip of the background; inside the bar's end when the plot
    /// has no room left after them.
    fn table_flag(&mut self, table: &TableGeometry, center: f32, value: f64, row: &Row) {
        let Some(flag) = row.flag.as_deref() else {
            return;
        };
        let style = Style::new(t::SMALL).color(t::ALERT);
        let galley = self.galley(&[(flag, style.color)], style, self.px(240.0));
        let end = table.x_of(value.clamp(table.axis.min, table.axis.max));
        let gap = self.px(14.0);
        let diamond = row
            .marker
            .and_then(|m| rust_decimal::prelude::ToPrimitive::to_f64(&m))
            .map_or(f32::MIN, |m| {
                let radius = (table.bar_half * 0.95).max(self.px(12.0));
                table.x_of(m.clamp(table.axis.min, table.axis.max)) + radius * 0.7
            });
        let after = end.max(table.x_of(0.0)).max(diamond) + gap;
        let (anchor, x) = if after + galley.size().x <= table.bars_right {
            (Align2::LEFT_CENTER, after)
        } else {
            (Align2::RIGHT_CENTER, end - gap)
        };
        let rect = anchor.anchor_size(pos2(x, center), galley.size());
        self.ui.painter().rect_filled(
            rect.expand(self.px(4.0)),
            self.px(4.0),
            t::BACKGROUND.gamma_multiply(0.9),
        );
        self.put(galley, pos2(x, center), anchor);
    }

    /// Why the `i`-th row has no bar: where the bar would be, on the plot's background so the
    /// grid lines do not cross it.
    fn table_note(&mut self, table: &TableGeometry, i: usize, note: &String) {
        let center = table.row_center(i);
        let start = table.x_of(0.0).max(table.bars_left) + self.px(12.0);
        let room = table.bars_right - start;
        let style = self
            .fitting(
                std::slice::from_ref(note),
                Style::new(t::LABEL).color(t::MUTED),
                room,
            )
            .rows(((table.row_height * 0.9) / self.line_height(t::SMALL)).floor() as usize);
        let galley = self.galley(&[(note, style.color)], style, room);
        let rect = Align2::LEFT_CENTER.anchor_size(pos2(start, center), galley.size());
        let fill = if i % 2 == 1 { t::BAND } else { t::BACKGROUND };
        self.ui
            .painter()
            .rect_filled(rect.expand(self.px(4.0)), self.px(4.0), fill);
        self.role = Role::Cell {
            row: Some(i),
            column: 1,
        };
        self.put(galley, pos2(start, center), Align2::LEFT_CENTER);
    }

    /// The forecast's mark: a hollow diamond, dark-edged so it reads on any bar colour and on
    /// the background alike.
    fn projection_marker(&mut self, at: Pos2, radius: f32) {
        let points = vec![
            pos2(at.x, at.y - radius),
            pos2(at.x + radius * 0.7, at.y),
            pos2(at.x, at.y + radius),
            pos2(at.x - radius * 0.7, at.y),
        ];
        self.ui.painter().add(egui::Shape::convex_polygon(
            points,
            t::BACKGROUND,
            Stroke::new(self.px(4.0), t::TEXT),
        ));
    }

    /// The objective's progress at each earlier vigencia's year-end and each quarter up to the
    /// cut: one column each, coloured by its light, its figure on top.
    fn trend_chart(&mut self, area: Rect, o: &ObjectiveSlide) {
        let language = self.language;
        self.role = Role::Chart;
        self.marks.chart = Some(area);
        let title = self.text(
            &crate::tr!(language, "slide-trend-title"),
            Style::new(t::LABEL),
            area.width(),
            area.min,
            Align2::LEFT_TOP,
        );
        let n = o.trend.len().max(1);
        let labels_height = self.line_height(t::SMALL);
        let figures: Vec<String> = o
            .trend
            .iter()
            .map(|p| percent_or_dash(p.value, language))
            .collect();
        let column = area.width() / n as f32;
        let figure_style = self.fitting(&figures, Style::new(t::SMALL), column - self.px(6.0));
        let names: Vec<String> = o.trend.iter().map(|p| p.cut.label(language)).collect();
        let name_style = self.fitting(
            &names,
            Style::new(t::SMALL).color(t::MUTED),
            column - self.px(6.0),
        );
        // Why points show "—", under the chart (at most four rows).
        let notes = (!o.trend_notes.is_empty()).then(|| {
            let text = o.trend_notes.join("\n");
            let style = Style::new(t::SMALL).color(t::MUTED).rows(4);
            self.galley(&[(&text, style.color)], style, area.width())
        });
        let notes_height = notes.as_ref().map_or(0.0, |g| g.size().y + self.px(8.0));
        let plot = TrendPlot {
            rect: Rect::from_min_max(
                pos2(
                    area.min.x,
                    title.max.y + self.line_height(figure_style.size) + self.px(10.0),
                ),
                pos2(
                    area.max.x,
                    area.max.y - labels_height - self.px(6.0) - notes_height,
                ),
            ),
            axis: o.trend_axis,
            column,
        };
        if let Some(notes) = notes {
            self.put(notes, pos2(area.min.x, area.max.y), Align2::LEFT_BOTTOM);
        }
        self.trend_lines(&plot, area, title);
        let labels = TrendLabels {
            figures,
            figure_style,
            names,
            name_style,
        };
        self.trend_columns(&plot, o, &labels);
    }

    /// The trend's zero line and its 100 % target, named beside the `title` when there is room
    /// in `area`.
    fn trend_lines(&mut self, plot: &TrendPlot, area: Rect, title: Rect) {
        let language = self.language;
        let painter = self.ui.painter().clone();
        let (left, right) = (plot.rect.min.x, plot.rect.max.x);
        painter.line_segment(
            [pos2(left, plot.y_of(0.0)), pos2(right, plot.y_of(0.0))],
            Stroke::new(self.px(2.0), t::MUTED),
        );
        if plot.axis.min <= 100.0 && 100.0 <= plot.axis.max {
            painter.line_segment(
                [pos2(left, plot.y_of(100.0)), pos2(right, plot.y_of(100.0))],
                Stroke::new(self.px(2.5), theme::TARGET_LINE),
            );
            // Named beside the title, where no bar or figure can cover it (inside the plot a
            // column near 100 % hid it); a short line of its colour before the name.
            let label = crate::tr!(language, "chart-target-100");
            let style = Style::new(t::SMALL).color(theme::TARGET_LINE);
            let galley = self.galley(&[(&label, style.color)], style, area.width());
            let sample = self.px(34.0);
            let room = area.max.x - title.max.x - self.px(16.0);
            if galley.size().x + sample + self.px(8.0) <= room {
                let at = pos2(area.max.x, title.center().y);
                let name = self.put(galley, at, Align2::RIGHT_CENTER);
                let x = name.min.x - self.px(8.0);
                painter.line_segment(
                    [pos2(x - sample, at.y), pos2(x, at.y)],
                    Stroke::new(self.px(2.5), theme::TARGET_LINE),
                );
            }
        }
    }

    /// The trend's columns, each point's figure over it and its name under the plot, and a
    /// line through their tops.
    fn trend_columns(&mut self, plot: &TrendPlot, o: &ObjectiveSlide, labels: &TrendLabels) {
        let painter = self.ui.painter().clone();
        let column = plot.column;
        let zero = plot.y_of(0.0);
        let mut tops = Vec::new();
        for (i, point) in o.trend.iter().enumerate() {
            let cx = plot.rect.min.x + column * (i as f32 + 0.5);
            let half = (column * 0.32).min(self.px(48.0));
            let top = point
                .value
                .and_then(|v| rust_decimal::prelude::ToPrimitive::to_f64(&v))
                .map(|v| plot.y_of(v));
            if let Some(top) = top {
                let bar =
                    Rect::from_x_y_ranges(cx - half..=cx + half, zero.min(top)..=zero.max(top));
                let fill = Self::light_fill(point.light);
                painter.rect_filled(
                    bar,
                    self.px(3.0),
                    if point.year_end {
                        fill.gamma_multiply(0.6)
                    } else {
                        fill
                    },
                );
                tops.push(pos2(cx, top));
            }
            let figure_at = top.unwrap_or(zero).min(zero);
            self.text(
                &labels.figures[i],
                labels.figure_style,
                column,
                pos2(cx, figure_at - self.px(4.0)),
                Align2::CENTER_BOTTOM,
            );
            self.text(
                &labels.names[i],
                labels.name_style,
                column,
                pos2(cx, plot.rect.max.y + self.px(6.0)),
                Align2::CENTER_TOP,
            );
        }
        if tops.len() > 1 {
            painter.add(egui::Shape::line(tops, Stroke::new(self.px(3.0), t::TEXT)));
        }
    }

    /// The comments of the indicators under the red threshold, "sin comentario" in red.
    fn reasons(&mut self, area: Rect, o: &ObjectiveSlide, lights: &TrafficLights) {
        let language = self.language;
        // An objective without indicators has nothing under red to explain: its figure says why.
        if o.indicator_count == 0 {
            return;
        }
        self.role = Role::ReasonsHeading;
        let heading = self.text(
            &crate::tr!(
                language,
                "slide-reasons-title",
                threshold = percent_short(lights.red_below, language)
            ),
            Style::new(t::LABEL).rows(2),
            area.width(),
            area.min,
            Align2::LEFT_TOP,
        );
        let mut y = heading.max.y + self.px(10.0);
        if o.low.is_empty() {
            self.role = Role::ReasonsNote;
            self.text(
                &crate::tr!(language, "slide-reasons-none"),
                Style::new(t::SMALL).color(t::MUTED).rows(2),
                area.width(),
                pos2(area.min.x, y),
                Align2::LEFT_TOP,
            );
            return;
        }
        let line = self.line_height(t::SMALL);
        for (i, low) in o.low.iter().enumerate() {
            let rows_left = ((area.max.y - y) / line).floor() as usize;
            let remaining = o.low.len() - i;
            let (head, comment, color) = reason_parts(low, language);
            // Each comment takes its share of the rows left, at least three; one that does not
            // fit whole, with a row left for "… y N más" when more follow, gives way to that
            // line.
            let reserve = usize::from(remaining > 1);
            let share = (rows_left.saturating_sub(reserve) / remaining).max(3);
            let galley = self.galley(
                &[(&head, t::MUTED), (&comment, color)],
                Style::new(t::SMALL).rows(share),
                area.width(),
            );
            if galley.rows.len() + reserve > rows_left {
                if rows_left > 0 {
                    self.role = Role::ReasonsNote;
                    let more = if o.reasons_continue {
                        crate::tr!(language, "slide-reasons-more-next", count = remaining)
                    } else {
                        crate::tr!(language, "slide-reasons-more", count = remaining)
                    };
                    self.text(
                        &more,
                        Style::new(t::SMALL).color(t::MUTED),
                        area.width(),
                        pos2(area.min.x, y),
                        Align2::LEFT_TOP,
                    );
                }
                return;
            }
            self.role = Role::Reason(i);
            let rect = self.put(galley, pos2(area.min.x, y), Align2::LEFT_TOP);
            y = rect.max.y + self.px(8.0);
        }
        if o.reasons_continue && y + 2.0 * line <= area.max.y {
            self.role = Role::ReasonsNote;
            self.text(
                &crate::tr!(language, "slide-reasons-whole-next"),
                Style::new(t::SMALL).color(t::MUTED).rows(2),
                area.width(),
                pos2(area.min.x, y),
                Align2::LEFT_TOP,
            );
        }
    }

    /// A "por qué (cont.)" slide: the objective, the heading, and the reasons in full across
    /// the slide's width.
    fn reasons_slide(&mut self, body: Rect, slide: &Slide, r: &ReasonsSlide) {
        let language = self.language;
        let mut title = format!("{} {}", crate::tr!(language, "tree-objective"), r.number);
        if r.parts > 1 {
            title.push_str(&format!(
                " · {}",
                crate::tr!(language, "slide-page", page = r.part + 1, pages = r.parts)
            ));
        }
        self.role = Role::Title;
        let heading = self.text(
            &title,
            Style::new(t::TITLE),
            body.width(),
            body.min,
            Align2::LEFT_TOP,
        );
        self.role = Role::ReasonsHeading;
        let threshold = percent_short(slide.lights.red_below, language);
        let heading = self.text(
            &crate::tr!(
                language,
                "slide-reasons-continued-title",
                threshold = threshold
            ),
            Style::new(t::HEADING),
            body.width(),
            pos2(body.min.x, heading.max.y + self.px(16.0)),
            Align2::LEFT_TOP,
        );
        let mut y = heading.max.y + self.px(20.0);
        for (i, low) in r.reasons.iter().enumerate() {
            let (head, comment, color) = reason_parts(low, language);
            let galley = self.galley(
                &[(&head, t::MUTED), (&comment, color)],
                Style::new(t::SMALL).rows(usize::MAX),
                body.width(),
            );
            self.role = Role::Reason(i);
            let rect = self.put(galley, pos2(body.min.x, y), Align2::LEFT_TOP);
            y = rect.max.y + self.px(12.0);
        }
    }

    // ── Every slide ────────────────────────────────────────────────────────────────────

    /// The plan and the cut on the left, the semáforo's legend, the slide's number.
    fn footer(&mut self, area: Rect, slide: &Slide) {
        let language = self.language;
        let small = Style::new(t::SMALL).color(t::MUTED);
        let painter = self.ui.painter().clone();
        painter.line_segment(
            [
                pos2(area.min.x, area.min.y + self.px(4.0)),
                pos2(area.max.x, area.min.y + self.px(4.0)),
            ],
            Stroke::new(self.px(1.5), t::GRID),
        );
        let y = area.center().y + self.px(6.0);
        self.role = Role::Footer;
        let number = self.text(
            &format!("{} / {}", slide.number, slide.count),
            small,
            self.px(160.0),
            pos2(area.max.x, y),
            Align2::RIGHT_CENTER,
        );
        // The legend, right to left from the slide's number.
        let mut right = number.min.x - self.px(40.0);
        let entries = legend(&slide.lights, language);
        for (i, (light, text)) in entries.into_iter().enumerate().rev() {
            self.role = Role::Legend(i);
            let label = self.text(
                &text,
                Style::new(t::SMALL),
                self.px(420.0),
                pos2(right, y),
                Align2::RIGHT_CENTER,
            );
            let swatch = Rect::from_center_size(
                pos2(label.min.x - self.px(22.0), y),
                vec2(self.px(28.0), self.px(28.0)),
            );
            painter.rect_filled(swatch, self.px(4.0), theme::traffic_light(light));
            right = swatch.min.x - self.px(28.0);
        }
        self.role = Role::Footer;
        self.text(
            // The cut first: when the space is short, the title is what gets cut.
            &format!("{} · {}", slide.cut.date(), slide.plan_title),
            small,
            (right - area.min.x - self.px(20.0)).max(self.px(100.0)),
            pos2(area.min.x, y),
            Align2::LEFT_CENTER,
        );
    }
}

/// A row of a bar table.
struct Row {
    /// The label's parts with their colours (code or number first, then the name).
    label: Vec<(String, Color32)>,
    /// The value in percent; `None` draws no bar.
    value: Option<f64>,
    fill: Color32,
    /// The figure written beside the bar.
    figure: String,
    /// Why there is no figure (written where the bar would be).
    note: Option<String>,
    /// The extra columns' texts.
    columns: Vec<String>,
    /// Where the current pace leads by the vigencia's end, in percent: a hollow diamond on
    /// the bar's line.
    marker: Option<rust_decimal::Decimal>,
    /// Written at the bar's end: the quarter a figure not current stands at ("al T1").
    flag: Option<String>,
}

/// How a bar table shares its width: label, figure and extra columns (heading, share).
struct TableShape {
    label_share: f32,
    figure_share: f32,
    figure_size: f32,
    extra: Vec<(String, f32)>,
    header: Option<String>,
}

/// Where a bar table's parts go, worked out once from its area, shape and number of rows.
struct TableGeometry {
    area: Rect,
    axis: ValueAxis,
    /// Between the labels and the bars, the bars and the figures.
    gap: f32,
    label_width: f32,
    /// Where the axis' ends fall.
    bars_left: f32,
    bars_right: f32,
    /// The figure column; the extra columns follow it.
    figure_left: f32,
    figure_width: f32,
    /// The rows' top and bottom: the headings above, the axis' marks below.
    top: f32,
    bottom: f32,
    row_height: f32,
    /// Half a bar's thickness.
    bar_half: f32,
}

impl TableGeometry {
    /// Where `value` falls along the bars.
    fn x_of(&self, value: f64) -> f32 {
        self.bars_left + (self.bars_right - self.bars_left) * self.axis.fraction(value)
    }

    /// The top of the `i`-th row.
    fn row_top(&self, i: usize) -> f32 {
        self.top + self.row_height * i as f32
    }

    /// The middle of the `i`-th row, where its bar, label and figures are centred.
    fn row_center(&self, i: usize) -> f32 {
        self.row_top(i) + self.row_height / 2.0
    }

    /// The width of an extra column of `share` of the table's.
    fn column_width(&self, share: f32) -> f32 {
        self.area.width() * share
    }
}

/// Where the trend's columns go: the plot's rectangle, its axis, a column's width.
struct TrendPlot {
    rect: Rect,
    axis: ValueAxis,
    column: f32,
}

impl TrendPlot {
    /// The height of `value` on the plot.
    fn y_of(&self, value: f64) -> f32 {
        self.rect.max.y - self.rect.height() * self.axis.fraction(value)
    }
}

/// The trend's points' figures and names, and the styles they fit in.
struct TrendLabels {
    figures: Vec<String>,
    figure_style: Style,
    names: Vec<String>,
    name_style: Style,
}

/// What every row of a bar table is written in.
struct RowStyles {
    /// The figure column's, the same size for all rows.
    figure: Style,
    /// Each extra column's.
    extra: Vec<Style>,
    /// The rows a label may wrap to.
    label_rows: usize,
}

/// The semáforo's legend: each light and the range it stands for, from the plan's thresholds.
pub fn legend(lights: &TrafficLights, language: Language) -> Vec<(TrafficLight, String)> {
    let p = |v| percent_short(v, language);
    vec![
        (
            TrafficLight::Red,
            crate::tr!(language, "legend-red", below = p(lights.red_below)),
        ),
        (
            TrafficLight::Yellow,
            crate::tr!(
                language,
                "legend-yellow",
                from = p(lights.red_below),
                below = p(lights.yellow_below)
            ),
        ),
        (
            TrafficLight::Green,
            crate::tr!(
                language,
                "legend-green",
                from = p(lights.yellow_below),
                to = p(lights.green_up_to)
            ),
        ),
        (
            TrafficLight::Orange,
            crate::tr!(language, "legend-orange", above = p(lights.green_up_to)),
        ),
    ]
}

/// The indicator's figure: its real avance, with what the average counts when that differs
/// ("120,00 % (100)", "-20,00 % (0)"); "—" when there is none.
fn indicator_figure(bar: &IndicatorBar, language: Language) -> String {
    match (bar.value, bar.counted) {
        (Some(value), Counted::AsShown) => percent(value, language),
        (Some(value), Counted::Capped) => format!("{} (100)", percent(value, language)),
        (Some(value), Counted::Floored) => format!("{} (0)", percent(value, language)),
        (None, _) => "—".to_owned(),
    }
}

/// "2 indicadores sin reporte en T2": how many of an objective's indicators are not current;
/// empty when all are.
fn not_current_text(count: usize, slide: &Slide, language: Language) -> String {
    if count == 0 {
        return String::new();
    }
    crate::tr!(
        language,
        "objective-not-current",
        count = count,
        quarter = slide.cut.quarter.short_name(language)
    )
}

/// Why an indicator has no figure.
fn indicator_note(bar: &IndicatorBar, language: Language) -> Option<String> {
    match bar.status {
        Status::Measured => None,
        Status::NotProgrammed => Some(crate::tr!(language, "slide-not-programmed")),
        Status::NotReported => Some(crate::tr!(language, "slide-not-reported")),
        Status::MissingBaseline => Some(crate::tr!(language, "report-status-missing-baseline")),
        Status::BaselineEqualsProgramming => Some(crate::tr!(
            language,
            "report-status-baseline-equals-programming"
        )),
        Status::OutOfRange => Some(crate::tr!(language, "report-status-out-of-range")),
    }
}

/// "27,50 / 55,00": executed at the cut against the vigencia's programming.
fn executed_of_programmed(bar: &IndicatorBar, language: Language) -> String {
    let executed = bar
        .executed
        .map_or_else(|| "—".to_owned(), |v| number(v, language));
    let programmed = bar
        .programmed
        .map_or_else(|| "—".to_owned(), |v| number(v, language));
    format!("{executed} / {programmed}")
}

/// A reason as the slides write it: "465 · 0,00 %: " (muted), then the comment, or "sin
/// comentario" in red.
fn reason_parts(low: &LowIndicator, language: Language) -> (String, String, Color32) {
    let figure = low.value.map_or_else(
        || crate::tr!(language, "slide-not-reported"),
        |v| percent(v, language),
    );
    let head = format!("{} · {figure}: ", low.code);
    match &low.comment {
        Some(comment) => (head, comment.clone(), t::TEXT),
        None => (head, crate::tr!(language, "slide-no-comment"), t::ALERT),
    }
}
