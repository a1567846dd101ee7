//! Shell completions and man pages come from the clap definitions.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_registre");

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_know_commands_and_formats() {
    for (shell, marker) in [
        ("bash", "complete -F _registre"),
        ("zsh", "#compdef registre"),
        ("fish", "complete -c registre"),
    ] {
        let script = run(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: {marker} missing");
        for word in ["extract", "schema", "completions", "man", "scdl", "jsonl"] {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
}

#[test]
fn completions_reject_an_unknown_shell() {
    let out = Command::new(BIN)
        .args(["completions", "cmd.exe"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid value"));
}

#[test]
fn man_page_is_roff_with_the_commands() {
    let page = run(&["man"]);
    assert!(page.contains(".TH registre 1"), "{page}");
    assert!(
        page.contains(".SH SUBCOMMANDS") || page.contains(".SH COMMANDS"),
        "{page}"
    );
    for word in ["extract", "schema", "completions"] {
        assert!(page.contains(word), "{word} missing");
    }
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    run(&["man", "--dir", dir.path().to_str().unwrap()]);
    for page in [
        "registre.1",
        "registre-extract.1",
        "registre-schema.1",
        "registre-completions.1",
        "registre-man.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH "), "{page}");
    }
    let extract = std::fs::read_to_string(dir.path().join("registre-extract.1")).unwrap();
    assert!(
        extract.contains("scdl") && extract.contains("\\-\\-format"),
        "{extract}"
    );
}

#[test]
fn man_dir_that_cannot_be_written_fails() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/dir");
    let out = Command::new(BIN)
        .args(["man", "--dir"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("registre: "));
}
