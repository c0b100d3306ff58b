# timing.sh - sourced by the guest halves of scripts/bench: each method
# is one command line, run as an interactive bash runs it (fork and exec
# of each command; a list or a redirection as written), and the methods
# are timed in rounds, every method once a round, so a drift of the
# machine (a TCG guest drifts by tens of percent within a minute) weighs
# on all of them alike instead of on whichever ran last.
#
# medians_ms RUNS VAR CMD [VAR CMD ...]: set each VAR to the median of its
# CMD's RUNS timings, in milliseconds with one decimal.  $bench_prefix,
# if set, goes before each CMD (e.g. "taskset -c 1").

# bench_program PATH: the path of a copy of the program PATH in the
# guest's memory, to time it as an installed program runs, from the page
# cache.  The repository reaches the guest over 9p, uncached under
# virtme-ng: a program there is read from the host at every exec (about
# 30 ms of a TCG guest's start-up), where cat, ps and pmap come through an
# overlay that keeps their pages.
bench_program() {
	mkdir -p /tmp/pti-bench
	cp "$1" /tmp/pti-bench/
	echo "/tmp/pti-bench/${1##*/}"
}

# microseconds of one run of CMD.  The clock is bash's EPOCHREALTIME, read
# by the shell that runs CMD: `date +%s%N` timed its own start as well
# (about 120 ms in a TCG guest), and `sh -c CMD` a shell's start.
bench_once_us() {
	bash -c 's=$EPOCHREALTIME
		eval "$1" > /dev/null 2>&1
		e=$EPOCHREALTIME
		echo $(( ${e//[.,]/} - ${s//[.,]/} ))' bench "${bench_prefix:+$bench_prefix }$1"
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
