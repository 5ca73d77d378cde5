#!/usr/bin/env bash
# Process-level figures for BENCHMARKS.md: whole-process wall time and peak RSS of the gateway
# command, measured side by side in one run. Needs /usr/bin/time (Debian package `time`).
# Usage: benchmarks/run-process-benchmarks.sh [runs]   (after `mvn -q -DskipTests install`)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=examples/target/gateway.jar
bench=benchmarks/target/benchmarks.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }

cp -r gateway-rules/src/main/resources/org/councilgateway/rules "$work/rules"
for n in 1 100 1000 10000 100000; do
  java -cp "$bench" org.councilgateway.benchmarks.PlanGenerator "$n" 1 "$work/plan-$n.json"
done

# median wall seconds and peak RSS (MB) of a command over $runs runs
measure() {
  local label=$1; shift
  local times=() rss=()
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
    read -r t m < "$work/time"
    times+=("$t"); rss+=("$m")
  done
  local median_t median_m
  median_t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  median_m=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '| %s | %s | %d |\n' "$label" "$median_t" "$(( median_m / 1024 ))"
}

echo "| what (median of $runs runs) | wall s | peak RSS MB |"
echo "|---|---|---|"
sample=examples/src/main/resources/plans/sample-forward-plan.json
export GATEWAY_COMPILE_CACHE="$work/compile-cache"
measure "JVM start, java -jar gateway.jar --version" java -jar "$jar" --version
measure "baseline: bare program compiling the same DRL with the classic engine, first result" java -cp "$bench" org.councilgateway.benchmarks.ClassicEngineBaseline
measure "assess sample plan, bundled rules, java -jar" java -jar "$jar" assess "$sample"
measure "assess sample plan, bundled rules, ./gateway (class-data archive)" ./gateway assess "$sample"
GATEWAY_COMPILE_CACHE=off measure "assess sample plan, rules from a directory, compiled" java -jar "$jar" assess "$sample" --rules "$work/rules"
GATEWAY_COMPILE_CACHE=off measure "validate DIR, compiled (after an edit)" ./gateway validate "$work/rules"
GATEWAY_COMPILE_CACHE=off measure "test --rules DIR, compiled (after an edit)" ./gateway test --rules "$work/rules" gateway-rules/src/main/scenarios
./gateway validate "$work/rules" > /dev/null
measure "validate DIR, unchanged (compile cache)" ./gateway validate "$work/rules"
measure "test --rules DIR, unchanged (compile cache)" ./gateway test --rules "$work/rules" gateway-rules/src/main/scenarios
# Plan size: the 1-proposal plan is the start-up against which "beyond start-up" is reckoned.
for format in text json; do
  for n in 1 100 1000 10000 100000; do
    measure "assess $n generated proposal(s), $format, ./gateway" ./gateway assess "$work/plan-$n.json" --format "$format"
  done
done
