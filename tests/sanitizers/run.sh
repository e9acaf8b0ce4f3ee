#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer (gcc) in its own
# build directory and runs every ctest test with LeakSanitizer on. Any report fails the run:
# ASan and LSan exit non-zero, UBSan halts on the first finding.
#
#   ASAN_BUILD_DIR   build directory (default build-asan)
#   ASAN_CTEST_ARGS  extra ctest arguments (for example "-R tst_faultinjection")
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${ASAN_BUILD_DIR:-build-asan}
flags="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DQGRAPHQL_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined"
cmake --build "$build_dir"

supp="$PWD/tests/sanitizers"
# Child processes (the CLI and demo server that tests start, also from Node) inherit these and
# are instrumented too. Reports go to stderr, which ctest shows for a failing test.
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp"
# Two packaging tests build programs against the installed package with that package's flags
# only, as an application would: uninstrumented executables cannot load an ASan-instrumented
# library ("ASan runtime does not come first"). They run in the normal ctest pass; here every
# other test runs, the install step included.
# shellcheck disable=SC2086
ctest --test-dir "$build_dir" --output-on-failure --timeout 1200 \
    -E '^qgraphql_packaging_(cmake|pkgconfig)$' ${ASAN_CTEST_ARGS:-}
