#!/bin/sh
# Extracts the AS paths (field 7 of bgpdump -m "A" lines) of the shared rrc12 MRT set, in stream
# order, for the relationship benchmarks and the inference evaluation. Output is generated data:
# it goes to $OUT_DIR (default /tmp/routescope-rel) and is never committed.
#   rrc12-paths.txt         one path per announcement (5,352,756 lines)
#   rrc12-paths-unique.txt  distinct paths
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${DATA_DIR:-$here/../../../shared/data}
out=${OUT_DIR:-/tmp/routescope-rel}
mkdir -p "$out"
ls "$data"/mrt/ris-2021-01-01/rrc12/updates.*.gz | sort | xargs -n1 -P"${JOBS:-2}" sh -c \
  'bgpdump -m "$0" 2>/dev/null | awk -F"|" "\$3==\"A\"{print \$7}" > "'"$out"'/$(basename "$0").paths"'
ls "$out"/updates.*.paths | sort | xargs cat > "$out/rrc12-paths.txt"
rm -f "$out"/updates.*.paths
sort -u -S 256M "$out/rrc12-paths.txt" > "$out/rrc12-paths-unique.txt"
wc -l "$out/rrc12-paths.txt" "$out/rrc12-paths-unique.txt"
