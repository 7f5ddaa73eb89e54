#!/usr/bin/env bash
# Times `wflint check` on a directory of many small state machines (what a CI run over a
# repository looks like) and on one large one, and reports peak memory.
#   bench/many_files.sh [FILES] [STATES_IN_LARGE_FILE]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-2000}
large_states=${2:-100000}
bash "$root/scripts/build.sh" >/dev/null
wflint="$root/build/wflint"
gen="$root/build/bench/make_state_machine"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/many"
"$gen" 12 json > "$work/template.json"
for i in $(seq 1 "$files"); do cp "$work/template.json" "$work/many/flow-$i.asl.json"; done
"$gen" "$large_states" json > "$work/large.json"
"$gen" "$large_states" yaml > "$work/large.yaml"

measure() {  # label, command...
  local label=$1
  shift
  local best=""
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    local ms=$(((end - start) / 1000000))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  local rss
  rss=$( { /usr/bin/time -f '%M' "$@" >/dev/null; } 2>&1 | tail -1)
  printf '%-40s best of 5: %6d ms   peak RSS: %7d KiB\n' "$label" "$best" "$rss"
}

echo "machine: $(nproc) cores; inputs: $files files of $(stat -c %s "$work/template.json") bytes," \
  "large.json $(stat -c %s "$work/large.json") bytes, large.yaml $(stat -c %s "$work/large.yaml") bytes"
measure "check $files small files" "$wflint" check -q "$work/many"
measure "check one small file" "$wflint" check -q "$work/template.json"
measure "check large.json ($large_states states)" "$wflint" check -q "$work/large.json"
measure "check large.yaml ($large_states states)" "$wflint" check -q "$work/large.yaml"
