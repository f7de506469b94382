//! Starts `argmark lsp` for argmark maps in Zed. The binary is the one on
//! the worktree's `PATH` (as `cargo install --path .` puts it there), so the
//! extension downloads nothing.

use zed_extension_api::{self as zed, LanguageServerId, Result};

/// The extension: it keeps no state.
struct Argmark;

impl zed::Extension for Argmark {
    fn new() -> Self {
        Argmark
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree.which("argmark").ok_or_else(|| {
            "argmark is not on PATH: install it with `cargo install --path .` in its repository"
                .to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Argmark);
