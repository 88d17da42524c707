# make bench must not rot unseen: its flavour's configuration applies (ours
# and stock, configured, not built), and one short round of the benchmark
# runs on the images make check built (BENCH_FLAVOUR=base): every figure
# has a value for both drivers, with the same n.
# shellcheck shell=bash

bench_smoke() {
	local v out=$BUILD/bench-smoke fig
	for v in ours stock; do
		if CONFIG_ONLY=1 bash scripts/build-kernel.sh "$v" bench > "$LOGDIR/bench-config-$v.log" 2>&1; then
			echo "ok - the bench flavour configures ($v)"
		else
			echo "not ok - the bench flavour configures ($v)"
			tail -n 3 "$LOGDIR/bench-config-$v.log" | sed 's/^/  # /'
		fi
	done
	rm -rf "$out"
	# (the stock image's boots replayed when nothing changed, as in the
	# rest of make check: scripts/boot-cache.sh; ours always run)
	if ! BENCH_OUT=$out BENCH_FLAVOUR=base BENCH_BOOT_CACHE=$BOOT_CACHE \
		ROUNDS=1 KILLS=5 HOTPLUGS=5 KILL_ROUNDS=1 KVM_ROUNDS=1 \
		bash bench/run.sh > "$LOGDIR/bench-smoke.log" 2>&1; then
		echo "not ok - bench/run.sh, one round"
		tail -n 5 "$LOGDIR/bench-smoke.log" | sed 's/^/  # /'
		return
	fi
	echo "ok - bench/run.sh, one round"
	# Every figure of results.csv: a value on both sides, the same n.
	python3 - "$out/results.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
if not rows:
    print("not ok - bench figures: results.csv is empty")
for r in rows:
    ns, no = int(r["n stock"]), int(r["n ours"])
    ok = r["stock median"] != "n/a" and r["ours median"] != "n/a" and ns > 0 and ns == no
    print(f"{'ok' if ok else 'not ok'} - bench figure: {r['figure']} (n {ns} and {no})")
PY
}
gates bench-smoke bench_smoke

# The report's intervals resample whole boots: against data with a known
# answer, resampling single values (the control) calls equal drivers
# different, resampling boots does not, and still sees a real difference.
gates bench-intervals /usr/bin/python3 bench/report.py --self-test
