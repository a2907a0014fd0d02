//! The `kinerja` command line; everything happens in [`cli`].

mod cli;

// mimalloc: 11–17 % faster than the system allocator on the synthetic
// archive. Its resident memory is flat in the number of documents (about
// 30 MB with one job, 54 MB with two, for 1,000 as for 10,000 documents),
// because documents are serialized and freed on the worker that parsed them
// (BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
