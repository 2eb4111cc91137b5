//! Reading the code for the layer tests, shared by the core's tests and the window's
//! (`tests/integration/layers.rs` includes this file). A line's mentions are its paths, read as
//! Rust writes them: `crate::io::seed_plan`, `eframe::App`, and each item of a group, so
//! `use crate::{io, model::Plan}` names `crate::io` and `crate::model::Plan`. A forbidden
//! `crate::io` is matched by that path or a longer one (`crate::io::x`), never by a word that
//! only starts alike (`crate::iota`), and never inside a comment line.

#![allow(dead_code)] // each test binary uses its part

use std::path::{Path, PathBuf};

/// Every Rust file below `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Whether the code of a file's unit tests (`#[cfg(test)] mod tests` to the end) is read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum UnitTests {
    Read,
    Skipped,
}

/// The code lines (not comments) of a text, numbered from 1.
pub fn code_lines(text: &str, unit_tests: UnitTests) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut previous_is_cfg_test = false;
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if unit_tests == UnitTests::Skipped
            && previous_is_cfg_test
            && trimmed.starts_with("mod tests")
        {
            break;
        }
        previous_is_cfg_test = trimmed == "#[cfg(test)]";
        if !trimmed.starts_with("//") {
            lines.push((n + 1, line.to_owned()));
        }
    }
    lines
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path a line writes, groups expanded.
pub fn paths(line: &str) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if is_ident(chars[i]) && (i == 0 || !is_ident(chars[i - 1])) {
            i = path_at(&chars, i, String::new(), &mut found);
        } else {
            i += 1;
        }
    }
    found
}

/// Reads the path starting at `i` (after `prefix`), pushes it (or its group's paths) and
/// returns where it ends.
fn path_at(chars: &[char], mut i: usize, prefix: String, found: &mut Vec<String>) -> usize {
    let mut path = prefix;
    loop {
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        if !path.is_empty() {
            path.push_str("::");
        }
        path.extend(&chars[start..i]);
        if !(chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':')) {
            break;
        }
        i += 2;
        if chars.get(i) == Some(&'{') {
            i += 1;
            while i < chars.len() && chars[i] != '}' {
                if is_ident(chars[i]) {
                    i = path_at(chars, i, path.clone(), found);
                } else {
                    i += 1;
                }
            }
            return i + 1;
        }
        if !chars.get(i).is_some_and(|c| is_ident(*c)) {
            break;
        }
    }
    found.push(path);
    i
}

/// Whether `path` is `item` or inside it.
pub fn names(path: &str, item: &str) -> bool {
    path == item
        || path
            .strip_prefix(item)
            .is_some_and(|rest| rest.starts_with("::"))
}

/// Every code line of `modules` (folders or files below `src`) naming one of `forbidden`, as
/// `file:line: text`, and how many lines were read.
pub fn offending(
    src: &Path,
    modules: &[&str],
    forbidden: &[&str],
    unit_tests: UnitTests,
) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    for module in modules {
        let dir = src.join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        } else {
            files.push(dir.with_extension("rs"));
        }
    }
    let mut read = 0;
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code_lines(&text, unit_tests) {
            read += 1;
            let bad = paths(&line)
                .iter()
                .any(|path| forbidden.iter().any(|item| names(path, item)));
            if bad {
                found.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    (read, found)
}

#[test]
fn paths_are_read_alone_and_in_groups_but_never_as_a_prefix() {
    assert_eq!(
        paths("use crate::io::seed_plan;"),
        ["use", "crate::io::seed_plan"]
    );
    assert_eq!(
        paths("use crate::{io, model::{Plan, Cut}};"),
        [
            "use",
            "crate::io",
            "crate::model::Plan",
            "crate::model::Cut"
        ]
    );
    assert!(names("crate::io::x", "crate::io"));
    assert!(!names("crate::iota", "crate::io"));
    assert!(names("eframe::App", "eframe"));
    let text = "fn a() {}\n#[cfg(test)]\nmod tests {\n    use crate::io;\n}";
    assert_eq!(code_lines(text, UnitTests::Skipped).len(), 2);
    assert_eq!(code_lines(text, UnitTests::Read).len(), 5);
}
