//! A terminal backend that remembers the terminal's size between frames.
//!
//! ratatui asks the backend for the size before every frame; crossterm answers by opening
//! `/dev/tty` and asking the kernel, two system calls on every key. The size only changes
//! with a resize event, so this backend asks once, and again only after the event source saw
//! one ([`Resized::mark`]).

use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell as BufferCell;
use ratatui::layout::{Position, Size};

/// Shared news that the terminal was resized: set by the event source, read by
/// [`SizedBackend`].
#[derive(Clone, Debug)]
pub struct Resized(Arc<AtomicBool>);

impl Default for Resized {
    /// Starts as resized, so the first frame asks for the size.
    fn default() -> Resized {
        Resized(Arc::new(AtomicBool::new(true)))
    }
}

impl Resized {
    /// Notes that the terminal's size may have changed.
    pub fn mark(&self) {
        self.0.store(true, Ordering::Release);
    }

    fn take(&self) -> bool {
        self.0.swap(false, Ordering::AcqRel)
    }
}

/// `B` with its size remembered until [`Resized::mark`] is called.
pub struct SizedBackend<B> {
    inner: B,
    resized: Resized,
    size: Cell<Option<Size>>,
}

impl<B: Backend> SizedBackend<B> {
    /// Wraps `inner`; `resized` tells it when to ask for the size again.
    pub fn new(inner: B, resized: Resized) -> SizedBackend<B> {
        SizedBackend {
            inner,
            resized,
            size: Cell::new(None),
        }
    }
}

impl<B: Backend> Backend for SizedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a BufferCell)>,
    {
        self.inner.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let stale = self.resized.take();
        match self.size.get() {
            Some(size) if !stale => Ok(size),
            _ => {
                let size = self.inner.size()?;
                self.size.set(Some(size));
                Ok(size)
            }
        }
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn asks_for_the_size_again_only_after_a_resize() {
        let resized = Resized::default();
        let mut backend = SizedBackend::new(TestBackend::new(10, 4), resized.clone());
        assert_eq!(backend.size().ok(), Some(Size::new(10, 4)));
        backend.inner.resize(20, 6);
        assert_eq!(backend.size().ok(), Some(Size::new(10, 4)), "remembered");
        resized.mark();
        assert_eq!(backend.size().ok(), Some(Size::new(20, 6)));
        assert_eq!(backend.size().ok(), Some(Size::new(20, 6)));
    }
}
