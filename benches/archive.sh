#!/usr/bin/env bash
# End-to-end benchmark: the release CLI over the synthetic archive, next to
# the baseline pass (read every file, split lines, write one JSON string per
# line) in the same run, so the ratio holds on a noisy machine.
#
#   benches/archive.sh [N ...]        # default: 1000 10000
#
# Environment: SEED (default 42), ARCHIVES (where archives are generated,
# default /tmp/kinerja-archives). Needs GNU time (/usr/bin/time) for peak
# memory. Prints a Markdown table for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-42}
ARCHIVES=${ARCHIVES:-/tmp/kinerja-archives}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

cargo build --release --quiet --bin kinerja --example synth --example baseline
bin=target/release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# wall seconds and peak resident KiB of a command, its stdout discarded
measure() {
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/stderr" || {
        cat "$tmp/stderr" >&2
        return 1
    }
    cat "$tmp/time"
}

echo "| documents | MB | run | jobs | seconds | MB/s | docs/s | × baseline | peak RSS MiB |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    dir="$ARCHIVES/n$n-seed$SEED"
    if [ ! -d "$dir" ]; then
        "$bin/examples/synth" --n "$n" --out "$dir" --seed "$SEED" > /dev/null
    fi
    bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
    # warm the page cache, so every run reads from memory
    "$bin/examples/baseline" "$dir" > /dev/null 2>&1
    read -r base_s base_kb < <(measure "$bin/examples/baseline" "$dir")
    row() { # run jobs seconds kib
        awk -v n="$n" -v mb="$mb" -v run="$1" -v jobs="$2" -v s="$3" -v kb="$4" -v base="$base_s" 'BEGIN {
            printf "| %d | %s | %s | %s | %.2f | %.1f | %.0f | %.1f | %.1f |\n",
                n, mb, run, jobs, s, mb / s, n / s, s / base, kb / 1024 }'
    }
    row baseline 1 "$base_s" "$base_kb"
    for jobs in 1 2; do
        read -r s kb < <(measure "$bin/kinerja" parse "$dir" --format jsonl --jobs "$jobs" --quiet)
        row "kinerja → jsonl" "$jobs" "$s" "$kb"
    done
    read -r s kb < <(measure "$bin/kinerja" parse "$dir" --out "$tmp/out" --jobs 2 --quiet)
    row "kinerja → json files" 2 "$s" "$kb"
    rm -rf "$tmp/out"
done
