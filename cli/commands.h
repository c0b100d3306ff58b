/* commands.h - the ptinspect subcommands. */
#ifndef PTI_CLI_COMMANDS_H
#define PTI_CLI_COMMANDS_H

#include <stdio.h>
#include "options.h"
#include "records.h"

/* Exit codes, as util-linux tools use them. */
enum { PTI_EXIT_OK = 0, PTI_EXIT_FAILURE = 1, PTI_EXIT_USAGE = 2 };

int pti_cmd_tree(const struct pti_source *src, int argc, char **argv);
int pti_cmd_ps(const struct pti_source *src, int argc, char **argv);
int pti_cmd_vma(const struct pti_source *src, int argc, char **argv);
int pti_cmd_task(const struct pti_source *src, int argc, char **argv);
int pti_cmd_share(const struct pti_source *src, int argc, char **argv);
int pti_cmd_pages(const struct pti_source *src, int argc, char **argv);
int pti_cmd_kernel(const struct pti_source *src, int argc, char **argv);
int pti_cmd_runq(const struct pti_source *src, int argc, char **argv);
int pti_cmd_trace(const struct pti_source *src, int argc, char **argv);

/* A column in --help, and in --list-columns: NAME<TAB>HELP. */
#define PTI_HELP_COLUMN_FORMAT "  %-14s %s\n"
#define PTI_LIST_COLUMN_FORMAT "%s\t%s\n"

/*
 * A pid option's or operand's @text: a positive pid_t (1..INT_MAX), or -1
 * after saying what is wrong.
 */
int pti_pid_arg(const char *cmd, const char *text);
/* The single PID operand at argv[first]; -1 after saying what is wrong. */
int pti_pid_operand(const char *cmd, int argc, char **argv, int first);

struct pti_column_list;
struct pti_column_model;

/*
 * An -o option's @text, resolved against @model into @cols (at most @max
 * columns), replacing what an earlier -o set: 0, or -1 after saying what
 * is wrong (@cols is then empty).
 */
int pti_columns_arg(const char *cmd, struct pti_column_list *cols,
		    const struct pti_column_model *model, size_t max,
		    const char *text);

#endif
