/* runq.h - read /proc/ptinspect/runqueues: each CPU and its CFS entities. */
#ifndef PTI_CLI_RUNQ_H
#define PTI_CLI_RUNQ_H

#include "records.h"

struct pti_runq_cpu {
	struct pti_rq rq;
	struct pti_se *se;	/* in the module's order: curr, then tree order */
	size_t n;
};

struct pti_runq {
	struct pti_runq_cpu *cpus;
	size_t n;
};

/*
 * Parse a runqueues view from @in.  Returns 0, or -1 with a message in
 * @err (including the module's own reason when the view is unavailable).
 */
int pti_runq_parse(FILE *in, struct pti_runq *q, char *err, size_t errlen);
int pti_runq_load(const struct pti_source *src, struct pti_runq *q, char *err,
		  size_t errlen);
void pti_runq_free(struct pti_runq *q);

/* @se's queue and kind; PTI_SE_NR_CLASSES or _KINDS for an unknown word. */
enum pti_se_class pti_se_class_of(const struct pti_se *se);
enum pti_se_kind pti_se_kind_of(const struct pti_se *se);

/*
 * The nice level whose weight is nearest @weight, a raw se->load.weight
 * (64-bit kernels keep weights scaled up by 1024: nice 0 is 1048576).
 */
int pti_weight_nice(unsigned long long weight);

#endif
