//! The menus and the help window read the one table of commands: what they show stays as it
//! was when each menu was written by hand (same entries, same order, same shortcuts).

use avance::view::Prefs;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use avance::app::AvanceApp;
use egui::{Key, Modifiers};

use super::ui::{ScriptedDialogs, press, window};

/// Every labelled widget on screen, in the order of the accessibility tree, with where it is
/// (a separator moved, an entry moved: the listing changes).
fn labels(harness: &Harness<'_, AvanceApp>) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .filter_map(|node| {
            let node = node.accesskit_node();
            let rect = node.bounding_box()?;
            if node.role() == egui::accesskit::Role::TextRun {
                return None;
            }
            let label = node.label().or_else(|| node.value())?;
            Some(format!(
                "{:?} {label} @{:.0},{:.0}",
                node.role(),
                rect.x0,
                rect.y0
            ))
        })
        .collect()
}

/// What opening a menu put on screen: the nodes that were not there before, in order.
fn menu_entries(harness: &mut Harness<'_, AvanceApp>, menu: &str) -> Vec<String> {
    let before = labels(harness);
    harness.get_by_label(menu).click();
    harness.run();
    if menu == "Archivo" {
        harness.get_by_label("Abrir reciente").hover();
        harness.run();
    }
    let mut after = labels(harness);
    for label in before {
        if let Some(at) = after.iter().position(|l| *l == label) {
            after.remove(at);
        }
    }
    press(harness, Modifiers::NONE, Key::Escape);
    after
}

#[test]
fn the_menus_list_the_same_entries_in_the_same_order_with_their_shortcuts() {
    let prefs = Prefs {
        recent: vec!["/tmp/plan reciente.ron".into()],
        welcomed: true,
        ..Prefs::default()
    };
    let mut harness = window(prefs, None, ScriptedDialogs::default());
    // The recent file does not exist: the window says so and shows the example plan.
    harness.get_by_label("No se abrió el último plan usado");
    harness.get_by_label("Aceptar").click();
    harness.run();
    let mut listing = Vec::new();
    for menu in ["Archivo", "Editar", "Ver", "Ayuda"] {
        listing.push(format!("== {menu}"));
        listing.extend(menu_entries(&mut harness, menu));
    }
    let before = labels(&harness);
    press(&mut harness, Modifiers::NONE, Key::F1);
    listing.push("== F1".to_owned());
    listing.extend(
        labels(&harness)
            .into_iter()
            .filter(|l| l.contains(" — ") && !before.contains(l)),
    );
    let listing = listing.join("\n");
    assert_eq!(listing, EXPECTED.trim());
}

/// As the window showed it before the table (Spanish, 1366×768, one recent file), with the
/// commands added since: Preparar archivos por entidad…, Ajustar ponderaciones…, Abrir plan de
/// ejemplo.
const EXPECTED: &str = "
== Archivo
Button Nuevo Ctrl+N @15,29
Button Abrir… Ctrl+O @15,52
Button Abrir reciente @15,75
Button /tmp/plan reciente.ron @236,75
Button Abrir plan de ejemplo @15,98
Button Guardar Ctrl+S @15,130
Button Guardar como… Ctrl+Shift+S @15,153
Button Importar… @15,185
Button Importar cifras en el plan abierto… @15,208
Button Exportar… @15,231
Button Exportar presentación… @15,254
Button Comparar con… @15,286
Button Consolidar… @15,309
Button Preparar archivos por entidad… @15,332
Button Salir Ctrl+Q @15,364
== Editar
Button Deshacer Ctrl+Z @70,29
Button Rehacer Ctrl+Y @70,52
Button Buscar… Ctrl+F @70,84
Button Buscar siguiente F3 @70,107
Button Ajustar ponderaciones… @70,139
== Ver
Label Idioma @117,29
RadioButton Español @117,47
RadioButton English @117,70
Button Tema oscuro @117,102
Button Modo presentación F5 @117,134
== Ayuda
Button Ayuda F1 @148,29
== F1
Label Ctrl+N — Nuevo @7,140
Label Ctrl+O — Abrir… @7,162
Label Ctrl+S — Guardar @7,186
Label Ctrl+Shift+S — Guardar como… @7,208
Label Ctrl+Z — Deshacer @7,232
Label Ctrl+Y, Ctrl+Shift+Z — Rehacer @7,254
Label Ctrl+F — Buscar… @7,278
Label F3 — Buscar siguiente @7,300
Label F5 — Modo presentación @7,324
Label F1 — Ayuda @7,346
Label Ctrl+Q — Salir @7,370
Label Escribir — en una celda alcanzada (clic, Tab, Enter, flechas) reemplaza su cifra @7,392
Label F2 o doble clic — corregir la cifra: el cursor queda al final @7,416
Label Enter / Mayús+Enter — aceptar y bajar / subir; en la última fila, una fila nueva @7,438
Label Tab / Mayús+Tab — aceptar y pasar a la celda siguiente / anterior; desde la unidad de la última fila, una fila nueva @7,462
Label Flechas — moverse entre celdas (al corregir con F2, mueven el cursor) @7,484
Label Inicio / Fin, Ctrl+Inicio / Ctrl+Fin — primera / última celda de la fila; de la tabla @7,508
Label Re Pág / Av Pág — una pantalla de filas arriba / abajo @7,530
Label Esc — devolver a la celda la cifra que tenía @7,554
Label Mayús+flechas, Mayús+clic, arrastrar — seleccionar un rango de celdas @7,576
Label Ctrl+C, Ctrl+V, Supr, Ctrl+D — copiar (como Excel lo pega), pegar, vaciar, rellenar hacia abajo el rango; cada uno se deshace con un Ctrl+Z @7,600
Label F10 o Alt — abrir el menú Archivo (las flechas recorren los menús) @7,622
Label En la presentación (F5): flecha derecha, Av Pág, Espacio / flecha izquierda, Re Pág; 1–9 y 0 (objetivo 10), dos cifras seguidas para el 11 en adelante (1 y 2: objetivo 12); Inicio / Fin; O; Esc — diapositiva siguiente / anterior; la de ese objetivo; primera / última; orden de los indicadores; salir @7,646
";
