# In-guest stress tests (kselftest style, the guest prints PSCI-TEST lines).
# shellcheck shell=bash

NO_REPORT=('!Oops|BUG:|WARNING:|Call trace:|Unable to handle|Kernel panic|may not have powered off')
ALL4='smp: Brought up 1 node, 4 CPUs'

scenario stress-hotplug-100 ACTION=hotplug CYCLES=100 TIMEOUT=400 -- \
	'PSCI-TEST: hotplug cpu1 ok 100 cycles' 'PSCI-TEST: hotplug cpu2 ok 100 cycles' \
	'PSCI-TEST: hotplug cpu3 ok 100 cycles' 'hotplug done, 0 failed, online CPUs 0-3' \
	'reboot: Power down' "${NO_REPORT[@]}"

scenario stress-last-cpu-refuses CMD=last_cpu_refuses -- \
	'PSCI-TEST: online now 0$|PSCI-TEST: online now [0-9]+.$' 'refused to go offline' \
	'PSCI-TEST: online again 0-3' '!WRONG' 'reboot: Power down' "${NO_REPORT[@]}"

scenario stress-poweroff-busy CMD=spin_all -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Power down' "${NO_REPORT[@]}"

scenario stress-reboot-busy CMD=spin_all ACTION=reboot -- \
	'PSCI-TEST: spinning on all CPUs' 'reboot: Restarting system' "${NO_REPORT[@]}"

scenario stress-hotplug-vs-idle DTS=dts-examples/psci-idle-states.dts ACTION=hotplug CYCLES=20 \
	CMD='idle_check cpu-ret-deep' -- \
	"$ALL4" 'idle check cpu-ret-deep done, 0 failed' \
	'hotplug done, 0 failed, online CPUs 0-3' 'reboot: Power down' "${NO_REPORT[@]}"
