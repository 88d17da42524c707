# In-guest stress tests (kselftest style, the guest prints PSCI-TEST lines).
# shellcheck shell=bash

scenario stress-hotplug-100 ACTION=hotplug CYCLES=100 TIMEOUT=400 -- \
	'PSCI-TEST: hotplug cpu1 ok 100 cycles' 'PSCI-TEST: hotplug cpu2 ok 100 cycles' \
	'PSCI-TEST: hotplug cpu3 ok 100 cycles' 'hotplug done, 0 failed, online CPUs 0-3' \
	'reboot: Power down'

scenario stress-last-cpu-refuses CMD=last_cpu_refuses -- \
	'PSCI-TEST: online now 0$|PSCI-TEST: online now [0-9]+.$' 'refused to go offline' \
	'PSCI-TEST: online again 0-3' '!WRONG' 'reboot: Power down'

scenario stress-poweroff-busy CMD=spin_all -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Power down'

scenario stress-reboot-busy CMD=spin_all ACTION=reboot -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Restarting system'

scenario stress-hotplug-vs-idle DTS=dts-examples/psci-idle-states.dts ACTION=hotplug CYCLES=20 \
	CMD='idle_check cpu-ret-deep' -- \
	"$ALL4" 'idle check cpu-ret-deep done, 0 failed' \
	'hotplug done, 0 failed, online CPUs 0-3' 'reboot: Power down'
