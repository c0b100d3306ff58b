/* cmd_pages.c - `ptinspect pages`: a process's page tables as the kernel
 * holds them, one row per used leaf entry (a PTE or a huge PMD/PUD entry),
 * totals per VMA, and copy-on-write between a parent and its child.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "commands.h"
#include "json.h"
#include "pages.h"
#include "plain_table.h"
#include "vma.h"
#include "view.h"

#define PAGES_DEFAULT_COLUMNS \
	"addr,level,state,pfn,write,dirty,young,soft_dirty,mapcount,anon_exclusive,thp,kind"
#define PAGES_MAX_COLUMNS 32

enum pages_mode { MODE_ENTRIES, MODE_PER_VMA, MODE_COW, MODE_COW_ENTRIES, MODE_WALK };

struct pages_opts {
	enum pages_mode mode;
	struct pti_view_opts view;	/* -J, -P, -r, -n */
	struct pti_column_list cols;	/* the entries' -o, resolved */
};

/* The entries' columns: the pages view's own, none derived. */
static const struct pti_column_model pages_model = {
	.record = pti_page_columns,
	.nrecord = PTI_PAGE_NR_COLUMNS,
};

/* Byte totals of a set of entries: one VMA's, or the whole range's. */
struct pages_totals {
	unsigned long long resident, swapped, huge, shared, private, other;
	unsigned long long entries;
};

/* What a parent and its child map at the same addresses, per VMA. */
struct cow_totals {
	unsigned long long both, shared, copied, parent_only, child_only;
};

enum { OPT_VMA = PTI_OPT_OWN };

static const struct pti_option pages_options[] = {
	{ "vma", OPT_VMA, "ADDR", "the whole VMA that holds ADDR" },
	{ "per-vma", 's', NULL,
	  "totals per VMA: resident, swapped, shared, private, huge" },
	{ "cow", 'c', NULL, "copy-on-write between PARENT and CHILD, per VMA" },
	{ "entries", 'e', NULL, "with --cow: one row per page both map" },
	{ "walk", 'w', NULL, "the walk for one address, level by level" },
	{ "output", 'o', "LIST", "comma-separated columns to show (entries)" },
	PTI_VIEW_OPTIONS("JSON: {\"pages\": [...]} (\"vmas\", \"cow\")",
			 "NAME=\"value\" pairs, one line per row; no totals",
			 "raw table (no alignment); sizes in bytes",
			 "no header line, no totals"),
	PTI_LIST_COLUMNS_OPTION,
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect pages [options] PID [ADDR | START-END | --vma ADDR]\n"
	      "       ptinspect pages --per-vma [options] PID [ADDR | START-END]\n"
	      "       ptinspect pages --cow [--entries] [options] PARENT CHILD [START-END]\n"
	      "       ptinspect pages --walk [options] PID ADDR\n\n"
	      "Show a process's page tables as the kernel holds them: one row per\n"
	      "used leaf entry (a page-table entry, or a huge PMD or PUD entry),\n"
	      "in address order, over the whole address space or the given range\n"
	      "(hexadecimal, as /proc/PID/maps prints it; ADDR alone is the entry\n"
	      "mapping that address).  Frame numbers and swap offsets show only\n"
	      "with CAP_SYS_ADMIN, as /proc/PID/pagemap shows them.  Needs root.\n\n"
	      "--cow compares a parent with its forked child: for every page both\n"
	      "map at the same address, whether they still share one frame (the\n"
	      "copy-on-write not yet broken) or each owns one (a write made the copy).\n\n"
	      "--walk follows one address down the page tables as the MMU does:\n"
	      "at each level the index taken from the address, the entry and its\n"
	      "bits, and where and why the walk ends.\n\n"
	      "Options:\n", out);
	pti_options_help(out, pages_options);
	fputs("\nDefault columns: " PAGES_DEFAULT_COLUMNS "\n\nAvailable columns:\n",
	      out);
	pti_column_model_print(out, &pages_model, PTI_HELP_COLUMN_FORMAT);
}

static struct libscols_table *new_table(const struct pages_opts *o,
					const char *name)
{
	return pti_view_new_table(&o->view, name);
}

/* A byte count: human-readable for people, exact for -r, -P and -J. */
static void bytes_cell(const struct pages_opts *o, unsigned long long n,
		       char *buf, size_t size)
{
	if (o->view.json || o->view.raw || o->view.pairs)
		snprintf(buf, size, "%llu", n);
	else
		pti_human_size(n, buf, size);
}

static void add_entry(struct pages_totals *t, const struct pti_page *p)
{
	t->entries++;
	if (pti_page_present(p)) {
		t->resident += p->size;
		if (pti_pt_level_of(p->level) != PTI_LEVEL_PTE)
			t->huge += p->size;
		/* the zero page and special pages have no map count (-1) */
		if (p->mapcount > 1)
			t->shared += p->size;
		else if (p->mapcount == 1)
			t->private += p->size;
	} else if (pti_page_state_of(p->state) == PTI_STATE_SWAP) {
		t->swapped += p->size;
	} else {
		t->other++;
	}
}

/*
 * The entries' cells as the module wrote them: the table shows the
 * view's own words and numbers, so none is parsed and formatted back.
 */
struct entry_cells {
	const struct pti_view_text *text;
	const struct pti_column *cols[PAGES_MAX_COLUMNS];
	size_t field[PAGES_MAX_COLUMNS];	/* each column's field in text */
};

static const char *entry_cell(const void *arg, size_t row, size_t col,
			      char *buf, size_t *len)
{
	const struct entry_cells *e = arg;

	(void)buf;
	return pti_view_text_cell(e->text, row, e->field[col], len);
}

/*
 * A table of a whole address space can have millions of rows: printed
 * as it is formatted, JSON too (libsmartcols would hold every cell);
 * pairs go through libsmartcols.
 */
static int print_entry_rows(const struct entry_cells *e,
			    const struct pages_opts *o)
{
	const struct pti_out_column *cols = o->cols.cols;
	size_t n = o->cols.n;
	struct pti_plain_table plain = {
		.ncols = n, .nrows = e->text->nrows, .raw = o->view.raw,
		.noheadings = o->view.noheadings, .cell = entry_cell, .arg = e,
	};

	for (size_t i = 0; i < n; i++) {
		plain.heads[i] = cols[i].name;
		plain.right[i] = pti_column_is_number(e->cols[i]);
		plain.made_plain[i] = e->cols[i] &&
				      pti_column_made_plain(e->cols[i]);
	}
	if (o->view.json)
		return pti_json_plain_table(&plain, "pages", stdout);
	if (!o->view.pairs)
		return pti_plain_print(&plain, stdout);
	return pti_view_print_scols(stdout, &plain, &o->view, cols, -1,
				    "pages");
}

/* @name's field in @text, and the column it is: -1 if the view lacks it. */
static int text_column(const struct pti_view_text *text, const char *name,
		       const struct pti_column **col, size_t *field,
		       char *err, size_t errlen)
{
	int f = pti_view_text_field(text, name);

	*col = pti_column_find(pti_page_columns, PTI_PAGE_NR_COLUMNS, name);
	if (f < 0 || !*col) {
		snprintf(err, errlen, "the pages view has no column '%s'", name);
		return -1;
	}
	*field = (size_t)f;
	return 0;
}

/* The totals line: what add_entry needs of each entry, parsed from @text. */
static int text_totals(const struct pti_view_text *text, struct pages_totals *t,
		       char *err, size_t errlen)
{
	static const char *const need[] = { "size", "level", "state", "mapcount" };
	const struct pti_column *cols[4];
	size_t field[4];
	struct pti_page p = { 0 };

	for (size_t i = 0; i < 4; i++)
		if (text_column(text, need[i], &cols[i], &field[i], err, errlen))
			return -1;
	for (size_t r = 0; r < text->nrows; r++) {
		for (size_t i = 0; i < 4; i++) {
			size_t len;
			const char *cell = pti_view_text_cell(text, r, field[i], &len);

			if (pti_column_parse(cols[i], cell, &p)) {
				snprintf(err, errlen, "the pages view, line %zu: bad %s '%s'",
					 r + 2, need[i], cell);
				return -1;
			}
		}
		add_entry(t, &p);
	}
	return 0;
}

static int print_entries(const struct pti_view_text *text,
			 const struct pages_opts *o, char *err, size_t errlen)
{
	struct entry_cells e = { .text = text };
	struct pages_totals t = { 0 };
	int ret = -1;

	for (size_t i = 0; i < o->cols.n; i++)
		if (text_column(text, o->cols.cols[i].name, &e.cols[i],
				&e.field[i], err, errlen))
			goto out;
	if (print_entry_rows(&e, o))
		goto out;
	if (!o->view.json && !o->view.pairs && !o->view.noheadings) {
		char res[16], swp[16], huge[16], shared[16];

		if (text_totals(text, &t, err, errlen))
			goto out;
		pti_human_size(t.resident, res, sizeof(res));
		pti_human_size(t.swapped, swp, sizeof(swp));
		pti_human_size(t.huge, huge, sizeof(huge));
		pti_human_size(t.shared, shared, sizeof(shared));
		printf("\n%llu entries: resident %s (huge %s, mapped more than once %s), "
		       "swapped %s, other %llu\n", t.entries, res, huge, shared,
		       swp, t.other);
	}
	ret = 0;
out:
	if (ret && !err[0])
		snprintf(err, errlen, "cannot print the table");
	return ret;
}

/* Each VMA of @pid (in @range) with the entries that fall in it. */
struct vma_walk {
	struct pti_vma_reader reader;
	struct pti_mm mm;
	struct pti_vma vma;
};

static int vma_first(const struct pti_source *src, int pid, struct vma_walk *w,
		     char *err, size_t errlen)
{
	return pti_vma_begin(src, pid, &w->reader, &w->mm, err, errlen);
}

static bool in_range(const struct pti_vma *v, const struct pti_range *range)
{
	return !range || (v->end > range->start && v->start < range->end);
}

/* The whole VMA of @pid that holds @addr, as a range. */
static int vma_range(const struct pti_source *src, int pid,
		     unsigned long long addr, struct pti_range *range,
		     char *err, size_t errlen)
{
	struct vma_walk w;
	int got;

	if (vma_first(src, pid, &w, err, errlen))
		return -1;
	while ((got = pti_vma_next(&w.reader, &w.vma, err, errlen)) == 1)
		if (addr >= w.vma.start && addr < w.vma.end)
			break;
	pti_vma_end(&w.reader);
	if (got == 1) {
		range->start = w.vma.start;
		range->end = w.vma.end;
		return 0;
	}
	if (got == 0)
		snprintf(err, errlen, "no VMA of pid %d holds 0x%llx", pid, addr);
	return -1;
}

static const char *vma_label(const struct vma_walk *w)
{
	return w->vma.name[0] ? w->vma.name : pti_vma_kind(&w->mm, &w->vma);
}

/* One VMA's row: its range, five counts already written, its name. */
static int vma_row(struct libscols_table *tb, const struct vma_walk *w,
		   char counts[5][32])
{
	struct libscols_line *ln = scols_table_new_line(tb, NULL);
	char buf[32];

	if (!ln)
		return -1;
	snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)w->vma.start);
	scols_line_set_data(ln, 0, buf);
	snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)w->vma.end);
	scols_line_set_data(ln, 1, buf);
	for (size_t i = 0; i < 5; i++)
		scols_line_set_data(ln, 2 + i, counts[i]);
	scols_line_set_data(ln, 7, vma_label(w));
	return 0;
}

static int print_per_vma(const struct pti_source *src, int pid,
			 const struct pti_range *range,
			 const struct pti_page_set *set,
			 const struct pages_opts *o, char *err, size_t errlen)
{
	static const char *const heads[] = {
		"start", "end", "resident", "swapped", "shared", "private",
		"huge", "name",
	};
	struct libscols_table *tb = new_table(o, "vmas");
	struct vma_walk w;
	size_t next = 0;
	int got, ret = -1;

	if (!tb || vma_first(src, pid, &w, err, errlen)) {
		scols_unref_table(tb);
		return -1;
	}
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (pti_view_add_column(tb, heads[i], i >= 2 && i <= 6, false))
			goto out;
	while ((got = pti_vma_next(&w.reader, &w.vma, err, errlen)) == 1) {
		struct pages_totals t = { 0 };
		char counts[5][32];
		unsigned long long *v[] = { &t.resident, &t.swapped, &t.shared,
					    &t.private, &t.huge };

		if (!in_range(&w.vma, range))
			continue;
		while (next < set->n && set->pages[next].addr +
		       set->pages[next].size <= w.vma.start)
			next++;
		for (size_t i = next; i < set->n && set->pages[i].addr < w.vma.end; i++)
			add_entry(&t, &set->pages[i]);
		for (size_t i = 0; i < 5; i++)
			bytes_cell(o, *v[i], counts[i], sizeof(counts[i]));
		if (vma_row(tb, &w, counts))
			goto out;
	}
	if (got == 0 && !pti_view_print_table(tb))
		ret = 0;
out:
	pti_vma_end(&w.reader);
	scols_unref_table(tb);
	return ret;
}

/* Same frame in both: the copy-on-write is still pending (or a shared page). */
static const char *cow_state(const struct pti_page *p, const struct pti_page *c)
{
	if (!c)
		return "parent_only";
	if (!p)
		return "child_only";
	if (!pti_page_present(p) || !pti_page_present(c))
		return "not_present";
	return p->pfn == c->pfn ? "shared" : "copied";
}

static void cow_count(struct cow_totals *t, const char *state)
{
	if (!strcmp(state, "parent_only"))
		t->parent_only++;
	else if (!strcmp(state, "child_only"))
		t->child_only++;
	else
		t->both++;
	if (!strcmp(state, "shared"))
		t->shared++;
	else if (!strcmp(state, "copied"))
		t->copied++;
}

/*
 * Walk both sets in address order, page by page, calling @fn for each
 * address either maps (huge entries counted per small page).
 */
static void cow_join(const struct pti_page_set *parent,
		     const struct pti_page_set *child, unsigned long long start,
		     unsigned long long end, long page,
		     void (*fn)(void *arg, unsigned long long addr,
				const struct pti_page *p, const struct pti_page *c),
		     void *arg)
{
	size_t i = 0, j = 0;

	for (;;) {
		unsigned long long a = ~0ULL;

		while (i < parent->n && parent->pages[i].addr + parent->pages[i].size <= start)
			i++;
		while (j < child->n && child->pages[j].addr + child->pages[j].size <= start)
			j++;
		if (i < parent->n)
			a = parent->pages[i].addr > start ? parent->pages[i].addr : start;
		if (j < child->n) {
			unsigned long long b = child->pages[j].addr > start ?
					       child->pages[j].addr : start;

			a = b < a ? b : a;
		}
		if (a == ~0ULL || a >= end)
			return;
		fn(arg, a, pti_page_at(parent, a), pti_page_at(child, a));
		start = a + (unsigned long long)page;
	}
}

struct cow_table {
	struct libscols_table *tb;
	struct cow_totals totals;
	int failed;
};

static void cow_row(void *arg, unsigned long long addr,
		    const struct pti_page *p, const struct pti_page *c)
{
	struct cow_table *t = arg;
	struct libscols_line *ln;
	const char *state = cow_state(p, c);
	char buf[32];

	cow_count(&t->totals, state);
	if (!t->tb)
		return;
	ln = scols_table_new_line(t->tb, NULL);
	if (!ln) {
		t->failed = 1;
		return;
	}
	snprintf(buf, sizeof(buf), "0x%llx", addr);
	scols_line_set_data(ln, 0, buf);
	snprintf(buf, sizeof(buf), "0x%llx", p ? (unsigned long long)p->pfn : 0ULL);
	scols_line_set_data(ln, 1, p ? buf : "-");
	snprintf(buf, sizeof(buf), "0x%llx", c ? (unsigned long long)c->pfn : 0ULL);
	scols_line_set_data(ln, 2, c ? buf : "-");
	scols_line_set_data(ln, 3, p ? (p->write ? "1" : "0") : "-");
	scols_line_set_data(ln, 4, c ? (c->write ? "1" : "0") : "-");
	snprintf(buf, sizeof(buf), "%d", p ? p->mapcount : c->mapcount);
	scols_line_set_data(ln, 5, buf);
	scols_line_set_data(ln, 6, p ? p->kind : c->kind);
	scols_line_set_data(ln, 7, state);
}

static bool frames_visible(const struct pti_page_set *set)
{
	for (size_t i = 0; i < set->n; i++)
		if (pti_page_present(&set->pages[i]) && set->pages[i].pfn)
			return true;
	return set->n == 0;
}

static int print_cow(const struct pti_source *src, int parent_pid,
		     const struct pti_range *range,
		     const struct pti_page_set *parent,
		     const struct pti_page_set *child,
		     const struct pages_opts *o, char *err, size_t errlen)
{
	long page = sysconf(_SC_PAGESIZE);
	struct cow_table t = { 0 };
	struct vma_walk w;
	int got, ret = -1;

	if (!frames_visible(parent) || !frames_visible(child)) {
		snprintf(err, errlen, "--cow compares frame numbers, which the "
			 "module shows only to CAP_SYS_ADMIN");
		return -1;
	}
	if (o->mode == MODE_COW_ENTRIES) {
		static const char *const heads[] = {
			"addr", "parent_pfn", "child_pfn", "parent_write",
			"child_write", "mapcount", "kind", "cow",
		};

		t.tb = new_table(o, "cow");
		if (!t.tb)
			return -1;
		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
			if (pti_view_add_column(t.tb, heads[i], i >= 3 && i <= 5,
						false))
				goto out;
		cow_join(parent, child, range ? range->start : 0,
			 range ? range->end : ~0ULL, page, cow_row, &t);
		if (!t.failed && !pti_view_print_table(t.tb))
			ret = 0;
		goto out;
	}
	if (vma_first(src, parent_pid, &w, err, errlen))
		return -1;
	{
		static const char *const heads[] = {
			"start", "end", "both", "shared", "copied",
			"parent_only", "child_only", "name",
		};

		t.tb = new_table(o, "vmas");
		if (!t.tb)
			goto out_vma;
		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
			if (pti_view_add_column(t.tb, heads[i], i >= 2 && i <= 6,
						false))
				goto out_vma;
	}
	while ((got = pti_vma_next(&w.reader, &w.vma, err, errlen)) == 1) {
		struct cow_table vt = { 0 };
		unsigned long long s = w.vma.start, e = w.vma.end;
		unsigned long long *v[] = { &vt.totals.both, &vt.totals.shared,
					    &vt.totals.copied,
					    &vt.totals.parent_only,
					    &vt.totals.child_only };
		char counts[5][32];

		if (!in_range(&w.vma, range))
			continue;
		if (range) {
			s = s > range->start ? s : range->start;
			e = e < range->end ? e : range->end;
		}
		cow_join(parent, child, s, e, page, cow_row, &vt);
		for (size_t i = 0; i < 5; i++)
			snprintf(counts[i], sizeof(counts[i]), "%llu", *v[i]);
		if (vma_row(t.tb, &w, counts))
			goto out_vma;
	}
	if (got == 0 && !pti_view_print_table(t.tb))
		ret = 0;
out_vma:
	pti_vma_end(&w.reader);
out:
	scols_unref_table(t.tb);
	if (ret && !err[0])
		snprintf(err, errlen, "cannot print the table");
	return ret;
}

/* P W U A D H NX: the bits of one entry, '-' where clear. */
static void walk_flags(const struct pti_walk_step *s, char *buf, size_t size)
{
	snprintf(buf, size, "%c%c%c%c%c%c%s", s->present ? 'P' : '-',
		 s->write ? 'W' : '-', s->user ? 'U' : '-',
		 s->accessed ? 'A' : '-', s->dirty ? 'D' : '-',
		 s->huge ? 'H' : '-', s->nx ? "NX" : "--");
}

static const char *walk_ending(const struct pti_walk_step *s)
{
	/* a walk ends at a result, or at a missing entry's state */
	switch (pti_walk_result_of(s->result)) {
	case PTI_RESULT_PAGE:
		return "a page table entry maps the page";
	case PTI_RESULT_HUGE:
		return "a huge entry maps the page itself, no lower table";
	case PTI_RESULT_NONE:
		return "nothing mapped here yet: the first touch will fault it in";
	default:
		break;
	}
	switch (pti_page_state_of(s->result)) {
	case PTI_STATE_SWAP:
		return "not present: a swap entry names where the page went";
	case PTI_STATE_MIGRATION:
		return "not present: the page is being migrated";
	default:
		return "not present";
	}
}

static int print_walk(const struct pti_source *src, int pid,
		      unsigned long long addr, const struct pages_opts *o,
		      char *err, size_t errlen)
{
	static const char *const heads[] = {
		"level", "shift", "index", "entry", "flags", "pfn", "result",
	};
	struct pti_walk_step steps[8];
	struct libscols_table *tb;
	int n = pti_walk_load(src, pid, addr, steps, 8, err, errlen);
	int ret = -1;

	if (n < 0)
		return -1;
	if (n == 0) {
		snprintf(err, errlen, "0x%llx is in no VMA of pid %d: nothing to walk",
			 addr, pid);
		return -1;
	}
	tb = new_table(o, "walk");
	if (!tb)
		return -1;
	for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
		if (pti_view_add_column(tb, heads[i], i == 1 || i == 2, false))
			goto out;
	for (int i = 0; i < n; i++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);
		char buf[32];

		if (!ln)
			goto out;
		scols_line_set_data(ln, 0, steps[i].level);
		snprintf(buf, sizeof(buf), "%u", steps[i].shift);
		scols_line_set_data(ln, 1, buf);
		snprintf(buf, sizeof(buf), "%u", steps[i].index);
		scols_line_set_data(ln, 2, buf);
		snprintf(buf, sizeof(buf), "0x%016llx", (unsigned long long)steps[i].entry);
		scols_line_set_data(ln, 3, buf);
		walk_flags(&steps[i], buf, sizeof(buf));
		scols_line_set_data(ln, 4, buf);
		snprintf(buf, sizeof(buf), "0x%llx", (unsigned long long)steps[i].pfn);
		scols_line_set_data(ln, 5, buf);
		scols_line_set_data(ln, 6, steps[i].result);
	}
	if (!o->view.json && !o->view.pairs && !o->view.noheadings) {
		bool five = n > 1 &&
			    pti_pt_level_of(steps[1].level) == PTI_LEVEL_P4D;

		printf("pid %d, address 0x%llx, %s paging:\n\n", pid, addr,
		       five ? "5-level" : "4-level (p4d folded into pgd)");
	}
	if (pti_view_print_table(tb))
		goto out;
	if (!o->view.json && !o->view.pairs && !o->view.noheadings) {
		const struct pti_walk_step *last = &steps[n - 1];

		printf("\n%s: %s", last->level, walk_ending(last));
		if ((!strcmp(last->result, "page") || !strcmp(last->result, "huge")) &&
		    last->pfn) {
			unsigned long long span = 1ULL << last->shift;

			printf("; frame 0x%llx, physical address 0x%llx",
			       (unsigned long long)last->pfn,
			       (unsigned long long)last->pfn * sysconf(_SC_PAGESIZE) +
			       (addr & (span - 1)));
		}
		putchar('\n');
	}
	ret = 0;
out:
	scols_unref_table(tb);
	return ret;
}

int pti_cmd_pages(const struct pti_source *src, int argc, char **argv)
{
	struct pages_opts o = { .mode = MODE_ENTRIES };
	struct pti_page_set set = { 0 }, child = { 0 };
	struct pti_range range, *rp = NULL;
	const char *vma_addr = NULL, *columns = NULL;
	bool entries = false;
	char err[512] = "";
	struct pti_getopt opts;
	int c, pid, child_pid = -1, pids, ret;

	pti_view_stdout_setup();
	pti_getopt_init(&opts, pages_options, &o.view);
	while ((c = pti_getopt_next(&opts, argc, argv)) != -1) {
		switch (c) {
		case 's':
			o.mode = MODE_PER_VMA;
			break;
		case 'c':
			o.mode = MODE_COW;
			break;
		case 'e':
			entries = true;
			break;
		case 'w':
			o.mode = MODE_WALK;
			break;
		case 'o':
			columns = optarg;	/* resolved once parsed */
			break;
		case OPT_VMA:
			vma_addr = optarg;
			break;
		case PTI_OPT_LIST_COLUMNS:
			pti_column_model_print(stdout, &pages_model,
					       PTI_LIST_COLUMN_FORMAT);
			return PTI_EXIT_OK;
		default:
			return pti_option_exit("pages", c, usage);
		}
	}
	if (entries && o.mode != MODE_COW) {
		fputs("ptinspect pages: --entries goes with --cow\n", stderr);
		return PTI_EXIT_USAGE;
	}
	if (entries)
		o.mode = MODE_COW_ENTRIES;
	if (o.mode == MODE_WALK) {
		struct pti_range at;

		if (argc - optind != 2) {
			fputs("ptinspect pages: expected --walk PID ADDR\n", stderr);
			return PTI_EXIT_USAGE;
		}
		pid = pti_pid_arg("pages", argv[optind]);
		if (pid < 0)
			return PTI_EXIT_USAGE;
		if (pti_range_parse(argv[optind + 1], &at) || at.end != at.start + 1) {
			fprintf(stderr, "ptinspect pages: bad address '%s' (hex)\n",
				argv[optind + 1]);
			return PTI_EXIT_USAGE;
		}
		if (print_walk(src, pid, at.start, &o, err, sizeof(err))) {
			fprintf(stderr, "ptinspect pages: %s\n", err[0] ? err :
				"cannot print the table");
			return PTI_EXIT_FAILURE;
		}
		return PTI_EXIT_OK;
	}
	pids = o.mode == MODE_COW || o.mode == MODE_COW_ENTRIES ? 2 : 1;
	if (argc - optind < pids || argc - optind > pids + 1) {
		fprintf(stderr, "ptinspect pages: expected %s [ADDR | START-END]\n",
			pids == 2 ? "PARENT CHILD" : "PID");
		return PTI_EXIT_USAGE;
	}
	pid = pti_pid_arg("pages", argv[optind]);
	if (pid < 0)
		return PTI_EXIT_USAGE;
	if (pids == 2) {
		child_pid = pti_pid_arg("pages", argv[optind + 1]);
		if (child_pid < 0)
			return PTI_EXIT_USAGE;
	}
	if (argc - optind == pids + 1) {
		if (pti_range_parse(argv[optind + pids], &range)) {
			fprintf(stderr, "ptinspect pages: bad range '%s' (ADDR or START-END, in hex)\n",
				argv[optind + pids]);
			return PTI_EXIT_USAGE;
		}
		rp = &range;
	}
	if (vma_addr) {
		struct pti_range at;

		if (rp || pti_range_parse(vma_addr, &at) || at.end != at.start + 1) {
			fprintf(stderr, "ptinspect pages: --vma takes one address (hex) "
				"and no range\n");
			return PTI_EXIT_USAGE;
		}
		if (vma_range(src, pid, at.start, &range, err, sizeof(err))) {
			fprintf(stderr, "ptinspect pages: %s\n", err);
			return PTI_EXIT_FAILURE;
		}
		rp = &range;
	}
	/* every mode refuses a bad -o; the entries' table shows it */
	if (pti_columns_arg("pages", &o.cols, &pages_model, PAGES_MAX_COLUMNS,
			    columns ? columns : PAGES_DEFAULT_COLUMNS))
		return PTI_EXIT_USAGE;
	if (o.mode == MODE_ENTRIES) {
		struct pti_view_text text;

		ret = pti_pages_text(src, pid, rp, &text, err, sizeof(err));
		if (!ret) {
			ret = print_entries(&text, &o, err, sizeof(err));
			pti_view_text_free(&text);
		}
	} else if (pti_pages_load(src, pid, rp, &set, err, sizeof(err)) ||
		   (child_pid > 0 &&
		    pti_pages_load(src, child_pid, rp, &child, err, sizeof(err)))) {
		ret = -1;
	} else if (o.mode == MODE_PER_VMA) {
		ret = print_per_vma(src, pid, rp, &set, &o, err, sizeof(err));
	} else {
		ret = print_cow(src, pid, rp, &set, &child, &o, err, sizeof(err));
	}
	pti_page_set_free(&set);
	pti_page_set_free(&child);
	pti_column_list_free(&o.cols);
	if (ret) {
		fprintf(stderr, "ptinspect pages: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	return PTI_EXIT_OK;
}
