//! The `registre` command: a thin layer over the library.

mod cli;

/// mimalloc rather than the system allocator: the PDF reader builds an
/// object tree per content stream and the parsers many small strings, and
/// glibc's malloc/free cost a fifth of the instructions of a PDF batch.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
