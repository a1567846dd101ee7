//! `registre completions` and `registre man`: generated from the clap
//! definitions, so they follow every new flag.

use super::Cli;
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// Write registre.1 and one page per command (registre-extract.1, …)
    /// into this directory instead of printing registre.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> ExitCode {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "registre", &mut out);
    finish(io::stdout().lock().write_all(&out))
}

pub fn man(args: ManArgs) -> ExitCode {
    let cmd = Cli::command();
    let res = match args.dir {
        Some(dir) => clap_mangen::generate_to(cmd, &dir),
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .and_then(|_| io::stdout().lock().write_all(&out))
        }
    };
    finish(res)
}

/// Exit code of a command that wrote to stdout: a closed pipe is not an error.
pub fn finish(res: io::Result<()>) -> ExitCode {
    match res.and_then(|_| io::stdout().lock().flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("registre: {e}");
            ExitCode::from(2)
        }
    }
}
