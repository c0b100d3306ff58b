// SPDX-License-Identifier: GPL-2.0
/*
 * kernel.c - /proc/ptinspect/kernel: this boot's address-space layout.
 *
 * A header and one line for the paging summary (levels, page size, the
 * top of user space, the randomized bases), then a header and one line
 * per region, lowest first.  Root only (0400).  The kernel's addresses
 * are KASLR's secret: they show, as in /proc/kallsyms, only to an opener
 * with CAP_SYSLOG and not under kptr_restrict=2; otherwise they read 0
 * (%pK would print them hashed under kptr_restrict=0).
 */
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/user_namespace.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include "procfs.h"

/* /proc/kallsyms' rule: CAP_SYSLOG, and kptr_restrict below 2. */
static bool pti_kernel_addresses_visible(struct file *file)
{
	char probe[24];

	if (!file_ns_capable(file, &init_user_ns, CAP_SYSLOG))
		return false;
	/* kptr_restrict is not exported: %pK says whether it is 2 */
	snprintf(probe, sizeof(probe), "%pK", (void *)PAGE_OFFSET);
	return strcmp(probe, "0000000000000000") != 0;
}

struct pti_kernel_file {
	/* decided at open, as pagemap decides whether frames show */
	bool addresses;
};

static int pti_kernel_show(struct seq_file *m, void *v)
{
	const struct pti_kernel_file *f = m->private;
	bool addresses = f->addresses;
	struct pti_region regions[PTI_MAX_REGIONS];
	struct pti_kernel k;
	int i, n;

	pti_kernel_fill(&k, addresses);
	pti_seq_header(m, pti_kernel_columns, PTI_KERNEL_NR_COLUMNS, true);
	pti_seq_record(m, pti_kernel_columns, PTI_KERNEL_NR_COLUMNS, &k, true);
	n = pti_regions_fill(regions, PTI_MAX_REGIONS, addresses);
	pti_seq_header(m, pti_region_columns, PTI_REGION_NR_COLUMNS, true);
	for (i = 0; i < n; i++)
		pti_seq_record(m, pti_region_columns, PTI_REGION_NR_COLUMNS,
			       &regions[i], true);
	return 0;
}

static int pti_kernel_open(struct file *file, void *priv,
			   struct pid_namespace *ns, bool debugfs)
{
	struct pti_kernel_file *f = priv;

	f->addresses = pti_kernel_addresses_visible(file);
	return 0;
}

const struct pti_view_file pti_kernel_view_file = {
	.show = pti_kernel_show,
	.size = sizeof(struct pti_kernel_file),
	.open = pti_kernel_open,
};
