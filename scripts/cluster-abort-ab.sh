#!/usr/bin/env bash
# Side by side, on the same load: how many chDB aborts (exit code 134 in cluster/cluster.log) two local 2 x 2
# clusters see under the same Distributed traffic (docs/clusters.md, "chDB aborts").
# Usage: scripts/cluster-abort-ab.sh ROUNDS OLD_JAR OLD_HOME NEW_JAR NEW_HOME
# Each *_HOME is the MVLAB_HOME of a running cluster (`mvlab cluster start --http-port 0 --tcp-port 0`) started by
# that jar, with on every node:
#   CREATE TABLE t_local (k UInt64, v String) ENGINE=MergeTree ORDER BY k;
#   CREATE TABLE t AS t_local ENGINE=Distributed(local, currentDatabase(), t_local, rand())
# Two CPU burners load the machine while two client loops per side run ROUNDS rounds each.
set -uo pipefail
rounds=$1
declare -A jar=([old]=$2 [new]=$4) home=([old]=$3 [new]=$5) before
round="INSERT INTO t SELECT number, toString(rand()) FROM numbers(200000);
INSERT INTO t SELECT number, toString(number) FROM numbers(100000) SETTINGS distributed_foreground_insert=1;
SYSTEM FLUSH DISTRIBUTED t; SELECT count(), uniq(v) FROM t; SELECT k % 7 AS g, count() FROM t GROUP BY g ORDER BY g"
aborts() { grep -c "exited with code 134" "${home[$1]}/engine/cluster/cluster.log"; }
out=$(mktemp -d)
loop() { # side node
  for _ in $(seq 1 "$rounds"); do
    MVLAB_HOME=${home[$1]} java -jar "${jar[$1]}" sql --cluster local --node "$2" "$round" >/dev/null 2>&1 \
      || echo failed >>"$out/$1"
  done
}
for side in old new; do before[$side]=$(aborts $side); touch "$out/$side"; done
burners=()
for _ in 1 2; do ( while :; do :; done ) & burners+=($!); done
start=$SECONDS; clients=()
for side in old new; do for node in s1r1 s2r2; do loop $side $node & clients+=($!); done; done
wait "${clients[@]}"
kill "${burners[@]}"
for side in old new; do
  echo "$side: $((2 * rounds)) rounds, aborts $(($(aborts $side) - ${before[$side]})), failed rounds $(wc -l <"$out/$side")"
done
echo "$((SECONDS - start)) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
rm -r "$out"
