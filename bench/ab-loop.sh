#!/bin/bash
# A/B comparison of kernel builds on a noisy machine: alternates `loop` runs of each build and prints, per build,
# the minimum and every figure (ms per trial, kernel at the width the machine picks). Copy each build's output folder aside first, e.g.
#   dotnet build -c Release bench/SupplySim.Bench && cp -r bench/SupplySim.Bench/bin/Release/net10.0 /tmp/before
# Run from the repository root (the benchmarks find scenarios/ from the current folder).
# usage: bench/ab-loop.sh ROUNDS SCENARIO SECONDS BUILD_DIR...
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 ROUNDS SCENARIO SECONDS BUILD_DIR..." >&2
  exit 2
fi
rounds=$1 scenario=$2 seconds=$3
shift 3
for _ in $(seq "$rounds"); do
  for build in "$@"; do
    ms=$(dotnet "$build/SupplySim.Bench.dll" loop "$scenario" "$seconds" | tail -1 | awk '{print $5}')
    echo "$build $ms"
  done
done | awk '{all[$1] = all[$1] " " $2; if (!($1 in min) || $2 < min[$1]) min[$1] = $2}
  END {for (b in all) print b, "min", min[b], "ms/trial; all:" all[b]}' | sort
