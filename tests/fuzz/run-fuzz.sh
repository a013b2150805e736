#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer harness of a -Dfuzzing=true build for SECONDS, starting from
# the seed corpora (the .ods and .xlsx fixtures; text sheets) and the kept
# regressions.
# The corpus grows in a temporary folder; a crash leaves its input in
# BUILD/fuzz-artifacts/ and fails the run. Prints one line per harness.
set -euo pipefail
build="$1"
seconds="${2:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/../data"
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export IKUFLET_DATA_DIR="$build/templates"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"

# Slow and hungry inputs are findings too: an input that takes longer than
# FUZZ_TIMEOUT seconds or makes the process grow past FUZZ_RSS_MB fails the run
# like a crash. The release reader's budget is 2 s and 300 MB for any file up
# to 10 MB; these limits allow for ASan+UBSan (several times slower, shadow
# memory and quarantine) on inputs of at most max_len bytes.
FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-10}"
FUZZ_RSS_MB="${FUZZ_RSS_MB:-1024}"

status=0
run() {
  local name="$1" seeds="$2" regressions="$3" max_len="$4"
  local corpus="$work/$name"
  mkdir -p "$corpus"
  local log="$build/fuzz-$name.log"
  local rc=0
  "$build/tests/fuzz/fuzz-$name" -max_total_time="$seconds" -timeout="$FUZZ_TIMEOUT" \
    -rss_limit_mb="$FUZZ_RSS_MB" \
    -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/$name-" \
    "$corpus" "$seeds" "$regressions" >"$log" 2>&1 || rc=$?
  local execs
  execs=$(awk '/stat::number_of_executed_units/{print $2}' "$log")
  if [ "$rc" -ne 0 ]; then
    echo "fuzz-$name: FAILED after ${execs:-?} runs (rc=$rc); see $log and $artifacts"
    tail -40 "$log"
    status=1
  else
    echo "fuzz-$name: ${execs:-0} runs in ${seconds}s (limits ${FUZZ_TIMEOUT}s, ${FUZZ_RSS_MB} MB)," \
      "no crash, no slow or hungry input, corpus $(ls "$corpus" | wc -l) inputs"
  fi
}

run ods "$data/ods" "$here/regressions/ods" 262144
run xlsx "$data/xlsx" "$here/regressions/xlsx" 262144
run render "$here/seeds-render" "$here/regressions/render" 65536
run logo "$here/seeds-logo" "$here/regressions/logo" 262144
run settings "$here/seeds-settings" "$here/regressions/settings" 16384
exit "$status"
