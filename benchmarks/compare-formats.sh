#!/usr/bin/env bash
# What each report format adds to a whole `assess` run: `./gateway assess` on one generated plan, in
# every format, the formats taking turns run after run so that all see the same machine; the median
# wall time and peak memory of each. Needs /usr/bin/time (Debian package `time`) and a build
# (`mvn -q -DskipTests package`).
# Usage: benchmarks/compare-formats.sh [runs] [proposals]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}; size=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }
java -cp benchmarks/target/benchmarks.jar org.councilgateway.benchmarks.PlanGenerator "$size" 1 "$work/plan.json"
formats=(json html csv text)
declare -A wall rss
for ((i = 0; i < runs; i++)); do
  for format in "${formats[@]}"; do
    /usr/bin/time -f "%e %M" -o "$work/time" ./gateway assess "$work/plan.json" --format "$format" \
      --as-of 2026-11-23 -o "$work/out.$format" > /dev/null 2>&1 || true
    read -r seconds kilobytes < "$work/time"
    wall[$format]+="$seconds "; rss[$format]+="$kilobytes "
  done
done
median() { printf '%s\n' $1 | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
echo "$size proposals, $runs runs each, medians:"
printf '%-6s %10s %12s %12s\n' format "wall s" "peak RSS MB" "output KB"
for format in "${formats[@]}"; do
  printf '%-6s %10s %12s %12s\n' "$format" "$(median "${wall[$format]}")" \
    "$(( $(median "${rss[$format]}") / 1024 ))" "$(( $(wc -c < "$work/out.$format") / 1024 ))"
done
