//! Pasting 1 MB into a field, drawing it, typing after it, and saving it (issue: "a 1 MB paste
//! is accepted without a freeze of more than a second"). Run with `cargo bench --bench paste`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use retro::app::{AppState, Msg};
fn main() {
    let dir = tempfile::tempdir().unwrap();
    let store = retro::storage::Store::open(dir.path()).unwrap();
    let mut state = AppState::new(dir.path().into(), vec![], jiff::Timestamp::now());
    let key = |c| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE));
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Char('n')));
    retro::tui::dispatch(&mut state, &store, Msg::Paste("Big".into()));
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Enter));
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Char('7')));
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Enter));
    let text = "A line of pasted text that goes on for a while, with words.\n".repeat(17000);
    let t = std::time::Instant::now();
    retro::tui::dispatch(&mut state, &store, Msg::Paste(text));
    println!("paste {:?}", t.elapsed());
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    let t = std::time::Instant::now();
    terminal.draw(|f| retro::ui::render(&state, f)).unwrap();
    println!("render {:?}", t.elapsed());
    let t = std::time::Instant::now();
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Char('x')));
    terminal.draw(|f| retro::ui::render(&state, f)).unwrap();
    println!("key+render {:?}", t.elapsed());
    let t = std::time::Instant::now();
    retro::tui::dispatch(&mut state, &store, key(KeyCode::Esc));
    println!("commit+save {:?}", t.elapsed());
}
