#!/usr/bin/env bash
# End-to-end benchmark: the release CLI over the synthetic archive, next to
# the baseline pass (read every file, split lines, write one JSON string per
# line) in the same run, so the ratio holds on a noisy machine.
#
#   benches/archive.sh [N ...]        # default: 1000 10000
#   PGO=1 benches/archive.sh [N ...]  # also the profile-guided build
#   PGO=1 PGO_CPU=x86-64-v3 benches/archive.sh  # … built for a newer CPU
#   RUNS=3 benches/archive.sh [N ...] # each command three times, median shown
#
# Environment: SEED (default 42), ARCHIVES (where archives are generated,
# default /tmp/kinerja-archives), PGO (1: build the CLI with benches/pgo.sh
# as well, check that it writes the same bytes as the release build, and
# time it too), PGO_CPU (the CPU level the PGO build is for, see
# benches/pgo.sh; unset: any x86-64), RUNS (default 1: how many times each
# command runs; the table shows the run of median wall time, which tames a
# noisy host).
# Needs GNU time (/usr/bin/time) for peak memory. Prints a Markdown table
# for BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

SEED=${SEED:-42}
RUNS=${RUNS:-1}
ARCHIVES=${ARCHIVES:-/tmp/kinerja-archives}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)

cargo build --release --quiet --bin kinerja --example synth --example baseline
bin=target/release
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pgo=
if [ "${PGO:-0}" = 1 ]; then
    pgo=$(benches/pgo.sh | tail -n 1)
fi

# wall seconds, peak resident KiB and CPU seconds (user + system) of a
# command, its stdout discarded; with RUNS > 1, the run of median wall time
measure() {
    : > "$tmp/runs"
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f '%e %M %U %S' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/stderr" || {
            cat "$tmp/stderr" >&2
            return 1
        }
        awk '{print $1, $2, $3 + $4}' "$tmp/time" >> "$tmp/runs"
    done
    sort -n "$tmp/runs" | awk '{r[NR] = $0} END {print r[int((NR + 1) / 2)]}'
}

# MB/s is over wall time; "MB per CPU s" over the CPU time of all threads,
# steadier on a shared machine and the per-core figure
echo "| documents | MB | run | jobs | seconds | MB/s | docs/s | × baseline | CPU s | MB per CPU s | peak RSS MiB |"
echo "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    dir="$ARCHIVES/n$n-seed$SEED"
    if [ ! -d "$dir" ]; then
        "$bin/examples/synth" --n "$n" --out "$dir" --seed "$SEED" > /dev/null
    fi
    bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    mb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1e6}')
    # warm the page cache, so every run reads from memory
    "$bin/examples/baseline" "$dir" > /dev/null 2>&1
    read -r base_s base_kb base_cpu < <(measure "$bin/examples/baseline" "$dir")
    row() { # run jobs seconds kib cpu-seconds
        # GNU time counts hundredths: a run under 0.01 s has no rate ("—")
        awk -v n="$n" -v mb="$mb" -v run="$1" -v jobs="$2" -v s="$3" -v kb="$4" -v cpu="$5" -v base="$base_s" '
            function rate(x, y, f) { return y > 0 ? sprintf(f, x / y) : "—" }
            BEGIN {
            printf "| %d | %s | %s | %s | %.2f | %s | %s | %s | %.2f | %s | %.1f |\n",
                n, mb, run, jobs, s, rate(mb, s, "%.1f"), rate(n, s, "%.0f"), rate(s, base, "%.1f"),
                cpu, rate(mb, cpu, "%.1f"), kb / 1024 }'
    }
    row baseline 1 "$base_s" "$base_kb" "$base_cpu"
    # the same bytes from the PGO build as from the release build, or no figure
    if [ -n "$pgo" ] && ! cmp -s <("$bin/kinerja" parse "$dir" --format jsonl --quiet) \
                                 <("$pgo" parse "$dir" --format jsonl --quiet); then
        echo "archive.sh: the PGO build's output differs from the release build's" >&2
        exit 1
    fi
    for jobs in 1 2; do
        read -r s kb cpu < <(measure "$bin/kinerja" parse "$dir" --format jsonl --jobs "$jobs" --quiet)
        row "kinerja → jsonl" "$jobs" "$s" "$kb" "$cpu"
        # right after the release build's run with the same jobs, so that the
        # two see the same host
        if [ -n "$pgo" ]; then
            read -r s kb cpu < <(measure "$pgo" parse "$dir" --format jsonl --jobs "$jobs" --quiet)
            row "kinerja (PGO${PGO_CPU:+, $PGO_CPU}) → jsonl" "$jobs" "$s" "$kb" "$cpu"
        fi
    done
    # (with RUNS > 1, the later runs replace the files of the first)
    read -r s kb cpu < <(measure "$bin/kinerja" parse "$dir" --out "$tmp/out" --jobs 2 --quiet)
    row "kinerja → json files" 2 "$s" "$kb" "$cpu"
    rm -rf "$tmp/out"
done
