#!/bin/bash
# A Debian 12 arm64 root filesystem with systemd, built from Debian's own
# packages (never installed on the host), as an initramfs archive:
# build/initramfs/debian.cpio (boot.sh ROOTFS=debian).
#
# The packages: systemd, systemd-sysv (/sbin/init), udev and everything
# they depend on (apt-cache's recursive Depends, arm64 only, one awk),
# downloaded into build/deps/debian-rootfs/dl and unpacked with dpkg-deb.
# No maintainer script runs: the few files they would write are written
# here (passwd and group from base-passwd's masters, machine-id, hostname,
# the default target). The test harness rides along: Debian's static
# busybox for the test scripts (under /usr/local/busybox, on no one's
# PATH but theirs), guest/psci-lib.sh, and a oneshot unit that runs the
# boot's command and then its action through systemctl (guest/systemd-run).
# Does nothing when the archive is newer than its inputs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

dir=$BUILD/deps/debian-rootfs
out=$BUILD/initramfs/debian.cpio
BB=$BUILD/deps/busybox-arm64
[ -x "$BB" ] || die "no arm64 busybox (run scripts/install-deps.sh)"
inputs=(scripts/build-debian-rootfs.sh guest/psci-lib.sh guest/systemd-run
	guest/psci-test.service selftests/psci/psci.sh selftests/psci/psci_lib.sh "$BB")
if [ -f "$out" ]; then
	newer=$(find "${inputs[@]}" -newer "$out" | head -n1)
	[ -n "$newer" ] || exit 0
fi

# The package list: what systemd, systemd-sysv and udev need, recursively
# (Depends and Pre-Depends; virtual packages and armhf left out; of the
# three awks the dependency tree offers, mawk, Debian's default).
if [ ! -f "$dir/dl/.done" ]; then
	rm -rf "$dir"
	mkdir -p "$dir/dl"
	dpkg --print-foreign-architectures | grep -qx arm64 || {
		$SUDO dpkg --add-architecture arm64
		apt_update
	}
	apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts \
		--no-breaks --no-replaces --no-enhances \
		systemd:arm64 systemd-sysv:arm64 udev:arm64 base-passwd:arm64 base-files:arm64 |
		grep -v '^[ <]' | grep ':arm64$' | sed 's/:arm64$//' |
		grep -vx 'gawk\|original-awk' | sort -u > "$dir/packages"
	[ "$(wc -l < "$dir/packages")" -ge 40 ] ||
		die "apt-cache gave $(wc -l < "$dir/packages") packages for systemd (apt indexes for arm64?)"
	# shellcheck disable=SC2046 # one package a word
	( cd "$dir/dl" && apt_get download -qq $(sed 's/$/:arm64/' "$dir/packages") ) ||
		die "cannot download the systemd packages (arm64)"
	touch "$dir/dl/.done"
fi
log "a Debian rootfs from $(wc -l < "$dir/packages") packages"

root=$dir/root
rm -rf "$root"
mkdir -p "$root"
for deb in "$dir"/dl/*.deb; do
	dpkg-deb -x "$deb" "$root"
done

# What a guest never reads, half of the archive: documentation, message
# catalogues, iconv's modules, udev's hardware database sources (its
# compiled hwdb.bin is a maintainer script's output: udev runs without).
rm -rf "$root"/usr/share/{doc,man,info,locale,lintian,zsh,bash-completion} \
	"$root/usr/lib/aarch64-linux-gnu/gconv" "$root/lib/udev/hwdb.d"

# What the maintainer scripts would have written.
cp "$root/usr/share/base-passwd/passwd.master" "$root/etc/passwd"
cp "$root/usr/share/base-passwd/group.master" "$root/etc/group"
: > "$root/etc/machine-id"               # systemd makes one at boot
echo psci-guest > "$root/etc/hostname"
: > "$root/etc/fstab"
ln -sf /lib/systemd/system/multi-user.target "$root/etc/systemd/system/default.target"
# awk through the alternatives system, which is not run here.
ln -sf mawk "$root/usr/bin/awk"

# The test harness.
mkdir -p "$root/usr/local/busybox"
cp "$BB" "$root/usr/local/busybox/busybox"
for a in sh cat echo ls mount mkdir rm sleep grep sed awk head tail wc tr cut \
	 sort uniq seq test [ printf dmesg uname true false date kill ps xargs \
	 find od expr basename dirname usleep nproc taskset yes timeout env readlink; do
	ln -sf busybox "$root/usr/local/busybox/$a"
done
cp guest/psci-lib.sh "$root/etc/psci-lib.sh"
# The kselftest, where psci-lib.sh finds its helpers (as mkinitramfs.sh).
mkdir -p "$root/kselftest/psci" "$root/kselftest/kselftest"
cp selftests/psci/psci.sh selftests/psci/psci_lib.sh "$root/kselftest/psci/"
cp "$SRC_STOCK/tools/testing/selftests/kselftest/ktap_helpers.sh" "$root/kselftest/kselftest/"
install -m 0755 guest/systemd-run "$root/etc/psci-systemd-run"
cp guest/psci-test.service "$root/etc/systemd/system/psci-test.service"
mkdir -p "$root/etc/systemd/system/multi-user.target.wants"
ln -sf /etc/systemd/system/psci-test.service \
	"$root/etc/systemd/system/multi-user.target.wants/psci-test.service"
# No login prompt on the console the tests read.
ln -sf /dev/null "$root/etc/systemd/system/serial-getty@.service"
ln -sf /dev/null "$root/etc/systemd/system/getty@.service"
ln -sf /dev/null "$root/etc/systemd/system/getty-static.service"
# Early units with nothing to do in an initramfs guest without modules,
# storage or logins, each a process start that TCG makes slow (a third of
# the boot's CPU): the guest kernel has no modules to load, the root is
# the initramfs (no remount, no persistent journal to flush, no random
# seed file to keep), passwd and group are written above, no one logs in.
# udev, journald and tmpfiles stay, and the debugfs and tracefs mounts
# that the conduit traces read.
for u in modprobe@.service systemd-modules-load.service systemd-sysctl.service \
	 systemd-remount-fs.service systemd-journal-flush.service \
	 systemd-random-seed.service systemd-sysusers.service \
	 systemd-update-utmp.service systemd-update-utmp-runlevel.service \
	 systemd-user-sessions.service; do
	[ -e "$root/lib/systemd/system/$u" ] || die "no $u in systemd's package: the mask list is stale"
	ln -sf /dev/null "$root/etc/systemd/system/$u"
done
# Generators with nothing to generate here, each a process start at
# every boot and at every daemon-reload (half of systemd's time between
# "Initializing machine ID" and its first job under TCG): no fstab, no
# encrypted, integrity or verity volumes, no GPT root disk, no getty
# (masked above), no rc.local, no /system-update, no SysV scripts but
# udev's, which has its own unit. The hibernate-resume, debug and run
# generators stay: they act on the command line.
mkdir -p "$root/etc/systemd/system-generators"
for g in fstab cryptsetup integritysetup veritysetup gpt-auto getty rc-local \
	 system-update sysv; do
	[ -e "$root/lib/systemd/system-generators/systemd-$g-generator" ] ||
		die "no systemd-$g-generator in systemd's package: the mask list is stale"
	ln -sf /dev/null "$root/etc/systemd/system-generators/systemd-$g-generator"
done

mkdir -p "$BUILD/initramfs"
( cd "$root" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0 ) > "$out.tmp"
mv "$out.tmp" "$out"
log "$out: $(du -m "$out" | cut -f1) MB"
