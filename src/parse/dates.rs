//! Dates and times, in figures and in words.

use crate::model::{Date, Time};
use std::ops::Range;

/// A date at the start of `s` and the bytes it took.
pub fn parse_date(_s: &str) -> Option<(Date, usize)> {
    None
}

/// A time at the start of `s` ("17h00", "17 h 30", "dix-huit heures").
pub fn parse_time(_s: &str) -> Option<(Time, usize)> {
    None
}

/// Every date in `text`, in order.
pub fn find_dates(_text: &str) -> Vec<(Date, Range<usize>)> {
    Vec::new()
}

/// The classic opening sentence of a session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionOpening {
    pub date: Option<Date>,
    pub year_in_words: Option<u16>,
    pub time: Option<Time>,
    pub span: Range<usize>,
}

/// Finds the opening sentence ("L'an deux mille vingt-trois, le 27 septembre à 17h00").
pub fn find_session_opening(_text: &str) -> Option<SessionOpening> {
    None
}
