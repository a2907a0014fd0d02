//! Finding and reading the input files.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input file and where its output goes.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// The path to open (`-` for standard input).
    pub path: PathBuf,
    /// The path as shown and recorded in `source.path`.
    pub display: String,
    /// The output file's path relative to `--out`, without extension.
    pub out_rel: PathBuf,
}

/// Why a path given on the command line could not be used.
#[derive(Debug)]
pub struct BadPath {
    pub path: String,
    pub reason: String,
}

fn has_text_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

/// What the command-line paths expand to.
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<InputFile>,
    /// Paths named on the command line that cannot be used (fatal: exit 2).
    pub bad: Vec<BadPath>,
    /// Entries of walked directories that cannot be read (exit 1).
    pub skipped: Vec<BadPath>,
    /// Symbolic links that were not followed (a note, not a failure).
    pub links: Vec<String>,
}

/// Expands the command-line paths: files as given, directories walked
/// (sorted, `.txt` and `.md` only, symbolic links not followed unless asked;
/// with `--follow-links` a loop is reported, not followed). The result is
/// sorted by path and free of duplicates.
pub fn collect(paths: &[PathBuf], follow_links: bool) -> Collected {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    let mut skipped = Vec::new();
    let mut links = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            files.push(InputFile {
                path: p.clone(),
                display: "-".into(),
                out_rel: PathBuf::from("stdin"),
            });
            continue;
        }
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                bad.push(BadPath {
                    path: p.display().to_string(),
                    reason: io_reason(&e),
                });
                continue;
            }
        };
        if meta.is_dir() {
            let walker = walkdir::WalkDir::new(p)
                .follow_links(follow_links)
                .sort_by_file_name();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() && has_text_extension(e.path()) => {
                        let rel = e.path().strip_prefix(p).unwrap_or(e.path());
                        files.push(InputFile {
                            path: e.path().to_path_buf(),
                            display: e.path().to_string_lossy().into_owned(),
                            out_rel: safe_relative(rel),
                        });
                    }
                    Ok(e) if e.path_is_symlink() && !follow_links => {
                        links.push(e.path().to_string_lossy().into_owned());
                    }
                    Ok(_) => {}
                    Err(e) => skipped.push(BadPath {
                        path: e
                            .path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| p.display().to_string()),
                        reason: e.to_string(),
                    }),
                }
            }
        } else {
            let name = p
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("input"));
            files.push(InputFile {
                path: p.clone(),
                display: p.to_string_lossy().into_owned(),
                out_rel: safe_relative(&name),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files.dedup_by(|a, b| a.path == b.path);
    disambiguate(&mut files);
    Collected {
        files,
        bad,
        skipped,
        links,
    }
}

/// Only normal components, extension removed: no input name can point outside `--out`.
fn safe_relative(rel: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in rel.components() {
        if let std::path::Component::Normal(s) = c {
            out.push(s);
        }
    }
    if out.as_os_str().is_empty() {
        out.push("input");
    }
    out.set_extension("");
    out
}

/// Two inputs that would write the same output get `-2`, `-3` … (in sorted order).
fn disambiguate(files: &mut [InputFile]) {
    let mut seen = std::collections::HashMap::<PathBuf, usize>::new();
    for f in files.iter_mut() {
        let n = seen.entry(f.out_rel.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut name: OsString = f
                .out_rel
                .file_name()
                .map(OsString::from)
                .unwrap_or_default();
            name.push(format!("-{n}"));
            f.out_rel.set_file_name(name);
        }
    }
}

pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Why a file was not parsed.
#[derive(Debug, Clone)]
pub enum Skip {
    Unreadable(String),
    TooLarge { bytes: u64, max: u64 },
    Binary,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Skip::Unreadable(r) => write!(f, "cannot read: {r}"),
            Skip::TooLarge { bytes, max } => {
                write!(f, "skipped: {bytes} bytes is over --max-bytes {max}")
            }
            Skip::Binary => write!(f, "skipped: not a text file (it contains NUL bytes)"),
        }
    }
}

/// Reads a file (or standard input), refusing files over `max` bytes and binary files.
pub fn read(file: &InputFile, max: u64) -> Result<Vec<u8>, Skip> {
    let too_large = |bytes: u64| Skip::TooLarge { bytes, max };
    let buf = if file.path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(max.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| Skip::Unreadable(io_reason(&e)))?;
        buf
    } else {
        let f = std::fs::File::open(&file.path).map_err(|e| Skip::Unreadable(io_reason(&e)))?;
        let len = f.metadata().map(|m| m.len()).unwrap_or(0);
        if len > max {
            return Err(too_large(len));
        }
        let mut buf = Vec::with_capacity(len as usize);
        f.take(max.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| Skip::Unreadable(io_reason(&e)))?;
        buf
    };
    if buf.len() as u64 > max {
        return Err(too_large(buf.len() as u64));
    }
    if kinerja::decode::looks_binary(&buf) {
        return Err(Skip::Binary);
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vanished_file_is_unreadable_not_a_crash() {
        let f = InputFile {
            path: PathBuf::from("/nonexistent/kinerja/x.txt"),
            display: "x.txt".into(),
            out_rel: PathBuf::from("x"),
        };
        assert!(matches!(read(&f, 1000), Err(Skip::Unreadable(r)) if r.contains("no such file")));
    }

    #[test]
    fn output_names_stay_inside_out() {
        assert_eq!(
            safe_relative(Path::new("../../etc/passwd.txt")),
            PathBuf::from("etc/passwd")
        );
        assert_eq!(
            safe_relative(Path::new("/abs/x.txt")),
            PathBuf::from("abs/x")
        );
        assert_eq!(safe_relative(Path::new("..")), PathBuf::from("input"));
    }
}
