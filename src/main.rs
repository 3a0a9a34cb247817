//! The `retro` binary: the terminal UI, the demo, or a subcommand of [`retro::cli`].

use std::process::ExitCode;

use clap::Parser;
use retro::cli::{Cli, Command, Context};
use retro::storage::{Store, resolve_dir};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Demo) => demo(),
        None => open_store(cli.dir).and_then(|store| {
            retro::tui::run(&store)?;
            Ok(ExitCode::SUCCESS)
        }),
        Some(command) => open_store(cli.dir).and_then(|store| {
            let ctx = Context {
                store: &store,
                now: jiff::Timestamp::now(),
            };
            retro::cli::run(command, &ctx)
        }),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("retro: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn open_store(dir: Option<std::path::PathBuf>) -> anyhow::Result<Store> {
    let (dir, _) = resolve_dir(dir, std::env::var_os("RETRO_DIR")).map_err(anyhow::Error::msg)?;
    Ok(Store::open(dir)?)
}

fn demo() -> anyhow::Result<ExitCode> {
    let scratch = tempfile::Builder::new().prefix("retro-demo-").tempdir()?;
    retro::demo::write_examples(scratch.path())?;
    let store = Store::open(scratch.path())?;
    retro::tui::run(&store)?;
    println!(
        "The demo used a scratch copy in {}; it has been removed.",
        scratch.path().display()
    );
    Ok(ExitCode::SUCCESS)
}
