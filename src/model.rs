//! The serde types of the `registre/1` output contract.
//!
//! One [`Deliberation`] per deliberation; a document that cannot be read
//! becomes one [`ErrorRecord`]. Field names, order and meaning follow
//! `spec/OUTPUT.md` of the project: stated facts only, `null` (or `[]`)
//! where the document is silent, derived values under `checks`.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// The contract version written in every record.
pub const SCHEMA: &str = "registre/1";

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date when the day exists in that month (leap years included).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 0000-03-01 (proleptic Gregorian), for differences.
    pub fn day_number(self) -> i64 {
        let (y, m) = if self.month <= 2 {
            (self.year as i64 - 1, self.month as i64 + 9)
        } else {
            (self.year as i64, self.month as i64 - 3)
        };
        365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + self.day as i64 - 1
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Date::new(s[0..4].parse().ok()?, s[5..7].parse().ok()?, s[8..10].parse().ok()?)
    }
}

/// Number of days in a month of a given year.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// `YYYY-MM-DD` as bytes when the year has four digits (every real
    /// date); `None` otherwise, written through `Display`.
    pub(crate) fn iso_bytes(&self) -> Option<[u8; 10]> {
        if self.year > 9999 || self.month > 99 || self.day > 99 {
            return None;
        }
        let (y, m, d) = (self.year, self.month, self.day);
        Some([
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + m / 10,
            b'0' + m % 10,
            b'-',
            b'0' + d / 10,
            b'0' + d % 10,
        ])
    }
}

impl Serialize for Date {
    /// The `Display` form, written from a stack buffer when the year has
    /// four digits (every real date): no formatting machinery per date.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.iso_bytes() {
            Some(b) => s.serialize_str(std::str::from_utf8(&b).map_err(serde::ser::Error::custom)?),
            None => s.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

/// In the JSON Schema a date is a string of format `date` (RFC 3339
/// `full-date`), with a pattern that also holds where formats are not checked.
impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A calendar date, YYYY-MM-DD.",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

/// A time of day, written `HH:MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time {
    pub hour: u8,
    pub minute: u8,
}

impl Time {
    pub fn new(hour: u8, minute: u8) -> Option<Time> {
        (hour < 24 && minute < 60).then_some(Time { hour, minute })
    }
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

impl Serialize for Time {
    /// The `Display` form, written from a stack buffer (see `Date`).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.hour > 99 || self.minute > 99 {
            return s.collect_str(self);
        }
        let b = [b'0' + self.hour / 10, b'0' + self.hour % 10, b':', b'0' + self.minute / 10, b'0' + self.minute % 10];
        s.serialize_str(std::str::from_utf8(&b).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let s = String::deserialize(d)?;
        let (h, m) = s
            .split_once(':')
            .ok_or_else(|| serde::de::Error::custom(format!("not a time: {s}")))?;
        let (h, m) = (h.parse().ok(), m.parse().ok());
        h.zip(m)
            .and_then(|(h, m)| Time::new(h, m))
            .ok_or_else(|| serde::de::Error::custom(format!("not a time: {s}")))
    }
}

/// In the JSON Schema a time is a string `HH:MM` (24-hour clock).
impl JsonSchema for Time {
    fn schema_name() -> Cow<'static, str> {
        "Time".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A time of day, HH:MM on the 24-hour clock.",
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"
        })
    }
}

/// A value several records may hold at once: the attendance of a sitting,
/// the same for each of its deliberations. Cloning it counts a reference
/// instead of copying every name; writing through it ([`DerefMut`]) first
/// copies the value when another record holds it too (`Arc::make_mut`), so
/// each record still reads as if it owned its value. It is serialized, read
/// and described in the JSON Schema as the value itself.
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }

    /// Whether `a` and `b` are one value (not only equal ones).
    pub fn ptr_eq(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::ptr_eq(self, other) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(Shared::new)
    }
}

impl<T: JsonSchema> JsonSchema for Shared<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// One deliberation: the unit of output.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Deliberation {
    pub schema: String,
    pub source: Source,
    pub body: Body,
    pub session: Session,
    pub act: Act,
    // The records of one sitting share their opening attendance
    // (`Shared`); a record whose attendance changed holds its own copy. (A
    // plain comment: a doc comment would go into the JSON Schema.)
    pub attendance: Shared<Attendance>,
    pub vote: Vote,
    pub amounts: Vec<Amount>,
    pub establishments: Vec<Establishment>,
    pub identifiers: Vec<Identifier>,
    pub transmission: Transmission,
    /// Election or designation of persons (`act.kind` = `election`).
    pub election: Option<Election>,
    /// Audit results; always written, optional when read.
    #[serde(default)]
    pub checks: Vec<Check>,
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl Default for Deliberation {
    fn default() -> Self {
        Deliberation {
            schema: SCHEMA.to_string(),
            source: Source::default(),
            body: Body::default(),
            session: Session::default(),
            act: Act::default(),
            attendance: Shared::default(),
            vote: Vote::default(),
            amounts: Vec::new(),
            establishments: Vec::new(),
            identifiers: Vec::new(),
            transmission: Transmission::default(),
            election: None,
            checks: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// Where a record comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    pub format: Format,
    /// 0-based index of the deliberation within the document.
    pub index: usize,
    /// 1-based page of the deliberation's start, for PDFs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// Number of deliberation records the document yielded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Pdf,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    Commune,
    Epci,
    Departement,
    Region,
    Other,
}

/// The deliberating body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Body {
    pub name: Option<String>,
    pub kind: Option<BodyKind>,
    pub insee: Option<String>,
    pub siren: Option<String>,
    pub siret: Option<String>,
    pub department: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Assembly {
    ConseilMunicipal,
    ConseilCommunautaire,
    ConseilDepartemental,
    ConseilRegional,
    Bureau,
    Other,
}

/// The sitting.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Session {
    pub assembly: Option<Assembly>,
    pub date: Option<Date>,
    pub time: Option<Time>,
    pub convened_on: Option<Date>,
    pub place: Option<String>,
    pub chair: Option<Person>,
    /// Line of the session opening ("L'an deux mille …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActKind {
    #[default]
    Deliberation,
    MinutesApproval,
    Election,
    Noted,
    DelegatedDecision,
}

/// The act itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Act {
    pub kind: ActKind,
    pub number: Option<String>,
    pub title: Option<String>,
    pub rapporteur: Option<Person>,
    /// Line where the act starts (its number or title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// A person as written: civility, given name, family name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    pub title: Option<String>,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
}

impl Person {
    /// Given name and family name, space separated.
    pub fn full_name(&self) -> String {
        [self.given_name.as_deref(), self.family_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A proxy: `principal` gave a pouvoir to `proxy` (null when not named).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Represented {
    pub principal: Person,
    pub proxy: Option<Person>,
}

/// Counts the document states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Stated {
    pub in_office: Option<u32>,
    pub present: Option<u32>,
    pub represented: Option<u32>,
    pub voting: Option<u32>,
}

/// Who attended.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Attendance {
    pub present: Vec<Person>,
    pub represented: Vec<Represented>,
    pub excused: Vec<Person>,
    pub absent: Vec<Person>,
    pub secretary: Option<Person>,
    pub stated: Stated,
    /// Line of the attendance block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Adopted,
    Rejected,
}

/// The vote on the act.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Vote {
    pub outcome: Option<Outcome>,
    pub unanimous: bool,
    #[serde(rename = "for")]
    pub for_: Option<u32>,
    pub against: Option<u32>,
    pub abstain: Option<u32>,
    pub not_voting: Option<u32>,
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against_names: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub abstain_names: Vec<Person>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_voting_names: Vec<Person>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Tax {
    #[serde(rename = "TTC")]
    Ttc,
    #[serde(rename = "HT")]
    Ht,
}

/// An amount of money, exact in cents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Amount {
    pub cents: i64,
    pub currency: String,
    pub tax: Option<Tax>,
    pub text: String,
    pub line: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EstablishmentKind {
    Maternelle,
    Elementaire,
    Primaire,
    College,
    Lycee,
    Other,
}

/// An establishment identified by its UAI.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Establishment {
    pub uai: String,
    pub name: Option<String>,
    pub kind: Option<EstablishmentKind>,
    pub town: Option<String>,
    pub department: Option<String>,
    pub check_ok: bool,
    pub line: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IdentifierKind {
    Uai,
    Siren,
    Siret,
    Actes,
    Insee,
}

/// An identifier written in the text, in canonical form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Identifier {
    pub kind: IdentifierKind,
    pub value: String,
    pub check_ok: Option<bool>,
    pub line: u32,
    /// The value as written when it was repaired from one OCR confusion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repaired_from: Option<String>,
}

/// The parts of an @ctes act identifier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActesParts {
    pub department: String,
    pub siren: String,
    pub date: Option<Date>,
    pub internal_id: String,
    pub nature: String,
}

/// Transmission to the prefecture and publication.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Transmission {
    pub actes_id: Option<String>,
    pub actes: Option<ActesParts>,
    pub received_on: Option<Date>,
    pub posted_on: Option<Date>,
    /// Line of the @ctes id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// An election or designation of persons.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Election {
    /// Seats or posts to fill, when stated.
    pub seats: Option<u32>,
    pub candidates: Vec<Candidate>,
    pub blank: Option<u32>,
    pub void: Option<u32>,
    pub voting: Option<u32>,
    pub elected: Vec<Person>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Candidate {
    pub person: Person,
    pub votes: Option<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    Fail,
    Skip,
    Warn,
}

/// One audit result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Check {
    // Borrowed when static (the ids, and most messages): a record holds
    // about thirty checks.
    pub id: Cow<'static, str>,
    pub status: CheckStatus,
    pub message: Cow<'static, str>,
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<serde_json::Value>,
}

/// Something the parser was unsure of.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    pub kind: String,
    pub message: String,
    pub line: Option<u32>,
}

/// The record written for an input that yields no deliberation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorRecord {
    pub schema: String,
    pub source: Source,
    pub error: ErrorInfo,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    pub message: String,
}

/// Why an input produced no record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Empty,
    Encoding,
    Io,
    Pdf,
    NoText,
    Encrypted,
    TooLarge,
    Timeout,
    Panic,
}

impl ErrorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Empty => "empty",
            ErrorKind::Encoding => "encoding",
            ErrorKind::Io => "io",
            ErrorKind::Pdf => "pdf",
            ErrorKind::NoText => "no_text",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Panic => "panic",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_validate_and_print() {
        assert_eq!(Date::new(2023, 9, 27).unwrap().to_string(), "2023-09-27");
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert_eq!(Date::parse_iso("2023-10-04"), Date::new(2023, 10, 4));
        let d = |y, m, dd| Date::new(y, m, dd).unwrap().day_number();
        assert_eq!(d(2023, 10, 4) - d(2023, 9, 27), 7);
        assert_eq!(d(2024, 3, 1) - d(2024, 2, 28), 2);
    }

    #[test]
    fn dates_and_times_serialize_as_displayed() {
        let dates = [(2023, 9, 27), (1, 1, 1), (999, 12, 31), (9999, 1, 2), (10000, 3, 4), (65535, 99, 99), (0, 0, 0), (2024, 255, 255)];
        for (year, month, day) in dates {
            let d = Date { year, month, day };
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{d}\""));
        }
        for (hour, minute) in [(0, 0), (9, 5), (23, 59), (99, 99), (100, 7), (255, 255)] {
            let t = Time { hour, minute };
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{t}\""));
        }
    }

    #[test]
    fn vote_serializes_for_key() {
        let v = Vote { for_: Some(3), ..Vote::default() };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j["for"], 3);
        assert!(j.get("against_names").is_none());
    }
}
