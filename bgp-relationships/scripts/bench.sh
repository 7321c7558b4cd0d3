#!/bin/sh
# Runs the bgp-relationships JMH benchmarks and the heap harness on JDK 17 and (if present) JDK 25,
# each implementation against its same-run reference. Needs scripts/rrc12-paths.sh output first.
#   JDK25=/usr/lib/jvm/temurin-25-jdk-amd64  OUT=/tmp/routescope-rel
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${OUT:-/tmp/routescope-rel}
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
mkdir -p "$out"
cd "$root"
[ -f "$out/rrc12-paths.txt" ] || bgp-relationships/scripts/rrc12-paths.sh
./mvnw -B -o -q -pl bgp-relationships install -DskipTests
./mvnw -B -o -q -pl bgp-benchmarks package -DskipTests
jar=bgp-benchmarks/target/benchmarks.jar
for java in java "$jdk25/bin/java"; do
  [ -x "$(command -v "$java")" ] || continue
  v=$("$java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/{print $2}')
  echo "== JDK $v, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$java" -XX:+UseSerialGC -Xms1g -Xmx1g -cp "$jar" dev.routescope.benchmarks.relationships.AsGraphHeap
  "$java" -jar "$jar" 'relationships\.' -prof gc -rf json -rff "$out/jmh-rel-jdk$v.json" \
    | grep -E '^(Benchmark|AsGraphLoad|ValleyFree)' | grep -v 'gc.alloc.rate '
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
