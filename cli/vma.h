/* vma.h - read one process's address space from /proc/ptinspect/vma. */
#ifndef PTI_CLI_VMA_H
#define PTI_CLI_VMA_H

#include <stdio.h>
#include "lines.h"
#include "records.h"

struct pti_vma_reader {
	FILE *in;		/* the chosen view; read through lines */
	struct pti_lines lines;
	struct pti_parser parser;
	char *line;		/* the current line, in lines' buffer */
	char *fields[PTI_MAX_FIELDS];	/* its fields, split in place */
	size_t lens[PTI_MAX_FIELDS];	/* and their lengths */
};

/*
 * Choose @pid and read the mm summary into @mm; then pti_vma_next() gives
 * the VMAs in address order.  Returns 0, or -1 with a message in @err that
 * says why in words (kernel thread, zombie, no such process, not root).
 */
int pti_vma_begin(const struct pti_source *src, int pid,
		  struct pti_vma_reader *r, struct pti_mm *mm, char *err,
		  size_t errlen);
/*
 * From now on fill only @wanted's members of the VMAs (a bit per
 * pti_vma_column); pti_vma_text() still has every column's text.
 */
void pti_vma_keep(struct pti_vma_reader *r, uint64_t wanted);
/* 1 with @vma filled, 0 at the end, -1 on error. */
int pti_vma_next(struct pti_vma_reader *r, struct pti_vma *vma, char *err,
		 size_t errlen);
/*
 * The current VMA's @col as the module wrote it (until the next VMA), its
 * length in *@len; inline: a table asks for most of a VMA's fields.
 */
static inline const char *pti_vma_text(const struct pti_vma_reader *r,
				       const struct pti_column *col,
				       size_t *len)
{
	size_t field = r->parser.field_of[col - pti_vma_columns];

	*len = r->lens[field];
	return r->fields[field];
}
void pti_vma_end(struct pti_vma_reader *r);

/*
 * After choosing @pid in an address-space view failed, say why in @err
 * when errno says: no such process (ESRCH), or no address space (ENXIO:
 * a kernel thread, a zombie, an exiting process).  Otherwise @err stays.
 */
void pti_explain_mm_choice(const struct pti_source *src, int pid, char *err,
			   size_t errlen);
/* What a region is for: text data bss heap stack vdso vvar guard mmap. */
const char *pti_vma_kind(const struct pti_mm *mm, const struct pti_vma *vma);
/* Human size: 4K, 1.5M, 128T. */
void pti_human_size(unsigned long long bytes, char *buf, size_t size);

#endif
