# The stock driver's boot log, kept: test farms, bug reports and users grep
# "psci: PSCIv1.1 detected in firmware.", "Using standard PSCI v0.2
# function IDs", "SMC Calling Convention v1.2", "MIGRATE_INFO_TYPE not
# supported." and the rest. Each firmware kind boots on the stock image and
# on ours; every psci line of stock's must be among ours, the same text in
# the same order (ours may add its own). The comparison's own control is in
# 05-controls.sh.
# shellcheck shell=bash

# QEMU's PSCI 1.1 over HVC from its own DT (MIGRATE_INFO_TYPE: no Trusted
# OS migration needed), a 0.2-only node, a PSCI 0.1 node.
stock_lines_kept stock-lines-qemu-dt-hvc SMP=2
stock_lines_kept stock-lines-psci-0.2 SMP=2 DTS=dts-examples/psci-0.2-only.dts
stock_lines_kept stock-lines-legacy-0.1 SMP=2 END=halt DTS=qemu-tests/dts/legacy-0.1.dts
# TF-A over SMC (SMCCC 1.2, MIGRATE_INFO_TYPE not supported).
if [ ! -f "$BUILD/tfa/flash.bin" ]; then
	SCENARIO_BROKEN="TF-A was not built (see $BUILD/logs/build-tfa.log)"
fi
stock_lines_kept stock-lines-tfa SMP=2 FIRMWARE=tfa MACHINE=virt,secure=on TIMEOUT=240
unset SCENARIO_BROKEN
# ACPI under EDK2: the FADT's conduit.
stock_lines_kept stock-lines-acpi SMP=2 FIRMWARE=uefi

# What the stock driver accepts in a psci node, ours accepts the same way
# (psci-lint is where the board's author hears of it): a method list, a
# legacy ID shared by two operations, a 0.1 node without cpu_off. Both
# images must bring up the same CPUs and treat an offline alike.
PARSE_CMD='echo "PARSE: online $(cat /sys/devices/system/cpu/online)"
if [ ! -e /sys/devices/system/cpu/cpu1/online ]; then echo "PARSE: cpu1 not hotpluggable"
elif echo 0 > /sys/devices/system/cpu/cpu1/online; then echo "PARSE: cpu1 went offline"; echo 1 > /sys/devices/system/cpu/cpu1/online
else echo "PARSE: cpu1 offline refused"; fi'
view_vs_stock parse-vs-stock-method-list PARSE SMP=4 DTS=qemu-tests/dts/bad/method-two-strings.dts \
	CMD="$PARSE_CMD" -- 'PARSE: online 0-3' 'PARSE: cpu1 went offline'
# (An offline there would call CPU_ON's ID for CPU_OFF: not tried.)
view_vs_stock parse-vs-stock-legacy-shared-id PARSE SMP=4 END=halt \
	DTS=qemu-tests/dts/bad/legacy-id-duplicate.dts \
	CMD='echo "PARSE: online $(cat /sys/devices/system/cpu/online)"' -- 'PARSE: online 0-3'
view_vs_stock parse-vs-stock-legacy-no-cpu-off PARSE SMP=4 END=halt \
	DTS=qemu-tests/dts/bad/legacy-only-cpu-on.dts CMD="$PARSE_CMD" -- 'PARSE: online 0-3' \
	'PARSE: cpu1 offline refused'
