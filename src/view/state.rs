//! What the user is looking at and what is remembered between sessions: runtime state, not
//! saved in the plan.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::grid::{CellId, CellRange};
use crate::model::edit::IndicatorPath;
use crate::model::format::{NumberError, parse_optional_number};
use crate::model::{Cut, Language};

/// How many recent files the Archivo menu remembers.
pub const MAX_RECENT: usize = 8;

/// What is remembered between sessions (eframe storage).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub language: Language,
    pub dark: bool,
    pub recent: Vec<PathBuf>,
    /// The first-start line ("this is the example plan; do this first") was dismissed.
    pub welcomed: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            language: Language::Es,
            dark: false,
            recent: Vec::new(),
            welcomed: false,
        }
    }
}

impl Prefs {
    /// Puts `path` first among the recent files (once), keeping the newest [`MAX_RECENT`].
    pub fn remember_recent(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}

/// The node of the plan tree the user selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    Plan,
    Objective(usize),
    Meta { objective: usize, meta: usize },
    Indicator(IndicatorPath),
}

impl Selection {
    /// The objective the selection belongs to, if any.
    pub fn objective(self) -> Option<usize> {
        match self {
            Selection::Plan => None,
            Selection::Objective(o) | Selection::Meta { objective: o, .. } => Some(o),
            Selection::Indicator(at) => Some(at.objective),
        }
    }
}

/// How a focused cell takes keys, as in a spreadsheet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CellMode {
    /// Just reached (click, Tab, Enter, arrows): the whole text is selected, typing replaces
    /// it, arrows and Home/End move to other cells.
    #[default]
    Ready,
    /// Typing replaced the text (Excel's enter mode): arrows accept it and move.
    Typing,
    /// F2 or a double-click: the caret is in the text and arrows move it.
    Amending,
}

/// Text typed in a cell, as typed: while the cell is being typed in, and afterwards when it is
/// not a number (the plan never takes a bad value; the text stays until fixed or Esc).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
}

/// The cell that has the keyboard focus, from the moment it was reached until it is left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellVisit {
    pub cell: CellId,
    pub mode: CellMode,
    /// The value the cell had when it was reached, which Esc gives back.
    pub original: Option<rust_decimal::Decimal>,
}

impl Draft {
    /// Why the text is not a value, if it is not (read in the user's language).
    pub fn error(&self, language: Language) -> Option<NumberError> {
        parse_optional_number(&self.text, language).err()
    }
}

/// What the user is looking at and working in: runtime state of the window, never saved in
/// the plan.
///
/// The rule (ARCHITECTURE.md, "Who changes what"): panels may change what is looked at here
/// (selection, visit, drafts, open boxes, the slide and chart pages); the plan changes only
/// through an [`Action`](super::Action). Requests for the next frame are in [`NextFrame`],
/// and what is kept only to spare work in [`ViewCache`].
#[derive(Clone, Debug)]
pub struct ViewState {
    pub selection: Selection,
    /// Texts typed in grid cells, kept while they are shown (a red one was not accepted).
    pub drafts: BTreeMap<CellId, Draft>,
    /// The cell being visited (focused), if any.
    pub visit: Option<CellVisit>,
    /// Presenting to the committee: full-screen slides.
    pub presenting: bool,
    /// A rectangle of grid cells selected (Shift+arrows, Shift+click, a drag).
    pub range: Option<CellRange>,
    /// Whether a drag across the grid's cells is selecting a range.
    pub range_drag: bool,
    /// The find bar (Ctrl+F), when open.
    pub find: Option<Find>,
    /// Whether the help window (F1) is open.
    pub help_open: bool,
    /// The comparison with another plan file (Archivo → Comparar con…), while shown.
    pub comparison: Option<super::compare::Comparison>,
    /// The slide on screen while presenting (0: the plan's).
    pub slide: usize,
    /// The digit key last pressed while presenting, waiting (a second at most) for a second
    /// digit of an objective's number.
    pub typed_digit: Option<super::slides::TypedDigit>,
    /// The order of the indicators on the slides and in the indicators chart.
    pub slide_order: super::slides::SlideOrder,
    /// The page of the indicators chart (an objective with many indicators has several).
    pub chart_page: usize,
    /// The semáforo thresholds as typed in the plan's settings, until applied.
    pub thresholds_form: Option<super::thresholds::ThresholdsForm>,
    /// Entity names typed under *Plan y entidades* (by the entity's index) and not applied
    /// yet: while typed, and afterwards when refused (empty, another entity's).
    pub entity_names: BTreeMap<usize, String>,
    /// The name typed for a new entity, until added.
    pub new_entity: String,
    /// The period's first and last vigencias as typed under *Plan y entidades*, until applied.
    pub period_form: Option<[String; 2]>,
    /// What the next frame must do once.
    pub next_frame: NextFrame,
    /// Kept only to spare work: dropping it changes nothing on screen.
    pub cache: ViewCache,
}

/// Requests for the next frame: each is done once and then cleared by the panel that does it.
#[derive(Clone, Debug, Default)]
pub struct NextFrame {
    /// A cell to focus (Enter moves down; a finding selects its cell); cleared by the cell
    /// when it takes the focus.
    pub focus: Option<CellId>,
    /// Open the tree down to the selection and scroll the grid to its row; cleared once the
    /// panels are drawn.
    pub reveal_selection: bool,
    /// Open the Archivo menu (F10, Alt); cleared by the menu bar.
    pub open_menu: bool,
}

/// What is kept between frames only to spare work.
#[derive(Clone, Debug, Default)]
pub struct ViewCache {
    /// The slide drawn while presenting, kept while its figures do not change.
    pub slide_shown: Option<super::slides::SlideShown>,
}

impl ViewState {
    /// What a window shows when a plan is opened: `selection`, nothing typed, nothing open.
    pub fn new(selection: Selection) -> Self {
        Self {
            selection,
            drafts: BTreeMap::new(),
            visit: None,
            presenting: false,
            range: None,
            range_drag: false,
            find: None,
            help_open: false,
            comparison: None,
            slide: 0,
            typed_digit: None,
            slide_order: super::slides::SlideOrder::default(),
            chart_page: 0,
            thresholds_form: None,
            entity_names: BTreeMap::new(),
            new_entity: String::new(),
            period_form: None,
            next_frame: NextFrame::default(),
            cache: ViewCache::default(),
        }
    }

    /// Drops every text typed and not accepted: the boxes show the plan's values again.
    pub fn drop_drafts(&mut self) {
        self.drafts.clear();
    }

    /// Drops the texts typed and not accepted (read in `language`): the boxes show the plan's
    /// values again. The semáforo's thresholds typed and not applied go too.
    pub fn drop_refused(&mut self, language: Language) {
        self.drafts.retain(|_, d| d.error(language).is_none());
        self.thresholds_form = None;
        // An entity's name is applied when its field is left; what stays here was refused.
        self.entity_names.clear();
    }

    /// Drops the texts of the cells `edits` wrote (a pasted block, a range emptied or filled
    /// down): each such cell shows the value it now holds.
    pub fn drop_drafts_written_by(&mut self, edits: &[crate::model::edit::Edit]) {
        for edit in edits {
            use crate::model::edit::Edit;
            let cell = match *edit {
                Edit::Figure {
                    at,
                    vigencia,
                    figure,
                    ..
                } => CellId::figure(at, vigencia, figure),
                Edit::Baseline { at, .. } => CellId {
                    at,
                    entry: super::grid::Entry::Baseline,
                },
                _ => continue,
            };
            self.drafts.remove(&cell);
        }
    }
}

/// What the find bar holds: the words typed and where they were found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Find {
    pub query: String,
    /// The indicators found, in plan order.
    pub hits: Vec<IndicatorPath>,
    /// Which hit is shown (the last one gone to).
    pub current: Option<usize>,
    /// The bar just opened: focus its field.
    pub fresh: bool,
}

impl Find {
    /// Where the keyboard goes when the bar closes: the figure of the indicator found (the
    /// one shown) at `cut`, the quarter's executed magnitude, so typing replaces it. None when
    /// no hit was gone to.
    pub fn found_cell(&self, cut: Cut) -> Option<CellId> {
        let at = *self.hits.get(self.current?)?;
        Some(CellId::figure(
            at,
            cut.vigencia,
            crate::model::edit::Figure::Executed(cut.quarter),
        ))
    }
}

/// A short message that does not stop work, shown for a few seconds ("Guardado en …").
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// When it was first shown (egui time), to hide it later.
    pub shown_since: Option<f64>,
}

impl Notice {
    /// A notice not shown yet.
    pub fn new(text: String) -> Self {
        Self {
            text,
            shown_since: None,
        }
    }
}
