//! Votes: outcome, unanimity, counts for, against, abstaining, not voting.

use crate::model::Vote;
use super::Spanned;

/// The vote stated in the text of one deliberation.
pub fn find_vote(_text: &str) -> Option<Spanned<Vote>> {
    None
}
