//! The grid of an objective's indicators without drawing it: which cell is where, where the
//! keys move the focus, where a pasted block lands. Unit-tested without a window.

use crate::i18n::Language;
use crate::model::edit::{Edit, Figure, IndicatorPath};
use crate::model::format::{NumberError, parse_block};
use crate::model::validation::Field;
use crate::model::{Quarter, Vigencia};
use crate::tr;

/// One editable number cell of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellId {
    pub at: IndicatorPath,
    pub vigencia: Vigencia,
    pub figure: Figure,
}

impl CellId {
    /// The figure the cell holds, as a validation field (which also names it).
    pub fn field(self) -> Field {
        Field::of_figure(self.vigencia, self.figure)
    }
}

/// A number column of the grid, in the order shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberColumn {
    /// An editable figure of a vigencia.
    Figure(Vigencia, Figure),
    /// Magnitud ejecutada al corte (computed).
    ExecutedAtCut,
    /// Avance al corte (computed).
    Progress,
    /// Programación total (computed).
    Total,
}

/// The grid's rows and number columns: where each cell is, where the keys move the focus,
/// where a pasted block lands.
pub struct GridLayout {
    pub rows: Vec<IndicatorPath>,
    pub columns: Vec<NumberColumn>,
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
                place = format!("{} · {}", indicator(cell.at), cell.field().name(language)),
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
    /// Weight and the cut vigencia's quarters, the computed figures at the cut, then the
    /// programming of every vigencia and its total: what an officer updates each quarter
    /// comes first, so it is on screen without scrolling.
    pub fn new(rows: Vec<IndicatorPath>, vigencia: Vigencia, years: &[Vigencia]) -> Self {
        let columns = std::iter::once(NumberColumn::Figure(vigencia, Figure::Weight))
            .chain(
                Quarter::ALL
                    .into_iter()
                    .map(|q| NumberColumn::Figure(vigencia, Figure::Executed(q))),
            )
            .chain([NumberColumn::ExecutedAtCut, NumberColumn::Progress])
            .chain(
                years
                    .iter()
                    .map(|y| NumberColumn::Figure(*y, Figure::Programmed)),
            )
            .chain([NumberColumn::Total])
            .collect();
        Self {
            rows,
            columns,
            rows_per_page: 10,
        }
    }

    /// Row and column of a cell.
    fn position(&self, cell: CellId) -> Option<(usize, usize)> {
        let row = self.rows.iter().position(|r| *r == cell.at)?;
        let column = self
            .columns
            .iter()
            .position(|c| *c == NumberColumn::Figure(cell.vigencia, cell.figure))?;
        Some((row, column))
    }

    fn cell_at(&self, row: usize, column: usize) -> Option<CellId> {
        match self.columns.get(column)? {
            NumberColumn::Figure(vigencia, figure) => Some(CellId {
                at: *self.rows.get(row)?,
                vigencia: *vigencia,
                figure: *figure,
            }),
            _ => None,
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

    /// The indices of the columns that hold editable figures, in order.
    fn editable_columns(&self) -> impl DoubleEndedIterator<Item = usize> + '_ {
        (0..self.columns.len()).filter(|c| matches!(self.columns[*c], NumberColumn::Figure(..)))
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
            Move::Down => self.cell_at(row + 1, column),
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

    /// The edits a pasted block makes from `cell` rightwards and downwards, or why none.
    pub fn paste(
        &self,
        cell: CellId,
        text: &str,
        language: Language,
    ) -> Result<Vec<Edit>, PasteError> {
        let (row0, column0) = self.position(cell).ok_or(PasteError::OntoComputed)?;
        let block = parse_block(text, language).map_err(|e| {
            let cell = self
                .cell_at(row0 + e.row, column0 + e.column)
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
                let target = self
                    .cell_at(row0 + r, column0 + c)
                    .ok_or(PasteError::OntoComputed)?;
                edits.push(Edit::Figure {
                    at: target.at,
                    vigencia: target.vigencia,
                    figure: target.figure,
                    value: *value,
                });
            }
        }
        Ok(edits)
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
        let mut layout = GridLayout::new(vec![row(0), row(1), row(2)], 2022, &[2021, 2022]);
        layout.rows_per_page = 2;
        layout
    }

    fn cell(r: usize, vigencia: Vigencia, figure: Figure) -> CellId {
        CellId {
            at: row(r),
            vigencia,
            figure,
        }
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
        assert_eq!(l.target(cell(0, 2022, Figure::Weight), Move::Left), None);
        assert_eq!(l.target(cell(0, 2022, q(1)), Move::Up), None);
        assert_eq!(l.target(cell(2, 2022, q(1)), Move::Down), None);
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::RowStart),
            Some(cell(1, 2022, Figure::Weight))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::RowEnd),
            Some(cell(1, 2022, Figure::Programmed))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::First),
            Some(cell(0, 2022, Figure::Weight))
        );
        assert_eq!(
            l.target(cell(1, 2022, q(2)), Move::Last),
            Some(cell(2, 2022, Figure::Programmed))
        );
        assert_eq!(
            l.target(cell(0, 2022, Figure::Programmed), Move::Next),
            Some(cell(1, 2022, Figure::Weight)),
            "Tab wraps to the next row"
        );
        assert_eq!(
            l.target(cell(0, 2022, Figure::Weight), Move::Previous),
            None
        );
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
