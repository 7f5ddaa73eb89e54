#!/usr/bin/env bash
# Builds wflint if needed and runs the whole test suite through ctest.
#   scripts/test.sh             release build in build/
#   scripts/test.sh --sanitize  address and undefined-behaviour sanitizers, in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--sanitize" ]; then
  export BUILD_DIR=build-asan BUILD_TYPE=RelWithDebInfo
  bash scripts/build.sh -DWFLINT_SANITIZE=address,undefined -DWFLINT_BUILD_BENCH=OFF
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  export BUILD_DIR=build
  bash scripts/build.sh
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
