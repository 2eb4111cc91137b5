//! Undo and redo against a reference history written here: random sequences of typing in
//! cells (each visit ending with Enter or Esc), Ctrl+Z and Ctrl+Y. After every step the
//! document's plan and its undo/redo availability equal the reference's.

use avance::app::document::Document;
use avance::model::edit::{Edit, Figure, IndicatorPath};
use avance::model::{Plan, Quarter};
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Clone, Debug)]
enum Step {
    /// A visit to cell `cell`: each value typed in turn, then Enter (`false`) or Esc (`true`).
    Type {
        cell: usize,
        values: Vec<u8>,
        escape: bool,
    },
    Undo,
    Redo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..3, prop::collection::vec(0u8..4, 1..4), any::<bool>())
            .prop_map(|(cell, values, escape)| Step::Type { cell, values, escape }),
        1 => Just(Step::Undo),
        1 => Just(Step::Redo),
    ]
}

/// Executed T1 2022 of objective 3's first three indicators.
fn edit(plan: &Plan, cell: usize, value: Option<Decimal>) -> Edit {
    let at: IndicatorPath = plan.indicator_paths(2)[cell];
    Edit::Figure {
        at,
        vigencia: 2022,
        figure: Figure::Executed(Quarter::new(1).unwrap()),
        value,
    }
}

fn value_of(plan: &Plan, cell: usize) -> Option<Decimal> {
    plan.indicator(plan.indicator_paths(2)[cell])
        .unwrap()
        .executed(2022, Quarter::new(1).unwrap())
}

/// The reference: a plan, the plans before each undoable step, the plans undone.
struct Reference {
    plan: Plan,
    undo: Vec<Plan>,
    redo: Vec<Plan>,
}

impl Reference {
    fn visit(&mut self, cell: usize, values: &[u8], escape: bool) {
        let start = self.plan.clone();
        let mut changed = false;
        for v in values {
            let before = self.plan.clone();
            self.plan
                .apply(edit(&start, cell, Some(Decimal::from(*v))))
                .unwrap();
            changed |= self.plan != before;
        }
        if changed {
            // Any change is a new step and ends what could be redone.
            self.undo.push(start.clone());
            self.redo.clear();
        }
        if escape {
            // Esc takes the visit back entirely, step included.
            if changed {
                self.undo.pop();
            }
            self.plan = start;
        }
    }

    fn undo(&mut self) {
        if let Some(previous) = self.undo.pop() {
            self.redo.push(std::mem::replace(&mut self.plan, previous));
        }
    }

    fn redo(&mut self) {
        if let Some(next) = self.redo.pop() {
            self.undo.push(std::mem::replace(&mut self.plan, next));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn undo_and_redo_follow_the_reference_history(steps in prop::collection::vec(step(), 1..40)) {
        let seed = avance::io::seed_plan();
        let mut doc = Document::new(seed.clone(), None);
        let mut reference = Reference { plan: seed, undo: Vec::new(), redo: Vec::new() };
        for step in &steps {
            match step {
                Step::Type { cell, values, escape } => {
                    // As the grid does: one undo group per visit, each keystroke an edit.
                    let group = egui::Id::unique(("cell", *cell));
                    let original = value_of(doc.plan(), *cell);
                    for v in values {
                        let e = edit(doc.plan(), *cell, Some(Decimal::from(*v)));
                        doc.apply(e, Some(group)).unwrap();
                    }
                    if *escape {
                        if !doc.cancel_group(group) {
                            doc.apply(edit(doc.plan(), *cell, original), None).unwrap();
                        }
                    } else {
                        doc.end_group();
                    }
                    reference.visit(*cell, values, *escape);
                }
                Step::Undo => {
                    doc.undo();
                    reference.undo();
                }
                Step::Redo => {
                    doc.redo();
                    reference.redo();
                }
            }
            prop_assert_eq!(doc.plan(), &reference.plan, "after {:?}", step);
            prop_assert_eq!(doc.can_undo(), !reference.undo.is_empty(), "after {:?}", step);
            prop_assert_eq!(doc.can_redo(), !reference.redo.is_empty(), "after {:?}", step);
        }
    }
}
