#!/usr/bin/env bash
# Runs fuzz targets built by `make fuzz-build`, each for SECONDS, and prints each one's figures.
#   Fuzz/run.sh SECONDS CORPORA TARGET...
# FUZZ_BIN is the folder of the built targets (.build/fuzz/release unless set).
# With FUZZ_RUNS set, each target stops after that many inputs (SECONDS stays the ceiling) and libFuzzer's
# random choices start from FUZZ_SEED (1 unless set): CI's pass is then the same inputs on every run, so it
# fails on a change to the code, never on a draw of the dice. Without it, each run draws a new seed.
# CORPORA/<target> keeps what libFuzzer finds worth keeping; the seeds (.build/fuzz/seeds/<target>) and the
# regression inputs (Fuzz/Regressions/<target>) are read, never written. Inputs that crash, hang or exhaust
# memory land in Fuzz/Findings/<target>/; each becomes a regression input once fixed (docs/development/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=$1 corpora=$2
shift 2
# Swift's own crash reporter would hold a crashing input for seconds; libFuzzer reports and saves it.
export SWIFT_BACKTRACE=enable=no
# Leak reports are off: the Swift runtime's caches live until exit and read as leaks. A real leak still ends a run
# when it passes the memory limit.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
limits=()
if [ -n "${FUZZ_RUNS:-}" ]; then limits=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}"); fi
status=0
for target in "$@"; do
    mkdir -p "$corpora/$target" "Fuzz/Findings/$target" "Fuzz/Regressions/$target" .build/fuzz/logs
    log=.build/fuzz/logs/$target.log
    if "${FUZZ_BIN:-.build/fuzz/release}"/fuzz-"$target" -max_total_time="$seconds" "${limits[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 \
        -print_final_stats=1 -dict="Fuzz/Dictionaries/$target.dict" -artifact_prefix="Fuzz/Findings/$target/" \
        "$corpora/$target" ".build/fuzz/seeds/$target" "Fuzz/Regressions/$target" >"$log" 2>&1; then
        outcome=ok
    else
        outcome="FAILED (input saved under Fuzz/Findings/$target/; log: $log)"
        status=1
    fi
    # The last status line: executions, coverage (cov: edges, ft: features), corpus size.
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' || true)
    rate=$(grep -E '^stat::average_exec_per_sec' "$log" | awk '{print $2}' || true)
    echo "fuzz-$target: $outcome; ${runs:-?} executions, ${rate:-?}/s; ${last#*: }"
done
exit $status
