//! PDFs in a child process (`--isolate`): a stack overflow or an abort in
//! the PDF reader kills the child, not the batch, and a time limit can be
//! enforced by killing it.
//!
//! Protocol: the child gets the PDF bytes on stdin and writes one JSON
//! object on stdout, `{"ok": Loaded}` or `{"err": LoadError}`
//! ([`child_main`]); anything else, or death by a signal, is a `panic`
//! error.

use super::{Isolation, LoadError, Loaded, load_pdf};
use crate::model::ErrorKind;
use std::io::{self, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum Reply {
    Ok(Loaded),
    Err(LoadError),
}

/// The child side: reads a PDF from `input`, writes the JSON reply.
pub fn child_main(mut input: impl Read, mut output: impl Write) -> io::Result<()> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    let reply = match load_pdf(&bytes) {
        Ok(l) => Reply::Ok(l),
        Err(e) => Reply::Err(e),
    };
    serde_json::to_writer(&mut output, &reply)?;
    output.write_all(b"\n")?;
    output.flush()
}

/// Loads a PDF through a child process (see the module docs).
pub fn load_pdf_isolated(bytes: &[u8], iso: &Isolation) -> Result<Loaded, LoadError> {
    let mut child = Command::new(&iso.program)
        .args(&iso.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| LoadError::new(ErrorKind::Io, format!("cannot start the PDF reader process: {e}")))?;
    let (Some(mut stdin), Some(mut stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(LoadError::new(ErrorKind::Io, "cannot talk to the PDF reader process"));
    };
    let (tx, rx) = mpsc::channel();
    let reply = std::thread::scope(|s| {
        // The child reads all its input before writing, but it may die
        // first: a write error here only means that.
        s.spawn(move || {
            let _ = stdin.write_all(bytes);
        });
        s.spawn(move || {
            let mut buf = Vec::new();
            let r = stdout.read_to_end(&mut buf).map(|_| buf);
            let _ = tx.send(r);
        });
        let got = match iso.timeout {
            Some(t) => rx.recv_timeout(t).ok(),
            None => rx.recv().ok(),
        };
        if got.is_none() {
            // Killing closes its pipes, which ends both helper threads.
            let _ = child.kill();
        }
        got
    });
    let status = child.wait();
    let Some(out) = reply else {
        let secs = iso.timeout.map(|t| t.as_secs_f64()).unwrap_or(0.0);
        return Err(LoadError::new(
            ErrorKind::Timeout,
            format!("the PDF reader did not finish within {secs} s and was stopped"),
        ));
    };
    let out = out.unwrap_or_default();
    if let Ok(reply) = serde_json::from_slice::<Reply>(&out) {
        return match reply {
            Reply::Ok(l) => Ok(l),
            Reply::Err(e) => Err(e),
        };
    }
    let how = match status {
        Ok(st) => describe(st),
        Err(e) => e.to_string(),
    };
    Err(LoadError::new(ErrorKind::Panic, format!("the PDF reader crashed on this file ({how})")))
}

fn describe(st: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = st.signal() {
            let name = match sig {
                6 => " (abort, e.g. stack overflow)",
                9 => " (killed)",
                11 => " (segmentation fault)",
                _ => "",
            };
            return format!("signal {sig}{name}");
        }
    }
    match st.code() {
        Some(c) => format!("exit status {c}"),
        None => "no exit status".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn sh(script: &str, timeout: Option<Duration>) -> Isolation {
        Isolation { program: "sh".into(), args: vec!["-c".into(), script.into()], timeout }
    }

    #[test]
    fn reply_round_trip() {
        let mut out = Vec::new();
        child_main(&b"%PDF-1.4 nonsense"[..], &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("{\"err\":{\"kind\":\"pdf\""), "{s}");
    }

    #[test]
    fn child_reply_is_used() {
        let iso = sh(r#"cat >/dev/null; echo '{"ok":{"text":"a","format":"pdf","page_starts":[1],"notes":[]}}'"#, None);
        let l = load_pdf_isolated(b"%PDF-1.4", &iso).unwrap();
        assert_eq!(l.text, "a");
        assert_eq!(l.page_starts, vec![1]);
    }

    #[test]
    fn crash_is_a_panic_error() {
        let e = load_pdf_isolated(b"%PDF-1.4", &sh("kill -SEGV $$", None)).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Panic);
        assert!(e.message.contains("signal 11"), "{}", e.message);
        let e = load_pdf_isolated(b"%PDF-1.4", &sh("exit 3", None)).unwrap_err();
        assert!(e.message.contains("exit status 3"), "{}", e.message);
    }

    #[test]
    fn slow_child_times_out() {
        let t = std::time::Instant::now();
        let e = load_pdf_isolated(b"%PDF-1.4", &sh("exec sleep 30", Some(Duration::from_millis(200)))).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Timeout);
        assert!(t.elapsed() < Duration::from_secs(10));
    }
}
