/* json.h - records as JSON objects, typed by their column tables.  Used
 * where one document holds several tables, which libsmartcols does not do.
 */
#ifndef PTI_CLI_JSON_H
#define PTI_CLI_JSON_H

#include <stdio.h>
#include "records.h"

void pti_json_string(FILE *out, const char *s);
/* Open an object and write @rec's columns (the caller closes it). */
void pti_json_record(FILE *out, const struct pti_column *cols, size_t ncols,
		     const void *rec);
/* The same, with null for the columns named in @absent ("a,b,c"). */
void pti_json_record_absent(FILE *out, const struct pti_column *cols,
			    size_t ncols, const void *rec, const char *absent);

#endif
