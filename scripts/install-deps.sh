#!/usr/bin/env bash
# Installs the Debian packages wflint builds with, and any named as arguments, when missing.
# Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsimdjson-dev libyaml-cpp-dev libvalijson-dev libfmt-dev libre2-dev libcli11-dev
  libcpp-httplib-dev nettle-dev nlohmann-json3-dev libgtest-dev libbenchmark-dev
  "$@"
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "wflint: installing ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
