/* trace_print.c - one line per tracer record, text or JSON. */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "trace_print.h"

static const char *const kind_names[PTI_EV_KINDS] = {
	[PTI_EV_FORK] = "fork", [PTI_EV_EXEC] = "exec", [PTI_EV_EXIT] = "exit",
	[PTI_EV_REAP] = "reap", [PTI_EV_ORPHAN] = "orphan",
	[PTI_EV_SWITCH] = "switch", [PTI_EV_WAKEUP] = "wakeup",
};

const char *pti_trace_kind_name(unsigned int kind)
{
	return kind < PTI_EV_KINDS && kind_names[kind] ? kind_names[kind] : "?";
}

const char *pti_fork_kind_name(unsigned int kind)
{
	switch (kind) {
	case PTI_FORK_PROCESS: return "process";
	case PTI_FORK_THREAD: return "thread";
	case PTI_FORK_VFORK: return "vfork";
	case PTI_FORK_SHARED_VM: return "shared-vm";
	case PTI_FORK_KTHREAD: return "kthread";
	}
	return "?";
}

const char *pti_exit_fate_name(unsigned int fate)
{
	switch (fate) {
	case PTI_FATE_ZOMBIE: return "zombie";
	case PTI_FATE_AUTOREAP: return "autoreap";
	case PTI_FATE_DELAYED: return "delayed";
	case PTI_FATE_REPLACED: return "replaced";
	}
	return "?";
}

static const char *reaper_kind_name(unsigned int kind)
{
	return kind == PTI_REAPER_SUBREAPER ? "subreaper" : "init";
}

/* Bits of include/linux/sched.h's state word, as fs/proc/array.c names them. */
char pti_state_letter(unsigned int state)
{
	static const struct { unsigned int bit; char letter; } bits[] = {
		{ 0x0001, 'S' }, { 0x0002, 'D' }, { 0x0004, 'T' },
		{ 0x0008, 't' }, { 0x0010, 'X' }, { 0x0020, 'Z' },
		{ 0x0040, 'P' }, { 0x0080, 'X' },
	};

	if (state == 0)
		return 'R';
	if ((state & 0x0402) == 0x0402)	/* TASK_IDLE */
		return 'I';
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
		if (state & bits[i].bit)
			return bits[i].letter;
	return '?';
}

int pti_trace_parse_events(const char *list, unsigned int *mask, char *bad,
			   size_t badlen)
{
	char *copy = strdup(list), *save = NULL, *word;
	int ret = 0;

	if (!copy)
		return -1;
	*mask = 0;
	for (word = strtok_r(copy, ",", &save); word;
	     word = strtok_r(NULL, ",", &save)) {
		unsigned int k;

		for (k = 1; k < PTI_EV_KINDS; k++)
			if (strcmp(word, kind_names[k]) == 0)
				break;
		if (k == PTI_EV_KINDS) {
			snprintf(bad, badlen, "%s", word);
			ret = -1;
			break;
		}
		*mask |= PTI_EV_BIT(k);
	}
	if (!ret && !*mask) {
		snprintf(bad, badlen, "%s", list);
		ret = -1;
	}
	free(copy);
	return ret;
}

static void signal_name(int sig, char *buf, size_t size)
{
	const char *abbrev = sigabbrev_np(sig);

	if (abbrev)
		snprintf(buf, size, "SIG%s", abbrev);
	else
		snprintf(buf, size, "%d", sig);
}

void pti_exit_status_text(int code, char *buf, size_t size)
{
	char sig[32];

	if (code & 0x7f) {
		signal_name(code & 0x7f, sig, sizeof(sig));
		snprintf(buf, size, "signal=%s%s", sig, code & 0x80 ? " core" : "");
	} else {
		snprintf(buf, size, "status=%d", (code >> 8) & 0xff);
	}
}

/* Whose ids a task's JSON keys name: the event's own task, or another. */
enum json_role { ROLE_SELF, ROLE_CHILD, ROLE_NEXT, ROLE_WAKER, NR_ROLES };

/* Each role's keys, spelled out: no key is built per event. */
#define TASK_KEYS(prefix) { prefix "pid", prefix "tgid", prefix "ppid", \
			    prefix "ns_pid", prefix "ns_tgid", prefix "comm" }

static void json_task(struct pti_json *j, enum json_role role,
		      const struct pti_trace_task *t)
{
	static const char *const keys[NR_ROLES][6] = {
		[ROLE_SELF] = TASK_KEYS(""),
		[ROLE_CHILD] = TASK_KEYS("child_"),
		[ROLE_NEXT] = TASK_KEYS("next_"),
		[ROLE_WAKER] = TASK_KEYS("waker_"),
	};
	const char *const *key = keys[role];

	pti_json_u64(j, key[0], t->pid);
	pti_json_u64(j, key[1], t->tgid);
	pti_json_u64(j, key[2], t->ppid);
	pti_json_u64(j, key[3], t->ns_pid);
	pti_json_u64(j, key[4], t->ns_tgid);
	pti_json_string(j, key[5], t->comm);
}

static void json_exit_code(struct pti_json *j, int code)
{
	char sig[32];

	pti_json_s64(j, "exit_code", code);
	if (code & 0x7f) {
		signal_name(code & 0x7f, sig, sizeof(sig));
		pti_json_null(j, "status");
		pti_json_string(j, "signal", sig);
		pti_json_bool(j, "core", code & 0x80);
	} else {
		pti_json_s64(j, "status", (code >> 8) & 0xff);
		pti_json_null(j, "signal");
		pti_json_bool(j, "core", false);
	}
}

static void print_json(struct pti_trace_printer *p,
		       const struct pti_trace_event *e)
{
	struct pti_json j;
	char letter[2] = "";

	pti_json_begin(&j, p->out, PTI_JSON_LINE);
	pti_json_string(&j, "type", pti_trace_kind_name(e->kind));
	pti_json_u64(&j, "ts_ns", e->ts_ns);
	pti_json_u64(&j, "cpu", e->cpu);
	json_task(&j, ROLE_SELF, &e->task);
	switch (e->kind) {
	case PTI_EV_FORK:
		json_task(&j, ROLE_CHILD, &e->fork.child);
		pti_json_string(&j, "kind", pti_fork_kind_name(e->fork.kind));
		if (e->fork.flags_known)
			pti_json_u64(&j, "clone_flags", e->fork.clone_flags);
		else
			pti_json_null(&j, "clone_flags");
		break;
	case PTI_EV_EXEC:
		pti_json_u64(&j, "old_pid", e->exec.old_pid);
		pti_json_string(&j, "filename", e->exec.filename);
		break;
	case PTI_EV_EXIT:
		json_exit_code(&j, e->exit.exit_code);
		pti_json_string(&j, "scope",
				e->exit.group_dead ? "process" : "thread");
		pti_json_bool(&j, "leader", e->exit.leader);
		pti_json_string(&j, "fate", pti_exit_fate_name(e->exit.fate));
		pti_json_u64(&j, "exec_tid", e->exit.exec_tid);
		break;
	case PTI_EV_REAP:
		json_task(&j, ROLE_CHILD, &e->reap.child);
		json_exit_code(&j, e->reap.exit_code);
		pti_json_u64(&j, "zombie_ns", e->reap.zombie_ns);
		break;
	case PTI_EV_ORPHAN:
		json_task(&j, ROLE_CHILD, &e->orphan.child);
		pti_json_bool(&j, "child_zombie", e->orphan.child_state == 'Z');
		pti_json_u64(&j, "new_parent", e->orphan.reaper_tgid);
		pti_json_string(&j, "new_parent_kind",
				reaper_kind_name(e->orphan.reaper_kind));
		break;
	case PTI_EV_SWITCH:
		json_task(&j, ROLE_NEXT, &e->sw.next);
		letter[0] = pti_state_letter(e->sw.prev_state);
		pti_json_string(&j, "prev_state", letter);
		pti_json_bool(&j, "voluntary", e->sw.voluntary);
		pti_json_u64(&j, "next_wait_ns", e->sw.next_wait_ns);
		break;
	case PTI_EV_WAKEUP:
		json_task(&j, ROLE_WAKER, &e->wakeup.waker);
		pti_json_u64(&j, "target_cpu", e->wakeup.target_cpu);
		pti_json_bool(&j, "new_task", e->wakeup.new_task);
		break;
	}
	pti_json_end(&j);
}

static void print_text(struct pti_trace_printer *p,
		       const struct pti_trace_event *e)
{
	const struct pti_trace_task *t = &e->task;
	unsigned long long rel = e->ts_ns > p->t0_ns ? e->ts_ns - p->t0_ns : 0;
	char status[48];
	FILE *out = p->out;

	if (!p->header_done) {
		fprintf(out, "%-13s %3s %-6s %7s %7s %7s %-16s %s\n", "TIME(s)",
			"CPU", "EVENT", "PID", "TGID", "PPID", "COMM", "DETAILS");
		p->header_done = true;
	}
	fprintf(out, "%6llu.%06llu %3u %-6s %7u %7u %7u %-16s", rel / 1000000000,
		rel / 1000 % 1000000, e->cpu, pti_trace_kind_name(e->kind),
		t->pid, t->tgid, t->ppid, t->comm);
	if (t->ns_pid != t->pid)
		fprintf(out, " nspid=%u", t->ns_pid);
	switch (e->kind) {
	case PTI_EV_FORK:
		fprintf(out, " %s %u", pti_fork_kind_name(e->fork.kind),
			e->fork.child.pid);
		if (e->fork.kind != PTI_FORK_THREAD)
			fprintf(out, " tgid=%u", e->fork.child.tgid);
		if (e->fork.child.ppid != t->tgid)
			fprintf(out, " parent=%u", e->fork.child.ppid);
		break;
	case PTI_EV_EXEC:
		fprintf(out, " %s", e->exec.filename);
		if (e->exec.old_pid != t->pid)
			fprintf(out, " (exec'd by thread %u)", e->exec.old_pid);
		break;
	case PTI_EV_EXIT:
		pti_exit_status_text(e->exit.exit_code, status, sizeof(status));
		fprintf(out, " %s %s -> %s", e->exit.group_dead ? "process" : "thread",
			status, pti_exit_fate_name(e->exit.fate));
		if (e->exit.exec_tid)
			fprintf(out, " (exec by thread %u)", e->exit.exec_tid);
		break;
	case PTI_EV_REAP:
		pti_exit_status_text(e->reap.exit_code, status, sizeof(status));
		fprintf(out, " %u (%s) %s, zombie %llu.%03llu ms", e->reap.child.pid,
			e->reap.child.comm, status,
			(unsigned long long)e->reap.zombie_ns / 1000000,
			(unsigned long long)e->reap.zombie_ns / 1000 % 1000);
		break;
	case PTI_EV_ORPHAN:
		fprintf(out, " %u (%s)%s -> %u (%s)", e->orphan.child.pid,
			e->orphan.child.comm,
			e->orphan.child_state == 'Z' ? " zombie" : "",
			e->orphan.reaper_tgid, reaper_kind_name(e->orphan.reaper_kind));
		break;
	case PTI_EV_SWITCH:
		fprintf(out, " %c %s -> %u (%s)", pti_state_letter(e->sw.prev_state),
			e->sw.voluntary ? "voluntary" : "preempted", e->sw.next.pid,
			e->sw.next.comm);
		if (e->sw.next_wait_ns)
			fprintf(out, " waited %llu us",
				(unsigned long long)e->sw.next_wait_ns / 1000);
		break;
	case PTI_EV_WAKEUP:
		fprintf(out, " by %u (%s) cpu %u%s", e->wakeup.waker.pid,
			e->wakeup.waker.comm, e->wakeup.target_cpu,
			e->wakeup.new_task ? " new" : "");
		break;
	}
	fputc('\n', out);
}

static size_t kind_size(unsigned int kind)
{
	switch (kind) {
	case PTI_EV_FORK: return PTI_EVENT_SIZE(fork);
	case PTI_EV_EXEC: return PTI_EVENT_SIZE(exec);
	case PTI_EV_EXIT: return PTI_EVENT_SIZE(exit);
	case PTI_EV_REAP: return PTI_EVENT_SIZE(reap);
	case PTI_EV_ORPHAN: return PTI_EVENT_SIZE(orphan);
	case PTI_EV_SWITCH: return PTI_EVENT_SIZE(sw);
	case PTI_EV_WAKEUP: return PTI_EVENT_SIZE(wakeup);
	}
	return 0;
}

int pti_trace_print(struct pti_trace_printer *p, const void *data, size_t size)
{
	struct pti_trace_event e;
	size_t need;

	/* The record may be shorter than the whole union: copy what came. */
	if (size < offsetof(struct pti_trace_event, fork))
		return -1;
	memset(&e, 0, sizeof(e));
	memcpy(&e, data, size < sizeof(e) ? size : sizeof(e));
	need = kind_size(e.kind);
	if (!need || size < need)
		return -1;
	e.task.comm[PTI_COMM_LEN - 1] = '\0';
	if (e.kind == PTI_EV_EXEC)
		e.exec.filename[PTI_FILENAME_LEN - 1] = '\0';
	if (p->json)
		print_json(p, &e);
	else
		print_text(p, &e);
	return 0;
}

void pti_trace_print_counts(struct pti_trace_printer *p,
			    const struct pti_trace_counts *c)
{
	if (p->json) {
		struct pti_json j;

		pti_json_begin(&j, p->out, PTI_JSON_LINE);
		pti_json_string(&j, "type", "stats");
		pti_json_u64(&j, "produced", c->produced);
		pti_json_u64(&j, "delivered", c->delivered);
		pti_json_u64(&j, "dropped", c->dropped);
		pti_json_u64(&j, "follow_missed", c->follow_missed);
		pti_json_u64(&j, "tasks_not_counted", c->tasks_not_counted);
		pti_json_u64(&j, "runs_missed", c->runs_missed);
		pti_json_end(&j);
		return;
	}
	fprintf(stderr, "ptinspect trace: %llu events, %llu delivered, %llu dropped",
		c->produced, c->delivered, c->dropped);
	if (c->follow_missed)
		fprintf(stderr, ", %llu forks not followed (map full)",
			c->follow_missed);
	if (c->tasks_not_counted)
		fprintf(stderr, ", %llu tasks not counted (map full)",
			c->tasks_not_counted);
	if (c->runs_missed)
		fprintf(stderr, ", %llu tracepoint hits missed (program busy)",
			c->runs_missed);
	fputc('\n', stderr);
}
