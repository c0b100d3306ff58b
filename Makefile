# ptinspect: module (kbuild, see Kbuild), CLI, tests, guest runner.
#
#   make              module for KDIR + CLI
#   make demo         install deps, build, boot the guest, show ptinspect
#   make check        all tests, host and every kernel of the matrix (6.1,
#                     6.1-rt, 6.12, 7.x, 7.x-rt); ends "N passed, N failed, N skipped"
#   make check-debug  the guest suite and more on a 6.1 kernel with KASAN,
#                     lockdep, kmemleak and failslab (built once by
#                     scripts/debug-kernel, then cached)
#   make KDIR=/lib/modules/VER/build   build the module for another kernel
#   make install [DESTDIR=] [PREFIX=/usr/local] [KDIR=]   module into the
#                     kernel's updates/ (then depmod), CLI, man pages,
#                     completion, docs
#   make uninstall    the same files removed
#   make sign [MOK_KEY= MOK_CERT=]   sign the module for Secure Boot
#   make dkms-install  the sources to /usr/src, built by DKMS per kernel

KDIR ?= /lib/modules/$(shell uname -r)/build
# The guest's default kernel: Debian 12's 6.1 where installed (scripts/kver).
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

# Into .build/mod/KVER, where the guest's scripts/ko finds it.
guest-module:
	scripts/build-module $(GUEST_KVER)

cli:
	$(MAKE) -C cli

deps:
	scripts/deps

matrix-deps:
	scripts/deps --matrix

# kselftest headers come from Debian's linux-source tarball, never the repo.
$(KSFT_DIR)/kselftest_harness.h: $(LINUX_SRC)
	mkdir -p $(KSFT_DIR)
	tar -xJf $(LINUX_SRC) -C $(KSFT_DIR) --strip-components=4 --wildcards \
		'*/tools/testing/selftests/kselftest.h' \
		'*/tools/testing/selftests/kselftest_harness.h' \
		'*/tools/testing/selftests/kselftest_module.h'
	touch $@

tests: cli man $(KSFT_DIR)/kselftest_harness.h
	$(MAKE) -C tests KSFT_DIR=$(KSFT_DIR)

# scripts/check builds the module for each kernel itself, from clean.
check: matrix-deps cli tests
	scripts/check

# The debug kernel's first build takes about 35 minutes; later ones reuse it.
check-debug: deps cli tests
	scripts/debug-kernel
	PTI_KERNELS=debug PTI_HOST_TESTS=0 PTI_PACKAGES=0 scripts/check

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

# Man pages: their command sections and column lists come from the CLI
# and the column registry (scripts/man), so they cannot drift.
MAN_OUT := $(BUILD)/man
$(BUILD)/man-columns: scripts/man-columns.c cli
	$(CC) -std=gnu11 -Wall -Wextra -Werror -Imodule/uapi -Icli -o $@ $< \
		cli/records.o cli/source.o cli/lines.o cli/module_hint.o -lm

man: cli $(BUILD)/man-columns
	scripts/man cli/ptinspect $(BUILD)/man-columns $(MAN_OUT)

checkpatch: $(CHECKPATCH_DIR)/scripts/checkpatch.pl
	$< --no-tree --quiet -f $(filter-out %.mod.c,$(wildcard module/*.c)) \
		module/*.h $(filter-out %/ptinspect_trace.h,$(wildcard module/uapi/*.h)) \
		procfs/*.c procfs/*.h
	@# libbpf's read-only knobs are 'const volatile' by design.
	$< --no-tree --quiet --ignore VOLATILE -f bpf/trace.bpf.c \
		module/uapi/ptinspect_trace.h

PREFIX ?= /usr/local
SBINDIR = $(DESTDIR)$(PREFIX)/sbin
DOCDIR = $(DESTDIR)$(PREFIX)/share/doc/ptinspect
DOCS = README.md docs/design.md docs/pages.md docs/proc-format.md docs/trace.md
MAN8DIR = $(DESTDIR)$(PREFIX)/share/man/man8
MAN5DIR = $(DESTDIR)$(PREFIX)/share/man/man5
COMPLETIONDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
VERSION = $(shell sed -n 's/^\#define PTI_VERSION "\(.*\)"/\1/p' module/ptinspect.h)
# The kernel KDIR builds for, as uname -r names it (Debian's
# kernel.release says 6.1.192 for 6.1.0-57-amd64; UTS_RELEASE does not).
KDIR_KVER = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h 2>/dev/null)
# The module's sources as DKMS builds them (dkms.conf), in the layout of
# this tree.
MODULE_SOURCES = Kbuild $(filter-out %.mod.c,$(wildcard module/*.[ch] \
	module/uapi/*.h procfs/*.[ch]))
DKMS_SRC = $(DESTDIR)/usr/src/ptinspect-$(VERSION)

install: install-module install-cli

# Secure Boot: the module signed with a Machine Owner Key, made once
# unless MOK_KEY and MOK_CERT name one (README: enrolling it).
sign: module
	KDIR=$(KDIR) scripts/sign-module module/ptinspect.ko $(MOK_KEY) $(MOK_CERT)

print-version:
	@echo $(VERSION)

# The module through kbuild's modules_install into updates/ (as
# updates/module/ptinspect.ko, after its place in this tree), where it
# outranks an in-tree module of the same name; unsigned (signing is for a
# key the user chooses); depmod only for this machine's own module tree
# (a DESTDIR is someone else's to index).
install-module: module
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates DEPMOD=true CONFIG_MODULE_SIG_ALL= \
		modules_install
	@if [ -z "$(DESTDIR)" ]; then depmod -a $(KDIR_KVER); fi

# What the ptinspect package holds: the CLI, its man pages, its bash
# completion and its documentation.
install-cli: cli man
	install -d $(SBINDIR) $(DOCDIR) $(MAN8DIR) $(MAN5DIR) $(COMPLETIONDIR)
	install -m 0755 cli/ptinspect $(SBINDIR)/ptinspect
	install -m 0644 $(DOCS) $(DOCDIR)/
	install -m 0644 $(MAN_OUT)/ptinspect.8 $(MAN8DIR)/
	install -m 0644 $(MAN_OUT)/ptinspect-proc.5 $(MAN5DIR)/
	install -m 0644 cli/completion/ptinspect $(COMPLETIONDIR)/ptinspect

# What ptinspect-dkms holds beside dkms.conf (dh_dkms installs that).
install-dkms-source:
	for f in $(MODULE_SOURCES); do \
		install -D -m 0644 $$f $(DKMS_SRC)/$$f || exit 1; \
	done

# DKMS without a package: the sources into /usr/src, then dkms builds and
# installs the module for every kernel with headers, and for new ones.
dkms-install: install-dkms-source
	install -m 0644 dkms.conf $(DKMS_SRC)/dkms.conf
	dkms add ptinspect/$(VERSION)
	dkms autoinstall

dkms-uninstall:
	-dkms remove ptinspect/$(VERSION) --all
	rm -rf $(DKMS_SRC)

uninstall:
	rm -f $(DESTDIR)/lib/modules/$(KDIR_KVER)/updates/module/ptinspect.ko*
	-rmdir $(DESTDIR)/lib/modules/$(KDIR_KVER)/updates/module 2>/dev/null
	@if [ -z "$(DESTDIR)" ]; then depmod -a $(KDIR_KVER); fi
	rm -f $(SBINDIR)/ptinspect $(MAN8DIR)/ptinspect.8 $(MAN5DIR)/ptinspect-proc.5
	rm -f $(COMPLETIONDIR)/ptinspect
	rm -f $(addprefix $(DOCDIR)/,$(notdir $(DOCS)))
	-rmdir $(DOCDIR) 2>/dev/null

clean:
	-$(MAKE) -C $(GUEST_KDIR) M=$(CURDIR) clean 2>/dev/null
	$(MAKE) -C cli clean
	$(MAKE) -C bpf clean
	$(MAKE) -C tests clean
	@# Keep the kernel roots (scripts/kernel-root): they take a minute to make.
	find $(BUILD) -mindepth 1 -maxdepth 1 ! -name kernels -exec rm -rf {} + 2>/dev/null || true

.PHONY: all module guest-module cli deps matrix-deps tests check demo \
	checkpatch clean install uninstall check-debug \
	install-module install-cli install-dkms-source dkms-install dkms-uninstall print-version sign man
