// SPDX-License-Identifier: GPL-2.0
/*
 * failslab_test.c - every file of the module opened and read while the
 * kernel fails this task's slab allocations (failslab with task-filter,
 * Documentation/fault-injection): each open and read either
 * works or ends with ENOMEM, the kernel injected failures at all, and
 * once the failures stop every file reads whole again.  What an error
 * path leaks, kmemleak finds after unload (tests/debug-guest); what it
 * warns, scripts/vm-run finds in the log.  Page allocations are not
 * failed: the page allocator reports each failure with a stack trace,
 * which would hide a real warning in the noise.  Needs a kernel with
 * CONFIG_FAILSLAB (scripts/debug-kernel); skips elsewhere.  Root, module
 * loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness.h"
#include "knob.h"
#include "module_files.h"

#define INJECT "/sys/kernel/debug/"
#define ROUNDS 60		/* opens and reads per file and probability */
#define TIMES 100000000L	/* the kernel counts this down per failure */

static const char *const files[] = {
	PTI_MODULE_VIEW_FILES, PTI_MODULE_HOLDS_FILE,
};
#define NR_FILES (sizeof(files) / sizeof(files[0]))


static int put(const char *knob, const char *value)
{
	char path[128];

	snprintf(path, sizeof(path), INJECT "failslab/%s", knob);
	return knob_write(path, value);
}

static long get(const char *knob)
{
	char path[128], buf[32];

	snprintf(path, sizeof(path), INJECT "failslab/%s", knob);
	if (knob_read(path, buf, sizeof(buf)) < 0)
		return -1;
	return strtol(buf, NULL, 10);
}

/* Failures for tasks that ask, at @probability percent, quietly. */
static int arm(int probability)
{
	char p[16], times[32];

	snprintf(p, sizeof(p), "%d", probability);
	snprintf(times, sizeof(times), "%ld", TIMES);
	return put("task-filter", "Y") || put("verbose", "0") ||
	       put("interval", "1") || put("space", "0") ||
	       put("ignore-gfp-wait", "N") || put("times", times) ||
	       put("probability", p) ? -1 : 0;
}

static void disarm(void)
{
	put("probability", "0");
}

/* Failures injected since the last arm(): the kernel counts times down. */
static long injected(void)
{
	return TIMES - get("times");
}

/*
 * Open and read @path to its end with this task's allocations failing
 * between the writes to @fail (its /proc/self/make-it-fail).  0 when it
 * worked, the errno of the step that failed otherwise.
 */
static int read_failing(int fail, const char *path, char *buf, size_t size)
{
	ssize_t n = 0;
	int fd, err = 0;

	if (write(fail, "1", 1) != 1)
		return EIO;
	fd = open(path, O_RDONLY);
	if (fd < 0)
		err = errno;
	while (fd >= 0 && (n = read(fd, buf, size)) > 0)
		;
	if (fd >= 0 && n < 0)
		err = errno;
	if (fd >= 0)
		close(fd);
	if (pwrite(fail, "0", 1, 0) != 1)
		return EIO;
	return err;
}

static ssize_t read_whole(const char *path, char *buf, size_t size)
{
	ssize_t n, total = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + total, size - total - 1)) > 0)
		total += n;
	close(fd);
	if (n < 0)
		return -1;
	buf[total] = 0;
	return total;
}

FIXTURE(inject) {
	int fail;
	char *buf;
	size_t size;
};

FIXTURE_SETUP(inject)
{
	/* A SKIP here would not stop this harness's case: the case skips. */
	self->fail = -1;
	self->buf = NULL;
	if (access(INJECT "failslab/probability", W_OK))
		return;
	self->fail = open("/proc/self/make-it-fail", O_WRONLY);
	ASSERT_LE(0, self->fail);
	/* touched now, so that filling it later allocates nothing */
	self->size = 1 << 20;
	self->buf = malloc(self->size);
	ASSERT_NE(NULL, self->buf);
	memset(self->buf, 1, self->size);
}

FIXTURE_TEARDOWN(inject)
{
	disarm();
	if (self->fail >= 0)
		close(self->fail);
	free(self->buf);
}

/*
 * Every file at falling probabilities (every allocation failing, then
 * some at random, so that failures land at different points of a read):
 * ENOMEM or success, nothing else.
 */
TEST_F(inject, every_file_fails_with_enomem_or_works)
{
	static const int probabilities[] = { 100, 30, 5 };
	long failures = 0;
	int odd = 0;

	if (self->fail < 0)
		SKIP(return, "kernel without failslab in debugfs");

	for (size_t p = 0; p < 3; p++) {
		ASSERT_EQ(0, arm(probabilities[p]));
		for (size_t f = 0; f < NR_FILES; f++) {
			int worked = 0, enomem = 0;

			for (int r = 0; r < ROUNDS; r++) {
				int err = read_failing(self->fail, files[f],
						       self->buf, self->size);

				if (!err)
					worked++;
				else if (err == ENOMEM)
					enomem++;
				else if (odd++ < 10)
					TH_LOG("%s at %d%%: %s", files[f],
					       probabilities[p], strerror(err));
			}
			printf("# %3d%% %-36s %2d worked, %2d ENOMEM\n",
			       probabilities[p], files[f], worked, enomem);
		}
		disarm();
		failures += injected();
	}
	TH_LOG("%ld allocations failed", failures);
	EXPECT_EQ(0, odd);
	EXPECT_LT(0, failures);
}

/* Once the failures stop, every file reads whole and starts as before. */
TEST_F(inject, every_file_reads_whole_after_failures)
{
	if (self->fail < 0)
		SKIP(return, "kernel without failslab in debugfs");
	for (size_t f = 0; f < NR_FILES; f++) {
		char first[256];
		ssize_t n = read_whole(files[f], self->buf, self->size);

		ASSERT_LT(0, n) TH_LOG("%s before", files[f]);
		snprintf(first, sizeof(first), "%.*s",
			 (int)strcspn(self->buf, "\n"), self->buf);
		ASSERT_EQ(0, arm(100));
		for (int r = 0; r < ROUNDS; r++)
			read_failing(self->fail, files[f], self->buf, self->size);
		disarm();
		n = read_whole(files[f], self->buf, self->size);
		ASSERT_LT(0, n) TH_LOG("%s after", files[f]);
		EXPECT_EQ(0, strncmp(self->buf, first, strlen(first)))
			TH_LOG("%s now starts '%.60s', was '%s'", files[f],
			       self->buf, first);
	}
}

TEST_HARNESS_MAIN
