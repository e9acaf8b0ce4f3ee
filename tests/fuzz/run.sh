#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in their own build directory and runs each
# for a bounded time from its seed corpus. Any finding (crash, sanitizer report, failed
# invariant, timeout, memory blow-up) fails the run; its input is kept under the output
# directory. Prints executions per second and total executions per target.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_BUILD_DIR build directory (default build-fuzz)
#   FUZZ_OUT_DIR   working corpora, logs and findings (default $FUZZ_BUILD_DIR/out)
#   FUZZ_TARGETS   space-separated subset of targets (default: all that were built)
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-60}
build_dir=${FUZZ_BUILD_DIR:-build-fuzz}
out_dir=${FUZZ_OUT_DIR:-$build_dir/out}
cxx=${FUZZ_CXX:-clang++-14}
command -v "$cxx" >/dev/null || { echo "$cxx is required (Debian: clang-14 libclang-rt-14-dev)" >&2; exit 1; }

cmake -S tests/fuzz -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir"

all_targets=(multipart subscription_part document sse incremental json_reader multipart_reader sse_reader json_text ws_message)
targets=(${FUZZ_TARGETS:-${all_targets[*]}})
declare -A max_len=([multipart]=16384 [sse]=8192 [json_reader]=8192 [multipart_reader]=16384 [sse_reader]=8192 [json_text]=4096 [ws_message]=4096)

mkdir -p "$out_dir"
failed=()
summary=()
for target in "${targets[@]}"; do
    binary="$build_dir/fuzz_$target"
    if [ ! -x "$binary" ]; then
        echo "fuzz_$target: not built (its sources are missing), skipped"
        continue
    fi
    seeds="tests/fuzz/corpus/$target"
    work="$out_dir/$target/corpus"
    findings="$out_dir/$target/findings"
    log="$out_dir/$target/log.txt"
    rm -rf "$findings"
    mkdir -p "$work" "$findings"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$findings/")
    [ -n "${max_len[$target]:-}" ] && options+=(-max_len="${max_len[$target]}")
    [ -f "tests/fuzz/$target.dict" ] && options+=(-dict="tests/fuzz/$target.dict")
    echo "=== fuzz_$target for ${seconds}s"
    status=0
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$binary" "${options[@]}" "$work" "$seeds" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    line="fuzz_$target: ${runs:-?} executions, ${speed:-?} exec/s in ${seconds}s"
    if [ "$status" -ne 0 ] || ls "$findings" | grep -q .; then
        line+=" -- FINDING (exit $status)"
        failed+=("$target")
        grep -E "ERROR|FUZZ INVARIANT|SUMMARY|runtime error|Test unit written" "$log" | head -20 || true
        echo "--- full log: $log; inputs: $findings"
    fi
    echo "$line"
    summary+=("$line")
done

echo "=== fuzzing summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
    echo "fuzzing found problems in: ${failed[*]}" >&2
    exit 1
fi
