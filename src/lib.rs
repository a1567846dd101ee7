//! registre — reads French local-government deliberations and turns them
//! into structured, audited `registre/1` records.
//!
//! The pipeline, one module per stage:
//! - [`load`]: bytes → text (encodings, PDF, page map);
//! - [`normalize`]: OCR and markdown clean-up with a map back to source lines;
//! - [`parse`]: nom parsers over `&str`, returning values with byte spans;
//! - [`extract`](mod@extract): assembles parsed facts into [`model::Deliberation`] records;
//! - [`audit`]: one pure function per cross-check, results in `checks`;
//! - [`reference`](mod@reference): embedded commune table (INSEE, SIREN, population);
//! - [`batch`]: many inputs in parallel, ordered output, error records;
//! - [`export`]: output sinks (JSON Lines, flat CSV, SCDL Délibérations) and
//!   the JSON Schema of `registre/1`.
//!
//! ```
//! let text = "CONSEIL MUNICIPAL\nDELIBERATION N° 2024-12\nObjet : Tarifs de la cantine\n\
//!             Le Conseil Municipal adopte à l'unanimité.";
//! let records = registre::extract(text);
//! assert_eq!(records.len(), 1);
//! assert_eq!(records[0].act.number.as_deref(), Some("2024-12"));
//! ```

pub mod audit;
pub mod batch;
mod decimal;
pub mod export;
pub mod extract;
pub mod load;
pub mod model;
pub mod normalize;
pub mod parse;
pub mod reference;

pub use extract::{SourceMeta, extract, extract_with};
pub use model::Deliberation;
