#!/bin/sh
# sig_enforce.sh - in a guest booted with module.sig_enforce=1 (scripts/
# check does): the kernel refuses the unsigned module and one signed with
# a key it was never given, and ptinspect (and make demo's guest script)
# then says in one line that signed modules are required and how to
# sign and enroll, instead of only "not loaded".  As root.
set -u
cd "$(dirname "$0")/.."
. tests/ktap.sh
ko=${PTI_KO:-$(scripts/ko)}
cli=${PTINSPECT:-cli/ptinspect}
tmp=$(mktemp -d)

kernel_enforces_signatures() {
	[ "$(cat /sys/module/module/parameters/sig_enforce)" = Y ]
}

unsigned_module_is_refused() {
	if insmod "$ko" 2> "$tmp/err"; then
		rmmod ptinspect
		echo "an unsigned module loaded"
		return 1
	fi
	cat "$tmp/err"
	[ ! -e /proc/ptinspect ]
}

# Signed, but with a key no keyring of this kernel holds (enrolling it
# is the user's step, through the firmware's MOK manager).
unenrolled_key_is_refused() {
	cp "$ko" "$tmp/signed.ko"
	openssl req -new -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=not enrolled/" \
		-keyout "$tmp/key" -outform DER -out "$tmp/cert.der" 2> /dev/null &&
	KDIR=/lib/modules/$(uname -r)/build scripts/sign-module "$tmp/signed.ko" \
		"$tmp/key" "$tmp/cert.der" > /dev/null || return 1
	[ -n "$(/sbin/modinfo -F signer "$tmp/signed.ko")" ] || return 1
	if insmod "$tmp/signed.ko"; then
		rmmod ptinspect
		echo "a module signed with an unknown key loaded"
		return 1
	fi
	return 0
}

# One line on stderr naming signing and enrolling; exit status 1.
says_how_to_sign() {
	"$@" > /dev/null 2> "$tmp/said"
	rc=$?
	cat "$tmp/said"
	[ "$rc" = 1 ] && [ "$(wc -l < "$tmp/said")" = 1 ] &&
	grep -q 'loads only signed modules' "$tmp/said" &&
	grep -q 'make sign' "$tmp/said" && grep -q 'mokutil --import' "$tmp/said"
}

cli_says_how_to_sign() {
	says_how_to_sign "$cli" ps
}

# make demo's guest half: insmod fails, then the same line.
demo_says_how_to_sign() {
	sh scripts/demo-guest > /dev/null 2> "$tmp/demo"
	rc=$?
	cat "$tmp/demo"
	[ "$rc" != 0 ] && grep -q 'loads only signed modules' "$tmp/demo" &&
	grep -q 'mokutil --import' "$tmp/demo"
}

ktap_plan 5
ktap_check kernel_enforces_signatures kernel_enforces_signatures
ktap_check unsigned_module_is_refused unsigned_module_is_refused
ktap_check unenrolled_key_is_refused unenrolled_key_is_refused
ktap_check cli_says_how_to_sign cli_says_how_to_sign
ktap_check demo_says_how_to_sign demo_says_how_to_sign
rm -rf "$tmp"
ktap_done
