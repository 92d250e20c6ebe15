#!/usr/bin/env bash
# Start-up profile of the one-shot commands (bench, not a test): what a cold `retort COMMAND`
# loads and spends, next to a Java hello-world started with the same JVM flags.
#   bench/startup/profile.sh [RUNS]      (default 7 side-by-side rounds)
# Prints four tables:
#   1. classes loaded per command, by library (-Xlog:class+load), and JIT-compiled methods;
#   2. in-process phases of a cold `heads` (config, script headers, revision map);
#   3. whole-process wall and CPU (user+sys) medians: hello-world, the jar, the launcher;
#   4. the launcher's own cost (its staleness check), as the difference of 3's rows.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-7}"
. "$HERE/lib.sh"
OUT="${BENCH_OUT:-$ROOT/bench/out/startup}"
mkdir -p "$OUT"
"$ROOT/retort" --version >/dev/null          # build the jar and the start-up archive first
JAR="$ROOT/shell/target/retort.jar"
ENV1="$OUT/one"; one_revision_env "$ENV1"
G5="$ROOT/bench/out/graph/branched-5000"
[ -d "$G5/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$G5" 5000 branched >/dev/null
cp -f "$ENV1/retort.ini" "$OUT/one.ini.bak" 2>/dev/null || true
javac -d "$OUT" "$HERE/Hello.java"
javac -cp "$JAR" -d "$OUT" "$HERE/Phases.java"

echo "== 1. classes loaded by library (one-revision environment unless noted), JIT-compiled methods"
printf "%-28s %6s %6s %6s %6s %6s %6s %6s %6s %6s %6s\n" command total jdk retort picocli jackson jline lanterna jdbc pool jit
classes() {  # label, java args...
  local label="$1"; shift
  local log="$OUT/classes.log" jit
  java "${JFLAGS[@]}" -Xlog:class+load=info:file="$log" "$@" >/dev/null 2>&1 || true
  jit=$(java "${JFLAGS[@]}" -XX:+PrintCompilation "$@" 2>/dev/null | grep -c '::\|^ *[0-9]' || true)
  awk -v label="$label" -v jit="$jit" '
    /source:/ {
      c = $0; sub(/^.*\] /, "", c); sub(/ source:.*/, "", c); t++
      if (c ~ /^dev\.retort\./) r++
      else if (c ~ /^picocli\./) p++
      else if (c ~ /^com\.fasterxml\./) j++
      else if (c ~ /^org\.jline\./) l++
      else if (c ~ /^com\.googlecode\.lanterna\./) n++
      else if (c ~ /^(org\.sqlite|org\.postgresql|org\.mariadb|java\.sql)\./) d++
      else if (c ~ /^com\.zaxxer\./) h++
      else k++
    }
    END { printf "%-28s %6d %6d %6d %6d %6d %6d %6d %6d %6d %6s\n", label, t, k, r, p, j, l, n, d, h, jit }' "$log"
}
classes "hello-world" -cp "$OUT" Hello
for cmd in "heads" "history" "show head" "branches" "upgrade heads --sql" "current" "upgrade +1"; do
  db="$OUT/one.db"; rm -f "$db"
  # shellcheck disable=SC2086
  classes "$cmd" -jar "$JAR" -c "$ENV1/retort.ini" $cmd
done
# shellcheck disable=SC2086
classes "heads (5,000 revisions)" -jar "$JAR" -c "$G5/retort/retort.ini" heads
rm -f "$OUT/one.db"

echo
echo "== 2. phases of a cold heads, in-process (ms)"
for env in "$ENV1/retort.ini" "$G5/retort/retort.ini"; do
  java "${JFLAGS[@]}" -cp "$JAR:$OUT" Phases "$env"
done

echo
echo "== 3. whole process, $RUNS side-by-side rounds: median wall s, median CPU (user+sys) s, peak RSS MB"
printf "%-44s %7s %7s %7s\n" "" wall cpu rss
side_by_side "$RUNS" \
  "hello-world (same JVM flags)|java ${JFLAGS[*]} -cp $OUT Hello" \
  "java -jar retort.jar heads (1 revision)|java ${JFLAGS[*]} -jar $JAR -c $ENV1/retort.ini heads" \
  "./retort heads (1 revision)|$ROOT/retort -c $ENV1/retort.ini heads" \
  "./retort heads (5,000 revisions)|$ROOT/retort -c $G5/retort/retort.ini heads"
