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
                let language = avance::i18n::Language::Es;
                eprintln!(
                    "{}",
                    avance::tr!(language, "window-could-not-open", detail = e.to_string())
                );
                ExitCode::FAILURE
            }
        },
    }
}
