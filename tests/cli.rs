//! The command line, end to end: the README's main job, output modes, exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn kinerja(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run kinerja")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The source paths of JSON Lines output, in order.
fn paths_in(jsonl: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(jsonl)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

#[test]
fn parse_corpus_to_a_directory() {
    let root = common::root();
    let out = tempfile::tempdir().unwrap();
    let o = kinerja(
        &["parse", "corpus", "--out", out.path().to_str().unwrap()],
        &root,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "nothing on stdout with --out");
    assert!(
        stderr(&o).contains("5 document(s)"),
        "the run summary: {}",
        stderr(&o)
    );
    for input in common::corpus_files() {
        let stem = input.file_stem().unwrap().to_string_lossy();
        let path = out.path().join(format!("{stem}.json"));
        let written =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} missing", path.display()));
        let doc: kinerja::model::Document = serde_json::from_str(&written).unwrap();
        // the CLI writes exactly what the library returns, path as given
        let lib = common::parse_file(&input);
        assert_eq!(doc, lib, "{stem}");
        assert_eq!(doc.source.path, format!("corpus/{stem}.txt"));
    }
    // no temporary files left behind
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".json"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn one_file_to_stdout_is_pretty_json_and_several_are_json_lines() {
    let root = common::root();
    let o = kinerja(&["parse", "corpus/kalbar_diskopukm_iku_2024.txt"], &root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("{\n"), "pretty-printed");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["schema_version"], 1);

    let o = kinerja(&["parse", "corpus"], &root);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let paths = paths_in(&o.stdout);
    assert_eq!(paths.len(), 5);
    let mut sorted = paths.clone();
    sorted.sort();
    assert_eq!(paths, sorted, "sorted input order");
}

#[test]
fn two_runs_give_identical_bytes() {
    let root = common::root();
    let a = kinerja(&["parse", "corpus", "--jobs", "1"], &root);
    let b = kinerja(&["parse", "corpus", "--jobs", "2"], &root);
    assert_eq!(a.stdout, b.stdout);
}

/// JSON Lines buffers are reused from document to document (a large one
/// then a small one): every line is still the document's own serialization,
/// byte for byte, in input order, with one job and with two.
#[test]
fn json_lines_are_each_documents_own_bytes() {
    let root = common::root();
    let dir = tempfile::tempdir().unwrap();
    let mut texts: Vec<Vec<u8>> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    texts.sort_by_key(Vec::len);
    let mut want = Vec::new();
    for k in 0..60 {
        // sizes up and down, so that a buffer grown for one document is
        // filled with a smaller one
        let text = &texts[(k * 3) % texts.len()];
        let name = format!("doc-{k:03}.txt");
        std::fs::write(dir.path().join(&name), text).unwrap();
        let doc = kinerja::parse(text, &format!("./{name}"));
        kinerja::json::write(&mut want, &doc).unwrap();
        want.push(b'\n');
    }
    for jobs in ["1", "2"] {
        let o = kinerja(&["parse", ".", "--jobs", jobs, "-q"], dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(
            o.stdout == want,
            "{jobs} job(s): not the documents' own bytes"
        );
    }
}

#[test]
fn exit_codes() {
    let root = common::root();
    // a path that does not exist is fatal, the others are still parsed
    let o = kinerja(
        &[
            "parse",
            "corpus/kalbar_diskopukm_iku_2024.txt",
            "no/such/file.txt",
        ],
        &root,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/file.txt: no such file or directory"),
        "{}",
        stderr(&o)
    );
    assert!(!o.stdout.is_empty(), "the readable file is still parsed");
    // bad arguments
    assert_eq!(kinerja(&["parse"], &root).status.code(), Some(2));
    assert_eq!(
        kinerja(&["parse", "corpus", "--jobs", "x"], &root)
            .status
            .code(),
        Some(2)
    );
    // help is not an error
    let o = kinerja(&["parse", "--help"], &root);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Exit codes"));
    // --fail-on warning: the corpus has warnings (invalid NIPs)
    let o = kinerja(&["parse", "corpus", "--fail-on", "warning", "-q"], &root);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty(), "--quiet: {}", stderr(&o));
}

#[test]
fn standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["source"]["path"], "-");
    assert_eq!(doc["jabatan"][0]["nama"], "Kepala Seksi");
}

/// JSON Lines records of every size, short ones (gathered in the writer's
/// buffer) between long ones (written as they are): each record is the
/// library's, in the input order, on standard output and in a `.jsonl`
/// file, with one job and with two.
#[test]
fn records_short_and_long_are_written_whole_and_in_order() {
    let root = common::root();
    let mut texts: Vec<Vec<u8>> = Vec::new();
    for e in std::fs::read_dir(root.join("corpus")).unwrap() {
        texts.push(std::fs::read(e.unwrap().path()).unwrap());
    }
    texts.sort();
    // and texts far shorter than any corpus document
    texts.push(b"KEPUTUSAN KEPALA DINAS\n".to_vec());
    texts.push(b"\n".to_vec());
    let dir = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    for k in 0..40 {
        let text = &texts[(k * 3) % texts.len()];
        std::fs::write(dir.path().join(format!("doc-{k:03}.txt")), text).unwrap();
        let doc = kinerja::parse(text, &format!("./doc-{k:03}.txt"));
        kinerja::json::write(&mut expected, &doc).unwrap();
        expected.push(b'\n');
    }
    let lens: Vec<usize> = expected.split(|&b| b == b'\n').map(<[u8]>::len).collect();
    assert!(lens.iter().any(|&n| n < 1000) && lens.iter().any(|&n| n > 60_000));
    let out = tempfile::tempdir().unwrap();
    for jobs in ["1", "2"] {
        let o = kinerja(
            &["parse", ".", "--format", "jsonl", "--jobs", jobs, "-q"],
            dir.path(),
        );
        assert_eq!(o.stdout, expected, "standard output, {jobs} job(s)");
        let file = out.path().join(format!("all-{jobs}.jsonl"));
        let o = kinerja(
            &[
                "parse",
                ".",
                "--format",
                "jsonl",
                "--jobs",
                jobs,
                "-q",
                "--out",
                file.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(
            std::fs::read(&file).unwrap(),
            expected,
            "a .jsonl file, {jobs} job(s)"
        );
    }
}

/// Many files are handed to the workers in chunks: the output keeps the
/// input order, a file that cannot be read is reported and the others are
/// written, and one job gives the same bytes as two.
#[test]
fn a_batch_of_many_files_keeps_its_order_and_goes_past_a_bad_file() {
    let root = common::root();
    let text = std::fs::read(root.join("corpus/kalbar_diskopukm_iku_2024.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for k in 0..150 {
        std::fs::write(dir.path().join(format!("doc-{k:03}.txt")), &text).unwrap();
    }
    // too large for the limit below: skipped, the batch goes on
    let big: Vec<u8> = text.iter().copied().cycle().take(200_000).collect();
    std::fs::write(dir.path().join("doc-075-big.txt"), big).unwrap();
    let run = |jobs: &str| {
        kinerja(
            &["parse", ".", "--jobs", jobs, "--max-bytes", "100000", "-q"],
            dir.path(),
        )
    };
    let (one, two) = (run("1"), run("2"));
    assert_eq!(
        one.stdout, two.stdout,
        "the same bytes with one job and two"
    );
    assert!(
        stderr(&two).contains("doc-075-big.txt"),
        "the skipped file is named: {}",
        stderr(&two)
    );
    let paths = paths_in(&two.stdout);
    let expected: Vec<String> = (0..150).map(|k| format!("./doc-{k:03}.txt")).collect();
    assert_eq!(paths, expected);
}
