#!/bin/sh
# Build a tiny test guest for the QEMU driver tests: OUTDIR/vmlinuz and OUTDIR/initrd.img.
#
# usage: build-guest.sh OUTDIR
#
# The kernel is Debian 12's stock kernel: the concrete linux-image-6.1.*-amd64 package that the
# linux-image-amd64 metapackage depends on, fetched with `apt-get download` into a cache directory
# and unpacked with `dpkg-deb -x` (nothing is installed on the host).  The initramfs (gzip'd cpio,
# newc format) holds Debian's static busybox, the kernel modules needed to see the ACPI power button
# (button.ko, and evdev.ko for /dev/input/event*, plus whatever they depend on) and an /init that:
#   - mounts proc, sysfs, devtmpfs,
#   - loads those modules,
#   - starts busybox acpid, whose power-button handler prints "jvirtd-guest: powering off" and runs
#     `poweroff -f`,
#   - prints "jvirtd-guest: up" to the serial console (/dev/ttyS0) and then sleeps forever.
# Boot with:  -kernel vmlinuz -initrd initrd.img -append 'console=ttyS0 quiet panic=-1'
# Also written, when xz is available: OUTDIR/vmlinux, the same kernel uncompressed (ELF with a PVH entry,
# ~65 MB), which QEMU boots directly: under TCG that saves the 2-4 s the bzImage spends decompressing.
# OUTDIR/kernel-version holds the kernel release (e.g. 6.1.0-56-amd64).
#
# Host requirements: apt-get, apt-cache, dpkg-deb, gzip (all in a base Debian 12), root or a
# populated apt cache for the first run, and busybox-static (used both inside the guest and to write
# the cpio archive, so `cpio` itself is not needed).  If busybox-static is not installed, its .deb is
# downloaded into the cache like the kernel.  xz (xz-utils) and GNU grep for the optional vmlinux;
# xz / zstd if a kernel ships .ko.xz / .ko.zst modules (Debian 12's 6.1 ships plain .ko).
#
# env:
#   JVIRTD_GUEST_CACHE  where downloaded .debs are kept (default ${XDG_CACHE_HOME:-$HOME/.cache}/jvirtd-guest)
#   KERNEL_PKG          use this kernel package instead of resolving linux-image-amd64
#   BUSYBOX             use this (static!) busybox binary instead of Debian's busybox-static
#   FORCE=1             rebuild even if the outputs are up to date
#
# Re-runs are quick: nothing is done when both outputs exist and are newer than this script; the
# downloaded .debs are reused from the cache.
set -eu

die() { echo "build-guest.sh: $*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: build-guest.sh OUTDIR"
OUT=$1
SELF=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ "${FORCE:-0}" != 1 ] && [ "$OUT/vmlinuz" -nt "$SELF" ] && [ "$OUT/initrd.img" -nt "$SELF" ]; then
    echo "build-guest.sh: $OUT/vmlinuz and $OUT/initrd.img are up to date"
    exit 0
fi

CACHE=${JVIRTD_GUEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jvirtd-guest}
mkdir -p "$CACHE"
CACHE=$(cd "$CACHE" && pwd)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/jvirtd-guest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

apt_lists_ok() { apt-cache show linux-image-amd64 >/dev/null 2>&1; }
ensure_apt_lists() {
    apt_lists_ok && return 0
    if [ "$(id -u)" = 0 ]; then
        echo "build-guest.sh: apt package lists missing, running apt-get update" >&2
        apt-get update -q >&2 || true
    fi
    apt_lists_ok
}

# fetch PKG: print the path of PKG's .deb in the cache, downloading it if it is not there yet.
fetch() {
    pkg=$1
    # the version apt would download now (if the lists know the package); fall back to any cached one
    ver=$(apt-cache show --no-all-versions "$pkg" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
    if [ -n "$ver" ]; then
        # dpkg file names drop the epoch and escape ':' as %3a
        fver=$(printf '%s' "$ver" | sed 's/^[0-9]*://')
        for f in "$CACHE/${pkg}_${fver}_"*.deb "$CACHE/${pkg}_$(printf '%s' "$ver" | sed 's/:/%3a/')_"*.deb; do
            [ -f "$f" ] && { echo "$f"; return 0; }
        done
        echo "build-guest.sh: downloading $pkg $ver into $CACHE" >&2
        # as root, apt would try to drop to user _apt, who cannot write into our private temp dir
        sandbox=
        [ "$(id -u)" != 0 ] || sandbox="-o APT::Sandbox::User=root"
        if ! (cd "$WORK" && apt-get download -q $sandbox "$pkg" >&2); then
            die "could not download $pkg with 'apt-get download' (is a Debian mirror reachable? try 'apt-get update')"
        fi
        f=$(ls "$WORK/${pkg}_"*.deb 2>/dev/null | head -n 1)
        [ -n "$f" ] || die "apt-get download $pkg left no .deb"
        mv "$f" "$CACHE/"
        echo "$CACHE/$(basename "$f")"
        return 0
    fi
    f=$(ls -t "$CACHE/${pkg}_"*.deb 2>/dev/null | head -n 1 || true)
    [ -n "$f" ] || die "package $pkg is unknown to apt (no package lists?) and not in $CACHE"
    echo "build-guest.sh: apt does not know $pkg; using cached $(basename "$f")" >&2
    echo "$f"
}

# ---- the kernel package ------------------------------------------------------------------------
if [ -z "${KERNEL_PKG:-}" ]; then
    if ensure_apt_lists; then
        KERNEL_PKG=$(apt-cache depends linux-image-amd64 2>/dev/null \
            | sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-amd64\)$/\1/p' | head -n 1)
    fi
    if [ -z "${KERNEL_PKG:-}" ]; then
        # offline: use the newest kernel deb already in the cache
        f=$(ls -t "$CACHE"/linux-image-[0-9]*-amd64_*.deb 2>/dev/null | head -n 1 || true)
        [ -n "$f" ] || die "cannot resolve linux-image-amd64 (no apt lists, not root?) and no kernel .deb in $CACHE"
        KERNEL_PKG=$(basename "$f" | sed 's/_.*//')
    fi
fi
KDEB=$(fetch "$KERNEL_PKG")
echo "build-guest.sh: kernel package $(basename "$KDEB")"
mkdir "$WORK/k"
dpkg-deb -x "$KDEB" "$WORK/k"
VMLINUZ=$(ls "$WORK/k/boot/"vmlinuz-* 2>/dev/null | head -n 1)
[ -n "$VMLINUZ" ] || die "$(basename "$KDEB") has no boot/vmlinuz-*"
KVER=${VMLINUZ##*/vmlinuz-}
MODDIR=$WORK/k/lib/modules/$KVER
[ -d "$MODDIR" ] || die "$(basename "$KDEB") has no lib/modules/$KVER"

# ---- busybox -----------------------------------------------------------------------------------
if [ -z "${BUSYBOX:-}" ]; then
    if dpkg-query -W -f '${Status}' busybox-static 2>/dev/null | grep -q 'ok installed' && [ -x /bin/busybox ]; then
        BUSYBOX=/bin/busybox
    else
        ensure_apt_lists || true
        mkdir "$WORK/bb"
        dpkg-deb -x "$(fetch busybox-static)" "$WORK/bb"
        BUSYBOX=$WORK/bb/bin/busybox
    fi
fi
[ -x "$BUSYBOX" ] || die "no busybox at $BUSYBOX"
"$BUSYBOX" acpid --help >/dev/null 2>&1 || die "$BUSYBOX has no acpid applet"

# ---- the initramfs tree ------------------------------------------------------------------------
R=$WORK/root
mkdir -p "$R/bin" "$R/sbin" "$R/proc" "$R/sys" "$R/dev" "$R/run" "$R/tmp" "$R/var/log" \
    "$R/etc/acpi/PWRF" "$R/lib/modules"
cp "$BUSYBOX" "$R/bin/busybox"
chmod 755 "$R/bin/busybox"
for a in $("$BUSYBOX" --list); do
    [ "$a" = busybox ] || ln -s busybox "$R/bin/$a"
done
ln -s ../bin/busybox "$R/sbin/init"
# No /dev/console node here: the kernel's built-in initramfs (unpacked before ours) has one, and /init
# reopens it from devtmpfs anyway.  So neither root nor mknod is needed to build.

# Module name -> file.  Names in "depends=" use '_' where file names may use '-'.
find "$MODDIR/kernel" -name '*.ko' -o -name '*.ko.xz' -o -name '*.ko.zst' -o -name '*.ko.gz' \
    > "$WORK/allmods"
modfile() {
    awk -v want="$1" '{ n = $0; sub(/.*\//, "", n); sub(/\.ko(\.(xz|zst|gz))?$/, "", n);
                        gsub(/-/, "_", n); if (n == want) { print; exit } }' "$WORK/allmods"
}
# uncompressed module contents on stdout
modcat() {
    case $1 in
        *.ko.xz) xz -dc "$1" ;;
        *.ko.zst) zstd -qdc "$1" ;;
        *.ko.gz) gzip -dc "$1" ;;
        *) cat "$1" ;;
    esac
}
# add_module NAME: copy NAME and (first) its dependencies, in load order, into the initramfs
: > "$WORK/loadorder"
add_module() {
    n=$(printf '%s' "$1" | tr - _)
    grep -qx "$n" "$WORK/loadorder" && return 0
    f=$(modfile "$n")
    [ -n "$f" ] || die "module $n not found in $(basename "$KDEB")"
    modcat "$f" > "$R/lib/modules/$n.ko" || die "cannot decompress $f"
    deps=$(tr '\0' '\n' < "$R/lib/modules/$n.ko" | sed -n 's/^depends=//p' | head -n 1 | tr , ' ')
    for d in $deps; do add_module "$d"; done
    echo "$n" >> "$WORK/loadorder"
}
# button: the ACPI power button (LNXPWRBN) as an input device; evdev: its /dev/input/eventN for acpid
for m in button evdev; do add_module "$m"; done
cp "$WORK/loadorder" "$R/lib/modules/load-order"
echo "build-guest.sh: modules $(tr '\n' ' ' < "$WORK/loadorder")"

# busybox acpid maps the power button (EV_KEY KEY_POWER) to the action "PWRF/00000080" and runs
# <confdir>/PWRF/00000080.
cat > "$R/etc/acpi/PWRF/00000080" <<'EOF'
#!/bin/sh
echo "jvirtd-guest: powering off" > /dev/ttyS0 2>/dev/null || echo "jvirtd-guest: powering off"
sync
poweroff -f
EOF
chmod 755 "$R/etc/acpi/PWRF/00000080"

cat > "$R/init" <<'EOF'
#!/bin/sh
# jvirtd test guest: see build-guest.sh
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
exec </dev/console >/dev/console 2>&1
say() { echo "$*" > /dev/ttyS0 2>/dev/null || echo "$*"; }
for m in $(cat /lib/modules/load-order); do
    insmod "/lib/modules/$m.ko" || say "jvirtd-guest: insmod $m failed"
done
# devtmpfs creates /dev/input/eventN asynchronously: wait (briefly) for the power button's node
i=0
while [ $i -lt 50 ] && ! grep -qs '^N: Name="Power Button"' /proc/bus/input/devices; do
    sleep 0.1; i=$((i + 1))
done
i=0
while [ $i -lt 50 ] && ! ls /dev/input/event* >/dev/null 2>&1; do
    sleep 0.1; i=$((i + 1))
done
acpid -f -c /etc/acpi -l /var/log/acpid.log -p /run/acpid.pid &
apid=$!
# announce "up" only once acpid holds the input devices open, so a power-button press is not lost
i=0
while [ $i -lt 50 ] && ! ls -l /proc/$apid/fd 2>/dev/null | grep -q /dev/input/event; do
    sleep 0.1; i=$((i + 1))
done
[ $i -lt 50 ] || say "jvirtd-guest: acpid is not listening"
say "jvirtd-guest: up"
while :; do sleep 3600; done
EOF
chmod 755 "$R/init"

# ---- vmlinux: the same kernel uncompressed, for QEMU's PVH direct boot -----------------------------
# bzImage spends seconds decompressing itself under TCG; QEMU boots an ELF vmlinux with a PVH note
# (Debian: CONFIG_PVH=y) directly.  The payload is xz with the x86 BCJ filter, which busybox's unxz
# does not handle, so this needs xz-utils; without it (or GNU grep -P) there is just no vmlinux.
cp "$VMLINUZ" "$WORK/vmlinuz"
rm -f "$OUT/vmlinux"
xzoff=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$VMLINUZ" 2>/dev/null | head -n 1 | cut -d: -f1 || true)
if [ -n "$xzoff" ] && command -v xz >/dev/null 2>&1 \
    && tail -c +$((xzoff + 1)) "$VMLINUZ" | xz -dc --single-stream > "$WORK/vmlinux" 2>/dev/null \
    && [ "$(head -c 4 "$WORK/vmlinux" | od -An -c | tr -d ' ')" = '177ELF' ]; then
    :
else
    echo "build-guest.sh: no vmlinux (needs an xz-compressed bzImage, xz and GNU grep -P); vmlinuz only" >&2
    rm -f "$WORK/vmlinux"
fi

# ---- pack ----------------------------------------------------------------------------------------
# fixed timestamps, owners and inode numbers, sorted names: the archive depends only on its inputs
find "$R" -exec touch -h -d @0 {} + 2>/dev/null || true
(cd "$R" && find . | LC_ALL=C sort | "$BUSYBOX" cpio -o -H newc -R 0:0 --ignore-devno --renumber-inodes 2>/dev/null) \
    | gzip -9n > "$WORK/initrd.img"
[ -s "$WORK/initrd.img" ] || die "empty initramfs"
[ ! -f "$WORK/vmlinux" ] || mv -f "$WORK/vmlinux" "$OUT/vmlinux"
mv -f "$WORK/vmlinuz" "$OUT/vmlinuz"
mv -f "$WORK/initrd.img" "$OUT/initrd.img"
echo "$KVER" > "$OUT/kernel-version"
echo "build-guest.sh: built $OUT/vmlinuz ($KVER)$([ ! -f "$OUT/vmlinux" ] || echo ", vmlinux") and $OUT/initrd.img ($(wc -c < "$OUT/initrd.img") bytes)"
