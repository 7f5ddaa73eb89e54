#!/usr/bin/env bash
# clang-format every C++ file in place, or with --check report files that need it (exit 1).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t listed < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
files=()
for file in "${listed[@]}"; do
  [ -f "$file" ] && files+=("$file")  # skip files deleted in the work tree
done
if [ "${1:-}" = "--check" ]; then
  clang-format --dry-run --Werror "${files[@]}"
else
  clang-format -i "${files[@]}"
fi
