#!/bin/bash
# Debian's arm64 userspace programs for the guests, taken from the packages
# (never installed on the host).
#
#   guest-debs.sh NAME PROGRAM... -- PACKAGE...
#
# downloads each PACKAGE for arm64 (apt-get download) into build/deps/NAME/,
# unpacks them into build/deps/NAME/root and writes build/deps/NAME/list:
# gen_init_cpio lines that lay out each PROGRAM (its path inside the
# packages), its ELF interpreter and every shared library it needs,
# recursively, at the packages' own paths. The closure is read from the
# ELF files themselves (readelf), not from the packages' Depends, which
# name more than a program loads (kexec-tools depends on all of Xen's
# libraries; kexec loads six of them). A library that none of the packages
# holds is an error that names it: the package list is short of one.
# Does nothing when the list was made from the same arguments.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

name=$1
shift
progs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do progs+=("$1"); shift; done
[ $# -gt 0 ] && shift
pkgs=("$@")
if [ "${#progs[@]}" = 0 ] || [ "${#pkgs[@]}" = 0 ]; then
	die "usage: guest-debs.sh NAME PROGRAM... -- PACKAGE..."
fi

dir=$BUILD/deps/$name
want="${progs[*]} -- ${pkgs[*]}"
[ -f "$dir/list" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$want" ] && exit 0

rm -rf "$dir"
mkdir -p "$dir/dl" "$dir/root"
dpkg --print-foreign-architectures | grep -qx arm64 || {
	$SUDO dpkg --add-architecture arm64
	apt_update
}
( cd "$dir/dl" && apt_get download -qq "${pkgs[@]/%/:arm64}" ) ||
	die "cannot download ${pkgs[*]} (arm64)"
for deb in "$dir"/dl/*.deb; do
	dpkg-deb -x "$deb" "$dir/root"
done

# lib_path NAME: where the packages put shared library NAME (the search
# path of Debian's arm64 dynamic linker), as a path inside the guest.
lib_path() {
	local d
	for d in /lib/aarch64-linux-gnu /usr/lib/aarch64-linux-gnu /lib /usr/lib; do
		if [ -e "$dir/root$d/$1" ]; then
			echo "$d/$1"
			return 0
		fi
	done
	return 1
}

declare -A laid=()
todo=()
for p in "${progs[@]}"; do
	[ -f "$dir/root$p" ] || die "$p is in none of: ${pkgs[*]}"
	todo+=("$p")
done
interp=
while [ "${#todo[@]}" -gt 0 ]; do
	f=${todo[0]}
	todo=("${todo[@]:1}")
	[ -n "${laid[$f]:-}" ] && continue
	laid[$f]=1
	if [ -z "$interp" ]; then
		interp=$(aarch64-linux-gnu-readelf -l "$dir/root$f" |
			sed -n 's/.*Requesting program interpreter: \(.*\)\]/\1/p')
	fi
	for lib in $(aarch64-linux-gnu-readelf -d "$dir/root$f" |
		     sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
		path=$(lib_path "$lib") || die "$f needs $lib, which none of ${pkgs[*]} holds"
		todo+=("$path")
	done
done
[ -n "$interp" ] || die "${progs[0]} names no ELF interpreter"
[ -e "$dir/root$interp" ] || die "the interpreter $interp is in none of: ${pkgs[*]}"
laid[$interp]=1

# Every directory on the way, then the files (a symlink's target's
# content under the name the loader asks for).
{
	for f in "${!laid[@]}"; do
		d=$(dirname "$f")
		while [ "$d" != / ]; do echo "$d"; d=$(dirname "$d"); done
	done | sort -u | sed 's/^\(.*\)$/dir \1 0755 0 0/'
	for f in "${!laid[@]}"; do
		echo "file $f $(readlink -f "$dir/root$f") 0755 0 0"
	done | sort
} > "$dir/list.tmp"
mv "$dir/list.tmp" "$dir/list"
echo "$want" > "$dir/stamp"
log "guest-debs: $name: ${#laid[@]} files from ${pkgs[*]}"
