/* source.h - where the module's files are, and opening them. */
#ifndef PTI_CLI_SOURCE_H
#define PTI_CLI_SOURCE_H

#include <stdio.h>

/* Where the module's files are: /proc/ptinspect unless told otherwise. */
struct pti_source {
	const char *proc_dir;
	const char *sys_dir;	/* where sysfs is; NULL: /sys */
};

/*
 * Write a message into a caller's @err of @errlen bytes: how the loaders
 * report why they failed, leaving the printing to the command.
 */
void pti_err_set(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Open <proc_dir>/VIEW with fopen @mode; NULL with the reason in @err (a
 * hint when the module is absent; @denied, if given, says who may read
 * it) and errno kept.
 */
FILE *pti_view_open(const struct pti_source *src, const char *view,
		    const char *mode, const char *denied, char *err,
		    size_t errlen);
/*
 * Open a pid-chosen VIEW, write @choice (a pid and what the view takes
 * after it, a line) to it and return the stream at its first line; NULL
 * with @err set and errno kept (ESRCH: no such pid; EINVAL: the module
 * refused a part of the choice, see proc-format.md).
 */
FILE *pti_choose_text(const struct pti_source *src, const char *view,
		      const char *choice, const char *denied, char *err,
		      size_t errlen);
/* pti_choose_text() with @pid alone; ESRCH for a pid the kernel cannot have. */
FILE *pti_choose(const struct pti_source *src, const char *view, int pid,
		 const char *denied, char *err, size_t errlen);

#endif
