# Shared settings and helpers for the pipeline scripts (sourced).
# shellcheck shell=bash
BUILD=${BUILD:-$PWD/build}
SRC_STOCK=$BUILD/src/linux-source-6.12
SRC_OURS=$BUILD/src/linux-ours
SRC_SERIES=$BUILD/src/linux-series
# The compiler cache does not depend on the checkout: it lives where ccache
# keeps it by default, outside the clone, so that a fresh clone on a machine
# that built before compiles only what changed. CCACHE_DIR overrides.
export CCACHE_DIR=${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
export CCACHE_BASEDIR=$BUILD/src
export CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=psci KBUILD_BUILD_HOST=build
# The guest's archives carry this time stamp (gen_init_cpio -t), the
# kernels' date: the same content makes the same bytes, which the stock
# boots' cache keys on (scripts/boot-cache.sh).
CPIO_MTIME=$(date -d "$KBUILD_BUILD_TIMESTAMP" +%s)

log() { echo "[$(basename "$0" .sh)] $*" >&2; }
die() { echo "[$(basename "$0" .sh)] error: $*" >&2; exit 1; }

# Every apt step of the project goes through these. A mirror caught
# mid-sync fails an index now and then: apt_update retries, then goes on
# with the indexes it has (the packages usually are there); apt_get
# retries an install, download or source fetch, refreshing the indexes
# between tries, and fails only when every try did.
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
# Build steps run side by side (make check): one apt command at a time,
# through a lock under build/.
apt_locked() {
	mkdir -p "$BUILD"
	flock "$BUILD/.apt.lock" $SUDO apt-get "$@"
}
apt_update() {
	local try
	for try in 1 2 3; do
		apt_locked update -qq && return 0
		log "apt-get update failed (try $try of 3)"
		sleep $((try * 5))
	done
	log "apt-get update kept failing; going on with the indexes there are"
	return 0
}
apt_get() {
	local try
	for try in 1 2 3; do
		apt_locked "$@" && return 0
		log "apt-get $1 failed (try $try of 3)"
		[ "$try" = 3 ] || { sleep $((try * 5)); apt_update; }
	done
	return 1
}

# Where TF-A (scripts/build-tfa.sh) jumps to BL33 on QEMU's virt board:
# the image QEMU's loader preloads there (scripts/boot.sh) runs first.
TFA_BL33_BASE=0x40400000

# Console lines that are kernel reports, on any boot (scripts/boot.sh fails
# a boot that prints one; the scenarios need not list them): oops, BUG,
# WARN, a stack dump, and the arm64 kill wait giving up on a CPU.
KERNEL_REPORT='Oops|BUG:|WARNING:|Unable to handle kernel|Internal error:|Call trace:|may not have shut down cleanly'
# The one rule that tells the nested setup's own noise apart from reports
# about our code: lines of a FIRMWARE=kvm boot's L1 host (our kernel at
# EL2 on TCG, running KVM) that come from emulating a hypervisor on a busy
# 2-core host, not from PSCI. Anything else L1 reports fails the boot.
NESTED_SETUP_NOISE='hrtimer: interrupt took [0-9]+ ns'

# qmp_reason QMPLOG: the reason of the last SHUTDOWN event in a QMP
# session's output (guest-shutdown, guest-reset, host-signal, ...), or
# nothing.
qmp_reason() {
	sed -n 's/.*"event": *"SHUTDOWN".*"reason": *"\([a-z-]*\)".*/\1/p' "$1" 2>/dev/null |
		tail -n1
}

# qemu_ram SIZE: QEMU's options for SIZE of guest RAM (-m's syntax, a
# bare number in MiB) in the array QEMU_RAM, on a memfd: shared memory in
# 4 KiB pages. QEMU asks for transparent huge pages on anonymous guest
# RAM, and the host clears the whole 2 MiB at the guest's first touch of
# any byte of it; a booting guest touches its RAM sparsely, and that
# clearing was a tenth of a boot's CPU (README: where the time goes).
qemu_ram() {
	local size=$1
	case $size in *[0-9]) size=${size}M ;; esac
	QEMU_RAM=(-m "$1" -object "memory-backend-memfd,id=ram,size=$size"
		  -machine memory-backend=ram)
}

# fresh_tree DEST PATCH...: DEST becomes a hard-linked copy of the unpacked
# stock tree (without its object trees), in which the files the PATCHes
# change are copies, not links: nothing written to DEST reaches the stock
# tree.
fresh_tree() {
	local dest=$1 e f
	shift
	rm -rf "$dest"
	mkdir -p "$dest"
	for e in "$SRC_STOCK"/* "$SRC_STOCK"/.[!.]*; do
		case "${e##*/}" in .obj-*|.unpacked) continue ;; esac
		cp -al "$e" "$dest/"
	done
	sed -n 's|^+++ b/||p' "$@" | sort -u | while read -r f; do
		[ -f "$dest/$f" ] || continue
		cp "$dest/$f" "$dest/$f.unlinked" && mv "$dest/$f.unlinked" "$dest/$f"
	done
}

# debian_config TREE FLAVOUR OUT: Debian's config.arm64_none_FLAVOUR (from
# linux-config-6.12, fetched by scripts/check-distro-configs.sh into
# build/distro/) as OUT, with what a build outside Debian's packaging
# changes: no Debian certificates (SYSTEM_TRUSTED_KEYS and
# SYSTEM_REVOCATION_KEYS name files of the package; a module signing key
# is generated instead) and no debug information (DEBUG_INFO_NONE: it
# feeds the -dbg package and BTF, which needs pahole; it changes nothing
# in the PSCI and SMCCC code, and costs about a third of the compile). TREE's
# scripts/config edits it; olddefconfig is the caller's.
debian_config() {
	mkdir -p "$(dirname "$3")"
	xzcat "$BUILD/distro/config.arm64_none_$2.xz" > "$3"
	"$1/scripts/config" --file "$3" \
		--set-str SYSTEM_TRUSTED_KEYS "" --set-str SYSTEM_REVOCATION_KEYS "" \
		--disable DEBUG_INFO_DWARF_TOOLCHAIN_DEFAULT --disable DEBUG_INFO_BTF \
		--enable DEBUG_INFO_NONE
}

# kmake_for ARCH CROSS SRC OBJ ARGS...: kbuild of a kernel for ARCH (CROSS:
# the toolchain prefix) in source tree SRC with its object tree OBJ,
# compiling through ccache on every core. kmake_arm64 SRC OBJ ARGS...: the
# same for arm64.
kmake_for() {
	local arch=$1 cross=$2 src=$3 obj=$4
	shift 4
	# Its own jobs, not a share of make check's two (MAKEFLAGS).
	MAKEFLAGS= make -s -C "$src" O="$obj" ARCH="$arch" CROSS_COMPILE="$cross" \
		CC="ccache ${cross}gcc" -j"$(nproc)" "$@"
}
kmake_arm64() { kmake_for arm64 aarch64-linux-gnu- "$@"; }
