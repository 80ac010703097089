#!/usr/bin/env bash
# The engine as a library (issue 22): `dotnet pack` makes a NuGet package holding the assembly, its XML docs and the
# README. The public API itself is checked at every build (PublicApiAnalyzers, engine/SupplySim.Engine/PublicAPI.*.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "pack test FAILED: $*" >&2; exit 1; }
out=$(mktemp -d)
dotnet pack engine/SupplySim.Engine -c Release --no-build -o "$out" >/dev/null || fail "dotnet pack failed"
package=$(ls "$out"/SupplySim.Engine.*.nupkg 2>/dev/null | head -1)
[ -n "$package" ] || fail "no SupplySim.Engine package in $out"
# A package is a zip, whose entry names are stored as plain text: no unzip needed.
for entry in lib/net10.0/SupplySim.Engine.dll lib/net10.0/SupplySim.Engine.xml README.md; do
  grep -aq "$entry" "$package" || fail "$(basename "$package") lacks $entry"
done
rm -rf "$out"
echo "pack test passed: $(basename "$package") with the assembly, XML docs and README"
