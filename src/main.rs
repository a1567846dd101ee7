//! The `registre` command: a thin layer over the library.

mod cli;

/// mimalloc rather than the system allocator: the PDF reader builds an
/// object tree per content stream and the parsers many small strings, and
/// glibc's malloc/free cost a fifth of the instructions of a PDF batch.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Hands the pages mimalloc keeps after frees back to the system now
/// (`mi_collect(true)`): a batch worker calls it every so many inputs
/// (`batch::Options::trim`), so that the peak memory of several workers
/// does not creep up with the number of inputs.
fn release_memory() {
    // SAFETY: mi_collect only reads and releases the allocator's own
    // state; it may be called from any thread at any time.
    unsafe { libmimalloc_sys::mi_collect(true) }
}

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
