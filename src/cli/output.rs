//! From `--format` to a [`Sink`] of the library, and notices to stderr.

use super::OutputFormat;
use registre::export::{self, Scdl, Sink};
use std::io::Write;

/// The sink that writes `format` to `out`; `pretty` forces indented JSON
/// (the older `--pretty` flag).
pub fn sink<'a, W: Write + 'a>(format: OutputFormat, pretty: bool, out: W) -> Box<dyn Sink + 'a> {
    match format {
        OutputFormat::Jsonl | OutputFormat::Pretty if pretty => {
            export::sink(export::Format::Pretty, out)
        }
        OutputFormat::Jsonl => export::sink(export::Format::JsonLines, out),
        OutputFormat::Pretty => export::sink(export::Format::Pretty, out),
        OutputFormat::Csv => export::sink(export::Format::Csv, out),
        // VOTE_EFFECTIF falls back on the legal council size.
        OutputFormat::Scdl => Box::new(Scdl::new(out).council_size(registre::reference::council_size_of)),
    }
}

/// Prints what the sink noticed since the last call, one line each.
pub fn print_notices(sink: &mut dyn Sink) {
    for n in sink.take_notices() {
        eprintln!("registre: {n}");
    }
}
