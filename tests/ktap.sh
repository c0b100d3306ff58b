# ktap.sh - KTAP output for shell tests: source it, call ktap_plan N, then
# ktap_check NAME COMMAND... for each case, and ktap_done at the end.
ktap_n=0
ktap_failed=0

ktap_plan() {
	echo "TAP version 13"
	echo "1..$1"
}

# Run COMMAND quietly; its output is shown as diagnostics only on failure.
ktap_check() {
	name=$1
	shift
	ktap_n=$((ktap_n + 1))
	if out=$("$@" 2>&1); then
		echo "ok $ktap_n $name"
	else
		printf '%s\n' "$out" | sed 's/^/# /'
		echo "not ok $ktap_n $name"
		ktap_failed=$((ktap_failed + 1))
	fi
}

# A case that cannot run here: ktap_skip NAME REASON.
ktap_skip() {
	ktap_n=$((ktap_n + 1))
	echo "ok $ktap_n $1 # SKIP $2"
}

ktap_done() {
	echo "# Totals: pass:$((ktap_n - ktap_failed)) fail:$ktap_failed"
	[ "$ktap_failed" = 0 ]
}
