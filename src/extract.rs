//! Assembles the facts the parsers find into `registre/1` records.
//!
//! A document is normalized once; the session header and the opening
//! attendance are read once and shared by every deliberation; the
//! segmenter splits the text into items, and each item gets its own act,
//! vote, amounts, identifiers and transmission. Audit checks are added last.

use crate::model::*;
use crate::normalize::{Normalized, normalize};
use crate::parse;
use std::ops::Range;

/// What the caller knows about the input.
#[derive(Clone, Debug, Default)]
pub struct SourceMeta {
    pub path: String,
    pub sha256: String,
    pub format: Format,
    /// 1-based line at which each page starts (PDF input); empty otherwise.
    pub page_starts: Vec<u32>,
}

impl SourceMeta {
    /// The 1-based page holding a 1-based line, when pages are known.
    pub fn page_of(&self, line: u32) -> Option<u32> {
        if self.page_starts.is_empty() {
            return None;
        }
        let i = self.page_starts.partition_point(|&s| s <= line);
        Some(i.max(1) as u32)
    }
}

/// Extracts the deliberations of a text.
pub fn extract(text: &str) -> Vec<Deliberation> {
    extract_with(text, &SourceMeta::default())
}

/// Extracts the deliberations of a text, with what is known of its source.
pub fn extract_with(text: &str, meta: &SourceMeta) -> Vec<Deliberation> {
    let norm = normalize(text);
    let doc = Document::read(&norm, meta);
    let mut records: Vec<Deliberation> = doc.items.iter().enumerate().map(|(i, item)| doc.record(i, item)).collect();
    let count = records.len();
    for r in &mut records {
        r.source.count = Some(count);
    }
    crate::audit::audit_all(&mut records, &norm);
    records
}

/// A normalized document and its session-level facts.
struct Document<'a> {
    norm: &'a Normalized,
    meta: &'a SourceMeta,
    header: parse::header::SessionHeader,
    attendance: Option<parse::attendance::AttendanceMatch>,
    items: Vec<parse::segment::Item>,
}

impl<'a> Document<'a> {
    fn read(norm: &'a Normalized, meta: &'a SourceMeta) -> Self {
        let text = norm.text.as_str();
        Document {
            norm,
            meta,
            header: parse::header::parse_session_header(text),
            attendance: parse::attendance::find_attendance(text),
            items: parse::segment::segment(text),
        }
    }

    fn line(&self, offset: usize) -> u32 {
        self.norm.line_of(offset)
    }

    /// The text range whose amounts and identifiers belong to item `i`:
    /// the first item also takes what precedes it.
    fn facts_range(&self, i: usize, item: &parse::segment::Item) -> Range<usize> {
        if i == 0 { 0..item.span.end } else { item.span.clone() }
    }

    fn record(&self, i: usize, item: &parse::segment::Item) -> Deliberation {
        let text = self.norm.text.as_str();
        let mut r = Deliberation::default();
        r.source = Source {
            path: self.meta.path.clone(),
            sha256: self.meta.sha256.clone(),
            format: self.meta.format,
            index: i,
            page: self.meta.page_of(self.line(item.span.start)),
            count: None,
        };
        let h = &self.header;
        r.body = Body {
            name: h.body_name.as_ref().map(|s| s.value.clone()),
            kind: h.body_kind,
            ..Body::default()
        };
        r.session = Session {
            assembly: h.assembly,
            date: h.date.as_ref().map(|d| d.value),
            time: h.time,
            convened_on: h.convened_on.as_ref().map(|d| d.value),
            place: h.place.clone(),
            chair: h.chair.clone(),
            line: h.date.as_ref().map(|d| self.line(d.span.start)),
        };
        if let Some(a) = &self.attendance {
            r.attendance = a.attendance.clone();
            r.attendance.line = Some(self.line(a.span.start));
        }
        r.act = Act {
            kind: ActKind::Deliberation,
            number: item.number.clone(),
            title: item.title.as_ref().map(|t| t.value.clone()),
            rapporteur: None,
            line: Some(self.line(item.span.start)),
        };
        let body = &text[item.span.clone()];
        if let Some(v) = parse::vote::find_vote(body) {
            let v = v.shifted(item.span.start);
            r.vote = v.value;
            r.vote.line = Some(self.line(v.span.start));
        }
        let fr = self.facts_range(i, item);
        self.facts(&text[fr.clone()], fr.start, &mut r);
        r
    }

    /// Amounts, identifiers, establishments and transmission of a range.
    fn facts(&self, text: &str, base: usize, r: &mut Deliberation) {
        for a in parse::amounts::find_amounts(text) {
            let span = a.span.start + base..a.span.end + base;
            let line = self.line(span.start);
            r.amounts.push(Amount {
                cents: a.cents,
                currency: "EUR".into(),
                tax: a.tax,
                text: self.norm.text[span].to_string(),
                line,
                page: self.meta.page_of(line),
            });
        }
        for e in parse::identifiers::find_establishments(text) {
            r.establishments.push(Establishment {
                uai: e.uai,
                name: e.name,
                kind: e.kind,
                town: e.town,
                department: e.department,
                check_ok: e.check_ok,
                line: self.line(e.span.start + base),
            });
        }
        for id in parse::identifiers::find_identifiers(text) {
            let line = self.line(id.span.start + base);
            if id.kind == IdentifierKind::Actes && r.transmission.actes_id.is_none() {
                r.transmission.actes_id = Some(text[id.span.clone()].to_string());
                r.transmission.actes = parse::identifiers::parse_actes_id(&id.value);
                r.transmission.line = Some(line);
            }
            r.identifiers.push(Identifier {
                kind: id.kind,
                value: id.value,
                check_ok: id.check_ok,
                line,
                repaired_from: None,
            });
        }
    }
}
