/* trace_session.c - load and run trace.bpf.c through its skeleton. */
#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "trace_session.h"
#include "trace.skel.h"

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"

static int quiet_libbpf(enum libbpf_print_level level, const char *fmt,
			va_list args)
{
	if (level == LIBBPF_DEBUG && !getenv("PTINSPECT_BPF_DEBUG"))
		return 0;
	return vfprintf(stderr, fmt, args);
}

/* tp_btf needs the kernel to describe its tracepoints in BTF. */
static bool has_tp_btf(const struct btf *vmlinux)
{
	return btf__find_by_name_kind(vmlinux, "btf_trace_sched_switch",
				      BTF_KIND_TYPEDEF) > 0;
}

/* Run-queue waits come from sched_info, present with CONFIG_SCHED_INFO. */
static bool has_sched_info(const struct btf *vmlinux)
{
	int id = btf__find_by_name_kind(vmlinux, "sched_info", BTF_KIND_STRUCT);
	const struct btf_type *t = id > 0 ? btf__type_by_id(vmlinux, id) : NULL;
	const struct btf_member *m = t ? btf_members(t) : NULL;

	for (int i = 0; m && i < btf_vlen(t); i++)
		if (strcmp(btf__name_by_offset(vmlinux, m[i].name_off),
			   "run_delay") == 0)
			return true;
	return false;
}

static int choose_attach(const struct pti_trace_config *cfg,
			 struct pti_trace_session *s, bool *tp_btf)
{
	struct btf *vmlinux;

	if (access(VMLINUX_BTF, R_OK)) {
		fprintf(stderr, "ptinspect trace: no kernel BTF at %s (%s): the "
			"tracer needs a kernel built with CONFIG_DEBUG_INFO_BTF=y\n",
			VMLINUX_BTF, strerror(errno));
		return -1;
	}
	vmlinux = btf__load_vmlinux_btf();
	if (!vmlinux) {
		fprintf(stderr, "ptinspect trace: cannot read kernel BTF at %s: %s\n",
			VMLINUX_BTF, strerror(errno));
		return -1;
	}
	*tp_btf = has_tp_btf(vmlinux);
	s->waits_known = has_sched_info(vmlinux);
	btf__free(vmlinux);
	if (cfg->attach == PTI_ATTACH_TP_BTF && !*tp_btf) {
		fprintf(stderr, "ptinspect trace: this kernel has no tp_btf "
			"tracepoints; try --attach raw_tp\n");
		return -1;
	}
	if (cfg->attach == PTI_ATTACH_RAW_TP)
		*tp_btf = false;
	return 0;
}

/* --summary counts at each switch; otherwise only streamed switches need it. */
static bool switch_needed(const struct pti_trace_config *cfg)
{
	return cfg->summary || (cfg->events & PTI_EV_BIT(PTI_EV_SWITCH));
}

/* Load only what the config needs, from one of the two program sets. */
static void select_programs(struct trace_bpf *skel, bool tp_btf,
			    const struct pti_trace_config *cfg)
{
	/* --summary streams nothing, whatever -e said. */
	unsigned int events = cfg->summary ? 0 : cfg->events;
	bool wakeups = events & PTI_EV_BIT(PTI_EV_WAKEUP);
	struct {
		struct bpf_program *btf, *raw;
		bool needed;
	} progs[] = {
		{ skel->progs.fork_btf, skel->progs.fork_raw,
		  (events & PTI_EV_BIT(PTI_EV_FORK)) || cfg->follow },
		/* --summary names a task by the comm its last exec gave it */
		{ skel->progs.exec_btf, skel->progs.exec_raw,
		  (events & PTI_EV_BIT(PTI_EV_EXEC)) || cfg->summary },
		{ skel->progs.exit_btf, skel->progs.exit_raw, true },
		/* runs after every system call: only when reaps are wanted */
		{ skel->progs.sys_exit_btf, skel->progs.sys_exit_raw,
		  events & PTI_EV_BIT(PTI_EV_REAP) },
		{ skel->progs.switch_btf, skel->progs.switch_raw, switch_needed(cfg) },
		{ skel->progs.wakeup_btf, skel->progs.wakeup_raw, wakeups },
		{ skel->progs.wakeup_new_btf, skel->progs.wakeup_new_raw, wakeups },
	};

	for (size_t i = 0; i < sizeof(progs) / sizeof(progs[0]); i++) {
		bpf_program__set_autoload(progs[i].btf, progs[i].needed && tp_btf);
		bpf_program__set_autoload(progs[i].raw, progs[i].needed && !tp_btf);
	}
}

static pid_t stat_ppid(const char *pid)
{
	char path[64], buf[512], *paren;
	FILE *f;
	int ppid = -1;

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fgets(buf, sizeof(buf), f) && (paren = strrchr(buf, ')')))
		sscanf(paren + 1, " %*c %d", &ppid);
	fclose(f);
	return ppid;
}

/* Watch @root; with --follow also the descendants it already has. */
static int watch_tree(int map_fd, pid_t root, bool follow)
{
	__u8 one = 1;
	__u32 key = root;
	bool added = true;

	if (bpf_map_update_elem(map_fd, &key, &one, BPF_ANY))
		return -1;
	/* Repeat until no new child of a watched process turns up. */
	while (follow && added) {
		DIR *dir = opendir("/proc");
		struct dirent *d;

		if (!dir)
			return -1;
		added = false;
		while ((d = readdir(dir))) {
			__u32 ppid, pid;
			__u8 v;

			if (d->d_name[0] < '1' || d->d_name[0] > '9')
				continue;
			pid = (__u32)atoi(d->d_name);
			ppid = (__u32)stat_ppid(d->d_name);
			if (bpf_map_lookup_elem(map_fd, &ppid, &v) ||
			    !bpf_map_lookup_elem(map_fd, &pid, &v))
				continue;
			if (bpf_map_update_elem(map_fd, &pid, &one, BPF_ANY) == 0)
				added = true;
		}
		closedir(dir);
	}
	return 0;
}

/* The thread group of @pid, from /proc (the tracer watches processes). */
static pid_t tgid_of(pid_t pid)
{
	char path[64], line[256];
	pid_t tgid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Tgid: %d", &tgid) == 1)
			break;
	fclose(f);
	return tgid;
}

static int on_record(void *ctx, void *data, size_t size)
{
	struct pti_trace_session *s = ctx;

	s->delivered++;
	if (pti_trace_print(s->printer, data, size))
		fprintf(stderr, "ptinspect trace: malformed record (%zu bytes)\n",
			size);
	return 0;
}

static void explain_load_error(int err)
{
	if (err == -EPERM)
		fprintf(stderr, "ptinspect trace: not permitted to load BPF programs: "
			"run as root (needs CAP_BPF and CAP_PERFMON)\n");
	else if (err == -EACCES)
		fprintf(stderr, "ptinspect trace: this kernel's verifier refused the "
			"tracer; PTINSPECT_BPF_DEBUG=1 shows its log\n");
	else
		fprintf(stderr, "ptinspect trace: cannot load the tracer: %s\n",
			strerror(-err));
}

int pti_trace_start(struct pti_trace_session *s,
		    const struct pti_trace_config *cfg,
		    struct pti_trace_printer *printer)
{
	struct trace_bpf *skel;
	struct timespec now;
	pid_t tgid = 0;
	bool tp_btf;
	int err;

	memset(s, 0, sizeof(*s));
	s->printer = printer;
	libbpf_set_print(quiet_libbpf);
	if (cfg->pid) {
		tgid = tgid_of(cfg->pid);
		if (tgid <= 0) {
			fprintf(stderr, "ptinspect trace: no such process: %d\n",
				cfg->pid);
			return -1;
		}
	}
	if (choose_attach(cfg, s, &tp_btf))
		return -1;
	s->attach_name = tp_btf ? "tp_btf" : "raw_tp";
	skel = trace_bpf__open();
	if (!skel) {
		fprintf(stderr, "ptinspect trace: cannot open the BPF object: %s\n",
			strerror(errno));
		return -1;
	}
	s->skel = skel;
	skel->rodata->self_tgid = getpid();
	skel->rodata->event_mask = cfg->summary ? 0 : cfg->events;
	skel->rodata->filter_tgid = tgid != 0;
	skel->rodata->follow = cfg->follow;
	if (cfg->comm) {
		skel->rodata->filter_comm = true;
		strncpy((char *)skel->rodata->comm_filter, cfg->comm,
			PTI_COMM_LEN - 1);
	}
	skel->rodata->count_sched = cfg->summary;
	/* the switch program forgets a watched tgid at its last switch */
	skel->rodata->switch_loaded = switch_needed(cfg);
	skel->rodata->wakeup_bytes = cfg->buffer_bytes / 4;
	clock_gettime(CLOCK_MONOTONIC, &now);
	skel->rodata->since_ns = now.tv_sec * 1000000000ULL + now.tv_nsec;
	err = bpf_map__set_max_entries(skel->maps.events, cfg->buffer_bytes);
	if (err) {
		fprintf(stderr, "ptinspect trace: bad buffer size %zu: %s\n",
			cfg->buffer_bytes, strerror(-err));
		return -1;
	}
	select_programs(skel, tp_btf, cfg);
	err = trace_bpf__load(skel);
	if (err) {
		explain_load_error(err);
		return -1;
	}
	/* The root first, so its events count from the moment of attaching. */
	if (tgid && watch_tree(bpf_map__fd(skel->maps.watched), tgid, false)) {
		fprintf(stderr, "ptinspect trace: cannot watch %d: %s\n", tgid,
			strerror(errno));
		return -1;
	}
	s->rb = ring_buffer__new(bpf_map__fd(skel->maps.events), on_record, s,
				 NULL);
	if (!s->rb) {
		fprintf(stderr, "ptinspect trace: ring buffer: %s\n", strerror(errno));
		return -1;
	}
	err = trace_bpf__attach(skel);
	if (err) {
		fprintf(stderr, "ptinspect trace: cannot attach (%s): %s\n",
			s->attach_name, strerror(-err));
		return -1;
	}
	/*
	 * Its descendants after attaching: a fork from then on is followed
	 * by the fork program, one before it is in /proc by the time the
	 * scan (repeated until nothing new turns up) gets there.
	 */
	if (tgid && cfg->follow &&
	    watch_tree(bpf_map__fd(skel->maps.watched), tgid, true)) {
		fprintf(stderr, "ptinspect trace: cannot watch %d's descendants: %s\n",
			tgid, strerror(errno));
		return -1;
	}
	return 0;
}

int pti_trace_poll(struct pti_trace_session *s, int timeout_ms)
{
	int n = ring_buffer__poll(s->rb, timeout_ms);

	if (n == -EINTR)
		n = 0;
	/* Producers wake us only when a quarter full: drain regardless. */
	if (n >= 0)
		n = ring_buffer__consume(s->rb);
	if ((fflush(s->printer->out) || ferror(s->printer->out)) &&
	    !s->output_errno)
		s->output_errno = errno ? errno : EIO;
	return n < 0 ? n : 0;
}

/*
 * The kernel runs one BPF program once per CPU at a time: a tracepoint hit
 * while the same program is already running there (interrupted, or
 * preempted where tracepoints no longer disable preemption, as on 7.x)
 * is skipped and only counted, in the program's recursion_misses.
 */
static unsigned long long runs_missed(struct trace_bpf *skel)
{
	unsigned long long missed = 0;
	struct bpf_program *prog;

	bpf_object__for_each_program(prog, skel->obj) {
		struct bpf_prog_info info;
		__u32 len = sizeof(info);
		int fd = bpf_program__fd(prog);

		memset(&info, 0, sizeof(info));
		if (fd >= 0 && !bpf_obj_get_info_by_fd(fd, &info, &len))
			missed += info.recursion_misses;
	}
	return missed;
}

void pti_trace_stop(struct pti_trace_session *s, struct pti_trace_counts *c)
{
	trace_bpf__detach(s->skel);
	if (s->rb)
		ring_buffer__consume(s->rb);
	memset(c, 0, sizeof(*c));
	c->produced = s->skel->bss->produced;
	c->dropped = s->skel->bss->dropped;
	c->follow_missed = s->skel->bss->watch_full;
	c->tasks_not_counted = s->skel->bss->stats_full;
	c->runs_missed = runs_missed(s->skel);
	c->delivered = s->delivered;
}

void pti_trace_close(struct pti_trace_session *s)
{
	ring_buffer__free(s->rb);
	trace_bpf__destroy(s->skel);
	s->rb = NULL;
	s->skel = NULL;
}
