#!/bin/sh
# Builds a Release build in build-bench/, installs the pinned Node peer (npm ci in bench/node),
# and runs every benchmark one after the other, printing Markdown tables on stdout (progress on
# stderr). Figures, not a test: CI does not run it. Takes about 9 minutes. Last, bench_plot
# draws the figures as PNG plots: into doc/ (the ones doc/performance.md shows) for a full run,
# into the build directory for --quick.
#
#   bench/run.sh                    # full run (the one doc/performance.md reports)
#   bench/run.sh --quick            # a short smoke run: 1 repetition, 3 s idle, 2 s of latency
#   bench/run.sh --plot-dir DIR     # the PNG plots go to DIR
#
# Needs: the Qt 6 build dependencies (see README.md), qt6-declarative-dev (the QML consumer),
# cmake, ninja, Node 20 + npm.
# Optional: libsimdjson-dev, for the JSON parser comparison (bench_json).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}

# Takes --plot-dir out of the arguments; the rest go to run-all.mjs.
plots=$root/doc
plotsGiven=
n=$#
while [ "$n" -gt 0 ]; do
    case $1 in
    --plot-dir)
        [ "$n" -gt 1 ] || { echo "bench/run.sh: --plot-dir needs a directory" >&2; exit 2; }
        plots=$2 plotsGiven=1
        shift
        n=$((n - 1))
        ;;
    *)
        [ "$1" = --quick ] && [ -z "$plotsGiven" ] && plots=$build
        set -- "$@" "$1"
        ;;
    esac
    shift
    n=$((n - 1))
done

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DQGRAPHQL_BUILD_TESTS=OFF -DQGRAPHQL_BUILD_QML=ON -DQGRAPHQL_BUILD_EXAMPLES=OFF >&2
cmake --build "$build" --target bench_multipartdecoder bench_loadserver bench_endtoend \
    bench_piperun qgraphql >&2
# The QML consumer needs the QML module (qt6-declarative-dev).
cmake --build "$build" --target bench_qml >&2 || echo "# bench_qml not built (no QML module)" >&2
cmake --build "$build" --target bench_wsserver >&2 2>/dev/null || echo "# bench_wsserver not built (no Qt WebSockets)" >&2
cmake --build "$build" --target bench_json >&2 2>/dev/null || echo "# bench_json not built (no simdjson)" >&2
cmake --build "$build" --target bench_plot >&2 2>/dev/null || echo "# bench_plot not built (no Qt6::Gui)" >&2
(cd "$root/bench/node" && npm ci --no-audit --no-fund >&2)
node "$root/bench/node/run-all.mjs" "$build" "$@"
if [ -x "$build/bench/bench_plot" ]; then
    "$build/bench/bench_plot" "$build/bench-results.json" "$plots" >&2
fi
