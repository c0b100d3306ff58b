/* cmd_runq.c - `ptinspect runq`: every CPU's runqueue, its CFS queues in
 * vruntime order with task groups expanded in place (as crash's runq -g),
 * its RT and deadline queues, the red-black trees' real shape with --tree,
 * or JSON.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "json.h"
#include "runq.h"
#include "view.h"

struct runq_opts {
	struct pti_view_opts view;	/* -J, -P, -r, -n */
	bool tree;
	int cpu;		/* -1: every CPU */
};

static bool is_class(const struct pti_se *se, enum pti_se_class class)
{
	return pti_se_class_of(se) == class;
}

static void entity_name(const struct pti_se *se, char *buf, size_t size)
{
	if (pti_se_kind_of(se) != PTI_SE_KIND_TASK)
		snprintf(buf, size, "%s", se->group[0] ? se->group : se->kind);
	else
		snprintf(buf, size, "%s", se->comm);
}

static void ns_as_ms(unsigned long long ns, char *buf, size_t size)
{
	snprintf(buf, size, "%llu.%06llu", ns / 1000000, ns % 1000000);
}

/* Whether this kernel has @field (the rq's absent list does not name it). */
static bool has_field(const struct pti_rq *rq, const char *field)
{
	return !pti_list_has(rq->absent, ',', field);
}

static void print_cpu_summary(const struct pti_rq *rq)
{
	char clock[32], minv[32], ext[32] = "";
	/* The queue's reference vruntime, under the name this kernel uses. */
	bool zero = !has_field(rq, "cfs_min_vruntime") &&
		    has_field(rq, "cfs_zero_vruntime");

	if (has_field(rq, "ext_nr_running"))
		snprintf(ext, sizeof(ext), "; ext: %u queued", rq->ext_nr_running);
	ns_as_ms(rq->clock, clock, sizeof(clock));
	ns_as_ms(zero ? rq->cfs_zero_vruntime : rq->cfs_min_vruntime, minv,
		 sizeof(minv));
	printf("CPU %d: nr_running %u, nr_switches %llu, clock %s ms, curr %d (%s)\n"
	       "  cfs: nr_running %u, h_nr_running %u, %s %s ms, load %llu;"
	       " rt: %u queued; dl: %u queued%s%s\n"
	       "  cfs timeline sorted by %s, groups %s\n",
	       rq->cpu, rq->nr_running, (unsigned long long)rq->nr_switches,
	       clock, rq->curr_pid, rq->curr_comm, rq->cfs_nr_running,
	       rq->cfs_h_nr_running, zero ? "zero_vruntime" : "min_vruntime",
	       minv, (unsigned long long)rq->cfs_load >> 10,
	       rq->rt_nr_running, rq->dl_nr_running, ext,
	       rq->truncated ? " (entity list truncated)" : "",
	       rq->cfs_order, rq->cfs_groups);
	/* a copy over several lock holds may not be one moment */
	if (rq->holds > 1)
		printf("  copied in %u lock holds: %s\n", rq->holds,
		       strcmp(rq->copy, "assembled") ? "nothing moved in between" :
		       "assembled from different moments");
	if (rq->absent[0] && strcmp(rq->absent, "-"))
		printf("  absent on this kernel: %s\n", rq->absent);
}

static struct libscols_table *new_table(const char *const *names, size_t n,
					const struct runq_opts *o)
{
	struct libscols_table *tb = scols_new_table();

	for (size_t i = 0; tb && i < n; i++) {
		if (!scols_table_new_column(tb, names[i], 0,
					    i == 0 ? SCOLS_FL_TREE :
					    SCOLS_FL_RIGHT)) {
			scols_unref_table(tb);
			return NULL;
		}
	}
	if (tb) {
		scols_table_enable_raw(tb, o->view.raw);
		scols_table_enable_noheadings(tb, o->view.noheadings);
	}
	return tb;
}

/* Set the next cell of @ln from a format. */
static void cell(struct libscols_line *ln, size_t *col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void cell(struct libscols_line *ln, size_t *col, const char *fmt, ...)
{
	char buf[PTI_GROUP_LEN + 8];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	scols_line_set_data(ln, (*col)++, buf);
}

/* A task's or group's label: '>' marks what runs (a queue's curr). */
static void cell_name(struct libscols_line *ln, size_t *col,
		      const struct pti_se *se)
{
	char name[PTI_GROUP_LEN];

	entity_name(se, name, sizeof(name));
	cell(ln, col, "%s%s", se->curr ? ">" : "", name);
}

static void cell_pid(struct libscols_line *ln, size_t *col, int pid)
{
	if (pid)
		cell(ln, col, "%d", pid);
	else
		cell(ln, col, "-");
}

/* Nanoseconds shown as milliseconds, signed or not. */
static void cell_ms(struct libscols_line *ln, size_t *col,
		    unsigned long long ns)
{
	char ms[32];

	ns_as_ms(ns, ms, sizeof(ms));
	cell(ln, col, "%s", ms);
}

static void cell_sms(struct libscols_line *ln, size_t *col, long long ns)
{
	cell(ln, col, "%s%lld.%06lld", ns < 0 ? "-" : "", llabs(ns) / 1000000,
	     llabs(ns) % 1000000);
}

/* CFS entities as a hierarchy: groups hold their queue (crash runq -g). */
static int print_cfs(const struct pti_runq_cpu *c, const struct runq_opts *o)
{
	static const char *const names[] = {
		"CFS", "PID", "VRUNTIME", "LAG", "WEIGHT", "NICE", "SUM_EXEC",
		"QUEUED", "DEADLINE", "VLAG", "SLICE",
	};
	bool eevdf = has_field(&c->rq, "deadline");
	struct libscols_table *tb = new_table(names, eevdf ? 11 : 8, o);
	struct libscols_line **lines = calloc(c->n ? c->n : 1, sizeof(*lines));
	size_t shown = 0;
	int ret = -1;

	if (!tb || !lines)
		goto out;
	for (size_t i = 0; i < c->n; i++) {
		const struct pti_se *se = &c->se[i];
		struct libscols_line *parent = NULL, *ln;
		size_t col = 0;

		if (!is_class(se, PTI_SE_CLASS_CFS))
			continue;
		if (se->parent >= 0 && (size_t)se->parent < i)
			parent = lines[se->parent];
		ln = lines[i] = scols_table_new_line(tb, parent);
		if (!ln)
			goto out;
		shown++;
		cell_name(ln, &col, se);
		cell_pid(ln, &col, se->pid);
		cell_ms(ln, &col, se->vruntime);
		if (has_field(&c->rq, "cfs_min_vruntime"))
			cell_sms(ln, &col, se->lag);
		else
			cell(ln, &col, "-");
		cell(ln, &col, "%llu", (unsigned long long)se->weight >> 10);
		cell(ln, &col, "%d", pti_weight_nice(se->weight));
		cell_ms(ln, &col, se->sum_exec_runtime);
		if (pti_se_kind_of(se) == PTI_SE_KIND_GROUP)
			cell(ln, &col, "%u/%u", se->q_nr_running, se->q_h_nr_running);
		else
			cell(ln, &col, "-");
		if (eevdf) {
			cell_ms(ln, &col, se->deadline);
			cell_sms(ln, &col, se->vlag);
			cell_ms(ln, &col, se->slice);
		}
	}
	ret = shown ? scols_print_table(tb) : 0;
out:
	free(lines);
	scols_unref_table(tb);
	return ret;
}

/*
 * The RT queue in the order it picks (highest priority first) and the
 * deadline tree in deadline order; the running task is marked '>'.
 */
static int print_rt_dl(const struct pti_runq_cpu *c, const struct runq_opts *o)
{
	static const char *const names[] = {
		"RT/DL", "PID", "CLASS", "PRIO", "RTPRIO", "DEADLINE", "SUM_EXEC",
	};
	struct libscols_table *tb = new_table(names, 7, o);
	size_t shown = 0;
	int ret = -1;

	if (!tb)
		return -1;
	for (size_t i = 0; i < c->n; i++) {
		const struct pti_se *se = &c->se[i];
		bool rt = is_class(se, PTI_SE_CLASS_RT);
		struct libscols_line *ln;
		size_t col = 0;

		if (!rt && !is_class(se, PTI_SE_CLASS_DL))
			continue;
		ln = scols_table_new_line(tb, NULL);
		if (!ln)
			goto out;
		shown++;
		cell_name(ln, &col, se);
		cell_pid(ln, &col, se->pid);
		cell(ln, &col, "%s", se->sched_class);
		cell(ln, &col, "%d", se->prio);
		if (rt)
			cell(ln, &col, "%d", 99 - se->prio);	/* MAX_RT_PRIO - 1 */
		else
			cell(ln, &col, "-");
		if (rt)
			cell(ln, &col, "-");
		else
			cell_ms(ln, &col, se->deadline);
		cell_ms(ln, &col, se->sum_exec_runtime);
	}
	ret = shown ? scols_print_table(tb) : 0;
out:
	scols_unref_table(tb);
	return ret;
}

/* Below @node (an index or -1), as the rb-tree links it. */
static int add_rb_subtree(struct libscols_table *tb, const struct pti_runq_cpu *c,
			  int node, const char *side, struct libscols_line *parent,
			  int depth)
{
	bool by_deadline = strcmp(c->rq.cfs_order, "deadline") == 0;
	struct libscols_line *ln;
	const struct pti_se *se;
	char name[PTI_GROUP_LEN];
	size_t col = 0;

	if (node < 0 || (size_t)node >= c->n || depth > 64)
		return 0;
	se = &c->se[node];
	ln = scols_table_new_line(tb, parent);
	if (!ln)
		return -1;
	entity_name(se, name, sizeof(name));
	cell(ln, &col, "%s%s", side, name);
	cell(ln, &col, "%s", se->red ? "red" : "black");
	cell_ms(ln, &col, is_class(se, PTI_SE_CLASS_DL) || by_deadline ?
		se->deadline : se->vruntime);
	cell_pid(ln, &col, se->pid);
	return add_rb_subtree(tb, c, se->left, "L ", ln, depth + 1) ||
	       add_rb_subtree(tb, c, se->right, "R ", ln, depth + 1);
}

/* One tree: the node of @class under @queue that is nobody's child. */
static int print_rb_tree(const struct pti_runq_cpu *c,
			 enum pti_se_class class, long queue, const char *title,
			 const char *key, const struct runq_opts *o)
{
	const char *names[] = { "NODE", "COLOUR", key, "PID" };
	struct libscols_table *tb;
	int root = -1, ret;

	for (size_t i = 0; i < c->n; i++) {
		bool child = false;

		if (c->se[i].parent != queue || c->se[i].curr ||
		    !is_class(&c->se[i], class))
			continue;
		for (size_t j = 0; j < c->n; j++)
			child |= c->se[j].left == (int)i || c->se[j].right == (int)i;
		if (!child)
			root = (int)i;
	}
	printf("  %s%s\n", title, root < 0 ? ": empty" : "");
	if (root < 0)
		return 0;
	tb = new_table(names, 4, o);
	if (!tb)
		return -1;
	ret = add_rb_subtree(tb, c, root, "", NULL, 0) || scols_print_table(tb);
	scols_unref_table(tb);
	return ret;
}

/* Each CFS queue's tree and the deadline tree, as linked. */
static int print_rb_trees(const struct pti_runq_cpu *c,
			  const struct runq_opts *o)
{
	char title[PTI_GROUP_LEN + 32], name[PTI_GROUP_LEN];
	/* The key the kernel sorts its timeline by (EEVDF: deadline). */
	const char *key = strcmp(c->rq.cfs_order, "deadline") ? "VRUNTIME" :
			  "DEADLINE";
	int ret = print_rb_tree(c, PTI_SE_CLASS_CFS, -1,
				"tasks_timeline of rq->cfs", key, o);

	for (size_t q = 0; q < c->n && !ret; q++) {
		if (!is_class(&c->se[q], PTI_SE_CLASS_CFS) ||
		    pti_se_kind_of(&c->se[q]) != PTI_SE_KIND_GROUP)
			continue;
		entity_name(&c->se[q], name, sizeof(name));
		snprintf(title, sizeof(title), "tasks_timeline of %s", name);
		ret = print_rb_tree(c, PTI_SE_CLASS_CFS, (long)q, title, key,
				    o);
	}
	if (!ret && has_field(&c->rq, "dl_queue"))
		ret = print_rb_tree(c, PTI_SE_CLASS_DL, -1, "root of rq->dl",
				    "DEADLINE", o);
	return ret;
}

/*
 * The entity fields CPU @c's kernel lacks: its absent list, and lag and
 * q_min_vruntime (measured from min_vruntime) or q_zero_vruntime when
 * their base is absent.
 */
static void se_absent(const struct pti_runq_cpu *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", c->rq.absent,
		 has_field(&c->rq, "cfs_min_vruntime") ? "" :
		 ",lag,q_min_vruntime",
		 has_field(&c->rq, "cfs_zero_vruntime") ? "" :
		 ",q_zero_vruntime");
}

/*
 * -P: one line per entity, every CPU's in turn, its columns as the
 * module's file has them (each line carries its CPU) and the nice level
 * of a CFS weight; what the kernel lacks is "".  The runqueues' own
 * counts are in -J and the tables.
 */
static int print_pairs(const struct pti_runq *q, int only_cpu)
{
	struct pti_view_opts vo = { .pairs = true };
	struct libscols_table *tb = pti_view_new_table(&vo, "entities");
	char absent[PTI_ABSENT_LEN + 48], buf[256];
	int ret = -1;

	if (!tb)
		return -1;
	for (size_t i = 0; i < PTI_SE_NR_COLUMNS; i++)
		if (pti_view_add_column(tb, pti_se_columns[i].name,
					pti_column_is_number(&pti_se_columns[i]),
					false))
			goto out;
	if (pti_view_add_column(tb, "nice", true, false))
		goto out;
	for (size_t i = 0; i < q->n; i++) {
		const struct pti_runq_cpu *c = &q->cpus[i];

		if (only_cpu >= 0 && c->rq.cpu != only_cpu)
			continue;
		se_absent(c, absent, sizeof(absent));
		for (size_t e = 0; e < c->n; e++) {
			const struct pti_se *se = &c->se[e];
			struct libscols_line *ln = scols_table_new_line(tb, NULL);
			size_t col;

			if (!ln)
				goto out;
			for (col = 0; col < PTI_SE_NR_COLUMNS; col++) {
				const struct pti_column *pc = &pti_se_columns[col];

				if (pti_list_has(absent, ',', pc->name))
					buf[0] = '\0';
				else
					pti_column_format(pc, se, buf, sizeof(buf));
				if (scols_line_set_data(ln, col, buf))
					goto out;
			}
			if (is_class(se, PTI_SE_CLASS_CFS))
				snprintf(buf, sizeof(buf), "%d",
					 pti_weight_nice(se->weight));
			else
				buf[0] = '\0';
			if (scols_line_set_data(ln, col, buf))
				goto out;
		}
	}
	ret = pti_view_print_table(tb);
out:
	scols_unref_table(tb);
	return ret;
}

static int print_json(const struct pti_runq *q, int only_cpu)
{
	char absent[PTI_ABSENT_LEN + 48];
	struct pti_json j;

	pti_json_begin(&j, stdout, PTI_JSON_PRETTY);
	pti_json_array(&j, "cpus");
	for (size_t i = 0; i < q->n; i++) {
		const struct pti_runq_cpu *c = &q->cpus[i];

		if (only_cpu >= 0 && c->rq.cpu != only_cpu)
			continue;
		/* What this kernel lacks is null, not a made-up 0; lag is
		 * measured from min_vruntime.
		 */
		se_absent(c, absent, sizeof(absent));
		pti_json_object(&j, NULL);
		pti_json_columns(&j, pti_rq_columns, PTI_RQ_NR_COLUMNS, &c->rq,
				 c->rq.absent);
		pti_json_array(&j, "entities");
		for (size_t e = 0; e < c->n; e++) {
			pti_json_object(&j, NULL);
			pti_json_columns(&j, pti_se_columns, PTI_SE_NR_COLUMNS,
					 &c->se[e], absent);
			/* A nice level only means something for CFS weights. */
			if (is_class(&c->se[e], PTI_SE_CLASS_CFS))
				pti_json_s64(&j, "nice",
					     pti_weight_nice(c->se[e].weight));
			pti_json_close(&j);
		}
		pti_json_close(&j);
		pti_json_close(&j);
	}
	return pti_json_end(&j);
}

static const struct pti_option runq_options[] = {
	{ "cpu", 'c', "N", "one CPU" },
	{ "tree", 't', NULL,
	  "draw the CFS and deadline rb-trees: children,\ncolours" },
	PTI_VIEW_OPTIONS("JSON: {\"cpus\": [{..., \"entities\": [...]}]}",
			 "one line per entity, its columns as NAME=\"value\"\n"
			 "pairs (as lsblk -P); \"\" where the kernel lacks one",
			 "raw tables (no alignment)", "no header lines"),
	{ NULL },
};

static void usage(FILE *out)
{
	fputs("Usage: ptinspect runq [options]\n\n"
	      "Show every CPU's runqueue: the running task, counts, the CFS queue\n"
	      "in red-black-tree order (leftmost runs next) with task groups\n"
	      "expanded into their own queues, then the real-time queue (highest\n"
	      "priority first) and the deadline tree (earliest first).  '>' marks\n"
	      "what runs: a CFS queue's curr, which is not in the tree, or the\n"
	      "RT/DL task still queued.  Times in ms; WEIGHT on the nice-0 = 1024\n"
	      "scale; DEADLINE/VLAG/SLICE on EEVDF kernels (6.6+).  Needs root.\n\n"
	      "Options:\n", out);
	pti_options_help(out, runq_options);
}

int pti_cmd_runq(const struct pti_source *src, int argc, char **argv)
{
	struct runq_opts o = { .cpu = -1 };
	struct pti_runq q;
	char err[512] = "", *end;
	bool found = false;
	struct pti_getopt opts;
	int c, ret = 0;

	pti_getopt_init(&opts, runq_options, &o.view);
	while ((c = pti_getopt_next(&opts, argc, argv)) != -1) {
		switch (c) {
		case 'c':
			o.cpu = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || o.cpu < 0 || o.cpu > 65535) {
				fprintf(stderr, "ptinspect runq: invalid CPU '%s'\n", optarg);
				return PTI_EXIT_USAGE;
			}
			break;
		case 't':
			o.tree = true;
			break;
		default:
			return pti_option_exit("runq", c, usage);
		}
	}
	if (optind != argc) {
		fputs("ptinspect runq: no arguments expected\n", stderr);
		return PTI_EXIT_USAGE;
	}
	if (pti_runq_load(src, &q, err, sizeof(err))) {
		fprintf(stderr, "ptinspect runq: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	for (size_t i = 0; i < q.n; i++)
		found |= o.cpu < 0 || q.cpus[i].rq.cpu == o.cpu;
	if (!found) {
		fprintf(stderr, "ptinspect runq: CPU %d is not online\n", o.cpu);
		pti_runq_free(&q);
		return PTI_EXIT_FAILURE;
	}
	if (o.view.json) {
		ret = print_json(&q, o.cpu);
	} else if (o.view.pairs) {
		ret = print_pairs(&q, o.cpu);
	} else {
		for (size_t i = 0; i < q.n && !ret; i++) {
			if (o.cpu >= 0 && q.cpus[i].rq.cpu != o.cpu)
				continue;
			print_cpu_summary(&q.cpus[i].rq);
			ret = o.tree ? print_rb_trees(&q.cpus[i], &o) :
				       print_cfs(&q.cpus[i], &o) ||
				       print_rt_dl(&q.cpus[i], &o);
			putchar('\n');
		}
	}
	pti_runq_free(&q);
	if (ret)
		fputs("ptinspect runq: cannot print the runqueues\n", stderr);
	return ret ? PTI_EXIT_FAILURE : PTI_EXIT_OK;
}
