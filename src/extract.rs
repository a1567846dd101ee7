//! Assembles the facts the parsers find into `registre/1` records.
//!
//! A document is normalized once; the session header and the opening
//! attendance are read once and shared by every deliberation; the
//! segmenter splits the text into items, and each item gets its own act,
//! vote, amounts, identifiers and transmission. Audit checks are added last.

use crate::model::*;
use crate::normalize::{Folded, Normalized, normalize};
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
    let mut doc = Document::read(&norm, meta);
    let n = doc.items.len();
    let mut records: Vec<Deliberation> = Vec::with_capacity(n);
    // The opening attendance, shared by the records of the sitting: a
    // record copies it only when an arrival or a departure changes it.
    let opening = doc.opening_attendance();
    for i in 0..n {
        records.push(doc.record(i, &doc.items[i], opening.clone()));
    }
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
    /// Counts stated without any list of names.
    stated: Stated,
    /// Arrivals and departures during the session, in text order.
    changes: Vec<parse::Spanned<parse::attendance::AttendanceChange>>,
    items: Vec<parse::segment::Item>,
    /// Every vote statement of the text, found once.
    statements: Vec<parse::Spanned<Vote>>,
    /// The fold of the whole text, shared by the readers.
    fold: Folded,
}

impl<'a> Document<'a> {
    fn read(norm: &'a Normalized, meta: &'a SourceMeta) -> Self {
        let text = norm.text.as_str();
        // One fold of the whole text for the vote, attendance and header
        // readers.
        let fold = Folded::new(text);
        // The line ranges of the text and of its fold, read by both the
        // vote reader and the segmenter.
        let doc_lines = parse::segment::DocLines::new(text, &fold);
        let statements = parse::vote::find_vote_statements_lines(text, &fold, &doc_lines);
        let attendance = parse::attendance::find_attendance_with(text, &fold);
        let header = parse::header::parse_session_header_with(text, &fold);
        let stated = if attendance.is_none() { parse::attendance::find_stated_counts(text) } else { Stated::default() };
        let changes = parse::attendance::find_attendance_changes_with(text, &fold);
        let items = parse::segment::segment_lines(text, &fold, &doc_lines, &statements);
        Document { norm, meta, header, stated, attendance, changes, items, statements, fold }
    }

    fn line(&self, offset: usize) -> u32 {
        self.norm.line_of(offset)
    }

    /// The text range whose amounts and identifiers belong to item `i`:
    /// from its start to the next item's (the text between two items goes
    /// with the first); the first item also takes what precedes it.
    fn facts_range(&self, i: usize, item: &parse::segment::Item) -> Range<usize> {
        let start = if i == 0 { 0 } else { item.span.start };
        let end = self.items.get(i + 1).map(|n| n.span.start).unwrap_or(self.norm.text.len()).max(item.span.end);
        start..end.max(start)
    }

    /// The opening attendance of the sitting with its line, taken out of
    /// [`Document::attendance`] (whose span stays) to be shared by the
    /// records.
    fn opening_attendance(&mut self) -> Option<Shared<Attendance>> {
        let a = self.attendance.as_mut()?;
        let mut opening = std::mem::take(&mut a.attendance);
        opening.line = Some(self.norm.line_of(a.span.start));
        Some(Shared::new(opening))
    }

    /// The record of item `i`; `opening` is the opening attendance
    /// ([`Document::opening_attendance`]).
    fn record(&self, i: usize, item: &parse::segment::Item, opening: Option<Shared<Attendance>>) -> Deliberation {
        let text = self.norm.text.as_str();
        let mut r = Deliberation {
            source: Source {
                path: self.meta.path.clone(),
                sha256: self.meta.sha256.clone(),
                format: self.meta.format,
                index: i,
                page: self.meta.page_of(self.line(item.span.start)),
                count: None,
            },
            ..Deliberation::default()
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
            chair: h.chair.as_ref().map(|c| c.value.clone()),
            line: h.date.as_ref().map(|d| self.line(d.span.start)),
        };
        if let Some(opening) = opening {
            r.attendance = opening;
        } else {
            r.attendance.stated = self.stated;
        }
        self.apply_changes(item, &h.chair, &mut r);
        let body = &text[item.span.clone()];
        let vote = parse::vote::find_vote_in(text, item.span.clone(), &self.statements);
        // An act heading's title first, then "Objet :", then the agenda
        // heading, then the paragraph after the attendance.
        let title = match item.anchor {
            parse::segment::Anchor::Act | parse::segment::Anchor::Decision => item.title.clone().or_else(|| self.object_title(item)),
            _ => self.object_title(item).or_else(|| item.title.clone()),
        }
        .or_else(|| self.fallback_title(item));
        let rapporteur = parse::header::find_rapporteur(body).map(|p| p.value);
        r.act = Act {
            kind: parse::kind::act_kind_folded(
                body,
                |r| self.fold.slice(item.span.start + r.start..item.span.start + r.end).text,
                title.as_ref().map(|t| t.value.as_str()),
                vote.as_ref().map(|v| &v.value),
                item.anchor,
            ),
            number: item.number.clone(),
            title: title.map(|t| t.value),
            rapporteur,
            line: Some(self.line(item.heading.as_ref().map(|h| h.start).unwrap_or(item.span.start))),
        };
        if let Some(v) = vote {
            r.vote = v.value;
            r.vote.line = Some(self.line(v.span.start));
        }
        if r.act.kind == ActKind::Noted {
            r.vote.outcome = None;
        }
        if r.act.kind == ActKind::Election {
            r.election = parse::election::find_election(body).map(|e| e.value);
            // Ballots are results of the election, not a vote for or against.
            if r.election.is_some() {
                r.vote = Vote::default();
            }
        }
        if r.act.kind == ActKind::DelegatedDecision && item.anchor == parse::segment::Anchor::Decision {
            r.vote = Vote::default();
        }
        let fr = self.facts_range(i, item);
        self.facts(&text[fr.clone()], fr.start, &mut r);
        r.body.siret = self.body_siret(&r);
        // A single act without a number of its own: the number it was sent
        // under (the @ctes id's internal number) is the body's own.
        if r.act.number.is_none() && self.items.len() == 1 {
            r.act.number = r.transmission.actes.as_ref().map(|a| a.internal_id.clone());
        }
        r
    }

    /// Applies the arrivals and departures written before an item starts
    /// (after the opening attendance) to that item's attendance, with a
    /// warning for each. A change written inside an item counts from the
    /// next one: its place relative to the vote is not certain.
    fn apply_changes(&self, item: &parse::segment::Item, chair: &Option<parse::Spanned<Person>>, r: &mut Deliberation) {
        use parse::attendance::{AttendanceChange, same};
        let opening_end = self.attendance.as_ref().map(|a| a.span.end).unwrap_or(0);
        let resolve = |p: &Person| -> Person {
            match chair {
                Some(c) if parse::persons::is_office(p) => c.value.clone(),
                _ => p.clone(),
            }
        };
        for ch in self.changes.iter().filter(|c| c.span.start >= opening_end && c.span.end <= item.span.start) {
            let a = &mut r.attendance;
            let line = self.line(ch.span.start);
            match &ch.value {
                AttendanceChange::Arrival(p) => {
                    let p = resolve(p);
                    let known = a.absent.iter().chain(&a.excused).find(|q| same(q, &p)).cloned()
                        .or_else(|| a.represented.iter().find(|x| same(&x.principal, &p)).map(|x| x.principal.clone()));
                    // Only members the opening lists name: anyone else may
                    // be staff or a guest.
                    let Some(known) = known else { continue };
                    a.absent.retain(|q| !same(q, &p));
                    a.excused.retain(|q| !same(q, &p));
                    a.represented.retain(|x| !same(&x.principal, &p));
                    if !a.present.iter().any(|q| same(q, &p)) {
                        a.present.push(known);
                    }
                    r.warnings.push(Warning { kind: "attendance_change".into(), message: format!("{} arrived before this item", p.full_name()), line: Some(line) });
                }
                AttendanceChange::Departure { person, proxy } => {
                    let p = resolve(person);
                    let Some(principal) = a.present.iter().find(|q| same(q, &p)).cloned() else { continue };
                    a.present.retain(|q| !same(q, &p));
                    match proxy {
                        Some(h) => a.represented.push(Represented { principal, proxy: Some(resolve(h)) }),
                        None => a.absent.push(principal),
                    }
                    r.warnings.push(Warning { kind: "attendance_change".into(), message: format!("{} left before this item", p.full_name()), line: Some(line) });
                }
            }
        }
    }

    /// The object an item states: the text after "Objet :".
    fn object_title(&self, item: &parse::segment::Item) -> Option<parse::Spanned<String>> {
        let span = item.span.clone();
        parse::header::find_object(&self.norm.text[span.clone()]).map(|o| o.shifted(span.start))
    }

    /// A title for an item that states none: the first paragraph after the
    /// attendance block.
    fn fallback_title(&self, item: &parse::segment::Item) -> Option<parse::Spanned<String>> {
        let text = self.norm.text.as_str();
        let span = item.span.clone();
        // First paragraph after the attendance block (an extract).
        let after = self.attendance.as_ref().map(|a| a.span.end).filter(|&e| e >= span.start && e < span.end)?;
        let rest = &text[after..span.end];
        let mut lines = Vec::new();
        let mut start = None;
        let mut off = after;
        for l in rest.split_inclusive('\n') {
            let t = l.trim();
            let lf = crate::normalize::fold(t);
            let label = lf.starts_with("secretaire") || lf.contains(" expose") || lf.starts_with("rapporteur");
            if t.is_empty() || label {
                if !lines.is_empty() {
                    break;
                }
            } else {
                start.get_or_insert(off);
                lines.push(t);
                if lines.len() >= 4 {
                    break;
                }
            }
            off += l.len();
        }
        let start = start?;
        let t = lines.join(" ");
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        (t.len() > 10 && !t.ends_with(':')).then(|| parse::Spanned::new(t, start..off))
    }

    /// The SIRET the document gives for the body itself: one whose SIREN is
    /// the @ctes SIREN, or one written in the body's own block ("COMMUNE DE
    /// X / SIRET : …").
    fn body_siret(&self, r: &Deliberation) -> Option<String> {
        let sirets = || r.identifiers.iter().filter(|i| i.kind == IdentifierKind::Siret && i.check_ok == Some(true));
        if let Some(siren) = r.transmission.actes.as_ref().map(|a| a.siren.as_str())
            && let Some(id) = sirets().find(|i| i.value.starts_with(siren)) {
                return Some(id.value.clone());
            }
        sirets()
            .find(|id| {
                let from = id.line.saturating_sub(2).max(1);
                (from..=id.line).any(|l| {
                    let t = crate::normalize::fold(&self.norm.text[self.norm.line_range(l)]);
                    t.contains("commune de") || t.contains("ville de") || t.contains("mairie de") || t.contains("communaute de")
                })
            })
            .map(|id| id.value.clone())
    }

    /// Amounts, identifiers, establishments and transmission of a range.
    fn facts(&self, text: &str, base: usize, r: &mut Deliberation) {
        let amounts = parse::amounts::find_amounts(text);
        r.amounts.reserve(amounts.len());
        for a in amounts {
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
        let (ids, establishments) = parse::identifiers::find_identifiers_and_establishments(text);
        for e in establishments {
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
        // Only these two of the stamps go into the record, each searched
        // from where the fold of the range first holds one of its
        // fragments.
        let (received, posted) = parse::dates::stamp_hints(&self.fold.slice(base..base + text.len()));
        r.transmission.received_on = parse::dates::find_received_after(text, received).map(|d| d.value);
        // A posting date above the session's opening is the convocation's
        // ("Date d'affichage" beside the convocation date), not the act's.
        let opening = r.attendance.line.or(r.session.line).unwrap_or(0);
        r.transmission.posted_on = match parse::dates::find_posted_after(text, posted) {
            Some(d) if self.line(d.span.start + base) <= opening => {
                // Look again below the opening.
                let from = self.norm.line_range(opening + 1).start.saturating_sub(base).min(text.len());
                let from = (from..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
                parse::dates::find_posted(&text[from..]).map(|d| d.value)
            }
            d => d.map(|d| d.value),
        };
        for id in ids {
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
                repaired_from: id.repaired_from.clone(),
            });
            if let Some(written) = &id.repaired_from {
                r.warnings.push(Warning {
                    kind: "identifier_repaired".into(),
                    message: format!("{written} read as {} (one OCR confusion undone)", r.identifiers.last().map(|i| i.value.as_str()).unwrap_or("")),
                    line: Some(line),
                });
            }
        }
    }
}
