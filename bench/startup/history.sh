#!/usr/bin/env bash
# `current` and `upgrade +1` at the head of 5,000 linear revisions on a SQLite database that was
# really upgraded through them (5,000 rows of retort_history, each with its script's checksum),
# not stamped as in goals.sh section C: what upgrade's changed-script check costs on a long
# history. A bench, not a test; side by side with `heads` on one revision.
#   bench/startup/history.sh [RUNS]    (default 7 rounds; medians; CPU = user+sys)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-7}"
. "$HERE/lib.sh"
OUT="${BENCH_OUT:-$ROOT/bench/out}"
R="$ROOT/retort"
"$R" --version >/dev/null
L5="$OUT/graph/linear-5000"; [ -d "$L5/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$L5" 5000 linear >/dev/null
ENV="$OUT/startup/history-5000"
if [ ! -f "$ENV/retort.ini" ]; then
  mkdir -p "$ENV"; cp -R "$L5/retort/." "$ENV/"; rm -f "$ENV"/bench.db*
fi
ENV1="$OUT/startup/one"; one_revision_env "$ENV1"
export XDG_CACHE_HOME="$OUT/startup/cache"
if [ ! -f "$ENV/.upgraded" ]; then
  echo "upgrading a fresh database through 5,000 revisions (once) ..."
  start=$EPOCHREALTIME
  "$R" -c "$ENV/retort.ini" upgrade heads >/dev/null 2>&1
  echo "  took $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }') s"
  "$R" -c "$ENV/retort.ini" downgrade -1 >/dev/null 2>&1
  : > "$ENV/.upgraded"
fi
"$R" -c "$ENV/retort.ini" current >/dev/null
echo "$(uptime)"
printf "%-44s %7s %7s %7s\n" "" wall_s cpu_s rss_MB
side_by_side "$RUNS" \
  "retort heads, 1 revision|$R -c $ENV1/retort.ini heads" \
  "retort current (head-1, 4,999 applied)|$R -c $ENV/retort.ini current" \
  "retort upgrade +1 (4,999 applied)|$R -c $ENV/retort.ini upgrade +1|$R -c $ENV/retort.ini downgrade -1"
echo "$(uptime)"
