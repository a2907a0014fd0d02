#!/usr/bin/env bash
# A profile-guided build of the CLI, for bulk runs over an archive.
#
#   benches/pgo.sh            # builds target/pgo/kinerja
#
# 1. builds the CLI with instrumentation (the release profile: fat LTO and
#    one codegen unit), in its own target directory;
# 2. trains it on the texts bundled with the project (`corpus/` and
#    `tests/field-samples/`), writing JSON Lines and pretty JSON files;
# 3. merges the counts and builds the CLI again with them.
#
# The output is the same as the plain release build's (the benchmark checks
# it byte for byte); only the code layout and inlining differ. Needs the
# `llvm-tools` component (`rustup component add llvm-tools`) for
# `llvm-profdata` of the compiler's own LLVM version. Prints the binary's
# path on the last line. Does nothing when the binary is newer than the
# sources (`src/`, `grammars/`, the training texts, `Cargo.toml`,
# `Cargo.lock`) and was built for the same PGO_CPU; PGO_REBUILD=1 builds it
# anyway.
#
#   PGO_CPU=x86-64-v3 benches/pgo.sh   # also for a newer CPU (AVX2, BMI2 …)
#
# PGO_CPU is passed to rustc as `-C target-cpu`: the binary then runs only on
# CPUs of that level (`native`: this machine's). Unset, the binary runs on any
# x86-64 CPU, like the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [ ! -x "$profdata" ]; then
    echo "pgo.sh: llvm-profdata not found at $profdata" >&2
    echo "pgo.sh: install it with: rustup component add llvm-tools" >&2
    exit 2
fi

work=target/pgo-work
out=target/pgo
cpu=${PGO_CPU:-}
cpuflag=${cpu:+-Ctarget-cpu=$cpu}
# the CPU level the binary was built for, next to it
stamp="$out/kinerja.cpu"
if [ "${PGO_REBUILD:-0}" != 1 ] && [ -x "$out/kinerja" ] &&
    [ "$(cat "$stamp" 2>/dev/null)" = "$cpu" ] &&
    [ -z "$(find src grammars corpus tests/field-samples Cargo.toml Cargo.lock \
        -newer "$out/kinerja" -print -quit)" ]; then
    echo "pgo.sh: $out/kinerja is up to date" >&2
    echo "$out/kinerja"
    exit 0
fi
rm -rf "$work/profiles" "$work/train"
mkdir -p "$work/profiles" "$work/train" "$out"
data=$(cd "$work/profiles" && pwd)

echo "pgo.sh: building the instrumented CLI" >&2
RUSTFLAGS="-Cprofile-generate=$data $cpuflag" \
    cargo build --release --quiet --bin kinerja --target-dir "$work/gen"

echo "pgo.sh: training on corpus/ and tests/field-samples/" >&2
train=("$work/gen/release/kinerja" parse corpus tests/field-samples --quiet --jobs 1)
"${train[@]}" --format jsonl > /dev/null
"${train[@]}" --out "$work/train"

# rewritten only when the counts changed: cargo rebuilds when the file does
"$profdata" merge -o "$work/merged.new" "$data"
if cmp -s "$work/merged.new" "$work/merged.profdata"; then
    rm "$work/merged.new"
else
    mv "$work/merged.new" "$work/merged.profdata"
fi

echo "pgo.sh: building the CLI with the profile" >&2
RUSTFLAGS="-Cprofile-use=$(pwd)/$work/merged.profdata $cpuflag" \
    cargo build --release --quiet --bin kinerja --target-dir "$work/use"

# written to a temporary name and renamed, like every output of the tool
cp "$work/use/release/kinerja" "$out/kinerja.tmp"
mv "$out/kinerja.tmp" "$out/kinerja"
echo "$cpu" > "$stamp"
echo "$out/kinerja"
