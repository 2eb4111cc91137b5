//! Ayuda / Help (F1): the keyboard shortcuts (from the one `Command` table, plus the grid's
//! keys), what the figures mean, where files live, and the version.

use crate::i18n::Language;
use crate::tr;
use crate::ui::PanelContext;
use crate::view::Command;

/// The help window, while `view.help_open`.
pub fn help_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let egui_ctx = ui.ctx().clone();
    let language = ctx.language;
    let mut open = ctx.view.help_open;
    // Esc closes it, unless a field is being typed in (there Esc gives the cell back its
    // figure).
    if !egui_ctx.egui_wants_keyboard_input()
        && egui_ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
    {
        open = false;
    }
    // Below the menu bar and the toolbar, never over them.
    let top = 72.0;
    let left = (egui_ctx.content_rect().center().x - 310.0).max(8.0);
    egui::Window::new(tr!(language, "command-help"))
        .open(&mut open)
        .default_pos([left, top])
        .default_size([620.0, 520.0])
        .vscroll(true)
        .show(&egui_ctx, |ui| {
            ui.heading(tr!(language, "help-shortcuts"));
            egui::Grid::new("help_shortcuts")
                .num_columns(1)
                .striped(true)
                .show(ui, |ui| {
                    for command in Command::table() {
                        let shortcuts = command.declaration().shortcuts;
                        if !shortcuts.is_empty() {
                            let keys: Vec<String> = shortcuts
                                .iter()
                                .map(|s| egui_ctx.format_shortcut(s))
                                .collect();
                            ui.label(format!("{} — {}", keys.join(", "), command.label(language)));
                            ui.end_row();
                        }
                    }
                    for text in grid_keys(language) {
                        ui.label(text);
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            ui.heading(tr!(language, "help-figures"));
            for text in [
                tr!(language, "help-figures-types"),
                tr!(language, "help-figures-cap"),
                tr!(language, "help-figures-average"),
                tr!(language, "help-figures-cut"),
                tr!(language, "help-figures-not-current"),
            ] {
                ui.label(text);
                ui.add_space(4.0);
            }
            ui.add_space(8.0);
            ui.heading(tr!(language, "help-files"));
            let plan_file = ctx.plan_file.map_or_else(
                || tr!(language, "help-no-file"),
                |p| p.display().to_string(),
            );
            ui.label(tr!(language, "help-plan-file", path = plan_file));
            ui.label(tr!(language, "help-backups"));
            let data = ctx
                .data_folder
                .map_or_else(String::new, |p| p.display().to_string());
            ui.label(tr!(language, "help-data-folder", path = data));
            ui.add_space(8.0);
            ui.label(tr!(
                language,
                "help-version",
                version = env!("CARGO_PKG_VERSION")
            ));
        });
    ctx.view.help_open = open;
}

/// "F2 — corregir la cifra…" for each of the grid's keys.
fn grid_keys(language: Language) -> Vec<String> {
    [
        (
            tr!(language, "help-key-type"),
            tr!(language, "help-does-type"),
        ),
        (tr!(language, "help-key-f2"), tr!(language, "help-does-f2")),
        (
            tr!(language, "help-key-enter"),
            tr!(language, "help-does-enter"),
        ),
        (
            tr!(language, "help-key-tab"),
            tr!(language, "help-does-tab"),
        ),
        (
            tr!(language, "help-key-arrows"),
            tr!(language, "help-does-arrows"),
        ),
        (
            tr!(language, "help-key-home-end"),
            tr!(language, "help-does-home-end"),
        ),
        (
            tr!(language, "help-key-pages"),
            tr!(language, "help-does-pages"),
        ),
        (
            tr!(language, "help-key-esc"),
            tr!(language, "help-does-esc"),
        ),
        (
            tr!(language, "help-key-shift-arrows"),
            tr!(language, "help-does-shift-arrows"),
        ),
        (
            tr!(language, "help-key-copy-fill"),
            tr!(language, "help-does-copy-fill"),
        ),
        (
            tr!(language, "help-key-menus"),
            tr!(language, "help-does-menus"),
        ),
        (
            tr!(language, "help-key-slides"),
            tr!(language, "help-does-slides"),
        ),
    ]
    .into_iter()
    .map(|(keys, does)| format!("{keys} — {does}"))
    .collect()
}
