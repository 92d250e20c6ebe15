# Shared helpers of the start-up benchmarks (sourced). Side-by-side runs: every round runs
# each command once, so a busy machine slows all of them alike; medians of the rounds.
#   side_by_side RUNS "label|command[|untimed command after each run]" ...
#   prints: label  wall_s  cpu_s  rss_MB  (medians of wall and of CPU = user+sys; max RSS),
#   measured by rusage.py (wait4, to the microsecond: GNU time rounds CPU to 10 ms)
BENCH_LIB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
side_by_side() {
  local runs="$1"; shift
  local n=$# tmp; tmp="$(mktemp -d)"
  local i r spec argv rest after
  for r in $(seq "$runs"); do
    i=0
    for spec in "$@"; do
      i=$((i + 1))
      rest="${spec#*|}"; after=""
      [[ $rest == *"|"* ]] && { after="${rest#*|}"; rest="${rest%%|*}"; }
      eval "argv=($rest)"
      python3 "$BENCH_LIB/rusage.py" "$tmp/t" "${argv[@]}" >/dev/null 2>"$tmp/err" \
        || { echo "failed: $rest" >&2; cat "$tmp/err" >&2; }
      tail -n1 "$tmp/t" >> "$tmp/$i"
      [ -z "$after" ] || eval "$after" >/dev/null 2>&1 || echo "failed: $after" >&2
    done
  done
  i=0
  for spec in "$@"; do
    i=$((i + 1))
    awk -v label="${spec%%|*}" '
      { w[NR] = $1; c[NR] = $2 + $3; if ($4 > m) m = $4 }
      END {
        n = asort(w); asort(c)
        printf "%-44s %7.3f %7.4f %7.1f\n", label, w[int((n + 1) / 2)], c[int((n + 1) / 2)], m / 1024
      }' "$tmp/$i"
  done
  rm -rf "$tmp"
}

# The launcher's JVM flags (see ../../retort), for the hello-world floor and direct runs.
JFLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xms8m -XX:MaxNewSize=8m -Xmx1g -Xss2m)

# A one-revision environment in $1 (created once).
one_revision_env() {
  local d="$1"
  [ -f "$d/retort.ini" ] && return 0
  mkdir -p "$d/migrations/versions"
  printf '[retort]\nscript_location = %%(here)s/migrations\nurl = sqlite:///%%(here)s/one.db\n' > "$d/retort.ini"
  printf -- '-- first\n--\n-- Revision ID: 1a2b3c4d5e6f\n-- Revises:\n-- Create Date: 2025-09-24 10:07:38.412957\n\n-- retort:upgrade\nCREATE TABLE t (id INTEGER);\n\n-- retort:downgrade\nDROP TABLE t;\n' \
    > "$d/migrations/versions/1a2b3c4d5e6f_first.sql"
}
