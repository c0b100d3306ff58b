/* cmd_tasks.c - `ptinspect tree` and `ptinspect ps`: views of the tasks
 * file as a process tree or as a table.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "commands.h"
#include "flag_names.h"
#include "task_sort.h"
#include "tree.h"

#define TREE_DEFAULT_COLUMNS "name,pid,state,threads,uid,policy,nice,mark"
#define PS_DEFAULT_COLUMNS \
	"pid,tgid,ppid,state,uid,policy,prio,nice,cpu,nvcsw,nivcsw,name,mark"

struct tasks_cmd {
	const char *name;
	const char *summary;
	const char *defaults;
	const char *tree_column;	/* "a,b": the first shown; NULL: a table */
	void (*usage)(FILE *out);
};

static const struct pti_option tasks_options[] = {
	{ "pid", 'p', "PID", "only the process PID (tree: its subtree)" },
	{ "threads", 'T', NULL, "show every thread, not only processes" },
	{ "output", 'o', "LIST", "comma-separated columns to show" },
	{ "sort", 'x', "COLUMN", "rows (tree: each node's children) by COLUMN" },
	{ "list", 'l', NULL, "tree: a flat list in tree order, no tree drawn" },
	PTI_VIEW_OPTIONS("JSON output",
			 "NAME=\"value\" pairs, one line per task",
			 "raw output (no alignment)", "no header line"),
	PTI_LIST_COLUMNS_OPTION,
	{ NULL },
};

static void usage(FILE *out, const struct tasks_cmd *cmd)
{
	fprintf(out, "Usage: ptinspect %s [options]\n\n", cmd->name);
	fprintf(out, "%c%s.\n\n", cmd->summary[0] - 'a' + 'A', cmd->summary + 1);
	fputs("Options:\n", out);
	pti_options_help(out, tasks_options);
	putc('\n', out);
	fprintf(out, "Default columns: %s\n\nAvailable columns:\n", cmd->defaults);
	pti_view_list_columns(out, PTI_HELP_COLUMN_FORMAT);
}

static void tree_usage(FILE *out);
static void ps_usage(FILE *out);

static const struct tasks_cmd tree_cmd = {
	"tree", "show the process tree", TREE_DEFAULT_COLUMNS, "name,comm",
	tree_usage,
};

static const struct tasks_cmd ps_cmd = {
	"ps", "list tasks as a table", PS_DEFAULT_COLUMNS, NULL, ps_usage,
};

static void tree_usage(FILE *out)
{
	usage(out, &tree_cmd);
}

static void ps_usage(FILE *out)
{
	usage(out, &ps_cmd);
}

/* The columns table_rows() reads. */
#define TABLE_ROWS_COLS (PTI_TASK_COL(PID) | PTI_TASK_COL(TGID))

/* --sort's one column, resolved against the tasks' model; -1 with @err. */
static int parse_sort(struct pti_column_list *by, const char *name,
		      char *err, size_t errlen)
{
	pti_column_list_free(by);
	if (strchr(name, ',')) {
		snprintf(err, errlen, "--sort takes one column, not '%s'", name);
		return -1;
	}
	return pti_column_list_parse(by, &pti_task_model, name, 1, err, errlen);
}

/*
 * Rows for ps: processes (or every thread), optionally one process only,
 * in @order (NULL: by pid).
 */
static int table_rows(const struct pti_task_set *set, bool threads, int pid,
		      const size_t *order, struct pti_row **rows,
		      size_t *nrows, char *err, size_t errlen)
{
	const struct pti_task_entry *only = pid ? pti_task_set_find(set, pid) :
					    NULL;
	int64_t only_tgid = only ? pti_task_get(set, only, PTI_TASK_TGID) : 0;

	if (pid && !only) {
		snprintf(err, errlen, "no task with pid %d", pid);
		return -1;
	}
	*rows = calloc(set->n ? set->n : 1, sizeof(**rows));
	if (!*rows) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	*nrows = 0;
	for (size_t k = 0; k < set->n; k++) {
		const struct pti_task_entry *t = pti_task_at(set,
							     order ? order[k] : k);
		int64_t tgid = pti_task_get(set, t, PTI_TASK_TGID);

		if (!threads && pti_task_pid(t) != tgid)
			continue;
		if (only && tgid != only_tgid)
			continue;
		(*rows)[*nrows].task = t;
		(*rows)[(*nrows)++].parent = -1;
	}
	return 0;
}

static int run(const struct tasks_cmd *cmd, const struct pti_source *src,
	       int argc, char **argv)
{
	struct pti_view_opts opts = { 0 };
	struct pti_getopt options;
	struct pti_task_set set = { 0 };
	struct pti_flag_names task_flags = { 0 }, policies = { 0 };
	struct pti_flag_set_wanted want[2];
	size_t nwant = 0;
	struct pti_column_list cols = { 0 };
	pti_task_cols wanted;
	struct pti_column_list sort_by = { 0 };
	struct pti_sort_key key;
	size_t *order = NULL;
	struct pti_row *rows = NULL;
	size_t nrows = 0;
	bool threads = false, list = false;
	int pid = 0, c, ret = PTI_EXIT_FAILURE;
	char err[512];

	pti_getopt_init(&options, tasks_options, &opts);
	while ((c = pti_getopt_next(&options, argc, argv)) != -1) {
		switch (c) {
		case 'p':
			pid = pti_pid_arg(cmd->name, optarg);
			if (pid < 0) {
				ret = PTI_EXIT_USAGE;
				goto out;
			}
			break;
		case 'T':
			threads = true;
			break;
		case 'o':
			if (pti_columns_arg(cmd->name, &cols, &pti_task_model,
					    PTI_COLUMN_LIST_MAX, optarg)) {
				ret = PTI_EXIT_USAGE;
				goto out;
			}
			break;
		case 'x':
			if (parse_sort(&sort_by, optarg, err, sizeof(err))) {
				fprintf(stderr, "ptinspect %s: %s\n", cmd->name,
					err);
				ret = PTI_EXIT_USAGE;
				goto out;
			}
			break;
		case 'l':
			list = true;
			break;
		case PTI_OPT_LIST_COLUMNS:
			pti_view_list_columns(stdout, PTI_LIST_COLUMN_FORMAT);
			ret = PTI_EXIT_OK;
			goto out;
		default:
			ret = pti_option_exit(cmd->name, c, cmd->usage);
			goto out;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ptinspect %s: unexpected argument '%s'\n",
			cmd->name, argv[optind]);
		ret = PTI_EXIT_USAGE;
		goto out;
	}
	opts.terminal = isatty(STDOUT_FILENO);
	/* the defaults are known names: only memory can fail them */
	if (!cols.n && pti_column_list_parse(&cols, &pti_task_model,
					     cmd->defaults, PTI_COLUMN_LIST_MAX,
					     err, sizeof(err)))
		goto fail;
	/* what the rows, their order and the columns shown read */
	wanted = (cmd->tree_column ? PTI_TREE_COLS : TABLE_ROWS_COLS) |
		 pti_view_reads(&cols) | pti_view_reads(&sort_by);
	if (pti_tasks_load(src, &set, wanted, err, sizeof(err)))
		goto fail;
	/* the names the columns shown need, from /proc/ptinspect/flags */
	if (pti_column_list_has(&cols, PTI_TASK_DERIVED_FLAG_NAMES)) {
		want[nwant++] = (struct pti_flag_set_wanted){ "flags",
							      &task_flags };
		opts.task_flags = &task_flags;
	}
	if (pti_column_list_has(&cols, PTI_TASK_DERIVED_POLICY)) {
		want[nwant++] = (struct pti_flag_set_wanted){ "policy",
							      &policies };
		opts.policies = &policies;
	}
	/* both sets, when both are shown, from one reading of the file */
	if (pti_flag_names_load_sets(src, want, nwant, err, sizeof(err)))
		goto fail;
	if (sort_by.n) {
		pti_sort_key_init(&key, &sort_by.cols[0], &set);
		order = pti_sort_order(&key);
		if (!order) {
			snprintf(err, sizeof(err), "out of memory");
			goto fail;
		}
	}
	if (cmd->tree_column ?
	    pti_tree_rows(&set, threads, pid, order, &rows, &nrows, err,
			  sizeof(err)) :
	    table_rows(&set, threads, pid, order, &rows, &nrows, err,
		       sizeof(err)))
		goto fail;
	/* a list keeps the tree's order and drops its links */
	for (size_t i = 0; list && i < nrows; i++)
		rows[i].parent = -1;
	if (pti_view_print(stdout, &set, rows, nrows, &opts, &cols,
			   list ? NULL : cmd->tree_column, "tasks")) {
		snprintf(err, sizeof(err), "cannot print the table");
		goto fail;
	}
	ret = PTI_EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "ptinspect %s: %s\n", cmd->name, err);
out:
	free(rows);
	free(order);
	pti_task_set_free(&set);
	pti_flag_names_free(&task_flags);
	pti_flag_names_free(&policies);
	pti_column_list_free(&cols);
	pti_column_list_free(&sort_by);
	return ret;
}

int pti_cmd_tree(const struct pti_source *src, int argc, char **argv)
{
	return run(&tree_cmd, src, argc, argv);
}

int pti_cmd_ps(const struct pti_source *src, int argc, char **argv)
{
	return run(&ps_cmd, src, argc, argv);
}
