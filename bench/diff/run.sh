#!/usr/bin/env bash
# Diff benchmark: `retort diff A B`, whole process, between two databases of 1,000 tables
# (10,000 columns, 2,000 indexes, 1,000 foreign keys) differing in 100 places.
# Goal (PostgreSQL): <= 3 s. Also SQLite files and MariaDB databases.
# Usage: bench/diff/run.sh [N] [CHANGES]      (default 1000 100)
#   RETORT_BENCH_PG_URL       default jdbc:postgresql://127.0.0.1:5432/test?user=postgres ("skip" to skip)
#   RETORT_BENCH_MARIADB      "skip" to skip MariaDB (server 127.0.0.1:3306, root)
#   RETORT_BENCH_REPEAT       runs per measurement, best kept (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/bench/out/diff
mkdir -p "$OUT"
N=${1:-1000}; CH=${2:-100}
REPEAT=${RETORT_BENCH_REPEAT:-3}
PG=${RETORT_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
[ -f shell/target/retort.jar ] || mvn -q -o -DskipTests package >/dev/null
JAR=$ROOT/shell/target/retort.jar

best() { # url-a url-b -> best millis
  local best=999999
  for _ in $(seq "$REPEAT"); do
    local t0; t0=$(date +%s%N)
    java -jar "$JAR" diff "$1" "$2" > "$OUT/diff.sql"
    local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    (( ms < best )) && best=$ms
  done
  echo "$best"
}

for v in a b; do
  for f in postgresql sqlite mariadb; do python3 bench/diff/gen.py $f $v "$N" "$CH" > "$OUT/$f-$v.sql"; done
done

if [ "$PG" != skip ]; then
  for v in a b; do
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE IF EXISTS bench_diff_$v" -c "CREATE DATABASE bench_diff_$v"
    psql -q -h 127.0.0.1 -U postgres -d bench_diff_$v -f "$OUT/postgresql-$v.sql" >/dev/null
  done
  ms=$(best "jdbc:postgresql://127.0.0.1:5432/bench_diff_a?user=postgres" "jdbc:postgresql://127.0.0.1:5432/bench_diff_b?user=postgres")
  echo "postgresql: $N tables, $CH changes: $ms ms ($(grep -c ';$' "$OUT/diff.sql") statements)"
  for v in a b; do psql -q -h 127.0.0.1 -U postgres -d test -c "DROP DATABASE bench_diff_$v"; done
fi

for v in a b; do rm -f "$OUT/sqlite-$v.db"; sqlite3 "$OUT/sqlite-$v.db" < "$OUT/sqlite-$v.sql"; done
ms=$(best "jdbc:sqlite:$OUT/sqlite-a.db" "jdbc:sqlite:$OUT/sqlite-b.db")
echo "sqlite: $N tables, $CH changes: $ms ms ($(grep -c ';$' "$OUT/diff.sql") statements)"

if [ "${RETORT_BENCH_MARIADB:-}" != skip ]; then
  for v in a b; do
    mysql -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS bench_diff_$v; CREATE DATABASE bench_diff_$v"
    mysql -h 127.0.0.1 -uroot bench_diff_$v < "$OUT/mariadb-$v.sql"
  done
  ms=$(best "jdbc:mariadb://127.0.0.1:3306/bench_diff_a?user=root" "jdbc:mariadb://127.0.0.1:3306/bench_diff_b?user=root")
  echo "mariadb: $N tables, $CH changes: $ms ms ($(grep -c ';$' "$OUT/diff.sql") statements)"
  for v in a b; do mysql -h 127.0.0.1 -uroot -e "DROP DATABASE bench_diff_$v"; done
fi
