#!/bin/sh
# Launch to first prompt: ./retort on a fresh copy of the sample environment in a tmux pane,
# timed from start until the prompt is on the screen (goal <= 0.6 s). Runs it N times (default
# 5) after one warm-up (which builds the jar and the CDS archive if needed).
# Usage: bench/shell/first-prompt.sh [runs]
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/sample-env" "$work/sample-env"
"$root/retort" -c "$work/sample-env/retort.ini" heads >/dev/null
once() {
  sock="retort-bench-$$-$1"
  rm -f "$work/sample-env/shop.db"
  start=$(date +%s%N)
  tmux -L "$sock" new-session -d -s b -x 120 -y 30 \
    "HOME=$work RETORT_HISTORY=$work/history '$root/retort' -c '$work/sample-env/retort.ini'"
  while ! tmux -L "$sock" capture-pane -p -t b 2>/dev/null | grep -q 'retort sample-env (base)>'; do
    sleep 0.005
  done
  end=$(date +%s%N)
  tmux -L "$sock" kill-server 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}
once 0 >/dev/null
all=""
for i in $(seq "$runs"); do all="$all $(once "$i")"; done
echo "launch to first prompt (ms):$all"
echo "$all" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "median %d ms, goal <= 600 ms: %s\n", m, (m <= 600 ? "ok" : "SLOW")}'
