#!/usr/bin/env bash
# Issue 4: reads and scores the four real plate sets, one reader thread per set, two sets at a time (2 cores).
#
#   server/tools/anpr_sets.sh OUT [PLATES]     PLATES: by default the nearest shared/plates beside the checkout or above it
#
# Builds the server (offline: build once online first), then per set runs
#   java -cp $CP vn.bordergate.server.GateServerMain anpr PLATES/<set> --csv OUT/<set>.csv --threads 1
#   java -cp $CP vn.bordergate.server.anpr.AnprScoreCommand PLATES/<set>/labels.csv OUT/<set>.csv
# and prints each set's score line (also in OUT/<set>.score). Compare two runs plate by plate with
#   python3 server/tools/anpr_won_lost.py OLD_OUT NEW_OUT [PLATES]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(realpath -m "${1:?usage: anpr_sets.sh OUT [PLATES]}")
# like the tests (TestImages.plates): the nearest shared/plates beside the checkout or any folder above it
plates=${2:-}
for up in .. ../.. ../../..; do [ -z "$plates" ] && [ -d "$up/shared/plates" ] && plates=$up/shared/plates; done
plates=$(realpath "${plates:?no shared/plates beside the checkout or above it: give PLATES}")
mkdir -p "$out"
# packaged in the reactor, so the classpath names this checkout's common jar, not one installed from elsewhere
mvn -B -q -o -DskipTests -pl server -am package dependency:build-classpath -Dmdep.outputFile="$out/cp.txt" >/dev/null
cp="server/target/classes:$(cat "$out/cp.txt")"
read_set() {
  java -cp "$cp" vn.bordergate.server.GateServerMain anpr "$plates/$1" --csv "$out/$1.csv" --threads 1 \
    >"$out/$1.log" 2>&1
  java -cp "$cp" vn.bordergate.server.anpr.AnprScoreCommand "$plates/$1/labels.csv" "$out/$1.csv" >"$out/$1.score"
}
git rev-parse --short HEAD >"$out/commit.txt"
read_set vn-one-row & read_set cn-crops & wait
read_set vn-mixed-silver & read_set cn-scenes & wait
for s in vn-one-row vn-mixed-silver cn-crops cn-scenes; do echo "$s: $(cat "$out/$s.score")"; done
