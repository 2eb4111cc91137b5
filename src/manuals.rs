//! The manual pages and shell completions the Linux package installs, generated from the command
//! line's own definition ([`Cli`]), so they say what `avance --help` says and cannot drift from
//! it. `avance-manuals DIR` (src/bin) writes them; `assets/linux/build-deb.sh` runs it before
//! `cargo deb`, whose assets (Cargo.toml, `[package.metadata.deb]`) take them from there.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::CommandFactory as _;
use clap_complete::Shell;

use crate::cli::Cli;

/// One generated file: its path below the output folder, and its bytes.
#[derive(Debug)]
pub struct GeneratedFile {
    /// `man1/avance.1.gz`, `man1/avance-report.1.gz`, …, `completions/avance.bash`, …
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// The shells whose completions the package installs, with the file name each expects in its
/// system folder (bash-completion, zsh's vendor completions, fish's vendor completions).
pub const SHELLS: [(Shell, &str); 3] = [
    (Shell::Bash, "avance"),
    (Shell::Zsh, "_avance"),
    (Shell::Fish, "avance.fish"),
];

/// The manual pages (one for `avance`, one for each subcommand: `man avance-report`), gzipped
/// as Debian installs them, and the completions for [`SHELLS`] under `completions/<shell>/`.
/// The same definition always gives the same bytes (no date, no time in the gzip header).
pub fn generate() -> std::io::Result<Vec<GeneratedFile>> {
    let mut command = Cli::command().disable_help_subcommand(true);
    command.build();
    let mut files = Vec::new();
    man_pages(&command, &mut files)?;
    for (shell, name) in SHELLS {
        let mut bytes = Vec::new();
        clap_complete::generate(shell, &mut command.clone(), "avance", &mut bytes);
        files.push(GeneratedFile {
            path: Path::new("completions").join(shell.to_string()).join(name),
            bytes,
        });
    }
    Ok(files)
}

/// `command`'s page, then its visible subcommands' pages.
fn man_pages(command: &clap::Command, files: &mut Vec<GeneratedFile>) -> std::io::Result<()> {
    // Every page's footer names the program and its version (clap knows the version of the
    // top command only).
    let man = clap_mangen::Man::new(command.clone())
        .source(format!("avance {}", env!("CARGO_PKG_VERSION")))
        .manual("Avance");
    let mut page = Vec::new();
    man.render(&mut page)?;
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(&page)?;
    files.push(GeneratedFile {
        path: Path::new("man1").join(format!("{}.gz", man.get_filename())),
        bytes: gzip.finish()?,
    });
    for sub in command.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        man_pages(sub, files)?;
    }
    Ok(())
}

/// Writes [`generate`]'s files below `dir` (made if missing), replacing older ones; returns
/// their paths.
pub fn write_all(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for file in generate()? {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &file.bytes)?;
        written.push(path);
    }
    Ok(written)
}
