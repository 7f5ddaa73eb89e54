#!/usr/bin/env bash
# Builds wflint (and its tests and benchmarks) into build/, installing dependencies if needed.
# BUILD_DIR and extra CMake arguments (e.g. -DWFLINT_SANITIZE=address,undefined) may be given.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
build_dir=${BUILD_DIR:-build}
if [ ! -f "$build_dir/CMakeCache.txt" ] || [ $# -gt 0 ]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
