#!/usr/bin/env bash
# Assessing plans measured side by side for two builds of the gateway: `./gateway assess` on the
# same generated plans (1 proposal, the start-up; and N proposals), run alternately so that both see
# the same machine, and the two builds' JSON outputs compared (they must be identical but for the
# rule-set version when the rule files differ). Needs /usr/bin/time (Debian package `time`).
# Usage: benchmarks/compare-assess.sh BASE_CHECKOUT NEW_CHECKOUT [runs] [proposals]
#   each checkout built with `mvn -q -DskipTests package`; the plans come from NEW's benchmarks jar.
set -euo pipefail
base=$(cd "$1" && pwd); new=$(cd "$2" && pwd); runs=${3:-7}; size=${4:-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }
for n in 1 "$size"; do
  java -cp "$new/benchmarks/target/benchmarks.jar" org.councilgateway.benchmarks.PlanGenerator "$n" 1 "$work/plan-$n.json"
done
for build in base new; do
  checkout=${!build}
  "$checkout/gateway" assess "$work/plan-$size.json" --format json --as-of 2026-11-23 \
    | grep -v '"rulesetVersion"' > "$work/$build.json" || true
done
if cmp -s "$work/base.json" "$work/new.json"; then
  echo "JSON of $size proposals: identical but for the rule-set version ($(wc -c < "$work/new.json") bytes)"
else
  echo "JSON of $size proposals: DIFFERENT (the rule sets differ: expected when rules were added)"
  diff "$work/base.json" "$work/new.json" | head -20 || true
fi
declare -A samples
for ((i = 0; i < runs; i++)); do
  for build in base new; do
    checkout=${!build}
    for n in 1 "$size"; do
      for format in text json; do
        /usr/bin/time -f "%e" -o "$work/time" "$checkout/gateway" assess "$work/plan-$n.json" --format "$format" \
          > /dev/null 2>&1 || true
        samples[$build-$n-$format]+="$(cat "$work/time") "
      done
    done
  done
done
median() { printf '%s\n' $1 | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
echo "| ./gateway assess (median of $runs, alternating) | base s | new s | new / base |"
echo "|---|---|---|---|"
for n in 1 "$size"; do
  for format in text json; do
    b=$(median "${samples[base-$n-$format]}"); m=$(median "${samples[new-$n-$format]}")
    printf '| %s proposal(s), %s | %s | %s | %.2f |\n' "$n" "$format" "$b" "$m" "$(echo "$m / $b" | bc -l)"
  done
done
