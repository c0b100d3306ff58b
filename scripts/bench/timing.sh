# timing.sh - sourced by the guest halves of scripts/bench: each method
# is one `sh -c` command (so each pays the same process start-up), and
# the methods are timed in rounds, every method once a round, so a drift
# of the machine (a TCG guest drifts by tens of percent within a minute)
# weighs on all of them alike instead of on whichever ran last.
#
# medians_ms RUNS VAR CMD [VAR CMD ...]: set each VAR to the median of its
# CMD's RUNS timings, in milliseconds with one decimal.  $bench_prefix,
# if set, goes before each `sh -c` (e.g. "taskset -c 1").

# microseconds of one run of CMD
bench_once_us() {
	_s=$(date +%s%N)
	${bench_prefix:-} sh -c "$1" > /dev/null 2>&1 || true
	_e=$(date +%s%N)
	echo $(( (_e - _s) / 1000 ))
}

medians_ms() {
	_runs=$1
	shift
	_dir=$(mktemp -d)
	_round=0
	while [ "$_round" -lt "$_runs" ]; do
		_var=
		for _arg in "$@"; do
			if [ -z "$_var" ]; then
				_var=$_arg
				continue
			fi
			bench_once_us "$_arg" >> "$_dir/$_var"
			_var=
		done
		_round=$((_round + 1))
	done
	_var=
	for _arg in "$@"; do
		if [ -z "$_var" ]; then
			_var=$_arg
			continue
		fi
		eval "$_var=\$(sort -n \"\$_dir/\$_var\" | awk '{ v[NR] = \$1 } END { printf \"%.1f\", v[int((NR + 1) / 2)] / 1000 }')"
		_var=
	done
	rm -rf "$_dir"
}
