#!/usr/bin/env bash
# The same graphs through Alembic (Debian package python3-alembic, run with /usr/bin/python3),
# for side-by-side ratios with bench/graph/run.sh.
#   bench/graph/alembic.sh [RUNS] [SIZES...]
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-3}"; shift || true
SIZES=("${@:-1000 5000 10000}")
TMPF="$(mktemp)"; trap 'rm -f "$TMPF"' EXIT
OUT="${BENCH_OUT:-$ROOT/bench/out/graph}"
/usr/bin/python3 -c "import alembic" 2>/dev/null || {
  echo "needs Debian's python3-alembic: apt-get install python3-alembic" >&2; exit 2; }
printf "%-10s %6s  %-22s %8s %8s\n" shape revs command "wall_s" "rss_MB"
for shape in linear branched; do
  for n in ${SIZES[@]}; do
    d="$OUT/$shape-$n"
    [ -d "$d/alembic" ] || python3 "$HERE/gen.py" "$d" "$n" "$shape" >/dev/null
    cd "$d/alembic"
    for cmd in "heads" "history" "upgrade heads --sql"; do
      times=(); rss=0
      for _ in $(seq "$RUNS"); do
        # shellcheck disable=SC2086
        /usr/bin/time -o "$TMPF" -f "%e %M" /usr/bin/python3 -m alembic $cmd >/dev/null 2>&1 || true; t=$(tail -n1 "$TMPF")
        times+=("${t% *}"); m="${t#* }"; (( m > rss )) && rss=$m
      done
      med=$(printf "%s\n" "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
      printf "%-10s %6d  %-22s %8s %8s\n" "$shape" "$n" "$cmd" "$med" "$((rss / 1024))"
    done
  done
done
