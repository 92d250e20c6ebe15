#!/usr/bin/env bash
# Whole-process `retort current` and `retort upgrade +1` on a SQLite database at the head of a
# generated history (issue goals at 5,000 revisions: current <= 0.4 s, upgrade +1 <= 0.35 s).
#   bench/online/cli.sh [N] [RUNS]      (default 5000 revisions, 5 runs; median reported)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
N="${1:-5000}"; RUNS="${2:-5}"
OUT="${BENCH_OUT:-$ROOT/bench/out/online-cli}"
TMPF="$(mktemp)"; trap 'rm -f "$TMPF"' EXIT
"$ROOT/retort" --version >/dev/null
d="$OUT/linear-$N"
[ -d "$d/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$d" "$N" linear >/dev/null
cd "$d/retort"
rm -f bench.db bench.db.lock
echo "applying $N revisions once (not timed) ..."
"$ROOT/retort" upgrade heads 2>/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
cur=(); up=()
for _ in $(seq "$RUNS"); do
  /usr/bin/time -o "$TMPF" -f "%e %M" "$ROOT/retort" current >/dev/null 2>&1; cur+=("$(cut -d' ' -f1 "$TMPF")")
  "$ROOT/retort" downgrade -1 >/dev/null 2>&1
  /usr/bin/time -o "$TMPF" -f "%e %M" "$ROOT/retort" upgrade +1 >/dev/null 2>&1; up+=("$(cut -d' ' -f1 "$TMPF")")
done
printf "revisions %d  current %ss  upgrade +1 %ss  (median of %d)\n" "$N" \
  "$(printf "%s\n" "${cur[@]}" | median)" "$(printf "%s\n" "${up[@]}" | median)" "$RUNS"
