//! The core (model and file formats) must not depend on the window: no egui, eframe, rfd or
//! egui_plot inside `src/model` or `src/io`.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn model_and_io_do_not_use_gui_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in ["model", "io"] {
        rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() >= 6, "found {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code_lines = text
            .lines()
            .enumerate()
            .filter(|(_, line)| !line.trim_start().starts_with("//"));
        for (n, line) in code_lines {
            for gui in ["egui", "eframe", "rfd::", "crate::app", "crate::ui"] {
                assert!(
                    !line.contains(gui),
                    "{}:{}: the core mentions {gui}: {line}",
                    file.display(),
                    n + 1
                );
            }
        }
    }
}
