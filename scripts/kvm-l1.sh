# FIRMWARE=kvm: the guest under test (L2) runs under KVM inside an L1 host,
# our guest kernel at EL2 on QEMU's virt board with virtualization=on,
# running Debian's arm64 QEMU (scripts/build-kvm-host.sh) on /dev/kvm.
# Sourced by scripts/boot.sh.
# shellcheck shell=bash

KVM_L1_IMAGE=${KVM_L1_IMAGE:-$BUILD/images/ours-base/Image}
KVM_L1_SMP=${KVM_L1_SMP:-2}
# pauth-impdef: TCG's QARMA pointer authentication is slow; L2 (-cpu host)
# inherits the same features.
# shellcheck disable=SC2054 # commas inside -M and -cpu values
KVM_L1_QEMU=(qemu-system-aarch64 -M virt,virtualization=on,gic-version=3
	     -cpu max,pauth-impdef=on -smp "$KVM_L1_SMP"
	     -display none -monitor none -serial stdio -nic none -no-reboot)
qemu_ram 2048
KVM_L1_QEMU+=("${QEMU_RAM[@]}")
# scripts/boot.sh's TCG_THREAD and TCG_TB_MB (kexec'd guests: a small
# translation cache).
KVM_L1_QEMU+=(-accel "tcg,thread=${TCG_THREAD:-single}${TCG_TB_MB:+,tb-size=$TCG_TB_MB}")
# L1's kernel lines that reach the host's judge (kvm_l1_verdict).
KVM_L1_REPORT="$KERNEL_REPORT|$NESTED_SETUP_NOISE|rcu: INFO:|soft lockup|hung_task"

# kvm_l1_initrd OUT MODE FILES -- L2_QEMU_ARGS...: L1's initramfs: the
# base archive, the L1 host's QEMU (build/kvm/host.cpio), guest/kvm-l1 as init's
# only job, /etc/kvm.conf, L2's command line, and FILES ("name=hostpath",
# laid out as /l2/name).
kvm_l1_initrd() {
	local out=$1 mode=$2 list
	shift 2
	list=$(mktemp)
	{
		echo "dir /l2 0755 0 0"
		while [ "$1" != -- ]; do
			echo "file /l2/${1%%=*} ${1#*=} 0644 0 0"
			shift
		done
		shift
		printf '%q ' "$@" > "$out.cmd"
		echo "file /l2/cmd $out.cmd 0644 0 0"
		printf 'KVM_MODE=%s\nKVM_REPORT=%q\nKVM_RELAY=%q\n' "$mode" \
			"$KVM_L1_REPORT" "${KVM_RELAY:-}" > "$out.conf"
		echo "file /etc/kvm.conf $out.conf 0644 0 0"
		echo '::sysinit:/bin/sh /etc/kvm-l1' > "$out.inittab"
		echo "file /etc/inittab $out.inittab 0644 0 0"
		echo "file /etc/kvm-l1 guest/kvm-l1 0755 0 0"
	} > "$list"
	"$BUILD/initramfs/gen_init_cpio" -t "$CPIO_MTIME" "$list" > "$out.extra"
	# L1 runs busybox, whatever L2 runs (ROOTFS=debian).
	cat "$BUILD/initramfs/base.cpio" "$BUILD/kvm/host.cpio" "$out.extra" > "$out"
	rm -f "$list" "$out.extra" "$out.cmd" "$out.conf" "$out.inittab"
}

# kvm_l1_qemu INITRD: the host's QEMU command for L1; KVM_L1_EXTRA: more
# of L1's QEMU options (a disk L1 hands on to L2 as its /dev/vda).
kvm_l1_qemu() {
	# shellcheck disable=SC2206 # options, split as given
	KVM_L1=("${KVM_L1_QEMU[@]}" -kernel "$KVM_L1_IMAGE" -initrd "$1"
		-append "console=ttyAMA0 panic=-1 loglevel=1" ${KVM_L1_EXTRA:-})
}

# kvm_dump_dtb OUT L2_QEMU_ARGS...: the device tree L2's QEMU builds under
# KVM (its -M gets dumpdtb=), fetched through an L1 boot of its own.
kvm_dump_dtb() {
	local out=$1 tmp
	shift
	tmp=$(mktemp -d "$BUILD/tmp.kvmdtb.XXXXXX")
	kvm_l1_initrd "$tmp/initrd" dumpdtb -- "$@"
	kvm_l1_qemu "$tmp/initrd"
	timeout 300 "${KVM_L1[@]}" </dev/null > "$tmp/log" 2>&1 || true
	sed -n '/KVM-L1: dtb begin/,/KVM-L1: dtb end/p' "$tmp/log" | tr -d '\r' |
		grep -v '^KVM-L1:' | base64 -d 2>/dev/null | gunzip > "$out" 2>/dev/null || true
	if [ ! -s "$out" ]; then
		rm -f "$out"
		echo "[boot] L1 could not dump L2's device tree: $(grep -a -m1 'KVM-L1: \(no\|dumpdtb\)' "$tmp/log" || tail -n1 "$tmp/log")" >&2
	fi
	rm -rf "$tmp"
}

# kvm_l2_status L1LOG: L2's QEMU exit status, as L1 saw it (empty: never
# ended).
kvm_l2_status() {
	sed -n 's/^KVM-L1: L2 QEMU exit status \([0-9]*\).*/\1/p' "$1" | tail -n1
}

# kvm_l1_verdict L1LOG: after L1 ended, why the boot failed in L1 (empty
# when it did not). An L1 kernel line matching NESTED_SETUP_NOISE
# (scripts/lib.sh) is the nested setup's, not a report about our code.
kvm_l1_verdict() {
	local log=$1 line
	line=$(grep -a -m1 -E '^KVM-L1: no /dev/kvm' "$log" | tr -d '\r')
	if [ -n "$line" ]; then
		echo "L1 host: ${line#KVM-L1: }"
		return
	fi
	line=$(grep -a '^KVM-L1: report: ' "$log" | tr -d '\r' |
		grep -vE "$NESTED_SETUP_NOISE" | head -n1)
	if [ -n "$line" ]; then
		echo "L1 host kernel report: ${line#KVM-L1: report: }"
		return
	fi
	[ -n "$(kvm_l2_status "$log")" ] || echo "L1 ended before L2's QEMU did: $(grep -av '^$' "$log" | tail -n1 | tr -d '\r')"
}
