//! The `retro` binary: the terminal UI, or a subcommand of [`retro::cli`].

use std::process::ExitCode;

use clap::Parser;
use retro::cli::{Cli, Command, Context};
use retro::storage::{Store, resolve_dir};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let command = match cli.command {
        None | Some(Command::Demo) => {
            eprintln!("TUI not yet available");
            return ExitCode::SUCCESS;
        }
        Some(command) => command,
    };
    let result = resolve_dir(cli.dir, std::env::var_os("RETRO_DIR"))
        .map_err(anyhow::Error::msg)
        .and_then(|(dir, _)| Store::open(dir).map_err(anyhow::Error::from))
        .and_then(|store| {
            let ctx = Context {
                store: &store,
                now: jiff::Timestamp::now(),
            };
            retro::cli::run(command, &ctx)
        });
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("retro: {error:#}");
            ExitCode::from(2)
        }
    }
}
