#!/bin/sh
# Builds a Release build in build-bench/, installs the pinned Node peer (npm ci in bench/node),
# and runs every benchmark one after the other, printing Markdown tables on stdout (progress on
# stderr). Figures, not a test: CI does not run it. Takes about 6 minutes.
#
#   bench/run.sh            # full run (the one doc/performance.md reports)
#   bench/run.sh --quick    # a short smoke run: 1 repetition, 3 s idle, 2 s of latency
#
# Needs: the Qt 6 build dependencies (see README.md), cmake, ninja, Node 20 + npm.
# Optional: libsimdjson-dev, for the JSON parser comparison (bench_json).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DQGRAPHQL_BUILD_TESTS=OFF -DQGRAPHQL_BUILD_QML=OFF -DQGRAPHQL_BUILD_EXAMPLES=OFF >&2
cmake --build "$build" --target bench_multipartdecoder bench_loadserver bench_endtoend >&2
cmake --build "$build" --target bench_json >&2 2>/dev/null || echo "# bench_json not built (no simdjson)" >&2
(cd "$root/bench/node" && npm ci --no-audit --no-fund >&2)
exec node "$root/bench/node/run-all.mjs" "$build" "$@"
