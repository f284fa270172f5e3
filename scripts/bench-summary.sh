#!/usr/bin/env bash
# The end of 'make bench': times the engine's stop and start and a command's start-up on an engine of its own (a
# temporary MVLAB_HOME, ports chosen by the system: the user's engine is not touched), runs lesson 3 at 5M events when
# BENCH_LESSON3=1, appends those figures to GOALS_FILE (where 'mvlab bench ingest|serve --goals-file' appended theirs)
# and prints every line of it as ONE table: goal, figure, target, met or not.
# Usage: scripts/bench-summary.sh GOALS_FILE
set -euo pipefail
goals="${1:?usage: scripts/bench-summary.sh GOALS_FILE}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mvlab="$here/mvlab"
rounds="${BENCH_LIFECYCLE_ROUNDS:-3}"
mkdir -p "$(dirname "$goals")"
touch "$goals"

row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$goals"; }
# wall seconds of a command (its output dropped), as a decimal number
wall() {
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1
  t1=$(date +%s%N)
  awk -v ns=$((t1 - t0)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
met() { awk -v v="$1" -v limit="$2" 'BEGIN { print (v <= limit ? "met" : "NOT MET") }'; }

own_home="$(mktemp -d "${TMPDIR:-/tmp}/mvlab-bench-home.XXXXXX")"
cleanup() {
  MVLAB_HOME="$own_home" "$mvlab" engine stop >/dev/null 2>&1 || true
  rm -rf "$own_home"
}
trap cleanup EXIT
export MVLAB_HOME="$own_home" MVLAB_HTTP_PORT=0 MVLAB_TCP_PORT=0

"$mvlab" --version >/dev/null # builds the jar and its class data sharing archive if needed (not timed)
starts=() stops=() own_stops=() queries=()
for ((i = 0; i < rounds; i++)); do
  starts+=("$(wall "$mvlab" engine start)")
  "$mvlab" sql "CREATE TABLE IF NOT EXISTS default.bench_stop (n UInt64) ENGINE = MergeTree ORDER BY n" >/dev/null
  queries+=("$(wall "$mvlab" sql "SELECT 1")")
  "$mvlab" sql "INSERT INTO default.bench_stop SELECT number FROM numbers(100000)" >/dev/null
  stops+=("$(wall "$mvlab" engine stop)")
  # the engine's own part of the stop (relay drained, chDB shut down), from its log
  own_stops+=("$(grep -o 'mvlab engine: stopped in [0-9]* ms' "$own_home/engine/engine.log" | tail -1 \
    | awk '{ printf "%.2f", $5 / 1000 }')")
done
"$mvlab" engine start >/dev/null
kept=$("$mvlab" sql "SELECT count() FROM default.bench_stop FORMAT TSV" 2>/dev/null | tail -1 || echo "?")
"$mvlab" engine stop >/dev/null

stop=$(printf '%s\n' "${stops[@]}" | median)
own_stop=$(printf '%s\n' "${own_stops[@]}" | median)
start=$(printf '%s\n' "${starts[@]}" | median)
query=$(printf '%s\n' "${queries[@]}" | median)
expected=$((rounds * 100000))
row "engine stop, command wall (median of $rounds)" "${stop} s" "<= 2 s" "$(met "$stop" 2)"
row "engine stop, the engine's own part" "${own_stop} s" "<= 2 s" "$(met "$own_stop" 2)"
row "rows kept across the stops" "$kept of $expected" "all" "$([ "$kept" = "$expected" ] && echo met || echo "NOT MET")"
row "engine start, command wall" "${start} s" "(shown)" "-"
row "command start-up: mvlab sql \"SELECT 1\" wall" "${query} s" "<= 0.35 s" "$(met "$query" 0.35)"

if [ "${BENCH_LESSON3:-0}" = 1 ]; then
  out="$(mktemp)"
  (cd "$here" && "$mvlab" lesson run 3 --events 5000000) >"$out" 2>&1 || true
  speedup=$(grep -o 'answered [0-9.]*x faster' "$out" | head -1 | grep -o '[0-9.]*x' || echo "?")
  net=$(grep -o 'the view was [0-9.]*x faster' "$out" | head -1 | grep -o '[0-9.]*x' || echo "?")
  status="?"
  [ "$speedup" != "?" ] && status=$(met 10 "${speedup%x}") # met when 10 <= the speed-up
  row "lesson 3 at 5M events: view speed-up" "$speedup ($net net of SELECT 1)" ">= 10x" "$status"
  rm -f "$out"
fi

echo
echo "issue 20 goals ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)):"
awk -F'\t' '{ printf "  %-48s %-30s %-22s %s\n", $1, $2, $3, $4 }' "$goals"
