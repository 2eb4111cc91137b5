// On Windows, avance.exe is a GUI program: started from the Start menu, a shortcut or a plan
// file, it opens its window and no console window beside it. In a terminal, `avance report …`
// runs the console launcher avance.com instead (crates/avance-console), which passes on what this
// program prints. Release builds only (the ones packaged): a debug build keeps its console, so
// that `cargo run` on Windows shows panics and messages where the developer typed.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;

use avance::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => command.execute(),
        None => match avance::app::run_window(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                let text = e.message(avance::i18n::Language::Es);
                eprintln!("{text}");
                // Started from the menu there is no terminal to read: the system says it too.
                rfd::MessageDialog::new()
                    .set_level(rfd::MessageLevel::Error)
                    .set_title("Avance")
                    .set_description(text)
                    .show();
                ExitCode::FAILURE
            }
        },
    }
}
