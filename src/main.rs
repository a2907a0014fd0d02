//! The `kinerja` command line; everything happens in [`cli`].

mod cli;

// The system allocator: mimalloc was about 13% faster but kept 40–55 MB
// resident with two jobs, growing with the number of documents; the system
// allocator stays at 10–14 MB (BENCHMARKS.md).

fn main() {
    std::process::exit(cli::run());
}
