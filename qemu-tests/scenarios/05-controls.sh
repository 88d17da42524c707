# Negative controls: the suite's judges fed the broken case, each expected
# to say "not ok". A check that has never been seen to fail proves
# nothing; these show that boot.sh, the tables, the count and the gates
# can fail (the linter's and the style gate's own controls run in their
# units, 80-psci-lint.sh and run.sh's style unit, after the real gates).
# shellcheck shell=bash

C=qemu-tests/controls

# boot.sh: a reboot passes only when QEMU reports the guest's reset, a
# poweroff only when it reports the guest's power-off, a halt only when
# the test declares the firmware cannot do either (END=halt).
scenario_fails control-reboot-that-halts \
	'the kernel halted: the reset never reached the firmware' \
	DTS=qemu-tests/dts/legacy-0.1.dts ACTION=reboot FORCE=1 -- \
	'PSCI-TEST: reboot' 'Reboot failed -- System halted'
scenario_fails control-reboot-that-powers-off \
	'QEMU ended through guest-shutdown, expected END=reset' \
	ACTION=reboot CMD='poweroff -f' -- 'reboot: Power down'
scenario_fails control-poweroff-that-resets \
	'QEMU ended through guest-reset, expected END=off' \
	ACTION=poweroff CMD='reboot -f' -- 'reboot: Restarting system'
scenario_fails control-halt-declared-but-reset \
	'END=halt, but QEMU ended through guest-reset' \
	END=halt ACTION=reboot FORCE=1 -- 'reboot: Restarting system'
# Under KVM the reason comes from L1, which runs L2's QEMU.
scenario_fails control-kvm-reboot-that-powers-off \
	'QEMU ended through guest-shutdown, expected END=reset' \
	FIRMWARE=kvm TIMEOUT=300 ACTION=reboot CMD='poweroff -f' -- 'reboot: Power down'

# KDUMP=1 lets one panic (and its backtrace) through only because a
# capture kernel is meant to follow: a panic with nothing loaded resets
# the machine, and that boot must fail; a second backtrace is a report.
scenario_fails control-kdump-panic-without-capture \
	'QEMU ended through guest-reset, expected END=off' \
	KEXEC=1 KDUMP=1 FORCE=1 CMD='echo c > /proc/sysrq-trigger' -- \
	'Kernel panic - not syncing: sysrq triggered crash'
scenario_fails control-kdump-second-backtrace 'kernel report: .*Call trace:' \
	KEXEC=1 KDUMP=1 FORCE=1 APPEND=crashkernel=256M \
	CMD='echo l > /proc/sysrq-trigger; kdump_crash' -- \
	'\] KDUMP: capture kernel: online CPUs 0-3'

# control_expect OUT NAME REGEX...: "ok - NAME" when every REGEX matches a
# line of OUT, else "not ok - NAME" with OUT.
control_expect() {
	local out=$1 name=$2 re
	shift 2
	for re in "$@"; do
		if ! grep -qE -- "$re" <<< "$out"; then
			echo "not ok - $name"
			echo "  # no line /$re/ in:"
			sed 's/^/  #   /' <<< "$out" | head -n 12
			return
		fi
	done
	echo "ok - $name"
}

# The tables: a misspelt key, an unknown $NAME and an unreadable line each
# fail their stanza by name (listed dry: nothing boots); the good stanza
# is still listed.
table_controls() {
	local out
	out=$(FILTER='' SCENARIO_DRY=1 scenario_table $C/broken-table.cfg 2>&1)
	control_expect "$out" "a misspelt key fails its stanza" \
		'^not ok [0-9]+ - control-misspelt-key$' 'unknown key "expcet"'
	control_expect "$out" "an unknown \$NAME fails its stanza" \
		'^not ok [0-9]+ - control-unknown-name$' 'unknown name \$NO_SUCH_NAME'
	control_expect "$out" "an unreadable line fails its stanza" \
		'^not ok [0-9]+ - control-unreadable-line$' 'line 14 cannot be read'
	control_expect "$out" "an unreadable line outside a stanza is a numbered failure" \
		"^not ok [0-9]+ - $C/broken-table.cfg:4\$"
	control_expect "$out" "the good stanza is still there" \
		'^scenario .*«control-good» «SMP=2» «--» «fine»'
}
gates control-tables table_controls

# The count: a unit that dies halfway, one bash cannot parse, a gate that
# exits with an error it did not report, and one that reports nothing.
count_controls() {
	local out
	out=$(FILTER='' run_unit_counted $C/dies-midway.sh 2>&1)
	control_expect "$out" "a unit that dies halfway adds a failure" \
		'^ok [0-9]+ - control-before' \
		"^not ok [0-9]+ - $C/dies-midway.sh: ran to its end" \
		'the unit died after 1 of 1 results'
	out=$(FILTER='' run_unit_counted $C/syntax-error.sh 2>&1)
	control_expect "$out" "a unit with a syntax error is a failure" \
		"^not ok [0-9]+ - $C/syntax-error.sh: syntax"
	out=$(FILTER='' run_unit_counted $C/gate-exits.sh 2>&1)
	control_expect "$out" "a gate that exits non-zero unreported is a failure" \
		'^not ok [0-9]+ - control-gate-exits: the gate itself' 'exit status 3 after 1 results'
	control_expect "$out" "a gate that reports nothing is a failure" \
		'^not ok [0-9]+ - control-gate-silent: the gate itself' 'exit status 0 after 0 results'
}
gates control-count count_controls

# make boot CMD='...' hands the guest the shell text as typed: quotes,
# two spaces, $ and $?, ; and a pipe (make used to expand $? itself and
# break the quoting).
make_boot_cmd() {
	local log=$LOGDIR/make-boot-cmd.log out
	# shellcheck disable=SC2016 # the guest's shell expands these
	out=$(LOG=$log QUIET=1 make -s --no-print-directory boot \
		CMD='echo "PSCI-TEST: a  b"; x=$((1 + 1)); echo "PSCI-TEST: dollar $x" | cat; false; echo "PSCI-TEST: status $?"' 2>&1)
	control_expect "$(cat "$log" 2>/dev/null; echo "$out")" "make boot passes CMD intact" \
		'^PSCI-TEST: a  b' 'PSCI-TEST: dollar 2' 'PSCI-TEST: status 1' \
		'boot: ok, QEMU exited with status 0 after poweroff'
}
gates make-boot-cmd make_boot_cmd

# view_vs_stock's judge: a line only one image printed fails and says
# where the other's console has its text (garbled, or not at all); a
# pattern our view lacks fails; equal views pass.
view_controls() {
	local d out
	d=$(mktemp -d "$BUILD/tmp.control.XXXXXX")
	printf 'KEXEC: one\nKEXEC: done\n' > "$d/v-ours.view"
	printf 'KEXEC: one\n' > "$d/v-stock.view"
	printf 'KEXEC: one\r\nnoise KEXEC: done\r\n' > "$d/v-stock.log"
	out=$(view_verdict "$d/v" '^KEXEC: done$')
	control_expect "$out" "views: a line stock's view lacks is a failure, its console quoted" \
		'^views differ: > KEXEC: done \(stock view 1 lines; stock console: 2:noise KEXEC: done\)$'
	out=$(view_verdict "$d/v" '^KEXEC: two$')
	control_expect "$out" "views: a pattern our view lacks is a failure" \
		'^no line /\^KEXEC: two\$/ in our view'
	out=$(view_verdict "$d/v" '!^KEXEC: one$')
	control_expect "$out" "views: a line our view must not have is a failure" \
		'^a line /\^KEXEC: one\$/ in our view'
	printf 'BOARD: x\nsmc: y\n' > "$d/b.log"
	out=$(view_lines '(BOARD|smc)' "$d/b.log" | tr '\n' '|')
	control_expect "$out" "views: a tag that is a regex takes each of its lines" '^BOARD: x\|smc: y\|$'
	printf '[    1.234567] KEXEC: a\r\nKEXEC: b\r\n x KEXEC: c\n[ 2.5] PSCI-TEST: d\n' > "$d/k.log"
	out=$(view_lines KEXEC "$d/k.log" | tr '\n' '|')
	control_expect "$out" "views: tty and kernel-log lines are taken, others are not" \
		'^KEXEC: a\|KEXEC: b\|$'
	cp "$d/v-ours.view" "$d/v-stock.view"
	out=$(view_verdict "$d/v" '^KEXEC: done$' '!^KEXEC: two$')
	rm -rf "$d"
	if [ -z "$out" ]; then
		echo "ok - views: equal views with the pattern pass"
	else
		echo "not ok - views: equal views with the pattern pass"
		echo "  # verdict: $out"
	fi
}
gates control-views view_controls

# view_of and stock_lines_of judge boots the unit made already: one that did
# not run in this unit (filtered out, misspelt) or that boot.sh failed is a
# failure, never an empty view compared with another.
shared_log_controls() {
	local d out LOGDIR BOOTED
	d=$(mktemp -d "$BUILD/tmp.control.XXXXXX")
	LOGDIR=$d BOOTED=" a "
	echo 'boot: ok, QEMU exited with status 0 after poweroff' > "$d/a.log.verdict"
	echo 'boot: FAIL (timeout: no end of boot after 150s)' > "$d/b.log.verdict"
	out=$(shared_log a)
	control_expect "${out:-nothing}" "shared boots: one booted here that passed is read" '^nothing$'
	out=$(shared_log b)
	control_expect "$out" "shared boots: one not booted in this unit is a failure" \
		'^the boot it reads, b, did not run in this unit'
	BOOTED=" a b "
	out=$(shared_log b)
	control_expect "$out" "shared boots: one that failed is a failure" \
		'^the boot it reads, b, failed: boot: FAIL \(timeout'
	: > "$d/s-stock.psci"
	echo 'psci: a' > "$d/s-ours.psci"
	out=$(stock_lines_verdict "$d/s")
	control_expect "$out" "stock lines: no stock line at all is a failure" '^the stock driver printed no psci line'
	rm -rf "$d"
}
gates control-shared-boots shared_log_controls

# FIRMWARE=xen-domu's judge of the domain's end (scripts/xen.sh): the
# last call with silence after it is the end; a call the guest got back
# from (more lines after it) is not; no such call, nothing.
xen_end_controls() {
	local d out call='(XEN) DOM1: [    3.1] hvc: (__arm_smccc_hvc+0x0/0x30) fid=0x84000008 arg=0x0 arg2=0x0'
	# shellcheck source=../../scripts/xen.sh
	. scripts/xen.sh
	d=$(mktemp -d "$BUILD/tmp.control.XXXXXX")
	printf '%s\r\r\n\0\0\0' "$call" > "$d/off"
	printf '%s\r\r\n' "${call/0x84000008/0x84000009}" > "$d/reset"
	printf '%s\r\r\n(XEN) DOM1: Reboot failed -- System halted\r\r\n' "$call" > "$d/returned"
	printf '(XEN) DOM1: PSCI-TEST: userspace up\r\r\n' > "$d/running"
	out=$(for f in off reset returned running; do echo "$f: $(xen_domu_end "$d/$f")"; done
		echo "off, not quiet yet: $(xen_domu_end "$d/off" 1)")
	rm -rf "$d"
	control_expect "$out" "xen: SYSTEM_OFF as the last line is a power-off" '^off: guest-shutdown$'
	control_expect "$out" "xen: the last call is no end before 2 s of quiet" '^off, not quiet yet: $'
	control_expect "$out" "xen: SYSTEM_RESET as the last line is a reset" '^reset: guest-reset$'
	control_expect "$out" "xen: a call followed by more lines is no end" '^returned: $'
	control_expect "$out" "xen: no such call is no end" '^running: $'
}
gates control-xen-end xen_end_controls

# The board corpus (qemu-tests/boards/): the same failure on both kernels
# and a difference in the calls are failures (board_verdict, the judge of
# boards/run.sh), and a DTB that cannot be read is counted as unreadable,
# never left out (psci-nodes.py; boards/run.sh pins that count at 0).
board_controls() {
	local out ok='path=std calls=hvc:0x84000002 affinity=yes cpus=0-1 debugfs=6/x end=off boot=ok'
	local fail=${ok/boot=ok/boot=fail} twice=${ok/calls=hvc:0x84000002/calls=hvc:0x84000002x2} d
	# shellcheck source=../boards/verdict.sh
	. qemu-tests/boards/verdict.sh
	out=$(board_verdict control-node s "$fail" "$fail" /dev/null)
	control_expect "$out" "boards: a node neither kernel boots is a failure" \
		'^not ok - control-node: neither kernel reached userspace$'
	out=$(board_verdict control-node s "$ok" "$twice" /dev/null)
	control_expect "$out" "boards: a node whose call counts differ is a failure" \
		'^not ok - control-node: the drivers differ$'
	out=$(board_verdict control-node s "$ok" "$ok" /dev/null)
	control_expect "$out" "boards: a node both kernels boot alike passes" '^ok - control-node$'
	d=$(mktemp -d "$BUILD/tmp.control.XXXXXX")
	printf 'not a device tree' > "$d/garbage.dtb"
	/usr/bin/python3 qemu-tests/boards/psci-nodes.py "$d/out" "$d/garbage.dtb" > /dev/null 2>&1
	out=$(cut -f1 "$d/out/unreadable.tsv" 2>&1)
	rm -rf "$d"
	control_expect "$out" "boards: an unreadable DTB is counted, not skipped" 'garbage\.dtb$'
}
gates control-boards board_controls

# KUnit's idle boots (21-kunit-idle-*.sh) pass only when CPUs 1-3 entered
# their idle states; with cpuidle off the same count is 0, which their
# pattern rejects.
scenario control-idle-entries-without-cpuidle SMP=4 DTS=dts-examples/psci-idle-states.dts \
	APPEND=cpuidle.off=1 CMD=idle_entries -- 'PSCI-TEST: idle entries on CPUs 1-3: 0[^0-9]*$' \
	'!PSCI-TEST: idle entries on CPUs 1-3: [1-9]'

# The kselftest's driver-against-firmware comparison: fed a copy of
# /sys/firmware/psci with a function added and one taken away, it fails
# both, naming the firmware's PSCI_FEATURES answer.
scenario control-kselftest-false-claims SMP=1 CMD=kselftest_fake_claims -- \
	'KSFT: not ok [0-9]+ SYSTEM_SUSPEND: the driver says offered, PSCI_FEATURES says no' \
	'KSFT: not ok [0-9]+ MIGRATE_INFO_TYPE: the driver says absent, PSCI_FEATURES says yes' \
	'KSFT: exit 1'

# The stock-lines comparison (16-stock-lines.sh): a stock line missing from
# ours, or ours in another order, is reported; ours adding lines is not.
lines_controls() {
	local d out
	d=$(mktemp -d "$BUILD/tmp.control.XXXXXX")
	printf 'psci: a\npsci: b\npsci: c\n' > "$d/stock"
	printf 'psci: a\npsci: ours\npsci: b\npsci: c\n' > "$d/ours"
	out="missing: [$(lines_missing "$d/stock" "$d/ours")]"
	control_expect "$out" "stock lines: ours adding a line keeps them all" '^missing: \[\]$'
	printf 'psci: a\npsci: c\n' > "$d/ours"
	out=$(lines_missing "$d/stock" "$d/ours")
	control_expect "$out" "stock lines: one missing is reported" '^psci: b$'
	printf 'psci: c\npsci: b\npsci: a\n' > "$d/ours"
	out=$(lines_missing "$d/stock" "$d/ours" | paste -sd'|')
	control_expect "$out" "stock lines: another order is reported" '^psci: b\|psci: c$'
	rm -rf "$d"
}
gates control-stock-lines lines_controls

# A hotplug boot whose summary line never comes fails, and says so (the
# judge once stopped there without a word: set -e and an empty grep).
scenario_fails control-hotplug-no-summary 'hotplug failed: no hotplug summary line' \
	SMP=2 ACTION=hotplug CMD='hotplug_all() { :; }' -- 'PSCI-TEST: poweroff'

# The stock boots' cache (scripts/boot-cache.sh): a stock boot that
# passed is kept, and the same boot again is replayed (the same console
# and verdict, no QEMU); with one thing changed (the guest's command, one
# byte of the image, a judge's setting) it boots again; a failed boot, a
# boot of our image and a boot that writes a disk are never kept.
boot_cache_controls() {
	local d img st
	d=$(mktemp -d "$BUILD/tmp.cachectl.XXXXXX")
	# A stock image of its own (the cache takes images/stock-* only).
	img=$BUILD/images/stock-cachectl-$$/Image
	mkdir -p "$(dirname "$img")"
	cp "$BUILD/images/stock-base/Image" "$img"
	# cache_boot NAME [VAR=VALUE ...]: a boot through the cache in $d;
	# prints "ok", "FAIL" and "replayed" or "booted".
	cache_boot() {
		local name=$1
		shift
		if env BOOT_CACHE=1 BOOT_CACHE_DIR="$d/cache" QUIET=1 LOG="$d/$name.log" \
			IMAGE="$img" FORCE=1 ACTION=poweroff CMD='echo cache-a' "$@" \
			bash scripts/boot.sh 2> "$d/$name.verdict"; then
			st=ok
		else
			st=FAIL
		fi
		echo "$st $([ -f "$d/$name.log.replayed" ] && echo replayed || echo booted)"
	}
	kept() { find "$d/cache" -mindepth 1 -maxdepth 1 -type d 2>/dev/null | wc -l; }
	control_expect "$(cache_boot a; echo "kept $(kept)")" \
		"a stock boot that passed runs and is kept" '^ok booted$' '^kept 1$'
	control_expect "$(cache_boot a2
		cmp -s "$d/a.log" "$d/a2.log" && echo same-console
		cmp -s "$d/a.verdict" "$d/a2.verdict" && echo same-verdict)" \
		"the same boot again is replayed" '^ok replayed$' '^same-console$' '^same-verdict$'
	control_expect "$(JOBS=99 cache_boot a3)" \
		"the suite's own settings (JOBS) are not the boot's" '^ok replayed$'
	control_expect "$(cache_boot cmd CMD='echo cache-b')" \
		"another guest command boots" '^ok booted$'
	control_expect "$(cache_boot judge END=any)" \
		"another judge's setting boots" '^ok booted$'
	printf '\0' >> "$img"
	control_expect "$(cache_boot image)" \
		"one byte more in the image boots" '^ok booted$'
	control_expect "$(echo "$(cache_boot failed END=reset), $(cache_boot failed2 END=reset)")" \
		"a failed boot is not kept" "^FAIL booted, FAIL booted$"
	control_expect "$(cache_boot ours IMAGE="$BUILD/images/ours-base/Image"; echo "kept $(kept)")" \
		"our image's boot is not kept" '^ok booted$' '^kept 4$'
	# (a disk the boot writes: what it wrote may be read by the next boot)
	: > "$d/disk"
	control_expect "$(cache_boot disk QEMU_EXTRA="-drive if=none,file=$d/disk,format=raw,id=d -device virtio-blk-device,drive=d"
		echo "kept $(kept)")" \
		"a boot that writes a disk is not kept" '^ok booted$' '^kept 4$'
	rm -rf "$d" "$(dirname "$img")"
}
gates control-boot-cache boot_cache_controls
