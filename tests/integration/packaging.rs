//! What the packages carry: the version the command line answers, the window's icon and the
//! icon files the Windows and Linux packages install (assets/icon, made by render.sh).

use std::path::Path;

const SIZES: [u32; 7] = [16, 24, 32, 48, 64, 128, 256];

#[test]
fn cli_version_answers_cargo_tomls_version() {
    let (code, stdout, _) = crate::avance(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("avance {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_window_icon_is_the_256_px_png() {
    let icon = avance::app::window_icon();
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    // The middle of the tile is opaque.
    let middle = 4 * (128 * 256 + 128);
    assert_eq!(icon.rgba[middle + 3], 255);
}

#[test]
fn each_hicolor_png_is_the_size_its_folder_says() {
    let hicolor = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/hicolor");
    for size in SIZES {
        let path = hicolor.join(format!("{size}x{size}/apps/avance.png"));
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let reader = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!(
            (info.width, info.height),
            (size, size),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_windows_icon_holds_16_to_256_px() {
    let ico = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon/avance.ico"))
        .unwrap();
    // ICONDIR: reserved 0, type 1 (icon), count; then 16 bytes per image, width first (0 = 256).
    assert_eq!(&ico[..4], &[0, 0, 1, 0]);
    let count = usize::from(u16::from_le_bytes([ico[4], ico[5]]));
    let widths: Vec<u32> = (0..count)
        .map(|i| match ico[6 + 16 * i] {
            0 => 256,
            w => u32::from(w),
        })
        .collect();
    assert_eq!(widths, [16, 24, 32, 48, 64, 256]);
}

/// Reads a file of the repository.
fn repo_file(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn gunzip(bytes: &[u8]) -> String {
    use std::io::Read as _;
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_manual_pages_and_completions_follow_the_command_line() {
    use clap::CommandFactory as _;
    let files = avance::manuals::generate().unwrap();
    let file = |path: &str| {
        files
            .iter()
            .find(|f| f.path == Path::new(path))
            .unwrap_or_else(|| panic!("{path} is not generated"))
    };
    let command = avance::cli::Cli::command();
    let main_page = gunzip(&file("man1/avance.1.gz").bytes);
    assert!(main_page.contains(env!("CARGO_PKG_VERSION")), "{main_page}");
    let completions: Vec<(&str, String)> = ["bash/avance", "zsh/_avance", "fish/avance.fish"]
        .into_iter()
        .map(|shell| {
            let bytes = &file(&format!("completions/{shell}")).bytes;
            (shell, String::from_utf8(bytes.clone()).unwrap())
        })
        .collect();
    let subcommands: Vec<_> = command.get_subcommands().collect();
    assert!(subcommands.len() >= 9);
    for sub in subcommands {
        let name = sub.get_name();
        assert!(main_page.contains(name), "avance.1 lacks {name}");
        let page = gunzip(&file(&format!("man1/avance-{name}.1.gz")).bytes);
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                // roff writes each dash as \-.
                let option = format!("\\-\\-{}", long.replace('-', "\\-"));
                assert!(page.contains(&option), "avance-{name}.1 lacks --{long}");
                for (shell, script) in &completions {
                    assert!(script.contains(long), "{shell} lacks {name} --{long}");
                }
            }
        }
        for (shell, script) in &completions {
            assert!(script.contains(name), "{shell} lacks {name}");
        }
    }
    // Nothing but those: one page per subcommand, the main page and three shells.
    assert_eq!(files.len(), command.get_subcommands().count() + 1 + 3);
}

#[test]
fn the_manual_pages_are_the_same_bytes_every_time() {
    let first = avance::manuals::generate().unwrap();
    let second = avance::manuals::generate().unwrap();
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert_eq!((&a.path, &a.bytes), (&b.path, &b.bytes));
    }
}

#[test]
fn the_desktop_entry_names_the_window_the_plan_type_and_the_icon() {
    let id = avance::app::DESKTOP_ID;
    let entry = repo_file(&format!("assets/linux/{id}.desktop"));
    let lines: Vec<&str> = entry.lines().collect();
    for line in [
        "Exec=avance %f",
        "Icon=avance",
        "MimeType=application/x-avance-plan;",
        "Name=Avance",
        "Name[es]=Avance",
        &format!("StartupWMClass={id}"),
    ] {
        assert!(lines.contains(&line), "the desktop entry lacks {line}");
    }
    for key in ["Comment", "Comment[es]", "GenericName", "GenericName[es]"] {
        assert!(
            lines.iter().any(|l| l.starts_with(&format!("{key}="))),
            "the desktop entry lacks {key}"
        );
    }
    // The plan type the entry opens is the one the MIME file defines, for .ron files.
    let mime = repo_file("assets/linux/avance-plan.xml");
    assert!(mime.contains(r#"<mime-type type="application/x-avance-plan">"#));
    assert!(mime.contains(r#"<glob pattern="*.ron"/>"#));
    // The icon the entry names is installed (Cargo.toml) under that name.
    let manifest = repo_file("Cargo.toml");
    assert!(manifest.contains(
        r#"["assets/icon/avance.svg", "usr/share/icons/hicolor/scalable/apps/", "644"]"#
    ));
}

#[test]
fn the_metainfo_describes_this_version_in_both_languages() {
    let id = avance::app::DESKTOP_ID;
    let metainfo = repo_file(&format!("assets/linux/{id}.metainfo.xml"));
    assert!(metainfo.contains(&format!("<id>{id}</id>")));
    assert!(metainfo.contains(&format!(
        r#"<launchable type="desktop-id">{id}.desktop</launchable>"#
    )));
    // The newest release is Cargo.toml's version: a new version needs its entry first.
    let first_release = metainfo.split("<release ").nth(1).expect("a release");
    assert!(
        first_release.starts_with(&format!(r#"version="{}""#, env!("CARGO_PKG_VERSION"))),
        "the newest <release> is not {}",
        env!("CARGO_PKG_VERSION")
    );
    for tag in ["<summary", "<p", "<caption"] {
        assert!(
            metainfo.contains(&format!(r#"{tag} xml:lang="es">"#)),
            "{tag} in Spanish"
        );
    }
}

#[test]
fn every_file_the_package_takes_from_the_repository_exists() {
    let manifest = repo_file("Cargo.toml");
    let deb = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml configures cargo-deb");
    let assets = deb
        .split("assets = [")
        .nth(1)
        .unwrap()
        .split("\n]")
        .next()
        .unwrap();
    let sources: Vec<&str> = assets
        .lines()
        .filter_map(|line| line.trim().strip_prefix("[\"")?.split('"').next())
        .collect();
    assert!(sources.len() > 15, "{sources:?}");
    for source in sources {
        // target/release/…: built or generated by assets/linux/build-deb.sh.
        if !source.starts_with("target/") {
            assert!(
                Path::new(env!("CARGO_MANIFEST_DIR")).join(source).is_file(),
                "{source} is missing"
            );
        }
    }
}
