#!/usr/bin/env bash
# A synthetic repository of many definition files, each with one finding, checked by one
# `wflint check` at 10%, 50% and 100% of its size: peak memory must stay flat (reports are
# streamed per file, in order) and CPU time over wall time shows how busy the cores are.
#   bench/scale.sh [FILES]     FILES: 100000, in directories of 1,000
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-100000}
bash "$root/scripts/build.sh" >/dev/null
wflint="$root/build/wflint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Three Lambda tasks; the last one's Retry is missing, which LMB015 reports once per file.
cat >"$work/flow.asl.json" <<'EOF'
{
  "Comment": "synthetic",
  "StartAt": "Validate",
  "States": {
    "Validate": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "validate", "Payload.$": "$"},
      "ResultSelector": {"valid.$": "$.Payload.valid"},
      "ResultPath": "$.validation",
      "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException",
                                 "Lambda.SdkClientException"],
                 "MaxAttempts": 3, "BackoffRate": 2}],
      "Next": "Charge"
    },
    "Charge": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "charge", "Payload": {"order.$": "$.order"}},
      "ResultSelector": {"receipt.$": "$.Payload.receipt"},
      "ResultPath": "$.charge",
      "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException",
                                 "Lambda.SdkClientException"],
                 "MaxAttempts": 3, "BackoffRate": 2}],
      "Next": "Notify"
    },
    "Notify": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": {"FunctionName": "notify", "Payload.$": "$.charge"},
      "ResultPath": null,
      "End": true
    }
  }
}
EOF
flow=$(<"$work/flow.asl.json")
directories=$(((files + 999) / 1000))
for ((d = 0; d < directories; d++)); do
  dir=$(printf '%s/repo/team-%03d' "$work" "$d")
  mkdir -p "$dir"
  for ((f = 0; f < 1000 && d * 1000 + f < files; f++)); do
    printf '%s\n' "$flow" >"$dir/flow-$f.asl.json"
  done
done

# wall s, cpu s (user + system), cpu / wall, peak RSS of one run over the first N directories.
measure() {
  local n=$1 paths=()
  mapfile -t paths < <(find "$work/repo" -mindepth 1 -maxdepth 1 -type d | sort | head -n "$n")
  local count
  count=$(find "${paths[@]}" -type f | wc -l)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$wflint" check -q --fail-on never "${paths[@]}" \
    >"$work/out"
  read -r wall user sys rss <"$work/time"
  awk -v n="$count" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    -v findings="$(grep -c '^.*: warning: ' "$work/out" || true)" 'BEGIN {
      printf "%7d files  %6.2f s wall  %6.2f s cpu  cpu/wall %.2f  peak %6.1f MiB  %d findings\n",
        n, w, u + s, (u + s) / w, r / 1024, findings }'
}

echo "# $files copies of one $(stat -c %s "$work/flow.asl.json")-byte state machine, $(nproc) cores"
measure $((directories / 10 > 0 ? directories / 10 : 1))
measure $((directories / 2 > 0 ? directories / 2 : 1))
measure "$directories"
