/* cmd_vma.c - `ptinspect vma PID`: a process's mm_struct summary and
 * every VMA in address order, as a table, JSON, or a drawn map.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "json.h"
#include "vma.h"
#include "vma_map.h"
#include "view.h"

#define VMA_DEFAULT_COLUMNS \
	"start,end,size,perms,kind,offset,dev,inode,anon_vma,name"
#define VMA_MAX_COLUMNS 32

/* Columns the CLI derives from a VMA record. */
static const struct {
	const char *name;
	const char *help;
} derived[] = {
	{ "size", "end - start, human-readable" },
	{ "dev", "major:minor, as /proc/<pid>/maps" },
	{ "kind", "text data bss heap stack vdso vvar guard mmap" },
};

static bool derived_column(const char *name)
{
	for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++)
		if (strcmp(derived[i].name, name) == 0)
			return true;
	return false;
}

static bool known_column(const char *name)
{
	return derived_column(name) ||
	       pti_column_find(pti_vma_columns, PTI_VMA_NR_COLUMNS, name);
}

/* The VMA columns, then the derived ones, each as fprintf(@format). */
static void list_columns(FILE *out, const char *format)
{
	for (size_t i = 0; i < PTI_VMA_NR_COLUMNS; i++)
		fprintf(out, format, pti_vma_columns[i].name,
			pti_vma_columns[i].help);
	for (size_t i = 0; i < sizeof(derived) / sizeof(derived[0]); i++)
		fprintf(out, format, derived[i].name, derived[i].help);
}

static void usage(FILE *out)
{
	fputs("Usage: ptinspect vma [options] PID\n\n"
	      "Show a process's address space: its mm_struct and every VMA.\n"
	      "Needs root (/proc/ptinspect/vma is root-only).\n\n"
	      "Options:\n"
	      "  -m, --map            draw the address space, top of user space down\n"
	      "  -o, --output LIST    comma-separated VMA columns to show\n"
	      "  -J, --json           JSON: {\"mm\": {...}, \"vmas\": [...]}\n"
	      "  -P, --pairs          NAME=\"value\" pairs, one line per VMA; no summary\n"
	      "  -r, --raw            raw table (no alignment)\n"
	      "  -n, --noheadings     no header line\n"
	      "  -S, --no-summary     the VMAs only\n"
	      "      --list-columns   every column, NAME<TAB>HELP per line\n"
	      "  -h, --help           this help\n\n"
	      "Default columns: " VMA_DEFAULT_COLUMNS "\n\nAvailable columns:\n",
	      out);
	list_columns(out, PTI_HELP_COLUMN_FORMAT);
}

static void cell(const struct pti_mm *mm, const struct pti_vma *v,
		 const char *name, char *buf, size_t size)
{
	const struct pti_column *col;

	if (strcmp(name, "size") == 0)
		pti_human_size(v->end - v->start, buf, size);
	else if (strcmp(name, "dev") == 0)
		snprintf(buf, size, "%02x:%02x", v->dev_major, v->dev_minor);
	else if (strcmp(name, "kind") == 0)
		snprintf(buf, size, "%s", pti_vma_kind(mm, v));
	else if ((col = pti_column_find(pti_vma_columns, PTI_VMA_NR_COLUMNS, name)))
		pti_column_format(col, v, buf, size);
	else
		buf[0] = '\0';
}

static void print_summary(FILE *out, const struct pti_mm *mm)
{
	char total[16], data[16], exec[16], stack[16], locked[16], pinned[16];
	char anon[16], file[16], shmem[16], pgt[16];

	pti_human_size(mm->total_vm * mm->page_size, total, sizeof(total));
	pti_human_size(mm->data_vm * mm->page_size, data, sizeof(data));
	pti_human_size(mm->exec_vm * mm->page_size, exec, sizeof(exec));
	pti_human_size(mm->stack_vm * mm->page_size, stack, sizeof(stack));
	pti_human_size(mm->locked_vm * mm->page_size, locked, sizeof(locked));
	pti_human_size(mm->pinned_vm * mm->page_size, pinned, sizeof(pinned));
	pti_human_size(mm->rss_anon * mm->page_size, anon, sizeof(anon));
	pti_human_size(mm->rss_file * mm->page_size, file, sizeof(file));
	pti_human_size(mm->rss_shmem * mm->page_size, shmem, sizeof(shmem));
	pti_human_size(mm->pgtables_bytes, pgt, sizeof(pgt));
	fprintf(out,
		"pid %d (tgid %d): %d VMAs, mm_users %d, mm_count %d\n"
		"  code  0x%llx-0x%llx   data 0x%llx-0x%llx\n"
		"  heap  0x%llx-0x%llx (start_brk-brk)   stack 0x%llx (start_stack)\n"
		"  args  0x%llx-0x%llx   env 0x%llx-0x%llx\n"
		"  mmap_base 0x%llx   task_size 0x%llx\n"
		"  vm    total %s, data %s, exec %s, stack %s, locked %s, pinned %s\n"
		"  rss   anon %s, file %s, shmem %s; page tables %s\n\n",
		mm->pid, mm->tgid, mm->map_count, mm->mm_users, mm->mm_count,
		(unsigned long long)mm->start_code, (unsigned long long)mm->end_code,
		(unsigned long long)mm->start_data, (unsigned long long)mm->end_data,
		(unsigned long long)mm->start_brk, (unsigned long long)mm->brk,
		(unsigned long long)mm->start_stack,
		(unsigned long long)mm->arg_start, (unsigned long long)mm->arg_end,
		(unsigned long long)mm->env_start, (unsigned long long)mm->env_end,
		(unsigned long long)mm->mmap_base, (unsigned long long)mm->task_size,
		total, data, exec, stack, locked, pinned, anon, file, shmem, pgt);
}

struct vma_opts {
	struct pti_view_opts view;	/* -o, -J, -P, -r, -n */
	bool summary, map;
};

static int print_json(struct pti_vma_reader *r, const struct pti_mm *mm,
		      char *err, size_t errlen)
{
	static struct pti_vma v;
	bool first = true;
	int got;
	char kind[16], size[32];

	fputs("{\"mm\": ", stdout);
	pti_json_record(stdout, pti_mm_columns, PTI_MM_NR_COLUMNS, mm);
	fputs("},\n \"vmas\": [", stdout);
	while ((got = pti_vma_next(r, &v, err, errlen)) == 1) {
		fputs(first ? "\n  " : ",\n  ", stdout);
		first = false;
		pti_json_record(stdout, pti_vma_columns, PTI_VMA_NR_COLUMNS, &v);
		cell(mm, &v, "kind", kind, sizeof(kind));
		snprintf(size, sizeof(size), "%llu",
			 (unsigned long long)(v.end - v.start));
		printf(", \"size\": %s, \"kind\": ", size);
		pti_json_string(stdout, kind);
		fputc('}', stdout);
	}
	fputs("\n ]\n}\n", stdout);
	return got;
}

static int print_table(struct pti_vma_reader *r, const struct pti_mm *mm,
		       const struct vma_opts *o, char *err, size_t errlen)
{
	static struct pti_vma v;
	char *names[VMA_MAX_COLUMNS], *list;
	struct libscols_table *tb = pti_view_new_table(&o->view, "vmas");
	int n, got = -1;

	list = strdup(o->view.columns ? o->view.columns : VMA_DEFAULT_COLUMNS);
	if (!tb || !list)
		goto out;
	n = pti_split_list(list, names, VMA_MAX_COLUMNS);
	for (int i = 0; i < n; i++) {
		const struct pti_column *col = pti_column_find(
			pti_vma_columns, PTI_VMA_NR_COLUMNS, names[i]);

		if (pti_view_add_column(tb, names[i],
					pti_column_is_number(col), false))
			goto out;
	}
	while ((got = pti_vma_next(r, &v, err, errlen)) == 1) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);

		for (int i = 0; ln && i < n; i++) {
			char buf[8192];

			cell(mm, &v, names[i], buf, sizeof(buf));
			scols_line_set_data(ln, (size_t)i, buf);
		}
	}
	if (got == 0 && scols_print_table(tb))
		got = -1;
out:
	scols_unref_table(tb);
	free(list);
	return got;
}

int pti_cmd_vma(const struct pti_source *src, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "map", no_argument, NULL, 'm' },
		{ "output", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'J' },
		{ "pairs", no_argument, NULL, 'P' },
		{ "raw", no_argument, NULL, 'r' },
		{ "noheadings", no_argument, NULL, 'n' },
		{ "no-summary", no_argument, NULL, 'S' },
		{ "list-columns", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vma_opts o = { .summary = true };
	struct pti_vma_reader r;
	struct pti_mm mm = { 0 };
	char err[512] = "", *names[VMA_MAX_COLUMNS], *copy;
	int c, pid, got, n;

	optind = 0;
	while ((c = getopt_long(argc, argv, "mo:JPrnSh", longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			o.map = true;
			break;
		case 'o':
			o.view.columns = optarg;
			break;
		case 'J':
			o.view.json = true;
			break;
		case 'P':
			o.view.pairs = true;
			break;
		case 'r':
			o.view.raw = true;
			break;
		case 'n':
			o.view.noheadings = true;
			break;
		case 'S':
			o.summary = false;
			break;
		case 'L':
			list_columns(stdout, PTI_LIST_COLUMN_FORMAT);
			return PTI_EXIT_OK;
		case 'h':
			usage(stdout);
			return PTI_EXIT_OK;
		default:
			fputs("Try 'ptinspect vma --help'.\n", stderr);
			return PTI_EXIT_USAGE;
		}
	}
	pid = pti_pid_operand("vma", argc, argv, optind);
	if (pid < 0)
		return PTI_EXIT_USAGE;
	if (o.view.columns) {
		copy = strdup(o.view.columns);
		n = copy ? pti_split_list(copy, names, VMA_MAX_COLUMNS) : -1;
		for (int i = 0; i < n; i++) {
			if (!known_column(names[i])) {
				fprintf(stderr, "ptinspect vma: unknown column '%s'\n",
					names[i]);
				n = -1;
			}
		}
		free(copy);
		if (n <= 0)
			return PTI_EXIT_USAGE;
	}
	if (pti_vma_begin(src, pid, &r, &mm, err, sizeof(err))) {
		fprintf(stderr, "ptinspect vma: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	if (o.view.json) {
		got = print_json(&r, &mm, err, sizeof(err));
	} else if (o.map) {
		struct pti_layout *kernel = calloc(1, sizeof(*kernel));
		char ignored[256];

		/* The kernel half region by region, for a reader who may see it. */
		if (kernel && (pti_layout_load(src, kernel, ignored, sizeof(ignored)) ||
			       !pti_layout_has_addresses(kernel))) {
			free(kernel);
			kernel = NULL;
		}
		got = pti_vma_map(stdout, &r, &mm, kernel, err, sizeof(err));
		free(kernel);
	} else {
		if (o.summary && !o.view.pairs)
			print_summary(stdout, &mm);
		got = print_table(&r, &mm, &o, err, sizeof(err));
	}
	pti_vma_end(&r);
	if (got < 0) {
		fprintf(stderr, "ptinspect vma: %s\n", err[0] ? err : "cannot print");
		return PTI_EXIT_FAILURE;
	}
	return PTI_EXIT_OK;
}
