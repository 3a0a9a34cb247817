#!/usr/bin/env bash
# Benchmark of `retro list` over 10,000 incidents of about 12 KB each, side by side with
# `grep -m1 -r '^title'` over the same files. Prints the best of several runs of each: `retro
# list` as usual (its list cache filled by an earlier run) and on a first run (no cache, every
# file read), their ratios to grep, and the peak memory of `retro list`.
#
# Usage: scripts/bench-list.sh [COUNT] [RUNS]      (defaults: 10000 files, 5 runs)
set -euo pipefail

count="${1:-10000}"
runs="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="$(mktemp -d "${TMPDIR:-/tmp}/retro-bench.XXXXXX")"
cache="$(mktemp -d "${TMPDIR:-/tmp}/retro-bench-cache.XXXXXX")"
trap 'rm -rf "$corpus" "$cache"' EXIT
export RETRO_CACHE_DIR="$cache"

echo "building release binary..."
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
retro="${CARGO_TARGET_DIR:-$root/target}/release/retro"

echo "generating $count incidents in $corpus..."
python3 "$root/scripts/gen-corpus.py" "$corpus" "$count"
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $count files, $((bytes / count)) bytes per file on average"

# Warm the page cache for both.
grep -m1 -r '^title' "$corpus" >/dev/null
"$retro" --dir "$corpus" list >/dev/null

# Files must have been left alone for two seconds before the list cache keeps them.
sleep 2.5
"$retro" --dir "$corpus" list >/dev/null

best() { # best wall time in milliseconds of "$@" over $runs runs
    local best_ms="" start end ms
    for _ in $(seq "$runs"); do
        if [[ -n "${COLD:-}" ]]; then rm -rf "$cache/lists"; fi
        start=$EPOCHREALTIME
        "$@" >/dev/null
        end=$EPOCHREALTIME
        ms=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')
        if [[ -z "$best_ms" ]] || awk -v a="$ms" -v b="$best_ms" 'BEGIN { exit !(a < b) }'; then
            best_ms=$ms
        fi
    done
    echo "$best_ms"
}

grep_ms=$(best grep -m1 -r '^title' "$corpus")
list_ms=$(best "$retro" --dir "$corpus" list)
cold_ms=$(COLD=1 best "$retro" --dir "$corpus" list)
"$retro" --dir "$corpus" list >/dev/null
rows=$("$retro" --dir "$corpus" list --format json | grep -c '"id"' || true)

echo
echo "grep -m1 -r '^title':          ${grep_ms} ms"
echo "retro list:                    ${list_ms} ms  ($rows incidents listed)"
echo "retro list, first run (cold):  ${cold_ms} ms"
awk -v l="$list_ms" -v g="$grep_ms" 'BEGIN { printf "ratio list/grep:               %.2f (target: at most 2)\n", l / g }'
awk -v l="$cold_ms" -v g="$grep_ms" 'BEGIN { printf "ratio first run/grep:          %.2f\n", l / g }'

if [[ -x /usr/bin/time ]]; then
    peak=$(/usr/bin/time -v "$retro" --dir "$corpus" list 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident set size/ { print $2 }')
    rm -rf "$cache/lists"
    peak_cold=$(/usr/bin/time -v "$retro" --dir "$corpus" list 2>&1 >/dev/null |
        awk -F': ' '/Maximum resident set size/ { print $2 }')
    awk -v k="$peak" 'BEGIN { printf "peak memory of list:           %.1f MB (target: under 50 MB)\n", k / 1024 }'
    awk -v k="$peak_cold" 'BEGIN { printf "peak memory, first run:        %.1f MB\n", k / 1024 }'
else
    echo "peak memory of list:           /usr/bin/time not found"
fi
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
