#!/usr/bin/env bash
# The Slurm path for real, on this machine: installs slurm-wlm and munge, starts munged, slurmctld
# and slurmd on loopback, submits a smoke-profile job array written by `reprobench slurm` (one shard
# per task) with its dependent merge job, waits, and checks that the merged run equals a
# single-process run of the same claims and seeds. Uses the harness's fixture papers (test classes).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="${SLURM_TEST_DIR:-/tmp/reprobench-slurm-test}"
rm -rf "$work"; mkdir -p "$work"/{state,spool,log,jobs,runs}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

# munge: a key, then the daemon (as root: --force)
if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key 2>/dev/null
fi
chown -R munge:munge /etc/munge 2>/dev/null || true
chmod 400 /etc/munge/munge.key
mkdir -p /run/munge /var/lib/munge /var/log/munge && chown munge:munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
pgrep -x munged >/dev/null || runuser -u munge -- munged || munged --force

host="$(hostname -s)"
cat > "$work/slurm.conf" <<CONF
ClusterName=reprobench-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=8000 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
CONF
export SLURM_CONF="$work/slurm.conf"
cleanup() {
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
}
trap cleanup EXIT
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for i in $(seq 1 60); do
  state="$(sinfo -h -o %T 2>/dev/null | head -1 || true)"
  [ "$state" = "idle" ] && break
  [ "$state" = "down" ] || [ "$state" = "drained" ] && scontrol update nodename="$host" state=resume 2>/dev/null || true
  sleep 1
done
sinfo
[ "$(sinfo -h -o %T | head -1)" = "idle" ] || { echo "slurm node did not come up"; cat "$work"/log/*.log; exit 1; }

# the harness with its fixture papers on the classpath
[ -f target/classpath.txt ] || make build
mvn -B -q -o -pl harness test-compile 2>/dev/null || mvn -B -q -pl harness test-compile
export REPROBENCH_EXTRA_CP="$root/harness/target/test-classes"
select=(--profile smoke --paper fixture-pass --paper fixture-fail --paper fixture-drift --seeds 3)

./reprobench --runs-dir "$work/runs" slurm "${select[@]}" --shards 3 --cpus 1 --mem 1000M --time 00:10:00 \
  --run-prefix sl --out "$work/jobs"
bash "$work/jobs/submit.sh"

for i in $(seq 1 300); do
  [ -z "$(squeue -h)" ] && break
  sleep 2
done
squeue
cat "$work"/runs/*.log || true
[ -f "$work/runs/sl/claims.jsonl" ] || { echo "no merged run"; cat "$work"/log/*.log; exit 1; }

./reprobench --runs-dir "$work/runs" run "${select[@]}" --run-id single >/dev/null

python3 - "$work/runs/sl/claims.jsonl" "$work/runs/single/claims.jsonl" <<'PY'
import json, sys
def rows(path):
    keep = ("type", "paper", "claim", "seed", "verdict", "value", "passed", "n", "mean", "sd", "passed_seeds", "reason")
    return [tuple(json.loads(l).get(k) for k in keep) for l in open(path) if l.strip()]
merged, single = rows(sys.argv[1]), rows(sys.argv[2])
if merged != single:
    for a, b in zip(merged, single):
        if a != b:
            print("merged:", a); print("single:", b)
    sys.exit("slurm merged run differs from the single-process run")
print(f"slurm test passed: merged run of 3 array tasks equals the single-process run ({len(single)} lines)")
PY
