/* view_text.h - a view kept as the module wrote it: its whole text, with
 * each record's cells found once, to be printed again without being
 * parsed into records and formatted back.
 *
 * For the views of one process's page tables, hundreds of thousands of
 * lines whose cells are already the words and numbers a table shows.
 */
#ifndef PTI_CLI_VIEW_TEXT_H
#define PTI_CLI_VIEW_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct pti_view_text {
	char *text;		/* every line; each cell ends in a NUL */
	size_t len;
	char **names;		/* the header's column names, in text */
	size_t nfields;
	size_t nrows;		/* record lines after the header */
	size_t *row;		/* where each record's line starts in text */
	/*
	 * nrows * (nfields + 1): each cell's offset in its line, then the
	 * line's length + 1, so that every cell ends one before the next.
	 */
	uint16_t *cell;
	int error;		/* errno of a failed read, else 0 */
};

/*
 * Read everything left on @fd (not closed here) into @v: a header line,
 * then records with as many cells as it has names.  Returns 0, or -1
 * with the reason in @err (v->error set when a read failed); free @v
 * with pti_view_text_free() either way.
 */
int pti_view_text_read(struct pti_view_text *v, int fd, char *err,
		       size_t errlen);
/* The field that the header names @name, or -1. */
int pti_view_text_field(const struct pti_view_text *v, const char *name);

/* Row @row's cell of field @field, NUL-ended; its length in @len. */
static inline const char *pti_view_text_cell(const struct pti_view_text *v,
					     size_t row, size_t field,
					     size_t *len)
{
	const uint16_t *at = v->cell + row * (v->nfields + 1) + field;

	*len = (size_t)(at[1] - at[0] - 1);
	return v->text + v->row[row] + at[0];
}

void pti_view_text_free(struct pti_view_text *v);

#endif
