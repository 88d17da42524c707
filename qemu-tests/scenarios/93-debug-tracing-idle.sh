# The debug kernel is also a tracing build (the function tracer and kprobes
# from the guest config, PROVE_RCU with PROVE_LOCKING): with idle states,
# nothing on the idle path after ct_cpuidle_enter() is instrumentable, and
# CPU_SUSPEND with the function tracer running draws no report.
# shellcheck shell=bash

# The vCPUs truly at once (each on a host thread; scripts/boot.sh's default
# runs them in turn): what runs on CPU 0 meets the others' idle entries.
export TCG_THREAD=multi

debug_kernel
scenario tracing-idle-path DTS=dts-examples/psci-idle-states.dts TIMEOUT=240 \
	CMD='idle_path_untraceable; trace_while_idle 3; idle_check cpu-ret-light' -- \
	'PSCI-TEST: untraceable psci_op_cpu_suspend ok' 'PSCI-TEST: untraceable psci_call_hvc ok' \
	'PSCI-TEST: untraceable psci_suspend_finisher ok' 'PSCI-TEST: idle path untraceable, 0 failed' \
	'PSCI-TEST: traced while idle, [1-9][0-9]* idle entries' 'idle check cpu-ret-light done, 0 failed' \
	'reboot: Power down' '!suspicious RCU usage|RCU not watching'
