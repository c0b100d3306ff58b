/* cmd_task.c - `ptinspect task PID`: one task_struct whole, grouped the
 * way a person reads it (identity, family, state, credentials, scheduling,
 * signals, memory, files, kernel stack), or as one JSON object.
 */
#include <getopt.h>
#include <libsmartcols.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "json.h"
#include "task.h"
#include "view.h"
#include "vma.h"
#include "wrap.h"

/* Everything one task view shows: the task record and its mm summary. */
struct task_view {
	struct pti_detail detail;
	struct pti_mm mm;
	bool has_mm_summary;
};

/*
 * One output row: @cols (space-separated column names; "mm." names the mm
 * summary's) fill @fmt's directives in order:
 *   %s  the value as /proc/ptinspect shows it
 *   %T  nanoseconds as seconds       %P  pages as a size
 *   %B  bytes as a size              %Y  0/1 as no/yes
 *   %L  a newline-separated list, space-separated
 *   %N  how many strings a newline-separated list holds
 * A row with @when is shown only if that column is neither 0 nor empty;
 * @shown says whether it belongs to the --all output, the short one or both.
 */
enum task_row_shown { ROW_ALWAYS, ROW_SHORT_ONLY, ROW_ALL_ONLY };

struct task_row {
	const char *section, *label, *cols, *fmt, *when;
	enum task_row_shown shown;
};

#define ROW(section, label, cols, fmt) \
	{ section, label, cols, fmt, NULL, ROW_ALWAYS }
#define ROW_IF(section, label, cols, fmt, when) \
	{ section, label, cols, fmt, when, ROW_ALWAYS }

static const struct task_row rows[] = {
	ROW("identity", "pid", "pid", "%s"),
	ROW("identity", "tgid", "tgid", "%s"),
	ROW("identity", "comm", "comm", "%s"),
	ROW("identity", "name", "name", "%s"),
	ROW("identity", "own pid namespace", "ns_pid ns_tgid ns_level",
	    "pid %s, tgid %s (level %s)"),
	ROW("identity", "session", "sid", "%s"),
	ROW("identity", "process group", "pgid", "%s"),

	ROW("family", "real_parent", "real_parent_pid", "%s"),
	ROW("family", "parent", "parent_pid", "%s"),
	ROW_IF("family", "ptraced by", "tracer", "%s", "tracer"),
	ROW("family", "group_leader", "leader", "%s"),
	ROW("family", "threads", "threads thread_pids", "%s: %s"),
	ROW("family", "children", "nr_children children", "%s: %s"),
	ROW("family", "siblings", "siblings", "%s"),
	ROW("family", "reaps orphans", "reaper", "%Y"),

	ROW("state", "state", "state state_names raw_state",
	    "%s %s (__state %s)"),
	ROW_IF("state", "exit_state", "exit_state_names exit_state",
	       "%s (%s)", "exit_state"),
	ROW("state", "flags", "flag_names flags", "%s (%s)"),
	ROW_IF("state", "exit_code", "exit_code", "%s", "exit_state"),
	ROW("state", "exit_signal", "exit_signal", "%s"),

	ROW("credentials", "uid", "uid euid suid fsuid",
	    "real %s, effective %s, saved %s, fs %s"),
	ROW("credentials", "gid", "gid egid sgid fsgid",
	    "real %s, effective %s, saved %s, fs %s"),
	ROW("credentials", "supplementary groups", "ngroups", "%s"),
	ROW("credentials", "real_cred differs", "cred_differs", "%Y"),
	ROW_IF("credentials", "real_cred", "real_euid real_egid",
	       "euid %s, egid %s (objective: who may act on this task)", "cred_differs"),
	ROW("credentials", "inheritable", "cap_inh_names cap_inh", "%s (%s)"),
	ROW("credentials", "permitted", "cap_prm_names cap_prm", "%s (%s)"),
	ROW("credentials", "effective", "cap_eff_names cap_eff", "%s (%s)"),
	ROW("credentials", "bounding", "cap_bnd_names cap_bnd", "%s (%s)"),
	ROW("credentials", "ambient", "cap_amb_names cap_amb", "%s (%s)"),

	ROW("scheduling", "policy", "policy", "%s"),
	ROW("scheduling", "class", "sched_class", "%s"),
	ROW("scheduling", "priority", "prio static_prio normal_prio rt_priority",
	    "prio %s, static %s, normal %s, rt %s"),
	ROW("scheduling", "nice", "nice", "%s"),
	ROW("scheduling", "vruntime", "vruntime", "%s ns"),
	ROW("scheduling", "sum_exec_runtime", "sum_exec_runtime", "%T"),
	ROW("scheduling", "nr_migrations", "nr_migrations", "%s"),
	ROW("scheduling", "queued", "on_rq on_cpu", "on_rq %s, on_cpu %s"),
	ROW("scheduling", "cpu", "cpu", "%s"),
	ROW("scheduling", "allowed cpus", "cpus_allowed nr_cpus_allowed",
	    "%s (%s)"),
	ROW("scheduling", "times", "utime_ns stime_ns", "user %T, system %T"),
	ROW("scheduling", "context switches", "nvcsw nivcsw",
	    "voluntary %s, involuntary %s"),
	ROW("scheduling", "started", "start_ns start_boot_ns",
	    "monotonic %T, boottime %T"),

	ROW("signals", "blocked", "sig_blocked_names sig_blocked", "%s (%s)"),
	ROW("signals", "pending (thread)", "sig_pending_names sig_pending",
	    "%s (%s)"),
	ROW("signals", "pending (group)", "sig_shared_pending_names sig_shared_pending",
	    "%s (%s)"),
	ROW("signals", "ignored", "sig_ignored", "%s"),
	ROW("signals", "caught", "sig_caught", "%s"),
	ROW("signals", "dispositions", "sig_handlers", "%s"),

	ROW("memory", "has mm", "has_mm", "%Y"),
	ROW("memory", "borrows active_mm", "borrows_mm", "%Y"),
	ROW_IF("memory", "address space", "mm.map_count mm.total_vm mm.rss_anon mm.rss_file mm.rss_shmem",
	       "%s VMAs, %P mapped; resident anon %P, file %P, shmem %P", "has_mm"),
	ROW_IF("memory", "mm shared by", "mm.mm_users mm.mm_count",
	       "mm_users %s, mm_count %s", "has_mm"),
	ROW_IF("memory", "argv", "arg_start arg_end", "%s-%s", "has_mm"),
	ROW_IF("memory", "environment", "env_start env_end", "%s-%s", "has_mm"),
	ROW_IF("memory", "cmdline", "cmdline", "%L", "has_mm"),
	{ "memory", "environ", "environ",
	  "%N strings (--all shows them)", "has_mm", ROW_SHORT_ONLY },
	{ "memory", "environ", "environ",
	  "%L", "has_mm", ROW_ALL_ONLY },

	ROW("files", "root", "root", "%s"),
	ROW("files", "cwd", "cwd", "%s"),
	ROW("files", "descriptors", "fds max_fds", "%s open, table of %s"),
	ROW("files", "files_struct users", "files_users", "%s"),
	ROW("files", "fs_struct users", "fs_users", "%s"),

	ROW("kernel stack", "size", "stack_size", "%B"),
	ROW("kernel stack", "address", "stack", "%s"),
};

static const char *const sections[] = {
	"identity", "family", "state", "credentials", "scheduling", "signals",
	"memory", "files", "kernel stack",
};

/* A column of the task view by name, and the record it is read from. */
static const struct pti_column *lookup(const struct task_view *v,
				       const char *name, const void **rec)
{
	const struct pti_column *col;

	if (strncmp(name, "mm.", 3) == 0) {
		*rec = &v->mm;
		return v->has_mm_summary ?
		       pti_column_find(pti_mm_columns, PTI_MM_NR_COLUMNS, name + 3) :
		       NULL;
	}
	*rec = &v->detail;
	col = pti_column_find(pti_detail_columns, PTI_DETAIL_NR_COLUMNS, name);
	if (col)
		return col;
	*rec = &v->detail.base;
	return pti_column_find(pti_task_columns, PTI_TASK_NR_COLUMNS, name);
}

static void value(const struct task_view *v, const char *name, char *buf,
		  size_t size)
{
	const void *rec;
	const struct pti_column *col = lookup(v, name, &rec);

	if (col)
		pti_column_format(col, rec, buf, size);
	if (!col || !buf[0])
		snprintf(buf, size, "-");
}

/* @text as @directive shows it; pages are @page_size bytes. */
static void render(char directive, const char *text, unsigned int page_size,
		   char *out, size_t size)
{
	unsigned long long n = strtoull(text, NULL, 0);
	size_t count = 0;

	switch (directive) {
	case 'T':
		snprintf(out, size, "%llu.%06llus", n / 1000000000ULL,
			 n % 1000000000ULL / 1000);
		break;
	case 'P':
		pti_human_size(n * page_size, out, size);
		break;
	case 'B':
		pti_human_size(n, out, size);
		break;
	case 'Y':
		snprintf(out, size, "%s", n ? "yes" : "no");
		break;
	case 'L':
		snprintf(out, size, "%s", text);
		for (char *p = out; *p; p++)
			if (*p == '\n')
				*p = ' ';
		break;
	case 'N':
		if (*text && strcmp(text, "-"))
			for (count = 1; *text; text++)
				count += *text == '\n';
		snprintf(out, size, "%zu", count);
		break;
	default:
		snprintf(out, size, "%s", text);
	}
}

/* Fill @row's format with its columns' values. */
static void row_text(const struct task_view *v, const struct task_row *row,
		     char *out, size_t size)
{
	char names[256], *save = NULL, *name;
	size_t len = 0;

	snprintf(names, sizeof(names), "%s", row->cols);
	name = strtok_r(names, " ", &save);
	out[0] = '\0';
	for (const char *f = row->fmt; *f && len + 1 < size; f++) {
		char raw[PTI_ARGS_LEN], shown[PTI_ARGS_LEN];

		if (f[0] != '%' || !f[1]) {
			out[len++] = *f;
			out[len] = '\0';
			continue;
		}
		f++;
		if (name) {
			value(v, name, raw, sizeof(raw));
			name = strtok_r(NULL, " ", &save);
		} else {
			snprintf(raw, sizeof(raw), "?");
		}
		render(*f, raw, v->mm.page_size, shown, sizeof(shown));
		len += (size_t)snprintf(out + len, size - len, "%s", shown);
		if (len >= size)
			len = size - 1;
	}
}

static bool row_shown(const struct task_view *v, const struct task_row *row,
		      bool all)
{
	char buf[64];

	if ((row->shown == ROW_SHORT_ONLY && all) ||
	    (row->shown == ROW_ALL_ONLY && !all))
		return false;
	if (!row->when)
		return true;
	value(v, row->when, buf, sizeof(buf));
	return strcmp(buf, "0") && strcmp(buf, "-") && strcmp(buf, "0x0");
}

/* The FIELD column's width: section names, and labels under "|-". */
static size_t field_width(const struct task_view *v, bool all)
{
	size_t w = 0;

	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++)
		if (strlen(sections[s]) > w)
			w = strlen(sections[s]);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		if (row_shown(v, &rows[i], all) && 2 + strlen(rows[i].label) > w)
			w = 2 + strlen(rows[i].label);
	return w;
}

static int print_human(const struct task_view *v, bool all)
{
	struct libscols_table *tb = scols_new_table();
	struct libscols_column *value_col;
	size_t term = pti_terminal_width(), width = 0;
	int ret = -1;

	if (!tb || !scols_table_new_column(tb, "FIELD", 0, SCOLS_FL_TREE))
		goto out;
	/* on a terminal, long lists go on as lines of whole names */
	value_col = scols_table_new_column(tb, "VALUE", 0, SCOLS_FL_WRAP);
	if (!value_col ||
	    scols_column_set_wrapfunc(value_col, scols_wrapnl_chunksize,
				      scols_wrapnl_nextchunk, NULL) ||
	    scols_column_set_safechars(value_col, "\n"))
		goto out;
	if (term) {
		width = field_width(v, all) + 1;
		width = term > width + 20 ? term - width : 20;
	}
	scols_table_enable_noheadings(tb, 1);
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		struct libscols_line *parent = scols_table_new_line(tb, NULL);

		if (!parent)
			goto out;
		scols_line_set_data(parent, 0, sections[s]);
		for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
			struct libscols_line *ln;
			char text[PTI_ARGS_LEN + 256];
			char wrapped[PTI_ARGS_LEN + 512];

			if (strcmp(rows[i].section, sections[s]) ||
			    !row_shown(v, &rows[i], all))
				continue;
			ln = scols_table_new_line(tb, parent);
			if (!ln)
				goto out;
			row_text(v, &rows[i], text, sizeof(text));
			pti_wrap_list(text, width, wrapped, sizeof(wrapped));
			scols_line_set_data(ln, 0, rows[i].label);
			scols_line_set_data(ln, 1, wrapped);
		}
	}
	ret = scols_print_table(tb);
out:
	scols_unref_table(tb);
	return ret;
}

/* A newline-separated list as a JSON array of strings. */
static void json_list(FILE *out, const char *text)
{
	bool first = true;

	fputc('[', out);
	while (*text && strcmp(text, "-")) {
		size_t n = strcspn(text, "\n");
		char item[PTI_ARGS_LEN];

		snprintf(item, sizeof(item), "%.*s", (int)n, text);
		fputs(first ? "" : ", ", out);
		pti_json_string(out, item);
		first = false;
		text += n + (text[n] == '\n');
	}
	fputc(']', out);
}

/* Each column a section's rows name, once, typed; "mm." ones as "mm". */
static void json_section(FILE *out, const struct task_view *v,
			 const char *section)
{
	const char *done[64];
	size_t ndone = 0;
	bool first = true, want_mm = false;

	fputc('{', out);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		char names[256], *save = NULL;

		if (strcmp(rows[i].section, section))
			continue;
		snprintf(names, sizeof(names), "%s", rows[i].cols);
		for (char *n = strtok_r(names, " ", &save); n;
		     n = strtok_r(NULL, " ", &save)) {
			const struct pti_column *col;
			const void *rec;
			char buf[PTI_ARGS_LEN];
			bool seen = false;

			if (strncmp(n, "mm.", 3) == 0) {
				want_mm = true;
				continue;
			}
			col = lookup(v, n, &rec);
			for (size_t k = 0; k < ndone; k++)
				seen |= col && done[k] == col->name;
			if (!col || seen || ndone == 64)
				continue;
			done[ndone++] = col->name;
			fprintf(out, "%s\"%s\": ", first ? "" : ", ", col->name);
			first = false;
			pti_column_format(col, rec, buf, sizeof(buf));
			if (col->type == PTI_T_ESCAPED && (!strcmp(n, "cmdline") ||
							   !strcmp(n, "environ")))
				json_list(out, buf);
			else if (pti_column_is_number(col))
				fputs(buf, out);
			else
				pti_json_string(out, buf);
		}
	}
	if (want_mm) {
		fprintf(out, "%s\"mm\": ", first ? "" : ", ");
		if (v->has_mm_summary) {
			pti_json_record(out, pti_mm_columns, PTI_MM_NR_COLUMNS,
					&v->mm);
			fputc('}', out);
		} else {
			fputs("null", out);
		}
	}
	fputc('}', out);
}

static void print_json(const struct task_view *v)
{
	fputc('{', stdout);
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		char key[32];

		snprintf(key, sizeof(key), "%s", sections[s]);
		for (char *p = key; *p; p++)
			if (*p == ' ')
				*p = '_';
		printf("%s\n \"%s\": ", s ? "," : "", key);
		json_section(stdout, v, sections[s]);
	}
	fputs("\n}\n", stdout);
}

static void usage(FILE *out)
{
	fputs("Usage: ptinspect task [options] PID\n\n"
	      "Show one task_struct whole: identity, family, state, credentials,\n"
	      "scheduling, signals, memory, files and kernel stack.  PID may be\n"
	      "any thread.  Needs root (/proc/ptinspect/task is root-only).\n\n"
	      "Options:\n"
	      "  -a, --all    also the environment strings\n"
	      "  -J, --json   one JSON object, a member per section\n"
	      "  -h, --help   this help\n", out);
}

int pti_cmd_task(const struct pti_source *src, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct task_view v;
	struct pti_vma_reader r;
	char err[512] = "";
	bool json = false, all = false;
	int c, pid;

	optind = 0;
	while ((c = getopt_long(argc, argv, "aJh", longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			all = true;
			break;
		case 'J':
			json = true;
			break;
		case 'h':
			usage(stdout);
			return PTI_EXIT_OK;
		default:
			fputs("Try 'ptinspect task --help'.\n", stderr);
			return PTI_EXIT_USAGE;
		}
	}
	pid = pti_pid_operand("task", argc, argv, optind);
	if (pid < 0)
		return PTI_EXIT_USAGE;
	if (pti_detail_load(src, pid, &v.detail, err, sizeof(err))) {
		fprintf(stderr, "ptinspect task: %s\n", err);
		return PTI_EXIT_FAILURE;
	}
	/* The mm summary is a second read: it may miss a task that just exited. */
	if (v.detail.base.has_mm &&
	    pti_vma_begin(src, pid, &r, &v.mm, err, sizeof(err)) == 0) {
		v.has_mm_summary = true;
		pti_vma_end(&r);
	}
	if (json)
		print_json(&v);
	else if (print_human(&v, all))
		return PTI_EXIT_FAILURE;
	return PTI_EXIT_OK;
}
