#!/usr/bin/env bash
# Runs each fuzz target for SECONDS, one after another, and prints one line per target:
# executions, coverage (edges and features), corpus size and findings (crashes, leaks,
# timeouts, out-of-memory: every sanitizer report).
#
#   bash setup.sh fuzz              build the targets into build-fuzz/ (or GATELAB_FUZZ_BUILD)
#   tests/fuzz/run.sh 60            every target for 60 s
#   tests/fuzz/run.sh 600 program   one target
#
# Each run starts from the seeds made at build time and the corpus earlier runs grew
# (build-fuzz/fuzz/corpus/TARGET), and adds to the latter. An input that finds something is
# saved in build-fuzz/fuzz/findings/TARGET/ (rerun it with build-fuzz/tests/fuzz/fuzz_TARGET
# FILE); the whole log is build-fuzz/fuzz/logs/TARGET.log. Exit status 1 if any run found one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(program lesson weights data bindings quiz page)
build=${GATELAB_FUZZ_BUILD:-$here/../../build-fuzz}
work=$build/fuzz
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
# What Graphviz and its font stack keep for the life of the process is no leak of gatelab's
# (the page target lays out graphs): the suppressions the sanitizer tests use.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$here/../lsan.supp}

status=0
for t in "${targets[@]}"; do
  fuzzer=$build/tests/fuzz/fuzz_$t
  [ -x "$fuzzer" ] || { echo "run.sh: no $fuzzer: build it with 'bash setup.sh fuzz'" >&2; exit 2; }
  mkdir -p "$work/corpus/$t" "$work/findings/$t" "$work/logs"
  log=$work/logs/$t.log
  before=$(ls "$work/findings/$t" | wc -l)
  # -timeout: an input that runs 10 s is a hang; -rss_limit_mb: 2 GB is out of memory.
  "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$here/gatelab.dict" -artifact_prefix="$work/findings/$t/" \
    "$work/corpus/$t" "$build/tests/fuzz/seeds/$t" > "$log" 2>&1 || true
  found=$(($(ls "$work/findings/$t" | wc -l) - before))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1)
  edges=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
  features=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
  corpus=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<< "$last")
  printf '%-9s %10s executions in %ss  coverage %5s edges, %6s features  corpus %5s  findings %d\n' \
    "$t" "${runs:-?}" "$seconds" "${edges:-?}" "${features:-?}" "${corpus:-?}" "$found"
  if ((found)); then
    status=1
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3 | sed 's/^/    /'
  fi
done
exit $status
