//! Texts typed in the window's entry boxes that were not accepted: a cell or a línea base that
//! is not a number, semáforo thresholds that cannot apply. None of them is in the plan, which
//! holds the value the box had when it was reached; each stays on screen, in red, until fixed
//! or given back (Esc). They count as errors, are listed with the findings, and saving asks
//! about them first.

use rust_decimal::Decimal;

use super::grid::CellId;
use super::state::ViewState;
use super::thresholds::{Threshold, ThresholdsForm, ThresholdsProblem};
use crate::model::edit::IndicatorPath;
use crate::model::format::{NumberError, number_as_stored, parse_optional_number};
use crate::model::validation::indicator_label;
use crate::model::{Language, Plan};
use crate::tr;

/// The entry box a refused text is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryBox {
    /// A number cell of the grid: a figure or a línea base.
    Cell(CellId),
    /// One of the semáforo's thresholds, in the plan's settings.
    Threshold(Threshold),
    /// The name of the plan's entity at this index (Plan y entidades).
    EntityName(usize),
}

/// Why a text was not accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotANumber(NumberError),
    /// The thresholds typed, together, cannot be applied.
    Thresholds(ThresholdsProblem),
    /// An entity's name that cannot be given (empty, another entity's).
    EntityName(crate::model::frame::EntityNameError),
}

impl Refusal {
    /// The reason in words.
    pub fn message(&self, language: Language) -> String {
        match self {
            Refusal::NotANumber(error) => error.message(language),
            Refusal::Thresholds(problem) => problem.message(language),
            Refusal::EntityName(problem) => problem.message(language),
        }
    }
}

/// A text typed and not accepted, and the value the plan keeps instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedEntry {
    pub entry: EntryBox,
    /// The objective's number and how officers name the indicator (for cells and baselines).
    pub indicator: Option<(u8, String)>,
    /// The text as typed.
    pub text: String,
    pub refusal: Refusal,
    /// What the plan holds there (and a save writes): the value the box had when reached.
    pub kept: Option<Decimal>,
    /// The same for a text box (an entity's name).
    pub kept_text: Option<String>,
}

impl RefusedEntry {
    /// Where the text is, as findings name places: "Objetivo 3 · indicador 644 · ejecutado
    /// 2022 T1", "Rojo por debajo de (%)".
    pub fn place(&self, language: Language) -> String {
        let field = match self.entry {
            EntryBox::Cell(cell) => cell.name(language),
            EntryBox::Threshold(threshold) => return threshold.label(language),
            EntryBox::EntityName(e) => {
                return tr!(language, "details-entity-number", number = e + 1);
            }
        };
        let mut place = Vec::with_capacity(3);
        if let Some((objective, indicator)) = &self.indicator {
            place.push(tr!(language, "place-objective", number = *objective));
            place.push(tr!(language, "place-indicator", label = indicator.as_str()));
        }
        place.push(field);
        place.join(" · ")
    }

    /// What a save does with it: "Objetivo 3 · indicador 644 · ejecutado 2022 T1: «2o» no se
    /// aceptó; se guarda 19,00".
    pub fn kept_message(&self, language: Language) -> String {
        let (place, text) = (self.place(language), self.text.as_str());
        if let Some(kept) = &self.kept_text {
            return tr!(
                language,
                "refused-kept-text",
                place = place,
                text = text,
                kept = kept.as_str()
            );
        }
        match self.kept {
            Some(kept) => tr!(
                language,
                "refused-kept",
                place = place,
                text = text,
                kept = number_as_stored(kept, language)
            ),
            None => tr!(language, "refused-kept-empty", place = place, text = text),
        }
    }
}

/// Every text on screen that was not accepted: the grid's cells (figures and líneas base), then
/// the semáforo's thresholds. Read in `language`, as typed.
pub fn refused_entries(plan: &Plan, view: &ViewState, language: Language) -> Vec<RefusedEntry> {
    let named = |at: IndicatorPath| {
        let objective = plan.objectives.get(at.objective)?;
        let meta = objective.metas.get(at.meta)?;
        let indicator = meta.indicators.get(at.indicator)?;
        Some((objective.number, indicator_label(&meta.code, indicator)))
    };
    let mut refused = Vec::new();
    // A type half typed ("c": creciente or constante) is no number and no refusal.
    for (cell, draft) in view.drafts.iter().filter(|(c, _)| c.entry.is_number()) {
        if let Some(error) = draft.error(language) {
            refused.push(RefusedEntry {
                entry: EntryBox::Cell(*cell),
                indicator: named(cell.at),
                text: draft.text.clone(),
                refusal: Refusal::NotANumber(error),
                kept: cell.number(plan),
                kept_text: None,
            });
        }
    }
    if let Some(form) = &view.thresholds_form
        && let Err(problem) = form.parse(language)
    {
        let lights = plan.settings.traffic_lights;
        let applied = ThresholdsForm::of(&lights, language);
        for threshold in Threshold::ALL {
            let text = &form.texts[threshold as usize];
            let wrong_here = match &problem {
                ThresholdsProblem::NotANumber(at, _) => *at == threshold,
                ThresholdsProblem::OutOfOrder(_) => {
                    *text != applied.texts[threshold as usize]
                        && parse_optional_number(text, language).is_ok()
                }
            };
            if wrong_here {
                refused.push(RefusedEntry {
                    entry: EntryBox::Threshold(threshold),
                    indicator: None,
                    text: text.clone(),
                    refusal: match &problem {
                        ThresholdsProblem::NotANumber(_, error) => {
                            Refusal::NotANumber(error.clone())
                        }
                        order => Refusal::Thresholds(order.clone()),
                    },
                    kept: Some(threshold.of(&lights)),
                    kept_text: None,
                });
            }
        }
    }
    for (&e, text) in &view.entity_names {
        let Some(entity) = plan.entities.get(e) else {
            continue;
        };
        if let Err(problem) = plan.check_entity_name(text, Some(e))
            && *text != entity.name
        {
            refused.push(RefusedEntry {
                entry: EntryBox::EntityName(e),
                indicator: None,
                text: text.clone(),
                refusal: Refusal::EntityName(problem),
                kept: None,
                kept_text: Some(entity.name.clone()),
            });
        }
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Quarter;
    use crate::model::edit::Figure;

    fn entry(entry: EntryBox, kept: Option<Decimal>) -> RefusedEntry {
        RefusedEntry {
            entry,
            indicator: Some((3, "644".to_owned())),
            text: "2o".to_owned(),
            refusal: Refusal::NotANumber(NumberError::NotANumber("2o".to_owned())),
            kept,
            kept_text: None,
        }
    }

    #[test]
    fn each_refused_text_names_its_place_and_the_value_a_save_keeps() {
        let at = IndicatorPath {
            objective: 2,
            meta: 0,
            indicator: 3,
        };
        let cell = EntryBox::Cell(CellId::figure(at, 2022, Figure::Executed(Quarter::ALL[0])));
        assert_eq!(
            entry(cell, Some(Decimal::from(19))).kept_message(Language::Es),
            "Objetivo 3 · indicador 644 · ejecutado 2022 T1: «2o» no se aceptó; se guarda 19,00"
        );
        assert_eq!(
            entry(cell, None).kept_message(Language::En),
            "Objective 3 · indicator 644 · executed 2022 Q1: «2o» was not accepted; it is saved empty"
        );
        let threshold = RefusedEntry {
            indicator: None,
            ..entry(
                EntryBox::Threshold(Threshold::RedBelow),
                Some(Decimal::from(50)),
            )
        };
        assert_eq!(
            threshold.kept_message(Language::Es),
            "Rojo por debajo de (%): «2o» no se aceptó; se guarda 50,00"
        );
    }
}
