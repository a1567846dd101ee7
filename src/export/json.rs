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

use crate::model::{
    Act, Amount, Attendance, Body, Check, CheckStatus, Date, Deliberation, Establishment, Identifier, Person, Represented, Session, Shared, Source, Stated,
    Transmission, Vote, Warning,
};
use serde::ser::{self, Serialize};
use std::fmt::{self, Display};
use std::ops::Range;

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

pub(crate) type Result<T = ()> = std::result::Result<T, Unsupported>;

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

/// Whether any byte of `s` must be escaped, 16 bytes at a time.
///
/// A string of 16 bytes or more is read in chunks of 16 (see
/// [`chunk_escapes`]) and ends with the chunk of its last 16 bytes,
/// overlapping the one before (no copy of a short tail). A shorter one is
/// read as two overlapping words (8 to 15 bytes) or by [`short_escapes`].
#[inline(always)]
fn any_escape(s: &[u8]) -> bool {
    let (chunks, tail) = s.as_chunks::<16>();
    for c in chunks {
        if chunk_escapes(c) {
            return true;
        }
    }
    if tail.is_empty() {
        return false;
    }
    if let Some(last) = s.last_chunk::<16>() {
        return chunk_escapes(last);
    }
    if let (Some(head), Some(end)) = (s.first_chunk::<8>(), s.last_chunk::<8>()) {
        return word_escapes(u64::from_le_bytes(*head)) || word_escapes(u64::from_le_bytes(*end));
    }
    short_escapes(s)
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
///
/// Nearly every string needs no escape. One of 16 to 30 bytes is written
/// like [`write_short_str`] writes shorter ones, over 32 appended quotes
/// ([`quote_medium`]); a longer one is checked by [`any_escape`], at a few
/// instructions per 16 bytes, and copied in one piece.
#[inline]
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if (16..=30).contains(&bytes.len()) {
        let start = out.len();
        out.extend_from_slice(&[b'"'; 32]);
        if let Some(dst) = out.last_chunk_mut::<32>()
            && quote_medium(dst, bytes)
        {
            out.truncate(start + bytes.len() + 2);
            return;
        }
        out.truncate(start);
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if any_escape(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// [`write_str`] with the common case inlined: a string of at most 14
/// bytes with nothing to escape is written over 16 quotes appended in one
/// fixed-size piece ([`quote_short`]), then the length is cut back to the
/// quoted string's. About two thirds of the strings of a record (names,
/// numbers, identifiers, dates) take this path, which costs a fraction of
/// a call of [`write_str`].
#[inline(always)]
fn write_short_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    if b.len() <= 14 {
        let start = out.len();
        out.extend_from_slice(&[b'"'; 16]);
        if let Some(dst) = out.last_chunk_mut::<16>()
            && quote_short(dst, b)
        {
            out.truncate(start + b.len() + 2);
            return;
        }
        out.truncate(start);
    }
    write_str(out, s);
}

/// Writes `b` at `dst[1..]` if it has at most 14 bytes and none to
/// escape, and says whether it did; with `dst` full of quotes, `dst` then
/// starts with `"b"`. The bytes are placed by fixed-size copies that
/// overlap (two words of 8 or 4 bytes, or the first, middle and last
/// byte), which cover `b` exactly whatever its length.
#[inline(always)]
fn quote_short(dst: &mut [u8; 16], b: &[u8]) -> bool {
    let n = b.len();
    if let (Some(head), Some(tail)) = (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        if word_escapes(u64::from_le_bytes(*head)) || word_escapes(u64::from_le_bytes(*tail)) {
            return false;
        }
        let Some(end) = dst.get_mut(n - 7..n + 1).filter(|_| n <= 14) else {
            return false;
        };
        end.copy_from_slice(tail);
        dst[1..9].copy_from_slice(head);
    } else if let (Some(head), Some(tail)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        if short_escapes(b) {
            return false;
        }
        dst[1..5].copy_from_slice(head);
        dst[n - 3..n + 1].copy_from_slice(tail);
    } else if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        if short_escapes(b) {
            return false;
        }
        dst[1] = first;
        dst[1 + n / 2] = b[n / 2];
        dst[n] = last;
    }
    true
}

/// [`quote_short`] for 16 to 30 bytes: two overlapping chunks of 16,
/// checked by [`chunk_escapes`], written at `dst[1..]` (`dst` full of
/// quotes).
#[inline(always)]
fn quote_medium(dst: &mut [u8; 32], b: &[u8]) -> bool {
    let n = b.len();
    let (Some(head), Some(tail)) = (b.first_chunk::<16>(), b.last_chunk::<16>()) else {
        return false;
    };
    if n > 30 || chunk_escapes(head) || chunk_escapes(tail) {
        return false;
    }
    let Some(end) = dst.get_mut(n - 15..n + 1) else {
        return false;
    };
    end.copy_from_slice(tail);
    dst[1..17].copy_from_slice(head);
    true
}

/// Whether one of 16 bytes must be escaped: a fixed-size, branch-free
/// fold that the compiler turns into a few SSE2 compares.
#[inline(always)]
fn chunk_escapes(c: &[u8; 16]) -> bool {
    let mut any = false;
    for &b in c {
        any |= must_escape(b);
    }
    any
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
fn write_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(crate::decimal::digits(v, &mut [0; 20]));
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
        write_short_str(self.out, v);
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
        write_short_str(self.out, v);
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

/// Appends the compact JSON of a record, the bytes of `serde_json::to_writer`,
/// without the serde plumbing per field.
///
/// A record is ~100 small fields; through [`write_value`] each costs a call
/// of the derived `serialize`, a capacity check for its comma, one for its
/// key and one for its value. Here the constant parts of an object (`,` +
/// key + `:` and the punctuation around) are one literal each, and the
/// nested types of the model are written by plain functions. The field
/// lists below destructure every struct, so a field added to the model
/// does not compile until it is written here too; unit enums, dates, times,
/// `serde_json::Value`s and the rare nested types (`election`, `actes`) go
/// through [`write_value`], i.e. through their own `Serialize`, so their
/// bytes cannot drift from serde's. `tests` compares this writer with
/// serde_json on random records.
pub(crate) fn write_deliberation(out: &mut Vec<u8>, d: &Deliberation) -> Result {
    write_deliberation_after(out, d, &mut Written::default())
}

/// What [`write_deliberation_after`] wrote last in a buffer: the bytes of
/// an attendance, which the next record of the sitting shares
/// ([`Shared`]) and which are then copied rather than written again. Only
/// valid while the buffer keeps those bytes: forget it (start a new one)
/// when the buffer is cut back.
#[derive(Default)]
pub(crate) struct Written {
    attendance: Option<(Shared<Attendance>, Range<usize>)>,
}

/// [`write_deliberation`] after other records in the same buffer, whose
/// attendance `written` recalls.
pub(crate) fn write_deliberation_after(out: &mut Vec<u8>, d: &Deliberation, written: &mut Written) -> Result {
    let Deliberation {
        schema,
        source,
        body,
        session,
        act,
        attendance,
        vote,
        amounts,
        establishments,
        identifiers,
        transmission,
        election,
        checks,
        warnings,
    } = d;
    raw(out, b"{\"schema\":");
    write_str(out, schema);
    raw(out, b",\"source\":");
    write_source(out, source)?;
    raw(out, b",\"body\":");
    write_body(out, body)?;
    raw(out, b",\"session\":");
    write_session(out, session)?;
    raw(out, b",\"act\":");
    write_act(out, act)?;
    raw(out, b",\"attendance\":");
    match &written.attendance {
        Some((last, bytes)) if Shared::ptr_eq(last, attendance) && bytes.end <= out.len() => {
            out.extend_from_within(bytes.clone());
        }
        _ => {
            let start = out.len();
            write_attendance(out, attendance);
            written.attendance = Some((attendance.clone(), start..out.len()));
        }
    }
    raw(out, b",\"vote\":");
    write_vote(out, vote)?;
    raw(out, b",\"amounts\":");
    write_array(out, amounts, write_amount)?;
    raw(out, b",\"establishments\":");
    write_array(out, establishments, write_establishment)?;
    raw(out, b",\"identifiers\":");
    write_array(out, identifiers, write_identifier)?;
    raw(out, b",\"transmission\":");
    write_transmission(out, transmission)?;
    raw(out, b",\"election\":");
    write_value(out, election)?;
    raw(out, b",\"checks\":");
    write_array(out, checks, write_check)?;
    raw(out, b",\"warnings\":");
    write_array(out, warnings, write_warning)?;
    out.push(b'}');
    Ok(())
}

/// Constant bytes (a key with its punctuation): a fixed-size copy once
/// inlined.
#[inline(always)]
fn raw(out: &mut Vec<u8>, b: &[u8]) {
    out.extend_from_slice(b);
}

/// `[a,b,…]` with `each` writing one element.
#[inline]
fn write_array<T>(out: &mut Vec<u8>, items: &[T], each: impl Fn(&mut Vec<u8>, &T) -> Result) -> Result {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item)?;
    }
    out.push(b']');
    Ok(())
}

/// Inlined everywhere (about 40 places): most are the three names of a
/// person, the most frequent object of a record, where a call per name
/// cost as much as the writing.
#[inline(always)]
fn write_opt_str(out: &mut Vec<u8>, s: &Option<String>) {
    match s {
        Some(s) => write_short_str(out, s),
        None => raw(out, b"null"),
    }
}

#[inline]
fn write_opt_u32(out: &mut Vec<u8>, v: Option<u32>) {
    match v {
        Some(v) => write_u64(out, v.into()),
        None => raw(out, b"null"),
    }
}

/// A skipped-if-`None` number: `,"key":n` or nothing (`key` holds the
/// `,"key":` literal).
#[inline]
fn write_skipped_u64(out: &mut Vec<u8>, key: &[u8], v: Option<u64>) {
    if let Some(v) = v {
        raw(out, key);
        write_u64(out, v);
    }
}

fn write_bool(out: &mut Vec<u8>, v: bool) {
    raw(out, if v { b"true" } else { b"false" });
}

fn write_source(out: &mut Vec<u8>, s: &Source) -> Result {
    let Source { path, sha256, format, index, page, count } = s;
    raw(out, b"{\"path\":");
    write_str(out, path);
    raw(out, b",\"sha256\":");
    write_str(out, sha256);
    raw(out, b",\"format\":");
    write_value(out, format)?;
    raw(out, b",\"index\":");
    write_u64(out, *index as u64);
    write_skipped_u64(out, b",\"page\":", page.map(u64::from));
    write_skipped_u64(out, b",\"count\":", count.map(|c| c as u64));
    out.push(b'}');
    Ok(())
}

fn write_body(out: &mut Vec<u8>, b: &Body) -> Result {
    let Body { name, kind, insee, siren, siret, department } = b;
    raw(out, b"{\"name\":");
    write_opt_str(out, name);
    raw(out, b",\"kind\":");
    write_value(out, kind)?;
    raw(out, b",\"insee\":");
    write_opt_str(out, insee);
    raw(out, b",\"siren\":");
    write_opt_str(out, siren);
    raw(out, b",\"siret\":");
    write_opt_str(out, siret);
    raw(out, b",\"department\":");
    write_opt_str(out, department);
    out.push(b'}');
    Ok(())
}

/// An optional date: its `YYYY-MM-DD` bytes in quotes, as its
/// `Serialize` writes them, without the serde plumbing.
fn write_opt_date(out: &mut Vec<u8>, d: &Option<Date>) -> Result {
    match d.as_ref().map(|d| (d, d.iso_bytes())) {
        None => raw(out, b"null"),
        Some((_, Some(b))) => {
            out.push(b'"');
            out.extend_from_slice(&b);
            out.push(b'"');
        }
        Some((d, None)) => write_value(out, d)?,
    }
    Ok(())
}

fn write_session(out: &mut Vec<u8>, s: &Session) -> Result {
    let Session { assembly, date, time, convened_on, place, chair, line } = s;
    raw(out, b"{\"assembly\":");
    write_value(out, assembly)?;
    raw(out, b",\"date\":");
    write_opt_date(out, date)?;
    raw(out, b",\"time\":");
    write_value(out, time)?;
    raw(out, b",\"convened_on\":");
    write_opt_date(out, convened_on)?;
    raw(out, b",\"place\":");
    write_opt_str(out, place);
    raw(out, b",\"chair\":");
    write_opt_person(out, chair);
    write_skipped_u64(out, b",\"line\":", line.map(u64::from));
    out.push(b'}');
    Ok(())
}

fn write_act(out: &mut Vec<u8>, a: &Act) -> Result {
    let Act { kind, number, title, rapporteur, line } = a;
    raw(out, b"{\"kind\":");
    write_value(out, kind)?;
    raw(out, b",\"number\":");
    write_opt_str(out, number);
    raw(out, b",\"title\":");
    write_opt_str(out, title);
    raw(out, b",\"rapporteur\":");
    write_opt_person(out, rapporteur);
    write_skipped_u64(out, b",\"line\":", line.map(u64::from));
    out.push(b'}');
    Ok(())
}

/// The upper bound of a person's bytes when nothing needs escaping: the
/// constant part (with three `null`s) plus its strings and their quotes.
fn person_len(p: &Person) -> usize {
    let len = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() + 2);
    60 + len(&p.title) + len(&p.given_name) + len(&p.family_name)
}

/// `{"title":…,"given_name":…,"family_name":…}`.
fn write_person(out: &mut Vec<u8>, p: &Person) {
    let Person { title, given_name, family_name } = p;
    raw(out, b"{\"title\":");
    write_opt_str(out, title);
    raw(out, b",\"given_name\":");
    write_opt_str(out, given_name);
    raw(out, b",\"family_name\":");
    write_opt_str(out, family_name);
    out.push(b'}');
}

fn write_opt_person(out: &mut Vec<u8>, p: &Option<Person>) {
    match p {
        Some(p) => write_person(out, p),
        None => raw(out, b"null"),
    }
}

fn write_persons(out: &mut Vec<u8>, ps: &[Person]) {
    out.reserve(ps.iter().map(person_len).sum::<usize>() + 2);
    out.push(b'[');
    for (i, p) in ps.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_person(out, p);
    }
    out.push(b']');
}

fn write_attendance(out: &mut Vec<u8>, a: &Attendance) {
    let Attendance { present, represented, excused, absent, secretary, stated, line } = a;
    raw(out, b"{\"present\":");
    write_persons(out, present);
    raw(out, b",\"represented\":[");
    for (i, r) in represented.iter().enumerate() {
        let Represented { principal, proxy } = r;
        if i > 0 {
            out.push(b',');
        }
        raw(out, b"{\"principal\":");
        write_person(out, principal);
        raw(out, b",\"proxy\":");
        write_opt_person(out, proxy);
        out.push(b'}');
    }
    raw(out, b"],\"excused\":");
    write_persons(out, excused);
    raw(out, b",\"absent\":");
    write_persons(out, absent);
    raw(out, b",\"secretary\":");
    write_opt_person(out, secretary);
    let Stated { in_office, present, represented, voting } = *stated;
    raw(out, b",\"stated\":{\"in_office\":");
    write_opt_u32(out, in_office);
    raw(out, b",\"present\":");
    write_opt_u32(out, present);
    raw(out, b",\"represented\":");
    write_opt_u32(out, represented);
    raw(out, b",\"voting\":");
    write_opt_u32(out, voting);
    out.push(b'}');
    write_skipped_u64(out, b",\"line\":", line.map(u64::from));
    out.push(b'}');
}

fn write_vote(out: &mut Vec<u8>, v: &Vote) -> Result {
    let Vote { outcome, unanimous, for_, against, abstain, not_voting, line, against_names, abstain_names, not_voting_names } = v;
    out.reserve(128);
    raw(out, b"{\"outcome\":");
    write_value(out, outcome)?;
    raw(out, b",\"unanimous\":");
    write_bool(out, *unanimous);
    raw(out, b",\"for\":");
    write_opt_u32(out, *for_);
    raw(out, b",\"against\":");
    write_opt_u32(out, *against);
    raw(out, b",\"abstain\":");
    write_opt_u32(out, *abstain);
    raw(out, b",\"not_voting\":");
    write_opt_u32(out, *not_voting);
    raw(out, b",\"line\":");
    write_opt_u32(out, *line);
    for (key, names) in [
        (&b",\"against_names\":"[..], against_names),
        (&b",\"abstain_names\":"[..], abstain_names),
        (&b",\"not_voting_names\":"[..], not_voting_names),
    ] {
        if !names.is_empty() {
            raw(out, key);
            write_persons(out, names);
        }
    }
    out.push(b'}');
    Ok(())
}

fn write_amount(out: &mut Vec<u8>, a: &Amount) -> Result {
    let Amount { cents, currency, tax, text, line, page } = a;
    out.reserve(80 + currency.len() + text.len());
    raw(out, b"{\"cents\":");
    write_i64(out, *cents);
    raw(out, b",\"currency\":");
    write_short_str(out, currency);
    raw(out, b",\"tax\":");
    write_value(out, tax)?;
    raw(out, b",\"text\":");
    write_str(out, text);
    raw(out, b",\"line\":");
    write_u64(out, (*line).into());
    write_skipped_u64(out, b",\"page\":", page.map(u64::from));
    out.push(b'}');
    Ok(())
}

fn write_establishment(out: &mut Vec<u8>, e: &Establishment) -> Result {
    let Establishment { uai, name, kind, town, department, check_ok, line } = e;
    raw(out, b"{\"uai\":");
    write_short_str(out, uai);
    raw(out, b",\"name\":");
    write_opt_str(out, name);
    raw(out, b",\"kind\":");
    write_value(out, kind)?;
    raw(out, b",\"town\":");
    write_opt_str(out, town);
    raw(out, b",\"department\":");
    write_opt_str(out, department);
    raw(out, b",\"check_ok\":");
    write_bool(out, *check_ok);
    raw(out, b",\"line\":");
    write_u64(out, (*line).into());
    out.push(b'}');
    Ok(())
}

fn write_identifier(out: &mut Vec<u8>, id: &Identifier) -> Result {
    let Identifier { kind, value, check_ok, line, repaired_from } = id;
    raw(out, b"{\"kind\":");
    write_value(out, kind)?;
    raw(out, b",\"value\":");
    write_short_str(out, value);
    raw(out, b",\"check_ok\":");
    match check_ok {
        Some(ok) => write_bool(out, *ok),
        None => raw(out, b"null"),
    }
    raw(out, b",\"line\":");
    write_u64(out, (*line).into());
    if let Some(r) = repaired_from {
        raw(out, b",\"repaired_from\":");
        write_str(out, r);
    }
    out.push(b'}');
    Ok(())
}

fn write_transmission(out: &mut Vec<u8>, t: &Transmission) -> Result {
    let Transmission { actes_id, actes, received_on, posted_on, line } = t;
    raw(out, b"{\"actes_id\":");
    write_opt_str(out, actes_id);
    raw(out, b",\"actes\":");
    write_value(out, actes)?;
    raw(out, b",\"received_on\":");
    write_opt_date(out, received_on)?;
    raw(out, b",\"posted_on\":");
    write_opt_date(out, posted_on)?;
    write_skipped_u64(out, b",\"line\":", line.map(u64::from));
    out.push(b'}');
    Ok(())
}

/// A check, after one reservation for its usual size (no `expected` or
/// `found`, nothing to escape).
fn write_check(out: &mut Vec<u8>, c: &Check) -> Result {
    let Check { id, status, message, line, expected, found } = c;
    out.reserve(60 + id.len() + message.len());
    raw(out, b"{\"id\":");
    write_short_str(out, id);
    raw(out, status_and_message_key(*status));
    write_str(out, message);
    raw(out, b",\"line\":");
    write_opt_u32(out, *line);
    if let Some(v) = expected {
        raw(out, b",\"expected\":");
        write_value(out, v)?;
    }
    if let Some(v) = found {
        raw(out, b",\"found\":");
        write_value(out, v)?;
    }
    out.push(b'}');
    Ok(())
}

/// `,"status":"…","message":` in one piece (the variant names are
/// serde's `snake_case` ones; `tests` checks each against serde_json).
fn status_and_message_key(status: CheckStatus) -> &'static [u8] {
    match status {
        CheckStatus::Pass => b",\"status\":\"pass\",\"message\":",
        CheckStatus::Fail => b",\"status\":\"fail\",\"message\":",
        CheckStatus::Skip => b",\"status\":\"skip\",\"message\":",
        CheckStatus::Warn => b",\"status\":\"warn\",\"message\":",
    }
}

fn write_warning(out: &mut Vec<u8>, w: &Warning) -> Result {
    let Warning { kind, message, line } = w;
    out.reserve(50 + kind.len() + message.len());
    raw(out, b"{\"kind\":");
    write_str(out, kind);
    raw(out, b",\"message\":");
    write_str(out, message);
    raw(out, b",\"line\":");
    write_opt_u32(out, *line);
    out.push(b'}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Time};
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
        for p in 0..20 {
            let ten = 10u64.pow(p);
            for v in [ten - 1, ten, ten + 1, ten.saturating_mul(7)] {
                let (f, s) = both(&v);
                assert_eq!(f, s, "{v}");
            }
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

    /// A small deterministic generator of records for the comparison
    /// with serde_json: every optional field is sometimes absent, every
    /// list sometimes empty, every enum takes each of its values, and the
    /// strings come from `pool` (random ones, and ones around the 4, 8, 14,
    /// 16 byte boundaries of the writer, with and without escapes).
    struct Gen<'a> {
        state: u64,
        pool: &'a [String],
    }

    impl Gen<'_> {
        fn next(&mut self) -> u64 {
            // xorshift64*
            self.state ^= self.state >> 12;
            self.state ^= self.state << 25;
            self.state ^= self.state >> 27;
            self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn flip(&mut self) -> bool {
            self.next() & 1 == 1
        }
        fn string(&mut self) -> String {
            let i = self.below(self.pool.len());
            self.pool[i].clone()
        }
        fn opt_string(&mut self) -> Option<String> {
            self.flip().then(|| self.string())
        }
        fn u32(&mut self) -> u32 {
            match self.below(4) {
                0 => 0,
                1 => u32::MAX,
                _ => self.next() as u32 % 1000,
            }
        }
        fn opt_u32(&mut self) -> Option<u32> {
            self.flip().then(|| self.u32())
        }
        fn pick<T: Copy>(&mut self, values: &[T]) -> T {
            values[self.below(values.len())]
        }
        fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
            if self.flip() { Some(f(self)) } else { None }
        }
        fn list<T>(&mut self, max: usize, mut f: impl FnMut(&mut Self) -> T) -> Vec<T> {
            let n = self.below(max + 1);
            (0..n).map(|_| f(self)).collect()
        }
        fn date(&mut self) -> Date {
            let (year, month, day) = match self.below(3) {
                0 => (2023, 9, 27),
                1 => (self.next() as u16, self.next() as u8, self.next() as u8),
                _ => (1990 + self.below(40) as u16, 1 + self.below(12) as u8, 1 + self.below(28) as u8),
            };
            Date { year, month, day }
        }
        fn time(&mut self) -> Time {
            Time { hour: self.next() as u8 % 120, minute: self.next() as u8 }
        }
        fn person(&mut self) -> Person {
            Person { title: self.opt_string(), given_name: self.opt_string(), family_name: self.opt_string() }
        }
        fn value(&mut self) -> serde_json::Value {
            let s = self.string();
            match self.below(6) {
                0 => serde_json::Value::Null,
                1 => serde_json::json!(self.next() as i64),
                2 => serde_json::json!(self.next() as f64 / 7.0),
                3 => serde_json::json!(s),
                4 => serde_json::json!({ "a": [1, s, null], "b": { "c": 0.5 } }),
                _ => serde_json::json!([true, false]),
            }
        }
        fn record(&mut self) -> Deliberation {
            use crate::model::*;
            let nums = |g: &mut Self| g.opt(Self::u32);
            Deliberation {
                schema: self.string(),
                source: Source {
                    path: self.string(),
                    sha256: self.string(),
                    format: self.pick(&[Format::Text, Format::Markdown, Format::Pdf]),
                    index: self.next() as usize,
                    page: self.opt_u32(),
                    count: self.opt(|g| g.next() as usize),
                },
                body: Body {
                    name: self.opt_string(),
                    kind: self.opt(|g| g.pick(&[BodyKind::Commune, BodyKind::Epci, BodyKind::Departement, BodyKind::Region, BodyKind::Other])),
                    insee: self.opt_string(),
                    siren: self.opt_string(),
                    siret: self.opt_string(),
                    department: self.opt_string(),
                },
                session: Session {
                    assembly: self.opt(|g| {
                        g.pick(&[
                            Assembly::ConseilMunicipal,
                            Assembly::ConseilCommunautaire,
                            Assembly::ConseilDepartemental,
                            Assembly::ConseilRegional,
                            Assembly::Bureau,
                            Assembly::Other,
                        ])
                    }),
                    date: self.opt(Self::date),
                    time: self.opt(Self::time),
                    convened_on: self.opt(Self::date),
                    place: self.opt_string(),
                    chair: self.opt(Self::person),
                    line: self.opt_u32(),
                },
                act: Act {
                    kind: self.pick(&[ActKind::Deliberation, ActKind::MinutesApproval, ActKind::Election, ActKind::Noted, ActKind::DelegatedDecision]),
                    number: self.opt_string(),
                    title: self.opt_string(),
                    rapporteur: self.opt(Self::person),
                    line: self.opt_u32(),
                },
                attendance: Attendance {
                    present: self.list(5, Self::person),
                    represented: self.list(3, |g| Represented { principal: g.person(), proxy: g.opt(Self::person) }),
                    excused: self.list(3, Self::person),
                    absent: self.list(3, Self::person),
                    secretary: self.opt(Self::person),
                    stated: Stated { in_office: nums(self), present: nums(self), represented: nums(self), voting: nums(self) },
                    line: self.opt_u32(),
                }
                .into(),
                vote: Vote {
                    outcome: self.opt(|g| g.pick(&[Outcome::Adopted, Outcome::Rejected])),
                    unanimous: self.flip(),
                    for_: nums(self),
                    against: nums(self),
                    abstain: nums(self),
                    not_voting: nums(self),
                    line: nums(self),
                    against_names: self.list(2, Self::person),
                    abstain_names: self.list(2, Self::person),
                    not_voting_names: self.list(2, Self::person),
                },
                amounts: self.list(3, |g| Amount {
                    cents: g.next() as i64,
                    currency: g.string(),
                    tax: g.opt(|g| g.pick(&[Tax::Ttc, Tax::Ht])),
                    text: g.string(),
                    line: g.u32(),
                    page: g.opt_u32(),
                }),
                establishments: self.list(2, |g| Establishment {
                    uai: g.string(),
                    name: g.opt_string(),
                    kind: g.opt(|g| {
                        g.pick(&[
                            EstablishmentKind::Maternelle,
                            EstablishmentKind::Elementaire,
                            EstablishmentKind::Primaire,
                            EstablishmentKind::College,
                            EstablishmentKind::Lycee,
                            EstablishmentKind::Other,
                        ])
                    }),
                    town: g.opt_string(),
                    department: g.opt_string(),
                    check_ok: g.flip(),
                    line: g.u32(),
                }),
                identifiers: self.list(3, |g| Identifier {
                    kind: g.pick(&[IdentifierKind::Uai, IdentifierKind::Siren, IdentifierKind::Siret, IdentifierKind::Actes, IdentifierKind::Insee]),
                    value: g.string(),
                    check_ok: g.opt(Self::flip),
                    line: g.u32(),
                    repaired_from: g.opt_string(),
                }),
                transmission: Transmission {
                    actes_id: self.opt_string(),
                    actes: self.opt(|g| ActesParts {
                        department: g.string(),
                        siren: g.string(),
                        date: g.opt(Self::date),
                        internal_id: g.string(),
                        nature: g.string(),
                    }),
                    received_on: self.opt(Self::date),
                    posted_on: self.opt(Self::date),
                    line: self.opt_u32(),
                },
                election: self.opt(|g| Election {
                    seats: g.opt_u32(),
                    candidates: g.list(2, |g| Candidate { person: g.person(), votes: g.opt_u32() }),
                    blank: g.opt_u32(),
                    void: g.opt_u32(),
                    voting: g.opt_u32(),
                    elected: g.list(2, Self::person),
                }),
                checks: self.list(4, |g| Check {
                    id: g.string().into(),
                    status: g.pick(&[CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Skip, CheckStatus::Warn]),
                    message: g.string().into(),
                    line: g.opt_u32(),
                    expected: g.opt(Self::value),
                    found: g.opt(Self::value),
                }),
                warnings: self.list(2, |g| Warning { kind: g.string(), message: g.string(), line: g.opt_u32() }),
            }
        }
    }

    /// Strings around the boundaries of the writer's paths.
    fn fixed_pool() -> Vec<String> {
        let mut pool: Vec<String> = ["", "M.", "Mme", "é", "Noël", "DUPONT-MARTIN", "a\"b", "\\", "x\n", "\u{1f}", "\u{7f}é"]
            .into_iter()
            .map(String::from)
            .collect();
        for n in [1, 3, 4, 7, 8, 13, 14, 15, 16, 17, 31, 32, 33, 70] {
            pool.push("b".repeat(n));
            for (pos, c) in [(0, '"'), (n / 2, '\\'), (n - 1, '\t'), (n - 1, '\u{0}')] {
                let mut s: Vec<char> = "é".repeat(n).chars().collect();
                s.truncate(n);
                if let Some(slot) = s.get_mut(pos) {
                    *slot = c;
                }
                pool.push(s.into_iter().collect());
            }
        }
        pool
    }

    fn assert_record_like_serde_json(record: &Deliberation) {
        let mut fast = b"before".to_vec();
        write_deliberation(&mut fast, record).unwrap();
        let want = serde_json::to_vec(record).unwrap();
        assert_eq!(String::from_utf8_lossy(&fast[6..]), String::from_utf8_lossy(&want));
        assert_eq!(&fast[..6], b"before");
    }

    #[test]
    fn default_and_full_records_are_written_like_serde_json() {
        assert_record_like_serde_json(&Deliberation::default());
        let pool = fixed_pool();
        for seed in 1..300 {
            let record = Gen { state: seed, pool: &pool }.record();
            assert_record_like_serde_json(&record);
        }
    }

    #[test]
    fn quote_short_covers_each_length() {
        for n in 0..40 {
            for b in [b'a', 0xC3, b'"', b'\\', b'\n', 0x1F, 0x7F] {
                for pos in 0..n {
                    let mut s = vec![b'z'; n];
                    s[pos] = b;
                    let mut dst = [b'"'; 16];
                    let ok = n <= 14 && !must_escape(b);
                    assert_eq!(n > 14 || quote_short(&mut dst, &s), n > 14 || ok, "len {n} pos {pos} byte {b}");
                    let mut wide = [b'"'; 32];
                    let medium = (16..=30).contains(&n) && !must_escape(b);
                    assert_eq!(quote_medium(&mut wide, &s), medium, "len {n} pos {pos} byte {b}");
                    if medium {
                        assert_eq!(&wide[1..n + 1], &s[..]);
                        assert_eq!(wide[0], b'"');
                        assert_eq!(wide[n + 1], b'"');
                    }
                    if ok {
                        let mut want = vec![b'"'];
                        want.extend_from_slice(&s);
                        want.push(b'"');
                        assert_eq!(&dst[..n + 2], &want[..]);
                    }
                    let mut out = b"ab".to_vec();
                    write_short_str(&mut out, std::str::from_utf8(&s).unwrap_or("é\u{1}"));
                    let mut slow = b"ab".to_vec();
                    serde_json::to_writer(&mut slow, std::str::from_utf8(&s).unwrap_or("é\u{1}")).unwrap();
                    assert_eq!(out, slow);
                }
            }
        }
        let mut dst = [b'"'; 16];
        assert!(quote_short(&mut dst, b""));
        assert_eq!(&dst[..2], b"\"\"");
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Random records, with random strings mixed into the pool.
        #[test]
        fn any_record_is_written_like_serde_json(
            seed in any::<u64>(),
            strings in prop::collection::vec("(?s).{0,40}|[ -~éÉ«»\n\t\"\\\\\u{0}-\u{1f}]{0,20}", 1..8),
        ) {
            let mut pool = fixed_pool();
            pool.extend(strings);
            let record = Gen { state: seed | 1, pool: &pool }.record();
            let mut fast = Vec::new();
            prop_assert!(write_deliberation(&mut fast, &record).is_ok());
            let want = serde_json::to_vec(&record).unwrap();
            prop_assert_eq!(String::from_utf8_lossy(&fast), String::from_utf8_lossy(&want));
        }
    }
}
