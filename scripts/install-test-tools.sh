#!/usr/bin/env bash
# Installs the tools some tests use beside wflint, when missing: Debian's pre-commit (the hook
# test), Debian's awscli (a real client of the mock Lambda server) and, from npm, the peer tools of
# ../shared/tools/oracles (Microsoft's SARIF validator).
# Tests that need a tool skip cleanly without it, so a failed install is only a warning.
set -uo pipefail
cd "$(dirname "$0")/.."

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
apt_updated=false
# Installs Debian package $1 unless command $2 exists; a failure only warns.
install_debian_tool() {
  local package=$1 command=$2
  command -v "$command" >/dev/null && return 0
  if ! $apt_updated; then
    "${as_root[@]}" apt-get update -qq && apt_updated=true
  fi
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$package" >/dev/null ||
    echo "wflint: warning: could not install $package; the tests that use $command will be skipped" >&2
}
install_debian_tool pre-commit pre-commit
install_debian_tool awscli aws

oracles=../shared/tools/oracles
validator="${WFLINT_ORACLES_DIR:-$HOME/.cache/wflint-oracles}/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ -x "$oracles/install.sh" ] || [ -f "$oracles/install.sh" ]; then
  if [ ! -x "$validator" ] && command -v npm >/dev/null; then
    bash "$oracles/install.sh" >/dev/null ||
      echo "wflint: warning: could not install the peer tools; SARIF validation will be skipped" >&2
  fi
fi
exit 0
