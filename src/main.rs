//! The `kinerja` command line; everything happens in [`cli`].

mod cli;

/// mimalloc: the parser allocates many small strings; this allocator makes the
/// whole run about 15% faster than the system one (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
