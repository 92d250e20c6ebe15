#!/bin/sh
# Shell benchmarks (not tests). 1. launch to first prompt on the sample (goal <= 0.6 s);
# 2. completion (<= 50 ms) and graph commands (<= 20 ms) in a warm shell on 10,000 revisions.
# Usage: bench/shell/run.sh [revisions]
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
n=${1:-10000}
out=bench/shell/target
mkdir -p "$out"
[ -f shell/target/retort.jar ] || mvn -q -o -DskipTests package
[ -f "$out/env-$n/retort/retort.ini" ] || python3 bench/graph/gen.py "$out/env-$n" "$n" branched >/dev/null
javac -cp shell/target/retort.jar -d "$out" bench/shell/ReplBench.java
sh bench/shell/first-prompt.sh
java -XX:+UseSerialGC -cp "$out:shell/target/retort.jar" ReplBench "$out/env-$n/retort/retort.ini"
