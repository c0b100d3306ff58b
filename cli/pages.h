/* pages.h - read one process's page-table entries from /proc/ptinspect/pages. */
#ifndef PTI_CLI_PAGES_H
#define PTI_CLI_PAGES_H

#include <stdbool.h>
#include "records.h"
#include "view_text.h"

/* A range of user addresses, [start, end); end 0 means the whole space. */
struct pti_range {
	unsigned long long start, end;
};

struct pti_page_set {
	struct pti_page *pages;	/* in address order */
	size_t n;
};

/*
 * Parse ADDR or START-END (hex, with or without 0x, as /proc/PID/maps
 * prints addresses); ADDR alone is the one page there.  -1 if malformed.
 */
int pti_range_parse(const char *text, struct pti_range *range);
/*
 * Every used entry of @pid's page tables in @range (NULL: all).  Returns
 * 0, or -1 with the reason in words in @err.
 */
int pti_pages_load(const struct pti_source *src, int pid,
		   const struct pti_range *range, struct pti_page_set *set,
		   char *err, size_t errlen);
/*
 * The same entries as the module wrote them, for printing them again
 * (a whole address space is hundreds of thousands of lines).
 */
int pti_pages_text(const struct pti_source *src, int pid,
		   const struct pti_range *range, struct pti_view_text *text,
		   char *err, size_t errlen);
void pti_page_set_free(struct pti_page_set *set);
/* The entry mapping @addr, or NULL. */
const struct pti_page *pti_page_at(const struct pti_page_set *set,
				   unsigned long long addr);
bool pti_page_present(const struct pti_page *p);
/*
 * A level's, state's or walk result's word as its number; PTI_NR_LEVELS,
 * PTI_NR_STATES or PTI_NR_RESULTS for a word this CLI does not know (a
 * walk that ends at a missing PTE ends at its state's word instead).
 */
enum pti_pt_level pti_pt_level_of(const char *level);
enum pti_page_state pti_page_state_of(const char *state);
enum pti_walk_result pti_walk_result_of(const char *result);

/*
 * The page-table walk for @addr of @pid, root first, into @steps (room
 * for @max).  Returns the number of levels (0: @addr is in no VMA), or
 * -1 with the reason in @err.
 */
int pti_walk_load(const struct pti_source *src, int pid,
		  unsigned long long addr, struct pti_walk_step *steps,
		  int max, char *err, size_t errlen);

#endif
