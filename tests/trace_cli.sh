#!/bin/sh
# trace_cli.sh - `ptinspect trace`'s refusals and its text output, as root
# on the host or in the guest (no module needed).
set -u
cd "$(dirname "$0")/.."
. tests/ktap.sh
cli=${PTINSPECT:-cli/ptinspect}

# expect_fail STATUS PATTERN ARGS...: exits STATUS and says PATTERN.
expect_fail() {
	want=$1 pattern=$2
	shift 2
	out=$("$cli" trace "$@" -d 1 2>&1)
	got=$?
	[ "$got" = "$want" ] || { echo "exit $got, wanted $want: $out"; return 1; }
	printf '%s\n' "$out" | grep -q -- "$pattern" || { echo "no '$pattern' in: $out"; return 1; }
}

bad_options_are_usage_errors() {
	expect_fail 2 "unknown event 'forks'" -e fork,forks &&
	expect_fail 2 "power of two" -b 5000 &&
	expect_fail 2 "power of two" -b 1K &&
	expect_fail 2 "invalid pid '-5'" -p -5 &&
	expect_fail 2 "invalid pid '99999999999'" -p 99999999999 &&
	expect_fail 2 "needs -p PID" --follow &&
	expect_fail 2 "give -p PID or -c COMM" --sched &&
	expect_fail 2 "1 to 15 characters" -c 0123456789abcdefg &&
	expect_fail 2 "invalid duration" -d -1 &&
	expect_fail 2 "tp_btf, raw_tp or auto" --attach kprobe
}

vanished_pid_is_refused() {
	sh -c 'exit 0' & gone=$!
	wait $gone
	expect_fail 1 "no such process: $gone" -p "$gone"
}

non_root_is_told_what_it_needs() {
	nobody=$(command -v setpriv) || { echo "no setpriv"; return 1; }
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups \
		"$cli" trace -d 1 2>&1)
	got=$?
	[ "$got" = 1 ] || { echo "exit $got: $out"; return 1; }
	printf '%s\n' "$out" | grep -q "run as root (needs CAP_BPF and CAP_PERFMON)" ||
		{ echo "$out"; return 1; }
}

# A write that fails is said, with the reason, and the exit status says so.
failed_output_is_reported() {
	out=$("$cli" trace --json -d 1 2>&1 > /dev/full)
	got=$?
	[ "$got" = 1 ] || { echo "exit $got: $out"; return 1; }
	printf '%s\n' "$out" | grep -q "writing output failed: No space left on device" ||
		{ echo "$out"; return 1; }
}

# The CLI turns transparent huge pages off for itself (main.c), so its
# peak memory does not depend on where a record array lands; trace is
# the command that lives long enough to be looked at.
cli_runs_without_huge_pages() {
	"$cli" trace -d 10 > /dev/null 2>&1 &
	pid=$!
	thp=
	for _ in $(seq 100); do
		seen=$(awk '$1 == "THP_enabled:" { print $2 }' "/proc/$pid/status" 2>/dev/null)
		[ -n "$seen" ] && thp=$seen
		[ "$thp" = 0 ] && break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ "$thp" = 0 ] || { echo "THP_enabled: '$thp'"; return 1; }
}

# around "TRACE ARGS" COMMAND...: run COMMAND while the tracer (started
# first, and awaited until attached: loading takes seconds under TCG) runs;
# prints the tracer's stdout and stderr.
around() {
	args=$1 log=$(mktemp) err=$(mktemp)
	shift
	# shellcheck disable=SC2086
	"$cli" trace $args -d 120 > "$log" 2> "$err" &
	tracer=$! i=0
	until grep -q attached "$err"; do
		sleep 0.1
		i=$((i + 1))
		[ $i -lt 900 ] && kill -0 $tracer 2>/dev/null || { cat "$err"; return 1; }
	done
	"$@" > /dev/null 2>&1
	sleep 0.3	# the reader drains on a 100 ms timer
	kill -INT $tracer
	wait $tracer
	cat "$log" "$err"
	rm -f "$log" "$err"
}

# Text mode: header, the exec and exit of a command run under it, and the
# closing count.
text_output_names_each_event() {
	out=$(around "-c true" /bin/true) || return 1
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -q '^TIME(s) *CPU EVENT' &&
	printf '%s\n' "$out" | grep -Eq ' exec +[0-9]+ +[0-9]+ +[0-9]+ true +/bin/true' &&
	printf '%s\n' "$out" | grep -Eq ' exit .* true +process status=0 -> zombie' &&
	printf '%s\n' "$out" | grep -q 'ptinspect trace: [0-9]* events, [0-9]* delivered, 0 dropped'
}

summary_prints_table_and_histogram() {
	out=$(around "--summary -c sleep" sleep 0.2) || return 1
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -Eq '^ *PID +TGID +COMM +VOLUNTARY +INVOLUNTARY' &&
	printf '%s\n' "$out" | grep -Eq ' sleep +[1-9]' &&
	printf '%s\n' "$out" | grep -q 'usecs.*count.*distribution'
}

# JSON lines: every line one document jq parses, the exec and the count
# among them; --summary's records the same way.
json_lines_parse() {
	out=$(around "--json -c true" /bin/true) || return 1
	printf '%s\n' "$out" | grep '^{' > /tmp/pti-trace-json
	printf '%s\n' "$out" | grep '^{' | head -5
	jq -se '.[0].type == "attached" and
		any(.[]; .type == "exec" and .filename == "/bin/true" and .comm == "true") and
		any(.[]; .type == "stats" and .dropped == 0)' /tmp/pti-trace-json > /dev/null || return 1
	out=$(around "--summary --json -c sleep" sleep 0.2) || return 1
	printf '%s\n' "$out" | grep '^{' > /tmp/pti-trace-json
	jq -se 'any(.[]; .type == "sched_stats" and .comm == "sleep" and .voluntary > 0) and
		any(.[]; .type == "runq_latency" and (.buckets | length) > 0)' \
		/tmp/pti-trace-json > /dev/null || { cat /tmp/pti-trace-json; return 1; }
}

ktap_plan 8
ktap_check bad_options_are_usage_errors bad_options_are_usage_errors
ktap_check vanished_pid_is_refused vanished_pid_is_refused
ktap_check non_root_is_told_what_it_needs non_root_is_told_what_it_needs
ktap_check failed_output_is_reported failed_output_is_reported
ktap_check cli_runs_without_huge_pages cli_runs_without_huge_pages
ktap_check text_output_names_each_event text_output_names_each_event
ktap_check summary_prints_table_and_histogram summary_prints_table_and_histogram
ktap_check json_lines_parse json_lines_parse
ktap_done
