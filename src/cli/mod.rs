//! The command line: clap definitions and the subcommands that reuse model and storage.
//!
//! Every subcommand lives in its own file; this one holds the clap types, the [`Context`]
//! they share and [`run`], which dispatches to them. None has its own parser for incident
//! files: they all go through [`crate::storage`] and [`crate::model::codec`].

mod actions;
mod check;
mod completions;
mod config;
mod export;
mod files;
pub(crate) mod html;
mod import;
mod json;
mod lint;
mod lint_print;
mod list;
pub(crate) mod markdown;
mod metric;
mod new;
mod ready;
mod show;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::Choice;
use crate::storage::Store;

pub use actions::ActionsArgs;
pub use check::CheckArgs;
pub use completions::CompletionsArgs;
pub use config::ConfigArgs;
pub use export::{Audience, ExportArgs, ExportFormat};
pub use import::ImportArgs;
pub use lint::{LintArgs, LintFormat};
pub use list::ListArgs;
pub use metric::MetricArgs;
pub use new::NewArgs;
pub use show::ShowArgs;

/// Write blameless incident retrospectives in the terminal; one TOML file per incident.
#[derive(Debug, Parser)]
#[command(name = "retro", version, about, long_about = None)]
pub struct Cli {
    /// Incidents folder (default: $RETRO_DIR, else ~/.local/share/retro/incidents).
    #[arg(long, global = true, value_name = "PATH")]
    pub dir: Option<PathBuf>,
    /// Configuration file (default: $RETRO_CONFIG, else ~/.config/retro/config.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// What to do; without one, the terminal UI opens on the incidents folder.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI on a scratch copy of the built-in example incidents.
    Demo,
    /// List incidents, one line each, newest first.
    #[command(after_help = list::EXAMPLES)]
    List(ListArgs),
    /// Print a whole retrospective as wrapped text, sections in order.
    #[command(after_help = show::EXAMPLES)]
    Show(ShowArgs),
    /// Export a retrospective as Markdown or an HTML page (internal or customer-facing), or JSON.
    #[command(after_help = export::EXAMPLES)]
    Export(ExportArgs),
    /// List the follow-up actions of all incidents, soonest due first.
    #[command(after_help = actions::EXAMPLES)]
    Actions(ActionsArgs),
    /// Import a metric series (CSV or Prometheus JSON) into an incident's monitoring section.
    #[command(after_help = metric::EXAMPLES)]
    Metric(MetricArgs),
    /// Create an incident file and print its path.
    #[command(after_help = new::EXAMPLES)]
    New(NewArgs),
    /// Check incident files against the format; exit status 1 if any has a problem.
    #[command(after_help = check::EXAMPLES)]
    Check(CheckArgs),
    /// Point out blaming or hindsight wording; exit status 1 if there is any.
    #[command(after_help = lint::EXAMPLES)]
    Lint(LintArgs),
    /// Add messages from a chat or paging export to an incident's timeline.
    #[command(after_help = import::EXAMPLES)]
    Import(ImportArgs),
    /// Print the default configuration, or which configuration file is used.
    #[command(after_help = config::EXAMPLES)]
    Config(ConfigArgs),
    /// Print a shell completion script.
    #[command(after_help = completions::EXAMPLES)]
    Completions(CompletionsArgs),
}

/// What a subcommand needs from outside: the store, the clock and the configuration.
pub struct Context<'a> {
    /// The incidents folder.
    pub store: &'a Store,
    /// Now, injected for deterministic output.
    pub now: jiff::Timestamp,
    /// The configuration in force and where it came from.
    pub config: &'a crate::config::Loaded,
}

impl Context<'_> {
    /// Today's date on this machine's clock and time zone (for overdue actions).
    pub fn today(&self) -> jiff::civil::Date {
        crate::model::timeinput::local_date(self.now)
    }
}

/// Table for people, or JSON for scripts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns.
    #[default]
    Table,
    /// An array of objects with stable snake_case field names.
    Json,
}

/// Runs a subcommand other than `demo`, printing to stdout/stderr.
///
/// # Errors
/// Any failure worth a message on stderr and exit status 2.
pub fn run(command: Command, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    match command {
        Command::Demo => Ok(ExitCode::SUCCESS),
        Command::List(args) => list::run(&args, ctx),
        Command::Show(args) => show::run(&args, ctx),
        Command::Export(args) => export::run(&args, ctx),
        Command::Actions(args) => actions::run(&args, ctx),
        Command::Metric(args) => metric::run(&args, ctx),
        Command::New(args) => new::run(&args, ctx),
        Command::Check(args) => check::run(&args, ctx),
        Command::Lint(args) => lint::run(&args, ctx),
        Command::Import(args) => import::run(&args, ctx),
        Command::Config(args) => config::run(&args, ctx),
        Command::Completions(args) => completions::run(&args),
    }
}

/// Reads a choice such as a severity or status from the command line, ignoring case.
fn parse_choice<T: Choice>(text: &str) -> Result<T, String> {
    T::ALL
        .iter()
        .copied()
        .find(|c| c.as_str().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            let words: Vec<&str> = T::ALL.iter().map(|c| c.as_str()).collect();
            format!("`{text}` is not one of {}", words.join(", "))
        })
}
