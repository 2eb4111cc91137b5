//! One reader decides what a plan file says (issue 19 §3): a key written twice is refused however
//! it is spelled, a figure is read exactly or refused with its place, and only regular files of
//! a bounded size are read.

use std::path::Path;

use avance::io::plan_file::{self, PlaceField, PlanFileError, parse, to_text};
use avance::io::seed_plan;
use avance::model::validation::Field;
use avance::model::{Language, Quarter};

fn origin() -> &'static Path {
    Path::new("prueba.ron")
}

fn seed_text() -> String {
    to_text(&seed_plan()).unwrap()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// Vigencia 2022 of indicator 321 written a second time, on the line before its 2023, with the
/// key spelled `key`.
fn year_twice(key: &str) -> String {
    seed_text().replacen(
        "                2023: (",
        &format!("                {key}: (programmed: \"1\"),\n                2023: ("),
        1,
    )
}

/// Quarter 1 of indicator 321's 2022 written a second time, spelled `key`.
fn quarter_twice(key: &str) -> String {
    seed_text().replacen(
        r#"{1: "27.50"}"#,
        &format!("{{1: \"27.50\", {key}: \"99\"}}"),
        1,
    )
}

/// What ron and the other spellings of whitespace or numbers make of a key: the same vigencia
/// or quarter. Before, a scan beside ron compared keys as text and let these through: the last
/// value won silently and `fmt` made the loss permanent.
const YEAR_SPELLINGS: [&str; 9] = [
    "2022",
    "\u{200E}2022",
    "\u{200F}2022",
    "\u{0B}2022",
    "\u{2028}2022",
    "\u{85}2022",
    "0x7E6",
    "0b11111100110",
    "0o3746",
];

const QUARTER_SPELLINGS: [&str; 7] = [
    "0x1",
    "0b1",
    "0o1",
    "\u{200E}1",
    "\u{2029}1",
    "\u{0C}1",
    "1_",
];

#[test]
fn a_vigencia_written_twice_is_refused_however_its_key_is_spelled() {
    let good = seed_text();
    let first_line = line_of(&good, "2022: (weight: \"89.35\"");
    for key in YEAR_SPELLINGS {
        let text = year_twice(key);
        match parse(&text, origin()) {
            Err(
                ref e @ PlanFileError::DuplicateKey {
                    line,
                    key: ref found,
                    first_line: first,
                    ref place,
                    ..
                },
            ) => {
                assert_eq!(found, "2022", "{key:?}");
                assert_eq!(line, first_line + 1, "{key:?}: the second one's line");
                assert_eq!(first, Some(first_line), "{key:?}: the first one's line");
                let place = place.as_deref().unwrap();
                assert_eq!(place.objective, Some(2), "{key:?}");
                assert_eq!(place.indicator.as_deref(), Some("321"), "{key:?}");
                let message = e.message(Language::Es);
                assert!(
                    message.contains("«2022» está escrito dos veces"),
                    "{key:?}: {message}"
                );
            }
            other => panic!("{key:?}: expected a duplicate vigencia, got {other:?}"),
        }
    }
}

#[test]
fn a_quarter_written_twice_is_refused_however_its_key_is_spelled() {
    for key in QUARTER_SPELLINGS {
        let text = quarter_twice(key);
        match parse(&text, origin()) {
            Err(PlanFileError::DuplicateKey {
                key: ref found,
                line,
                first_line,
                ..
            }) => {
                assert_eq!(found, "1", "{key:?}");
                assert_eq!(first_line, Some(line), "{key:?}: both on one line");
            }
            other => panic!("{key:?}: expected a duplicate quarter, got {other:?}"),
        }
    }
}

#[test]
fn fmt_refuses_a_file_with_a_key_written_twice_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    for text in [year_twice("\u{200E}2022"), quarter_twice("0b1")] {
        std::fs::write(&path, &text).unwrap();
        let (code, _, err) = crate::avance(&["fmt", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("está escrito dos veces"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
        assert!(!dir.path().join("plan.ron.bak").exists());
    }
}

#[test]
fn a_figure_written_as_a_bare_number_is_read_exactly_or_refused_with_its_place() {
    let good = seed_text();
    // 20 significant digits: a binary float keeps 17, and fmt wrote back 27.123456789012344.
    let bare = good.replacen(
        r#"programmed: "55.00", executed: {1: "27.50"}"#,
        r#"programmed: 27.123456789012345678, executed: {1: "27.50"}"#,
        1,
    );
    let line = line_of(&good, r#"programmed: "55.00", executed: {1: "27.50"}"#);
    let column = good
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"55.00\"")
        .unwrap()
        + 1;
    let error = parse(&bare, origin()).unwrap_err();
    match &error {
        PlanFileError::Syntax {
            line: l,
            column: c,
            place: Some(place),
            ..
        } => {
            assert_eq!((*l, *c), (line, column), "where the number starts");
            assert_eq!(place.indicator.as_deref(), Some("321"));
            assert_eq!(place.field, Some(PlaceField::Plan(Field::Programmed(2022))));
        }
        other => panic!("expected the bare number refused with its place, got {other:?}"),
    }
    let message = error.message(Language::Es);
    assert!(
        message.contains("27.123456789012345678") && message.contains("\"27.123456789012345678\""),
        "the number as written, and how to write it: {message}"
    );
    assert!(!message.contains("27.123456789012344"), "{message}");
    let english = error.message(Language::En);
    assert!(english.contains("between quotes"), "{english}");

    // A whole number has no decimals to lose: it is read as it is.
    let whole = good.replacen(
        r#"programmed: "55.00", executed"#,
        "programmed: 55, executed",
        1,
    );
    let plan = parse(&whole, origin()).unwrap();
    let indicator = &plan.objectives[1].metas[0].indicators[0];
    assert_eq!(indicator.programmed(2022).unwrap().to_string(), "55");

    // fmt leaves the bare float as it was, and writes no backup.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, &bare).unwrap();
    let (code, _, err) = crate::avance(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bare);
}

#[test]
fn a_figure_with_more_decimals_than_avance_keeps_is_refused_not_rounded() {
    let good = seed_text();
    // 29 decimals: rust_decimal keeps 28 and rounded the last away.
    let long = "0.12345678901234567890123456789";
    let text = good.replacen(r#"{1: "27.50"}"#, &format!("{{1: \"{long}\"}}"), 1);
    let error = parse(&text, origin()).unwrap_err();
    let place = match &error {
        PlanFileError::Syntax { place, .. } | PlanFileError::NotANumber { place, .. } => {
            place.as_deref().cloned()
        }
        other => panic!("expected the figure refused, got {other:?}"),
    };
    assert_eq!(
        place.unwrap().field,
        Some(PlaceField::Plan(Field::Executed(
            2022,
            Quarter::new(1).unwrap()
        )))
    );
    let message = error.message(Language::Es);
    assert!(message.contains(long), "{message}");
    assert!(
        message.contains("28"),
        "says how many decimals are kept: {message}"
    );

    // 28 decimals are kept, every one.
    let kept = "0.1234567890123456789012345678";
    let text = good.replacen(r#"{1: "27.50"}"#, &format!("{{1: \"{kept}\"}}"), 1);
    let plan = parse(&text, origin()).unwrap();
    let executed =
        plan.objectives[1].metas[0].indicators[0].executed(2022, Quarter::new(1).unwrap());
    assert_eq!(executed.unwrap().to_string(), kept);
}

/// Runs avance with `args`; `None` if it has not ended after `seconds` (then it is killed).
fn avance_within(args: &[&str], seconds: u64) -> Option<(i32, String)> {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_avance"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..seconds * 20 {
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            return Some((status.code().unwrap_or(-1), err));
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[test]
fn a_folder_is_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let error = plan_file::load(dir.path()).unwrap_err();
    let message = error.message(Language::Es);
    assert!(message.contains("es una carpeta"), "{message}");
    let error = plan_file::open(dir.path()).unwrap_err();
    assert!(
        error.message(Language::En).contains("is a folder"),
        "{error:?}"
    );
}

#[test]
fn a_file_over_50_mb_is_refused_without_reading_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("enorme.ron");
    // Sparse: no disk space taken; the text of a plan, then zeros.
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, seed_text().as_bytes()).unwrap();
    file.set_len(plan_file::MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    for error in [
        plan_file::load(&path).unwrap_err(),
        plan_file::open(&path).unwrap_err(),
    ] {
        assert!(matches!(error, PlanFileError::TooLarge { .. }), "{error:?}");
        let message = error.message(Language::Es);
        assert!(message.contains("50 MB"), "{message}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_is_refused_at_once() {
    // /dev/zero never ends: reading it whole took 6 GB in 5 seconds.
    let (code, err) = avance_within(&["report", "/dev/zero"], 20).expect("report ends");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("es un dispositivo"), "{err}");
    let error = plan_file::open(Path::new("/dev/null")).unwrap_err();
    assert!(
        error.message(Language::En).contains("is a device"),
        "{error:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_at_once_and_never_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("plan.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Before: opening it waited for a writer forever (report, and the window's Abrir).
    let (code, err) = avance_within(&["report", fifo.to_str().unwrap()], 20).expect("report ends");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("tubería"), "{err}");
    let (send, receive) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || {
        let _ = send.send(
            plan_file::open(&path)
                .map(drop)
                .map_err(|e| e.message(Language::En)),
        );
    });
    let opened = receive
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("open returns");
    assert!(opened.unwrap_err().contains("named pipe"));
}

/// A plan saved by Notepad as "Unicode" (UTF-16, with or without its byte-order mark, either
/// byte order) or "ANSI" (Windows-1252) is refused with the encoding's name and how to save it
/// as UTF-8; before, every one got "no es texto UTF-8" and nothing on what to do.
#[test]
fn a_plan_saved_in_another_encoding_says_which_and_how_to_save_it_as_utf8() {
    let text = seed_text();
    let little: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf16 = [
        [&[0xFF, 0xFE][..], &little].concat(),
        [&[0xFE, 0xFF][..], &big].concat(),
        little,
        big,
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    for bytes in utf16 {
        std::fs::write(&path, &bytes).unwrap();
        let error = plan_file::open(&path).unwrap_err();
        let message = error.message(Language::Es);
        assert!(message.contains("UTF-16"), "{message}");
        assert!(message.contains("Guardar como"), "{message}");
        assert!(message.contains("UTF-8"), "{message}");
        let english = plan_file::load(&path).unwrap_err().message(Language::En);
        assert!(english.contains("Save as"), "{english}");
    }

    // ANSI: the first letter outside ASCII, named with its place.
    let (ansi, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let first = text.find(|c: char| !c.is_ascii()).unwrap();
    let letter = text[first..].chars().next().unwrap();
    let line = text[..first].matches('\n').count() + 1;
    let column = text[..first].rsplit('\n').next().unwrap().chars().count() + 1;
    std::fs::write(&path, &ansi).unwrap();
    let (code, _, err) = crate::avance(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("ANSI (Windows-1252)"), "{err}");
    assert!(
        err.contains(&format!("«{letter}», en la línea {line}, columna {column}")),
        "{err}"
    );
    assert!(err.contains("Guardar como"), "{err}");

    // Bytes that are no text at all are still said to be no plan.
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe").unwrap();
    let message = plan_file::load(&path).unwrap_err().message(Language::Es);
    assert!(message.contains("no es texto UTF-8"), "{message}");
}

/// A plan whose text would grow past what Avance reads (control characters are written escaped,
/// five times their size) is not written: `fmt` refuses, and the file stays readable as it was.
#[test]
fn fmt_never_writes_a_plan_larger_than_avance_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = seed_plan();
    plan.title = "\u{1}".repeat(12_000_000);
    let text = to_text(&seed_plan())
        .unwrap()
        .replace("Plan estratégico Sector Gestión Pública", &plan.title);
    std::fs::write(&path, &text).unwrap();
    let (code, _, stderr) = crate::avance(&["fmt", path.to_str().unwrap()]);
    assert_ne!(code, 0, "{stderr}");
    assert!(stderr.contains("más de 50 MB"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "left as it was"
    );
    assert!(plan_file::load(&path).is_ok(), "still readable");
}
