#!/bin/bash
# Build the guest's busybox initramfs (newc cpio, uncompressed).
#   mkinitramfs.sh [arm64|armhf]    -> build/initramfs/base.cpio (arm64)
#                                      or base-armhf.cpio
#   mkinitramfs.sh extra OUT K=V... -> OUT: a small archive holding
#                                      /etc/test.conf, to append to base
# Building base.cpio also builds build/initramfs/kexec.cpio: Debian's
# kexec and the libraries it loads (scripts/guest-debs.sh), appended by
# boot.sh's KEXEC=1 only, so that other boots do not unpack them.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

GEN=$BUILD/initramfs/gen_init_cpio
mkdir -p "$BUILD/initramfs"
if [ ! -x "$GEN" ]; then
	[ -f "$SRC_STOCK/usr/gen_init_cpio.c" ] || die "kernel source not unpacked"
	cc -O2 -o "$GEN" "$SRC_STOCK/usr/gen_init_cpio.c"
fi

if [ "${1:-}" = extra ]; then
	out=$2
	shift 2
	conf=$(mktemp)
	for kv in "$@"; do
		printf '%s=%q\n' "${kv%%=*}" "${kv#*=}"
	done > "$conf"
	printf 'file /etc/test.conf %s 0644 0 0\n' "$conf" | "$GEN" -t "$CPIO_MTIME" - > "$out"
	rm -f "$conf"
	exit 0
fi

arch=${1:-arm64}
BB=$BUILD/deps/busybox-$arch
[ -x "$BB" ] || die "no $arch busybox (run scripts/install-deps.sh)"
suffix=
[ "$arch" = arm64 ] || suffix=-$arch
out=$BUILD/initramfs/base$suffix.cpio
list=$BUILD/initramfs/base$suffix.list

# reboot-cmd: reboot(2) with a command ("reboot-cmd edl"), which busybox's
# reboot cannot pass; static, on the kernel tree's nolibc.
if [ "$arch" = arm64 ]; then
	mkdir -p "$BUILD/guest-bin"
	rc=$BUILD/guest-bin/reboot-cmd
	if [ ! -x "$rc" ] || [ guest/reboot-cmd.c -nt "$rc" ]; then
		aarch64-linux-gnu-gcc -Wall -Werror -Os -static -nostdlib -fno-stack-protector \
			-include "$SRC_STOCK/tools/include/nolibc/nolibc.h" \
			-o "$rc" guest/reboot-cmd.c -lgcc || die "cannot build guest/reboot-cmd.c"
	fi
	# make bench's guest side, in every guest (make check runs a round).
	pb=$BUILD/guest-bin/psci-bench
	if [ ! -x "$pb" ] || [ bench/psci-bench.c -nt "$pb" ]; then
		aarch64-linux-gnu-gcc -O2 -static -Wall -o "$pb" bench/psci-bench.c ||
			die "cannot build bench/psci-bench.c"
	fi
fi
{
	echo "dir /dev 0755 0 0"
	echo "nod /dev/console 0600 0 0 c 5 1"
	for d in bin sbin etc proc sys tmp root usr usr/bin usr/sbin; do
		echo "dir /$d 0755 0 0"
	done
	echo "file /bin/busybox $BB 0755 0 0"
	# The host cannot run the arm64 binary to ask for its applet list.
	for a in sh ash cat echo ls mount umount mkdir rm sleep grep sed awk \
		 head tail wc tr cut sort uniq seq test [ printf dmesg uname \
		 true false date kill ps top watch xargs find dd hexdump od \
		 expr basename dirname usleep nproc taskset yes time timeout \
		 env which readlink cpio; do
		echo "slink /bin/$a /bin/busybox 0777 0 0"
	done
	for a in init poweroff reboot halt mkswap swapon swapoff; do
		echo "slink /sbin/$a /bin/busybox 0777 0 0"
	done
	echo "slink /init /bin/busybox 0777 0 0"
	echo "file /etc/inittab guest/inittab 0644 0 0"
	echo "file /etc/rc guest/rc 0755 0 0"
	echo "file /etc/run-test guest/run-test 0755 0 0"
	echo "file /etc/psci-lib.sh guest/psci-lib.sh 0644 0 0"
	# The psci kselftest, laid out as in a kernel tree's
	# tools/testing/selftests/ (its KTAP helpers are the tree's own).
	for d in kselftest kselftest/psci kselftest/kselftest; do
		echo "dir /$d 0755 0 0"
	done
	echo "file /kselftest/psci/psci.sh selftests/psci/psci.sh 0755 0 0"
	echo "file /kselftest/psci/psci_lib.sh selftests/psci/psci_lib.sh 0644 0 0"
	echo "file /kselftest/kselftest/ktap_helpers.sh $SRC_STOCK/tools/testing/selftests/kselftest/ktap_helpers.sh 0644 0 0"
	[ "$arch" = arm64 ] && for f in "$BUILD"/guest-bin/*; do
		[ -f "$f" ] && echo "file /usr/bin/${f##*/} $f 0755 0 0"
	done
} > "$list"
# replace TMP OUT: OUT takes TMP's content, and keeps its time stamp when
# that is the same.
replace() {
	if cmp -s "$1" "$2"; then rm -f "$1"; else mv "$1" "$2"; fi
}
"$GEN" -t "$CPIO_MTIME" "$list" > "$out.tmp"
replace "$out.tmp" "$out"
if [ "$arch" = arm64 ]; then
	kx=$BUILD/deps/kexec/list
	[ -f "$kx" ] || die "no kexec-tools for the guest (run scripts/install-deps.sh)"
	"$GEN" -t "$CPIO_MTIME" "$kx" > "$BUILD/initramfs/kexec.cpio.tmp"
	replace "$BUILD/initramfs/kexec.cpio.tmp" "$BUILD/initramfs/kexec.cpio"
fi
