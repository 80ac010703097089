#!/bin/bash
# Single-node Slurm on localhost, started by hand (no systemd): installs Debian's slurm-wlm and
# munge, starts munged, slurmctld and slurmd, runs a small sweep as a 3-task job array plus a
# dependent merge job, and checks the merged files equal an unsharded run byte for byte.
# Needs root (apt-get, daemons). Usage: .ci/slurm-test.sh  (from the repository root)
set -euo pipefail
ROOT=$(pwd)
WORK=${WORK:-/tmp/supplysim-slurm}
SHARDS=3
rm -rf "$WORK" && mkdir -p "$WORK"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null
fi

# munge: a key, its folders, and the daemon running as the munge user.
mkdir -p /etc/munge /var/lib/munge /var/log/munge /run/munge
[ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
chown -R munge:munge /etc/munge /var/lib/munge /var/log/munge /run/munge
chmod 0400 /etc/munge/munge.key
chmod 0755 /run/munge
pgrep -x munged >/dev/null || runuser -u munge -- /usr/sbin/munged
munge -n | unmunge >/dev/null

HOST=$(hostname -s)
CPUS=$(nproc)
MEMORY_MB=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=$HOST
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=$HOST CPUs=$CPUS RealMemory=$MEMORY_MB State=UNKNOWN
PartitionName=ci Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
# Daemons left by an earlier run may hold another configuration: stop them by pid first.
for daemon in slurmd slurmctld; do
  for pid in $(pgrep -x "$daemon" || true); do kill "$pid"; done
done
sleep 2
# CI must not leave daemons behind: stop what this script started, whatever happens next.
trap 'for d in slurmd slurmctld munged; do pkill -x "$d" || true; done' EXIT
slurmctld
slurmd
for _ in $(seq 60); do
  sinfo -h -o %T 2>/dev/null | grep -qE 'idle|mixed' && break
  sleep 1
done
sinfo

# The CLI, built once; every task runs the same dll.
dotnet build "$ROOT/engine/SupplySim.Cli" -c Release -o "$WORK/bin" >/dev/null
export SUPPLYSIM="dotnet $WORK/bin/supplysim.dll"

# A small sweep (one-at-a-time, 9 points, 20 trials) over the shipped scenario.
cat > "$WORK/sweep.yaml" <<SWEEP
scenario_file: $ROOT/scenarios/critical-minerals.yaml
scenario: ree-licensing-apr-2025
trials: 20
seed: 1
parameters:
  - {path: 'events[ree-licence-no18].approval_probability', name: approval_rate, min: 0.05, max: 0.9}
  - {path: 'events[ree-licence-no18].processing_time', name: processing_time, min: 20wd, max: 90wd}
  - {path: 'nodes[th-traders].leak_fraction', name: transshipment_leak, min: 0.0, max: 1.0}
  - {path: 'nodes[us-defense-primes].days_of_cover', name: defense_days_of_cover, min: 30d, max: 180d}
design: {type: oat}
outputs:
  - {metric: shortage_fraction, entity: us-defense-primes, material: ndfeb}
SWEEP

$SUPPLYSIM sweep "$WORK/sweep.yaml" --out "$WORK/whole"
cd "$WORK"
ARRAY=$(sbatch --parsable --array=0-$((SHARDS - 1)) --cpus-per-task=1 "$ROOT/deploy/slurm/sweep.sbatch" "$WORK/sweep.yaml" "$WORK/sharded")
MERGE=$(sbatch --parsable --dependency=afterok:"$ARRAY" "$ROOT/deploy/slurm/merge.sbatch" "$WORK/sharded")
echo "submitted array $ARRAY and merge $MERGE"
for _ in $(seq 600); do
  [ -z "$(squeue -h -j "$ARRAY,$MERGE" 2>/dev/null)" ] && break
  sleep 2
done
cat "$WORK"/supplysim-*.log || true
for f in results.csv results.parquet sensitivity.json sensitivity.csv; do
  cmp "$WORK/whole/$f" "$WORK/sharded/$f"
done
echo "slurm: sharded + merged equals unsharded (${SHARDS} array tasks)"

# optimize with each generation's policies evaluated by a Slurm array (issue 21): the same bytes as unsharded.
cat > "$WORK/decide.yaml" <<DECIDE
name: slurm optimize check
start: 2024-01-01
horizon: 365d
seed: 7
materials:
  - id: sb
nodes:
  - {id: cn-sb, kind: producer, country: CN, material: sb, capacity: {dist: uniform, min: 0, max: 3650, unit: t/yr}}
  - id: us-stock
    kind: stockpile
    country: US
    initial_inventory: {sb: 0 t}
    release: {to: [us-user], below_cover_days: 5d, rate: 40 t/d, lead_time: 1d}
  - {id: us-recycler, kind: producer, country: US, material: sb, capacity: 0 t/yr}
  - {id: us-user, kind: consumer, country: US, sector: defense, demand: {sb: 3650 t/yr}, demand_cv: 0, unmet: lost_sales, policy: order_up_to, days_of_cover: 10d, initial_inventory: 10d}
lanes:
  - {from: cn-sb, to: us-user, lead_time: 1d, share: 0.9}
  - {from: us-recycler, to: us-user, lead_time: 1d, share: 0.1}
levers:
  - {id: stock, kind: stockpile, node: us-stock, material: sb, range: [0 t, 4000 t], purchase_price: 10000 USD/t, holding_cost: 0 USD/t/yr}
  - {id: recycling, kind: recycling, node: us-recycler, range: [0 t/yr, 3650 t/yr], capital_cost: 30000 USD/(t/yr)}
objectives:
  shortage_costs:
    - {sector: defense, material: sb, per_tonne: 40000 USD/t}
  risk: {measure: cvar95, sector: defense, materials: [sb]}
  robustness: worst_case
DECIDE
$SUPPLYSIM optimize "$WORK/decide.yaml" --out "$WORK/optimize-whole" --budget 24 --trials 20
"$ROOT/deploy/slurm/optimize.sh" "$WORK/decide.yaml" "$WORK/optimize-sharded" "$SHARDS" --budget 24 --trials 20
for f in pareto.csv pareto.parquet evaluations.csv policies.json optimize.html; do
  cmp "$WORK/optimize-whole/$f" "$WORK/optimize-sharded/$f"
done
echo "slurm: optimize over ${SHARDS}-task arrays equals unsharded"
