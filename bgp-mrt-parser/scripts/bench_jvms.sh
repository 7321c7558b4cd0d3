#!/usr/bin/env bash
# Whole-file MRT comparison on the shared rrc12 set: our element stream on JDK 17 and JDK 25 (1 and 2 threads,
# -Xmx64m) timed in the SAME run as zcat, bgpdump -m and the C framing floor, with the shared harness functions
# (../../shared/bench/common.sh: GNU time -v, other-load accounting, QUIET_WAIT_S). Rows are interleaved per rep so
# drifting background load hits all of them alike.
#
# usage: LIB=/path/to/jars ./bench_jvms.sh     (LIB: bgp-mrt-parser + runtime jars, e.g. dependency:copy-dependencies)
# env:   REPS (default 3), QUIET_WAIT_S, QUIET_CORES, JDK17, JDK25, BENCH_TMP
source "$(dirname "${BASH_SOURCE[0]}")/../../../shared/bench/common.sh"

LIB="${LIB:?set LIB to a directory holding bgp-mrt-parser and its runtime jars}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CP="$(ls "$LIB"/*.jar | tr '\n' ':')"
# Netty's accessibility/bounds checks are per-access costs the decoder does not need (it bounds every read itself).
OPTS=(-Xmx64m -Dio.netty.buffer.checkAccessible=false -Dio.netty.buffer.checkBounds=false)
mkdir -p "$BENCH_TMP/bin" "$BENCH_TMP/results" "$BENCH_TMP/gc"
gcc -O2 -Wall -o "$BENCH_TMP/bin/mrt_walk" "$BENCH_DIR/mrt_walk.c" -lz
WALK="$BENCH_TMP/bin/mrt_walk"

mapfile -t FILES < <(mrt_files)
RAW_BYTES=444660297
LINES=5643322
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RAW="$BENCH_TMP/results/mrtjvm_${STAMP}.tsv"
SUM="$BENCH_TMP/results/mrtjvm_${STAMP}.md"
echo "# MRT JVM bench $STAMP: $(nproc) cores; $("$JDK17/bin/java" -version 2>&1 | head -1); $("$JDK25/bin/java" -version 2>&1 | head -1)"

printf 'test\trep\twall_s\tuser_s\tsys_s\tmaxrss_kb\tother_cores\tgc_pauses\n' > "$RAW"
run() { # name cmd...
  local name="$1"; shift
  wait_quiet
  local gclog="$BENCH_TMP/gc/${STAMP}_${name}_${rep}.log"
  export GCLOG="$gclog"
  local r; r=$(timed "$@")
  local pauses=0; [[ -f "$gclog" ]] && pauses=$(grep -c 'Pause' "$gclog" || true)
  printf '%s\t%s\t%s\t%s\n' "$name" "$rep" "$(tr ' ' '\t' <<<"$r")" "$pauses" >> "$RAW"
  echo "  $name rep $rep: wall/user/sys/maxrssKB/other-cores = $r gc_pauses=$pauses ($(load_note))"
}
java_row() { # name jdk threads extra-opts...
  local name="$1" jdk="$2" threads="$3"; shift 3
  run "$name" sh -c '"$0" -Xlog:gc:file="$GCLOG" "$@"' "$jdk/bin/java" "${OPTS[@]}" "$@" -cp "$CP" \
    dev.routescope.mrt.tools.MrtDump --count --threads "$threads" "${FILES[@]}"
}
for rep in $(seq 1 "$REPS"); do
  run zcat         sh -c 'zcat "$@"' _ "${FILES[@]}"
  run bgpdump_seq  sh -c 'for f; do bgpdump -m "$f"; done 2>/dev/null' _ "${FILES[@]}"
  run c_walk_count "$WALK" -p "${FILES[@]}"
  java_row jdk17_1t "$JDK17" 1
  java_row jdk17_2t "$JDK17" 2
  java_row jdk25_1t "$JDK25" 1
  java_row jdk25_2t "$JDK25" 2
  # JDK 25: netty falls back from sun.misc.Unsafe unless memory access is allowed explicitly.
  java_row jdk25_1t_unsafe "$JDK25" 1 --sun-misc-unsafe-memory-access=allow -Dio.netty.noUnsafe=false
done

{
  echo "| test | wall s (median of $REPS) | raw MB/s | elements/s | vs bgpdump (speed) | vs zcat (time) | user+sys s | max RSS MB | GC pauses | other load (cores) |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  zw=$(awk -F'\t' '$1=="zcat"{print $3}' "$RAW" | median)
  bw=$(awk -F'\t' '$1=="bgpdump_seq"{print $3}' "$RAW" | median)
  for t in zcat bgpdump_seq c_walk_count jdk17_1t jdk17_2t jdk25_1t jdk25_2t jdk25_1t_unsafe; do
    grep -q "^$t	" "$RAW" || continue
    w=$(awk -F'\t' -v t="$t" '$1==t{print $3}' "$RAW" | median)
    cpu=$(awk -F'\t' -v t="$t" '$1==t{print $4+$5}' "$RAW" | median)
    rss=$(awk -F'\t' -v t="$t" '$1==t{print $6}' "$RAW" | median)
    gc=$(awk -F'\t' -v t="$t" '$1==t{print $8}' "$RAW" | median)
    bg=$(awk -F'\t' -v t="$t" '$1==t{print $7}' "$RAW" | median)
    awk -v t="$t" -v w="$w" -v cpu="$cpu" -v rss="$rss" -v raw="$RAW_BYTES" -v ln="$LINES" -v bg="$bg" -v gc="$gc" \
        -v zw="$zw" -v bw="$bw" \
      'BEGIN{printf "| %s | %.2f | %.1f | %.0f | %.1fx | %.2fx | %.2f | %.1f | %s | %.2f |\n", t, w, raw/w/1e6, ln/w, bw/w, w/zw, cpu, rss/1024, gc, bg}'
  done
} | tee "$SUM"
echo "raw: $RAW"
