//! A flat CSV for spreadsheets: one row per deliberation, one column per
//! figure a reader wants to sort or sum.
//!
//! Columns, in order: [`FLAT_COLUMNS`]. `present` and `represented` are the
//! lengths of the attendance lists when the present list is known, else the
//! stated counts; `for`, `against`, `abstain` are the vote as stated;
//! `failed_checks` joins the ids of the failed checks with `;`. An input that
//! yielded no deliberation gets one row with its file and the `error`
//! column (`kind: message`) filled.

use super::{Sink, attendance_counts, csv_to_io};
use crate::model::{CheckStatus, Deliberation, ErrorRecord};
use std::io::{self, Write};

/// The columns of the flat CSV, in order.
pub const FLAT_COLUMNS: [&str; 12] = [
    "file",
    "index",
    "number",
    "date",
    "title",
    "present",
    "represented",
    "for",
    "against",
    "abstain",
    "failed_checks",
    "error",
];

/// The flat CSV sink.
///
/// ```
/// use registre::export::{FlatCsv, Sink};
/// use registre::model::Deliberation;
///
/// let mut r = Deliberation::default();
/// r.source.path = "a.txt".into();
/// r.act.number = Some("12".into());
/// r.vote.for_ = Some(20);
/// let mut out = Vec::new();
/// let mut sink = FlatCsv::new(&mut out);
/// sink.record(&r)?;
/// sink.finish()?;
/// drop(sink);
/// assert_eq!(
///     String::from_utf8(out).unwrap(),
///     "file,index,number,date,title,present,represented,for,against,abstain,failed_checks,error\n\
///      a.txt,0,12,,,,,20,,,,\n"
/// );
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct FlatCsv<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> FlatCsv<W> {
    /// A flat CSV writer with `,` as delimiter.
    pub fn new(out: W) -> Self {
        Self::with_delimiter(out, b',')
    }

    /// A flat CSV writer with another delimiter (`;` suits spreadsheets set
    /// to French, where `,` is the decimal separator).
    pub fn with_delimiter(out: W, delimiter: u8) -> Self {
        FlatCsv {
            out: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(out),
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.out.write_record(FLAT_COLUMNS).map_err(csv_to_io)?;
        }
        Ok(())
    }
}

/// The cells of the flat row of a record, in [`FLAT_COLUMNS`] order.
pub fn flat_row(r: &Deliberation) -> [String; 12] {
    let n = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    let (present, represented) = attendance_counts(&r.attendance);
    let failed: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| &*c.id)
        .collect();
    [
        r.source.path.clone(),
        r.source.index.to_string(),
        r.act.number.clone().unwrap_or_default(),
        r.session.date.map(|d| d.to_string()).unwrap_or_default(),
        r.act.title.clone().unwrap_or_default(),
        n(present),
        n(represented),
        n(r.vote.for_),
        n(r.vote.against),
        n(r.vote.abstain),
        failed.join(";"),
        String::new(),
    ]
}

impl<W: Write> Sink for FlatCsv<W> {
    fn begin(&mut self) -> io::Result<()> {
        self.header()
    }

    fn record(&mut self, r: &Deliberation) -> io::Result<()> {
        self.header()?;
        self.out.write_record(flat_row(r)).map_err(csv_to_io)
    }

    fn error(&mut self, e: &ErrorRecord) -> io::Result<()> {
        self.header()?;
        let mut row: [String; 12] = Default::default();
        row[0] = e.source.path.clone();
        row[1] = e.source.index.to_string();
        row[11] = format!("{}: {}", e.error.kind.as_str(), e.error.message);
        self.out.write_record(row).map_err(csv_to_io)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Check, Date, ErrorInfo, ErrorKind, Person, Represented, SCHEMA, Source};

    fn check(id: &'static str, status: CheckStatus) -> Check {
        Check {
            id: id.into(),
            status,
            message: "".into(),
            line: None,
            expected: None,
            found: None,
        }
    }

    #[test]
    fn flat_row_has_figures_and_failed_checks() {
        let mut r = Deliberation::default();
        r.source.path = "pv.txt".into();
        r.source.index = 3;
        r.act.number = Some("2024-40".into());
        r.act.title = Some("Subvention, \"club\" de rugby".into());
        r.session.date = Date::new(2024, 6, 1);
        r.attendance.present = vec![Person::default(); 10];
        r.attendance.represented = vec![Represented::default(); 2];
        r.vote.for_ = Some(11);
        r.vote.against = Some(1);
        r.vote.abstain = Some(0);
        r.checks = vec![
            check("vote.total", CheckStatus::Fail),
            check("dates.order", CheckStatus::Pass),
            check("attendance.quorum", CheckStatus::Fail),
        ];
        let row = flat_row(&r);
        assert_eq!(
            row,
            [
                "pv.txt",
                "3",
                "2024-40",
                "2024-06-01",
                "Subvention, \"club\" de rugby",
                "10",
                "2",
                "11",
                "1",
                "0",
                "vote.total;attendance.quorum",
                ""
            ]
            .map(String::from)
        );
        let mut out = Vec::new();
        let mut s = FlatCsv::new(&mut out);
        s.record(&r).unwrap();
        s.finish().unwrap();
        drop(s);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text.lines().nth(1),
            Some(
                "pv.txt,3,2024-40,2024-06-01,\"Subvention, \"\"club\"\" de rugby\",10,2,11,1,0,vote.total;attendance.quorum,"
            )
        );
    }

    #[test]
    fn error_records_get_a_row_with_the_error() {
        let mut out = Vec::new();
        let mut s = FlatCsv::with_delimiter(&mut out, b';');
        s.begin().unwrap();
        s.error(&ErrorRecord {
            schema: SCHEMA.into(),
            source: Source {
                path: "vide.txt".into(),
                ..Source::default()
            },
            error: ErrorInfo {
                kind: ErrorKind::Empty,
                message: "empty input".into(),
            },
        })
        .unwrap();
        s.finish().unwrap();
        drop(s);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            format!(
                "{}\nvide.txt;0;;;;;;;;;;empty: empty input\n",
                FLAT_COLUMNS.join(";")
            )
        );
    }
}
