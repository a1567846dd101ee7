//! Identifiers: UAI, SIREN, SIRET, @ctes ids; establishments.

use crate::model::{ActesParts, EstablishmentKind, IdentifierKind};
use std::ops::Range;

#[derive(Clone, Debug, PartialEq)]
pub struct IdMatch {
    pub kind: IdentifierKind,
    /// Canonical form.
    pub value: String,
    pub check_ok: Option<bool>,
    pub span: Range<usize>,
}

/// Every identifier in `text`, in order.
pub fn find_identifiers(_text: &str) -> Vec<IdMatch> {
    Vec::new()
}

/// The parts of an @ctes id (a trailing `-1-1` file suffix ignored).
pub fn parse_actes_id(_s: &str) -> Option<ActesParts> {
    None
}

#[derive(Clone, Debug, PartialEq)]
pub struct EstablishmentMatch {
    pub uai: String,
    pub name: Option<String>,
    pub kind: Option<EstablishmentKind>,
    pub town: Option<String>,
    pub department: Option<String>,
    pub check_ok: bool,
    pub span: Range<usize>,
}

/// Every establishment named with its UAI in `text`, in order.
pub fn find_establishments(_text: &str) -> Vec<EstablishmentMatch> {
    Vec::new()
}
