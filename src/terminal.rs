//! Whether the full-screen UI can run on this terminal at all.

/// Why the full-screen UI cannot run here, if it cannot: standard input or output is not a
/// terminal (cron, a pipe, `< /dev/null`), or `TERM` is `dumb` (no cursor movement). The
/// message names the subcommands that work without one.
pub fn terminal_problem(stdin_tty: bool, stdout_tty: bool, term: Option<&str>) -> Option<String> {
    const SUBCOMMANDS: &str = "without it, use a subcommand: retro list, show ID, export ID, \
                               actions, new --title T, lint, check (retro --help tells more)";
    if !stdin_tty || !stdout_tty {
        let which = match (stdin_tty, stdout_tty) {
            (false, false) => "standard input and output are not a terminal",
            (false, true) => "standard input is not a terminal",
            _ => "standard output is not a terminal",
        };
        return Some(format!(
            "the terminal UI needs a terminal ({which}); {SUBCOMMANDS}"
        ));
    }
    if term.is_some_and(|t| t == "dumb") {
        return Some(format!(
            "this terminal (TERM=dumb) cannot show the full-screen UI; run retro in a terminal \
             such as xterm, or {SUBCOMMANDS}"
        ));
    }
    None
}
