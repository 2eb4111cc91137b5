//! `avance-manuals DIR`: writes Avance's manual pages and shell completions below DIR
//! (`avance::manuals`), for the Linux package (assets/linux/build-deb.sh). Not installed.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(dir), None) = (args.next(), args.next()) else {
        eprintln!("usage: avance-manuals DIR");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    match avance::manuals::write_all(&dir) {
        Ok(written) => {
            for path in written {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("avance-manuals: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
