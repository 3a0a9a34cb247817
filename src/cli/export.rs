//! `retro export`: Markdown or a self-contained HTML page (internal or customer-facing), or
//! JSON, to stdout or a file.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;

use crate::storage::write_atomic;

use super::Context;
use super::files::load_arg;

pub(crate) const EXAMPLES: &str = "\
Examples:
  retro export 2026-03-12-checkout-api-errors-after-config-push > retro.md
  retro export 2026-03-12-checkout-api-errors-after-config-push --audience customer -o status-page.md
  retro export 2026-03-12-checkout-api-errors-after-config-push --format json | jq .actions
  retro export 2026-03-12-checkout-api-errors-after-config-push --format html -o retro.html

The customer version holds only the customer message, the impact window and its duration,
what was not affected and the narrative's impact: never the internal message, the technical
analysis, the timeline, the factors, the actions or who took part.";

/// Output format of `retro export`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// CommonMark with GitHub tables.
    #[default]
    Markdown,
    /// One self-contained HTML page: inline CSS and SVG charts, no scripts, nothing fetched.
    Html,
    /// The incident as stored, as JSON.
    Json,
}

/// Who the export is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Audience {
    /// The whole retrospective.
    #[default]
    Internal,
    /// Only what a customer may read.
    Customer,
}

/// Options of `retro export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Incident id, a start of it that only one has, or words of one title (see `retro
    /// list`), or the path of an incident file.
    #[arg(value_name = "ID")]
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
    pub format: ExportFormat,
    /// Who the document is for (Markdown and HTML).
    #[arg(long, value_enum, default_value_t = Audience::Internal)]
    pub audience: Audience,
    /// Write to this file (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
}

pub(crate) fn run(args: &ExportArgs, ctx: &Context<'_>) -> anyhow::Result<ExitCode> {
    let loaded = load_arg(&args.id, ctx)?;
    let incident = &loaded.incident;
    let text = match (args.format, args.audience) {
        // Markdown is read by people, in terminals too: no control characters in it.
        (ExportFormat::Markdown, Audience::Internal) => {
            crate::sanitize::for_terminal(&super::markdown::internal(incident)).into_owned()
        }
        (ExportFormat::Markdown, Audience::Customer) => {
            crate::sanitize::for_terminal(&super::markdown::customer(incident)).into_owned()
        }
        (ExportFormat::Html, Audience::Internal) => super::html::internal(incident),
        (ExportFormat::Html, Audience::Customer) => super::html::customer(incident),
        (ExportFormat::Json, Audience::Internal) => {
            let mut s = serde_json::to_string_pretty(&super::json::incident(incident)?)?;
            s.push('\n');
            s
        }
        (ExportFormat::Json, Audience::Customer) => {
            anyhow::bail!(
                "--audience customer is for Markdown and HTML; JSON is the whole incident"
            )
        }
    };
    match &args.output {
        Some(path) => {
            write_atomic(path, text.as_bytes())
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("wrote {}", path.display());
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
