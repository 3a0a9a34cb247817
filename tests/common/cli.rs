//! CLI test fixtures: a copy of a folder of `tests/fixtures/cli` in a fresh temporary folder,
//! and the real binary run on it with its own list cache.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// A copy of a fixture folder in a fresh temporary folder.
pub struct Fixture {
    /// The temporary folder (the incidents folder and the cache are inside).
    pub tmp: tempfile::TempDir,
    /// The incidents folder.
    pub dir: PathBuf,
}

/// Copies `tests/fixtures/cli/<name>` into a fresh temporary incidents folder.
pub fn fixture(name: &str) -> Fixture {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("incidents");
    std::fs::create_dir(&dir).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name);
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    Fixture { tmp, dir }
}

impl Fixture {
    /// `retro --dir DIR`, with `RETRO_DIR` and `RETRO_CONFIG` unset, and the list cache and the
    /// configuration folder inside the fixture.
    pub fn retro(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_retro"));
        cmd.env_remove("RETRO_DIR")
            .env_remove("RETRO_CONFIG")
            .env("XDG_CONFIG_HOME", self.tmp.path().join("config"))
            .env("RETRO_CACHE_DIR", self.tmp.path().join("cache"))
            .arg("--dir")
            .arg(&self.dir);
        cmd
    }

    /// Runs `retro --dir DIR args…`: (exit code, stdout, stderr), the folder shown as `[DIR]`.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = self.retro().args(args).output().unwrap();
        let clean = |bytes: &[u8]| {
            String::from_utf8(bytes.to_vec())
                .unwrap()
                .replace(&self.dir.display().to_string(), "[DIR]")
        };
        (
            out.status.code().unwrap_or(-1),
            clean(&out.stdout),
            clean(&out.stderr),
        )
    }
}
