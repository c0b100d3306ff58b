/* cmd_vma.c - `ptinspect vma PID`: a process's mm_struct summary and
 * every VMA in address order, as a table, JSON, or a drawn map.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "flag_names.h"
#include "json.h"
#include "plain_table.h"
#include "vma.h"
#include "vma_map.h"
#include "view.h"

#define VMA_DEFAULT_COLUMNS \
	"start,end,size,perms,kind,offset,dev,inode,anon_vma,name"
#define VMA_MAX_COLUMNS 32
#define VMA_MAX_CELL 8192	/* the longest cell: a name, escaped */

/* The columns the CLI derives from a VMA record (pti_out_column_id()). */
enum vma_derived {
	DERIVED_SIZE = 1, DERIVED_DEV, DERIVED_KIND, DERIVED_FLAG_NAMES
};

/* A VMA record's column, as a bit of a set of them. */
#define VMA_COL(id) (1ULL << PTI_VMA_##id)

static const struct pti_derived_column vma_derived[] = {
	{ "size", "end - start, human-readable", DERIVED_SIZE,
	  VMA_COL(START) | VMA_COL(END), NULL },
	{ "dev", "major:minor, as /proc/<pid>/maps", DERIVED_DEV,
	  VMA_COL(DEV_MAJOR) | VMA_COL(DEV_MINOR), NULL },
	/* what pti_vma_kind() reads */
	{ "kind", "text data bss heap stack vdso vvar guard mmap", DERIVED_KIND,
	  VMA_COL(NAME) | VMA_COL(PERMS) | VMA_COL(START) | VMA_COL(END) |
	  VMA_COL(INODE), NULL },
	{ "vm_flag_names",
	  "VM_* flags by name without VM_, '|'-separated (/proc/ptinspect/flags)",
	  DERIVED_FLAG_NAMES, VMA_COL(VM_FLAGS), NULL },
};

static const struct pti_column_model vma_model = {
	.record = pti_vma_columns,
	.nrecord = PTI_VMA_NR_COLUMNS,
	.derived = vma_derived,
	.nderived = sizeof(vma_derived) / sizeof(vma_derived[0]),
};

static const struct pti_option vma_options[] = {
	{ "map", 'm', NULL, "draw the address space, top of user space down" },
	{ "output", 'o', "LIST", "comma-separated VMA columns to show" },
	PTI_VIEW_OPTIONS("JSON: {\"mm\": {...}, \"vmas\": [...]}",
			 "NAME=\"value\" pairs, one line per VMA; no summary",
			 "raw table (no alignment)", "no header line"),
	{ "no-summary", 'S', NULL, "the VMAs only" },
	PTI_LIST_COLUMNS_OPTION,
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect vma [options] PID\n\n"
	      "Show a process's address space: its mm_struct and every VMA.\n"
	      "Needs root (/proc/ptinspect/vma is root-only).\n\n"
	      "Options:\n", out);
	pti_options_help(out, vma_options);
	fputs("\nDefault columns: " VMA_DEFAULT_COLUMNS "\n\nAvailable columns:\n",
	      out);
	pti_column_model_print(out, &vma_model, PTI_HELP_COLUMN_FORMAT);
}

/* What a VMA's cells are derived with, besides the VMA. */
struct vma_context {
	const struct pti_mm *mm;
	struct pti_flag_names vm_flags;	/* loaded if a column needs it */
};

/*
 * @v's cell of the derived column @c into @buf (@size >= 32); returns its
 * length.
 */
static size_t cell(const struct vma_context *ctx, const struct pti_vma *v,
		   const struct pti_out_column *c, char *buf, size_t size)
{
	char *end;

	switch (pti_out_column_id(c)) {
	case DERIVED_SIZE:
		pti_human_size(v->end - v->start, buf, size);
		break;
	case DERIVED_DEV:
		/* "%02x:%02x", as maps: the table has one per VMA */
		end = buf + pti_put_digits(buf, v->dev_major, 16, 2);
		*end++ = ':';
		end += pti_put_digits(end, v->dev_minor, 16, 2);
		*end = '\0';
		return (size_t)(end - buf);
	case DERIVED_KIND: {
		/* a short word (vsyscall the longest): no snprintf per row */
		const char *kind = pti_vma_kind(ctx->mm, v);

		return pti_put_text(kind, strlen(kind), buf, size);
	}
	case DERIVED_FLAG_NAMES:
		pti_flag_names_decode(&ctx->vm_flags, v->vm_flags, buf, size);
		break;
	default:
		buf[0] = '\0';	/* not one of vma_derived[] */
		break;
	}
	return strlen(buf);
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
	struct pti_view_opts view;	/* -J, -P, -r, -n */
	struct pti_column_list cols;	/* -o, or the default */
	bool summary, map;
};

static int print_json(struct pti_vma_reader *r, const struct vma_context *ctx,
		      char *err, size_t errlen)
{
	static struct pti_vma v;
	const struct pti_mm *mm = ctx->mm;
	struct pti_json j;
	int got;
	char names[PTI_FLAG_NAMES_TEXT];

	pti_json_begin(&j, stdout, PTI_JSON_PRETTY);
	pti_json_object(&j, "mm");
	pti_json_columns(&j, pti_mm_columns, PTI_MM_NR_COLUMNS, mm, NULL);
	pti_json_close(&j);
	pti_json_array(&j, "vmas");
	while ((got = pti_vma_next(r, &v, err, errlen)) == 1) {
		pti_json_object(&j, NULL);
		pti_json_columns(&j, pti_vma_columns, PTI_VMA_NR_COLUMNS, &v,
				 NULL);
		pti_json_u64(&j, "size", v.end - v.start);
		pti_json_string(&j, "kind", pti_vma_kind(mm, &v));
		pti_flag_names_decode(&ctx->vm_flags, v.vm_flags, names,
				      sizeof(names));
		pti_json_string(&j, "vm_flag_names", names);
		pti_json_close(&j);
	}
	if (pti_json_end(&j) && got == 0) {
		snprintf(err, errlen, "write error");
		got = -1;
	}
	return got;
}

/* Whether a column's cells are plain by how the CLI makes them. */
static bool made_plain(const struct pti_out_column *col)
{
	if (col->col)
		return pti_column_made_plain(col->col);
	/* the derived ones are numbers and fixed words, but for VM names */
	return pti_out_column_id(col) != DERIVED_FLAG_NAMES;
}

/* Through libsmartcols: a terminal, -P, or cells that are not plain. */
static int print_scols(const struct pti_plain_cells *c,
		       const struct vma_opts *o)
{
	const struct pti_plain_table t = {
		.ncols = c->ncols, .nrows = pti_plain_cells_rows(c), .kept = c,
	};

	return pti_view_print_scols(stdout, &t, &o->view, o->cols.cols, -1,
				    "vmas");
}

static int print_table(struct pti_vma_reader *r, const struct vma_context *ctx,
		       const struct vma_opts *o, char *err, size_t errlen)
{
	static struct pti_vma v;
	const struct pti_out_column *cols = o->cols.cols;
	struct pti_plain_cells c;
	bool check[VMA_MAX_COLUMNS];
	/* each column's cell: the module's text, the parsed record's, derived */
	enum { AS_WRITTEN, FROM_RECORD, DERIVED } how[VMA_MAX_COLUMNS];
	uint64_t parsed = 0;
	int got = -1;

	/* numbers are shown as written; the rest is parsed */
	for (size_t i = 0; i < o->cols.n; i++) {
		check[i] = !made_plain(&cols[i]);
		how[i] = !cols[i].col ? DERIVED : check[i] ? FROM_RECORD :
			 AS_WRITTEN;
		if (how[i] == DERIVED)
			parsed |= cols[i].derived->reads;
		else if (how[i] == FROM_RECORD)
			parsed |= 1ULL << (cols[i].col - pti_vma_columns);
	}
	pti_vma_keep(r, parsed);
	/* room for the VMAs the mm record counts; most cells are short */
	if (pti_plain_cells_init(&c, o->cols.n, ctx->mm->map_count > 0 ?
				 (size_t)ctx->mm->map_count : 64, 7)) {
		snprintf(err, errlen, "out of memory");
		goto out;
	}
	while ((got = pti_vma_next(r, &v, err, errlen)) == 1) {
		/* formatted in place: tables of 60,000 rows */
		for (size_t i = 0; i < c.ncols; i++) {
			char *at = pti_plain_cells_room(&c, VMA_MAX_CELL);
			const char *text;
			size_t len;

			if (!at) {
				snprintf(err, errlen, "out of memory");
				got = -1;
				goto out;
			}
			switch (how[i]) {
			case AS_WRITTEN:
				text = pti_vma_text(r, cols[i].col, &len);
				break;
			case FROM_RECORD:
				text = pti_column_text(cols[i].col, &v, at,
						       VMA_MAX_CELL, &len);
				break;
			default:
				text = at;
				len = cell(ctx, &v, &cols[i], at,
					   VMA_MAX_CELL);
			}
			/* a member's own text, or the module's */
			if (text != at) {
				len = len < VMA_MAX_CELL ? len : VMA_MAX_CELL;
				pti_plain_copy(at, text, len);
			}
			pti_plain_cells_add(&c, i, len, check[i]);
		}
	}
	if (got)
		goto out;
	got = PTI_PLAIN_NOT_PLAIN;
	if (c.plain && pti_view_is_plain(&o->view)) {
		struct pti_plain_table t = {
			.ncols = c.ncols, .nrows = pti_plain_cells_rows(&c),
			.raw = o->view.raw,
			.noheadings = o->view.noheadings, .kept = &c,
		};

		for (size_t i = 0; i < c.ncols; i++) {
			t.heads[i] = cols[i].name;
			t.right[i] = pti_column_is_number(cols[i].col);
		}
		got = pti_plain_print(&t, stdout);
	}
	if (got == PTI_PLAIN_NOT_PLAIN)
		got = print_scols(&c, o);
out:
	pti_plain_cells_free(&c);
	return got;
}

int pti_cmd_vma(const struct pti_source *src, int argc, char **argv)
{
	struct pti_getopt opts;
	struct vma_opts o = { .summary = true };
	struct pti_vma_reader r;
	struct pti_mm mm = { 0 };
	struct vma_context ctx = { .mm = &mm };
	char err[512] = "";
	int c, pid, got, ret = PTI_EXIT_USAGE;

	pti_getopt_init(&opts, vma_options, &o.view);
	while ((c = pti_getopt_next(&opts, argc, argv)) != -1) {
		switch (c) {
		case 'o':
			if (pti_columns_arg("vma", &o.cols, &vma_model,
					    VMA_MAX_COLUMNS, optarg))
				return PTI_EXIT_USAGE;
			break;
		case 'S':
			o.summary = false;
			break;
		case 'm':
			o.map = true;
			break;
		case PTI_OPT_LIST_COLUMNS:
			pti_column_model_print(stdout, &vma_model,
					       PTI_LIST_COLUMN_FORMAT);
			ret = PTI_EXIT_OK;
			goto out;
		default:
			ret = pti_option_exit("vma", c, usage);
			goto out;
		}
	}
	pid = pti_pid_operand("vma", argc, argv, optind);
	if (pid < 0)
		goto out;
	ret = PTI_EXIT_FAILURE;
	/* the defaults are known names: only memory can fail them */
	if (!o.cols.n && pti_column_list_parse(&o.cols, &vma_model,
					       VMA_DEFAULT_COLUMNS,
					       VMA_MAX_COLUMNS, err,
					       sizeof(err))) {
		fprintf(stderr, "ptinspect vma: %s\n", err);
		goto out;
	}
	o.view.terminal = pti_view_stdout_setup();
	/* JSON always has the names; a table when its columns show them */
	if ((o.view.json ||
	     (!o.map && pti_column_list_has(&o.cols, DERIVED_FLAG_NAMES))) &&
	    pti_flag_names_load(src, "vm_flags", &ctx.vm_flags, err,
				sizeof(err))) {
		fprintf(stderr, "ptinspect vma: %s\n", err);
		goto out;
	}
	if (pti_vma_begin(src, pid, &r, &mm, err, sizeof(err))) {
		fprintf(stderr, "ptinspect vma: %s\n", err);
		goto out;
	}
	if (o.view.json) {
		got = print_json(&r, &ctx, err, sizeof(err));
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
		got = print_table(&r, &ctx, &o, err, sizeof(err));
	}
	pti_vma_end(&r);
	if (got < 0)
		fprintf(stderr, "ptinspect vma: %s\n", err[0] ? err : "cannot print");
	else
		ret = PTI_EXIT_OK;
out:
	pti_flag_names_free(&ctx.vm_flags);
	pti_column_list_free(&o.cols);
	return ret;
}
