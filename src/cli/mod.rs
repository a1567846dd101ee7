//! Command-line arguments (clap) and dispatch to one module per command.

mod docs;
mod extract;
mod output;
mod schema;

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
    /// Print the JSON Schema (draft 2020-12) of registre/1 records.
    Schema,
    /// Print a shell completion script.
    Completions(docs::CompletionsArgs),
    /// Print the man page (roff), or write one page per command into a directory.
    Man(docs::ManArgs),
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per line.
    Jsonl,
    /// Indented JSON, one object after another.
    Pretty,
    /// One flat CSV row per deliberation, for spreadsheets.
    Csv,
    /// SCDL Délibérations 2.1.5 CSV (open data).
    Scdl,
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
        Command::Schema => schema::run(),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
    }
}
