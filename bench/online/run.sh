#!/usr/bin/env bash
# Online runner benchmark: Retort vs a plain-JDBC floor applying N one-statement migrations
# to SQLite, PostgreSQL and MariaDB/MySQL. Goal: Retort <= 1.2x the floor.
# Usage: bench/online/run.sh [N...]        (default: 1000 5000)
#   RETORT_BENCH_PG_URL  PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres);
#                        each run gets a fresh database bench_online. Set to "skip" to bench SQLite only.
#   RETORT_BENCH_MYSQL_URL  MariaDB/MySQL server (default jdbc:mariadb://127.0.0.1:3306/test?user=root);
#                        each run gets a fresh database bench_online. Set to "skip" to leave it out.
#   RETORT_BENCH_REPEAT  runs per measurement, best kept (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/bench/out/online
mkdir -p "$OUT"
SIZES=("$@"); [ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 5000)
PG=${RETORT_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
MY=${RETORT_BENCH_MYSQL_URL:-jdbc:mariadb://127.0.0.1:3306/test?user=root}
REPEAT=${RETORT_BENCH_REPEAT:-3}

mvn -q -o -pl engine -DskipTests install >/dev/null 2>&1 || mvn -q -pl engine -am -DskipTests install >/dev/null
mvn -q -o -pl engine dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null 2>&1 \
  || mvn -q -pl engine dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >/dev/null
CP="$ROOT/engine/target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/online/*.java
RUNCP="$OUT/classes:$CP"

psql_url() { # jdbc:postgresql://host:port/db?user=u -> args for psql
  local rest=${1#jdbc:postgresql://}; local hp=${rest%%/*}; local db=${rest#*/}; db=${db%%\?*}
  local user=postgres; [[ $1 == *user=* ]] && user=${1##*user=} && user=${user%%&*}
  echo "-h ${hp%%:*} -p ${hp##*:} -U $user -d $db"
}

mysql_args() { # jdbc:mariadb://host:port/db?user=u -> args for the mysql client (no database)
  local rest=${1#jdbc:*://}; local hp=${rest%%/*}
  local user=root; [[ $1 == *user=* ]] && user=${1##*user=} && user=${user%%&*}
  echo "--protocol=tcp -h ${hp%%:*} -P ${hp##*:} -u $user"
}

best() { # prog url n -> best millis of REPEAT runs; fresh database each run
  local prog=$1 kind=$2 n=$3 bestms=
  for _ in $(seq "$REPEAT"); do
    local url
    if [ "$kind" = sqlite ]; then
      rm -f "$OUT/bench.db" "$OUT/bench.db.lock"; url="jdbc:sqlite:$OUT/bench.db"
    elif [ "$kind" = mysql ]; then
      mysql $(mysql_args "$MY") -e "DROP DATABASE IF EXISTS bench_online; CREATE DATABASE bench_online" >/dev/null
      url=$(echo "$MY" | sed -E 's#^(jdbc:[a-z]+://[^/]+/)[^?]*#\1bench_online#')
    else
      # a fresh database per run: dropping a schema of 5,000 tables overflows the lock table
      psql $(psql_url "$PG") -q -c "DROP DATABASE IF EXISTS bench_online" -c "CREATE DATABASE bench_online" >/dev/null
      url=$(echo "$PG" | sed -E 's#^(jdbc:postgresql://[^/]+/)[^?]*#\1bench_online#')
    fi
    local ms
    ms=$(java -cp "$RUNCP" "$prog" "$url" "$n" | awk '{print $3}')
    if [ -z "$bestms" ] || [ "$ms" -lt "$bestms" ]; then bestms=$ms; fi
  done
  echo "$bestms"
}

printf '%-10s %6s %10s %10s %7s\n' database n floor_ms retort_ms ratio
for kind in sqlite postgresql mysql; do
  if [ "$kind" = postgresql ] && { [ "$PG" = skip ] || ! pg_isready -q $(psql_url "$PG" | sed 's/-U [^ ]*//; s/-d [^ ]*//') ; }; then
    echo "postgresql: skipped (no server)"; continue
  fi
  if [ "$kind" = mysql ] && { [ "$MY" = skip ] || ! mysqladmin $(mysql_args "$MY") ping >/dev/null 2>&1; }; then
    echo "mysql: skipped (no server)"; continue
  fi
  for n in "${SIZES[@]}"; do
    f=$(best JdbcFloor "$kind" "$n")
    r=$(best OnlineBench "$kind" "$n")
    printf '%-10s %6s %10s %10s %7s\n' "$kind" "$n" "$f" "$r" "$(awk -v a="$r" -v b="$f" 'BEGIN{printf "%.2f", a/b}')"
  done
done
