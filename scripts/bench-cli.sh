#!/usr/bin/env bash
# Benchmark of the folder-wide commands against grep, in one run, as ratios.
#
# Builds two folders with scripts/gen-corpus.py (10,000 and 100,000 incidents of about 12.7 KB)
# and times, alternating the two commands of each pair run by run (A B A B ...), so that a
# comparison holds when the shared machine's speed drifts:
#
#   1. `retro actions --open` (cache filled)      vs  grep -rc 'status = "open"'   (10,000)
#   2. `retro actions --open`, no cache           vs  the same grep                (10,000)
#   3. `retro lint`, first run (no cache)         vs  a 13-phrase grep -rciE       (10,000)
#   4. `retro lint`, second run (cache filled)    vs  `retro list` (cache filled)  (10,000)
#   5. `retro list`, no cache                     vs  grep -m1 -r '^title'         (100,000)
#   6. `retro list` (cache filled)                vs  the same grep                (100,000)
#
# Each figure is the median of the runs: wall time of the whole process, its CPU time (user +
# system, from /usr/bin/time, 10 ms steps) and peak resident memory. The ratio is the median of
# the pair-by-pair ratios A/B of wall time; the CPU ratio (of the medians) is printed too, as it
# holds better on a shared machine whose other work stretches wall times.
#
# Usage: scripts/bench-cli.sh [RUNS]          (default 5; the lint first run uses at most 3)
# Environment: BENCH_CORPUS=DIR keeps the generated folders in DIR and reuses them next time
# (DIR/10000 and DIR/100000); otherwise they go to a temporary folder that is removed at exit.
# BENCH_SKIP_100K=1 leaves out the 100,000-incident cases; BENCH_ONLY_LIST=1 runs only them.
# BENCH_RETRO=PATH times that retro binary instead of building this tree's (to measure an older
# build in the same hour).
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/retro-bench-cli.XXXXXX")"
trap 'rm -rf "$work"' EXIT
corpora="${BENCH_CORPUS:-$work/corpora}"
cache="$work/cache"
export RETRO_CACHE_DIR="$cache"
# Overdue counts depend on the day, not on the speed; keep the output the same size each run.
export TZ=UTC

if [[ ! -x /usr/bin/time ]]; then
    echo "needs /usr/bin/time (GNU time) for peak memory" >&2
    exit 2
fi

if [[ -n "${BENCH_RETRO:-}" ]]; then
    retro="$BENCH_RETRO"
else
    echo "building release binary..."
    cargo build --release --quiet --manifest-path "$root/Cargo.toml"
    retro="${CARGO_TARGET_DIR:-$root/target}/release/retro"
fi
echo "retro: $retro"

corpus() { # corpus COUNT: the folder of COUNT generated incidents, generated when missing
    local dir="$corpora/$1"
    if [[ ! -f "$dir/.complete" ]]; then
        echo "generating $1 incidents in $dir..." >&2
        rm -rf "$dir"
        mkdir -p "$dir"
        python3 "$root/scripts/gen-corpus.py" "$dir" "$1"
        touch "$dir/.complete"
        # Files must have been left alone for two seconds before a cache keeps them.
        sleep 2.5
    fi
    echo "$dir"
}

clear_cache() { rm -rf "$cache"; }

# once FILE CMD...: runs CMD once, output thrown away; appends "wall-ms kilobytes cpu-ms" to
# FILE.
once() {
    local out="$1" start end mem
    shift
    mem="$work/mem"
    start=$EPOCHREALTIME
    /usr/bin/time -f '%M %U %S' -o "$mem" "$@" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    tail -n1 "$mem" | awk -v s="$start" -v e="$end" \
        '{ printf "%.3f %d %.0f\n", (e - s) * 1000, $1, ($2 + $3) * 1000 }' >>"$out"
}

median() { # median of column $1 of file $2
    sort -g -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END {
        if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# compare LABEL GOAL N PREP_A A_CMD B_CMD: N runs of A and B in turn (one warm-up each, not
# counted, unless WARMUP=0); PREP_A is run, untimed, before every run of A ("" for none).
# Commands are strings evaluated by bash, so they may hold quotes.
compare() {
    local label="$1" goal="$2" n="$3" prep="$4" a="$5" b="$6"
    local fa="$work/a" fb="$work/b"
    : >"$fa"
    : >"$fb"
    if [[ "${WARMUP:-1}" != 0 ]]; then
        [[ -n "$prep" ]] && eval "$prep"
        eval "once /dev/null $a"
        eval "once /dev/null $b"
    fi
    for _ in $(seq "$n"); do
        [[ -n "$prep" ]] && eval "$prep"
        eval "once \"$fa\" $a"
        eval "once \"$fb\" $b"
    done
    paste -d' ' "$fa" "$fb" | awk '{ print $1 / $4 }' >"$work/r"
    local ta tb ma mb ca cb r rmin rmax
    ta=$(median 1 "$fa")
    tb=$(median 1 "$fb")
    ma=$(median 2 "$fa")
    mb=$(median 2 "$fb")
    ca=$(median 3 "$fa")
    cb=$(median 3 "$fb")
    r=$(median 1 "$work/r")
    rmin=$(sort -g "$work/r" | head -n1)
    rmax=$(sort -g "$work/r" | tail -n1)
    echo
    echo "$label"
    awk -v t="$ta" -v m="$ma" -v u="$ca" -v c="$a" \
        'BEGIN { printf "  A %9.1f ms wall %9.0f ms cpu %7.1f MB  %s\n", t, u, m / 1024, c }'
    awk -v t="$tb" -v m="$mb" -v u="$cb" -v c="$b" \
        'BEGIN { printf "  B %9.1f ms wall %9.0f ms cpu %7.1f MB  %s\n", t, u, m / 1024, c }'
    awk -v r="$r" -v lo="$rmin" -v hi="$rmax" -v g="$goal" -v ma="$ma" -v mb="$mb" -v n="$n" \
        -v ca="$ca" -v cb="$cb" 'BEGIN {
        printf "  ratio A/B %.2f (%.2f..%.2f over %d pairs), goal %s; cpu A/B %.2f; memory A/B %.2f\n",
            r, lo, hi, n, g, (cb > 0 ? ca / cb : 0), ma / mb }'
}

if [[ -z "${BENCH_ONLY_LIST:-}" ]]; then
small="$(corpus 10000)"
bytes=$(du -sb "$small" | cut -f1)
echo "corpus: 10000 files, $((bytes / 10000)) bytes per file on average"
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $runs"

phrases='careless|negligent|sloppy|human error|operator error|should have|could have|if only|failed to|forgot to|root cause|postmortem|at fault'
lint_runs=$((runs < 3 ? runs : 3))

# Fill the caches once (and the page cache) before the cached cases.
clear_cache
"$retro" --dir "$small" list >/dev/null
"$retro" --dir "$small" actions --open >/dev/null
"$retro" --dir "$small" lint >/dev/null 2>&1 || true

compare "retro actions --open, 10,000 incidents (cache filled) vs grep -rc" "<= 3" "$runs" "" \
    "\"$retro\" --dir \"$small\" actions --open" \
    "grep -rc 'status = \"open\"' \"$small\""
compare "retro actions --open, 10,000 incidents, no cache vs grep -rc" "-" "$runs" clear_cache \
    "\"$retro\" --dir \"$small\" actions --open" \
    "grep -rc 'status = \"open\"' \"$small\""
# The files were just read by the run that filled the caches: no warm-up for this slow pair.
WARMUP=0 compare "retro lint, 10,000 incidents, first run (no cache) vs 13-phrase grep -rciE" "<= 5" \
    "$lint_runs" clear_cache \
    "\"$retro\" --dir \"$small\" lint" \
    "grep -rciE '$phrases' \"$small\""
"$retro" --dir "$small" list >/dev/null
"$retro" --dir "$small" lint >/dev/null 2>&1 || true
compare "retro lint, 10,000 incidents, second run vs retro list (both cache filled)" "<= 2" \
    "$runs" "" \
    "\"$retro\" --dir \"$small\" lint" \
    "\"$retro\" --dir \"$small\" list"
fi

if [[ -z "${BENCH_SKIP_100K:-}" ]]; then
    large="$(corpus 100000)"
    compare "retro list, 100,000 incidents, no cache vs grep -m1 -r '^title'" \
        "<= 2, <= 50 MB" "$runs" clear_cache \
        "\"$retro\" --dir \"$large\" list" \
        "grep -m1 -r '^title' \"$large\""
    clear_cache
    "$retro" --dir "$large" list >/dev/null
    compare "retro list, 100,000 incidents (cache filled) vs grep -m1 -r '^title'" \
        "<= 50 MB" "$runs" "" \
        "\"$retro\" --dir \"$large\" list" \
        "grep -m1 -r '^title' \"$large\""
fi
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
