//! A compact JSON writer for the records: the bytes `serde_json::to_writer`
//! writes, written cheaper.
//!
//! Rendering the records was a large share of `registre extract`: serde_json
//! looks every byte of every string up in its escape table, keys included,
//! and hands each fragment to an `io::Write`. This serializer writes into a
//! `Vec<u8>`, copies a string in one piece when a branch-free scan (which
//! the compiler turns into SIMD) finds nothing to escape, and falls back to
//! serde_json's escapes otherwise. Floats and anything unusual (a map key
//! that is not a string) go through serde_json itself, so the output is the
//! same byte for byte; `tests` compares both on every kind of value.

use serde::ser::{self, Serialize};
use std::fmt::{self, Display};

/// Why the fast writer gave up (the caller then writes with serde_json,
/// which gives the real error, if any). It carries nothing, so results
/// stay in registers.
#[derive(Debug)]
pub(crate) struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("value not written by the fast JSON writer")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(_msg: T) -> Self {
        Unsupported
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// Appends the compact JSON of `value` to `out`, exactly as
/// `serde_json::to_writer` would write it. On error `out` may hold part of
/// the value: the caller truncates it.
pub(crate) fn write_value<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> Result {
    value.serialize(&mut Writer { out })
}

/// Whether a byte must be escaped in a JSON string (serde_json escapes
/// exactly these: control characters, `"` and `\`).
#[inline(always)]
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any byte of `s` must be escaped, eight bytes at a time.
///
/// Bit tricks on a `u64` word (exact for "is there such a byte"): a byte
/// below 0x20 leaves its high bit set in `(x - 0x20…) & !x & 0x80…`, and a
/// byte equal to `c` is a zero byte of `x ^ c…`. A string of eight bytes
/// or more ends with a word overlapping the one before (no copy of a
/// short tail); a shorter one is read byte by byte.
#[inline(always)]
fn any_escape(s: &[u8]) -> bool {
    let n = s.len();
    if n < 8 {
        return short_escapes(s);
    }
    let mut i = 0;
    while let Some(w) = s.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        if word_escapes(u64::from_le_bytes(*w)) {
            return true;
        }
        i += 8;
    }
    i < n && s.last_chunk::<8>().is_some_and(|w| word_escapes(u64::from_le_bytes(*w)))
}

/// [`any_escape`] for fewer than eight bytes, in one word: four bytes and
/// four overlapping them for 4 to 7 bytes; the first, middle and last
/// (all of them) for 1 to 3, padded with `a`.
#[inline(always)]
fn short_escapes(s: &[u8]) -> bool {
    let n = s.len();
    if let (Some(head), Some(tail)) = (s.first_chunk::<4>(), s.last_chunk::<4>()) {
        let word = u64::from(u32::from_le_bytes(*head)) | u64::from(u32::from_le_bytes(*tail)) << 32;
        return word_escapes(word);
    }
    match (s.first(), s.get(n / 2), s.last()) {
        (Some(&a), Some(&b), Some(&c)) => word_escapes(u64::from_le_bytes([a, b, c, b'a', b'a', b'a', b'a', b'a'])),
        _ => false,
    }
}

/// Whether one of the eight bytes of `x` must be escaped (see [`any_escape`]).
#[inline(always)]
fn word_escapes(x: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * b'"' as u64);
    let quote = q.wrapping_sub(ONES) & !q;
    let b = x ^ (ONES * b'\\' as u64);
    let backslash = b.wrapping_sub(ONES) & !b;
    (below_space | quote | backslash) & HIGH != 0
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it.
#[inline]
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if any_escape(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// [`write_str`] for a string that is a constant where this is inlined
/// (`#[inline(always)]`): the escape test folds away and the copy is a few
/// fixed-size stores.
#[inline(always)]
fn write_constant_str(out: &mut Vec<u8>, s: &str) {
    if any_escape(s.as_bytes()) {
        write_str(out, s);
    } else {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    }
}

/// The slow path of [`write_str`]: serde_json's escapes (`\b \t \n \f \r
/// \" \\`, other control characters as `\u00xx` in lower-case hex).
#[cold]
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !must_escape(b) {
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        start = i + 1;
        match b {
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            _ => out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(b >> 4) as usize], HEX[(b & 0xF) as usize]]),
        }
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Writes an unsigned integer in decimal (128-bit integers, which the
/// model never holds: through `Display`, unless they fit in 64 bits).
fn write_u128(out: &mut Vec<u8>, v: u128) {
    match u64::try_from(v) {
        Ok(v) => write_u64(out, v),
        Err(_) => out.extend_from_slice(v.to_string().as_bytes()),
    }
}

/// Writes an unsigned integer in decimal (the common, 64-bit case).
#[inline]
fn write_u64(out: &mut Vec<u8>, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

#[inline]
fn write_i64(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    write_u64(out, v.unsigned_abs());
}

/// A value written through serde_json itself (floats: same shortest
/// round-trip digits and `null` for non-finite values).
fn via_serde_json<T: ?Sized + Serialize>(out: &mut Vec<u8>, v: &T) -> Result {
    serde_json::to_writer(&mut *out, v).map_err(|_| Unsupported)
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// An array or object being written: whether an element was written yet.
pub(crate) struct Compound<'w, 'a> {
    w: &'w mut Writer<'a>,
    first: bool,
}

impl Compound<'_, '_> {
    #[inline]
    fn comma(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.w.out.push(b',');
        }
    }

    /// `"key":`
    ///
    /// Inlined into each field of the derived serializers, where `key` is
    /// a constant: the escape test folds away and the copy is a few fixed
    /// stores.
    #[inline(always)]
    fn key(&mut self, key: &str) {
        let out = &mut *self.w.out;
        out.reserve(key.len() + 4);
        if self.first {
            self.first = false;
        } else {
            out.push(b',');
        }
        write_constant_str(out, key);
        out.push(b':');
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out.extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        write_i64(self.out, v.into());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Result {
        write_i64(self.out, v.into());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Result {
        write_i64(self.out, v.into());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result {
        write_i64(self.out, v);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result {
        if v < 0 {
            self.out.push(b'-');
        }
        write_u128(self.out, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result {
        write_u64(self.out, v.into());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Result {
        write_u64(self.out, v.into());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Result {
        write_u64(self.out, v.into());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result {
        write_u64(self.out, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result {
        write_u128(self.out, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result {
        via_serde_json(self.out, &v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        via_serde_json(self.out, &v)
    }
    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        via_serde_json(self.out, &serde_bytes_as_seq(v))
    }
    fn serialize_none(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    /// Inlined, like struct keys: the variant name is a constant of the
    /// derived serializer.
    #[inline(always)]
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        write_constant_str(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _name: &'static str, _index: u32, variant: &'static str, v: &T) -> Result {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        v.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'a>> {
        self.out.push(b'[');
        Ok(Compound { w: self, first: true })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'w, 'a>> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Compound { w: self, first: true })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'a>> {
        self.out.push(b'{');
        Ok(Compound { w: self, first: true })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, variant: &'static str, _len: usize) -> Result<Compound<'w, 'a>> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":{");
        Ok(Compound { w: self, first: true })
    }
    fn collect_str<T: ?Sized + Display>(self, v: &T) -> Result {
        let s = v.to_string();
        write_str(self.out, &s);
        Ok(())
    }
}

/// Bytes as serde_json writes them: an array of numbers.
fn serde_bytes_as_seq(v: &[u8]) -> Vec<u8> {
    v.to_vec()
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result {
        self.comma();
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        self.w.out.push(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, v: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, v: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result {
        self.w.out.extend_from_slice(b"]}");
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(KeyWriter { out: &mut *self.w.out })
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, v: &T) -> Result {
        self.w.out.push(b':');
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        self.w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    #[inline(always)]
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result {
        self.key(key);
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result {
        self.w.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, v: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result {
        self.w.out.extend_from_slice(b"}}");
        Ok(())
    }
}

/// A map key: only strings are written here; any other kind of key makes
/// the caller fall back to serde_json (which quotes numbers and rejects
/// the rest).
struct KeyWriter<'a> {
    out: &'a mut Vec<u8>,
}

fn unsupported_key<T>() -> Result<T> {
    Err(Unsupported)
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        write_str(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        write_str(self.out, v.encode_utf8(&mut [0u8; 4]));
        Ok(())
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        write_str(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn collect_str<T: ?Sized + Display>(self, v: &T) -> Result {
        write_str(self.out, &v.to_string());
        Ok(())
    }
    fn serialize_bool(self, _v: bool) -> Result {
        unsupported_key()
    }
    fn serialize_i8(self, _v: i8) -> Result {
        unsupported_key()
    }
    fn serialize_i16(self, _v: i16) -> Result {
        unsupported_key()
    }
    fn serialize_i32(self, _v: i32) -> Result {
        unsupported_key()
    }
    fn serialize_i64(self, _v: i64) -> Result {
        unsupported_key()
    }
    fn serialize_u8(self, _v: u8) -> Result {
        unsupported_key()
    }
    fn serialize_u16(self, _v: u16) -> Result {
        unsupported_key()
    }
    fn serialize_u32(self, _v: u32) -> Result {
        unsupported_key()
    }
    fn serialize_u64(self, _v: u64) -> Result {
        unsupported_key()
    }
    fn serialize_f32(self, _v: f32) -> Result {
        unsupported_key()
    }
    fn serialize_f64(self, _v: f64) -> Result {
        unsupported_key()
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        unsupported_key()
    }
    fn serialize_none(self) -> Result {
        unsupported_key()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _v: &T) -> Result {
        unsupported_key()
    }
    fn serialize_unit(self) -> Result {
        unsupported_key()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        unsupported_key()
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _name: &'static str, _index: u32, _variant: &'static str, _v: &T) -> Result {
        unsupported_key()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        unsupported_key()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        unsupported_key()
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeTupleStruct> {
        unsupported_key()
    }
    fn serialize_tuple_variant(self, _name: &'static str, _index: u32, _variant: &'static str, _len: usize) -> Result<Self::SerializeTupleVariant> {
        unsupported_key()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        unsupported_key()
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        unsupported_key()
    }
    fn serialize_struct_variant(self, _name: &'static str, _index: u32, _variant: &'static str, _len: usize) -> Result<Self::SerializeStructVariant> {
        unsupported_key()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn both<T: Serialize>(v: &T) -> (Vec<u8>, Vec<u8>) {
        let mut fast = Vec::new();
        let fast = match write_value(&mut fast, v) {
            Ok(()) => fast,
            Err(_) => b"<unsupported>".to_vec(),
        };
        (fast, serde_json::to_vec(v).unwrap())
    }

    #[test]
    fn escapes_like_serde_json() {
        for s in ["", "a", "\"", "\\", "\n\t\r\u{8}\u{c}", "\u{1}\u{1f}\u{7f}", "Élodie « NOËL »", "a/b", "x\"y\\z\u{0}"] {
            let (fast, slow) = both(&s);
            assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&slow), "{s:?}");
        }
    }

    #[test]
    fn numbers_and_floats_like_serde_json() {
        assert_eq!(both(&0u64).0, b"0");
        for v in [0i64, -1, 9, 10, i64::MIN, i64::MAX] {
            let (f, s) = both(&v);
            assert_eq!(f, s);
        }
        for v in [u64::MAX, 1234567890] {
            let (f, s) = both(&v);
            assert_eq!(f, s);
        }
        let (f, s) = both(&u128::MAX);
        assert_eq!(f, s);
        let (f, s) = both(&i128::MIN);
        assert_eq!(f, s);
        for v in [0.0f64, 1.5, -2.25, 1e21, 1e-7, f64::NAN, f64::INFINITY, 0.1 + 0.2] {
            let (f, s) = both(&v);
            assert_eq!(f, s, "{v}");
        }
    }

    #[test]
    fn containers_like_serde_json() {
        let mut m = BTreeMap::new();
        m.insert("b\"", vec![Some(1), None]);
        m.insert("a", vec![]);
        let (f, s) = both(&m);
        assert_eq!(f, s);
        let (f, s) = both(&(1, "x", ('c', true, ())));
        assert_eq!(f, s);
        let v: serde_json::Value = serde_json::json!({"k": [1, -2, 3.5, null, {"n": "\u{1}"}], "e": {}, "z": []});
        let (f, s) = both(&v);
        assert_eq!(f, s);
    }

    #[test]
    fn a_non_string_key_is_refused() {
        let mut m = BTreeMap::new();
        m.insert(3u32, "x");
        assert!(write_value(&mut Vec::new(), &m).is_err());
    }

    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Tup(u8, String),
        Struct { a: Option<String>, b: Vec<u8> },
    }

    #[test]
    fn enums_like_serde_json() {
        for e in [E::Unit, E::New(3), E::Tup(1, "é".into()), E::Struct { a: None, b: vec![1, 2] }] {
            let (f, s) = both(&e);
            assert_eq!(f, s);
        }
    }

    /// The word-at-a-time test against the byte-by-byte one.
    fn any_escape_slow(s: &[u8]) -> bool {
        s.iter().any(|&b| must_escape(b))
    }

    #[test]
    fn any_escape_finds_each_byte_at_each_place() {
        for len in 0..20 {
            for pos in 0..len {
                for b in 0u8..=255 {
                    let mut s = vec![b'x'; len];
                    s[pos] = b;
                    assert_eq!(any_escape(&s), must_escape(b), "len {len} pos {pos} byte {b}");
                    let mut t = vec![0xC3; len];
                    t[pos] = b;
                    assert_eq!(any_escape(&t), any_escape_slow(&t), "len {len} pos {pos} byte {b}");
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn any_string_is_written_like_serde_json(s in "(?s).{0,80}", t in "[ -~éèàçÉ«»\n\t\"\\\\\u{0}-\u{1f}]{0,60}") {
            prop_assert_eq!(any_escape(s.as_bytes()), any_escape_slow(s.as_bytes()));
            prop_assert_eq!(any_escape(t.as_bytes()), any_escape_slow(t.as_bytes()));
            let (f, g) = both(&s);
            prop_assert_eq!(f, g);
            let (f, g) = both(&t);
            prop_assert_eq!(f, g);
        }
    }
}
