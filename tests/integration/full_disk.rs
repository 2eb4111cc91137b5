//! A full disk: a save that cannot be completed (the plan's temporary file, or the `.bak` of
//! the version it replaces) leaves the plan and its previous `.bak` byte-identical, leaves no
//! temporary file, and says "el disco está lleno". The full disk is a 64 KB tmpfs, which only
//! root may mount (CI runs as root): without root these tests say on standard error that they
//! were skipped and why; as root, a mount that fails fails the test.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use avance::io::plan_file::{save, to_text};
use avance::io::seed_plan;
use avance::model::Plan;

/// Pages of tmpfs: space is taken a page at a time.
pub const PAGE: u64 = 4096;

/// A 64 KB tmpfs mounted on a temporary folder for the test's life.
pub struct SmallDisk {
    mount: PathBuf,
    _folder: tempfile::TempDir,
}

impl SmallDisk {
    /// Mounts it; `None` (said on standard error) when this process is not root.
    pub fn mount(test: &str) -> Option<SmallDisk> {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let uid = status
            .lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1).map(str::to_owned))
            .unwrap_or_else(|| "?".to_owned());
        if uid != "0" {
            eprintln!(
                "SKIPPED {test}: a full disk is simulated with a 64 KB tmpfs, and mounting one \
                 needs root (this process runs as uid {uid}); run the suite as root, as CI does"
            );
            return None;
        }
        let folder = tempfile::tempdir().unwrap();
        let mount = folder.path().join("disco");
        std::fs::create_dir(&mount).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=64k", "avance-disco-lleno"])
            .arg(&mount)
            .output()
            .expect("the mount command runs");
        assert!(
            out.status.success(),
            "{test}: running as root, yet a 64 KB tmpfs could not be mounted on {} ({}): the \
             full-disk case is NOT tested",
            mount.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Some(SmallDisk {
            mount,
            _folder: folder,
        })
    }

    pub fn path(&self) -> &Path {
        &self.mount
    }

    /// Fills the disk with a file (`relleno`), then frees `pages` pages of it.
    pub fn fill_leaving(&self, pages: u64) {
        let filler = self.mount.join("relleno");
        let mut file = std::fs::File::create(&filler).unwrap();
        let page = vec![0u8; PAGE as usize];
        while file.write_all(&page).is_ok() {}
        let full = file.metadata().unwrap().len() / PAGE * PAGE;
        file.set_len(full.saturating_sub(pages * PAGE)).unwrap();
        file.sync_all().unwrap();
    }

    /// Makes room again.
    pub fn empty_filler(&self) {
        std::fs::remove_file(self.mount.join("relleno")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.mount).status();
    }
}

/// Every file in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The pages a file of `len` bytes takes.
fn pages(len: usize) -> u64 {
    (len as u64).div_ceil(PAGE)
}

/// On the small disk: `plan.ron.bak` a small earlier version (a new plan with no indicators),
/// `plan.ron` the seed plan as Notepad left it (CRLF, and a tail of blank lines): larger than
/// the canonical text `fmt` writes, and kept by it as the new `.bak`. Returns the plan's path,
/// both files' bytes, and the pages free on the disk that leave room for the new plan's
/// temporary file but not for the backup's copy as well.
pub fn plan_and_bak(disk: &SmallDisk) -> (PathBuf, Vec<u8>, Vec<u8>, u64) {
    let path = disk.path().join("plan.ron");
    save(&Plan::new("Versión anterior", seed_plan().period), &path).unwrap();
    save(&seed_plan(), &path).unwrap();
    let canonical = to_text(&seed_plan()).unwrap();
    let notepad = canonical.replace('\n', "\r\n") + &"\r\n".repeat(4000);
    std::fs::write(&path, &notepad).unwrap();
    let bak = std::fs::read(disk.path().join("plan.ron.bak")).unwrap();
    let (new, old, bak_pages) = (
        pages(canonical.len()),
        pages(notepad.len()),
        pages(bak.len()),
    );
    // Freeing the small .bak first (as Avance once did) would not make room for the copy…
    assert!(old > 1 + bak_pages);
    // …and once the disk has room, a save fits: both files and both temporary files.
    assert!(2 * old + bak_pages + new <= 64 * 1024 / PAGE);
    (path, notepad.into_bytes(), bak, new + 1)
}

#[test]
fn fmt_on_a_full_disk_leaves_the_plan_and_its_bak_byte_identical_and_says_the_disk_is_full() {
    let Some(disk) = SmallDisk::mount(
        "fmt_on_a_full_disk_leaves_the_plan_and_its_bak_byte_identical_and_says_the_disk_is_full",
    ) else {
        return;
    };
    let (path, plan_before, bak_before, room) = plan_and_bak(&disk);
    let file = path.to_str().unwrap();
    disk.fill_leaving(room);
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("el disco está lleno"), "{err}");
    assert!(err.contains("plan.ron.bak"), "names the backup: {err}");
    assert!(err.contains("El archivo quedó como estaba"), "{err}");
    assert!(
        !err.contains("sigue abierto"),
        "the command line has no open plan: {err}"
    );
    assert!(std::fs::read(&path).unwrap() == plan_before, "plan changed");
    assert!(
        std::fs::read(disk.path().join("plan.ron.bak")).unwrap() == bak_before,
        "the previous .bak changed"
    );
    assert_eq!(
        files_in(disk.path()),
        ["plan.ron", "plan.ron.bak", "relleno"],
        "no temporary file left"
    );

    // No room even for the new plan.
    disk.empty_filler();
    disk.fill_leaving(1);
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("el disco está lleno"), "{err}");
    assert!(
        !err.contains("plan.ron.bak"),
        "the backup was not reached: {err}"
    );
    assert!(std::fs::read(&path).unwrap() == plan_before, "plan changed");
    assert!(
        std::fs::read(disk.path().join("plan.ron.bak")).unwrap() == bak_before,
        "the previous .bak changed"
    );
    assert_eq!(
        files_in(disk.path()),
        ["plan.ron", "plan.ron.bak", "relleno"]
    );

    // Room again: the save goes through, the Notepad version becomes the .bak.
    disk.empty_filler();
    let (code, _, err) = crate::avance(&["fmt", file]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        to_text(&seed_plan()).unwrap()
    );
    assert!(std::fs::read(disk.path().join("plan.ron.bak")).unwrap() == plan_before);
}
