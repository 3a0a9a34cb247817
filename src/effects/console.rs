//! The terminal as the runtime's effects see it, apart from drawing: raw bytes written to it
//! (the clipboard's OSC 52 sequence) and handing it to another program (an editor) and back.
//! Injected into the runtime, so tests record what would reach the terminal.

use std::io::{self, Write};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// What the effects need of the terminal besides drawing.
pub trait Console {
    /// Writes `bytes` to the terminal as they are, and flushes.
    ///
    /// # Errors
    /// When the terminal cannot be written.
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()>;

    /// Hands the terminal over: leaves the alternate screen, turns bracketed paste and raw
    /// mode off, so another program sees an ordinary terminal.
    ///
    /// # Errors
    /// When the terminal cannot be set so.
    fn suspend(&mut self) -> io::Result<()>;

    /// Takes the terminal back after [`Console::suspend`]: raw mode, the alternate screen
    /// (cleared) and bracketed paste again; the runtime then draws the whole screen.
    ///
    /// # Errors
    /// When the terminal cannot be set so.
    fn resume(&mut self) -> io::Result<()>;
}

/// The real terminal on standard output.
pub struct Stdout;

impl Console for Stdout {
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    fn suspend(&mut self) -> io::Result<()> {
        execute!(
            io::stdout(),
            DisableBracketedPaste,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        )?;
        disable_raw_mode()
    }

    fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            Clear(ClearType::All),
            EnableBracketedPaste
        )
    }
}

/// No terminal (tests of `update` through the runtime): writes are dropped, hand-overs do
/// nothing.
pub struct Detached;

impl Console for Detached {
    fn write_raw(&mut self, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn resume(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A console that keeps what was written and counts hand-overs, for tests.
#[derive(Clone, Default)]
pub struct Recorder {
    /// Every byte written with [`Console::write_raw`].
    pub written: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    /// `s` for each suspend, `r` for each resume, in order.
    pub handovers: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Console for Recorder {
    fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.written
            .lock()
            .map_err(|_| io::Error::other("recorder poisoned"))?
            .extend_from_slice(bytes);
        Ok(())
    }

    fn suspend(&mut self) -> io::Result<()> {
        self.handovers
            .lock()
            .map_err(|_| io::Error::other("recorder poisoned"))?
            .push('s');
        Ok(())
    }

    fn resume(&mut self) -> io::Result<()> {
        self.handovers
            .lock()
            .map_err(|_| io::Error::other("recorder poisoned"))?
            .push('r');
        Ok(())
    }
}

/// The outside world of the terminal effects: the console, whether it runs inside tmux, and
/// the editor command for long texts.
pub struct Outside {
    /// The terminal.
    pub console: Box<dyn Console + Send>,
    /// Inside tmux (`$TMUX` set): OSC 52 is wrapped for tmux's passthrough.
    pub tmux: bool,
    /// The editor command (`$VISUAL`, else `$EDITOR`), run by `sh -c` with the file's path
    /// appended, so it may carry options (`code --wait`).
    pub editor: Option<String>,
}

impl Outside {
    /// No terminal, no tmux, no editor.
    pub fn detached() -> Outside {
        Outside {
            console: Box::new(Detached),
            tmux: false,
            editor: None,
        }
    }

    /// The real terminal, with tmux and the editor taken from the environment (`$TMUX`,
    /// `$VISUAL`, `$EDITOR`; empty values count as unset).
    pub fn from_env() -> Outside {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        Outside {
            console: Box::new(Stdout),
            tmux: var("TMUX").is_some(),
            editor: var("VISUAL").or_else(|| var("EDITOR")),
        }
    }
}
