/* main.c - ptinspect: what the kernel holds about processes, read from the
 * ptinspect module's /proc/ptinspect files.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include "commands.h"

#define PTI_CLI_VERSION "0.1.0"

static const struct {
	const char *name;
	int (*run)(const struct pti_source *src, int argc, char **argv);
	const char *help;
} commands[] = {
	{ "tree", pti_cmd_tree, "process tree: threads, zombies, orphans" },
	{ "ps", pti_cmd_ps, "table of processes or threads" },
	{ "vma", pti_cmd_vma, "a process's address space: mm summary, VMAs, map" },
	{ "task", pti_cmd_task, "one task_struct whole, grouped by concern" },
	{ "share", pti_cmd_share, "what a process's threads and children share" },
	{ "pages", pti_cmd_pages, "a process's page tables: frames, COW, swap, huge pages" },
	{ "kernel", pti_cmd_kernel, "this boot's address-space layout, the kernel half too" },
	{ "runq", pti_cmd_runq, "every CPU's runqueue and CFS tree" },
	{ "trace", pti_cmd_trace, "fork/exec/exit/reap and scheduling, live (BPF)" },
};

/*
 * A command's output still in stdio's buffer fails only when it is
 * flushed: a short table to a full disk would otherwise exit 0.  Said
 * once, as util-linux's close_stdout() says it; a command that failed
 * has said why already.
 */
static int flushed(int status)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	if (status == PTI_EXIT_OK) {
		fprintf(stderr, "ptinspect: write error: %s\n",
			errno ? strerror(errno) : "output failed");
		return PTI_EXIT_FAILURE;
	}
	return status;
}

static void usage(FILE *out)
{
	fputs("Usage: ptinspect [--proc-dir DIR] COMMAND [options]\n\n"
	      "Show what the kernel holds about processes (needs the ptinspect\n"
	      "module: sudo insmod module/ptinspect.ko).\n\nCommands:\n", out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-6s %s\n", commands[i].name, commands[i].help);
	fputs("\nOptions:\n"
	      "      --proc-dir DIR  read the module's files from DIR\n"
	      "                      (default /proc/ptinspect, or $PTINSPECT_PROC_DIR)\n"
	      "  -h, --help          this help\n"
	      "  -V, --version       print the version\n\n"
	      "'ptinspect COMMAND --help' lists a command's options and columns.\n"
	      "Exit status: 0 ok, 1 failure, 2 usage error.\n", out);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "proc-dir", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct pti_source src = { .proc_dir = getenv("PTINSPECT_PROC_DIR"),
				  .sys_dir = getenv("PTINSPECT_SYS_DIR") };
	int c;

	if (!src.proc_dir || !*src.proc_dir)
		src.proc_dir = "/proc/ptinspect";
	/*
	 * No transparent huge pages: with THP "always" (Debian's kernels) a
	 * record array growing past 2 MiB took a huge page or not depending
	 * on where it landed, and the peak memory of one command varied by
	 * 1.6 MiB from run to run.  The arrays are read once and freed.
	 */
	prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
	/* '+': stop at the command; its own options follow it. */
	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'P':
			src.proc_dir = optarg;
			break;
		case 'h':
			usage(stdout);
			return flushed(PTI_EXIT_OK);
		case 'V':
			printf("ptinspect %s (format %d)\n", PTI_CLI_VERSION,
			       PTI_FORMAT_VERSION);
			return flushed(PTI_EXIT_OK);
		default:
			usage(stderr);
			return PTI_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return PTI_EXIT_USAGE;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		int first = optind;

		if (strcmp(argv[first], commands[i].name))
			continue;
		/*
		 * A command parses its own argv, from its start, as a
		 * program's main() would: 0 also resets getopt's state.
		 */
		optind = 0;
		return flushed(commands[i].run(&src, argc - first, argv + first));
	}
	fprintf(stderr, "ptinspect: unknown command '%s'\n", argv[optind]);
	usage(stderr);
	return PTI_EXIT_USAGE;
}
