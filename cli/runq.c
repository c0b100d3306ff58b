/* runq.c - read /proc/ptinspect/runqueues back into records. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "runq.h"

PTI_WORD_TABLE(se_class_words, PTI_SE_CLASS_WORDS, PTI_SE_NR_CLASSES);
PTI_WORD_TABLE(se_kind_words, PTI_SE_KIND_WORDS, PTI_SE_NR_KINDS);

enum pti_se_class pti_se_class_of(const struct pti_se *se)
{
	return (enum pti_se_class)pti_word_id(se_class_words, PTI_SE_NR_CLASSES,
					      se->sched_class);
}

enum pti_se_kind pti_se_kind_of(const struct pti_se *se)
{
	return (enum pti_se_kind)pti_word_id(se_kind_words, PTI_SE_NR_KINDS,
					     se->kind);
}

/* Blocks start with a header line; which one is told by its second name. */
static bool is_header(const char *line, const char *second)
{
	size_t n = strlen(second);

	return strncmp(line, "cpu ", 4) == 0 && strncmp(line + 4, second, n) == 0 &&
	       line[4 + n] == ' ';
}

static void *grow(void *array, size_t *alloc, size_t n, size_t size)
{
	size_t nalloc;
	void *grown;

	if (n < *alloc)
		return array;
	nalloc = *alloc ? *alloc * 2 : 16;
	grown = reallocarray(array, nalloc, size);
	if (grown)
		*alloc = nalloc;
	return grown;
}

int pti_runq_parse(FILE *in, struct pti_runq *q, char *err, size_t errlen)
{
	struct pti_parser rq_parser = { 0 }, se_parser = { 0 };
	struct pti_parser *block = NULL;
	struct pti_runq_cpu *cpu = NULL;
	size_t cpus_alloc = 0, se_alloc = 0, cap = 0;
	char *line = NULL;
	int ret = -1;

	memset(q, 0, sizeof(*q));
	errno = 0;
	while (getline(&line, &cap, in) >= 0) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "unavailable: ", 13) == 0) {
			snprintf(err, errlen, "the runqueue view is unavailable: %s",
				 line + 13);
			goto out;
		}
		if (!*line) {
			block = NULL;
		} else if (is_header(line, "nr_running")) {
			if (pti_parser_header(&rq_parser, pti_rq_columns,
					      PTI_RQ_NR_COLUMNS, line, err, errlen))
				goto out;
			block = &rq_parser;
		} else if (is_header(line, "index")) {
			if (!cpu) {
				snprintf(err, errlen, "entities before any CPU");
				goto out;
			}
			if (pti_parser_header(&se_parser, pti_se_columns,
					      PTI_SE_NR_COLUMNS, line, err, errlen))
				goto out;
			block = &se_parser;
			se_alloc = 0;
		} else if (block == &rq_parser) {
			struct pti_runq_cpu *grown = grow(q->cpus, &cpus_alloc,
							  q->n, sizeof(*grown));

			if (!grown)
				goto oom;
			q->cpus = grown;
			cpu = &q->cpus[q->n++];
			memset(cpu, 0, sizeof(*cpu));
			if (pti_parser_record(&rq_parser, line, &cpu->rq, err, errlen))
				goto out;
		} else if (block == &se_parser) {
			struct pti_se *grown = grow(cpu->se, &se_alloc, cpu->n,
						    sizeof(*grown));

			if (!grown)
				goto oom;
			cpu->se = grown;
			memset(&cpu->se[cpu->n], 0, sizeof(*cpu->se));
			if (pti_parser_record(&se_parser, line, &cpu->se[cpu->n],
					      err, errlen))
				goto out;
			cpu->n++;
		} else {
			snprintf(err, errlen, "unexpected line: %.60s", line);
			goto out;
		}
	}
	if (errno) {
		snprintf(err, errlen, "reading the runqueue view: %s", strerror(errno));
		goto out;
	}
	ret = 0;
	goto out;
oom:
	snprintf(err, errlen, "out of memory");
out:
	free(line);
	if (ret)
		pti_runq_free(q);
	return ret;
}

int pti_runq_load(const struct pti_source *src, struct pti_runq *q, char *err,
		  size_t errlen)
{
	FILE *in = pti_view_open(src, "runqueues", "re",
				 "root only, from the initial pid namespace",
				 err, errlen);
	int ret;

	if (!in)
		return -1;
	ret = pti_runq_parse(in, q, err, errlen);
	fclose(in);
	return ret;
}

void pti_runq_free(struct pti_runq *q)
{
	for (size_t i = 0; i < q->n; i++)
		free(q->cpus[i].se);
	free(q->cpus);
	q->cpus = NULL;
	q->n = 0;
}

int pti_weight_nice(unsigned long long weight)
{
	/*
	 * Each nice level is ~1.25x the weight of the next, nice 0 is 1024
	 * (weights are scaled by 1024 on 64-bit).  The nearest level on a
	 * log scale, found by steps of 1.25 (no libm for one function: every
	 * shared library costs each command its loading).
	 */
	const double half_step = 1.1180339887498949;	/* sqrt(1.25) */
	double ratio = 1024.0 * 1024.0 / (double)weight;
	int nice = 0;

	if (!weight)
		return 19;
	while (ratio >= half_step && nice < 19) {
		ratio /= 1.25;
		nice++;
	}
	while (ratio < 1 / half_step && nice > -20) {
		ratio *= 1.25;
		nice--;
	}
	return nice;
}
