/* json.h - the CLI's one JSON writer: every -J document, and trace's lines.
 *
 * PTI_JSON_PRETTY lays a document out as lsblk -J does (libsmartcols'
 * layout, which ps and tree always printed): a member per line, three
 * spaces a level, "},{" between the objects of an array.  PTI_JSON_LINE
 * writes the same members on one line ({"a": 1, "b": "x"}), one document
 * per line, as trace -J streams them.
 */
#ifndef PTI_CLI_JSON_H
#define PTI_CLI_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "records.h"

enum pti_json_style { PTI_JSON_PRETTY, PTI_JSON_LINE };

struct pti_json {
	FILE *out;
	enum pti_json_style style;
	unsigned int depth;
	bool has_items;		/* the innermost open container holds some */
	bool failed;		/* out of memory for @closers */
	/* '}' or ']' for each open container, outermost first: in
	 * @shallow, or allocated when a tree -J nests deeper
	 */
	char *closers;
	size_t cap;
	char shallow[32];
	bool write_failed;	/* @out refused a write */
	size_t len;		/* bytes in @buf, not yet written to @out */
	char buf[4096];
};

/* Start a document, its outermost object open. */
void pti_json_begin(struct pti_json *j, FILE *out, enum pti_json_style style);
/*
 * Close whatever is open and end the line; 0, or -1 if @out failed or
 * memory ran out (the document is then cut short).
 */
int pti_json_end(struct pti_json *j);

/*
 * Members: @key names one inside an object; NULL for an array's element.
 * Each open is matched by one pti_json_close().
 */
void pti_json_object(struct pti_json *j, const char *key);
void pti_json_array(struct pti_json *j, const char *key);
void pti_json_close(struct pti_json *j);

void pti_json_string(struct pti_json *j, const char *key, const char *s);
/* @text is written as it is: a number already formatted, true, false. */
void pti_json_raw(struct pti_json *j, const char *key, const char *text);
void pti_json_null(struct pti_json *j, const char *key);
void pti_json_bool(struct pti_json *j, const char *key, bool value);
void pti_json_u64(struct pti_json *j, const char *key, uint64_t value);
void pti_json_s64(struct pti_json *j, const char *key, int64_t value);
/*
 * A table cell, as libsmartcols has them: a number written as it is, a
 * word as a string, and an empty cell of either as null.
 */
void pti_json_cell(struct pti_json *j, const char *key, const char *text,
		   bool number);

/* The same for @len bytes of @text (NULs stop it short). */
void pti_json_cell_n(struct pti_json *j, const char *key, const char *text,
		     size_t len, bool number);

/*
 * @rec's columns as members of the open object, typed by their table;
 * null for the names in @absent ("a,b,c"; NULL for none).
 */
void pti_json_columns(struct pti_json *j, const struct pti_column *cols,
		      size_t ncols, const void *rec, const char *absent);

struct libscols_table;
struct pti_plain_table;

/*
 * A table given as plain_table.h describes it, streamed: {"@name": [{...},
 * ...]}, keys its heads, numbers its right-aligned columns, an empty cell
 * null; with t->parent, each row's children in a "children" array of its
 * object (rows in tree order), as lsblk -J nests them.  Every cell is
 * asked for once; nothing is kept.  0, or -1 on a write error.
 */
int pti_json_plain_table(const struct pti_plain_table *t, const char *name,
			 FILE *out);

/*
 * A libsmartcols table made by pti_view_new_table() for -J: its lines as
 * {"name": [{...}, ...]}, keys its column names in lower case, children
 * nested in "children".  0, or -1 if the output failed.
 */
int pti_json_scols_table(struct libscols_table *tb);

#endif
