//! `registre extract`: records on stdout.

use super::ExtractArgs;
use registre::batch::{Output, process_bytes};
use std::io::{self, Read};
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> ExitCode {
    let stdout = io::stdout();
    let mut out = super::output::sink(args.format, args.pretty, io::BufWriter::new(stdout.lock()));
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
            Output::Records(rs) => rs.iter().try_for_each(|r| out.record(r)),
            Output::Error(e) => {
                failed = true;
                out.error(&e)
            }
        };
        super::output::print_notices(&mut *out);
        if let Err(e) = res.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("registre: {e}");
            return ExitCode::from(2);
        }
    }
    if let Err(e) = out.finish()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("registre: {e}");
        return ExitCode::from(2);
    }
    if failed { ExitCode::from(2) } else { ExitCode::SUCCESS }
}
