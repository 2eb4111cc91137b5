//! The window: shows the plan's objectives and their progress at the plan's cut.

use std::path::PathBuf;

use crate::io::{SEED_PLAN_NAME, plan_file, seed_plan};
use crate::model::format::percent_or_dash;
use crate::model::{Plan, PlanProgress};

/// The application: one open plan.
pub struct AvanceApp {
    plan: Plan,
    file_name: String,
    load_error: Option<String>,
}

impl AvanceApp {
    /// Opens `path`, or the seed's plan when there is none. A file that cannot be read leaves
    /// the seed's plan open and says why.
    pub fn new(path: Option<PathBuf>) -> Self {
        match path {
            None => Self {
                plan: seed_plan(),
                file_name: SEED_PLAN_NAME.to_owned(),
                load_error: None,
            },
            Some(path) => match plan_file::load(&path) {
                Ok(plan) => Self {
                    file_name: path.display().to_string(),
                    plan,
                    load_error: None,
                },
                Err(e) => Self {
                    plan: seed_plan(),
                    file_name: SEED_PLAN_NAME.to_owned(),
                    load_error: Some(e.message(crate::model::Language::Es)),
                },
            },
        }
    }
}

impl eframe::App for AvanceApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let language = self.plan.settings.language;
        let progress = PlanProgress::compute(&self.plan, self.plan.cut);
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(&self.plan.title);
            ui.label(format!(
                "{} · corte {}",
                self.file_name,
                self.plan.cut.date()
            ));
            if let Some(error) = &self.load_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.separator();
            for (objective, figures) in self.plan.objectives.iter().zip(&progress.objectives) {
                ui.horizontal(|ui| {
                    ui.strong(format!("Objetivo {}", objective.number));
                    ui.label(percent_or_dash(figures.progress, language));
                });
                ui.label(&objective.text);
                ui.add_space(6.0);
            }
        });
    }
}

/// Opens the window on `path` (or the seed's plan) and runs until it closes.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Avance")
            .with_inner_size([1280.0, 760.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Avance",
        options,
        Box::new(move |_cc| Ok(Box::new(AvanceApp::new(path)))),
    )
}
