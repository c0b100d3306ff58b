/* vma.c - choose a process through /proc/ptinspect/vma and read it back. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "vma.h"
#include "task_marks.h"

/* Say in words why @pid has no address space. */
static void explain_no_mm(const struct pti_source *src, int pid, char *err,
			  size_t errlen)
{
	struct pti_task_set set = { 0 };
	const struct pti_task_entry *t = NULL;
	char ignored[64];

	if (pti_tasks_load(src, &set,
			   PTI_TASK_COL(KTHREAD) | PTI_TASK_COL(STATE) |
			   PTI_TASK_COL(COMM), ignored, sizeof(ignored)) == 0)
		t = pti_task_set_find(&set, pid);
	if (t && pti_task_is_kthread(&set, t))
		snprintf(err, errlen,
			 "pid %d (%s) is a kernel thread: it has no address space",
			 pid, pti_task_text(&set, t, PTI_TASK_COMM));
	else if (t && pti_task_get(&set, t, PTI_TASK_STATE) == 'Z')
		snprintf(err, errlen,
			 "pid %d (%s) is a zombie: its address space is gone",
			 pid, pti_task_text(&set, t, PTI_TASK_COMM));
	else
		snprintf(err, errlen,
			 "pid %d has no address space (exiting or a kernel thread)",
			 pid);
	pti_task_set_free(&set);
}

void pti_explain_mm_choice(const struct pti_source *src, int pid, char *err,
			   size_t errlen)
{
	if (errno == ESRCH)
		snprintf(err, errlen, "no process with pid %d", pid);
	else if (errno == ENXIO)
		explain_no_mm(src, pid, err, errlen);
}

static int read_line(struct pti_vma_reader *r, char *err, size_t errlen)
{
	r->line = pti_lines_next(&r->lines);
	if (r->line)
		return 1;
	if (r->lines.error) {
		snprintf(err, errlen, "reading the vma view: %s",
			 r->lines.error == ESRCH ? "the process exited" :
			 strerror(r->lines.error));
		return -1;
	}
	return 0;
}

int pti_vma_begin(const struct pti_source *src, int pid,
		  struct pti_vma_reader *r, struct pti_mm *mm, char *err,
		  size_t errlen)
{
	memset(r, 0, sizeof(*r));
	r->in = pti_choose(src, "vma", pid, "address spaces are root-only", err,
			   errlen);
	if (!r->in) {
		pti_explain_mm_choice(src, pid, err, errlen);
		return -1;
	}
	if (pti_lines_init(&r->lines, fileno(r->in))) {
		snprintf(err, errlen, "out of memory");
		pti_vma_end(r);
		return -1;
	}
	if (read_line(r, err, errlen) != 1 ||
	    pti_parser_header(&r->parser, pti_mm_columns, PTI_MM_NR_COLUMNS,
			      r->line, err, errlen) ||
	    read_line(r, err, errlen) != 1 ||
	    pti_parser_record(&r->parser, r->line, mm, err, errlen) ||
	    read_line(r, err, errlen) != 1 ||
	    pti_parser_header(&r->parser, pti_vma_columns, PTI_VMA_NR_COLUMNS,
			      r->line, err, errlen)) {
		if (!err[0])
			snprintf(err, errlen, "the vma view ended early");
		pti_vma_end(r);
		return -1;
	}
	return 0;
}

int pti_vma_next(struct pti_vma_reader *r, struct pti_vma *vma, char *err,
		 size_t errlen)
{
	int got = read_line(r, err, errlen);

	if (got <= 0)
		return got;
	return pti_parser_fields(&r->parser, r->line, vma, r->fields, r->lens,
				 err, errlen) ? -1 : 1;
}

void pti_vma_keep(struct pti_vma_reader *r, uint64_t wanted)
{
	pti_parser_keep(&r->parser, wanted);
}

void pti_vma_end(struct pti_vma_reader *r)
{
	pti_lines_free(&r->lines);
	if (r->in)
		fclose(r->in);
	memset(r, 0, sizeof(*r));
}

static int overlaps(const struct pti_vma *v, unsigned long long lo,
		    unsigned long long hi)
{
	return lo < hi && v->start < hi && lo < v->end;
}

const char *pti_vma_kind(const struct pti_mm *mm, const struct pti_vma *v)
{
	static const char *const special[] = {
		"[heap]", "heap", "[stack]", "stack", "[vdso]", "vdso",
		"[vvar]", "vvar", "[vsyscall]", "vsyscall",
	};

	/* every special name is bracketed; most VMAs are files or anonymous */
	for (size_t i = 0; v->name[0] == '[' &&
			   i < sizeof(special) / sizeof(special[0]); i += 2)
		if (strcmp(v->name, special[i]) == 0)
			return special[i + 1];
	if (strncmp(v->perms, "---", 3) == 0)
		return "guard";
	if (overlaps(v, mm->start_code, mm->end_code) && v->perms[2] == 'x')
		return "text";
	if (overlaps(v, mm->start_data, mm->end_data))
		return "data";
	/* Zero-filled static data: anonymous, right after data, below brk. */
	if (!v->inode && v->start >= mm->end_data && v->end <= mm->start_brk &&
	    v->start < mm->end_data + 2ULL * mm->page_size)
		return "bss";
	return "mmap";
}

/*
 * A whole number of units (every page-sized size) without printf: tables
 * of an address space print one size per VMA.  Returns false otherwise.
 */
static bool whole_units(unsigned long long bytes, const char *units,
			char *buf, size_t size)
{
	size_t n, u = 0;

	while (bytes >= 1024 && !(bytes % 1024) && units[u + 1]) {
		bytes /= 1024;
		u++;
	}
	/* not whole, or printf's own rounding decides (v >= 1024 is not) */
	if (bytes >= 1024 || size < 2)
		return false;
	/* below 1024: four digits at most */
	if (size < 6)
		return false;
	n = pti_put_digits(buf, bytes, 10, 1);
	buf[n] = units[u];
	buf[n + 1] = '\0';
	return true;
}

void pti_human_size(unsigned long long bytes, char *buf, size_t size)
{
	static const char units[] = "BKMGTPE";
	double v = (double)bytes;
	int u = 0;

	if (whole_units(bytes, units, buf, size))
		return;

	while (v >= 1024 && units[u + 1]) {
		v /= 1024;
		u++;
	}
	if (u == 0 || v >= 100 || v == (double)(unsigned long long)v)
		snprintf(buf, size, "%.0f%c", v, units[u]);
	else
		snprintf(buf, size, "%.1f%c", v, units[u]);
}
