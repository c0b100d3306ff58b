/* trace_session.h - the tracer's BPF object: choose, load, attach, read,
 * tear down.  The CLI's only libbpf user.
 */
#ifndef PTI_CLI_TRACE_SESSION_H
#define PTI_CLI_TRACE_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include "trace_print.h"

enum pti_attach_mode { PTI_ATTACH_AUTO, PTI_ATTACH_TP_BTF, PTI_ATTACH_RAW_TP };

struct pti_trace_config {
	pid_t pid;			/* 0: every process */
	bool follow;			/* and its descendants */
	const char *comm;		/* NULL: any */
	unsigned int events;		/* PTI_EV_BIT()s to stream */
	bool summary;			/* count switches and run-queue waits */
	size_t buffer_bytes;		/* ring buffer: power of two, >= a page */
	enum pti_attach_mode attach;
};

struct trace_bpf;
struct ring_buffer;

struct pti_trace_session {
	struct trace_bpf *skel;
	struct ring_buffer *rb;
	struct pti_trace_printer *printer;
	unsigned long long delivered;
	int output_errno;	/* why writing stdout failed; 0 while it works */
	const char *attach_name;	/* "tp_btf" or "raw_tp" */
	bool waits_known;	/* the kernel keeps sched_info (run-queue waits) */
};

/*
 * Open, load and attach for @cfg; records go to @printer.  0, or -1 after
 * printing why (no BTF, no privilege, bad pid, ...).
 */
int pti_trace_start(struct pti_trace_session *s,
		    const struct pti_trace_config *cfg,
		    struct pti_trace_printer *printer);
/* Print what arrived, waiting up to @timeout_ms.  <0 on error. */
int pti_trace_poll(struct pti_trace_session *s, int timeout_ms);
/* Detach, print what is left, fill @counts (exact: nothing is in flight). */
void pti_trace_stop(struct pti_trace_session *s, struct pti_trace_counts *counts);
/* The kernel's per-task counts and histogram, as text or JSON. */
int pti_trace_print_summary(struct pti_trace_session *s);
void pti_trace_close(struct pti_trace_session *s);

#endif
