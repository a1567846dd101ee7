//! Splits a document into its deliberations.

use std::ops::Range;

/// One deliberation's place in the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    /// The whole item: from its heading to the next item.
    pub span: Range<usize>,
    pub number: Option<String>,
    pub title: Option<Spanned<String>>,
}

use super::Spanned;

/// The deliberations of `text`, in order; a text without any recognisable
/// item heading is one item covering everything.
pub fn segment(text: &str) -> Vec<Item> {
    vec![Item { span: 0..text.len(), number: None, title: None }]
}
