/* cmd_share.c - `ptinspect share PID`: for every thread of the process and
 * each of its children, which of mm, files, fs, sighand, signal, nsproxy
 * and io context it shares with PID: what clone(2)'s flags left behind.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "json.h"
#include "task.h"
#include "view.h"

/*
 * A shared structure's column and the clone flag that makes a child share
 * it.  Columns are named by their ids: a name that is not one does not
 * compile.
 */
static const struct {
	enum pti_share_column column;
	const char *clone_flag;
} shared[] = {
	{ PTI_SHARE_MM, "VM" }, { PTI_SHARE_FILES, "FILES" },
	{ PTI_SHARE_FS, "FS" }, { PTI_SHARE_SIGHAND, "SIGHAND" },
	{ PTI_SHARE_SIGNAL, "THREAD" },
	/* shared unless a CLONE_NEW* flag was given */
	{ PTI_SHARE_NSPROXY, NULL },
	{ PTI_SHARE_IO, "IO" },
};

/* The column's name, as the view's header and JSON key. */
static const char *share_name(enum pti_share_column column)
{
	return pti_share_columns[column].name;
}

/* 1 shared, 0 not, -1 neither task has one. */
static int share_value(const struct pti_share *s, enum pti_share_column column)
{
	return (int)(int64_t)pti_column_number(&pti_share_columns[column], s);
}

PTI_WORD_TABLE(relation_words, PTI_RELATION_WORDS, PTI_NR_RELATIONS);

/* The CLONE_* flags that would give this row's sharing. */
static void clone_flags(const struct pti_share *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (pti_word_id(relation_words, PTI_NR_RELATIONS, s->relation) ==
	    PTI_RELATION_SELF) {
		snprintf(buf, size, "-");
		return;
	}
	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
		int v = share_value(s, shared[i].column);

		if (!shared[i].clone_flag || v != 1 || len >= size)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
					len ? "|" : "", shared[i].clone_flag);
	}
	if (share_value(s, PTI_SHARE_NSPROXY) == 0 && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%sNEW*",
					len ? "|" : "");
	if (!len)
		snprintf(buf, size, "none");
}

static const struct pti_option share_options[] = {
	PTI_VIEW_OPTIONS("JSON, shared structures as true/false/null",
			 "NAME=\"value\" pairs, one line per task",
			 "raw table (no alignment)", "no header line"),
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect share [options] PID\n\n"
	      "For each thread of PID's process and each child, show which\n"
	      "kernel structures it shares with PID (the same pointer in its\n"
	      "task_struct) and the clone flags that explain it.  Needs root.\n\n"
	      "Options:\n", out);
	pti_options_help(out, share_options);
	fputs("\n"
	      "Columns: PID TGID PPID RELATION (self, thread, child), then MM FILES\n"
	      "FS SIGHAND SIGNAL NSPROXY IO (yes, no, or - when neither task has\n"
	      "one), CLONE (the CLONE_* flags that give this sharing) and COMM;\n"
	      "JSON keys are the same names in lower case.\n",
	      out);
}

/*
 * Shared structures as true, false, or null: "neither task has one" (a
 * kernel thread's mm) is not "no".
 */
static int print_json(const struct pti_share *rows, size_t n)
{
	struct pti_json j;

	pti_json_begin(&j, stdout, PTI_JSON_PRETTY);
	pti_json_array(&j, "shares");
	for (size_t r = 0; r < n; r++) {
		char flags[128];

		pti_json_object(&j, NULL);
		pti_json_s64(&j, "pid", rows[r].pid);
		pti_json_s64(&j, "tgid", rows[r].tgid);
		pti_json_s64(&j, "ppid", rows[r].ppid);
		pti_json_string(&j, "relation", rows[r].relation);
		for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
			int v = share_value(&rows[r], shared[i].column);

			if (v < 0)
				pti_json_null(&j, share_name(shared[i].column));
			else
				pti_json_bool(&j, share_name(shared[i].column), v);
		}
		clone_flags(&rows[r], flags, sizeof(flags));
		pti_json_string(&j, "clone", flags);
		pti_json_string(&j, "comm", rows[r].comm);
		pti_json_close(&j);
	}
	return pti_json_end(&j);
}

static int print_table(const struct pti_share *rows, size_t n,
		       const struct pti_view_opts *o)
{
	static const enum pti_share_column ids[] = {
		PTI_SHARE_PID, PTI_SHARE_TGID, PTI_SHARE_PPID, PTI_SHARE_RELATION,
	};
	struct libscols_table *tb = pti_view_new_table(o, "share");
	int ret = -1;

	if (!tb)
		return -1;
	/* headed as every table is: upper case, numbers right-aligned */
	for (size_t i = 0; i < 4; i++) {
		if (pti_view_add_column(tb, share_name(ids[i]), i < 3, false))
			goto out;
	}
	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
		if (pti_view_add_column(tb, share_name(shared[i].column),
					false, false))
			goto out;
	}
	if (pti_view_add_column(tb, "clone", false, false) ||
	    pti_view_add_column(tb, "comm", false, false))
		goto out;
	for (size_t r = 0; r < n; r++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);
		size_t col = 0;
		char buf[128];

		if (!ln)
			goto out;
		for (size_t i = 0; i < 4; i++) {
			pti_column_format(&pti_share_columns[ids[i]], &rows[r],
					  buf, sizeof(buf));
			scols_line_set_data(ln, col++, buf);
		}
		for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++) {
			int v = share_value(&rows[r], shared[i].column);

			scols_line_set_data(ln, col++, v < 0 ? "-" :
					    v ? "yes" : "no");
		}
		clone_flags(&rows[r], buf, sizeof(buf));
		scols_line_set_data(ln, col++, buf);
		scols_line_set_data(ln, col++, rows[r].comm);
	}
	ret = scols_print_table(tb) ? -1 : 0;
out:
	scols_unref_table(tb);
	return ret;
}

int pti_cmd_share(const struct pti_source *src, int argc, char **argv)
{
	struct pti_share *rows;
	struct pti_view_opts o = { 0 };
	char err[512] = "";
	size_t n;
	struct pti_getopt opts;
	int c, pid, ret = 0;

	pti_getopt_init(&opts, share_options, &o);
	c = pti_getopt_next(&opts, argc, argv);
	if (c != -1)
		return pti_option_exit("share", c, usage);
	pid = pti_pid_operand("share", argc, argv, optind);
	if (pid < 0)
		return PTI_EXIT_USAGE;
	if (pti_share_load(src, pid, &rows, &n, err, sizeof(err))) {
		fprintf(stderr, "ptinspect share: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	if (o.json)
		ret = print_json(rows, n);
	else
		ret = print_table(rows, n, &o);
	free(rows);
	if (ret)
		fputs("ptinspect share: cannot print the table\n", stderr);
	return ret ? PTI_EXIT_FAILURE : PTI_EXIT_OK;
}
