//! `registre schema`: the JSON Schema of registre/1 on stdout.

use std::io::{self, Write};
use std::process::ExitCode;

pub fn run() -> ExitCode {
    let text = registre::export::schema::schema_json();
    super::docs::finish(io::stdout().lock().write_all(text.as_bytes()))
}
