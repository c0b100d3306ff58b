/* trace_summary.c - `ptinspect trace --summary`: the counts the kernel side
 * kept, per task and as a log2 histogram of run-queue waits.
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "trace_session.h"
#include "trace.skel.h"

struct task_count {
	__u32 pid;
	struct pti_sched_stats st;
};

static int by_pid(const void *a, const void *b)
{
	const struct task_count *x = a, *y = b;

	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* Every entry of the sched_stats map, sorted by pid. */
static struct task_count *read_counts(int fd, size_t *n)
{
	struct task_count *v = NULL;
	size_t cap = 0;
	__u32 key, next, *prev = NULL;

	*n = 0;
	while (bpf_map_get_next_key(fd, prev, &next) == 0) {
		if (*n == cap) {
			struct task_count *grown;

			cap = cap ? cap * 2 : 256;
			grown = realloc(v, cap * sizeof(*v));
			if (!grown) {
				free(v);
				return NULL;
			}
			v = grown;
		}
		if (bpf_map_lookup_elem(fd, &next, &v[*n].st) == 0) {
			v[*n].pid = next;
			v[*n].st.comm[PTI_COMM_LEN - 1] = '\0';
			(*n)++;
		}
		key = next;
		prev = &key;
	}
	qsort(v, *n, sizeof(*v), by_pid);
	return v ? v : calloc(1, sizeof(*v));
}

static void bucket_bounds(int slot, unsigned long long *low,
			  unsigned long long *high)
{
	*low = slot ? 1ULL << (slot - 1) : 0;
	*high = slot ? (1ULL << slot) - 1 : 0;
}

static void print_hist_text(const unsigned long long *hist, bool known)
{
	unsigned long long max = 0;
	int last = -1;

	for (int i = 0; i < PTI_HIST_SLOTS; i++) {
		if (hist[i])
			last = i;
		if (hist[i] > max)
			max = hist[i];
	}
	printf("\nrun-queue wait (wakeup or preemption to running)\n");
	if (!known) {
		printf("  unavailable: the kernel keeps no sched_info "
		       "(CONFIG_SCHED_INFO)\n");
		return;
	}
	if (last < 0) {
		printf("  no waits seen\n");
		return;
	}
	printf("%24s : %-10s %s\n", "usecs", "count", "distribution");
	for (int i = 0; i <= last; i++) {
		unsigned long long low, high;
		int stars = (int)(max ? hist[i] * 40 / max : 0);

		bucket_bounds(i, &low, &high);
		printf("%10llu -> %-10llu : %-10llu |%-40.*s|\n", low, high, hist[i],
		       stars, "****************************************");
	}
}

static int print_tasks_text(const struct task_count *v, size_t n)
{
	static const char *const names[] = {
		"PID", "TGID", "COMM", "VOLUNTARY", "INVOLUNTARY", "WAITS",
		"AVG_WAIT_US", "MAX_WAIT_US",
	};
	struct libscols_table *tb = scols_new_table();
	int ret = -1;

	if (!tb)
		return -1;
	for (size_t i = 0; i < 8; i++)
		if (!scols_table_new_column(tb, names[i], 0,
					    i == 2 ? 0 : SCOLS_FL_RIGHT))
			goto out;
	for (size_t i = 0; i < n; i++) {
		struct libscols_line *ln = scols_table_new_line(tb, NULL);
		const struct pti_sched_stats *st = &v[i].st;
		char buf[8][32];

		if (!ln)
			goto out;
		snprintf(buf[0], 32, "%u", v[i].pid);
		snprintf(buf[1], 32, "%u", st->tgid);
		snprintf(buf[2], 32, "%s", st->comm);
		snprintf(buf[3], 32, "%llu", (unsigned long long)st->voluntary);
		snprintf(buf[4], 32, "%llu", (unsigned long long)st->involuntary);
		snprintf(buf[5], 32, "%llu", (unsigned long long)st->waits);
		snprintf(buf[6], 32, "%llu", st->waits ?
			 (unsigned long long)(st->wait_ns / st->waits / 1000) : 0ULL);
		snprintf(buf[7], 32, "%llu", (unsigned long long)st->max_wait_ns / 1000);
		for (int c = 0; c < 8; c++)
			scols_line_set_data(ln, c, buf[c]);
	}
	ret = scols_print_table(tb);
out:
	scols_unref_table(tb);
	return ret;
}

static void print_json(FILE *out, const struct task_count *v, size_t n,
		       const unsigned long long *hist, bool known)
{
	struct pti_json j;

	for (size_t i = 0; i < n; i++) {
		const struct pti_sched_stats *st = &v[i].st;

		pti_json_begin(&j, out, PTI_JSON_LINE);
		pti_json_string(&j, "type", "sched_stats");
		pti_json_u64(&j, "pid", v[i].pid);
		pti_json_u64(&j, "tgid", st->tgid);
		pti_json_string(&j, "comm", st->comm);
		pti_json_u64(&j, "voluntary", st->voluntary);
		pti_json_u64(&j, "involuntary", st->involuntary);
		pti_json_u64(&j, "waits", st->waits);
		pti_json_u64(&j, "wait_ns", st->wait_ns);
		pti_json_u64(&j, "max_wait_ns", st->max_wait_ns);
		pti_json_end(&j);
	}
	pti_json_begin(&j, out, PTI_JSON_LINE);
	pti_json_string(&j, "type", "runq_latency");
	pti_json_bool(&j, "available", known);
	pti_json_string(&j, "unit", "usecs");
	pti_json_array(&j, "buckets");
	for (int i = 0; i < PTI_HIST_SLOTS; i++) {
		unsigned long long low, high;

		bucket_bounds(i, &low, &high);
		pti_json_object(&j, NULL);
		pti_json_u64(&j, "low", low);
		pti_json_u64(&j, "high", high);
		pti_json_u64(&j, "count", hist[i]);
		pti_json_close(&j);
	}
	pti_json_end(&j);
}

int pti_trace_print_summary(struct pti_trace_session *s)
{
	unsigned long long hist[PTI_HIST_SLOTS] = { 0 };
	int hist_fd = bpf_map__fd(s->skel->maps.runq_hist);
	struct task_count *v;
	size_t n;
	int ret = 0;

	int ncpus = libbpf_num_possible_cpus();
	__u64 *percpu;

	if (ncpus <= 0 || !(percpu = calloc(ncpus, sizeof(*percpu))))
		return -1;
	/* One histogram per CPU, summed here. */
	for (__u32 i = 0; i < PTI_HIST_SLOTS; i++) {
		if (bpf_map_lookup_elem(hist_fd, &i, percpu))
			continue;
		for (int c = 0; c < ncpus; c++)
			hist[i] += percpu[c];
	}
	free(percpu);
	v = read_counts(bpf_map__fd(s->skel->maps.sched_stats), &n);
	if (!v)
		return -1;
	if (s->printer->json) {
		print_json(s->printer->out, v, n, hist, s->waits_known);
	} else {
		ret = print_tasks_text(v, n);
		print_hist_text(hist, s->waits_known);
	}
	free(v);
	return ret;
}
