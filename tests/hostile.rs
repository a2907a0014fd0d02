//! A directory of hostile files mixed with the corpus: the corpus outputs stay
//! intact, each hostile file is reported with its reason, the exit code is
//! documented; output files are written safely.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kinerja(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write(p: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

/// The corpus copied under `in/corpus/` and hostile files under `in/`.
fn archive(root: &Path) -> PathBuf {
    let input = root.join("in");
    for f in common::corpus_files() {
        write(
            &input.join("corpus").join(f.file_name().unwrap()),
            &std::fs::read(&f).unwrap(),
        );
    }
    let kalbar =
        std::fs::read_to_string(common::root().join("corpus/kalbar_diskopukm_iku_2024.txt"))
            .unwrap();
    write(&input.join("empty.txt"), b"");
    write(&input.join("binary.txt"), b"%PDF-1.4\n\x00\x01\x02stream\n");
    // Latin-1 / Windows-1252 bytes
    let latin_text = kalbar.replace("Januari", "Pebruari \u{e9}\u{2013}");
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(&latin_text);
    write(&input.join("latin1.txt"), &latin);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in kalbar.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(&input.join("utf16.txt"), &utf16);
    write(
        &input.join("oversize.txt"),
        &vec![b'a'; 3 * 1024 * 1024 + 10],
    );
    write(
        &input.join("one-line.txt"),
        "Menimbang : a. bahwa x; ".repeat(80_000).as_bytes(),
    );
    let nested = format!(
        "SASARAN\tINDIKATOR KINERJA\tSUMBER DATA\nS\t{}x{}\tD\n",
        "<ol><li>".repeat(20_000),
        "</li></ol>".repeat(20_000)
    );
    write(&input.join("nested.txt"), nested.as_bytes());
    let mut many = String::new();
    for i in 0..2000 {
        many.push_str(&format!(
            "INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi {i}\n2. TUGAS : Membantu\n\n"
        ));
    }
    write(&input.join("positions.txt"), many.as_bytes());
    write(
        &input.join("notes.pdf"),
        b"not a text file extension: not walked",
    );
    input
}

#[test]
fn hostile_files_mixed_with_the_corpus() {
    let tmp = tempfile::tempdir().unwrap();
    let input = archive(tmp.path());
    let o = kinerja(
        &["parse", "in", "--out", "out", "--max-bytes", "3M"],
        tmp.path(),
    );
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(1),
        "skipped files make the exit code 1: {err}"
    );
    assert!(
        err.contains("binary.txt: skipped: not a text file"),
        "{err}"
    );
    assert!(
        err.contains("oversize.txt: skipped:") && err.contains("over --max-bytes"),
        "{err}"
    );
    assert!(!err.contains("notes.pdf"));
    // the corpus outputs are intact: exactly what the library gives
    for f in common::corpus_files() {
        let stem = f.file_stem().unwrap().to_string_lossy();
        let out = tmp.path().join(format!("out/corpus/{stem}.json"));
        let doc: kinerja::model::Document =
            serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
        let bytes = std::fs::read(input.join("corpus").join(f.file_name().unwrap())).unwrap();
        let want = kinerja::parse(
            &bytes,
            &format!("in/corpus/{}", f.file_name().unwrap().to_string_lossy()),
        );
        assert_eq!(doc, want, "{stem}");
    }
    let read = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("out").join(name)).unwrap())
            .unwrap()
    };
    let codes = |v: &serde_json::Value| -> Vec<String> {
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes(&read("empty.json")).contains(&"empty-input".to_string()));
    let latin = read("latin1.json");
    assert_eq!(latin["source"]["encoding"], "windows-1252");
    assert!(codes(&latin).contains(&"encoding-windows-1252".to_string()));
    assert_eq!(
        latin["keputusan"]["nomor"], "17",
        "a Latin-1 decree still parses"
    );
    let utf16 = read("utf16.json");
    assert_eq!(utf16["source"]["encoding"], "utf-16le");
    assert_eq!(utf16["keputusan"]["nomor"], "17");
    assert_eq!(
        read("positions.json")["jabatan"].as_array().unwrap().len(),
        2000
    );
    assert!(read("one-line.json")["coverage"]["lines"] == 1);
    assert!(!tmp.path().join("out/binary.json").exists());
    assert!(!tmp.path().join("out/oversize.json").exists());
}

#[test]
fn an_unreadable_path_is_fatal_but_the_others_are_written() {
    let tmp = tempfile::tempdir().unwrap();
    archive(tmp.path());
    let o = kinerja(
        &["parse", "in/corpus", "in/vanished.txt", "--out", "out"],
        tmp.path(),
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("in/vanished.txt: no such file or directory"));
    assert_eq!(
        std::fs::read_dir(tmp.path().join("out")).unwrap().count(),
        5
    );
}

#[test]
fn same_stems_do_not_overwrite_and_nothing_escapes_out() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let doc = b"INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi\n";
    write(&t.join("in/a/x.txt"), doc);
    write(&t.join("in/b/x.txt"), doc);
    write(&t.join("in/b/x.md"), doc);
    let o = kinerja(&["parse", "in", "--out", "out", "-q"], t);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(t.join("out/a/x.json").exists() && t.join("out/b/x.json").exists());
    assert!(
        t.join("out/b/x-2.json").exists(),
        "x.md and x.txt in one folder"
    );
    // files named on the command line, from different folders, with the same name
    let o = kinerja(
        &[
            "parse",
            "in/a/x.txt",
            "in/b/../b/x.txt",
            "--out",
            "flat",
            "-q",
        ],
        t,
    );
    assert_eq!(o.status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(t.join("flat"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["x-2.json", "x.json"]);
}

#[cfg(unix)]
#[test]
fn non_utf8_names_and_symbolic_links() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let doc = b"INDIKATOR KINERJA INDIVIDU\n\n1. JABATAN : Kepala Seksi\n";
    let name = OsStr::from_bytes(b"caf\xe9.txt");
    write(&t.join("in").join(name), doc);
    // a loop: in/loop -> in
    std::os::unix::fs::symlink(t.join("in"), t.join("in/loop")).unwrap();
    std::os::unix::fs::symlink(t.join("in").join(name), t.join("in/link.txt")).unwrap();
    let o = kinerja(&["parse", "in", "--out", "out"], t);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        t.join("out")
            .join(OsStr::from_bytes(b"caf\xe9.json"))
            .exists()
    );
    assert!(stderr(&o).contains("symbolic link not followed"));
    assert_eq!(
        std::fs::read_dir(t.join("out")).unwrap().count(),
        1,
        "links are not followed by default"
    );
    // followed on request; the loop is reported, not followed forever
    let o = kinerja(&["parse", "in", "--out", "out2", "--follow-links"], t);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).to_lowercase().contains("loop"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_partial_files() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let corpus: Vec<(String, Vec<u8>)> = common::corpus_files()
        .iter()
        .map(|f| {
            (
                f.file_stem().unwrap().to_string_lossy().into_owned(),
                std::fs::read(f).unwrap(),
            )
        })
        .collect();
    for i in 0..400 {
        let (stem, bytes) = &corpus[i % corpus.len()];
        write(&t.join(format!("in/{i:04}-{stem}.txt")), bytes);
    }
    let child = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(["parse", "in", "--out", "out", "--jobs", "1"])
        .current_dir(t)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let o = child.wait_with_output().unwrap();
    // whether it stopped early or finished first, no partial file is left
    for e in std::fs::read_dir(t.join("out")).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.ends_with(".json") && !name.starts_with(".kinerja-"),
            "leftover {name}"
        );
        let _: kinerja::model::Document =
            serde_json::from_slice(&std::fs::read(&p).unwrap()).expect("complete JSON");
    }
    assert!(
        matches!(o.status.code(), Some(0) | Some(130)),
        "{:?}",
        o.status
    );
}
