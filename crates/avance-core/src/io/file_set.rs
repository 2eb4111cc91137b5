//! Writing several files into a folder all or nothing (the briefing pack: a PNG per slide and a
//! PDF of them all).
//!
//! The new files are written whole into a staging folder first, and only then put in place:
//! - a folder that does not exist yet is staged beside it, in the same parent
//!   (`.NAME.avance-tmp`), and the staging folder is renamed to it in one step;
//! - into a folder that exists (it may hold other files: only the set's own names are
//!   replaced), the set is staged inside it (`.avance-tmp`, on the same disk as the files it
//!   replaces, and writable wherever the folder is); each file of the set then replaces the one
//!   of its name: the old one is moved aside into the staging folder, the new one renamed in.
//!   Should one of these renames fail (on Windows, a file another program keeps open: retried
//!   for a moment as saves are, then named), the ones done are undone, so the folder is as it
//!   was.
//!
//! A failure while writing (a full disk) leaves the folder untouched and the staging folder
//! removed. A process killed while writing leaves the staging folder, removed by the next
//! write into that folder; killed in the instant the files are put in place (a few renames),
//! some of them may be new and the others old, each file whole.

use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::{Path, PathBuf};

use super::safe_write::{self, WriteError};

/// The staging folder's name inside an existing folder, and its suffix beside a new one.
const STAGING: &str = ".avance-tmp";

/// Why a set of files was not put in place. The folder is as it was, except where said.
#[derive(Debug)]
pub enum SetError {
    /// The staging folder (or the new folder's parent) could not be made.
    Folder(PathBuf, io::Error),
    /// A new file could not be written in the staging folder; named by its place in the folder.
    Write(PathBuf, WriteError),
    /// A file of the set could not replace the one in the folder (another program holds it).
    Place(PathBuf, WriteError),
    /// Undoing a failed replacement failed too: the previous version of `file` is still in
    /// `kept_in`, not in its place.
    Stranded {
        file: PathBuf,
        source: WriteError,
        kept_in: PathBuf,
    },
}

/// A set of files being written; dropped before [`Staging::commit`], it leaves no trace.
pub struct Staging {
    folder: PathBuf,
    dir: PathBuf,
    /// Whether `folder` is made by the commit (renaming `dir`), or already exists.
    new_folder: bool,
    committed: bool,
}

impl Staging {
    /// Starts a set of files for `folder` (made by the commit if missing); a staging folder a
    /// killed write left is removed first.
    pub fn begin(folder: &Path) -> Result<Self, SetError> {
        let new_folder = !folder.is_dir();
        let dir = if new_folder {
            let name = folder.file_name().map_or_else(
                || "carpeta".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            );
            let parent = match folder.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            fs::create_dir_all(&parent).map_err(|e| SetError::Folder(parent.clone(), e))?;
            parent.join(format!(".{name}{STAGING}"))
        } else {
            folder.join(STAGING)
        };
        remove_tree(&dir).map_err(|e| SetError::Folder(dir.clone(), e))?;
        fs::create_dir(&dir).map_err(|e| SetError::Folder(dir.clone(), e))?;
        Ok(Self {
            folder: folder.to_path_buf(),
            dir,
            new_folder,
            committed: false,
        })
    }

    /// Where the file called `name` in the folder is, once put in place.
    pub fn target(&self, name: &str) -> PathBuf {
        self.folder.join(name)
    }

    /// Creates the new file `name` in the staging folder, to be written by the caller (and
    /// synced before the commit).
    pub fn create(&self, name: &str) -> io::Result<File> {
        File::create(self.dir.join(name))
    }

    /// Writes the new file `name` into the staging folder through `fill`, synced to disk.
    pub fn write(
        &self,
        name: &str,
        fill: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    ) -> Result<(), SetError> {
        let failed = |e: io::Error| SetError::Write(self.target(name), WriteError::Io(e));
        let file = self.create(name).map_err(failed)?;
        let mut writer = BufWriter::new(file);
        fill(&mut writer).map_err(failed)?;
        let file = writer.into_inner().map_err(|e| failed(e.into_error()))?;
        file.sync_all().map_err(failed)
    }

    /// Puts the files written, called `names`, in place (see the module).
    pub fn commit(mut self, names: &[String]) -> Result<(), SetError> {
        if self.new_folder {
            safe_write::move_into_place(&self.dir, &self.folder)
                .map_err(|e| SetError::Place(self.folder.clone(), e))?;
            self.committed = true;
            return Ok(());
        }
        let aside = self.dir.join("anterior");
        fs::create_dir(&aside).map_err(|e| SetError::Folder(aside.clone(), e))?;
        // For each name: whether an old file was moved aside, whether the new one is in place.
        let mut done: Vec<(&String, bool, bool)> = Vec::new();
        let mut failure = None;
        for name in names {
            let target = self.target(name);
            let had_old = safe_write::exists(&target);
            if had_old && let Err(e) = safe_write::move_into_place(&target, &aside.join(name)) {
                failure = Some(SetError::Place(target, e));
                break;
            }
            done.push((name, had_old, false));
            if let Err(e) = safe_write::move_into_place(&self.dir.join(name), &target) {
                failure = Some(SetError::Place(target, e));
                break;
            }
            if let Some(last) = done.last_mut() {
                last.2 = true;
            }
        }
        let Some(failure) = failure else {
            self.committed = true;
            let _ = remove_tree(&self.dir);
            return Ok(());
        };
        // Undone in reverse: the old file back in its place, or the new one removed.
        for (name, had_old, placed) in done.into_iter().rev() {
            let target = self.target(name);
            let undone = if had_old {
                safe_write::move_into_place(&aside.join(name), &target)
            } else if placed {
                fs::remove_file(&target).map_err(WriteError::Io)
            } else {
                Ok(())
            };
            if let Err(source) = undone {
                // The old files left aside are kept where they are, and said so.
                self.committed = true;
                return Err(SetError::Stranded {
                    file: target,
                    source,
                    kept_in: aside,
                });
            }
        }
        Err(failure)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// Removes a folder and what it holds, if it is there.
fn remove_tree(dir: &Path) -> io::Result<()> {
    match fs::remove_dir_all(dir) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// Writes `bytes` as the file's contents.
    fn bytes(bytes: &[u8]) -> impl FnOnce(&mut BufWriter<File>) -> io::Result<()> + '_ {
        move |writer| writer.write_all(bytes)
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn a_new_folder_appears_whole_and_an_existing_one_keeps_its_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("pack");
        let set = Staging::begin(&folder).unwrap();
        set.write("a.png", bytes(b"a")).unwrap();
        set.write("b.pdf", bytes(b"b")).unwrap();
        assert!(!folder.exists(), "nothing in place before the commit");
        set.commit(&names(&["a.png", "b.pdf"])).unwrap();
        assert_eq!(fs::read(folder.join("a.png")).unwrap(), b"a");
        let entries = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 1, "no staging folder left beside it");

        fs::write(folder.join("notas.txt"), b"mine").unwrap();
        let set = Staging::begin(&folder).unwrap();
        set.write("a.png", bytes(b"A")).unwrap();
        set.commit(&names(&["a.png"])).unwrap();
        assert_eq!(fs::read(folder.join("a.png")).unwrap(), b"A");
        assert_eq!(fs::read(folder.join("b.pdf")).unwrap(), b"b");
        assert_eq!(fs::read(folder.join("notas.txt")).unwrap(), b"mine");
        assert!(!folder.join(STAGING).exists());
    }

    #[test]
    fn a_set_dropped_before_its_commit_leaves_the_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("pack");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("a.png"), b"old").unwrap();
        let set = Staging::begin(&folder).unwrap();
        set.write("a.png", bytes(b"new")).unwrap();
        drop(set);
        assert_eq!(fs::read(folder.join("a.png")).unwrap(), b"old");
        assert!(!folder.join(STAGING).exists());
    }

    #[test]
    fn a_file_that_cannot_be_replaced_undoes_the_ones_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("pack");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("a.png"), b"old a").unwrap();
        let set = Staging::begin(&folder).unwrap();
        set.write("a.png", bytes(b"new a")).unwrap();
        set.write("b.png", bytes(b"new b")).unwrap();
        // The third was never written: its rename fails, after the first two were done.
        let error = set
            .commit(&names(&["a.png", "b.png", "c.pdf"]))
            .unwrap_err();
        assert!(
            matches!(&error, SetError::Place(path, _) if path.ends_with("c.pdf")),
            "{error:?}"
        );
        assert_eq!(fs::read(folder.join("a.png")).unwrap(), b"old a");
        assert!(!folder.join("b.png").exists());
        assert!(!folder.join(STAGING).exists());
    }
}
