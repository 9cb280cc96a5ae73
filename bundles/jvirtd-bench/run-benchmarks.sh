#!/bin/bash
# One benchmark run: jvirtd (a private copy of distribution/target/jvirtd) and the real libvirtd
# (the test driver, started by $JVIRTD_SHARED/tools/reference-libvirtd.sh) side by side on this
# machine, every mix at every connection count, the two daemons alternating row by row, with the
# same client: first our load generator (io.jvirtd.bench.LoadGenerator), then python-libvirt
# (rpc_load.py, one process per connection). Prints a table with the ratio jvirtd/libvirtd per row,
# both daemons' CPU seconds per row, their idle and peak RSS; then the extras (heap per idle
# connection, listAllDomains over 10 000 domains).
#
# Builds nothing: run `mvn -B install -DskipTests` first (it writes the bench class path).
#
# env:  JVIRTD_SHARED   the shared tools folder (default: ../shared next to the repository)
#       MIXES           default "lookup listall define noop"        (our client)
#       PY_MIXES        default "lookup listall"                    (python-libvirt; "" skips it)
#       NS              default "1 4 16 64"
#       DURATION        seconds measured per run (default 10), WARMUP (default 2, our client only)
#       EXTRAS          1 (default) also measures idle connections and the 10 000-domain list
#       IDLE_CONNS      default 1000; BIG_DOMAINS default 10000
#       JVIRTD_JAVA_OPTS  JVM options for jvirtd (default: bin/jvirtd's own)
#       JVIRTD_DIST     the jvirtd to measure (default: distribution/target/jvirtd of this repository)
#       PYTHON          the python that has python-libvirt (default /usr/bin/python3)
#       PREWARM         seconds of unmeasured load per daemon and mix before the runs (default 5)
#       PORT            libvirtd's TCP port (default 16599; nothing connects to it)
#       OUT             results folder (default: a new temp folder; printed at the end)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd -P)
repo=$(cd "$here/../.." && pwd -P)
shared=${JVIRTD_SHARED:-$repo/../shared}
shared=$(cd "$shared" && pwd -P)
MIXES=${MIXES-lookup listall define noop}
PY_MIXES=${PY_MIXES-lookup listall}
NS=${NS:-1 4 16 64}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
EXTRAS=${EXTRAS:-1}
IDLE_CONNS=${IDLE_CONNS:-1000}
BIG_DOMAINS=${BIG_DOMAINS:-10000}
PORT=${PORT:-16599}
PY=${PYTHON:-/usr/bin/python3} # python-libvirt lives there on Debian

dist=${JVIRTD_DIST:-$repo/distribution/target/jvirtd}
benchjar=$(ls "$here"/target/jvirtd-bench-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
if [ ! -d "$dist" ] || [ -z "$benchjar" ] || [ ! -f "$here/target/classpath.txt" ]; then
    echo "build first: mvn -B install -DskipTests (needs $dist and $here/target/classpath.txt)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/jvirtd-bench.XXXXXX")
OUT=${OUT:-$work}
mkdir -p "$OUT"
results=$OUT/results.jsonl
: > "$results"

# Private copies, so a rebuild by someone else does not change what runs.
cp -a "$dist" "$work/jvirtd"
rm -rf "$work/jvirtd/data/cache" "$work/jvirtd/data/run" "$work/jvirtd/data/log"
mkdir -p "$work/cp"
cp "$benchjar" "$work/cp/"
tr ':' '\n' < "$here/target/classpath.txt" | while read -r jar; do [ -n "$jar" ] && cp "$jar" "$work/cp/"; done
CP="$work/cp/*"
gen() { java -Xms256m -Xmx1g -XX:+UseParallelGC -cp "$CP" io.jvirtd.bench.LoadGenerator "$@"; }

jsock=$work/jvirtd/data/run/libvirt-sock
lsock=$work/lvd/sock/libvirt-sock
jpid=""
lpid=""
cleanup() {
    [ -n "$jpid" ] && kill "$jpid" 2>/dev/null || true
    [ -n "$lpid" ] && kill "$lpid" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap cleanup EXIT

# --- start both daemons --------------------------------------------------------------------------
echo "starting jvirtd ($work/jvirtd) and libvirtd ($work/lvd)" >&2
if [ -n "${JVIRTD_JAVA_OPTS:-}" ]; then export JAVA_OPTS=$JVIRTD_JAVA_OPTS; fi
"$work/jvirtd/bin/jvirtd" > "$work/jvirtd.out" 2>&1 &
jpid=$!
INSTALL=0 bash "$shared/tools/reference-libvirtd.sh" "$PORT" "$work/lvd" > "$work/lvd.out" 2>&1
lpid=$(cat "$work/lvd/libvirtd.pid")

# Ready when test:///default answers (jvirtd hot-deploys its test driver after the socket appears).
ready() {
    for _ in $(seq 1 300); do
        if [ -S "$1" ] && gen --socket "$1" --mix noop -n 1 --seconds 0.05 --warmup 0 2>/dev/null \
            | grep -q '"connect_failures": 0'; then
            return 0
        fi
        sleep 0.2
    done
    echo "daemon on $1 did not become ready" >&2
    return 1
}
ready "$jsock"
ready "$lsock"
sleep 2

# Both daemons get the same unmeasured pass first, so the first measured row does not pay for
# jvirtd's JIT warm-up (or libvirtd's cold caches).
for sock in "$jsock" "$lsock"; do
    for mix in lookup listall; do
        gen --socket "$sock" --mix "$mix" -n 4 --seconds "${PREWARM:-5}" --warmup 0 > /dev/null
    done
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status"; }
tck=$(getconf CLK_TCK)
idle_rss_j=$(status_kb "$jpid" VmRSS)
idle_rss_l=$(status_kb "$lpid" VmRSS)
cpu_start_j=$(cpu_ticks "$jpid")
cpu_start_l=$(cpu_ticks "$lpid")

# One measured run: daemon client mix n -> a JSON line in $results with the daemon's CPU seconds.
one() {
    local daemon=$1 client=$2 mix=$3 n=$4 pid sock line t0 t1
    if [ "$daemon" = jvirtd ]; then pid=$jpid; sock=$jsock; else pid=$lpid; sock=$lsock; fi
    t0=$(cpu_ticks "$pid")
    if [ "$client" = ours ]; then
        line=$(gen --socket "$sock" --mix "$mix" -n "$n" --seconds "$DURATION" --warmup "$WARMUP")
    else
        line=$("$PY" "$shared/tools/rpc_load.py" --uri "test+unix:///default?socket=$sock" --mix "$mix" -n "$n" \
            -d "$DURATION")
    fi
    t1=$(cpu_ticks "$pid")
    $PY -c 'import json,sys; d=json.loads(sys.argv[1]); d.update(daemon=sys.argv[2], client=sys.argv[3], cpu_s=float(sys.argv[4])); print(json.dumps(d))' \
        "$line" "$daemon" "$client" "$(awk -v a="$t0" -v b="$t1" -v t="$tck" 'BEGIN{print (b-a)/t}')" >> "$results"
    echo "  $daemon $client $mix n=$n: $line" >&2
}

row=0
run_client() {
    local client=$1 mixes=$2 mix n
    for mix in $mixes; do
        for n in $NS; do
            if [ $((row % 2)) = 0 ]; then
                one jvirtd "$client" "$mix" "$n"; one libvirtd "$client" "$mix" "$n"
            else
                one libvirtd "$client" "$mix" "$n"; one jvirtd "$client" "$mix" "$n"
            fi
            row=$((row + 1))
        done
    done
}
run_client ours "$MIXES"
[ -n "$PY_MIXES" ] && run_client python "$PY_MIXES"

cpu_total_j=$(awk -v a="$cpu_start_j" -v b="$(cpu_ticks "$jpid")" -v t="$tck" 'BEGIN{print (b-a)/t}')
cpu_total_l=$(awk -v a="$cpu_start_l" -v b="$(cpu_ticks "$lpid")" -v t="$tck" 'BEGIN{print (b-a)/t}')
peak_rss_j=$(status_kb "$jpid" VmHWM)
peak_rss_l=$(status_kb "$lpid" VmHWM)

# --- extras ------------------------------------------------------------------------------------------
extras=$OUT/extras.txt
: > "$extras"
if [ "$EXTRAS" = 1 ]; then
    heap_used_kb() { # used heap after a full GC, in KiB
        jcmd "$1" GC.run > /dev/null
        jcmd "$1" GC.heap_info | awk '/garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation|Shenandoah|ZHeap/ && /used/ {
            for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?/, "", v); s += v } } END {print s}'
    }
    for daemon in jvirtd libvirtd; do
        if [ "$daemon" = jvirtd ]; then pid=$jpid; sock=$jsock; else pid=$lpid; sock=$lsock; fi
        [ "$daemon" = jvirtd ] && heap0=$(heap_used_kb "$pid")
        rss0=$(status_kb "$pid" VmRSS)
        gen --socket "$sock" -n "$IDLE_CONNS" --idle-hold 15 > "$work/idle-$daemon.out" &
        gpid=$!
        for _ in $(seq 1 600); do grep -q idle_connections "$work/idle-$daemon.out" && break; sleep 0.1; done
        sleep 2
        rss1=$(status_kb "$pid" VmRSS)
        line="$daemon: $IDLE_CONNS idle connections: RSS +$(( (rss1 - rss0) / 1024 )) MiB ($(( (rss1 - rss0) / IDLE_CONNS )) KiB each)"
        if [ "$daemon" = jvirtd ]; then
            heap1=$(heap_used_kb "$pid")
            line="$line, live heap +$(( (heap1 - heap0) / 1024 )) MiB ($(( (heap1 - heap0) / IDLE_CONNS )) KiB each)"
        fi
        echo "$line" | tee -a "$extras" >&2
        wait "$gpid"
    done
    for daemon in jvirtd libvirtd; do
        if [ "$daemon" = jvirtd ]; then sock=$jsock; else sock=$lsock; fi
        line=$(gen --socket "$sock" --populate "$BIG_DOMAINS" --mix listonly -n 1 --seconds 5 --warmup 2)
        echo "$daemon: connect_list_all_domains over $BIG_DOMAINS extra domains: $line" | tee -a "$extras" >&2
    done
fi

# --- the table ---------------------------------------------------------------------------------------
{
    echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/{print $2}') GiB"
    echo "# jvirtd JAVA_OPTS: ${JAVA_OPTS:-bin/jvirtd default}; $(java -version 2>&1 | head -1); $(libvirtd --version)"
    echo "# ${DURATION}s per run, daemons alternating per row"
    $PY - "$results" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault((r["client"], r["mix"], r["n"]), {})[r["daemon"]] = r
print("| client | mix | N | jvirtd calls/s | libvirtd calls/s | ratio | jvirtd p50/p99 µs | libvirtd p50/p99 µs | p99 ratio | CPU s j/l | errors j/l |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for (client, mix, n), d in by.items():
    j, l = d.get("jvirtd"), d.get("libvirtd")
    if not j or not l:
        continue
    ratio = j["calls_per_s"] / l["calls_per_s"] if l["calls_per_s"] else float("nan")
    p99r = j["p99_us"] / l["p99_us"] if l["p99_us"] else float("nan")
    print(f"| {client} | {mix} | {n} | {j['calls_per_s']:.0f} | {l['calls_per_s']:.0f} | {ratio:.2f} | "
          f"{j['p50_us']:.0f}/{j['p99_us']:.0f} | {l['p50_us']:.0f}/{l['p99_us']:.0f} | {p99r:.2f} | "
          f"{j['cpu_s']:.1f}/{l['cpu_s']:.1f} | {j['errors'] + j['connect_failures']}/{l['errors'] + l['connect_failures']} |")
EOF
    echo
    echo "CPU seconds over all runs: jvirtd $cpu_total_j, libvirtd $cpu_total_l"
    echo "RSS: jvirtd idle $((idle_rss_j / 1024)) MiB, peak $((peak_rss_j / 1024)) MiB; libvirtd idle $((idle_rss_l / 1024)) MiB, peak $((peak_rss_l / 1024)) MiB"
    cat "$extras"
} | tee "$OUT/table.md"
echo "results: $OUT" >&2
