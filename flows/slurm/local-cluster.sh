#!/usr/bin/env bash
# A one-node Slurm cluster on this machine, for pmlp's tests and for trying --executor slurm.
#   flows/slurm/local-cluster.sh start    install slurm-wlm and munge when root and missing, write
#                                         /etc/slurm/slurm.conf, start munged, slurmctld, slurmd and
#                                         wait until the node is idle (quick when already running)
#   flows/slurm/local-cluster.sh stop     stop the daemons and remove their state
#   flows/slurm/local-cluster.sh status   exit 0 when the node accepts jobs
# What works on these machines (Debian 12, Slurm 22.05): slurmctld and slurmd as root,
# proctrack/linuxproc and task/none (no cgroups), no accounting; munged as root with --force,
# because /dev/null is not writable by other users here.
set -euo pipefail

state="${PMLP_SLURM_STATE:-/var/lib/pmlp-slurm}"
conf=/etc/slurm/slurm.conf
mark="# written by pmlp flows/slurm/local-cluster.sh"
node="$(hostname -s)"
say() { echo "local-cluster: $*" >&2; }
die() { say "$*"; exit 1; }

node_state() { sinfo -h -n "$node" -o %T 2>/dev/null | head -n1 || true; }

ready() {
  case "$(node_state)" in
    idle*|mixed*|allocated*|completing*) return 0 ;;
    *) return 1 ;;
  esac
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

install_missing() {
  local missing=0
  for t in munged slurmctld slurmd sbatch squeue sinfo scancel; do
    command -v "$t" >/dev/null || missing=1
  done
  [ "$missing" = 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "slurm-wlm and munge are missing and installing them needs root (apt-get install -y slurm-wlm munge)"
  say "installing slurm-wlm and munge"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq slurm-wlm munge >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq slurm-wlm munge >/dev/null
  fi
}

write_conf() {
  if [ -f "$conf" ] && ! grep -qF "$mark" "$conf"; then
    die "$conf exists and was not written by this script; not replacing it"
  fi
  local cpus mem
  cpus="$(nproc)"
  # Leave the node's memory undeclared beyond what slurmd finds, so jobs asking for none fit.
  mem="$(awk '/MemTotal/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)"
  mkdir -p /etc/slurm
  cat >"$conf.tmp" <<EOF
$mark
ClusterName=pmlp-local
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
# Jobs run at the niceness of the sbatch that submitted them, as local runs do.
PropagatePrioProcess=1
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=30
MaxArraySize=100001
MaxJobCount=100000
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$conf.tmp" "$conf"
}

start_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    return 0
  fi
  if [ ! -f /etc/munge/munge.key ]; then
    mkdir -p /etc/munge
    if command -v mungekey >/dev/null; then
      mungekey --create --keyfile=/etc/munge/munge.key
    else
      dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
    fi
    chmod 400 /etc/munge/munge.key
  fi
  mkdir -p /run/munge /var/lib/munge /var/log/munge
  chown root: /etc/munge/munge.key /run/munge /var/lib/munge /var/log/munge
  chmod 700 /etc/munge /var/lib/munge /var/log/munge
  chmod 755 /run/munge
  munged --force
  for _ in $(seq 50); do
    munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  die "munged does not answer (see /var/log/munge/munged.log)"
}

start() {
  if [ "$(id -u)" != 0 ]; then
    ready && exit 0
    die "not root: cannot start slurmctld and slurmd (run as root, or use an existing cluster)"
  fi
  install_missing
  if alive "$state/slurmctld.pid" && alive "$state/slurmd.pid" && ready; then
    say "already running (node $node $(node_state))"
    exit 0
  fi
  write_conf
  mkdir -p "$state/ctld" "$state/d"
  start_munge
  alive "$state/slurmctld.pid" || slurmctld -i
  alive "$state/slurmd.pid" || slurmd
  for _ in $(seq 300); do
    if ready; then
      say "running: node $node $(node_state), $(nproc) CPUs, partition debug"
      exit 0
    fi
    # A node left down by an earlier run comes back once the daemons talk.
    case "$(node_state)" in
      down*|drain*) scontrol update nodename="$node" state=resume >/dev/null 2>&1 || true ;;
    esac
    sleep 0.2
  done
  say "the node did not become idle within 60 s; last lines of the logs:"
  tail -n 20 "$state/slurmctld.log" "$state/slurmd.log" >&2 || true
  exit 1
}

stop_pid() {
  local f="$1" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

stop() {
  [ "$(id -u)" = 0 ] || die "not root: cannot stop the daemons"
  # Running jobs go first, so no step daemon outlives the cluster.
  if ready; then
    scancel --full --quiet -w "$node" 2>/dev/null || true
  fi
  stop_pid "$state/slurmd.pid"
  stop_pid "$state/slurmctld.pid"
  if [ -f /run/munge/munged.pid ]; then
    munged --stop >/dev/null 2>&1 || stop_pid /run/munge/munged.pid
  fi
  rm -rf "$state"
  if [ -f "$conf" ] && grep -qF "$mark" "$conf"; then
    rm -f "$conf"
  fi
  say "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) ready ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
