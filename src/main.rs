//! The `retro` binary: the terminal UI, the demo, or a subcommand of [`retro::cli`].

use std::process::ExitCode;

use clap::Parser;
use retro::cli::{Cli, Command, Context};
use retro::storage::{Store, resolve_dir};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = retro::config::load(retro::config::resolve(
        cli.config.clone(),
        std::env::var_os("RETRO_CONFIG"),
    ));
    // An invalid configuration is said once, and the defaults are used. `retro config` says
    // it itself; the terminal UI shows it in its status line.
    let in_tui = matches!(cli.command, None | Some(Command::Demo));
    if let Some(problem) = &config.problem
        && !in_tui
        && !matches!(cli.command, Some(Command::Config(_)))
    {
        eprintln!("retro: {}", retro::sanitize::for_terminal(problem));
    }
    let settings = retro::tui::Settings::from_loaded(&config, std::env::var_os("NO_COLOR"));
    let result = match cli.command {
        Some(Command::Demo) => demo(settings),
        None => open_store(cli.dir, &config.config).and_then(|store| {
            retro::tui::run(&store, settings)?;
            Ok(ExitCode::SUCCESS)
        }),
        Some(command) => open_store(cli.dir, &config.config).and_then(|store| {
            let ctx = Context {
                store: &store,
                now: jiff::Timestamp::now(),
                config: &config,
            };
            retro::cli::run(command, &ctx)
        }),
    };
    match result {
        Ok(code) => code,
        // `retro list | head`: the reader has all it wants; end quietly, like other tools.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let text = format!("retro: {error:#}");
            eprintln!("{}", retro::sanitize::for_terminal(&text));
            ExitCode::from(2)
        }
    }
}

/// True when writing to standard output failed because the reader went away.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn open_store(
    dir: Option<std::path::PathBuf>,
    config: &retro::config::Config,
) -> anyhow::Result<Store> {
    let (dir, _) = resolve_dir(dir, std::env::var_os("RETRO_DIR")).map_err(anyhow::Error::msg)?;
    let cache = retro::storage::list_cache::cache_file(&dir, std::env::var_os("RETRO_CACHE_DIR"));
    Ok(Store::open(dir)?
        .with_list_cache(cache)
        .with_timezone(&config.timezone))
}

fn demo(settings: retro::tui::Settings) -> anyhow::Result<ExitCode> {
    let scratch = tempfile::Builder::new().prefix("retro-demo-").tempdir()?;
    retro::demo::write_examples(scratch.path())?;
    let store = Store::open(scratch.path())?;
    retro::tui::run(&store, settings)?;
    println!(
        "The demo used a scratch copy in {}; it has been removed.",
        scratch.path().display()
    );
    Ok(ExitCode::SUCCESS)
}
