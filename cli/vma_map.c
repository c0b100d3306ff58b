/* vma_map.c - the address space top down: every VMA and every hole, one
 * row each, with a bar whose length is log2 of the size so that a page and
 * a 100-terabyte hole both stay readable.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "vma_map.h"

struct region {
	unsigned long long start, end;
	char perms[8];
	const char *kind;
	char *name;
};

static const struct {
	const char *kind;
	const char *colour;	/* ANSI SGR */
} palette[] = {
	{ "text", "31" }, { "data", "33" }, { "bss", "33;2" },
	{ "heap", "32" }, { "mmap", "34" }, { "stack", "35" },
	{ "vdso", "36" }, { "vvar", "36" }, { "vsyscall", "36" },
	{ "guard", "90" }, { "hole", "2" }, { "kernel", "1" },
};

static const char *colour_of(const char *kind)
{
	for (size_t i = 0; i < sizeof(palette) / sizeof(palette[0]); i++)
		if (strcmp(palette[i].kind, kind) == 0)
			return palette[i].colour;
	return "0";
}

static int bar_length(unsigned long long size)
{
	int bits = 0;

	while (size > 1) {
		size >>= 1;
		bits++;
	}
	return bits > 12 ? bits - 11 : 1;	/* a 4 KiB page: 1 */
}

static void row(FILE *out, bool colour, const char *kind,
		unsigned long long start, unsigned long long end,
		const char *perms, const char *name)
{
	char size[16], bar[80];
	int len = bar_length(end - start + (end == ~0ULL));

	pti_human_size(end - start + (end == ~0ULL), size, sizeof(size));
	memset(bar, '#', (size_t)len);
	bar[len] = '\0';
	if (colour)
		fprintf(out, "\033[%sm", colour_of(kind));
	fprintf(out, "%-8s 0x%016llx-0x%016llx %6s %-4s %-54s %s", kind,
		start, end, size, perms, bar, name);
	fputs(colour ? "\033[0m\n" : "\n", out);
}

/* The kernel half, top down: each region of @l, and the holes between. */
static void kernel_rows(FILE *out, bool colour, const struct pti_layout *l,
			unsigned long long kernel_start)
{
	unsigned long long above = ~0ULL;

	for (size_t i = l->n; i-- > 0;) {
		const struct pti_region *g = &l->regions[i];
		char name[64];

		if (g->start < kernel_start)
			continue;	/* the user half is drawn from the VMAs */
		if (g->end < above && g->end != 0)
			row(out, colour, "hole", g->end, above, "", "");
		if (g->used_end != g->end)
			snprintf(name, sizeof(name), "%s (in use to 0x%llx)",
				 g->name, (unsigned long long)g->used_end);
		else
			snprintf(name, sizeof(name), "%s", g->name);
		row(out, colour, "kernel", g->start, g->end ? g->end : ~0ULL, "",
		    name);
		above = g->start;
	}
	if (above > kernel_start)
		row(out, colour, "hole", kernel_start, above, "",
		    "kernel half: guard hole");
}

int pti_vma_map(FILE *out, struct pti_vma_reader *r, const struct pti_mm *mm,
		const struct pti_layout *kernel, char *err, size_t errlen)
{
	static struct pti_vma v;
	struct region *regions = NULL;
	size_t n = 0, alloc = 0;
	bool colour = isatty(fileno(out)) && !getenv("NO_COLOR");
	unsigned long long above;
	/* x86-64: the kernel half starts here; the gap below is non-canonical. */
	unsigned long long kernel_start = mm->task_size > (1ULL << 47) ?
		0xff00000000000000ULL : 0xffff800000000000ULL;
	int got;

	while ((got = pti_vma_next(r, &v, err, errlen)) == 1) {
		if (n == alloc) {
			size_t nalloc = alloc ? alloc * 2 : 64;
			struct region *grown = reallocarray(regions, nalloc,
							    sizeof(*grown));

			if (!grown) {
				snprintf(err, errlen, "out of memory");
				got = -1;
				break;
			}
			regions = grown;
			alloc = nalloc;
		}
		regions[n].start = v.start;
		regions[n].end = v.end;
		memcpy(regions[n].perms, v.perms, sizeof(regions[n].perms));
		regions[n].kind = pti_vma_kind(mm, &v);
		regions[n].name = strdup(v.name);
		n++;
	}
	if (got == 0) {
		fprintf(out, "address space of pid %d: %d VMAs, top of user space (task_size) 0x%llx\n",
			mm->pid, mm->map_count, (unsigned long long)mm->task_size);
		if (kernel)
			kernel_rows(out, colour, kernel, kernel_start);
		else
			row(out, colour, "kernel", kernel_start, ~0ULL, "",
			    "kernel half: not accessible from user space");
		row(out, colour, "hole", mm->task_size, kernel_start, "", "above task_size (non-canonical addresses)");
		above = mm->task_size;
		for (size_t i = n; i-- > 0;) {
			if (regions[i].end < above)
				row(out, colour, "hole", regions[i].end, above, "", "");
			row(out, colour, regions[i].kind, regions[i].start,
			    regions[i].end, regions[i].perms,
			    regions[i].name ? regions[i].name : "");
			above = regions[i].start;
		}
		if (above > 0)
			row(out, colour, "hole", 0, above, "", "below mmap_min_addr and the program");
	}
	for (size_t i = 0; i < n; i++)
		free(regions[i].name);
	free(regions);
	return got;
}
