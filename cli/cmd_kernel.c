/* cmd_kernel.c - `ptinspect kernel`: this boot's virtual address space,
 * the user half and the kernel's regions with the bases KASLR chose.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "kernel_layout.h"
#include "vma.h"
#include "view.h"

static const struct pti_option kernel_options[] = {
	PTI_VIEW_OPTIONS("JSON: {\"regions\": [...]}",
			 "NAME=\"value\" pairs, one line per region; no summary",
			 "raw table (no alignment); sizes in bytes",
			 "no header line, no summary"),
	PTI_LIST_COLUMNS_OPTION,
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect kernel [options]\n\n"
	      "Show this boot's virtual address space as the kernel lays it out:\n"
	      "the paging depth (4 or 5 levels), the top of user space, and every\n"
	      "region of the kernel half (direct map, vmalloc, vmemmap, cpu entry\n"
	      "area, kernel image, modules, fixmap, ...) at the bases KASLR chose.\n"
	      "Needs root; kptr_restrict decides whether addresses show.\n\n"
	      "Options:\n", out);
	pti_options_help(out, kernel_options);
	fputs("\nColumns:\n", out);
	for (size_t i = 0; i < PTI_REGION_NR_COLUMNS; i++)
		fprintf(out, PTI_HELP_COLUMN_FORMAT, pti_region_columns[i].name,
			pti_region_columns[i].help);
	fprintf(out, PTI_HELP_COLUMN_FORMAT, "size", "end - start");
	fprintf(out, PTI_HELP_COLUMN_FORMAT, "used", "used_end - start");
}

static void list_columns(FILE *out)
{
	for (size_t i = 0; i < PTI_REGION_NR_COLUMNS; i++)
		fprintf(out, PTI_LIST_COLUMN_FORMAT, pti_region_columns[i].name,
			pti_region_columns[i].help);
	fprintf(out, PTI_LIST_COLUMN_FORMAT, "size", "end - start");
	fprintf(out, PTI_LIST_COLUMN_FORMAT, "used", "used_end - start");
}

static void size_cell(bool exact, unsigned long long n, char *buf, size_t size)
{
	if (exact)
		snprintf(buf, size, "%llu", n);
	else
		pti_human_size(n, buf, size);
}

static int print_layout(const struct pti_layout *l,
			const struct pti_view_opts *o)
{
	static const char *const heads[] = { "name", "start", "end", "size", "used" };
	struct libscols_table *tb = pti_view_new_table(o, "regions");
	/* sizes in bytes for programs, human-readable for people */
	bool exact = o->json || o->raw || o->pairs;
	int ret = -1;

	if (!tb)
		return -1;
	for (size_t i = 0; i < 5; i++)
		if (pti_view_add_column(tb, heads[i], i >= 3 && exact, false))
			goto out;
	for (size_t i = 0; i < l->n; i++) {
		const struct pti_region *r = &l->regions[i];
		struct libscols_line *ln = scols_table_new_line(tb, NULL);
		char buf[32];

		if (!ln)
			goto out;
		scols_line_set_data(ln, 0, r->name);
		snprintf(buf, sizeof(buf), "0x%016llx", (unsigned long long)r->start);
		scols_line_set_data(ln, 1, buf);
		snprintf(buf, sizeof(buf), "0x%016llx", (unsigned long long)r->end);
		scols_line_set_data(ln, 2, buf);
		size_cell(exact, r->end - r->start, buf, sizeof(buf));
		scols_line_set_data(ln, 3, buf);
		size_cell(exact, r->used_end - r->start, buf, sizeof(buf));
		scols_line_set_data(ln, 4, buf);
	}
	if (!o->json && !o->pairs && !o->noheadings) {
		char page[16], user[16];

		pti_human_size(l->paging.page_size, page, sizeof(page));
		pti_human_size(l->paging.task_size_max, user, sizeof(user));
		printf("%d-level paging, %s pages; user space 0x0-0x%llx (%s)\n",
		       l->paging.paging_levels, page,
		       (unsigned long long)l->paging.task_size_max, user);
		if (l->paging.image_end) {
			char image[16];

			pti_human_size(l->paging.image_end - l->paging.image_start,
				       image, sizeof(image));
			printf("kernel image mapped at 0x%llx-0x%llx (%s, from _text)\n",
			       (unsigned long long)l->paging.image_start,
			       (unsigned long long)l->paging.image_end, image);
		}
		if (l->paging.data_start) {
			char text[16], rodata[16];

			pti_human_size(l->paging.text_end - l->paging.image_start,
				       text, sizeof(text));
			pti_human_size(l->paging.rodata_end - l->paging.rodata_start,
				       rodata, sizeof(rodata));
			printf("  text to 0x%llx (%s), read-only data 0x%llx-0x%llx (%s), "
			       "data from 0x%llx\n",
			       (unsigned long long)l->paging.text_end, text,
			       (unsigned long long)l->paging.rodata_start,
			       (unsigned long long)l->paging.rodata_end, rodata,
			       (unsigned long long)l->paging.data_start);
		}
		putchar('\n');
	}
	ret = pti_view_print_table(tb);
out:
	scols_unref_table(tb);
	return ret;
}

int pti_cmd_kernel(const struct pti_source *src, int argc, char **argv)
{
	struct pti_view_opts o = { 0 };
	struct pti_layout *l;
	char err[512] = "";
	struct pti_getopt opts;
	int c, ret;

	pti_getopt_init(&opts, kernel_options, &o);
	c = pti_getopt_next(&opts, argc, argv);
	if (c == PTI_OPT_LIST_COLUMNS) {
		list_columns(stdout);
		return PTI_EXIT_OK;
	}
	if (c != -1)
		return pti_option_exit("kernel", c, usage);
	if (optind < argc) {
		fprintf(stderr, "ptinspect kernel: unexpected '%s'\n", argv[optind]);
		return PTI_EXIT_USAGE;
	}
	l = calloc(1, sizeof(*l));
	if (!l)
		return PTI_EXIT_FAILURE;
	if (pti_layout_load(src, l, err, sizeof(err))) {
		fprintf(stderr, "ptinspect kernel: %s\n", err);
		free(l);
		return PTI_EXIT_FAILURE;
	}
	if (!pti_layout_has_addresses(l))
		fputs("ptinspect kernel: kptr_restrict hides the addresses (they show as 0)\n",
		      stderr);
	ret = print_layout(l, &o);
	free(l);
	if (ret)
		fputs("ptinspect kernel: cannot print the table\n", stderr);
	return ret ? PTI_EXIT_FAILURE : PTI_EXIT_OK;
}
