//! Command-line arguments (clap) and dispatch to one module per command.

mod audit;
mod docs;
mod extract;
mod output;
mod schema;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "registre",
    version,
    about = "Reads French council deliberations into structured, audited JSON (registre/1)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract registre/1 records (JSON Lines) from text or PDF inputs.
    Extract(ExtractArgs),
    /// Internal: read a PDF on stdin, write its text and page map as JSON
    /// (the child process of `extract --isolate`).
    #[command(name = "__load-pdf", hide = true)]
    LoadPdf,
    /// Audit deliberations: cross-checks shown as compiler-style diagnostics.
    Audit(audit::AuditArgs),
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
    /// Files or directories to read (directories recursively, in sorted
    /// order); `-` for standard input.
    #[arg(required_unless_present = "files_from")]
    pub paths: Vec<PathBuf>,
    /// Indented JSON instead of JSON Lines.
    #[arg(long)]
    pub pretty: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: OutputFormat,
    /// Also read the paths listed in FILE (`-` for standard input), one per line.
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// The list of --files-from is NUL-separated (as `find -print0` writes).
    #[arg(short = '0', long = "null", requires = "files_from")]
    pub null: bool,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N", default_value_t = 0, hide_default_value = true)]
    pub jobs: usize,
    /// Read each PDF in a child process, so that a crash or a hang of the
    /// PDF reader only costs that file (a `panic` or `timeout` error record).
    #[arg(long)]
    pub isolate: bool,
    /// Time limit per PDF in seconds, with --isolate (implies it).
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,
    /// Process only the inputs whose path hashes to shard K of N (1 <= K <= N).
    #[arg(long, value_name = "K/N")]
    pub shard: Option<registre::batch::Shard>,
    /// Refuse inputs larger than this many megabytes (`too_large`).
    #[arg(long, value_name = "MB", default_value_t = 256)]
    pub max_size: u64,
    /// Write the final summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::LoadPdf => extract::load_pdf_child(),
        Command::Audit(args) => audit::run(args),
        Command::Schema => schema::run(),
        Command::Completions(args) => docs::completions(args),
        Command::Man(args) => docs::man(args),
    }
}
