#!/usr/bin/env bash
# The README's test command. On a fresh Debian 12 machine, as root: installs what is missing
# (Debian packages, then the pinned npm packages of the interop tests), configures, builds
# and runs every test through ctest; then every test again under ASan/UBSan/LSan
# (tests/sanitizers/run.sh) and each fuzz target for a bounded time (tests/fuzz/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
    cmake ninja-build g++ pkg-config zlib1g-dev
    qt6-base-dev qt6-declarative-dev
    # QGraphQLWebSocketTransport (QGRAPHQL_WEBSOCKETS)
    qt6-websockets-dev
    # QML test modules (qml6-module-qtqml is not needed; these are, see doc/testing)
    qml6-module-qttest qml6-module-qtquick qml6-module-qtqml-workerscript
    qml6-module-qtquick-window
    # tests/security makes a self-signed certificate at test time
    openssl
    # tests/fuzz: libFuzzer targets are built with clang and its sanitizer runtimes
    clang-14 libclang-rt-14-dev
)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" \
        || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# tests/interop (Apollo Client), tests/interop/yoga, tests/interop/apollo-server: one lock each
for lock in tests/interop/package-lock.json tests/interop/*/package-lock.json; do
    [ -f "$lock" ] || continue
    command -v npm >/dev/null || { echo "npm (Node.js 20) is required for tests/interop" >&2; exit 1; }
    npm ci --prefix "$(dirname "$lock")" --no-audit --no-fund --loglevel=error
done

build_dir=${BUILD_DIR:-build-tests}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure --timeout 900

# Every test again in a build with AddressSanitizer, UndefinedBehaviorSanitizer and
# LeakSanitizer (its own build directory, build-asan).
tests/sanitizers/run.sh
# Each libFuzzer target for FUZZ_SECONDS (60 by default) from its seed corpus (build-fuzz).
FUZZ_SECONDS=${FUZZ_SECONDS:-60} tests/fuzz/run.sh
