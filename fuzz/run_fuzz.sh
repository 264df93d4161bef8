#!/bin/sh
# Builds the fuzz targets with clang (ASan + UBSan) and runs each for SECONDS (default 60),
# seeded from fuzz/corpus/<target>/; what a run learns goes to BUILD_DIR/corpus/<target>/.
# Prints one line of figures per target; exits 1 if any target found a crash, a leak, a
# timeout or an out-of-memory input (its reproducer is BUILD_DIR/crash-<target>-*).
#
# Usage: fuzz/run_fuzz.sh [SECONDS] [BUILD_DIR] [TARGET...]   (no TARGET: every target)
set -eu
seconds=${1:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$root/build/fuzz}
[ $# -gt 2 ] && shift 2 || set --
targets=${*:-markdown rst percent gallery pycon notebook docstring sanitizer config directives message}

cmake -S "$root/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

failed=""
for target in $targets; do
  corpus="$build/corpus/$target"
  log="$build/fuzz_$target.log"
  mkdir -p "$corpus"
  max_len=8192
  leaks=1
  case $target in
    notebook) max_len=65536 ;;
    # The embedded interpreter is never finalised: what it holds at exit is no leak.
    docstring) leaks=0 ;;
  esac
  if ASAN_OPTIONS="detect_leaks=$leaks" "$build/fuzz_$target" -max_total_time="$seconds" -max_len=$max_len -timeout=10 \
      -rss_limit_mb=2048 -detect_leaks=$leaks -print_final_stats=1 \
      -artifact_prefix="$build/crash-$target-" "$corpus" "$root/fuzz/corpus/$target" \
      2>"$log"; then
    crashes=0
  else
    crashes=1
    failed="$failed $target"
    tail -40 "$log"
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
  units=$(ls "$corpus" | wc -l)
  echo "fuzz_$target: $seconds s, ${runs:-?} runs, ${coverage:-cov: ?}, corpus $units, crashes $crashes"
done
if [ -n "$failed" ]; then
  echo "fuzz: crashes in:$failed" >&2
  exit 1
fi
