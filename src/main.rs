use std::process::ExitCode;

use clap::Parser;

use avance::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => match avance::app::run_window(cli.file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("Avance no pudo abrir la ventana / could not open the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
