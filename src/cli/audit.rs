//! `registre audit`: the checks of every record, as compiler-style
//! diagnostics.
//!
//! ```text
//! error[vote.total]: 52 votes for, but 39 present + 14 represented = 53
//!   --> fixtures/perpignan-2023-287.txt:54
//!    |
//! 54 | 52 POUR
//!    | ^^
//! ```
//!
//! Exit status: 0 when no check fails, 1 when one does, 2 when an input
//! cannot be read. The rules live in the library (`registre::audit`); this
//! module only renders their results.

use clap::{Args, ValueEnum};
use registre::batch::{Output, process_bytes};
use registre::model::{Check, CheckStatus, Deliberation};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Output formats of `audit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// Compiler-style diagnostics.
    Human,
    /// The records, one JSON object per line.
    Json,
}

#[derive(Args, Debug)]
pub struct AuditArgs {
    /// Files or directories to audit; `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: AuditFormat,
    /// Also list the checks that pass or are skipped.
    #[arg(long, short)]
    pub verbose: bool,
}

/// Totals over all inputs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub records: usize,
    pub errors: usize,
    pub warnings: usize,
    pub passed: usize,
    pub skipped: usize,
}

impl Tally {
    fn add(&mut self, c: &Check) {
        match c.status {
            CheckStatus::Fail => self.errors += 1,
            CheckStatus::Warn => self.warnings += 1,
            CheckStatus::Pass => self.passed += 1,
            CheckStatus::Skip => self.skipped += 1,
        }
    }
}

/// ANSI styles, or nothing when not on a terminal.
#[derive(Clone, Copy, Debug)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
}

/// The part of `line` to underline for a check: the `found` value when
/// the line holds it (a number as a whole number), else the whole line
/// without its leading and trailing blanks. Returns char columns.
pub fn underline_span(line: &str, c: &Check) -> (usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace()).unwrap_or(0);
    let last = chars.iter().rposition(|c| !c.is_whitespace()).map(|i| i + 1).unwrap_or(chars.len());
    let whole = (first, last.max(first));
    let needle = match &c.found {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return whole,
    };
    if needle.is_empty() {
        return whole;
    }
    let folded: Vec<char> = chars.iter().map(|&c| registre::normalize::fold_char(c)).collect();
    let nf: Vec<char> = needle.chars().map(registre::normalize::fold_char).collect();
    let numeric = nf.iter().all(|c| c.is_ascii_digit());
    let mut i = 0;
    while i + nf.len() <= folded.len() {
        if folded[i..i + nf.len()] == nf[..] {
            let before_ok = !numeric || i == 0 || !folded[i - 1].is_ascii_digit();
            let after_ok = !numeric || folded.get(i + nf.len()).is_none_or(|c| !c.is_ascii_digit());
            if before_ok && after_ok {
                return (i, i + nf.len());
            }
        }
        i += 1;
    }
    // A person's name: underline the family name (last word) when present.
    if let Some(last_word) = needle.split_whitespace().last() {
        let lw: Vec<char> = last_word.chars().map(registre::normalize::fold_char).collect();
        if lw.len() >= 2 {
            let mut i = 0;
            while i + lw.len() <= folded.len() {
                if folded[i..i + lw.len()] == lw[..] {
                    return (i, i + lw.len());
                }
                i += 1;
            }
        }
    }
    whole
}

/// Renders one check as a diagnostic. `lines` are the source lines of the
/// input (the text as loaded), for the quote.
pub fn render_check(path: &str, c: &Check, lines: &[&str], style: Style) -> String {
    let (label, code) = match c.status {
        CheckStatus::Fail => ("error", "1;31"),
        CheckStatus::Warn => ("warning", "1;33"),
        CheckStatus::Pass => ("ok", "1;32"),
        CheckStatus::Skip => ("skipped", "2"),
    };
    let mut out = format!("{}: {}\n", style.paint(code, &format!("{label}[{}]", c.id)), c.message);
    let Some(line) = c.line else {
        out.push_str(&format!("  {} {path}\n", style.paint("1;34", "-->")));
        return out;
    };
    out.push_str(&format!("  {} {path}:{line}\n", style.paint("1;34", "-->")));
    let Some(text) = lines.get((line as usize).wrapping_sub(1)) else { return out };
    // Long lines (a list on one line) are cut around the underlined part.
    let (start, end) = underline_span(text, c);
    let chars: Vec<char> = text.chars().collect();
    let (from, to) = window(chars.len(), start, end, 100);
    let shown: String = chars[from..to].iter().map(|&c| if c == '\t' { ' ' } else { c }).collect();
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < chars.len() { "…" } else { "" };
    let num = line.to_string();
    let pad = " ".repeat(num.len());
    let bar = style.paint("1;34", "|");
    out.push_str(&format!("{pad} {bar}\n"));
    out.push_str(&format!("{} {bar} {prefix}{shown}{suffix}\n", style.paint("1;34", &num)));
    let under_start = start.saturating_sub(from) + prefix.chars().count();
    let under_len = end.min(to).saturating_sub(start.max(from)).max(1);
    out.push_str(&format!("{pad} {bar} {}{}\n", " ".repeat(under_start), style.paint(code, &"^".repeat(under_len))));
    out
}

/// The char window [from, to) of at most `width` chars that shows
/// [start, end) of a line of `len` chars.
fn window(len: usize, start: usize, end: usize, width: usize) -> (usize, usize) {
    if len <= width {
        return (0, len);
    }
    let span = end.saturating_sub(start);
    let margin = width.saturating_sub(span) / 2;
    let from = start.saturating_sub(margin);
    let to = (from + width).min(len);
    (to.saturating_sub(width).min(from), to)
}

/// Renders the diagnostics of one input's records and adds them to the
/// tally. Session-level findings repeat in every record of a procès-verbal:
/// a diagnostic identical in several records (same rule, message and line)
/// is shown and counted once, with the number of records.
pub fn render_records(path: &str, records: &[Deliberation], lines: &[&str], style: Style, verbose: bool, tally: &mut Tally) -> String {
    let mut seen: Vec<(&Check, Vec<usize>)> = Vec::new();
    for (i, r) in records.iter().enumerate() {
        tally.records += 1;
        for c in &r.checks {
            match seen.iter_mut().find(|(d, _)| d.id == c.id && d.status == c.status && d.message == c.message && d.line == c.line) {
                Some((_, recs)) => {
                    if !recs.contains(&i) {
                        recs.push(i);
                    }
                }
                None => {
                    tally.add(c);
                    seen.push((c, vec![i]));
                }
            }
        }
    }
    let mut out = String::new();
    for (c, recs) in seen {
        if verbose || matches!(c.status, CheckStatus::Fail | CheckStatus::Warn) {
            let mut text = render_check(path, c, lines, style);
            if records.len() > 1 {
                let which = if recs.len() == records.len() {
                    "all records".to_string()
                } else {
                    let idx: Vec<String> = recs.iter().take(8).map(|i| format!("#{i}")).collect();
                    format!("record{} {}{}", if recs.len() > 1 { "s" } else { "" }, idx.join(", "), if recs.len() > 8 { ", …" } else { "" })
                };
                text.push_str(&format!("   = in {which}\n"));
            }
            out.push_str(&text);
            out.push('\n');
        }
    }
    out
}

/// The summary line.
pub fn summary(t: &Tally, inputs: usize, unreadable: usize) -> String {
    let plural = |n: usize, w: &str| if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") };
    let mut s = format!(
        "audit: {}, {}: {}, {}, {} passed, {} skipped",
        plural(inputs, "input"),
        plural(t.records, "record"),
        plural(t.errors, "error"),
        plural(t.warnings, "warning"),
        t.passed,
        t.skipped
    );
    if unreadable > 0 {
        s.push_str(&format!(", {} unreadable", unreadable));
    }
    s
}

/// The files under a path (a directory is walked, sorted).
fn expand(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(_) => {
                out.push(path.to_path_buf());
                return;
            }
        };
        entries.sort();
        for e in entries {
            if e.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
                continue;
            }
            expand(&e, out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}

pub fn run(args: AuditArgs) -> ExitCode {
    let stdout = io::stdout();
    let style = Style { color: stdout.is_terminal() };
    let mut out = io::BufWriter::new(stdout.lock());
    let mut files = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            files.push(p.clone());
        } else {
            expand(p, &mut files);
        }
    }
    let mut tally = Tally::default();
    let mut unreadable = 0;
    for path in &files {
        let name = path.to_string_lossy().into_owned();
        let bytes = if name == "-" {
            let mut b = Vec::new();
            io::stdin().read_to_end(&mut b).map(|_| b)
        } else {
            std::fs::read(path)
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(e) => {
                eprintln!("registre: {name}: {e}");
                unreadable += 1;
                continue;
            }
        };
        let res = match process_bytes(&name, &bytes) {
            Output::Records(rs) => match args.format {
                AuditFormat::Json => rs.iter().try_for_each(|r| {
                    tally.records += 1;
                    r.checks.iter().for_each(|c| tally.add(c));
                    serde_json::to_writer(&mut out, r).map_err(io::Error::other)?;
                    out.write_all(b"\n")
                }),
                AuditFormat::Human => {
                    let loaded = registre::load::load_bytes(&bytes, &name).map(|l| l.text).unwrap_or_default();
                    let lines: Vec<&str> = registre::normalize::source_lines(&loaded).collect();
                    let text = render_records(&name, &rs, &lines, style, args.verbose, &mut tally);
                    out.write_all(text.as_bytes())
                }
            },
            Output::Error(e) => {
                unreadable += 1;
                eprintln!("registre: {name}: {}", e.error.message);
                match args.format {
                    AuditFormat::Json => serde_json::to_writer(&mut out, &e).map_err(io::Error::other).and_then(|_| out.write_all(b"\n")),
                    AuditFormat::Human => Ok(()),
                }
            }
        };
        if let Err(e) = res.and_then(|_| out.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("registre: {e}");
            return ExitCode::from(2);
        }
    }
    if args.format == AuditFormat::Human {
        let _ = writeln!(out, "{}", summary(&tally, files.len(), unreadable));
        let _ = out.flush();
    }
    if unreadable > 0 {
        ExitCode::from(2)
    } else if tally.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(msg: &'static str, line: u32, found: serde_json::Value) -> Check {
        Check { id: "vote.total".into(), status: CheckStatus::Fail, message: msg.into(), line: Some(line), expected: None, found: Some(found) }
    }

    #[test]
    fn diagnostic_with_underline() {
        let lines = ["a", "b", "52 POUR"];
        let c = fail("52 votes for, but 39 present + 14 represented = 53", 3, 52.into());
        let s = render_check("f.txt", &c, &lines, Style { color: false });
        assert_eq!(
            s,
            "error[vote.total]: 52 votes for, but 39 present + 14 represented = 53\n  --> f.txt:3\n  |\n3 | 52 POUR\n  | ^^\n"
        );
    }

    #[test]
    fn underline_finds_whole_numbers_and_names() {
        let c = fail("x", 1, 5.into());
        assert_eq!(underline_span("15 POUR, 5 CONTRE", &c), (9, 10));
        let c = fail("x", 1, "Marie BACH".into());
        assert_eq!(underline_span("Secrétaire : Mme Marie Bach", &c), (17, 27));
        let c = fail("x", 1, "Jean DUPONT".into());
        assert_eq!(underline_span("  Pouvoir à M. DUPONT  ", &c), (15, 21));
        let c = fail("x", 1, "zzz".into());
        assert_eq!(underline_span("  abc  ", &c), (2, 5));
    }

    #[test]
    fn long_lines_are_cut_around_the_fact() {
        let long = format!("{}0660207R{}", "x ".repeat(200), " y".repeat(200));
        let c = fail("x", 1, "0660207R".into());
        let s = render_check("f", &c, &[long.as_str()], Style { color: false });
        let quoted = s.lines().nth(3).unwrap();
        assert!(quoted.contains("0660207R") && quoted.starts_with("1 | …"));
        let under = s.lines().nth(4).unwrap();
        assert_eq!(under.trim_start_matches(|c| c != '^').trim_end(), "^^^^^^^^");
        let pos_q = quoted.chars().position(|c| c == '0').unwrap();
        let pos_u = under.chars().position(|c| c == '^').unwrap();
        assert_eq!(pos_q, pos_u);
    }

    #[test]
    fn colours_only_when_asked() {
        let c = fail("m", 1, 1.into());
        assert!(render_check("f", &c, &["1"], Style { color: true }).contains("\x1b[1;31m"));
        assert!(!render_check("f", &c, &["1"], Style { color: false }).contains('\x1b'));
    }

    #[test]
    fn summary_line() {
        let t = Tally { records: 1, errors: 2, warnings: 1, passed: 10, skipped: 3 };
        assert_eq!(summary(&t, 1, 0), "audit: 1 input, 1 record: 2 errors, 1 warning, 10 passed, 3 skipped");
    }

    #[test]
    fn repeated_diagnostics_are_shown_once() {
        let mut r = Deliberation::default();
        r.checks.push(fail("same", 1, 1.into()));
        let mut other = r.clone();
        other.checks.push(fail("only here", 1, 1.into()));
        let mut t = Tally::default();
        let s = render_records("f", &[r.clone(), r, other], &["1"], Style { color: false }, false, &mut t);
        assert_eq!(s.matches("error[vote.total]: same").count(), 1);
        assert!(s.contains("   = in all records\n"));
        assert!(s.contains("   = in record #2\n"));
        assert_eq!((t.records, t.errors), (3, 2));
    }
}
