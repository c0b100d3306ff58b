/* vma_map.h - draw an address space for a person. */
#ifndef PTI_CLI_VMA_MAP_H
#define PTI_CLI_VMA_MAP_H

#include <stdio.h>
#include "kernel_layout.h"
#include "vma.h"

/*
 * Read the rest of @r and draw it, the kernel half region by region from
 * @kernel (NULL: one block, as for a reader who may not see it); 0 or -1
 * with @err set.
 */
int pti_vma_map(FILE *out, struct pti_vma_reader *r, const struct pti_mm *mm,
		const struct pti_layout *kernel, char *err, size_t errlen);

#endif
