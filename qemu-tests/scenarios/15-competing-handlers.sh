# Board power-off and restart handlers beside PSCI's (qemu-tests/dts/gpio-*.dts
# on QEMU virt's PL061): each action takes the same path with our driver as
# with the stock 6.12 driver built from the same tree, and nothing fails to
# register (beside the stock driver, whose restart handler sits at 129
# itself, a gpio-restart at its default 129 fails to: that is shown, not
# copied). Every conduit call is traced (kprobe events, printed to the
# console), so "reset through PSCI" is seen as the SYSTEM_RESET call itself.
# shellcheck shell=bash

GPIO=qemu-tests/dts/gpio-handlers.dts
HIGH=qemu-tests/dts/gpio-handlers-high-prio.dts
SYSTEM_OFF='hvc: .*fid=0x84000008'
SYSTEM_RESET='hvc: .*fid=0x84000009'
GPIO_OFF_WARN='WARNING: .*gpio_poweroff_do_poweroff'
for variant in ours stock; do
	IMG=$BUILD/images/$([ $variant = ours ] && echo "${OURS_VARIANT:-ours}" || echo stock)-base/Image
	QUIET_HANDLERS=('!Cannot register|Unable to restart system' '!Oops|BUG:|Unable to handle')
	if [ $variant = ours ]; then
		RESTART_REG='!gpio_restart_probe: cannot register'
	else
		RESTART_REG='gpio_restart_probe: cannot register restart handler, -16'
	fi
	# PSCI resets first, cold and warm (QEMU has no SYSTEM_RESET2: both
	# drivers use SYSTEM_RESET); gpio-restart at its default 129 never
	# runs (beside the stock driver it is not even registered).
	scenario handlers-$variant-reboot IMAGE="$IMG" DTS=$GPIO ACTION=reboot \
		APPEND=tp_printk CMD=trace_conduit -- 'PSCI-TEST: tracing conduit calls' \
		"$RESTART_REG" "$SYSTEM_RESET" '!hvc: .*fid=0x(84000008|c4000012)' '!WARNING:' "${QUIET_HANDLERS[@]}"
	scenario handlers-$variant-reboot-warm IMAGE="$IMG" DTS=$GPIO ACTION=reboot \
		APPEND="tp_printk reboot=warm" CMD=trace_conduit -- 'PSCI-TEST: tracing conduit calls' \
		"$SYSTEM_RESET" '!WARNING:' "${QUIET_HANDLERS[@]}"
	# gpio-poweroff at the default sys-off priority runs first (and WARNs:
	# its line goes nowhere on QEMU), then PSCI's SYSTEM_OFF.
	scenario handlers-$variant-poweroff IMAGE="$IMG" DTS=$GPIO ACTION=poweroff \
		APPEND=tp_printk CMD=trace_conduit ALLOW_REPORT='gpio_poweroff|Call trace:' -- \
		'PSCI-TEST: tracing conduit calls' 'reboot: Power down' ">$GPIO_OFF_WARN" \
		">$SYSTEM_OFF" "${QUIET_HANDLERS[@]}"
	# gpio-poweroff at the firmware priority (224) registers and runs
	# first; gpio-restart at 128 runs after PSCI, i.e. never.
	scenario handlers-$variant-high-prio-poweroff IMAGE="$IMG" DTS=$HIGH ACTION=poweroff \
		APPEND=tp_printk CMD=trace_conduit ALLOW_REPORT='gpio_poweroff|Call trace:' -- \
		'PSCI-TEST: tracing conduit calls' 'reboot: Power down' ">$GPIO_OFF_WARN" \
		">$SYSTEM_OFF" "${QUIET_HANDLERS[@]}"
	scenario handlers-$variant-high-prio-reboot IMAGE="$IMG" DTS=$HIGH ACTION=reboot \
		APPEND=tp_printk CMD=trace_conduit -- 'PSCI-TEST: tracing conduit calls' \
		'!cannot register' "$SYSTEM_RESET" '!WARNING:' "${QUIET_HANDLERS[@]}"
	# PSCI 0.1 has no SYSTEM_OFF or SYSTEM_RESET: neither driver registers
	# anything for them, and neither says a word on the way out (the
	# kernel's own line says that the reboot failed).
	scenario handlers-$variant-legacy-reboot IMAGE="$IMG" DTS=qemu-tests/dts/legacy-0.1.dts \
		ACTION=reboot END=halt -- 'Reboot failed -- System halted' \
		'!psci: (PSCI 0\.1 offers no|cannot)' "${QUIET_HANDLERS[@]}"
	# A panic before the first initcall (no timer: time_init() panics)
	# with panic=-1 resets through PSCI: the handler is there from
	# setup_arch().
	scenario handlers-$variant-early-panic IMAGE="$IMG" DTS=qemu-tests/dts/no-timer.dts \
		ACTION=none EXPECT_PANIC=1 APPEND=earlycon=pl011,0x9000000 TIMEOUT=60 -- \
		'Kernel panic - not syncing: Unable to initialise architected timer' \
		'!System halted|Reboot failed'
done
