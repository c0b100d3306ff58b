/* options.c - getopt_long()'s tables and --help's Options lines, both made
 * from one table of a command's options.
 */
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "view.h"

static const struct pti_option help_option = { "help", 'h', NULL,
					       "this help" };

void pti_getopt_init(struct pti_getopt *g, const struct pti_option *options,
		     struct pti_view_opts *view)
{
	char *s = g->shortopts;
	size_t n = 0;

	g->view = view;
	for (const struct pti_option *o = options;; o++, n++) {
		if (!o->name)
			o = &help_option;
		/* a table is the program's own: one too long is a bug in it */
		if (n > PTI_OPTIONS_MAX) {
			fputs("ptinspect: more options than PTI_OPTIONS_MAX\n",
			      stderr);
			abort();
		}
		g->longopts[n] = (struct option){
			o->name, o->arg ? required_argument : no_argument,
			NULL, o->key
		};
		if (o->key < PTI_OPT_LONG_ONLY) {
			*s++ = (char)o->key;
			if (o->arg)
				*s++ = ':';
		}
		if (o == &help_option)
			break;
	}
	g->longopts[n + 1] = (struct option){ 0 };
	*s = '\0';
}

/* Whether @key is one of the view options; if so it is set in @v. */
static bool view_option(struct pti_view_opts *v, int key)
{
	bool *set = key == 'J' ? &v->json : key == 'P' ? &v->pairs :
		    key == 'r' ? &v->raw : key == 'n' ? &v->noheadings : NULL;

	if (set)
		*set = true;
	return set;
}

int pti_getopt_next(struct pti_getopt *g, int argc, char **argv)
{
	int key;

	do
		key = getopt_long(argc, argv, g->shortopts, g->longopts, NULL);
	while (key != -1 && g->view && view_option(g->view, key));
	return key;
}

/* An option's names and argument, as --help's left column shows them. */
static int option_names(char *buf, size_t size, const struct pti_option *o)
{
	if (o->key < PTI_OPT_LONG_ONLY)
		return snprintf(buf, size, "  -%c, --%s%s%s", o->key, o->name,
				o->arg ? " " : "", o->arg ? o->arg : "");
	return snprintf(buf, size, "      --%s%s%s", o->name,
			o->arg ? " " : "", o->arg ? o->arg : "");
}

static void option_line(FILE *out, const struct pti_option *o, int width)
{
	char names[64];
	const char *line = o->help, *end;

	option_names(names, sizeof(names), o);
	fprintf(out, "%-*s", width, names);
	while ((end = strchr(line, '\n'))) {
		fprintf(out, "%.*s\n%*s", (int)(end - line), line, width, "");
		line = end + 1;
	}
	fprintf(out, "%s\n", line);
}

void pti_options_help(FILE *out, const struct pti_option *options)
{
	char names[64];
	int width = option_names(names, sizeof(names), &help_option);

	for (const struct pti_option *o = options; o->name; o++) {
		int len = option_names(names, sizeof(names), o);

		if (len > width)
			width = len;
	}
	/* three spaces between the widest names and their help */
	width += 3;
	for (const struct pti_option *o = options; o->name; o++)
		option_line(out, o, width);
	option_line(out, &help_option, width);
}

int pti_option_exit(const char *cmd, int opt, void (*usage)(FILE *out))
{
	if (opt == 'h') {
		usage(stdout);
		return PTI_EXIT_OK;
	}
	fprintf(stderr, "Try 'ptinspect %s --help'.\n", cmd);
	return PTI_EXIT_USAGE;
}
