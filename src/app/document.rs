//! The open plan: its file, what was last saved, and its undo history.

use std::path::{Path, PathBuf};

use crate::io::SEED_PLAN_NAME;
use crate::io::plan_file::{self, PlanFileError, Saved};
use crate::io::safe_write::DiskStamp;
use crate::model::edit::{Edit, EditTargetMissing};
use crate::model::{Language, Plan};
use crate::tr;

/// An open plan and everything needed to save and undo it.
pub struct Document {
    plan: Plan,
    /// Where the plan is saved; `None` for a new plan or the built-in seed plan.
    path: Option<PathBuf>,
    /// The plan as last saved or opened: the plan is "dirty" when it differs.
    saved: Plan,
    history: History,
    /// Grows with every change, so figures are recomputed only when needed.
    revision: u64,
    /// The undo group of the last edit: edits of one group (typing in one cell) undo together.
    last_group: Option<egui::Id>,
    /// What the file held when opened or last saved, to notice someone else's save.
    disk: Option<DiskStamp>,
    /// What the plan is while it has no file.
    untitled: Untitled,
}

/// What a plan without a file is: its title says so, and saving offers a name for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Untitled {
    /// The seed document's plan, built into Avance.
    Example,
    /// A new, empty plan.
    New,
    /// Imported from a matrix: the matrix's file name without its extension.
    Imported(String),
    /// Brought back from the recovery copy of a plan never saved.
    Recovered,
}

impl Document {
    /// A document for a plan opened from `path` (or built in, with `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        Self {
            saved: plan.clone(),
            plan,
            path,
            history: History::default(),
            revision: 0,
            last_group: None,
            disk: None,
            untitled: Untitled::Example,
        }
    }

    /// What the plan's file held when it was opened or last saved (`None`: not known).
    pub fn disk(&self) -> Option<DiskStamp> {
        self.disk
    }

    /// Records what the plan's file holds now (opened, or found unchanged in content).
    pub fn set_disk(&mut self, stamp: Option<DiskStamp>) {
        self.disk = stamp;
    }

    /// A document for a plan that exists only in memory (imported): unsaved until saved.
    pub fn unsaved(plan: Plan) -> Self {
        let mut doc = Self::new(plan, None);
        doc.saved = Plan::new("", doc.plan.period);
        doc.untitled = Untitled::Recovered;
        doc
    }

    /// A document with no file: the example, a new plan (nothing to save yet) or an imported
    /// one (unsaved until saved).
    pub fn untitled(plan: Plan, kind: Untitled) -> Self {
        let unsaved = matches!(kind, Untitled::Imported(_) | Untitled::Recovered);
        let mut doc = if unsaved {
            Self::unsaved(plan)
        } else {
            Self::new(plan, None)
        };
        doc.untitled = kind;
        doc
    }

    /// The plan as it is now.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Where the plan is saved, if it has a file.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Changes since the last save or open.
    pub fn is_dirty(&self) -> bool {
        self.plan != self.saved
    }

    /// A number that changes whenever the plan does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit. Edits with the same `group` in a row (typing in one cell) form one undo
    /// step. An edit that changes nothing makes no step; any change drops what could be redone.
    pub fn apply(&mut self, edit: Edit, group: Option<egui::Id>) -> Result<(), EditTargetMissing> {
        let before = self.plan.clone();
        self.plan.apply(edit)?;
        if self.plan == before {
            return Ok(());
        }
        if group.is_none() || group != self.last_group {
            self.history.checkpoint(before);
        }
        self.last_group = group;
        self.revision += 1;
        Ok(())
    }

    /// Cancels the edits of `group` (Esc in a cell): the plan goes back to what it was before
    /// the group began, and that step leaves the history — nothing to undo, nothing to redo.
    /// Returns whether there was such an open group.
    pub fn cancel_group(&mut self, group: egui::Id) -> bool {
        if self.last_group != Some(group) {
            return false;
        }
        self.last_group = None;
        match self.history.undo.pop() {
            Some(before) => {
                self.plan = before;
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// Replaces the whole plan (an import into the open plan) as one undo step; the file and
    /// its saved state stay, so the plan shows as changed until saved.
    pub fn replace_plan(&mut self, plan: Plan) {
        if plan != self.plan {
            let before = std::mem::replace(&mut self.plan, plan);
            self.history.checkpoint(before);
            self.last_group = None;
            self.revision += 1;
        }
    }

    /// Applies several edits as one undo step; if one fails, none is applied.
    pub fn apply_all(&mut self, edits: Vec<Edit>) -> Result<(), EditTargetMissing> {
        let before = self.plan.clone();
        for edit in edits {
            if let Err(e) = self.plan.apply(edit) {
                self.plan = before;
                return Err(e);
            }
        }
        if self.plan != before {
            self.history.checkpoint(before);
            self.last_group = None;
            self.revision += 1;
        }
        Ok(())
    }

    /// Closes the current undo group: the next edit starts a new undo step.
    pub fn end_group(&mut self) {
        self.last_group = None;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }

    /// Goes back one step.
    pub fn undo(&mut self) -> bool {
        self.end_group();
        match self.history.undo.pop() {
            Some(previous) => {
                let undone = std::mem::replace(&mut self.plan, previous);
                self.history.redo.push(undone);
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// Goes forward one undone step.
    pub fn redo(&mut self) -> bool {
        self.end_group();
        match self.history.redo.pop() {
            Some(next) => {
                let redone = std::mem::replace(&mut self.plan, next);
                self.history.undo.push(redone);
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// Saves to `path` and makes it the document's file. On failure nothing changes.
    pub fn save_to(&mut self, path: &Path) -> Result<Saved, PlanFileError> {
        let saved = plan_file::save(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.saved = self.plan.clone();
        self.disk = saved.stamp;
        Ok(saved)
    }

    /// The name shown in the title bar: the file name, or the plan's built-in name.
    pub fn display_name(&self, language: Language) -> String {
        match self.path.as_deref().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into_owned(),
            None => match &self.untitled {
                Untitled::Example => tr!(language, "untitled-example"),
                Untitled::New => tr!(language, "untitled-new"),
                Untitled::Imported(from) => tr!(language, "untitled-imported", from = from),
                Untitled::Recovered => tr!(language, "untitled-recovered"),
            },
        }
    }

    /// Whether this is the built-in example plan, not yet saved anywhere.
    pub fn is_example(&self) -> bool {
        self.path.is_none() && self.untitled == Untitled::Example
    }

    /// The file name offered when the plan is saved: its own, or one for what it is.
    pub fn file_name(&self) -> String {
        match self.path.as_deref().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into_owned(),
            None => match &self.untitled {
                Untitled::Example => SEED_PLAN_NAME.to_owned(),
                Untitled::New => "plan.ron".to_owned(),
                Untitled::Imported(from) => format!("{from}.ron"),
                Untitled::Recovered => "plan-recuperado.ron".to_owned(),
            },
        }
    }
}

/// The undo and redo stacks: whole plans before each step.
///
/// Not egui's `Undoer`: it decides whether a redo is possible by comparing the current state
/// with its last undo point, so cancelling a later edit back to that state brought an undone
/// edit back to life (and Ctrl+Y then reverted the later one). Here a redo exists only until
/// the next change, whatever the states look like.
#[derive(Default)]
struct History {
    undo: Vec<Plan>,
    redo: Vec<Plan>,
}

impl History {
    /// How many steps back are kept.
    const MAX_STEPS: usize = 100;

    /// Records the plan before a new change; what could be redone is gone.
    fn checkpoint(&mut self, before: Plan) {
        self.redo.clear();
        self.undo.push(before);
        if self.undo.len() > Self::MAX_STEPS {
            self.undo.remove(0);
        }
    }
}
