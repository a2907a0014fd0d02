//! Shows how a file reads after layout recovery: each logical line with its
//! original line range and its kind. A tool for grammar work:
//! `cargo run --example lines -- FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("lines FILE");
    let bytes = std::fs::read(&path).expect("read");
    let mut d = kinerja::diagnostics::Diagnostics::default();
    let text = kinerja::decode::decode(&bytes, &mut d).text.into_owned();
    let originals: Vec<&str> = kinerja::decode::split_lines(&text).collect();
    let page_starts: Vec<bool> = originals.iter().map(|l| l.contains('\x0C')).collect();
    let lines: Vec<kinerja::lines::Line> = originals
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let no = i as u32 + 1;
            kinerja::lines::Line::new(no, no, kinerja::normalize::normalize_line(l))
        })
        .collect();
    let r = kinerja::layout::recover(lines, &page_starts, &mut d);
    for l in &r.lines {
        if l.is_blank() {
            continue;
        }
        let kind = format!("{:?}", l.kind);
        let kind = kind.split([' ', '{', '(']).next().unwrap_or("");
        println!("{:>4}-{:<4} {:<9} {}", l.no, l.end, kind, l.text);
    }
    for s in r.furniture {
        println!("furniture {}-{}", s.start_line, s.end_line);
    }
}
