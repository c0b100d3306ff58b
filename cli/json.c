/* json.c - the CLI's one JSON writer (json.h). */
#include <ctype.h>
#include <inttypes.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "plain_table.h"
#include "view.h"

/* Bytes a JSON string cannot hold as they are: quote, backslash, controls. */
static const char must_escape[] =
	"\"\\\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
	"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f";

/* @len bytes of @s as a JSON string (NULs stop it short of @len). */
static void put_quoted_n(FILE *out, const char *s, size_t len)
{
	static const char shorts[] = "\"\\\b\f\n\r\t";
	static const char short_letters[] = "\"\\bfnrt";
	const char *end = s + len, *p;

	fputc('"', out);
	for (;;) {
		size_t run = strcspn(s, must_escape);

		if (run > (size_t)(end - s))
			run = (size_t)(end - s);
		fwrite(s, 1, run, out);
		s += run;
		if (s == end || !*s)
			break;
		/* JSON's short escapes where it has one, as libsmartcols */
		p = strchr(shorts, *s);
		if (p)
			fprintf(out, "\\%c", short_letters[p - shorts]);
		else
			fprintf(out, "\\u%04x", (unsigned char)*s);
		s++;
	}
	fputc('"', out);
}

static void put_quoted(FILE *out, const char *s)
{
	put_quoted_n(out, s, strlen(s));
}

static void indent(struct pti_json *j)
{
	fputc('\n', j->out);
	for (unsigned int i = 0; i < j->depth; i++)
		fputs("   ", j->out);
}

/*
 * What goes before an item: a separator after a sibling, then its line
 * (pretty), then its key.  An object or array following a sibling in an
 * array stays on the sibling's closing line: "},{".
 */
static void item(struct pti_json *j, const char *key, bool container)
{
	if (j->has_items)
		fputc(',', j->out);
	if (j->style == PTI_JSON_LINE) {
		if (j->has_items)
			fputc(' ', j->out);
	} else if (key || !container || !j->has_items) {
		indent(j);
	}
	if (key) {
		put_quoted(j->out, key);
		fputs(": ", j->out);
	}
	j->has_items = true;
}

static void open_container(struct pti_json *j, const char *key, char opener,
			   char closer)
{
	if (j->failed)
		return;
	if (j->depth == j->cap) {
		size_t cap = j->cap ? 2 * j->cap : 16;
		char *more = realloc(j->closers, cap);

		if (!more) {
			j->failed = true;
			return;
		}
		j->closers = more;
		j->cap = cap;
	}
	if (j->depth)
		item(j, key, true);
	fputc(opener, j->out);
	j->closers[j->depth++] = closer;
	j->has_items = false;
}

void pti_json_begin(struct pti_json *j, FILE *out, enum pti_json_style style)
{
	*j = (struct pti_json){ .out = out, .style = style };
	open_container(j, NULL, '{', '}');
}

void pti_json_object(struct pti_json *j, const char *key)
{
	open_container(j, key, '{', '}');
}

void pti_json_array(struct pti_json *j, const char *key)
{
	open_container(j, key, '[', ']');
}

void pti_json_close(struct pti_json *j)
{
	if (j->failed || !j->depth)
		return;
	j->depth--;
	if (j->style == PTI_JSON_PRETTY && j->has_items)
		indent(j);
	fputc(j->closers[j->depth], j->out);
	j->has_items = true;
}

int pti_json_end(struct pti_json *j)
{
	bool failed = j->failed;

	j->failed = false;
	while (j->depth)
		pti_json_close(j);
	fputc('\n', j->out);
	free(j->closers);
	j->closers = NULL;
	j->cap = 0;
	return failed || ferror(j->out) ? -1 : 0;
}

void pti_json_string(struct pti_json *j, const char *key, const char *s)
{
	if (j->failed)
		return;
	item(j, key, false);
	put_quoted(j->out, s);
}

void pti_json_raw(struct pti_json *j, const char *key, const char *text)
{
	if (j->failed)
		return;
	item(j, key, false);
	fputs(text, j->out);
}

void pti_json_null(struct pti_json *j, const char *key)
{
	pti_json_raw(j, key, "null");
}

void pti_json_bool(struct pti_json *j, const char *key, bool value)
{
	pti_json_raw(j, key, value ? "true" : "false");
}

void pti_json_u64(struct pti_json *j, const char *key, uint64_t value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRIu64, value);
	pti_json_raw(j, key, buf);
}

void pti_json_s64(struct pti_json *j, const char *key, int64_t value)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "%" PRId64, value);
	pti_json_raw(j, key, buf);
}

void pti_json_cell(struct pti_json *j, const char *key, const char *text,
		   bool number)
{
	pti_json_cell_n(j, key, text, strlen(text), number);
}

void pti_json_cell_n(struct pti_json *j, const char *key, const char *text,
		     size_t len, bool number)
{
	if (j->failed)
		return;
	item(j, key, false);
	if (!len)
		fputs("null", j->out);
	else if (number)
		fwrite(text, 1, len, j->out);
	else
		put_quoted_n(j->out, text, len);
}

void pti_json_columns(struct pti_json *j, const struct pti_column *cols,
		      size_t ncols, const void *rec, const char *absent)
{
	for (size_t i = 0; i < ncols; i++) {
		char buf[8192];

		if (pti_list_has(absent, ',', cols[i].name)) {
			pti_json_null(j, cols[i].name);
			continue;
		}
		pti_column_format(&cols[i], rec, buf, sizeof(buf));
		if (pti_column_is_number(&cols[i]))
			pti_json_raw(j, cols[i].name, buf);
		else
			pti_json_string(j, cols[i].name, buf);
	}
}

/* @ln's cells as an object's members; its children, if any, in theirs. */
static void scols_line_json(struct pti_json *j, struct libscols_table *tb,
			    struct libscols_line *ln, char (*keys)[64])
{
	size_t ncols = scols_table_get_ncols(tb);
	struct libscols_line *child;
	struct libscols_iter *itr;

	pti_json_object(j, NULL);
	for (size_t c = 0; c < ncols; c++) {
		struct libscols_column *cl = scols_table_get_column(tb, c);
		const char *data = scols_cell_get_data(scols_line_get_cell(ln, c));

		pti_json_cell(j, keys[c], data ? data : "",
			      scols_column_get_json_type(cl) == SCOLS_JSON_NUMBER);
	}
	if (scols_line_has_children(ln)) {
		itr = scols_new_iter(SCOLS_ITER_FORWARD);
		if (!itr) {
			j->failed = true;
			return;
		}
		pti_json_array(j, "children");
		while (scols_line_next_child(ln, itr, &child) == 0)
			scols_line_json(j, tb, child, keys);
		pti_json_close(j);
		scols_free_iter(itr);
	}
	pti_json_close(j);
}

int pti_json_scols_table(struct libscols_table *tb)
{
	size_t ncols = scols_table_get_ncols(tb);
	char (*keys)[64] = calloc(ncols ? ncols : 1, sizeof(*keys));
	struct libscols_iter *itr = scols_new_iter(SCOLS_ITER_FORWARD);
	const char *name = scols_table_get_name(tb);
	struct libscols_line *ln;
	struct pti_json j;

	if (!keys || !itr) {
		free(keys);
		scols_free_iter(itr);
		return -1;
	}
	/* keys as libsmartcols writes them: the headers in lower case */
	for (size_t c = 0; c < ncols; c++) {
		const char *h = scols_column_get_name(scols_table_get_column(tb, c));
		size_t i;

		for (i = 0; h && h[i] && i + 1 < sizeof(keys[c]); i++)
			keys[c][i] = (char)tolower((unsigned char)h[i]);
		keys[c][i] = '\0';
	}
	pti_json_begin(&j, scols_table_get_stream(tb), PTI_JSON_PRETTY);
	pti_json_array(&j, name ? name : "table");
	while (scols_table_next_line(tb, itr, &ln) == 0)
		if (!scols_line_get_parent(ln))
			scols_line_json(&j, tb, ln, keys);
	scols_free_iter(itr);
	free(keys);
	return pti_json_end(&j);
}

int pti_json_plain_table(const struct pti_plain_table *t, const char *name,
			 FILE *out)
{
	struct pti_json j;
	size_t *open = NULL;	/* rows whose objects are open, outermost first */
	size_t nopen = 0;

	if (t->parent) {
		open = malloc((t->nrows ? t->nrows : 1) * sizeof(*open));
		if (!open)
			return -1;
	}
	pti_json_begin(&j, out, PTI_JSON_PRETTY);
	pti_json_array(&j, name);
	for (size_t r = 0; r < t->nrows; r++) {
		long p = t->parent ? t->parent[r] : -1;

		/* close rows up to this one's parent; one not open: a root */
		while (nopen && (p < 0 || open[nopen - 1] != (size_t)p)) {
			pti_json_close(&j);	/* its children */
			pti_json_close(&j);	/* the row */
			nopen--;
		}
		pti_json_object(&j, NULL);
		for (size_t c = 0; c < t->ncols; c++) {
			char buf[PTI_PLAIN_CELL];
			size_t len;
			const char *text = t->cell(t->arg, r, c, buf, &len);

			pti_json_cell_n(&j, t->heads[c], text, len, t->right[c]);
		}
		if (t->parent && r + 1 < t->nrows && t->parent[r + 1] == (long)r) {
			pti_json_array(&j, "children");
			open[nopen++] = r;
		} else {
			pti_json_close(&j);
		}
	}
	free(open);
	return pti_json_end(&j);
}
