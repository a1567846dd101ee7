//! The `registre` command: a thin layer over the library.

mod cli;

/// mimalloc rather than the system allocator: the PDF reader builds an
/// object tree per content stream and the parsers many small strings, and
/// glibc's malloc/free cost a fifth of the instructions of a PDF batch.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The command runs on a thread with a batch worker's stack, so that
/// `--jobs 1` can process documents on it directly (see
/// `batch::Options::inline_single`).
fn main() -> std::process::ExitCode {
    let cli = std::thread::Builder::new()
        .name("registre".into())
        .stack_size(registre::batch::WORKER_STACK)
        .spawn(cli::run);
    match cli.map(|t| t.join()) {
        Ok(Ok(code)) => code,
        // A panic has already been reported on stderr by the hook.
        Ok(Err(_)) => std::process::ExitCode::from(101),
        Err(e) => {
            eprintln!("registre: cannot start: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
