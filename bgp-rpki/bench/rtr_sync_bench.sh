#!/bin/bash
# Time to a complete first sync of the full real VRP set (723,521 VRPs) from one stayrtr on
# loopback: Routescope RtrClient (fresh JVM) vs RTRlib 0.8 (C, rtrlib_sync.c) vs stayrtr's own
# rtrdump (Go; its time includes writing its JSON dump), REPS alternating rounds, same cache, same run.
#
#   ./mvnw -B -o -q -pl bgp-rpki package -DskipTests
#   ./mvnw -B -o -q -pl bgp-rpki dependency:build-classpath -Dmdep.outputFile=/tmp/rpki_cp.txt -Dmdep.includeScope=runtime
#   REPS=5 bgp-rpki/bench/rtr_sync_bench.sh
#
# Needs stayrtr, rtrdump (apt stayrtr), librtr-dev + pkg-config + gcc, python3, JDK 17+.
set -euo pipefail
REPS=${REPS:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
SNAPSHOT=${SNAPSHOT:-$SHARED/data/rpki/rpkiclient_summary_20250720T093135Z.json.bz2}
CP="$ROOT/bgp-rpki/target/classes:$(cat /tmp/rpki_cp.txt)"
WORK=$(mktemp -d)
trap 'kill $CACHE_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT

python3 - "$SNAPSHOT" "$WORK/vrps.json" <<'PY'
import bz2, json, sys
d = json.load(bz2.open(sys.argv[1]))
roas = [{"asn": r["asn"], "prefix": r["prefix"], "maxLength": r["maxLength"], "ta": r["ta"]} for r in d["roas"]]
json.dump({"metadata": {"buildtime": d["metadata"]["buildtime"]}, "roas": roas}, open(sys.argv[2], "w"))
PY
gcc -O2 -o "$WORK/rtrlib_sync" "$HERE/rtrlib_sync.c" $(pkg-config --cflags --libs rtrlib)

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
stayrtr -bind "127.0.0.1:$PORT" -cache "$WORK/vrps.json" -checktime=false -metrics.addr "" \
  -refresh 3600 -loglevel warn > "$WORK/stayrtr.log" 2>&1 &
CACHE_PID=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do sleep 0.5; done
echo "# stayrtr $(dpkg-query -W -f='${Version}' stayrtr 2>/dev/null) on 127.0.0.1:$PORT serving $(python3 -c "import json;print(len(json.load(open('$WORK/vrps.json'))['roas']))") VRPs; java $(java -version 2>&1 | head -1)"
echo "# loadavg before: $(cut -d' ' -f1-3 /proc/loadavg)"

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
declare -A T
for rep in $(seq 1 "$REPS"); do
  t=$(date +%s%N); "$WORK/rtrlib_sync" 127.0.0.1 "$PORT" 2>/dev/null > "$WORK/rtrlib.out"; T[rtrlib]+="$(ms "$t") "
  t=$(date +%s%N); rtrdump -connect "127.0.0.1:$PORT" -file "$WORK/dump.json" -loglevel error; T[rtrdump]+="$(ms "$t") "
  t=$(date +%s%N); java -cp "$CP" dev.routescope.rpki.rtr.internal.RtrSyncBenchMain 127.0.0.1 "$PORT" > "$WORK/rs.out"; T[routescope]+="$(ms "$t") "
  echo "# rep $rep: rtrlib $(grep vrps= "$WORK/rtrlib.out") | routescope $(tr '\n' ' ' < "$WORK/rs.out") | loadavg $(cut -d' ' -f1 /proc/loadavg)"
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
REF=$(echo "${T[rtrlib]}" | median)
printf '| impl | wall ms per run (process start to synced) | median ms | ratio vs RTRlib |\n|---|---|---|---|\n'
for impl in rtrlib rtrdump routescope; do
  m=$(echo "${T[$impl]}" | median)
  printf '| %s | %s | %s | %s |\n' "$impl" "${T[$impl]}" "$m" "$(python3 -c "print(round($m/$REF, 2))")"
done
echo "# loadavg after: $(cut -d' ' -f1-3 /proc/loadavg)"
