//! Without a terminal (cron, a pipe) or on a dumb one, the program says what it needs and
//! names the subcommands, on stderr only.

use std::process::{Command, Stdio};

#[test]
fn without_a_terminal_it_says_so_and_writes_nothing_to_stdout() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [vec![], vec!["demo"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_retro"))
            .arg("--dir")
            .arg(tmp.path())
            .args(&args)
            .env("RETRO_CACHE_DIR", tmp.path().join(".cache"))
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "stdout: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("needs a terminal"), "{err}");
        for sub in ["list", "show", "export", "new", "lint", "check"] {
            assert!(err.contains(sub), "{err}");
        }
        assert!(!err.contains('\u{1b}'), "{err:?}");
    }
}

#[test]
fn a_dumb_terminal_gets_a_clear_message() {
    let problem = retro::tui::terminal_problem(true, true, Some("dumb")).unwrap();
    assert!(problem.contains("TERM=dumb"), "{problem}");
    assert!(problem.contains("retro list"), "{problem}");
    assert!(retro::tui::terminal_problem(true, true, Some("xterm-256color")).is_none());
    assert!(retro::tui::terminal_problem(false, true, Some("xterm")).is_some());
    assert!(retro::tui::terminal_problem(true, false, Some("xterm")).is_some());
}
