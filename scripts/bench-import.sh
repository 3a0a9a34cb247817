#!/usr/bin/env bash
# Benchmark of `retro import --dry-run` on a Slack export: one channel of 100,000 messages
# inside a workspace ZIP of about 1 GB of other channels, then the same with the other
# channels doubled (about 2 GB). The anchor is `unzip -p` of the same channel's members to
# /dev/null (only decompressing what retro reads). Prints the best of several runs, the
# ratio to the anchor, and retro's peak memory (GNU time's maximum resident set size).
#
# The ZIPs are generated in $TMPDIR (default /tmp) and removed afterwards; they need about
# 3 GB of free space.
#
# Usage: scripts/bench-import.sh [MESSAGES] [RUNS]     (defaults: 100000 messages, 5 runs)
set -euo pipefail

messages="${1:-100000}"
runs="${2:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/retro-import-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "building release binary..."
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
retro="${CARGO_TARGET_DIR:-$root/target}/release/retro"

incidents="$work/incidents"
"$retro" --dir "$incidents" new --title "Import benchmark" --started "2024-03-12 14:00" >/dev/null
id="$(ls "$incidents" | sed -n 's/\.toml$//p' | head -1)"

best() { # best wall time in milliseconds of "$@" over $runs runs
    local best_ms="" start end ms
    for _ in $(seq "$runs"); do
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

for other in 1000000000 2000000000; do
    zip="$work/export-$other.zip"
    echo
    echo "generating $messages messages in #inc-bench beside $((other / 1000000)) MB of other channels..."
    python3 "$root/scripts/gen-slack-export.py" "$zip" "$messages" "$other"
    size=$(stat -c %s "$zip")
    members=$(unzip -Z1 "$zip" | wc -l)
    # Warm the page cache for both.
    unzip -p "$zip" 'inc-bench/*' >/dev/null
    "$retro" --dir "$incidents" import "$id" "$zip" --channel inc-bench --dry-run --format json >/dev/null
    anchor_ms=$(best unzip -p "$zip" 'inc-bench/*')
    json_ms=$(best "$retro" --dir "$incidents" import "$id" "$zip" --channel inc-bench --dry-run --format json)
    table_ms=$(best "$retro" --dir "$incidents" import "$id" "$zip" --channel inc-bench --dry-run)
    rows=$("$retro" --dir "$incidents" import "$id" "$zip" --channel inc-bench --dry-run --format json | grep -c '"source"' || true)
    peak_kb=$( { /usr/bin/time -f '%M' "$retro" --dir "$incidents" import "$id" "$zip" --channel inc-bench --dry-run --format json >/dev/null; } 2>&1 | tail -1)
    echo "workspace ZIP: $((size / 1000000)) MB, $members members; $rows entries read"
    echo "unzip -p (the channel's members):        ${anchor_ms} ms"
    echo "retro import --dry-run --format json:    ${json_ms} ms"
    echo "retro import --dry-run (table):          ${table_ms} ms"
    awk -v r="$json_ms" -v a="$anchor_ms" 'BEGIN { printf "ratio retro/unzip:                       %.2f\n", r / a }'
    awk -v k="$peak_kb" 'BEGIN { printf "peak memory:                             %.1f MB (target: at most 100)\n", k / 1024 }'
    rm -f "$zip"
done
