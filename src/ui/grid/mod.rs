//! The editable grid of an objective's indicators: code and name, weight, execution per
//! quarter, the figures the engine computes at the cut, programming per vigencia, línea base,
//! type and unit — a whole row typed with Tab, a new one reached by Enter past the last. Where each cell is and where the
//! keys go is [`crate::view::grid`]; here it is drawn: [`header`], one [`row`] per indicator
//! whose number cells are [`cell`]s, and the [`footer`] with the objective's totals.
//!
//! What an officer works with at a cut comes first and fits a laptop's window (1093 points
//! wide at 125 %): the indicator's meta, code and name, weight, the quarters, the figures at
//! the cut and the note. The rest (what remains, the projection, the programming, the línea
//! base, type and unit, the kind and the entity) is reached by scrolling sideways, while meta, code and name stay in view (a
//! frozen pane, as in Excel): the grid is two tables side by side that scroll up and down
//! together, with the total row under them.

mod cell;
mod footer;
mod header;
mod row;
mod text_cell;

use egui::{Align, Layout};
use egui_extras::{Column, TableBuilder};

use crate::model::edit::Figure;
use crate::model::edit::IndicatorPath;
use crate::model::forecast::ObjectiveForecast;
use crate::model::format::{number_as_stored, number_or_empty, percent, percent_for_spreadsheet};
use crate::model::progress::programmed_total;
use crate::model::validation::indicator_label;
use crate::model::{Cut, Language, Objective, ObjectiveProgress, Plan, Vigencia};
use crate::theme;
use crate::ui::PanelContext;
use crate::view::grid::{Entry, GridColumn, GridLayout};
use crate::view::{Action, Selection, ViewState};

pub use cell::not_accepted;
pub use footer::weights_total_ui;

/// What every part of the grid reads and where it sends what the user does.
pub struct GridContext<'a> {
    pub plan: &'a Plan,
    /// The cut the grid shows (its quarter's column is highlighted).
    pub cut: Cut,
    pub objective: &'a Objective,
    pub figures: &'a ObjectiveProgress,
    /// What remains and the projection, per indicator and for the objective.
    pub forecast: &'a ObjectiveForecast,
    pub layout: &'a GridLayout,
    pub view: &'a mut ViewState,
    pub language: Language,
    pub actions: &'a mut Vec<Action>,
    /// Where the cell the keys just reached is, to scroll the grid sideways to it.
    pub reached: Option<egui::Rect>,
}

impl GridContext<'_> {
    /// The text a cell shows, as copied out: editable figures as stored, computed ones as
    /// displayed, percentages as a spreadsheet reads them (`50,00%`), the comment as written.
    fn cell_text(&self, row: usize, column: usize) -> String {
        let language = self.language;
        let (Some(at), Some(column)) = (self.layout.rows.get(row), self.layout.columns.get(column))
        else {
            return String::new();
        };
        let (Some(indicator), Some(figures)) =
            (self.plan.indicator(*at), self.figures.indicators.get(row))
        else {
            return String::new();
        };
        match *column {
            GridColumn::Figure(vigencia, figure) => {
                let value = indicator.figure(vigencia, figure);
                value.map_or_else(String::new, |v| number_as_stored(v, language))
            }
            GridColumn::ExecutedAtCut => number_or_empty(figures.executed, language),
            GridColumn::Progress => figures
                .progress()
                .map_or_else(String::new, |p| percent_for_spreadsheet(p, language)),
            GridColumn::Comment(quarter) => indicator
                .year(self.cut.vigencia)
                .and_then(|y| y.comments.get(&quarter))
                .cloned()
                .unwrap_or_default(),
            GridColumn::Remaining => number_or_empty(
                self.forecast
                    .indicators
                    .get(row)
                    .and_then(|f| f.remaining_shown()),
                language,
            ),
            GridColumn::Projected => self
                .forecast
                .indicators
                .get(row)
                .and_then(|f| f.projected_shown())
                .map_or_else(String::new, |p| percent_for_spreadsheet(p, language)),
            GridColumn::Total => {
                number_or_empty(programmed_total(indicator, self.plan.period), language)
            }
            GridColumn::Setup(entry) => match entry {
                Entry::Code => indicator.code.clone().unwrap_or_default(),
                Entry::Name => indicator.name.clone(),
                Entry::Unit => indicator.unit.clone(),
                Entry::Type => annualization_name(indicator.annualization, language),
                Entry::Baseline | Entry::Figure(..) => indicator
                    .baseline
                    .map_or_else(String::new, |v| number_as_stored(v, language)),
            },
        }
    }

    /// Whether the cell at `row`, `column` is in the selected range (of more than one cell).
    fn in_range(&self, row: usize, column: usize) -> bool {
        self.view
            .range
            .filter(|r| r.anchor != r.end)
            .is_some_and(|r| self.layout.in_range(r, row, column))
    }

    /// How officers name the indicator at `at`: its code, or "N/A" and its meta's code.
    fn label_of(&self, at: IndicatorPath) -> String {
        match (self.plan.indicator(at), self.objective.metas.get(at.meta)) {
            (Some(indicator), Some(meta)) => indicator_label(&meta.code, indicator),
            _ => String::new(),
        }
    }
}

use crate::view::grid::annualization_name;

/// The grid of the objective at index `objective`.
pub fn indicator_grid_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>, objective: usize) {
    let (plan, figures, language) = (ctx.plan, ctx.computed, ctx.language);
    let (view, actions) = (&mut *ctx.view, &mut *ctx.actions);
    let (Some(obj), Some(obj_figures), Some(obj_forecast)) = (
        plan.objectives.get(objective),
        figures.progress.objectives.get(objective),
        figures.forecast.objectives.get(objective),
    ) else {
        return;
    };
    let rows: Vec<IndicatorPath> = plan.indicator_paths(objective);
    if rows.is_empty() {
        ui.weak(crate::tr!(language, "grid-no-indicators-yet"));
        return;
    }
    let years: Vec<Vigencia> = plan.period.vigencias().collect();
    let mut layout = GridLayout::new(rows, plan.cut, &years);
    // Page Up / Page Down move by the rows on screen (less the header and the total row).
    layout.rows_per_page = ((ui.available_height() / theme::ROW_HEIGHT) as usize)
        .saturating_sub(2)
        .max(1);
    if !ui.input(|i| i.pointer.primary_down()) {
        view.range_drag = false;
    }
    let mut grid = GridContext {
        plan,
        cut: plan.cut,
        objective: obj,
        figures: obj_figures,
        forecast: obj_forecast,
        layout: &layout,
        view,
        language,
        actions,
        reached: None,
    };
    let widths = GridWidths::new(ui, obj, obj_figures, &layout, grid.cut, language);
    let rows_scroll_id = egui::Id::unique(("grid_rows_scroll", objective));
    let rows_scroll = ui
        .data(|d| d.get_temp::<RowsScroll>(rows_scroll_id))
        .unwrap_or_default();
    // The table scrolls itself up and down; sideways, the keys' target is revealed here (an
    // inner scroll area takes the sideways scroll request too, so egui cannot do it).
    let pending_id = egui::Id::unique(("grid_scroll_to", objective));
    let mut area = egui::ScrollArea::horizontal().id_salt(("grid_scroll", objective));
    if let Some(x) = ui.data_mut(|d| d.remove_temp::<f32>(pending_id)) {
        area = area.horizontal_scroll_offset(x);
    }
    // Both panes' rows scroll in the same room: what the details leave, less the header and
    // the total row.
    let rows_height = ui.available_height() - HEADER_HEIGHT - footer::HEIGHT;
    let panes = ui.horizontal_top(|ui| {
        let names = ui
            .vertical(|ui| {
                let scroll = RowsView {
                    height: rows_height,
                    to: rows_scroll.names_to(),
                };
                names_table_ui(ui, &mut grid, &widths, objective, scroll)
            })
            .inner;
        let figures = area.show(ui, |ui| {
            ui.vertical(|ui| {
                let scroll = RowsView {
                    height: rows_height,
                    to: rows_scroll.figures_to(),
                };
                figures_table_ui(ui, &mut grid, &widths, objective, scroll)
            })
            .inner
        });
        (names, figures)
    });
    let (names, figures) = panes.inner;
    let rows_scroll = rows_scroll.after(names, figures.inner);
    if !rows_scroll.together() {
        ui.ctx().request_repaint();
    }
    ui.data_mut(|d| d.insert_temp(rows_scroll_id, rows_scroll));
    if let Some(x) = grid
        .reached
        .and_then(|rect| offset_to_reveal(rect, &figures))
    {
        ui.data_mut(|d| d.insert_temp(pending_id, x));
        ui.ctx().request_repaint();
    }
}

/// The room a pane's rows scroll in, and where to scroll them to (to follow the other pane).
#[derive(Clone, Copy)]
struct RowsView {
    height: f32,
    to: Option<f32>,
}

/// How far down the grid's two panes are scrolled: the frozen names and the figures beside
/// them scroll up and down together. Whichever the user scrolled (the wheel, the bar, a cell
/// the keys reached, the indicator found) leads; the other follows in the next frame.
#[derive(Clone, Copy, Debug, Default)]
struct RowsScroll {
    /// Where both should be.
    shared: f32,
    /// Where each was at the end of the last frame.
    names: f32,
    figures: f32,
}

impl RowsScroll {
    /// Where the names pane must be put, if it is not there.
    fn names_to(self) -> Option<f32> {
        ((self.names - self.shared).abs() > 0.5).then_some(self.shared)
    }

    /// Where the figures pane must be put, if it is not there.
    fn figures_to(self) -> Option<f32> {
        ((self.figures - self.shared).abs() > 0.5).then_some(self.shared)
    }

    /// After a frame that left the panes at `names` and `figures`.
    fn after(self, names: f32, figures: f32) -> Self {
        let shared = if (figures - self.shared).abs() > 0.5 {
            figures
        } else if (names - self.shared).abs() > 0.5 {
            names
        } else {
            self.shared
        };
        Self {
            shared,
            names,
            figures,
        }
    }

    /// Whether both panes are where they should be.
    fn together(self) -> bool {
        self.names_to().is_none() && self.figures_to().is_none()
    }
}

/// The code column's width at first.
const CODE_WIDTH: f32 = 44.0;
/// The annualization type column's width at first ("Decreciente" fits).
const TYPE_WIDTH: f32 = 96.0;
/// The unit column's width at first.
const UNIT_WIDTH: f32 = 120.0;
/// The indicator kind column's width at first ("proyecto de inversión" fits).
const KIND_WIDTH: f32 = 140.0;
/// The entity column's width at first (its name is cut with "…", whole on hover).
const ENTITY_WIDTH: f32 = 180.0;
/// The indicator name's width at first: what the working columns leave, within these (the
/// narrowest only when an avance far past its programming widens its column on a laptop).
const NAME_WIDTH: (f32, f32) = (40.0, 480.0);

/// How wide the grid's columns are at first (until widths are dragged, then remembered: a figure
/// typed later that does not fit shows "###", as in Excel).
struct GridWidths {
    /// The meta code's: never cut, it fits the longest one.
    meta: f32,
    /// The indicator's name's: what the working columns leave.
    name: f32,
    /// The widest the name may be dragged (or kept from a larger window) with the note still
    /// on screen.
    name_max: f32,
    /// Each figure column's, in the layout's order.
    figures: Vec<f32>,
    /// The avance column's place among the figures and the width its widest avance needs
    /// now: it grows as figures are typed (a cut avance would read as another number).
    progress: Option<(usize, f32)>,
}

impl GridWidths {
    /// The widths for `objective`'s grid in `layout`, in the room `ui` has: the columns up to
    /// the note fit it when they can, the name taking what the others leave.
    fn new(
        ui: &egui::Ui,
        objective: &Objective,
        figures: &ObjectiveProgress,
        layout: &GridLayout,
        cut: Cut,
        language: Language,
    ) -> Self {
        let meta = meta_code_width(ui, objective);
        let progress = progress_width(ui, figures, cut, language);
        let widths: Vec<f32> = layout
            .scrolled()
            .iter()
            .map(|column| match column {
                GridColumn::Progress => progress,
                GridColumn::Projected => 100.0,
                GridColumn::Figure(vigencia, figure) => {
                    let least = match figure {
                        Figure::Weight => 72.0,
                        _ => theme::NUMBER_COLUMN,
                    };
                    // Past the widest, a figure shows "###" as in Excel, whole when reached.
                    figure_column_width(ui, objective, *vigencia, *figure, language)
                        .clamp(least, FIGURE_WIDTH_MAX)
                }
                GridColumn::Comment(_) => 44.0,
                GridColumn::Setup(Entry::Type) => TYPE_WIDTH,
                GridColumn::Setup(Entry::Unit) => UNIT_WIDTH,
                GridColumn::ExecutedAtCut => theme::NUMBER_COLUMN + 8.0,
                _ => theme::NUMBER_COLUMN,
            })
            .collect();
        let working = layout
            .scrolled()
            .iter()
            .position(|c| matches!(c, GridColumn::Comment(_)))
            .map_or(layout.scrolled().len(), |note| note + 1);
        // egui_extras puts the item spacing after every column, and there is one between the
        // frozen pane and the figures.
        let spacing = ui.spacing().item_spacing.x;
        let spare = ui.available_width()
            - meta
            - CODE_WIDTH
            - widths.iter().take(working).sum::<f32>()
            - spacing * (working + 4) as f32
            // Rounding never pushes the note out of the window.
            - 2.0;
        Self {
            meta,
            name: spare.clamp(NAME_WIDTH.0, NAME_WIDTH.1),
            name_max: spare.max(NAME_WIDTH.0),
            progress: layout
                .scrolled()
                .iter()
                .position(|c| *c == GridColumn::Progress)
                .map(|at| (at, progress)),
            figures: widths,
        }
    }
}

/// How the grid's two tables are built alike: rows of the same height, striped, scrolling up
/// and down in `rows`' room (what the details leave, less the header and the total row), so
/// the total stays in view however many indicators the objective has. A cell the keys reach
/// (or the indicator found) may be in a row not laid out yet: both scroll to it; its cell
/// takes the focus once drawn. Widths are remembered by the column's place, under `id_salt`:
/// a table whose columns change order is named anew, so no width is applied to another column.
fn grid_table<'a>(
    ui: &'a mut egui::Ui,
    grid: &GridContext<'_>,
    id_salt: impl egui::AsIdSalt,
    rows: RowsView,
) -> TableBuilder<'a> {
    let mut table = TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .resizable(true)
        .vscroll(true)
        // Never taller than the room left under the details: a grid that overflows hides its
        // last rows under the charts, out of reach.
        .min_scrolled_height(0.0)
        .max_scroll_height(rows.height.max(theme::ROW_HEIGHT))
        .cell_layout(Layout::left_to_right(Align::Center));
    if let Some(y) = rows.to {
        table = table.vertical_scroll_offset(y);
    }
    let wanted = grid
        .view
        .next_frame
        .focus
        .map(|cell| cell.at)
        .or(match grid.view.selection {
            Selection::Indicator(at) if grid.view.next_frame.reveal_selection => Some(at),
            _ => None,
        });
    if let Some(row) = wanted.and_then(|at| grid.layout.rows.iter().position(|r| *r == at)) {
        table = table.scroll_to_row(row, None);
    }
    table
}

/// The header's height.
const HEADER_HEIGHT: f32 = theme::ROW_HEIGHT + 4.0;

/// The frozen pane, as in Excel: each indicator's meta, code and name stay in view while the
/// figures scroll sideways. Returns how far down its rows are scrolled.
fn names_table_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    widths: &GridWidths,
    objective: usize,
    rows: RowsView,
) -> f32 {
    let language = grid.language;
    let mut spans = Vec::new();
    let output = grid_table(ui, grid, ("indicator_grid_names", objective), rows)
        // As wide as its columns: the figures take the rest.
        .auto_shrink([true, true])
        // The figures' pane has the bar; the wheel scrolls both from either.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
        // Widths are remembered across windows and sessions; held to what this window's room
        // allows, a name widened on a large monitor does not push the note off a laptop's.
        .column(
            Column::initial(widths.meta)
                .range(widths.meta..=widths.meta)
                .clip(true),
        )
        .column(
            Column::initial(CODE_WIDTH)
                .range(36.0..=CODE_WIDTH * 2.0)
                .clip(true),
        )
        .column(
            Column::initial(widths.name)
                .range(NAME_WIDTH.0..=widths.name_max)
                .clip(true),
        )
        .header(HEADER_HEIGHT, |header| {
            spans = header::names_header_ui(header, language);
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, grid.layout.rows.len(), |table_row| {
                let row = table_row.index();
                if let Some(at) = grid.layout.rows.get(row) {
                    row::names_row_ui(table_row, grid, row, *at);
                }
            });
        });
    footer::names_footer_ui(ui, &spans, grid);
    output.state.clamped_offset().y
}

/// The pane that scrolls sideways: the figures (what an officer works with at a cut first),
/// then each indicator's type and entity. Returns how far down its rows are scrolled.
fn figures_table_ui(
    ui: &mut egui::Ui,
    grid: &mut GridContext<'_>,
    widths: &GridWidths,
    objective: usize,
    rows: RowsView,
) -> f32 {
    let (layout, cut, language) = (grid.layout, grid.cut, grid.language);
    let mut table = grid_table(ui, grid, ("indicator_grid_figures", objective), rows)
        .auto_shrink([false, true]);
    for (at, width) in widths.figures.iter().enumerate() {
        let least = match widths.progress {
            Some((progress, needed)) if progress == at => needed,
            _ => 40.0,
        };
        table = table.column(Column::initial(*width).at_least(least).clip(true));
    }
    let mut spans = Vec::new();
    let output = table
        .column(Column::initial(KIND_WIDTH).at_least(40.0).clip(true))
        .column(Column::initial(ENTITY_WIDTH).at_least(40.0).clip(true))
        .header(HEADER_HEIGHT, |header| {
            spans = header::figures_header_ui(header, layout, cut, language);
        })
        .body(|body| {
            // Only the rows on screen are laid out, so a plan of thousands of indicators costs
            // what a screenful does.
            body.rows(theme::ROW_HEIGHT, layout.rows.len(), |table_row| {
                let row = table_row.index();
                if let Some(at) = layout.rows.get(row) {
                    row::figures_row_ui(table_row, grid, row, *at);
                }
            });
        });
    footer::figures_footer_ui(ui, &spans, grid);
    output.state.clamped_offset().y
}

/// The sideways scroll offset that brings `rect` into the grid's view, if it is not in it. A
/// cell wholly left of the scrolled pane is the frozen pane's (a row's code or name, reached by
/// Home or Shift+Tab): the figures go back to their start, as in Excel.
fn offset_to_reveal<R>(
    rect: egui::Rect,
    area: &egui::scroll_area::ScrollAreaOutput<R>,
) -> Option<f32> {
    let visible = area.inner_rect;
    let offset = area.state.clamped_offset().x;
    let margin = 8.0;
    if rect.max.x <= visible.min.x {
        (offset > 0.0).then_some(0.0)
    } else if rect.max.x > visible.max.x {
        Some(offset + rect.max.x - visible.max.x + margin)
    } else if rect.min.x < visible.min.x {
        Some((offset - (visible.min.x - rect.min.x) - margin).max(0.0))
    } else {
        None
    }
}

/// The width that shows every indicator's avance whole, with what the average counts beside
/// it when that differs ("2.750,00 % (100)"); never narrower than "100,00 %".
fn progress_width(ui: &egui::Ui, figures: &ObjectiveProgress, cut: Cut, language: Language) -> f32 {
    let width = |text: String, style: egui::TextStyle| {
        let font = style.resolve(ui.style());
        ui.fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE))
            .size()
            .x
    };
    let spacing = ui.spacing().item_spacing.x;
    let hundred = width(
        percent(rust_decimal::Decimal::ONE_HUNDRED, language),
        egui::TextStyle::Monospace,
    );
    figures
        .indicators
        .iter()
        .map(|figures| {
            let shown = row::ProgressShown::of(figures, cut, language);
            let mark = |text: Option<(String, String)>| {
                text.map_or(0.0, |(text, _)| {
                    spacing + width(text, egui::TextStyle::Small)
                })
            };
            width(shown.figure, egui::TextStyle::Monospace)
                + mark(shown.counted)
                + mark(shown.stands_at)
        })
        .fold(hundred, f32::max)
        + 2.0 * spacing
}

/// The widest a figure column starts ("15.000.000,00").
const FIGURE_WIDTH_MAX: f32 = 120.0;

/// The width that shows every figure of a column whole ("15.000,00" of a plan that counts
/// people): the widest value's digits with the most decimals any value has. One text is
/// measured, so a column of thousands of indicators costs a pass over their figures.
fn figure_column_width(
    ui: &egui::Ui,
    objective: &Objective,
    vigencia: crate::model::Vigencia,
    figure: Figure,
    language: Language,
) -> f32 {
    let values = objective
        .metas
        .iter()
        .flat_map(|m| &m.indicators)
        .filter_map(|indicator| match figure {
            Figure::Weight => indicator.weight(vigencia),
            Figure::Programmed => indicator.programmed(vigencia),
            Figure::Executed(q) => indicator.executed(vigencia, q),
        });
    let (mut widest, mut scale, mut negative) = (rust_decimal::Decimal::ZERO, 0, false);
    for value in values {
        widest = widest.max(value.abs().trunc());
        scale = scale.max(value.scale());
        negative |= value.is_sign_negative();
    }
    let mut shown = if negative { -widest } else { widest };
    shown.rescale(scale);
    let text = crate::model::format::number_as_stored(shown, language);
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text, font, egui::Color32::WHITE))
        .size()
        .x
        // The cell's frame and margins, as the number column's own width leaves them.
        + 20.0
}

/// The width that shows every meta code of the objective whole ("META SECTORIAL 431").
fn meta_code_width(ui: &egui::Ui, objective: &Objective) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = objective
        .metas
        .iter()
        .map(|m| {
            ui.fonts_mut(|f| f.layout_no_wrap(m.code.clone(), font.clone(), egui::Color32::WHITE))
                .size()
                .x
        })
        .fold(60.0_f32, f32::max);
    widest + 16.0
}

/// Paints the cell as part of the selected range, over what it shows.
fn paint_in_range(ui: &egui::Ui) {
    let rect = ui.max_rect();
    ui.painter()
        .rect_filled(rect, 0.0, theme::range_fill(ui.visuals()));
    ui.painter().rect_stroke(
        rect,
        0.0,
        theme::range_stroke(ui.visuals()),
        egui::StrokeKind::Inside,
    );
}

/// A text in the cell, right-aligned (numbers).
fn right_aligned(ui: &mut egui::Ui, text: String) -> egui::Response {
    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
        if fits(ui, &text, 0.0) {
            ui.add(egui::Label::new(text).selectable(false))
        } else {
            too_wide_ui(ui, &text)
        }
    })
    .inner
}

/// What a cell too narrow for its figure shows, as Excel does: never a figure cut to another
/// number (`1.234.56` for `1.234.567,50`); the figure whole on hover.
pub const TOO_WIDE: &str = "###";

/// Whether `text` fits in what is left of the cell, less `margin` on each side.
fn fits(ui: &egui::Ui, text: &str, margin: f32) -> bool {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    galley.size().x + 2.0 * margin <= ui.available_width()
}

/// "###" with the figure on hover.
fn too_wide_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(egui::Label::new(TOO_WIDE).selectable(false))
        .on_hover_text(text)
}
