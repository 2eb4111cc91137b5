//! The open plan: its file, what was last saved, and its undo history.

use std::path::{Path, PathBuf};

use crate::io::SEED_PLAN_NAME;
use crate::io::plan_file::{self, PlanFileError, Saved};
use crate::io::safe_write::DiskStamp;
use crate::model::edit::{Edit, EditTargetMissing};
use crate::model::undo::Restore;
use crate::model::{Language, Plan};
use crate::tr;
use crate::view::computed::Revisions;

/// An open plan and everything needed to save and undo it.
pub struct Document {
    plan: Plan,
    /// Where the plan is saved; `None` for a new plan or the built-in seed plan.
    path: Option<PathBuf>,
    /// Which state of the plan was last saved or opened: the plan is "dirty" while it is in
    /// another state (`None`: never saved).
    saved: Option<StateId>,
    /// The state the plan is in: a new one at each change, the earlier one again on undo.
    state: StateId,
    /// The last state handed out.
    last_state: StateId,
    history: History,
    /// Grows with every change, so figures are recomputed only when needed.
    revision: u64,
    /// The revision at which each objective (by index) last changed.
    objective_revisions: Vec<u64>,
    /// The revision at which anything beyond one objective last changed (the whole plan, its
    /// header, the list of objectives).
    plan_revision: u64,
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
            objective_revisions: vec![0; plan.objectives.len()],
            plan,
            path,
            saved: Some(StateId(0)),
            state: StateId(0),
            last_state: StateId(0),
            history: History::default(),
            revision: 0,
            plan_revision: 0,
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
        doc.saved = None;
        doc.untitled = Untitled::Recovered;
        doc
    }

    /// A document with no file: the example, or a plan unsaved until saved: a new one (its
    /// title, period and entities were typed in Archivo → Nuevo), an imported or recovered one.
    pub fn untitled(plan: Plan, kind: Untitled) -> Self {
        let unsaved = matches!(
            kind,
            Untitled::New | Untitled::Imported(_) | Untitled::Recovered
        );
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
        self.saved != Some(self.state)
    }

    /// A number that changes whenever the plan does.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies an edit. Edits with the same `group` in a row (typing in one cell) form one undo
    /// step. An edit that changes nothing makes no step; any change drops what could be redone.
    pub fn apply(&mut self, edit: Edit, group: Option<egui::Id>) -> Result<(), EditTargetMissing> {
        let Some(before) = Restore::before(&self.plan, &edit) else {
            return Err(EditTargetMissing(edit));
        };
        self.plan.apply(edit)?;
        if before.is_current(&self.plan) {
            return Ok(());
        }
        let objective = before.objective();
        let continues = group.is_some() && group == self.last_group;
        match self.history.undo.last_mut().filter(|_| continues) {
            Some(step) => {
                // The first state of what this group touched is all undo needs.
                if !step.restores.iter().any(|r| r.same_part(&before)) {
                    step.restores.push(before);
                }
                // Typing back what the cell had gives the state before the group again.
                let back = step.restores.iter().all(|r| r.is_current(&self.plan));
                self.state = if back {
                    step.before
                } else {
                    self.last_state.0 += 1;
                    self.last_state
                };
                step.after = self.state;
            }
            None => self.checkpoint(vec![before]),
        }
        self.last_group = group;
        self.changed(objective);
        Ok(())
    }

    /// A new state, never seen before.
    fn next_state(&mut self) -> StateId {
        self.last_state.0 += 1;
        self.last_state
    }

    /// Records a new undo step (what `restores` put back) and moves to a new state.
    fn checkpoint(&mut self, restores: Vec<Restore>) {
        let before = self.state;
        self.state = self.next_state();
        self.history.checkpoint(Step {
            restores,
            before,
            after: self.state,
        });
    }

    /// Notes a change of the objective at index `objective` (`None`: of more than one).
    fn changed(&mut self, objective: Option<usize>) {
        self.revision += 1;
        let revision = self.revision;
        if self.objective_revisions.len() != self.plan.objectives.len() {
            self.objective_revisions = vec![revision; self.plan.objectives.len()];
            self.plan_revision = revision;
        }
        match objective.and_then(|o| self.objective_revisions.get_mut(o)) {
            Some(at) => *at = revision,
            None => self.plan_revision = revision,
        }
    }

    /// Puts back what a step's restores hold, last first; returns what they replaced, to go
    /// the other way.
    fn put_back(&mut self, restores: Vec<Restore>) -> Vec<Restore> {
        let mut replaced = Vec::with_capacity(restores.len());
        for restore in restores.into_iter().rev() {
            let objective = restore.objective();
            replaced.push(restore.apply(&mut self.plan));
            self.changed(objective);
        }
        replaced
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
            Some(step) => {
                self.put_back(step.restores);
                self.state = step.before;
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
            self.checkpoint(vec![Restore::Plan(Box::new(before))]);
            self.last_group = None;
            self.changed(None);
        }
    }

    /// Applies several edits as one undo step; if one fails, none is applied.
    pub fn apply_all(&mut self, edits: Vec<Edit>) -> Result<(), EditTargetMissing> {
        let mut restores = Vec::with_capacity(edits.len());
        let mut failed = None;
        for edit in edits {
            match Restore::before(&self.plan, &edit) {
                Some(before) if self.plan.apply(edit.clone()).is_ok() => restores.push(before),
                _ => {
                    failed = Some(EditTargetMissing(edit));
                    break;
                }
            }
        }
        if let Some(missing) = failed {
            for restore in restores.into_iter().rev() {
                restore.apply(&mut self.plan);
            }
            return Err(missing);
        }
        restores.retain(|r| !r.is_current(&self.plan));
        if !restores.is_empty() {
            let objectives: Vec<Option<usize>> = restores.iter().map(Restore::objective).collect();
            self.checkpoint(restores);
            self.last_group = None;
            for objective in objectives {
                self.changed(objective);
            }
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
            Some(step) => {
                let redo = self.put_back(step.restores);
                self.state = step.before;
                self.history.redo.push(Step {
                    restores: redo,
                    ..step
                });
                true
            }
            None => false,
        }
    }

    /// Goes forward one undone step.
    pub fn redo(&mut self) -> bool {
        self.end_group();
        match self.history.redo.pop() {
            Some(step) => {
                let undo = self.put_back(step.restores);
                self.state = step.after;
                self.history.undo.push(Step {
                    restores: undo,
                    ..step
                });
                true
            }
            None => false,
        }
    }

    /// When each part of the plan last changed: each objective, and anything beyond one
    /// objective (the whole plan, its own fields, the list of objectives).
    pub fn revisions(&self) -> Revisions<'_> {
        Revisions {
            plan: self.plan_revision,
            objectives: &self.objective_revisions,
        }
    }

    /// Saves to `path` and makes it the document's file. On failure nothing changes.
    pub fn save_to(&mut self, path: &Path) -> Result<Saved, PlanFileError> {
        let saved = plan_file::save(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.saved = Some(self.state);
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

/// One state of the plan, as undo and redo move between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StateId(u64);

/// One undo (or redo) step: the parts of the plan to put back, and the states it goes between.
struct Step {
    restores: Vec<Restore>,
    before: StateId,
    after: StateId,
}

/// The undo and redo stacks: the parts each step changed, as they were (see [`Restore`]).
///
/// Not egui's `Undoer`: it decides whether a redo is possible by comparing the current state
/// with its last undo point, so cancelling a later edit back to that state brought an undone
/// edit back to life (and Ctrl+Y then reverted the later one). Here a redo exists only until
/// the next change, whatever the states look like.
#[derive(Default)]
struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// How many steps back are kept.
    const MAX_STEPS: usize = 100;

    /// Records a new step; what could be redone is gone.
    fn checkpoint(&mut self, step: Step) {
        self.redo.clear();
        self.undo.push(step);
        if self.undo.len() > Self::MAX_STEPS {
            self.undo.remove(0);
        }
    }
}
