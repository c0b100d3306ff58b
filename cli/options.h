/* options.h - a command's options, described once: getopt_long()'s
 * tables and the Options part of its --help are made from the same rows,
 * so that --help lists exactly what the command parses.
 */
#ifndef PTI_CLI_OPTIONS_H
#define PTI_CLI_OPTIONS_H

#include <getopt.h>
#include <stdio.h>

struct pti_view_opts;

/* One option: a row of a table that ends with an empty row. */
struct pti_option {
	const char *name;	/* the long option, without "--" */
	int key;		/* its short option, or a key >= PTI_OPT_LONG_ONLY */
	const char *arg;	/* the argument's name in --help; NULL: none */
	const char *help;	/* each '\n' starts an indented line of its own */
};

/*
 * Keys of options that have no short form, out of getopt's char range:
 * the shared --list-columns, then PTI_OPT_OWN onwards for a command's own.
 */
enum {
	PTI_OPT_LONG_ONLY = 256,
	PTI_OPT_LIST_COLUMNS = PTI_OPT_LONG_ONLY,
	PTI_OPT_OWN,
};

/*
 * -J -P -r -n, as lsblk takes them, with what each means for the command;
 * pti_getopt_next() sets them in the view options it is given.
 */
#define PTI_VIEW_OPTIONS(json, pairs, raw, noheadings)	\
	{ "json", 'J', NULL, json },			\
	{ "pairs", 'P', NULL, pairs },			\
	{ "raw", 'r', NULL, raw },			\
	{ "noheadings", 'n', NULL, noheadings }

#define PTI_LIST_COLUMNS_OPTION \
	{ "list-columns", PTI_OPT_LIST_COLUMNS, NULL, \
	  "every column, NAME<TAB>HELP per line" }

/* At most this many rows; every command also takes -h/--help. */
#define PTI_OPTIONS_MAX 16

/* getopt_long()'s view of a table, made by pti_getopt_init(). */
struct pti_getopt {
	struct pti_view_opts *view;
	struct option longopts[PTI_OPTIONS_MAX + 2];
	char shortopts[3 * PTI_OPTIONS_MAX + 3];
};

/*
 * Make @g's tables from @options (and -h/--help), for a command line whose
 * -J -P -r -n go to @view (NULL: returned as any other option).  getopt's
 * state is main()'s to reset, before it hands a command its argv.
 */
void pti_getopt_init(struct pti_getopt *g, const struct pti_option *options,
		     struct pti_view_opts *view);

/*
 * The next option's key, as getopt_long() returns it ('h' for --help, '?'
 * for one not taken), after setting any view options on the way; -1 at
 * the end, with optind at the first operand.
 */
int pti_getopt_next(struct pti_getopt *g, int argc, char **argv);

/* The rows of @options, then -h/--help, as the lines of --help's Options. */
void pti_options_help(FILE *out, const struct pti_option *options);

/*
 * An option a command's getopt loop does not take itself, @opt as
 * getopt_long() returned it: 'h' (--help) prints @usage to stdout, anything
 * else tells how to get it, as util-linux's tools do.  The exit code.
 */
int pti_option_exit(const char *cmd, int opt, void (*usage)(FILE *out));

#endif
