//! The real `retro` binary in a pseudo-terminal, everything it prints fed to a terminal
//! emulator, for end-to-end tests (`#[path = "common/pty.rs"] mod pty;`).

// Each test file uses some of these.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const POLL: Duration = Duration::from_millis(20);

/// The program running in a pseudo-terminal.
pub struct Pty {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the life of the test: dropping the master hangs up the terminal.
    _master: Box<dyn MasterPty + Send>,
}

impl Pty {
    /// Starts `retro --dir <dir>` in `dir`, in a terminal of `cols`×`rows`, with its list
    /// cache in the temporary folder `cache` and no `RETRO_DIR`.
    pub fn start(dir: &Path, cols: u16, rows: u16, cache: &str) -> Pty {
        Pty::start_with(dir, cols, rows, &std::env::temp_dir().join(cache), &[])
    }

    /// [`Pty::start`] with the list cache at `cache` and more environment variables.
    pub fn start_with(
        dir: &Path,
        cols: u16,
        rows: u16,
        cache: &Path,
        env: &[(&str, &Path)],
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_retro"));
        cmd.arg("--dir");
        cmd.arg(dir);
        cmd.cwd(dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("RETRO_DIR");
        cmd.env("RETRO_CACHE_DIR", cache);
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("start retro");
        // Only the child holds the slave side now, so reads end when it exits.
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => sink
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .process(&buf[..n]),
                }
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Pty {
            screen,
            writer,
            child,
            _master: pair.master,
        }
    }

    /// Writes bytes to the terminal, as typed.
    pub fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write to the pty");
    }

    /// The screen as text.
    pub fn contents(&self) -> String {
        self.screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents()
    }

    /// Polls the screen until `ready` holds; fails with the screen after `within`, or when
    /// the program exits first.
    pub fn wait_until(&mut self, what: &str, within: Duration, ready: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + within;
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("retro exited ({status:?}) while waiting for {what}; screen:\n{screen}");
            }
            if Instant::now() > deadline {
                panic!("not shown within {within:?}: {what}; screen:\n{screen}");
            }
            thread::sleep(POLL);
        }
    }

    /// Whether the program has turned on bracketed paste.
    pub fn bracketed_paste(&self) -> bool {
        self.screen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .bracketed_paste()
    }

    /// Waits for the program to exit, whatever its status, within `within`.
    pub fn wait_exit(&mut self, within: Duration) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                return status;
            }
            if Instant::now() > deadline {
                panic!(
                    "retro did not exit within {within:?}; screen:\n{}",
                    self.contents()
                );
            }
            thread::sleep(POLL);
        }
    }

    /// Waits for the program to exit with success within `within`.
    pub fn wait_exit_success(&mut self, within: Duration) {
        let status = self.wait_exit(within);
        assert!(
            status.success(),
            "retro exited with {status:?}; screen:\n{}",
            self.contents()
        );
    }

    /// The child's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child's pid")
    }

    /// Sends a signal to the program with kill(1): `portable-pty`'s `Child::kill` sends SIGHUP
    /// first, so it cannot stand for a hard kill.
    pub fn signal(&self, name: &str) {
        let pid = self.pid().to_string();
        let status = std::process::Command::new("kill")
            .args([format!("-{name}").as_str(), pid.as_str()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed: {status:?}");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
