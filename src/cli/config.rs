//! `retro config`: the default configuration, commented, and which file is in force.

use std::io::Write;
use std::process::ExitCode;

use super::Context;

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro config --print-default > ~/.config/retro/config.toml
  retro config --path
  retro --config team.toml check --ready";

/// Options of `retro config`.
#[derive(Debug, clap::Args)]
pub struct ConfigArgs {
    /// Print the default configuration with comments (it parses back to the defaults).
    #[arg(long)]
    pub print_default: bool,
    /// Print which configuration file is used, and whether it exists and is valid.
    #[arg(long)]
    pub path: bool,
}

/// Prints the default text, or the file in use: its path on stdout, its state on stderr.
/// Without an option, the same as `--path`. Exit status 1 when the file in use is invalid.
pub(crate) fn run(args: &ConfigArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if args.print_default {
        write!(out, "{}", crate::config::default_text::default_text())?;
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = ctx.config;
    match &loaded.path {
        Some(path) => writeln!(out, "{}", path.display())?,
        None => writeln!(out, "(no configuration folder)")?,
    }
    if let Some(problem) = &loaded.problem {
        eprintln!("{}", crate::sanitize::for_terminal(problem));
        return Ok(ExitCode::from(1));
    }
    if loaded.from_file {
        eprintln!("read without problems");
    } else {
        eprintln!("not found: the defaults apply");
    }
    Ok(ExitCode::SUCCESS)
}
