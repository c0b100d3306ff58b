/* plain_table.c - a long table of plain words, aligned as libsmartcols
 * aligns it, each cell asked for once to measure and once to print.
 */
#include <ctype.h>
#include <string.h>
#include "plain_table.h"

/* One output line, built in memory and written with one fwrite. */
struct line {
	char text[PTI_PLAIN_MAX_COLUMNS * (PTI_PLAIN_CELL + 1) + 2];
	size_t len;
};

static void put_cell(struct line *l, const char *text, size_t len,
		     size_t width, bool right, bool last)
{
	size_t fill = width > len ? width - len : 0;

	if (l->len)
		l->text[l->len++] = ' ';
	if (right) {
		memset(l->text + l->len, ' ', fill);
		l->len += fill;
	}
	memcpy(l->text + l->len, text, len);
	l->len += len;
	if (!right && !last) {
		memset(l->text + l->len, ' ', fill);
		l->len += fill;
	}
}

static void put_head(struct line *l, const char *name, size_t width,
		     bool right, bool last)
{
	char upper[PTI_PLAIN_CELL];
	size_t i;

	for (i = 0; name[i] && i + 1 < sizeof(upper); i++)
		upper[i] = (char)toupper((unsigned char)name[i]);
	upper[i] = '\0';
	put_cell(l, upper, i, width, right, last);
}

static void end_line(struct line *l, FILE *out)
{
	l->text[l->len++] = '\n';
	fwrite(l->text, 1, l->len, out);
	l->len = 0;
}

/* A cell (in @buf or the caller's) and its length, cut to PTI_PLAIN_CELL. */
static size_t cell_at(const struct pti_plain_table *t, size_t row, size_t col,
		      char buf[PTI_PLAIN_CELL], const char **text)
{
	size_t len;

	*text = t->cell(t->arg, row, col, buf, &len);
	return len < PTI_PLAIN_CELL ? len : PTI_PLAIN_CELL - 1;
}

int pti_plain_print(const struct pti_plain_table *t, FILE *out)
{
	size_t width[PTI_PLAIN_MAX_COLUMNS] = { 0 };
	struct line l = { .len = 0 };
	char buf[PTI_PLAIN_CELL];
	const char *text;

	if (t->ncols == 0 || t->ncols > PTI_PLAIN_MAX_COLUMNS)
		return -1;
	if (!t->raw) {
		for (size_t c = 0; c < t->ncols; c++) {
			width[c] = strlen(t->heads[c]);
			if (width[c] >= PTI_PLAIN_CELL)
				width[c] = PTI_PLAIN_CELL - 1;
		}
		for (size_t r = 0; r < t->nrows; r++)
			for (size_t c = 0; c < t->ncols; c++) {
				size_t len = cell_at(t, r, c, buf, &text);

				if (len > width[c])
					width[c] = len;
			}
	}
	if (!t->noheadings) {
		for (size_t c = 0; c < t->ncols; c++)
			put_head(&l, t->heads[c], width[c], t->right[c],
				 c + 1 == t->ncols);
		end_line(&l, out);
	}
	for (size_t r = 0; r < t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			size_t len = cell_at(t, r, c, buf, &text);

			put_cell(&l, text, len, width[c], t->right[c],
				 c + 1 == t->ncols);
		}
		end_line(&l, out);
	}
	return ferror(out) ? -1 : 0;
}
