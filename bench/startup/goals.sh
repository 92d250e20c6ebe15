#!/usr/bin/env bash
# The goals of issue 14, measured side by side in one run (bench, not a test):
#   A. whole-process `heads` and `upgrade heads --sql` on 5,000 branched revisions, Retort with a
#      warm and a cold revision index vs Alembic (Debian's python3-alembic);
#   B. `heads` on one revision vs a Java hello-world with the same JVM flags and JDK (CPU);
#   C. `current` and `upgrade +1` on SQLite at the head of 5,000 revisions, and their ratio to B;
#   D. peak RSS of `heads` at 10,000 revisions.
#   bench/startup/goals.sh [RUNS]      (default 7 rounds; medians; CPU = user+sys)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
RUNS="${1:-7}"
. "$HERE/lib.sh"
OUT="${BENCH_OUT:-$ROOT/bench/out/startup}"
GRAPHS="${BENCH_OUT:-$ROOT/bench/out}/graph"
mkdir -p "$OUT"
/usr/bin/python3 -c "import alembic" 2>/dev/null || { echo "needs Debian's python3-alembic: apt-get install python3-alembic" >&2; exit 2; }
R="$ROOT/retort"
"$R" --version >/dev/null            # build the jar and the start-up archive first
G5="$GRAPHS/branched-5000"; [ -d "$G5/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$G5" 5000 branched >/dev/null
G10="$GRAPHS/branched-10000"; [ -d "$G10/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$G10" 10000 branched >/dev/null
L5="$GRAPHS/linear-5000"; [ -d "$L5/retort" ] || python3 "$ROOT/bench/graph/gen.py" "$L5" 5000 linear >/dev/null
ENV1="$OUT/one"; one_revision_env "$ENV1"
javac -d "$OUT" "$HERE/Hello.java"
CACHE="$OUT/cache"; COLD="$OUT/cold-cache"
export XDG_CACHE_HOME="$CACHE"
"$R" -c "$G5/retort/retort.ini" heads >/dev/null; "$R" -c "$G10/retort/retort.ini" heads >/dev/null   # warm the index
# The JDK the launcher picks (newest JDK 17+, or JAVA_HOME), for the hello-world on the same JDK
JHOME=""; best=0
for rel in /usr/lib/jvm/*/release; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"); (( v > best )) && { best=$v; JHOME="${rel%/release}"; }
done
JHOME="${JAVA_HOME:-$JHOME}"
J17=/usr/lib/jvm/java-17-openjdk-amd64
# every start-up archive made before the timed runs: the read group's and the full AOT cache, Java 17's CDS
"$R" -c "$ENV1/retort.ini" heads >/dev/null; "$R" --version >/dev/null; JAVA_HOME=$J17 "$R" --version >/dev/null
echo "launcher's JDK: $JHOME; $(uptime)"
printf "%-44s %7s %7s %7s\n" "" wall_s cpu_s rss_MB

[ -n "${SKIP_AB:-}" ] || {
echo "== A. 5,000 branched revisions vs Alembic (cold: no revision index before the run)"
side_by_side "$RUNS" \
  "alembic heads|env -C $G5/alembic /usr/bin/python3 -m alembic heads" \
  "alembic upgrade heads --sql|env -C $G5/alembic /usr/bin/python3 -m alembic upgrade heads --sql" \
  "retort heads (warm index)|$R -c $G5/retort/retort.ini heads" \
  "retort upgrade heads --sql (warm index)|$R -c $G5/retort/retort.ini upgrade heads --sql" \
  "retort heads (cold index)|env XDG_CACHE_HOME=$COLD $R -c $G5/retort/retort.ini heads|rm -rf $COLD" \
  "retort upgrade heads --sql (cold index)|env XDG_CACHE_HOME=$COLD $R -c $G5/retort/retort.ini upgrade heads --sql|rm -rf $COLD"

echo "== B. heads on one revision vs hello-world, same flags; the launcher's JDK and Java 17"
side_by_side "$RUNS" \
  "hello-world (launcher's JDK)|$JHOME/bin/java ${JFLAGS[*]} -cp $OUT Hello" \
  "retort heads, 1 revision (launcher's JDK)|$R -c $ENV1/retort.ini heads" \
  "hello-world (Java 17)|$J17/bin/java ${JFLAGS[*]} -cp $OUT Hello" \
  "retort heads, 1 revision (Java 17, CDS)|env JAVA_HOME=$J17 $R -c $ENV1/retort.ini heads"

}
echo "== C. SQLite at the head of 5,000 (linear) revisions"
# the version table at head-1 (stamped; the scripts create one table each): each round times
# `current`, then `upgrade +1` (applies the head's script), then, untimed, `downgrade -1`
rm -f "$L5/retort/bench.db"
head=$("$R" -c "$L5/retort/retort.ini" heads | cut -d' ' -f1)
parent=$("$R" -c "$L5/retort/retort.ini" show "$head" | sed -n 's/^Parent: //p')
"$R" -c "$L5/retort/retort.ini" stamp "$parent" >/dev/null
"$R" -c "$L5/retort/retort.ini" current >/dev/null   # the light database group's AOT cache, made before the timed runs
side_by_side "$RUNS" \
  "retort heads, 1 revision|$R -c $ENV1/retort.ini heads" \
  "retort current (at head-1)|$R -c $L5/retort/retort.ini current" \
  "retort upgrade +1 (head-1 -> head)|$R -c $L5/retort/retort.ini upgrade +1|$R -c $L5/retort/retort.ini downgrade -1"

echo "== D. peak RSS, heads at 10,000 branched revisions (warm index / cold)"
side_by_side 3 \
  "retort heads, 10,000 (warm index)|$R -c $G10/retort/retort.ini heads" \
  "retort heads, 10,000 (cold index)|env XDG_CACHE_HOME=$COLD $R -c $G10/retort/retort.ini heads|rm -rf $COLD"

echo "== E. heads on one revision, the launcher's JDK: no AOT cache, the cache of every command, the read group's cache"
# the archives the launcher made above (in a checkout: shell/target); same flags as the launcher
if [ -f "$ROOT/shell/target/retort-jdk$best-read.aot" ] && [ -f "$ROOT/shell/target/retort-jdk$best.aot" ]; then
  LF="${JFLAGS[*]} --enable-native-access=ALL-UNNAMED -Dretort.home=$ROOT -Xlog:aot=off -Xlog:cds=off"
  JAR="$ROOT/shell/target/retort.jar"
  side_by_side "$RUNS" \
    "hello-world (launcher's JDK)|$JHOME/bin/java ${JFLAGS[*]} -cp $OUT Hello" \
    "heads, no AOT cache|$JHOME/bin/java $LF -jar $JAR -c $ENV1/retort.ini heads" \
    "heads, every command's AOT cache|$JHOME/bin/java $LF -XX:AOTCache=$ROOT/shell/target/retort-jdk$best.aot -jar $JAR -c $ENV1/retort.ini heads" \
    "heads, the read group's AOT cache|$JHOME/bin/java $LF -XX:AOTCache=$ROOT/shell/target/retort-jdk$best-read.aot -jar $JAR -c $ENV1/retort.ini heads"
else
  echo "(needs JDK 24+ and both AOT caches in shell/target)"
fi
echo "$(uptime)"
