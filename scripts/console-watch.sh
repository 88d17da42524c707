# shellcheck shell=bash
# Watching a console file while QEMU writes it, without a process per look.
# scripts/boot.sh looks five times a second for as long as a boot runs; a
# grep over the whole file each time (and, under Xen, four processes over
# it) cost a few per cent of make check's CPU. Here each look reads only
# what the file gained, with bash's own read. Sourced by scripts/boot.sh.
#
#   watch_open FILE  start reading FILE from its beginning
#   watch_scan       take in the lines FILE gained since the last scan (a
#                    line not yet ended waits for the next one), updating
#     WATCH_HALTED      1 once a line said "System halted"
#     WATCH_PANICS      how many lines said "Kernel panic - not syncing"
#     WATCH_DOMU_LAST   the last line of Xen's dom0less domain (a line
#                       holding XEN_DOMU_PREFIX; \r and NUL taken off)
#     WATCH_DOMU_AT     when it came (microseconds, from $EPOCHREALTIME)
#   watch_nap        0.2 s, without a process (read -t on a FIFO that no
#                    one writes)
#   xen_domu_ended   WATCH_XEN_END: guest-shutdown or guest-reset when the
#                    domain's last line is its SYSTEM_OFF or reset call and
#                    2 s have passed without another line from it (Xen says
#                    nothing when a domain ends; the guest, when the call
#                    returned, says more), else empty

watch_open() {
	exec {WATCH_FD}<"$1"
	WATCH_PARTIAL=
	WATCH_HALTED=0
	WATCH_PANICS=0
	WATCH_DOMU_LAST=
	WATCH_DOMU_AT=
	WATCH_XEN_END=
	if [ -z "${WATCH_NAP_FD:-}" ]; then
		local fifo
		fifo=$(mktemp -u "${TMPDIR:-/tmp}/watch-nap.XXXXXX")
		mkfifo "$fifo"
		exec {WATCH_NAP_FD}<>"$fifo"
		rm -f "$fifo"
	fi
}

watch_scan() {
	local line
	while :; do
		if IFS= read -r -u "$WATCH_FD" line; then
			line=$WATCH_PARTIAL$line
			WATCH_PARTIAL=
		else
			# The end of what is there so far: keep the start of a line.
			WATCH_PARTIAL+=$line
			return 0
		fi
		line=${line//$'\r'/}
		case "$line" in
		*'System halted'*) WATCH_HALTED=1 ;;
		esac
		case "$line" in
		*'Kernel panic - not syncing'*) WATCH_PANICS=$((WATCH_PANICS + 1)) ;;
		esac
		if [ -n "${XEN_DOMU_PREFIX:-}" ] && [[ "$line" == *"$XEN_DOMU_PREFIX"* ]]; then
			WATCH_DOMU_LAST=$line
			WATCH_DOMU_AT=${EPOCHREALTIME//[.,]/}
		fi
	done
}

watch_nap() {
	read -r -t 0.2 -u "$WATCH_NAP_FD" _ || true
}

xen_domu_ended() {
	WATCH_XEN_END=
	[ -n "$WATCH_DOMU_LAST" ] || return 0
	# Quiet for 2 s (in microseconds).
	[ $(( ${EPOCHREALTIME//[.,]/} - WATCH_DOMU_AT )) -ge 2000000 ] || return 0
	if [[ "$WATCH_DOMU_LAST" =~ $XEN_OFF_CALL ]]; then
		WATCH_XEN_END=guest-shutdown
	elif [[ "$WATCH_DOMU_LAST" =~ $XEN_RESET_CALL ]]; then
		WATCH_XEN_END=guest-reset
	fi
}
