//! The JSON Schema of `registre/1`, generated from the model types.
//!
//! The schema is derived with [`schemars`] from [`Deliberation`] and
//! [`ErrorRecord`] (draft 2020-12), so it cannot drift from the serde types;
//! `schema/registre-1.json` in the repository is a checked-in copy that a
//! test compares with [`schema_json`].
//!
//! The root is a `oneOf` of the two record kinds, so one schema validates
//! every line of a JSON Lines file written by `registre extract`. Each kind
//! is also reachable on its own as `#/$defs/Deliberation` and
//! `#/$defs/ErrorRecord`.
//!
//! The schema describes what a reader may rely on, in the deserialize
//! sense: every key `registre` writes is described with its type, and keys
//! a reader can do without (nullable values, empty lists) are not
//! `required`. Extra keys are allowed, as the contract says.

use crate::model::{Deliberation, ErrorRecord, SCHEMA};
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

/// The JSON Schema (draft 2020-12) of a `registre/1` record: a
/// [`Deliberation`] or an [`ErrorRecord`].
///
/// ```
/// let schema = registre::export::schema::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["$defs"]["Deliberation"]["properties"]["vote"].is_object());
/// assert!(schema["$defs"]["ErrorRecord"].is_object());
/// ```
pub fn schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator();
    let deliberation = generator.subschema_for::<Deliberation>();
    let error = generator.subschema_for::<ErrorRecord>();
    let mut defs = generator.take_definitions(true);
    // `schema` is a String in the model, but its value is fixed.
    for name in ["Deliberation", "ErrorRecord"] {
        if let Some(p) = defs
            .get_mut(name)
            .and_then(|d| d.pointer_mut("/properties/schema"))
            && let Some(obj) = p.as_object_mut() {
                obj.insert("const".into(), Value::String(SCHEMA.into()));
                obj.insert(
                    "description".into(),
                    Value::String("The contract version.".into()),
                );
            }
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": SCHEMA,
        "description": "One record written by `registre extract`: a deliberation, or an error record for an input that yielded none.",
        "oneOf": [deliberation.to_value(), error.to_value()],
        "$defs": defs,
    })
}

/// The schema as `registre schema` prints it: pretty JSON and a final
/// newline, byte for byte the content of `schema/registre-1.json`.
pub fn schema_json() -> String {
    let mut s = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_one_of_both_record_kinds() {
        let s = schema();
        assert_eq!(s["oneOf"][0]["$ref"], "#/$defs/Deliberation");
        assert_eq!(s["oneOf"][1]["$ref"], "#/$defs/ErrorRecord");
        assert_eq!(
            s["$defs"]["Deliberation"]["properties"]["schema"]["const"],
            SCHEMA
        );
        assert_eq!(
            s["$defs"]["ErrorRecord"]["properties"]["schema"]["const"],
            SCHEMA
        );
    }

    #[test]
    fn dates_and_times_are_strings() {
        let s = schema();
        assert_eq!(s["$defs"]["Date"]["type"], "string");
        assert_eq!(s["$defs"]["Date"]["format"], "date");
        assert_eq!(s["$defs"]["Time"]["type"], "string");
        assert!(s["$defs"]["Time"]["pattern"].is_string());
    }

    #[test]
    fn vote_uses_the_serde_key_for() {
        let s = schema();
        let props = &s["$defs"]["Vote"]["properties"];
        assert!(props.get("for").is_some());
        assert!(props.get("for_").is_none());
    }

    #[test]
    fn json_text_ends_with_newline_and_parses() {
        let t = schema_json();
        assert!(t.ends_with("}\n"));
        let v: Value = serde_json::from_str(&t).unwrap();
        assert_eq!(v, schema());
    }
}
