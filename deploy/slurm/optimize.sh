#!/bin/bash
# Runs `supplysim optimize` with each generation's policies evaluated by an N-task Slurm array:
#
#   deploy/slurm/optimize.sh scenarios/decide-defense-magnets.yaml $PWD/out/decide 8 --budget 2000 --trials 500
#
# Each round, the driver (this script, on a login node or in a small job of its own) replays the search with what
# the shards wrote and either writes the next generation's policies or, when the budget is spent, the results
# (OUT/pareto.csv, pareto.parquet, evaluations.csv, policies.json, optimize.html: the bytes an unsharded run writes).
# It is safe to stop and restart: finished generations are kept in OUT/optimize-work.
set -euo pipefail
FILE=${1:?usage: optimize.sh SCENARIO_FILE OUT_DIR SHARDS [optimize options]}
OUT=${2:?usage: optimize.sh SCENARIO_FILE OUT_DIR SHARDS [optimize options]}
SHARDS=${3:?usage: optimize.sh SCENARIO_FILE OUT_DIR SHARDS [optimize options]}
shift 3
HERE=$(cd "$(dirname "$0")" && pwd)
SUPPLYSIM=${SUPPLYSIM:-supplysim}

while true; do
  STEP=$($SUPPLYSIM optimize "$FILE" --out "$OUT" --shards "$SHARDS" "$@")
  echo "$STEP"
  case "$STEP" in
    *"policies wait for"*) ;;
    *) break ;;
  esac
  sbatch --wait --array=0-$((SHARDS - 1)) "$HERE/optimize-shard.sbatch" "$FILE" "$OUT" >/dev/null
done
