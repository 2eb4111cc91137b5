//! The open plan: its file, what was last saved, and its undo history.

use std::path::{Path, PathBuf};

use egui::util::undoer::Undoer;

use crate::io::plan_file::{self, PlanFileError, Saved};
use crate::io::safe_write::DiskStamp;
use crate::model::Plan;
use crate::model::edit::{Edit, EditTargetMissing};

/// An open plan and everything needed to save and undo it.
pub struct Document {
    plan: Plan,
    /// Where the plan is saved; `None` for a new plan or the built-in seed plan.
    path: Option<PathBuf>,
    /// The plan as last saved or opened: the plan is "dirty" when it differs.
    saved: Plan,
    undoer: Undoer<Plan>,
    /// Grows with every change, so figures are recomputed only when needed.
    revision: u64,
    /// The undo group of the last edit: edits of one group (typing in one cell) undo together.
    last_group: Option<egui::Id>,
    /// What the file held when opened or last saved, to notice someone else's save.
    disk: Option<DiskStamp>,
}

impl Document {
    /// A document for a plan opened from `path` (or built in, with `None`).
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        Self {
            saved: plan.clone(),
            plan,
            path,
            undoer: Undoer::default(),
            revision: 0,
            last_group: None,
            disk: None,
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

    /// Applies an edit. Edits with the same `group` in a row form one undo step.
    pub fn apply(&mut self, edit: Edit, group: Option<egui::Id>) -> Result<(), EditTargetMissing> {
        if group.is_none() || group != self.last_group {
            self.undoer.add_undo(&self.plan);
        }
        self.last_group = group;
        let before = self.plan.clone();
        self.plan.apply(edit)?;
        if self.plan != before {
            self.revision += 1;
        }
        Ok(())
    }

    /// Replaces the whole plan (an import into the open plan) as one undo step; the file and
    /// its saved state stay, so the plan shows as changed until saved.
    pub fn replace_plan(&mut self, plan: Plan) {
        if plan != self.plan {
            self.undoer.add_undo(&self.plan);
            self.plan = plan;
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
            self.undoer.add_undo(&before);
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
        self.undoer.has_undo(&self.plan)
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.plan)
    }

    /// Goes back one step.
    pub fn undo(&mut self) -> bool {
        self.end_group();
        match self.undoer.undo(&self.plan) {
            Some(previous) => {
                self.plan = previous.clone();
                self.revision += 1;
                true
            }
            None => false,
        }
    }

    /// Goes forward one undone step.
    pub fn redo(&mut self) -> bool {
        self.end_group();
        match self.undoer.redo(&self.plan) {
            Some(next) => {
                self.plan = next.clone();
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
    pub fn display_name(&self, untitled: &str) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| untitled.to_owned(), |n| n.to_string_lossy().into_owned())
    }
}
