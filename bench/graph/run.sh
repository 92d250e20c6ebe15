#!/usr/bin/env bash
# Whole-process timings of `retort heads`, `history`, `upgrade heads --sql` on generated
# histories of 1,000 / 5,000 / 10,000 revisions, linear and branched, with peak RSS.
#   bench/graph/run.sh [RUNS]        (default 5 runs each; median wall time reported)
# Side by side with Alembic: bench/graph/alembic.sh (same graphs).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-5}"
TMPF="$(mktemp)"; trap 'rm -f "$TMPF"' EXIT
OUT="${BENCH_OUT:-$ROOT/bench/out/graph}"
"$ROOT/retort" --version >/dev/null   # build the jar and the CDS archive first

measure() {  # dir, command... -> "median_s max_rss_mb"
  local dir="$1"; shift
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    local t
    /usr/bin/time -o "$TMPF" -f "%e %M" "$@" >/dev/null 2>&1 || true; t=$(tail -n1 "$TMPF")
    times+=("${t% *}")
    local m="${t#* }"; (( m > rss )) && rss=$m
  done
  local med
  med=$(printf "%s\n" "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$med $((rss / 1024))"
}

printf "%-10s %6s  %-22s %8s %8s\n" shape revs command "wall_s" "rss_MB"
for shape in linear branched; do
  for n in 1000 5000 10000; do
    d="$OUT/$shape-$n"
    [ -d "$d/retort" ] || python3 "$HERE/gen.py" "$d" "$n" "$shape" >/dev/null
    cd "$d/retort"
    for cmd in "heads" "history" "upgrade heads --sql"; do
      # shellcheck disable=SC2086
      read -r t m < <(measure "$d/retort" "$ROOT/retort" $cmd)
      printf "%-10s %6d  %-22s %8s %8s\n" "$shape" "$n" "$cmd" "$t" "$m"
    done
  done
done
