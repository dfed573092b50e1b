//! The `imgplan` binary: parses the command line and reports failures with context.

use std::process::ExitCode;

use clap::Parser;
use imgplan::cli::{self, Cli};
use imgplan::text::clean_line;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) if failure.is_quiet() => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("imgplan: {}", clean_line(&failure.message));
            ExitCode::from(failure.code)
        }
    }
}
