#!/usr/bin/env bash
# Builds wflint if needed, then runs it with the given arguments, e.g.
#   scripts/wflint.sh check corpus/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/build.sh" >&2
exec "$root/build/wflint" "$@"
