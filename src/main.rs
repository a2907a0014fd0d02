//! The `kinerja` command line; everything happens in [`cli`].

mod cli;

// mimalloc: 11–17 % faster than the system allocator on the synthetic
// archive. Its resident memory is higher but flat in the number of documents
// since the CLI keeps a sliding window of documents in flight: about 30 MB
// with one job and 54 MB with two, for 1,000 as for 10,000 documents
// (BENCHMARKS.md). The system allocator holds 11–14 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
