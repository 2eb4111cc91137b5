//! `avance.com`: Avance typed in a Windows terminal.
//!
//! avance.exe is a Windows (GUI) program, so starting it from the Start menu or a plan file opens
//! no console window; but a terminal neither waits for such a program nor shows what it prints.
//! This console program is installed beside it as avance.com: cmd and PowerShell try `.COM`
//! before `.EXE` (PATHEXT), so `avance report plan.ron` typed in a terminal runs it. It runs
//! avance.exe from its own folder with the same arguments, passes on what avance.exe writes to
//! standard output and standard error, and exits with avance.exe's exit code. Standard input is
//! inherited. Typing `avance` alone opens the window, and the terminal waits until it closes.
//!
//! What avance.exe writes comes through pipes and is copied here: a console's own handles given to
//! a GUI program are not something every Windows version lets it write to, a pipe always is.
//! Ctrl+C ends this program; avance.exe, which has no console, runs to its end.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Once avance.exe has ended, how long the copying may go without moving a byte before this
/// program stops waiting for the end of its pipes (see `main`).
const IDLE_AFTER_EXIT: Duration = Duration::from_secs(1);

fn main() {
    let exe = match std::env::current_exe() {
        Ok(me) => me.with_file_name(format!("avance{}", std::env::consts::EXE_SUFFIX)),
        Err(e) => fail(&format!("no se encontró la carpeta de avance: {e}")),
    };
    let child = Command::new(&exe)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => fail(&format!("no se pudo iniciar {}: {e}", exe.display())),
    };
    let copied = Arc::new(AtomicU64::new(0));
    let (done, finished) = mpsc::channel();
    relay(child.stdout.take(), std::io::stdout(), &copied, &done);
    relay(child.stderr.take(), std::io::stderr(), &copied, &done);
    drop(done);
    let status = match child.wait() {
        Ok(status) => status,
        Err(e) => fail(&format!("no se supo cómo terminó {}: {e}", exe.display())),
    };
    // What avance.exe wrote before it ended is in the pipes: copy all of it. A program it started
    // may hold the pipes open long after (under Wine, the desktop process its window starts):
    // their ends are not awaited once nothing has come through them for a while.
    let mut copying = 2;
    let mut seen = copied.load(Ordering::Relaxed);
    while copying > 0 {
        match finished.recv_timeout(IDLE_AFTER_EXIT) {
            Ok(()) => copying -= 1,
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                let now = copied.load(Ordering::Relaxed);
                if now == seen {
                    break;
                }
                seen = now;
            }
        }
    }
    // Windows exit codes are 32-bit; `code()` is always there on Windows.
    std::process::exit(status.code().unwrap_or(1))
}

/// Copies, on a thread of its own, what the child writes to `from` to `to` as it comes, until
/// the child's end is closed; counts the bytes in `copied` and says so on `done` when it is.
fn relay(
    from: Option<impl Read + Send + 'static>,
    mut to: impl Write + Send + 'static,
    copied: &Arc<AtomicU64>,
    done: &mpsc::Sender<()>,
) {
    let (copied, done) = (Arc::clone(copied), done.clone());
    std::thread::spawn(move || {
        if let Some(mut from) = from {
            let mut buffer = [0u8; 8192];
            loop {
                match from.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => {
                        // A closed terminal or pipe: keep reading, so that the child is never
                        // blocked writing.
                        let _ = to.write_all(&buffer[..n]).and_then(|()| to.flush());
                        copied.fetch_add(n as u64, Ordering::Relaxed);
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
        }
        let _ = done.send(());
    });
}

/// Says what went wrong on standard error and exits with 2, as avance does when it cannot run.
fn fail(message: &str) -> ! {
    eprintln!("avance: {message}");
    std::process::exit(2)
}
