/* cmd_runq.c - `ptinspect runq`: every CPU's runqueue and its CFS queues in
 * vruntime order, task groups expanded in place (as crash's runq -g), the
 * red-black tree's real shape with --tree, or JSON.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "json.h"
#include "runq.h"

struct runq_opts {
	bool json, tree, raw, noheadings;
	int cpu;		/* -1: every CPU */
};

static void entity_name(const struct pti_se *se, char *buf, size_t size)
{
	if (strcmp(se->kind, "group") == 0)
		snprintf(buf, size, "%s", se->group[0] ? se->group : "group");
	else
		snprintf(buf, size, "%s", se->comm);
}

static void ns_as_ms(unsigned long long ns, char *buf, size_t size)
{
	snprintf(buf, size, "%llu.%06llu", ns / 1000000, ns % 1000000);
}

static void print_cpu_summary(const struct pti_rq *rq)
{
	char clock[32], minv[32];

	ns_as_ms(rq->clock, clock, sizeof(clock));
	ns_as_ms(rq->cfs_min_vruntime, minv, sizeof(minv));
	printf("CPU %d: nr_running %u, nr_switches %llu, clock %s ms, curr %d (%s)\n"
	       "  cfs: nr_running %u, h_nr_running %u, min_vruntime %s ms, load %llu;"
	       " rt: %u queued; dl: %u queued%s\n",
	       rq->cpu, rq->nr_running, (unsigned long long)rq->nr_switches,
	       clock, rq->curr_pid, rq->curr_comm, rq->cfs_nr_running,
	       rq->cfs_h_nr_running, minv, (unsigned long long)rq->cfs_load >> 10,
	       rq->rt_nr_running, rq->dl_nr_running,
	       rq->truncated ? " (entity list truncated)" : "");
	if (rq->absent[0] && strcmp(rq->absent, "-"))
		printf("  absent on this kernel: %s\n", rq->absent);
}

static int add_columns(struct libscols_table *tb, const char *const *names,
		       size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!scols_table_new_column(tb, names[i], 0,
					    i == 0 ? SCOLS_FL_TREE :
					    SCOLS_FL_RIGHT))
			return -1;
	return 0;
}

/* Entities as a hierarchy: groups hold their queue; curr marked '>'. */
static int print_entities(const struct pti_runq_cpu *c,
			  const struct runq_opts *o)
{
	static const char *const names[] = {
		"ENTITY", "PID", "VRUNTIME", "LAG", "WEIGHT", "NICE", "SUM_EXEC",
		"QUEUED",
	};
	struct libscols_table *tb = scols_new_table();
	struct libscols_line **lines = calloc(c->n ? c->n : 1, sizeof(*lines));
	int ret = -1;

	if (!tb || !lines || add_columns(tb, names, 8))
		goto out;
	scols_table_enable_raw(tb, o->raw);
	scols_table_enable_noheadings(tb, o->noheadings);
	for (size_t i = 0; i < c->n; i++) {
		const struct pti_se *se = &c->se[i];
		struct libscols_line *parent = NULL;
		char buf[PTI_GROUP_LEN], name[PTI_GROUP_LEN + 2];

		if (se->parent >= 0 && (size_t)se->parent < i)
			parent = lines[se->parent];
		lines[i] = scols_table_new_line(tb, parent);
		if (!lines[i])
			goto out;
		entity_name(se, buf, sizeof(buf));
		snprintf(name, sizeof(name), "%s%s", se->curr ? ">" : "", buf);
		scols_line_set_data(lines[i], 0, name);
		snprintf(buf, sizeof(buf), "%d", se->pid);
		scols_line_set_data(lines[i], 1, se->pid ? buf : "-");
		ns_as_ms(se->vruntime, buf, sizeof(buf));
		scols_line_set_data(lines[i], 2, buf);
		snprintf(buf, sizeof(buf), "%s%lld.%06lld", se->lag < 0 ? "-" : "",
			 llabs(se->lag) / 1000000, llabs(se->lag) % 1000000);
		scols_line_set_data(lines[i], 3, buf);
		snprintf(buf, sizeof(buf), "%llu", (unsigned long long)se->weight >> 10);
		scols_line_set_data(lines[i], 4, buf);
		snprintf(buf, sizeof(buf), "%d", pti_weight_nice(se->weight));
		scols_line_set_data(lines[i], 5, buf);
		ns_as_ms(se->sum_exec_runtime, buf, sizeof(buf));
		scols_line_set_data(lines[i], 6, buf);
		if (strcmp(se->kind, "group") == 0)
			snprintf(buf, sizeof(buf), "%u/%u", se->q_nr_running,
				 se->q_h_nr_running);
		else
			snprintf(buf, sizeof(buf), "-");
		scols_line_set_data(lines[i], 7, buf);
	}
	ret = c->n ? scols_print_table(tb) : 0;
out:
	free(lines);
	scols_unref_table(tb);
	return ret;
}

/* Below @node (an index or -1), as the rb-tree links it. */
static int add_rb_subtree(struct libscols_table *tb, const struct pti_runq_cpu *c,
			  int node, const char *side, struct libscols_line *parent,
			  int depth)
{
	struct libscols_line *ln;
	const struct pti_se *se;
	char buf[PTI_GROUP_LEN], label[PTI_GROUP_LEN + 4];

	if (node < 0 || (size_t)node >= c->n || depth > 64)
		return 0;
	se = &c->se[node];
	ln = scols_table_new_line(tb, parent);
	if (!ln)
		return -1;
	entity_name(se, buf, sizeof(buf));
	snprintf(label, sizeof(label), "%s%s", side, buf);
	scols_line_set_data(ln, 0, label);
	scols_line_set_data(ln, 1, se->red ? "red" : "black");
	ns_as_ms(se->vruntime, buf, sizeof(buf));
	scols_line_set_data(ln, 2, buf);
	snprintf(buf, sizeof(buf), "%d", se->pid);
	scols_line_set_data(ln, 3, se->pid ? buf : "-");
	return add_rb_subtree(tb, c, se->left, "L ", ln, depth + 1) ||
	       add_rb_subtree(tb, c, se->right, "R ", ln, depth + 1);
}

/* Each queue's tree as linked: its root has no parent among its nodes. */
static int print_rb_trees(const struct pti_runq_cpu *c,
			  const struct runq_opts *o)
{
	static const char *const names[] = { "NODE", "COLOUR", "VRUNTIME", "PID" };
	int ret = 0;

	for (long queue = -1; queue < (long)c->n && !ret; queue++) {
		struct libscols_table *tb;
		int root = -1;
		char title[128], name[PTI_GROUP_LEN];

		if (queue >= 0 && strcmp(c->se[queue].kind, "group"))
			continue;
		for (size_t i = 0; i < c->n; i++) {
			bool child = false;

			if (c->se[i].parent != queue || c->se[i].curr)
				continue;
			for (size_t j = 0; j < c->n; j++)
				child |= c->se[j].left == (int)i ||
					 c->se[j].right == (int)i;
			if (!child)
				root = (int)i;
		}
		if (queue < 0)
			snprintf(name, sizeof(name), "rq->cfs");
		else
			entity_name(&c->se[queue], name, sizeof(name));
		snprintf(title, sizeof(title), "  tasks_timeline of %s%s", name,
			 root < 0 ? ": empty" : "");
		puts(title);
		if (root < 0)
			continue;
		tb = scols_new_table();
		if (!tb || add_columns(tb, names, 4)) {
			scols_unref_table(tb);
			return -1;
		}
		scols_table_enable_raw(tb, o->raw);
		scols_table_enable_noheadings(tb, o->noheadings);
		ret = add_rb_subtree(tb, c, root, "", NULL, 0) ||
		      scols_print_table(tb);
		scols_unref_table(tb);
	}
	return ret;
}

static void print_json(const struct pti_runq *q, int only_cpu)
{
	bool first_cpu = true;

	fputs("{\"cpus\": [", stdout);
	for (size_t i = 0; i < q->n; i++) {
		const struct pti_runq_cpu *c = &q->cpus[i];

		if (only_cpu >= 0 && c->rq.cpu != only_cpu)
			continue;
		fputs(first_cpu ? "\n " : ",\n ", stdout);
		first_cpu = false;
		pti_json_record(stdout, pti_rq_columns, PTI_RQ_NR_COLUMNS, &c->rq);
		fputs(", \"entities\": [", stdout);
		for (size_t e = 0; e < c->n; e++) {
			fputs(e ? ",\n   " : "\n   ", stdout);
			pti_json_record(stdout, pti_se_columns, PTI_SE_NR_COLUMNS,
					&c->se[e]);
			printf(", \"nice\": %d}", pti_weight_nice(c->se[e].weight));
		}
		fputs("]}", stdout);
	}
	fputs("\n]}\n", stdout);
}

static void usage(FILE *out)
{
	fputs("Usage: ptinspect runq [options]\n\n"
	      "Show every CPU's runqueue: the running task, counts, and the CFS\n"
	      "queue in red-black-tree order (leftmost runs next), task groups\n"
	      "expanded into their own queues.  '>' marks a queue's curr, which\n"
	      "runs and so is not in the tree.  Times in ms; WEIGHT on the nice-0\n"
	      "= 1024 scale.  Needs root.\n\n"
	      "Options:\n"
	      "  -c, --cpu N        one CPU\n"
	      "  -t, --tree         draw each queue's rb-tree: children, colours\n"
	      "  -J, --json         JSON: {\"cpus\": [{..., \"entities\": [...]}]}\n"
	      "  -r, --raw          raw tables (no alignment)\n"
	      "  -n, --noheadings   no header lines\n"
	      "  -h, --help         this help\n", out);
}

int pti_cmd_runq(const struct pti_source *src, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "cpu", required_argument, NULL, 'c' },
		{ "tree", no_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'J' },
		{ "raw", no_argument, NULL, 'r' },
		{ "noheadings", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct runq_opts o = { .cpu = -1 };
	struct pti_runq q;
	char err[512] = "", *end;
	bool found = false;
	int c, ret = 0;

	optind = 0;
	while ((c = getopt_long(argc, argv, "c:tJrnh", longopts, NULL)) != -1) {
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
		case 'J':
			o.json = true;
			break;
		case 'r':
			o.raw = true;
			break;
		case 'n':
			o.noheadings = true;
			break;
		case 'h':
			usage(stdout);
			return PTI_EXIT_OK;
		default:
			fputs("Try 'ptinspect runq --help'.\n", stderr);
			return PTI_EXIT_USAGE;
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
	if (o.json) {
		print_json(&q, o.cpu);
	} else {
		for (size_t i = 0; i < q.n && !ret; i++) {
			if (o.cpu >= 0 && q.cpus[i].rq.cpu != o.cpu)
				continue;
			print_cpu_summary(&q.cpus[i].rq);
			ret = o.tree ? print_rb_trees(&q.cpus[i], &o) :
				       print_entities(&q.cpus[i], &o);
			putchar('\n');
		}
	}
	pti_runq_free(&q);
	return ret ? PTI_EXIT_FAILURE : PTI_EXIT_OK;
}
