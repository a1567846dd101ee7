//! SCDL « Délibérations » 2.1.5: the open-data CSV of deliberations.
//!
//! The schema (OpenDataFrance, `scdl/deliberations` on schema.data.gouv.fr)
//! has 17 columns in a fixed order, [`COLUMNS`]; seven are mandatory,
//! [`MANDATORY`]. One row per deliberation, UTF-8, a header row, quoted by
//! the `csv` crate where needed.
//!
//! Each column comes from a stated fact of the record, never from a guess:
//!
//! | column | from |
//! |---|---|
//! | `COLL_NOM` | `body.name` |
//! | `COLL_SIRET` | `body.siret` (the SIRET written in the document), empty when none |
//! | `DELIB_ID` | `act.number` |
//! | `DELIB_DATE` | `session.date` |
//! | `DELIB_MATIERE_CODE`, `DELIB_MATIERE_NOM` | empty: `registre/1` has no matière yet |
//! | `DELIB_OBJET` | `act.title` |
//! | `BUDGET_ANNEE`, `BUDGET_NOM` | empty |
//! | `PREF_ID` | `PREF` + the département on three characters ([`pref_id`]), from `body.department`, else from the @ctes id |
//! | `PREF_DATE` | `transmission.received_on` |
//! | `VOTE_EFFECTIF` | `attendance.stated.in_office`, else the [`CouncilSize`] fallback when one is given |
//! | `VOTE_REEL` | present + represented ([`vote_reel`]) |
//! | `VOTE_POUR` | `vote.for`: empty when the document gives no figure, even for a unanimous vote |
//! | `VOTE_CONTRE`, `VOTE_ABSTENTION` | `vote.against`, `vote.abstain`; 0 for a unanimous vote that states none |
//! | `DELIB_URL` | empty |
//!
//! `VOTE_POUR` stays empty for a unanimous vote without a figure because
//! the number of votes cast is not written: present + represented is an
//! upper bound (members may leave the room or not take part), and an
//! open-data row should not publish a derived count as a stated one.
//!
//! A record of kind `delegated_decision` (a decision the maire took under
//! delegation) is not a deliberation of the council: it gets no row, and a
//! [`Notice`] says so. An error record gets no row either, only a notice.
//! Each row whose mandatory columns are not all filled yields one notice
//! naming them.

use super::{Notice, Sink, attendance_counts, csv_to_io};
use crate::model::{ActKind, Attendance, Date, Deliberation, ErrorRecord};
use std::io::{self, Write};

/// The 17 columns of SCDL Délibérations 2.1.5, in schema order.
pub const COLUMNS: [&str; 17] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
    "BUDGET_ANNEE",
    "BUDGET_NOM",
    "PREF_ID",
    "PREF_DATE",
    "VOTE_EFFECTIF",
    "VOTE_REEL",
    "VOTE_POUR",
    "VOTE_CONTRE",
    "VOTE_ABSTENTION",
    "DELIB_URL",
];

/// The columns the schema marks mandatory.
pub const MANDATORY: [&str; 7] = [
    "COLL_NOM",
    "COLL_SIRET",
    "DELIB_ID",
    "DELIB_DATE",
    "DELIB_MATIERE_CODE",
    "DELIB_MATIERE_NOM",
    "DELIB_OBJET",
];

/// A fallback for `VOTE_EFFECTIF` when the document does not state the
/// members in office: typically the legal council size of the commune
/// (CGCT L2121-2) from a reference table.
pub type CouncilSize = fn(&Deliberation) -> Option<u32>;

/// One SCDL row, typed; [`ScdlRow::fields`] gives the cells as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScdlRow {
    /// `COLL_NOM`: the body's name.
    pub coll_nom: Option<String>,
    /// `COLL_SIRET`: the SIRET written in the document, spaces removed.
    pub coll_siret: Option<String>,
    /// `DELIB_ID`: the act number.
    pub delib_id: Option<String>,
    /// `DELIB_DATE`: the session date.
    pub delib_date: Option<Date>,
    /// `DELIB_MATIERE_CODE`: ACTES nomenclature code (`8.4`); not extracted yet.
    pub delib_matiere_code: Option<String>,
    /// `DELIB_MATIERE_NOM`: ACTES nomenclature label; not extracted yet.
    pub delib_matiere_nom: Option<String>,
    /// `DELIB_OBJET`: the title.
    pub delib_objet: Option<String>,
    /// `BUDGET_ANNEE`: not extracted.
    pub budget_annee: Option<String>,
    /// `BUDGET_NOM`: not extracted.
    pub budget_nom: Option<String>,
    /// `PREF_ID`: `PREF` and the département on three characters.
    pub pref_id: Option<String>,
    /// `PREF_DATE`: date of receipt by the prefecture.
    pub pref_date: Option<Date>,
    /// `VOTE_EFFECTIF`: members in office (stated, else the fallback).
    pub vote_effectif: Option<u32>,
    /// `VOTE_REEL`: present + represented.
    pub vote_reel: Option<u32>,
    /// `VOTE_POUR`: votes for, as stated.
    pub vote_pour: Option<u32>,
    /// `VOTE_CONTRE`: votes against (0 for a unanimous vote that states none).
    pub vote_contre: Option<u32>,
    /// `VOTE_ABSTENTION`: abstentions (0 for a unanimous vote that states none).
    pub vote_abstention: Option<u32>,
    /// `DELIB_URL`: not known to the extractor.
    pub delib_url: Option<String>,
}

impl ScdlRow {
    /// The row for a record; `council_size` supplies `VOTE_EFFECTIF` when
    /// the document does not state the members in office.
    ///
    /// ```
    /// use registre::export::ScdlRow;
    /// use registre::model::{Date, Deliberation};
    ///
    /// let mut r = Deliberation::default();
    /// r.body.name = Some("Commune de Valbrune".into());
    /// r.body.department = Some("2A".into());
    /// r.act.number = Some("DCM-2024-031".into());
    /// r.session.date = Date::new(2024, 3, 14);
    /// r.vote.unanimous = true;
    ///
    /// let row = ScdlRow::from_record(&r, Some(|_| Some(19)));
    /// assert_eq!(row.pref_id.as_deref(), Some("PREF02A"));
    /// assert_eq!(row.vote_effectif, Some(19));
    /// assert_eq!(row.vote_contre, Some(0));
    /// assert_eq!(row.vote_pour, None);
    /// assert_eq!(row.fields()[3], "2024-03-14");
    /// ```
    pub fn from_record(r: &Deliberation, council_size: Option<CouncilSize>) -> ScdlRow {
        let unanimous_zero = r.vote.unanimous.then_some(0);
        let department = r.body.department.as_deref().or(r
            .transmission
            .actes
            .as_ref()
            .map(|a| a.department.as_str()));
        ScdlRow {
            coll_nom: non_empty(r.body.name.as_deref()),
            coll_siret: r
                .body
                .siret
                .as_deref()
                .map(|s| s.split_whitespace().collect::<String>())
                .filter(|s| !s.is_empty()),
            delib_id: non_empty(r.act.number.as_deref()),
            delib_date: r.session.date,
            delib_matiere_code: None,
            delib_matiere_nom: None,
            delib_objet: non_empty(r.act.title.as_deref()),
            budget_annee: None,
            budget_nom: None,
            pref_id: department.and_then(pref_id),
            pref_date: r.transmission.received_on,
            vote_effectif: r
                .attendance
                .stated
                .in_office
                .or_else(|| council_size.and_then(|f| f(r))),
            vote_reel: vote_reel(&r.attendance),
            vote_pour: r.vote.for_,
            vote_contre: r.vote.against.or(unanimous_zero),
            vote_abstention: r.vote.abstain.or(unanimous_zero),
            delib_url: None,
        }
    }

    /// The 17 cells in [`COLUMNS`] order; an unknown value is empty.
    pub fn fields(&self) -> [String; 17] {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        let d = |v: &Option<Date>| v.map(|d| d.to_string()).unwrap_or_default();
        let n = |v: &Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
        [
            s(&self.coll_nom),
            s(&self.coll_siret),
            s(&self.delib_id),
            d(&self.delib_date),
            s(&self.delib_matiere_code),
            s(&self.delib_matiere_nom),
            s(&self.delib_objet),
            s(&self.budget_annee),
            s(&self.budget_nom),
            s(&self.pref_id),
            d(&self.pref_date),
            n(&self.vote_effectif),
            n(&self.vote_reel),
            n(&self.vote_pour),
            n(&self.vote_contre),
            n(&self.vote_abstention),
            s(&self.delib_url),
        ]
    }

    /// The mandatory columns this row leaves empty, in schema order.
    pub fn missing_mandatory(&self) -> Vec<&'static str> {
        let fields = self.fields();
        COLUMNS
            .iter()
            .zip(fields.iter())
            .filter(|(c, v)| MANDATORY.contains(c) && v.is_empty())
            .map(|(c, _)| *c)
            .collect()
    }

    /// What a publisher should know about this row: empty mandatory
    /// columns, a `COLL_SIRET` that is not 14 digits.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let missing = self.missing_mandatory();
        if !missing.is_empty() {
            out.push(format!(
                "SCDL mandatory column(s) left empty: {}",
                missing.join(", ")
            ));
        }
        if let Some(siret) = &self.coll_siret
            && (siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit())) {
                out.push(format!("COLL_SIRET {siret:?} is not 14 digits"));
            }
        out
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// `PREF` and the département code on three characters: `"66"` →
/// `PREF066`, `"2A"` → `PREF02A`, `"974"` → `PREF974`, `"066"` (as in an
/// @ctes id) → `PREF066`. `None` for anything that is not a département
/// code.
///
/// ```
/// use registre::export::scdl::pref_id;
/// assert_eq!(pref_id("66").as_deref(), Some("PREF066"));
/// assert_eq!(pref_id("2b").as_deref(), Some("PREF02B"));
/// assert_eq!(pref_id("974").as_deref(), Some("PREF974"));
/// assert_eq!(pref_id("Pyrénées"), None);
/// ```
pub fn pref_id(department: &str) -> Option<String> {
    let d = department.trim().to_ascii_uppercase();
    let b = d.as_bytes();
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let code = match b.len() {
        1 | 2 if digits(b) => format!("{d:0>3}"),
        2 if b[0] == b'2' && matches!(b[1], b'A' | b'B') => format!("0{d}"),
        3 if digits(b) => d.clone(),
        3 if b[0] == b'0' && b[1] == b'2' && matches!(b[2], b'A' | b'B') => d.clone(),
        _ => return None,
    };
    (code != "000").then(|| format!("PREF{code}"))
}

/// Members who took part: present + represented.
///
/// The lists count when the present list is known (an empty proxy list then
/// means no proxy, unless a count of proxies is stated); otherwise the
/// stated counts; otherwise the stated number of voters (votants). `None`
/// when neither is known.
pub fn vote_reel(a: &Attendance) -> Option<u32> {
    match attendance_counts(a) {
        (Some(p), Some(r)) => p.checked_add(r),
        _ => a.stated.voting,
    }
}

/// The SCDL CSV sink.
///
/// ```
/// use registre::export::{Scdl, Sink};
/// use registre::model::Deliberation;
///
/// let mut r = Deliberation::default();
/// r.body.name = Some("Commune de Valbrune".into());
/// r.act.title = Some("Tarifs, cantine; 2024".into());
/// let mut out = Vec::new();
/// let mut sink = Scdl::new(&mut out);
/// sink.begin()?;
/// sink.record(&r)?;
/// sink.finish()?;
/// assert_eq!(sink.take_notices().len(), 1); // mandatory columns missing
/// drop(sink);
/// let text = String::from_utf8(out).unwrap();
/// let mut lines = text.lines();
/// assert!(lines.next().unwrap().starts_with("COLL_NOM,COLL_SIRET,DELIB_ID,"));
/// assert_eq!(lines.next(), Some("Commune de Valbrune,,,,,,\"Tarifs, cantine; 2024\",,,,,,,,,,"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Scdl<W: Write> {
    out: csv::Writer<W>,
    council_size: Option<CouncilSize>,
    notices: Vec<Notice>,
    header_written: bool,
}

impl<W: Write> Scdl<W> {
    /// An SCDL writer with `,` as delimiter and no council-size fallback.
    pub fn new(out: W) -> Self {
        Self::with_delimiter(out, b',')
    }

    /// An SCDL writer with another delimiter (`;` is common in French
    /// open-data portals).
    pub fn with_delimiter(out: W, delimiter: u8) -> Self {
        Scdl {
            out: csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(out),
            council_size: None,
            notices: Vec::new(),
            header_written: false,
        }
    }

    /// Uses `f` for `VOTE_EFFECTIF` when the document does not state the
    /// members in office.
    pub fn council_size(mut self, f: CouncilSize) -> Self {
        self.council_size = Some(f);
        self
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.out.write_record(COLUMNS).map_err(csv_to_io)?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for Scdl<W> {
    fn begin(&mut self) -> io::Result<()> {
        self.header()
    }

    fn record(&mut self, r: &Deliberation) -> io::Result<()> {
        self.header()?;
        let notice = |message: String| Notice {
            path: r.source.path.clone(),
            index: r.source.index,
            message,
        };
        if r.act.kind == ActKind::DelegatedDecision {
            self.notices.push(notice(
                "no SCDL row: a decision under delegation is not a deliberation".into(),
            ));
            return Ok(());
        }
        let row = ScdlRow::from_record(r, self.council_size);
        self.out.write_record(row.fields()).map_err(csv_to_io)?;
        let label = row
            .delib_id
            .as_deref()
            .map(|id| format!("{id}: "))
            .unwrap_or_default();
        for p in row.problems() {
            self.notices.push(notice(format!("{label}{p}")));
        }
        Ok(())
    }

    fn error(&mut self, e: &ErrorRecord) -> io::Result<()> {
        self.header()?;
        self.notices.push(Notice {
            path: e.source.path.clone(),
            index: e.source.index,
            message: format!(
                "no SCDL row: {}: {}",
                e.error.kind.as_str(),
                e.error.message
            ),
        });
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.flush()
    }

    fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActesParts, ErrorInfo, ErrorKind, Person, Represented, SCHEMA, Source};

    fn person(given: &str, family: &str) -> Person {
        Person {
            title: None,
            given_name: Some(given.into()),
            family_name: Some(family.into()),
        }
    }

    fn sample() -> Deliberation {
        let mut r = Deliberation::default();
        r.source.path = "valbrune.txt".into();
        r.body.name = Some("Commune de Valbrune".into());
        r.body.siret = Some("21990001200017".into());
        r.body.department = Some("99".into());
        r.act.number = Some("2024-15".into());
        r.act.title = Some("Tarifs de la cantine".into());
        r.session.date = Date::new(2024, 3, 14);
        r.transmission.received_on = Date::new(2024, 3, 20);
        r.attendance.present = vec![
            person("Anne", "ROCHE"),
            person("Paul", "VIDAL"),
            person("Lise", "MARTY"),
        ];
        r.attendance.represented = vec![Represented {
            principal: person("Marc", "BRUN"),
            proxy: Some(person("Anne", "ROCHE")),
        }];
        r.attendance.stated.in_office = Some(5);
        r.vote.for_ = Some(3);
        r.vote.against = Some(1);
        r.vote.abstain = Some(0);
        r
    }

    #[test]
    fn row_maps_every_stated_fact() {
        let row = ScdlRow::from_record(&sample(), None);
        let f = row.fields();
        assert_eq!(f[0], "Commune de Valbrune");
        assert_eq!(f[1], "21990001200017");
        assert_eq!(f[2], "2024-15");
        assert_eq!(f[3], "2024-03-14");
        assert_eq!(f[4], "");
        assert_eq!(f[5], "");
        assert_eq!(f[6], "Tarifs de la cantine");
        assert_eq!(f[9], "PREF099");
        assert_eq!(f[10], "2024-03-20");
        assert_eq!(f[11], "5");
        assert_eq!(f[12], "4");
        assert_eq!(
            (f[13].as_str(), f[14].as_str(), f[15].as_str()),
            ("3", "1", "0")
        );
        assert_eq!(f[16], "");
        assert_eq!(
            row.missing_mandatory(),
            vec!["DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM"]
        );
    }

    #[test]
    fn stated_in_office_wins_over_the_fallback() {
        let row = ScdlRow::from_record(&sample(), Some(|_| Some(99)));
        assert_eq!(row.vote_effectif, Some(5));
        let mut r = sample();
        r.attendance.stated.in_office = None;
        assert_eq!(
            ScdlRow::from_record(&r, Some(|_| Some(99))).vote_effectif,
            Some(99)
        );
        assert_eq!(ScdlRow::from_record(&r, None).vote_effectif, None);
    }

    #[test]
    fn unanimity_without_figure_leaves_for_empty() {
        let mut r = sample();
        r.vote = crate::model::Vote {
            unanimous: true,
            ..Default::default()
        };
        let row = ScdlRow::from_record(&r, None);
        assert_eq!(
            (row.vote_pour, row.vote_contre, row.vote_abstention),
            (None, Some(0), Some(0))
        );
        r.vote.abstain = Some(2);
        r.vote.for_ = Some(2);
        let row = ScdlRow::from_record(&r, None);
        assert_eq!(
            (row.vote_pour, row.vote_contre, row.vote_abstention),
            (Some(2), Some(0), Some(2))
        );
    }

    #[test]
    fn not_unanimous_unknown_counts_stay_empty() {
        let mut r = sample();
        r.vote = crate::model::Vote::default();
        let row = ScdlRow::from_record(&r, None);
        assert_eq!(
            (row.vote_pour, row.vote_contre, row.vote_abstention),
            (None, None, None)
        );
    }

    #[test]
    fn pref_id_pads_and_rejects() {
        assert_eq!(pref_id("66").as_deref(), Some("PREF066"));
        assert_eq!(pref_id("066").as_deref(), Some("PREF066"));
        assert_eq!(pref_id("1").as_deref(), Some("PREF001"));
        assert_eq!(pref_id("2A").as_deref(), Some("PREF02A"));
        assert_eq!(pref_id("02b").as_deref(), Some("PREF02B"));
        assert_eq!(pref_id(" 974 ").as_deref(), Some("PREF974"));
        assert_eq!(pref_id(""), None);
        assert_eq!(pref_id("0"), None);
        assert_eq!(pref_id("2C"), None);
        assert_eq!(pref_id("6600"), None);
        assert_eq!(pref_id("é6"), None);
    }

    #[test]
    fn pref_id_falls_back_to_the_actes_department() {
        let mut r = sample();
        r.body.department = None;
        assert_eq!(ScdlRow::from_record(&r, None).pref_id, None);
        r.transmission.actes = Some(ActesParts {
            department: "034".into(),
            siren: "219900012".into(),
            date: None,
            internal_id: "1".into(),
            nature: "DE".into(),
        });
        assert_eq!(
            ScdlRow::from_record(&r, None).pref_id.as_deref(),
            Some("PREF034")
        );
    }

    #[test]
    fn vote_reel_prefers_lists_then_stated_counts_then_voters() {
        let r = sample();
        assert_eq!(vote_reel(&r.attendance), Some(4));
        let mut a = r.attendance.clone();
        a.represented.clear();
        assert_eq!(vote_reel(&a), Some(3));
        a.stated.represented = Some(2);
        assert_eq!(vote_reel(&a), Some(5));
        let mut a = Attendance::default();
        assert_eq!(vote_reel(&a), None);
        a.stated.present = Some(20);
        assert_eq!(vote_reel(&a), None);
        a.stated.voting = Some(23);
        assert_eq!(vote_reel(&a), Some(23));
        a.stated.represented = Some(4);
        assert_eq!(vote_reel(&a), Some(24));
    }

    #[test]
    fn problems_name_missing_columns_and_bad_siret() {
        let mut r = Deliberation::default();
        r.body.siret = Some("2166 0136 9".into());
        let row = ScdlRow::from_record(&r, None);
        assert_eq!(row.coll_siret.as_deref(), Some("216601369"));
        let p = row.problems();
        assert_eq!(p.len(), 2);
        assert!(
            p[0].contains(
                "COLL_NOM, DELIB_ID, DELIB_DATE, DELIB_MATIERE_CODE, DELIB_MATIERE_NOM, DELIB_OBJET"
            ),
            "{}",
            p[0]
        );
        assert!(p[1].contains("not 14 digits"));
    }

    #[test]
    fn sink_writes_header_rows_and_notices() {
        let mut out = Vec::new();
        let mut s = Scdl::with_delimiter(&mut out, b';');
        s.begin().unwrap();
        s.record(&sample()).unwrap();
        let mut d = sample();
        d.act.kind = ActKind::DelegatedDecision;
        s.record(&d).unwrap();
        s.error(&ErrorRecord {
            schema: SCHEMA.into(),
            source: Source {
                path: "scan.pdf".into(),
                ..Source::default()
            },
            error: ErrorInfo {
                kind: ErrorKind::NoText,
                message: "no text layer".into(),
            },
        })
        .unwrap();
        s.finish().unwrap();
        let notices = s.take_notices();
        assert!(s.take_notices().is_empty());
        drop(s);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert_eq!(lines[0], COLUMNS.join(";"));
        assert_eq!(
            lines[1],
            "Commune de Valbrune;21990001200017;2024-15;2024-03-14;;;Tarifs de la cantine;;;PREF099;2024-03-20;5;4;3;1;0;"
        );
        assert_eq!(notices.len(), 3);
        assert_eq!(notices[0].path, "valbrune.txt");
        assert!(notices[0].message.starts_with("2024-15: SCDL mandatory"));
        assert!(notices[1].message.contains("delegation"));
        assert!(notices[2].message.contains("no_text"));
    }

    #[test]
    fn empty_output_still_has_a_header() {
        let mut out = Vec::new();
        let mut s = Scdl::new(&mut out);
        s.finish().unwrap();
        drop(s);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("{}\n", COLUMNS.join(","))
        );
    }

    proptest::proptest! {
        #[test]
        fn pref_id_never_panics_and_has_seven_chars(d in "\\PC{0,5}") {
            if let Some(p) = pref_id(&d) {
                proptest::prop_assert!(p.starts_with("PREF") && p.len() == 7, "{p}");
            }
        }

        #[test]
        fn any_text_round_trips_through_the_csv(name in "\\PC*", title in ".*", number in "[^\\x00]*") {
            let mut r = sample();
            r.body.name = Some(name);
            r.act.title = Some(title);
            r.act.number = Some(number);
            let row = ScdlRow::from_record(&r, None);
            let mut out = Vec::new();
            let mut s = Scdl::with_delimiter(&mut out, b';');
            s.record(&r).unwrap();
            s.finish().unwrap();
            drop(s);
            let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(out.as_slice());
            let records: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
            proptest::prop_assert_eq!(records.len(), 1);
            let read: Vec<&str> = records[0].iter().collect();
            let fields = row.fields();
            let want: Vec<&str> = fields.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(read, want);
        }
    }
}
