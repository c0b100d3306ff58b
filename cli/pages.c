/* pages.c - choose a process (and a range) through /proc/ptinspect/pages
 * and read its entries back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lines.h"
#include "pages.h"
#include "vma.h"

static int parse_address(const char *text, size_t len, unsigned long long *out)
{
	char buf[32], *end;

	if (len == 0 || len >= sizeof(buf))
		return -1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	errno = 0;
	*out = strtoull(buf, &end, 16);
	return errno || *end ? -1 : 0;
}

int pti_range_parse(const char *text, struct pti_range *range)
{
	const char *dash = strchr(text, '-');

	if (!dash) {
		if (parse_address(text, strlen(text), &range->start))
			return -1;
		range->end = range->start + 1;
		return 0;
	}
	if (parse_address(text, (size_t)(dash - text), &range->start) ||
	    parse_address(dash + 1, strlen(dash + 1), &range->end))
		return -1;
	return range->start < range->end ? 0 : -1;
}

#define PAGES_DENIED "page tables are root-only"

/*
 * @in, a pid-chosen view (pti_choose() or pti_choose_text()), or NULL
 * with @err saying why for @pid.  A choice with addresses after the pid
 * is refused (EINVAL) for a pid past PID_MAX_LIMIT or an address past
 * user space: the module does not say which.
 */
static FILE *chosen(FILE *in, const struct pti_source *src, int pid,
		    char *err, size_t errlen)
{
	if (!in && errno == EINVAL)
		snprintf(err, errlen,
			 "no process with pid %d, or an address past user space",
			 pid);
	else if (!in)
		pti_explain_mm_choice(src, pid, err, errlen);
	return in;
}

/* The pages view, chosen for @pid and @range. */
static FILE *choose_pages(const struct pti_source *src, int pid,
			  const struct pti_range *range, char *err,
			  size_t errlen)
{
	char text[96];

	if (!range)
		return chosen(pti_choose(src, "pages", pid, PAGES_DENIED, err,
					 errlen), src, pid, err, errlen);
	snprintf(text, sizeof(text), "%d 0x%llx 0x%llx\n", pid, range->start,
		 range->end);
	return chosen(pti_choose_text(src, "pages", text, PAGES_DENIED, err,
				      errlen), src, pid, err, errlen);
}

static void read_failed(int error, char *err, size_t errlen)
{
	snprintf(err, errlen, "reading the pages view: %s",
		 error == ESRCH ? "the process exited" : strerror(error));
}

int pti_pages_text(const struct pti_source *src, int pid,
		   const struct pti_range *range, struct pti_view_text *text,
		   char *err, size_t errlen)
{
	FILE *in = choose_pages(src, pid, range, err, errlen);
	char why[128];
	int ret;

	memset(text, 0, sizeof(*text));
	if (!in)
		return -1;
	ret = pti_view_text_read(text, fileno(in), why, sizeof(why));
	fclose(in);
	if (!ret)
		return 0;
	if (text->error && text->error != ENOMEM)
		read_failed(text->error, err, errlen);
	else
		snprintf(err, errlen, "the pages view: %s", why);
	pti_view_text_free(text);
	return -1;
}

int pti_pages_load(const struct pti_source *src, int pid,
		   const struct pti_range *range, struct pti_page_set *set,
		   char *err, size_t errlen)
{
	struct pti_parser parser;
	struct pti_lines lines;
	size_t room = 0;
	bool header = false;
	int ret = -1;
	char *line;
	FILE *in;

	in = choose_pages(src, pid, range, err, errlen);
	memset(set, 0, sizeof(*set));
	if (!in)
		return -1;
	if (pti_lines_init(&lines, fileno(in))) {
		snprintf(err, errlen, "out of memory");
		fclose(in);
		return -1;
	}
	while ((line = pti_lines_next(&lines))) {
		if (!header) {
			if (pti_parser_header(&parser, pti_page_columns,
					      PTI_PAGE_NR_COLUMNS, line, err,
					      errlen))
				goto out;
			header = true;
			continue;
		}
		if (set->n == room) {
			struct pti_page *more;

			room = room ? room * 2 : 1024;
			more = realloc(set->pages, room * sizeof(*more));
			if (!more) {
				snprintf(err, errlen, "out of memory");
				goto out;
			}
			set->pages = more;
		}
		memset(&set->pages[set->n], 0, sizeof(set->pages[0]));
		if (pti_parser_record(&parser, line, &set->pages[set->n], err,
				      errlen))
			goto out;
		set->n++;
	}
	if (lines.error) {
		read_failed(lines.error, err, errlen);
		goto out;
	}
	if (!header) {
		snprintf(err, errlen, "the pages view has no header line");
		goto out;
	}
	ret = 0;
out:
	if (ret)
		pti_page_set_free(set);
	pti_lines_free(&lines);
	fclose(in);
	return ret;
}

void pti_page_set_free(struct pti_page_set *set)
{
	free(set->pages);
	memset(set, 0, sizeof(*set));
}

const struct pti_page *pti_page_at(const struct pti_page_set *set,
				   unsigned long long addr)
{
	size_t lo = 0, hi = set->n;

	/* entries are in address order and do not overlap */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pti_page *p = &set->pages[mid];

		if (addr < p->addr)
			hi = mid;
		else if (addr >= p->addr + p->size)
			lo = mid + 1;
		else
			return p;
	}
	return NULL;
}

PTI_WORD_TABLE(level_words, PTI_LEVEL_WORDS, PTI_NR_LEVELS);
PTI_WORD_TABLE(state_words, PTI_STATE_WORDS, PTI_NR_STATES);
PTI_WORD_TABLE(result_words, PTI_RESULT_WORDS, PTI_NR_RESULTS);

bool pti_page_present(const struct pti_page *p)
{
	return pti_page_state_of(p->state) == PTI_STATE_PRESENT;
}

enum pti_pt_level pti_pt_level_of(const char *level)
{
	return (enum pti_pt_level)pti_word_id(level_words, PTI_NR_LEVELS,
					      level);
}

enum pti_page_state pti_page_state_of(const char *state)
{
	return (enum pti_page_state)pti_word_id(state_words, PTI_NR_STATES,
						state);
}

enum pti_walk_result pti_walk_result_of(const char *result)
{
	return (enum pti_walk_result)pti_word_id(result_words, PTI_NR_RESULTS,
						 result);
}

int pti_walk_load(const struct pti_source *src, int pid,
		  unsigned long long addr, struct pti_walk_step *steps,
		  int max, char *err, size_t errlen)
{
	struct pti_parser parser;
	char text[64], *line = NULL;
	size_t cap = 0;
	int n = -1;
	FILE *in;

	snprintf(text, sizeof(text), "%d 0x%llx\n", pid, addr);
	in = chosen(pti_choose_text(src, "walk", text, PAGES_DENIED, err,
				    errlen), src, pid, err, errlen);
	if (!in)
		return -1;
	if (getline(&line, &cap, in) < 0) {
		snprintf(err, errlen, "reading the walk: %s",
			 errno ? strerror(errno) : "no header line");
		goto out;
	}
	line[strcspn(line, "\n")] = '\0';
	if (pti_parser_header(&parser, pti_walk_columns, PTI_WALK_NR_COLUMNS,
			      line, err, errlen))
		goto out;
	n = 0;
	while (n < max && getline(&line, &cap, in) >= 0) {
		line[strcspn(line, "\n")] = '\0';
		memset(&steps[n], 0, sizeof(steps[n]));
		if (pti_parser_record(&parser, line, &steps[n], err, errlen)) {
			n = -1;
			goto out;
		}
		n++;
	}
out:
	free(line);
	fclose(in);
	return n;
}
