/* trace_print.h - the tracer's records as lines for people or JSON. */
#ifndef PTI_CLI_TRACE_PRINT_H
#define PTI_CLI_TRACE_PRINT_H

#include <linux/types.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "ptinspect_trace.h"

struct pti_trace_printer {
	FILE *out;
	bool json;
	bool header_done;
	unsigned long long t0_ns;	/* CLOCK_MONOTONIC at attach */
};

/* Delivery and loss, as the kernel and the reader counted them. */
struct pti_trace_counts {
	unsigned long long produced, delivered, dropped;
	unsigned long long follow_missed, tasks_not_counted;
	/* program runs the kernel skipped: one of ours was already running */
	unsigned long long runs_missed;
};

/* Names used in text, JSON and -e: "fork", "thread", "zombie", ... */
const char *pti_trace_kind_name(unsigned int kind);
const char *pti_fork_kind_name(unsigned int kind);
const char *pti_exit_fate_name(unsigned int fate);
/* The letter ps shows for a scheduler state word (R, S, D, T, t, X, Z, P, I). */
char pti_state_letter(unsigned int state);
/* Parse "fork,exit,..." into PTI_EV_BIT()s; -1 names the bad word in @bad. */
int pti_trace_parse_events(const char *list, unsigned int *mask,
			   char *bad, size_t badlen);
/* Wait status as words: "status=7" or "signal=SIGKILL core". */
void pti_exit_status_text(int code, char *buf, size_t size);

/* One record; -1 if @size is too short for its kind. */
int pti_trace_print(struct pti_trace_printer *p, const void *data, size_t size);
void pti_trace_print_counts(struct pti_trace_printer *p,
			    const struct pti_trace_counts *c);

#endif
