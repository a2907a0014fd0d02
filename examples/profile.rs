//! Parses one file many times, for profilers: `perf record … profile FILE [N]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("profile FILE [N]");
    let n: usize = args.next().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let bytes = std::fs::read(&path).expect("read");
    let mut total = 0;
    for _ in 0..n {
        total += kinerja::parse(&bytes, &path).jabatan.len();
    }
    println!("{total}");
}
