#!/usr/bin/env bash
# Whole-file MRT throughput, Routescope beside the reference tools in ONE run of the shared harness
# (../shared/bench/mrt_bench.sh: zcat, bgpdump -m sequential and 2 processes, the C framing floor).
#   bench/mrt_throughput.sh            # 1 thread: MrtDump --count (element stream, no text)
#   THREADS=2 bench/mrt_throughput.sh  # 2 threads over the 25 files
#   MODE=-m bench/mrt_throughput.sh    # bgpdump -m text to /dev/null instead of counting
# Heap limited to 64 MB as the MRT issue asks. Results: /tmp/routescope-bench/results/mrt_<UTC>.md
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=examples/target/routescope.jar
if [[ "${SKIP_BUILD:-0}" != 1 || ! -f $JAR ]]; then
  ./mvnw -q -B -pl examples -am package -DskipTests
fi
THREADS=${THREADS:-1}
MODE=${MODE:---count}
EXTRA="java -Xmx64m -Dio.netty.buffer.checkAccessible=false -Dio.netty.buffer.checkBounds=false"
EXTRA+=" -cp $PWD/$JAR dev.routescope.mrt.tools.MrtDump $MODE --threads $THREADS"
cd ../shared/bench
EXTRA_CMD="$EXTRA" REPS="${REPS:-3}" ./mrt_bench.sh
