//! Build script: a fingerprint of the lint rules and the model they read, so that lint results
//! kept in a cache are never reused by a program whose rules differ.
//!
//! It hashes the path and bytes of every file under `src/lint` and `src/model` (sorted by
//! path) with 64-bit FNV-1a and passes the hash to the crate as `RETRO_LINT_RULES_HASH`.
//! Cargo reruns it whenever a file under those folders changes.

use std::fs;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for dir in ["src/lint", "src/model"] {
        println!("cargo:rerun-if-changed={dir}");
        let mut all = Vec::new();
        files(Path::new(dir), &mut all);
        all.sort();
        for path in all {
            feed(path.to_string_lossy().as_bytes());
            feed(&[0]);
            feed(&fs::read(&path).unwrap_or_default());
            feed(&[0]);
        }
    }
    println!("cargo:rustc-env=RETRO_LINT_RULES_HASH={hash:016x}");
}
