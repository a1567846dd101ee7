//! Attendance: present, proxies, excused, absent, secretary, stated counts.

use crate::model::Attendance;
use std::ops::Range;

/// The attendance block at the opening of a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttendanceMatch {
    pub attendance: Attendance,
    pub span: Range<usize>,
}

/// Finds and reads the first attendance block of `text`.
pub fn find_attendance(_text: &str) -> Option<AttendanceMatch> {
    None
}
