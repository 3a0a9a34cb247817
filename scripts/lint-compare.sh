#!/usr/bin/env bash
# Compares the findings of two retro builds, byte for byte, on the same folders: the labeled
# sentences in many layouts with the examples and test fixtures (scripts/lint-folder.py), and
# generated incidents (scripts/gen-corpus.py). Both runs start without a cache.
#
# Usage: scripts/lint-compare.sh OLD_RETRO NEW_RETRO [CORPUS_SIZE]   (default 2000)
# Exits 0 when every output (text and JSON, stdout and stderr, exit status) is the same.
set -euo pipefail

old="$1"
new="$2"
size="${3:-2000}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/retro-lint-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export TZ=UTC

python3 "$root/scripts/lint-folder.py" "$work/sentences"
python3 "$root/scripts/gen-corpus.py" "$work/corpus" "$size"

status=0
for folder in sentences corpus; do
    for format in text json; do
        for side in old new; do
            bin="$old"
            [[ "$side" == new ]] && bin="$new"
            rc=0
            RETRO_CACHE_DIR="$work/cache-$side-$folder-$format" \
                "$bin" --dir "$work/$folder" lint --format "$format" \
                >"$work/$side.out" 2>"$work/$side.err" || rc=$?
            echo "$rc" >>"$work/$side.err"
        done
        if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err"; then
            echo "$folder, $format: same ($(wc -l <"$work/new.out") lines; $(tail -n2 "$work/new.err" | head -n1))"
        else
            echo "$folder, $format: DIFFERENT"
            diff "$work/old.out" "$work/new.out" | head -n 20 || true
            diff "$work/old.err" "$work/new.err" | head -n 20 || true
            status=1
        fi
    done
done
exit "$status"
