#!/usr/bin/env bash
# Installs the tools some tests use beside wflint, when missing: Debian's pre-commit (the hook
# test) and, from npm, the peer tools of ../shared/tools/oracles (Microsoft's SARIF validator).
# Tests that need a tool skip cleanly without it, so a failed install is only a warning.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v pre-commit >/dev/null; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  { "${as_root[@]}" apt-get update -qq &&
      "${as_root[@]}" apt-get install -y -qq --no-install-recommends pre-commit >/dev/null; } ||
    echo "wflint: warning: could not install pre-commit; its test will be skipped" >&2
fi

oracles=../shared/tools/oracles
validator="${WFLINT_ORACLES_DIR:-$HOME/.cache/wflint-oracles}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ -x "$oracles/install.sh" ] || [ -f "$oracles/install.sh" ]; then
  if [ ! -x "$validator" ] && command -v npm >/dev/null; then
    bash "$oracles/install.sh" >/dev/null ||
      echo "wflint: warning: could not install the peer tools; SARIF validation will be skipped" >&2
  fi
fi
exit 0
