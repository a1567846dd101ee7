//! Many inputs: read, extract, audit; records or error records, in input
//! order, in parallel, with bounded memory.
//!
//! [`Inputs`] turns command-line arguments (files, directories, `-`) into
//! a lazy, sorted stream of [`Input`]s; [`run`] processes them on a rayon
//! pool and hands each result to a sink in input order. At most
//! `window` inputs are in flight (being read, processed, or waiting in the
//! reorder buffer for an earlier one), and the bytes read but not yet
//! processed are capped, so memory does not grow with the number of
//! inputs. Output does not depend on the number of workers.
//!
//! Nothing an input holds can stop the batch: unreadable files, bad
//! encodings, broken PDFs and panics of the extractor all become one
//! [`ErrorRecord`] for that input.

use crate::extract::{SourceMeta, extract_with};
use crate::load::{LoadError, LoadOptions, load_bytes_with, looks_binary, too_large};
use crate::model::{CheckStatus, Deliberation, ErrorInfo, ErrorKind, ErrorRecord, Format, SCHEMA, Source, Warning};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

/// What one input produced: its records, or one error record.
#[derive(Clone, Debug)]
pub enum Output {
    Records(Vec<Deliberation>),
    Error(ErrorRecord),
}

impl Output {
    /// Number of JSON objects this output writes.
    pub fn len(&self) -> usize {
        match self {
            Output::Records(r) => r.len(),
            Output::Error(_) => 1,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Processes the bytes of one input named `path` with default options.
pub fn process_bytes(path: &str, bytes: &[u8]) -> Output {
    process_bytes_with(path, bytes, &LoadOptions::default())
}

/// Processes the bytes of one input named `path`: load, extract, audit.
/// Never panics: a panic of the extractor becomes a `panic` error record.
pub fn process_bytes_with(path: &str, bytes: &[u8], opts: &LoadOptions) -> Output {
    let sha256 = hex(&Sha256::digest(bytes));
    let loaded = match crate::load::quietly(|| load_bytes_with(bytes, path, opts)) {
        Ok(Ok(l)) => l,
        Ok(Err(e)) => return Output::Error(error_record_for(path, bytes, sha256, e)),
        Err(msg) => return Output::Error(error_record_for(path, bytes, sha256, LoadError::new(ErrorKind::Panic, msg))),
    };
    let meta = SourceMeta { path: path.to_string(), sha256, format: loaded.format, page_starts: loaded.page_starts };
    let records = crate::load::quietly(|| extract_with(&loaded.text, &meta));
    let mut records = match records {
        Ok(r) => r,
        Err(msg) => {
            let e = LoadError::new(ErrorKind::Panic, format!("internal error while extracting: {msg}"));
            return Output::Error(error_record_for(path, bytes, meta.sha256, e));
        }
    };
    if records.is_empty() {
        // The segmenter promises one item at least; keep the input
        // accounted for if it ever does not.
        records.push(Deliberation {
            source: Source {
                path: path.to_string(),
                sha256: meta.sha256.clone(),
                format: meta.format,
                count: Some(1),
                ..Source::default()
            },
            warnings: vec![Warning {
                kind: "no_deliberation".into(),
                message: "no deliberation found in the text".into(),
                line: None,
            }],
            ..Deliberation::default()
        });
    }
    for r in &mut records {
        for note in &loaded.notes {
            r.warnings.push(Warning { kind: "decoding".into(), message: note.clone(), line: None });
        }
    }
    Output::Records(records)
}

/// The error record of an input.
/// `source.format` is told by the name (`.pdf`, `.md`); see also
/// [`error_record_for`].
pub fn error_record(path: &str, sha256: String, e: LoadError) -> ErrorRecord {
    ErrorRecord {
        schema: SCHEMA.into(),
        source: Source { path: path.to_string(), sha256, format: format_by_name(path), ..Source::default() },
        error: ErrorInfo { kind: e.kind, message: e.message },
    }
}

/// The format a name tells: `.pdf`, `.md` or `.markdown` (any case), text
/// otherwise.
fn format_by_name(path: &str) -> Format {
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".pdf") {
        Format::Pdf
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The error record of an input whose bytes were read: a PDF by its
/// content is `pdf` whatever its name.
pub fn error_record_for(path: &str, bytes: &[u8], sha256: String, e: LoadError) -> ErrorRecord {
    let mut r = error_record(path, sha256, e);
    if crate::load::is_pdf(bytes) {
        r.source.format = Format::Pdf;
    }
    r
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // Two lower-case hex digits a byte, from a table (not the formatting
    // machinery, which cost ~240 instructions a byte of a digest).
    bytes.iter().flat_map(|&b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 15)]]).map(char::from).collect()
}

// ---------------------------------------------------------------- inputs

/// One input of a batch.
#[derive(Debug)]
pub struct Input {
    /// The name written in `source.path`: as given, or as found by the walk.
    pub name: String,
    pub kind: InputKind,
}

#[derive(Debug)]
pub enum InputKind {
    /// A file to read, with its size when the walk already knows it (the
    /// read then needs no second `stat`; a stale size only sizes the buffer
    /// and the memory budget, the byte cap is enforced while reading).
    File(PathBuf, Option<u64>),
    /// A named regular file already opened, with its size then.
    Opened(PathBuf, fs::File, u64),
    /// Standard input (`-`).
    Stdin,
    /// Could not even be listed (missing path, unreadable directory).
    Failed(ErrorKind, String),
    /// Found by the walk but not a document (an image, an archive…):
    /// counted, not processed.
    Skipped,
}

impl Input {
    fn file(path: PathBuf, size: Option<u64>) -> Input {
        Input { name: path.to_string_lossy().into_owned(), kind: InputKind::File(path, size) }
    }

    /// The size of the file, when known before it is read (else 0).
    fn known_size(&self) -> u64 {
        match self.kind {
            InputKind::File(_, Some(n)) | InputKind::Opened(_, _, n) => n,
            _ => 0,
        }
    }
}

/// Extensions read without sniffing.
const TEXT_EXTS: [&str; 5] = ["txt", "md", "markdown", "pdf", "text"];

/// Lazily expands arguments into inputs: `-` is standard input, a file is
/// itself, a directory is walked recursively in sorted order (hidden
/// entries skipped, symbolic links to directories not followed). Files
/// found by the walk are taken when their extension is `.txt`, `.md` or
/// `.pdf`, or when their first bytes are a PDF or text; images, archives
/// and other binaries are [`InputKind::Skipped`]. Named files are always
/// taken.
pub struct Inputs<A> {
    args: A,
    /// Pending entries of the directories being walked, deepest last.
    stack: Vec<Pending>,
}

impl<A: Iterator<Item = io::Result<PathBuf>>> Inputs<A> {
    pub fn new(args: A) -> Self {
        Inputs { args, stack: Vec::new() }
    }
}

/// Inputs from a list of paths (command-line arguments).
pub fn inputs_from_paths(paths: Vec<PathBuf>) -> Inputs<impl Iterator<Item = io::Result<PathBuf>>> {
    Inputs::new(paths.into_iter().map(Ok))
}

/// Paths listed in a reader, one per line (or NUL-separated with `nul`);
/// empty entries are ignored, a trailing `\r` is dropped.
pub fn list_paths<R: BufRead>(mut r: R, nul: bool) -> impl Iterator<Item = io::Result<PathBuf>> {
    let sep = if nul { 0 } else { b'\n' };
    std::iter::from_fn(move || {
        loop {
            let mut buf = Vec::new();
            match r.read_until(sep, &mut buf) {
                Ok(0) => return None,
                Ok(_) => {
                    if buf.last() == Some(&sep) {
                        buf.pop();
                    }
                    if !nul && buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                    if buf.is_empty() {
                        continue;
                    }
                    return Some(Ok(bytes_to_path(buf)));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Some(Err(e)),
            }
        }
    })
}

#[cfg(unix)]
fn bytes_to_path(b: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(b))
}

#[cfg(not(unix))]
fn bytes_to_path(b: Vec<u8>) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(&b).into_owned())
}

impl<A: Iterator<Item = io::Result<PathBuf>>> Iterator for Inputs<A> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        loop {
            if let Some(top) = self.stack.last_mut() {
                let Some((path, kind)) = top.pop_front() else {
                    self.stack.pop();
                    continue;
                };
                // A regular file: its size is asked once it is opened.
                match kind {
                    Entry::File => {
                        return Some(if wanted(&path) { Input::file(path, None) } else { Input { kind: InputKind::Skipped, ..Input::file(path, None) } });
                    }
                    Entry::Dir => {
                        if let Some(err) = self.enter(&path) {
                            return Some(err);
                        }
                        continue;
                    }
                    Entry::Other => {}
                }
                let (ft, size) = match fs::symlink_metadata(&path) {
                    // A link's size is its target's name: not known here.
                    Ok(m) => (m.file_type(), m.file_type().is_file().then_some(m.len())),
                    Err(e) => return Some(failed(&path, e)),
                };
                if ft.is_dir() {
                    if let Some(err) = self.enter(&path) {
                        return Some(err);
                    }
                    continue;
                }
                // Links to directories are not followed (no loops); FIFOs,
                // sockets and devices are not documents.
                let regular = ft.is_file() || (ft.is_symlink() && path.is_file());
                if !regular {
                    if ft.is_symlink() && path.is_dir() {
                        continue;
                    }
                    return Some(Input { kind: InputKind::Skipped, ..Input::file(path, None) });
                }
                return Some(if wanted(&path) {
                    Input::file(path, size)
                } else {
                    Input { kind: InputKind::Skipped, ..Input::file(path, None) }
                });
            }
            let arg = match self.args.next()? {
                Ok(a) => a,
                Err(e) => {
                    return Some(Input {
                        name: "--files-from".into(),
                        kind: InputKind::Failed(ErrorKind::Io, format!("cannot read the list of files: {e}")),
                    });
                }
            };
            if arg.as_os_str() == "-" {
                return Some(Input { name: "-".into(), kind: InputKind::Stdin });
            }
            // Opened first and asked its metadata through the handle: one
            // walk of the path instead of two (a `stat` and an `open`). A
            // path that does not open takes the old way, whose errors and
            // directories are told apart by `stat`.
            if let Ok(f) = fs::File::open(&arg)
                && let Ok(m) = f.metadata()
                && m.is_file()
            {
                return Some(Input { name: arg.to_string_lossy().into_owned(), kind: InputKind::Opened(arg, f, m.len()) });
            }
            match fs::metadata(&arg) {
                Ok(m) if m.is_dir() => {
                    if let Some(err) = self.enter(&arg) {
                        return Some(err);
                    }
                }
                Ok(m) => return Some(Input::file(arg, Some(m.len()))),
                Err(e) => return Some(failed(&arg, e)),
            }
        }
    }
}

impl<A> Inputs<A> {
    /// Pushes the sorted, visible entries of a directory.
    fn enter(&mut self, dir: &Path) -> Option<Input> {
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => return Some(failed(dir, e)),
        };
        let mut p = Pending { dir: dir.to_path_buf(), bytes: Vec::new(), names: Vec::new(), next: 0 };
        for e in rd.filter_map(|e| e.ok()) {
            let name = e.file_name();
            let b = name.as_encoded_bytes();
            // (Offsets in u32: 4 GiB of names in one directory cannot be.)
            let (Ok(start), Ok(end)) = (u32::try_from(p.bytes.len()), u32::try_from(p.bytes.len() + b.len())) else {
                return Some(failed(dir, io::Error::other("too many entries")));
            };
            if !b.starts_with(b".") {
                // The type as the directory listing tells it (no `stat`),
                // when the file system tells it.
                let kind = match e.file_type() {
                    Ok(t) if t.is_file() => Entry::File,
                    Ok(t) if t.is_dir() => Entry::Dir,
                    _ => Entry::Other,
                };
                p.names.push((start, end, kind));
                p.bytes.extend_from_slice(b);
            }
        }
        p.names.shrink_to_fit();
        p.bytes.shrink_to_fit();
        let bytes = &p.bytes;
        let name = |&(s, e, _): &(u32, u32, Entry)| &bytes[s as usize..e as usize];
        p.names.sort_unstable_by(|a, b| name(a).cmp(name(b)));
        self.stack.push(p);
        None
    }
}

/// The sorted, visible entries of a directory still to visit, kept
/// compactly: the names' bytes end to end and the offsets of each (~20
/// bytes an entry, against ~100 for a `PathBuf` each), so that walking a
/// flat directory of many thousand files holds little memory. (A sorted
/// walk must list a whole directory before its first entry.)
struct Pending {
    dir: PathBuf,
    bytes: Vec<u8>,
    names: Vec<(u32, u32, Entry)>,
    next: usize,
}

/// The type of a directory entry as its listing gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Entry {
    File,
    Dir,
    /// A link, a special file, or not told: asked with `lstat`.
    Other,
}

impl Pending {
    /// The path of the next entry, in byte order of the names.
    fn pop_front(&mut self) -> Option<(PathBuf, Entry)> {
        let &(s, e, kind) = self.names.get(self.next)?;
        self.next += 1;
        Some((self.dir.join(bytes_to_path(self.bytes.get(s as usize..e as usize).unwrap_or_default().to_vec())), kind))
    }
}

fn failed(path: &Path, e: io::Error) -> Input {
    Input {
        name: path.to_string_lossy().into_owned(),
        kind: InputKind::Failed(ErrorKind::Io, format!("cannot read {}: {e}", path.display())),
    }
}

/// Whether a file found by the walk is a document.
fn wanted(path: &Path) -> bool {
    let ext = path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase());
    if ext.as_deref().is_some_and(|e| TEXT_EXTS.contains(&e)) {
        return true;
    }
    let mut head = [0u8; 1024];
    let n = match fs::File::open(path).and_then(|mut f| read_up_to(&mut f, &mut head)) {
        Ok(n) => n,
        // Let the reader report the error as a record.
        Err(_) => return true,
    };
    let head = &head[..n];
    if crate::load::is_pdf(head) {
        return true;
    }
    const MAGIC: [&[u8]; 12] = [
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"II*\0",
        b"MM\0*",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"7z\xBC\xAF",
        b"Rar!",
        b"\xD0\xCF\x11\xE0",
        b"\x7FELF",
        b"BM",
    ];
    if MAGIC.iter().any(|m| head.starts_with(m)) {
        return false;
    }
    // UTF-16 text has many NULs: let the decoder judge it.
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    n > 0 && (utf16 || !looks_binary(head))
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

// ---------------------------------------------------------------- shards

/// `--shard K/N`: this run takes the inputs whose path hashes to K (1-based) of N.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let (k, n) = s.split_once('/').ok_or_else(|| format!("expected K/N, got {s:?}"))?;
        let k: u64 = k.trim().parse().map_err(|_| format!("bad shard index {k:?}"))?;
        let n: u64 = n.trim().parse().map_err(|_| format!("bad shard count {n:?}"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("shard K/N needs 1 <= K <= N, got {k}/{n}"));
        }
        Ok(Shard { index: k, count: n })
    }
}

impl Shard {
    /// Whether this shard takes the input named `name`.
    pub fn takes(&self, name: &str) -> bool {
        fnv1a(name.as_bytes()) % self.count == self.index - 1
    }
}

/// 64-bit FNV-1a: stable across runs, machines and versions.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

// ---------------------------------------------------------------- engine

/// Batch options.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads (0: all cores).
    pub jobs: usize,
    pub load: LoadOptions,
    pub shard: Option<Shard>,
    /// Inputs in flight at most (0: four jobs of four inputs per worker).
    pub window: usize,
    /// Bytes read and not yet processed, at most (one bigger input still
    /// goes alone).
    pub max_bytes_in_flight: u64,
    /// Renders each input's output in the worker that processed it, into
    /// [`Done::rendered`], so that serializing runs in parallel too and the
    /// sink only writes bytes in order.
    pub render: Option<fn(&Output) -> Vec<u8>>,
    /// With one job, process the inputs on the calling thread instead of a
    /// one-thread pool, which saves two thread hand-offs per input (a fifth
    /// of the time on small documents). The parsers can recurse deeply on
    /// pathological text, so the caller's stack must be as large as a
    /// worker's ([`WORKER_STACK`]); the `registre` command runs on such a
    /// thread.
    pub inline_single: bool,
    /// Hand each [`Done::output`] to the sink. Without it (with a
    /// [`Options::render`]), the worker drops the output once rendered and
    /// the sink gets an empty list of records there: the memory of a
    /// document's records is then freed by the thread that made it, not
    /// by the writing thread (a free from another thread is dearer, and
    /// the writing thread is the one that runs alone).
    pub keep_output: bool,
    /// Called by a pool worker once it has processed [`TRIM_EVERY`] inputs
    /// or [`TRIM_BYTES`] bytes since its last call, between two jobs: the
    /// binary hands its allocator's freed pages back to the system there.
    /// Without it, the peak memory of two workers kept rising with the
    /// number of inputs (about 11.0 MB after 1 000 generated documents,
    /// 12.2 MB after 10 000, 13.0 MB after 100 000), pages freed by one
    /// worker lingering while the other took fresh ones; with it,
    /// 10.8–11.4, 11.0–11.7 and 11.5–11.7 MB.
    pub trim: Option<fn()>,
}

/// Inputs a worker processes between two calls of [`Options::trim`]. On
/// 1 010 generated documents with two workers, a call every 128 inputs
/// made 400–650 more page faults (memory handed back, then taken again)
/// and up to 4 % more CPU; every 256, some 200 more faults and no
/// measurable time.
pub const TRIM_EVERY: usize = 256;

/// Bytes a worker reads between two calls of [`Options::trim`], at most
/// (a few large PDFs take as much memory as thousands of small texts).
pub const TRIM_BYTES: u64 = 32 << 20;

/// Stack size of a worker thread: parsers may recurse deeply on
/// pathological text (100 000 nested parentheses).
pub const WORKER_STACK: usize = 64 << 20;

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 0,
            load: LoadOptions::default(),
            shard: None,
            window: 0,
            max_bytes_in_flight: 512 << 20,
            render: None,
            inline_single: false,
            keep_output: true,
            trim: None,
        }
    }
}

/// One processed input, handed to the sink in input order.
#[derive(Debug)]
pub struct Done {
    /// 0-based position among the processed inputs.
    pub seq: usize,
    pub name: String,
    /// Bytes read.
    pub bytes: u64,
    pub output: Output,
    /// The output rendered by [`Options::render`] (empty without one).
    pub rendered: Vec<u8>,
    /// What the batch summary counts of the output.
    pub tally: Tally,
}

/// What [`Summary`] counts of one input's output, taken when it is made
/// (so that the output itself may be dropped by the worker that made it,
/// see [`Options::keep_output`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    /// Records written.
    pub records: u64,
    /// The rule id of each failed check.
    pub failed_checks: Vec<std::borrow::Cow<'static, str>>,
    /// The kind of an error record.
    pub error: Option<&'static str>,
}

impl Tally {
    pub fn of(output: &Output) -> Tally {
        match output {
            Output::Records(rs) => Tally {
                records: rs.len() as u64,
                failed_checks: rs.iter().flat_map(|r| &r.checks).filter(|c| c.status == CheckStatus::Fail).map(|c| c.id.clone()).collect(),
                error: None,
            },
            Output::Error(e) => Tally { records: 0, failed_checks: Vec::new(), error: Some(e.error.kind.as_str()) },
        }
    }
}

/// Totals of a batch.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Summary {
    /// Inputs processed (error records included).
    pub documents: u64,
    /// Deliberation records written.
    pub records: u64,
    /// Inputs that gave an error record.
    pub errors: u64,
    pub errors_by_kind: BTreeMap<String, u64>,
    /// Checks with status `fail`, by rule id.
    pub failed_checks: BTreeMap<String, u64>,
    /// Files met by the walk that are not documents.
    pub skipped: u64,
    /// Inputs left to another shard.
    pub other_shards: u64,
    pub bytes: u64,
    pub jobs: usize,
    pub seconds: f64,
    pub documents_per_second: f64,
    pub megabytes_per_second: f64,
}

impl Summary {
    fn add(&mut self, d: &Done) {
        self.documents += 1;
        self.bytes += d.bytes;
        let t = &d.tally;
        self.records += t.records;
        for id in &t.failed_checks {
            // The id is copied only the first time it is counted.
            match self.failed_checks.get_mut(id.as_ref()) {
                Some(n) => *n += 1,
                None => {
                    self.failed_checks.insert(id.to_string(), 1);
                }
            }
        }
        if let Some(kind) = t.error {
            self.errors += 1;
            *self.errors_by_kind.entry(kind.to_string()).or_default() += 1;
        }
    }

    fn finish(&mut self, elapsed: Duration) {
        self.seconds = elapsed.as_secs_f64();
        let s = self.seconds.max(1e-9);
        self.documents_per_second = self.documents as f64 / s;
        self.megabytes_per_second = self.bytes as f64 / 1e6 / s;
    }

    /// A few lines for humans.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "registre: {} documents, {} records, {} errors; {:.1} MB in {:.2} s ({:.1} documents/s, {:.2} MB/s, {} workers)\n",
            self.documents,
            self.records,
            self.errors,
            self.bytes as f64 / 1e6,
            self.seconds,
            self.documents_per_second,
            self.megabytes_per_second,
            self.jobs
        );
        if self.skipped > 0 || self.other_shards > 0 {
            s += &format!(
                "registre: skipped {} non-document files, {} inputs of other shards\n",
                self.skipped, self.other_shards
            );
        }
        if !self.errors_by_kind.is_empty() {
            let list: Vec<_> = self.errors_by_kind.iter().map(|(k, n)| format!("{k} {n}")).collect();
            s += &format!("registre: errors by kind: {}\n", list.join(", "));
        }
        if !self.failed_checks.is_empty() {
            let list: Vec<_> = self.failed_checks.iter().map(|(k, n)| format!("{k} {n}")).collect();
            s += &format!("registre: failed checks: {}\n", list.join(", "));
        }
        s
    }
}

/// Caps the bytes held by workers between reading and processing.
struct Budget {
    max: u64,
    used: Mutex<BudgetState>,
    freed: Condvar,
}

#[derive(Default)]
struct BudgetState {
    used: u64,
    /// Workers waiting for bytes: without any, a release wakes nobody (a
    /// notification is a system call even with no waiter).
    waiting: usize,
}

impl Budget {
    fn new(max: u64) -> Budget {
        Budget { max: max.max(1), used: Mutex::new(BudgetState::default()), freed: Condvar::new() }
    }

    fn acquire(&self, n: u64) -> u64 {
        let n = n.min(self.max);
        let mut st = self.used.lock().unwrap_or_else(|p| p.into_inner());
        while st.used > 0 && st.used + n > self.max {
            st.waiting += 1;
            st = self.freed.wait(st).unwrap_or_else(|p| p.into_inner());
            st.waiting -= 1;
        }
        st.used += n;
        n
    }

    fn release(&self, n: u64) {
        let mut st = self.used.lock().unwrap_or_else(|p| p.into_inner());
        st.used = st.used.saturating_sub(n);
        if st.waiting > 0 {
            self.freed.notify_all();
        }
    }
}

/// Processes every input and hands the results to `sink` in input
/// order; stops early when the sink fails (e.g. a closed stdout) and
/// returns its error. `progress` is called with each result too, before
/// the sink.
pub fn run<I, F, E>(inputs: I, opts: &Options, mut sink: F) -> Result<Summary, E>
where
    I: IntoIterator<Item = Input>,
    F: FnMut(&Done) -> Result<(), E>,
{
    let start = Instant::now();
    let jobs = if opts.jobs == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { opts.jobs };
    let window = if opts.window == 0 { jobs * 4 * CHUNK } else { opts.window }.max(1);
    let mut summary = Summary { jobs, ..Summary::default() };
    if jobs == 1 && opts.inline_single {
        return run_inline(inputs, opts, summary, start, sink);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("registre-{i}"))
        .build();
    let pool = match pool {
        Ok(p) => p,
        Err(_) => rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("a one-thread pool"),
    };
    let load = Arc::new(opts.load.clone());
    let budget = Arc::new(Budget::new(opts.max_bytes_in_flight));
    let (tx, rx) = mpsc::channel::<Vec<Done>>();
    let mut inputs = inputs.into_iter();
    let (mut spawned, mut next) = (0usize, 0usize);
    let mut exhausted = false;
    // Results by the seq of their job's first input.
    let mut pending: BTreeMap<usize, Vec<Done>> = BTreeMap::new();
    let mut chunk: Vec<Input> = Vec::with_capacity(CHUNK);
    // The known bytes of the inputs in `chunk`.
    let mut chunk_bytes = 0u64;
    loop {
        while !exhausted && spawned + chunk.len() - next < window {
            let Some(input) = inputs.next() else {
                exhausted = true;
                break;
            };
            if !admit(&input, opts, &mut summary) {
                continue;
            }
            // A PDF goes in a job of its own: one can take as long as
            // thousands of text files, and a job's inputs are processed one
            // after the other.
            let alone = format_by_name(&input.name) == Format::Pdf;
            chunk_bytes += input.known_size();
            chunk.push(input);
            if alone || chunk.len() == CHUNK || chunk_bytes >= CHUNK_BYTES {
                spawned += spawn_chunk(&pool, std::mem::take(&mut chunk), spawned, &tx, &load, &budget, Finish::of(opts));
                chunk_bytes = 0;
            }
        }
        if !chunk.is_empty() {
            // The window is full or the inputs are exhausted: start what
            // is gathered rather than wait for more.
            spawned += spawn_chunk(&pool, std::mem::take(&mut chunk), spawned, &tx, &load, &budget, Finish::of(opts));
            chunk_bytes = 0;
        }
        if exhausted && next == spawned {
            break;
        }
        let Ok(dones) = rx.recv() else { break };
        if let Some(first) = dones.first() {
            pending.insert(first.seq, dones);
        }
        while let Some(dones) = pending.remove(&next) {
            for done in &dones {
                summary.add(done);
                next += 1;
                sink(done)?;
            }
        }
    }
    summary.finish(start.elapsed());
    Ok(summary)
}

/// What a worker does with an input's output once made: render it
/// ([`Options::render`]) and drop it ([`Options::keep_output`]); and after
/// a job, trim its memory when due ([`Options::trim`]).
#[derive(Clone, Copy)]
struct Finish {
    render: Option<fn(&Output) -> Vec<u8>>,
    keep_output: bool,
    trim: Option<fn()>,
}

impl Finish {
    fn of(opts: &Options) -> Finish {
        Finish { render: opts.render, keep_output: opts.keep_output, trim: opts.trim }
    }

    /// Counts a finished job of `inputs` inputs and `bytes` bytes on this
    /// worker, and calls [`Options::trim`] when it is due.
    fn after_job(self, inputs: usize, bytes: u64) {
        thread_local! {
            /// Inputs and bytes this worker processed since its last trim.
            static SINCE_TRIM: std::cell::Cell<(usize, u64)> = const { std::cell::Cell::new((0, 0)) };
        }
        let Some(trim) = self.trim else { return };
        let (n, b) = SINCE_TRIM.get();
        let (n, b) = (n + inputs, b.saturating_add(bytes));
        if n >= TRIM_EVERY || b >= TRIM_BYTES {
            SINCE_TRIM.set((0, 0));
            trim();
        } else {
            SINCE_TRIM.set((n, b));
        }
    }

    fn apply(self, done: &mut Done) {
        if let Some(render) = self.render {
            done.rendered = render(&done.output);
            if !self.keep_output {
                done.output = Output::Records(Vec::new());
            }
        }
    }
}

/// Inputs per pool job, at most: a job's results go to the writing thread
/// in one message, which wakes it once for several small documents. With
/// two workers on two cores, jobs of 4 spent about 0.02 s more CPU than
/// jobs of 8 on 1 010 small documents (0.18 s against 0.16 s), in
/// hand-offs and wake-ups.
const CHUNK: usize = 8;

/// Known bytes per pool job, at most (a job closes once its inputs reach
/// them): large texts, such as procès-verbaux of 100 KB and more, go one
/// or two to a job. Eight of them in one job, the last of a batch, kept
/// one worker busy 16 to 28 ms after the other had finished.
const CHUNK_BYTES: u64 = 64 << 10;

/// Spawns one pool job that processes `chunk` (seq numbers from `first`)
/// and sends its results in one message; returns the inputs it took.
fn spawn_chunk(
    pool: &rayon::ThreadPool,
    chunk: Vec<Input>,
    first: usize,
    tx: &mpsc::Sender<Vec<Done>>,
    load: &Arc<LoadOptions>,
    budget: &Arc<Budget>,
    finish: Finish,
) -> usize {
    let n = chunk.len();
    let (tx, load, budget) = (tx.clone(), Arc::clone(load), Arc::clone(budget));
    pool.spawn(move || {
        let dones = chunk
            .into_iter()
            .enumerate()
            .map(|(k, input)| {
                let mut done = process_input(first + k, input, &load, Some(&budget));
                finish.apply(&mut done);
                done
            })
            .collect::<Vec<Done>>();
        let bytes = dones.iter().map(|d| d.bytes).sum();
        let _ = tx.send(dones);
        finish.after_job(n, bytes);
    });
    n
}

/// Whether this run processes `input`: not when the walk skipped it, nor
/// when it belongs to another shard (each counted in the summary).
fn admit(input: &Input, opts: &Options, summary: &mut Summary) -> bool {
    if let InputKind::Skipped = input.kind {
        summary.skipped += 1;
        return false;
    }
    if opts.shard.is_some_and(|s| !s.takes(&input.name)) {
        summary.other_shards += 1;
        return false;
    }
    true
}

/// [`run`] with one job on the calling thread: each input is read,
/// processed, rendered and handed to the sink before the next is read.
fn run_inline<I, F, E>(inputs: I, opts: &Options, mut summary: Summary, start: Instant, mut sink: F) -> Result<Summary, E>
where
    I: IntoIterator<Item = Input>,
    F: FnMut(&Done) -> Result<(), E>,
{
    let mut seq = 0;
    for input in inputs {
        if !admit(&input, opts, &mut summary) {
            continue;
        }
        // One input at a time: no byte budget to share.
        let mut done = process_input(seq, input, &opts.load, None);
        Finish::of(opts).apply(&mut done);
        seq += 1;
        summary.add(&done);
        sink(&done)?;
    }
    summary.finish(start.elapsed());
    Ok(summary)
}

/// Reads and processes one input; never panics.
fn process_input(seq: usize, input: Input, load: &LoadOptions, budget: Option<&Budget>) -> Done {
    let name = input.name;
    let fail = |kind, msg: String| Output::Error(error_record(&name, String::new(), LoadError::new(kind, msg)));
    let (bytes, output) = match input.kind {
        InputKind::Failed(kind, msg) => (0, fail(kind, msg)),
        InputKind::Skipped => (0, fail(ErrorKind::Io, "not a document".into())),
        InputKind::Stdin => match read_capped(io::stdin().lock(), load.max_bytes, 0) {
            Ok(Some(b)) => (b.len() as u64, process_bytes_with(&name, &b, load)),
            Ok(None) => {
                (0, Output::Error(error_record(&name, String::new(), too_large(load.max_bytes + 1, load.max_bytes))))
            }
            Err(e) => (0, fail(ErrorKind::Io, format!("cannot read standard input: {e}"))),
        },
        InputKind::File(path, size) => {
            // Opened before its size is asked (through the handle when the
            // walk did not give it): one walk of the path.
            let opened = fs::File::open(&path).and_then(|f| match size {
                Some(len) => Ok((f, len)),
                None => f.metadata().map(|m| (f, m.len())),
            });
            match opened {
                Ok((f, len)) => read_file(&name, &path, f, len, load, budget),
                Err(e) => (0, fail(ErrorKind::Io, format!("cannot read {}: {e}", path.display()))),
            }
        }
        InputKind::Opened(path, f, len) => read_file(&name, &path, f, len, load, budget),
    };
    let tally = Tally::of(&output);
    Done { seq, name, bytes, output, rendered: Vec::new(), tally }
}

/// Reads and processes an opened file of `len` bytes (as last seen: the
/// cap is enforced while reading).
fn read_file(name: &str, path: &Path, f: fs::File, len: u64, load: &LoadOptions, budget: Option<&Budget>) -> (u64, Output) {
    if len > load.max_bytes {
        return (0, Output::Error(error_record(name, String::new(), too_large(len, load.max_bytes))));
    }
    let held = budget.map(|b| b.acquire(len));
    let r = match read_capped(f, load.max_bytes, len) {
        Ok(Some(b)) => (b.len() as u64, process_bytes_with(name, &b, load)),
        Ok(None) => (0, Output::Error(error_record(name, String::new(), too_large(load.max_bytes + 1, load.max_bytes)))),
        Err(e) => (
            0,
            Output::Error(error_record(name, String::new(), LoadError::new(ErrorKind::Io, format!("cannot read {}: {e}", path.display())))),
        ),
    };
    if let (Some(b), Some(n)) = (budget, held) {
        b.release(n);
    }
    r
}

/// All bytes of a reader, or `None` when there are more than `max`.
/// `expected` (a file's size) sizes the buffer so that a file is read in
/// one call rather than a doubling series of them.
fn read_capped(r: impl Read, max: u64, expected: u64) -> io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::with_capacity(expected.min(max).saturating_add(1) as usize);
    r.take(max.saturating_add(1)).read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= max).then_some(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_known_values() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn shards_partition() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for i in 0..200 {
            let name = format!("archive/{i}.txt");
            assert_eq!(shards.iter().filter(|s| s.takes(&name)).count(), 1);
        }
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }

    #[test]
    fn list_paths_lines_and_nul() {
        let v: Vec<_> = list_paths(&b"a.txt\r\n\nb c.pdf\n"[..], false).map(|p| p.unwrap()).collect();
        assert_eq!(v, vec![PathBuf::from("a.txt"), PathBuf::from("b c.pdf")]);
        let v: Vec<_> = list_paths(&b"a\nb\0c\0"[..], true).map(|p| p.unwrap()).collect();
        assert_eq!(v, vec![PathBuf::from("a\nb"), PathBuf::from("c")]);
    }

    #[test]
    fn hex_digest() {
        assert_eq!(hex(&[0, 15, 255]), "000fff");
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(hex(&all), all.iter().map(|b| format!("{b:02x}")).collect::<String>());
    }

    #[test]
    fn budget_lets_a_big_item_through_alone() {
        let b = Budget::new(10);
        assert_eq!(b.acquire(100), 10);
        b.release(10);
        assert_eq!(b.acquire(4), 4);
        assert_eq!(b.acquire(6), 6);
        b.release(4);
        b.release(6);
        assert_eq!(b.used.lock().unwrap().used, 0);
    }

    #[test]
    fn budget_wakes_a_waiting_worker() {
        let b = Arc::new(Budget::new(10));
        assert_eq!(b.acquire(8), 8);
        let waiter = {
            let b = Arc::clone(&b);
            std::thread::spawn(move || b.acquire(5))
        };
        // The waiter blocks until the 8 bytes are released.
        while b.used.lock().unwrap().waiting == 0 {
            std::thread::yield_now();
        }
        b.release(8);
        assert_eq!(waiter.join().unwrap(), 5);
        let st = b.used.lock().unwrap();
        assert_eq!((st.used, st.waiting), (5, 0));
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(format_by_name("a/b/Délib.PDF"), Format::Pdf);
        assert_eq!(format_by_name("x.pdf"), Format::Pdf);
        assert_eq!(format_by_name("pdf"), Format::Text);
        assert_eq!(format_by_name("notes.txt"), Format::Text);
        assert_eq!(format_by_name("é.pd"), Format::Text);
        assert_eq!(format_by_name("Ordre.MARKDOWN"), Format::Markdown);
    }

    #[test]
    fn engine_orders_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let mut names = Vec::new();
        for i in 0..30 {
            let p = dir.path().join(format!("{i:02}.txt"));
            fs::write(&p, if i % 7 == 0 { String::new() } else { format!("Objet : point {i}\nadopté\n") }).unwrap();
            names.push(p);
        }
        // One job on a pool, one on the calling thread, three on a pool.
        for (jobs, inline_single) in [(1, false), (1, true), (3, false)] {
            let opts = Options { jobs, window: 2, inline_single, ..Options::default() };
            let mut seen = Vec::new();
            let s = run(inputs_from_paths(vec![dir.path().to_path_buf()]), &opts, |d| {
                seen.push((d.seq, d.name.clone(), matches!(d.output, Output::Error(_))));
                Ok::<_, ()>(())
            })
            .unwrap();
            assert_eq!(seen.len(), 30);
            for (i, (seq, name, err)) in seen.iter().enumerate() {
                assert_eq!(*seq, i);
                assert_eq!(name, &names[i].to_string_lossy());
                assert_eq!(*err, i % 7 == 0);
            }
            assert_eq!(s.errors_by_kind.get("empty"), Some(&5));
        }
    }

    #[test]
    fn workers_trim_every_so_many_inputs() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static TRIMS: AtomicUsize = AtomicUsize::new(0);
        fn trim() {
            TRIMS.fetch_add(1, Ordering::Relaxed);
        }
        let inputs = |n: usize| {
            (0..n).map(|i| Input { name: format!("{i}"), kind: InputKind::Failed(ErrorKind::Io, "gone".into()) })
        };
        // 2 × TRIM_EVERY + 1 inputs over two workers: each worker calls it
        // once per TRIM_EVERY of its own, so once or twice in all, never
        // more than the inputs allow.
        let opts = Options { jobs: 2, trim: Some(trim), ..Options::default() };
        let s = run(inputs(2 * TRIM_EVERY + 1), &opts, |_| Ok::<_, ()>(())).unwrap();
        assert_eq!(s.errors_by_kind.get("io"), Some(&(2 * TRIM_EVERY as u64 + 1)));
        let n = TRIMS.load(Ordering::Relaxed);
        assert!((1..=2).contains(&n), "{n} trims");
        // Fewer inputs than TRIM_EVERY: no call.
        TRIMS.store(0, Ordering::Relaxed);
        run(inputs(TRIM_EVERY / 2), &opts, |_| Ok::<_, ()>(())).unwrap();
        assert_eq!(TRIMS.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn workers_render_each_output_for_the_sink() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..12 {
            let text = if i % 5 == 0 { String::new() } else { format!("Objet : point {i}\nadopté\n") };
            fs::write(dir.path().join(format!("{i:02}.txt")), text).unwrap();
        }
        fn render(o: &Output) -> Vec<u8> {
            match o {
                Output::Records(rs) => format!("{} records\n", rs.len()).into_bytes(),
                Output::Error(e) => format!("error {:?}\n", e.error.kind).into_bytes(),
            }
        }
        for (jobs, inline_single) in [(2, false), (1, true)] {
            let opts = Options { jobs, render: Some(render), inline_single, ..Options::default() };
            let mut seen = Vec::new();
            run(inputs_from_paths(vec![dir.path().to_path_buf()]), &opts, |d| {
                assert_eq!(d.rendered, render(&d.output));
                seen.extend_from_slice(&d.rendered);
                Ok::<_, ()>(())
            })
            .unwrap();
            let seen = String::from_utf8(seen).unwrap();
            assert_eq!(seen.lines().count(), 12);
            assert!(seen.starts_with("error Empty\n1 records\n"), "{seen}");
        }
        // Dropped outputs: the same bytes and the same summary, and the
        // sink sees no records.
        for (jobs, inline_single) in [(2, false), (1, true)] {
            let run_with = |keep_output: bool| {
                let opts = Options { jobs, render: Some(render), inline_single, keep_output, ..Options::default() };
                let mut seen = Vec::new();
                let summary = run(inputs_from_paths(vec![dir.path().to_path_buf()]), &opts, |d| {
                    if !keep_output {
                        assert_eq!(d.output.len(), 0);
                    }
                    seen.extend_from_slice(&d.rendered);
                    Ok::<_, ()>(())
                })
                .unwrap();
                (seen, Summary { seconds: 0.0, documents_per_second: 0.0, megabytes_per_second: 0.0, ..summary })
            };
            let (kept, dropped) = (run_with(true), run_with(false));
            assert_eq!(kept, dropped);
            assert_eq!((kept.1.records, kept.1.errors), (9, 3));
        }
        // Without a renderer nothing is rendered.
        run(inputs_from_paths(vec![dir.path().to_path_buf()]), &Options { jobs: 2, ..Options::default() }, |d| {
            assert!(d.rendered.is_empty());
            Ok::<_, ()>(())
        })
        .unwrap();
    }

    #[test]
    fn sink_error_stops_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..20 {
            fs::write(dir.path().join(format!("{i:02}.txt")), "Objet : x\n").unwrap();
        }
        for (jobs, inline_single) in [(2, false), (1, true)] {
            let mut n = 0;
            let opts = Options { jobs, inline_single, ..Options::default() };
            let r = run(inputs_from_paths(vec![dir.path().to_path_buf()]), &opts, |_| {
                n += 1;
                if n == 3 { Err("closed") } else { Ok(()) }
            });
            assert_eq!(r.unwrap_err(), "closed");
            assert_eq!(n, 3);
        }
    }

    #[test]
    fn walk_skips_images_and_hidden_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::create_dir(d.join("sub")).unwrap();
        fs::write(d.join("sub/b.txt"), "b").unwrap();
        fs::write(d.join("a.TXT"), "a").unwrap();
        fs::write(d.join("photo.jpg"), b"\xFF\xD8\xFF\xE0rest").unwrap();
        fs::write(d.join("notes"), "plain text without extension").unwrap();
        fs::write(d.join(".hidden.txt"), "h").unwrap();
        let missing = d.join("nope.txt");
        let got: Vec<(String, &str)> = inputs_from_paths(vec![d.to_path_buf(), missing.clone()])
            .map(|i| {
                let k = match i.kind {
                    InputKind::File(..) | InputKind::Opened(..) => "file",
                    InputKind::Skipped => "skipped",
                    InputKind::Failed(..) => "failed",
                    InputKind::Stdin => "stdin",
                };
                (i.name, k)
            })
            .collect();
        let n = |s: &str| d.join(s).to_string_lossy().into_owned();
        assert_eq!(
            got,
            vec![
                (n("a.TXT"), "file"),
                (n("notes"), "file"),
                (n("photo.jpg"), "skipped"),
                (n("sub/b.txt"), "file"),
                (missing.to_string_lossy().into_owned(), "failed")
            ]
        );
    }

    #[test]
    fn error_records_tell_the_format() {
        let Output::Error(e) = process_bytes("scan.bin", b"%PDF-1.4 broken") else { panic!() };
        assert_eq!((e.source.format, e.error.kind), (Format::Pdf, ErrorKind::Pdf));
        let Output::Error(e) = process_bytes("notes.md", b"") else { panic!() };
        assert_eq!((e.source.format, e.error.kind), (Format::Markdown, ErrorKind::Empty));
        assert_eq!(e.source.sha256, hex(&Sha256::digest(b"")));
        let Output::Error(e) = process_bytes("x.txt", b"\0\0\0\x01\x02") else { panic!() };
        assert_eq!((e.source.format, e.error.kind), (Format::Text, ErrorKind::Encoding));
    }

    #[test]
    fn windows_1252_note_becomes_a_warning() {
        let out = process_bytes("x.txt", b"Objet : \xE9cole\n");
        let Output::Records(rs) = out else { panic!("expected records") };
        assert!(rs[0].warnings.iter().any(|w| w.kind == "decoding" && w.message.contains("Windows-1252")));
        assert_eq!(rs[0].source.format, Format::Text);
    }
}
