#!/bin/bash
# Time `virsh start` and `virsh destroy` of the test guest on the real libvirtd's QEMU driver and,
# when a jvirtd URI is given, on jvirtd, in the same run; print the medians and jvirtd/libvirtd ratios.
#
# usage: compare-start-destroy.sh [JVIRTD_URI]
#   JVIRTD_URI  e.g. qemu+tcp://127.0.0.1:16509/system (a running jvirtd with its QEMU driver);
#               without it only libvirtd is measured.
# env:
#   N=5                 start/destroy rounds per daemon
#   DOMTYPE=auto        domain type: kvm or qemu; auto = kvm if /dev/kvm is usable and is not PVM, else qemu
#                       (under a PVM /dev/kvm a stock kernel barely runs; start/destroy still work, but the
#                       guest check below would time out: see selftest.sh)
#   CHECK_GUEST=1       after the timed rounds, start once more, wait for the guest's "jvirtd-guest: up"
#                       on the serial file, `virsh shutdown` (ACPI power button) and wait for "shut off";
#                       prints boot-to-marker and shutdown-to-shut-off (0: skip)
#   GUEST_TIMEOUT       seconds for each step of that check (default 120)
#   JVIRTD_SHARED       the shared tools directory (default: ../shared relative to the repository root),
#                       which holds tools/reference-libvirtd.sh
#   LIBVIRTD_PORT       TCP port for the private libvirtd (default 16731)
#   LIBVIRTD_URI        measure this already running libvirtd instead of starting a private one
#   GUEST_DIR           where build-guest.sh puts the guest (default: itests/target/qemu-guest)
#   KERNEL=vmlinuz      or vmlinux (uncompressed PVH kernel: boots faster under TCG)
#   KEEP=1              keep the temporary directory (libvirtd log, serial logs)
#   API=1               also time N rounds of create()/destroy() through one python-libvirt connection
#                       (the daemon's own latency, without virsh's process and connection start-up; 0: skip)
#
# Each round: `virsh start` (timed), poll `virsh domstate` until "running", `virsh destroy` (timed).
# The times are wall-clock times of the virsh processes, so both daemons pay the same client start-up;
# on a loaded host that start-up (30-150 ms per virsh) is much of what is measured, hence the API rounds.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../../../.." && pwd)
SHARED=${JVIRTD_SHARED:-$REPO/../shared}
GUEST=${GUEST_DIR:-$HERE/../../../../target/qemu-guest}
N=${N:-5}
DOMTYPE=${DOMTYPE:-auto}
if [ "$DOMTYPE" = auto ]; then
    if [ -r /dev/kvm ] && [ -w /dev/kvm ] && [ ! -d /sys/module/kvm_pvm ]; then DOMTYPE=kvm; else DOMTYPE=qemu; fi
fi
GUEST_TIMEOUT=${GUEST_TIMEOUT:-120}
PORT=${LIBVIRTD_PORT:-16731}
JURI=${1:-}

"$HERE/build-guest.sh" "$GUEST"
GUEST=$(cd "$GUEST" && pwd)
KERNEL=${KERNEL:-vmlinuz}
[ -f "$GUEST/$KERNEL" ] || { echo "no $GUEST/$KERNEL" >&2; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/jvirtd-cmp.XXXXXX")
LVD_PID=
REAPER_PID=
CLEAN_URIS=()
NAME=jvirtd-cmp-$$
cleanup() {
    set +e
    for u in "${CLEAN_URIS[@]}"; do
        virsh -q -c "$u" destroy "$NAME" >/dev/null 2>&1
        virsh -q -c "$u" undefine "$NAME" >/dev/null 2>&1
    done
    if [ -n "$LVD_PID" ]; then
        kill "$LVD_PID" 2>/dev/null
        for _ in $(seq 1 100); do kill -0 "$LVD_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$LVD_PID" 2>/dev/null
    fi
    if [ -n "$REAPER_PID" ]; then
        for _ in $(seq 1 50); do kill -0 "$REAPER_PID" 2>/dev/null || break; sleep 0.1; done
        kill "$REAPER_PID" 2>/dev/null
        wait "$REAPER_PID" 2>/dev/null
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# ---- the real libvirtd ---------------------------------------------------------------------------
if [ -n "${LIBVIRTD_URI:-}" ]; then
    LURI=$LIBVIRTD_URI
else
    [ -f "$SHARED/tools/reference-libvirtd.sh" ] \
        || { echo "no $SHARED/tools/reference-libvirtd.sh (set JVIRTD_SHARED)" >&2; exit 1; }
    # libvirtd daemonizes QEMU (double fork), so a QEMU that has exited stays a zombie until whoever
    # adopts orphans reaps it, and `virsh destroy` (libvirt polls kill(pid, 0) every 200 ms) waits for
    # that.  With systemd as PID 1 that is immediate; some sandboxes' PID 1 reaps only every second or
    # two, which would add that to every destroy.  So run libvirtd under our own child subreaper that
    # reaps at once: the orphaned QEMUs are adopted by it instead of PID 1.
    cat > "$T/reaper.py" <<'PY'
import ctypes, os, subprocess, sys
PR_SET_CHILD_SUBREAPER = 36
if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    print("reaper: prctl(PR_SET_CHILD_SUBREAPER) failed", file=sys.stderr)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(subprocess.call(sys.argv[2:])))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:                       # reap libvirtd (once it is stopped) and every QEMU it orphans
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
PY
    INSTALL=0 /usr/bin/python3 "$T/reaper.py" "$T/libvirtd.rc" \
        bash "$SHARED/tools/reference-libvirtd.sh" "$PORT" "$T/libvirtd" >"$T/libvirtd.start" 2>&1 &
    REAPER_PID=$!
    while [ ! -f "$T/libvirtd.rc" ] && kill -0 "$REAPER_PID" 2>/dev/null; do sleep 0.1; done
    [ "$(cat "$T/libvirtd.rc" 2>/dev/null)" = 0 ] || { cat "$T/libvirtd.start" >&2; exit 1; }
    LVD_PID=$(cat "$T/libvirtd/libvirtd.pid")
    LURI="qemu+unix:///system?socket=$T/libvirtd/sock/libvirt-sock"
fi

# ---- the domain ---------------------------------------------------------------------------------
# serial_xml FILE: a serial port writing the guest console into FILE
domain_xml() {
    cat <<EOF
<domain type='$DOMTYPE'>
  <name>$NAME</name>
  <memory unit='MiB'>128</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$GUEST/$KERNEL</kernel>
    <initrd>$GUEST/initrd.img</initrd>
    <cmdline>console=ttyS0 quiet panic=-1</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <serial type='file'>
      <source path='$1'/>
      <target port='0'/>
    </serial>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
}

# measure LABEL URI: define, N x (start; wait running; destroy), undefine; sets START_MED / DESTROY_MED (ms)
measure() {
    local label=$1 uri=$2 i t0 t1 t2 st deadline starts=() destroys=()
    domain_xml "$T/$label-serial.log" > "$T/$label.xml"
    CLEAN_URIS+=("$uri")
    virsh -q -c "$uri" define "$T/$label.xml" >/dev/null
    for i in $(seq 1 "$N"); do
        t0=$(now_ms)
        virsh -q -c "$uri" start "$NAME" >/dev/null \
            || { echo "$label: virsh start failed" >&2; diagnose "$label"; exit 1; }
        t1=$(now_ms)
        deadline=$(( t1 + 30000 ))
        while st=$(virsh -q -c "$uri" domstate "$NAME" 2>/dev/null) && [ "$st" != running ]; do
            [ "$(now_ms)" -lt "$deadline" ] || { echo "$label: domain not running after start: $st" >&2; exit 1; }
            sleep 0.05
        done
        t2=$(now_ms)
        virsh -q -c "$uri" destroy "$NAME" >/dev/null \
            || { echo "$label: virsh destroy failed" >&2; diagnose "$label"; exit 1; }
        destroys+=($(( $(now_ms) - t2 )))
        starts+=($(( t1 - t0 )))
        printf '%-9s round %d: start %5d ms  destroy %5d ms\n' "$label" "$i" "${starts[-1]}" "${destroys[-1]}"
    done
    API_START_MED=0 API_DESTROY_MED=0
    if [ "${API:-1}" != 0 ]; then
        read -r API_START_MED API_DESTROY_MED < <(api_rounds "$uri")
        printf '%-9s api    (N=%d): start %5d ms  destroy %5d ms\n' "$label" "$N" "$API_START_MED" "$API_DESTROY_MED"
    fi
    [ "${CHECK_GUEST:-1}" = 0 ] || check_guest "$label" "$uri"
    virsh -q -c "$uri" undefine "$NAME" >/dev/null
    START_MED=$(printf '%s\n' "${starts[@]}" | median)
    DESTROY_MED=$(printf '%s\n' "${destroys[@]}" | median)
    printf '%-9s median (N=%d): start %5d ms  destroy %5d ms\n' "$label" "$N" "$START_MED" "$DESTROY_MED"
}

# api_rounds URI: N x (create(); state(); destroy()) on one python-libvirt connection; prints the
# median create and destroy times in ms
api_rounds() {
    /usr/bin/python3 - "$1" "$NAME" "$N" <<'PY'
import statistics, sys, time
import libvirt
conn = libvirt.open(sys.argv[1])
dom = conn.lookupByName(sys.argv[2])
starts, destroys = [], []
for _ in range(int(sys.argv[3])):
    t0 = time.monotonic()
    dom.create()
    t1 = time.monotonic()
    dom.state()
    t2 = time.monotonic()
    dom.destroy()
    starts.append((t1 - t0) * 1000)
    destroys.append((time.monotonic() - t2) * 1000)
print(int(statistics.median(starts)), int(statistics.median(destroys)))
PY
}

# check_guest LABEL URI: does the guest boot and power off on the ACPI power button?
check_guest() {
    local label=$1 uri=$2 log=$T/$1-serial.log before t0 t1 t2 deadline st
    before=$(grep -c "jvirtd-guest: up" "$log" 2>/dev/null || true)
    t0=$(now_ms)
    virsh -q -c "$uri" start "$NAME" >/dev/null
    deadline=$(( t0 + GUEST_TIMEOUT * 1000 ))
    until [ "$(grep -c "jvirtd-guest: up" "$log" 2>/dev/null || true)" -gt "${before:-0}" ]; do
        [ "$(now_ms)" -lt "$deadline" ] || { echo "$label: guest check: no marker within $GUEST_TIMEOUT s" >&2; diagnose "$label"; exit 1; }
        sleep 0.05
    done
    t1=$(now_ms)
    virsh -q -c "$uri" shutdown "$NAME" >/dev/null
    deadline=$(( t1 + GUEST_TIMEOUT * 1000 ))
    while st=$(virsh -q -c "$uri" domstate "$NAME" 2>/dev/null) && [ "$st" != "shut off" ]; do
        [ "$(now_ms)" -lt "$deadline" ] || { echo "$label: guest check: still '$st' after shutdown" >&2; diagnose "$label"; exit 1; }
        sleep 0.05
    done
    t2=$(now_ms)
    grep -q "jvirtd-guest: powering off" "$log" \
        || { echo "$label: guest check: shut off without the guest's power-off marker" >&2; exit 1; }
    printf '%-9s guest check: start to marker %5d ms  shutdown to shut off %5d ms\n' "$label" $((t1 - t0)) $((t2 - t1))
}

diagnose() {
    if [ "$1" = libvirtd ] && [ -n "$LVD_PID" ]; then
        echo "--- libvirtd log (tail):" >&2; tail -n 15 "$T/libvirtd/libvirtd.log" >&2 || true
        echo "--- qemu log (tail):" >&2; tail -n 15 "$T/libvirtd/state/log/qemu/$NAME.log" >&2 || true
    fi
}

echo "guest $GUEST/$KERNEL ($(cat "$GUEST/kernel-version" 2>/dev/null || echo '?')), domain type $DOMTYPE, N=$N"
measure libvirtd "$LURI"
L_START=$START_MED L_DESTROY=$DESTROY_MED L_API_START=$API_START_MED L_API_DESTROY=$API_DESTROY_MED
if [ -n "$JURI" ]; then
    measure jvirtd "$JURI"
    awk -v ls="$L_START" -v ld="$L_DESTROY" -v js="$START_MED" -v jd="$DESTROY_MED" 'BEGIN {
        printf "jvirtd/libvirtd: start %.2f  destroy %.2f\n", js / (ls ? ls : 1), jd / (ld ? ld : 1) }'
    [ "${API:-1}" = 0 ] || awk -v ls="$L_API_START" -v ld="$L_API_DESTROY" -v js="$API_START_MED" \
        -v jd="$API_DESTROY_MED" 'BEGIN {
        printf "jvirtd/libvirtd (api): start %.2f  destroy %.2f\n", js / (ls ? ls : 1), jd / (ld ? ld : 1) }'
fi
