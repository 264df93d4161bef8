#!/bin/sh
# Builds the fuzz targets with clang and runs each for SECONDS (default 60), seeded with
# the sample pages. Usage: fuzz/run_fuzz.sh [SECONDS] [BUILD_DIR]
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build/fuzz}
cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)"
for kind in markdown rst percent gallery; do
  corpus="$build/corpus/$kind"
  mkdir -p "$corpus"
  case $kind in
    markdown) cp "$root"/samples/tutorials/*.md "$corpus"/ ;;
    rst) cp "$root"/samples/tutorials/*.rst "$corpus"/ ;;
    percent|gallery) cp "$root"/samples/tutorials/*.py "$corpus"/ ;;
  esac
  echo "fuzz_$kind: $seconds s"
  "$build/fuzz_$kind" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -artifact_prefix="$build/crash-$kind-" "$corpus" 2>"$build/fuzz_$kind.log" \
    || { tail -40 "$build/fuzz_$kind.log"; exit 1; }
  tail -1 "$build/fuzz_$kind.log"
done
