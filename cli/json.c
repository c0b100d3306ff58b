/* json.c - a record's columns as JSON members. */
#include <string.h>
#include "json.h"
#include "view.h"

void pti_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

void pti_json_record(FILE *out, const struct pti_column *cols, size_t ncols,
		     const void *rec)
{
	pti_json_record_absent(out, cols, ncols, rec, NULL);
}

void pti_json_record_absent(FILE *out, const struct pti_column *cols,
			    size_t ncols, const void *rec, const char *absent)
{
	fputc('{', out);
	for (size_t i = 0; i < ncols; i++) {
		char buf[8192];

		pti_column_format(&cols[i], rec, buf, sizeof(buf));
		fprintf(out, "%s\"%s\": ", i ? ", " : "", cols[i].name);
		if (pti_list_has(absent, ',', cols[i].name))
			fputs("null", out);
		else if (pti_column_is_number(&cols[i]))
			fputs(buf, out);
		else
			pti_json_string(out, buf);
	}
}
