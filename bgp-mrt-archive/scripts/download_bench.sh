#!/usr/bin/env bash
# Whole-run download comparison on loopback, reference measured in the same run:
# curl (N parallel processes, xargs -P) vs ArchiveFetch (ArchiveDownloader, parallelism N), both
# fetching the same real RIS files (shared/data/mrt/ris-2021-01-01, rrc12 + rrc04: 52 listed, 51 present,
# 75 MB, one 404) from the same python3 http.server, into an empty cache, alternating, REPS times.
#
#   ./download_bench.sh            # needs: python3, curl, JDK 17+, bgp-mrt-archive built (mvn -pl bgp-mrt-archive install)
#   REPS=5 PARALLELISM=2 ./download_bench.sh
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DATA=${DATA_DIR:-$REPO/../shared/data}/mrt/ris-2021-01-01
TMP=${BENCH_TMP:-/tmp/routescope-archive-bench}
REPS=${REPS:-3}
PAR=${PARALLELISM:-4}
PORT=${PORT:-18081}
JAVA=${JAVA:-java}

rm -rf "$TMP" && mkdir -p "$TMP/www"
for c in rrc12 rrc04; do
  mkdir -p "$TMP/www/$c/2021.01"
  for f in "$DATA/$c"/updates.*.gz; do ln -s "$f" "$TMP/www/$c/2021.01/$(basename "$f")"; done
done
(cd "$REPO" && ./mvnw -B -o -q -pl bgp-mrt-archive dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" >/dev/null)
CP="$REPO/bgp-mrt-archive/target/classes:$(cat "$TMP/cp.txt")"

python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$TMP/www" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
sleep 1
BASE="http://127.0.0.1:$PORT/"
ARGS=(--archive "$BASE" --collectors rrc12,rrc04 --from 2021-01-01T04:55:00Z --until 2021-01-01T07:05:00Z)
"$JAVA" -cp "$CP" dev.routescope.mrt.archive.tools.ArchiveFetch "${ARGS[@]}" --list | awk '{print $4}' > "$TMP/urls.txt"
echo "files listed: $(wc -l < "$TMP/urls.txt"), parallelism $PAR, reps $REPS, load before: $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
printf 'rep\ttool\twall_s\tbytes\tMB_per_s\tload1\n'
for rep in $(seq 1 "$REPS"); do
  rm -rf "$TMP/curl" && mkdir -p "$TMP/curl"
  t0=$(now)
  sed "s#^$BASE##" "$TMP/urls.txt" | xargs -P "$PAR" -I{} curl -sf --create-dirs -o "$TMP/curl/{}" "$BASE{}" || true
  t1=$(now)
  bytes=$(du -sb --apparent-size "$TMP/curl" | cut -f1)
  awk -v r="$rep" -v a="$t0" -v b="$t1" -v n="$bytes" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN{printf "%s\tcurl -P\t%.3f\t%d\t%.1f\t%s\n", r, b-a, n, n/1e6/(b-a), l}'

  rm -rf "$TMP/java"
  t0=$(now)
  "$JAVA" -Xmx256m -cp "$CP" dev.routescope.mrt.archive.tools.ArchiveFetch "${ARGS[@]}" --cache "$TMP/java" \
    --parallelism "$PAR" --quiet > "$TMP/java.out" || true
  t1=$(now)
  bytes=$(du -sb --apparent-size "$TMP/java" | cut -f1)
  awk -v r="$rep" -v a="$t0" -v b="$t1" -v n="$bytes" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN{printf "%s\tArchiveFetch\t%.3f\t%d\t%.1f\t%s\n", r, b-a, n, n/1e6/(b-a), l}'
  grep -q "stored=51 " "$TMP/java.out" || { echo "unexpected result: $(cat "$TMP/java.out")" >&2; exit 1; }
done
# Identical bytes: every file ArchiveFetch stored equals curl's copy.
(cd "$TMP/curl" && find . -type f -name '*.gz' | sort) > "$TMP/curl.lst"
while read -r f; do cmp -s "$TMP/curl/$f" "$TMP/java/127.0.0.1_$PORT/$f" || { echo "differs: $f" >&2; exit 1; }; done < "$TMP/curl.lst"
echo "contents identical: $(wc -l < "$TMP/curl.lst") files"
