//! Archivo → Comparar con…: a window beside the plan listing every difference with the other
//! file (each a link to where the open plan shows it), then each objective's avance in both.

use crate::i18n::Language;
use crate::tr;
use crate::ui::PanelContext;
use crate::view::compare::go_to;

/// How many differences the window lists (the command line lists them all).
const MAX_LISTED: usize = 500;

/// The comparison window, while `view.comparison` is set.
pub fn comparison_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let egui_ctx = ui.ctx().clone();
    let language: Language = ctx.language;
    let Some(comparison) = &mut ctx.view.comparison else {
        return;
    };
    let actions = &mut *ctx.actions;
    let mut open = true;
    let mut swap = false;
    let title = tr!(
        language,
        "compare-window-title",
        name = comparison.other_name.as_str()
    );
    egui::Window::new(title)
        .id(egui::Id::unique("comparison"))
        .open(&mut open)
        .default_size([560.0, 420.0])
        // Over the charts, on the right: the grid above stays in sight.
        .default_pos(egui_ctx.content_rect().right_bottom() + egui::vec2(-580.0, -450.0))
        .show(&egui_ctx, |ui| {
            let (a, b) = comparison.names(language);
            let diff = &comparison.diff;
            ui.horizontal_wrapped(|ui| {
                let heading = if diff.is_identical() {
                    tr!(language, "diff-identical", a = a.as_str(), b = b.as_str())
                } else {
                    tr!(
                        language,
                        "diff-heading",
                        a = a.as_str(),
                        b = b.as_str(),
                        count = diff.changes.len()
                    )
                };
                ui.strong(heading);
                if ui
                    .button(tr!(language, "compare-swap"))
                    .on_hover_text(tr!(language, "compare-swap-hint"))
                    .clicked()
                {
                    swap = true;
                }
            });
            ui.separator();
            let list_height = (ui.available_height() - 150.0).max(120.0);
            egui::ScrollArea::vertical()
                .id_salt("comparison_changes")
                .max_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    let listed = diff.changes.iter().take(MAX_LISTED).enumerate();
                    for (index, change) in listed {
                        let text = arrowed(ui, &change.message(language), false);
                        let link = ui
                            .add(egui::Label::new(text).wrap().sense(egui::Sense::click()))
                            .on_hover_text(tr!(language, "compare-click-go-to"));
                        if link.clicked()
                            && let Some(target) = comparison.target_in_open(index)
                        {
                            actions.push(go_to(target));
                        }
                    }
                    if let Some(more) = diff.changes.len().checked_sub(MAX_LISTED)
                        && more > 0
                    {
                        ui.weak(tr!(language, "compare-more-differences", count = more));
                    }
                });
            ui.separator();
            let heading = tr!(
                language,
                "diff-progress-heading",
                cut = diff.cut.date(),
                a = a.as_str(),
                b = b.as_str()
            );
            ui.label(arrowed(ui, &heading, true));
            for objective in &diff.objectives {
                let text = objective.text(language);
                ui.label(arrowed(ui, &text, objective.changed()));
            }
        });
    if swap {
        comparison.swap();
        egui_ctx.request_repaint();
    }
    if !open {
        ctx.view.comparison = None;
    }
}

/// The text laid out with its arrows (→), which the proportional font lacks, in the monospace
/// font (which has them); `strong` for the strong text colour.
fn arrowed(ui: &egui::Ui, text: &str, strong: bool) -> egui::text::LayoutJob {
    let body = egui::TextStyle::Body.resolve(ui.style());
    let arrow = egui::FontId::monospace(body.size);
    let color = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    let mut job = egui::text::LayoutJob::default();
    for (i, part) in text.split('→').enumerate() {
        if i > 0 {
            job.append("→", 0.0, egui::TextFormat::simple(arrow.clone(), color));
        }
        job.append(part, 0.0, egui::TextFormat::simple(body.clone(), color));
    }
    job
}
