//! Output of records: JSON Lines, pretty JSON, flat CSV, SCDL CSV, and the
//! JSON Schema of the contract.
//!
//! Records reach an output through a [`Sink`]: `begin` once, then
//! `record` for each deliberation and `error` for each input that yielded
//! none, then `finish`. Every sink writes to any [`io::Write`], so the same
//! code serves standard output, a file or a `Vec<u8>` in a test. What a sink
//! wants the user to know without putting it in the data (an SCDL row with
//! a mandatory column left empty) is kept as a [`Notice`] that the caller
//! takes with [`Sink::take_notices`] and prints where it likes.
//!
//! ```
//! use registre::export::{Format, Sink, sink};
//! use registre::model::Deliberation;
//!
//! let mut record = Deliberation::default();
//! record.act.number = Some("2024-12".into());
//! let mut out = Vec::new();
//! {
//!     let mut s = sink(Format::JsonLines, &mut out);
//!     s.begin()?;
//!     s.record(&record)?;
//!     s.finish()?;
//! }
//! let line = String::from_utf8(out).unwrap();
//! assert!(line.contains(r#""number":"2024-12""#));
//! assert!(line.ends_with('\n'));
//! # Ok::<(), std::io::Error>(())
//! ```

#![warn(missing_docs)]

pub mod csv;
mod json;
pub mod scdl;
pub mod schema;

use crate::model::{Attendance, Deliberation, ErrorRecord};
use std::fmt;
use std::io::{self, Write};

pub use self::csv::FlatCsv;
pub use self::scdl::{CouncilSize, Scdl, ScdlRow};

/// Something a sink reports about a record without writing it as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// `source.path` of the record concerned.
    pub path: String,
    /// `source.index` of the record concerned.
    pub index: usize,
    /// What to tell the user.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]: {}", self.path, self.index, self.message)
    }
}

/// Where records go.
///
/// The calls come in this order: [`begin`](Sink::begin) at most once,
/// [`record`](Sink::record) and [`error`](Sink::error) any number of times,
/// [`flush`](Sink::flush) whenever the caller wants the output out so far,
/// [`finish`](Sink::finish) once. `begin` may be left out: a sink that
/// writes a header writes it at the latest with the first record, or at
/// `finish` when there is none.
pub trait Sink {
    /// Starts the output (a CSV header row, for instance); optional.
    fn begin(&mut self) -> io::Result<()> {
        Ok(())
    }

    /// Writes one deliberation.
    fn record(&mut self, record: &Deliberation) -> io::Result<()>;

    /// Writes, or reports, an input that yielded no deliberation.
    fn error(&mut self, error: &ErrorRecord) -> io::Result<()>;

    /// Pushes what was written so far to the underlying writer.
    fn flush(&mut self) -> io::Result<()>;

    /// Ends the output and flushes it.
    fn finish(&mut self) -> io::Result<()> {
        self.flush()
    }

    /// The notices gathered since the last call, oldest first.
    fn take_notices(&mut self) -> Vec<Notice> {
        Vec::new()
    }
}

/// The output formats, as `registre extract --format` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// One JSON object per line ([`JsonLines`]).
    JsonLines,
    /// Indented JSON objects one after another ([`JsonLines::pretty`]).
    Pretty,
    /// One flat CSV row per deliberation, for spreadsheets ([`FlatCsv`]).
    Csv,
    /// SCDL Délibérations 2.1.5 CSV ([`Scdl`]).
    Scdl,
}

/// A sink of the given format writing to `out`, with default options.
///
/// Build [`Scdl`] directly to pass a council-size fallback.
pub fn sink<'a, W: Write + 'a>(format: Format, out: W) -> Box<dyn Sink + 'a> {
    match format {
        Format::JsonLines => Box::new(JsonLines::new(out)),
        Format::Pretty => Box::new(JsonLines::pretty(out)),
        Format::Csv => Box::new(FlatCsv::new(out)),
        Format::Scdl => Box::new(Scdl::new(out)),
    }
}

/// Present and represented, as the CSV exports count them: list lengths when the present list is known
/// (then an empty proxy list means none, unless a count is stated), else
/// the stated counts.
pub fn attendance_counts(a: &Attendance) -> (Option<u32>, Option<u32>) {
    let len = |n: usize| u32::try_from(n).ok();
    if a.present.is_empty() {
        let represented = if a.represented.is_empty() {
            a.stated.represented
        } else {
            len(a.represented.len())
        };
        return (a.stated.present, represented);
    }
    let represented = if a.represented.is_empty() {
        a.stated.represented.or(Some(0))
    } else {
        len(a.represented.len())
    };
    (len(a.present.len()), represented)
}

/// `registre/1` records as JSON: one object per line, or indented.
///
/// Error records are written like deliberations, so a reader sees every
/// input (the JSON Schema's root accepts both kinds).
#[derive(Debug)]
pub struct JsonLines<W: Write> {
    out: W,
    pretty: bool,
}

impl<W: Write> JsonLines<W> {
    /// JSON Lines: one compact object per line.
    pub fn new(out: W) -> Self {
        JsonLines { out, pretty: false }
    }

    /// Indented objects, each followed by a newline.
    pub fn pretty(out: W) -> Self {
        JsonLines { out, pretty: true }
    }

    /// The underlying writer.
    pub fn into_inner(self) -> W {
        self.out
    }

    /// `value` indented, or as the line `line` writes.
    fn write<T: serde::Serialize>(&mut self, value: &T, line: fn(&mut Vec<u8>, &T) -> io::Result<()>) -> io::Result<()> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, value)?;
            self.out.write_all(b"\n")
        } else {
            let mut buf = Vec::with_capacity(8192);
            line(&mut buf, value)?;
            self.out.write_all(&buf)
        }
    }
}

/// Appends `value` to `buf` as one line of JSON Lines.
///
/// The line is built in memory by a writer that gives serde_json's bytes
/// at a fraction of its cost; a value that writer does not take (a map
/// with keys that are not strings) is written by serde_json itself.
pub fn json_line_into<T: serde::Serialize>(buf: &mut Vec<u8>, value: &T) -> io::Result<()> {
    let start = buf.len();
    let fast = json::write_value(buf, value);
    line_or_serde_json(buf, start, value, fast)
}

/// [`json_line_into`] for a record, the type behind nearly every line:
/// written field by field without serde (`json::write_deliberation`),
/// the same bytes.
pub fn record_line_into(buf: &mut Vec<u8>, record: &Deliberation) -> io::Result<()> {
    let start = buf.len();
    let fast = json::write_deliberation(buf, record);
    line_or_serde_json(buf, start, record, fast)
}

/// [`record_line_into`] for the records of one document, one line each:
/// the attendance the records of a sitting share is written once and
/// copied into the next lines.
pub fn records_lines_into(buf: &mut Vec<u8>, records: &[Deliberation]) -> io::Result<()> {
    let mut written = json::Written::default();
    for record in records {
        let start = buf.len();
        let fast = json::write_deliberation_after(buf, record, &mut written);
        if fast.is_err() {
            // The line is written again from `start`: what `written`
            // recalls may be cut.
            written = json::Written::default();
        }
        line_or_serde_json(buf, start, record, fast)?;
    }
    Ok(())
}

/// Ends the line the fast writer wrote from `start`, or, when it gave
/// up, writes it again with serde_json.
fn line_or_serde_json<T: serde::Serialize>(buf: &mut Vec<u8>, start: usize, value: &T, fast: json::Result) -> io::Result<()> {
    if fast.is_err() {
        buf.truncate(start);
        serde_json::to_writer(&mut *buf, value)?;
    }
    buf.push(b'\n');
    Ok(())
}

/// [`json_line_into`] for any writer, through a buffer of its own.
pub fn json_line<W: Write, T: serde::Serialize>(mut out: W, value: &T) -> io::Result<()> {
    let mut buf = Vec::with_capacity(8192);
    json_line_into(&mut buf, value)?;
    out.write_all(&buf)
}

impl<W: Write> Sink for JsonLines<W> {
    fn record(&mut self, record: &Deliberation) -> io::Result<()> {
        self.write(record, record_line_into)
    }

    fn error(&mut self, error: &ErrorRecord) -> io::Result<()> {
        self.write(error, json_line_into)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// An `io::Error` from a `csv::Error`, keeping the I/O error kind (a broken
/// pipe must stay recognisable).
pub(crate) fn csv_to_io(e: ::csv::Error) -> io::Error {
    if e.is_io_error() {
        if let ::csv::ErrorKind::Io(e) = e.into_kind() {
            return e;
        }
        return io::Error::other("csv: I/O error");
    }
    io::Error::other(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ErrorInfo, ErrorKind, Person, Represented, SCHEMA, Shared, Source};

    fn error_record() -> ErrorRecord {
        ErrorRecord {
            schema: SCHEMA.into(),
            source: Source {
                path: "vide.txt".into(),
                ..Source::default()
            },
            error: ErrorInfo {
                kind: ErrorKind::Empty,
                message: "empty input".into(),
            },
        }
    }

    #[test]
    fn json_line_into_appends_serde_json_bytes() {
        let mut buf = b"avant\n".to_vec();
        json_line_into(&mut buf, &error_record()).unwrap();
        let mut want = b"avant\n".to_vec();
        want.extend(serde_json::to_vec(&error_record()).unwrap());
        want.push(b'\n');
        assert_eq!(buf, want);
        // A map with non-string keys goes through serde_json, after what
        // was there.
        let mut odd = std::collections::BTreeMap::new();
        odd.insert(1u8, "un");
        let mut buf = b"x".to_vec();
        json_line_into(&mut buf, &odd).unwrap();
        assert_eq!(buf, b"x{\"1\":\"un\"}\n");
    }

    #[test]
    fn record_line_into_appends_serde_json_bytes() {
        let seed = crate::extract(include_str!("../../fixtures/perpignan-2023-287.txt"));
        for r in seed.iter().chain([&Deliberation::default()]) {
            let mut buf = b"avant\n".to_vec();
            record_line_into(&mut buf, r).unwrap();
            let mut want = b"avant\n".to_vec();
            want.extend(serde_json::to_vec(r).unwrap());
            want.push(b'\n');
            assert_eq!(String::from_utf8(buf).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn records_lines_into_copies_only_a_shared_attendance() {
        // Four records of one sitting: the first two share the opening
        // attendance, the last two each hold a copy changed by an arrival.
        let rs = crate::extract(include_str!("../../fixtures/minutes/01-numeros-annee-arrivee.txt"));
        assert_eq!(rs.len(), 4);
        assert!(Shared::ptr_eq(&rs[0].attendance, &rs[1].attendance));
        assert!(!Shared::ptr_eq(&rs[1].attendance, &rs[2].attendance));
        assert_eq!(rs[2].attendance, rs[3].attendance);
        assert_ne!(rs[1].attendance, rs[2].attendance);
        // A record between them with another attendance, and the first
        // again after it.
        let mut other = rs[0].clone();
        other.attendance.present.pop();
        let records = [&rs[..], &[other, rs[0].clone()]].concat();
        let mut buf = b"avant\n".to_vec();
        records_lines_into(&mut buf, &records).unwrap();
        let mut want = b"avant\n".to_vec();
        for r in &records {
            want.extend(serde_json::to_vec(r).unwrap());
            want.push(b'\n');
        }
        assert_eq!(String::from_utf8(buf).unwrap(), String::from_utf8(want).unwrap());
    }

    #[test]
    fn json_lines_writes_one_object_per_line() {
        let mut out = Vec::new();
        let mut s = JsonLines::new(&mut out);
        s.begin().unwrap();
        s.record(&Deliberation::default()).unwrap();
        s.error(&error_record()).unwrap();
        s.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let r: Deliberation = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(r, Deliberation::default());
        let e: ErrorRecord = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(e, error_record());
    }

    #[test]
    fn pretty_indents_and_separates_objects() {
        let mut out = Vec::new();
        let mut s = JsonLines::pretty(&mut out);
        s.record(&Deliberation::default()).unwrap();
        s.record(&Deliberation::default()).unwrap();
        s.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\n  \"schema\""));
        let values: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
            .into_iter()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(values.len(), 2);
    }

    #[test]
    fn sink_picks_the_format() {
        let mut r = Deliberation::default();
        r.act.number = Some("7".into());
        for (format, starts) in [
            (Format::JsonLines, "{\"schema\""),
            (Format::Pretty, "{\n"),
            (Format::Csv, "file,index,"),
            (Format::Scdl, "COLL_NOM,COLL_SIRET,"),
        ] {
            let mut out = Vec::new();
            {
                let mut s = sink(format, &mut out);
                s.begin().unwrap();
                s.record(&r).unwrap();
                s.finish().unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            assert!(text.starts_with(starts), "{format:?}: {text}");
        }
    }

    #[test]
    fn notice_displays_path_and_index() {
        let n = Notice {
            path: "a.txt".into(),
            index: 2,
            message: "x".into(),
        };
        assert_eq!(n.to_string(), "a.txt [2]: x");
    }

    #[test]
    fn csv_io_errors_keep_their_kind() {
        let e = ::csv::Error::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert_eq!(csv_to_io(e).kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn attendance_counts_prefer_lists_then_stated() {
        let mut a = Attendance::default();
        assert_eq!(attendance_counts(&a), (None, None));
        a.stated.present = Some(12);
        a.stated.represented = Some(3);
        assert_eq!(attendance_counts(&a), (Some(12), Some(3)));
        a.present = vec![Person::default(); 11];
        assert_eq!(attendance_counts(&a), (Some(11), Some(3)));
        a.stated.represented = None;
        assert_eq!(attendance_counts(&a), (Some(11), Some(0)));
        a.represented = vec![Represented::default()];
        assert_eq!(attendance_counts(&a), (Some(11), Some(1)));
    }
}
