# The patch series (make patches) as a distribution takes it, and Debian's
# own arm64 configurations compiled with it. The work is a build step of
# make check (target series-check); here the scripts replay its results,
# or do the work when run on their own.
# shellcheck shell=bash

# checkpatch --strict per patch; git am onto a fresh git baseline of the
# unpacked tree, the guest kernel built after every patch.
gates series bash scripts/check-series.sh

# The kernel built after the last patch boots, hotplugs and powers off;
# its KUnit suites are the last patch's.
scenario series-last-patch-boots IMAGE="$BUILD/images/series-base/Image" ACTION=hotplug -- \
	'psci: PSCIv1\.1 over hvc from arm,psci-1\.0' 'smp: Brought up 1 node, 4 CPUs' \
	'PSCI-TEST: hotplug done, 0 failed, online CPUs 0-3' 'reboot: Power down' \
	'!Oops|BUG:|WARNING:|Call trace:|Unable to handle'

# config.arm64_none_arm64 and config.arm64_none_cloud-arm64: the PSCI and
# SMCCC users compile on the series with no warning the stock tree lacks.
gates distro bash scripts/check-distro-configs.sh
