//! `retro check --ready`: the readiness checklist of each incident, as the overview shows it.

use std::io::Write;
use std::process::ExitCode;

use crate::analysis::readiness;

use super::files::{IncidentFile, located, read_file};

/// Prints the checklist of every file and returns exit status 1 when any incident is not
/// ready or a file cannot be read. `problems` are targets already found missing.
/// `config` gives the readiness rules per severity and the lint's extra words and
/// switched-off rules.
pub(crate) fn run(
    files: &[IncidentFile],
    problems: Vec<String>,
    config: &crate::config::Config,
) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut ready = 0;
    let mut failed = problems.len();
    for p in &problems {
        eprintln!("{p}");
    }
    for (n, file) in files.iter().enumerate() {
        let loaded = match read_file(file) {
            Ok(loaded) => loaded,
            Err(error) => {
                eprintln!("{}", located(&file.path, &error));
                failed += 1;
                continue;
            }
        };
        let incident = &loaded.incident;
        let findings = config
            .lint
            .apply(incident, crate::lint::lint_incident(incident));
        let check = readiness(incident, findings.len(), &config.ready);
        if n > 0 {
            writeln!(out)?;
        }
        let verdict = if check.is_ready() {
            ready += 1;
            "ready to publish"
        } else {
            failed += 1;
            "not ready to publish"
        };
        let level = incident.severity.unwrap_or(crate::model::Severity::Sev1);
        let rules = config.severities.short(level);
        writeln!(out, "{}: {verdict} for {rules}", incident.id)?;
        for item in &check.items {
            let mark = if item.ok { "✓" } else { "✗" };
            let detail = crate::sanitize::line_for_terminal(&item.detail);
            writeln!(out, "  {mark} {:<18} {detail}", item.label)?;
        }
    }
    let total = files.len() + problems.len();
    eprintln!(
        "{ready} of {total} incident{} ready to publish",
        if total == 1 { "" } else { "s" }
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
