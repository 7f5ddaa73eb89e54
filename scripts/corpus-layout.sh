#!/usr/bin/env bash
# Rebuilds the repositories' own layout of a corpus directory of ../shared (templates, cfn-ssm,
# terraform): each file there is stored flat as repo__path, while templates name their definition
# files by relative paths. Links every file of MANIFEST.tsv to OUT/REPO/PATH.
# Usage: scripts/corpus-layout.sh CORPUS_DIR OUT_DIR
set -euo pipefail
corpus=$(cd "$1" && pwd)
out=$2
mkdir -p "$out"
tail -n +2 "$corpus/MANIFEST.tsv" | while IFS=$'\t' read -r name repo path _; do
  [ -f "$corpus/$name" ] || continue
  mkdir -p "$out/$repo/$(dirname "$path")"
  ln -sfn "$corpus/$name" "$out/$repo/$path"
done
