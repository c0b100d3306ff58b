// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_test.c - random input to every interface, while processes come and
 * go: random bytes and lengths written to every writable file, every file
 * read with random buffer sizes and pread offsets, the CLI run with random
 * argument vectors.  Each operation must end (an alarm bounds it), give
 * data or a plain error, and never show a non-root reader a kernel
 * pointer; scripts/check fails the run on any oops or warning the kernel
 * logs meanwhile.  Root, module loaded.  PTI_FUZZ_SEED repeats a run (the
 * seed is printed); PTI_FUZZ_SECONDS bounds each case (default 15).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "harness.h"
#include "module_files.h"
#include "ptinspect_format.h"

#define OP_ALARM_S 120	/* one operation taking longer is a hang (a debug
			 * kernel loads the tracer for tens of seconds) */

static const char *const files[] = { PTI_MODULE_VIEW_FILES };
#define NR_FILES (sizeof(files) / sizeof(files[0]))

static unsigned int seed_of_run(void)
{
	const char *s = getenv("PTI_FUZZ_SEED");
	unsigned int seed = s ? (unsigned int)strtoul(s, NULL, 0) :
				(unsigned int)time(NULL) ^ (unsigned int)getpid();

	printf("# seed %u (PTI_FUZZ_SEED=%u repeats it)\n", seed, seed);
	return seed;
}

static double seconds(void)
{
	const char *s = getenv("PTI_FUZZ_SECONDS");

	return s ? atof(s) : 15;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Processes that come and go for as long as the case runs. */
static pid_t start_churn(void)
{
	pid_t p = fork();

	if (p == 0) {
		for (;;) {
			pid_t c = fork();

			if (c == 0) {
				usleep(rand() % 2000);
				_exit(0);
			}
			if (c > 0)
				waitpid(c, NULL, 0);
		}
	}
	return p;
}

static void stop(pid_t p)
{
	kill(p, SIGKILL);
	waitpid(p, NULL, 0);
}

/* Something worth writing: a number of every kind, words, or noise. */
static size_t random_input(unsigned int *seed, char *buf, size_t size)
{
	static const char *const words[] = {
		"", " ", "\n", "-1", "0", "1", "+1", "-2147483648", "2147483647",
		"4194304", "99999999999999999999", "0x10", "1 2", "1\n2",
		"self", "pid", "\t7\t", "1a", "a1", "-",
	};
	size_t n;

	switch (rand_r(seed) % 4) {
	case 0:
		return snprintf(buf, size, "%s", words[rand_r(seed) %
					(sizeof(words) / sizeof(words[0]))]);
	case 1:
		return snprintf(buf, size, "%d", rand_r(seed) % 70000 - 100);
	case 2:
		return snprintf(buf, size, "%d\n", getppid());
	default:
		n = rand_r(seed) % size;
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)rand_r(seed);
		return n;
	}
}

/* Errors an interface may give bad input; anything else is a bug. */
static bool plain_error(int err)
{
	switch (err) {
	case EINVAL: case ESRCH: case ENXIO: case ERANGE: case EPERM:
	case EACCES: case ENOENT: case ESPIPE: case EOVERFLOW: case E2BIG:
	case EFBIG: case ENODEV: case ENOSPC:
		return true;
	}
	return false;
}

/* A kernel address as %p would print it unhashed, or %px. */
static bool shows_kernel_pointer(const char *buf, ssize_t n)
{
	static regex_t re;
	static bool compiled;
	char *text = strndup(buf, n);
	bool hit;

	if (!compiled)
		compiled = !regcomp(&re, "ffff[89a-f][0-9a-f]{11}", REG_EXTENDED | REG_NOSUB);
	hit = text && regexec(&re, text, 0, NULL, 0) == 0;
	free(text);
	return hit;
}

/*
 * One random operation on one file.  0, or -1 with @why said.
 * @check_pointers: the reader may not see kernel pointers.
 */
static int poke(unsigned int *seed, const char *path, bool check_pointers,
		char *why, size_t why_size)
{
	static char buf[1 << 17];
	struct stat st;
	ssize_t n;
	int fd;

	/* writable as its mode says (root could open any for writing) */
	if (stat(path, &st) == 0 && (st.st_mode & S_IWUSR))
		fd = open(path, O_RDWR);
	else
		fd = open(path, O_RDONLY);
	if (fd < 0) {
		if (plain_error(errno))
			return 0;
		snprintf(why, why_size, "open %s: %s", path, strerror(errno));
		return -1;
	}
	alarm(OP_ALARM_S);
	if (rand_r(seed) % 2) {
		char in[128];
		size_t len = random_input(seed, in, sizeof(in));

		n = write(fd, in, len);
		if (n < 0 && !plain_error(errno) && errno != EBADF) {
			snprintf(why, why_size, "write %zu bytes to %s: %s", len,
				 path, strerror(errno));
			goto fail;
		}
	}
	for (int reads = rand_r(seed) % 4; reads >= 0; reads--) {
		size_t size = 1 + rand_r(seed) % (rand_r(seed) % 2 ? 64 : sizeof(buf));
		off_t at = rand_r(seed) % 3 == 0 ? (off_t)rand_r(seed) % 200000 : -1;

		if (rand_r(seed) % 50 == 0)
			at = (off_t)1 << (40 + rand_r(seed) % 22);
		n = at < 0 ? read(fd, buf, size) : pread(fd, buf, size, at);
		if (n < 0 && !plain_error(errno)) {
			snprintf(why, why_size, "%s %zu bytes of %s at %lld: %s",
				 at < 0 ? "read" : "pread", size, path,
				 (long long)at, strerror(errno));
			goto fail;
		}
		if (n > 0 && check_pointers && shows_kernel_pointer(buf, n)) {
			snprintf(why, why_size, "%s shows a kernel pointer to uid %d",
				 path, (int)getuid());
			goto fail;
		}
	}
	alarm(0);
	close(fd);
	return 0;
fail:
	alarm(0);
	close(fd);
	return -1;
}

static int fuzz_files(unsigned int seed, bool check_pointers, char *why,
		      size_t why_size, long *ops)
{
	double end = now() + seconds();

	while (now() < end) {
		if (poke(&seed, files[rand_r(&seed) % NR_FILES], check_pointers,
			 why, why_size))
			return -1;
		(*ops)++;
	}
	return 0;
}

TEST(random_writes_and_reads_as_root)
{
	unsigned int seed = seed_of_run();
	pid_t churn = start_churn();
	char why[256] = "";
	long ops = 0;
	int err;

	ASSERT_LE(0, churn);
	err = fuzz_files(seed, false, why, sizeof(why), &ops);
	stop(churn);
	TH_LOG("%ld operations", ops);
	EXPECT_EQ(0, err) TH_LOG("%s", why);
}

/* nobody: fewer files open, none may show a kernel address. */
TEST(random_reads_as_nobody_show_no_kernel_pointer)
{
	unsigned int seed = seed_of_run();
	pid_t churn = start_churn(), reader;
	int status;

	ASSERT_LE(0, churn);
	reader = fork();
	if (reader == 0) {
		char why[256] = "";
		long ops = 0;

		if (setgid(65534) || setuid(65534))
			_exit(2);
		if (fuzz_files(seed, true, why, sizeof(why), &ops)) {
			printf("# %s\n", why);
			_exit(1);
		}
		printf("# %ld operations as nobody\n", ops);
		_exit(0);
	}
	waitpid(reader, &status, 0);
	stop(churn);
	ASSERT_TRUE(WIFEXITED(status)) TH_LOG("reader killed by signal %d",
					      WTERMSIG(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* Run the CLI with @argv; its wait status, or -1 after OP_ALARM_S. */
static int run_cli(char **argv)
{
	pid_t p = fork();
	int status;

	if (p == 0) {
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 1);
		dup2(null, 2);
		alarm(OP_ALARM_S);
		execv(argv[0], argv);
		_exit(127);
	}
	waitpid(p, &status, 0);
	return status;
}

/*
 * Random argument vectors: commands, options and values mixed with
 * garbage.  Each run ends by itself with 0 (it did something), 1 (a
 * runtime error) or 2 (usage), never by a signal.
 */
TEST(random_command_lines_end_with_a_status)
{
	static const char *const words[] = {
		"tree", "ps", "vma", "task", "share", "runq", "trace", "-J", "-o",
		"-p", "-c", "-T", "-S", "--map", "--tree", "--help", "-h", "1",
		"0", "-1", "99999999", "pid,comm", "nonsense", "--", "", "-",
		"--follow", "-e", "fork", "--summary", "-d", "0.1", "--attach",
		"raw_tp", "x,y,", "%s%n", "--no-such-option", "pages",
		"kernel", "--walk", "--cow", "--per-vma", "1000-2000", "ffff",
	};
	const char *cli = getenv("PTINSPECT") ? getenv("PTINSPECT") : "cli/ptinspect";
	unsigned int seed = seed_of_run();
	double end = now() + seconds();
	long runs = 0;

	while (now() < end) {
		char *argv[10] = { (char *)cli };
		int argc = 1 + rand_r(&seed) % 7, status;

		for (int i = 1; i < argc; i++)
			argv[i] = (char *)words[rand_r(&seed) %
						(sizeof(words) / sizeof(words[0]))];
		/* a trace that would wait for Ctrl-C gets a duration */
		for (int i = 1; i < argc; i++)
			if (!strcmp(argv[i], "trace")) {
				argv[argc++] = "-d";
				argv[argc++] = "0.2";
				break;
			}
		status = run_cli(argv);
		runs++;
		if (!WIFEXITED(status) || WEXITSTATUS(status) > 2) {
			char line[512] = "";
			size_t len = 0;

			for (int i = 0; i < argc; i++)
				len += snprintf(line + len, sizeof(line) - len, " '%s'", argv[i]);
			if (WIFSIGNALED(status))
				TH_LOG("signal %d:%s", WTERMSIG(status), line);
			else
				TH_LOG("status %d:%s", WEXITSTATUS(status), line);
			ASSERT_TRUE(false);
		}
	}
	TH_LOG("%ld runs", runs);
}

/*
 * What a file does not take is refused plainly, root or not: a write to
 * a file that chooses nothing (its mode has no write bit; root may open
 * it for writing anyway) fails with EIO, the tasks columns' ioctl on any
 * other file with ENOTTY.
 */
TEST(writes_and_ioctls_a_file_does_not_take_are_refused)
{
	static const char *const all[] = { PTI_MODULE_VIEW_FILES,
					    PTI_MODULE_HOLDS_FILE };
	__u64 columns = PTI_TASK_ALL_COLUMNS;
	/* tasks, format, kernel, runqueues, flags; debugfs' tasks, holds */
	int read_only = 0, expected = 5;
	struct stat st;

	if (stat("/sys/kernel/debug/ptinspect", &st) == 0)
		expected += 2;
	else
		TH_LOG("no debugfs: its files left out");
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		int fd;

		if (!strncmp(all[i], "/sys/", 5) && expected == 5)
			continue;
		ASSERT_EQ(0, stat(all[i], &st)) TH_LOG("%s", all[i]);
		fd = open(all[i], O_RDWR);
		ASSERT_LE(0, fd) TH_LOG("%s: %s", all[i], strerror(errno));
		if (!(st.st_mode & S_IWUSR)) {
			read_only++;
			EXPECT_EQ(-1, write(fd, "1\n", 2)) TH_LOG("%s", all[i]);
			EXPECT_EQ(EIO, errno) TH_LOG("%s: %s", all[i],
						     strerror(errno));
		}
		if (strcmp(all[i], "/proc/ptinspect/tasks")) {
			EXPECT_EQ(-1, ioctl(fd, PTI_IOC_TASK_COLUMNS, &columns))
				TH_LOG("%s", all[i]);
			EXPECT_EQ(ENOTTY, errno) TH_LOG("%s: %s", all[i],
							strerror(errno));
		}
		close(fd);
	}
	EXPECT_EQ(expected, read_only);
}

TEST_HARNESS_MAIN
