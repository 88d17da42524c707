# shellcheck shell=bash
# The stock image's boots, replayed (sourced by scripts/boot.sh).
#
# make check boots the stock driver's image beside ours with the same
# settings, as the reference each comparison reads. While the stock image
# and everything else a boot is made of stay the same, that boot's
# console stays the same too: a boot of an image under build/images/stock-*
# that passed is kept in BOOT_CACHE_DIR (build/boot-cache), under a key
# taken from everything the boot is made of, and the next boot with the
# same key replays it (its console, its verdict) instead of running QEMU.
# Our image's boots always run. Only with BOOT_CACHE=1 (qemu-tests/run.sh
# sets it; make bench never does, only make check's smoke round of it)
# and QUIET=1.
#
# The key (boot_cache_key): the judge's own scripts, the host QEMU
# binary, the boot's settings (every variable of its environment that the
# judge's scripts name, whatever boot.sh makes of it), QEMU's final
# command line with each file it names by content (kernel, initramfs with
# /etc/test.conf, device tree, firmware, L1's archive holding L2's files
# and command line). The per-boot archives are
# built with fixed time stamps, so that the same content has the same
# bytes. A boot that failed is never kept: it runs again next time; nor
# is one that writes a disk outside its work directory (a later boot may
# read what it wrote).
# BOOT_CACHE_DEBUG=PREFIX writes what each key is taken from to
# PREFIX.PID (why a boot was not replayed: diff two of them).

BOOT_CACHE_DIR=${BOOT_CACHE_DIR:-$BUILD/boot-cache}
# The judge: boot.sh and what it sources.
BOOT_CACHE_SCRIPTS=(scripts/boot.sh scripts/boot-cache.sh scripts/lib.sh
	scripts/console-watch.sh scripts/kvm-l1.sh scripts/xen.sh
	scripts/boards32.sh scripts/boards64.sh)

# boot_cache_applies: true when this boot may be replayed or kept.
boot_cache_applies() {
	[ "${BOOT_CACHE:-0}" = 1 ] && [ "${QUIET:-0}" = 1 ] && [ -n "${IMAGE:-}" ] && [ -n "${LOG:-}" ] ||
		return 1
	case "$(realpath -m "$IMAGE")" in
	"$(realpath -m "$BUILD")"/images/stock-*) return 0 ;;
	esac
	return 1
}

# boot_cache_wrap ARGS...: at the top of boot.sh. When the cache applies,
# runs boot.sh again as the inner boot (BOOT_CACHE_KEYFILE set), passes
# on its verdict and status, and keeps a passing boot that was not a
# replay under its key; then exits. Otherwise returns.
boot_cache_wrap() {
	[ -z "${BOOT_CACHE_KEYFILE:-}" ] || return 0
	boot_cache_applies || return 0
	local t st=0 key
	t=$(mktemp -d "$BUILD/tmp.bootcache.XXXXXX")
	BOOT_CACHE_KEYFILE=$t/key bash scripts/boot.sh "$@" 2> "$t/err" || st=$?
	cat "$t/err" >&2
	if [ "$st" = 0 ] && [ -s "$t/key" ]; then
		key=$(cat "$t/key")
		boot_cache_store "$BOOT_CACHE_DIR/$key" "$t/err" || true
	fi
	rm -rf "$t"
	exit "$st"
}

# boot_cache_store DIR ERR: keep this boot's console (LOG and the LOG.*
# files the judge wrote beside it: L1's, Xen's) and its verdict ERR.
boot_cache_store() {
	local dir=$1 tmp f
	tmp=$(mktemp -d "$BOOT_CACHE_DIR.tmp.XXXXXX")
	cp "$LOG" "$tmp/log"
	for f in "$LOG".*; do
		case "${f#"$LOG".}" in
		cpu | verdict | replayed | '*') ;;
		*) cp "$f" "$tmp/log.${f#"$LOG".}" ;;
		esac
	done
	cp "$2" "$tmp/err"
	# Two runs that missed the same key at once: the first one kept
	# stays (rename(2) does not replace a directory that has files).
	mv -T "$tmp" "$dir" 2> /dev/null || rm -rf "$tmp"
}

# boot_cache_key QEMU_ARGS...: the key of the boot that QEMU_ARGS (the
# final command line, run on this host) makes, work directory $work.
boot_cache_key() {
	local a p parts f
	{
		echo "boot-cache 1"
		for f in "${BOOT_CACHE_SCRIPTS[@]}"; do
			echo "$f $(md5sum < "$f")"
		done
		# The host's QEMU, as its package installed it.
		for f in qemu-system-aarch64 qemu-system-arm; do
			f=$(command -v "$f") && echo "$f $(stat -L -c '%s %Y' "$f")"
		done
		# Every setting: each variable of the environment that these
		# scripts name (not the suite's own, JOBS say), but where the
		# console goes, the cache's own, the host's, and BUILD (make
		# exports it, a script run by hand takes the same default; the
		# files under it are in the key by content).
		for f in $(cat "${BOOT_CACHE_SCRIPTS[@]}" | grep -oE '\$\{?[A-Z][A-Z0-9_]*' | tr -d '${' | sort -u); do
			case "$f" in
			LOG | QUIET | BOOT_CACHE* | BUILD | PWD | HOME | TMPDIR | XDG_CACHE_HOME | CCACHE_* | SECONDS | EPOCHREALTIME | LINENO) ;;
			*) if printenv "$f" > /dev/null; then printf '%s=%q\n' "$f" "$(printenv "$f")"; fi ;;
			esac
		done
		for a in "$@"; do
			echo "arg ${a//$work/WORK}"
			# The files it names: PATH, or KEY=PATH in a comma list.
			IFS=, read -ra parts <<< "$a"
			for p in "${parts[@]}"; do
				p=${p#*=}
				if [ -f "$p" ]; then echo "file $(boot_cache_file_sum "$p")"; fi
			done
		done
	} | tee "${BOOT_CACHE_DEBUG:-/dev/null}.$$" | md5sum | cut -c1-32
}

# boot_cache_file_sum FILE: FILE's checksum; a device tree's without the
# random seeds QEMU writes into every one it makes (/chosen's kaslr-seed
# and rng-seed: Xen's device tree is QEMU's, dumped at each boot), which
# QEMU draws anew in every boot that takes its own.
boot_cache_file_sum() {
	local t
	case "$1" in
	*.dtb)
		t=$(mktemp)
		cp "$1" "$t"
		fdtput -d "$t" /chosen kaslr-seed 2>/dev/null || true
		fdtput -d "$t" /chosen rng-seed 2>/dev/null || true
		md5sum < "$t"
		rm -f "$t" ;;
	*) md5sum < "$1" ;;
	esac
}

# boot_cache_replay QEMU_ARGS...: in the inner boot, just before QEMU
# starts: replay the boot kept under this boot's key and exit 0, or say
# the key (for boot_cache_wrap to keep the boot under) and return.
boot_cache_replay() {
	[ -n "${BOOT_CACHE_KEYFILE:-}" ] || return 0
	local key dir f a prev=
	# A disk the boot writes (one outside its work directory, not
	# read-only) is what a later boot reads: the suspend-to-disk image for
	# the resume. Such a boot always runs, and is never kept.
	for a in "$@"; do
		if [ "$prev" = -drive ] && [[ "$a" != *readonly=on* ]] && [[ "$a" != *file=$work/* ]]; then
			return 0
		fi
		prev=$a
	done
	key=$(boot_cache_key "$@")
	dir=$BOOT_CACHE_DIR/$key
	if [ -f "$dir/err" ]; then
		cp "$dir/log" "$LOG"
		for f in "$dir"/log.*; do
			[ -f "$f" ] && cp "$f" "$LOG.${f##*/log.}"
		done
		echo "$key" > "$LOG.replayed"
		touch "$dir"
		cat "$dir/err" >&2
		exit 0
	fi
	mkdir -p "$BOOT_CACHE_DIR"
	echo "$key" > "$BOOT_CACHE_KEYFILE"
}
