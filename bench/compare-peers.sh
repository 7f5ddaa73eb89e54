#!/usr/bin/env bash
# Times wflint against its peers on the same state machines, in one run, and prints the ratios:
#   - asl-validator's CLI once per file (what a pre-commit hook pays), against wflint once per file;
#   - asl-validator --batch (one Node.js process for every file), whole process and in-process;
#   - the AWS Toolkit's language service (amazon-states-language-service, one process);
#   - wflint checking every file in one process.
# The peers come from ../shared/tools/oracles (installed from npm by its install.sh when missing).
#   bench/compare-peers.sh [DIR] [RUNS]     DIR: ../shared/corpus/asl; RUNS (wflint): 10
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir=${1:-$root/../shared/corpus/asl}
runs=${2:-10}
oracles="$root/../shared/tools/oracles"
if [ ! -d "$oracles" ]; then
  echo "compare-peers: the peers live in ../shared/tools/oracles, which is not here" >&2
  exit 2
fi
node_modules="${WFLINT_ORACLES_DIR:-$HOME/.cache/wflint-oracles}/node_modules"
if [ ! -d "$node_modules/asl-validator" ] || [ ! -d "$node_modules/amazon-states-language-service" ]; then
  bash "$oracles/install.sh" >&2
fi
bash "$root/scripts/build.sh" >/dev/null
wflint="$root/build/wflint"

mapfile -d '' files < <(find "$dir" -maxdepth 1 -type f \
  \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' \) -print0 | sort -z)
count=${#files[@]}
[ "$count" -gt 0 ] || { echo "compare-peers: no definitions in $dir" >&2; exit 2; }

# Wall time of one run of a command, in microseconds; its output is discarded. Bash's own clock,
# so that no process is started around the one timed.
wall_us() {
  local start end
  start=${EPOCHREALTIME/[.,]/}
  "$@" >/dev/null 2>&1 || true
  end=${EPOCHREALTIME/[.,]/}
  echo $((end - start))
}

# Median wall time in milliseconds over N runs.
median_ms() {
  local n=$1
  shift
  local times=() i
  for ((i = 0; i < n; i++)); do times+=("$(wall_us "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "%.1f", t[int((NR + 1) / 2)] / 1000 }'
}

# The "ms total" a peer's runner prints on stderr: time inside the process, start-up excluded.
in_process_ms() {
  "$@" 2>&1 >/dev/null | sed -nE 's/.* ([0-9.]+) ms total.*/\1/p'
}

wflint_each_file() {
  local file
  for file in "${files[@]}"; do "$wflint" check -q --fail-on never "$file"; done
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0fx", a / b }'; }

echo "# $count definitions in $dir; wflint timings are medians of $runs runs, the peers' of fewer"
wflint_all=$(median_ms "$runs" "$wflint" check -q --fail-on never "${files[@]}")
wflint_per_file=$(median_ms 3 wflint_each_file)
validator_per_file=$(median_ms 1 "$oracles/asl-validator" "${files[@]}")
validator_batch=$(median_ms 3 "$oracles/asl-validator" --batch "${files[@]}")
validator_batch_inside=$(in_process_ms "$oracles/asl-validator" --batch "${files[@]}")
toolkit=$(median_ms 3 "$oracles/asl-service" --quiet "${files[@]}")
toolkit_inside=$(in_process_ms "$oracles/asl-service" --quiet "${files[@]}")

per_call() { awk -v t="$1" -v n="$count" 'BEGIN { printf "%.1f", t / n }'; }
printf '%-58s %12s %10s\n' "tool, mode" "wall ms" "wflint is"
printf '%-58s %12s %10s\n' "wflint check, all files in one process" "$wflint_all" "-"
printf '%-58s %12s %10s\n' "wflint check, one process per file (ms per call)" \
  "$(per_call "$wflint_per_file")" "-"
printf '%-58s %12s %10s\n' "asl-validator CLI, one process per file (ms per call)" \
  "$(per_call "$validator_per_file")" "$(ratio "$validator_per_file" "$wflint_per_file") faster"
printf '%-58s %12s %10s\n' "asl-validator --batch, one process (whole)" "$validator_batch" \
  "$(ratio "$validator_batch" "$wflint_all") faster"
printf '%-58s %12s %10s\n' "asl-validator --batch, in-process (start-up excluded)" \
  "$validator_batch_inside" "$(ratio "$validator_batch_inside" "$wflint_all") faster"
printf '%-58s %12s %10s\n' "AWS Toolkit ASL service, one process (whole)" "$toolkit" \
  "$(ratio "$toolkit" "$wflint_all") faster"
printf '%-58s %12s %10s\n' "AWS Toolkit ASL service, in-process (start-up excluded)" \
  "$toolkit_inside" "$(ratio "$toolkit_inside" "$wflint_all") faster"
echo "# wflint's own figures include its process start-up; the in-process rows exclude the peers'."
