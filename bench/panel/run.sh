#!/bin/sh
# Benchmarks of the graph panel: lane layout of 10,000 revisions (goal <= 200 ms) and one
# scroll-step redraw (goal <= 16 ms). Usage: bench/panel/run.sh [revisions]
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mvn -q -o -pl shell -am test-compile
m2=${MAVEN_REPO:-$HOME/.m2/repository}
cp="shell/target/classes:shell/target/test-classes:$m2/com/googlecode/lanterna/lanterna/3.1.5/lanterna-3.1.5.jar:$m2/org/jline/jline/3.30.16/jline-3.30.16.jar"
out=bench/panel/target
mkdir -p "$out"
javac -cp "$cp" -d "$out" bench/panel/PanelBench.java
exec java -Xms256m -cp "$out:$cp" PanelBench "$@"
