//! The command line: clap definitions and the subcommands that reuse model and storage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::storage::Store;

/// Write blameless incident retrospectives in the terminal; one TOML file per incident.
#[derive(Debug, Parser)]
#[command(name = "retro", version, about, long_about = None)]
pub struct Cli {
    /// Incidents folder (default: $RETRO_DIR, else ~/.local/share/retro/incidents).
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
    /// What to do; without one, the terminal UI opens on the incidents folder.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI on a scratch copy of the built-in example incidents.
    Demo,
}

/// What a subcommand needs from outside: the store and the clock.
pub struct Context<'a> {
    /// The incidents folder.
    pub store: &'a Store,
    /// Now, injected for deterministic output.
    pub now: jiff::Timestamp,
}

/// Runs a subcommand other than `demo`, printing to stdout/stderr.
///
/// # Errors
/// Any failure worth a message on stderr and exit status 2.
pub fn run(command: Command, _ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    match command {
        Command::Demo => Ok(ExitCode::SUCCESS),
    }
}
