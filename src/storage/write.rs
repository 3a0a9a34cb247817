//! Atomic, private file writes.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::identity::Identity;

/// Creates a folder and its missing parents; the new folders are user-only (0700) on Unix.
///
/// # Errors
/// The system's error.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Makes sure `dir` is a folder this program may write private files into: created
/// user-only (0700) when missing; refused when it is a symbolic link, not a folder, or (on
/// Unix) owned by another user. Use it for every folder retro writes into besides the
/// incidents folder itself (`.trash`, recovery folders).
///
/// # Errors
/// [`io::ErrorKind::PermissionDenied`] with a reason for a refused folder; the system's error.
pub fn ensure_own_dir(dir: &Path) -> io::Result<()> {
    let meta = match fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            create_private_dir(dir)?;
            fs::symlink_metadata(dir)?
        }
        Err(e) => return Err(e),
    };
    let refuse = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!("{} {why}; not written", dir.display()),
        ))
    };
    if meta.file_type().is_symlink() {
        return refuse("is a symbolic link");
    }
    if !meta.is_dir() {
        return refuse("is not a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        let me = unsafe { libc::geteuid() };
        if meta.uid() != me {
            return refuse("belongs to another user");
        }
    }
    Ok(())
}

/// Replaces `path` with `bytes` so that, whatever happens, the file is either the old or the
/// new complete version: write a temporary file (`.retro-*.tmp`) in the same folder, fsync
/// it, give it the old file's permissions (user-only 0600 for a new file), rename it over the
/// file, fsync the folder.
///
/// When `path` is a symbolic link, the link is kept and its final target is replaced
/// instead, wherever it is (the caller named this path; use [`write_atomic_in`] to confine
/// writes to a folder).
///
/// # Errors
/// The system's error, or a dangling symbolic link; the old file is then untouched and the
/// temporary file removed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path).map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("symbolic link to a file that cannot be reached: {e}"),
            )
        })?,
        _ => path.to_path_buf(),
    };
    replace(&target, bytes, Permissions::KeepOr600, &mut || Ok(())).map(|_| ())
}

/// Like [`write_atomic`], for a file of the folder `folder` (the incidents folder): a
/// symbolic link is written through to its target only when the target, with every link
/// resolved, is inside `folder`; otherwise nothing is written.
///
/// # Errors
/// [`io::ErrorKind::PermissionDenied`] with a message naming the target when a symbolic link
/// leads outside `folder`; [`io::ErrorKind::NotFound`] for a dangling link; otherwise the
/// system's error. The old file is then untouched.
pub fn write_atomic_in(folder: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_checked(folder, path, bytes, &mut |_| Ok(())).map(|_| ())
}

/// Like [`write_atomic_in`], calling `check` with the file about to be replaced immediately
/// before the rename (after the temporary file is written and fsynced), so the caller can
/// make sure nobody changed it meanwhile: an error from `check` leaves the file untouched and
/// removes the temporary file. Returns the identity of the file written, taken from the
/// written file itself (its inode and times after the rename, the hash of `bytes`).
///
/// # Errors
/// As [`write_atomic_in`], or `check`'s error.
pub fn write_atomic_checked(
    folder: &Path,
    path: &Path,
    bytes: &[u8],
    check: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> io::Result<Identity> {
    let target = confined_target(folder, path)?;
    replace(&target, bytes, Permissions::KeepOr600, &mut || {
        check(&target)
    })
}

/// Creates `path` holding `bytes`, only if nothing is there yet (not even a symbolic link),
/// atomically: a temporary file in the same folder, fsynced, user-only (0600), then moved to
/// `path` by a rename that refuses to replace (or a hard link), and the folder fsynced.
/// Returns the identity of the file written.
///
/// # Errors
/// [`io::ErrorKind::AlreadyExists`] when `path` exists (nothing written); otherwise the
/// system's error.
pub fn create_atomic(path: &Path, bytes: &[u8]) -> io::Result<Identity> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".retro-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(fs::Permissions::from_mode(0o600))?;
    }
    temp.as_file().sync_all()?;
    let written = temp.persist_noclobber(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    let meta = written.metadata()?;
    Ok(Identity::of(bytes, &meta))
}

/// Replaces `path` with `bytes` atomically as [`write_atomic`] does, but never follows a
/// symbolic link (a link at `path` is replaced by the new file, its target untouched) and
/// always leaves the file user-only (0600), whatever it was before. For recovery copies.
///
/// # Errors
/// The system's error; the old file is then untouched.
pub fn write_atomic_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, Permissions::Private, &mut || Ok(())).map(|_| ())
}

/// The file a write to `path` should replace: `path` itself, or, for a symbolic link, its
/// resolved target when that is inside `folder`.
pub(super) fn confined_target(folder: &Path, path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {}
        _ => return Ok(path.to_path_buf()),
    }
    let target = fs::canonicalize(path).map_err(|e| {
        io::Error::new(
            e.kind(),
            format!("symbolic link to a file that cannot be reached ({e}); not written"),
        )
    })?;
    let folder = fs::canonicalize(folder)?;
    if target.starts_with(&folder) && target != folder {
        Ok(target)
    } else {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            format!(
                "symbolic link to {}, which is outside the incidents folder {}; not written \
                 (replace the link with a copy of the file to edit it here)",
                target.display(),
                folder.display()
            ),
        ))
    }
}

#[derive(Clone, Copy)]
enum Permissions {
    /// The old file's, or 0600 for a new file.
    KeepOr600,
    /// Always 0600.
    Private,
}

fn replace(
    path: &Path,
    bytes: &[u8],
    permissions: Permissions,
    before_rename: &mut dyn FnMut() -> io::Result<()>,
) -> io::Result<Identity> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".retro-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.flush()?;
    let old = match permissions {
        Permissions::Private => None,
        Permissions::KeepOr600 => match fs::metadata(path) {
            Ok(meta) => Some(meta.permissions()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        },
    };
    match old {
        Some(perms) => temp.as_file().set_permissions(perms)?,
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                temp.as_file()
                    .set_permissions(fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    temp.as_file().sync_all()?;
    before_rename()?;
    let written = temp.persist(path).map_err(|e| e.error)?;
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    let meta = written.metadata()?;
    Ok(Identity::of(bytes, &meta))
}
