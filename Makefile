# ptinspect: module (kbuild, see Kbuild), CLI, tests, guest runner.
#
#   make              module for KDIR + CLI
#   make demo         install deps, build, boot the guest, show ptinspect
#   make check        all tests (host + guest); ends "N passed, N failed, N skipped"
#   make KDIR=/lib/modules/VER/build   build the module for another kernel

KDIR ?= /lib/modules/$(shell uname -r)/build
# The guest boots the newest installed kernel that has headers.
GUEST_KVER = $(shell scripts/kver 2>/dev/null)
GUEST_KDIR = /lib/modules/$(GUEST_KVER)/build
LINUX_SRC ?= /usr/src/linux-source-6.1.tar.xz
BUILD := $(CURDIR)/.build
KSFT_DIR := $(BUILD)/kselftest

all: module cli

# Without headers for the running kernel (a host that cannot load modules
# anyway), fall back to the guest kernel's, and say so.
module:
	@kdir="$(KDIR)"; \
	if [ ! -e "$$kdir/Makefile" ] && [ "$(origin KDIR)" = file ]; then \
		kdir="$(GUEST_KDIR)"; \
		echo "note: no headers at $(KDIR); building for $$kdir"; \
	fi; \
	$(MAKE) -C "$$kdir" M=$(CURDIR) modules

guest-module:
	$(MAKE) -C $(GUEST_KDIR) M=$(CURDIR) modules

cli:
	$(MAKE) -C cli

deps:
	scripts/deps

# kselftest headers come from Debian's linux-source tarball, never the repo.
$(KSFT_DIR)/kselftest_harness.h: $(LINUX_SRC)
	mkdir -p $(KSFT_DIR)
	tar -xJf $(LINUX_SRC) -C $(KSFT_DIR) --strip-components=4 --wildcards \
		'*/tools/testing/selftests/kselftest.h' \
		'*/tools/testing/selftests/kselftest_harness.h' \
		'*/tools/testing/selftests/kselftest_module.h'
	touch $@

tests: cli $(KSFT_DIR)/kselftest_harness.h
	$(MAKE) -C tests KSFT_DIR=$(KSFT_DIR)

check: deps guest-module cli tests
	scripts/check

demo: deps guest-module cli
	scripts/vm-run -- scripts/demo-guest

CHECKPATCH_DIR := $(BUILD)/checkpatch
$(CHECKPATCH_DIR)/scripts/checkpatch.pl: $(LINUX_SRC)
	mkdir -p $(CHECKPATCH_DIR)
	tar -xJf $(LINUX_SRC) -C $(CHECKPATCH_DIR) --strip-components=1 \
		linux-source-6.1/scripts/checkpatch.pl \
		linux-source-6.1/scripts/spelling.txt \
		linux-source-6.1/scripts/const_structs.checkpatch
	touch $@

checkpatch: $(CHECKPATCH_DIR)/scripts/checkpatch.pl
	$< --no-tree --quiet -f $(filter-out %.mod.c,$(wildcard module/*.c)) \
		module/*.h procfs/*.c
	@# libbpf's read-only knobs are 'const volatile' by design.
	$< --no-tree --quiet --ignore VOLATILE -f bpf/trace.bpf.c bpf/trace.h

clean:
	-$(MAKE) -C $(GUEST_KDIR) M=$(CURDIR) clean 2>/dev/null
	$(MAKE) -C cli clean
	$(MAKE) -C bpf clean
	$(MAKE) -C tests clean
	rm -rf $(BUILD)

.PHONY: all module guest-module cli deps tests check demo checkpatch clean
