/* view.c - task records to libsmartcols.  The column names are the /proc
 * header's (upper-cased for people; JSON keys come out lower-case), plus
 * "mark", which the CLI derives.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "view.h"

#define PTI_MARK_COLUMN "mark"
#define PTI_MAX_OUT_COLUMNS 64

static bool is_number(const struct pti_column *col)
{
	return col->type == PTI_T_S32 || col->type == PTI_T_U32 ||
	       col->type == PTI_T_U64 || col->type == PTI_T_S64;
}

bool pti_column_is_number(const struct pti_column *col)
{
	return col && is_number(col);
}

static bool is_number_name(const char *name)
{
	return pti_column_is_number(pti_task_column_find(name));
}

static bool column_known(const char *name)
{
	return strcmp(name, PTI_MARK_COLUMN) == 0 || pti_task_column_find(name);
}

int pti_split_list(char *list, char **names, int max)
{
	int n = 0;
	char *save = NULL;

	for (char *tok = strtok_r(list, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (n == max)
			return -1;
		names[n++] = tok;
	}
	return n;
}

int pti_view_check_columns(const char *list, char *err, size_t errlen)
{
	char *names[PTI_MAX_OUT_COLUMNS];
	char *copy = strdup(list);
	int n, ret = 0;

	if (!copy)
		return -1;
	n = pti_split_list(copy, names, PTI_MAX_OUT_COLUMNS);
	if (n <= 0) {
		snprintf(err, errlen, "empty or too long column list '%s'", list);
		ret = -1;
	}
	for (int i = 0; i < n && !ret; i++) {
		if (!column_known(names[i])) {
			snprintf(err, errlen, "unknown column '%s'", names[i]);
			ret = -1;
		}
	}
	free(copy);
	return ret;
}

static void header_name(const char *name, char *buf, size_t size)
{
	size_t i;

	for (i = 0; name[i] && i + 1 < size; i++)
		buf[i] = (char)toupper((unsigned char)name[i]);
	buf[i] = '\0';
}

struct libscols_table *pti_view_new_table(const struct pti_view_opts *o,
					  const char *name)
{
	struct libscols_table *tb = scols_new_table();

	if (!tb)
		return NULL;
	/* one output format: the last one enabled is the one used */
	scols_table_enable_raw(tb, o->raw);
	if (o->pairs)
		scols_table_enable_export(tb, 1);
	if (o->json) {
		scols_table_enable_json(tb, 1);
		scols_table_set_name(tb, name);
	}
	scols_table_enable_noheadings(tb, o->noheadings);
	return tb;
}

int pti_view_add_column(struct libscols_table *tb, const char *name,
			bool number, bool tree)
{
	struct libscols_column *cl;
	char header[64];
	int flags = 0;

	if (tree)
		flags |= SCOLS_FL_TREE;
	else if (number)
		flags |= SCOLS_FL_RIGHT;
	header_name(name, header, sizeof(header));
	cl = scols_table_new_column(tb, header, 0, flags);
	if (!cl)
		return -1;
	if (number)
		scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
	return 0;
}

static int fill_cell(struct libscols_line *ln, size_t i, const char *name,
		     const struct pti_task_set *set, const struct pti_task *t)
{
	const struct pti_column *col = pti_task_column_find(name);
	char buf[512];

	if (col)
		pti_column_format(col, t, buf, sizeof(buf));
	else
		pti_task_marks(set, t, buf, sizeof(buf));
	return scols_line_set_data(ln, i, buf);
}

int pti_view_print(FILE *out, const struct pti_task_set *set,
		   const struct pti_row *rows, size_t nrows,
		   const struct pti_view_opts *opts, const char *defaults,
		   const char *tree_column, const char *name)
{
	char *names[PTI_MAX_OUT_COLUMNS];
	struct libscols_line **lines = NULL;
	struct libscols_table *tb;
	char *list;
	int n, ret = -1;

	list = strdup(opts->columns ? opts->columns : defaults);
	tb = pti_view_new_table(opts, name);
	if (!list || !tb)
		goto out;
	n = pti_split_list(list, names, PTI_MAX_OUT_COLUMNS);
	if (n <= 0)
		goto out;
	scols_table_set_stream(tb, out);
	for (int i = 0; i < n; i++) {
		bool tree = tree_column && strcmp(names[i], tree_column) == 0;

		if (!column_known(names[i]) ||
		    pti_view_add_column(tb, names[i],
					is_number_name(names[i]), tree))
			goto out;
	}
	lines = calloc(nrows ? nrows : 1, sizeof(*lines));
	if (!lines)
		goto out;
	for (size_t r = 0; r < nrows; r++) {
		struct libscols_line *parent = NULL;

		if (rows[r].parent >= 0 && (size_t)rows[r].parent < r)
			parent = lines[rows[r].parent];
		lines[r] = scols_table_new_line(tb, parent);
		if (!lines[r])
			goto out;
		for (int i = 0; i < n; i++)
			if (fill_cell(lines[r], (size_t)i, names[i], set,
				      rows[r].task))
				goto out;
	}
	ret = scols_print_table(tb) ? -1 : 0;
out:
	free(lines);
	scols_unref_table(tb);
	free(list);
	return ret;
}

void pti_view_list_columns(FILE *out, const char *format)
{
	for (size_t i = 0; i < PTI_TASK_NR_COLUMNS; i++)
		fprintf(out, format, pti_task_columns[i].name,
			pti_task_columns[i].help);
	fprintf(out, format, PTI_MARK_COLUMN,
		"derived: thread, zombie, orphan, traced, kthread, reaper");
}
