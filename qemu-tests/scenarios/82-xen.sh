# Xen as the firmware (FIRMWARE=xen-domu, scripts/xen.sh): the guest is a
# dom0less domain of Debian's Xen 4.17, Xen-unaware, on Xen's virtual PSCI
# (vpsci.c: PSCI 1.1 over HVC, no SYSTEM_RESET2, SYSTEM_SUSPEND or
# SYSTEM_OFF2). Each scenario on our image and the stock one. Xen says
# nothing when the domain powers off or resets: boot.sh reads how it ended
# from the last conduit call (traced in every such boot) and the silence
# after it, then stops QEMU.
# shellcheck shell=bash

# shellcheck disable=SC2034 # read by scenario() in run.sh
SCENARIO_TIMEOUT=150

XEN_PROBE='psci: PSCIv1\.1 over hvc from arm,psci-1\.0; SMCCC v1\.1'
SYSTEM_OFF='hvc: .*fid=0x84000008 '
SYSTEM_RESET='hvc: .*fid=0x84000009 '
SYSTEM_RESET2='hvc: .*fid=0xc4000012 '
# The domain's node also carries PSCI 0.1's cpu_on = <2>, cpu_off = <1>:
# with "arm,psci-0.2" there, both drivers call the standard IDs.
CPU_ON='hvc: .*fid=0xc4000003 '
CPU_OFF='hvc: .*fid=0x84000002 '
LEGACY_CALL='hvc: .*fid=0x[12] '

for v in ours stock; do
	IMG=$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image
	probe=()
	[ $v = ours ] && probe=("$XEN_PROBE")
	scenario "xen-domu-$v-hotplug-2-vcpus" IMAGE="$IMG" FIRMWARE=xen-domu SMP=2 \
		ACTION=hotplug CYCLES=3 -- "${probe[@]}" "$ALL2" \
		'PSCI-TEST: hotplug cpu1 ok 3 cycles' "$HOTPLUG2" "$CPU_OFF" "$CPU_ON" \
		"!$LEGACY_CALL" 'reboot: Power down' ">$SYSTEM_OFF"
	# Every vCPU busy while the secondaries go down and up, then the
	# power-off with them still spinning.
	scenario "xen-domu-$v-busy-hotplug-4-vcpus" IMAGE="$IMG" FIRMWARE=xen-domu SMP=4 TCG_THREAD=multi \
		ACTION=hotplug CYCLES=3 CMD=spin_all -- "${probe[@]}" "$ALL4" \
		'PSCI-TEST: spinning on all CPUs' 'PSCI-TEST: hotplug cpu3 ok 3 cycles' \
		"$HOTPLUG_OK" "!$LEGACY_CALL" 'reboot: Power down' ">$SYSTEM_OFF"
	# (Its command prints the views that view_of compares below.)
	scenario "xen-domu-$v-reboot" IMAGE="$IMG" FIRMWARE=xen-domu SMP=2 ACTION=reboot \
		CMD='dt_psci_view; debugfs_view; smccc_view' -- \
		'reboot: Restarting system' ">$SYSTEM_RESET" "!$SYSTEM_RESET2"
	# reboot=warm: vPSCI's PSCI_FEATURES says no to SYSTEM_RESET2 (asked
	# at probe, before the trace starts), so neither driver tries it:
	# SYSTEM_RESET, nothing about a fallback.
	scenario "xen-domu-$v-reboot-warm" IMAGE="$IMG" FIRMWARE=xen-domu SMP=2 \
		ACTION=reboot APPEND=reboot=warm -- 'reboot: Restarting system' \
		">$SYSTEM_RESET" "!$SYSTEM_RESET2" \
		'!falling back|SYSTEM_RESET2.*(failed|refused)'
done

# What the firmware wrote, what the driver found in it, and what rides on
# the SMCCC hand-off: the same from both images (printed by the reboots
# above), and every psci line of stock's among ours (boots without a
# hotplug, whose "CPU1 killed (polled N ms)" lines are timing).
D2=(xen-domu-ours-reboot xen-domu-stock-reboot)
view_of xen-domu-dt-vs-stock PSCI-DT "${D2[@]}" -- \
	'^PSCI-DT: compatible: arm,psci-1\.0 arm,psci-0\.2 arm,psci$' '^PSCI-DT: method: hvc$' \
	'^PSCI-DT: cpu_on: 0x00000002$' '^PSCI-DT: cpu_off: 0x00000001$'
view_of xen-domu-debugfs-vs-stock PSCI-DEBUGFS "${D2[@]}" -- \
	'^PSCI-DEBUGFS: PSCIv1\.1$' '^PSCI-DEBUGFS: MIGRATE_INFO_TYPE is supported'
view_of xen-domu-smccc-vs-stock SMCCC-VIEW "${D2[@]}" -- \
	'vulnerability spectre_v2' '^SMCCC-VIEW: hwrng: none$'
stock_lines_of xen-domu-stock-lines "${D2[@]}"

# The judge of a domain's end: a reboot that powers the domain off fails.
scenario_fails xen-domu-reboot-that-powers-off \
	'QEMU ended through guest-shutdown, expected END=reset' \
	FIRMWARE=xen-domu SMP=2 ACTION=reboot CMD='poweroff -f' -- "$SYSTEM_OFF"

# Dom0 (FIRMWARE=xen): Xen-aware (CONFIG_XEN), its CPUs through vPSCI, its
# poweroff and reboot through Xen's own handlers (pm_power_off and a
# restart notifier at 192, registered after PSCI's and ahead of it): no
# SYSTEM_OFF or SYSTEM_RESET from dom0 on either image; Xen then ends the
# machine itself (QEMU: guest-shutdown, guest-reset).
for v in ours stock; do
	IMG=$BUILD/images/$([ $v = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image
	probe=()
	[ $v = ours ] && probe=("$XEN_PROBE")
	scenario "xen-dom0-$v-hotplug-4-vcpus" IMAGE="$IMG" FIRMWARE=xen SMP=4 \
		ACTION=hotplug CYCLES=3 APPEND=tp_printk CMD=trace_conduit -- "${probe[@]}" \
		'Xen 4\.17 support found' "$ALL4" 'PSCI-TEST: hotplug cpu3 ok 3 cycles' \
		"$HOTPLUG_OK" "$CPU_OFF" "$CPU_ON" "!$LEGACY_CALL" 'reboot: Power down' \
		"!$SYSTEM_OFF"
	# (Its command prints the SMCCC view that view_of compares below.)
	scenario "xen-dom0-$v-reboot" IMAGE="$IMG" FIRMWARE=xen SMP=2 ACTION=reboot \
		APPEND=tp_printk CMD='smccc_view; trace_conduit' -- 'PSCI-TEST: tracing conduit calls' \
		'reboot: Restarting system' "!$SYSTEM_RESET" "!$SYSTEM_RESET2"
	# A dom0less domain beside dom0 (Xen-unaware, the same kernel) goes
	# through its hotplug cycles and powers itself off through vPSCI;
	# dom0 hears of it and powers off through Xen.
	scenario "xen-dom0-$v-domu-beside" IMAGE="$IMG" FIRMWARE=xen SMP=2 XEN_DOMU=1 \
		XEN_DOMU_ACTION=hotplug CYCLES=3 APPEND=tp_printk \
		CMD='trace_conduit; xen_domu_wait 150' -- \
		'DOM1: PSCI-TEST: hotplug cpu1 ok 3 cycles' \
		'DOM1: (\[ *[0-9.]+\] )?PSCI-TEST: hotplug done, 0 failed, online CPUs 0-1' \
		"DOM1: .*$SYSTEM_OFF" 'PSCI-TEST: the domain beside dom0 ended through guest-shutdown' \
		'reboot: Power down' "!^[^D].*$SYSTEM_OFF"
done
# dom0's SMCCC view, and stock's psci lines among ours, from the reboots.
R2=(xen-dom0-ours-reboot xen-dom0-stock-reboot)
view_of xen-dom0-smccc-vs-stock SMCCC-VIEW "${R2[@]}" -- \
	'vulnerability spectre_v2: Mitigation: Branch predictor hardening' '^SMCCC-VIEW: hwrng: none$'
stock_lines_of xen-dom0-stock-lines "${R2[@]}"
