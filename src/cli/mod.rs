//! The command line: argument parsing, the batch loop, exit codes.
//!
//! Exit codes: 0 — everything parsed; 1 — some document has a diagnostic at
//! the `--fail-on` level (default `error`), or some file was skipped (binary,
//! too large, unreadable inside a directory); 2 — fatal: bad arguments, a
//! path named on the command line that cannot be read, output that cannot be
//! written. A closed pipe on standard output ends the run quietly with 0.

mod input;
mod output;
mod summary;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use clap::{Args, Parser, Subcommand, ValueEnum};

use kinerja::model::{Document, Severity};

use input::{InputFile, Skip};
use summary::{Summary, Tally};

const LONG_ABOUT: &str = "\
kinerja turns the OCR'd or PDF-converted text of Indonesian performance-indicator \
decrees (IKU, IKI, IKK) into canonical JSON. Every value carries the span of \
original lines it came from; lines that could not be read are listed in \
`coverage.unclassified`, never dropped.";

#[derive(Parser, Debug)]
#[command(name = "kinerja", version, about = "Indonesian performance-indicator decrees → canonical JSON", long_about = LONG_ABOUT)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Parse decree texts (files, directories, or - for standard input)
    #[command(after_help = "\
Examples:
  kinerja parse corpus --out out                      one JSON file per input in out/
  kinerja parse decree.txt                            the JSON document on standard output
  kinerja parse corpus                                JSON Lines on standard output
  kinerja parse - < decree.txt                        read standard input
  kinerja parse corpus -f jsonl -o all.jsonl          JSON Lines into a file
  kinerja parse corpus -f csv -o tables --excel       CSV tables for a spreadsheet
  kinerja parse corpus -f sqlite -o archive.db        an SQLite database

Exit codes: 0 all parsed; 1 a document has a diagnostic at the --fail-on level, or a file \
was skipped; 2 bad arguments, an unreadable path, or output that cannot be written.")]
    Parse(ParseArgs),
    /// Print the JSON Schema of the canonical document
    Schema,
    /// Parse and print the run summary, without writing any output
    Stats(StatsArgs),
}

#[derive(Args, Debug)]
struct StatsArgs {
    /// Files or directories to parse; directories are walked for .txt and .md files
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Print the summary as JSON
    #[arg(long)]
    json: bool,

    /// Number of files parsed in parallel [default: number of CPUs]
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Skip files larger than this (suffixes K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_bytes: u64,

    /// Follow symbolic links when walking directories
    #[arg(long)]
    follow_links: bool,
}

#[derive(Args, Debug)]
struct ParseArgs {
    /// Files or directories to parse; directories are walked for .txt and .md files
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output: a directory (json: one <name>.json per input; csv: one file per
    /// table) or a file (jsonl; sqlite: the database)
    #[arg(short, long, value_name = "PATH")]
    out: Option<PathBuf>,

    /// Output format
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// CSV for Excel: start each file with a UTF-8 byte-order mark
    #[arg(long)]
    excel: bool,

    /// Also write the run summary as JSON to this file
    #[arg(long, value_name = "FILE")]
    summary_json: Option<PathBuf>,

    /// Number of files parsed in parallel [default: number of CPUs]
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Do not print the run summary on standard error
    #[arg(short, long)]
    quiet: bool,

    /// Exit with 1 when a document has a diagnostic at this level or above
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "LEVEL")]
    fail_on: FailOn,

    /// Skip files larger than this (suffixes K, M, G)
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_bytes: u64,

    /// Follow symbolic links when walking directories
    #[arg(long)]
    follow_links: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// One pretty-printed JSON document per input
    Json,
    /// One compact JSON document per line
    Jsonl,
    /// CSV files, one per table, into the --out directory
    Csv,
    /// An SQLite database (--out FILE); documents are replaced by content hash
    Sqlite,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Never,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (num, mult) = match s.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => {
            let m = match c.to_ascii_uppercase() {
                'K' => 1 << 10,
                'M' => 1 << 20,
                'G' => 1 << 30,
                'B' => 1,
                _ => return Err(format!("unknown size suffix `{c}` (use K, M or G)")),
            };
            (&s[..i], m)
        }
        _ => (s, 1),
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n.saturating_mul(mult))
        .map_err(|_| format!("`{s}` is not a size (examples: 1000000, 500K, 64M)"))
}

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Parse(args) => parse(args),
        Command::Schema => schema(),
        Command::Stats(a) => {
            let json = a.json;
            parse_with(
                ParseArgs {
                    paths: a.paths,
                    out: None,
                    format: Format::Json,
                    excel: false,
                    summary_json: None,
                    jobs: a.jobs,
                    quiet: true,
                    fail_on: FailOn::Never,
                    max_bytes: a.max_bytes,
                    follow_links: a.follow_links,
                },
                Some(json),
            )
        }
    }
}

fn schema() -> i32 {
    let schema = kinerja::json_schema();
    let mut out = io::stdout().lock();
    let res = serde_json::to_writer_pretty(&mut out, &schema)
        .map_err(io::Error::from)
        .and_then(|_| writeln!(out));
    match res {
        Ok(()) => 0,
        Err(e) if output::is_broken_pipe(&e) => 0,
        Err(e) => {
            eprintln!("kinerja: {e}");
            2
        }
    }
}

/// What happened to one input.
enum Outcome {
    Parsed(Box<Document>),
    /// Parsed, and its output made by the worker, which freed the document
    /// (on the thread that built it); what the summary counts remains.
    Written(Tally),
    Skipped(Skip),
    Crashed(String),
}

/// A worker's result: the outcome, an error writing its output file, and
/// its JSON Lines record when the sink takes them.
type Done = (Outcome, Option<io::Error>, Option<Vec<u8>>);

/// A JSON Lines record at least this long goes to the writer as it is, not
/// through the buffer: the buffer would only copy it (most records are
/// tens of kilobytes); shorter ones are gathered.
const DIRECT_LINE: usize = 1 << 15;

/// Writes a JSON Lines record: the bytes a worker serialized, or the document
/// serialized here.
fn write_line<W: Write>(
    w: &mut io::BufWriter<W>,
    line: Option<&[u8]>,
    doc: Option<&Document>,
) -> io::Result<()> {
    match (line, doc) {
        (Some(bytes), _) if bytes.len() >= DIRECT_LINE => {
            // what is buffered goes first: the records stay in order
            w.flush()?;
            w.get_mut().write_all(bytes)
        }
        (Some(bytes), _) => w.write_all(bytes),
        (None, Some(doc)) => {
            kinerja::json::to_writer(&mut *w, doc)?;
            w.write_all(b"\n")
        }
        (None, None) => Ok(()),
    }
}

/// Parses one file; a panic (a bug) is caught and reported for this file only.
fn process(file: &InputFile, max_bytes: u64) -> Outcome {
    let bytes = match input::read(file, max_bytes) {
        Ok(b) => b,
        Err(s) => return Outcome::Skipped(s),
    };
    isolate(|| kinerja::parse(&bytes, &file.display))
}

/// Runs one document's parse; a panic (which must not happen) becomes an
/// `Outcome::Crashed` for this document instead of ending the batch.
fn isolate(parse: impl FnOnce() -> Document + std::panic::UnwindSafe) -> Outcome {
    match std::panic::catch_unwind(parse) {
        Ok(doc) => Outcome::Parsed(Box::new(doc)),
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Outcome::Crashed(msg)
        }
    }
}

/// Where parsed documents go.
enum Sink {
    /// One pretty JSON document on standard output.
    StdoutOne,
    /// JSON Lines on standard output.
    StdoutLines(io::BufWriter<io::Stdout>),
    /// One `<name>.json` per input under a directory (written by the workers).
    Dir(PathBuf),
    /// JSON Lines into a file, renamed into place at the end.
    LinesFile {
        path: PathBuf,
        tmp: io::BufWriter<tempfile::NamedTempFile>,
    },
    Csv(kinerja::export::csv::CsvExport),
    Sqlite(Box<kinerja::export::sqlite::SqliteExport>),
    /// `kinerja stats`: nothing is written.
    Nothing,
}

/// Opens the output the arguments ask for; an error message when they cannot work.
fn open_sink(args: &ParseArgs, files: &[InputFile], stats: bool) -> Result<Sink, String> {
    if stats {
        return Ok(Sink::Nothing);
    }
    let parent_dir = |path: &PathBuf| -> Result<(), String> {
        match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => std::fs::create_dir_all(d)
                .map_err(|e| format!("{}: {}", d.display(), input::io_reason(&e))),
            _ => Ok(()),
        }
    };
    match (args.format, &args.out) {
        (Format::Json, Some(dir)) => {
            if dir.exists() && !dir.is_dir() {
                return Err(format!(
                    "{}: --out must be a directory for --format json",
                    dir.display()
                ));
            }
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("{}: {}", dir.display(), input::io_reason(&e)))?;
            Ok(Sink::Dir(dir.clone()))
        }
        (Format::Json, None) if files.len() == 1 => Ok(Sink::StdoutOne),
        (Format::Json | Format::Jsonl, None) => Ok(Sink::StdoutLines(
            io::BufWriter::with_capacity(256 * 1024, io::stdout()),
        )),
        (Format::Jsonl, Some(path)) => {
            if path.is_dir() {
                return Err(format!(
                    "{}: --out must be a file for --format jsonl",
                    path.display()
                ));
            }
            parent_dir(path)?;
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let tmp = tempfile::Builder::new()
                .prefix(".kinerja-")
                .suffix(".tmp")
                .tempfile_in(&dir)
                .map_err(|e| format!("{}: {}", dir.display(), input::io_reason(&e)))?;
            Ok(Sink::LinesFile {
                path: path.clone(),
                tmp: io::BufWriter::with_capacity(256 * 1024, tmp),
            })
        }
        (Format::Csv, Some(dir)) => {
            if dir.exists() && !dir.is_dir() {
                return Err(format!(
                    "{}: --out must be a directory for --format csv",
                    dir.display()
                ));
            }
            kinerja::export::csv::CsvExport::create(dir, args.excel)
                .map(Sink::Csv)
                .map_err(|e| format!("{}: {}", dir.display(), input::io_reason(&e)))
        }
        (Format::Sqlite, Some(path)) => {
            if path.is_dir() {
                return Err(format!(
                    "{}: --out must be a file for --format sqlite",
                    path.display()
                ));
            }
            parent_dir(path)?;
            kinerja::export::sqlite::SqliteExport::open(path)
                .map(|db| Sink::Sqlite(Box::new(db)))
                .map_err(|e| format!("{}: {e}", path.display()))
        }
        (Format::Csv, None) => Err("--format csv needs --out DIR".into()),
        (Format::Sqlite, None) => Err("--format sqlite needs --out FILE (the database)".into()),
    }
}

fn fatal(msg: impl std::fmt::Display) -> i32 {
    eprintln!("kinerja: {msg}");
    2
}

fn parse(args: ParseArgs) -> i32 {
    parse_with(args, None)
}

/// The batch: `stats` is `Some(json)` for `kinerja stats` (no output, summary on stdout).
fn parse_with(args: ParseArgs, stats: Option<bool>) -> i32 {
    let start = Instant::now();
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        // a second Ctrl-C while stopping kills the process the usual way
        let _ = ctrlc::set_handler(move || {
            if flag.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }
    let collected = input::collect(&args.paths, args.follow_links);
    let files = collected.files;
    let mut fatal_error = false;
    let mut summary = Summary::default();
    for b in &collected.bad {
        eprintln!("kinerja: {}: {}", b.path, b.reason);
        summary.fail(&b.path, b.reason.clone());
        fatal_error = true;
    }
    for b in &collected.skipped {
        eprintln!("kinerja: {}: {}", b.path, b.reason);
        summary.fail(&b.path, b.reason.clone());
    }
    if !args.quiet {
        for l in &collected.links {
            eprintln!("kinerja: {l}: symbolic link not followed (use --follow-links)");
        }
    }
    if files.is_empty() {
        if collected.bad.is_empty() {
            return fatal("no .txt or .md files found in the given paths");
        }
        return 2;
    }
    let mut sink = match open_sink(&args, &files, stats.is_some()) {
        Ok(s) => s,
        Err(msg) => return fatal(msg),
    };
    let jobs = args.jobs.unwrap_or(0);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(p) => p,
        Err(e) => return fatal(format!("cannot start {jobs} worker threads: {e}")),
    };
    let threads = pool.current_num_threads();
    // documents are handed out in chunks of up to 8: a worker takes a chunk
    // and sends its results at once, so threads wake each other once per
    // chunk, not once per document (a wake-up costs about as much as
    // parsing a few kilobytes); small runs get smaller chunks, so that every
    // worker has some
    let chunk = (files.len() / (threads * 16)).clamp(1, 8);
    // documents in flight at once: enough that one slow document does not
    // idle the other workers for long, few enough that memory stays bounded
    // by jobs × document size
    let window = (threads * 4 * chunk).max(16);
    // JSON Lines are serialized by the workers; the main thread only writes
    let lines_sink = matches!(sink, Sink::StdoutLines(_) | Sink::LinesFile { .. });
    // the sinks that the main thread fills from the document itself
    let doc_to_main = matches!(sink, Sink::StdoutOne | Sink::Csv(_) | Sink::Sqlite(_));
    let progress = (!args.quiet && io::stderr().is_terminal() && files.len() >= 50).then(|| {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} files  {elapsed} elapsed, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let out_dir = match &sink {
        Sink::Dir(d) => Some(d.clone()),
        _ => None,
    };
    let mut write_failed = false;
    let mut stopped = false;
    // A sliding window over the files: the workers parse (and write, or
    // serialize) up to `window` documents ahead of the one written next; the
    // main thread writes them in input order. No barrier between batches, and
    // memory stays bounded by the window.
    let files = Arc::new(files);
    // JSON Lines buffers come back from the main thread once written, and
    // are filled again: no allocation, and no growing copy, per document
    let spare: Arc<Mutex<Vec<Vec<u8>>>> = Arc::default();
    let work = {
        let files = files.clone();
        let out_dir = out_dir.clone();
        let max_bytes = args.max_bytes;
        let spare = spare.clone();
        Arc::new(move |i: usize| -> Done {
            let f = &files[i];
            let outcome = process(f, max_bytes);
            let mut err = None;
            if let (Some(dir), Outcome::Parsed(doc)) = (&out_dir, &outcome) {
                let mut path = dir.join(&f.out_rel);
                let mut name = path
                    .file_name()
                    .map(|n| n.to_os_string())
                    .unwrap_or_default();
                name.push(".json");
                path.set_file_name(name);
                err = output::write_atomic(&path, |w| {
                    kinerja::json::to_writer_pretty(&mut *w, doc.as_ref())?;
                    w.write_all(b"\n")
                })
                .err()
                .map(|e| io::Error::new(e.kind(), format!("{}: {}", path.display(), e)));
            }
            let line = match &outcome {
                Outcome::Parsed(doc) if lines_sink => {
                    let mut v = spare
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .pop()
                        .unwrap_or_default();
                    // about three output bytes to an input byte: sized once,
                    // not grown (and copied) twice
                    let hint = usize::try_from(doc.source.bytes).unwrap_or(0);
                    v.reserve_exact(hint.saturating_mul(3).clamp(1 << 14, 1 << 26));
                    kinerja::json::write(&mut v, doc.as_ref()).ok().map(|_| {
                        v.push(b'\n');
                        v
                    })
                }
                _ => None,
            };
            // a document whose output is made is freed here, where it was built
            let outcome = match outcome {
                Outcome::Parsed(doc) if !doc_to_main && (!lines_sink || line.is_some()) => {
                    Outcome::Written(Tally::of(&doc))
                }
                o => o,
            };
            (outcome, err, line)
        })
    };
    let (tx, rx) = std::sync::mpsc::channel::<Vec<(usize, Done)>>();
    let mut pending: std::collections::BTreeMap<usize, Done> = std::collections::BTreeMap::new();
    let (mut submitted, mut emitted) = (0usize, 0usize);
    'run: while emitted < files.len() {
        while submitted < files.len()
            && submitted - emitted < window
            && !interrupted.load(Ordering::SeqCst)
        {
            let next = (submitted + chunk).min(files.len());
            let (tx, work, range) = (tx.clone(), work.clone(), submitted..next);
            pool.spawn(move || {
                let done: Vec<(usize, Done)> = range
                    .map(|i| {
                        let done =
                            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(i)))
                                .unwrap_or_else(|_| {
                                    (
                                        Outcome::Crashed("panic while writing output".into()),
                                        None,
                                        None,
                                    )
                                });
                        (i, done)
                    })
                    .collect();
                // the receiver is gone only when the run stopped early
                let _ = tx.send(done);
            });
            submitted = next;
        }
        if submitted == emitted {
            // interrupted: nothing in flight
            break;
        }
        let Ok(done) = rx.recv() else { break };
        pending.extend(done);
        while let Some((outcome, err, line)) = pending.remove(&emitted) {
            let file = &files[emitted];
            emitted += 1;
            if let Some(bar) = &progress {
                bar.inc(1);
            }
            if let Some(e) = err {
                eprintln!("kinerja: cannot write output: {e}");
                write_failed = true;
            }
            let (tally, doc) = match outcome {
                Outcome::Parsed(doc) => (Tally::of(&doc), Some(doc)),
                Outcome::Written(tally) => (tally, None),
                Outcome::Skipped(s) => {
                    if let Some(bar) = &progress {
                        bar.suspend(|| eprintln!("kinerja: {}: {s}", file.display));
                    } else {
                        eprintln!("kinerja: {}: {s}", file.display);
                    }
                    summary.fail(&file.display, s.to_string());
                    continue;
                }
                Outcome::Crashed(msg) => {
                    eprintln!(
                        "kinerja: {}: internal error, please report this file: {msg}",
                        file.display
                    );
                    summary.fail(&file.display, format!("internal error: {msg}"));
                    continue;
                }
            };
            summary.add(&tally);
            let doc = doc.as_deref();
            let res = match (&mut sink, doc) {
                (Sink::StdoutOne, Some(doc)) => {
                    let mut out = io::stdout().lock();
                    kinerja::json::to_writer_pretty(&mut out, doc)
                        .and_then(|_| out.write_all(b"\n"))
                }
                (Sink::StdoutLines(w), doc) => write_line(&mut *w, line.as_deref(), doc),
                (Sink::LinesFile { tmp, .. }, doc) => write_line(&mut *tmp, line.as_deref(), doc),
                (Sink::Csv(c), Some(doc)) => c.add(doc),
                (Sink::Sqlite(db), Some(doc)) => db.add(doc).map_err(io::Error::other),
                // the worker wrote it (`--out`), or nothing is written (`stats`)
                _ => Ok(()),
            };
            if let Some(mut v) = line {
                let mut spare = spare.lock().unwrap_or_else(PoisonError::into_inner);
                // no more kept than documents in flight, and none grown for an
                // unusually large document (its memory goes back at once)
                if spare.len() < window && v.capacity() <= 1 << 22 {
                    v.clear();
                    spare.push(v);
                }
            }
            if let Err(e) = res {
                if output::is_broken_pipe(&e) {
                    stopped = true;
                    break 'run;
                }
                eprintln!("kinerja: cannot write output: {e}");
                write_failed = true;
                break 'run;
            }
        }
    }

    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if interrupted.load(Ordering::SeqCst) {
        // temporary files are removed when dropped; nothing partial is left
        drop(sink);
        eprintln!("kinerja: interrupted");
        return 130;
    }
    match sink {
        Sink::StdoutLines(mut w) => {
            if let Err(e) = w.flush()
                && !output::is_broken_pipe(&e)
            {
                eprintln!("kinerja: cannot write output: {e}");
                write_failed = true;
            }
        }
        Sink::LinesFile { path, tmp } if !write_failed => {
            let res = tmp
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|t| t.persist(&path).map_err(|e| e.error));
            if let Err(e) = res {
                eprintln!("kinerja: {}: {e}", path.display());
                write_failed = true;
            }
        }
        Sink::Csv(c) if !write_failed => {
            if let Err(e) = c.finish() {
                eprintln!("kinerja: cannot write CSV: {e}");
                write_failed = true;
            }
        }
        Sink::Sqlite(db) if !write_failed => {
            if let Err(e) = db.finish() {
                eprintln!("kinerja: cannot write the database: {e}");
                write_failed = true;
            }
        }
        _ => {}
    }
    if stopped {
        return 0;
    }
    summary.finish(start.elapsed());
    if let Some(json) = stats {
        let mut out = io::stdout().lock();
        let res = if json {
            serde_json::to_writer_pretty(&mut out, &summary)
                .map_err(io::Error::from)
                .and_then(|_| writeln!(out))
        } else {
            out.write_all(summary.render().as_bytes())
        };
        if let Err(e) = res
            && !output::is_broken_pipe(&e)
        {
            return fatal(e);
        }
    }
    let batch = files.len() > 1 || args.out.is_some();
    if !args.quiet && batch {
        eprint!("{}", summary.render());
    }
    if let Some(path) = &args.summary_json {
        let res = output::write_atomic(path, |w| {
            serde_json::to_writer_pretty(&mut *w, &summary)?;
            w.write_all(b"\n")
        });
        if let Err(e) = res {
            eprintln!("kinerja: {}: {e}", path.display());
            write_failed = true;
        }
    }
    if fatal_error || write_failed {
        return 2;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failing_docs = matches!((summary.worst, threshold), (Some(w), Some(t)) if w >= t);
    if failing_docs || !summary.failed.is_empty() {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_document_is_caught() {
        let out = isolate(|| panic!("boom"));
        assert!(matches!(out, Outcome::Crashed(m) if m == "boom"));
        let out = isolate(|| kinerja::parse(b"x", "x.txt"));
        assert!(matches!(out, Outcome::Parsed(_)));
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("500k"), Ok(500 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("12Q").is_err());
        assert!(parse_size("M").is_err());
    }
}
