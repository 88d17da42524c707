# Shared settings and helpers for the pipeline scripts (sourced).
# shellcheck shell=bash
BUILD=${BUILD:-$PWD/build}
SRC_STOCK=$BUILD/src/linux-source-6.12
SRC_OURS=$BUILD/src/linux-ours
export CCACHE_DIR=${CCACHE_DIR:-$BUILD/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
export CCACHE_BASEDIR=$BUILD/src
export CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=time_macros,include_file_mtime,include_file_ctime
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 2026'
export KBUILD_BUILD_USER=psci KBUILD_BUILD_HOST=build

log() { echo "[$(basename "$0" .sh)] $*" >&2; }
die() { echo "[$(basename "$0" .sh)] error: $*" >&2; exit 1; }
