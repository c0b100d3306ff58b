/* json.c - the CLI's one JSON writer (json.h). */
#include <ctype.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "plain_table.h"
#include "records.h"
#include "view.h"

/*
 * Output is gathered in the writer's own buffer and written to @out when
 * it fills and at the end: trace -J writes a member at a time for every
 * event it streams, and a stdio call per member costs more than the member.
 */
static void flush(struct pti_json *j)
{
	if (j->len && fwrite(j->buf, 1, j->len, j->out) != j->len)
		j->write_failed = true;
	j->len = 0;
}

static inline void put(struct pti_json *j, const char *s, size_t len)
{
	if (j->len + len > sizeof(j->buf)) {
		flush(j);
		if (len > sizeof(j->buf)) {
			if (fwrite(s, 1, len, j->out) != len)
				j->write_failed = true;
			return;
		}
	}
	memcpy(j->buf + j->len, s, len);
	j->len += len;
}

static inline void put_char(struct pti_json *j, char c)
{
	if (j->len == sizeof(j->buf))
		flush(j);
	j->buf[j->len++] = c;
}

static void put_str(struct pti_json *j, const char *s)
{
	put(j, s, strlen(s));
}

/* A byte a JSON string holds as it is: not a quote, backslash or control. */
static bool is_verbatim(unsigned char c)
{
	return c >= 0x20 && c != '"' && c != '\\';
}

/* @len bytes of @s as a JSON string (NULs stop it short of @len). */
static void put_quoted_n(struct pti_json *j, const char *s, size_t len)
{
	static const char shorts[] = "\"\\\b\f\n\r\t";
	static const char short_letters[] = "\"\\bfnrt";
	static const char hex[] = "0123456789abcdef";
	const char *end = s + len, *run, *p;
	char escape[6] = "\\u00";

	put_char(j, '"');
	for (;;) {
		for (run = s; s < end && is_verbatim((unsigned char)*s); s++)
			;
		put(j, run, (size_t)(s - run));
		if (s == end || !*s)
			break;
		/* JSON's short escapes where it has one, as libsmartcols */
		p = strchr(shorts, *s);
		if (p) {
			escape[1] = short_letters[p - shorts];
			put(j, escape, 2);
		} else {
			escape[1] = 'u';
			escape[4] = hex[(unsigned char)*s >> 4];
			escape[5] = hex[*s & 0xf];
			put(j, escape, 6);
		}
		s++;
	}
	put_char(j, '"');
}

static void put_quoted(struct pti_json *j, const char *s)
{
	put_quoted_n(j, s, strlen(s));
}

static void indent(struct pti_json *j)
{
	put_char(j, '\n');
	for (unsigned int i = 0; i < j->depth; i++)
		put(j, "   ", 3);
}

/*
 * What goes before an item: a separator after a sibling, then its line
 * (pretty), then its key.  An object or array following a sibling in an
 * array stays on the sibling's closing line: "},{".
 */
static void item(struct pti_json *j, const char *key, bool container)
{
	if (j->has_items)
		put_char(j, ',');
	if (j->style == PTI_JSON_LINE) {
		if (j->has_items)
			put_char(j, ' ');
	} else if (key || !container || !j->has_items) {
		indent(j);
	}
	if (key) {
		put_quoted(j, key);
		put(j, ": ", 2);
	}
	j->has_items = true;
}

static void open_container(struct pti_json *j, const char *key, char opener,
			   char closer)
{
	if (j->failed)
		return;
	if (j->depth == j->cap) {
		/* past the closers the struct holds: a deep tree */
		size_t cap = 2 * j->cap;
		char *more = malloc(cap);

		if (!more) {
			j->failed = true;
			return;
		}
		memcpy(more, j->closers, j->depth);
		if (j->closers != j->shallow)
			free(j->closers);
		j->closers = more;
		j->cap = cap;
	}
	if (j->depth)
		item(j, key, true);
	put_char(j, opener);
	j->closers[j->depth++] = closer;
	j->has_items = false;
}

void pti_json_begin(struct pti_json *j, FILE *out, enum pti_json_style style)
{
	/* member by member: the buffer needs no clearing */
	j->out = out;
	j->style = style;
	j->depth = 0;
	j->has_items = false;
	j->failed = false;
	j->write_failed = false;
	j->len = 0;
	j->closers = j->shallow;
	j->cap = sizeof(j->shallow);
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
	put_char(j, j->closers[j->depth]);
	j->has_items = true;
}

int pti_json_end(struct pti_json *j)
{
	bool failed = j->failed;

	j->failed = false;
	while (j->depth)
		pti_json_close(j);
	put_char(j, '\n');
	flush(j);
	if (j->closers != j->shallow)
		free(j->closers);
	j->closers = NULL;
	j->cap = 0;
	return failed || j->write_failed || ferror(j->out) ? -1 : 0;
}

void pti_json_string(struct pti_json *j, const char *key, const char *s)
{
	if (j->failed)
		return;
	item(j, key, false);
	put_quoted(j, s);
}

void pti_json_raw(struct pti_json *j, const char *key, const char *text)
{
	if (j->failed)
		return;
	item(j, key, false);
	put_str(j, text);
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
	char buf[PTI_DIGITS_MAX + 1];

	buf[pti_put_digits(buf, value, 10, 1)] = '\0';
	pti_json_raw(j, key, buf);
}

void pti_json_s64(struct pti_json *j, const char *key, int64_t value)
{
	char buf[PTI_DIGITS_MAX + 2];
	/* the magnitude as unsigned: -INT64_MIN does not fit an int64_t */
	uint64_t magnitude = value < 0 ? -(uint64_t)value : (uint64_t)value;
	size_t len = 0;

	if (value < 0)
		buf[len++] = '-';
	len += pti_put_digits(buf + len, magnitude, 10, 1);
	buf[len] = '\0';
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
		put(j, "null", 4);
	else if (number)
		put(j, text, len);
	else
		put_quoted_n(j, text, len);
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
