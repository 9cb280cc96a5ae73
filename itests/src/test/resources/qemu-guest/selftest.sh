#!/bin/bash
# Self-test of the test guest with raw QEMU (no libvirt):
#   1. boot with -no-reboot, wait for "jvirtd-guest: up" on the serial log, QMP system_powerdown,
#      expect QEMU to exit by itself with "jvirtd-guest: powering off" in the log;
#   2. boot without -no-reboot, wait for the marker, QMP system_reset, expect the marker a second time.
# Prints boot-to-marker, powerdown-to-exit and reset-to-marker times.  Exit status 0 when all passed.
#
# usage: selftest.sh [GUEST_DIR]
#   GUEST_DIR  where build-guest.sh puts vmlinuz/initrd.img (default: itests/target/qemu-guest)
# env:
#   ACCEL=auto|kvm|tcg  auto (default) = kvm if /dev/kvm is usable and is not PVM (see below), else tcg
#   BOOT_TIMEOUT        seconds to wait for the marker (default 30 with kvm, 120 with tcg)
#   DOWN_TIMEOUT        seconds to wait for QEMU to exit after system_powerdown (default 30)
#   QEMU                the emulator (default qemu-system-x86_64)
#   KERNEL=vmlinuz      or vmlinux: the uncompressed PVH kernel build-guest.sh also makes (boots 2-4 s
#                       faster under TCG)
#
# QMP is spoken with the system python, /usr/bin/python3 (standard library only).
#
# PVM: some cloud sandboxes expose a /dev/kvm that is "kvm-pvm" (pagetable-based virtualisation, no
# hardware virtualisation).  It only runs PVM-enabled guest kernels at speed; an unmodified kernel such
# as Debian's runs instruction by instruction in emulation and does not get past decompressing itself in
# minutes.  ACCEL=auto therefore uses TCG when the kvm_pvm module is loaded.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
GUEST=${1:-$HERE/../../../../target/qemu-guest}
QEMU=${QEMU:-qemu-system-x86_64}
PY=/usr/bin/python3

"$HERE/build-guest.sh" "$GUEST"
GUEST=$(cd "$GUEST" && pwd)
KERNEL=${KERNEL:-vmlinuz}
[ -f "$GUEST/$KERNEL" ] || { echo "no $GUEST/$KERNEL" >&2; exit 1; }

ACCEL=${ACCEL:-auto}
if [ "$ACCEL" = auto ]; then
    if [ -r /dev/kvm ] && [ -w /dev/kvm ] && [ ! -d /sys/module/kvm_pvm ]; then ACCEL=kvm; else ACCEL=tcg; fi
fi
if [ "$ACCEL" = kvm ]; then BOOT_TIMEOUT=${BOOT_TIMEOUT:-30}; else BOOT_TIMEOUT=${BOOT_TIMEOUT:-120}; fi
DOWN_TIMEOUT=${DOWN_TIMEOUT:-30}

T=$(mktemp -d "${TMPDIR:-/tmp}/jvirtd-guest-selftest.XXXXXX")
QPID=
cleanup() {
    if [ -n "$QPID" ] && kill -0 "$QPID" 2>/dev/null; then
        kill "$QPID" 2>/dev/null || true
        wait "$QPID" 2>/dev/null || true
    fi
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fmt_ms() { printf '%d.%03ds' $(( $1 / 1000 )) $(( $1 % 1000 )); }
fail() { echo "FAIL: $*" >&2; for f in "$T"/*.log; do [ -f "$f" ] && { echo "--- $f (tail)" >&2; tail -n 20 "$f" >&2; }; done; exit 1; }

# boot NAME [extra qemu args]: start QEMU in the background, serial to $T/NAME.log, QMP on $T/NAME.qmp
boot() {
    local name=$1; shift
    rm -f "$T/$name.log" "$T/$name.qmp"
    "$QEMU" -machine "pc,accel=$ACCEL" -m 128 -smp 1 -nodefaults -display none \
        -kernel "$GUEST/$KERNEL" -initrd "$GUEST/initrd.img" \
        -append 'console=ttyS0 quiet panic=-1' \
        -serial "file:$T/$name.log" -qmp "unix:$T/$name.qmp,server=on,wait=off" \
        "$@" >"$T/$name.stderr" 2>&1 &
    QPID=$!
}

# wait_marker NAME TEXT COUNT TIMEOUT_S: poll until TEXT occurs COUNT times in the serial log
wait_marker() {
    local log=$T/$1.log text=$2 count=$3 deadline=$(( $(now_ms) + $4 * 1000 )) n
    while :; do
        n=$(grep -c -- "$text" "$log" 2>/dev/null || true)
        [ "${n:-0}" -ge "$count" ] && return 0
        kill -0 "$QPID" 2>/dev/null || fail "$1: QEMU exited before '$text' x$count ($(cat "$T/$1.stderr"))"
        [ "$(now_ms)" -lt "$deadline" ] || fail "$1: no '$text' x$count within $4 s"
        sleep 0.05
    done
}

# wait_exit TIMEOUT_S: poll until QEMU has exited; sets QRC to its exit status
wait_exit() {
    local deadline=$(( $(now_ms) + $1 * 1000 ))
    while kill -0 "$QPID" 2>/dev/null; do
        [ "$(now_ms)" -lt "$deadline" ] || fail "QEMU still running $1 s after the request"
        sleep 0.05
    done
    QRC=0; wait "$QPID" || QRC=$?
    QPID=
}

# qmp NAME COMMAND: negotiate capabilities, run COMMAND, print its reply
qmp() {
    "$PY" - "$T/$1.qmp" "$2" <<'EOF'
import json, socket, sys, time
path, cmd = sys.argv[1], sys.argv[2]
deadline = time.monotonic() + 10
while True:
    try:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(path)
        break
    except OSError:
        s.close()
        if time.monotonic() > deadline:
            raise
        time.sleep(0.05)
s.settimeout(10)
f = s.makefile("rwb")
def reply():
    while True:
        line = f.readline()
        if not line:
            raise SystemExit("QMP connection closed")
        msg = json.loads(line)
        if "return" in msg or "error" in msg:
            return msg
json.loads(f.readline())                    # greeting
for c in ("qmp_capabilities", cmd):
    f.write(json.dumps({"execute": c}).encode() + b"\r\n"); f.flush()
    r = reply()
    if "error" in r:
        raise SystemExit("QMP %s: %s" % (c, r["error"]))
print(json.dumps(r))
EOF
}

echo "selftest: guest $GUEST/$KERNEL ($(cat "$GUEST/kernel-version" 2>/dev/null || echo '?')), accel=$ACCEL, $($QEMU --version | head -n 1)"

# ---- 1: boot, ACPI power button, QEMU exits -----------------------------------------------------
t0=$(now_ms)
boot down -no-reboot
wait_marker down "jvirtd-guest: up" 1 "$BOOT_TIMEOUT"
t1=$(now_ms)
echo "selftest: boot to marker $(fmt_ms $((t1 - t0)))"
qmp down system_powerdown >/dev/null
t2=$(now_ms)
wait_exit "$DOWN_TIMEOUT"
t3=$(now_ms)
grep -q "jvirtd-guest: powering off" "$T/down.log" || fail "QEMU exited, but the guest did not print its power-off marker"
[ "$QRC" = 0 ] || fail "QEMU exited with status $QRC after system_powerdown"
echo "selftest: system_powerdown to QEMU exit $(fmt_ms $((t3 - t2)))"

# ---- 2: system_reset reboots the guest ------------------------------------------------------------
t0=$(now_ms)
boot reset
wait_marker reset "jvirtd-guest: up" 1 "$BOOT_TIMEOUT"
t1=$(now_ms)
qmp reset system_reset >/dev/null
wait_marker reset "jvirtd-guest: up" 2 "$BOOT_TIMEOUT"
t2=$(now_ms)
echo "selftest: boot to marker $(fmt_ms $((t1 - t0))), system_reset to marker again $(fmt_ms $((t2 - t1)))"
qmp reset quit >/dev/null || true
wait_exit 10
echo "selftest: PASS"
