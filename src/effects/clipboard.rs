//! Copying to the clipboard through the terminal: the OSC 52 escape sequence
//! (`ESC ] 52 ; c ; <base64> BEL`, from xterm's control sequences, "Manipulate Selection
//! Data"), which reaches the clipboard of the terminal the user sits at, also over ssh.
//! Inside tmux it is wrapped in tmux's passthrough (`ESC P tmux; … ESC \`, every ESC inside
//! doubled), which tmux forwards when `allow-passthrough` is on. Whether the terminal took it
//! cannot be known: terminals without OSC 52 ignore it.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use super::console::Console;

/// The OSC 52 sequence that puts `text` on the clipboard (`c`), wrapped for tmux when `tmux`.
pub fn osc52(text: &str, tmux: bool) -> String {
    let encoded = STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{encoded}\x07");
    if tmux {
        format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
    } else {
        sequence
    }
}

/// Writes the sequence for `text` to the terminal.
///
/// # Errors
/// When the terminal cannot be written.
pub fn copy(console: &mut dyn Console, text: &str, tmux: bool) -> std::io::Result<()> {
    console.write_raw(osc52(text, tmux).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_wrapped_for_tmux() {
        assert_eq!(osc52("hi", false), "\x1b]52;c;aGk=\x07");
        assert_eq!(osc52("hi", true), "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\");
        assert_eq!(osc52("", false), "\x1b]52;c;\x07");
    }
}
