/* view.c - task records as a table or tree: printed as formatted for a
 * pipe or file (plain_table.c), as JSON (json.c), through libsmartcols for
 * a terminal and pairs.  The column names are the /proc header's
 * (upper-cased for people; JSON keys in lower case), plus the ones the
 * CLI derives (task_derived[]).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "flag_names.h"
#include "json.h"
#include "plain_table.h"
#include "view.h"
#include "task_marks.h"

_Static_assert(PTI_COLUMN_LIST_MAX <= PTI_PLAIN_MAX_COLUMNS,
	       "a view's columns fit a plain table");

/* The columns ps and tree derive; each shadows a record column of its name. */
static const struct pti_derived_column task_derived[] = {
	/* sorted by its text (task_sort.c) */
	{ "mark", "derived: thread, zombie, orphan, traced, kthread, reaper",
	  PTI_TASK_DERIVED_MARK, PTI_MARK_COLS, NULL },
	{ "flag_names",
	  "PF_* flags by name without PF_, '|'-separated (/proc/ptinspect/flags)",
	  PTI_TASK_DERIVED_FLAG_NAMES, PTI_TASK_COL(FLAGS),
	  &pti_task_columns[PTI_TASK_FLAGS] },
	/* the record's number, shown by name (sorted by number) */
	{ "policy",
	  "scheduling policy by name: NORMAL FIFO RR BATCH IDLE DEADLINE EXT",
	  PTI_TASK_DERIVED_POLICY, PTI_TASK_COL(POLICY),
	  &pti_task_columns[PTI_TASK_POLICY] },
};

const struct pti_column_model pti_task_model = {
	.record = pti_task_columns,
	.nrecord = PTI_TASK_NR_COLUMNS,
	.derived = task_derived,
	.nderived = sizeof(task_derived) / sizeof(task_derived[0]),
};

/* The record columns column @c is made from. */
static pti_task_cols column_reads(const struct pti_out_column *c)
{
	return c->derived ? c->derived->reads : pti_task_col_of(c->col);
}

pti_task_cols pti_view_reads(const struct pti_column_list *cols)
{
	pti_task_cols reads = 0;

	for (size_t i = 0; i < cols->n; i++)
		reads |= column_reads(&cols->cols[i]);
	return reads;
}

bool pti_view_stdout_setup(void)
{
	/* glibc takes a size only with a buffer, which must outlive stdout */
	static char buffer[64 * 1024];

	if (isatty(STDOUT_FILENO))
		return true;
	setvbuf(stdout, buffer, _IOFBF, sizeof(buffer));
	return false;
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

	/* On a terminal, words give way first; -r, -J and -P keep them whole. */
	if (tree)
		flags |= SCOLS_FL_TREE;
	else if (number)
		flags |= SCOLS_FL_RIGHT;
	else
		flags |= SCOLS_FL_TRUNC;
	header_name(name, header, sizeof(header));
	cl = scols_table_new_column(tb, header, 0, flags);
	if (!cl)
		return -1;
	if (number)
		scols_column_set_json_type(cl, SCOLS_JSON_NUMBER);
	return 0;
}

int pti_view_add_columns(struct libscols_table *tb,
			 const struct pti_out_column *cols, size_t n,
			 long tree_col)
{
	for (size_t i = 0; i < n; i++)
		if (pti_view_add_column(tb, cols[i].name,
					pti_column_is_number(cols[i].col),
					(long)i == tree_col))
			return -1;
	return 0;
}

int pti_view_print_table(struct libscols_table *tb)
{
	if (scols_table_is_json(tb))
		return pti_json_scols_table(tb);
	return scols_print_table(tb) ? -1 : 0;
}

/* @text (@len bytes) as a string in *@buf, grown to fit; NULL if it cannot. */
static const char *as_string(const char *text, size_t len, char **buf,
			     size_t *size)
{
	if (len >= *size) {
		char *bigger = realloc(*buf, len + 1);

		if (!bigger)
			return NULL;
		*buf = bigger;
		*size = len + 1;
	}
	memcpy(*buf, text, len);
	(*buf)[len] = '\0';
	return *buf;
}

int pti_view_fill_table(struct libscols_table *tb,
			const struct pti_plain_table *t)
{
	struct libscols_line **lines = NULL;
	size_t size = PTI_PLAIN_CELL, at = 0;
	char *buf = malloc(size);
	int ret = -1;

	if (!buf || (t->parent && !(lines = calloc(t->nrows ? t->nrows : 1,
						   sizeof(*lines)))))
		goto out;
	for (size_t r = 0; r < t->nrows; r++) {
		long p = t->parent ? t->parent[r] : -1;
		struct libscols_line *ln =
			scols_table_new_line(tb, p >= 0 ? lines[p] : NULL);

		if (!ln)
			goto out;
		if (lines)
			lines[r] = ln;
		for (size_t c = 0; c < t->ncols; c++) {
			const char *text;
			size_t len;

			if (t->kept)
				text = pti_plain_cells_next(t->kept, &at, &len);
			else
				text = t->cell(t->arg, r, c, buf, &len);
			/* formatted in buf ends in a NUL; kept text need not */
			if (text != buf)
				text = as_string(text, len, &buf, &size);
			if (!text || scols_line_set_data(ln, c, text))
				goto out;
		}
	}
	ret = 0;
out:
	free(lines);
	free(buf);
	return ret;
}

int pti_view_print_scols(FILE *out, const struct pti_plain_table *t,
			 const struct pti_view_opts *opts,
			 const struct pti_out_column *cols, long tree_col,
			 const char *name)
{
	struct libscols_table *tb = pti_view_new_table(opts, name);
	int ret = -1;

	if (!tb)
		return -1;
	scols_table_set_stream(tb, out);
	if (!pti_view_add_columns(tb, cols, t->ncols, tree_col) &&
	    !pti_view_fill_table(tb, t))
		ret = scols_print_table(tb) ? -1 : 0;
	scols_unref_table(tb);
	return ret;
}

struct out_table {
	const struct pti_task_set *set;
	const struct pti_flag_names *task_flags, *policies;
	const struct pti_row *rows;
	const struct pti_out_column *cols;
	/* each record column where @set's entries keep it: found once */
	const struct pti_column *kept[PTI_COLUMN_LIST_MAX];
};

/* Row @r's cell of column @c: the record's own text, or formatted in @buf. */
static const char *cell_text(const struct out_table *o, size_t r, size_t c,
			     char *buf, size_t size, size_t *len)
{
	const struct pti_task_entry *t = o->rows[r].task;

	switch (pti_out_column_id(&o->cols[c])) {
	case 0:
		return pti_column_text(o->kept[c], t, buf, size, len);
	case PTI_TASK_DERIVED_MARK:
		pti_task_marks(o->set, t, buf, size);
		break;
	case PTI_TASK_DERIVED_FLAG_NAMES:
		pti_flag_names_decode(o->task_flags,
				      (uint64_t)pti_task_get(o->set, t,
							     PTI_TASK_FLAGS),
				      buf, size);
		break;
	case PTI_TASK_DERIVED_POLICY: {
		const char *text = pti_flag_names_value_text(
			o->policies,
			(uint64_t)pti_task_get(o->set, t, PTI_TASK_POLICY),
			buf, size);

		*len = strlen(text);
		return text;
	}
	}
	*len = strlen(buf);
	return buf;
}

static const char *plain_cell(const void *arg, size_t row, size_t col,
			      char *buf, size_t *len)
{
	return cell_text(arg, row, col, buf, PTI_PLAIN_CELL, len);
}

/* A record column's cell length, for the measuring pass: no formatting. */
static size_t plain_width(const void *arg, size_t row, size_t col)
{
	const struct out_table *o = arg;

	if (pti_out_column_id(&o->cols[col]))
		return PTI_PLAIN_UNMEASURED;
	return pti_column_width(o->kept[col], o->rows[row].task);
}

/*
 * @o as a plain table (plain_table.h), for a pipe, a file or JSON; its
 * parent rows, if a tree, in *@parent (the caller frees it).
 */
static int plain_of(const struct out_table *o, size_t nrows, size_t ncols,
		    const struct pti_view_opts *opts, long tree_col,
		    struct pti_plain_table *t, long **parent)
{
	*t = (struct pti_plain_table){
		.ncols = ncols, .nrows = nrows, .raw = opts->raw,
		.noheadings = opts->noheadings, .cell = plain_cell,
		.width = plain_width, .arg = o,
	};
	*parent = NULL;
	for (size_t c = 0; c < ncols; c++) {
		const struct pti_out_column *col = &o->cols[c];

		t->heads[c] = col->name;
		t->right[c] = pti_column_is_number(col->col);
		/* marks are the CLI's own words; names read from files are not */
		t->made_plain[c] = col->col ? pti_column_made_plain(col->col) :
				   pti_out_column_id(col) == PTI_TASK_DERIVED_MARK;
	}
	if (tree_col < 0)
		return 0;
	*parent = malloc((nrows ? nrows : 1) * sizeof(**parent));
	if (!*parent)
		return -1;
	/* a parent at or after its child: a root, as libsmartcols has it */
	for (size_t r = 0; r < nrows; r++)
		(*parent)[r] = o->rows[r].parent >= 0 &&
			       (size_t)o->rows[r].parent < r ?
			       o->rows[r].parent : -1;
	t->parent = *parent;
	t->tree_col = (size_t)tree_col;
	return 0;
}

/*
 * The first of @tree_columns (comma-separated, in order of preference)
 * that @v shows; -1 if none or @tree_columns is NULL.
 */
static long tree_column_index(const struct pti_column_list *v,
			      const char *tree_columns)
{
	for (const char *c = tree_columns; c && *c;) {
		size_t len = strcspn(c, ",");

		for (size_t i = 0; i < v->n; i++)
			if (strlen(v->cols[i].name) == len &&
			    !strncmp(v->cols[i].name, c, len))
				return (long)i;
		c += len + (c[len] == ',');
	}
	return -1;
}

int pti_view_print(FILE *out, const struct pti_task_set *set,
		   const struct pti_row *rows, size_t nrows,
		   const struct pti_view_opts *opts,
		   const struct pti_column_list *cols,
		   const char *tree_column, const char *name)
{
	struct out_table o = { .set = set, .task_flags = opts->task_flags,
			       .policies = opts->policies, .rows = rows,
			       .cols = cols->cols };
	long tree_col = tree_column_index(cols, tree_column);
	struct pti_plain_table t;
	long *parent;
	int ret;

	for (size_t c = 0; c < cols->n && c < PTI_COLUMN_LIST_MAX; c++)
		o.kept[c] = cols->cols[c].col ?
			    pti_task_set_column(set, cols->cols[c].col) : NULL;

	/* names the caller has no flags view for: refused, not empty */
	if (!cols->n ||
	    (!o.task_flags &&
	     pti_column_list_has(cols, PTI_TASK_DERIVED_FLAG_NAMES)) ||
	    (!o.policies && pti_column_list_has(cols, PTI_TASK_DERIVED_POLICY)))
		return -1;
	if (plain_of(&o, nrows, cols->n, opts, tree_col, &t, &parent))
		return -1;
	ret = PTI_PLAIN_NOT_PLAIN;
	if (opts->json)
		ret = pti_json_plain_table(&t, name, out);
	else if (pti_view_is_plain(opts))
		ret = pti_plain_print(&t, out);
	/* not plain ASCII, or for a terminal or pairs */
	if (ret == PTI_PLAIN_NOT_PLAIN)
		ret = pti_view_print_scols(out, &t, opts, cols->cols, tree_col,
					   name);
	free(parent);
	return ret;
}

void pti_view_list_columns(FILE *out, const char *format)
{
	pti_column_model_print(out, &pti_task_model, format);
}
