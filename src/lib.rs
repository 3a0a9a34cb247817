//! retro: a terminal program for writing blameless incident retrospectives.
//!
//! Layers: [`model`] (FORMAT.md types, pure) · [`analysis`] (factors, actions and readiness,
//! pure) · [`config`] (the configuration file) · [`storage`] (the incidents folder) · `app` (state and `update`) · `ui` (rendering) ·
//! [`editor`] (the text editor widget) · `cli` (subcommands).

pub mod analysis;
pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod editor;
pub mod effects;
pub mod guard;
pub mod guidance;
pub mod import;
pub mod lint;
pub mod metrics;
pub mod model;
pub mod sanitize;
pub mod storage;
pub mod terminal;
pub mod tui;
pub mod ui;
