//! `registre extract`: records on stdout, progress and summary on stderr.

use super::{ExtractArgs, OutputFormat};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use registre::batch::{self, Done, Options, Output};
use registre::export::{self, Sink};
use registre::load::{Isolation, LoadOptions};
use std::fs;
use std::io::{self, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Default time limit of an isolated PDF, in seconds.
const DEFAULT_TIMEOUT: f64 = 120.0;

pub fn run(args: ExtractArgs) -> ExitCode {
    match try_run(args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("registre: {msg}");
            ExitCode::from(2)
        }
    }
}

fn try_run(args: ExtractArgs) -> Result<ExitCode, String> {
    let opts = options(&args)?;
    let list_on_stdin = args.files_from.as_ref().is_some_and(|f| f.as_os_str() == "-");
    if list_on_stdin && args.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err("standard input cannot be both an input and the --files-from list".into());
    }
    let listed: Box<dyn Iterator<Item = io::Result<PathBuf>>> = match &args.files_from {
        None => Box::new(std::iter::empty()),
        Some(f) if f.as_os_str() == "-" => Box::new(batch::list_paths(BufReader::new(io::stdin()), args.null)),
        Some(f) => {
            let file = fs::File::open(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            Box::new(batch::list_paths(BufReader::new(file), args.null))
        }
    };
    let inputs = batch::Inputs::new(args.paths.clone().into_iter().map(Ok).chain(listed));

    let progress = progress_bar(args.quiet);
    let stdout = io::stdout();
    let mut writer = io::BufWriter::new(stdout.lock());
    // JSON Lines are rendered by the workers, in parallel, and written here
    // in input order; the other formats keep state across records.
    let result = if matches!(args.format, OutputFormat::Jsonl) && !args.pretty {
        let opts = Options { render: Some(render_json_lines), keep_output: false, ..opts };
        batch::run(inputs, &opts, |done: &Done| {
            progress.inc(1);
            writer.write_all(&done.rendered)?;
            writer.flush()
        })
        .and_then(|s| writer.flush().map(|_| s))
    } else {
        let mut out = super::output::sink(args.format, args.pretty, writer);
        let result = out.begin().and_then(|_| {
            batch::run(inputs, &opts, |done: &Done| {
                progress.inc(1);
                write_output(&mut *out, &done.output)
            })
        });
        let result = result.and_then(|s| out.finish().map(|_| s));
        super::output::print_notices(&mut *out);
        result
    };
    progress.finish_and_clear();
    let summary = match result {
        Ok(s) => s,
        // `registre extract … | head`: the reader has all it wants.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(format!("cannot write the output: {e}")),
    };
    if !args.quiet {
        eprint!("{}", summary.to_text());
    }
    if let Some(path) = &args.summary_json {
        let json = serde_json::to_string_pretty(&summary).map_err(|e| e.to_string())?;
        fs::write(path, json + "\n").map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(if summary.errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn options(args: &ExtractArgs) -> Result<Options, String> {
    let timeout = match args.timeout {
        Some(t) if !(t.is_finite() && t > 0.0) => {
            return Err(format!("--timeout must be a positive number of seconds, not {t}"));
        }
        Some(t) => Some(t),
        None if args.isolate => Some(DEFAULT_TIMEOUT),
        None => None,
    };
    let isolation = match timeout {
        None => None,
        Some(t) => {
            let program = std::env::current_exe()
                .map_err(|e| format!("cannot find the registre executable for --isolate: {e}"))?;
            Some(Isolation { program, args: vec!["__load-pdf".into()], timeout: Some(Duration::from_secs_f64(t)) })
        }
    };
    let max_bytes = args.max_size.saturating_mul(1 << 20);
    Ok(Options {
        jobs: args.jobs,
        shard: args.shard,
        load: LoadOptions { max_bytes, isolation },
        // main() runs the command on a thread with a worker's stack.
        inline_single: true,
        trim: Some(crate::release_memory),
        ..Options::default()
    })
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  {elapsed}") {
        pb.set_style(style);
    }
    pb.enable_steady_tick(Duration::from_millis(200));
    pb
}

/// The JSON Lines of one input's records (or of its error record).
fn render_json_lines(output: &Output) -> Vec<u8> {
    // A record takes 5–8 KB: room for all of them at once, so that a
    // procès-verbal's hundred records are not copied as the buffer grows.
    let n = match output {
        Output::Records(rs) => rs.len().max(1),
        Output::Error(_) => 1,
    };
    let mut buf = Vec::with_capacity(n.saturating_mul(8 << 10));
    // Writing to a Vec fails only if serializing fails, which the model's
    // types never do; the error record is still written in that case.
    let _ = match output {
        Output::Records(rs) => export::records_lines_into(&mut buf, rs),
        Output::Error(e) => export::json_line_into(&mut buf, e),
    };
    buf
}

/// Writes the records (or the error record) of one input, flushing after each.
fn write_output(out: &mut dyn Sink, output: &Output) -> io::Result<()> {
    match output {
        Output::Records(rs) => rs.iter().try_for_each(|r| out.record(r))?,
        Output::Error(e) => out.error(e)?,
    }
    super::output::print_notices(out);
    out.flush()
}

/// The hidden `__load-pdf` command: the child side of `--isolate`.
pub fn load_pdf_child() -> ExitCode {
    match registre::load::child_main(io::stdin().lock(), io::stdout().lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}
