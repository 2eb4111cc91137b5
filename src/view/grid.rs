//! The grid of an objective's indicators without drawing it: which cell is where, where the
//! keys move the focus, where a pasted block lands. Unit-tested without a window.

use crate::i18n::Language;
use crate::model::edit::{Edit, Figure, IndicatorPath, IndicatorText};
use crate::model::format::{NumberError, parse_block};
use crate::model::validation::Field;
use std::ops::RangeInclusive;

use egui::{KeyboardShortcut, Modifiers};
use rust_decimal::Decimal;

use crate::model::{Annualization, Cut, Quarter, Vigencia};
use crate::tr;

/// What an editable cell of the grid holds: a figure of a vigencia, or what the indicator is
/// set up with (code, name, línea base, type, unit), so a whole row is typed as in Excel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entry {
    /// A figure of a vigencia (weight, a quarter's execution, the programming).
    Figure(Vigencia, Figure),
    /// The indicator's code ("N/A" or empty: none).
    Code,
    /// The indicator's name.
    Name,
    /// The línea base (the level a decreciente indicator is measured from).
    Baseline,
    /// The tipo de anualización, chosen by typing the start of its name.
    Type,
    /// The unit of measure.
    Unit,
}

impl Entry {
    /// Whether the cell holds a number (typed text that is not one stays red, out of the plan).
    pub fn is_number(self) -> bool {
        matches!(self, Entry::Figure(..) | Entry::Baseline)
    }
}

/// One editable cell of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    pub at: IndicatorPath,
    pub entry: Entry,
}

impl CellId {
    /// The cell of a figure of a vigencia.
    pub fn figure(at: IndicatorPath, vigencia: Vigencia, figure: Figure) -> Self {
        Self {
            at,
            entry: Entry::Figure(vigencia, figure),
        }
    }

    /// The vigencia and figure the cell holds, when it holds a figure.
    pub fn as_figure(self) -> Option<(Vigencia, Figure)> {
        match self.entry {
            Entry::Figure(vigencia, figure) => Some((vigencia, figure)),
            _ => None,
        }
    }

    /// What the cell holds, as a validation field (which also names it); the type and the unit
    /// are no field of the findings.
    pub fn field(self) -> Option<Field> {
        match self.entry {
            Entry::Figure(vigencia, figure) => Some(Field::of_figure(vigencia, figure)),
            Entry::Code => Some(Field::Code),
            Entry::Name => Some(Field::Name),
            Entry::Baseline => Some(Field::Baseline),
            Entry::Type | Entry::Unit => None,
        }
    }

    /// The cell's name for the accessible label and messages: "ejecutado 2022 T1", "unidad".
    pub fn name(self, language: Language) -> String {
        match (self.field(), self.entry) {
            (Some(field), _) => field.name(language),
            (None, Entry::Type) => tr!(language, "grid-type"),
            (None, _) => tr!(language, "grid-unit"),
        }
    }

    /// The number the plan holds in the cell (a figure, the línea base); `None` for the others.
    pub fn number(self, plan: &crate::model::Plan) -> Option<Decimal> {
        let indicator = plan.indicator(self.at)?;
        match self.entry {
            Entry::Figure(vigencia, figure) => indicator.figure(vigencia, figure),
            Entry::Baseline => indicator.baseline,
            Entry::Code | Entry::Name | Entry::Type | Entry::Unit => None,
        }
    }

    /// The edit that sets the cell's text field to `text`, for the cells that take any text
    /// (code, name, unit).
    pub fn text_edit(self, text: String) -> Option<Edit> {
        let field = match self.entry {
            Entry::Code => IndicatorText::Code,
            Entry::Name => IndicatorText::Name,
            Entry::Unit => IndicatorText::Unit,
            _ => return None,
        };
        Some(Edit::IndicatorText {
            at: self.at,
            field,
            text,
        })
    }
}

/// A column of the grid, in the order shown: the frozen pane's code and name, then the pane
/// that scrolls sideways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GridColumn {
    /// A cell the officer types in that is no figure of a vigencia: code, name, línea base,
    /// type, unit.
    Setup(Entry),
    /// An editable figure of a vigencia.
    Figure(Vigencia, Figure),
    /// Magnitud ejecutada al corte (computed).
    ExecutedAtCut,
    /// Avance al corte (computed).
    Progress,
    /// The officer's comment on the cut's quarter (edited in its own box).
    Comment(Quarter),
    /// What remains to reach the vigencia's programming (computed, see [`crate::model::forecast`]).
    Remaining,
    /// The avance the vigencia would close with at the current pace (computed).
    Projected,
    /// Programación total (computed).
    Total,
}

/// A rectangle of cells selected with Shift+arrows, Shift+click or a drag: from the cell where
/// it began to the cell it reaches (computed columns between them included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellRange {
    pub anchor: CellId,
    pub end: CellId,
}

/// The grid's rows and number columns: where each cell is, where the keys move the focus,
/// where a pasted block lands.
pub struct GridLayout {
    pub rows: Vec<IndicatorPath>,
    /// Every column: the first [`FROZEN`](Self::FROZEN) are the frozen pane's (code, name).
    pub columns: Vec<GridColumn>,
    /// How many rows Page Up / Page Down move: the rows on screen.
    pub rows_per_page: usize,
}

/// Where a key sends the focus from a cell, as in a spreadsheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// Tab: the next editable cell, row after row.
    Next,
    /// Shift+Tab.
    Previous,
    Up,
    Down,
    /// Enter: down, as Down; past the last row, to a new row.
    NextRow,
    Left,
    Right,
    PageUp,
    PageDown,
    /// Home: the row's first editable cell.
    RowStart,
    /// End: the row's last editable cell.
    RowEnd,
    /// Ctrl+Home: the grid's first cell.
    First,
    /// Ctrl+End: the grid's last cell.
    Last,
}

/// What a key pressed in a focused cell asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKey {
    Move(Move),
    /// F2: put the caret at the end of the text.
    Amend,
    /// Esc: give the cell back the value it had.
    Cancel,
}

impl CellKey {
    /// Whether the key of `shortcut` is the cell's now: arrows move the caret while the
    /// user amends a text (they move between cells otherwise), Home and End alone only
    /// while the cell is just reached.
    pub fn applies(shortcut: &KeyboardShortcut, arrows_move: bool, home_end_move: bool) -> bool {
        use egui::Key::{ArrowDown, ArrowLeft, ArrowRight, ArrowUp, End, Home};
        match shortcut.logical_key {
            ArrowUp | ArrowDown | ArrowLeft | ArrowRight => arrows_move,
            Home | End if shortcut.modifiers == Modifiers::NONE => home_end_move,
            _ => true,
        }
    }
}

const fn shortcut(modifiers: Modifiers, key: egui::Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

/// The keys a focused cell takes before its text field sees them, in the order they are
/// read, each with exactly these modifiers (Shift+Tab is not Tab, Shift+arrows are a range).
pub const CELL_KEYS: [(KeyboardShortcut, CellKey); 16] = {
    use CellKey::{Amend, Cancel};
    use egui::Key;
    const NONE: Modifiers = Modifiers::NONE;
    const SHIFT: Modifiers = Modifiers::SHIFT;
    const CTRL: Modifiers = Modifiers::COMMAND;
    [
        (shortcut(NONE, Key::Tab), CellKey::Move(Move::Next)),
        (shortcut(SHIFT, Key::Tab), CellKey::Move(Move::Previous)),
        (shortcut(NONE, Key::Enter), CellKey::Move(Move::NextRow)),
        (shortcut(SHIFT, Key::Enter), CellKey::Move(Move::Up)),
        (shortcut(NONE, Key::Escape), Cancel),
        (shortcut(NONE, Key::F2), Amend),
        (shortcut(NONE, Key::PageUp), CellKey::Move(Move::PageUp)),
        (shortcut(NONE, Key::PageDown), CellKey::Move(Move::PageDown)),
        (shortcut(CTRL, Key::Home), CellKey::Move(Move::First)),
        (shortcut(CTRL, Key::End), CellKey::Move(Move::Last)),
        (shortcut(NONE, Key::Home), CellKey::Move(Move::RowStart)),
        (shortcut(NONE, Key::End), CellKey::Move(Move::RowEnd)),
        (shortcut(NONE, Key::ArrowUp), CellKey::Move(Move::Up)),
        (shortcut(NONE, Key::ArrowDown), CellKey::Move(Move::Down)),
        (shortcut(NONE, Key::ArrowLeft), CellKey::Move(Move::Left)),
        (shortcut(NONE, Key::ArrowRight), CellKey::Move(Move::Right)),
    ]
};

/// What a key does to a range of cells (from the focused cell when there is none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeKey {
    /// Shift+arrows: the range grows or shrinks that way.
    Extend(Move),
    /// Ctrl+C, sent by the window system as a copy: the range as Excel pastes it.
    Copy,
    /// Ctrl+V, sent as a paste: the block pasted from the cell.
    Paste,
    /// Delete, with more than one cell: every editable cell emptied.
    Clear,
    /// Ctrl+D: filled down from the range's first row (one cell: from the cell above).
    FillDown,
}

/// The keys that act on a range, in the order they are read. Copy and paste arrive as the
/// window system's events, not as keys: they are here so no shortcut takes their keys.
pub const RANGE_KEYS: [(KeyboardShortcut, RangeKey); 8] = {
    use egui::Key;
    const NONE: Modifiers = Modifiers::NONE;
    const SHIFT: Modifiers = Modifiers::SHIFT;
    const CTRL: Modifiers = Modifiers::COMMAND;
    [
        (shortcut(SHIFT, Key::ArrowUp), RangeKey::Extend(Move::Up)),
        (
            shortcut(SHIFT, Key::ArrowDown),
            RangeKey::Extend(Move::Down),
        ),
        (
            shortcut(SHIFT, Key::ArrowLeft),
            RangeKey::Extend(Move::Left),
        ),
        (
            shortcut(SHIFT, Key::ArrowRight),
            RangeKey::Extend(Move::Right),
        ),
        (shortcut(CTRL, Key::C), RangeKey::Copy),
        (shortcut(CTRL, Key::V), RangeKey::Paste),
        (shortcut(NONE, Key::Delete), RangeKey::Clear),
        (shortcut(CTRL, Key::D), RangeKey::FillDown),
    ]
};

/// Why a pasted block was refused. Nothing of it reaches the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasteError {
    NotANumber { cell: CellId, error: NumberError },
    TooLarge { rows: usize, columns: usize },
    OntoComputed,
}

impl PasteError {
    /// The message in the language.
    pub fn message(
        &self,
        indicator: impl Fn(IndicatorPath) -> String,
        language: Language,
    ) -> String {
        match self {
            PasteError::NotANumber { cell, error } => tr!(
                language,
                "paste-not-a-number",
                place = format!("{} · {}", indicator(cell.at), cell.name(language)),
                reason = error.message(language)
            ),
            PasteError::TooLarge { rows, columns } => {
                tr!(
                    language,
                    "paste-too-large",
                    rows = *rows,
                    columns = *columns
                )
            }
            PasteError::OntoComputed => tr!(language, "paste-onto-computed"),
        }
    }
}

impl GridLayout {
    /// How many columns (code and name) stay in view while the others scroll sideways.
    pub const FROZEN: usize = 2;

    /// Code and name (frozen), weight and the cut vigencia's quarters, the computed figures at
    /// the cut, then the programming of every vigencia and its total, and last the línea base,
    /// the type and the unit: what an officer updates each quarter comes first, so it is on
    /// screen without scrolling; a new row is typed from its code to its unit with Tab.
    pub fn new(rows: Vec<IndicatorPath>, cut: Cut, years: &[Vigencia]) -> Self {
        let vigencia = cut.vigencia;
        let columns = [
            GridColumn::Setup(Entry::Code),
            GridColumn::Setup(Entry::Name),
            GridColumn::Figure(vigencia, Figure::Weight),
        ]
        .into_iter()
        .chain(
            Quarter::ALL
                .into_iter()
                .map(|q| GridColumn::Figure(vigencia, Figure::Executed(q))),
        )
        .chain([
            GridColumn::ExecutedAtCut,
            GridColumn::Progress,
            GridColumn::Comment(cut.quarter),
            GridColumn::Remaining,
            GridColumn::Projected,
        ])
        .chain(
            years
                .iter()
                .map(|y| GridColumn::Figure(*y, Figure::Programmed)),
        )
        .chain([
            GridColumn::Total,
            GridColumn::Setup(Entry::Baseline),
            GridColumn::Setup(Entry::Type),
            GridColumn::Setup(Entry::Unit),
        ])
        .collect();
        Self {
            rows,
            columns,
            rows_per_page: 10,
        }
    }

    /// The columns of the pane that scrolls sideways (after the frozen code and name).
    pub fn scrolled(&self) -> &[GridColumn] {
        self.columns.get(Self::FROZEN..).unwrap_or_default()
    }

    /// Row and column of a cell.
    fn position(&self, cell: CellId) -> Option<(usize, usize)> {
        let row = self.rows.iter().position(|r| *r == cell.at)?;
        let column = self
            .columns
            .iter()
            .position(|c| c.entry() == Some(cell.entry))?;
        Some((row, column))
    }

    /// The editable cell at `row`, `column`; `None` for a computed column.
    fn cell_at(&self, row: usize, column: usize) -> Option<CellId> {
        Some(CellId {
            at: *self.rows.get(row)?,
            entry: self.columns.get(column)?.entry()?,
        })
    }

    /// The number cell at `row`, `column`: what a range copies into, clears and fills.
    fn number_cell_at(&self, row: usize, column: usize) -> Option<CellId> {
        self.cell_at(row, column)
            .filter(|cell| cell.entry.is_number())
    }

    /// Whether Enter in `cell` (or Tab from the row's last cell) leaves the grid's last row:
    /// then, as in Excel, the officer goes on in a new row, an indicator added to the last
    /// row's meta (whose path is returned). `None` when the key stays in the grid.
    pub fn past_last_row(&self, cell: CellId, to: Move) -> Option<IndicatorPath> {
        let (row, column) = self.position(cell)?;
        let last = *self.rows.last()?;
        let leaves = match to {
            Move::NextRow => true,
            Move::Next => self.editable_columns().next_back() == Some(column),
            _ => false,
        };
        (row + 1 == self.rows.len() && leaves).then_some(last)
    }

    /// The first cell of the row of `at` (a new indicator's code).
    pub fn row_start(at: IndicatorPath) -> CellId {
        CellId {
            at,
            entry: Entry::Code,
        }
    }

    /// The editable cells in Tab order.
    fn tab_order(&self) -> Vec<CellId> {
        (0..self.rows.len())
            .flat_map(|row| {
                (0..self.columns.len()).filter_map(move |column| self.cell_at(row, column))
            })
            .collect()
    }

    /// The indices of the columns that hold editable cells, in order.
    fn editable_columns(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|c| self.columns[*c].entry().is_some())
    }

    /// The cell a move goes to from `cell`; `None` at the grid's edge.
    pub fn target(&self, cell: CellId, to: Move) -> Option<CellId> {
        let (row, column) = self.position(cell)?;
        let last_row = self.rows.len().checked_sub(1)?;
        let other_row = |r: usize| (r != row).then(|| self.cell_at(r, column)).flatten();
        match to {
            Move::Next | Move::Previous => {
                let order = self.tab_order();
                let here = order.iter().position(|c| *c == cell)?;
                let there = if to == Move::Next {
                    here.checked_add(1)
                } else {
                    here.checked_sub(1)
                };
                there.and_then(|i| order.get(i).copied())
            }
            Move::Up => self.cell_at(row.checked_sub(1)?, column),
            Move::Down | Move::NextRow => self.cell_at(row + 1, column),
            Move::PageUp => other_row(row.saturating_sub(self.rows_per_page)),
            Move::PageDown => other_row((row + self.rows_per_page).min(last_row)),
            Move::Left => {
                let c = self.editable_columns().rev().find(|c| *c < column)?;
                self.cell_at(row, c)
            }
            Move::Right => {
                let c = self.editable_columns().find(|c| *c > column)?;
                self.cell_at(row, c)
            }
            Move::RowStart => self.cell_at(row, self.editable_columns().next()?),
            Move::RowEnd => self.cell_at(row, self.editable_columns().next_back()?),
            Move::First => self.cell_at(0, self.editable_columns().next()?),
            Move::Last => self.cell_at(last_row, self.editable_columns().next_back()?),
        }
        .filter(|target| *target != cell)
    }

    /// The rows and columns a range covers.
    pub fn bounds(
        &self,
        range: CellRange,
    ) -> Option<(RangeInclusive<usize>, RangeInclusive<usize>)> {
        let (r1, c1) = self.position(range.anchor)?;
        let (r2, c2) = self.position(range.end)?;
        Some((r1.min(r2)..=r1.max(r2), c1.min(c2)..=c1.max(c2)))
    }

    /// Whether the cell at `row`, `column` (any column, computed ones too) is in the range.
    pub fn in_range(&self, range: CellRange, row: usize, column: usize) -> bool {
        self.bounds(range)
            .is_some_and(|(rows, columns)| rows.contains(&row) && columns.contains(&column))
    }

    /// The range as Excel copies it: rows on lines, cells separated by tabs, each cell's text
    /// as `text_of(row, column)` shows it.
    pub fn copy_text(&self, range: CellRange, text_of: impl Fn(usize, usize) -> String) -> String {
        let Some((rows, columns)) = self.bounds(range) else {
            return String::new();
        };
        let mut out = String::new();
        for row in rows {
            let cells: Vec<String> = columns
                .clone()
                .map(|column| {
                    // A tab or a line break inside a cell would split it in a spreadsheet.
                    text_of(row, column).replace(['\t', '\n', '\r'], " ")
                })
                .collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out
    }

    /// The editable cells of a range, row by row.
    fn editable_cells(&self, range: CellRange) -> Vec<CellId> {
        let Some((rows, columns)) = self.bounds(range) else {
            return Vec::new();
        };
        rows.flat_map(|row| {
            columns
                .clone()
                .filter_map(move |column| self.number_cell_at(row, column))
        })
        .collect()
    }

    /// The edits that empty every editable cell of the range (Delete).
    pub fn clear(&self, range: CellRange) -> Vec<Edit> {
        self.editable_cells(range)
            .into_iter()
            .filter_map(|cell| cell_edit(cell, None))
            .collect()
    }

    /// The edits that copy the range's top row into the rows below it, column by column
    /// (Ctrl+D, as in Excel). `value_of` reads a cell's value.
    pub fn fill_down(
        &self,
        range: CellRange,
        value_of: impl Fn(CellId) -> Option<Decimal>,
    ) -> Vec<Edit> {
        let Some((rows, columns)) = self.bounds(range) else {
            return Vec::new();
        };
        let top = *rows.start();
        let mut edits = Vec::new();
        for column in columns {
            let Some(source) = self.number_cell_at(top, column) else {
                continue;
            };
            let value = value_of(source);
            for row in rows.clone().skip(1) {
                if let Some(edit) = self
                    .number_cell_at(row, column)
                    .and_then(|cell| cell_edit(cell, value))
                {
                    edits.push(edit);
                }
            }
        }
        edits
    }

    /// The edits a pasted block makes from `cell` rightwards and downwards, or why none.
    pub fn paste(
        &self,
        cell: CellId,
        text: &str,
        language: Language,
    ) -> Result<Vec<Edit>, PasteError> {
        let (row0, column0) = self
            .position(cell)
            .filter(|_| cell.entry.is_number())
            .ok_or(PasteError::OntoComputed)?;
        let block = parse_block(text, language).map_err(|e| {
            let cell = self
                .number_cell_at(row0 + e.row, column0 + e.column)
                .unwrap_or(cell);
            PasteError::NotANumber {
                cell,
                error: e.error,
            }
        })?;
        let width = block.iter().map(Vec::len).max().unwrap_or(0);
        if row0 + block.len() > self.rows.len() || column0 + width > self.columns.len() {
            return Err(PasteError::TooLarge {
                rows: block.len(),
                columns: width,
            });
        }
        let mut edits = Vec::new();
        for (r, values) in block.iter().enumerate() {
            for (c, value) in values.iter().enumerate() {
                let edit = self
                    .number_cell_at(row0 + r, column0 + c)
                    .and_then(|target| cell_edit(target, *value))
                    .ok_or(PasteError::OntoComputed)?;
                edits.push(edit);
            }
        }
        Ok(edits)
    }
}

/// What the text typed in a type cell names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeTyped {
    /// The start of one type's name (in the user's language, any case): that type.
    One(Annualization),
    /// The start of several (empty, or "c" in Spanish: creciente, constante): none yet.
    Several,
    /// The start of none: the keystroke is not taken.
    None,
}

/// The type an officer names by typing the start of its name in `language`: "s" suma, "cr"
/// creciente, "co" constante, "d" decreciente ("s", "i", "c", "d" in English).
pub fn type_typed(text: &str, language: Language) -> TypeTyped {
    let typed = text.trim().to_lowercase();
    let mut named = Annualization::ALL.into_iter().filter(|kind| {
        annualization_name(*kind, language)
            .to_lowercase()
            .starts_with(&typed)
    });
    match (named.next(), named.next()) {
        (Some(kind), None) => TypeTyped::One(kind),
        (Some(_), Some(_)) => TypeTyped::Several,
        (None, _) => TypeTyped::None,
    }
}

/// The name of an annualization type, as the grid shows it.
pub fn annualization_name(kind: Annualization, language: Language) -> String {
    match kind {
        Annualization::Suma => tr!(language, "annualization-suma"),
        Annualization::Creciente => tr!(language, "annualization-creciente"),
        Annualization::Constante => tr!(language, "annualization-constante"),
        Annualization::Decreciente => tr!(language, "annualization-decreciente"),
    }
}

impl GridColumn {
    /// What the officer types in the column's cells; `None` for a computed column.
    pub fn entry(self) -> Option<Entry> {
        match self {
            GridColumn::Figure(vigencia, figure) => Some(Entry::Figure(vigencia, figure)),
            GridColumn::Setup(entry) => Some(entry),
            _ => None,
        }
    }
}

/// The edit that sets a number cell (a figure, the línea base) to `value`; the other cells
/// hold no number: `None`.
pub fn cell_edit(cell: CellId, value: Option<Decimal>) -> Option<Edit> {
    match cell.entry {
        Entry::Figure(vigencia, figure) => Some(Edit::Figure {
            at: cell.at,
            vigencia,
            figure,
            value,
        }),
        Entry::Baseline => Some(Edit::Baseline { at: cell.at, value }),
        Entry::Code | Entry::Name | Entry::Type | Entry::Unit => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(indicator: usize) -> IndicatorPath {
        IndicatorPath {
            objective: 2,
            meta: 0,
            indicator,
        }
    }

    /// Three rows, period 2021–2022, cut vigencia 2022.
    fn layout() -> GridLayout {
        let cut = Cut::new(2022, Quarter::new(1).unwrap());
        let mut layout = GridLayout::new(vec![row(0), row(1), row(2)], cut, &[2021, 2022]);
        layout.rows_per_page = 2;
        layout
    }

    fn cell(r: usize, vigencia: Vigencia, figure: Figure) -> CellId {
        CellId::figure(row(r), vigencia, figure)
    }

    fn setup(r: usize, entry: Entry) -> CellId {
        CellId { at: row(r), entry }
    }

    fn q(n: u8) -> Figure {
        Figure::Executed(Quarter::new(n).unwrap())
    }

    #[test]
    fn moves_skip_computed_columns_and_stop_at_the_edges() {
        let l = layout();
        let t4 = cell(0, 2022, q(4));
        assert_eq!(
            l.target(t4, Move::Right),
            Some(cell(0, 2021, Figure::Programmed))
        );
        assert_eq!(
            l.target(cell(0, 2021, Figure::Programmed), Move::Left),
            Some(t4)
        );
        assert_eq!(
            l.target(cell(0, 2022, Figure::Weight), Move::Left),
            Some(setup(0, Entry::Name)),
            "the name is typed in, left of the weight"
        );
        assert_eq!(l.target(setup(0, Entry::Code), Move::Left), None);
        assert_eq!(l.target(cell(0, 2022, q(1)), Move::Up), None);
        assert_eq!(l.target(cell(2, 2022, q(1)), Move::Down), None);
        assert_eq!(l.target(cell(2, 2022, q(1)), Move::NextRow), None);
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::RowStart),
            Some(setup(1, Entry::Code))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::RowEnd),
            Some(setup(1, Entry::Unit))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::First),
            Some(setup(0, Entry::Code))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::Last),
            Some(setup(2, Entry::Unit))
        );
        assert_eq!(
            l.target(cell(0, 2022, Figure::Programmed), Move::Next),
            Some(setup(0, Entry::Baseline)),
            "after the programming, the línea base"
        );
        assert_eq!(
            l.target(setup(0, Entry::Baseline), Move::Right),
            Some(setup(0, Entry::Type))
        );
        assert_eq!(
            l.target(setup(0, Entry::Unit), Move::Next),
            Some(setup(1, Entry::Code)),
            "Tab wraps to the next row"
        );
        assert_eq!(l.target(setup(0, Entry::Code), Move::Previous), None);
    }

    #[test]
    fn a_whole_row_is_typed_from_its_code_to_its_unit_with_tab() {
        let l = layout();
        let mut order = vec![setup(1, Entry::Code)];
        while let Some(next) = l.target(*order.last().unwrap(), Move::Next) {
            if next.at != row(1) {
                break;
            }
            order.push(next);
        }
        let expected = [
            setup(1, Entry::Code),
            setup(1, Entry::Name),
            cell(1, 2022, Figure::Weight),
            cell(1, 2022, q(1)),
            cell(1, 2022, q(2)),
            cell(1, 2022, q(3)),
            cell(1, 2022, q(4)),
            cell(1, 2021, Figure::Programmed),
            cell(1, 2022, Figure::Programmed),
            setup(1, Entry::Baseline),
            setup(1, Entry::Type),
            setup(1, Entry::Unit),
        ];
        assert_eq!(order, expected);
    }

    #[test]
    fn enter_in_the_last_row_and_tab_from_its_last_cell_go_on_in_a_new_row() {
        let l = layout();
        assert_eq!(
            l.past_last_row(cell(2, 2022, q(3)), Move::NextRow),
            Some(row(2))
        );
        assert_eq!(
            l.past_last_row(setup(2, Entry::Unit), Move::Next),
            Some(row(2))
        );
        // Tab inside the row, arrows and Enter in another row stay in the grid.
        assert_eq!(l.past_last_row(setup(2, Entry::Type), Move::Next), None);
        assert_eq!(l.past_last_row(cell(2, 2022, q(3)), Move::Down), None);
        assert_eq!(l.past_last_row(cell(1, 2022, q(3)), Move::NextRow), None);
        assert_eq!(
            GridLayout::row_start(row(3)),
            setup(3, Entry::Code),
            "the new row is reached at its code"
        );
    }

    #[test]
    fn a_type_is_named_by_the_start_of_its_name_in_the_language() {
        use Annualization::{Constante, Creciente, Decreciente, Suma};
        let es = |text| type_typed(text, Language::Es);
        assert_eq!(es("s"), TypeTyped::One(Suma));
        assert_eq!(es("c"), TypeTyped::Several, "creciente or constante");
        assert_eq!(es("Cr"), TypeTyped::One(Creciente));
        assert_eq!(es("con"), TypeTyped::One(Constante));
        assert_eq!(es("DECRECIENTE"), TypeTyped::One(Decreciente));
        assert_eq!(es(""), TypeTyped::Several);
        assert_eq!(es("x"), TypeTyped::None);
        assert_eq!(es("sumas"), TypeTyped::None);
        let en = |text| type_typed(text, Language::En);
        assert_eq!(en("i"), TypeTyped::One(Creciente));
        assert_eq!(en("c"), TypeTyped::One(Constante));
        assert_eq!(en("cr"), TypeTyped::None);
    }

    #[test]
    fn pages_move_by_the_rows_on_screen_and_stop_at_the_ends() {
        let l = layout();
        assert_eq!(
            l.target(cell(0, 2022, q(1)), Move::PageDown),
            Some(cell(2, 2022, q(1)))
        );
        assert_eq!(l.target(cell(2, 2022, q(1)), Move::PageDown), None);
        assert_eq!(
            l.target(cell(2, 2022, q(1)), Move::PageUp),
            Some(cell(0, 2022, q(1)))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(1)), Move::PageUp),
            Some(cell(0, 2022, q(1)))
        );
    }

    #[test]
    fn a_range_copies_as_excel_pastes_it_and_clears_and_fills_its_editable_cells() {
        let l = layout();
        // From 464 T2 to 465 T4: 2 rows × 3 columns.
        let range = CellRange {
            anchor: cell(0, 2022, q(2)),
            end: cell(1, 2022, q(4)),
        };
        let text = l.copy_text(range, |row, column| format!("{row}:{column}"));
        assert_eq!(text, "0:4\t0:5\t0:6\n1:4\t1:5\t1:6\n");
        assert_eq!(l.clear(range).len(), 6);
        // Across the computed columns (at cut, progress, comment, remaining, projected): only
        // editable cells change.
        let wide = CellRange {
            anchor: cell(0, 2022, q(4)),
            end: cell(2, 2021, Figure::Programmed),
        };
        assert_eq!(l.bounds(wide), Some((0..=2, 6..=12)));
        assert_eq!(l.clear(wide).len(), 6);
        let filled = l.fill_down(wide, |c| (c.at.indicator == 0).then(|| Decimal::from(7)));
        assert_eq!(filled.len(), 4, "two editable columns × the two rows below");
        assert!(
            filled.iter().all(
                |e| matches!(e, Edit::Figure { value: Some(v), .. } if *v == Decimal::from(7))
            )
        );
        assert!(
            l.in_range(wide, 1, 8),
            "computed columns inside the rectangle are selected"
        );
        assert!(!l.in_range(wide, 1, 5));
        // From the programming to the unit: the línea base is emptied and filled, the type
        // and the unit (texts) are not touched.
        let setup_range = CellRange {
            anchor: cell(0, 2022, Figure::Programmed),
            end: setup(1, Entry::Unit),
        };
        let cleared = l.clear(setup_range);
        assert_eq!(cleared.len(), 4);
        assert!(cleared.contains(&Edit::Baseline {
            at: row(1),
            value: None
        }));
        assert!(
            !cleared
                .iter()
                .any(|e| matches!(e, Edit::IndicatorText { .. } | Edit::Annualization { .. }))
        );
        assert_eq!(
            l.paste(setup(0, Entry::Name), "1", Language::Es),
            Err(PasteError::OntoComputed),
            "no figure is pasted into a name"
        );
        assert_eq!(
            l.paste(setup(0, Entry::Baseline), "1\n2", Language::Es)
                .unwrap(),
            vec![
                Edit::Baseline {
                    at: row(0),
                    value: Some(Decimal::ONE)
                },
                Edit::Baseline {
                    at: row(1),
                    value: Some(Decimal::TWO)
                },
            ]
        );
    }

    #[test]
    fn a_pasted_block_fills_rightwards_and_downwards_or_nothing() {
        let l = layout();
        let edits = l
            .paste(cell(1, 2022, q(3)), "1\t2\n3\t\n", Language::Es)
            .unwrap();
        assert_eq!(edits.len(), 4);
        assert!(matches!(edits[3], Edit::Figure { value: None, figure, .. } if figure == q(4)));
        assert_eq!(
            l.paste(cell(2, 2022, q(1)), "1\n2", Language::Es),
            Err(PasteError::TooLarge {
                rows: 2,
                columns: 1
            })
        );
        assert_eq!(
            l.paste(cell(0, 2022, q(4)), "1\t2", Language::Es),
            Err(PasteError::OntoComputed)
        );
        let bad = l
            .paste(cell(0, 2022, q(1)), "1\tdos", Language::Es)
            .unwrap_err();
        assert!(matches!(bad, PasteError::NotANumber { cell: c, .. } if c == cell(0, 2022, q(2))));
    }
}
