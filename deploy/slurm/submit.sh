#!/bin/bash
# Submits a sweep as an N-task array plus a dependent merge job and prints both job ids.
#   deploy/slurm/submit.sh scenarios/sweeps/defense-magnets.yaml out/defense-magnets 8
set -euo pipefail
SWEEP=${1:?usage: submit.sh SWEEP_FILE OUT_DIR SHARDS}
OUT=${2:?usage: submit.sh SWEEP_FILE OUT_DIR SHARDS}
SHARDS=${3:?usage: submit.sh SWEEP_FILE OUT_DIR SHARDS}
HERE=$(cd "$(dirname "$0")" && pwd)
ARRAY=$(sbatch --parsable --array=0-$((SHARDS - 1)) "$HERE/sweep.sbatch" "$SWEEP" "$OUT")
MERGE=$(sbatch --parsable --dependency=afterok:"$ARRAY" "$HERE/merge.sbatch" "$OUT")
echo "array job $ARRAY, merge job $MERGE"
