//! Archivo → Consolidar…: the entity files chosen, the conflicts of gathering them into the
//! open plan (the sector's), and the user's choice for each.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::model::merge::{Brought, Choice, Conflict, ConflictId, Merged, Source, SourceNames};
use crate::model::{Language, Plan};
use crate::tr;

/// An entity's plan file, read.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityFile {
    pub path: PathBuf,
    pub plan: Plan,
}

impl EntityFile {
    /// The file's name, as lists and conflicts show it.
    pub fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// The consolidation being prepared in its dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct Consolidation {
    pub files: Vec<EntityFile>,
    /// The conflicts of consolidating `files` into the open plan, in order.
    pub conflicts: Vec<Conflict>,
    /// The source chosen for each conflict (same order); `None` while not chosen.
    pub choices: Vec<Option<Source>>,
    /// Where each conflict is in `conflicts`, by its id.
    places: HashMap<ConflictId, usize>,
    /// What each file holds and brings without a conflict (same order as `files`).
    pub brought: Vec<Brought>,
    /// The path box, for a file the file dialog did not give.
    pub input: String,
    /// Focus the path box on the next frame (the file dialog gave nothing).
    pub focus_input: bool,
    /// Why the last file was not added, as shown under the list.
    pub problem: Option<String>,
}

impl Consolidation {
    /// A consolidation with no file yet; the path box offers `input`.
    pub fn new(input: String) -> Self {
        Self {
            files: Vec::new(),
            conflicts: Vec::new(),
            choices: Vec::new(),
            places: HashMap::new(),
            brought: Vec::new(),
            input,
            focus_input: false,
            problem: None,
        }
    }

    /// Takes what consolidating the files (with no choice made) found; a conflict found
    /// again keeps its choice.
    pub fn update(&mut self, found: &Merged) {
        let choices = found
            .conflicts
            .iter()
            .map(|conflict| self.choice_for(conflict))
            .collect();
        self.choices = choices;
        self.conflicts = found.conflicts.clone();
        self.places = (self.conflicts.iter().enumerate())
            .map(|(i, conflict)| (conflict.id(), i))
            .collect();
        self.brought = found.files.clone();
    }

    /// The names of the sources: "este plan" and the files' names.
    pub fn names(&self, language: Language) -> SourceNames {
        SourceNames {
            sector: tr!(language, "merge-this-plan"),
            entities: self.files.iter().map(EntityFile::name).collect(),
        }
    }

    /// Chooses `source` in every conflict it can win.
    pub fn prefer_everywhere(&mut self, source: Source) {
        for (conflict, choice) in self.conflicts.iter().zip(&mut self.choices) {
            if conflict.can_win(source) {
                *choice = Some(source);
            }
        }
    }

    /// How many of the open plan's indicators the file `index` holds, and how many figures it
    /// brings: those it alone changed (or changed as other files did), and those chosen from it
    /// in a conflict.
    pub fn brought_by(&self, index: usize) -> Brought {
        let mut brought = self.brought.get(index).copied().unwrap_or_default();
        let source = Source::Entity(index);
        brought.figures += self
            .conflicts
            .iter()
            .zip(&self.choices)
            .filter(|(conflict, choice)| {
                **choice == Some(source)
                    && conflict
                        .candidates
                        .iter()
                        .any(|(s, c)| *s == source && matches!(c, Choice::Value(_)))
            })
            .count();
        brought
    }

    /// How many conflicts have no choice yet.
    pub fn unresolved(&self) -> usize {
        self.choices.iter().filter(|c| c.is_none()).count()
    }

    /// Whether the consolidation can be done: at least one file, every conflict chosen.
    pub fn is_ready(&self) -> bool {
        !self.files.is_empty() && self.unresolved() == 0
    }

    /// The choice made for a conflict (as found by the merge): none if it is not one of the
    /// conflicts listed, as they are (the same figure, values and files).
    pub fn choice_for(&self, conflict: &Conflict) -> Option<Source> {
        let i = *self.places.get(&conflict.id())?;
        if self.conflicts[i] == *conflict {
            self.choices[i]
        } else {
            None
        }
    }

    /// The plans of the files, in order.
    pub fn plans(&self) -> Vec<Plan> {
        self.files.iter().map(|f| f.plan.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::merge::merge;
    use crate::model::{Indicator, Meta, Period};
    use rust_decimal::Decimal;

    /// A sector plan with one indicator weighing `weight` in 2022.
    fn plan(weight: Option<Decimal>) -> Plan {
        let mut plan = Plan::new(
            "sector",
            Period {
                first: 2022,
                last: 2023,
            },
        );
        let mut indicator = Indicator {
            code: Some("1".to_owned()),
            ..Indicator::default()
        };
        indicator.year_mut(2022).weight = weight;
        indicator.tidy();
        plan.objectives[0].metas.push(Meta {
            code: "M".to_owned(),
            name: String::new(),
            indicators: vec![indicator],
        });
        plan
    }

    #[test]
    fn a_choice_stays_with_its_conflict_and_preferring_a_file_chooses_it_everywhere() {
        let sector = plan(Some(Decimal::TEN));
        let mut consolidation = Consolidation::new(String::new());
        for (name, weight) in [("a.ron", 20), ("b.ron", 30)] {
            consolidation.files.push(EntityFile {
                path: PathBuf::from(name),
                plan: plan(Some(Decimal::from(weight))),
            });
        }
        let found = merge(&sector, &consolidation.plans(), |_| None).unwrap();
        consolidation.update(&found);
        assert_eq!(consolidation.conflicts.len(), 1);
        assert!(!consolidation.is_ready());
        let figures = |c: &Consolidation| [0, 1].map(|i| c.brought_by(i).figures);
        assert_eq!(figures(&consolidation), [0, 0], "nothing chosen yet");
        consolidation.prefer_everywhere(Source::Entity(1));
        assert!(consolidation.is_ready());
        assert_eq!(
            figures(&consolidation),
            [0, 1],
            "b.ron brings the figure chosen"
        );
        consolidation.update(&found);
        assert_eq!(consolidation.choices, [Some(Source::Entity(1))], "kept");
        let merged = merge(&sector, &consolidation.plans(), |c| {
            consolidation.choice_for(c)
        })
        .unwrap();
        assert_eq!(merged.plan, plan(Some(Decimal::from(30))));
        consolidation.prefer_everywhere(Source::Sector);
        assert_eq!(figures(&consolidation), [0, 0], "the sector's figure kept");
        let names = consolidation.names(Language::Es);
        assert_eq!(names.of(Source::Sector), "este plan");
        assert_eq!(names.of(Source::Entity(0)), "a.ron");
    }
}
