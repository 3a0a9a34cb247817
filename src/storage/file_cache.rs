//! A cache of per-file results for the folder-wide commands (the list's summaries, lint
//! findings, follow-up actions), so that going over an unchanged folder again reads each
//! file's status instead of the file, and a pass that reads the files uses all cores.
//!
//! One cache file per incidents folder and kind of result, outside the folder so that a
//! folder under git stays clean: `<cache dir>/<kind>/<hash of the folder's path>.cache`. It is
//! text, one line per file in name order, `name<TAB>key<TAB>result as JSON`, after a header
//! line naming the layout, the program's version, a tag (for lint, the rules' fingerprint) and
//! the folder. A file's key is its identity without reading it: size, modification and change
//! times (seconds and nanoseconds), inode and device. Any file whose key differs from the
//! cached one is read again, and so is a file changed in the two seconds before the cache was
//! written (file times are coarse, so such a file could change again without its times
//! changing — the "racy" case git's index also guards against). A cache that is missing,
//! unreadable, or from another layout, version, tag or folder is ignored and rebuilt; failing
//! to write it is not an error.
//!
//! Files are gone through in chunks, so memory holds one chunk's results at a time: the old
//! cache is read line by line alongside the sorted file names (a merge, no table of it in
//! memory), and the new one is written as results come, only when something changed (the
//! unchanged start of the old cache is copied as it is).

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Version of the cache file's layout; another version is ignored.
const LAYOUT: u32 = 2;

/// How long a file must have been left alone before its result is kept in the cache.
pub const SETTLE: Duration = Duration::from_secs(2);

/// Files handled per chunk: enough to keep every core busy, few enough to keep memory small.
const CHUNK: usize = 2048;

/// Where the cache of `kind` (`lists`, `lint`, `actions`) for the folder `dir` lives:
/// `<root>/<kind>/<hash>.cache`, with `root` from `RETRO_CACHE_DIR` (passed in as `env`, so the
/// rule is testable) or the user's cache folder (`directories::ProjectDirs::cache_dir()`, on
/// Linux `~/.cache/retro`); `None` when neither exists.
pub fn cache_file(kind: &str, dir: &Path, env: Option<std::ffi::OsString>) -> Option<PathBuf> {
    let root = match env.filter(|v| !v.is_empty()) {
        Some(root) => PathBuf::from(root),
        None => directories::ProjectDirs::from("", "", "retro")?
            .cache_dir()
            .to_path_buf(),
    };
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    dir.hash(&mut hasher);
    Some(
        root.join(kind)
            .join(format!("{:016x}.cache", hasher.finish())),
    )
}

/// The cache of `kind` beside another cache file of the same folder (`<root>/<kind>/<same
/// name>`).
pub fn sibling(cache: &Path, kind: &str) -> Option<PathBuf> {
    let name = cache.file_name()?;
    Some(cache.parent()?.parent()?.join(kind).join(name))
}

/// What identifies one version of a file without reading it: size, modification and change
/// times (seconds and nanoseconds), inode and device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileKey {
    size: u64,
    mtime: (i64, i64),
    ctime: (i64, i64),
    ino: u64,
    dev: u64,
}

impl FileKey {
    /// The key of a file's metadata (a link's target's).
    pub fn of(meta: &fs::Metadata) -> FileKey {
        FileKey {
            size: meta.size(),
            mtime: (meta.mtime(), meta.mtime_nsec()),
            ctime: (meta.ctime(), meta.ctime_nsec()),
            ino: meta.ino(),
            dev: meta.dev(),
        }
    }

    /// True when the file was last changed at least `settle` before `started`.
    fn settled(&self, started: SystemTime, settle: Duration) -> bool {
        let Ok(started) = started.duration_since(UNIX_EPOCH) else {
            return false;
        };
        let limit = started.saturating_sub(settle);
        let (secs, nanos) = self.ctime;
        u64::try_from(secs).is_ok_and(|s| {
            let nanos = u32::try_from(nanos).unwrap_or(0);
            Duration::new(s, nanos.min(999_999_999)) < limit
        })
    }

    fn text(&self) -> String {
        format!(
            "{} {} {} {} {} {} {}",
            self.size, self.mtime.0, self.mtime.1, self.ctime.0, self.ctime.1, self.ino, self.dev
        )
    }

    fn parse(text: &str) -> Option<FileKey> {
        let mut it = text.split(' ');
        let mut next = || it.next()?.parse::<i64>().ok();
        let key = FileKey {
            size: u64::try_from(next()?).ok()?,
            mtime: (next()?, next()?),
            ctime: (next()?, next()?),
            ino: u64::try_from(next()?).ok()?,
            dev: u64::try_from(next()?).ok()?,
        };
        Some(key)
    }
}

/// The cache to use for one pass over a folder.
#[derive(Clone, Copy, Debug)]
pub struct Cache<'a> {
    /// The cache file.
    pub file: &'a Path,
    /// What else the results depend on besides the files (e.g. the lint rules' fingerprint);
    /// a cache with another tag is ignored. No spaces.
    pub tag: &'a str,
}

/// Computes one file's result: given a thread's [`Scratch`] to read the file with (so that its
/// identity is noted without asking again), the file's name (without `.toml`) and its path.
pub trait Compute<T>: Fn(&mut Scratch, &str, &Path) -> T + Sync {}
impl<T, F: Fn(&mut Scratch, &str, &Path) -> T + Sync> Compute<T> for F {}

/// Goes over the files `names` (sorted by name, each `<dir>/<name>.toml`) and hands each file's
/// result to `sink` in that order: from `cache` when the file is unchanged, else from
/// `compute`, run on all cores. Writes the cache back when anything changed.
pub fn for_each<T, S>(
    dir: &Path,
    names: &[String],
    cache: Option<Cache<'_>>,
    compute: impl Compute<T>,
    sink: S,
) where
    T: Serialize + DeserializeOwned + Send,
    S: FnMut(&str, T),
{
    for_each_at(dir, names, cache, SystemTime::now(), SETTLE, compute, sink);
}

/// [`for_each`] with the clock and the settling time given.
pub(crate) fn for_each_at<T, S>(
    dir: &Path,
    names: &[String],
    cache: Option<Cache<'_>>,
    started: SystemTime,
    settle: Duration,
    compute: impl Compute<T>,
    mut sink: S,
) where
    T: Serialize + DeserializeOwned + Send,
    S: FnMut(&str, T),
{
    let path_of = |name: &str| dir.join(format!("{name}.toml"));
    // The folder, opened once: each file is opened from it by name, not by its whole path.
    let folder = Folder::open(dir);
    let scratch = || Scratch::in_folder(folder.clone());
    let Some(cache) = cache else {
        for chunk in names.chunks(CHUNK) {
            let results: Vec<T> = chunk
                .par_iter()
                .map_init(scratch, |scratch, name| {
                    compute(scratch, name, &path_of(name))
                })
                .collect();
            for (name, result) in chunk.iter().zip(results) {
                sink(name, result);
            }
        }
        return;
    };
    let header = header(dir, cache.tag);
    let mut old = header.as_deref().and_then(|h| Reader::open(cache.file, h));
    // Where the old cache stops matching: the byte where its unchanged start ends, and the
    // index of the first name from which on lines are written anew.
    let mut change: Option<(u64, usize)> = None;
    let mut writer: Option<Writer> = None;
    let mut failed = header.is_none();
    for (c, chunk) in names.chunks(CHUNK).enumerate() {
        let base = c * CHUNK;
        // Merge the sorted names with the cache's sorted lines: each name's cached line, if
        // any, where the cache stood when the name came, and whether lines of files gone
        // were passed over.
        let mut olds: Vec<Option<(Option<FileKey>, String)>> = Vec::with_capacity(chunk.len());
        let mut at: Vec<(u64, bool)> = Vec::with_capacity(chunk.len());
        for name in chunk {
            let Some(reader) = old.as_mut() else {
                olds.push(None);
                at.push((0, true));
                continue;
            };
            let offset = reader.offset;
            let mut skipped = false;
            let mut found = None;
            while let Some(n) = reader.name() {
                if n < name.as_str() {
                    skipped = true;
                    reader.advance();
                } else {
                    if n == name.as_str() {
                        found = Some((reader.key(), reader.item().to_string()));
                        reader.advance();
                    }
                    break;
                }
            }
            olds.push(found);
            at.push((offset, skipped));
        }
        // On all cores: a file with a cached line is looked at (its status) and taken from
        // the cache when unchanged; any other file is read, its identity taken from the open
        // file before reading.
        let results: Vec<(T, bool, Option<String>)> = chunk
            .par_iter()
            .zip(olds.into_par_iter())
            .map_init(scratch, |scratch, (name, cached)| {
                let path = path_of(name);
                let mut key = None;
                if let Some((old_key, item)) = &cached {
                    key = fs::metadata(&path).ok().map(|m| FileKey::of(&m));
                    if key.is_some()
                        && key == *old_key
                        && let Ok(result) = serde_json::from_str::<T>(item)
                    {
                        let line = line(name, key, item);
                        return (result, true, line);
                    }
                }
                scratch.key = None;
                let result = compute(scratch, name, &path);
                let key = scratch
                    .key
                    .take()
                    .or(key)
                    .or_else(|| fs::metadata(&path).ok().map(|m| FileKey::of(&m)))
                    .filter(|k| k.settled(started, settle));
                let line = serde_json::to_string(&result)
                    .ok()
                    .and_then(|item| line(name, key, &item));
                (result, false, line)
            })
            .collect();
        if change.is_none()
            && let Some(i) = (0..chunk.len()).find(|&i| !results[i].1 || at[i].1)
        {
            change = Some((at[i].0, base + i));
        }
        if let Some((offset, _)) = change
            && writer.is_none()
            && !failed
        {
            writer = start(cache.file, header.as_deref(), old.is_some(), offset);
            failed = writer.is_none();
        }
        let rewrite_from = change.map_or(usize::MAX, |(_, from)| from);
        for (i, (name, (result, _, line))) in chunk.iter().zip(results).enumerate() {
            if base + i >= rewrite_from
                && let (Some(w), Some(line)) = (writer.as_mut(), line)
            {
                w.line(&line);
            }
            sink(name, result);
        }
    }
    // Files gone since the cache was written, after the last one listed.
    if change.is_none()
        && !failed
        && let Some(reader) = old.as_ref()
        && reader.name().is_some()
    {
        writer = start(cache.file, header.as_deref(), true, reader.offset);
    }
    if let Some(w) = writer {
        // Only a cache: a folder we cannot write to must not stop the command.
        let _ = w.finish(cache.file);
    }
}

/// A cache line for the file `name` with `key` and its result as JSON; `None` when it cannot
/// be kept (no key, not settled, a name that does not fit a line).
fn line(name: &str, key: Option<FileKey>, item: &str) -> Option<String> {
    let key = key?;
    cacheable(name).then(|| format!("{name}\t{}\t{item}\n", key.text()))
}

/// A folder held open, to open its files by name (`openat`): the system then looks up one
/// name instead of every folder on the file's path.
#[derive(Debug)]
struct Folder {
    path: PathBuf,
    fd: std::os::fd::OwnedFd,
}

impl Folder {
    /// The folder `dir` opened, or `None` when it cannot be (files are then opened by path).
    fn open(dir: &Path) -> Option<std::sync::Arc<Folder>> {
        use std::os::unix::fs::OpenOptionsExt;
        let file = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_DIRECTORY)
            .open(dir)
            .ok()?;
        Some(std::sync::Arc::new(Folder {
            path: dir.to_path_buf(),
            fd: file.into(),
        }))
    }

    /// Opens the file `name` of the folder for reading, without blocking (see
    /// [`Scratch::read`]).
    fn open_file(&self, name: &std::ffi::OsStr) -> io::Result<File> {
        use std::os::fd::{AsRawFd, FromRawFd};
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::CString::new(name.as_bytes())
            .map_err(|_| io::Error::from(io::ErrorKind::InvalidInput))?;
        // SAFETY: the folder's descriptor is open for as long as `self` lives, and `name` is
        // a NUL-terminated string; the descriptor returned is owned by the `File` alone.
        let open = || unsafe {
            libc::openat(
                self.fd.as_raw_fd(),
                name.as_ptr(),
                libc::O_RDONLY | libc::O_NONBLOCK | libc::O_CLOEXEC,
            )
        };
        let fd = loop {
            let fd = open();
            if fd >= 0 {
                break fd;
            }
            let error = io::Error::last_os_error();
            // Interrupted by a signal: try again, as the standard library's open does.
            if error.kind() != io::ErrorKind::Interrupted {
                return Err(error);
            }
        };
        // SAFETY: `fd` was just opened and is owned by nothing else.
        Ok(unsafe { File::from_raw_fd(fd) })
    }
}

/// A thread's reusable room for reading files, which also notes the identity of the file read
/// (for the cache).
#[derive(Debug, Default)]
pub struct Scratch {
    buf: Vec<u8>,
    key: Option<FileKey>,
    folder: Option<std::sync::Arc<Folder>>,
}

impl Scratch {
    /// Empty room.
    pub fn new() -> Scratch {
        Scratch::default()
    }

    /// Empty room for reading the files of `folder` (opened by name from it; other files by
    /// path).
    fn in_folder(folder: Option<std::sync::Arc<Folder>>) -> Scratch {
        Scratch {
            folder,
            ..Scratch::default()
        }
    }

    /// Reads the whole file `path`, noting its identity (size, times, inode, device) from the
    /// open file before reading it.
    ///
    /// # Errors
    /// The system's error when it cannot be opened or read.
    pub fn read(&mut self, path: &Path) -> io::Result<&[u8]> {
        // Non-blocking: a FIFO put in place of the file cannot hang the reader; only regular
        // files of at most the size limit are read.
        let in_folder = self.folder.as_deref().and_then(|folder| {
            let name = path.file_name()?;
            (path.parent() == Some(folder.path.as_path())).then(|| folder.open_file(name))
        });
        let mut file = match in_folder {
            Some(file) => file?,
            None => {
                use std::os::unix::fs::OpenOptionsExt;
                std::fs::OpenOptions::new()
                    .read(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(path)?
            }
        };
        let metadata = file.metadata()?;
        if !metadata.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "not a regular file; not read",
            ));
        }
        if metadata.len() > super::MAX_FILE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!(
                    "larger than the {} MiB an incident file may hold; not read",
                    super::MAX_FILE_BYTES / 1024 / 1024
                ),
            ));
        }
        self.key = Some(FileKey::of(&metadata));
        let len = read_open(&mut file, &mut self.buf)?;
        Ok(&self.buf[..len])
    }
}

/// A name that fits a cache line.
fn cacheable(name: &str) -> bool {
    !name.contains(['\t', '\n', '\r'])
}

/// The header line for `dir` and `tag`; `None` when the folder's path is not text.
fn header(dir: &Path, tag: &str) -> Option<String> {
    let dir = serde_json::to_string(dir.to_str()?).ok()?;
    Some(format!(
        "retro-cache {LAYOUT} {} {tag} {dir}\n",
        env!("CARGO_PKG_VERSION")
    ))
}

/// The old cache, read a line at a time.
struct Reader {
    lines: BufReader<File>,
    /// The current line, without its end; empty at the end of the file.
    line: String,
    /// Where the current line starts in the file.
    offset: u64,
    /// Where the next line starts.
    next: u64,
    /// The current line's tab positions.
    tabs: Option<(usize, usize)>,
}

impl Reader {
    fn open(file: &Path, header: &str) -> Option<Reader> {
        let mut lines = BufReader::with_capacity(256 * 1024, File::open(file).ok()?);
        let mut first = String::new();
        lines.read_line(&mut first).ok()?;
        if first != header {
            return None;
        }
        let mut reader = Reader {
            lines,
            line: String::new(),
            offset: 0,
            next: first.len() as u64,
            tabs: None,
        };
        reader.advance();
        Some(reader)
    }

    /// Moves to the next line; a damaged line ends the reading there.
    fn advance(&mut self) {
        self.offset = self.next;
        self.line.clear();
        self.tabs = None;
        match self.lines.read_line(&mut self.line) {
            Ok(n) if n > 0 && self.line.ends_with('\n') => {
                self.next += n as u64;
                self.line.pop();
                let first = self.line.find('\t');
                let second = first.and_then(|a| self.line[a + 1..].find('\t').map(|b| a + 1 + b));
                self.tabs = first.zip(second);
            }
            _ => {}
        }
        if self.tabs.is_none() {
            self.line.clear();
        }
    }

    fn name(&self) -> Option<&str> {
        self.tabs.map(|(a, _)| &self.line[..a])
    }

    fn key(&self) -> Option<FileKey> {
        self.tabs
            .and_then(|(a, b)| FileKey::parse(&self.line[a + 1..b]))
    }

    fn item(&self) -> &str {
        self.tabs.map_or("", |(_, b)| &self.line[b + 1..])
    }
}

/// The new cache being written: a temporary file beside it, renamed over it at the end.
struct Writer {
    tmp: tempfile::NamedTempFile,
    out: io::BufWriter<File>,
    ok: bool,
}

/// Starts the new cache: the old one's first `offset` bytes when `copy` (its header and the
/// lines still valid), else the header.
fn start(cache: &Path, header: Option<&str>, copy: bool, offset: u64) -> Option<Writer> {
    let parent = cache.parent()?;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(parent)
        .ok()?;
    // A temporary file is user-only (0600): results hold titles, which may be sensitive.
    let tmp = tempfile::NamedTempFile::new_in(parent).ok()?;
    let mut out = io::BufWriter::with_capacity(256 * 1024, tmp.as_file().try_clone().ok()?);
    if copy && offset > 0 {
        let old = File::open(cache).ok()?;
        let copied = io::copy(&mut old.take(offset), &mut out).ok()?;
        if copied != offset {
            return None;
        }
    } else {
        out.write_all(header?.as_bytes()).ok()?;
    }
    Some(Writer { tmp, out, ok: true })
}

impl Writer {
    fn line(&mut self, line: &str) {
        if self.ok && self.out.write_all(line.as_bytes()).is_err() {
            self.ok = false;
        }
    }

    fn finish(mut self, cache: &Path) -> io::Result<()> {
        if !self.ok {
            return Err(io::Error::other("cache not written"));
        }
        self.out.flush()?;
        drop(self.out);
        self.tmp.persist(cache).map_err(|e| e.error)?;
        Ok(())
    }
}

/// The names of the files a cache holds results for, in its order (for tests and tools).
pub fn cached_names(cache: &Path) -> Vec<String> {
    let Ok(text) = fs::read_to_string(cache) else {
        return Vec::new();
    };
    text.lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .map(str::to_string)
        .collect()
}

/// Room for a typical incident file in one read.
pub(crate) const BUFFER: usize = 64 * 1024;

/// Reads a whole open file into the start of `buf` and returns its length, without asking its
/// size: a read that does not fill the room left has reached the end of a regular file, which
/// saves the size query and the final empty read that `read_to_end` makes. `buf` is kept
/// initialised at its full length, so it is zeroed once, not once per file, and grows for
/// files larger than it.
pub(crate) fn read_open(file: &mut File, buf: &mut Vec<u8>) -> io::Result<usize> {
    if buf.len() < BUFFER {
        buf.resize(BUFFER, 0);
    }
    let mut len = 0;
    loop {
        if len as u64 > super::MAX_FILE_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                format!(
                    "larger than the {} MiB an incident file may hold; not read",
                    super::MAX_FILE_BYTES / 1024 / 1024
                ),
            ));
        }
        if buf.len() - len < BUFFER / 4 {
            buf.resize(buf.len() * 2, 0);
        }
        match file.read(&mut buf[len..]) {
            Ok(n) => {
                len += n;
                if len < buf.len() {
                    return Ok(len);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Folder {
        _tmp: tempfile::TempDir,
        dir: PathBuf,
        cache: PathBuf,
    }

    impl Folder {
        fn new() -> Folder {
            let tmp = tempfile::tempdir().unwrap();
            let dir = tmp.path().join("incidents");
            fs::create_dir(&dir).unwrap();
            let cache = tmp.path().join("cache/kind/x.cache");
            Folder {
                _tmp: tmp,
                dir,
                cache,
            }
        }

        fn write(&self, name: &str, text: &str) {
            fs::write(self.dir.join(format!("{name}.toml")), text).unwrap();
        }

        /// Lengths of the files' texts, as if every file had settled long ago; counts reads.
        fn run(&self, names: &[&str], tag: &str, reads: &AtomicUsize) -> Vec<(String, usize)> {
            let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
            let mut out = Vec::new();
            for_each_at(
                &self.dir,
                &names,
                Some(Cache {
                    file: &self.cache,
                    tag,
                }),
                SystemTime::now() + Duration::from_secs(5),
                SETTLE,
                |scratch: &mut Scratch, _: &str, path: &Path| {
                    reads.fetch_add(1, Ordering::SeqCst);
                    scratch.read(path).map_or(usize::MAX, <[u8]>::len)
                },
                |name, len| out.push((name.to_string(), len)),
            );
            out
        }
    }

    #[test]
    fn unchanged_files_come_from_the_cache_and_changed_ones_are_read() {
        let f = Folder::new();
        f.write("a", "1");
        f.write("b", "22");
        f.write("c", "333");
        let reads = AtomicUsize::new(0);
        let all = ["a", "b", "c"];
        assert_eq!(
            f.run(&all, "t", &reads),
            [("a".into(), 1), ("b".into(), 2), ("c".into(), 3)]
        );
        assert_eq!(reads.load(Ordering::SeqCst), 3);
        assert_eq!(cached_names(&f.cache), all);
        let written = fs::read(&f.cache).unwrap();

        // Unchanged: nothing read, the cache not rewritten.
        let reads = AtomicUsize::new(0);
        assert_eq!(f.run(&all, "t", &reads)[2], ("c".into(), 3));
        assert_eq!(reads.load(Ordering::SeqCst), 0);
        assert_eq!(fs::read(&f.cache).unwrap(), written);

        // A cached result is used as it is: tampering shows.
        let text = fs::read_to_string(&f.cache).unwrap();
        fs::write(&f.cache, text.replace("\t2\n", "\t99\n")).unwrap();
        assert_eq!(f.run(&all, "t", &reads)[1], ("b".into(), 99));

        // One file changed (another size), one removed, one added.
        f.write("b", "4444");
        fs::remove_file(f.dir.join("c.toml")).unwrap();
        f.write("d", "55555");
        let reads = AtomicUsize::new(0);
        assert_eq!(
            f.run(&["a", "b", "d"], "t", &reads),
            [("a".into(), 1), ("b".into(), 4), ("d".into(), 5)]
        );
        assert_eq!(reads.load(Ordering::SeqCst), 2);
        assert_eq!(cached_names(&f.cache), ["a", "b", "d"]);

        // Files removed at the end only.
        let reads = AtomicUsize::new(0);
        assert_eq!(f.run(&["a"], "t", &reads), [("a".into(), 1)]);
        assert_eq!(reads.load(Ordering::SeqCst), 0);
        assert_eq!(cached_names(&f.cache), ["a"]);
    }

    #[test]
    fn another_tag_is_another_cache() {
        let f = Folder::new();
        f.write("a", "1");
        let reads = AtomicUsize::new(0);
        f.run(&["a"], "rules-1", &reads);
        f.run(&["a"], "rules-1", &reads);
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        f.run(&["a"], "rules-2", &reads);
        assert_eq!(reads.load(Ordering::SeqCst), 2);
        f.run(&["a"], "rules-2", &reads);
        assert_eq!(reads.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn files_changed_just_now_are_not_kept() {
        let f = Folder::new();
        f.write("a", "1");
        let names = vec!["a".to_string()];
        for_each_at(
            &f.dir,
            &names,
            Some(Cache {
                file: &f.cache,
                tag: "t",
            }),
            SystemTime::now(),
            SETTLE,
            |_: &mut Scratch, _: &str, _: &Path| 1usize,
            |_, _| {},
        );
        assert!(cached_names(&f.cache).is_empty());
    }

    #[test]
    fn a_damaged_cache_is_ignored_and_rebuilt() {
        let f = Folder::new();
        f.write("a", "1");
        f.write("b", "22");
        fs::create_dir_all(f.cache.parent().unwrap()).unwrap();
        fs::write(&f.cache, "{ not a cache").unwrap();
        let reads = AtomicUsize::new(0);
        assert_eq!(f.run(&["a", "b"], "t", &reads)[1], ("b".into(), 2));
        assert_eq!(cached_names(&f.cache), ["a", "b"]);
        // A cut-off line is read again, the lines before it are kept.
        let text = fs::read_to_string(&f.cache).unwrap();
        fs::write(&f.cache, &text[..text.len() - 3]).unwrap();
        let reads = AtomicUsize::new(0);
        assert_eq!(f.run(&["a", "b"], "t", &reads)[1], ("b".into(), 2));
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        assert_eq!(fs::read_to_string(&f.cache).unwrap(), text);
    }

    #[test]
    fn many_files_keep_their_order_across_chunks() {
        let f = Folder::new();
        let names: Vec<String> = (0..CHUNK * 2 + 5).map(|i| format!("{i:06}")).collect();
        for (i, n) in names.iter().enumerate() {
            f.write(n, &"x".repeat(i % 50));
        }
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let reads = AtomicUsize::new(0);
        let first = f.run(&refs, "t", &reads);
        let expected: Vec<(String, usize)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i % 50))
            .collect();
        assert_eq!(first, expected);
        // Change one file in the middle of the second chunk.
        f.write(&names[CHUNK + 7], "changed");
        let reads = AtomicUsize::new(0);
        let second = f.run(&refs, "t", &reads);
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        assert_eq!(second[CHUNK + 7].1, 7);
        assert_eq!(second[..CHUNK + 7], expected[..CHUNK + 7]);
        assert_eq!(cached_names(&f.cache), names);
        let reads = AtomicUsize::new(0);
        assert_eq!(f.run(&refs, "t", &reads), second);
        assert_eq!(reads.load(Ordering::SeqCst), 0);
    }

    #[test]
    fn keys_round_trip_through_text() {
        let key = FileKey {
            size: 12,
            mtime: (-3, 4),
            ctime: (5, 999_999_999),
            ino: 7,
            dev: 8,
        };
        assert_eq!(FileKey::parse(&key.text()), Some(key));
        assert_eq!(FileKey::parse("1 2 3"), None);
    }

    #[test]
    fn caches_of_a_folder_live_side_by_side() {
        let a = cache_file("lists", Path::new("/srv/a"), Some("/c".into())).unwrap();
        let b = cache_file("lists", Path::new("/srv/b"), Some("/c".into())).unwrap();
        assert!(a.starts_with("/c/lists") && b.starts_with("/c/lists"));
        assert_ne!(a, b);
        let lint = sibling(&a, "lint").unwrap();
        assert_eq!(lint.parent().unwrap(), Path::new("/c/lint"));
        assert_eq!(lint.file_name(), a.file_name());
    }
}
