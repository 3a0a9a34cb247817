//! `retro completions`: shell completion scripts.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro completions bash > ~/.local/share/bash-completion/completions/retro
  retro completions zsh > \"${fpath[1]}/_retro\"
  retro completions fish > ~/.config/fish/completions/retro.fish";

/// Options of `retro completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub(crate) fn run(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "retro", &mut std::io::stdout());
    Ok(ExitCode::SUCCESS)
}
