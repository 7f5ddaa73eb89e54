#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with Clang, AddressSanitizer and UndefinedBehaviorSanitizer
# into build-fuzz/, and runs each for a while from its corpus: the seeds (assembled from corpus/,
# tests/ and fuzz/seeds/) plus what earlier runs found. See fuzz/README.md.
#   scripts/fuzz.sh                          every target, 10 seconds each
#   scripts/fuzz.sh --seconds 1800 fuzz_hcl  one target, half an hour
#   scripts/fuzz.sh --build-only
#   scripts/fuzz.sh --no-build --seconds 3600 fuzz_yaml_load &   (several at once, built before)
set -euo pipefail
cd "$(dirname "$0")/.."

targets_all=(fuzz_json_load fuzz_yaml_load fuzz_path fuzz_intrinsic fuzz_jsonata fuzz_ssm_reference
  fuzz_hcl fuzz_mock_config fuzz_config fuzz_check)
seconds=10
build_only=no
build=yes
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build-only) build_only=yes; shift ;;
    --no-build) build=no; shift ;;
    fuzz_*) targets+=("$1"); shift ;;
    *) echo "usage: scripts/fuzz.sh [--seconds N] [--build-only | --no-build] [TARGET...]" >&2
       exit 2 ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${targets_all[@]}")

build_dir=build-fuzz
if [ "$build" = yes ]; then
  bash scripts/install-deps.sh clang libclang-rt-14-dev
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DWFLINT_SANITIZE=address,undefined -DWFLINT_BUILD_FUZZERS=ON -DWFLINT_BUILD_TESTS=OFF \
      -DWFLINT_BUILD_BENCH=OFF >/dev/null
  fi
  cmake --build "$build_dir" -j "$(nproc)" --target "${targets[@]}"
fi
[ "$build_only" = no ] || exit 0

# Files of the project whose names end in one of the given suffixes.
project_files() {
  local pattern=() suffix
  for suffix in "$@"; do pattern+=(-o -name "*$suffix"); done
  find corpus tests examples fuzz/seeds -type f \( "${pattern[@]:1}" \) -print0
}

# Every match of an extended regular expression in the project's JSON and YAML files and in the
# unit tests' sources (whose strings hold many more expressions).
strings_matching() {
  { project_files .json .yaml; find tests/unit -name '*.cpp' -print0; } |
    xargs -0 grep -ohE "$1" || true
}

# One seed per line of standard input (the strings the corpus holds in that language).
seeds_from_lines() {
  sort -u | split -l 1 -a 6 - "$1/line-"
}

# One seed per file, named by its position so files of the same name do not collide.
copy_seeds() {
  local dir=$1 n=0 file
  while IFS= read -r -d '' file; do
    cp "$file" "$dir/file-$n"
    n=$((n + 1))
  done
}

assemble_seeds() {
  local target=$1 dir=$2
  case "$target" in
    fuzz_json_load) project_files .json | copy_seeds "$dir" ;;
    fuzz_yaml_load) project_files .yaml .yml | copy_seeds "$dir" ;;
    fuzz_hcl) project_files .tf | copy_seeds "$dir" ;;
    fuzz_check) project_files .json .yaml .yml .tf | copy_seeds "$dir" ;;
    fuzz_mock_config) find tests/run -name 'mocks.json' -print0 | copy_seeds "$dir" ;;
    fuzz_config) find fuzz/seeds/config -type f -print0 | copy_seeds "$dir" ;;
    fuzz_path) strings_matching '"\$[^" ]*"' | tr -d '"' | seeds_from_lines "$dir" ;;
    fuzz_intrinsic) strings_matching 'States\.[A-Za-z]+\(.*\)' | seeds_from_lines "$dir" ;;
    fuzz_jsonata) strings_matching '\{%.*%\}' | sed -E 's/^\{%(.*)%\}$/\1/' |
      seeds_from_lines "$dir" ;;
    fuzz_ssm_reference) strings_matching '.*\{\{.*\}\}.*' | seeds_from_lines "$dir" ;;
  esac
}

max_len_for() {
  case "$1" in
    fuzz_path | fuzz_intrinsic | fuzz_jsonata | fuzz_ssm_reference) echo 4096 ;;
    fuzz_check) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

failed=()
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in "${targets[@]}"; do
  seeds="$scratch/$target" corpus="$build_dir/corpus/$target" findings="$build_dir/findings"
  mkdir -p "$seeds" "$corpus" "$findings"
  assemble_seeds "$target" "$seeds"
  dictionary=()
  [ ! -f "fuzz/dictionaries/$target.dict" ] || dictionary=(-dict="$PWD/fuzz/dictionaries/$target.dict")
  echo "== $target: $(find "$seeds" -type f | wc -l) seeds, $seconds s"
  # Run from an empty directory: templates name files relative to where they are checked.
  (cd "$scratch" && "$OLDPWD/$build_dir/fuzz/$target" "$OLDPWD/$corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len="$(max_len_for "$target")" \
    "${dictionary[@]}" -artifact_prefix="$OLDPWD/$findings/$target-" \
    -print_final_stats=1 2>&1 | grep -vE '^(#[0-9]+\s+(NEW|REDUCE|pulse)|\s+NEW_FUNC)' || true)
  # crash-, leak-, timeout- and oom- inputs; slow-unit- ones only say a run was slow (a loaded
  # machine makes them), and are kept for a look.
  if ls "$findings/$target-"{crash,leak,timeout,oom}-* >/dev/null 2>&1; then failed+=("$target"); fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: problems found by ${failed[*]}: inputs in $findings/" >&2
  exit 1
fi
