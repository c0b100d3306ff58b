/* flag_names.h - name the bits of a flag word the module prints as a
 * number (vm_flags, flags), and the values of a number that is one of a
 * list (policy), from its /proc/ptinspect/flags table.
 */
#ifndef PTI_CLI_FLAG_NAMES_H
#define PTI_CLI_FLAG_NAMES_H

#include <stddef.h>
#include <stdio.h>
#include "ptinspect_format.h"
#include "source.h"

/*
 * Room for the names a word's set bits decode to: every VM_* name of a
 * 6.1 to 7.x kernel is about 270 bytes, every PF_* name about 280.
 */
#define PTI_FLAG_NAMES_TEXT	512

/* One set's bits or values, in the module's order. */
struct pti_flag_names {
	struct pti_flag *bits;
	size_t n, room;
};

/* A set to read from a flags view, and where its names go. */
struct pti_flag_set_wanted {
	const char *column;
	struct pti_flag_names *fn;
};

/*
 * Read the set of @column ("vm_flags", "flags", "policy") from a flags
 * view: 0, or -1 with a message in @err.  A set the view does not list is
 * an error: every name would be missing.
 */
int pti_flag_names_parse(FILE *in, const char *column,
			 struct pti_flag_names *fn, char *err, size_t errlen);
/* The same from <proc_dir>/flags. */
int pti_flag_names_load(const struct pti_source *src, const char *column,
			struct pti_flag_names *fn, char *err, size_t errlen);
/*
 * Several sets in one reading: the @nwant sets of @want, each as above.
 * On an error none is kept; no set wanted reads nothing.
 */
int pti_flag_names_parse_sets(FILE *in, const struct pti_flag_set_wanted *want,
			      size_t nwant, char *err, size_t errlen);
int pti_flag_names_load_sets(const struct pti_source *src,
			     const struct pti_flag_set_wanted *want,
			     size_t nwant, char *err, size_t errlen);
/*
 * The names of @value's bits, '|'-separated, "" if none; a name that
 * would not fit in @size is left out with those after it.
 */
void pti_flag_names_decode(const struct pti_flag_names *fn,
			   unsigned long long value, char *buf, size_t size);
/*
 * The name of @value in a set of values (policy), or NULL if the set has
 * none: a kernel newer than its names.
 */
const char *pti_flag_names_value(const struct pti_flag_names *fn,
				 unsigned long long value);
/*
 * @value as a column shows a value of the set: its name, else (a kernel
 * newer than its names, or no names: @fn NULL) its number, written into
 * @buf.
 */
const char *pti_flag_names_value_text(const struct pti_flag_names *fn,
				      unsigned long long value, char *buf,
				      size_t size);
void pti_flag_names_free(struct pti_flag_names *fn);

#endif
