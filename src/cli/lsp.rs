//! `argmark lsp`: starts the language server on standard input and output.

/// `argmark lsp` takes no arguments: the editor speaks to it over stdio.
#[derive(Debug, clap::Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it; standard input and output are
    /// the only transport.
    #[arg(long)]
    stdio: bool,
}

pub fn run(_args: &LspArgs, discovery: crate::config::Discovery) -> Result<i32, String> {
    Ok(crate::lsp::run(discovery))
}
