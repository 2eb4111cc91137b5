//! Archivo → Comparar con… (the open plan against another plan file) and Archivo →
//! Consolidar… (the entities' files gathered into the open plan, one undo step).

use std::path::{Path, PathBuf};

use super::file_dialogs::FileFor;
use super::{AvanceApp, files};
use crate::io::plan_file;
use crate::model::Plan;
use crate::model::diff::objectives_apart;
use crate::model::merge::merge;
use crate::tr;
use crate::view::compare::Comparison;
use crate::view::consolidate::{Consolidation, EntityFile};
use crate::view::dialog::ConsolidateAnswer;
use crate::view::{Dialog, Notice, PathPurpose};

impl AvanceApp {
    /// Shows the differences between the open plan and the plan file at `path`.
    pub(super) fn compare_with(&mut self, path: &Path) {
        let language = self.prefs.language;
        match plan_file::load(path) {
            Ok(other) => {
                let name = file_name(path);
                let refused = self
                    .refused(self.doc.plan())
                    .or_else(|| self.refused_file(&other, &name));
                if let Some(text) = refused {
                    self.message(tr!(language, "compare-could-not-read"), text);
                    return;
                }
                let (open, revision, cut) =
                    (self.doc.plan(), self.doc.revision(), self.doc.plan().cut);
                self.view.comparison = Some(Comparison::new(name, other, open, revision, cut));
            }
            Err(e) => {
                let text = e.message(language);
                self.message(tr!(language, "compare-could-not-read"), text);
            }
        }
    }

    /// Opens the consolidation dialog with the first entity file the file dialog gives (or
    /// none, the path box ready to type it).
    pub(super) fn start_consolidation(&mut self) {
        if let Some(text) = self.refused(self.doc.plan()) {
            let language = self.prefs.language;
            self.message(tr!(language, "merge-title"), text);
            return;
        }
        let consolidation = Consolidation::new(self.offered_path(PathPurpose::Open));
        self.dialog = Some(Dialog::Consolidate(Box::new(consolidation)));
        self.ask_file(FileFor::EntityFile);
    }

    /// Carries out what the consolidation dialog asked for.
    pub fn answer_consolidate(&mut self, answer: ConsolidateAnswer) {
        let Some(Dialog::Consolidate(mut consolidation)) = self.dialog.take() else {
            return;
        };
        match answer {
            ConsolidateAnswer::PickFile => self.ask_file(FileFor::EntityFile),
            ConsolidateAnswer::AddTyped => {
                let text = consolidation.input.trim().to_owned();
                if !text.is_empty() {
                    let path = files::expand_typed_path(&text, &self.plan_folder());
                    self.add_entity_file(&mut consolidation, path);
                }
            }
            ConsolidateAnswer::Remove(index) => {
                if index < consolidation.files.len() {
                    consolidation.files.remove(index);
                    self.find_conflicts(&mut consolidation);
                }
            }
            ConsolidateAnswer::Merge if consolidation.is_ready() => {
                self.consolidate(&consolidation);
                return;
            }
            ConsolidateAnswer::Merge => {}
            ConsolidateAnswer::Cancel => return,
        }
        self.dialog = Some(Dialog::Consolidate(consolidation));
    }

    /// Reads an entity file and adds it to the list, or says why not.
    pub(super) fn add_entity_file(&mut self, consolidation: &mut Consolidation, path: PathBuf) {
        let language = self.prefs.language;
        if consolidation.files.iter().any(|f| f.path == path) {
            let name = file_name(&path);
            consolidation.problem = Some(tr!(language, "merge-file-already-listed", name = name));
            return;
        }
        match plan_file::load(&path) {
            Ok(plan) => {
                if let Some(text) = self.refused_file(&plan, &file_name(&path)) {
                    consolidation.problem = Some(text);
                    return;
                }
                consolidation.files.push(EntityFile { path, plan });
                consolidation.problem = None;
                consolidation.input = self.offered_path(PathPurpose::Open);
                self.find_conflicts(consolidation);
            }
            Err(e) => consolidation.problem = Some(e.message(language)),
        }
    }

    /// Why the open plan cannot be compared or consolidated (it repeats an objective's number).
    fn refused(&self, open: &Plan) -> Option<String> {
        self.refused_file(open, &tr!(self.prefs.language, "compare-this-plan"))
    }

    /// Why the plan of the file `name` cannot be compared or consolidated.
    fn refused_file(&self, plan: &Plan, name: &str) -> Option<String> {
        let language = self.prefs.language;
        objectives_apart(plan)
            .err()
            .map(|repeated| repeated.message(language, name))
    }

    /// What consolidating the listed files into the open plan finds, choices kept.
    fn find_conflicts(&self, consolidation: &mut Consolidation) {
        match merge(self.doc.plan(), &consolidation.plans(), |_| None) {
            Ok(found) => consolidation.update(&found),
            Err(refused) => {
                let names = consolidation.names(self.prefs.language);
                consolidation.problem = Some(refused.message(self.prefs.language, &names));
            }
        }
    }

    /// Consolidates with the choices made, as one undo step, and says what it took.
    fn consolidate(&mut self, consolidation: &Consolidation) {
        let language = self.prefs.language;
        let open = self.doc.plan();
        let merged = merge(open, &consolidation.plans(), |c| {
            consolidation.choice_for(c)
        });
        let Some(merged) = merged.ok().filter(|m| m.is_resolved()) else {
            return;
        };
        let text = if merged.plan == *open {
            tr!(language, "merge-nothing-changed")
        } else {
            tr!(
                language,
                "merge-done",
                figures = merged.changed,
                files = consolidation.files.len(),
                added = merged.added
            )
        };
        self.doc.replace_plan(merged.plan);
        self.view.drop_drafts();
        self.view.visit = None;
        self.notice = Some(Notice::new(text));
    }
}

/// The file name of a path, as lists show it.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
