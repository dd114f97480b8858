#!/usr/bin/env bash
# Runs the ledger benchmark for two or more variants of the ledger in turn, round after round, and prints every run
# and each variant's median. On a shared 2-core VM one run of the same ledger differs from the next by more than most
# changes are worth (docs/performance.md, "the seventh round"); a change is judged against the unchanged ledger
# measured minutes apart, in alternation (ADR 0004, sixth-session update).
#
#   bench/alternate.sh [--rounds N] VARIANT VARIANT... [-- BENCHMARK OPTIONS]
#
#   VARIANT  label|jar|jvm options, e.g. "before|/tmp/ledger-before.jar|" "after||-Xmx1g -XX:+UseZGC"
#            (an empty jar is the checkout's, empty options the benchmark's default)
#   --rounds N           how many times every variant runs (default 2)
#   BENCHMARK OPTIONS    passed to every run (default: --only single --seconds 20 --accounts 5000)
#
# Runs on the java that JAVA_HOME names, else java on the PATH; build the jars first (docs/performance.md).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench_jar="$root/bench/target/quipu-bench-0.1.0-SNAPSHOT-exec.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
rounds=2
max_rounds=20
max_variants=8
variants=()
benchmark_options=(--only single --seconds 20 --accounts 5000)

die() {
  echo "alternate: $*" >&2
  exit 1
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds)
      [[ "${2:-}" =~ ^[0-9]+$ && "$2" -ge 1 && "$2" -le $max_rounds ]] || die "--rounds takes 1 to $max_rounds"
      rounds="$2"
      shift 2
      ;;
    --)
      shift
      [[ $# -gt 0 ]] && benchmark_options=("$@")
      break
      ;;
    -h | --help)
      sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      [[ "$1" == *"|"*"|"* ]] || die "a variant is label|jar|jvm options: $1"
      variants+=("$1")
      shift
      ;;
  esac
done
[[ ${#variants[@]} -ge 2 && ${#variants[@]} -le $max_variants ]] || die "give 2 to $max_variants variants (--help)"
[[ -f "$bench_jar" ]] || die "no $bench_jar: ./mvnw -B -q -o package -pl bench first"

directory="$(mktemp -d /tmp/quipu-alternate-XXXXXX)"
results="$directory/results.tsv"
echo "alternate: reports in $directory" >&2

for round in $(seq 1 "$rounds"); do
  for variant in "${variants[@]}"; do
    IFS='|' read -r label jar jvm_options <<<"$variant"
    options=("${benchmark_options[@]}")
    [[ -n "$jar" ]] && options+=(--ledger-jar "$jar")
    [[ -n "$jvm_options" ]] && options+=(--ledger-jvm "$jvm_options")
    report="$directory/$label-$round.md"
    echo "alternate: round $round, $label …" >&2
    status=0
    "$java" -jar "$bench_jar" ledger "${options[@]}" >"$report" 2>"$directory/$label-$round.log" || status=$?
    # The report's first table: | scenario | transfers | seconds | transfers/s | p50 ms | p99 ms | … (every scenario's row).
    awk -F'|' -v label="$label" -v round="$round" -v status="$status" '
      /^\| [1-4] / {
        gsub(/^ +| +$/, "", $2); gsub(/[ ,]/, "", $5); gsub(/ /, "", $6); gsub(/ /, "", $7)
        print label "\t" round "\t" $2 "\t" $5 "\t" $6 "\t" $7 "\t" (status == 0 ? "ok" : "exit " status)
      }' "$report" >>"$results"
  done
done

echo "| variant | round | scenario | transfers/s | p50 ms | p99 ms | checks |"
echo "|---|---:|---|---:|---:|---:|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7 }' "$results"
echo
echo "| variant | scenario | runs | median transfers/s | median p99 ms |"
echo "|---|---|---:|---:|---:|"
awk -F'\t' '
  function median(values, count,    sorted, i, j, swap) {
    for (i = 1; i <= count; i++) sorted[i] = values[i] + 0
    for (i = 2; i <= count; i++) for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) {
      swap = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = swap
    }
    return count % 2 ? sorted[(count + 1) / 2] : (sorted[count / 2] + sorted[count / 2 + 1]) / 2
  }
  {
    key = $1 "\t" $3
    if (!(key in runs)) order[++keys] = key
    runs[key]++
    rate[key, runs[key]] = $4
    p99[key, runs[key]] = $6
  }
  END {
    for (k = 1; k <= keys; k++) {
      key = order[k]; split(key, part, "\t")
      delete rates; delete tails
      for (i = 1; i <= runs[key]; i++) { rates[i] = rate[key, i]; tails[i] = p99[key, i] }
      printf "| %s | %s | %d | %.0f | %.2f |\n", part[1], part[2], runs[key], median(rates, runs[key]), median(tails, runs[key])
    }
  }' "$results"
