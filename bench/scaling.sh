#!/bin/bash
# The scaling table of bench/README.md: the shipped network tiled to 1, 16, 64 and 445 regional copies (49 to 21,805
# lanes; `SupplySim.Bench copies`), each run whole with 1 and 2 threads. Per row: load + compile time (`validate`), the
# kernel's rate alone (`loop`, one thread, baseline), and for `supplysim run` (five scenarios, default --detail) the
# simulation's lane-steps/s, wall time, peak memory (max RSS) and output size.
# usage (from the repository root, after `dotnet build -c Release`): bench/scaling.sh [COPIES...]
set -euo pipefail
bench=bench/SupplySim.Bench/bin/Release/net10.0/SupplySim.Bench.dll
cli=engine/SupplySim.Cli/bin/Release/net10.0/supplysim.dll
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copies=("$@")
[ ${#copies[@]} -gt 0 ] || copies=(1 16 64 445)
echo "| copies | lanes | trials | threads | load + compile | kernel alone (M lane-steps/s) | run: M lane-steps/s | wall | peak memory | output |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for k in "${copies[@]}"; do
  file=$work/copies-$k.yaml
  dotnet "$bench" copies "$k" 730 "$file" > /dev/null
  # Fewer trials for larger networks keeps each row to a few minutes (16 = two chunks of in-memory runs, so both threads
  # work); memory does not depend on trials.
  trials=$(( k == 1 ? 400 : k <= 16 ? 64 : 16 ))
  setup=$( { /usr/bin/time -f "%e" dotnet "$cli" validate "$file" > /dev/null; } 2>&1 | tail -1)
  kernel=$(dotnet "$bench" loop baseline 10 0 "$k" 730 2>/dev/null | tail -1 | sed -E 's/.*, ([0-9.]+) M trial-lane-steps.*/\1/') || kernel="-"
  lanes=$(dotnet "$bench" loop baseline 0 0 "$k" 730 2>/dev/null | head -1 | sed -E 's/.* ([0-9]+) lanes.*/\1/') || lanes="-"
  for threads in 1 2; do
    out=$work/out-$k-$threads
    log=$( { /usr/bin/time -f "TIME %e %M" dotnet "$cli" run "$file" --trials "$trials" --threads "$threads" --out "$out" > "$work/stdout" ; } 2>&1 )
    read -r _ wall rss <<< "$(grep '^TIME' <<< "$log")"
    simulated=$(grep -E '^simulated' "$work/stdout" | sed -E 's/simulated ([0-9]+) scenario\(s\) x ([0-9]+) trials in ([0-9.]+) s/\1 \2 \3/')
    read -r scenarios ran seconds <<< "$simulated"
    rate=$(awk -v l="$lanes" -v s="$scenarios" -v t="$ran" -v x="$seconds" 'BEGIN { printf "%.1f", l * 730 * s * t / x / 1e6 }')
    size=$(du -sh "$out" | cut -f1)
    echo "| $k | $lanes | $trials | $threads | ${setup} s | $kernel | $rate | ${wall} s | $(( rss / 1024 )) MB | $size |"
  done
done
