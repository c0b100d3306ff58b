/* command_line.c - what every command reads from its command line: pids
 * and column lists.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include "column_list.h"
#include "commands.h"

/*
 * A pid is a positive pid_t: how high the kernel numbers them is its
 * to say (the module refuses a pid above PID_MAX_LIMIT; no task has it).
 */
static int parse_pid(const char *text)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || end == text || *end || v < 1 || v > INT_MAX)
		return -1;
	return (int)v;
}

int pti_pid_arg(const char *cmd, const char *text)
{
	int pid = parse_pid(text);

	if (pid < 0)
		fprintf(stderr, "ptinspect %s: invalid pid '%s'\n", cmd, text);
	return pid;
}

int pti_pid_operand(const char *cmd, int argc, char **argv, int first)
{
	if (first + 1 != argc) {
		fprintf(stderr, "ptinspect %s: expected one PID\n", cmd);
		return -1;
	}
	return pti_pid_arg(cmd, argv[first]);
}

int pti_columns_arg(const char *cmd, struct pti_column_list *cols,
		    const struct pti_column_model *model, size_t max,
		    const char *text)
{
	char err[512];

	/* the last -o given is the one shown */
	pti_column_list_free(cols);
	if (!pti_column_list_parse(cols, model, text, max, err, sizeof(err)))
		return 0;
	fprintf(stderr, "ptinspect %s: %s\n", cmd, err);
	return -1;
}
