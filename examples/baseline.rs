//! The floor of the end-to-end work, for `benches/archive.sh`: walk a
//! directory (sorted, `.txt` and `.md`), read every file, split it into
//! lines and write each line as a JSON string, one per output line. A parser
//! cannot be faster than this; its time over this one's is the ratio that
//! `BENCHMARKS.md` reports.
//!
//! ```sh
//! cargo run --release --example baseline -- DIR > /dev/null
//! ```
use std::io::Write;

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).expect("baseline DIR");
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out.lock());
    let (mut files, mut lines, mut bytes) = (0u64, 0u64, 0u64);
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        let ext = entry.path().extension().and_then(|e| e.to_str());
        if !entry.file_type().is_file() || !matches!(ext, Some("txt" | "md")) {
            continue;
        }
        let data = std::fs::read(entry.path())?;
        bytes += data.len() as u64;
        files += 1;
        let text = String::from_utf8_lossy(&data);
        for line in text.split('\n') {
            serde_json::to_writer(&mut out, line)?;
            out.write_all(b"\n")?;
            lines += 1;
        }
    }
    out.flush()?;
    eprintln!("{files} files, {lines} lines, {bytes} bytes");
    Ok(())
}
