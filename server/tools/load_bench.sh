#!/usr/bin/env bash
# Issue 8: load, faults and hostile input, reproducible from a checkout (see docs/benchmarks.md).
#
#   server/tools/load_bench.sh load [SECONDS] [LISTENERS]   LoadBenchmark: server JVM -Xmx512m + references + wrk
#   server/tools/load_bench.sh fuzz [REQUESTS]              FuzzBenchmark: 100,000 hostile requests by default
#   server/tools/load_bench.sh kill [CYCLES]                KillDuringWritesTest with N kill -9 cycles
#   server/tools/load_bench.sh faults                       disk full (needs root for tmpfs), stalled clients, locked DB
#   server/tools/load_bench.sh wrk URL [TOKEN] [SECONDS]    wrk alone against a running server's read endpoint
#
# Figures land in server/target/bench/{load,fuzz}.txt and in the surefire output. Run on a quiet machine:
# every figure of LoadBenchmark is also given as a ratio to a reference measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-load}
case "$what" in
  load)
    uptime
    mvn -B -o -Pbench -pl server -am verify -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dload.seconds="${2:-60}" -Dload.listeners="${3:-500}" -Dload.clients="${LOAD_CLIENTS:-16}"
    cat server/target/bench/load.txt
    ;;
  fuzz)
    mvn -B -o -Pbench -pl server -am verify -Dtest=FuzzBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
      -Dfuzz.requests="${2:-100000}"
    cat server/target/bench/fuzz.txt
    ;;
  kill)
    mvn -B -o -pl server -am verify -Dtest=KillDuringWritesTest -Dsurefire.failIfNoSpecifiedTests=false \
      -Dkill.cycles="${2:-5}" -Dkill.acks="${KILL_ACKS:-100}"
    ;;
  faults)
    mvn -B -o -pl server -am verify -Dtest='DiskFullTest,SlowEventClientTest,DatabaseLockedTest,KillDuringWritesTest' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dbordergate.faults.diskFull=true
    ;;
  wrk)
    url=${2:?URL, e.g. http://127.0.0.1:8080/api/crossings/queue}
    seconds=${4:-30}
    if [[ -n "${3:-}" ]]; then
      wrk -t2 -c32 -d"${seconds}s" --latency -H "Authorization: Bearer $3" "$url"
    else
      wrk -t2 -c32 -d"${seconds}s" --latency "$url"
    fi
    ;;
  *)
    sed -n 2,10p "$0"
    exit 2
    ;;
esac
