/* view.h - print task records as a table or tree, or as JSON. */
#ifndef PTI_CLI_VIEW_H
#define PTI_CLI_VIEW_H

#include <stdbool.h>
#include <stdio.h>
#include "column_list.h"
#include "plain_table.h"
#include "records.h"

struct pti_flag_names;

struct pti_view_opts {
	bool json;
	bool raw;
	bool pairs;		/* -P: NAME="value" pairs, as lsblk -P */
	bool noheadings;
	/*
	 * Output goes to a terminal: tables through libsmartcols, which
	 * fits them to its width; elsewhere they are printed as formatted.
	 */
	bool terminal;
	/* the PF_* names, for a flag_names column (NULL: none asked for) */
	const struct pti_flag_names *task_flags;
	/* the SCHED_* names, for a policy column (NULL: none asked for) */
	const struct pti_flag_names *policies;
};

/*
 * Whether stdout is a terminal; if not, it is given a large buffer: a
 * table can be millions of lines, best written to a pipe or a file in
 * large writes.  Call before anything is written to stdout.
 */
bool pti_view_stdout_setup(void);

/*
 * Whether a table is printed as formatted (plain_table.h: a pipe or a
 * file) rather than through libsmartcols (JSON, pairs, a terminal's width).
 */
static inline bool pti_view_is_plain(const struct pti_view_opts *o)
{
	return !o->json && !o->pairs && !o->terminal;
}

/* One output line: a task and the index of its parent row, or -1. */
struct pti_row {
	const struct pti_task_entry *task;
	long parent;
};

struct libscols_table;

/*
 * A new table printed as @o asks: JSON (-J, its array named @name), else
 * NAME="value" pairs (-P), else raw (-r), else aligned; no header line
 * with -n.
 */
struct libscols_table *pti_view_new_table(const struct pti_view_opts *o,
					  const char *name);
/*
 * Add a column headed by @name upper-cased (its JSON key is @name):
 * numbers right-aligned, words cut to fit a terminal's width (never in
 * raw, JSON or pairs output).
 */
int pti_view_add_column(struct libscols_table *tb, const char *name,
			bool number, bool tree);
/* Add @cols in order, as pti_view_add_column(); @tree_col (-1: none). */
int pti_view_add_columns(struct libscols_table *tb,
			 const struct pti_out_column *cols, size_t n,
			 long tree_col);

/*
 * Fill @tb, its columns added, with @t's rows: each cell asked of @t
 * (its kept cells, or its cell()), each row under its parent if @t is a
 * tree.  0, or -1 when out of memory.
 */
int pti_view_fill_table(struct libscols_table *tb,
			const struct pti_plain_table *t);
/*
 * @t through libsmartcols to @out (pairs, a terminal's table, or cells
 * that are not plain ASCII), headed by @cols, drawn as a tree in column
 * @tree_col (-1: none).  0, or -1 on failure.
 */
int pti_view_print_scols(FILE *out, const struct pti_plain_table *t,
			 const struct pti_view_opts *opts,
			 const struct pti_out_column *cols, long tree_col,
			 const char *name);

/*
 * Print a table pti_view_new_table() made: JSON through json.h's writer,
 * anything else by libsmartcols.  0, or -1 on failure.
 */
int pti_view_print_table(struct libscols_table *tb);

/* The columns ps and tree derive (pti_out_column_id()). */
enum pti_task_derived {
	PTI_TASK_DERIVED_MARK = 1,
	PTI_TASK_DERIVED_FLAG_NAMES,
	PTI_TASK_DERIVED_POLICY,
};

/* ps's and tree's columns: the tasks record's and task_derived[]. */
extern const struct pti_column_model pti_task_model;

/* The record columns the columns of @cols are made from. */
pti_task_cols pti_view_reads(const struct pti_column_list *cols);
/*
 * Print @rows in columns @cols.  @tree_column names the column drawn as a
 * tree, or several ("name,comm"): the first the table shows; NULL for a
 * flat table.  @name is the JSON array's name.  -1 also if a flag_names or
 * policy column is shown without the names @opts should carry for it.
 */
int pti_view_print(FILE *out, const struct pti_task_set *set,
		   const struct pti_row *rows, size_t nrows,
		   const struct pti_view_opts *opts,
		   const struct pti_column_list *cols,
		   const char *tree_column, const char *name);
/*
 * Every column ps and tree take, one fprintf(@format, name, help) each:
 * PTI_HELP_COLUMN_FORMAT for --help, PTI_LIST_COLUMN_FORMAT for
 * --list-columns (what man pages and completion are made from).
 */
void pti_view_list_columns(FILE *out, const char *format);

#endif
