// SPDX-License-Identifier: GPL-2.0
/*
 * ptinspect: show what the kernel holds about processes.
 *
 * The walkers in module/ read kernel structures into plain records
 * (module/uapi/ptinspect_format.h); procfs/ turns records into text under
 * /proc/ptinspect and /sys/kernel/debug/ptinspect.  This entry point
 * sits above both: it resolves what the walkers need, then makes the
 * files.
 */
#include <linux/module.h>
#include "procfs.h"

static int __init ptinspect_init(void)
{
	int err;

	/* Before the files exist: the runqueue view reads what it finds. */
	pti_runqueues_init();
	err = pti_views_create();
	if (err)
		return err;
	pr_info("ptinspect %s loaded (format %d)\n", PTI_VERSION,
		PTI_FORMAT_VERSION);
	return 0;
}

static void __exit ptinspect_exit(void)
{
	pti_views_remove();
	pr_info("ptinspect unloaded\n");
}

module_init(ptinspect_init);
module_exit(ptinspect_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("The ptinspect developers");
MODULE_DESCRIPTION("Inspect task_structs, address spaces and runqueues");
MODULE_VERSION(PTI_VERSION);
