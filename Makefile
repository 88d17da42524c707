# PSCI client for Linux 6.12: build, boot and test pipeline.
#
#   make run      build if needed, boot QEMU's own virt board, show the probe,
#                 hotplug a CPU, power off, print a summary
#   make check    the test suite; ends with "N passed, M failed"
#   make boot DTS=file.dts [SMP=n] [MACHINE=...] [ACTION=...] [CMD='...']
#             MACHINE=orangepi-pc|mcimx7d-sabre|mcimx6ul-evk|highbank|midway:
#             QEMU's real 32-bit boards on their own DTB [DTB=] [DTB_EDIT=]
#             [FIRMWARE=kvm|tfa|uefi]  (kvm: the guest runs under KVM, nested)
#             [TFA=off2|off2-notype]  (FIRMWARE=tfa: the PSCI 1.3 builds)
#   make build    kernel Image + initramfs under build/
#   make lint DTS=file.dts|file.dtb   psci-lint on a device tree
#   make bench    ours vs the stock driver, side by side (build/bench/)
#   make style    checkpatch --strict, W=1 and sparse on our C files
#   make patches  the driver as a git format-patch series against
#                 linux-source-6.12 (build/patches/, series/series.conf)
#   make mutants  every mutant of scripts/mutants.txt built and run against
#                 the part of the suite that must catch it (not in check)
#   make distro-kernel  Debian's cloud-arm64 kernel with the series
#                 (build/images/distro-cloud-arm64/; not part of check)

SHELL := /bin/bash
export BUILD := $(CURDIR)/build
# Each build step's wall time: build/logs/steps/ (make check prints them).
STEP = bash scripts/timed-step.sh $@

.PHONY: boards32-kernel boards32-stock-kernel rootfs mutants all deps tree tfa patches check-builds series-check distro-kernel kvm-host kernel stock-kernel board-dtbs debug-kernel initramfs build run boot check arm32-kernel bench lint lint-tool style clean distclean

all: build

deps:
	@$(STEP) bash scripts/install-deps.sh

tree: deps
	@$(STEP) bash scripts/prepare-tree.sh

kernel: tree
	@$(STEP) bash scripts/build-kernel.sh ours base

initramfs: tree
	@$(STEP)-arm64 bash scripts/mkinitramfs.sh arm64
	@$(STEP)-armhf bash scripts/mkinitramfs.sh armhf

arm32-kernel: tree
	@$(STEP) bash scripts/build-kernel.sh ours arm32-guest

# QEMU's real 32-bit boards (scripts/boards32.sh): one kernel with their
# platforms and the boards' own device trees; the stock one for make check
# (from a copy of our object tree, as stock-kernel).
boards32-kernel: tree
	@$(STEP) bash scripts/build-kernel.sh ours arm32-boards

boards32-stock-kernel: boards32-kernel
	@$(STEP) bash scripts/build-kernel.sh stock arm32-boards

lint-tool: deps
	@$(STEP) $(MAKE) -s -C tools/psci-lint

lint: lint-tool
	@build/psci-lint/psci-lint $(DTS)

build: kernel initramfs lint-tool

run: build
	@bash scripts/run-demo.sh

# Debian's systemd userspace for ROOTFS=debian boots (from the packages).
rootfs: tree
	@$(STEP) bash scripts/build-debian-rootfs.sh

# The L1 host of FIRMWARE=kvm boots: Debian's arm64 QEMU and its libraries.
kvm-host: tree
	@$(STEP) bash scripts/build-kvm-host.sh

# shq: a make variable's text as typed (never expanded by make: $? stays
# $?), in single quotes for the shell: CMD reaches the guest intact,
# quotes, $, ; and pipes included.
comma := ,
shq = '$(subst ','\'',$(value $(1)))'
# The board list is scripts/boards32.sh's.
BOARDS32 := $(shell . scripts/boards32.sh && echo $$BOARDS32)
BOARDS64 := $(shell . scripts/boards64.sh && echo $$BOARDS64)
boot: build $(if $(filter kvm,$(FIRMWARE)),kvm-host) $(if $(filter tfa,$(FIRMWARE)),tfa) $(if $(filter debian,$(ROOTFS)),rootfs) \
	$(if $(filter $(BOARDS32),$(firstword $(subst $(comma), ,$(MACHINE)))),boards32-kernel) \
	$(if $(filter $(BOARDS64),$(firstword $(subst $(comma), ,$(MACHINE)))),board-dtbs)
	@DTS=$(call shq,DTS) SMP=$(call shq,SMP) MACHINE=$(call shq,MACHINE) \
		ACTION=$(call shq,ACTION) CMD=$(call shq,CMD) FIRMWARE=$(call shq,FIRMWARE) \
		TFA=$(call shq,TFA) KEXEC=$(call shq,KEXEC) KDUMP=$(call shq,KDUMP) APPEND=$(call shq,APPEND) \
		XEN_DOMU=$(call shq,XEN_DOMU) XEN_DOMU_CMD=$(call shq,XEN_DOMU_CMD) \
		XEN_DOMU_ACTION=$(call shq,XEN_DOMU_ACTION) ROOTFS=$(call shq,ROOTFS) \
		REBOOT_ARG=$(call shq,REBOOT_ARG) DTB=$(call shq,DTB) DTB_EDIT=$(call shq,DTB_EDIT) \
		bash scripts/boot.sh

debug-kernel: tree
	@$(STEP) bash scripts/build-kernel.sh ours debug

# The stock 6.12 driver, same tree and config: make check compares with it.
# Built after ours, from a copy of its object tree: kbuild then remakes
# only what our files change (scripts/build-kernel.sh).
stock-kernel: tree kernel
	@$(STEP) bash scripts/build-kernel.sh stock base

# The 6.12 tree's own board device trees (make check compares the drivers
# on them); built before the suite so that no boot waits behind dtc. A
# failure here does not stop the suite: its boards unit tries again and
# reports it as a failed test.
board-dtbs: tree
	-@$(STEP) bash scripts/build-board-dtbs.sh

# The series, written from the project's files (make check applies it with
# git am and builds after each patch: scripts/check-series.sh).
patches: tree
	@$(STEP) python3 scripts/make-patches.py $(BUILD)/src/linux-source-6.12 $(BUILD)/patches

distro-kernel: patches
	@bash scripts/build-distro-kernel.sh

# The series taken as a distribution takes it (git am, a build after each
# patch) and Debian's arm64 configurations compiled with it: built before
# the suite, which reports their results (scenario 85-series.sh; a run with
# the same inputs only replays them). A failure here is a failed test
# there, not a stop.
series-check: patches kernel stock-kernel
	-@$(STEP)-series bash scripts/check-series.sh > /dev/null
	-@$(STEP)-distro bash scripts/check-distro-configs.sh > /dev/null

# Trusted Firmware-A for the FIRMWARE=tfa boots (make boot FIRMWARE=tfa
# too). A failure does not stop the suite: the TF-A scenarios report it.
tfa: tree
	-@mkdir -p $(BUILD)/logs && $(STEP) bash scripts/build-tfa.sh > $(BUILD)/logs/build-tfa.log 2>&1

# make check builds what it needs two steps at a time: each kernel build
# keeps every core busy while it compiles, and a second step fills the
# gaps (links, downloads, unpacking, git). The apt users take turns
# (lib.sh's apt lock). The order matters: the longest chain (our kernel,
# the stock one that reuses its objects, the series, Debian's configs)
# comes first and keeps one of the two places from start to end; the
# other steps take turns in the second.
check:
	@$(MAKE) --no-print-directory -j2 check-builds
	@bash qemu-tests/run.sh

check-builds: build stock-kernel series-check kvm-host tfa board-dtbs debug-kernel arm32-kernel boards32-stock-kernel rootfs

bench: tree
	@bash bench/run.sh

# Mutation testing: is each plausible bug in the driver caught? Long;
# run after the driver's behaviour changes (scripts/mutants.py).
mutants: build tfa kvm-host stock-kernel boards32-stock-kernel rootfs
	@python3 scripts/mutants.py $(M)

style: tree
	@bash scripts/style.sh

clean:
	rm -rf build/obj build/src/*/.obj-* build/images build/initramfs build/logs build/dt build/tmp.*

distclean:
	rm -rf build
