/* view.c - task records as a table or tree: printed as formatted for a
 * pipe or file (plain_table.c), as JSON (json.c), through libsmartcols for
 * a terminal and pairs.  The column names are the /proc header's
 * (upper-cased for people; JSON keys in lower case), plus the ones the
 * CLI derives (derived[]).
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "flag_names.h"
#include "json.h"
#include "plain_table.h"
#include "view.h"
#include "task_marks.h"

#define PTI_MAX_OUT_COLUMNS PTI_PLAIN_MAX_COLUMNS

/* What a -o name shows: a record column, or one the CLI derives. */
enum task_source { FROM_RECORD, DERIVED_MARK, DERIVED_FLAG_NAMES,
		   DERIVED_POLICY };

struct derived_column {
	const char *name;
	const char *help;
	enum task_source source;
	pti_task_cols reads;	/* the record columns it is made from */
};

static const struct derived_column derived[] = {
	{ "mark", "derived: thread, zombie, orphan, traced, kthread, reaper",
	  DERIVED_MARK, PTI_MARK_COLS },
	{ "flag_names",
	  "PF_* flags by name without PF_, '|'-separated (/proc/ptinspect/flags)",
	  DERIVED_FLAG_NAMES, PTI_TASK_COL(FLAGS) },
	/* the record's number, shown by name (sorted by number) */
	{ "policy",
	  "scheduling policy by name: NORMAL FIFO RR BATCH IDLE DEADLINE EXT",
	  DERIVED_POLICY, PTI_TASK_COL(POLICY) },
};

/* The derived column named @name, or NULL; it shadows a record column. */
static const struct derived_column *find_derived(const char *name)
{
	for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++)
		if (strcmp(name, derived[i].name) == 0)
			return &derived[i];
	return NULL;
}

/* The source @name resolves to, *col set for a record column; false if none. */
static bool resolve_column(const char *name, enum task_source *source,
			   const struct pti_column **col)
{
	const struct derived_column *d = find_derived(name);

	if (d) {
		*source = d->source;
		*col = NULL;
		return true;
	}
	*source = FROM_RECORD;
	*col = pti_task_column_find(name);
	return *col != NULL;
}

pti_task_cols pti_view_column_reads(const char *name)
{
	const struct derived_column *d = find_derived(name);
	const struct pti_column *col = d ? NULL : pti_task_column_find(name);

	if (d)
		return d->reads;
	return col ? pti_task_col_of(col) : 0;
}

pti_task_cols pti_view_reads(const char *list)
{
	pti_task_cols reads = 0;
	const char *name = list;

	while (*name) {
		size_t len = strcspn(name, ",");
		char one[64];

		if (len < sizeof(one)) {
			memcpy(one, name, len);
			one[len] = '\0';
			reads |= pti_view_column_reads(one);
		}
		name += len + (name[len] == ',');
	}
	return reads;
}

static bool column_known(const char *name)
{
	enum task_source source;
	const struct pti_column *col;

	return resolve_column(name, &source, &col);
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

int pti_view_print_table(struct libscols_table *tb)
{
	if (scols_table_is_json(tb))
		return pti_json_scols_table(tb);
	return scols_print_table(tb) ? -1 : 0;
}

/* One -o column, resolved once. */
struct out_column {
	const char *name;
	enum task_source source;
	const struct pti_column *col;	/* FROM_RECORD */
};

struct out_table {
	const struct pti_task_set *set;
	const struct pti_flag_names *task_flags, *policies;
	const struct pti_row *rows;
	const struct out_column *cols;
};

/* Row @r's cell of column @c: the record's own text, or formatted in @buf. */
static const char *cell_text(const struct out_table *o, size_t r, size_t c,
			     char *buf, size_t size, size_t *len)
{
	const struct pti_task *t = o->rows[r].task;

	switch (o->cols[c].source) {
	case FROM_RECORD:
		return pti_column_text(o->cols[c].col, t, buf, size, len);
	case DERIVED_MARK:
		pti_task_marks(o->set, t, buf, size);
		break;
	case DERIVED_FLAG_NAMES:
		pti_flag_names_decode(o->task_flags, t->flags, buf, size);
		break;
	case DERIVED_POLICY: {
		const char *text = pti_flag_names_value_text(o->policies,
							     t->policy, buf,
							     size);

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

/* Through libsmartcols: pairs, and tables for a terminal. */
static int print_scols(FILE *out, const struct out_table *o, size_t nrows,
		       size_t ncols, const struct pti_view_opts *opts,
		       long tree_col, const char *name)
{
	struct libscols_line **lines = NULL;
	struct libscols_table *tb = pti_view_new_table(opts, name);
	int ret = -1;

	if (!tb)
		return -1;
	scols_table_set_stream(tb, out);
	for (size_t c = 0; c < ncols; c++)
		if (pti_view_add_column(tb, o->cols[c].name,
					pti_column_is_number(o->cols[c].col),
					(long)c == tree_col))
			goto out;
	lines = calloc(nrows ? nrows : 1, sizeof(*lines));
	if (!lines)
		goto out;
	for (size_t r = 0; r < nrows; r++) {
		struct libscols_line *parent = NULL;
		long p = o->rows[r].parent;

		if (p >= 0 && (size_t)p < r)
			parent = lines[p];
		lines[r] = scols_table_new_line(tb, parent);
		if (!lines[r])
			goto out;
		for (size_t c = 0; c < ncols; c++) {
			char buf[512];
			size_t len;
			const char *text = cell_text(o, r, c, buf, sizeof(buf),
						     &len);

			/* the record's own text may fill its member whole */
			if (text != buf) {
				len = len < sizeof(buf) - 1 ? len : sizeof(buf) - 1;
				memcpy(buf, text, len);
				buf[len] = '\0';
			}
			if (scols_line_set_data(lines[r], c, buf))
				goto out;
		}
	}
	ret = scols_print_table(tb) ? -1 : 0;
out:
	free(lines);
	scols_unref_table(tb);
	return ret;
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
		.noheadings = opts->noheadings, .cell = plain_cell, .arg = o,
	};
	*parent = NULL;
	for (size_t c = 0; c < ncols; c++) {
		t->heads[c] = o->cols[c].name;
		t->right[c] = pti_column_is_number(o->cols[c].col);
		/* marks are the CLI's own words; names read from files are not */
		t->made_plain[c] = o->cols[c].source == DERIVED_MARK ||
				   (o->cols[c].source == FROM_RECORD &&
				    pti_column_made_plain(o->cols[c].col));
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
 * that @names holds; -1 if none or @tree_columns is NULL.
 */
static long tree_column_index(char *const *names, int n,
			      const char *tree_columns)
{
	for (const char *c = tree_columns; c && *c;) {
		size_t len = strcspn(c, ",");

		for (int i = 0; i < n; i++)
			if (strlen(names[i]) == len && !strncmp(names[i], c, len))
				return i;
		c += len + (c[len] == ',');
	}
	return -1;
}

int pti_view_print(FILE *out, const struct pti_task_set *set,
		   const struct pti_row *rows, size_t nrows,
		   const struct pti_view_opts *opts, const char *defaults,
		   const char *tree_column, const char *name)
{
	struct out_column cols[PTI_MAX_OUT_COLUMNS];
	struct out_table o = { .set = set, .task_flags = opts->task_flags,
			       .policies = opts->policies, .rows = rows,
			       .cols = cols };
	char *names[PTI_MAX_OUT_COLUMNS];
	char *list = strdup(opts->columns ? opts->columns : defaults);
	long tree_col = -1;
	int n, ret = -1;

	if (!list)
		return -1;
	n = pti_split_list(list, names, PTI_MAX_OUT_COLUMNS);
	if (n <= 0)
		goto out;
	for (int i = 0; i < n; i++) {
		if (!resolve_column(names[i], &cols[i].source, &cols[i].col))
			goto out;
		/* names the caller has no flags view for: refused, not empty */
		if ((cols[i].source == DERIVED_FLAG_NAMES && !o.task_flags) ||
		    (cols[i].source == DERIVED_POLICY && !o.policies))
			goto out;
		cols[i].name = names[i];
	}
	tree_col = tree_column_index(names, n, tree_column);
	if (opts->json || pti_view_is_plain(opts)) {
		struct pti_plain_table t;
		long *parent;

		ret = plain_of(&o, nrows, (size_t)n, opts, tree_col, &t, &parent);
		if (!ret)
			ret = opts->json ? pti_json_plain_table(&t, name, out) :
					   pti_plain_print(&t, out);
		free(parent);
	} else {
		ret = PTI_PLAIN_NOT_PLAIN;
	}
	/* not plain ASCII, or for a terminal or pairs */
	if (ret == PTI_PLAIN_NOT_PLAIN)
		ret = print_scols(out, &o, nrows, (size_t)n, opts, tree_col,
				  name);
out:
	free(list);
	return ret;
}

void pti_view_list_columns(FILE *out, const char *format)
{
	for (size_t i = 0; i < PTI_TASK_NR_COLUMNS; i++)
		if (!find_derived(pti_task_columns[i].name))
			fprintf(out, format, pti_task_columns[i].name,
				pti_task_columns[i].help);
	for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++)
		fprintf(out, format, derived[i].name, derived[i].help);
}
