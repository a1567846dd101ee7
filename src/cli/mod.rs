//! Command-line arguments (clap) and dispatch to one module per command.

mod audit;
mod extract;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(name = "registre", version, about = "Reads French council deliberations into structured, audited JSON (registre/1)")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract registre/1 records (JSON Lines) from text or PDF inputs.
    Extract(ExtractArgs),
    /// Audit deliberations: cross-checks shown as compiler-style diagnostics.
    Audit(audit::AuditArgs),
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// Indented JSON, one object after another.
    Pretty,
}

#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Files or directories to read; `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Indented JSON instead of JSON Lines.
    #[arg(long)]
    pub pretty: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Audit(args) => audit::run(args),
    }
}
