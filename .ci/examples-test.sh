#!/usr/bin/env bash
# The C# examples (issue 22): each file-based program in examples/ runs from the repository root against the engine
# project and prints what its header promises. One test: every example must pass.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "examples test FAILED: $*" >&2; exit 1; }

out=$(dotnet run examples/stockpile-what-if.cs 2>&1) || fail "stockpile-what-if.cs did not run: $out"
echo "$out"
rows=$(echo "$out" | grep -cE '^ +[0-9]+ +[0-9.]+% +[0-9.]+%$' || true)
[ "$rows" -eq 4 ] || fail "stockpile-what-if.cs printed $rows result rows, expected 4"
# A bigger starting stock must not leave industry shorter than the smallest one does.
first=$(echo "$out" | grep -E '^ +60 ' | awk '{print $3}' | tr -d %)
last=$(echo "$out" | grep -E '^ +720 ' | awk '{print $3}' | tr -d %)
awk -v a="$first" -v b="$last" 'BEGIN { exit !(b < a) }' || fail "industrial shortage with 720 d of stock ($last%) not below 60 d ($first%)"

out=$(dotnet run examples/custom-metric.cs 2>&1) || fail "custom-metric.cs did not run: $out"
echo "$out"
for scenario in baseline combined; do
  echo "$out" | grep -qE "^$scenario +[0-9.]+% +[0-9.]+%$" || fail "custom-metric.cs has no row for $scenario"
done
echo "examples test passed"
