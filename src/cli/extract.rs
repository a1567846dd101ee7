//! `registre extract`: records on stdout.

use super::{ExtractArgs, OutputFormat};
use registre::batch::{Output, process_bytes};
use std::io::{self, Read, Write};
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> ExitCode {
    let pretty = args.pretty || args.format == OutputFormat::Pretty;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in &args.paths {
        let name = path.to_string_lossy().into_owned();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).map(|_| b)
        } else {
            std::fs::read(path)
        };
        let output = match bytes {
            Ok(b) => process_bytes(&name, &b),
            Err(e) => {
                eprintln!("registre: {name}: {e}");
                failed = true;
                continue;
            }
        };
        let res = match output {
            Output::Records(rs) => rs.iter().try_for_each(|r| write_json(&mut out, r, pretty)),
            Output::Error(e) => {
                failed = true;
                write_json(&mut out, &e, pretty)
            }
        };
        if let Err(e) = res.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("registre: {e}");
            return ExitCode::from(2);
        }
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}

fn write_json<W: Write, T: serde::Serialize>(out: &mut W, v: &T, pretty: bool) -> io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, v)?;
    } else {
        serde_json::to_writer(&mut *out, v)?;
    }
    out.write_all(b"\n")
}
