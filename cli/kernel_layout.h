/* kernel_layout.h - read this boot's address-space layout from
 * /proc/ptinspect/kernel.
 */
#ifndef PTI_CLI_KERNEL_LAYOUT_H
#define PTI_CLI_KERNEL_LAYOUT_H

#include "records.h"

#define PTI_CLI_MAX_REGIONS 32

struct pti_layout {
	struct pti_kernel paging;
	struct pti_region regions[PTI_CLI_MAX_REGIONS];	/* lowest first */
	size_t n;
};

/* 0, or -1 with the reason in @err (module absent, not root). */
int pti_layout_load(const struct pti_source *src, struct pti_layout *l,
		    char *err, size_t errlen);
/* Whether the addresses are real (kptr_restrict may print them as 0). */
bool pti_layout_has_addresses(const struct pti_layout *l);

#endif
