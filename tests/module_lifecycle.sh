#!/bin/sh
# module_lifecycle.sh - load/unload, reading across unload, and the CLI's
# errors and tree, in the guest as root.  Starts with the module unloaded.
set -u
cd "$(dirname "$0")/.."
. tests/ktap.sh
ko=${PTI_KO:-$(scripts/ko)}
cli=${PTINSPECT:-cli/ptinspect}

load_unload_20_times() {
	for i in $(seq 20); do
		insmod "$ko" || return 1
		grep -q '^pid tgid ' /proc/ptinspect/tasks || return 1
		grep -q '^version ' /proc/ptinspect/format || return 1
		grep -q '^task stack mm pid ' /sys/kernel/debug/ptinspect/tasks || return 1
		rmmod ptinspect || return 1
		echo "cycle $i ok"
	done
}

# Load, read every view (the runqueues several times) and unload, over
# and over, while 100 threads wake, sleep and migrate and children come
# and go; scripts/check then fails the run on any WARN/BUG in the log.
load_read_unload_under_churn() {
	tests/bin/churn 100 60 & churn=$!
	for i in $(seq 10); do
		insmod "$ko" || { kill $churn; return 1; }
		for j in 1 2 3 4 5; do
			cat /proc/ptinspect/runqueues > /dev/null || { kill $churn; return 1; }
		done
		cat /proc/ptinspect/tasks /sys/kernel/debug/ptinspect/tasks > /dev/null &&
		grep -q '^cpu nr_running ' /proc/ptinspect/runqueues &&
		rmmod ptinspect || { kill $churn; return 1; }
	done
	kill $churn
	wait $churn 2>/dev/null
	return 0
}

files_gone_after_unload() {
	[ ! -e /proc/ptinspect ] && [ ! -e /sys/kernel/debug/ptinspect ]
}

# An fd opened before rmmod must fail its next read, not crash.
read_after_unload_fails() {
	insmod "$ko" || return 1
	exec 3< /proc/ptinspect/tasks
	head -c 64 <&3 > /dev/null || return 1
	rmmod ptinspect || return 1
	if cat <&3 > /dev/null; then
		exec 3<&-
		echo "read after unload succeeded"
		return 1
	fi
	exec 3<&-
}

expect_status() {
	want=$1
	shift
	"$@" > /tmp/pti-out 2> /tmp/pti-err
	got=$?
	[ "$got" = "$want" ] || { echo "$*: exit $got, want $want"; cat /tmp/pti-err; return 1; }
}

cli_without_module() {
	expect_status 1 "$cli" tree || return 1
	grep -q 'insmod' /tmp/pti-err
}

# What a command refuses before reading anything: exit 2 and the one
# line "ptinspect CMD: WHY".
expect_refused() {
	cmd=$1
	why=$2
	shift 2
	expect_status 2 "$cli" "$cmd" "$@" &&
	grep -qxF "ptinspect $cmd: $why" /tmp/pti-err ||
	{ echo "ptinspect $cmd $*: not refused with '$why'"; return 1; }
}

expect_invalid_pid() {
	cmd=$1
	bad=$2
	shift 2
	expect_refused "$cmd" "invalid pid '$bad'" "$@"
}

# An -o or --sort list naming no column is refused as it is parsed.
expect_unknown_column() {
	cmd=$1
	bad=$2
	shift 2
	expect_refused "$cmd" "unknown column '$bad'" "$@"
}

cli_usage_errors() {
	expect_invalid_pid tree -5 -p -5 &&
	expect_invalid_pid tree abc -p abc &&
	expect_invalid_pid tree 2147483648 -p 2147483648 &&
	expect_invalid_pid ps 0 -p 0 &&
	expect_invalid_pid vma x x &&
	expect_invalid_pid task 0 0 &&
	expect_invalid_pid share 1x 1x &&
	expect_invalid_pid pages x x &&
	expect_invalid_pid pages y -c 1 y &&
	expect_invalid_pid pages z --walk z 1000 &&
	expect_unknown_column ps nosuch -o nosuch &&
	expect_unknown_column tree nosuch -o pid,nosuch &&
	expect_unknown_column ps nosuch -x nosuch &&
	expect_unknown_column vma nosuch -o nosuch 1 &&
	expect_unknown_column pages nosuch -o nosuch 1 &&
	expect_refused ps "empty or too long column list ','" -o , &&
	expect_status 2 "$cli" bogus &&
	expect_status 2 "$cli" &&
	expect_status 0 "$cli" --help
}

# Every command: --help to stdout, exit 0; an option it does not take
# tells where help is (as util-linux's tools do), exit 2.
cli_help_and_unknown_options() {
	for cmd in tree ps vma task share pages kernel runq trace; do
		expect_status 0 "$cli" $cmd --help &&
		grep -q "^Usage: ptinspect $cmd " /tmp/pti-out &&
		expect_status 2 "$cli" $cmd --no-such-option &&
		grep -q "^Try 'ptinspect $cmd --help'.\$" /tmp/pti-err &&
		[ ! -s /tmp/pti-out ] || { echo "ptinspect $cmd"; return 1; }
	done
}

# A pid beyond the kernel's range (PID_MAX_LIMIT, 4194304 on x86-64) is
# one no task has, as the module says (EINVAL), not a usage error.
cli_vanished_pid() {
	expect_status 1 "$cli" tree -p 4000000 &&
	grep -q 'no task with pid 4000000' /tmp/pti-err &&
	expect_status 1 "$cli" tree -p 99999999 &&
	grep -q 'no task with pid 99999999' /tmp/pti-err &&
	expect_status 1 "$cli" vma 99999999 &&
	grep -q 'no process with pid 99999999' /tmp/pti-err &&
	expect_status 1 "$cli" task 99999999 &&
	grep -q 'no task with pid 99999999' /tmp/pti-err &&
	expect_status 1 "$cli" pages 99999999 &&
	grep -q 'no process with pid 99999999' /tmp/pti-err &&
	# an address past user space is refused the same way, and said
	expect_status 1 "$cli" pages --walk $$ ffffffffff600000 &&
	grep -q 'past user space' /tmp/pti-err
}

wait_children() {
	for _ in $(seq 200); do
		[ "$(pgrep -c -P "$1")" -ge "$2" ] && return 0
		sleep 0.05
	done
	return 1
}

# ps with a few columns (the module prints only those) against /proc's stat
cli_columns_match_proc() {
	nice -n 7 sleep 1000 &
	pid=$!
	for i in $(seq 50); do
		[ "$(cut -d' ' -f3 /proc/$pid/stat)" = S ] && break
		sleep 0.1
	done
	# pid (comm) state ppid ... nice is the 19th field
	want=$(awk '{ print $1, $4, $19, $3, substr($2, 2, length($2) - 2) }' /proc/$pid/stat)
	got=$("$cli" ps -p "$pid" -o pid,ppid,nice,state,comm -r -n)
	kill $pid
	wait $pid 2>/dev/null
	case $got in
	"$pid "*" 7 S sleep") [ "$got" = "$want" ] && return 0 ;;
	esac
	echo "got '$got', want '$want'"
	return 1
}

# A known subtree, drawn exactly, and as a list in the same order (-l);
# a zombie under a parent that never reaps.
cli_tree_shape() {
	sh -c 'sleep 1000 & sleep 1000 & sh -c "sleep 1000; true" & wait' &
	root=$!
	wait_children "$root" 3 || return 1
	inner=$(pgrep -n -P "$root" sh)
	wait_children "$inner" 1 || return 1
	"$cli" tree -p "$root" -o comm -n > /tmp/pti-tree || return 1
	printf '%s\n' 'sh' '|-sleep' '|-sleep' '`-sh' '  `-sleep' > /tmp/pti-want
	diff -u /tmp/pti-want /tmp/pti-tree || return 1
	"$cli" tree -l -p "$root" -o comm -n > /tmp/pti-tree || return 1
	printf '%s\n' sh sleep sleep sh sleep > /tmp/pti-want
	diff -u /tmp/pti-want /tmp/pti-tree || return 1
	pkill -P "$inner"; pkill -P "$root"; kill "$root"; wait "$root" 2>/dev/null
	return 0
}

cli_marks_zombie() {
	sh -c '(exit 3) & exec sleep 1000' &
	parent=$!
	for _ in $(seq 100); do
		"$cli" tree -p "$parent" -o comm,state,mark -r -n > /tmp/pti-z
		grep -q 'sleep S' /tmp/pti-z && grep -q 'sh Z zombie' /tmp/pti-z && break
		sleep 0.05
	done
	cat /tmp/pti-z
	kill "$parent"; wait "$parent" 2>/dev/null
	grep -q 'sleep S' /tmp/pti-z && grep -q 'sh Z zombie' /tmp/pti-z
}

# Output that cannot be written fails the command and says so, short
# output (still in stdio's buffer at the end) as much as long.
cli_write_errors() {
	for args in "ps -p 1" "ps -J -p 1" "tree -T" "task 1" "share -J 1" \
		    "vma -J $$" "kernel" "runq -J" "--version"; do
		# shellcheck disable=SC2086
		"$cli" $args > /dev/full 2> /tmp/pti-err
		got=$?
		[ "$got" = 1 ] && grep -q 'write error\|cannot print' /tmp/pti-err ||
			{ echo "$args > /dev/full: exit $got: $(cat /tmp/pti-err)"; return 1; }
	done
}

# Every -J document is JSON jq reads, holding what the tables hold.
cli_json() {
	"$cli" ps -J -p 1 > /tmp/pti-json || return 1
	jq -e '(.tasks | length) == 1 and .tasks[0].pid == 1 and .tasks[0].ppid == 0' \
		/tmp/pti-json > /dev/null || { cat /tmp/pti-json; return 1; }
	# a tree nests children in their parent's object, as lsblk -J does
	"$cli" tree -J -p 2 -o pid,comm > /tmp/pti-json || return 1
	jq -e '.tasks[0].pid == 2 and (.tasks[0].children | length) > 0 and
		all(.tasks[0].children[]; .pid > 2)' /tmp/pti-json > /dev/null ||
		{ head -40 /tmp/pti-json; return 1; }
	"$cli" kernel -J > /tmp/pti-json || return 1
	jq -e '.regions[0].name == "user"' /tmp/pti-json > /dev/null ||
		{ head -20 /tmp/pti-json; return 1; }
}

# -P: NAME="value" pairs, as lsblk -P prints them, the values /proc has.
cli_pairs() {
	"$cli" ps -P -p 1 -o pid,comm > /tmp/pti-pairs || return 1
	printf 'PID="1" COMM="%s"\n' "$(cat /proc/1/comm)" > /tmp/pti-want
	diff -u /tmp/pti-want /tmp/pti-pairs || return 1
	"$cli" vma -P -o start,end $$ > /tmp/pti-pairs || return 1
	# the vsyscall page is the gate area, no VMA of the mm
	awk '!/\[vsyscall\]/ { split($1, r, "-"); printf "START=\"0x%s\" END=\"0x%s\"\n", r[1], r[2] }' \
		/proc/$$/maps | sed 's/="0x0*\([0-9a-f]\)/="0x\1/g' > /tmp/pti-want
	diff -u /tmp/pti-want /tmp/pti-pairs || return 1
	"$cli" kernel -P > /tmp/pti-pairs || return 1
	head -n 1 /tmp/pti-pairs | grep -q '^NAME="user" START="0x0000000000000000" ' || return 1
	! grep -qv '^NAME=' /tmp/pti-pairs || return 1
	"$cli" share -P $$ > /tmp/pti-pairs || return 1
	# share heads its columns as every table does: upper case
	head -n 1 /tmp/pti-pairs | grep -q "^PID=\"$$\" TGID=\"$$\" .*RELATION=\"self\" .*CLONE=\"-\" COMM=" || return 1
	"$cli" share $$ | head -n 1 | grep -q '^ *PID  *TGID  *PPID RELATION MM  *FILES FS  *SIGHAND SIGNAL NSPROXY IO  *CLONE  *COMM$' || return 1
	"$cli" pages -P -o state $$ > /tmp/pti-pairs || return 1
	[ -s /tmp/pti-pairs ] && ! grep -qv '^STATE="[a-z]*"$' /tmp/pti-pairs
}

# ptinspect vma: errors in words, the summary, the map, JSON.
cli_vma_errors() {
	expect_status 1 "$cli" vma 2 && grep -q 'kernel thread' /tmp/pti-err &&
	expect_status 1 "$cli" vma 4000000 && grep -q 'no process with pid 4000000' /tmp/pti-err &&
	expect_status 2 "$cli" vma 0 &&
	expect_status 2 "$cli" vma &&
	expect_status 2 "$cli" vma -o nosuch 1
}

# start end perms offset dev inode, numbers without 0x or leading zeros.
vma_fields='function n(s) { sub(/^0x/, "", s); sub(/^0+/, "", s); return s == "" ? 0 : s }
	{ print n($1), n($2), $3, n($4), $5, $6 }'

cli_vma_views() {
	"$cli" vma $$ > /tmp/pti-vma || return 1
	grep -q "^pid $$ (tgid $$): [0-9]* VMAs" /tmp/pti-vma || return 1
	grep -q ' heap .*\[heap\]$' /tmp/pti-vma || return 1
	grep -q ' text .*/dash$' /tmp/pti-vma || grep -q ' text .*/bash$' /tmp/pti-vma || return 1
	"$cli" vma --map $$ > /tmp/pti-map || return 1
	head -2 /tmp/pti-map | tail -1 | grep -q '^\(kernel\|hole\) ' || return 1
	# root sees the kernel half region by region (one block if hidden)
	grep -q '^kernel .* direct_map' /tmp/pti-map ||
		grep -q 'kernel half: not accessible' /tmp/pti-map || return 1
	grep -q '^stack ' /tmp/pti-map && grep -q '^hole ' /tmp/pti-map || return 1
	# No colour codes when not writing to a terminal.
	! grep -q "$(printf '\033')" /tmp/pti-map || return 1
	"$cli" vma -J $$ > /tmp/pti-vjson || return 1
	jq -e ".mm.pid == $$ and .mm.map_count == (.vmas | length) and
		any(.vmas[]; .kind == \"stack\") and all(.vmas[]; .size > 0)" \
		/tmp/pti-vjson > /dev/null || { head -c 2000 /tmp/pti-vjson; return 1; }
	# A table to a pipe is printed as formatted (plain_table), -P by
	# libsmartcols: the same cells.
	cols=start,end,size,perms,kind,offset,dev,inode,anon_vma,vm_flags
	"$cli" vma -S -r -n -o "$cols" $$ > /tmp/pti-vraw || return 1
	"$cli" vma -P -o "$cols" $$ | sed 's/[A-Z_]*="\([^"]*\)"/\1/g' > /tmp/pti-vpairs || return 1
	[ -s /tmp/pti-vraw ] && diff -u /tmp/pti-vpairs /tmp/pti-vraw || return 1
	# Cells copied as the module wrote them read as the kernel's own
	# view: every VMA, as maps lists it (hex without 0x and padding
	# there), of a process whose maps are the same before and after
	# (sleep maps its locale files once it has started).
	sleep 30 &
	still=$!
	for _ in $(seq 50); do
		sed 's/-/ /' /proc/$still/maps | awk "$vma_fields" > /tmp/pti-vmaps
		"$cli" vma -S -r -n -o start,end,perms,offset,dev,inode $still |
			awk "$vma_fields" > /tmp/pti-vcells
		sed 's/-/ /' /proc/$still/maps | awk "$vma_fields" |
			cmp -s - /tmp/pti-vmaps && break
		sleep 0.1
	done
	kill $still
	[ -s /tmp/pti-vmaps ] && diff -u /tmp/pti-vmaps /tmp/pti-vcells || return 1
	# A name that is not plain ASCII (UTF-8, a tab) is printed by
	# libsmartcols, escaped; plain names are aligned the same way.
	odd=$(printf '/tmp/pti-caf\303\251 x\tsleep')
	cp /bin/sleep "$odd" || return 1
	"$odd" 30 &
	oddpid=$!
	for _ in $(seq 50); do
		[ "$(readlink /proc/$oddpid/exe)" = "$odd" ] && break
		sleep 0.1
	done
	LC_ALL=C "$cli" vma -S -o kind,name $oddpid > /tmp/pti-vodd
	kill $oddpid
	rm -f "$odd"
	grep -qF 'text  /tmp/pti-caf\xc3\xa9 x\x09sleep' /tmp/pti-vodd &&
		grep -q '^stack \[stack\]$' /tmp/pti-vodd ||
		{ head -5 /tmp/pti-vodd; return 1; }
}

# ptinspect task and share: errors, sections, a zombie, a kernel thread, JSON.
cli_task_errors() {
	expect_status 1 "$cli" task 4000000 && grep -q 'no task with pid 4000000' /tmp/pti-err &&
	expect_status 1 "$cli" share 4000000 && grep -q 'no task with pid 4000000' /tmp/pti-err &&
	expect_status 2 "$cli" task 0 &&
	expect_status 2 "$cli" task -1 &&
	expect_status 2 "$cli" share abc &&
	expect_status 2 "$cli" task
}

cli_task_views() {
	"$cli" task $$ > /tmp/pti-task || return 1
	for section in identity family state credentials scheduling signals \
		       memory files 'kernel stack'; do
		grep -q "^$section" /tmp/pti-task || { echo "no $section"; return 1; }
	done
	grep -q "pid  *$$\$" /tmp/pti-task &&
	grep -q "cwd  *$(pwd)\$" /tmp/pti-task &&
	grep -q 'address space  *[0-9]* VMAs' /tmp/pti-task || return 1
	"$cli" task 2 > /tmp/pti-kthread || return 1
	grep -q 'has mm  *no' /tmp/pti-kthread &&
	grep -q 'flags .*KTHREAD' /tmp/pti-kthread &&
	! grep -q 'address space' /tmp/pti-kthread || return 1
	# A zombie: exit_state named, the wait status kept (exit 3 -> 0x300).
	sh -c '(exit 3) & exec sleep 1000' &
	parent=$!
	zombie=
	for _ in $(seq 100); do
		zombie=$(pgrep -P "$parent" sh) && [ "$(cut -d' ' -f3 /proc/"$zombie"/stat)" = Z ] && break
		sleep 0.05
	done
	"$cli" task "$zombie" > /tmp/pti-ztask
	kill "$parent"; wait "$parent" 2>/dev/null
	grep -q 'state  *Z ' /tmp/pti-ztask &&
	grep -q 'exit_state  *ZOMBIE' /tmp/pti-ztask &&
	grep -q 'exit_code  *768$' /tmp/pti-ztask || { cat /tmp/pti-ztask; return 1; }
	"$cli" task -J $$ > /tmp/pti-tjson || return 1
	jq -e ".identity.pid == $$ and
		any(..; type == \"object\" and (.cmdline | type) == \"array\") and
		any(..; type == \"object\" and (.mm | type) == \"object\" and .mm.pid == $$)" \
		/tmp/pti-tjson > /dev/null || { cat /tmp/pti-tjson; return 1; }
}

# A fork child shares nothing but the namespaces; threads of init none.
cli_share_views() {
	sh -c 'sleep 1000 & wait' &
	parent=$!
	wait_children "$parent" 1 || return 1
	"$cli" share -r -n "$parent" > /tmp/pti-share || return 1
	kill "$(pgrep -P "$parent")"; wait "$parent" 2>/dev/null
	grep -q "^$parent $parent [0-9]* self yes yes yes yes yes yes - - sh\$" /tmp/pti-share &&
	grep -q " $parent child no no no no no yes - none sleep\$" /tmp/pti-share || { cat /tmp/pti-share; return 1; }
	"$cli" share -J 2 > /tmp/pti-sjson || return 1
	jq -e '.shares[0].relation == "self" and .shares[0].mm == null and
		.shares[0].fs == true' /tmp/pti-sjson > /dev/null || { cat /tmp/pti-sjson; return 1; }
}

# ptinspect runq: the tables, the rb-trees, JSON, errors in words.
cli_runq_views() {
	"$cli" runq > /tmp/pti-runq 2>&1 || { echo "runq failed:"; head -20 /tmp/pti-runq; return 1; }
	grep -q '^CPU 0: nr_running [0-9]*, nr_switches [0-9]*' /tmp/pti-runq &&
	grep -q '^CPU 1: ' /tmp/pti-runq &&
	grep -q '^CFS  *PID  *VRUNTIME' /tmp/pti-runq ||
		{ echo "runq:"; head -20 /tmp/pti-runq; return 1; }
	"$cli" runq --tree -c 0 > /tmp/pti-rb 2>&1 || { echo "runq --tree -c 0 failed:"; head -20 /tmp/pti-rb; return 1; }
	grep -q 'tasks_timeline of rq->cfs' /tmp/pti-rb && grep -q 'root of rq->dl' /tmp/pti-rb &&
		! grep -q '^CPU 1' /tmp/pti-rb ||
		{ echo "runq --tree -c 0:"; head -20 /tmp/pti-rb; return 1; }
	"$cli" runq -J > /tmp/pti-rjson 2>&1 || { echo "runq -J failed:"; head -20 /tmp/pti-rjson; return 1; }
	# A field this kernel lacks is null, not 0 (6.1 has no EEVDF vlag).
	jq -e '(.cpus | length) == ([.cpus[].cpu] | unique | length) and
		all(.cpus[]; (.entities | type) == "array") and
		all(.cpus[]; (.absent | split(",") | index("vlag")) == null or
			all(.entities[]; .vlag == null))' /tmp/pti-rjson > /dev/null ||
		{ echo "runq -J:"; head -c 2000 /tmp/pti-rjson; return 1; }
	# -P: an entity a line.  The reader runs while the module copies, so
	# it is listed as the curr of its queue; a field the kernel lacks
	# (in -J's absent) is "" on every line.
	sh -c 'echo $$ > /tmp/pti-rpid; exec "$0" runq -P' "$cli" > /tmp/pti-rpairs 2>&1 ||
		{ echo "runq -P failed:"; head -5 /tmp/pti-rpairs; return 1; }
	me=$(cat /tmp/pti-rpid)
	grep -q "^CPU=\"[0-9]*\" INDEX=\"[0-9]*\" PARENT=\"-\{0,1\}[0-9]*\" DEPTH=\"[0-9]*\" CLASS=\"cfs\" KIND=\"task\" CURR=\"1\" PID=\"$me\" .* NICE=\"-\{0,1\}[0-9]*\"$" /tmp/pti-rpairs ||
		{ echo "runq -P: no curr line for its reader $me:"; head -5 /tmp/pti-rpairs; return 1; }
	if jq -e '.cpus[0].absent | split(",") | index("vlag")' /tmp/pti-rjson > /dev/null; then
		[ "$(grep -c ' VLAG=""' /tmp/pti-rpairs)" = "$(wc -l < /tmp/pti-rpairs)" ] ||
			{ echo "runq -P: vlag is absent but shown:"; head -5 /tmp/pti-rpairs; return 1; }
	fi
	# run on CPU 1, so that one has an entity at least: the reader
	taskset -c 1 "$cli" runq -P -c 1 > /tmp/pti-rpairs || return 1
	[ -s /tmp/pti-rpairs ] && ! grep -v '^CPU="1" ' /tmp/pti-rpairs ||
		{ echo "runq -P -c 1 shows another CPU"; return 1; }
	expect_status 1 "$cli" runq -c 4000 && grep -q 'CPU 4000 is not online' /tmp/pti-err &&
	expect_status 2 "$cli" runq -c -1 &&
	expect_status 2 "$cli" runq -c x &&
	expect_status 2 "$cli" runq extra || { echo "runq's usage errors"; return 1; }
}

# Without usable BTF the runqueue view says why; everything else works.
runq_unavailable_without_btf() {
	rmmod ptinspect
	insmod "$ko" btf_path=/nonexistent || return 1
	grep -q '^unavailable: cannot read /nonexistent' /proc/ptinspect/runqueues || return 1
	expect_status 1 "$cli" runq && grep -q 'unavailable: cannot read' /tmp/pti-err || return 1
	head -c 4096 /dev/urandom > /tmp/pti-garbage-btf
	rmmod ptinspect
	insmod "$ko" btf_path=/tmp/pti-garbage-btf || return 1
	grep -q '^unavailable: /tmp/pti-garbage-btf: malformed BTF' /proc/ptinspect/runqueues || return 1
	"$cli" tree -p 1 > /dev/null || return 1
	rmmod ptinspect
	insmod "$ko"
	! grep -q unavailable /proc/ptinspect/runqueues
}

# Another kernel's BTF (the host's, which scripts/check leaves in
# .build/check/host-btf) is refused with a reason, never trusted: every
# address it suggests is read fault-safely and checked first, and the
# kernel log stays clean (scripts/check fails the run otherwise).
foreign_btf=.build/check/host-btf
runq_refuses_another_kernels_btf() {
	rmmod ptinspect
	insmod "$ko" btf_path="$foreign_btf" || return 1
	head -n 1 /proc/ptinspect/runqueues
	grep -q '^unavailable: ' /proc/ptinspect/runqueues || return 1
	"$cli" tree -p 1 > /dev/null || return 1
	rmmod ptinspect
	insmod "$ko"
	! grep -q unavailable /proc/ptinspect/runqueues
}

# debugfs holds: each view's holds are counted and timed.
holds_are_counted_and_timed() {
	cat /proc/ptinspect/tasks /proc/ptinspect/runqueues > /dev/null || return 1
	"$cli" vma 1 > /dev/null || return 1
	"$cli" pages $$ > /dev/null || return 1
	"$cli" pages --walk $$ "$(awk 'NR == 1 { sub(/-.*/, ""); print }' /proc/$$/maps)" \
		> /dev/null || return 1
	h=/sys/kernel/debug/ptinspect/holds
	cat $h
	head -n 1 $h | grep -qx 'view lock holds max_hold_ns truncated' &&
	grep -Eq '^tasks rcu [1-9][0-9]* [1-9][0-9]* 0$' $h &&
	grep -Eq '^vma mmap_read [1-9][0-9]* [1-9][0-9]* 0$' $h &&
	grep -Eq '^pages mmap_read [1-9][0-9]* [1-9][0-9]* 0$' $h &&
	grep -Eq '^walk mmap_read [1-9][0-9]* [1-9][0-9]* 0$' $h &&
	grep -Eq '^runqueues rq_lock_irq [1-9][0-9]* [1-9][0-9]* [0-9]+$' $h
}

# The running module's own column list is the one the man pages were
# made from (scripts/man-columns reads the CLI's copy of the registry).
format_is_what_the_man_pages_show() {
	[ -x .build/man-columns ] || { echo "no .build/man-columns (make man)"; return 1; }
	sed 1d /proc/ptinspect/format > /tmp/pti-format.$$
	.build/man-columns | diff - /tmp/pti-format.$$
	rc=$?
	rm -f /tmp/pti-format.$$
	return $rc
}

ktap_plan 24
ktap_check load_unload_20_times load_unload_20_times
ktap_check load_read_unload_under_churn load_read_unload_under_churn
ktap_check files_gone_after_unload files_gone_after_unload
ktap_check read_after_unload_fails read_after_unload_fails
ktap_check cli_without_module cli_without_module
ktap_check cli_usage_errors cli_usage_errors
ktap_check cli_help_and_unknown_options cli_help_and_unknown_options
insmod "$ko"
ktap_check cli_vanished_pid cli_vanished_pid
ktap_check cli_tree_shape cli_tree_shape
ktap_check cli_columns_match_proc cli_columns_match_proc
ktap_check cli_marks_zombie cli_marks_zombie
ktap_check cli_json cli_json
ktap_check cli_write_errors cli_write_errors
ktap_check cli_pairs cli_pairs
ktap_check cli_vma_errors cli_vma_errors
ktap_check cli_vma_views cli_vma_views
ktap_check cli_task_errors cli_task_errors
ktap_check cli_task_views cli_task_views
ktap_check cli_share_views cli_share_views
ktap_check cli_runq_views cli_runq_views
ktap_check runq_unavailable_without_btf runq_unavailable_without_btf
ktap_check holds_are_counted_and_timed holds_are_counted_and_timed
ktap_check format_is_what_the_man_pages_show format_is_what_the_man_pages_show
if [ -r "$foreign_btf" ] && ! cmp -s "$foreign_btf" /sys/kernel/btf/vmlinux; then
	ktap_check runq_refuses_another_kernels_btf runq_refuses_another_kernels_btf
else
	ktap_skip runq_refuses_another_kernels_btf "no other kernel's BTF at $foreign_btf"
fi
rmmod ptinspect
ktap_done
