#!/bin/sh
# The main job: on a fresh Debian 12 machine (as root), install what is missing, build the
# qgraphql client and the demo server into build-demo/, then stream a live subscription with
# `qgraphql --demo`: each result is printed as it arrives, and it ends by itself in ~3 s.
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
build="$repo/build-demo"
packages="cmake ninja-build g++ qt6-base-dev"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for package in $packages; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $package"
        fi
    done
fi
if [ -n "$missing" ]; then
    echo "==> Installing:$missing"
    if [ "$(id -u)" -ne 0 ]; then
        echo "demo.sh: these Debian packages are missing:$missing; run as root or install them" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

echo "==> Building qgraphql and the demo server in $build"
# Only what the demo needs: no tests, benchmarks or QML module (they need more packages).
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DQGRAPHQL_BUILD_TESTS=OFF -DQGRAPHQL_BUILD_BENCHMARKS=OFF -DQGRAPHQL_BUILD_QML=OFF -DQGRAPHQL_BUILD_EXAMPLES=OFF \
      >/dev/null
cmake --build "$build" --target qgraphql qgraphql-demo-server

qgraphql="$build/tools/qgraphql/qgraphql"
document='subscription { countdown(from: 5, intervalMs: 600) }'
echo
echo "==> $ qgraphql --demo '$document'"
echo "    (starts the demo server on a free loopback port; one JSON line per event, live)"
exec "$qgraphql" --demo "$document"
