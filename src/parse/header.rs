//! Header: body, assembly, session date and time, convocation, place,
//! chair; act number, title and rapporteur.

use crate::model::{Assembly, BodyKind, Date, Person, Time};
use super::Spanned;

/// Session-level facts read from the opening of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionHeader {
    pub body_name: Option<Spanned<String>>,
    pub body_kind: Option<BodyKind>,
    pub assembly: Option<Assembly>,
    pub date: Option<Spanned<Date>>,
    /// The year as written in words ("L'an deux mille vingt-trois").
    pub year_in_words: Option<Spanned<u16>>,
    pub time: Option<Time>,
    pub convened_on: Option<Spanned<Date>>,
    pub posted_convocation_on: Option<Spanned<Date>>,
    pub place: Option<String>,
    pub chair: Option<Person>,
}

/// Reads the session header from the start of a document.
pub fn parse_session_header(_text: &str) -> SessionHeader {
    SessionHeader::default()
}
