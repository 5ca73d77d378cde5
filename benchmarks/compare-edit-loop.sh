#!/usr/bin/env bash
# The policy officer's loop measured side by side: `./gateway test --rules DIR` and
# `./gateway validate DIR` right after an edit (no compile cache), for two builds of the gateway,
# run alternately so that both see the same machine. Needs /usr/bin/time (Debian package `time`).
# Usage: benchmarks/compare-edit-loop.sh BASE_CHECKOUT NEW_CHECKOUT [runs]
#   each checkout built with `mvn -q -DskipTests package`.
set -euo pipefail
base=$(cd "$1" && pwd); new=$(cd "$2" && pwd); runs=${3:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "needs /usr/bin/time: apt-get install time" >&2; exit 2; }
# Each build edits and tests its own rules and scenarios (their imports and folders differ between
# versions: the scenarios moved from src/test/scenarios to src/main/scenarios in 0.2.0).
declare -A scenarios
for build in base new; do
  checkout=${!build}
  cp -r "$checkout/gateway-rules/src/main/resources/org/councilgateway/rules" "$work/$build-rules"
  if [[ -d "$checkout/gateway-rules/src/main/scenarios" ]]; then
    scenarios[$build]="$checkout/gateway-rules/src/main/scenarios"
  else
    scenarios[$build]="$checkout/gateway-rules/src/test/scenarios"
  fi
done
export GATEWAY_COMPILE_CACHE=off

declare -A samples
for ((i = 0; i < runs; i++)); do
  for build in base new; do
    checkout=${!build}
    for command in validate test; do
      # An edit: a new comment, so that nothing is reused from an earlier run.
      echo "// edit $i $build $command" >> "$work/$build-rules/challenge.drl"
      if [[ $command == validate ]]; then
        args=(validate "$work/$build-rules")
      else
        args=(test --rules "$work/$build-rules" "${scenarios[$build]}")
      fi
      /usr/bin/time -f "%e" -o "$work/time" "$checkout/gateway" "${args[@]}" > /dev/null 2>&1 || true
      samples[$build-$command]+="$(cat "$work/time") "
    done
  done
done
median() { printf '%s\n' $1 | sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
echo "| after an edit (median of $runs, alternating) | base s | new s | new / base |"
echo "|---|---|---|---|"
for command in validate test; do
  b=$(median "${samples[base-$command]}"); n=$(median "${samples[new-$command]}")
  printf '| `./gateway %s` | %s | %s | %.2f |\n' "$command" "$b" "$n" "$(echo "$n / $b" | bc -l)"
done
