//! The find bar (Ctrl+F): words to look for, how many indicators answer, and the next one.

use egui::Key;

use crate::tr;
use crate::ui::PanelContext;
use crate::view::Action;

/// The bar under the toolbar while finding. Enter and F3 go to the next hit; Esc closes.
pub fn find_bar_ui(ui: &mut egui::Ui, ctx: &mut PanelContext<'_>) {
    let language = ctx.language;
    let Some(find) = &mut ctx.view.find else {
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr!(language, "find-label"));
        let mut query = find.query.clone();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut query)
                    .desired_width(280.0)
                    .hint_text(tr!(language, "find-hint")),
            )
            .labelled_by(label.id);
        if find.fresh {
            field.request_focus();
            find.fresh = false;
        }
        if field.changed() {
            ctx.actions.push(Action::FindText(query.clone()));
        }
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        let escape = ui.input(|i| i.key_pressed(Key::Escape));
        let found = match (find.hits.len(), find.current) {
            (0, _) if query.trim().is_empty() => String::new(),
            (0, _) => tr!(language, "find-none"),
            (n, Some(i)) => tr!(language, "find-position", at = i + 1, of = n),
            (n, None) => tr!(language, "find-count", count = n),
        };
        ui.label(found);
        // Why the indicator shown is a hit: "en el nombre de la meta" tells an officer why 554
        // answers "pedagogía" when its own name does not say it.
        if let Some(at) = find.current.and_then(|i| find.hits.get(i)) {
            let places: Vec<String> = crate::model::search::found_in(ctx.plan, *at, &query)
                .into_iter()
                .map(|place| place.name(language))
                .collect();
            if !places.is_empty() {
                ui.weak(tr!(language, "find-found-in", places = places.join(", ")));
            }
        }
        if ui.button(tr!(language, "command-find-next")).clicked() || enter {
            ctx.actions.push(Action::FindNext);
            if enter {
                // Enter again finds the next one.
                field.request_focus();
            }
        }
        if ui.button(tr!(language, "find-close")).clicked() || escape {
            ctx.actions.push(Action::CloseFind);
        }
    });
}
