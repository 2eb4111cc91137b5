//! The strip under the menu: the cut every figure is read at, undo and redo.

use crate::model::Quarter;
use crate::ui::PanelContext;
use crate::view::Action;
use crate::view::Command;

/// The plan's cut (vigencia and quarter), undo/redo and the findings count.
pub fn toolbar_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let (plan, figures, view, language) = (ctx.plan, ctx.computed, &*ctx.view, ctx.language);
    let (commands, actions) = (ctx.commands, &mut *ctx.actions);
    ui.horizontal(|ui| {
        ui.strong(&plan.title);
        ui.separator();
        let label = ui.label(crate::tr!(language, "toolbar-cut"));
        // The plan's cut: choosing one here is an edit of the plan (one undo step, saved).
        let mut cut = plan.cut;
        let hint = crate::tr!(language, "toolbar-the-plan-s-cut");
        egui::ComboBox::from_id_salt("cut_vigencia")
            .selected_text(cut.vigencia.to_string())
            .width(64.0)
            .show_ui(ui, |ui| {
                for vigencia in plan.period.vigencias() {
                    ui.selectable_value(&mut cut.vigencia, vigencia, vigencia.to_string());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(&hint);
        egui::ComboBox::from_id_salt("cut_quarter")
            .selected_text(cut.quarter.short_name(language))
            .width(64.0)
            .show_ui(ui, |ui| {
                for quarter in Quarter::ALL {
                    ui.selectable_value(&mut cut.quarter, quarter, quarter.short_name(language));
                }
            })
            .response
            .accessible_name(crate::tr!(language, "toolbar-quarter-of-the-cut"))
            .on_hover_text(&hint);
        if cut != plan.cut {
            actions.push(Action::SetCut(cut));
        }
        ui.label(format!("({})", plan.cut.date()));
        ui.separator();
        for command in [Command::Undo, Command::Redo] {
            let enabled = commands.allows(&command);
            let shortcut = command
                .shortcut()
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            let button = ui
                .add_enabled(enabled, egui::Button::new(command.label(language)))
                .on_hover_text(shortcut);
            if button.clicked() {
                actions.push(Action::Command(command));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            // A text not accepted (a cell in red…) is an error too, until fixed or restored.
            let refused_cells = crate::view::refused::refused_entries(plan, view, language).len();
            let counts = figures.findings.counts();
            let warnings = counts.warnings;
            let errors = counts.errors + refused_cells;
            let text = crate::tr!(
                language,
                "findings-count",
                errors = errors,
                warnings = warnings
            );
            if errors > 0 {
                ui.colored_label(crate::theme::error_text(ui.visuals()), text);
            } else {
                ui.weak(text);
            }
        });
    });
}
