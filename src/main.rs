//! The `kinerja` command line; everything happens in [`cli`].

mod cli;

// mimalloc: 11–17 % faster than the system allocator on the synthetic
// archive. Its resident memory is flat in the number of documents since the
// CLI keeps a sliding window of documents in flight. Built without
// transparent huge pages (the `no_thp` feature in Cargo.toml): with them each
// arena was committed in 2 MiB pages that the kernel zeroes whole, for about
// 30 MB with one job and 55 with two; without, 10–14 MB with one and 15–20
// with two, at the same speed (BENCHMARKS.md). The system allocator holds
// 11–14 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
